// Package pdf writes a Drawing as a one-page vector PDF: Write.
//
// Shapes become PDF paths (the operators map one to one onto the drawing's
// items); text is drawn as glyph outlines, exactly as drawing/typeset sets
// it and the PNG and SVG draw it, each glyph a form XObject defined once,
// with an invisible text layer (render mode 3) over it so the text can be
// selected, searched and extracted. The page is the picture's size, or A4
// or Letter with the picture shrunk to fit. The bytes depend only on the
// drawing and the options: no dates, no ids, objects in a fixed order.
//
// A small writer of its own rather than a library: codeberg.org/go-pdf/fpdf
// and github.com/signintech/gopdf were considered, but both set text with
// their own character-to-glyph mapping (no shaping, no bidi), so the text
// would be outlines anyway, and what is left for a library (objects, a
// cross-reference table, a few dictionaries) is shorter to write than to
// adapt. It knows nothing of scenarios.
package pdf

// Why one file of about 640 lines: it is the writer's one pass, in the
// order a PDF is read (header, page, content stream, glyph forms, text
// layer, info, cross-reference table); split, the object numbers would
// cross files.

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// Paper is a page size.
type Paper uint8

// Page sizes.
const (
	// Fit makes the page the picture's size.
	Fit Paper = iota
	A4
	Letter
)

// Orientation is how a paper page is turned.
type Orientation uint8

// Orientations.
const (
	// Auto is landscape for pictures wider than tall, else portrait.
	Auto Orientation = iota
	Portrait
	Landscape
)

// Options choose the page.
type Options struct {
	Paper       Paper
	Orientation Orientation
}

// Pages lists the page names ParsePage accepts.
var Pages = []string{"fit", "a4", "a4-portrait", "a4-landscape", "letter", "letter-portrait", "letter-landscape"}

// ParsePage reads a page name: "fit" (or ""), "a4" or "letter", optionally
// with "-portrait" or "-landscape".
func ParsePage(s string) (Options, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if name == "" || name == "fit" {
		return Options{}, nil
	}
	var o Options
	paper, orient, dashed := strings.Cut(name, "-")
	if dashed && orient == "" {
		orient = "?"
	}
	switch paper {
	case "a4":
		o.Paper = A4
	case "letter":
		o.Paper = Letter
	default:
		return o, fmt.Errorf("render: unknown page %q (allowed: %s)", s, strings.Join(Pages, ", "))
	}
	switch orient {
	case "":
	case "portrait":
		o.Orientation = Portrait
	case "landscape":
		o.Orientation = Landscape
	default:
		return o, fmt.Errorf("render: unknown page %q (allowed: %s)", s, strings.Join(Pages, ", "))
	}
	return o, nil
}

// Margin is the white border, in points, around a picture on A4 or Letter.
const Margin = 36

// pageBox returns the page size and the transform of the picture onto it:
// the picture at scale k with its top-left corner at (x, y) from the page's
// top-left. On paper the picture is centred and shrunk to fit within the
// margins, never enlarged, so its text prints at the size it was drawn.
func pageBox(d *drawing.Drawing, o Options) (pw, ph, k, x, y float64) {
	var w, h float64
	switch o.Paper {
	case A4:
		w, h = 595.28, 841.89
	case Letter:
		w, h = 612, 792
	default:
		return max(d.Width, 1), max(d.Height, 1), 1, 0, 0
	}
	if o.Orientation == Landscape || o.Orientation == Auto && d.Width > d.Height {
		w, h = h, w
	}
	k = 1
	if d.Width > 0 && d.Height > 0 {
		k = math.Min(1, math.Min((w-2*Margin)/d.Width, (h-2*Margin)/d.Height))
	}
	return w, h, k, (w - d.Width*k) / 2, (h - d.Height*k) / 2
}

// Write writes d as a one-page PDF 1.4 document. Its Title and Desc become
// the document's Title and Subject. Nothing is written if d holds a NaN or
// infinite number.
func Write(w io.Writer, d *drawing.Drawing, opts Options) error {
	return WritePages(w, []*drawing.Drawing{d}, opts)
}

// WritePages writes each drawing as a page of one PDF 1.4 document, in
// order, every page sized by opts for its drawing; the glyphs and
// graphics states they share are written once. The first drawing's Title
// and Desc become the document's. Nothing is written if a drawing holds a
// NaN or infinite number.
func WritePages(w io.Writer, ds []*drawing.Drawing, opts Options) error {
	if len(ds) == 0 {
		return fmt.Errorf("render: a PDF needs at least one page")
	}
	e := &encoder{glyphs: map[typeset.GlyphKey]int{}, alphas: map[uint8]int{}, codes: map[rune]textCode{}}
	pages := make([]page, 0, len(ds))
	for _, d := range ds {
		if err := d.Check(); err != nil {
			return err
		}
		pw, ph, k, ox, oy := pageBox(d, opts)
		var c bytes.Buffer
		// Drawing coordinates (points, y down) onto the page (y up).
		fmt.Fprintf(&c, "%s 0 0 %s %s %s cm\n", num(k), num(-k), num(ox), num(ph-oy))
		c.WriteString("4 M 0 j 0 J\n")
		if d.Background.A > 0 {
			e.fillColor(&c, d.Background)
			fmt.Fprintf(&c, "0 0 %s %s re f\n", num(d.Width), num(d.Height))
		}
		for i := range d.Items {
			e.item(&c, &d.Items[i])
		}
		pages = append(pages, page{pw, ph, c.Bytes()})
	}
	return e.finish(w, ds[0], pages)
}

// page is one page's size and content stream.
type page struct {
	w, h    float64
	content []byte
}

// encoder collects the resources the page uses.
type encoder struct {
	glyphs     map[typeset.GlyphKey]int // glyph -> XObject number (1-based)
	glyphOrder []typeset.GlyphKey
	alphas     map[uint8]int // alpha -> ExtGState number
	alphaOrder []uint8
	codes      map[rune]textCode // text-layer characters
	codeOrder  []rune
}

// textCode is a character's place in the text layer's fonts.
type textCode struct {
	font int  // 0-based
	code byte // 1..255
}

// codesPerFont is how many characters one text-layer font holds (one-byte
// codes, 0 unused).
const codesPerFont = 255

// textAdvance is the width of every text-layer character, in 1/1000 em;
// each line is then scaled horizontally (Tz) to the width it is drawn.
const textAdvance = 500

func (e *encoder) fillColor(c *bytes.Buffer, col drawing.Color) {
	fmt.Fprintf(c, "%s %s %s rg\n", colour(col.R), colour(col.G), colour(col.B))
}

func (e *encoder) strokeColor(c *bytes.Buffer, col drawing.Color) {
	fmt.Fprintf(c, "%s %s %s RG\n", colour(col.R), colour(col.G), colour(col.B))
}

// alpha selects the graphics state that paints with alpha a.
func (e *encoder) alpha(c *bytes.Buffer, a uint8) {
	n, ok := e.alphas[a]
	if !ok {
		n = len(e.alphaOrder) + 1
		e.alphas[a] = n
		e.alphaOrder = append(e.alphaOrder, a)
	}
	fmt.Fprintf(c, "/A%d gs\n", n)
}

func (e *encoder) item(c *bytes.Buffer, it *drawing.Item) {
	if it.Kind == drawing.KindText {
		e.text(c, it)
		return
	}
	var path bytes.Buffer
	closed := true
	switch it.Kind {
	case drawing.KindRect:
		x, y, w, h := drawing.NormRect(it.X, it.Y, it.W, it.H)
		r := drawing.RectRadius(it.Radius, w, h)
		roundRect(&path, x, y, w, h, r)
	case drawing.KindEllipse:
		ellipse(&path, it.X, it.Y, math.Abs(it.W), math.Abs(it.H))
	case drawing.KindPolygon, drawing.KindPolyline:
		if len(it.Points) < 2 {
			return
		}
		fmt.Fprintf(&path, "%s %s m\n", num(it.Points[0].X), num(it.Points[0].Y))
		for _, p := range it.Points[1:] {
			fmt.Fprintf(&path, "%s %s l\n", num(p.X), num(p.Y))
		}
		if it.Kind == drawing.KindPolygon {
			path.WriteString("h\n")
		} else {
			closed = false
		}
	case drawing.KindBezier:
		if len(it.Points) < 2 {
			return
		}
		fmt.Fprintf(&path, "%s %s m\n", num(it.Points[0].X), num(it.Points[0].Y))
		pts := it.Points[1:]
		for ; len(pts) >= 3; pts = pts[3:] {
			fmt.Fprintf(&path, "%s %s %s %s %s %s c\n", num(pts[0].X), num(pts[0].Y), num(pts[1].X), num(pts[1].Y), num(pts[2].X), num(pts[2].Y))
		}
		for _, p := range pts {
			fmt.Fprintf(&path, "%s %s l\n", num(p.X), num(p.Y))
		}
		closed = false
	default:
		return
	}
	fill := closed && it.Fill.A > 0
	stroke := it.Stroke.Visible()
	if !fill && !stroke {
		return
	}
	c.WriteString("q\n")
	if fill {
		e.fillColor(c, it.Fill)
		if it.Fill.A < 255 {
			e.alpha(c, it.Fill.A)
		}
	}
	if fill && stroke && it.Fill.A < 255 && it.Stroke.Color.A != it.Fill.A {
		// Two alphas: fill and stroke separately.
		c.Write(path.Bytes())
		c.WriteString("f\nQ\nq\n")
		fill = false
	}
	if stroke {
		e.strokeColor(c, it.Stroke.Color)
		if it.Stroke.Color.A < 255 {
			e.alpha(c, it.Stroke.Color.A)
		}
		fmt.Fprintf(c, "%s w\n", num(it.Stroke.Width))
		if dash := drawing.DashPattern(it.Stroke.Dash); dash != nil {
			c.WriteString("[")
			for i, v := range dash {
				if i > 0 {
					c.WriteByte(' ')
				}
				c.WriteString(num(v))
			}
			c.WriteString("] 0 d\n")
		}
	}
	c.Write(path.Bytes())
	switch {
	case fill && stroke:
		c.WriteString("B\n")
	case fill:
		c.WriteString("f\n")
	default:
		c.WriteString("S\n")
	}
	c.WriteString("Q\n")
}

// kappa places the control points of a cubic quarter circle.
const kappa = 0.5522847498307936

func roundRect(p *bytes.Buffer, x, y, w, h, r float64) {
	if r <= 0 {
		fmt.Fprintf(p, "%s %s %s %s re\n", num(x), num(y), num(w), num(h))
		return
	}
	q := r * (1 - kappa)
	fmt.Fprintf(p, "%s %s m\n", num(x+r), num(y))
	fmt.Fprintf(p, "%s %s l\n", num(x+w-r), num(y))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\n", num(x+w-q), num(y), num(x+w), num(y+q), num(x+w), num(y+r))
	fmt.Fprintf(p, "%s %s l\n", num(x+w), num(y+h-r))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\n", num(x+w), num(y+h-q), num(x+w-q), num(y+h), num(x+w-r), num(y+h))
	fmt.Fprintf(p, "%s %s l\n", num(x+r), num(y+h))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\n", num(x+q), num(y+h), num(x), num(y+h-q), num(x), num(y+h-r))
	fmt.Fprintf(p, "%s %s l\n", num(x), num(y+r))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\nh\n", num(x), num(y+q), num(x+q), num(y), num(x+r), num(y))
}

func ellipse(p *bytes.Buffer, cx, cy, rx, ry float64) {
	kx, ky := rx*kappa, ry*kappa
	fmt.Fprintf(p, "%s %s m\n", num(cx+rx), num(cy))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\n", num(cx+rx), num(cy+ky), num(cx+kx), num(cy+ry), num(cx), num(cy+ry))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\n", num(cx-kx), num(cy+ry), num(cx-rx), num(cy+ky), num(cx-rx), num(cy))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\n", num(cx-rx), num(cy-ky), num(cx-kx), num(cy-ry), num(cx), num(cy-ry))
	fmt.Fprintf(p, "%s %s %s %s %s %s c\nh\n", num(cx+kx), num(cy-ry), num(cx+rx), num(cy-ky), num(cx+rx), num(cy))
}

// text draws a text item's glyphs, then its invisible text layer.
func (e *encoder) text(c *bytes.Buffer, it *drawing.Item) {
	if it.Text == "" || !(it.Size > 0) {
		return
	}
	line, k, x0 := typeset.SetItem(it)
	width := float64(line.Advance) * k
	if it.Fill.A > 0 {
		c.WriteString("q\n")
		e.fillColor(c, it.Fill)
		if it.Fill.A < 255 {
			e.alpha(c, it.Fill.A)
		}
		fmt.Fprintf(c, "%s 0 0 %s %s %s cm\n", scale(k), scale(k), num(x0), num(it.Y))
		for _, g := range line.Glyphs {
			n := e.glyph(g.Key)
			if n == 0 {
				continue
			}
			fmt.Fprintf(c, "1 0 0 1 %s %s cm /G%d Do 1 0 0 1 %s %s cm\n", unit(g.X), unit(g.Y), n, unit(-g.X), unit(-g.Y))
		}
		c.WriteString("Q\n")
	}
	// The text layer: the line's characters in visual order (PDF readers
	// put right-to-left text back in logical order), one run per font of
	// the layer, left to right from the line's start, stretched to the
	// line's width.
	var runes []rune
	for _, r := range line.Visual {
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			r = '\uFFFD'
		}
		runes = append(runes, r)
	}
	if len(runes) == 0 || !(width > 0) {
		return
	}
	natural := float64(len(runes)) * textAdvance / 1000 * it.Size
	fmt.Fprintf(c, "BT 3 Tr %s Tz 1 0 0 -1 %s %s Tm\n", num(100*width/natural), num(x0), num(it.Y))
	cur := -1
	var run []byte
	flush := func() {
		if len(run) > 0 {
			fmt.Fprintf(c, "<%X> Tj\n", run)
			run = run[:0]
		}
	}
	for _, r := range runes {
		tc := e.code(r)
		if tc.font != cur {
			flush()
			cur = tc.font
			fmt.Fprintf(c, "/T%d %s Tf\n", tc.font+1, num(it.Size))
		}
		run = append(run, tc.code)
	}
	flush()
	c.WriteString("ET\n")
}

// glyph returns the XObject number of glyph k (0 if it draws nothing).
func (e *encoder) glyph(k typeset.GlyphKey) int {
	if n, ok := e.glyphs[k]; ok {
		return n
	}
	n := 0
	if len(typeset.Outline(k)) > 0 {
		e.glyphOrder = append(e.glyphOrder, k)
		n = len(e.glyphOrder)
	}
	e.glyphs[k] = n
	return n
}

func (e *encoder) code(r rune) textCode {
	if tc, ok := e.codes[r]; ok {
		return tc
	}
	n := len(e.codeOrder)
	tc := textCode{font: n / codesPerFont, code: byte(n%codesPerFont + 1)}
	e.codes[r] = tc
	e.codeOrder = append(e.codeOrder, r)
	return tc
}

// glyphStream is the content of glyph k's form XObject: its outline, filled
// with the colour of where it is used. Quadratic segments become the
// cubics that are the same curve.
func glyphStream(k typeset.GlyphKey) []byte {
	var b bytes.Buffer
	var cur typeset.Point
	for _, s := range typeset.Outline(k) {
		a := s.Args
		switch s.Op {
		case typeset.MoveTo:
			fmt.Fprintf(&b, "%s %s m\n", unit(a[0].X), unit(a[0].Y))
		case typeset.LineTo:
			fmt.Fprintf(&b, "%s %s l\n", unit(a[0].X), unit(a[0].Y))
		case typeset.QuadTo:
			c1 := typeset.Point{X: cur.X + 2*(a[0].X-cur.X)/3, Y: cur.Y + 2*(a[0].Y-cur.Y)/3}
			c2 := typeset.Point{X: a[1].X + 2*(a[0].X-a[1].X)/3, Y: a[1].Y + 2*(a[0].Y-a[1].Y)/3}
			fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", unit(c1.X), unit(c1.Y), unit(c2.X), unit(c2.Y), unit(a[1].X), unit(a[1].Y))
		case typeset.CubeTo:
			fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", unit(a[0].X), unit(a[0].Y), unit(a[1].X), unit(a[1].Y), unit(a[2].X), unit(a[2].Y))
		}
		cur = a[nArgs(s.Op)-1]
	}
	b.WriteString("f\n")
	return b.Bytes()
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

// num formats a length in points to hundredths.
func num(v float64) string { return strconv.FormatFloat(drawing.Round(v), 'f', -1, 64) }

// unit formats a glyph coordinate in units (1/1000 em) to a whole unit.
func unit(v float32) string {
	r := math.Round(float64(v))
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// scale formats a scale factor to six decimals.
func scale(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
}

func colour(v uint8) string {
	return strconv.FormatFloat(math.Round(float64(v)/255*1000)/1000, 'f', -1, 64)
}

// textString is s as a PDF text string: UTF-16BE with a byte order mark,
// in hex, so no character of s can end the string or mean anything.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(strings.ToValidUTF8(s, "\uFFFD"))) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// finish writes the document: catalogue, pages, page, content, glyphs,
// graphics states, text-layer fonts, info, cross-reference table.
func (e *encoder) finish(w io.Writer, d *drawing.Drawing, pages []page) error {
	var out bytes.Buffer
	var offsets []int
	obj := func(body string) int {
		offsets = append(offsets, out.Len())
		n := len(offsets)
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", n, body)
		return n
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression) // one compressor: each costs 600 KB
	stream := func(dict string, data []byte) int {
		z.Reset()
		zw.Reset(&z)
		zw.Write(data)
		zw.Close()
		offsets = append(offsets, out.Len())
		n := len(offsets)
		fmt.Fprintf(&out, "%d 0 obj\n<< %s /Filter /FlateDecode /Length %d >>\nstream\n", n, dict, z.Len())
		out.Write(z.Bytes())
		out.WriteString("\nendstream\nendobj\n")
		return n
	}
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	// Objects 1 and 2 are the catalogue and the page tree, then each page
	// and its content; the pages refer to objects written after them,
	// whose numbers follow from the counts.
	nGlyph, nFont := len(e.glyphOrder), (len(e.codeOrder)+codesPerFont-1)/codesPerFont
	firstGlyph := 3 + 2*len(pages) // after catalogue, page tree, pages and contents
	firstState := firstGlyph + nGlyph
	firstFont := firstState + len(e.alphaOrder)
	// each text font: font dict, ToUnicode, plus one shared empty glyph
	emptyProc := firstFont + 2*nFont
	info := emptyProc + 1
	if nFont == 0 {
		info = emptyProc
	}
	obj("<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >> >>")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 3+2*i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	var res strings.Builder
	res.WriteString("<<")
	if nGlyph > 0 {
		res.WriteString(" /XObject <<")
		for i := range nGlyph {
			fmt.Fprintf(&res, " /G%d %d 0 R", i+1, firstGlyph+i)
		}
		res.WriteString(" >>")
	}
	if len(e.alphaOrder) > 0 {
		res.WriteString(" /ExtGState <<")
		for i := range e.alphaOrder {
			fmt.Fprintf(&res, " /A%d %d 0 R", i+1, firstState+i)
		}
		res.WriteString(" >>")
	}
	if nFont > 0 {
		res.WriteString(" /Font <<")
		for i := range nFont {
			fmt.Fprintf(&res, " /T%d %d 0 R", i+1, firstFont+2*i)
		}
		res.WriteString(" >>")
	}
	res.WriteString(" >>")
	for i, pg := range pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents %d 0 R >>", num(pg.w), num(pg.h), res.String(), 4+2*i))
		stream("", pg.content)
	}
	for _, k := range e.glyphOrder {
		stream("/Type /XObject /Subtype /Form /BBox [-2000 -2000 4000 2000] /Resources << >>", glyphStream(k))
	}
	for _, a := range e.alphaOrder {
		v := strconv.FormatFloat(math.Round(float64(a)/255*1000)/1000, 'f', -1, 64)
		obj(fmt.Sprintf("<< /Type /ExtGState /ca %s /CA %s >>", v, v))
	}
	for f := range nFont {
		codes := e.codeOrder[f*codesPerFont : min(len(e.codeOrder), (f+1)*codesPerFont)]
		var diffs, widths strings.Builder
		for i := range codes {
			fmt.Fprintf(&diffs, " /c%d", i+1)
			if i > 0 {
				widths.WriteByte(' ')
			}
			widths.WriteString(strconv.Itoa(textAdvance))
		}
		var procs strings.Builder
		for i := range codes {
			fmt.Fprintf(&procs, " /c%d %d 0 R", i+1, emptyProc)
		}
		obj(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 0 0] /FontMatrix [0.001 0 0 0.001 0 0]"+
			" /CharProcs <<%s >> /Encoding << /Type /Encoding /Differences [1%s] >> /FirstChar 1 /LastChar %d"+
			" /Widths [%s] /Resources << >> /ToUnicode %d 0 R >>",
			procs.String(), diffs.String(), len(codes), widths.String(), len(offsets)+2))
		stream("", toUnicode(codes))
	}
	if nFont > 0 {
		stream("", []byte(strconv.Itoa(textAdvance)+" 0 d0\n"))
	}
	var inf strings.Builder
	inf.WriteString("<< /Producer (Parley)")
	if d.Title != "" {
		inf.WriteString(" /Title " + textString(typeset.Neutralise(d.Title)))
	}
	if d.Desc != "" {
		inf.WriteString(" /Subject " + textString(typeset.Neutralise(d.Desc)))
	}
	inf.WriteString(" >>")
	if n := obj(inf.String()); n != info {
		return fmt.Errorf("render: PDF objects miscounted (%d, want %d)", n, info)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, info, xref)
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("render: writing PDF: %w", err)
	}
	return nil
}

// toUnicode is the CMap that maps a text-layer font's codes back to text.
func toUnicode(codes []rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Parley-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<01> <FF>\nendcodespacerange\n")
	for start := 0; start < len(codes); start += 100 {
		chunk := codes[start:min(len(codes), start+100)]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for i, r := range chunk {
			fmt.Fprintf(&b, "<%02X> <", start+i+1)
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
