package participation

import (
	"cmp"
	"slices"
)

// Keeping the order across an edit. The window lays the picture out again
// after every edit; left to order(), one new seat can move an actor's
// barycentre past its neighbours' and re-order half a side. UnionAfter
// gives the union before the edit: what it had keeps its side and its
// order (frames their members' order), and what is new goes in by its
// barycentre, so that Graphviz, given the same order, puts what the edit
// did not change about where it was.

// keepOrder orders the units as b.prev had them, new ones by barycentre
// ub, into sides; it reports false (order afresh) when b.prev shares no
// unit with b.
func (b *builder) keepOrder(sides *[2][]*Unit, ub map[*Unit]float64) bool {
	type place struct{ side, pos int }
	was := map[string]place{}
	member := map[string]int{}
	for s, rows := range b.prev.Sides {
		n := 0
		for _, row := range rows {
			for _, u := range row {
				was[unitRef(u)] = place{s, n}
				n++
				if u.Frame != nil {
					for i, m := range u.Frame.Members {
						member[m.Ref] = i
					}
				}
			}
		}
	}
	shared := 0
	for _, u := range b.units {
		if _, ok := was[unitRef(u)]; ok {
			shared++
		}
	}
	if shared == 0 {
		return false
	}
	// Members: the old ones in their old order, new ones where their
	// barycentre puts them among them.
	for _, f := range b.g.Frames {
		old := slices.DeleteFunc(slices.Clone(f.Members), func(m *Node) bool { _, ok := member[m.Ref]; return !ok })
		slices.SortStableFunc(old, func(x, y *Node) int { return cmp.Compare(member[x.Ref], member[y.Ref]) })
		for _, m := range f.Members {
			if _, ok := member[m.Ref]; !ok {
				old = insertBy(old, m, func(n *Node) float64 { return n.bary })
			}
		}
		f.Members = old
	}
	for _, u := range b.units {
		if u.Frame != nil {
			b.layoutFrame(u.Frame, 0) // its members' places, in their new order
			u.W, u.H = u.Frame.W, u.Frame.H
		}
	}
	var fresh []*Unit
	for _, u := range b.units {
		if p, ok := was[unitRef(u)]; ok {
			u.Side, u.pos = p.side, p.pos
			sides[p.side] = append(sides[p.side], u)
		} else {
			fresh = append(fresh, u)
		}
	}
	for s := range sides {
		slices.SortStableFunc(sides[s], func(x, y *Unit) int { return cmp.Compare(x.pos, y.pos) })
	}
	for _, u := range fresh {
		s := 0
		if b.twoSided() && sideLength(b, sides[1]) < sideLength(b, sides[0]) {
			s = 1
		}
		u.Side = s
		sides[s] = insertBy(sides[s], u, func(v *Unit) float64 { return ub[v] })
	}
	return true
}

// insertBy puts x into list before the first item whose key is larger.
func insertBy[T any](list []T, x T, key func(T) float64) []T {
	k := key(x)
	i := slices.IndexFunc(list, func(y T) bool { return key(y) > k })
	if i < 0 {
		return append(list, x)
	}
	return slices.Insert(list, i, x)
}

func sideLength(b *builder, us []*Unit) float64 {
	n := 0.0
	for _, u := range us {
		n += b.length(u)
	}
	return n
}

// unitRef names a unit across builds: its frame's or its box's Ref.
func unitRef(u *Unit) string {
	if u.Frame != nil {
		return u.Frame.Ref
	}
	return u.Node.Ref
}
