package participation

// Why about 500 lines: Build's steps (resolve, select, seats, tracks,
// actors, arrows, order, header, legend) are read in sequence here; each
// step's detail is in its own file (boxes.go, order.go, legend.go …).

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// Build makes the participation diagram's graph spec for the scenario.
func Build(s *scenario.Scenario, opts Options) (*Graph, error) {
	b, err := newBuilder(s, opts)
	if err != nil {
		return nil, err
	}
	seats := b.seats()
	b.numberSources(seats)
	b.tracks()
	b.actors(seats)
	b.edges(seats)
	b.order()
	b.header()
	b.legend()
	b.describe(seats)
	return b.g, nil
}

// newBuilder resolves the picture that opts choose and what its variant
// changes.
func newBuilder(s *scenario.Scenario, opts Options) (*builder, error) {
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
	pic = sel.Picture
	b := &builder{
		pic:    pic,
		sel:    sel,
		opts:   opts,
		g:      &Graph{Direction: opts.Direction, Objects: map[string]drawing.Object{}},
		nodes:  map[string]*Node{},
		frames: map[string]*Frame{},
	}
	if pic.Variant != nil {
		// What the base draws on the same day, to say what the variant removes.
		// The same focus and filters apply to it, or everything they
		// leave out would read as removed by the variant.
		base, err := s.Resolve("", opts.AsOf)
		if err != nil {
			return nil, err
		}
		baseSel, err := base.Select(opts.Filter)
		if err != nil {
			return nil, err
		}
		b.changes = variantChanges(s, baseSel.Picture, pic)
	}
	return b, nil
}

type builder struct {
	pic     *scenario.Picture
	sel     *scenario.Selection
	opts    Options
	g       *Graph
	changes *changes
	nodes   map[string]*Node  // by Ref
	frames  map[string]*Frame // by the id of the actor they stand for
	srcNum  map[string]int    // source id → its number in the footer
	units   []*Unit           // in the order of the layout
	// widest: source numbers as wide as any picture's can be (Union).
	widest bool
	// superset: the legend lists every mark any picture of the file can
	// show (Union's reserve).
	superset bool
	orig     *scenario.Scenario // Union's scenario, with its variants
	// prev is the union before an edit (UnionAfter): its order is kept.
	prev *Graph
}

// seat is a seat as drawn: in the Delegations view a person's seat moves to
// the actor they represent, and seats that then coincide merge.
type seat struct {
	scenario.Seat
	via      []string             // labels of the people folded into it
	certs    []scenario.Certainty // the certainties of the seats folded into it
	whatIf   bool                 // a variant adds or changes it
	original []scenario.Seat      // the seats of the file it stands for
	// possibly: every seat folded into it holds only possibly on the day.
	possibly bool
	// gone: a seat that ended (Picture.Ended), drawn as a ghost.
	gone bool
}

// seats are the seats drawn: those that hold on the day, then those that
// ended by then (Picture.Ended) and are not drawn already as held.
func (b *builder) seats() []*seat {
	out := b.fold(b.pic.Seats, true)
	if len(b.pic.Ended) == 0 {
		return out
	}
	held := map[string]bool{}
	for _, st := range out {
		held[st.Track+"\x00"+st.Actor+"\x00"+string(st.Role)] = true
	}
	for _, st := range b.fold(b.pic.Ended, false) {
		if !held[st.Track+"\x00"+st.Actor+"\x00"+string(st.Role)] {
			st.gone = true
			out = append(out, st)
		}
	}
	return out
}

// fold makes the seats as drawn from seats (marking what a variant changed
// when mark is set).
func (b *builder) fold(seats []scenario.Seat, mark bool) []*seat {
	var out []*seat
	index := map[string]*seat{}
	for _, st := range seats {
		if b.pic.Track(st.Track) == nil || b.pic.Actor(st.Actor) == nil {
			continue // validation reports these; draw what can be drawn
		}
		sd := &seat{Seat: st, certs: []scenario.Certainty{st.Certainty}, original: []scenario.Seat{st}, possibly: st.Possibly}
		sd.whatIf = mark && b.changes != nil && b.changes.seat(st)
		if b.opts.Detail == Delegations {
			if a := b.pic.Actor(st.Actor); a.Kind == scenario.KindPerson && a.Represents != "" && b.pic.Actor(a.Represents) != nil {
				sd.Actor = a.Represents
				sd.via = []string{actorLabel(a)}
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

// sureness ranks a certainty from 0 (confirmed) on, an unset one as
// reported, as it is drawn.
func sureness(c scenario.Certainty) int {
	if c == "" {
		return scenario.Reported.Rank()
	}
	return c.Rank()
}

// merge folds another seat with the same track, actor and role into s: the
// least sure certainty is drawn (a folded arrow must not look surer than
// any seat in it); claims, sources and people are pooled.
func (s *seat) merge(o *seat) {
	if sureness(o.Certainty) > sureness(s.Certainty) {
		s.Certainty = o.Certainty
	}
	s.certs = append(s.certs, o.certs...)
	s.ClaimedBy = appendNew(slices.Clone(s.ClaimedBy), o.ClaimedBy...)
	s.Sources = appendNew(slices.Clone(s.Sources), o.Sources...)
	s.via = appendNew(s.via, o.via...)
	s.whatIf = s.whatIf || o.whatIf
	s.possibly = s.possibly && o.possibly // one seat that surely holds is enough
	s.original = append(s.original, o.original...)
}

// mixed reports whether the seats folded into s differ in certainty.
func (s *seat) mixed() bool {
	for _, c := range s.certs {
		if sureness(c) != sureness(s.certs[0]) {
			return true
		}
	}
	return false
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// changes is what a variant changes of the base.
type changes struct {
	tracks map[string]bool // tracks it adds, changes, or removes and gives again
	base   map[[2]string][]scenario.Seat
	// regiven are (track, actor) pairs whose base seats were removed
	// (remove_tracks or remove_seats) before the variant gave seats again.
	regiven map[[2]string]bool
	removed []string // what the base has and the picture lacks, in words
}

func variantChanges(s *scenario.Scenario, base, pic *scenario.Picture) *changes {
	v := pic.Variant
	c := &changes{tracks: map[string]bool{}, base: map[[2]string][]scenario.Seat{}, regiven: map[[2]string]bool{}}
	baseTrack := map[string]*scenario.Track{}
	for i := range s.Tracks {
		if _, ok := baseTrack[s.Tracks[i].ID]; !ok {
			baseTrack[s.Tracks[i].ID] = &s.Tracks[i]
		}
	}
	for _, t := range v.Tracks {
		old := baseTrack[t.ID]
		if old == nil || slices.Contains(v.RemoveTracks, t.ID) || !equalTrack(*old, t) {
			c.tracks[t.ID] = true
		}
	}
	for _, st := range s.Seats {
		k := [2]string{st.Track, st.Actor}
		c.base[k] = append(c.base[k], st)
	}
	for _, st := range v.Seats {
		k := [2]string{st.Track, st.Actor}
		if slices.Contains(v.RemoveTracks, st.Track) {
			c.regiven[k] = true
		}
		for _, r := range v.RemoveSeats {
			if r.Track == st.Track && r.Actor == st.Actor {
				c.regiven[k] = true
			}
		}
	}
	// What the base draws that the picture lacks.
	inPic := map[string]bool{}
	for _, st := range pic.Seats {
		inPic[st.Track+"\x00"+st.Actor+"\x00"+string(st.Role)] = true
	}
	picTrack := map[string]bool{}
	for _, t := range pic.Tracks {
		picTrack[t.ID] = true
	}
	for _, t := range base.Tracks {
		if !picTrack[t.ID] {
			c.removed = append(c.removed, trackName(&t, scenario.MaxLabelLength))
		}
	}
	for _, st := range base.Seats {
		if !picTrack[st.Track] || inPic[st.Track+"\x00"+st.Actor+"\x00"+string(st.Role)] {
			continue
		}
		a, t := pic.Actor(st.Actor), pic.Track(st.Track)
		if a == nil || t == nil {
			continue
		}
		c.removed = append(c.removed, fmt.Sprintf("%s as %s at %s", actorLabel(a), st.Role, trackName(t, scenario.MaxLabelLength)))
	}
	return c
}

// seat reports whether st, a seat of the picture, is the variant's doing:
// added, different in any key from every base seat of its track and actor,
// or removed and given again.
func (c *changes) seat(st scenario.Seat) bool {
	k := [2]string{st.Track, st.Actor}
	if c.regiven[k] {
		return true
	}
	for _, old := range c.base[k] {
		if equalSeat(old, st) {
			return false
		}
	}
	return true
}

func equalSeat(a, b scenario.Seat) bool {
	return a.Track == b.Track && a.Actor == b.Actor && a.Role == b.Role && a.Certainty == b.Certainty &&
		slices.Equal(a.ClaimedBy, b.ClaimedBy) && slices.Equal(a.Sources, b.Sources) && a.Note == b.Note &&
		a.From == b.From && a.To == b.To
}

func equalTrack(a, b scenario.Track) bool {
	if len(a.Sources) == 0 && len(b.Sources) == 0 {
		a.Sources, b.Sources = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

// numberSources numbers the sources that drawn tracks and seats cite, in
// order of first use (tracks in date order, then seats).
func (b *builder) numberSources(seats []*seat) {
	b.srcNum = map[string]int{}
	var ids []string
	for _, t := range b.pic.Tracks {
		ids = appendNew(ids, t.Sources...)
	}
	for _, st := range seats {
		ids = appendNew(ids, st.Sources...)
	}
	for _, id := range ids {
		src := b.pic.Source(id)
		if src == nil {
			continue
		}
		n := len(b.g.Sources) + 1
		b.srcNum[id] = n
		b.g.Sources = append(b.g.Sources, SourceEntry{N: n, ID: id, Text: sourceText(src)})
	}
	b.g.Numbered = len(b.g.Sources) > 1
}

// sourceText is a source as the footer lists it: publisher, date: title.
func sourceText(src *scenario.Source) string {
	who := style.JoinNonEmpty(", ", shown(src.Publisher, scenario.MaxTitleLength), src.Date.Human())
	title := shown(src.Title, scenario.MaxTitleLength)
	if who == "" {
		return cmpOr(title, src.ID)
	}
	if title == "" {
		return who
	}
	return who + ": " + title
}

// sourceRefs is the numbers of the sources ids cite, as "[1, 3–5]", or ""
// when the picture does not number its sources.
func (b *builder) sourceRefs(ids []string) string {
	if !b.g.Numbered {
		return ""
	}
	if b.widest {
		return b.widestRefs(ids)
	}
	var ns []int
	for _, id := range ids {
		if n, ok := b.srcNum[id]; ok && !slices.Contains(ns, n) {
			ns = append(ns, n)
		}
	}
	if len(ns) == 0 {
		return ""
	}
	slices.Sort(ns)
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		switch {
		case j >= i+2:
			parts = append(parts, fmt.Sprintf("%d–%d", ns[i], ns[j]))
		case j == i+1:
			parts = append(parts, fmt.Sprint(ns[i]), fmt.Sprint(ns[j]))
		default:
			parts = append(parts, fmt.Sprint(ns[i]))
		}
		i = j + 1
	}
	return "[" + strings.Join(parts, ", ") + "]"
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
			Mixed:     st.mixed(),
			Color:     rs.Color,
			Width:     rs.Width * cs.Width,
			Style:     cs.Graphviz,
			Dash:      cs.Dash,
			Arrowhead: rs.Arrowhead,
			WhatIf:    st.whatIf,
			order:     len(b.g.Edges),
		}
		if e.Color.A == 0 { // a role this view has no look for
			e.Color, e.Width, e.Arrowhead = style.Ink, cs.Width, "normal"
		}
		switch {
		case st.gone:
			lookGone(e, st)
		case st.possibly:
			e.Possibly = true
			e.Color = fade(e.Color)
		}
		e.Label, e.Words = b.seatLabel(st, rs.Color)
		b.g.Edges = append(b.g.Edges, e)
		b.seatObject(e, st)
	}
}

// seatLabel is what an arrow says besides its look: "what if", an
// exclusion in words (so it survives greyscale printing), a dispute, who
// claims it, in the Delegations view who sits there (with their
// certainties when they differ), and its sources' numbers.
func (b *builder) seatLabel(st *seat, roleColor drawing.Color) (Block, string) {
	var parts []string
	if st.gone {
		// A ghost says only why and when it ended.
		words := b.goneWords(st)
		return stack(wrapLines(words, drawing.Italic, style.EdgeLabelSize, style.Muted, wrapEdge)), words
	}
	if st.possibly {
		upcoming := false
		if t := b.pic.Track(st.Track); t != nil {
			upcoming = t.Upcoming
		}
		parts = append(parts, possiblyWords(st, upcoming))
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
				who = append(who, actorLabel(a))
			}
		}
		if len(who) > 0 {
			parts = append(parts, "per "+strings.Join(who, ", "))
		}
	}
	if len(st.via) > 0 {
		via := st.via
		if st.mixed() {
			via = nil
			for i, o := range st.original {
				who := o.Actor
				if a := b.pic.Actor(o.Actor); a != nil {
					who = actorLabel(a)
				}
				c := string(st.certs[i])
				if c == "" {
					c = "not stated"
				}
				via = append(via, fmt.Sprintf("%s (%s)", who, c))
			}
			parts = append(parts, "mixed: "+strings.Join(via, ", "))
		} else {
			parts = append(parts, "via "+strings.Join(via, ", "))
		}
	}
	// Every name in it is cut already; many of them make a long label.
	words := cut(strings.Join(parts, " · "), scenario.MaxTitleLength)
	if refs := b.sourceRefs(st.Sources); refs != "" {
		words = style.JoinNonEmpty(" ", words, refs)
	}
	color := style.Darken(roleColor)
	if st.Role == scenario.RoleExcluded {
		color = style.ExcludedInk
	}
	if st.possibly {
		color = fadeText(color)
	}
	var lines []TextLine
	if st.whatIf {
		lines = append(lines, measured("WHAT IF", drawing.Bold, style.EdgeLabelSize-1, style.WhatIfInk))
	}
	font := drawing.Regular
	if st.Role == scenario.RoleExcluded {
		font = drawing.Bold
	}
	lines = append(lines, wrapLines(words, font, style.EdgeLabelSize, color, wrapEdge)...)
	if len(lines) == 0 {
		return Block{}, ""
	}
	all := words
	if st.whatIf {
		all = style.JoinNonEmpty(" · ", "what if", words)
	}
	return stack(lines), all
}

func certaintyWord(c scenario.Certainty) string {
	if c == "" {
		return "certainty not stated"
	}
	return string(c)
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
