package participation

// With one track and many actors, a participation diagram is a tall
// column of actors beside one box. Putting every other delegation on the
// far side of the track (its arrows written backwards for Graphviz, so it
// ranks after the track) halves the height: a focus on one track of a
// 1,000-actor scenario then fits a screen.

// sidesFrom is the number of actor boxes and frames from which a lone
// track gets actors on both sides.
const sidesFrom = 6

// farSide returns the seats whose actors go on the far side of the track,
// or nil when the diagram keeps them all on one side.
func (g *Graph) farSide() map[*Edge]bool {
	if len(g.Timeline) != 1 {
		return nil
	}
	// Units that must stay together: a delegation frame, or a lone box.
	type unit struct{ h float64 }
	var order []any
	units := map[any]*unit{}
	for _, n := range g.Nodes {
		if n.Track {
			continue
		}
		var key any = n
		if n.Cluster != nil {
			key = n.Cluster
		}
		u := units[key]
		if u == nil {
			u = &unit{h: 20} // a frame's label and margins
			if n.Cluster == nil {
				u.h = 0
			}
			units[key] = u
			order = append(order, key)
		}
		u.h += n.H + 16
	}
	if len(order) < sidesFrom {
		return nil
	}
	far := map[any]bool{}
	var near, farH float64
	for _, k := range order {
		if farH < near {
			far[k] = true
			farH += units[k].h
		} else {
			near += units[k].h
		}
	}
	out := map[*Edge]bool{}
	for _, e := range g.Edges {
		var key any = e.Tail
		if e.Tail.Cluster != nil {
			key = e.Tail.Cluster
		}
		if far[key] {
			out[e] = true
		}
	}
	return out
}
