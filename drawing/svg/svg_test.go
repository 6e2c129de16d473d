package svg

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/drawingtest"
	"github.com/parleyhq/parley/drawing/typeset"
)

// update makes golden-file tests in this package rewrite their files under
// testdata/ instead of comparing against them.
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// goldenSVG is the SVG of drawingtest.Sample.
const goldenSVG = "testdata/drawing.svg"

// checkOutputGolden compares got with the file name, or rewrites it with
// -update.
func checkOutputGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (go test ./drawing/svg/ -run SVG -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test ./drawing/svg/ -run SVG -update rewrites it)", name)
	}
}

func TestSVGGolden(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, drawingtest.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, drawingtest.Sample()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs gave different SVG")
	}
	checkOutputGolden(t, goldenSVG, a.Bytes())
}

// svgElement is a parsed element.
type svgElement struct {
	name   string
	attrs  map[string]string
	text   string
	parent int // index of the parent element, -1 for the root
}

// parseSVG parses the whole document strictly and returns its elements in
// order.
func parseSVG(t testing.TB, data []byte) []svgElement {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var els []svgElement
	var stack []int
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v\n%s", err, data)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := svgElement{name: tok.Name.Local, attrs: map[string]string{}, parent: -1}
			if len(stack) > 0 {
				e.parent = stack[len(stack)-1]
			}
			for _, a := range tok.Attr {
				key := a.Name.Local
				if a.Name.Space != "" {
					key = a.Name.Space + ":" + key
				}
				e.attrs[key] = a.Value
			}
			if tok.Name.Space != "http://www.w3.org/2000/svg" {
				t.Errorf("element %s is in namespace %q", tok.Name.Local, tok.Name.Space)
			}
			stack = append(stack, len(els))
			els = append(els, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				els[stack[len(stack)-1]].text += string(tok)
			}
		}
	}
	return els
}

// xmlSafe is s as it must come back from the SVG: characters XML cannot hold
// become U+FFFD.
func xmlSafe(s string) string {
	var b strings.Builder
	for i, r := range s {
		if !xmlChar(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// allowedAttrs are the attributes the writer may write: anything else in
// the output is injected markup.
var allowedAttrs = map[string]bool{
	"xmlns": true, "xmlns:xlink": true, "version": true, "width": true, "height": true, "viewBox": true,
	"role": true, "aria-labelledby": true, "id": true, "class": true, "x": true, "y": true, "rx": true,
	"cx": true, "cy": true, "ry": true, "points": true, "d": true, "fill": true, "fill-opacity": true,
	"stroke": true, "stroke-width": true, "stroke-opacity": true, "stroke-dasharray": true, "transform": true,
	"http://www.w3.org/1999/xlink:href": true, "font-family": true, "font-size": true, "textLength": true,
	"lengthAdjust": true, "http://www.w3.org/XML/1998/namespace:space": true,
}

var allowedElements = map[string]bool{"svg": true, "title": true, "desc": true, "defs": true, "path": true,
	"g": true, "use": true, "text": true, "rect": true, "ellipse": true, "polygon": true, "polyline": true}

// checkMarkup fails on any element or attribute the writer does not write.
func checkMarkup(t *testing.T, els []svgElement) {
	t.Helper()
	for _, e := range els {
		if !allowedElements[e.name] {
			t.Errorf("unexpected element <%s>", e.name)
		}
		for a := range e.attrs {
			if !allowedAttrs[a] && !strings.HasPrefix(a, "data-") {
				t.Errorf("<%s> has attribute %s", e.name, a)
			}
		}
	}
}

// validID reports whether id is an XML NCName of ASCII letters, digits, '-'
// and '_' that starts with a letter or '_'.
func validID(id string) bool {
	for i, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || i > 0 && (r >= '0' && r <= '9' || r == '-')
		if !ok {
			return false
		}
	}
	return id != ""
}

func TestSVGStructure(t *testing.T) {
	d := drawingtest.Sample()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	els := parseSVG(t, buf.Bytes())
	checkMarkup(t, els)
	root := els[0]
	if root.attrs["width"] != "620pt" || root.attrs["height"] != "300pt" || root.attrs["viewBox"] != "0 0 620 300" ||
		root.attrs["role"] != "img" || root.attrs["aria-labelledby"] != "parley-title parley-desc" {
		t.Errorf("root attributes %v", root.attrs)
	}
	ids := map[string]int{}
	for i, e := range els {
		if id, ok := e.attrs["id"]; ok {
			if _, dup := ids[id]; dup || !validID(id) {
				t.Errorf("id %q repeated or not a valid id", id)
			}
			ids[id] = i
		}
	}
	if e := els[ids["parley-title"]]; e.name != "title" || e.parent != 0 || e.text != xmlSafe(typeset.Neutralise(d.Title)) {
		t.Errorf("title %v", e)
	}
	if e := els[ids["parley-desc"]]; e.name != "desc" || e.parent != 0 || e.text != xmlSafe(typeset.Neutralise(d.Desc)) {
		t.Errorf("desc %q, want %q", e.text, d.Desc)
	}
	// Every <use> refers to a glyph defined in <defs>.
	for _, e := range els {
		if e.name == "use" {
			href := e.attrs["http://www.w3.org/1999/xlink:href"]
			def, ok := ids[strings.TrimPrefix(href, "#")]
			if !strings.HasPrefix(href, "#") || !ok || els[def].name != "path" || els[els[def].parent].name != "defs" {
				t.Errorf("<use> refers to %q, no glyph", href)
			}
		}
	}
	// One group per run of a Ref, with its Object's id, class, data and
	// tooltip; the text copies come back exactly, in order, inside them.
	groups := map[string]svgElement{}
	var texts []svgElement
	for _, e := range els {
		if ref, ok := e.attrs["data-ref"]; ok && e.name == "g" {
			if _, seen := groups[ref]; !seen {
				groups[ref] = e
			}
		}
		if e.name == "text" {
			texts = append(texts, e)
		}
	}
	for ref, obj := range d.Objects {
		g, ok := groups[xmlSafe(ref)]
		if !ok {
			t.Errorf("no group for %q", ref)
			continue
		}
		if g.attrs["class"] != obj.Class {
			t.Errorf("%q: class %q, want %q", ref, g.attrs["class"], obj.Class)
		}
		for k, v := range obj.Data {
			if n := dataName(k); n != "" && g.attrs["data-"+n] != v {
				t.Errorf("%q: data-%s = %q, want %q", ref, n, g.attrs["data-"+n], v)
			}
		}
		var tip string
		for _, e := range els {
			if e.name == "title" && e.parent >= 0 && els[e.parent].attrs["id"] == g.attrs["id"] {
				tip = e.text
			}
		}
		if tip != xmlSafe(typeset.Neutralise(obj.Tooltip)) {
			t.Errorf("%q: tooltip %q, want %q", ref, tip, obj.Tooltip)
		}
	}
	if g := groups["actor:us"]; g.attrs["id"] != "actor-us" || g.attrs["data-actor"] != "us" || g.attrs["data-role"] != "participant" {
		t.Errorf("actor:us group %v", g.attrs)
	}
	ti := 0
	for _, it := range d.Items {
		if it.Kind != drawing.KindText {
			continue
		}
		e := texts[ti]
		ti++
		line := typeset.Set(it.Text, it.Font)
		if want := xmlSafe(line.Text); e.text != want {
			t.Errorf("text %q came back as %q", want, e.text)
		}
		if it.Ref != "" && (e.parent < 0 || els[e.parent].attrs["data-ref"] != xmlSafe(it.Ref)) {
			t.Errorf("text %q is not in the group of %q", it.Text, it.Ref)
		}
		if e.attrs["fill-opacity"] != "0" || e.attrs["http://www.w3.org/XML/1998/namespace:space"] != "preserve" {
			t.Errorf("text %q: the copy is not invisible or not preserved: %v", it.Text, e.attrs)
		}
		if w := float64(line.Advance) * (it.Size / typeset.UnitsPerEm); e.attrs["textLength"] != string(appendNum(nil, w)) {
			t.Errorf("text %q: textLength %q, want %g", it.Text, e.attrs["textLength"], w)
		}
	}
	if ti != len(texts) {
		t.Errorf("%d texts, %d text items", len(texts), ti)
	}
	s := buf.String()
	for _, want := range []string{
		`stroke-dasharray="6,3"`, `stroke-opacity="0.502"`, `fill-opacity="0.502"`,
		`rx="6"`, `<path d="M70 50 C70 100 340 10 340 45" fill="none"`, `fill="none"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if strings.Contains(s, "<script") || strings.Contains(s, "]]>") || strings.Contains(s, "\u202e") {
		t.Error("user text leaked unescaped, or a bidi control reached the SVG")
	}
}

func TestRefID(t *testing.T) {
	for ref, want := range map[string]string{
		"actor:us": "actor-us", "seat:riyadh/us": "seat-riyadh-us", "track:a_b-c": "track-a_b-c",
		`actor:"x" onload="alert(1)`: "actor-_22_x_22__20_onload_3D__22_alert_28_1_29_",
		"3d":                         "ref-3d", "": "ref-", "ctl:\x01": "ctl-_1_", "актор:я": "ref-_430__43A__442__43E__440_-_44F_",
	} {
		if got := refID(ref); got != want || !validID(got) {
			t.Errorf("refID(%q) = %q, want %q", ref, got, want)
		}
	}
}

func TestSVGEscapeMatchesEncodingXML(t *testing.T) {
	for _, s := range append(drawingtest.NastyStrings, drawingtest.ControlText, "\t\n\r", "bad \xff utf8 \xed\xa0\x80", "\uFFFE\uFFFF", "ok \uFFFD") {
		var want bytes.Buffer
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := string(appendEscaped(nil, s)); got != want.String() {
			t.Errorf("appendEscaped(%q) = %q, encoding/xml gives %q", s, got, want.String())
		}
	}
}

func TestSVGNumbers(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {-0.001, "0"}, {1, "1"}, {1.005, "1"}, {1.006, "1.01"},
		{12.5, "12.5"}, {-3.14159, "-3.14"}, {1e6 + 0.25, "1000000.25"}, {1e20, "100000000000000000000"},
	} {
		if got := string(appendNum(nil, c.v)); got != c.want {
			t.Errorf("appendNum(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestSVGEdgeCases(t *testing.T) {
	// Non-finite numbers are refused and nothing is written.
	for _, d := range []*drawing.Drawing{
		{Width: math.NaN(), Height: 10},
		{Width: 10, Height: -1},
		{Width: 10, Height: 10, Items: []drawing.Item{{Kind: drawing.KindText, X: math.Inf(1)}}},
		{Width: 10, Height: 10, Items: []drawing.Item{{Kind: drawing.KindBezier, Points: []drawing.Point{{X: 0, Y: 0}, {X: math.NaN(), Y: 1}}}}},
		{Width: 10, Height: 10, Items: []drawing.Item{{Kind: drawing.KindRect, Stroke: drawing.Stroke{Dash: []float64{math.Inf(-1)}}}}},
		nil,
	} {
		var buf bytes.Buffer
		err := Write(&buf, d)
		if err == nil || !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("Write(%v) error = %v", d, err)
		}
		if buf.Len() != 0 {
			t.Errorf("Write wrote %d bytes before failing", buf.Len())
		}
	}
	// Degenerate items: negative sizes, too few points, odd dashes, empty text.
	d := &drawing.Drawing{Width: 50, Height: 50, Items: []drawing.Item{
		{Kind: drawing.KindRect, X: 20, Y: 20, W: -10, H: -5, Radius: 100, Fill: drawing.RGB(0xff0000)},
		{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 1, Y: 1}}},
		{Kind: drawing.KindBezier, Points: []drawing.Point{{X: 1, Y: 1}, {X: 2, Y: 2}, {X: 3, Y: 3}}},
		{Kind: drawing.KindPolygon, Points: []drawing.Point{{X: 1, Y: 1}, {X: 5, Y: 5}, {X: 1, Y: 5}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 1, Dash: []float64{-1, 2}}},
		{Kind: drawing.KindPolygon, Points: []drawing.Point{{X: 1, Y: 1}, {X: 5, Y: 5}, {X: 1, Y: 5}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 1, Dash: []float64{0, 0}}},
		{Kind: drawing.KindText, X: 1, Y: 10, Size: 5, Fill: drawing.RGB(0)},
		{Kind: drawing.ItemKind(200)},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	parseSVG(t, buf.Bytes())
	for _, want := range []string{
		`<rect x="10" y="15" width="10" height="5" rx="2.5" fill="#ff0000"/>`,
		`<path d="M1 1 L2 2 L3 3" fill="none"/>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %s:\n%s", want, s)
		}
	}
	if strings.Contains(s, "dasharray") || strings.Contains(s, "<polyline") || strings.Contains(s, "textLength") {
		t.Errorf("degenerate items drawn wrongly:\n%s", s)
	}
	if strings.Contains(s, `<rect x="0" y="0"`) {
		t.Error("transparent background drawn")
	}
}

func FuzzWriteSVG(f *testing.F) {
	for _, s := range append(append(drawingtest.NastyStrings, drawingtest.ScriptStrings...), drawingtest.ControlText, "\xff\xfe", "") {
		f.Add(s, "actor:"+s, 12.5)
	}
	f.Fuzz(func(t *testing.T, text, ref string, x float64) {
		d := &drawing.Drawing{Width: 100, Height: 100, Background: drawing.RGB(0xffffff), Title: text, Desc: ref,
			Items: []drawing.Item{
				{Kind: drawing.KindText, X: x, Y: 10, Text: text, Ref: ref, Size: 10, Fill: drawing.RGB(0), W: typeset.MeasureText(text, drawing.Regular, 10)},
				{Kind: drawing.KindRect, X: x, Y: 1, W: 2, H: 2, Ref: text, Fill: drawing.RGB(0x123456)},
			},
			Objects: map[string]drawing.Object{ref: {Class: text, Tooltip: text, Data: map[string]string{text: ref, "k": text}}},
		}
		var buf bytes.Buffer
		err := Write(&buf, d)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			if err == nil {
				t.Fatal("non-finite x accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		els := parseSVG(t, buf.Bytes())
		checkMarkup(t, els)
		var copies []string
		var refs []string
		for _, e := range els {
			if e.name == "text" {
				copies = append(copies, e.text)
			}
			if r, ok := e.attrs["data-ref"]; ok {
				refs = append(refs, r)
			}
			if id, ok := e.attrs["id"]; ok && !validID(id) {
				t.Fatalf("invalid id %q", id)
			}
		}
		if text != "" && (len(copies) != 1 || copies[0] != xmlSafe(typeset.Set(text, drawing.Regular).Text)) {
			t.Fatalf("text %q came back as %q", text, copies)
		}
		var want []string
		if ref != "" {
			want = append(want, xmlSafe(ref))
		}
		if text != "" && text != ref {
			want = append(want, xmlSafe(text))
		}
		if strings.Join(refs, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("refs %q, want %q", refs, want)
		}
	})
}

func BenchmarkWriteSVG(b *testing.B) {
	for _, n := range []int{100, 1000} {
		d := drawingtest.Synthetic(n)
		b.Run(fmt.Sprintf("actors=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, d); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
