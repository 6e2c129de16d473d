package participation

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// One stable layout for every picture of a file.
//
// Union builds the graph of everything any picture of the scenario draws:
// the tracks and seats of the base and of every variant, over every day.
// It is laid out once; DrawOn then draws each picture (a variant on a
// day, from Build) at the places the union's layout gave, so that what
// two pictures share sits at exactly the same coordinates and flipping a
// variant or moving the date moves nothing that stays. What a picture
// lacks is not drawn (rather than ghosted: a ghost of everything a variant
// or another day has would read as a participant; the ghosts Parley draws
// — ended seats — carry their reason); a delegation frame shrinks to the
// people it draws. Boxes are as large as the largest any picture needs,
// the space above the diagram as tall as the tallest title block and
// legend, so that nothing below them moves either.

// ErrNotInUnion is DrawOn's error when the picture draws something the
// union lacks (a scenario changed since the union was built): draw it on
// a layout of its own.
var ErrNotInUnion = errors.New("participation: the picture draws what the stable layout lacks")

// Union is the graph spec of everything that the base and every variant
// of s draw on any day, with opts' detail, direction and filter (its
// Variant and AsOf are not used), sized so that each picture's boxes fit
// in its boxes. Lay it out (LayoutDOT) once and draw pictures on it with
// DrawOn.
func Union(s *scenario.Scenario, opts Options) (*Graph, error) { return UnionAfter(s, opts, nil) }

// UnionAfter is Union after an edit: prev, the union before it (nil for
// none), gives the order of the actors it had, so that what the edit did
// not change stays where it was as far as the layout engine allows.
func UnionAfter(s *scenario.Scenario, opts Options, prev *Graph) (*Graph, error) {
	us, err := unionScenario(s)
	if err != nil {
		return nil, err
	}
	uopts := opts
	uopts.Variant, uopts.AsOf = "", scenario.Date{}
	b, err := newBuilder(us, uopts)
	if err != nil {
		return nil, err
	}
	b.widest, b.orig, b.prev = true, s, prev
	changed := map[string]bool{} // tracks some variant adds or changes
	for _, v := range s.Variants {
		for _, t := range v.Tracks {
			changed[t.ID] = true
		}
	}
	seats := b.seats()
	b.numberSources(seats)
	b.tracks()
	b.growTracks(s, changed)
	b.actors(seats)
	b.edges(seats)
	b.order()
	b.header()
	b.legend()
	b.describe(seats)
	g := b.g
	g.union = true
	if err := reserveSpace(s, opts, g, b); err != nil {
		return nil, err
	}
	return g, nil
}

// unionScenario is s with the tracks and seats of every variant added to
// the base's (the first of each track id, and of each seat's track, actor
// and role), no variants and no as_of: its ResolveAll is every track and
// seat any picture of s can draw.
func unionScenario(s *scenario.Scenario) (*scenario.Scenario, error) {
	u := *s
	u.Variants = nil
	u.Meta.AsOf = scenario.Date{}
	u.Tracks = slices.Clone(s.Tracks)
	u.Seats = slices.Clone(s.Seats)
	tracks := map[string]bool{}
	for _, t := range s.Tracks {
		tracks[t.ID] = true
	}
	seatKey := func(st scenario.Seat) string { return st.Track + "\x00" + st.Actor + "\x00" + string(st.Role) }
	seats := map[string]bool{}
	for _, st := range s.Seats {
		seats[seatKey(st)] = true
	}
	for _, v := range s.Variants {
		pic, err := s.ResolveAll(v.ID)
		if err != nil {
			return nil, err
		}
		for _, t := range pic.Tracks {
			if !tracks[t.ID] {
				tracks[t.ID] = true
				u.Tracks = append(u.Tracks, t)
			}
		}
		for _, st := range pic.Seats {
			if k := seatKey(st); !seats[k] {
				seats[k] = true
				u.Seats = append(u.Seats, st)
			}
		}
	}
	return &u, nil
}

// growTracks makes every track's box large enough for its words in any
// picture: each version of the track (the base's, each variant's), in
// each state a day can give it (planned, under way, suspended in each of
// its suspensions, concluded, not yet started, only possibly so), with
// "WHAT IF" when a variant changes it.
func (b *builder) growTracks(s *scenario.Scenario, changed map[string]bool) {
	versions := map[string][]scenario.Track{}
	add := func(ts []scenario.Track) {
		for _, t := range ts {
			versions[t.ID] = append(versions[t.ID], t)
		}
	}
	add(s.Tracks)
	for _, v := range s.Variants {
		add(v.Tracks)
	}
	for _, n := range b.g.Timeline {
		id := strings.TrimPrefix(n.Ref, "track:")
		for _, t := range versions[id] {
			for _, c := range trackStates(t) {
				for _, whatIf := range []bool{false, changed[id]} {
					bl := b.trackLabel(&c, whatIf)
					n.W = max(n.W, math.Ceil(bl.W+2*padX))
					n.H = max(n.H, math.Ceil(bl.H+2*padY+2))
				}
			}
		}
	}
}

// trackStates are the states a track can be drawn in on some day.
func trackStates(t scenario.Track) []scenario.Track {
	t.Upcoming, t.Suspension, t.Possibly = false, nil, false
	var out []scenario.Track
	add := func(c scenario.Track) {
		out = append(out, c)
		c.Possibly = true
		out = append(out, c)
	}
	statuses := []scenario.TrackStatus{t.Status, scenario.StatusPlanned, scenario.StatusUnderWay, scenario.StatusSuspended}
	for _, st := range statuses {
		c := t
		c.Status = st
		add(c)
	}
	c := t
	c.Upcoming, c.Status = true, scenario.StatusPlanned
	if t.Status != scenario.StatusUnderWay && t.Status != scenario.StatusSuspended && t.Status != scenario.StatusConcluded {
		c.Status = t.Status
	}
	add(c)
	for i := range t.Suspended {
		c := t
		c.Status, c.Suspension = scenario.StatusSuspended, &t.Suspended[i]
		add(c)
	}
	return out
}

// widestRefs is a source reference at least as wide as any picture's for
// these sources: every one numbered with the largest number.
func (b *builder) widestRefs(ids []string) string {
	k := 0
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := b.srcNum[id]; ok && !seen[id] {
			seen[id] = true
			k++
		}
	}
	if k == 0 {
		return ""
	}
	n := fmt.Sprint(len(b.g.Sources))
	return "[" + strings.Repeat(n+", ", k-1) + n + "]"
}

// reserveSpace works out how tall and wide the part above the diagram is
// in any picture: the tallest title block of the base and each variant
// (on the file's as_of and over all days), and a legend of every mark any
// picture can show.
func reserveSpace(s *scenario.Scenario, opts Options, g *Graph, ub *builder) error {
	headerH, headerW := 0.0, 0.0
	variants := []string{""}
	for _, v := range s.Variants {
		variants = append(variants, v.ID)
	}
	for _, v := range variants {
		for _, all := range []bool{false, true} {
			o := opts
			o.Variant = v
			src := s
			if all {
				c := *s
				c.Meta.AsOf = scenario.Date{}
				src = &c
			}
			b, err := newBuilder(src, o)
			if err != nil {
				return err
			}
			b.numberSources(b.seats())
			b.header()
			headerH, headerW = max(headerH, b.g.Header.H), max(headerW, b.g.Header.W)
		}
	}
	g.reserve = &reserve{headerH: headerH, headerW: headerW, legend: withNoteEntry(ub.supersetLegend())}
	return nil
}

// reserve is the room a stable layout keeps above the diagram.
type reserve struct {
	headerH, headerW float64
	legend           []LegendGroup // every mark any picture can show
}

// supersetLegend is the union's legend with every entry a picture of the
// file can add: the statuses a day can give, the time marks, "what if".
func (b *builder) supersetLegend() []LegendGroup {
	g := b.g
	saved := g.Legend
	defer func() { g.Legend = saved }()
	g.Legend = nil
	b.superset = true
	b.legend()
	b.superset = false
	return g.Legend
}

// projected is a picture drawn on the union's layout: the union's boxes
// and arrows, each with the picture's look, or hidden.
func project(p, u *Graph) (*Graph, error) {
	pn, pe, pf := byRef(p.Nodes), byRef(p.Edges), byRef(p.Frames)
	un, ue, uf := byRef(u.Nodes), byRef(u.Edges), byRef(u.Frames)
	for ref := range pn {
		if un[ref] == nil {
			return nil, ErrNotInUnion
		}
	}
	for ref := range pe {
		if ue[ref] == nil {
			return nil, ErrNotInUnion
		}
	}
	for ref := range pf {
		if uf[ref] == nil {
			return nil, ErrNotInUnion
		}
	}
	q := &Graph{
		Direction: u.Direction, Header: p.Header, Legend: p.Legend, Sources: p.Sources, Numbered: p.Numbered,
		Title: p.Title, Desc: p.Desc, Objects: p.Objects,
		route: u, reserve: u.reserve,
	}
	nodes := map[*Node]*Node{}
	frames := map[*Frame]*Frame{}
	for _, f := range u.Frames {
		c := *f
		c.Members = nil
		if pf[f.Ref] == nil {
			c.Hidden = true
		} else {
			c.Fill, c.Stroke = pf[f.Ref].Fill, pf[f.Ref].Stroke
		}
		frames[f] = &c
		q.Frames = append(q.Frames, &c)
	}
	for _, n := range u.Nodes {
		c := *n
		c.Slots = [2][]*Edge{}
		c.Frame = frames[n.Frame]
		if m := pn[n.Ref]; m != nil {
			c.Label, c.Fill, c.Stroke, c.Radius, c.WhatIf, c.Ghost = m.Label, m.Fill, m.Stroke, m.Radius, m.WhatIf, m.Ghost
			c.Mark, c.MarkWord = m.Mark, m.MarkWord
			// A box a picture needs larger than the union's grows about
			// its centre (Union sizes boxes so that this does not happen).
			c.W, c.H = max(c.W, m.W), max(c.H, m.H)
		} else {
			c.Hidden = true
		}
		nodes[n] = &c
		q.Nodes = append(q.Nodes, &c)
		if c.Frame != nil {
			c.Frame.Members = append(c.Frame.Members, &c)
		}
	}
	// A frame whose actor has seats in the union but not in the picture
	// shows the actor's name where its box would be.
	for _, f := range u.Frames {
		pfr, qf := pf[f.Ref], frames[f]
		if pfr == nil || len(pfr.Label.Lines) == 0 || len(f.Label.Lines) > 0 {
			continue
		}
		own := "actor:" + strings.TrimPrefix(f.Ref, "frame:")
		for _, m := range qf.Members {
			if m.Ref == own && m.Hidden {
				qf.Label = pfr.Label
				qf.LabelAt = drawing.Point{X: m.Off.X + (m.W-pfr.Label.W)/2, Y: m.Off.Y + (m.H-pfr.Label.H)/2}
				qf.ownLabel = true
			}
		}
	}
	units := map[*Unit]*Unit{}
	for s, rows := range u.Sides {
		for _, row := range rows {
			var qrow []*Unit
			for _, un := range row {
				c := *un
				c.Node, c.Frame = nodes[un.Node], frames[un.Frame]
				units[un] = &c
				qrow = append(qrow, &c)
			}
			q.Sides[s] = append(q.Sides[s], qrow)
		}
	}
	for _, n := range q.Nodes {
		n.unit = units[n.unit]
	}
	for _, e := range u.Edges {
		c := *e
		c.Tail, c.Head = nodes[e.Tail], nodes[e.Head]
		if m := pe[e.Ref]; m != nil {
			c.Certainty, c.Mixed, c.Color, c.Width, c.Style, c.Dash, c.Arrowhead = m.Certainty, m.Mixed, m.Color, m.Width, m.Style, m.Dash, m.Arrowhead
			c.Label, c.Words, c.WhatIf, c.Possibly, c.Gone, c.Mark = m.Label, m.Words, m.WhatIf, m.Possibly, m.Gone, m.Mark
		} else {
			c.Hidden = true
		}
		q.Edges = append(q.Edges, &c)
	}
	for _, e := range q.Edges {
		e.Head.Slots[e.Side] = append(e.Head.Slots[e.Side], e)
	}
	for _, n := range q.Nodes {
		for s := range n.Slots {
			slices.SortFunc(n.Slots[s], func(a, b *Edge) int { return a.Slot - b.Slot })
		}
	}
	for _, t := range u.Timeline {
		q.Timeline = append(q.Timeline, nodes[t])
	}
	return q, nil
}

// DrawOn draws the picture p (from Build) on the layout of u (from Union,
// laid out as l): what both draw at the same place in every picture.
// ErrNotInUnion says that p draws something u lacks.
func DrawOn(p, u *Graph, l *layout.Layout) (*drawing.Drawing, error) {
	if len(p.Nodes) == 0 || len(u.Nodes) == 0 {
		return Draw(p, l)
	}
	q, err := project(p, u)
	if err != nil {
		return nil, err
	}
	return Draw(q, l)
}

// placeBoxes is where every box of g is drawn: lone boxes and tracks
// centred where the layout put them, frame members at their offsets.
func placeBoxes(g *Graph, l *layout.Layout) (map[*Node]rect, error) {
	at := map[*Node]rect{}
	for _, rows := range g.Sides {
		for _, row := range rows {
			for _, u := range row {
				nb, ok := l.Nodes[u.Name]
				if !ok {
					return nil, fmt.Errorf("render: the layout has no box for %s", u.Name)
				}
				if u.Node != nil {
					at[u.Node] = rectAt(drawing.Point(nb.Center), u.Node.W, u.Node.H)
					continue
				}
				r := rectAt(drawing.Point(nb.Center), u.W, u.H)
				for _, m := range u.Frame.Members {
					at[m] = rect{r.x0 + m.Off.X, r.y0 + m.Off.Y, r.x0 + m.Off.X + m.W, r.y0 + m.Off.Y + m.H}
				}
			}
		}
	}
	for _, t := range g.Timeline {
		nb, ok := l.Nodes[t.Name]
		if !ok {
			return nil, fmt.Errorf("render: the layout has no box for %s", t.Name)
		}
		at[t] = rectAt(drawing.Point(nb.Center), t.W, t.H)
	}
	return at, nil
}

// routes are the arrows' paths: on a stable layout the union's, so that
// an arrow runs the same way in every picture that draws it.
func routes(g *Graph, l *layout.Layout, boxAt map[*Node]rect) (map[*Edge]*path, error) {
	u := g.route
	if u == nil {
		return routeArrows(g, l, boxAt), nil
	}
	u.routed.Lock()
	up := u.routed.paths
	if u.routed.layout != l {
		ub, err := placeBoxes(u, l)
		if err != nil {
			u.routed.Unlock()
			return nil, err
		}
		// The union's arrows are the same in every picture drawn on it:
		// routed once (a fifth of a frame's time at 1,000 actors).
		up = routeArrows(u, l, ub)
		u.routed.layout, u.routed.paths = l, up
	}
	u.routed.Unlock()
	out := make(map[*Edge]*path, len(g.Edges))
	for i, e := range g.Edges {
		out[e] = up[u.Edges[i]] // project keeps the union's order
	}
	return out, nil
}

// frameRect is where a frame is drawn, r in the layout, and where its
// label goes: on a stable layout, shrunk to the people the picture draws
// (and its label), so that it shows no empty places.
func frameRect(g *Graph, f *Frame, r rect, boxAt map[*Node]rect) (rect, drawing.Point) {
	labelAt := drawing.Point{X: r.x0 + f.LabelAt.X, Y: r.y0 + f.LabelAt.Y}
	vis := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	hidden := false
	for _, m := range f.Members {
		if m.Hidden {
			hidden = true
			continue
		}
		vis = vis.union(boxAt[m])
	}
	if !hidden || math.IsInf(vis.x0, 1) {
		return r, labelAt
	}
	hasLabel := len(f.Label.Lines) > 0
	if f.ownLabel {
		vis = vis.union(rect{labelAt.X, labelAt.Y, labelAt.X + f.Label.W, labelAt.Y + f.Label.H})
	}
	out := r
	if g.Direction == TopToBottom {
		out.x0, out.x1 = vis.x0-framePad, vis.x1+framePad
		if hasLabel && !f.ownLabel {
			out.x1 = max(out.x1, out.x0+f.Label.W+2*padX)
			labelAt.X = out.x0 + padX
		}
	} else {
		out.y0, out.y1 = vis.y0-framePad, vis.y1+framePad
		if hasLabel && !f.ownLabel {
			out.y0 -= math.Ceil(f.Label.H + clusterPadY)
			labelAt.Y = out.y0 + framePad
		}
	}
	out.x0, out.y0 = max(out.x0, r.x0), max(out.y0, r.y0)
	out.x1, out.y1 = min(out.x1, r.x1), min(out.y1, r.y1)
	return out, labelAt
}
