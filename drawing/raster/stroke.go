package raster

import (
	"math"
)

// miterLimit is SVG's default stroke-miterlimit.
const miterLimit = 4

// polyline is a flattened subpath: its points and whether each is smooth.
type polyline struct {
	pts    []vec
	smooth []bool
}

// strokeOutline adds to out the outline of src's subpaths stroked with width
// w (pixels) and the dash pattern dash (pixels, nil for solid): butt caps,
// miter joins turning to bevels past the miter limit at corners, round turns
// inside curves. out is filled with the non-zero rule.
func strokeOutline(out, src *pathBuf, w float64, dash []float64, scratch, scratch2 *polyline) {
	hw := w / 2
	for i := range src.subpaths() {
		pts, sm, closed := src.sub(i)
		pl := dedupVecs(pts, sm, scratch)
		if closed && len(pl.pts) > 1 && pl.pts[len(pl.pts)-1] == pl.pts[0] {
			pl.pts, pl.smooth = pl.pts[:len(pl.pts)-1], pl.smooth[:len(pl.pts)-1]
		}
		if len(pl.pts) < 2 {
			continue // a lone point draws nothing with butt caps
		}
		if dash != nil && !tooManyDashes(pl.pts, dash) {
			dashPolyline(pl, closed, dash, func(piece polyline) {
				if piece = dedupVecs(piece.pts, piece.smooth, scratch2); len(piece.pts) >= 2 {
					strokeOpen(out, piece, hw)
				}
			})
			continue
		}
		if closed {
			offsetSide(out, pl, true, hw)
			out.end(true)
			pl.reverse()
			offsetSide(out, pl, true, hw)
			out.end(true)
			pl.reverse()
			continue
		}
		strokeOpen(out, pl, hw)
	}
}

// strokeOpen outlines an open polyline: its left side forward, then its
// left side backward, which is the right side; the butt caps join them.
func strokeOpen(out *pathBuf, pl polyline, hw float64) {
	out.end(false)
	offsetSide(out, pl, false, hw)
	pl.reverse()
	offsetSide(out, pl, false, hw)
	pl.reverse()
	out.end(true)
}

// dedupVecs returns pts without consecutive repeated points, in *scratch.
func dedupVecs(pts []vec, smooth []bool, scratch *polyline) polyline {
	s, sm := scratch.pts[:0], scratch.smooth[:0]
	for i, p := range pts {
		if i == 0 || p.sub(s[len(s)-1]).len() > 1e-9 {
			s, sm = append(s, p), append(sm, smooth[i])
		}
	}
	scratch.pts, scratch.smooth = s, sm
	return *scratch
}

func (pl polyline) reverse() {
	for i, j := 0, len(pl.pts)-1; i < j; i, j = i+1, j-1 {
		pl.pts[i], pl.pts[j] = pl.pts[j], pl.pts[i]
		pl.smooth[i], pl.smooth[j] = pl.smooth[j], pl.smooth[i]
	}
}

// leftNormal is the unit direction d turned a quarter turn: the side
// offsetSide offsets to (which side that is on screen does not matter, only
// that it is always the same).
func leftNormal(d vec) vec { return vec{-d.y, d.x} }

// offsetSide appends the polyline offset by hw to one side, with joins; for
// a closed polyline it goes all the way round.
func offsetSide(out *pathBuf, pl polyline, closed bool, hw float64) {
	pts := pl.pts
	n := len(pts)
	segs := n - 1
	if closed {
		segs = n
	}
	dir := func(i int) vec {
		a, b := pts[i%n], pts[(i+1)%n]
		d := b.sub(a)
		return d.mul(1 / d.len())
	}
	seglen := func(i int) float64 { return pts[(i+1)%n].sub(pts[i%n]).len() }
	if !closed {
		out.lineTo(pts[0].add(leftNormal(dir(0)).mul(hw)))
	}
	first, last := 1, n-1 // vertices with joins
	if closed {
		first, last = 0, n
	}
	for v := first; v < last; v++ {
		ia := (v - 1 + segs) % segs
		ib := v % segs
		a, b := dir(ia), dir(ib)
		p := pts[v%n]
		na, nb := leftNormal(a), leftNormal(b)
		cr, dt := a.cross(b), a.dot(b)
		if math.Abs(cr) < 1e-9 && dt > 0 {
			out.lineTo(p.add(na.mul(hw)))
			continue
		}
		if cr > 0 && dt > -0.999 {
			// Inner side. Where the offset lines cross within both segments
			// use that point, else pivot round the vertex.
			m := na.add(nb).mul(hw / (1 + dt))
			along := math.Abs(m.dot(a))
			if along <= seglen(ia) && along <= seglen(ib) {
				out.lineTo(p.add(m))
			} else {
				out.lineTo(p.add(na.mul(hw)))
				out.lineTo(p)
				out.lineTo(p.add(nb.mul(hw)))
			}
			continue
		}
		smooth := pl.smooth[v%n]
		switch {
		case smooth && hw*(1/math.Sqrt((1+dt)/2)-1) <= flatTolerance:
			// A gentle turn inside a curve: the miter point is as close to
			// the arc as flattening is to the curve.
			out.lineTo(p.add(na.add(nb).mul(hw / (1 + dt))))
		case smooth:
			// Inside a curve: an arc, as the true curve's outline.
			turn := math.Acos(max(-1, min(1, dt)))
			steps := arcSteps(hw, turn)
			a0 := math.Atan2(na.y, na.x)
			if na.cross(nb) < 0 {
				turn = -turn
			}
			for i := 0; i <= steps; i++ {
				t := a0 + turn*float64(i)/float64(steps)
				out.lineTo(p.add(vec{math.Cos(t), math.Sin(t)}.mul(hw)))
			}
		case cr != 0 && dt >= 2.0/(miterLimit*miterLimit)-1:
			// Outer side of a corner: a miter if 1/sin(θ/2) <= the limit,
			// i.e. cos φ >= 2/limit²-1 for the turn φ; else a bevel.
			out.lineTo(p.add(na.add(nb).mul(hw / (1 + dt))))
		default:
			out.lineTo(p.add(na.mul(hw)))
			out.lineTo(p.add(nb.mul(hw)))
		}
	}
	if !closed {
		out.lineTo(pts[n-1].add(leftNormal(dir(n - 2)).mul(hw)))
	}
}

// maxDashes is the most dashes a subpath is cut into; past it the line is
// drawn solid (its dashes would be too fine to see anyway).
const maxDashes = 1 << 20

func tooManyDashes(pts []vec, dash []float64) bool {
	var period, length float64
	for _, v := range dash {
		period += v
	}
	for i := 1; i < len(pts); i++ {
		length += pts[i].sub(pts[i-1]).len()
	}
	return length/period*float64(len(dash)) > maxDashes
}

// dashPolyline calls fn with each dash (an open polyline) of pl under the
// pattern dash, which starts at the first point and is repeated; a closed
// polyline continues round to its start. fn may not keep the piece.
func dashPolyline(pl polyline, closed bool, dash []float64, fn func(polyline)) {
	pts, sm := pl.pts, pl.smooth
	if closed {
		pts, sm = append(pts, pts[0]), append(sm, sm[0])
	}
	var piece polyline
	add := func(v vec, smooth bool) {
		piece.pts, piece.smooth = append(piece.pts, v), append(piece.smooth, smooth)
	}
	di := 0
	left := dash[0]
	on := true
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		segLen := b.sub(a).len()
		if segLen == 0 {
			continue
		}
		pos := 0.0
		for segLen-pos > left {
			pos += left
			q := a.lerp(b, pos/segLen)
			if on {
				if len(piece.pts) == 0 {
					add(a, false)
				}
				add(q, false)
				fn(piece)
			}
			piece.pts, piece.smooth = piece.pts[:0], piece.smooth[:0]
			if !on {
				add(q, false)
			}
			on = !on
			di = (di + 1) % len(dash)
			left = dash[di]
		}
		left -= segLen - pos
		if on {
			if len(piece.pts) == 0 {
				add(a.lerp(b, pos/segLen), false)
			}
			add(b, sm[i+1])
		}
	}
	if on && len(piece.pts) >= 2 {
		fn(piece)
	}
}
