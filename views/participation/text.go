package participation

import (
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// measured is one line of text with its width.
func measured(text string, font drawing.FontStyle, size float64, c drawing.Color) TextLine {
	return TextLine{Text: text, Font: font, Size: size, Color: c, W: typeset.MeasureText(text, font, size)}
}

// wrapLines wraps text to maxWidth and measures each line.
func wrapLines(text string, font drawing.FontStyle, size float64, c drawing.Color, maxWidth float64) []TextLine {
	text = cleanText(text)
	if text == "" {
		return nil
	}
	var out []TextLine
	for _, l := range typeset.WrapText(text, font, size, maxWidth) {
		out = append(out, measured(l, font, size, c))
	}
	return out
}

// cleanText drops control characters (other than newlines) that no output
// format can show and trims surrounding space.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
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
	return strings.TrimSpace(s)
}

// stack measures a block of lines.
func stack(lines []TextLine) Block {
	b := Block{Lines: lines}
	for _, l := range lines {
		b.W = max(b.W, l.W)
		_, _, lh := typeset.FontMetrics(l.Font, l.Size)
		b.H += lh
	}
	return b
}

// restack re-measures lines after a change of font.
func restack(lines []TextLine) Block {
	for i := range lines {
		lines[i].W = typeset.MeasureText(lines[i].Text, lines[i].Font, lines[i].Size)
	}
	return stack(lines)
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
