// Package interop holds what Parley's exchange formats share. Each format
// is a package below it: interop/gexf (GEXF 1.3 for Gephi),
// interop/modeljson (the resolved model as JSON) and interop/csvseats
// (seats as CSV, both ways). They know the scenario model and nothing of
// layout, drawings or windows.
package interop

import (
	"github.com/parleyhq/parley/scenario"
)

// Contents is what an export of a selection holds: its tracks, seats,
// events and statements, the actors it shows and every actor and source
// they refer to (who claims a seat, whom a person represents, the blocs
// of a membership, who a statement is about), in file order, so that an
// export never names an id it does not define.
type Contents struct {
	Sel     *scenario.Selection
	Actors  []*scenario.Actor
	Sources []*scenario.Source
	// Shown are the ids of the actors the selection itself shows (the
	// rest are there because something shown refers to them).
	Shown map[string]bool
}

// Collect works out the contents of an export of sel.
func Collect(sel *scenario.Selection) *Contents {
	c := &Contents{Sel: sel, Shown: map[string]bool{}}
	actors := map[string]bool{}
	sources := map[string]bool{}
	addSources := func(ids []string) {
		for _, id := range ids {
			sources[id] = true
		}
	}
	for _, a := range sel.Actors {
		actors[a.ID] = true
		c.Shown[a.ID] = true
	}
	for _, t := range sel.Tracks {
		addSources(t.Sources)
	}
	for _, st := range sel.Seats {
		actors[st.Actor] = true
		for _, id := range st.ClaimedBy {
			actors[id] = true
		}
		addSources(st.Sources)
	}
	for _, e := range sel.Events {
		for _, id := range e.Actors {
			actors[id] = true
		}
		addSources(e.Sources)
	}
	for _, st := range sel.Statements {
		actors[st.Speaker] = true
		for _, id := range st.About {
			if sel.Actor(id) != nil {
				actors[id] = true
			}
		}
		addSources(st.Sources)
	}
	// Whom the actors represent and belong to, until nothing is added.
	for changed := true; changed; {
		changed = false
		for i := range sel.Scenario.Actors {
			a := &sel.Scenario.Actors[i]
			if !actors[a.ID] {
				continue
			}
			refs := []string{a.Represents}
			for _, m := range a.Memberships {
				refs = append(refs, m.Of)
			}
			for _, id := range refs {
				if id != "" && !actors[id] && sel.Actor(id) != nil {
					actors[id] = true
					changed = true
				}
			}
		}
	}
	seen := map[string]bool{} // an id given twice (an error in the file) once
	for i := range sel.Scenario.Actors {
		if a := &sel.Scenario.Actors[i]; actors[a.ID] && !seen[a.ID] {
			seen[a.ID] = true
			c.Actors = append(c.Actors, a)
		}
	}
	for i := range sel.Scenario.Sources {
		if s := &sel.Scenario.Sources[i]; sources[s.ID] {
			c.Sources = append(c.Sources, s)
		}
	}
	return c
}

// SeatSpan is when a seat holds, for formats with time: its own dates,
// else its track's; zero dates when nothing is known.
func SeatSpan(sel *scenario.Selection, st scenario.Seat) (from, to scenario.Date) {
	if !st.From.IsZero() || !st.To.IsZero() {
		return st.From, st.To
	}
	if t := sel.Track(st.Track); t != nil {
		return t.Start, t.End
	}
	return scenario.Date{}, scenario.Date{}
}
