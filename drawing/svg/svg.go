// Package svg writes a Drawing as a standalone SVG 1.1 document: Write.
//
// The document stands alone: text is drawn as glyph outlines (each glyph
// defined once, then placed with <use>), exactly as drawing/typeset sets it
// and the PNG draws it, so it looks the same on a machine without Parley's
// fonts; an invisible <text> copy of each line keeps it searchable and
// selectable. It is structured: the items of each Ref are grouped in a <g>
// with a stable, unique id derived from the Ref, the Object's class and
// data- attributes, and its tooltip as <title>; the whole picture has a
// <title> and <desc> from the Drawing, role="img" and aria-labelledby. It
// knows nothing of scenarios.
package svg

// Why one file of about 550 lines: the document is written in one pass
// (head, glyph definitions, one group per Ref, items, text copies), and
// the escaping rules that keep scenario text out of the markup are best
// read beside every place that writes text.

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// textFontFamily is the font list of the invisible text copies, which only
// browsers' search and selection see.
const textFontFamily = `'Noto Sans',sans-serif`

// Write writes d as a standalone SVG 1.1 document, its size in points.
// Items are drawn in order, a background rect first unless the background
// is transparent; consecutive items with the same Ref form one <g> (a Ref
// that comes back after other items gets another group, with the next
// free id). All text and attributes are escaped by encoding/xml's rules,
// with characters XML 1.0 does not allow replaced by U+FFFD: no text of
// the drawing becomes markup. The output depends only on d: the same
// Drawing gives the same bytes. Nothing is written if d holds a NaN or
// infinite number.
func Write(w io.Writer, d *drawing.Drawing) error {
	if err := d.Check(); err != nil {
		return err
	}
	e := &encoder{glyphIDs: map[typeset.GlyphKey]string{}, used: map[string]bool{}}
	body := e.body(d)
	b := make([]byte, 0, 1024+len(body)+len(e.defs))
	b = append(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="`...)
	b = appendNum(b, d.Width)
	b = append(b, `pt" height="`...)
	b = appendNum(b, d.Height)
	b = append(b, `pt" viewBox="0 0 `...)
	b = appendNum(b, d.Width)
	b = append(b, ' ')
	b = appendNum(b, d.Height)
	b = append(b, `" role="img"`...)
	var label []string
	if d.Title != "" {
		label = append(label, "parley-title")
	}
	if d.Desc != "" {
		label = append(label, "parley-desc")
	}
	if len(label) > 0 {
		b = append(b, ` aria-labelledby="`...)
		b = append(b, strings.Join(label, " ")...)
		b = append(b, '"')
	}
	b = append(b, ">\n"...)
	if d.Title != "" {
		b = append(b, `<title id="parley-title">`...)
		b = appendEscaped(b, typeset.Neutralise(d.Title))
		b = append(b, "</title>\n"...)
	}
	if d.Desc != "" {
		b = append(b, `<desc id="parley-desc">`...)
		b = appendEscaped(b, typeset.Neutralise(d.Desc))
		b = append(b, "</desc>\n"...)
	}
	if len(e.defs) > 0 {
		b = append(b, "<defs>\n"...)
		b = append(b, e.defs...)
		b = append(b, "</defs>\n"...)
	}
	if d.Background.A > 0 {
		b = append(b, `<rect x="0" y="0" width="`...)
		b = appendNum(b, d.Width)
		b = append(b, `" height="`...)
		b = appendNum(b, d.Height)
		b = append(b, '"')
		b = appendPaint(b, "fill", d.Background)
		b = append(b, "/>\n"...)
	}
	b = append(b, body...)
	b = append(b, "</svg>\n"...)
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("render: writing SVG: %w", err)
	}
	return nil
}

// encoder collects the glyph definitions while it writes the body.
type encoder struct {
	defs     []byte
	glyphIDs map[typeset.GlyphKey]string
	used     map[string]bool // ids given out
}

// body writes the items, grouped by Ref.
func (e *encoder) body(d *drawing.Drawing) []byte {
	b := make([]byte, 0, 512+200*len(d.Items))
	open := false
	for i := range d.Items {
		it := &d.Items[i]
		if i == 0 || it.Ref != d.Items[i-1].Ref {
			if open {
				b = append(b, "</g>\n"...)
				open = false
			}
			if it.Ref != "" {
				b = e.openGroup(b, it.Ref, d.Objects[it.Ref])
				open = true
			}
		}
		b = e.appendItem(b, it)
	}
	if open {
		b = append(b, "</g>\n"...)
	}
	return b
}

// openGroup writes the <g> of a Ref and its tooltip.
func (e *encoder) openGroup(b []byte, ref string, obj drawing.Object) []byte {
	b = append(b, `<g id="`...)
	b = append(b, e.newID(refID(ref))...)
	b = append(b, '"')
	if c := classToken(obj.Class); c != "" {
		b = append(b, ` class="`...)
		b = append(b, c...)
		b = append(b, '"')
	}
	b = append(b, ` data-ref="`...)
	b = appendEscaped(b, ref)
	b = append(b, '"')
	keys := make([]string, 0, len(obj.Data))
	for k := range obj.Data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	seen := map[string]bool{"ref": true}
	for _, k := range keys {
		name := dataName(k)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		b = append(b, ` data-`...)
		b = append(b, name...)
		b = append(b, `="`...)
		b = appendEscaped(b, obj.Data[k])
		b = append(b, '"')
	}
	b = append(b, ">\n"...)
	if obj.Tooltip != "" {
		b = append(b, "<title>"...)
		b = appendEscaped(b, typeset.Neutralise(obj.Tooltip))
		b = append(b, "</title>\n"...)
	}
	return b
}

// newID returns id, or id-2, id-3 ... if it is taken.
func (e *encoder) newID(id string) string {
	out := id
	for n := 2; e.used[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	e.used[out] = true
	return out
}

// refID turns a Ref into an XML id that CSS and scripts can use: ASCII
// letters, digits, '-' and '_' are kept, ':' and '/' become '-', any other
// character becomes _XXXX_ (its code point in hex); an id that would not
// start with a letter gets a "ref-" prefix.
func refID(ref string) string {
	var sb strings.Builder
	for _, r := range ref {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			sb.WriteRune(r)
		case r == ':' || r == '/':
			sb.WriteByte('-')
		default:
			fmt.Fprintf(&sb, "_%X_", r)
		}
	}
	id := sb.String()
	if id == "" || !(id[0] >= 'a' && id[0] <= 'z' || id[0] >= 'A' && id[0] <= 'Z') {
		id = "ref-" + id
	}
	return id
}

// classToken is a class as one CSS class token (lower-case ASCII letters,
// digits and hyphens), "" if nothing is left.
func classToken(c string) string {
	return strings.Trim(token(c), "-")
}

// dataName is a data- attribute name from a key: lower-case ASCII letters,
// digits and hyphens, starting with a letter; "" if nothing is left.
func dataName(k string) string {
	n := strings.Trim(token(k), "-")
	if n == "" || n[0] < 'a' || n[0] > 'z' {
		return ""
	}
	return n
}

func token(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			sb.WriteRune(r)
		} else {
			sb.WriteByte('-')
		}
	}
	return sb.String()
}

// appendItem writes one item's element; items with nothing to draw (fewer
// than two points, unknown kinds) write nothing.
func (e *encoder) appendItem(b []byte, it *drawing.Item) []byte {
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
		return e.appendText(b, it)
	default:
		return b
	}
	return append(b, "/>\n"...)
}

// appendText draws a text item's line as glyph outlines in a group placed
// and scaled to it, then an invisible copy of its text for search, copy and
// selection, stretched to the line's width so a selection covers it.
func (e *encoder) appendText(b []byte, it *drawing.Item) []byte {
	if it.Text == "" || !(it.Size > 0) {
		return b
	}
	line, k, x0 := typeset.SetItem(it)
	width := float64(line.Advance) * k
	if it.Fill.A > 0 {
		b = append(b, `<g`...)
		b = appendPaint(b, "fill", it.Fill)
		b = append(b, ` transform="translate(`...)
		b = appendNum(b, x0)
		b = append(b, ' ')
		b = appendNum(b, it.Y)
		b = append(b, `) scale(`...)
		b = strconv.AppendFloat(b, roundTo(k, 1e6), 'f', -1, 64)
		b = append(b, `)">`...)
		for _, g := range line.Glyphs {
			id := e.glyph(g.Key)
			if id == "" {
				continue
			}
			b = append(b, `<use xlink:href="#`...)
			b = append(b, id...)
			b = append(b, `" x="`...)
			b = appendUnit(b, g.X)
			b = append(b, '"')
			if g.Y != 0 {
				b = append(b, ` y="`...)
				b = appendUnit(b, g.Y)
				b = append(b, '"')
			}
			b = append(b, "/>"...)
		}
		b = append(b, "</g>\n"...)
	}
	b = append(b, `<text x="`...)
	b = appendNum(b, x0)
	b = append(b, `" y="`...)
	b = appendNum(b, it.Y)
	b = append(b, `" font-family="`+textFontFamily+`" font-size="`...)
	b = appendNum(b, it.Size)
	b = append(b, '"')
	if w := drawing.Round(width); w > 0 {
		b = append(b, ` textLength="`...)
		b = appendNum(b, w)
		b = append(b, `" lengthAdjust="spacingAndGlyphs"`...)
	}
	b = append(b, ` fill-opacity="0" xml:space="preserve">`...)
	b = appendEscaped(b, line.Text)
	return append(b, "</text>\n"...)
}

// glyph returns the id of k's definition, writing it the first time; ""
// for glyphs that draw nothing.
func (e *encoder) glyph(k typeset.GlyphKey) string {
	if id, ok := e.glyphIDs[k]; ok {
		return id
	}
	segs := typeset.Outline(k)
	id := ""
	if len(segs) > 0 {
		id = e.newID("_g" + strconv.Itoa(len(e.glyphIDs)+1))
		e.defs = append(e.defs, `<path id="`...)
		e.defs = append(e.defs, id...)
		e.defs = append(e.defs, `" d="`...)
		for i, s := range segs {
			if i > 0 && s.Op == typeset.MoveTo {
				e.defs = append(e.defs, 'Z')
			}
			e.defs = append(e.defs, "MLQC"[s.Op])
			for j := range nArgs(s.Op) {
				if j > 0 {
					e.defs = append(e.defs, ' ')
				}
				e.defs = appendUnit(e.defs, s.Args[j].X)
				e.defs = append(e.defs, ' ')
				e.defs = appendUnit(e.defs, s.Args[j].Y)
			}
		}
		e.defs = append(e.defs, "Z\"/>\n"...)
	}
	e.glyphIDs[k] = id
	return id
}

func nArgs(op typeset.SegmentOp) int {
	switch op {
	case typeset.QuadTo:
		return 2
	case typeset.CubeTo:
		return 3
	}
	return 1
}

// appendUnit writes a glyph coordinate in units (1/1000 em), rounded to a
// whole unit: 0.012 pt at 12 pt, finer than any output shows.
func appendUnit(b []byte, v float32) []byte {
	return strconv.AppendFloat(b, roundTo(float64(v), 1), 'f', -1, 64)
}

func roundTo(v, k float64) float64 {
	v = math.Round(v*k) / k
	if v == 0 {
		return 0
	}
	return v
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
