package participation

import (
	"math"

	"github.com/parleyhq/parley/drawing"
)

// Geometry for placing labels: rectangles, distances, and a grid that
// finds the arrows and boxes near a spot. (views/participation/check
// measures finished drawings with its own code, so that it does not take
// this code's word for anything.)

type rect struct{ x0, y0, x1, y1 float64 }

func rectAt(c drawing.Point, w, h float64) rect {
	return rect{c.X - w/2, c.Y - h/2, c.X + w/2, c.Y + h/2}
}

func (r rect) grow(d float64) rect { return rect{r.x0 - d, r.y0 - d, r.x1 + d, r.y1 + d} }

func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}

func (r rect) contains(p drawing.Point) bool {
	return p.X >= r.x0 && p.X <= r.x1 && p.Y >= r.y0 && p.Y <= r.y1
}

func (r rect) union(o rect) rect {
	return rect{math.Min(r.x0, o.x0), math.Min(r.y0, o.y0), math.Max(r.x1, o.x1), math.Max(r.y1, o.y1)}
}

func boundsOf(pts []drawing.Point) rect {
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		r.x0, r.y0 = math.Min(r.x0, p.X), math.Min(r.y0, p.Y)
		r.x1, r.y1 = math.Max(r.x1, p.X), math.Max(r.y1, p.Y)
	}
	return r
}

// flattenBezier turns a cubic B-spline (p0, then c1 c2 p triples) into a
// polyline of n points a segment.
func flattenBezier(ctrl []drawing.Point, n int) []drawing.Point {
	if len(ctrl) < 4 {
		return append([]drawing.Point(nil), ctrl...)
	}
	out := []drawing.Point{ctrl[0]}
	for i := 1; i+2 < len(ctrl); i += 3 {
		p0, c1, c2, p3 := ctrl[i-1], ctrl[i], ctrl[i+1], ctrl[i+2]
		for s := 1; s <= n; s++ {
			t := float64(s) / float64(n)
			mt := 1 - t
			a, b, c, d := mt*mt*mt, 3*mt*mt*t, 3*mt*t*t, t*t*t
			out = append(out, drawing.Point{X: a*p0.X + b*c1.X + c*c2.X + d*p3.X, Y: a*p0.Y + b*c1.Y + c*c2.Y + d*p3.Y})
		}
	}
	return out
}

func segDist(p, a, b drawing.Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = math.Max(0, math.Min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
	}
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}

func pointRectDist(p drawing.Point, r rect) float64 {
	dx := math.Max(0, math.Max(r.x0-p.X, p.X-r.x1))
	dy := math.Max(0, math.Max(r.y0-p.Y, p.Y-r.y1))
	return math.Hypot(dx, dy)
}

func cross(ax, ay, bx, by float64) float64 { return ax*by - ay*bx }

func segmentsMeet(a, b, c, d drawing.Point) bool {
	d1 := cross(b.X-a.X, b.Y-a.Y, c.X-a.X, c.Y-a.Y)
	d2 := cross(b.X-a.X, b.Y-a.Y, d.X-a.X, d.Y-a.Y)
	d3 := cross(d.X-c.X, d.Y-c.Y, a.X-c.X, a.Y-c.Y)
	d4 := cross(d.X-c.X, d.Y-c.Y, b.X-c.X, b.Y-c.Y)
	return ((d1 > 0) != (d2 > 0) || d1 == 0 || d2 == 0) && ((d3 > 0) != (d4 > 0) || d3 == 0 || d4 == 0)
}

// rectSegDist is the distance from a rectangle to a segment, 0 when they
// meet.
func rectSegDist(r rect, a, b drawing.Point) float64 {
	if r.contains(a) || r.contains(b) {
		return 0
	}
	c := [4]drawing.Point{{X: r.x0, Y: r.y0}, {X: r.x1, Y: r.y0}, {X: r.x1, Y: r.y1}, {X: r.x0, Y: r.y1}}
	d := math.Min(pointRectDist(a, r), pointRectDist(b, r))
	for i := range 4 {
		if segmentsMeet(a, b, c[i], c[(i+1)%4]) {
			return 0
		}
		d = math.Min(d, segDist(c[i], a, b))
	}
	return d
}

// grid finds the arrow segments and rectangles near a rectangle.
type grid struct {
	cell  float64
	segs  map[[2]int][]gridSeg
	rects map[[2]int][]int
	boxes []rect
}

type gridSeg struct {
	a, b  drawing.Point
	owner int // the arrow it belongs to
}

func newGrid(cell float64) *grid {
	return &grid{cell: cell, segs: map[[2]int][]gridSeg{}, rects: map[[2]int][]int{}}
}

func (g *grid) cells(r rect, f func(k [2]int)) {
	x0, x1 := int(math.Floor(r.x0/g.cell)), int(math.Floor(r.x1/g.cell))
	y0, y1 := int(math.Floor(r.y0/g.cell)), int(math.Floor(r.y1/g.cell))
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			f([2]int{x, y})
		}
	}
}

func (g *grid) addLine(pts []drawing.Point, owner int) {
	for i := 1; i < len(pts); i++ {
		s := gridSeg{pts[i-1], pts[i], owner}
		g.cells(boundsOf(pts[i-1:i+1]), func(k [2]int) { g.segs[k] = append(g.segs[k], s) })
	}
}

func (g *grid) addRect(r rect) {
	i := len(g.boxes)
	g.boxes = append(g.boxes, r)
	g.cells(r, func(k [2]int) { g.rects[k] = append(g.rects[k], i) })
}

// nearestArrow is the distance from r to the nearest segment of an arrow
// other than skip, looking no farther than limit (limit when none is
// nearer). It may stop early, with a distance below floor, once one is
// nearer than floor.
func (g *grid) nearestArrow(r rect, skip int, limit, floor float64) float64 {
	best := limit
	g.cells(r.grow(limit), func(k [2]int) {
		if best < floor {
			return
		}
		for _, s := range g.segs[k] {
			if s.owner == skip {
				continue
			}
			// The segment's box first: most are too far to matter.
			dx := math.Max(0, math.Max(math.Min(s.a.X, s.b.X)-r.x1, r.x0-math.Max(s.a.X, s.b.X)))
			dy := math.Max(0, math.Max(math.Min(s.a.Y, s.b.Y)-r.y1, r.y0-math.Max(s.a.Y, s.b.Y)))
			if dx >= best || dy >= best {
				continue
			}
			if d := rectSegDist(r, s.a, s.b); d < best {
				best = d
				if best < floor {
					return
				}
			}
		}
	})
	return best
}

// hitsRect reports whether r overlaps any rectangle of the grid.
func (g *grid) hitsRect(r rect) bool {
	hit := false
	g.cells(r, func(k [2]int) {
		for _, i := range g.rects[k] {
			if !hit && g.boxes[i].overlaps(r) {
				hit = true
			}
		}
	})
	return hit
}

// nearestRect is the distance from r to the nearest rectangle of the grid,
// up to limit.
func (g *grid) nearestRect(r rect, limit float64) float64 {
	best := limit
	g.cells(r.grow(limit), func(k [2]int) {
		for _, i := range g.rects[k] {
			b := g.boxes[i]
			dx := math.Max(0, math.Max(b.x0-r.x1, r.x0-b.x1))
			dy := math.Max(0, math.Max(b.y0-r.y1, r.y0-b.y1))
			best = math.Min(best, math.Hypot(dx, dy))
		}
	})
	return best
}
