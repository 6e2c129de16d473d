package participation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/scenario"
)

// measured is one line of text with its width.
func measured(text string, font drawing.FontStyle, size float64, c drawing.Color) TextLine {
	return TextLine{Text: text, Font: font, Size: size, Color: c, W: typeset.MeasureText(text, font, size)}
}

// wrapLines wraps text (as drawn: see drawnText) to maxWidth and measures
// each line.
func wrapLines(text string, font drawing.FontStyle, size float64, c drawing.Color, maxWidth float64) []TextLine {
	text = drawnText(text, 0)
	if text == "" {
		return nil
	}
	var out []TextLine
	for _, l := range typeset.WrapText(text, font, size, maxWidth) {
		out = append(out, measured(l, font, size, c))
	}
	return out
}

// drawnText is text as every output draws it: line breaks as "\n" (CR LF,
// CR, U+2028 and U+2029 too), a tab as a space, control characters as
// scenario.VisibleControl shows them (never dropped, so that the SVG, the
// PNG, the DOT and the tooltips agree), space around it trimmed, and with
// limit > 0 at most limit characters, the last an ellipsis. Bidi controls
// are kept for the text setting to apply.
func drawnText(s string, limit int) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError:
			b.WriteRune(r)
		case scenario.IsControl(r):
			b.WriteString(scenario.VisibleControl(r))
		default:
			b.WriteRune(r)
		}
	}
	return cut(strings.TrimSpace(b.String()), limit)
}

// cut shortens s to limit characters, the last an ellipsis, breaking after
// a whole character (not inside a combining sequence or an emoji joined
// with U+200D). limit <= 0: no limit.
func cut(s string, limit int) string {
	if limit <= 0 || utf8.RuneCountInString(s) <= limit {
		return s
	}
	n, end := 0, 0
	for i := range s {
		if n == limit-1 {
			end = i
			break
		}
		n++
	}
	head := []rune(s[:end])
	// Do not leave a joiner, a variation selector or half a sequence.
	for len(head) > 0 {
		last := head[len(head)-1]
		if last == '\u200d' || unicode.Is(unicode.Variation_Selector, last) || unicode.IsSpace(last) {
			head = head[:len(head)-1]
			continue
		}
		break
	}
	if end < len(s) {
		next, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.Is(unicode.Mn, next) || next == '\u200d' || unicode.Is(unicode.Variation_Selector, next) {
			// The cut falls inside a cluster: drop its start too.
			for len(head) > 0 && unicode.Is(unicode.Mn, head[len(head)-1]) {
				head = head[:len(head)-1]
			}
			if len(head) > 0 {
				head = head[:len(head)-1]
			}
		}
	}
	return string(head) + "…"
}

// shown is an optional text as drawn, or "" when it is blank.
func shown(s string, limit int) string {
	if scenario.Blank(s) {
		return ""
	}
	return drawnText(s, limit)
}

// actorLabel is what boxes, frames and "per"/"via" call an actor: its
// short label, else its name, else (both blank) its id.
func actorLabel(a *scenario.Actor) string {
	if s := shown(a.Short, scenario.MaxLabelLength); s != "" {
		return s
	}
	if s := shown(a.Name, scenario.MaxLabelLength); s != "" {
		return s
	}
	return a.ID
}

// fullName is an actor's name in full, for tooltips and the description.
func fullName(a *scenario.Actor) string {
	if s := shown(a.Name, 0); s != "" {
		return s
	}
	if s := shown(a.Short, 0); s != "" {
		return s
	}
	return a.ID
}

// trackName is a track's name as drawn (its id when blank).
func trackName(t *scenario.Track, limit int) string {
	if s := shown(t.Name, limit); s != "" {
		return s
	}
	return t.ID
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
