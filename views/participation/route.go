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

// tailGap is the most room between the arrows leaving one box.
const tailGap = 6.0

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

	// First where each arrow starts, ends and passes each rank on its way;
	// then, rank by rank, its place there, kept apart from the others'
	// and from the boxes; then its line.
	type trip struct {
		e              *Edge
		forward        bool
		startU, startV float64
		face, portV    float64
		tail, head     int
		passes         []*waypoint
		labelAt        *waypoint
	}
	var trips []*trip
	byRank := make([][]*waypoint, len(ranks))
	var bands [2][]*waypoint // a dense picture's bands, on each side
	for _, e := range g.Edges {
		route := l.Edges[e.ID]
		tailBox, headBox := boxAt[e.Tail], boxAt[e.Head]
		tp := &trip{e: e, forward: e.Side == 0}
		tlo, thi := along(tailBox)
		tv0, tv1 := across(tailBox)
		tp.startU, tp.startV = thi, (tv0+tv1)/2
		hlo, hhi := along(headBox)
		tp.face = hlo
		if !tp.forward {
			tp.startU, tp.face = tlo, hhi
		}
		hv0, hv1 := across(headBox)
		first, gap := slotSpacing(hv1-hv0, len(e.Head.Slots[e.Side]))
		tp.portV = hv0 + first + gap*float64(e.Slot) + gap/2
		tp.tail, tp.head = rankOf((tlo+thi)/2), rankOf((hlo+hhi)/2)
		var labelU, labelV float64
		labelled := inline && route.HasLabel && len(e.Label.Lines) > 0
		if labelled {
			labelU, labelV = fr.uv(drawing.Point(route.LabelCenter))
		}
		dotLine := flattenBezier(toPoints(route.Spline), 8)
		step := 1
		if !tp.forward {
			step = -1
		}
		if !inline && tp.tail+step == tp.head {
			// A dense picture: its own band, halfway across the gap.
			w := &waypoint{want: 0.7*tp.startV + 0.3*tp.portV, half: e.Width / 2, weight: 1, band: true}
			if len(e.Label.Lines) > 0 {
				lo, hi := across(rectAt(drawing.Point{}, e.Label.W+2*plateX, e.Label.H+2*plateY))
				if fr.tb {
					lo, hi = -style.BadgeRadius-1, style.BadgeRadius+1
				}
				w.half, w.label = (hi-lo)/2, true
				tp.labelAt = w
			}
			tp.passes = append(tp.passes, w)
			bands[e.Side] = append(bands[e.Side], w)
		}
		for i := tp.tail + step; i != tp.head && i >= 0 && i < len(ranks); i += step {
			w := &waypoint{want: sampleV(dotLine, fr, ranks[i].u, tp.startV, tp.portV, tp.startU, tp.face), half: e.Width / 2, weight: 1}
			if labelled && tp.labelAt == nil && math.Abs(ranks[i].u-labelU) < 2 {
				w.want = labelV
				lo, hi := across(rectAt(drawing.Point(route.LabelCenter), e.Label.W+2*plateX, e.Label.H+2*plateY))
				w.half, w.label = (hi-lo)/2, true
				tp.labelAt = w
			}
			tp.passes = append(tp.passes, w)
			byRank[i] = append(byRank[i], w)
		}
		trips = append(trips, tp)
	}
	all := boxes(g, l)
	for i := range ranks {
		if len(byRank[i]) == 0 {
			continue
		}
		items := byRank[i]
		for _, b := range all {
			if lo, hi := along(b); rankOf((lo+hi)/2) == i {
				v0, v1 := across(b)
				items = append(items, &waypoint{want: (v0 + v1) / 2, half: (v1 - v0) / 2, weight: 1e6, box: true})
			}
		}
		spread(items)
	}
	for _, b := range bands {
		spread(b)
	}
	half := g.denseHalf()
	// Each arrow leaves its actor's box at a point of its own, in the
	// order of where it goes next, so that arrows from one box are told
	// apart from the start.
	byTail := map[*Node][]*trip{}
	for _, tp := range trips {
		byTail[tp.e.Tail] = append(byTail[tp.e.Tail], tp)
	}
	for n, tps := range byTail {
		if len(tps) < 2 {
			continue
		}
		next := func(tp *trip) float64 {
			if len(tp.passes) > 0 {
				return tp.passes[0].pos
			}
			return tp.portV
		}
		slices.SortStableFunc(tps, func(a, b *trip) int { return cmpFloat(next(a), next(b)) })
		v0, v1 := across(boxAt[n])
		gap := min(tailGap, (v1-v0-6)/float64(len(tps)))
		for i, tp := range tps {
			tp.startV = (v0+v1)/2 + (float64(i)-float64(len(tps)-1)/2)*gap
		}
	}

	paths := map[*Edge]*path{}
	for _, tp := range trips {
		e := tp.e
		sign := 1.0
		if !tp.forward {
			sign = -1
		}
		exit := func(r rank) float64 { // where an arrow leaves a rank
			if tp.forward {
				return r.hi
			}
			return r.lo
		}
		entry := func(r rank) float64 {
			if tp.forward {
				return r.lo
			}
			return r.hi
		}
		p := &path{}
		pts := []drawing.Point{fr.xy(tp.startU, tp.startV)}
		u, v := tp.startU, tp.startV
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
		straight(exit(ranks[tp.tail]))
		step := 1
		if !tp.forward {
			step = -1
		}
		k := 0
		if len(tp.passes) > 0 && tp.passes[0].band {
			w := tp.passes[0]
			k++
			mid := (exit(ranks[tp.tail]) + entry(ranks[tp.head])) / 2
			curve(mid-sign*half, w.pos)
			straight(mid + sign*half)
			if w == tp.labelAt {
				p.label, p.hasLabel = fr.xy(mid, w.pos), true
			}
		}
		for i := tp.tail + step; i != tp.head && i >= 0 && i < len(ranks); i += step {
			w := tp.passes[k]
			k++
			if w == tp.labelAt {
				p.label, p.hasLabel = fr.xy(ranks[i].u, w.pos), true
			}
			curve(entry(ranks[i]), w.pos)
			straight(exit(ranks[i]))
		}
		base := tp.face - sign*style.ArrowLength
		curve(entry(ranks[tp.head])-sign*style.ArrowLength, tp.portV)
		straight(base)
		p.spline = pts
		p.tip = fr.xy(tp.face, tp.portV)
		paths[e] = p
	}
	return paths
}

// boxes are the layout's boxes: frames, lone actors and tracks.
func boxes(g *Graph, l *layout.Layout) []rect {
	var out []rect
	for _, rows := range g.Sides {
		for _, row := range rows {
			for _, u := range row {
				if nb, ok := l.Nodes[u.Name]; ok {
					out = append(out, rectAt(drawing.Point(nb.Center), u.W, u.H))
				}
			}
		}
	}
	for _, t := range g.Timeline {
		if nb, ok := l.Nodes[t.Name]; ok {
			out = append(out, rectAt(drawing.Point(nb.Center), t.W, t.H))
		}
	}
	return out
}

// waypoint is where an arrow passes a rank (or a box that is in it): the
// place the layout meant, the room it needs on either side, and the place
// it gets.
type waypoint struct {
	want, half, pos  float64
	weight           float64
	label, box, band bool
}

// spread places a rank's waypoints in the order of the places they want,
// each at least its room and a clearance from the next (a label's words
// clearArrow and more; a box a little), as near those places as it can:
// the least-squares fit that keeps the order (pool adjacent violators on
// the places less the room before them). Boxes weigh so much that they
// stay where they are.
func spread(items []*waypoint) {
	slices.SortStableFunc(items, func(a, b *waypoint) int { return cmpFloat(a.want, b.want) })
	clear := func(a, b *waypoint) float64 {
		switch {
		case a.box || b.box:
			return 4
		case a.label || b.label:
			return clearArrow + 3
		}
		return 5
	}
	offset := make([]float64, len(items))
	for i := 1; i < len(items); i++ {
		offset[i] = offset[i-1] + items[i-1].half + items[i].half + clear(items[i-1], items[i])
	}
	type block struct {
		sum, weight float64
		from, to    int
	}
	var stack []block
	for i, w := range items {
		stack = append(stack, block{w.weight * (w.want - offset[i]), w.weight, i, i})
		for len(stack) > 1 {
			a, b := stack[len(stack)-2], stack[len(stack)-1]
			if a.sum/a.weight <= b.sum/b.weight {
				break
			}
			stack = append(stack[:len(stack)-2], block{a.sum + b.sum, a.weight + b.weight, a.from, b.to})
		}
	}
	for _, bl := range stack {
		y := bl.sum / bl.weight
		for i := bl.from; i <= bl.to; i++ {
			items[i].pos = y + offset[i]
		}
	}
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
