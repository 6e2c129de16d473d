package style

import (
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// Text set in the bundled fonts, measured, for views that place text
// themselves (the timeline, the grid, the network): every line's width is
// known before it is placed, so labels can be packed without overlapping
// and boxes sized to fit.

// Line is one measured line of text.
type Line struct {
	Text  string
	Font  drawing.FontStyle
	Size  float64
	Color drawing.Color
	W     float64 // measured width in points
}

// Block is a stack of lines and its measured size.
type Block struct {
	Lines []Line
	W, H  float64
}

// Measure sets text on one line, cleaned of what no output can show
// (its spaces are kept: a piece of a line may start with one).
func Measure(text string, font drawing.FontStyle, size float64, c drawing.Color) Line {
	text = dropControls(text)
	return Line{Text: text, Font: font, Size: size, Color: c, W: typeset.MeasureText(text, font, size)}
}

// Wrap breaks text into lines no wider than maxW and measures them; a
// maxW that is not positive means no limit.
func Wrap(text string, font drawing.FontStyle, size float64, c drawing.Color, maxW float64) []Line {
	text = Clean(text)
	if text == "" {
		return nil
	}
	var out []Line
	for _, l := range typeset.WrapText(text, font, size, maxW) {
		out = append(out, Line{Text: l, Font: font, Size: size, Color: c, W: typeset.MeasureText(l, font, size)})
	}
	return out
}

// WrapMax is Wrap kept to at most n lines, the last one shortened with
// "…" when there was more.
func WrapMax(text string, font drawing.FontStyle, size float64, c drawing.Color, maxW float64, n int) []Line {
	lines := Wrap(text, font, size, c, maxW)
	if len(lines) <= n || n <= 0 {
		return lines
	}
	last := lines[n-1]
	rest := make([]string, 0, len(lines)-n+1)
	for _, l := range lines[n-1:] {
		rest = append(rest, l.Text)
	}
	lines = lines[:n]
	lines[n-1] = Measure(Shorten(strings.Join(rest, " ")+" …", last.Font, last.Size, maxW), last.Font, last.Size, last.Color)
	return lines
}

// Shorten returns text (on one line) cut at a word, or failing that a
// character, and ended with "…" so that it is no wider than maxW; text
// that fits is returned as it is.
func Shorten(text string, font drawing.FontStyle, size, maxW float64) string {
	text = strings.Join(strings.Fields(Clean(text)), " ")
	if maxW <= 0 || typeset.MeasureText(text, font, size) <= maxW {
		return text
	}
	const ell = "…"
	runes := []rune(text)
	// The longest prefix that fits with the ellipsis, by bisection.
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if typeset.MeasureText(string(runes[:mid])+ell, font, size) <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	cut := string(runes[:lo])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.–—-") + ell
}

// Clean drops control characters (other than newlines) that no output
// format can show, turns tabs into spaces and trims surrounding space.
func Clean(s string) string { return strings.TrimSpace(dropControls(s)) }

func dropControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}

// OneLine is text with its line breaks turned into spaces.
func OneLine(s string) string { return strings.Join(strings.Fields(Clean(s)), " ") }

// Stack measures a block of lines.
func Stack(lines ...Line) Block {
	b := Block{Lines: lines}
	for _, l := range lines {
		b.W = max(b.W, l.W)
		b.H += LineHeight(l.Font, l.Size)
	}
	return b
}

// LineHeight is the distance between the baselines of two lines.
func LineHeight(font drawing.FontStyle, size float64) float64 {
	_, _, lh := typeset.FontMetrics(font, size)
	return lh
}

// TextAt is one line drawn with the top of its line box at top, anchored
// at x: the glyphs are centred in the line's height, as in every view.
func TextAt(l Line, x, top float64, anchor drawing.Anchor, ref string) drawing.Item {
	ascent, descent, lh := typeset.FontMetrics(l.Font, l.Size)
	lead := (lh - ascent - descent) / 2
	return drawing.Item{Kind: drawing.KindText, X: x, Y: top + lead + ascent, W: l.W, Text: l.Text,
		Font: l.Font, Size: l.Size, Fill: l.Color, Anchor: anchor, Ref: ref}
}

// AppendBlock appends the lines of b from top y, anchored at x, and
// returns the items and the y below the block.
func AppendBlock(items []drawing.Item, b Block, x, y float64, anchor drawing.Anchor, ref string) ([]drawing.Item, float64) {
	for _, l := range b.Lines {
		items = append(items, TextAt(l, x, y, anchor, ref))
		y += LineHeight(l.Font, l.Size)
	}
	return items, y
}

// TextBox is the box a text item's glyphs may cover: from its line's top
// to its bottom, across its measured width.
func TextBox(it drawing.Item) (x0, y0, x1, y1 float64) {
	ascent, descent, _ := typeset.FontMetrics(it.Font, it.Size)
	x0 = it.X
	switch it.Anchor {
	case drawing.AnchorMiddle:
		x0 -= it.W / 2
	case drawing.AnchorEnd:
		x0 -= it.W
	}
	return x0, it.Y - ascent, x0 + it.W, it.Y + descent
}
