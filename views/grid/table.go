package grid

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// Table is the grid as data: columns (tracks), groups of rows (actors)
// and in each cell the seats. Draw, CSV and Markdown all write it.
type Table struct {
	sel     *scenario.Selection
	opts    Options
	asOf    scenario.Date
	Columns []*scenario.Track // in date order, undated last
	Groups  []*Group
}

// Group is a run of rows under one name: a side or a membership.
type Group struct {
	Name string
	Ref  string // the side's actor ("actor:ID"), or "" for a bloc group
	Rows []*Row
}

// Row is one actor's seats, one cell per column.
type Row struct {
	Actor *scenario.Actor
	// Person is true for a person shown under the actor they represent.
	Person bool
	Cells  [][]*Seat // per column, in role order
}

// Seat is a seat as the grid shows it.
type Seat struct {
	scenario.Seat
	Via    []string // people folded into it (Delegations)
	WhatIf bool     // a variant adds or changes it
	// Gone is a seat that ended with a reason (walked out, withdrew,
	// expelled, replaced) by the picture's day: shown faint, as gone.
	Gone bool
}

// Ref is the seat's ref, as in every view.
func (s *Seat) Ref() string { return style.SeatRef(s.Seat) }

// Build resolves the scenario for opts, selects what opts.Filter keeps
// and makes the table.
func Build(s *scenario.Scenario, opts Options) (*Table, error) {
	pic, err := s.Resolve(opts.Variant, opts.AsOf)
	if err != nil {
		return nil, err
	}
	sel, err := pic.Select(opts.Filter)
	if err != nil {
		return nil, err
	}
	t := &Table{sel: sel, opts: opts, asOf: pic.AsOf}
	for i := range sel.Tracks {
		t.Columns = append(t.Columns, &sel.Tracks[i])
	}
	slices.SortStableFunc(t.Columns, func(a, b *scenario.Track) int {
		if a.Start.IsZero() || b.Start.IsZero() {
			return cmp.Compare(boolInt(a.Start.IsZero()), boolInt(b.Start.IsZero()))
		}
		return a.Start.First().Compare(b.Start.First())
	})
	col := map[string]int{}
	for i, c := range t.Columns {
		col[c.ID] = i
	}
	seats := t.fold(sel.Seats)
	for _, st := range t.fold(sel.Ended) {
		st.Gone = true
		seats = append(seats, st)
	}
	if sel.Variant != nil {
		// What the base has on the same day, to mark what the variant adds.
		basePic, err := s.Resolve("", opts.AsOf)
		if err != nil {
			return nil, err
		}
		base := map[string]bool{}
		for _, st := range t.fold(basePic.Seats) {
			base[st.key()] = true
		}
		for _, st := range seats {
			st.WhatIf = !base[st.key()]
		}
	}
	rows := map[string]*Row{}
	var order []string
	for _, st := range seats {
		i, ok := col[st.Track]
		if !ok {
			continue
		}
		r := rows[st.Actor]
		if r == nil {
			r = &Row{Actor: sel.Actor(st.Actor), Cells: make([][]*Seat, len(t.Columns))}
			rows[st.Actor] = r
			order = append(order, st.Actor)
		}
		r.Cells[i] = append(r.Cells[i], st)
	}
	for _, r := range rows {
		for _, c := range r.Cells {
			slices.SortStableFunc(c, func(a, b *Seat) int { return cmp.Compare(a.Role.Rank(), b.Role.Rank()) })
		}
	}
	t.group(rows)
	return t, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fold makes the seats as the grid shows them: in the Delegations view a
// person's seat moves to the actor they represent, and seats that then
// coincide merge (the surer certainty wins; claims, sources and people
// are pooled).
func (t *Table) fold(seats []scenario.Seat) []*Seat {
	var out []*Seat
	index := map[string]*Seat{}
	for _, st := range seats {
		a := t.sel.Actor(st.Actor)
		if a == nil || t.sel.Track(st.Track) == nil {
			continue
		}
		sd := &Seat{Seat: st}
		if t.opts.Detail == Delegations && a.Kind == scenario.KindPerson && t.sel.Actor(a.Represents) != nil {
			sd.Actor = a.Represents
			sd.Via = []string{a.Label()}
		}
		key := sd.Track + "\x00" + sd.Actor + "\x00" + string(sd.Role)
		if prev, ok := index[key]; ok {
			if sd.Certainty.Rank() < prev.Certainty.Rank() {
				prev.Certainty = sd.Certainty
			}
			prev.ClaimedBy = appendNew(slices.Clone(prev.ClaimedBy), sd.ClaimedBy...)
			prev.Sources = appendNew(slices.Clone(prev.Sources), sd.Sources...)
			prev.Via = appendNew(prev.Via, sd.Via...)
			continue
		}
		index[key] = sd
		out = append(out, sd)
	}
	return out
}

func (s *Seat) key() string {
	return s.Track + "\x00" + s.Actor + "\x00" + string(s.Role) + "\x00" + string(s.Certainty)
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// side is the actor a row belongs with: the actor a person represents,
// or the actor itself.
func (t *Table) side(a *scenario.Actor) *scenario.Actor {
	if a.Kind == scenario.KindPerson {
		if of := t.sel.Actor(a.Represents); of != nil && of.Kind != scenario.KindPerson {
			return of
		}
	}
	return a
}

// group puts the rows in groups, each in file order of the actors.
func (t *Table) group(rows map[string]*Row) {
	actors := t.sel.Scenario.Actors
	fileOrder := map[string]int{}
	for i, a := range actors {
		fileOrder[a.ID] = i
	}
	groups := map[string]*Group{}
	var keys []string
	get := func(key, name, ref string) *Group {
		g := groups[key]
		if g == nil {
			g = &Group{Name: name, Ref: ref}
			groups[key] = g
			keys = append(keys, key)
		}
		return g
	}
	hubs := map[string]bool{} // actors that others are members of
	for _, a := range actors {
		for _, m := range a.Memberships {
			hubs[m.Of] = true
		}
	}
	ids := make([]string, 0, len(rows))
	for id := range rows {
		ids = append(ids, id)
	}
	// Rows in file order of their side, the side's own row first, then
	// its people in file order.
	slices.SortFunc(ids, func(x, y string) int {
		ax, ay := rows[x].Actor, rows[y].Actor
		sx, sy := t.side(ax), t.side(ay)
		if c := cmp.Compare(fileOrder[sx.ID], fileOrder[sy.ID]); c != 0 {
			return c
		}
		if c := cmp.Compare(boolInt(ax != sx), boolInt(ay != sy)); c != 0 {
			return c
		}
		return cmp.Compare(fileOrder[x], fileOrder[y])
	})
	for _, id := range ids {
		r := rows[id]
		side := t.side(r.Actor)
		r.Person = side != r.Actor
		var g *Group
		switch {
		case t.opts.Group == ByBloc && hubs[side.ID]:
			g = get("\x00hubs", "Blocs and organisations", "")
		case t.opts.Group == ByBloc:
			names := t.membershipNames(side)
			if len(names) == 0 {
				g = get("\xffnone", "In none of these", "")
			} else {
				g = get(strings.Join(names, "\x00"), "Members of "+joinAnd(names), "")
			}
		default:
			g = get(side.ID, side.Name, "actor:"+side.ID)
		}
		g.Rows = append(g.Rows, r)
	}
	if t.opts.Group == ByBloc {
		// Blocs first, then by how many memberships, then by name; those
		// in none last.
		slices.SortStableFunc(keys, func(a, b string) int {
			ra, rb := groupRank(a), groupRank(b)
			if ra != rb {
				return cmp.Compare(ra, rb)
			}
			if c := cmp.Compare(strings.Count(b, "\x00"), strings.Count(a, "\x00")); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
	}
	for _, k := range keys {
		t.Groups = append(t.Groups, groups[k])
	}
}

func groupRank(key string) int {
	switch {
	case strings.HasPrefix(key, "\x00hubs"):
		return 0
	case strings.HasPrefix(key, "\xffnone"):
		return 2
	}
	return 1
}

// membershipNames are the labels of the blocs an actor belongs to, in
// the order of its memberships (those the filter's dates leave out
// excepted).
func (t *Table) membershipNames(a *scenario.Actor) []string {
	var names []string
	f := t.sel.Filter
	for _, m := range a.Memberships {
		of := t.sel.Actor(m.Of)
		if of == nil {
			continue
		}
		if !f.From.IsZero() && !m.To.IsZero() && m.To.Before(f.From) {
			continue
		}
		if !f.To.IsZero() && !m.From.IsZero() && f.To.Before(m.From) {
			continue
		}
		if !slices.Contains(names, of.Label()) {
			names = append(names, style.OneLine(of.Label()))
		}
	}
	return names
}

func joinAnd(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// Words are what a cell says about a seat besides its role: its
// certainty, a variant's change, who claims it, who sits there.
func (t *Table) Words(s *Seat) []string {
	var parts []string
	c := s.Certainty
	if c == "" {
		c = "not stated"
	}
	if s.Gone {
		end := strings.ReplaceAll(string(s.Ended), "-", " ")
		if !s.To.IsZero() {
			end += " " + s.To.Human()
		}
		if a := t.sel.Actor(s.ReplacedBy); a != nil {
			end += ", by " + style.OneLine(a.Label())
		}
		parts = append(parts, end)
	}
	parts = append(parts, string(c))
	if s.Possibly {
		parts = append(parts, "possibly")
	}
	if s.WhatIf {
		parts = append(parts, "what if")
	}
	if len(s.ClaimedBy) > 0 {
		var who []string
		for _, id := range s.ClaimedBy {
			if a := t.sel.Actor(id); a != nil {
				who = append(who, style.OneLine(a.Label()))
			}
		}
		if len(who) > 0 {
			parts = append(parts, "per "+strings.Join(who, ", "))
		}
	}
	if len(s.Via) > 0 {
		parts = append(parts, "via "+strings.Join(s.Via, ", "))
	}
	return parts
}

// RowLabel is a row's name: a person's short label, an actor's name.
func RowLabel(r *Row) string {
	if r.Person {
		return style.OneLine(r.Actor.Label())
	}
	return style.OneLine(r.Actor.Name)
}
