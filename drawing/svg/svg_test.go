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
	name  string
	attrs map[string]string
	text  string
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
			e := svgElement{name: tok.Name.Local, attrs: map[string]string{}}
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

func TestSVGStructure(t *testing.T) {
	d := drawingtest.Sample()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	els := parseSVG(t, buf.Bytes())
	count := map[string]int{}
	for _, e := range els {
		count[e.name]++
	}
	want := map[string]int{"svg": 1, "rect": 1 + 3, "ellipse": 1, "polygon": 1, "polyline": 2, "path": 1,
		"text": 3 + len(drawingtest.NastyStrings) + 1}
	for name, n := range want {
		if count[name] != n {
			t.Errorf("%d <%s> elements, want %d", count[name], name, n)
		}
	}
	for name := range count {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected element <%s>", name)
		}
	}
	root := els[0]
	if root.attrs["width"] != "420pt" || root.attrs["height"] != "300pt" || root.attrs["viewBox"] != "0 0 420 300" {
		t.Errorf("root attributes %v", root.attrs)
	}
	// Texts come back exactly, in order; attributes carry the refs.
	var texts []svgElement
	for _, e := range els {
		if e.name == "text" {
			texts = append(texts, e)
		}
	}
	ti := 0
	for _, it := range d.Items {
		if it.Kind != drawing.KindText {
			continue
		}
		e := texts[ti]
		ti++
		if want := xmlSafe(it.Text); e.text != want {
			t.Errorf("text %q came back as %q", want, e.text)
		}
		if it.Ref != "" && e.attrs["data-ref"] != xmlSafe(it.Ref) {
			t.Errorf("data-ref %q came back as %q", it.Ref, e.attrs["data-ref"])
		}
		if e.attrs["xml:space"] != "preserve" && e.attrs["http://www.w3.org/XML/1998/namespace:space"] != "preserve" {
			t.Errorf("text %q lacks xml:space=preserve: %v", it.Text, e.attrs)
		}
		if e.attrs["lengthAdjust"] != "spacingAndGlyphs" || e.attrs["textLength"] != string(appendNum(nil, it.W)) {
			t.Errorf("text %q: textLength %q lengthAdjust %q, want %g", it.Text, e.attrs["textLength"], e.attrs["lengthAdjust"], it.W)
		}
	}
	for _, e := range els {
		if r, ok := e.attrs["data-ref"]; ok && e.name == "rect" && strings.Contains(r, "onload") {
			if _, injected := e.attrs["onload"]; injected {
				t.Error("a Ref injected an onload attribute")
			}
		}
		if _, ok := e.attrs["onload"]; ok {
			t.Errorf("<%s> has an onload attribute", e.name)
		}
	}
	// Spot checks of attribute forms.
	s := buf.String()
	for _, want := range []string{
		`stroke-dasharray="6,3"`, `stroke-opacity="0.502"`, `fill-opacity="0.502"`,
		`text-anchor="middle"`, `text-anchor="end"`, `font-weight="bold"`, `font-style="italic"`,
		`rx="6"`, `<path d="M70 50 C70 100 340 10 340 45" fill="none"`, `fill="none"`,
		`font-family="'Noto Sans','DejaVu Sans',Arial,Helvetica,sans-serif"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if strings.Contains(s, "<script") || strings.Contains(s, "]]>") {
		t.Error("user text leaked unescaped")
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
		`<text x="1" y="10" font-family=`,
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
	for _, s := range append(drawingtest.NastyStrings, drawingtest.ControlText, "\xff\xfe", "") {
		f.Add(s, "actor:"+s, 12.5)
	}
	f.Fuzz(func(t *testing.T, text, ref string, x float64) {
		d := &drawing.Drawing{Width: 100, Height: 100, Background: drawing.RGB(0xffffff), Items: []drawing.Item{
			{Kind: drawing.KindText, X: x, Y: 10, Text: text, Ref: ref, Size: 10, Fill: drawing.RGB(0), W: typeset.MeasureText(text, drawing.Regular, 10)},
			{Kind: drawing.KindRect, X: x, Y: 1, W: 2, H: 2, Ref: text, Fill: drawing.RGB(0x123456)},
		}}
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
		var names []string
		for _, e := range els {
			names = append(names, e.name)
		}
		if got := strings.Join(names, " "); got != "svg rect text rect" {
			t.Fatalf("elements %q", got)
		}
		if els[2].text != xmlSafe(text) {
			t.Fatalf("text %q came back as %q", text, els[2].text)
		}
		if ref != "" && els[2].attrs["data-ref"] != xmlSafe(ref) {
			t.Fatalf("ref %q came back as %q", ref, els[2].attrs["data-ref"])
		}
		if text != "" && els[3].attrs["data-ref"] != xmlSafe(text) {
			t.Fatalf("rect ref %q came back as %q", text, els[3].attrs["data-ref"])
		}
		if len(els[2].attrs) > 12 || len(els[3].attrs) > 7 {
			t.Fatalf("extra attributes: %v %v", els[2].attrs, els[3].attrs)
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
