package ui

import (
	"image"
	"math"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/raster"
)

// pxPerPt is the pixels of a point at 100% zoom on a scale-1 screen: 96 dpi,
// the same as an exported PNG at scale 1.
const pxPerPt = 96.0 / 72.0

// rect is an axis-aligned box in points.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) contains(x, y float64) bool {
	return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1
}

// itemBounds is the box an item may paint into, in points.
func itemBounds(it *drawing.Item) rect {
	pad := it.Stroke.Width/2 + 1
	switch it.Kind {
	case drawing.KindRect:
		x0, x1 := math.Min(it.X, it.X+it.W), math.Max(it.X, it.X+it.W)
		y0, y1 := math.Min(it.Y, it.Y+it.H), math.Max(it.Y, it.Y+it.H)
		return rect{x0 - pad, y0 - pad, x1 + pad, y1 + pad}
	case drawing.KindEllipse:
		return rect{it.X - math.Abs(it.W) - pad, it.Y - math.Abs(it.H) - pad, it.X + math.Abs(it.W) + pad, it.Y + math.Abs(it.H) + pad}
	case drawing.KindText:
		x0 := it.X
		switch it.Anchor {
		case drawing.AnchorMiddle:
			x0 -= it.W / 2
		case drawing.AnchorEnd:
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

// pageOf is d ready for the preview: its background becomes a page-sized
// rectangle under the items, so that around the page the view stays
// transparent and the theme's colour shows; over are drawn over the items
// (the selection's halo, the search's marks).
func pageOf(d *drawing.Drawing, over []drawing.Item) *drawing.Drawing {
	page := &drawing.Drawing{Width: d.Width, Height: d.Height, Items: make([]drawing.Item, 0, len(d.Items)+len(over)+1)}
	if d.Background.A > 0 {
		page.Items = append(page.Items, drawing.Item{Kind: drawing.KindRect, W: d.Width, H: d.Height, Fill: d.Background})
	}
	page.Items = append(page.Items, d.Items...)
	page.Items = append(page.Items, over...)
	return page
}

// rasterizeView paints the part of page seen through a dst-sized window
// whose top-left corner is at origin (in points), at k pixels a point, with
// render's own rasteriser, so the preview matches an exported PNG.
func rasterizeView(dst *image.RGBA, page *drawing.Drawing, k float64, origin drawing.Point) error {
	return raster.RasterizeTo(dst, page, k/pxPerPt, origin)
}

// hitTest finds the Ref of the item at (x, y) points: boxes, ellipses and
// texts first (topmost first), then lines within tol points.
func hitTest(d *drawing.Drawing, bounds []rect, x, y, tol float64) string {
	for i := len(d.Items) - 1; i >= 0; i-- {
		it := &d.Items[i]
		if it.Ref == "" || it.Kind == drawing.KindBezier || it.Kind == drawing.KindPolyline {
			continue
		}
		if bounds[i].contains(x, y) {
			return it.Ref
		}
	}
	best, bestD := "", tol
	for i := len(d.Items) - 1; i >= 0; i-- {
		it := &d.Items[i]
		if it.Ref == "" || (it.Kind != drawing.KindBezier && it.Kind != drawing.KindPolyline) {
			continue
		}
		b := bounds[i]
		if !(rect{b.x0 - tol, b.y0 - tol, b.x1 + tol, b.y1 + tol}).contains(x, y) {
			continue
		}
		pts := it.Points
		if it.Kind == drawing.KindBezier {
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
func flatten(pts []drawing.Point) []drawing.Point {
	if len(pts) < 4 {
		return pts
	}
	out := []drawing.Point{pts[0]}
	for i := 1; i+2 < len(pts); i += 3 {
		p0, c1, c2, p3 := pts[i-1], pts[i], pts[i+1], pts[i+2]
		for s := 1; s <= 8; s++ {
			t := float64(s) / 8
			mt := 1 - t
			a, b, c, d := mt*mt*mt, 3*mt*mt*t, 3*mt*t*t, t*t*t
			out = append(out, drawing.Point{
				X: a*p0.X + b*c1.X + c*c2.X + d*p3.X,
				Y: a*p0.Y + b*c1.Y + c*c2.Y + d*p3.Y,
			})
		}
	}
	return out
}

// segDist is the distance from (x, y) to the segment a–b.
func segDist(a, b drawing.Point, x, y float64) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((x-a.X)*dx+(y-a.Y)*dy)/l))
	}
	return math.Hypot(a.X+t*dx-x, a.Y+t*dy-y)
}
