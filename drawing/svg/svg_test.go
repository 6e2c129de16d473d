package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// nastyStrings are user texts that must come out exactly as written.
var nastyStrings = []string{
	`"quotes" and 'apostrophes'`,
	`back\slash`,
	`<script>alert(1)</script>`,
	`&amp; & &#60;`,
	`]]> <![CDATA[x]]>`,
	"en – dash, em — dash",
	"Зеленський",
	"🇺🇦 🕊️",
	"  two  spaces  ",
}

// controlText has characters XML 1.0 cannot carry.
const controlText = "nul\x00bell\x07esc\x1b end"

// testDrawing exercises every ItemKind, dashes, alphas, anchors, styles and
// the nasty strings.
func testDrawing() *Drawing {
	d := &Drawing{Width: 420, Height: 300, Background: RGB(0xffffff)}
	ink := RGB(0x222222)
	add := func(it Item) { d.Items = append(d.Items, it) }
	text := func(x, y float64, s string, st FontStyle, size float64, a Anchor, ref string) {
		add(Item{Kind: KindText, X: x, Y: y, Text: s, Font: st, Size: size, Anchor: a,
			Fill: ink, W: MeasureText(s, st, size), Ref: ref})
	}
	// A filled rounded box with its label.
	add(Item{Kind: KindRect, X: 10, Y: 10, W: 120, H: 40, Radius: 6,
		Fill: RGB(0xdce9f7), Stroke: Stroke{Color: RGB(0x1f4e79), Width: 1.5}, Ref: "actor:us"})
	text(70, 35, "United States", Bold, 12, AnchorMiddle, "actor:us")
	// A dashed, unfilled, translucent box.
	add(Item{Kind: KindRect, X: 150, Y: 10, W: 110, H: 40,
		Stroke: Stroke{Color: Color{0x80, 0, 0, 0x80}, Width: 2, Dash: []float64{6, 3}}, Ref: `actor:"x" onload="alert(1)`})
	text(155, 35, "Зеленський", Regular, 12, AnchorStart, "")
	// A translucent ellipse.
	add(Item{Kind: KindEllipse, X: 340, Y: 30, W: 60, H: 20,
		Fill: Color{0xff, 0xa5, 0x00, 0x80}, Stroke: Stroke{Color: ink, Width: 1}, Ref: "track:riyadh"})
	text(400, 34, "Riyadh – track", Italic, 10, AnchorEnd, "track:riyadh")
	// An edge: bézier, arrowhead polygon, dashed polyline.
	add(Item{Kind: KindBezier, Points: []Point{{70, 50}, {70, 100}, {340, 10}, {340, 45}},
		Stroke: Stroke{Color: ink, Width: 1}, Ref: "edge:1"})
	add(Item{Kind: KindPolygon, Points: []Point{{336, 45}, {340, 55}, {344, 45}},
		Fill: ink, Stroke: Stroke{Color: ink, Width: 1}})
	add(Item{Kind: KindPolyline, Points: []Point{{10, 280}, {100, 230}, {200, 280}, {300, 230}},
		Stroke: Stroke{Color: RGB(0x2e7d32), Width: 2, Dash: []float64{1, 2}}})
	add(Item{Kind: KindRect, X: 200, Y: 120, W: 60, H: 12, Fill: RGB(0x000000)}) // solid block
	add(Item{Kind: KindPolyline, Points: []Point{{10, 200}, {410, 200}},
		Stroke: Stroke{Color: RGB(0x000000), Width: 1}}) // a horizontal rule
	// The nasty strings, one a line.
	y := 80.0
	for _, s := range nastyStrings {
		text(12, y, s, Regular, 9, AnchorStart, "")
		y += 12
	}
	text(300, 100, controlText, Regular, 9, AnchorStart, "ctl:\x01")
	return d
}

// goldenSVG is the testDrawing's SVG.
const goldenSVG = "testdata/output/drawing.svg"

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
		t.Fatalf("%v (go test ./render/ -run SVG -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test ./render/ -run SVG -update rewrites it)", name)
	}
}

func TestSVGGolden(t *testing.T) {
	var a, b bytes.Buffer
	if err := testDrawing().WriteSVG(&a); err != nil {
		t.Fatal(err)
	}
	if err := testDrawing().WriteSVG(&b); err != nil {
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
	d := testDrawing()
	var buf bytes.Buffer
	if err := d.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	els := parseSVG(t, buf.Bytes())
	count := map[string]int{}
	for _, e := range els {
		count[e.name]++
	}
	want := map[string]int{"svg": 1, "rect": 1 + 3, "ellipse": 1, "polygon": 1, "polyline": 2, "path": 1,
		"text": 3 + len(nastyStrings) + 1}
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
		if it.Kind != KindText {
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
	for _, s := range append(nastyStrings, controlText, "\t\n\r", "bad \xff utf8 \xed\xa0\x80", "\uFFFE\uFFFF", "ok \uFFFD") {
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
	for _, d := range []*Drawing{
		{Width: math.NaN(), Height: 10},
		{Width: 10, Height: -1},
		{Width: 10, Height: 10, Items: []Item{{Kind: KindText, X: math.Inf(1)}}},
		{Width: 10, Height: 10, Items: []Item{{Kind: KindBezier, Points: []Point{{0, 0}, {math.NaN(), 1}}}}},
		{Width: 10, Height: 10, Items: []Item{{Kind: KindRect, Stroke: Stroke{Dash: []float64{math.Inf(-1)}}}}},
		nil,
	} {
		var buf bytes.Buffer
		err := d.WriteSVG(&buf)
		if err == nil || !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("WriteSVG(%v) error = %v", d, err)
		}
		if buf.Len() != 0 {
			t.Errorf("WriteSVG wrote %d bytes before failing", buf.Len())
		}
	}
	// Degenerate items: negative sizes, too few points, odd dashes, empty text.
	d := &Drawing{Width: 50, Height: 50, Items: []Item{
		{Kind: KindRect, X: 20, Y: 20, W: -10, H: -5, Radius: 100, Fill: RGB(0xff0000)},
		{Kind: KindPolyline, Points: []Point{{1, 1}}},
		{Kind: KindBezier, Points: []Point{{1, 1}, {2, 2}, {3, 3}}},
		{Kind: KindPolygon, Points: []Point{{1, 1}, {5, 5}, {1, 5}}, Stroke: Stroke{Color: RGB(0), Width: 1, Dash: []float64{-1, 2}}},
		{Kind: KindPolygon, Points: []Point{{1, 1}, {5, 5}, {1, 5}}, Stroke: Stroke{Color: RGB(0), Width: 1, Dash: []float64{0, 0}}},
		{Kind: KindText, X: 1, Y: 10, Size: 5, Fill: RGB(0)},
		{Kind: ItemKind(200)},
	}}
	var buf bytes.Buffer
	if err := d.WriteSVG(&buf); err != nil {
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
	for _, s := range append(nastyStrings, controlText, "\xff\xfe", "") {
		f.Add(s, "actor:"+s, 12.5)
	}
	f.Fuzz(func(t *testing.T, text, ref string, x float64) {
		d := &Drawing{Width: 100, Height: 100, Background: RGB(0xffffff), Items: []Item{
			{Kind: KindText, X: x, Y: 10, Text: text, Ref: ref, Size: 10, Fill: RGB(0), W: MeasureText(text, Regular, 10)},
			{Kind: KindRect, X: x, Y: 1, W: 2, H: 2, Ref: text, Fill: RGB(0x123456)},
		}}
		var buf bytes.Buffer
		err := d.WriteSVG(&buf)
		if !finiteNum(x) {
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

// syntheticDrawing resembles a laid-out diagram of n actors: per 100 actors
// a band about 1,000 × 200 pt with rounded boxes and two-line labels, track
// ellipses, bézier edges with arrowheads (some dashed) and edge labels.
func syntheticDrawing(n int) *Drawing {
	bands := (n + 99) / 100
	d := &Drawing{Width: 1000, Height: 200 * float64(bands), Background: RGB(0xffffff)}
	ink := RGB(0x333333)
	add := func(it Item) { d.Items = append(d.Items, it) }
	label := func(x, y float64, s string, st FontStyle, size float64) {
		add(Item{Kind: KindText, X: x, Y: y, Text: s, Font: st, Size: size, Anchor: AnchorMiddle,
			Fill: ink, W: MeasureText(s, st, size)})
	}
	names := []string{"United States", "Russia", "Ukraine", "Saudi Arabia", "Сергій Лавров", "EU", "Turkey", "Qatar"}
	for i := range n {
		band, j := i/100, i%100
		by := float64(band) * 200
		// Actors: two rows of 50 boxes along the top and bottom of the band.
		col, row := j%50, j/50
		x := 10 + float64(col)*19.6
		y := by + 8 + float64(row)*150
		ref := fmt.Sprintf("actor:%d", i)
		add(Item{Kind: KindRect, X: x, Y: y, W: 18, H: 34, Radius: 3, Fill: RGB(0xe8f0fa),
			Stroke: Stroke{Color: RGB(0x1f4e79), Width: 1}, Ref: ref})
		label(x+9, y+14, names[i%len(names)][:min(4, len(names[i%len(names)]))], Bold, 6)
		label(x+9, y+26, fmt.Sprintf("#%d", i), Italic, 5)
		// Tracks: one ellipse per 10 actors in the middle of the band.
		if j%10 == 0 {
			tx := 60 + float64(j/10)*95
			add(Item{Kind: KindEllipse, X: tx, Y: by + 100, W: 40, H: 14, Fill: RGB(0xfff3d6),
				Stroke: Stroke{Color: ink, Width: 1}, Ref: fmt.Sprintf("track:%d", i/10)})
			label(tx, by+103, fmt.Sprintf("Track %d", i/10), Regular, 8)
		}
		// Edges from the actor to one or two tracks.
		for e := range 1 + i%2 {
			tx := 60 + float64((j/10+e*3)%10)*95
			sx, sy := x+9, y+34
			ty := by + 86
			if row == 1 {
				sy, ty = y, by+114
			}
			st := Stroke{Color: ink, Width: 1}
			if (i+e)%3 == 0 {
				st.Dash = []float64{4, 2}
			}
			add(Item{Kind: KindBezier, Points: []Point{{sx, sy}, {sx, (sy + ty) / 2}, {tx, (sy + ty) / 2}, {tx, ty}},
				Stroke: st, Ref: fmt.Sprintf("seat:%d:%d", i, e)})
			dir := 1.0
			if row == 1 {
				dir = -1
			}
			add(Item{Kind: KindPolygon, Points: []Point{{tx - 3, ty - 8*dir}, {tx, ty}, {tx + 3, ty - 8*dir}},
				Fill: ink, Stroke: Stroke{Color: ink, Width: 1}})
			if i%5 == 0 {
				label((sx+tx)/2, (sy+ty)/2, "delegate", Regular, 6)
			}
		}
	}
	return d
}

func BenchmarkWriteSVG(b *testing.B) {
	for _, n := range []int{100, 1000} {
		d := syntheticDrawing(n)
		b.Run(fmt.Sprintf("actors=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := d.WriteSVG(&buf); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
