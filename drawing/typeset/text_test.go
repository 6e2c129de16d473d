package typeset

import (
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/go-text/typesetting/language"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
)

// sfntWidth measures s directly with sfnt at size points, summing glyph
// advances and kerning: an independent reading of the font.
func sfntWidth(t testing.TB, data []byte, s string, size float64) float64 {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(math.Round(size * 64))
	var w fixed.Int26_6
	prev := sfnt.GlyphIndex(0)
	for _, r := range s {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("font lacks %U", r)
		}
		if prev != 0 {
			if k, err := f.Kern(&buf, prev, g, ppem, font.HintingNone); err == nil {
				w += k
			}
		}
		a, err := f.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		w += a
		prev = g
	}
	return float64(w) / 64
}

func TestMeasureTextMatchesFont(t *testing.T) {
	cases := []struct {
		s     string
		style drawing.FontStyle
		data  []byte
	}{
		{"Hello, World", drawing.Regular, assets.FontRegular},
		{"AVATAR Wavy To.", drawing.Regular, assets.FontRegular},
		{"AVATAR Wavy To.", drawing.Bold, assets.FontBold},
		{"AVATAR Wavy To.", drawing.Italic, assets.FontItalic},
		{`"quotes" back\slash <&>`, drawing.Regular, assets.FontRegular},
		{"Зеленський Президент", drawing.Regular, assets.FontRegular},
		{"Éric Müller ŁÓDŹ", drawing.Bold, assets.FontBold},
		{"Ελλάδα", drawing.Regular, assets.FontRegular},
	}
	for _, c := range cases {
		for _, size := range []float64{10, 14, 1000} {
			got := MeasureText(c.s, c.style, size)
			want := sfntWidth(t, c.data, c.s, size)
			tol := float64(2*utf8.RuneCountInString(c.s)) / 64
			if math.Abs(got-want) > tol {
				t.Errorf("MeasureText(%q, %d, %g) = %g, sfnt says %g", c.s, c.style, size, got, want)
			}
		}
	}
}

func TestMeasureTextKerning(t *testing.T) {
	// (Noto Sans's Cyrillic pairs such as "Го" sit in lookups that
	// x/image/font/sfnt applies but HarfBuzz, as browsers, does not.)
	for _, pair := range []string{"AV", "To", "Ty"} {
		a, b := []rune(pair)[0], []rune(pair)[1]
		sep := MeasureText(string(a), drawing.Regular, 12) + MeasureText(string(b), drawing.Regular, 12)
		if got := MeasureText(pair, drawing.Regular, 12); got >= sep {
			t.Errorf("%q: %g, want less than %g (kerning)", pair, got, sep)
		}
	}
}

// faces lists the faces of a line's visible glyphs, in visual order,
// without repeats.
func faces(l *Line) []FaceID {
	var out []FaceID
	for _, g := range l.Glyphs {
		if len(Outline(g.Key)) == 0 {
			continue
		}
		if len(out) == 0 || out[len(out)-1] != g.Key.Face {
			out = append(out, g.Key.Face)
		}
	}
	return out
}

// TestEveryScriptHasGlyphs: each script is drawn from the face meant for
// it, with real glyphs (no .notdef, no boxes), in each style.
func TestEveryScriptHasGlyphs(t *testing.T) {
	cases := []struct {
		s    string
		want [3]FaceID // Regular, Bold, Italic
	}{
		{"Zelenskyy", [3]FaceID{FaceSans, FaceSansBold, FaceSansItalic}},
		{"Ελλάδα", [3]FaceID{FaceSans, FaceSansBold, FaceSansItalic}},
		{"Зеленский", [3]FaceID{FaceSans, FaceSansBold, FaceSansItalic}},
		{"قطر", [3]FaceID{FaceArabic, FaceArabicBold, FaceArabic}},
		{"ירושלים", [3]FaceID{FaceHebrew, FaceHebrewBold, FaceHebrew}},
		{"王毅", [3]FaceID{FaceCJK, FaceCJKBold, FaceCJK}},
		{"賴清德", [3]FaceID{FaceCJK, FaceCJKBold, FaceCJK}},
		{"東京とカタカナ", [3]FaceID{FaceCJK, FaceCJKBold, FaceCJK}},
		{"김정은", [3]FaceID{FaceHangul, FaceHangulBold, FaceHangul}},
		{"🇺🇦🕊️👍🏽", [3]FaceID{FaceEmoji, FaceEmojiBold, FaceEmoji}},
	}
	for _, c := range cases {
		for st := range 3 {
			l := Set(c.s, drawing.FontStyle(st))
			if got := faces(l); !reflect.DeepEqual(got, []FaceID{c.want[st]}) {
				t.Errorf("%q style %d: faces %v, want %v", c.s, st, got, c.want[st])
			}
			for _, g := range l.Glyphs {
				if g.Key.ID == 0 {
					t.Errorf("%q style %d: a .notdef glyph", c.s, st)
				}
			}
		}
	}
}

// visual returns the runes of s in the order Set lays them out, left to
// right, for scripts whose glyphs map one to one to runes.
func visual(t *testing.T, s string) string {
	t.Helper()
	l := Set(s, drawing.Regular)
	sh := getShaper()
	defer putShaper(sh)
	byGlyph := map[GlyphKey]rune{}
	for _, r := range s {
		if isBidiControl(r) || needsBox(r) {
			byGlyph[GlyphKey{FaceBoxes, uint32(r)}] = r
			continue
		}
		for _, f := range chains[drawing.Regular] {
			if g, ok := sh.faceOf(f).NominalGlyph(r); ok {
				byGlyph[GlyphKey{f, uint32(g)}] = r
			}
		}
	}
	var b strings.Builder
	lastX := float32(-1)
	for _, g := range l.Glyphs {
		if g.X < lastX {
			t.Errorf("%q: glyphs not left to right", s)
		}
		lastX = g.X
		r, ok := byGlyph[g.Key]
		if !ok {
			t.Fatalf("%q: glyph %v is no rune of it", s, g.Key)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestVisualOrder: the glyphs of mixed-direction labels come out in the
// order UAX #9 gives, each label its own paragraph, and bidi controls
// reorder nothing.
func TestVisualOrder(t *testing.T) {
	cases := []struct{ logical, visual string }{
		{"Zelenskyy", "Zelenskyy"},
		{"ירושלים", "םילשורי"},
		{"הארץ, 2025", "2025 ,ץראה"},                       // RTL paragraph: the number stays LTR, the comma follows the word
		{"Haaretz (הארץ) 2025", "Haaretz (ץראה) 2025"},     // LTR paragraph
		{"הארץ (Haaretz)", "(Haaretz) ץראה"},               // brackets pair up (N0)
		{"Talks in ירושלים 2025", "Talks in 2025 םילשורי"}, // a number after RTL text joins it (W7, N1)
		{"evil\u202Eexe.txt", "evil\u202Eexe.txt"},         // RLO shown, not applied
		{"a\u2066b\u2069c", "a\u2066b\u2069c"},             // LRI/PDI shown, not applied
		{"שלום\u202Dabc", "abc\u202Dםולש"},                 // LRO in RTL: neutral, the runs stay apart
	}
	for _, c := range cases {
		if got := visual(t, c.logical); got != c.visual {
			t.Errorf("%q lays out as %q, want %q", c.logical, got, c.visual)
		}
	}
	// Arabic numbers after Arabic letters inside a left-to-right line: the
	// number belongs to the Arabic phrase (levels 1 and 2), so it is drawn
	// to the phrase's left.
	l := Set("Talks in القاهرة 2025", drawing.Regular)
	var digitsX, arabicX float32 = -1, -1
	for _, g := range l.Glyphs {
		if g.Key.Face == FaceSans && digitsX < 0 && g.X > 3000 {
			digitsX = g.X
		}
		if g.Key.Face == FaceArabic && arabicX < 0 {
			arabicX = g.X
		}
	}
	if !(digitsX > 0 && arabicX > digitsX) {
		t.Errorf("2025 at %g, Arabic at %g: want the number left of the Arabic", digitsX, arabicX)
	}
}

func TestRTLParagraph(t *testing.T) {
	for s, rtl := range map[string]bool{"قطر": true, "ירושלים": true, "הארץ, 2025": true, "2025 הארץ": true, "Qatar قطر": false, "2025": false, "🇺🇦": false} {
		if got := Set(s, drawing.Regular).RTL; got != rtl {
			t.Errorf("%q: RTL %v, want %v", s, got, rtl)
		}
	}
}

func TestArabicJoins(t *testing.T) {
	// Joined letters take other glyphs than the isolated ones.
	l := Set("قطر", drawing.Regular)
	sh := getShaper()
	defer putShaper(sh)
	isolated := map[uint32]bool{}
	for _, r := range "قطر" {
		g, _ := sh.faceOf(FaceArabic).NominalGlyph(r)
		isolated[uint32(g)] = true
	}
	joined := 0
	for _, g := range l.Glyphs {
		if !isolated[g.Key.ID] {
			joined++
		}
	}
	if joined < 2 {
		t.Errorf("قطر: %d joined forms, want at least 2 (initial and medial)", joined)
	}
	// Marks sit on their base: a combining acute over e has no advance.
	if a, b := MeasureText("e\u0301", drawing.Regular, 10), MeasureText("e", drawing.Regular, 10); math.Abs(a-b) > 0.01 {
		t.Errorf("e + U+0301 is %g wide, e alone %g", a, b)
	}
}

func TestBoxes(t *testing.T) {
	for _, c := range []struct {
		r     rune
		label string
	}{{0x202e, "RLO"}, {0x2066, "LRI"}, {0x2069, "PDI"}, {0x378, "0378"}, {0xe0001 + 0x100000 - 0x100000, ""}, {0x10ffff, "10FFFF"}, {0x07, "0007"}, {'a', ""}} {
		if got := BoxLabel(c.r); got != c.label && !(c.label == "" && c.r == 0xe0001) {
			t.Errorf("BoxLabel(%U) = %q, want %q", c.r, got, c.label)
		}
	}
	// Bidi controls and characters no face has are drawn as boxes with
	// room of their own; default-ignorables draw nothing.
	for _, s := range []string{"a\u202eb", "a\u2066b", "a\u0378b", "a\U000F0000b", "a\x07b"} {
		l := Set(s, drawing.Regular)
		boxes := 0
		for _, g := range l.Glyphs {
			if g.Key.Face == FaceBoxes {
				boxes++
				if len(Outline(g.Key)) < 8 {
					t.Errorf("%q: box has no label", s)
				}
			}
		}
		if boxes != 1 || l.Advance < Set("ab", drawing.Regular).Advance+400 {
			t.Errorf("%q: %d boxes, advance %g", s, boxes, l.Advance)
		}
	}
	if got := Set("a\u200db\ufe0f\u200bc", drawing.Regular).Advance; got != Set("abc", drawing.Regular).Advance {
		t.Errorf("joiners and selectors take room: %g", got)
	}
	if got := Set("evil\u202eexe", drawing.Bold).Text; got != "evil\u2b1aexe" {
		t.Errorf("text layer %q", got)
	}
}

func TestEmbolden(t *testing.T) {
	bounds := func(segs []Segment) (x0, y0, x1, y1 float32) {
		x0, y0, x1, y1 = 1e9, 1e9, -1e9, -1e9
		for _, s := range segs {
			for j := range nArgs(s.Op) {
				p := s.Args[j]
				x0, y0, x1, y1 = min(x0, p.X), min(y0, p.Y), max(x1, p.X), max(y1, p.Y)
			}
		}
		return
	}
	l := Set("王", drawing.Regular)
	k := l.Glyphs[0].Key
	a0, b0, c0, d0 := bounds(Outline(k))
	a1, b1, c1, d1 := bounds(Outline(GlyphKey{FaceCJKBold, k.ID}))
	h := float32(emboldenStrength / 2)
	for i, d := range []float32{a0 - a1, b0 - b1, c1 - c0, d1 - d0} {
		if d < h*0.5 || d > h*1.5 {
			t.Errorf("side %d grew by %g, want about %g", i, d, h)
		}
	}
}

func TestMeasureTextStyles(t *testing.T) {
	for _, s := range []string{"Negotiation", "Переговори", "USA Russia Ukraine"} {
		r, b := MeasureText(s, drawing.Regular, 12), MeasureText(s, drawing.Bold, 12)
		if b <= r {
			t.Errorf("%q: bold %g not wider than regular %g", s, b, r)
		}
		if got := MeasureText(s, drawing.Regular, 24); math.Abs(got-2*r) > 1e-9 {
			t.Errorf("%q: width at 24 pt %g is not twice that at 12 pt %g", s, got, r)
		}
	}
	if MeasureText("x", drawing.FontStyle(99), 12) != MeasureText("x", drawing.Regular, 12) {
		t.Error("unknown style is not measured as Regular")
	}
	if MeasureText("", drawing.Regular, 12) != 0 {
		t.Error("empty string has a width")
	}
}

func TestFontMetrics(t *testing.T) {
	a, d, lh := FontMetrics(drawing.Regular, 10)
	// Noto Sans: ascender 1069, descender 293 per 1000 units, no line gap.
	if math.Abs(a-10.69) > 1e-6 || math.Abs(d-2.93) > 1e-6 || math.Abs(lh-13.62) > 1e-6 {
		t.Errorf("FontMetrics(Regular, 10) = %g, %g, %g; want 10.69, 2.93, 13.62", a, d, lh)
	}
}

func TestConcurrent(t *testing.T) {
	words := []string{"Ελλάδα", "日本", "Zelenskyy", "قطر", "ירושלים", "🕊️", "a\u202eb"}
	want := make([]float64, len(words))
	for i, w := range words {
		want[i] = MeasureText(w, drawing.Italic, 11)
	}
	lineCache.mu.Lock()
	clear(lineCache.m)
	lineCache.mu.Unlock()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				j := (i + g) % len(words)
				if got := MeasureText(words[j], drawing.Italic, 11); got != want[j] {
					t.Errorf("concurrent MeasureText(%q) = %g, want %g", words[j], got, want[j])
					return
				}
				for _, gl := range Set(words[j], drawing.Bold).Glyphs {
					Outline(gl.Key)
				}
			}
		})
	}
	wg.Wait()
}

func TestWrapText(t *testing.T) {
	const size = 10
	w := func(s string) float64 { return MeasureText(s, drawing.Regular, size) }
	cases := []struct {
		name string
		s    string
		max  float64
		want []string
	}{
		{"empty", "", 100, nil},
		{"fits", "United States", 1000, []string{"United States"}},
		{"no limit", "United States of America", 0, []string{"United States of America"}},
		{"exact fit", "United States", w("United States"), []string{"United States"}},
		{"two lines", "United States", w("United States") - 0.01, []string{"United", "States"}},
		{"greedy", "aa bb cc dd", w("aa bb"), []string{"aa bb", "cc dd"}},
		{"explicit breaks", "one\ntwo\n\nthree", 1000, []string{"one", "two", "", "three"}},
		{"crlf", "one\r\ntwo", 1000, []string{"one", "two"}},
		{"breaks and wrap", "aa aa\ncc", w("aa"), []string{"aa", "aa", "cc"}},
		{"spaces kept", "a  b", 1000, []string{"a  b"}},
		{"spaces at break dropped", "aaaa   aaaa", w("aaaa"), []string{"aaaa", "aaaa"}},
		{"long word", "abcdefghij", w("abcd"), []string{"abcd", "efgh", "ij"}},
		{"long word after word", "x abcdefgh y", w("abcd"), []string{"x", "abcd", "efgh", "y"}},
		{"narrower than a char", "abc", 0.5, []string{"a", "b", "c"}},
		{"emoji sequence kept whole", "🇺🇦🇺🇦", w("🇺🇦") + 0.1, []string{"🇺🇦", "🇺🇦"}},
		{"combining mark kept", "e\u0301e\u0301", w("e\u0301") + 0.1, []string{"e\u0301", "e\u0301"}},
		{"cyrillic", "Володимир Зеленський", math.Max(w("Володимир"), w("Зеленський")) + 1, []string{"Володимир", "Зеленський"}},
		{"cjk breaks between characters", "中华人民共和国外交部", w("中华人民共") + 0.1, []string{"中华人民共", "和国外交部"}},
		{"arabic at spaces", "وزير الخارجية القطري", w("وزير الخارجية") + 0.1, []string{"وزير الخارجية", "القطري"}},
		{"only spaces", "   ", 1, []string{""}},
	}
	for _, c := range cases {
		got := WrapText(c.s, drawing.Regular, size, c.max)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: WrapText(%q, %g) = %q, want %q", c.name, c.s, c.max, got, c.want)
		}
	}
}

func TestWrapTextProperties(t *testing.T) {
	inputs := []string{
		"The quick brown fox jumps over the lazy dog",
		"Делегація України на переговорах у Ер-Ріяді",
		"وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني",
		"ראש הממשלה בנימין נתניהו, 2025",
		"a\nb c d e f g\n\n  h",
		"🇺🇦 🕊️ 中文字符 mixed",
		" leading and trailing ",
	}
	for _, s := range inputs {
		for _, max := range []float64{1, 20, 45, 80, 300} {
			lines := WrapText(s, drawing.Bold, 9, max)
			if len(lines) == 0 {
				t.Fatalf("WrapText(%q, %g) gave no lines", s, max)
			}
			for _, l := range lines {
				if lw := MeasureText(l, drawing.Bold, 9); lw > max+1e-6 && utf8.RuneCountInString(strings.TrimSpace(l)) > 1 && strings.Contains(strings.TrimSpace(l), " ") {
					t.Errorf("WrapText(%q, %g): line %q is %g wide", s, max, l, lw)
				}
			}
			strip := func(x string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(x) }
			if got := strip(strings.Join(lines, "")); got != strip(s) {
				t.Errorf("WrapText(%q, %g) lost text: %q", s, max, lines)
			}
		}
	}
}

func TestScriptsResolveCommon(t *testing.T) {
	sh := getShaper()
	defer putShaper(sh)
	sh.scripts([]rune("1. قطر, 2"))
	for i, s := range sh.script {
		if s != language.Arabic {
			t.Errorf("rune %d: script %v, want Arabic", i, s)
		}
	}
}

var benchLabels = []string{
	"United States", "Russian Federation", "Ukraine (Zelenskyy)",
	"Saudi Arabia – host", "Marco Rubio, Secretary of State",
	"Сергій Лавров", "Riyadh track, 18 Feb 2025", "Steve Witkoff",
	"European Union", "Kirill Dmitriev (RDIF)",
}

func BenchmarkMeasureTextCached(b *testing.B) {
	for _, l := range benchLabels {
		MeasureText(l, drawing.Regular, 10)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		MeasureText(benchLabels[i%len(benchLabels)], drawing.Regular, 10)
	}
}

func BenchmarkSetUncached(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		setLine(benchLabels[i%len(benchLabels)], drawing.Regular)
	}
}

func BenchmarkWrapText(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		WrapText(benchLabels[i%len(benchLabels)], drawing.Bold, 10, 60)
	}
}
