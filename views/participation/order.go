package participation

import (
	"cmp"
	"math"
	"slices"
)

// The order of the actors is Parley's, not Graphviz's: Graphviz keeps the
// order it is given (the DOT chains each rank with invisible edges), so
// that the arrows cross as little as Parley can arrange.
//
// Tracks are in date order, in the middle. Each actor sits at the
// barycentre of its tracks (the mean of their places in the timeline);
// delegation frames stay whole, at the barycentre of all their people's
// seats, and their people are ordered the same way inside them. With more
// than a few of them, the frames and lone boxes (units) are shared between
// the two sides of the tracks, each where it crosses fewest arrows, the
// sides kept about as long. On each side, adjacent units (and adjacent
// people in a frame) are then swapped while that removes crossings: two
// arrows on one side cross when the first actor's track is the later
// one, since arrows meet a track at distinct points along its side, in the
// order of their actors.

// order orders units and frame members, shares the units between the
// sides, lays out the frames, wraps long lines of actors into rows and
// gives each arrow its place along its track's side.
func (b *builder) order() {
	byNode := map[*Node][]*Edge{}
	for _, e := range b.g.Edges {
		byNode[e.Tail] = append(byNode[e.Tail], e)
	}
	bary := func(es []*Edge) float64 {
		if len(es) == 0 {
			return math.Inf(1)
		}
		s := 0.0
		for _, e := range es {
			s += float64(e.Head.index)
		}
		return s / float64(len(es))
	}
	unitEdges := func(u *Unit) []*Edge {
		if u.Node != nil {
			return byNode[u.Node]
		}
		var es []*Edge
		for _, m := range u.Frame.Members {
			es = append(es, byNode[m]...)
		}
		return es
	}
	tracks := len(b.g.Timeline)
	for _, f := range b.g.Frames {
		for _, m := range f.Members {
			m.bary = bary(byNode[m])
		}
		slices.SortStableFunc(f.Members, func(x, y *Node) int { return cmp.Compare(x.bary, y.bary) })
		improve(f.Members, func(m *Node) []*Edge { return byNode[m] }, tracks)
	}
	ub := map[*Unit]float64{}
	for _, u := range b.units {
		ub[u] = bary(unitEdges(u))
	}
	slices.SortStableFunc(b.units, func(x, y *Unit) int { return cmp.Compare(ub[x], ub[y]) })
	for _, u := range b.units {
		if u.Frame != nil {
			b.layoutFrame(u.Frame, 0)
			u.W, u.H = u.Frame.W, u.Frame.H
		} else {
			u.W, u.H = u.Node.W, u.Node.H
		}
	}
	var sides [2][]*Unit
	for i, u := range b.units {
		u.pos = i
	}
	kept := b.prev != nil && b.keepOrder(&sides, ub)
	if !kept && b.twoSided() {
		sideSplit(b.units, unitEdges, tracks, b.length)
	}
	for _, u := range b.units {
		if !kept {
			sides[u.Side] = append(sides[u.Side], u)
		}
	}
	if !kept && b.twoSided() {
		sides = rebalance(sides, unitEdges, tracks, b.length)
	}
	for s := range sides {
		if !kept {
			improve(sides[s], unitEdges, tracks)
		}
		for i, u := range sides[s] {
			u.pos, u.Side = i, s
			if u.Frame != nil && s == 1 {
				b.layoutFrame(u.Frame, 1)
			}
		}
		b.g.Sides[s] = b.wrap(sides[s], s)
	}
	for _, e := range b.g.Edges {
		e.Side = e.Tail.unit.Side
	}
	b.slots()
}

// twoSided says whether actors go on both sides of the tracks: when there
// are more than a few units (with one track too: a column of actors
// beside one box is twice as tall as it needs to be).
func (b *builder) twoSided() bool { return len(b.units) >= minTwoSided }

// length is a unit's length along the line of actors.
func (b *builder) length(u *Unit) float64 {
	if b.g.Direction == TopToBottom {
		return u.W + nodeSep
	}
	return u.H + nodeSep
}

// crossHist is, for a unit's arrows, how many go to each track or an
// earlier one.
func crossHist(es []*Edge, tracks int) []int {
	h := make([]int, tracks+1)
	for _, e := range es {
		h[e.Head.index+1]++
	}
	for t := 1; t <= tracks; t++ {
		h[t] += h[t-1]
	}
	return h
}

// crossings is how many arrows of a and of b cross when a comes first on
// one side; hb is crossHist of b's arrows.
func crossings(a []*Edge, hb []int) int {
	n := 0
	for _, e := range a {
		n += hb[e.Head.index] // b's arrows to earlier tracks
	}
	return n
}

// sideSplit shares units (in barycentre order) between the two sides:
// each goes where it crosses fewer of the arrows of the units before it,
// unless that side would get too long. count[s][t] is how many arrows of
// side s's units go to track t so far.
func sideSplit(units []*Unit, edges func(*Unit) []*Edge, tracks int, length func(*Unit) float64) {
	total := 0.0
	for _, u := range units {
		total += length(u)
	}
	var count [2][]int
	count[0], count[1] = make([]int, tracks), make([]int, tracks)
	var long [2]float64
	for _, u := range units {
		es := edges(u)
		h := crossHist(es, tracks)
		var cost [2]int
		for s := range cost {
			for t, n := range count[s] {
				cost[s] += n * h[t] // their arrows to t cross u's to earlier tracks
			}
		}
		side := 0
		if cost[1] < cost[0] || (cost[1] == cost[0] && long[1] < long[0]) {
			side = 1
		}
		if long[side]+length(u) > total/2+max(0.1*total, length(u)) {
			side = 1 - side
		}
		u.Side = side
		long[side] += length(u)
		for _, e := range es {
			count[side][e.Head.index]++
		}
	}
}

// rebalance moves single units to the other side while that removes
// crossings and keeps the sides within a tenth of the line of each other.
func rebalance(sides [2][]*Unit, edges func(*Unit) []*Edge, tracks int, length func(*Unit) float64) [2][]*Unit {
	all := append(slices.Clone(sides[0]), sides[1]...)
	if len(all) > 300 {
		return sides // the greedy split is good enough, and quick
	}
	var long [2]float64
	total := 0.0
	for _, u := range all {
		long[u.Side] += length(u)
		total += length(u)
	}
	// Units keep their barycentre order; where a unit goes on its new
	// side, its place is by that order.
	slices.SortStableFunc(all, func(x, y *Unit) int { return cmp.Compare(x.pos, y.pos) })
	for i, u := range all {
		u.pos = i
	}
	hist := make([][]int, len(all))
	for i, u := range all {
		hist[i] = crossHist(edges(u), tracks)
	}
	pair := func(i, j int) int { // i before j
		if i > j {
			i, j = j, i
		}
		return crossings(edges(all[i]), hist[j])
	}
	for range 6 {
		moved := false
		for i, u := range all {
			var here, there int
			for j, v := range all {
				if j == i {
					continue
				}
				if v.Side == u.Side {
					here += pair(i, j)
				} else {
					there += pair(i, j)
				}
			}
			to := 1 - u.Side
			if there < here && math.Abs(long[to]+length(u)-(long[u.Side]-length(u))) <= max(0.2*total, 2*length(u)) {
				long[u.Side] -= length(u)
				long[to] += length(u)
				u.Side = to
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	var out [2][]*Unit
	for _, u := range all {
		out[u.Side] = append(out[u.Side], u)
	}
	return out
}

// improve swaps adjacent items while that removes crossings, for at most
// a few passes over long lines.
func improve[T any](items []T, edges func(T) []*Edge, tracks int) {
	if len(items) < 2 || tracks < 2 {
		return
	}
	hist := make([][]int, len(items))
	for i, it := range items {
		hist[i] = crossHist(edges(it), tracks)
	}
	cross := func(a, b int) int { return crossings(edges(items[a]), hist[b]) }
	passes := 60
	if len(items) > 300 {
		passes = 8
	}
	for range passes {
		swapped := false
		for i := 0; i+1 < len(items); i++ {
			if cross(i, i+1) > cross(i+1, i) {
				items[i], items[i+1] = items[i+1], items[i]
				hist[i], hist[i+1] = hist[i+1], hist[i]
				swapped = true
			}
		}
		if !swapped {
			return
		}
	}
}

// wrap splits a side's line of units into rows when one line would make
// the picture more than maxAspect times longer than it is wide: unit i
// goes to row i mod k, so each row keeps the order and spans the whole
// picture, and every actor stays level with its tracks. Rows are returned
// in the order of the layout's ranks (for the side before the tracks, the
// farthest first).
func (b *builder) wrap(units []*Unit, side int) [][]*Unit {
	n := len(units)
	if n == 0 {
		return nil
	}
	tb := b.g.Direction == TopToBottom
	along := func(w, h float64) float64 {
		if tb {
			return w
		}
		return h
	}
	across := func(w, h float64) float64 {
		if tb {
			return h
		}
		return w
	}
	trackLine, trackDepth := 0.0, 0.0
	for _, t := range b.g.Timeline {
		trackLine += along(t.W, t.H) + nodeSep
		trackDepth = max(trackDepth, across(t.W, t.H))
	}
	labelDepth := 0.0
	for _, e := range b.g.Edges {
		if e.Tail.unit.Side == side {
			labelDepth = max(labelDepth, across(e.Label.W, e.Label.H))
		}
	}
	sides := 1.0
	if b.twoSided() {
		sides = 2
	}
	best, bestAspect := 1, math.Inf(1)
	rowsAllowed := maxRows
	if b.g.floatingLabels() {
		// A picture this large is read by scrolling; rows would multiply
		// the layout's work (arrows that pass a row cost it a point each).
		rowsAllowed = 1
	}
	edgesOf := map[*Unit][]*Edge{}
	for _, e := range b.g.Edges {
		edgesOf[e.Tail.unit] = append(edgesOf[e.Tail.unit], e)
	}
	inline := !b.g.floatingLabels()
	// size estimates the picture's long and wide sides with k rows.
	size := func(k int) (long, wide float64) {
		// The longest rank, as the layout will fill them: a row holds its
		// boxes; every rank an arrow passes holds a point of it (nodeSep
		// apart), and the rank halfway along an arrow its label.
		step := 1
		if inline {
			step = 2 // labels get ranks of their own between the rows
		}
		last := step * k // the tracks' rank
		ranks := make([]float64, last)
		depth := 0.0
		for i, u := range units {
			p := step * (k - 1 - i%k)
			ranks[p] += along(u.W, u.H) + nodeSep
			depth = max(depth, across(u.W, u.H))
			for _, e := range edgesOf[u] {
				for q := p + 1; q < last; q++ {
					ranks[q] += nodeSep
				}
				if inline && len(e.Label.Lines) > 0 {
					ranks[(p+last)/2] += along(e.Label.W, e.Label.H)
				}
			}
		}
		line := trackLine
		for _, r := range ranks {
			line = max(line, r)
		}
		deep := sides*(float64(k)*(depth+rankSep)+rankSep+labelDepth) + trackDepth
		long, wide = line, deep
		if tb {
			wide += headerAllowance
		} else {
			long += headerAllowance
		}
		return long, wide
	}
	// fits reports whether a picture of that size fits a 1920×1080 screen
	// at 100% (1440×810 pt).
	// The legend and the list of sources are not laid out yet: allow for
	// them, the sources in three columns.
	footer := legendAllowance + math.Ceil(float64(len(b.g.Sources))/3)*sourceLine
	fits := func(long, wide float64) bool {
		h, v := wide, long
		if tb {
			h, v = long, wide
		}
		// The estimate of the line runs about 15% short of Graphviz's
		// spacing; that of the depth, long.
		return h <= screenW && 1.15*v+footer <= screenH
	}
	for k := 1; k <= min(n, rowsAllowed); k++ {
		long, wide := size(k)
		aspect := max(long, wide) / min(long, wide)
		if aspect < bestAspect {
			best, bestAspect = k, aspect
		}
		if long <= 0.9*maxAspect*wide {
			break
		}
	}
	// A picture that does not fit a screen takes more rows when that makes
	// it fit (a focus on one busy track, say) — on a side of many units:
	// with a few, their tallest frame is the length, and rows only spread
	// the picture.
	if long, wide := size(best); n >= minTwoSided && !fits(long, wide) {
		for k := best + 1; k <= min(n, rowsAllowed); k++ {
			if fits(size(k)) {
				best = k
				break
			}
		}
	}
	rows := make([][]*Unit, best)
	for i, u := range units {
		r := i % best // 0: nearest the tracks
		if side == 0 {
			r = best - 1 - r
		}
		rows[r] = append(rows[r], u)
	}
	return rows
}

// slots gives each track's arrows their places along the side facing their
// actors, in the order of their actors (then roles), and makes the sides
// long enough for them.
func (b *builder) slots() {
	for _, e := range b.g.Edges {
		e.Head.Slots[e.Side] = append(e.Head.Slots[e.Side], e)
	}
	memberIndex := func(n *Node) int {
		if n.Frame == nil {
			return 0
		}
		return slices.Index(n.Frame.Members, n)
	}
	for _, t := range b.g.Timeline {
		for s := range t.Slots {
			slices.SortStableFunc(t.Slots[s], func(x, y *Edge) int {
				return cmp.Or(
					cmp.Compare(x.Tail.unit.pos, y.Tail.unit.pos),
					cmp.Compare(memberIndex(x.Tail), memberIndex(y.Tail)),
					cmp.Compare(x.Role.Rank(), y.Role.Rank()),
					cmp.Compare(x.order, y.order))
			})
			for i, e := range t.Slots[s] {
				e.Slot = i
			}
		}
		n := max(len(t.Slots[0]), len(t.Slots[1]))
		need := math.Ceil(float64(n)*slotGap + 2*slotMargin)
		if b.g.Direction == TopToBottom {
			t.W = max(t.W, need)
		} else {
			t.H = max(t.H, need)
		}
	}
}

// slotSpacing is the distance between neighbouring arrowheads along a
// track's side of length side with n of them, and the offset of the
// first: evenly spread, at least slotGap apart, at most maxSlotGap.
func slotSpacing(side float64, n int) (first, gap float64) {
	if n == 0 {
		return side / 2, 0
	}
	gap = math.Floor(min(max((side-2*slotMargin)/float64(n), slotGap), maxSlotGap))
	first = math.Floor((side - gap*float64(n)) / 2)
	return first, gap
}
