package participation

import (
	"math"
	"slices"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/views/style"
)

// Parley draws the arrows' lines itself, through the places Graphviz keeps
// for them. Graphviz puts boxes, labels and the virtual points that long
// arrows pass through in ranks (columns in a left-to-right picture, rows
// top to bottom) and orders each rank to cross few arrows; its own
// splines bend freely between ranks and, squeezed into the gap before a
// track, cross and recross each other. Here an arrow runs straight
// through each rank, at its place there, and crosses each gap between
// ranks on an S-curve with level ends. All S-curves across one gap start
// and end at the same two rank edges, so two of them cross (once) only
// where their order changes: the crossings are exactly those the ranks'
// orders force. An arrow with words passes through the middle of the room
// Graphviz kept for them, so the words can sit on it.

// path is an arrow as drawn: a cubic B-spline from its actor's box to the
// base of its arrowhead, the arrowhead's tip, and where its words go when
// the layout kept room for them.
type path struct {
	spline   []drawing.Point
	tip      drawing.Point
	label    drawing.Point
	hasLabel bool
}

// rank is one rank of the layout: its centre and extent across the gaps.
type rank struct{ u, lo, hi float64 }

// frameOf converts between the picture's x, y and the layout's u (across
// the ranks) and v (along them).
type frameOf struct{ tb bool }

func (f frameOf) uv(p drawing.Point) (float64, float64) {
	if f.tb {
		return p.Y, p.X
	}
	return p.X, p.Y
}

func (f frameOf) xy(u, v float64) drawing.Point {
	if f.tb {
		return drawing.Point{X: v, Y: u}
	}
	return drawing.Point{X: u, Y: v}
}

// routeArrows draws every arrow's path over the layout; boxAt is where
// Draw put each box.
func routeArrows(g *Graph, l *layout.Layout, boxAt map[*Node]rect) map[*Edge]*path {
	fr := frameOf{g.Direction == TopToBottom}
	along := func(r rect) (lo, hi float64) { // a box's extent across the gaps
		if fr.tb {
			return r.y0, r.y1
		}
		return r.x0, r.x1
	}
	across := func(r rect) (lo, hi float64) {
		if fr.tb {
			return r.x0, r.x1
		}
		return r.y0, r.y1
	}
	// The ranks, from every box and every label the layout placed.
	var spans []rank
	add := func(lo, hi float64) { spans = append(spans, rank{(lo + hi) / 2, lo, hi}) }
	for _, rows := range g.Sides {
		for _, row := range rows {
			for _, u := range row {
				if nb, ok := l.Nodes[u.Name]; ok {
					lo, hi := along(rectAt(drawing.Point(nb.Center), u.W, u.H))
					add(lo, hi)
				}
			}
		}
	}
	for _, t := range g.Timeline {
		add(along(boxAt[t]))
	}
	inline := !g.floatingLabels()
	for _, e := range g.Edges {
		if r, ok := l.Edges[e.ID]; ok && inline && r.HasLabel && len(e.Label.Lines) > 0 {
			lo, hi := along(rectAt(drawing.Point(r.LabelCenter), e.Label.W+2*plateX, e.Label.H+2*plateY))
			add(lo, hi)
		}
	}
	slices.SortFunc(spans, func(a, b rank) int { return cmpFloat(a.u, b.u) })
	var ranks []rank
	for _, s := range spans {
		if n := len(ranks); n > 0 && s.u-ranks[n-1].u < 2 {
			ranks[n-1].lo = math.Min(ranks[n-1].lo, s.lo)
			ranks[n-1].hi = math.Max(ranks[n-1].hi, s.hi)
			continue
		}
		ranks = append(ranks, s)
	}
	rankOf := func(u float64) int {
		best, bd := 0, math.Inf(1)
		for i, r := range ranks {
			if d := math.Abs(r.u - u); d < bd {
				best, bd = i, d
			}
		}
		return best
	}

	paths := map[*Edge]*path{}
	for _, e := range g.Edges {
		route := l.Edges[e.ID]
		tailBox, headBox := boxAt[e.Tail], boxAt[e.Head]
		forward := e.Side == 0 // the arrow runs towards growing u
		sign := 1.0
		if !forward {
			sign = -1
		}
		tlo, thi := along(tailBox)
		tv0, tv1 := across(tailBox)
		startU := thi
		if !forward {
			startU = tlo
		}
		startV := (tv0 + tv1) / 2
		hlo, hhi := along(headBox)
		face := hlo
		if !forward {
			face = hhi
		}
		hv0, _ := across(headBox)
		length := headBox.y1 - headBox.y0
		if fr.tb {
			length = headBox.x1 - headBox.x0
		}
		first, gap := slotSpacing(length, len(e.Head.Slots[e.Side]))
		portV := hv0 + first + gap*float64(e.Slot) + gap/2

		tr, hr := rankOf((tlo+thi)/2), rankOf((hlo+hhi)/2)
		exit := func(r rank) float64 { // where an arrow leaves a rank
			if forward {
				return r.hi
			}
			return r.lo
		}
		entry := func(r rank) float64 {
			if forward {
				return r.lo
			}
			return r.hi
		}
		p := &path{}
		var labelU, labelV float64
		if inline && route.HasLabel && len(e.Label.Lines) > 0 {
			labelU, labelV = fr.uv(drawing.Point(route.LabelCenter))
			p.hasLabel = true
		}
		dotLine := flattenBezier(toPoints(route.Spline), 8)
		pts := []drawing.Point{fr.xy(startU, startV)}
		u, v := startU, startV
		straight := func(u2 float64) {
			if math.Abs(u2-u) > 0.01 {
				a, b := fr.xy(u, v), fr.xy(u2, v)
				pts = append(pts, lerp(a, b, 1.0/3), lerp(a, b, 2.0/3), b)
				u = u2
			}
		}
		curve := func(u2, v2 float64) {
			m := (u + u2) / 2
			pts = append(pts, fr.xy(m, v), fr.xy(m, v2), fr.xy(u2, v2))
			u, v = u2, v2
		}
		straight(exit(ranks[tr]))
		for i := tr + int(sign); i != hr && i >= 0 && i < len(ranks); i += int(sign) {
			r := ranks[i]
			wv := sampleV(dotLine, fr, r.u, startV, portV, startU, face)
			if p.hasLabel && math.Abs(r.u-labelU) < 2 {
				wv = labelV
				p.label = fr.xy(r.u, labelV)
			}
			curve(entry(r), wv)
			straight(exit(r))
		}
		base := face - sign*style.ArrowLength
		curve(entry(ranks[hr])-sign*style.ArrowLength, portV)
		straight(base)
		p.spline = pts
		p.tip = fr.xy(face, portV)
		if p.hasLabel && p.label == (drawing.Point{}) {
			p.hasLabel = false // its label's rank was not on the way
		}
		paths[e] = p
	}
	return paths
}

// sampleV is where the layout's own line for an arrow crosses u (its place
// in that rank), or, if it does not, the straight line's.
func sampleV(line []drawing.Point, fr frameOf, u, v0, v1, u0, u1 float64) float64 {
	for i := 1; i < len(line); i++ {
		a0, b0 := fr.uv(line[i-1])
		a1, b1 := fr.uv(line[i])
		if (a0-u)*(a1-u) <= 0 && a0 != a1 {
			return b0 + (b1-b0)*(u-a0)/(a1-a0)
		}
	}
	if u1 == u0 {
		return v0
	}
	return v0 + (v1-v0)*(u-u0)/(u1-u0)
}

func toPoints(ps []layout.Point) []drawing.Point {
	out := make([]drawing.Point, len(ps))
	for i, p := range ps {
		out[i] = drawing.Point(p)
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
