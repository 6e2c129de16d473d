package editor

// The editor's child widgets: the text view, the gutter and the scroll
// bars, each with its input handling beside its drawing (over 500 lines
// for that reason).

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textView is the text area. It is fyne.Scrollable, which makes Fyne clip
// its drawing to its bounds and send it the mouse wheel.
type textView struct {
	widget.BaseWidget
	e *Editor
}

// padX is the space before the first column.
func (e *Editor) padX() float32 { return e.cw / 2 }

// posAt is the text position under a point of the view.
func (e *Editor) posAt(p fyne.Position) Pos {
	i := int((p.Y + e.scrollY) / e.lh)
	if p.Y+e.scrollY < 0 {
		i = -1
	}
	if i < 0 {
		return Pos{}
	}
	if i >= e.buf.LineCount() {
		return e.buf.End()
	}
	x := (p.X + e.scrollX - e.padX()) / e.cw
	return Pos{i, layoutOf(e.buf.Line(i)).offAt(x)}
}

func (v *textView) CreateRenderer() fyne.WidgetRenderer {
	return &viewRenderer{v: v}
}

// Scrolled is part of fyne.Scrollable: the mouse wheel.
func (v *textView) Scrolled(ev *fyne.ScrollEvent) { v.e.Scrolled(ev) }

// Scrolled scrolls the text by a wheel or touchpad event.
func (e *Editor) Scrolled(ev *fyne.ScrollEvent) {
	dx, dy := ev.Scrolled.DX, ev.Scrolled.DY
	if e.shift && dx == 0 {
		dx, dy = dy, 0
	}
	e.scrollTo(e.scrollX-dx, e.scrollY-dy)
	e.comp.hide()
	e.Refresh()
}

// Cursor is part of desktop.Cursorable: the text cursor over text.
func (v *textView) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseDown is part of desktop.Mouseable: a click places the cursor, a
// double click selects a word, a triple click the line; Shift extends.
func (v *textView) MouseDown(ev *desktop.MouseEvent) {
	e := v.e
	e.Focus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	if i := e.comp.hit(ev.Position.Add(v.Position())); i >= 0 {
		e.comp.accept(i)
		return
	}
	p := e.posAt(ev.Position)
	now := time.Now()
	if now.Sub(e.lastClick) < 400*time.Millisecond && p.Line == e.lastPos.Line {
		e.clicks++
	} else {
		e.clicks = 1
	}
	e.lastClick, e.lastPos = now, p
	e.comp.hide()
	extend := ev.Modifier&fyne.KeyModifierShift != 0
	switch {
	case e.clicks == 2:
		a, z := e.wordAt(p)
		e.anc, e.cur = a, z
	case e.clicks >= 3:
		e.anc, e.cur = e.lineRange(p.Line)
	default:
		e.setCursor(p, extend)
	}
	e.dragFrom = [2]Pos{e.anc, e.cur}
	e.goalCol = -1
	e.lastKind = editOther
	e.afterMove(false)
}

// lineRange is line i with its line end.
func (e *Editor) lineRange(i int) (Pos, Pos) {
	if i+1 < e.buf.LineCount() {
		return Pos{i, 0}, Pos{i + 1, 0}
	}
	return Pos{i, 0}, Pos{i, len(e.buf.Line(i))}
}

// MouseUp is part of desktop.Mouseable.
func (v *textView) MouseUp(*desktop.MouseEvent) {}

// Dragged is part of fyne.Draggable: it extends the selection, by words
// or lines after a double or triple click, scrolling at the edges.
func (v *textView) Dragged(ev *fyne.DragEvent) {
	e := v.e
	pos := ev.Position
	if pos.Y < 0 {
		e.scrollTo(e.scrollX, e.scrollY-e.lh)
	} else if pos.Y > e.viewSize.Height {
		e.scrollTo(e.scrollX, e.scrollY+e.lh)
	}
	p := e.posAt(pos)
	a, z := e.dragFrom[0], e.dragFrom[1]
	switch {
	case e.clicks == 2:
		wa, wz := e.wordAt(p)
		if p.Before(a) {
			e.anc, e.cur = z, wa
		} else {
			e.anc, e.cur = a, wz
		}
	case e.clicks >= 3:
		la, lz := e.lineRange(p.Line)
		if p.Before(a) {
			e.anc, e.cur = z, la
		} else {
			e.anc, e.cur = a, lz
		}
	default:
		e.cur = p
	}
	e.afterMove(true)
}

// DragEnd is part of fyne.Draggable.
func (v *textView) DragEnd() {}

// MouseIn is part of desktop.Hoverable.
func (v *textView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved shows the message of a problem under the mouse.
func (v *textView) MouseMoved(ev *desktop.MouseEvent) {
	e := v.e
	p := e.posAt(ev.Position)
	var msgs []Problem
	for _, pr := range e.problemsOn(p.Line) {
		a, z := e.problemRange(pr)
		if p.Col >= a && p.Col <= z {
			msgs = append(msgs, pr)
		}
	}
	e.showTip(msgs, ev.Position.Add(e.view.Position()))
}

// MouseOut is part of desktop.Hoverable.
func (v *textView) MouseOut() { v.e.showTip(nil, fyne.Position{}) }

type viewRenderer struct {
	v *textView
	p pools
}

func (r *viewRenderer) Destroy()                     {}
func (r *viewRenderer) Layout(fyne.Size)             {}
func (r *viewRenderer) MinSize() fyne.Size           { return fyne.NewSize(10, 10) }
func (r *viewRenderer) Objects() []fyne.CanvasObject { return r.p.objs }

// Refresh draws the lines in view.
func (r *viewRenderer) Refresh() {
	e := r.v.e
	p := &r.p
	p.reset()
	size := r.v.Size()
	first, last := e.visibleLines()
	x0 := e.padX() - e.scrollX
	selA, selZ := e.Selection()
	hasSel := selA != selZ
	// the current line
	if !hasSel {
		p.rect(e.pal.lineBg, fyne.NewPos(0, float32(e.cur.Line)*e.lh-e.scrollY), fyne.NewSize(size.Width, e.lh))
	}
	matches := e.bar.matchesIn(first, last)
	for i := first; i <= last; i++ {
		y := float32(i)*e.lh - e.scrollY
		line := e.buf.Line(i)
		var lo layout
		loOK := false
		colOf := func(off int) float32 {
			if isASCIIPlain(line) {
				return float32(min(off, len(line)))
			}
			if !loOK {
				lo, loOK = layoutOf(line), true
			}
			return float32(lo.colOf(off))
		}
		// a table header's band
		if sp := e.hl.spans(i); len(sp) > 0 && sp[0].Kind == Table {
			p.rect(e.pal.headerBg, fyne.NewPos(0, y), fyne.NewSize(size.Width, e.lh))
		}
		// selection
		if hasSel && i >= selA.Line && i <= selZ.Line {
			a, z := float32(0), colOf(len(line))
			if i == selA.Line {
				a = colOf(selA.Col)
			}
			if i == selZ.Line {
				z = colOf(selZ.Col)
			} else {
				z += 0.5 // the line end is selected too
			}
			if z > a {
				p.rect(e.pal.selection, fyne.NewPos(x0+a*e.cw, y), fyne.NewSize((z-a)*e.cw, e.lh))
			}
		}
		// find matches
		for _, m := range matches {
			if m.line == i {
				c := e.pal.match
				if m.current {
					c = e.pal.matchCur
				}
				a, z := colOf(m.start), colOf(m.end)
				p.rect(c, fyne.NewPos(x0+a*e.cw, y), fyne.NewSize(max(z-a, 0.3)*e.cw, e.lh))
			}
		}
		// problems: a tint and an underline
		for _, pr := range e.problemsOn(i) {
			a, z := e.problemRange(pr)
			ca, cz := colOf(a), colOf(z)
			if cz <= ca {
				cz = ca + 1
			}
			tint, under := e.pal.errorTint, e.pal.errorC
			if pr.Severity == Warning {
				tint, under = e.pal.warnTint, e.pal.warnC
			}
			p.rect(tint, fyne.NewPos(x0+ca*e.cw, y), fyne.NewSize((cz-ca)*e.cw, e.lh))
			uy := y + e.lh - 1.5
			p.line(under, 2, fyne.NewPos(x0+ca*e.cw, uy), fyne.NewPos(x0+cz*e.cw, uy))
		}
		e.drawLine(p, i, y, x0, size.Width)
	}
	// the cursor
	if e.focused {
		line := e.buf.Line(e.cur.Line)
		col := float32(layoutOf(line).colOf(e.cur.Col))
		if isASCIIPlain(line) {
			col = float32(e.cur.Col)
		}
		y := float32(e.cur.Line)*e.lh - e.scrollY
		p.rect(e.pal.cursor, fyne.NewPos(x0+col*e.cw-1, y), fyne.NewSize(2, e.lh))
	}
	canvas.Refresh(r.v)
}

// the gutter's markers, made once so that the images keep their textures
var errorIcon, warningIcon fyne.Resource

func markerIcons() {
	if errorIcon == nil {
		errorIcon = theme.NewErrorThemedResource(theme.ErrorIcon())
		warningIcon = theme.NewWarningThemedResource(theme.WarningIcon())
	}
}

// gutter shows line numbers and problem markers. A click selects a line.
type gutter struct {
	widget.BaseWidget
	e *Editor
}

func (g *gutter) CreateRenderer() fyne.WidgetRenderer { return &gutterRenderer{g: g} }

// Scrolled is part of fyne.Scrollable.
func (g *gutter) Scrolled(ev *fyne.ScrollEvent) { g.e.Scrolled(ev) }

// MouseDown selects the line clicked (Shift: up to it).
func (g *gutter) MouseDown(ev *desktop.MouseEvent) {
	e := g.e
	e.Focus()
	p := e.posAt(fyne.NewPos(0, ev.Position.Y))
	a, z := e.lineRange(p.Line)
	if ev.Modifier&fyne.KeyModifierShift != 0 {
		if a.Before(e.anc) {
			e.cur = a
		} else {
			e.cur = z
		}
	} else {
		e.anc, e.cur = a, z
	}
	e.clicks = 3
	e.dragFrom = [2]Pos{a, z}
	e.afterMove(false)
}

// MouseUp is part of desktop.Mouseable.
func (g *gutter) MouseUp(*desktop.MouseEvent) {}

// Dragged selects whole lines.
func (g *gutter) Dragged(ev *fyne.DragEvent) {
	g.e.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(0, ev.Position.Y)}, Dragged: ev.Dragged})
}

// DragEnd is part of fyne.Draggable.
func (g *gutter) DragEnd() {}

// MouseIn is part of desktop.Hoverable.
func (g *gutter) MouseIn(ev *desktop.MouseEvent) { g.MouseMoved(ev) }

// MouseMoved shows the messages of the problems on the line under the
// mouse.
func (g *gutter) MouseMoved(ev *desktop.MouseEvent) {
	e := g.e
	p := e.posAt(fyne.NewPos(0, ev.Position.Y))
	e.showTip(e.problemsOn(p.Line), ev.Position.Add(g.Position()))
}

// MouseOut is part of desktop.Hoverable.
func (g *gutter) MouseOut() { g.e.showTip(nil, fyne.Position{}) }

type gutterRenderer struct {
	g *gutter
	p pools
}

func (r *gutterRenderer) Destroy()                     {}
func (r *gutterRenderer) Layout(fyne.Size)             {}
func (r *gutterRenderer) MinSize() fyne.Size           { return fyne.NewSize(10, 10) }
func (r *gutterRenderer) Objects() []fyne.CanvasObject { return r.p.objs }

func (r *gutterRenderer) Refresh() {
	e := r.g.e
	p := &r.p
	p.reset()
	size := r.g.Size()
	p.rect(e.pal.gutterBg, fyne.Position{}, size)
	first, last := e.visibleLines()
	right := size.Width - e.cw*0.75
	for i := first; i <= last; i++ {
		y := float32(i)*e.lh - e.scrollY
		n := strconv.Itoa(i + 1)
		c, st := e.pal.gutterFg, fyne.TextStyle{Monospace: true}
		if i == e.cur.Line {
			c = e.pal.fg
		}
		p.text(n, c, e.textSize, st, fyne.NewPos(right-float32(len(n))*e.cw, y))
		if ps := e.problemsOn(i); len(ps) > 0 {
			markerIcons()
			res := warningIcon
			for _, pr := range ps {
				if pr.Severity == Error {
					res = errorIcon
				}
			}
			s := e.lh - 2
			p.image(res, fyne.NewPos(2, y+1), fyne.NewSize(s, s))
		}
	}
	// a line between the gutter and the text
	p.line(e.pal.border, 1, fyne.NewPos(size.Width-0.5, 0), fyne.NewPos(size.Width-0.5, size.Height))
	canvas.Refresh(r.g)
}

// scrollBar is a scroll bar drawn by the editor: a track and a thumb that
// can be dragged; a click on the track moves by a page.
type scrollBar struct {
	widget.BaseWidget
	e        *Editor
	vertical bool
	hover    bool
	grab     float32 // where in the thumb the drag started, -1 when not dragging
}

func newScrollBar(e *Editor, vertical bool) *scrollBar {
	b := &scrollBar{e: e, vertical: vertical, grab: -1}
	b.ExtendBaseWidget(b)
	return b
}

// extent is the content length, the view length and the offset.
func (b *scrollBar) extent() (content, view, off float32) {
	e := b.e
	if b.vertical {
		return float32(e.buf.LineCount())*e.lh + e.lh*2, e.viewSize.Height, e.scrollY
	}
	return float32(e.contentCells()+2) * e.cw, e.viewSize.Width, e.scrollX
}

// thumb is the thumb's start and length along the bar.
func (b *scrollBar) thumb() (float32, float32) {
	content, view, off := b.extent()
	length := b.Size().Height
	if !b.vertical {
		length = b.Size().Width
	}
	if content <= view || content <= 0 {
		return 0, length
	}
	t := max(length*view/content, 24)
	return (length - t) * off / max(content-view, 1), t
}

func (b *scrollBar) setOffset(along float32) {
	content, view, _ := b.extent()
	length := b.Size().Height
	if !b.vertical {
		length = b.Size().Width
	}
	_, t := b.thumb()
	off := along / max(length-t, 1) * max(content-view, 0)
	if b.vertical {
		b.e.scrollTo(b.e.scrollX, off)
	} else {
		b.e.scrollTo(off, b.e.scrollY)
	}
	b.e.Refresh()
}

func (b *scrollBar) along(p fyne.Position) float32 {
	if b.vertical {
		return p.Y
	}
	return p.X
}

// MouseDown is part of desktop.Mouseable: a page towards the click, or
// the start of a drag of the thumb.
func (b *scrollBar) MouseDown(ev *desktop.MouseEvent) {
	at := b.along(ev.Position)
	start, t := b.thumb()
	if at >= start && at <= start+t {
		b.grab = at - start
		return
	}
	_, view, off := b.extent()
	if at < start {
		off -= view * 0.9
	} else {
		off += view * 0.9
	}
	if b.vertical {
		b.e.scrollTo(b.e.scrollX, off)
	} else {
		b.e.scrollTo(off, b.e.scrollY)
	}
	b.e.Refresh()
}

// MouseUp is part of desktop.Mouseable.
func (b *scrollBar) MouseUp(*desktop.MouseEvent) {}

// Dragged is part of fyne.Draggable.
func (b *scrollBar) Dragged(ev *fyne.DragEvent) {
	if b.grab < 0 {
		start, _ := b.thumb()
		b.grab = b.along(ev.Position) - start
	}
	b.setOffset(b.along(ev.Position) - b.grab)
}

// DragEnd is part of fyne.Draggable.
func (b *scrollBar) DragEnd() { b.grab = -1 }

// Scrolled is part of fyne.Scrollable.
func (b *scrollBar) Scrolled(ev *fyne.ScrollEvent) { b.e.Scrolled(ev) }

// MouseIn is part of desktop.Hoverable: the thumb widens.
func (b *scrollBar) MouseIn(*desktop.MouseEvent) { b.hover = true; b.Refresh() }

// MouseMoved is part of desktop.Hoverable.
func (b *scrollBar) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (b *scrollBar) MouseOut() { b.hover = false; b.Refresh() }

func (b *scrollBar) CreateRenderer() fyne.WidgetRenderer {
	r := &scrollBarRenderer{b: b, track: canvas.NewRectangle(color.Transparent), th: canvas.NewRectangle(color.Transparent)}
	return r
}

type scrollBarRenderer struct {
	b         *scrollBar
	track, th *canvas.Rectangle
}

func (r *scrollBarRenderer) Destroy()           {}
func (r *scrollBarRenderer) Layout(fyne.Size)   { r.Refresh() }
func (r *scrollBarRenderer) MinSize() fyne.Size { return fyne.NewSize(4, 4) }
func (r *scrollBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.th}
}

func (r *scrollBarRenderer) Refresh() {
	b, e := r.b, r.b.e
	size := b.Size()
	r.track.FillColor = e.pal.scrollTrack
	r.track.Resize(size)
	r.track.Move(fyne.Position{})
	start, t := b.thumb()
	thick := float32(6)
	if b.hover || b.grab >= 0 {
		thick = 10
	}
	c := e.pal.scrollThumb
	r.th.FillColor = c
	r.th.CornerRadius = thick / 2
	if b.vertical {
		r.th.Move(fyne.NewPos((size.Width-thick)/2, start))
		r.th.Resize(fyne.NewSize(thick, t))
	} else {
		r.th.Move(fyne.NewPos(start, (size.Height-thick)/2))
		r.th.Resize(fyne.NewSize(t, thick))
	}
	content, view, _ := b.extent()
	if content <= view {
		r.th.Hide()
	} else {
		r.th.Show()
	}
	canvas.Refresh(b)
}
