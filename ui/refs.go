package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// What refers to what in a scenario, for deleting and renaming entries that
// others name: the forms must leave a scenario that still loads.

// refEdit changes the references to one id: to "" removes them.
type refEdit struct {
	kind     string // "actors", "tracks", "sources", "events"
	old, new string
	counts   map[string]int // what went, by description
	where    map[string][]string
}

func (e *refEdit) gone(what, where string) {
	e.counts[what]++
	if where != "" && !slices.Contains(e.where[what], where) {
		e.where[what] = append(e.where[what], where)
	}
}

// one handles a single reference: it returns the new value and whether the
// reference remains.
func (e *refEdit) one(id string) (string, bool) {
	if id != e.old {
		return id, true
	}
	if e.new == "" {
		return "", false
	}
	return e.new, true
}

// list handles a list of references.
func (e *refEdit) list(ids []string, what, where string) []string {
	if !slices.Contains(ids, e.old) {
		return ids
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if nid, ok := e.one(id); ok {
			out = append(out, nid)
		} else {
			e.gone(what, where)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// renameRefs makes every reference to the kind's id old name new.
func renameRefs(s *scenario.Scenario, kind, old, new string) {
	e := &refEdit{kind: kind, old: old, new: new, counts: map[string]int{}, where: map[string][]string{}}
	e.apply(s)
}

// removeRefs removes every reference to the kind's id, and the entries that
// cannot be without it (a seat of a deleted actor); it describes what went.
func removeRefs(s *scenario.Scenario, kind, id string) []string {
	e := &refEdit{kind: kind, old: id, counts: map[string]int{}, where: map[string][]string{}}
	e.apply(s)
	var out []string
	for _, what := range e.order() {
		n := e.counts[what]
		line := plural(n, what)
		if w := e.where[what]; len(w) > 0 {
			if len(w) > 6 {
				w = append(w[:6:6], "…")
			}
			line += " (" + strings.Join(w, ", ") + ")"
		}
		out = append(out, line)
	}
	return out
}

// order lists the descriptions in a fixed order.
func (e *refEdit) order() []string {
	var keys []string
	for k := range e.counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (e *refEdit) apply(s *scenario.Scenario) {
	switch e.kind {
	case "actors":
		e.actors(s)
	case "tracks":
		e.tracks(s)
	case "sources":
		e.sources(s)
	case "events":
		e.events(s)
	}
}

// seats handles actor or track references in a list of seats; where says
// whose seats they are.
func (e *refEdit) seats(seats []scenario.Seat, byActor bool, where string) []scenario.Seat {
	out := seats[:0]
	for _, st := range seats {
		ref := &st.Track
		if byActor {
			ref = &st.Actor
		}
		id, ok := e.one(*ref)
		if !ok {
			what := "seat"
			if where != "" {
				what = "seat in variant " + where
			}
			if byActor {
				e.gone(what, "at "+st.Track)
			} else {
				e.gone(what, "of "+st.Actor)
			}
			continue
		}
		*ref = id
		if byActor {
			st.ClaimedBy = e.list(st.ClaimedBy, "claim of a seat", st.Actor+" at "+st.Track)
			st.InvitedBy = e.list(st.InvitedBy, "invitation to a seat", st.Actor+" at "+st.Track)
			if id, ok := e.one(st.ReplacedBy); ok {
				st.ReplacedBy = id
			} else {
				st.ReplacedBy = ""
				e.gone("seat's successor (replaced_by)", st.Actor+" at "+st.Track)
			}
		}
		out = append(out, st)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (e *refEdit) actors(s *scenario.Scenario) {
	for i := range s.Actors {
		a := &s.Actors[i]
		if id, ok := e.one(a.Represents); !ok {
			a.Represents = ""
			e.gone("person who represents it (the link only)", a.ID)
		} else {
			a.Represents = id
		}
		ms := a.Memberships[:0]
		for _, m := range a.Memberships {
			if id, ok := e.one(m.Of); ok {
				m.Of = id
				ms = append(ms, m)
			} else {
				e.gone("membership", a.ID)
			}
		}
		a.Memberships = nilIfEmpty(ms)
	}
	s.Seats = e.seats(s.Seats, true, "")
	for i := range s.Events {
		s.Events[i].Actors = e.list(s.Events[i].Actors, "mention in an event", s.Events[i].ID)
	}
	sts := s.Statements[:0]
	for _, st := range s.Statements {
		id, ok := e.one(st.Speaker)
		if !ok {
			e.gone("statement by it", st.ID)
			continue
		}
		st.Speaker = id
		st.About = e.list(st.About, "mention in a statement", st.ID)
		sts = append(sts, st)
	}
	s.Statements = nilIfEmpty(sts)
	for i := range s.Variants {
		v := &s.Variants[i]
		v.Seats = e.seats(v.Seats, true, v.ID)
		v.RemoveSeats = e.seatRefs(v.RemoveSeats, true, v.ID)
	}
}

func (e *refEdit) tracks(s *scenario.Scenario) {
	s.Seats = e.seats(s.Seats, false, "")
	for i := range s.Events {
		ev := &s.Events[i]
		if id, ok := e.one(ev.Track); ok {
			ev.Track = id
		} else {
			ev.Track = ""
			e.gone("event's link to it", ev.ID)
		}
	}
	e.statementRefs(s)
	for i := range s.Variants {
		v := &s.Variants[i]
		v.RemoveTracks = e.list(v.RemoveTracks, "removal in a variant", v.ID)
		v.Seats = e.seats(v.Seats, false, v.ID)
		v.RemoveSeats = e.seatRefs(v.RemoveSeats, false, v.ID)
	}
}

func (e *refEdit) events(s *scenario.Scenario) { e.statementRefs(s) }

// statementRefs handles at and about (tracks and events).
func (e *refEdit) statementRefs(s *scenario.Scenario) {
	for i := range s.Statements {
		st := &s.Statements[i]
		if id, ok := e.one(st.At); ok {
			st.At = id
		} else {
			st.At = ""
			e.gone("statement's place (at)", st.ID)
		}
		st.About = e.list(st.About, "mention in a statement", st.ID)
	}
}

func (e *refEdit) seatRefs(rs []scenario.SeatRef, byActor bool, variant string) []scenario.SeatRef {
	out := rs[:0]
	for _, r := range rs {
		ref := &r.Track
		if byActor {
			ref = &r.Actor
		}
		id, ok := e.one(*ref)
		if !ok {
			e.gone("seat removal in a variant", variant)
			continue
		}
		*ref = id
		out = append(out, r)
	}
	return nilIfEmpty(out)
}

func (e *refEdit) sources(s *scenario.Scenario) {
	for i := range s.Tracks {
		t := &s.Tracks[i]
		t.Sources = e.list(t.Sources, "citation", "track "+t.ID)
		for j := range t.Suspended {
			t.Suspended[j].Sources = e.list(t.Suspended[j].Sources, "citation", "suspension of track "+t.ID)
		}
	}
	for i := range s.Seats {
		st := &s.Seats[i]
		st.Sources = e.list(st.Sources, "citation", fmt.Sprintf("seat of %s at %s", st.Actor, st.Track))
	}
	for i := range s.Events {
		s.Events[i].Sources = e.list(s.Events[i].Sources, "citation", "event "+s.Events[i].ID)
	}
	for i := range s.Statements {
		s.Statements[i].Sources = e.list(s.Statements[i].Sources, "citation", "statement "+s.Statements[i].ID)
	}
	for i := range s.Variants {
		v := &s.Variants[i]
		for j := range v.Tracks {
			t := &v.Tracks[j]
			t.Sources = e.list(t.Sources, "citation", "variant "+v.ID)
			for k := range t.Suspended {
				t.Suspended[k].Sources = e.list(t.Suspended[k].Sources, "citation", "variant "+v.ID)
			}
		}
		for j := range v.Seats {
			v.Seats[j].Sources = e.list(v.Seats[j].Sources, "citation", "variant "+v.ID)
		}
	}
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
