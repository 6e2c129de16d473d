package scenario

import (
	"slices"
	"time"
)

// Mark is a dated thing of a scenario, for a time axis: where a date
// slider puts a tick, where the picture may change.
type Mark struct {
	Date Date   // as written
	Day  Day    // the first day it names (Date.First)
	Ref  string // what it belongs to: "track:ID", "seat:TRACK/ACTOR/ROLE", "event:ID", "statement:ID", "scenario"
	// What the date is: "as_of", "announced", "start", "end",
	// "suspended", "resumed", "from", "to", "date".
	What string
	// Changes says the picture may change on this date (seat, track and
	// suspension dates); events and statements do not change it.
	Changes bool
}

// Day is a calendar day, at midnight UTC.
type Day = time.Time

// Marks lists the scenario's dates in the base and its variants' seats
// and tracks, sorted by day (and then in file order): the scenario's as_of,
// every track's announced, start and end, every suspension's from and to,
// every seat's from and to, and every event's and statement's date.
// Actors' offices and memberships, and sources' publication dates, are
// left out: they date other things than the negotiation.
func (s *Scenario) Marks() []Mark {
	var ms []Mark
	add := func(d Date, ref, what string, changes bool) {
		if !d.IsZero() {
			ms = append(ms, Mark{Date: d, Day: d.First(), Ref: ref, What: what, Changes: changes})
		}
	}
	add(s.Meta.AsOf, "scenario", "as_of", false)
	tracks := func(ts []Track) {
		for i := range ts {
			t := &ts[i]
			ref := "track:" + t.ID
			add(t.Announced, ref, "announced", true)
			add(t.Start, ref, "start", true)
			add(t.End, ref, "end", true)
			for _, sp := range t.Suspended {
				add(sp.From, ref, "suspended", true)
				add(sp.To, ref, "resumed", true)
			}
		}
	}
	seats := func(ss []Seat) {
		for i := range ss {
			st := &ss[i]
			ref := "seat:" + st.Track + "/" + st.Actor + "/" + string(st.Role)
			add(st.From, ref, "from", true)
			add(st.To, ref, "to", true)
		}
	}
	tracks(s.Tracks)
	seats(s.Seats)
	for i := range s.Variants {
		tracks(s.Variants[i].Tracks)
		seats(s.Variants[i].Seats)
	}
	for _, e := range s.Events {
		add(e.Date, "event:"+e.ID, "date", false)
	}
	for _, st := range s.Statements {
		add(st.Date, "statement:"+st.ID, "date", false)
	}
	slices.SortStableFunc(ms, func(a, b Mark) int { return a.Day.Compare(b.Day) })
	return ms
}

// Span is the first and last day the scenario's marks name (see Marks;
// each date's own days, "~" not widened); ok is false when it has none.
func (s *Scenario) Span() (first, last Day, ok bool) {
	for _, m := range s.Marks() {
		f, l := m.Date.First(), m.Date.Last()
		if !ok || f.Before(first) {
			first = f
		}
		if !ok || l.After(last) {
			last = l
		}
		ok = true
	}
	return first, last, ok
}
