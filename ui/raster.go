package ui

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"math"

	"github.com/parleyhq/parley/render"
)

// pxPerPt is the pixels of a point at 100% zoom on a scale-1 screen: 96 dpi,
// the same as an exported PNG at scale 1.
const pxPerPt = 96.0 / 72.0

// rect is an axis-aligned box in points.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) overlaps(o rect) bool {
	return r.x0 <= o.x1 && o.x0 <= r.x1 && r.y0 <= o.y1 && o.y0 <= r.y1
}

func (r rect) contains(x, y float64) bool {
	return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1
}

// itemBounds is the box an item may paint into, in points.
func itemBounds(it *render.Item) rect {
	pad := it.Stroke.Width/2 + 1
	switch it.Kind {
	case render.KindRect:
		x0, x1 := math.Min(it.X, it.X+it.W), math.Max(it.X, it.X+it.W)
		y0, y1 := math.Min(it.Y, it.Y+it.H), math.Max(it.Y, it.Y+it.H)
		return rect{x0 - pad, y0 - pad, x1 + pad, y1 + pad}
	case render.KindEllipse:
		return rect{it.X - math.Abs(it.W) - pad, it.Y - math.Abs(it.H) - pad, it.X + math.Abs(it.W) + pad, it.Y + math.Abs(it.H) + pad}
	case render.KindText:
		x0 := it.X
		switch it.Anchor {
		case render.AnchorMiddle:
			x0 -= it.W / 2
		case render.AnchorEnd:
			x0 -= it.W
		}
		return rect{x0 - 1, it.Y - it.Size*1.1, x0 + it.W + 1, it.Y + it.Size*0.35}
	}
	if len(it.Points) == 0 {
		return rect{}
	}
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range it.Points {
		r.x0, r.y0 = math.Min(r.x0, p.X), math.Min(r.y0, p.Y)
		r.x1, r.y1 = math.Max(r.x1, p.X), math.Max(r.y1, p.Y)
	}
	// Miter joins of a thick line reach past the points.
	pad = it.Stroke.Width*2 + 1
	return rect{r.x0 - pad, r.y0 - pad, r.x1 + pad, r.y1 + pad}
}

// rasterizeView paints the part of d seen through a dst-sized window whose
// top-left corner is at origin (in points), at k pixels a point.
//
// It is the fallback until render exports a rasteriser with an origin
// (see the report: Drawing.RasterizeTo): it builds a drawing of just the
// visible items, moved to the window, and has render's own PNG writer draw
// it, so the preview looks exactly like an exported PNG.
func rasterizeView(dst *image.RGBA, d *render.Drawing, bounds []rect, k float64, origin render.Point) error {
	w, h := float64(dst.Bounds().Dx()), float64(dst.Bounds().Dy())
	view := rect{origin.X, origin.Y, origin.X + w/k, origin.Y + h/k}
	// The page: the drawing's background where the drawing is; around it
	// the view stays transparent (the theme's colour shows).
	sub := &render.Drawing{Width: w / k, Height: h / k}
	if d.Background.A > 0 {
		sub.Items = append(sub.Items, render.Item{Kind: render.KindRect, X: -origin.X, Y: -origin.Y, W: d.Width, H: d.Height, Fill: d.Background})
	}
	for i := range d.Items {
		if !bounds[i].overlaps(view) {
			continue
		}
		sub.Items = append(sub.Items, translate(d.Items[i], -origin.X, -origin.Y))
	}
	var buf bytes.Buffer
	if err := sub.WritePNG(&buf, k/pxPerPt); err != nil {
		return err
	}
	img, err := png.Decode(&buf)
	if err != nil {
		return err
	}
	draw.Draw(dst, dst.Bounds(), img, img.Bounds().Min, draw.Src)
	return nil
}

// translate is it moved by dx, dy.
func translate(it render.Item, dx, dy float64) render.Item {
	it.X += dx
	it.Y += dy
	if len(it.Points) > 0 {
		pts := make([]render.Point, len(it.Points))
		for i, p := range it.Points {
			pts[i] = render.Point{X: p.X + dx, Y: p.Y + dy}
		}
		it.Points = pts
	}
	return it
}

// hitTest finds the Ref of the item at (x, y) points: boxes, ellipses and
// texts first (topmost first), then lines within tol points.
func hitTest(d *render.Drawing, bounds []rect, x, y, tol float64) string {
	for i := len(d.Items) - 1; i >= 0; i-- {
		it := &d.Items[i]
		if it.Ref == "" || it.Kind == render.KindBezier || it.Kind == render.KindPolyline {
			continue
		}
		if bounds[i].contains(x, y) {
			return it.Ref
		}
	}
	best, bestD := "", tol
	for i := len(d.Items) - 1; i >= 0; i-- {
		it := &d.Items[i]
		if it.Ref == "" || (it.Kind != render.KindBezier && it.Kind != render.KindPolyline) {
			continue
		}
		b := bounds[i]
		if !(rect{b.x0 - tol, b.y0 - tol, b.x1 + tol, b.y1 + tol}).contains(x, y) {
			continue
		}
		pts := it.Points
		if it.Kind == render.KindBezier {
			pts = flatten(pts)
		}
		for j := 1; j < len(pts); j++ {
			if dd := segDist(pts[j-1], pts[j], x, y); dd < bestD {
				best, bestD = it.Ref, dd
			}
		}
	}
	return best
}

// flatten turns a cubic B-spline (p0, then c1 c2 p triples) into points.
func flatten(pts []render.Point) []render.Point {
	if len(pts) < 4 {
		return pts
	}
	out := []render.Point{pts[0]}
	for i := 1; i+2 < len(pts); i += 3 {
		p0, c1, c2, p3 := pts[i-1], pts[i], pts[i+1], pts[i+2]
		for s := 1; s <= 8; s++ {
			t := float64(s) / 8
			mt := 1 - t
			a, b, c, d := mt*mt*mt, 3*mt*mt*t, 3*mt*t*t, t*t*t
			out = append(out, render.Point{
				X: a*p0.X + b*c1.X + c*c2.X + d*p3.X,
				Y: a*p0.Y + b*c1.Y + c*c2.Y + d*p3.Y,
			})
		}
	}
	return out
}

// segDist is the distance from (x, y) to the segment a–b.
func segDist(a, b render.Point, x, y float64) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((x-a.X)*dx+(y-a.Y)*dy)/l))
	}
	return math.Hypot(a.X+t*dx-x, a.Y+t*dy-y)
}
