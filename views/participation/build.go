package participation

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// Build makes the participation diagram's graph spec for the scenario.
func Build(s *scenario.Scenario, opts Options) (*Graph, error) {
	pic, err := s.Resolve(opts.Variant, opts.AsOf)
	if err != nil {
		return nil, err
	}
	// Focus and filters: the selection's picture holds only the tracks
	// and seats they keep.
	sel, err := pic.Select(opts.Filter)
	if err != nil {
		return nil, err
	}
	b := &builder{
		pic:      sel.Picture,
		sel:      sel,
		opts:     opts,
		g:        &Graph{Direction: opts.Direction},
		nodes:    map[string]*Node{},
		clusters: map[string]*Cluster{},
	}
	seats := b.seats()
	if b.pic.Variant != nil {
		// What the base draws on the same day, to mark what the variant adds.
		base, err := s.Resolve("", opts.AsOf)
		if err != nil {
			return nil, err
		}
		b.base = map[string]bool{}
		for _, t := range base.Tracks {
			b.base["track:"+t.ID] = true
		}
		for _, st := range b.fold(base.Seats) {
			b.base[st.key()] = true
		}
	}
	b.tracks()
	b.actors(seats)
	b.edges(seats)
	b.header(seats)
	b.legend()
	return b.g, nil
}

type builder struct {
	pic      *scenario.Picture
	sel      *scenario.Selection
	base     map[string]bool // a variant's picture: the base's tracks and seats as drawn
	opts     Options
	g        *Graph
	nodes    map[string]*Node    // by Ref
	clusters map[string]*Cluster // by actor id
}

// seat is a seat as drawn: in the Delegations view a person's seat moves to
// the actor they represent, and seats that then coincide merge.
type seat struct {
	scenario.Seat
	via []string // labels of the people folded into it
}

func (b *builder) seats() []*seat { return b.fold(b.pic.Seats) }

// fold makes the seats as drawn from seats.
func (b *builder) fold(seats []scenario.Seat) []*seat {
	var out []*seat
	index := map[string]*seat{}
	for _, st := range seats {
		if b.pic.Track(st.Track) == nil || b.pic.Actor(st.Actor) == nil {
			continue // validation reports these; draw what can be drawn
		}
		sd := &seat{Seat: st}
		if b.opts.Detail == Delegations {
			if a := b.pic.Actor(st.Actor); a.Kind == scenario.KindPerson && a.Represents != "" && b.pic.Actor(a.Represents) != nil {
				sd.Actor = a.Represents
				sd.via = []string{a.Label()}
			}
		}
		key := sd.Track + "\x00" + sd.Actor + "\x00" + string(sd.Role)
		if prev, ok := index[key]; ok {
			prev.merge(sd)
			continue
		}
		index[key] = sd
		out = append(out, sd)
	}
	return out
}

// merge folds another seat with the same track, actor and role into s: the
// surer certainty wins, claims, sources and people are pooled.
func (s *seat) merge(o *seat) {
	if o.Certainty.Rank() < s.Certainty.Rank() {
		s.Certainty = o.Certainty
	}
	s.ClaimedBy = appendNew(s.ClaimedBy, o.ClaimedBy...)
	s.Sources = appendNew(s.Sources, o.Sources...)
	s.via = appendNew(s.via, o.via...)
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

func (b *builder) tracks() {
	starts := map[*Node]scenario.Date{} // for the timeline
	for i := range b.pic.Tracks {
		t := &b.pic.Tracks[i]
		var lines []TextLine
		lines = append(lines, wrapLines(t.Name, drawing.Bold, style.NameSize, style.Ink, wrapTrack)...)
		if meta := joinNonEmpty(" · ", string(t.Kind), t.Venue); meta != "" {
			lines = append(lines, wrapLines(meta, drawing.Regular, style.DetailSize, style.Muted, wrapTrack)...)
		}
		if when := trackWhen(t); when != "" {
			lines = append(lines, wrapLines(when, drawing.Regular, style.DetailSize, style.Muted, wrapTrack)...)
		}
		status := strings.ToUpper(string(t.Status))
		if t.Certainty != "" {
			status = joinNonEmpty(" · ", status, string(t.Certainty))
		}
		if b.base != nil && !b.base["track:"+t.ID] {
			status = joinNonEmpty(" · ", "WHAT IF", status)
		}
		if status != "" {
			lines = append(lines, wrapLines(status, drawing.Bold, style.DetailSize-1, style.Muted, wrapTrack)...)
		}
		n := &Node{
			Ref:    "track:" + t.ID,
			Label:  stack(lines),
			Fill:   style.StatusFill(t.Status),
			Stroke: drawing.Stroke{Color: style.Ink, Width: 1.6, Dash: style.Certainty(t.Certainty).Dash},
			Radius: 3,
			Track:  true,
		}
		if n.Fill.A == 0 {
			n.Fill = style.StatusFill(scenario.StatusPlanned)
		}
		b.addNode(n, 2*padX, 2*padY+2)
		b.g.Timeline = append(b.g.Timeline, n)
		starts[n] = t.Start
	}
	slices.SortStableFunc(b.g.Timeline, func(x, y *Node) int {
		sx, sy := starts[x], starts[y]
		if sx.IsZero() || sy.IsZero() {
			return cmp.Compare(boolInt(sx.IsZero()), boolInt(sy.IsZero()))
		}
		return sx.First().Compare(sy.First())
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func trackWhen(t *scenario.Track) string {
	dates := t.Start.Human()
	if !t.End.IsZero() && t.End != t.Start {
		dates += " – " + t.End.Human()
	}
	return joinNonEmpty(" · ", dates, t.When)
}

func (b *builder) actors(seats []*seat) {
	seated := map[string]bool{}
	for _, st := range seats {
		seated[st.Actor] = true
	}
	// Delegation frames first, in file order of the actors they stand for.
	if b.opts.Detail == People {
		for _, a := range b.pic.Scenario.Actors {
			if a.Kind != scenario.KindPerson || !seated[a.ID] || a.Represents == "" {
				continue
			}
			of := b.pic.Actor(a.Represents)
			if of == nil || b.clusters[of.ID] != nil {
				continue
			}
			c := &Cluster{
				Name:   fmt.Sprintf("cluster_%d", len(b.g.Clusters)+1),
				Ref:    "actor:" + of.ID,
				Label:  stack(wrapLines(of.Name, drawing.Bold, style.NameSize-1, style.Ink, wrapActor+40)),
				Fill:   style.Lighten(style.KindFill(of.Kind)),
				Stroke: drawing.Stroke{Color: style.Frame, Width: 1},
			}
			b.clusters[of.ID] = c
			b.g.Clusters = append(b.g.Clusters, c)
		}
	}
	for i := range b.pic.Scenario.Actors {
		a := &b.pic.Scenario.Actors[i]
		if !seated[a.ID] {
			continue
		}
		var lines []TextLine
		if a.Kind == scenario.KindPerson {
			lines = wrapLines(a.Label(), drawing.Bold, style.NameSize, style.Ink, wrapActor)
			if a.Office != "" {
				lines = append(lines, wrapLines(a.Office, drawing.Regular, style.DetailSize, style.Muted, wrapActor)...)
			}
		} else {
			lines = wrapLines(a.Name, drawing.Bold, style.NameSize, style.Ink, wrapActor)
			if a.Kind != scenario.KindState {
				lines = append(lines, wrapLines(string(a.Kind), drawing.Italic, style.DetailSize, style.Muted, wrapActor)...)
			}
		}
		fill := style.KindFill(a.Kind)
		if fill.A == 0 {
			fill = style.Paper
		}
		n := &Node{
			Ref:    "actor:" + a.ID,
			Label:  stack(lines),
			Fill:   fill,
			Stroke: drawing.Stroke{Color: drawing.RGB(0x5b6b7b), Width: 1},
			Radius: 6,
		}
		if a.Kind == scenario.KindPerson {
			n.Cluster = b.clusters[a.Represents]
		} else if c := b.clusters[a.ID]; c != nil {
			// The actor's own seats start from its own box, inside the
			// frame of its people, so they can't be taken for one of
			// theirs; the box names the frame.
			n.Cluster = c
			c.Label = Block{}
		}
		b.addNode(n, 2*padX, 2*padY)
	}
}

func (b *builder) addNode(n *Node, padW, padH float64) {
	n.Name = fmt.Sprintf("n%d", len(b.g.Nodes)+1)
	n.W = max(n.Label.W+padW, 54)
	n.H = max(n.Label.H+padH, 28)
	b.nodes[n.Ref] = n
	b.g.Nodes = append(b.g.Nodes, n)
}

func (b *builder) edges(seats []*seat) {
	for _, st := range seats {
		head := b.nodes["track:"+st.Track]
		tail := b.nodes["actor:"+st.Actor]
		if head == nil || tail == nil {
			continue
		}
		rs := style.Role(st.Role)
		cs := style.Certainty(st.Certainty)
		e := &Edge{
			ID:        fmt.Sprintf("e%d", len(b.g.Edges)+1),
			Ref:       fmt.Sprintf("seat:%s/%s/%s", st.Track, st.Actor, st.Role),
			Tail:      tail,
			Head:      head,
			Role:      st.Role,
			Certainty: st.Certainty,
			Color:     rs.Color,
			Width:     rs.Width * cs.Width,
			Style:     cs.Graphviz,
			Dash:      cs.Dash,
			Arrowhead: rs.Arrowhead,
		}
		if text := b.seatWords(st); text != "" {
			// In the arrow's own colour (darkened to read as text), so that
			// a label that Graphviz places beside another arrow is still
			// told apart.
			color := style.Darken(rs.Color)
			if st.Role == scenario.RoleExcluded {
				color = style.ExcludedInk
			}
			e.Label = stack(wrapLines(text, drawing.Regular, style.EdgeLabelSize, color, wrapEdge))
			if st.Role == scenario.RoleExcluded {
				e.Label.Lines[0].Font = drawing.Bold
				e.Label = restack(e.Label.Lines)
			}
		}
		b.g.Edges = append(b.g.Edges, e)
	}
}

// seatWords is what an arrow says besides its look: an exclusion in words
// (so it survives greyscale printing), a dispute, who claims it, and in the
// Delegations view who sits there.
func (b *builder) seatWords(st *seat) string {
	var parts []string
	if b.base != nil && !b.base[st.key()] {
		parts = append(parts, "what if")
	}
	if st.Role == scenario.RoleExcluded {
		parts = append(parts, "EXCLUDED")
	}
	if st.Certainty == scenario.Disputed {
		parts = append(parts, "disputed")
	}
	if len(st.ClaimedBy) > 0 {
		var who []string
		for _, id := range st.ClaimedBy {
			if a := b.pic.Actor(id); a != nil {
				who = append(who, a.Label())
			}
		}
		if len(who) > 0 {
			parts = append(parts, "per "+strings.Join(who, ", "))
		}
	}
	if len(st.via) > 0 {
		parts = append(parts, "via "+strings.Join(st.via, ", "))
	}
	return strings.Join(parts, " · ")
}

// key identifies a seat as drawn, certainty included.
func (s *seat) key() string {
	return "seat:" + s.Track + "\x00" + s.Actor + "\x00" + string(s.Role) + "\x00" + string(s.Certainty)
}

func (b *builder) header(seats []*seat) {
	meta := b.pic.Scenario.Meta
	title := meta.Title
	if title == "" {
		title = "Untitled scenario"
	}
	lines := wrapLines(title, drawing.Bold, style.TitleSize, style.Ink, headerWrap)
	var sub []string
	if !b.pic.AsOf.IsZero() {
		sub = append(sub, "As of "+b.pic.AsOf.Human())
	}
	switch {
	case b.pic.Variant != nil:
		sub = append(sub, "What if: "+b.pic.Variant.Name)
	case len(b.pic.Scenario.Variants) > 0:
		sub = append(sub, "Base scenario")
	}
	if len(sub) > 0 {
		lines = append(lines, wrapLines(strings.Join(sub, " · "), drawing.Regular, style.SubtitleSize, style.Muted, headerWrap)...)
	}
	if d := b.sel.Describe(); d != "" {
		lines = append(lines, wrapLines(d, drawing.Bold, style.SubtitleSize, style.AsOfInk, headerWrap)...)
	}
	if src := b.sourceLine(seats); src != "" {
		lines = append(lines, wrapLines(src, drawing.Italic, style.SubtitleSize, style.Muted, headerWrap)...)
	}
	b.g.Header = stack(lines)
}

// sourceLine names the sources behind what is drawn, in order of first use.
func (b *builder) sourceLine(seats []*seat) string {
	var ids []string
	for _, t := range b.pic.Tracks {
		ids = appendNew(ids, t.Sources...)
	}
	for _, st := range seats {
		ids = appendNew(ids, st.Sources...)
	}
	var names []string
	for _, id := range ids {
		src := b.pic.Source(id)
		if src == nil {
			continue
		}
		name := joinNonEmpty(", ", src.Publisher, src.Date.Human())
		if name == "" {
			name = src.Title
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	const shown = 3
	switch {
	case len(names) == 0:
		return ""
	case len(names) > shown:
		return fmt.Sprintf("Sources: %s and %d more", strings.Join(names[:shown], "; "), len(names)-shown)
	case len(names) > 1:
		return "Sources: " + strings.Join(names, "; ")
	}
	return "Source: " + names[0]
}

func (b *builder) legend() {
	roles := map[scenario.Role]bool{}
	certs := map[scenario.Certainty]bool{}
	for _, e := range b.g.Edges {
		roles[e.Role] = true
		c := e.Certainty
		if c == "" {
			c = scenario.Reported
		}
		certs[c] = true
	}
	for _, r := range scenario.Roles {
		if roles[r] {
			b.g.Legend = append(b.g.Legend, LegendEntry{Role: r, Text: measured(string(r), drawing.Regular, style.LegendSize, style.Ink)})
		}
	}
	for _, c := range scenario.Certainties {
		if certs[c] {
			b.g.Legend = append(b.g.Legend, LegendEntry{Certainty: c, Text: measured(string(c), drawing.Regular, style.LegendSize, style.Ink)})
		}
	}
}
