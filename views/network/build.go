package network

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// The network's own measures, in points.
const (
	margin   = 14.0
	padX     = 8.0
	padY     = 5.0
	wrapName = 150.0
	wrapHub  = 130.0
	wrapNote = 170.0
)

// Graph is a network as a graph spec: boxes, frames and ties, every text
// measured. Graphviz only places it.
type Graph struct {
	sel     *scenario.Selection
	opts    Options
	asOf    scenario.Date
	heading style.Block
	legend  []style.LegendEntry
	objects map[string]drawing.Object

	Nodes  []*Node
	Frames []*Frame
	Ties   []*Tie
	// TopDown lays people, actors and blocs out from top to bottom
	// rather than from left to right.
	TopDown bool

	togetherAll int // co-participation ties there are, when more than MaxTogether
}

// MaxTogether is the most co-participation ties drawn: beyond it only the
// strongest are (at 1,000 actors there are thousands).
const MaxTogether = 400

// Node is a box: an actor, a bloc (a hub that others belong to) or a
// person.
type Node struct {
	Name   string // DOT name: n1, n2 … (never text from the file)
	Ref    string // "actor:ID"
	Label  style.Block
	W, H   float64
	Fill   drawing.Color
	Stroke drawing.Stroke
	Radius float64
	Frame  *Frame // the membership frame it is in, or nil
	Hub    bool
	Person bool
}

// Frame holds the actors that belong to the same blocs.
type Frame struct {
	Name  string // DOT name: cluster_1 …
	Label style.Block
	Hubs  []string // the blocs' ids, in file order
	Nodes []*Node
	// Column is the column of frames it stands in (0 for the first): a
	// network with many frames sets them in columns side by side, so
	// that it is not a tall strip.
	Column int
}

// TieKind is what a tie says.
type TieKind int

// Tie kinds.
const (
	Membership TieKind = iota // a frame's actors belong to a bloc
	Represents                // a person represents an actor
	Together                  // two parties take part in the same tracks
)

// Tie is a line between two boxes (or from a frame to a bloc).
type Tie struct {
	ID         string // DOT id: m1, r1, c1 …
	Kind       TieKind
	Ref        string
	Tail, Head *Node
	From       *Frame // a membership tie starts at this frame's edge
	Stroke     drawing.Stroke
	Arrowhead  string // "" for none
	Label      style.Block
	Weight     int // shared tracks of a Together tie
}

// Build resolves the scenario for opts, selects what opts.Filter keeps
// and makes the graph.
func Build(s *scenario.Scenario, opts Options) (*Graph, error) {
	pic, err := s.Resolve(opts.Variant, opts.AsOf)
	if err != nil {
		return nil, err
	}
	sel, err := pic.Select(opts.Filter)
	if err != nil {
		return nil, err
	}
	g := &Graph{sel: sel, opts: opts, asOf: pic.AsOf, objects: map[string]drawing.Object{}}
	g.build()
	g.heading = style.Heading(sel, "Actor network", g.asOf, 640)
	g.makeLegend()
	return g, nil
}

// kindOK reports whether the filter's kinds let an actor be shown.
func (g *Graph) kindOK(a *scenario.Actor) bool {
	return len(g.sel.Filter.Kinds) == 0 || slices.Contains(g.sel.Filter.Kinds, a.Kind)
}

// memberships are the blocs an actor belongs to within the filter's
// dates, in file order of the blocs, each once.
func (g *Graph) memberships(a *scenario.Actor, order map[string]int) []scenario.Membership {
	f := g.sel.Filter
	var out []scenario.Membership
	for _, m := range a.Memberships {
		if g.sel.Actor(m.Of) == nil || slices.ContainsFunc(out, func(o scenario.Membership) bool { return o.Of == m.Of }) {
			continue
		}
		if !f.From.IsZero() && !m.To.IsZero() && m.To.Before(f.From) || !f.To.IsZero() && !m.From.IsZero() && f.To.Before(m.From) {
			continue
		}
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(x, y scenario.Membership) int { return order[x.Of] - order[y.Of] })
	return out
}

func (g *Graph) build() {
	sc := g.sel.Scenario
	order := map[string]int{}
	hub := map[string]bool{}
	for i, a := range sc.Actors {
		order[a.ID] = i
		for _, m := range a.Memberships {
			hub[m.Of] = true
		}
	}
	// What is shown: the selection's actors, and for context the blocs
	// they belong to, the actors their people represent, and the members
	// of a bloc in focus.
	shown := map[string]bool{}
	for _, a := range g.sel.Actors {
		shown[a.ID] = true
	}
	for _, a := range g.sel.Actors {
		for _, m := range g.memberships(a, order) {
			shown[m.Of] = true
		}
		if a.Kind == scenario.KindPerson && a.Represents != "" {
			shown[a.Represents] = true
		}
	}
	for _, ref := range g.sel.Focus {
		if id, ok := strings.CutPrefix(ref, "actor:"); ok && hub[id] {
			for _, a := range sc.Actors {
				if slices.ContainsFunc(g.memberships(&a, order), func(m scenario.Membership) bool { return m.Of == id }) {
					shown[a.ID] = true
				}
			}
		}
	}
	nodes := map[string]*Node{}
	frames := map[string]*Frame{}
	var none *Frame
	for i := range sc.Actors {
		a := &sc.Actors[i]
		if !shown[a.ID] || !g.kindOK(a) {
			continue
		}
		n := g.node(a, hub[a.ID], order)
		nodes[a.ID] = n
		g.objects[n.Ref] = style.ActorObject(g.sel.Picture, a)
		if a.Kind == scenario.KindPerson {
			continue
		}
		ms := g.memberships(a, order)
		switch {
		case len(ms) > 0:
			var ids, names []string
			for _, m := range ms {
				ids = append(ids, m.Of)
				names = append(names, style.OneLine(g.sel.Actor(m.Of).Label()))
			}
			key := strings.Join(ids, "\x00")
			f := frames[key]
			if f == nil {
				f = &Frame{Hubs: ids, Label: style.Stack(style.Wrap("Members of "+joinAnd(names), drawing.Bold, style.LegendSize, style.Ink, wrapNote+40)...)}
				frames[key] = f
				g.Frames = append(g.Frames, f)
			}
			f.Nodes = append(f.Nodes, n)
			n.Frame = f
		case !hub[a.ID]:
			if none == nil {
				none = &Frame{Label: style.Stack(style.Measure("In none of these", drawing.Bold, style.LegendSize, style.Muted))}
			}
			none.Nodes = append(none.Nodes, n)
			n.Frame = none
		}
	}
	// Frames with more blocs first; those in none last.
	slices.SortStableFunc(g.Frames, func(x, y *Frame) int { return len(y.Hubs) - len(x.Hubs) })
	if none != nil && len(g.Frames) > 0 {
		g.Frames = append(g.Frames, none)
	} else if none != nil {
		// Nobody belongs to anything: no frame is needed to say so.
		for _, n := range none.Nodes {
			n.Frame = nil
		}
	}
	for i, f := range g.Frames {
		f.Name = fmt.Sprintf("cluster_%d", i+1)
	}
	g.columns()
	for i := range sc.Actors {
		if n := nodes[sc.Actors[i].ID]; n != nil {
			n.Name = fmt.Sprintf("n%d", len(g.Nodes)+1)
			g.Nodes = append(g.Nodes, n)
		}
	}

	// Ties: each frame to each of its blocs, each person to whom they
	// represent, and parties that sit together.
	hubColor := map[string]drawing.Color{}
	for _, n := range g.Nodes {
		if n.Hub {
			id := strings.TrimPrefix(n.Ref, "actor:")
			hubColor[id] = style.Palette(len(hubColor))
			n.Stroke.Color = hubColor[id]
			n.Fill = style.Tint(hubColor[id])
		}
	}
	for _, f := range g.Frames {
		for _, id := range f.Hubs {
			head := nodes[id]
			if head == nil || len(f.Nodes) == 0 {
				continue
			}
			g.Ties = append(g.Ties, &Tie{ID: fmt.Sprintf("m%d", len(g.Ties)+1), Kind: Membership, Ref: head.Ref,
				Tail: f.Nodes[0], Head: head, From: f, Stroke: drawing.Stroke{Color: hubColor[id], Width: 2.2}, Arrowhead: "box"})
		}
	}
	// A person may belong to a group too: tied to it directly.
	for _, n := range g.Nodes {
		if !n.Person {
			continue
		}
		for _, m := range g.memberships(g.sel.Actor(strings.TrimPrefix(n.Ref, "actor:")), order) {
			if head := nodes[m.Of]; head != nil {
				g.Ties = append(g.Ties, &Tie{ID: fmt.Sprintf("m%d", len(g.Ties)+1), Kind: Membership, Ref: head.Ref,
					Tail: n, Head: head, Stroke: drawing.Stroke{Color: hubColor[m.Of], Width: 2.2}, Arrowhead: "box"})
			}
		}
	}
	for _, n := range g.Nodes {
		if !n.Person {
			continue
		}
		a := g.sel.Actor(strings.TrimPrefix(n.Ref, "actor:"))
		if head := nodes[a.Represents]; head != nil {
			g.Ties = append(g.Ties, &Tie{ID: fmt.Sprintf("r%d", len(g.Ties)+1), Kind: Represents, Ref: n.Ref,
				Tail: n, Head: head, Stroke: drawing.Stroke{Color: style.Faint, Width: 1.1}, Arrowhead: "normal"})
		}
	}
	if g.opts.CoParticipation {
		g.together(nodes, order)
	}
}

// columnHeight is about how tall a column of frames may be before the
// frames go into columns side by side: what fits a screen under a heading.
const columnHeight = 480.0

// columns sets the frames in columns of about equal height, when one
// column would be taller than columnHeight.
func (g *Graph) columns() {
	height := func(f *Frame) float64 {
		h := f.Label.H + 24
		for _, n := range f.Nodes {
			h += n.H + 14
		}
		return h
	}
	total := 0.0
	for _, f := range g.Frames {
		total += height(f)
	}
	n := min(3, int(total/columnHeight)+1, len(g.Frames))
	if n < 2 {
		return
	}
	per := total / float64(n)
	col, acc := 0, 0.0
	for _, f := range g.Frames {
		h := height(f)
		if acc > 0 && acc+h/2 > per && col < n-1 {
			col, acc = col+1, 0
		}
		f.Column = col
		acc += h
	}
}

// node makes an actor's box: its name, its kind or office, and the dates
// of its memberships where they are known.
func (g *Graph) node(a *scenario.Actor, hub bool, order map[string]int) *Node {
	n := &Node{Ref: "actor:" + a.ID, Hub: hub, Person: a.Kind == scenario.KindPerson, Radius: 6}
	var lines []style.Line
	switch {
	case n.Person:
		lines = style.WrapMax(a.Label(), drawing.Bold, style.NameSize-1.5, style.Ink, wrapName, 2)
		if a.Office != "" {
			lines = append(lines, style.WrapMax(a.Office, drawing.Regular, style.DetailSize-0.5, style.Muted, wrapName, 2)...)
		}
		n.Fill, n.Radius = style.Paper, 3
		n.Stroke = drawing.Stroke{Color: style.Faint, Width: 0.8}
	case hub:
		lines = style.WrapMax(a.Label(), drawing.Bold, style.NameSize+1, style.Ink, wrapHub, 2)
		if a.Short != "" && a.Short != a.Name {
			lines = append(lines, style.WrapMax(a.Name, drawing.Regular, style.DetailSize, style.Muted, wrapHub, 2)...)
		}
		members := 0
		for _, b := range g.sel.Scenario.Actors {
			if slices.ContainsFunc(g.memberships(&b, order), func(m scenario.Membership) bool { return m.Of == a.ID }) {
				members++
			}
		}
		lines = append(lines, style.Measure(plural(members, "member", "members")+" · "+string(a.Kind), drawing.Italic, style.DetailSize, style.Muted))
		n.Radius = 12
		n.Stroke = drawing.Stroke{Width: 2}
	default:
		lines = style.WrapMax(a.Label(), drawing.Bold, style.NameSize, style.Ink, wrapName, 2) // short, as every view draws it; the name in full is in the tooltip
		if a.Kind != scenario.KindState {
			lines = append(lines, style.Measure(string(a.Kind), drawing.Italic, style.DetailSize, style.Muted))
		}
		n.Fill = style.KindFill(a.Kind)
		n.Stroke = drawing.Stroke{Color: drawing.RGB(0x5b6b7b), Width: 1}
	}
	var dated []string
	for _, m := range g.memberships(a, order) {
		if d := style.DatesText(m.From, m.To, " "); d != "" {
			dated = append(dated, style.OneLine(g.sel.Actor(m.Of).Label())+d)
		}
	}
	if len(dated) > 0 {
		lines = append(lines, style.Wrap(strings.Join(dated, " · "), drawing.Regular, style.DetailSize-0.5, style.Muted, wrapName)...)
	}
	n.Label = style.Stack(lines...)
	n.W = max(n.Label.W+2*padX, 54)
	n.H = max(n.Label.H+2*padY, 26)
	if n.Fill.A == 0 {
		n.Fill = style.Paper
	}
	return n
}

// together ties each pair of parties that take part in the same tracks,
// a person counted with the actor they represent.
func (g *Graph) together(nodes map[string]*Node, order map[string]int) {
	party := func(id string) string {
		a := g.sel.Actor(id)
		if a != nil && a.Kind == scenario.KindPerson && nodes[a.Represents] != nil {
			return a.Represents
		}
		return id
	}
	at := map[string][]string{} // track → parties taking part
	for _, st := range g.sel.Seats {
		if st.Role == scenario.RoleExcluded || st.Role == scenario.RoleInvited {
			continue
		}
		p := party(st.Actor)
		if nodes[p] != nil && !slices.Contains(at[st.Track], p) {
			at[st.Track] = append(at[st.Track], p)
		}
	}
	type pair struct{ a, b string }
	shared := map[pair][]string{}
	var pairs []pair
	for _, t := range g.sel.Tracks {
		ps := at[t.ID]
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				a, b := ps[i], ps[j]
				if order[b] < order[a] {
					a, b = b, a
				}
				k := pair{a, b}
				if _, ok := shared[k]; !ok {
					pairs = append(pairs, k)
				}
				shared[k] = append(shared[k], t.ID)
			}
		}
	}
	if len(pairs) > MaxTogether {
		// Too many to read (or to lay out quickly): the strongest only,
		// and the legend says how many there are.
		slices.SortStableFunc(pairs, func(x, y pair) int { return len(shared[y]) - len(shared[x]) })
		g.togetherAll = len(pairs)
		pairs = pairs[:MaxTogether]
	}
	for _, k := range pairs {
		tracks := shared[k]
		ref := "together:" + k.a + "/" + k.b
		tie := &Tie{ID: fmt.Sprintf("c%d", len(g.Ties)+1), Kind: Together, Ref: ref, Tail: nodes[k.a], Head: nodes[k.b],
			Weight: len(tracks), Stroke: drawing.Stroke{Color: style.Together, Width: 0.8 + 1.2*float64(len(tracks))}}
		if len(tracks) > 1 {
			tie.Label = style.Stack(style.Measure(fmt.Sprintf("%d tracks", len(tracks)), drawing.Regular, style.EdgeLabelSize, style.Darken(style.Together)))
		}
		g.Ties = append(g.Ties, tie)
		var names []string
		for _, id := range tracks {
			names = append(names, style.OneLine(g.sel.Track(id).Name))
		}
		an, bn := g.sel.Actor(k.a), g.sel.Actor(k.b)
		g.objects[ref] = drawing.Object{Class: "together",
			Tooltip: fmt.Sprintf("%s and %s take part in %s:\n%s", style.OneLine(an.Name), style.OneLine(bn.Name), plural(len(tracks), "track", "tracks"), strings.Join(names, "\n")),
			Data:    map[string]string{"actor": k.a, "other": k.b, "tracks": fmt.Sprint(len(tracks))}}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func joinAnd(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// makeLegend lists the ties drawn.
func (g *Graph) makeLegend() {
	var member, rep, together bool
	for _, t := range g.Ties {
		switch t.Kind {
		case Membership:
			member = true
		case Represents:
			rep = true
		case Together:
			together = true
		}
	}
	line := func(stroke drawing.Stroke, head string) func(items []drawing.Item, x, mid float64) []drawing.Item {
		return func(items []drawing.Item, x, mid float64) []drawing.Item {
			end := x + style.LegendLine
			base := drawing.Point{X: end, Y: mid}
			if head != "" {
				base.X -= style.ArrowLength
			}
			items = append(items, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: mid}, base}, Stroke: stroke})
			if head != "" {
				items = append(items, style.Arrowhead(head, drawing.Point{X: end, Y: mid}, base, stroke)...)
			}
			return items
		}
	}
	if member {
		g.legend = append(g.legend, style.LegendEntry{SampleW: style.LegendLine, Text: "members of a bloc (in the bloc's colour)",
			Sample: line(drawing.Stroke{Color: style.Palette(0), Width: 2.2}, "box")})
	}
	if rep {
		g.legend = append(g.legend, style.LegendEntry{SampleW: style.LegendLine, Text: "represents",
			Sample: line(drawing.Stroke{Color: style.Faint, Width: 1.1}, "normal")})
	}
	if together {
		text := "take part in the same tracks (heavier: more tracks)"
		if g.togetherAll > 0 {
			text = fmt.Sprintf("take part in the same tracks (heavier: more tracks; the %d strongest of %d ties)", MaxTogether, g.togetherAll)
		}
		g.legend = append(g.legend, style.LegendEntry{SampleW: style.LegendLine, Text: text,
			Sample: line(drawing.Stroke{Color: style.Together, Width: 2}, "")})
	}
}
