package check

import "math"

// Rect is an axis-aligned rectangle in points.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// W and H are the rectangle's width and height.
func (r Rect) W() float64 { return r.X1 - r.X0 }

// H is the rectangle's height.
func (r Rect) H() float64 { return r.Y1 - r.Y0 }

func (r Rect) union(o Rect) Rect {
	return Rect{math.Min(r.X0, o.X0), math.Min(r.Y0, o.Y0), math.Max(r.X1, o.X1), math.Max(r.Y1, o.Y1)}
}

func (r Rect) grow(d float64) Rect { return Rect{r.X0 - d, r.Y0 - d, r.X1 + d, r.Y1 + d} }

// overlaps reports whether r and o share more than a hairline (eps points
// either way).
func (r Rect) overlaps(o Rect, eps float64) bool {
	return r.X0 < o.X1-eps && o.X0 < r.X1-eps && r.Y0 < o.Y1-eps && o.Y0 < r.Y1-eps
}

func (r Rect) contains(p pt) bool { return p.x >= r.X0 && p.x <= r.X1 && p.y >= r.Y0 && p.y <= r.Y1 }

func (r Rect) containsRect(o Rect) bool {
	return o.X0 >= r.X0 && o.X1 <= r.X1 && o.Y0 >= r.Y0 && o.Y1 <= r.Y1
}

type pt struct{ x, y float64 }

func sub(a, b pt) pt             { return pt{a.x - b.x, a.y - b.y} }
func cross(a, b pt) float64      { return a.x*b.y - a.y*b.x }
func dist(a, b pt) float64       { return math.Hypot(a.x-b.x, a.y-b.y) }
func lerp(a, b pt, t float64) pt { return pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }

// flatten turns a cubic B-spline as Graphviz gives it (p0, then c1 c2 p
// triples) into a polyline, n points a segment.
func flatten(ctrl []pt, n int) []pt {
	if len(ctrl) < 4 {
		return append([]pt(nil), ctrl...)
	}
	out := []pt{ctrl[0]}
	for i := 1; i+2 < len(ctrl); i += 3 {
		p0, c1, c2, p3 := ctrl[i-1], ctrl[i], ctrl[i+1], ctrl[i+2]
		for s := 1; s <= n; s++ {
			t := float64(s) / float64(n)
			mt := 1 - t
			a, b, c, d := mt*mt*mt, 3*mt*mt*t, 3*mt*t*t, t*t*t
			out = append(out, pt{a*p0.x + b*c1.x + c*c2.x + d*p3.x, a*p0.y + b*c1.y + c*c2.y + d*p3.y})
		}
	}
	return out
}

// trim cuts length points of arc length off both ends of a polyline; nil
// when nothing is left.
func trim(line []pt, length float64) []pt {
	if len(line) < 2 {
		return nil
	}
	head := cutFront(line, length)
	if len(head) < 2 {
		return nil
	}
	rev := make([]pt, len(head))
	for i, p := range head {
		rev[len(head)-1-i] = p
	}
	tail := cutFront(rev, length)
	if len(tail) < 2 {
		return nil
	}
	return tail
}

func cutFront(line []pt, length float64) []pt {
	for i := 1; i < len(line); i++ {
		d := dist(line[i-1], line[i])
		if d >= length {
			p := lerp(line[i-1], line[i], length/math.Max(d, 1e-12))
			return append([]pt{p}, line[i:]...)
		}
		length -= d
	}
	return nil
}

// segmentsCross reports whether segments ab and cd cross. A point exactly
// on the other segment counts as lying on its positive side, so that two
// polylines that cross at a vertex count one crossing there, not two or
// none, and lines that only touch count none.
func segmentsCross(a, b, c, d pt) bool {
	// Rounding makes points on a line (arrows that share a stem) fall
	// either side of it: what is nearer than a hair counts as on it.
	eps := 1e-9 * (dist(a, b)*dist(c, d) + 1)
	side := func(v float64) bool { return v >= -eps }
	d1 := cross(sub(b, a), sub(c, a))
	d2 := cross(sub(b, a), sub(d, a))
	d3 := cross(sub(d, c), sub(a, c))
	d4 := cross(sub(d, c), sub(b, c))
	return side(d1) != side(d2) && side(d3) != side(d4)
}

// segmentTouches is segmentsCross including touching and overlapping.
func segmentTouches(a, b, c, d pt) bool {
	d1 := cross(sub(b, a), sub(c, a))
	d2 := cross(sub(b, a), sub(d, a))
	d3 := cross(sub(d, c), sub(a, c))
	d4 := cross(sub(d, c), sub(b, c))
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		return true
	}
	on := func(p, q, r pt) bool { // r on segment pq, given collinear
		return math.Min(p.x, q.x) <= r.x && r.x <= math.Max(p.x, q.x) && math.Min(p.y, q.y) <= r.y && r.y <= math.Max(p.y, q.y)
	}
	return (d1 == 0 && on(a, b, c)) || (d2 == 0 && on(a, b, d)) || (d3 == 0 && on(c, d, a)) || (d4 == 0 && on(c, d, b))
}

func pointSegDist(p, a, b pt) float64 {
	ab := sub(b, a)
	l2 := ab.x*ab.x + ab.y*ab.y
	if l2 == 0 {
		return dist(p, a)
	}
	t := math.Max(0, math.Min(1, ((p.x-a.x)*ab.x+(p.y-a.y)*ab.y)/l2))
	return dist(p, pt{a.x + t*ab.x, a.y + t*ab.y})
}

// rectSegDist is the distance between a rectangle and a segment: 0 when
// they meet.
func rectSegDist(r Rect, a, b pt) float64 {
	if r.contains(a) || r.contains(b) {
		return 0
	}
	c := [4]pt{{r.X0, r.Y0}, {r.X1, r.Y0}, {r.X1, r.Y1}, {r.X0, r.Y1}}
	for i := range 4 {
		if segmentTouches(a, b, c[i], c[(i+1)%4]) {
			return 0
		}
	}
	d := math.Inf(1)
	for i := range 4 {
		d = math.Min(d, pointSegDist(c[i], a, b))
	}
	d = math.Min(d, pointRectDist(a, r))
	return math.Min(d, pointRectDist(b, r))
}

func pointRectDist(p pt, r Rect) float64 {
	dx := math.Max(0, math.Max(r.X0-p.x, p.x-r.X1))
	dy := math.Max(0, math.Max(r.Y0-p.y, p.y-r.Y1))
	return math.Hypot(dx, dy)
}

func rectPolylineDist(r Rect, line []pt) float64 {
	d := math.Inf(1)
	if len(line) == 1 {
		return pointRectDist(line[0], r)
	}
	for i := 1; i < len(line); i++ {
		d = math.Min(d, rectSegDist(r, line[i-1], line[i]))
		if d == 0 {
			return 0
		}
	}
	return d
}

// polygonMeetsRect reports whether a closed polygon and a rectangle share
// any area or boundary point, shrunk by eps so that touching does not count.
func polygonMeetsRect(poly []pt, r Rect, eps float64) bool {
	r = r.grow(-eps)
	if r.X1 <= r.X0 || r.Y1 <= r.Y0 || len(poly) == 0 {
		return false
	}
	for _, p := range poly {
		if r.contains(p) {
			return true
		}
	}
	for i := range poly {
		if rectSegDist(r, poly[i], poly[(i+1)%len(poly)]) == 0 {
			return true
		}
	}
	// The rectangle inside the polygon.
	return insidePolygon(pt{(r.X0 + r.X1) / 2, (r.Y0 + r.Y1) / 2}, poly)
}

func insidePolygon(p pt, poly []pt) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a.y > p.y) != (b.y > p.y) && p.x < (b.x-a.x)*(p.y-a.y)/(b.y-a.y)+a.x {
			in = !in
		}
	}
	return in
}

func bounds(pts []pt) Rect {
	r := Rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		r.X0, r.Y0 = math.Min(r.X0, p.x), math.Min(r.Y0, p.y)
		r.X1, r.Y1 = math.Max(r.X1, p.x), math.Max(r.Y1, p.y)
	}
	return r
}
