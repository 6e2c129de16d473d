// Package svg writes a Drawing as a standalone SVG 1.1 document: Write.
// Every item becomes one element carrying its Ref (data-ref), every text
// its measured width (textLength), so the document looks the same in any
// viewer whatever font it substitutes. It knows nothing of scenarios.
package svg

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/parleyhq/parley/drawing"
)

// svgFontFamily is the font list of every text element: the bundled face
// first, then look-alikes. textLength keeps the measured width whichever the
// viewer picks.
const svgFontFamily = `'Noto Sans','DejaVu Sans',Arial,Helvetica,sans-serif`

// Write writes d as a standalone SVG 1.1 document, its size in points.
// Each Item becomes one element in Items order (rect, ellipse, polygon,
// polyline, path or text) carrying its Ref as a data-ref attribute; a
// background rect comes first unless the background is transparent. Text
// gets textLength = Item.W so it fills its measured box whatever font the
// viewer substitutes. All text and attributes are escaped by encoding/xml's
// rules, with characters XML 1.0 does not allow replaced by U+FFFD. The
// output depends only on d: the same Drawing gives the same bytes. Nothing is
// written if d holds a NaN or infinite number.
func Write(w io.Writer, d *drawing.Drawing) error {
	if err := d.Check(); err != nil {
		return err
	}
	b := make([]byte, 0, 512+200*len(d.Items))
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="`...)
	b = appendNum(b, d.Width)
	b = append(b, `pt" height="`...)
	b = appendNum(b, d.Height)
	b = append(b, `pt" viewBox="0 0 `...)
	b = appendNum(b, d.Width)
	b = append(b, ' ')
	b = appendNum(b, d.Height)
	b = append(b, "\">\n"...)
	if d.Background.A > 0 {
		b = append(b, `<rect x="0" y="0" width="`...)
		b = appendNum(b, d.Width)
		b = append(b, `" height="`...)
		b = appendNum(b, d.Height)
		b = append(b, '"')
		b = appendPaint(b, "fill", d.Background)
		b = append(b, "/>\n"...)
	}
	for i := range d.Items {
		b = appendItem(b, &d.Items[i])
	}
	b = append(b, "</svg>\n"...)
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("render: writing SVG: %w", err)
	}
	return nil
}

// appendItem writes one item's element; items with nothing to draw (fewer
// than two points, unknown kinds) write nothing.
func appendItem(b []byte, it *drawing.Item) []byte {
	switch it.Kind {
	case drawing.KindRect:
		x, y, w, h := drawing.NormRect(it.X, it.Y, it.W, it.H)
		b = append(b, `<rect x="`...)
		b = appendNum(b, x)
		b = append(b, `" y="`...)
		b = appendNum(b, y)
		b = append(b, `" width="`...)
		b = appendNum(b, w)
		b = append(b, `" height="`...)
		b = appendNum(b, h)
		b = append(b, '"')
		if r := drawing.RectRadius(it.Radius, w, h); r > 0 {
			b = append(b, ` rx="`...)
			b = appendNum(b, r)
			b = append(b, '"')
		}
		b = appendShapePaint(b, it)
	case drawing.KindEllipse:
		b = append(b, `<ellipse cx="`...)
		b = appendNum(b, it.X)
		b = append(b, `" cy="`...)
		b = appendNum(b, it.Y)
		b = append(b, `" rx="`...)
		b = appendNum(b, math.Abs(it.W))
		b = append(b, `" ry="`...)
		b = appendNum(b, math.Abs(it.H))
		b = append(b, '"')
		b = appendShapePaint(b, it)
	case drawing.KindPolygon, drawing.KindPolyline:
		if len(it.Points) < 2 {
			return b
		}
		if it.Kind == drawing.KindPolygon {
			b = append(b, `<polygon points="`...)
		} else {
			b = append(b, `<polyline points="`...)
		}
		for i, p := range it.Points {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendNum(b, p.X)
			b = append(b, ',')
			b = appendNum(b, p.Y)
		}
		b = append(b, '"')
		if it.Kind == drawing.KindPolygon {
			b = appendShapePaint(b, it)
		} else {
			b = append(b, ` fill="none"`...)
			b = appendStroke(b, it.Stroke)
		}
	case drawing.KindBezier:
		if len(it.Points) < 2 {
			return b
		}
		b = append(b, `<path d="M`...)
		b = appendPoint(b, it.Points[0])
		pts := it.Points[1:]
		for len(pts) >= 3 {
			b = append(b, " C"...)
			b = appendPoint(b, pts[0])
			b = append(b, ' ')
			b = appendPoint(b, pts[1])
			b = append(b, ' ')
			b = appendPoint(b, pts[2])
			pts = pts[3:]
		}
		// A malformed spline's leftover points are joined with lines.
		for _, p := range pts {
			b = append(b, " L"...)
			b = appendPoint(b, p)
		}
		b = append(b, `" fill="none"`...)
		b = appendStroke(b, it.Stroke)
	case drawing.KindText:
		return appendText(b, it)
	default:
		return b
	}
	b = appendRef(b, it.Ref)
	return append(b, "/>\n"...)
}

func appendText(b []byte, it *drawing.Item) []byte {
	b = append(b, `<text x="`...)
	b = appendNum(b, it.X)
	b = append(b, `" y="`...)
	b = appendNum(b, it.Y)
	b = append(b, `" font-family="`+svgFontFamily+`" font-size="`...)
	b = appendNum(b, it.Size)
	b = append(b, '"')
	switch it.Font {
	case drawing.Bold:
		b = append(b, ` font-weight="bold"`...)
	case drawing.Italic:
		b = append(b, ` font-style="italic"`...)
	}
	switch it.Anchor {
	case drawing.AnchorMiddle:
		b = append(b, ` text-anchor="middle"`...)
	case drawing.AnchorEnd:
		b = append(b, ` text-anchor="end"`...)
	}
	if w := drawing.Round(it.W); w > 0 {
		b = append(b, ` textLength="`...)
		b = appendNum(b, w)
		b = append(b, `" lengthAdjust="spacingAndGlyphs"`...)
	}
	b = appendPaint(b, "fill", it.Fill)
	b = append(b, ` xml:space="preserve"`...)
	b = appendRef(b, it.Ref)
	b = append(b, '>')
	b = appendEscaped(b, it.Text)
	return append(b, "</text>\n"...)
}

// appendShapePaint writes a closed shape's fill and stroke.
func appendShapePaint(b []byte, it *drawing.Item) []byte {
	b = appendPaint(b, "fill", it.Fill)
	return appendStroke(b, it.Stroke)
}

// appendPaint writes attr="#rrggbb" (and attr-opacity if translucent), or
// attr="none" for a transparent colour.
func appendPaint(b []byte, attr string, c drawing.Color) []byte {
	b = append(b, ' ')
	b = append(b, attr...)
	if c.A == 0 {
		return append(b, `="none"`...)
	}
	b = append(b, `="#`...)
	const hex = "0123456789abcdef"
	for _, v := range [3]uint8{c.R, c.G, c.B} {
		b = append(b, hex[v>>4], hex[v&15])
	}
	b = append(b, '"')
	if c.A < 255 {
		b = append(b, ' ')
		b = append(b, attr...)
		b = append(b, `-opacity="`...)
		b = strconv.AppendFloat(b, math.Round(float64(c.A)/255*1000)/1000, 'f', -1, 64)
		b = append(b, '"')
	}
	return b
}

// appendStroke writes the stroke attributes of a visible stroke; SVG's
// default is no stroke.
func appendStroke(b []byte, s drawing.Stroke) []byte {
	if !s.Visible() {
		return b
	}
	b = appendPaint(b, "stroke", s.Color)
	b = append(b, ` stroke-width="`...)
	b = appendNum(b, s.Width)
	b = append(b, '"')
	if dash := drawing.DashPattern(s.Dash); dash != nil {
		b = append(b, ` stroke-dasharray="`...)
		for i, v := range dash {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendNum(b, v)
		}
		b = append(b, '"')
	}
	return b
}

func appendRef(b []byte, ref string) []byte {
	if ref == "" {
		return b
	}
	b = append(b, ` data-ref="`...)
	b = appendEscaped(b, ref)
	return append(b, '"')
}

func appendPoint(b []byte, p drawing.Point) []byte {
	b = appendNum(b, p.X)
	b = append(b, ' ')
	return appendNum(b, p.Y)
}

// appendNum writes v rounded to hundredths in the shortest form ("12",
// "12.5", "-0.25").
func appendNum(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, drawing.Round(v), 'f', -1, 64)
}

// appendEscaped appends s escaped exactly as encoding/xml's EscapeText does:
// the five XML specials, tab, newline and carriage return as character
// references, and invalid UTF-8 and characters outside XML 1.0's Char
// production (such as NUL and other C0 controls) as U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			i += width
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether r is in XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d ||
		r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd ||
		r >= 0x10000 && r <= 0x10ffff
}
