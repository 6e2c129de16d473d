package ui

import (
	"image"
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/drawing"
)

// diagramView draws a Drawing sharply at any zoom: a raster that paints
// just the visible part at the exact pixel scale, again whenever the view
// moves. Scrolling pans (with Ctrl it zooms), dragging pans, a tap selects
// the actor or track under it.
type diagramView struct {
	widget.BaseWidget
	p      *previewPanel
	raster *canvas.Raster
	bg     *canvas.Rectangle
	veil   *canvas.Rectangle // greys a stale diagram
	ring   *canvas.Rectangle // shows the keyboard focus (see previewkeys.go)
	hbar   *scrollThumb      // where the view is across the diagram
	vbar   *scrollThumb      // and down it
	tip    *diagramTip       // the hover tooltip (diagramhover.go)
	menu   *widget.PopUpMenu // the last right-click menu (tests)
	// hovered is the Ref of the mark under the pointer ("" none).
	hovered string

	mu      sync.Mutex // guards the fields below: the raster reads them on the render thread
	drawing *drawing.Drawing
	page    *drawing.Drawing // drawing as painted: see pageOf
	bounds  []rect
	zoom    float64       // 1 is 100%
	off     fyne.Position // the view's top-left in zoomed units
	fitted  bool          // follow the window size with fit
	fitNext bool          // fit when the next drawing arrives
	size    fyne.Size
}

func newDiagramView(p *previewPanel) *diagramView {
	v := &diagramView{p: p, zoom: 1, fitted: true, fitNext: true}
	v.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	v.veil = canvas.NewRectangle(color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x50})
	v.veil.Hide()
	v.ring = newFocusRing()
	v.raster = canvas.NewRaster(v.paint)
	v.hbar = newScrollThumb(v, false)
	v.vbar = newScrollThumb(v, true)
	v.tip = newDiagramTip()
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer is the widget's renderer: background, diagram, veil and
// the scrollbar thumbs.
func (v *diagramView) CreateRenderer() fyne.WidgetRenderer {
	return &diagramRenderer{v: v, objects: []fyne.CanvasObject{v.bg, v.raster, v.veil, v.hbar, v.vbar, v.ring, v.tip}}
}

type diagramRenderer struct {
	v       *diagramView
	objects []fyne.CanvasObject
}

func (r *diagramRenderer) Layout(s fyne.Size) {
	for _, o := range []fyne.CanvasObject{r.v.bg, r.v.raster, r.v.veil, r.v.ring} {
		o.Resize(s)
		o.Move(fyne.NewPos(0, 0))
	}
	r.v.resized(s)
}
func (r *diagramRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 120) }
func (r *diagramRenderer) Refresh() {
	r.v.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.v.bg.Refresh()
	r.v.hbar.Refresh()
	r.v.vbar.Refresh()
	r.v.raster.Refresh()
	r.v.veil.Refresh()
	r.v.ring.StrokeColor = theme.Color(theme.ColorNameFocus)
	r.v.ring.Refresh()
	r.v.tip.Refresh()
}
func (r *diagramRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *diagramRenderer) Destroy()                     {}

// unit is how many Fyne units a point takes at zoom z.
func unit(z float64) float64 { return z * pxPerPt }

func (v *diagramView) resized(s fyne.Size) {
	v.mu.Lock()
	changed := v.size != s
	v.size = s
	fitted := v.fitted
	v.mu.Unlock()
	if changed && fitted {
		v.fit()
		return
	}
	v.updateBars()
}

func (v *diagramView) setDrawing(d *drawing.Drawing) {
	bounds := make([]rect, len(d.Items))
	for i := range d.Items {
		bounds[i] = itemBounds(&d.Items[i])
	}
	v.hideTip() // it was of the old diagram
	v.p.find.drawingChanged(d)
	page := pageOf(d, highlightItems(d, v.p.u.selected, v.p.find.matches))
	v.mu.Lock()
	first := v.drawing == nil
	v.drawing, v.page, v.bounds = d, page, bounds
	fit := v.fitted || v.fitNext || first
	v.fitNext = false
	v.mu.Unlock()
	v.veil.Hide()
	if fit {
		v.fit()
		return
	}
	v.clampAndRefresh()
}

// currentDrawing is the diagram shown (nil before the first).
func (v *diagramView) currentDrawing() *drawing.Drawing {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.drawing
}

// highlightsChanged paints the selection's halo and the search's marks
// anew.
func (v *diagramView) highlightsChanged() {
	d := v.currentDrawing()
	if d == nil {
		return
	}
	page := pageOf(d, highlightItems(d, v.p.u.selected, v.p.find.matches))
	v.mu.Lock()
	if v.drawing == d {
		v.page = page
	}
	v.mu.Unlock()
	v.raster.Refresh()
}

// refBounds is the box around the items that draw ref, in points.
func refBounds(d *drawing.Drawing, bounds []rect, ref string) (rect, bool) {
	r, found := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}, false
	for i := range d.Items {
		if refShows(d.Items[i].Ref, ref) {
			b := bounds[i]
			r = rect{math.Min(r.x0, b.x0), math.Min(r.y0, b.y0), math.Max(r.x1, b.x1), math.Max(r.y1, b.y1)}
			found = true
		}
	}
	return r, found
}

// reveal pans so that what draws ref is in view, centred when it was not
// (the zoom stays).
func (v *diagramView) reveal(ref string) {
	v.mu.Lock()
	d, bounds := v.drawing, v.bounds
	if d == nil {
		v.mu.Unlock()
		return
	}
	b, ok := refBounds(d, bounds, ref)
	u := unit(v.zoom)
	x0, y0, x1, y1 := float32(b.x0*u), float32(b.y0*u), float32(b.x1*u), float32(b.y1*u)
	inView := x0 >= v.off.X && y0 >= v.off.Y && x1 <= v.off.X+v.size.Width && y1 <= v.off.Y+v.size.Height
	if ok && !inView {
		v.off = fyne.NewPos((x0+x1)/2-v.size.Width/2, (y0+y1)/2-v.size.Height/2)
		v.fitted = false
	}
	v.mu.Unlock()
	v.clampAndRefresh()
}

// hasDrawing reports whether a diagram has been drawn.
func (v *diagramView) hasDrawing() bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.drawing != nil
}

func (v *diagramView) setStale(stale bool) {
	if stale {
		v.veil.Show()
	} else {
		v.veil.Hide()
	}
}

// fit zooms so the whole diagram shows, centred, and keeps it so as the
// window changes size.
func (v *diagramView) fit() {
	v.mu.Lock()
	d, s := v.drawing, v.size
	v.fitted = true
	if d != nil && d.Width > 0 && d.Height > 0 && s.Width > 0 && s.Height > 0 {
		const margin = 8
		z := math.Min((float64(s.Width)-2*margin)/(d.Width*pxPerPt), (float64(s.Height)-2*margin)/(d.Height*pxPerPt))
		v.zoom = math.Max(minZoom, math.Min(z, 1.5))
	}
	v.mu.Unlock()
	v.clampAndRefresh()
}

func (v *diagramView) actualSize() { v.setZoom(1, nil) }
func (v *diagramView) zoomIn()     { v.setZoom(v.currentZoom()*zoomStep, nil) }
func (v *diagramView) zoomOut()    { v.setZoom(v.currentZoom()/zoomStep, nil) }

func (v *diagramView) currentZoom() float64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.zoom
}

// setZoom zooms keeping the point under at (in view units; nil: the
// centre) where it is.
func (v *diagramView) setZoom(z float64, at *fyne.Position) {
	z = math.Max(minZoom, math.Min(z, maxZoom))
	v.hideTip()
	v.mu.Lock()
	c := fyne.NewPos(v.size.Width/2, v.size.Height/2)
	if at != nil {
		c = *at
	}
	k := float32(z / v.zoom)
	v.off = fyne.NewPos((v.off.X+c.X)*k-c.X, (v.off.Y+c.Y)*k-c.Y)
	v.zoom = z
	v.fitted = false
	v.mu.Unlock()
	v.clampAndRefresh()
}

// clampAndRefresh keeps the diagram in view (centred when it is smaller
// than the view) and repaints.
func (v *diagramView) clampAndRefresh() {
	v.mu.Lock()
	if d := v.drawing; d != nil {
		u := unit(v.zoom)
		w, h := float32(d.Width*u), float32(d.Height*u)
		v.off.X = clampAxis(v.off.X, w, v.size.Width)
		v.off.Y = clampAxis(v.off.Y, h, v.size.Height)
	}
	z := v.zoom
	v.mu.Unlock()
	v.p.zoomChanged(z)
	v.updateBars()
	v.raster.Refresh()
}

// panMargin is how far past its edges the diagram pans.
const panMargin = 40

// fits reports whether content this long shows whole in view, centred.
func fits(content, view float32) bool { return content+2*8 <= view }

func clampAxis(off, content, view float32) float32 {
	if fits(content, view) {
		return -(view - content) / 2
	}
	return float32(math.Max(-panMargin, math.Min(float64(off), float64(content-view+panMargin))))
}

// updateBars places the scrollbar thumbs for the part of the diagram in
// view, and hides a thumb whose direction shows it all.
func (v *diagramView) updateBars() {
	v.mu.Lock()
	d, z, off, size := v.drawing, v.zoom, v.off, v.size
	v.mu.Unlock()
	if d == nil {
		v.hbar.Hide()
		v.vbar.Hide()
		return
	}
	u := unit(z)
	v.hbar.place(float32(d.Width*u), size.Width, off.X, size)
	v.vbar.place(float32(d.Height*u), size.Height, off.Y, size)
}

// Scrollbar thumbs: thickness and distance from the view's edge.
const (
	thumbThickness = 8
	thumbInset     = 2
	minThumb       = 24
)

// scrollThumb is a scrollbar thumb along an edge of the diagram: it shows
// which part of the diagram is in view, and dragging it pans.
type scrollThumb struct {
	widget.BaseWidget
	v        *diagramView
	vertical bool
	rect     *canvas.Rectangle
	scale    float32 // view units the diagram moves per unit the thumb moves
}

// The thumbs' colours: a dark grey pill with a light rim, as overlay
// scrollbars are drawn, so that a thumb shows over any diagram (a white
// page in the dark theme, where the theme's light scrollbar colour would
// vanish) and over the view's own background in either theme.
var (
	thumbFill = color.NRGBA{R: 0x4a, G: 0x4a, B: 0x4a, A: 0xd0}
	thumbRim  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xc0}
)

func newScrollThumb(v *diagramView, vertical bool) *scrollThumb {
	t := &scrollThumb{v: v, vertical: vertical, rect: canvas.NewRectangle(thumbFill)}
	t.rect.CornerRadius = thumbThickness / 2
	t.rect.StrokeColor = thumbRim
	t.rect.StrokeWidth = 1
	t.ExtendBaseWidget(t)
	t.Hide()
	return t
}

// CreateRenderer is the thumb: a rounded bar.
func (t *scrollThumb) CreateRenderer() fyne.WidgetRenderer { return &thumbRenderer{t} }

type thumbRenderer struct{ t *scrollThumb }

func (r *thumbRenderer) Layout(s fyne.Size)           { r.t.rect.Resize(s) }
func (r *thumbRenderer) MinSize() fyne.Size           { return fyne.NewSize(thumbThickness, thumbThickness) }
func (r *thumbRenderer) Refresh()                     { r.t.rect.Refresh() }
func (r *thumbRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.rect} }
func (r *thumbRenderer) Destroy()                     {}

// place puts the thumb for content units of diagram seen through view
// units from offset off, in a view of size s.
func (t *scrollThumb) place(content, view, off float32, s fyne.Size) {
	if fits(content, view) || view <= 0 {
		t.Hide()
		return
	}
	track := view - thumbThickness - 3*thumbInset // leave the corner free
	total := content + 2*panMargin
	length := max(minThumb, min(track, track*view/total))
	room := track - length
	pos := float32(0)
	if total > view && room > 0 {
		pos = max(0, min(room, (off+panMargin)/(total-view)*room))
		t.scale = (total - view) / room
	}
	if t.vertical {
		t.Move(fyne.NewPos(s.Width-thumbThickness-thumbInset, thumbInset+pos))
		t.Resize(fyne.NewSize(thumbThickness, length))
	} else {
		t.Move(fyne.NewPos(thumbInset+pos, s.Height-thumbThickness-thumbInset))
		t.Resize(fyne.NewSize(length, thumbThickness))
	}
	t.Show()
}

// Dragged pans the diagram along with the thumb.
func (t *scrollThumb) Dragged(ev *fyne.DragEvent) {
	if t.vertical {
		t.v.pan(0, ev.Dragged.DY*t.scale)
	} else {
		t.v.pan(ev.Dragged.DX*t.scale, 0)
	}
}

// DragEnd ends a drag.
func (t *scrollThumb) DragEnd() {}

// paint is the raster's generator: the visible part of the diagram at w×h
// pixels.
func (v *diagramView) paint(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	v.mu.Lock()
	page, z, off, size := v.page, v.zoom, v.off, v.size
	v.mu.Unlock()
	if page == nil || size.Width <= 0 || w <= 0 || h <= 0 {
		return img
	}
	pix := float64(w) / float64(size.Width) // screen pixels per Fyne unit
	k := unit(z) * pix                      // pixels per point
	origin := drawing.Point{X: float64(off.X) / unit(z), Y: float64(off.Y) / unit(z)}
	if err := rasterizeView(img, page, k, origin); err != nil {
		fyne.LogError("ui: drawing the diagram", err)
	}
	return img
}

// Scrolled pans, or with Ctrl (Cmd on macOS) held zooms about the pointer.
func (v *diagramView) Scrolled(ev *fyne.ScrollEvent) {
	if drv, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		if m := drv.CurrentKeyModifiers(); m&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
			step := math.Pow(zoomStep, float64(ev.Scrolled.DY)/10)
			pos := ev.Position
			v.setZoom(v.currentZoom()*step, &pos)
			return
		}
	}
	v.pan(-ev.Scrolled.DX, -ev.Scrolled.DY)
}

// Dragged pans (the tooltip goes while it does).
func (v *diagramView) Dragged(ev *fyne.DragEvent) { v.pan(-ev.Dragged.DX, -ev.Dragged.DY) }

// DragEnd ends a pan.
func (v *diagramView) DragEnd() {}

func (v *diagramView) pan(dx, dy float32) {
	v.hideTip()
	v.mu.Lock()
	v.off = v.off.Add(fyne.NewDelta(dx, dy))
	v.fitted = false
	v.mu.Unlock()
	v.clampAndRefresh()
}

// Tapped selects the mark under the pointer, in every view and in the
// forms (and takes the keyboard focus, for the keys that pan and zoom).
func (v *diagramView) Tapped(ev *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
	switch ref := v.refAt(ev.Position); {
	case ref != "":
		v.p.u.selectRef(ref)
	default: // a click on the paper clears the halo
		v.p.u.clearSelection()
	}
}

// refAt is the Ref of the diagram item at a view position.
func (v *diagramView) refAt(pos fyne.Position) string {
	v.mu.Lock()
	d, bounds, z, off := v.drawing, v.bounds, v.zoom, v.off
	v.mu.Unlock()
	if d == nil {
		return ""
	}
	u := unit(z)
	x, y := float64(pos.X+off.X)/u, float64(pos.Y+off.Y)/u
	return hitTest(d, bounds, x, y, 4/u)
}

// viewPosOf is where a diagram point shows in the view (tests).
func (v *diagramView) viewPosOf(p drawing.Point) fyne.Position {
	v.mu.Lock()
	defer v.mu.Unlock()
	u := unit(v.zoom)
	return fyne.NewPos(float32(p.X*u)-v.off.X, float32(p.Y*u)-v.off.Y)
}
