package typeset

import (
	"math"
	"strings"

	"github.com/parleyhq/parley/drawing"
)

// MeasureText returns the advance width, in points, of s set on one line in
// the bundled Noto Sans face style at size points, with kerning. Runes the
// font lacks are counted by the fallback rule documented in face.go (1 em
// for emoji and wide runes), so boxes sized with it are big enough. It is
// safe for concurrent use.
func MeasureText(s string, style drawing.FontStyle, size float64) float64 {
	f := faceFor(style)
	return float64(f.units(s)) * size / float64(f.upem)
}

// FontMetrics returns the ascent (above the baseline) and descent (below it,
// positive) of the face style at size points, and the distance between the
// baselines of consecutive lines.
func FontMetrics(style drawing.FontStyle, size float64) (ascent, descent, lineHeight float64) {
	f := faceFor(style)
	k := size / float64(f.upem)
	return float64(f.ascent) * k, float64(f.descent) * k, float64(f.ascent+f.descent+f.gap) * k
}

// WrapText breaks s into lines no wider than maxWidth points when set in
// style at size points. Every "\n" (or "\r\n") starts a new line; within a
// paragraph lines break greedily at spaces, the space at a break being
// dropped, and a word wider than maxWidth on its own is broken between
// characters (never before a combining mark or inside an emoji sequence).
// Spaces elsewhere are kept as written. A maxWidth that is not positive
// means no limit. An empty s gives no lines; any other s gives at least one.
func WrapText(s string, style drawing.FontStyle, size, maxWidth float64) []string {
	if s == "" {
		return nil
	}
	f := faceFor(style)
	limit := int64(math.MaxInt64)
	if maxWidth > 0 && size > 0 && !math.IsInf(maxWidth, 1) {
		if l := maxWidth * float64(f.upem) / size; l < float64(math.MaxInt64/2) {
			// A hair of slack so a line measured at exactly maxWidth fits.
			limit = int64(math.Floor(l + 1e-6))
		}
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = wrapParagraph(lines, f, para, limit)
	}
	return lines
}

// wrapParagraph appends para's lines.
func wrapParagraph(lines []string, f *fontFace, para string, limit int64) []string {
	if para == "" || f.units(para) <= limit {
		return append(lines, para)
	}
	var line strings.Builder
	started := false    // line holds at least one word (maybe empty)
	afterBreak := false // a soft break just happened: drop spaces
	for word := range strings.SplitSeq(para, " ") {
		if !started {
			if word == "" && afterBreak {
				continue
			}
			line.WriteString(word)
			started = true
		} else {
			candidate := line.String() + " " + word
			if f.units(candidate) <= limit {
				line.Reset()
				line.WriteString(candidate)
				continue
			}
			lines = append(lines, strings.TrimRight(line.String(), " "))
			line.Reset()
			afterBreak = true
			if word == "" {
				started = false
				continue
			}
			line.WriteString(word)
		}
		// line is now a single word: split it if it alone is too wide.
		if w := line.String(); f.units(w) > limit {
			chunks := breakWord(f, w, limit)
			lines = append(lines, chunks[:len(chunks)-1]...)
			line.Reset()
			line.WriteString(chunks[len(chunks)-1])
		}
	}
	if started {
		lines = append(lines, line.String())
	}
	return lines
}

// breakWord splits w into pieces no wider than limit (each at least one
// character), never separating a rune that takes no room from the one before.
func breakWord(f *fontFace, w string, limit int64) []string {
	var out []string
	start := 0
	var width int64
	sh := newShaper(f)
	for i, r := range w {
		k, a, _ := sh.next(r)
		if i > start && a > 0 && width+int64(k)+int64(a) > limit {
			out = append(out, w[start:i])
			start = i
			width = 0
			sh = newShaper(f)
			_, a, _ = sh.next(r)
			k = 0
		}
		width += int64(k) + int64(a)
	}
	return append(out, w[start:])
}
