package editor

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The drawing: the editor lays out a find bar, the gutter, the text view
// and two scroll bars; the view and the gutter draw only the lines in
// view, from pools of canvas objects reused on every refresh (Fyne caches
// text textures by content, so reusing an object for another line costs
// nothing when that line's text was drawn before).

type editorRenderer struct {
	e       *Editor
	bg      *canvas.Rectangle
	border  *canvas.Rectangle
	objects []fyne.CanvasObject
}

func newEditorRenderer(e *Editor) *editorRenderer {
	r := &editorRenderer{e: e, bg: canvas.NewRectangle(color.Transparent), border: canvas.NewRectangle(color.Transparent)}
	r.border.StrokeWidth = 1
	return r
}

func (r *editorRenderer) Destroy() {}

func (r *editorRenderer) MinSize() fyne.Size {
	e := r.e
	w := e.gutterWidth() + e.cw*10
	h := e.lh * 3
	if e.bar.Visible() {
		h += e.bar.MinSize().Height
		w = max(w, e.bar.MinSize().Width)
	}
	return fyne.NewSize(w, h)
}

// gutterWidth fits the largest line number, a marker and some space.
func (e *Editor) gutterWidth() float32 {
	digits := len(strconv.Itoa(e.buf.LineCount()))
	return float32(max(digits, 3))*e.cw + e.lh + e.cw
}

func (e *Editor) scrollBarWidth() float32 {
	return e.Theme().Size(theme.SizeNameScrollBar)
}

func (r *editorRenderer) Layout(size fyne.Size) {
	e := r.e
	r.bg.Resize(size)
	r.border.Resize(size)
	top := float32(0)
	if e.bar.Visible() {
		h := e.bar.MinSize().Height
		e.bar.Move(fyne.NewPos(0, 0))
		e.bar.Resize(fyne.NewSize(size.Width, h))
		top = h
	}
	gw := e.gutterWidth()
	sb := e.scrollBarWidth()
	viewW := max(size.Width-gw-sb, 0)
	hbarShown := float32(e.contentCells()+2)*e.cw > viewW
	viewH := max(size.Height-top, 0)
	if hbarShown {
		viewH = max(viewH-sb, 0)
	}
	e.viewSize = fyne.NewSize(viewW, viewH)
	e.gutter.Move(fyne.NewPos(0, top))
	e.gutter.Resize(fyne.NewSize(gw, viewH))
	e.view.Move(fyne.NewPos(gw, top))
	e.view.Resize(e.viewSize)
	e.vbar.Move(fyne.NewPos(gw+viewW, top))
	e.vbar.Resize(fyne.NewSize(sb, viewH))
	e.hbar.Move(fyne.NewPos(gw, top+viewH))
	e.hbar.Resize(fyne.NewSize(viewW, sb))
	if hbarShown {
		e.hbar.Show()
	} else {
		e.hbar.Hide()
	}
	e.scrollTo(e.scrollX, e.scrollY)
	e.view.Refresh()
	e.gutter.Refresh()
	e.vbar.Refresh()
	e.hbar.Refresh()
	r.layoutOverlays()
}

// layoutOverlays places the completion list and the tooltip.
func (r *editorRenderer) layoutOverlays() {
	r.e.comp.layout()
}

func (r *editorRenderer) Refresh() {
	e := r.e
	e.measure()
	r.bg.FillColor = e.pal.bg
	r.border.StrokeColor = e.pal.border
	if e.focused {
		r.border.StrokeColor = e.Theme().Color(theme.ColorNameFocus, fyne.CurrentApp().Settings().ThemeVariant())
	}
	r.Layout(e.Size())
	r.bg.Refresh()
	r.border.Refresh()
	canvas.Refresh(e)
}

func (r *editorRenderer) Objects() []fyne.CanvasObject {
	e := r.e
	r.objects = append(r.objects[:0], r.bg, e.gutter, e.view, e.vbar, e.hbar, e.bar)
	r.objects = append(r.objects, e.comp.objects()...)
	r.objects = append(r.objects, e.tip.objects()...)
	r.objects = append(r.objects, r.border)
	return r.objects
}

// pools of canvas objects, handed out in order on each refresh
type pools struct {
	rects []*canvas.Rectangle
	texts []*canvas.Text
	lines []*canvas.Line
	imgs  []*canvas.Image
	nr    int
	nt    int
	nl    int
	ni    int
	objs  []fyne.CanvasObject
}

func (p *pools) reset() { p.nr, p.nt, p.nl, p.ni = 0, 0, 0, 0; p.objs = p.objs[:0] }

func (p *pools) rect(c color.Color, pos fyne.Position, size fyne.Size) *canvas.Rectangle {
	if p.nr == len(p.rects) {
		p.rects = append(p.rects, canvas.NewRectangle(c))
	}
	r := p.rects[p.nr]
	p.nr++
	r.FillColor = c
	r.CornerRadius = 0
	r.Move(pos)
	r.Resize(size)
	p.objs = append(p.objs, r)
	return r
}

func (p *pools) text(s string, c color.Color, size float32, st fyne.TextStyle, pos fyne.Position) *canvas.Text {
	if p.nt == len(p.texts) {
		p.texts = append(p.texts, canvas.NewText("", c))
	}
	t := p.texts[p.nt]
	p.nt++
	t.Text, t.Color, t.TextSize, t.TextStyle = s, c, size, st
	t.Move(pos)
	t.Resize(fyne.NewSize(0, 0))
	p.objs = append(p.objs, t)
	return t
}

func (p *pools) line(c color.Color, w float32, a, b fyne.Position) {
	if p.nl == len(p.lines) {
		p.lines = append(p.lines, canvas.NewLine(c))
	}
	l := p.lines[p.nl]
	p.nl++
	l.StrokeColor, l.StrokeWidth = c, w
	l.Position1, l.Position2 = a, b
	p.objs = append(p.objs, l)
}

func (p *pools) image(res fyne.Resource, pos fyne.Position, size fyne.Size) {
	if p.ni == len(p.imgs) {
		p.imgs = append(p.imgs, canvas.NewImageFromResource(res))
	}
	im := p.imgs[p.ni]
	p.ni++
	if im.Resource != res {
		im.Resource = res
		im.Refresh()
	}
	im.FillMode = canvas.ImageFillContain
	im.Move(pos)
	im.Resize(size)
	p.objs = append(p.objs, im)
}

// widthCache remembers the drawn width of characters drawn on their own.
var widthCache = map[string]float32{}

func (e *Editor) drawnWidth(s string, st fyne.TextStyle) float32 {
	key := s
	if !st.Monospace {
		key += "\x00p"
	}
	if w, ok := widthCache[key]; ok {
		return w
	}
	w := fyne.MeasureText(s, e.textSize, st).Width
	widthCache[key] = w
	return w
}

// kindAt is the kind of the span covering byte off.
func kindAt(spans []Span, off int, k *int) Kind {
	for *k < len(spans) && spans[*k].End <= off {
		*k++
	}
	if *k < len(spans) && spans[*k].Start <= off {
		return spans[*k].Kind
	}
	return Plain
}

// drawLine adds the text of line i at y, in runs of one kind.
func (e *Editor) drawLine(p *pools, i int, y, x0 float32, width float32) {
	line := e.buf.Line(i)
	if line == "" {
		return
	}
	spans := e.hl.spans(i)
	firstCell := int((-x0) / e.cw)
	lastCell := int((width-x0)/e.cw) + 1
	if isASCIIPlain(line) {
		// fast path: bytes are cells
		k := 0
		for _, s := range spans {
			e.drawRun(p, line, k, s.Start, Plain, x0, y, firstCell, lastCell)
			e.drawRun(p, line, s.Start, s.End, s.Kind, x0, y, firstCell, lastCell)
			k = s.End
		}
		e.drawRun(p, line, k, len(line), Plain, x0, y, firstCell, lastCell)
		return
	}
	lo := layoutOf(line)
	k := 0
	runStart, runKind := -1, Plain
	runCol := 0
	flush := func(end int) {
		if runStart >= 0 && end > runStart {
			t := line[runStart:end]
			st := style(runKind)
			p.text(t, e.pal.kinds[runKind], e.textSize, st, fyne.NewPos(x0+float32(runCol)*e.cw, y))
		}
		runStart = -1
	}
	for _, c := range lo.cl {
		if c.col > lastCell {
			break
		}
		kind := kindAt(spans, c.off, &k)
		if c.col+c.w < firstCell {
			continue
		}
		if c.simple {
			if runStart >= 0 && kind == runKind {
				continue
			}
			flush(c.off)
			runStart, runKind, runCol = c.off, kind, c.col
			continue
		}
		flush(c.off)
		s, special := shown(line[c.off:c.end])
		if s == "" {
			continue
		}
		col := e.pal.kinds[kind]
		st := style(kind)
		if special {
			col = e.pal.kinds[Comment]
			st = fyne.TextStyle{Monospace: true}
		}
		x := x0 + float32(c.col)*e.cw
		size := e.textSize
		if w := e.drawnWidth(s, st); w > 0 {
			room := float32(c.w) * e.cw
			if w > room*1.05 { // too wide for its cells: draw it smaller
				size *= room / w
				w = room
			}
			x += (room - w) / 2
		}
		p.text(s, col, size, st, fyne.NewPos(x, y))
	}
	if len(lo.cl) > 0 {
		flush(lo.cl[len(lo.cl)-1].end)
	}
}

// drawRun draws bytes a–b of an ASCII line, clipped to the cells shown.
func (e *Editor) drawRun(p *pools, line string, a, b int, k Kind, x0, y float32, first, last int) {
	a, b = max(a, first), min(b, last)
	if b <= a {
		return
	}
	t := line[a:b]
	if k == Plain && isSpaces(t) {
		return
	}
	p.text(t, e.pal.kinds[k], e.textSize, style(k), fyne.NewPos(x0+float32(a)*e.cw, y))
}

func isSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}
