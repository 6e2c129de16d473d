package ui

import (
	"image"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/drawing"
)

// comparePicture shows Compare mode's picture: fitted to its space, or
// zoomed (the buttons, Ctrl+scroll) and panned (drag, scroll); a tap
// selects the item under it in the forms. It is Compare's own so that the
// preview keeps its zoom, place, selection and search while Compare is
// open.
type comparePicture struct {
	widget.BaseWidget
	u      *App
	raster *canvas.Raster
	bg     *canvas.Rectangle

	mu      sync.Mutex // the raster reads these on the render thread
	drawing *drawing.Drawing
	page    *drawing.Drawing
	bounds  []rect
	zoom    float64 // 0: fitted
	off     fyne.Position
	size    fyne.Size
}

func newComparePicture(u *App) *comparePicture {
	p := &comparePicture{u: u}
	p.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	p.raster = canvas.NewRaster(p.paint)
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is the background and the picture.
func (p *comparePicture) CreateRenderer() fyne.WidgetRenderer {
	return &comparePictureRenderer{p: p}
}

type comparePictureRenderer struct{ p *comparePicture }

func (r *comparePictureRenderer) Layout(s fyne.Size) {
	r.p.bg.Resize(s)
	r.p.raster.Resize(s)
	r.p.mu.Lock()
	r.p.size = s
	r.p.mu.Unlock()
}
func (r *comparePictureRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 120) }
func (r *comparePictureRenderer) Refresh() {
	r.p.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.p.bg.Refresh()
	r.p.raster.Refresh()
}
func (r *comparePictureRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.p.bg, r.p.raster}
}
func (r *comparePictureRenderer) Destroy() {}

// setDrawing shows d, keeping the zoom (a new comparison of the same
// scenario is mostly the same picture).
func (p *comparePicture) setDrawing(d *drawing.Drawing) {
	page := &drawing.Drawing{Width: d.Width, Height: d.Height, Items: make([]drawing.Item, 0, len(d.Items)+1)}
	if d.Background.A > 0 {
		page.Items = append(page.Items, drawing.Item{Kind: drawing.KindRect, W: d.Width, H: d.Height, Fill: d.Background})
	}
	page.Items = append(page.Items, d.Items...)
	bounds := make([]rect, len(d.Items))
	for i := range d.Items {
		bounds[i] = itemBounds(&d.Items[i])
	}
	p.mu.Lock()
	p.drawing, p.page, p.bounds = d, page, bounds
	p.mu.Unlock()
	p.raster.Refresh()
}

// scale is the Fyne units a point takes, and the picture's top-left in
// the view; the lock is held.
func (p *comparePicture) scale() (float64, fyne.Position) {
	d, s := p.drawing, p.size
	if d == nil || d.Width <= 0 || d.Height <= 0 || s.Width <= 0 || s.Height <= 0 {
		return 1, fyne.Position{}
	}
	const margin = 8
	z := p.zoom
	if z == 0 {
		z = math.Min(1.5, math.Min((float64(s.Width)-2*margin)/(d.Width*pxPerPt), (float64(s.Height)-2*margin)/(d.Height*pxPerPt)))
	}
	u := z * pxPerPt
	w, h := float32(d.Width*u), float32(d.Height*u)
	off := p.off
	if p.zoom == 0 || w <= s.Width {
		off.X = -(s.Width - w) / 2
	}
	if p.zoom == 0 || h <= s.Height {
		off.Y = -(s.Height - h) / 2
	}
	return u, off
}

func (p *comparePicture) paint(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p.mu.Lock()
	page, size := p.page, p.size
	u, off := p.scale()
	p.mu.Unlock()
	if page == nil || size.Width <= 0 {
		return img
	}
	k := u * float64(w) / float64(size.Width)
	if err := rasterizeView(img, page, k, drawing.Point{X: float64(off.X) / u, Y: float64(off.Y) / u}); err != nil {
		fyne.LogError("ui: drawing the comparison", err)
	}
	return img
}

// zoomBy zooms by f about the centre; f 0 fits.
func (p *comparePicture) zoomBy(f float64) {
	p.mu.Lock()
	u, off := p.scale()
	if f == 0 {
		p.zoom = 0
	} else {
		z := math.Max(minZoom, math.Min(u/pxPerPt*f, maxZoom))
		c := fyne.NewPos(p.size.Width/2, p.size.Height/2)
		k := float32(z * pxPerPt / u)
		p.off = fyne.NewPos((off.X+c.X)*k-c.X, (off.Y+c.Y)*k-c.Y)
		p.zoom = z
	}
	p.mu.Unlock()
	p.raster.Refresh()
}

// Dragged pans a zoomed picture.
func (p *comparePicture) Dragged(ev *fyne.DragEvent) { p.pan(-ev.Dragged.DX, -ev.Dragged.DY) }

// DragEnd ends a pan.
func (p *comparePicture) DragEnd() {}

// Scrolled pans.
func (p *comparePicture) Scrolled(ev *fyne.ScrollEvent) { p.pan(-ev.Scrolled.DX, -ev.Scrolled.DY) }

func (p *comparePicture) pan(dx, dy float32) {
	p.mu.Lock()
	if p.zoom == 0 {
		p.mu.Unlock()
		return
	}
	_, off := p.scale()
	p.off = off.Add(fyne.NewDelta(dx, dy))
	p.mu.Unlock()
	p.raster.Refresh()
}

// Tapped selects the item under the pointer in the forms.
func (p *comparePicture) Tapped(ev *fyne.PointEvent) {
	p.mu.Lock()
	d, bounds := p.drawing, p.bounds
	u, off := p.scale()
	p.mu.Unlock()
	if d == nil {
		return
	}
	x, y := float64(ev.Position.X+off.X)/u, float64(ev.Position.Y+off.Y)/u
	if ref := hitTest(d, bounds, x, y, 4/u); ref != "" {
		p.u.selectRef(ref)
	}
}
