package typeset

import (
	"math"
	"strings"

	"github.com/parleyhq/parley/drawing"
)

// MeasureText returns the advance width, in points, of s set on one line in
// style at size points, exactly as Set shapes it and every writer draws it.
// It is safe for concurrent use.
func MeasureText(s string, style drawing.FontStyle, size float64) float64 {
	if s == "" {
		return 0
	}
	return float64(Set(s, style).Advance) * size / UnitsPerEm
}

// FontMetrics returns the ascent (above the baseline) and descent (below it,
// positive) of style's primary face (Noto Sans) at size points, and the
// distance between the baselines of consecutive lines. Every line uses
// these, whatever its script, so rows of boxes line up.
func FontMetrics(style drawing.FontStyle, size float64) (ascent, descent, lineHeight float64) {
	mustFonts()
	if int(style) >= len(fonts.ascent) {
		style = drawing.Regular
	}
	k := size / UnitsPerEm
	a, d, g := float64(fonts.ascent[style]), float64(fonts.descent[style]), float64(fonts.gap[style])
	return a * k, d * k, (a + d + g) * k
}

// WrapText breaks s into lines no wider than maxWidth points when set in
// style at size points, measured as Set shapes them. Every "\n" (or "\r\n")
// starts a new line; within a paragraph lines break greedily at spaces, the
// space at a break being dropped, and a word wider than maxWidth on its own
// (a long name, or CJK text, which has no spaces) is broken between
// characters, never inside a cluster (a letter and its marks, an emoji
// sequence). Spaces elsewhere are kept as written. A maxWidth that is not
// positive means no limit. An empty s gives no lines; any other s at least
// one.
func WrapText(s string, style drawing.FontStyle, size, maxWidth float64) []string {
	if s == "" {
		return nil
	}
	limit := float32(math.Inf(1))
	if maxWidth > 0 && size > 0 && !math.IsInf(maxWidth, 1) {
		// A hair of slack so a line measured at exactly maxWidth fits.
		limit = float32(maxWidth*UnitsPerEm/size) + 1e-3
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var lines []string
	w := &wrapper{style: style, limit: limit}
	for _, para := range strings.Split(s, "\n") {
		lines = w.paragraph(lines, para)
	}
	return lines
}

type wrapper struct {
	style drawing.FontStyle
	limit float32
	adv   []float32
}

// width is the shaped width of s in units.
func (w *wrapper) width(s string) float32 { return Set(s, w.style).Advance }

// paragraph appends para's lines. Candidate lines are measured from the
// paragraph's per-character advances, then each line chosen is shaped on
// its own and, should shaping make it wider (kerning, joining), given up a
// word.
func (w *wrapper) paragraph(lines []string, para string) []string {
	if para == "" || w.width(para) <= w.limit {
		return append(lines, para)
	}
	var words []string
	for word := range strings.SplitSeq(para, " ") {
		words = append(words, word)
	}
	var line []string
	started := false    // line holds at least one word (maybe empty)
	afterBreak := false // a soft break just happened: drop spaces
	flush := func() {
		text := strings.TrimRight(strings.Join(line, " "), " ")
		lines = append(lines, text)
		line = line[:0]
	}
	for i := 0; i < len(words); i++ {
		word := words[i]
		if !started {
			if word == "" && afterBreak {
				continue
			}
			line = append(line, word)
			started = true
		} else {
			candidate := strings.Join(line, " ") + " " + word
			if w.width(candidate) <= w.limit {
				line = append(line, word)
				continue
			}
			flush()
			afterBreak = true
			if word == "" {
				started = false
				continue
			}
			line = append(line, word)
		}
		// line is now a single word: split it if it alone is too wide.
		if w.width(word) > w.limit {
			chunks := w.breakWord(word)
			lines = append(lines, chunks[:len(chunks)-1]...)
			line = append(line[:0], chunks[len(chunks)-1])
		}
	}
	if started {
		lines = append(lines, strings.Join(line, " "))
	}
	return lines
}

// breakWord splits word into pieces no wider than the limit (each at least
// one cluster), breaking only between clusters.
func (w *wrapper) breakWord(word string) []string {
	runeWidths(word, w.style, &w.adv)
	runes := []rune(word)
	var out []string
	start := 0
	var width float32
	for i := 0; i < len(runes); {
		j := i + 1
		if isRegional(runes[i]) && j < len(runes) && isRegional(runes[j]) {
			j++
		}
		for j < len(runes) && (extends(runes[j]) || runes[j-1] == 0x200d) {
			j++
		}
		var cw float32
		for k := i; k < j; k++ {
			cw += w.adv[k]
		}
		if i > start && width+cw > w.limit {
			out = append(out, string(runes[start:i]))
			start, width = i, 0
		}
		width += cw
		i = j
	}
	return append(out, string(runes[start:]))
}
