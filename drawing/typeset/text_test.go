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

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
)

// sfntWidth measures s directly with sfnt at size points (ppem = size, in
// 26.6), summing glyph advances and kerning, for runes the font has.
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
			k, err := f.Kern(&buf, prev, g, ppem, font.HintingNone)
			if err == nil {
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
		{"Зеленський – Гонконг", drawing.Regular, assets.FontRegular},
		{"Éric Müller ŁÓDŹ", drawing.Bold, assets.FontBold},
		{"Ελλάδα", drawing.Regular, assets.FontRegular}, // outside the dense tables
	}
	for _, c := range cases {
		for _, size := range []float64{10, 14, 1000} {
			got := MeasureText(c.s, c.style, size)
			want := sfntWidth(t, c.data, c.s, size)
			// sfnt rounds each advance and kern to 1/64 pt at this size.
			tol := float64(2*utf8.RuneCountInString(c.s)) / 64
			if math.Abs(got-want) > tol {
				t.Errorf("MeasureText(%q, %d, %g) = %g, sfnt says %g", c.s, c.style, size, got, want)
			}
		}
	}
}

func TestMeasureTextKerning(t *testing.T) {
	// Noto Sans kerns "AV" and "Го": the pair is narrower than its parts.
	for _, pair := range []string{"AV", "Го", "To"} {
		a, b := []rune(pair)[0], []rune(pair)[1]
		sep := MeasureText(string(a), drawing.Regular, 12) + MeasureText(string(b), drawing.Regular, 12)
		if got := MeasureText(pair, drawing.Regular, 12); got >= sep {
			t.Errorf("%q: %g, want less than %g (kerning)", pair, got, sep)
		}
	}
}

func TestMeasureTextScripts(t *testing.T) {
	const size = 10
	space := MeasureText(" ", drawing.Regular, size)
	cyr := "Зеленський"
	w := MeasureText(cyr, drawing.Regular, size)
	if n := float64(utf8.RuneCountInString(cyr)); w < 1.5*n*space {
		t.Errorf("Cyrillic %q measured %g, about the width of spaces (%g each): not real glyphs", cyr, w, space)
	}
	em := float64(size)
	fffd := MeasureText("\uFFFD", drawing.Regular, size)
	for _, c := range []struct {
		s    string
		want float64
	}{
		{"🕊️", em},              // dove + VS16
		{"🇺🇦", em},              // flag: two regional indicators
		{"👨‍👩‍👧", em},           // ZWJ family
		{"👍🏽", em},              // skin tone modifier
		{"中文", 2 * em},          // CJK
		{"\u200b\u0085", 0},     // zero width space, C1 control
		{"\t\n", 2 * space},     // tab and newline count as spaces
		{"\x00", fffd},          // SVG shows NUL as U+FFFD
		{"\xff", fffd},          // so is invalid UTF-8
		{"🇺🇦 🕊️", 2*em + space}, // from the golden drawing
	} {
		if got := MeasureText(c.s, drawing.Regular, size); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("MeasureText(%q) = %g, want %g", c.s, got, c.want)
		}
	}
	if got := MeasureText("مرحبا", drawing.Regular, size); got <= 0 {
		t.Errorf("Arabic (not in Noto Sans) measured %g, want > 0", got)
	}
	if MeasureText("", drawing.Regular, size) != 0 {
		t.Error("empty string has a width")
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
	// An unknown style falls back to Regular rather than panicking.
	if MeasureText("x", drawing.FontStyle(99), 12) != MeasureText("x", drawing.Regular, 12) {
		t.Error("unknown style is not measured as Regular")
	}
}

func TestFontMetrics(t *testing.T) {
	a, d, lh := FontMetrics(drawing.Regular, 10)
	// Noto Sans: ascender 1069, descender 293 per 1000 units, no line gap.
	if math.Abs(a-10.69) > 1e-9 || math.Abs(d-2.93) > 1e-9 || math.Abs(lh-13.62) > 1e-9 {
		t.Errorf("FontMetrics(Regular, 10) = %g, %g, %g; want 10.69, 2.93, 13.62", a, d, lh)
	}
	for _, st := range []drawing.FontStyle{drawing.Bold, drawing.Italic} {
		if a2, d2, lh2 := FontMetrics(st, 20); a2 <= 0 || d2 <= 0 || lh2 < a2+d2 {
			t.Errorf("FontMetrics(%d, 20) = %g, %g, %g", st, a2, d2, lh2)
		}
	}
}

func TestMeasureTextConcurrent(t *testing.T) {
	// Exercises the lazily filled caches from several goroutines (meaningful
	// under -race).
	words := []string{"Ελλάδα", "日本", "Zelenskyy", "Зеленський", "ḍṛṣṭi", "🕊️"}
	want := make([]float64, len(words))
	for i, w := range words {
		want[i] = MeasureText(w, drawing.Italic, 11)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				j := (i + g) % len(words)
				st := drawing.FontStyle(i % 3)
				if got := MeasureText(words[j], st, 11); st == drawing.Italic && got != want[j] {
					t.Errorf("concurrent MeasureText(%q) = %g, want %g", words[j], got, want[j])
					return
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
		"supercalifragilisticexpialidocious and more",
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
				if lw := MeasureText(l, drawing.Bold, 9); lw > max+1e-9 && clusters(l) > 1 {
					t.Errorf("WrapText(%q, %g): line %q is %g wide", s, max, l, lw)
				}
			}
			// Nothing but the spaces at breaks is lost.
			strip := func(x string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(x) }
			if got := strip(strings.Join(lines, "")); got != strip(s) {
				t.Errorf("WrapText(%q, %g) lost text: %q", s, max, lines)
			}
		}
	}
}

// clusters counts the runes of s that take room: the places a word may be
// broken, plus one.
func clusters(s string) int {
	sh := newShaper(faceFor(drawing.Bold))
	n := 0
	for _, r := range s {
		if _, a, _ := sh.next(r); a > 0 {
			n++
		}
	}
	return n
}

// benchLabels resembles the labels of a diagram: names, roles, dates, some
// Cyrillic.
var benchLabels = []string{
	"United States", "Russian Federation", "Ukraine (Zelenskyy)",
	"Saudi Arabia – host", "Marco Rubio, Secretary of State",
	"Сергій Лавров", "Riyadh track, 18 Feb 2025", "Steve Witkoff",
	"European Union", "Kirill Dmitriev (RDIF)",
}

func BenchmarkMeasureText(b *testing.B) {
	for _, l := range benchLabels {
		MeasureText(l, drawing.Regular, 10) // warm the caches
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		MeasureText(benchLabels[i%len(benchLabels)], drawing.Regular, 10)
	}
}

func BenchmarkWrapText(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		WrapText(benchLabels[i%len(benchLabels)], drawing.Bold, 10, 60)
	}
}

func TestDenseIndex(t *testing.T) {
	// The lookup table agrees with a walk over denseRanges.
	i := 0
	for _, rg := range denseRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if got := denseIndex(r); got != i {
				t.Fatalf("denseIndex(%U) = %d, want %d", r, got, i)
			}
			i++
		}
	}
	if i != denseCount {
		t.Fatalf("denseCount = %d, ranges hold %d", denseCount, i)
	}
	for _, r := range []rune{-1, 0, 0x1f, 0x7f, 0x9f, 0x180, 0x3ff, 0x460, 0x48f, 0x492, 0x200f, 0x2027, 0x10ffff} {
		if got := denseIndex(r); got != -1 {
			t.Errorf("denseIndex(%U) = %d, want -1", r, got)
		}
	}
}
