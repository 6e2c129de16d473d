package raster

import (
	"fmt"
	"image"
	"math"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// RasterizeTo paints the part of d seen through dst: the drawing at scale
// (as for WritePNG: 1 is 96 dpi) with the point origin at dst's top-left
// pixel (dst.Rect.Min). dst is first filled with the background (cleared if
// that is transparent), then the items that reach it are drawn exactly as
// WritePNG draws them; items outside it cost little. It is what WritePNG
// uses, so a preview drawn with it matches exported PNGs pixel for pixel. It
// is safe to call concurrently on different bitmaps.
func RasterizeTo(dst *image.RGBA, d *drawing.Drawing, scale float64, origin drawing.Point) error {
	if err := d.Check(); err != nil {
		return err
	}
	if !(scale > 0) || math.IsInf(scale, 1) {
		return fmt.Errorf("render: scale %g is not a positive number", scale)
	}
	if !finite(origin.X) || !finite(origin.Y) {
		return fmt.Errorf("render: origin %v is not a point", origin)
	}
	if dst == nil || dst.Rect.Empty() {
		return nil
	}
	// The same pixels, addressed from (0, 0).
	img := &image.RGBA{Pix: dst.Pix, Stride: dst.Stride, Rect: image.Rect(0, 0, dst.Rect.Dx(), dst.Rect.Dy())}
	paint(d, img, scale*pxPerPt, origin)
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// paint draws d onto img at k pixels a point, with the point origin at
// img's pixel (0, 0) and img.Rect.Min at (0, 0).
func paint(d *drawing.Drawing, img *image.RGBA, k float64, origin drawing.Point) {
	c := &canvas{img: img, k: k, ox: origin.X, oy: origin.Y}
	c.view = [4]float64{origin.X, origin.Y, origin.X + float64(img.Rect.Dx())/k, origin.Y + float64(img.Rect.Dy())/k}
	c.clear(d.Background)
	for i := range d.Items {
		if c.visible(&d.Items[i]) {
			c.item(&d.Items[i])
		}
	}
}

// canvas draws Items onto an RGBA bitmap.
type canvas struct {
	img      *image.RGBA
	k        float64    // pixels per point
	ox, oy   float64    // the point at pixel (0, 0)
	view     [4]float64 // the points the bitmap shows: x0, y0, x1, y1
	r        rasterizer
	shape    pathBuf // the item's geometry
	outline  pathBuf // its stroke outline
	scratch  polyline
	scratch2 polyline
	dash     []float64
}

// clear fills the bitmap with the background colour (Src).
func (c *canvas) clear(bg drawing.Color) {
	px := premulColor(bg)
	w, h := c.img.Rect.Dx(), c.img.Rect.Dy()
	row := c.img.Pix[:4*w]
	copy(row, px[:])
	for n := 4; n < len(row); n *= 2 {
		copy(row[n:], row[:n])
	}
	for y := 1; y < h; y++ {
		copy(c.img.Pix[y*c.img.Stride:y*c.img.Stride+4*w], row)
	}
}

// visible reports whether it may paint into the bitmap: a conservative
// test on its bounding box, padded for strokes and miters.
func (c *canvas) visible(it *drawing.Item) bool {
	pad := math.Abs(it.Stroke.Width)*miterLimit/2 + 1
	var x0, y0, x1, y1 float64
	switch it.Kind {
	case drawing.KindRect:
		x, y, w, h := drawing.NormRect(it.X, it.Y, it.W, it.H)
		x0, y0, x1, y1 = x, y, x+w, y+h
	case drawing.KindEllipse:
		x0, y0, x1, y1 = it.X-math.Abs(it.W), it.Y-math.Abs(it.H), it.X+math.Abs(it.W), it.Y+math.Abs(it.H)
	case drawing.KindText:
		if it.Text == "" || !(it.Size > 0) {
			return false
		}
		// Any anchor; glyphs stay within 2 em of the line.
		w := float64(typeset.Set(it.Text, it.Font).Advance) * it.Size / typeset.UnitsPerEm
		x0, y0, x1, y1 = it.X-w, it.Y, it.X+w, it.Y
		pad = 2*math.Abs(it.Size) + 1
	default:
		if len(it.Points) == 0 {
			return false
		}
		// A cubic's curve lies within its control points' box.
		x0, y0, x1, y1 = it.Points[0].X, it.Points[0].Y, it.Points[0].X, it.Points[0].Y
		for _, p := range it.Points[1:] {
			x0, x1 = min(x0, p.X), max(x1, p.X)
			y0, y1 = min(y0, p.Y), max(y1, p.Y)
		}
	}
	return x1+pad >= c.view[0] && x0-pad <= c.view[2] && y1+pad >= c.view[1] && y0-pad <= c.view[3]
}

func (c *canvas) pt(p drawing.Point) vec { return vec{(p.X - c.ox) * c.k, (p.Y - c.oy) * c.k} }

func (c *canvas) item(it *drawing.Item) {
	c.shape.reset()
	k := c.k
	switch it.Kind {
	case drawing.KindRect:
		x, y, w, h := drawing.NormRect(it.X, it.Y, it.W, it.H)
		r := drawing.RectRadius(it.Radius, w, h)
		c.shape.roundRect((x-c.ox)*k, (y-c.oy)*k, w*k, h*k, r*k)
	case drawing.KindEllipse:
		c.shape.ellipse(c.pt(drawing.Point{X: it.X, Y: it.Y}), math.Abs(it.W)*k, math.Abs(it.H)*k)
	case drawing.KindPolygon, drawing.KindPolyline:
		if len(it.Points) < 2 {
			return
		}
		c.shape.moveTo(c.pt(it.Points[0]))
		for _, p := range it.Points[1:] {
			c.shape.lineTo(c.pt(p))
		}
		c.shape.end(it.Kind == drawing.KindPolygon)
	case drawing.KindBezier:
		if len(it.Points) < 2 {
			return
		}
		c.shape.moveTo(c.pt(it.Points[0]))
		pts := it.Points[1:]
		for ; len(pts) >= 3; pts = pts[3:] {
			c.shape.cubicTo(c.pt(pts[0]), c.pt(pts[1]), c.pt(pts[2]))
		}
		for _, p := range pts {
			c.shape.lineTo(c.pt(p))
		}
		c.shape.end(false)
	case drawing.KindText:
		c.text(it)
		return
	default:
		return
	}
	if it.Fill.A > 0 && it.Kind != drawing.KindPolyline && it.Kind != drawing.KindBezier {
		c.r.fill(c.img, &c.shape, it.Fill)
	}
	if it.Stroke.Visible() {
		c.dash = c.dash[:0]
		for _, v := range drawing.DashPattern(it.Stroke.Dash) {
			c.dash = append(c.dash, v*k)
		}
		if len(c.dash) == 0 {
			c.dash = nil
		}
		c.outline.reset()
		strokeOutline(&c.outline, &c.shape, drawing.Round(it.Stroke.Width)*k, c.dash, &c.scratch, &c.scratch2)
		c.r.fill(c.img, &c.outline, it.Stroke.Color)
	}
}

// text draws a text item: its line as typeset sets it (shaped, in visual
// order, from the bundled faces), baseline at Y, anchored by the line's own
// width.
func (c *canvas) text(it *drawing.Item) {
	if it.Fill.A == 0 || it.Text == "" || !(it.Size > 0) {
		return
	}
	line, ku, x0 := typeset.SetItem(it) // ku: points per unit
	kx := ku * c.k                      // pixels per unit
	ox, oy := (x0-c.ox)*c.k, (it.Y-c.oy)*c.k
	// Glyphs that cannot reach the bitmap are skipped (glyphs stay within
	// 2 em of their origin), which bounds the work for absurd sizes.
	em := it.Size * c.k
	W, H := float64(c.img.Rect.Dx()), float64(c.img.Rect.Dy())
	if oy+2*em < 0 || oy-2*em > H {
		return
	}
	c.shape.reset()
	for _, gl := range line.Glyphs {
		gx, gy := ox+float64(gl.X)*kx, oy+float64(gl.Y)*kx
		if gx+2*em < 0 || gx-2*em > W {
			continue
		}
		tp := func(p typeset.Point) vec { return vec{gx + float64(p.X)*kx, gy + float64(p.Y)*kx} }
		for _, s := range typeset.Outline(gl.Key) {
			a := &s.Args
			switch s.Op {
			case typeset.MoveTo:
				c.shape.end(true)
				c.shape.moveTo(tp(a[0]))
			case typeset.LineTo:
				c.shape.lineTo(tp(a[0]))
			case typeset.QuadTo:
				c.shape.quadTo(tp(a[0]), tp(a[1]))
			case typeset.CubeTo:
				c.shape.cubicTo(tp(a[0]), tp(a[1]), tp(a[2]))
			}
		}
		c.shape.end(true)
	}
	c.r.fill(c.img, &c.shape, it.Fill)
}

// premulColor is c as premultiplied RGBA bytes.
func premulColor(c drawing.Color) [4]uint8 {
	a := uint32(c.A)
	return [4]uint8{uint8((uint32(c.R)*a + 127) / 255), uint8((uint32(c.G)*a + 127) / 255), uint8((uint32(c.B)*a + 127) / 255), c.A}
}
