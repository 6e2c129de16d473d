package raster

import (
	"math"
)

// vec is a point in pixels.
type vec struct{ x, y float64 }

func (a vec) add(b vec) vec             { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec             { return vec{a.x - b.x, a.y - b.y} }
func (a vec) mul(k float64) vec         { return vec{a.x * k, a.y * k} }
func (a vec) dot(b vec) float64         { return a.x*b.x + a.y*b.y }
func (a vec) cross(b vec) float64       { return a.x*b.y - a.y*b.x }
func (a vec) len() float64              { return math.Hypot(a.x, a.y) }
func (a vec) lerp(b vec, t float64) vec { return vec{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }

// flatTolerance is how far, in pixels, flattened curves may stray from the
// true ones.
const flatTolerance = 0.05

// pathBuf is a list of flattened subpaths (polylines) in pixels.
type pathBuf struct {
	pts []vec
	// smooth[i] says pts[i] lies inside a curve rather than at a corner:
	// a stroke turns round it (as round as the true curve) instead of
	// taking a line join.
	smooth []bool
	ends   []int  // ends[i] is the end of subpath i in pts
	closed []bool // whether subpath i is closed
	start  int    // start of the subpath being built
}

func (p *pathBuf) reset() {
	p.pts, p.smooth, p.ends, p.closed, p.start = p.pts[:0], p.smooth[:0], p.ends[:0], p.closed[:0], 0
}

// moveTo ends the current subpath (open) and starts another.
func (p *pathBuf) moveTo(v vec) {
	p.end(false)
	p.lineTo(v)
}

func (p *pathBuf) lineTo(v vec) {
	p.pts = append(p.pts, v)
	p.smooth = append(p.smooth, false)
}

// curveTo adds a point inside a curve.
func (p *pathBuf) curveTo(v vec) {
	p.pts = append(p.pts, v)
	p.smooth = append(p.smooth, true)
}

// end finishes the current subpath, if any.
func (p *pathBuf) end(closed bool) {
	if len(p.pts) > p.start {
		p.ends = append(p.ends, len(p.pts))
		p.closed = append(p.closed, closed)
	}
	p.start = len(p.pts)
}

func (p *pathBuf) subpaths() int { return len(p.ends) }

// sub returns subpath i, its points' smoothness and whether it is closed.
func (p *pathBuf) sub(i int) ([]vec, []bool, bool) {
	s := 0
	if i > 0 {
		s = p.ends[i-1]
	}
	return p.pts[s:p.ends[i]], p.smooth[s:p.ends[i]], p.closed[i]
}

// cubicTo flattens a cubic Bézier from the current point.
func (p *pathBuf) cubicTo(c1, c2, e vec) {
	s := p.pts[len(p.pts)-1]
	dd := math.Max(s.sub(c1.mul(2)).add(c2).len(), c1.sub(c2.mul(2)).add(e).len())
	n := int(math.Ceil(math.Sqrt(0.75 * dd / flatTolerance)))
	n = max(1, min(n, 1000))
	for i := 1; i < n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		p.curveTo(vec{a*s.x + b*c1.x + c*c2.x + d*e.x, a*s.y + b*c1.y + c*c2.y + d*e.y})
	}
	p.lineTo(e)
}

// quadTo flattens a quadratic Bézier from the current point.
func (p *pathBuf) quadTo(c, e vec) {
	s := p.pts[len(p.pts)-1]
	dd := s.sub(c.mul(2)).add(e).len()
	n := int(math.Ceil(math.Sqrt(dd / (4 * flatTolerance))))
	n = max(1, min(n, 1000))
	for i := 1; i < n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		a, b, cc := u*u, 2*u*t, t*t
		p.curveTo(vec{a*s.x + b*c.x + cc*e.x, a*s.y + b*c.y + cc*e.y})
	}
	p.lineTo(e)
}

// arcSteps is the number of segments for an arc of angle a (radians) and
// radius r pixels.
func arcSteps(r, a float64) int {
	if r <= flatTolerance {
		return 1
	}
	step := 2 * math.Acos(1-flatTolerance/r)
	return max(1, min(int(math.Ceil(a/step)), 10000))
}

// ellipse adds a closed ellipse centred at c with radii rx, ry.
func (p *pathBuf) ellipse(c vec, rx, ry float64) {
	n := max(8, arcSteps(math.Max(rx, ry), 2*math.Pi))
	p.moveTo(vec{c.x + rx, c.y})
	p.smooth[len(p.smooth)-1] = true
	for i := 1; i < n; i++ {
		a := 2 * math.Pi * float64(i) / float64(n)
		p.curveTo(vec{c.x + rx*math.Cos(a), c.y + ry*math.Sin(a)})
	}
	p.end(true)
}

// roundRect adds a closed rect with corners of radius r (clamped as SVG
// clamps rx), clockwise on screen from the top-left.
func (p *pathBuf) roundRect(x, y, w, h, r float64) {
	if r <= 0 {
		p.moveTo(vec{x, y})
		p.lineTo(vec{x + w, y})
		p.lineTo(vec{x + w, y + h})
		p.lineTo(vec{x, y + h})
		p.end(true)
		return
	}
	n := arcSteps(r, math.Pi/2)
	corner := func(cx, cy, a0 float64) {
		for i := 0; i <= n; i++ {
			a := a0 + math.Pi/2*float64(i)/float64(n)
			p.curveTo(vec{cx + r*math.Cos(a), cy + r*math.Sin(a)})
		}
	}
	p.moveTo(vec{x + r, y})
	corner(x+w-r, y+r, -math.Pi/2)
	corner(x+w-r, y+h-r, 0)
	corner(x+r, y+h-r, math.Pi/2)
	corner(x+r, y+r, math.Pi)
	p.end(true)
}
