package scenario

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Picture is one concrete state of a scenario: the base, or the base with a
// variant applied, on a day or over all days. Its tracks and seats are
// copies, in a stable order; the slices inside them (sources, claimed_by,
// suspended) and the Suspension they point to are shared with the scenario
// and must not be modified.
type Picture struct {
	Scenario *Scenario
	Variant  *Variant // nil for the base
	// AsOf is the day the picture holds on (a month, a year or an
	// approximate day: that span of days, see docs/format.md); zero when
	// the picture is of every date (ResolveAll, or a file without as_of).
	AsOf   Date
	Tracks []Track
	Seats  []Seat
	// Ended holds, on a day, the seats that ended with a reason (walked
	// out, withdrew, expelled, replaced) by then, at tracks in the
	// picture, when their actor holds no seat at that track that day: the
	// last such seat of each actor at each track, in file order. Views may
	// show them as gone ("walked out 16 Jul 1997"). Nil without a day.
	Ended []Seat

	actors  map[string]*Actor
	tracks  map[string]*Track
	sources map[string]*Source
}

// Resolve gives the picture that holds on the day asOf with the variant
// with the given id ("" for the base) applied. A zero asOf means the
// file's own as_of; when that is not set either, nothing is filtered by
// date and Resolve is ResolveAll. See ResolveAll for what a variant does,
// and docs/format.md ("What holds on a day") for what the day does:
// seats in force that day, with Possibly set where they hold only
// possibly; tracks that exist by then, with their status on that day;
// holders who were replaced or left moved to Ended.
func (s *Scenario) Resolve(variant string, asOf Date) (*Picture, error) {
	if asOf.IsZero() {
		asOf = s.Meta.AsOf
	}
	p, err := s.ResolveAll(variant)
	if err != nil || asOf.IsZero() {
		return p, err
	}
	p.on(asOf)
	p.index()
	return p, nil
}

// ResolveAll applies the variant with the given id ("" for the base) and
// returns the picture it gives over all days: every track and seat
// whatever its dates, statuses as the file says. A variant changes the
// base in this order:
//
//  1. remove_tracks removes those tracks and all their seats;
//  2. remove_seats entries {track, actor} remove that actor's seats at that
//     track; with role, only the seat of that role;
//  3. each of the variant's tracks replaces the base track with the same id
//     in place, or is added after the base tracks;
//  4. the variant's seats for a (track, actor) replace all remaining base
//     seats of that track and actor, at the place of the first of them, or
//     are added after the base seats.
//
// Everything else keeps the base order; additions keep the variant's order.
func (s *Scenario) ResolveAll(variant string) (*Picture, error) {
	p := &Picture{Scenario: s}
	if variant != "" {
		ids := make([]string, len(s.Variants))
		for i := range s.Variants {
			ids[i] = s.Variants[i].ID
			if ids[i] == variant && p.Variant == nil {
				p.Variant = &s.Variants[i]
			}
		}
		if p.Variant == nil {
			return nil, unknownVariant(variant, ids)
		}
	}
	p.Tracks, p.Seats = apply(s, p.Variant)
	p.actors = make(map[string]*Actor, len(s.Actors))
	for i := range s.Actors {
		addFirst(p.actors, s.Actors[i].ID, &s.Actors[i])
	}
	p.sources = make(map[string]*Source, len(s.Sources))
	for i := range s.Sources {
		addFirst(p.sources, s.Sources[i].ID, &s.Sources[i])
	}
	p.index()
	return p, nil
}

// index maps the picture's tracks by id.
func (p *Picture) index() {
	p.tracks = make(map[string]*Track, len(p.Tracks))
	for i := range p.Tracks {
		addFirst(p.tracks, p.Tracks[i].ID, &p.Tracks[i])
	}
}

func unknownVariant(id string, ids []string) error {
	if len(ids) == 0 {
		return fmt.Errorf("scenario: unknown variant %q (this scenario has no variants)", id)
	}
	hint := ""
	if c := closest(id, ids); c != "" {
		hint = fmt.Sprintf("; did you mean %q?", c)
	}
	return fmt.Errorf("scenario: unknown variant %q%s (variants: %s)", id, hint, strings.Join(ids, ", "))
}

func addFirst[T any](m map[string]*T, id string, v *T) {
	if _, ok := m[id]; !ok {
		m[id] = v
	}
}

// Actor is the actor with the given id, or nil.
func (p *Picture) Actor(id string) *Actor { return p.actors[id] }

// Track is the picture's track with the given id, or nil.
func (p *Picture) Track(id string) *Track { return p.tracks[id] }

// Source is the source with the given id, or nil.
func (p *Picture) Source(id string) *Source { return p.sources[id] }

// apply gives the tracks and seats of the base with v applied (v may be nil).
func apply(s *Scenario, v *Variant) ([]Track, []Seat) {
	tracks := append([]Track(nil), s.Tracks...)
	if v == nil {
		return tracks, append([]Seat(nil), s.Seats...)
	}

	// Maps rather than scans: a variant may name thousands of seats.
	dropped := map[string]bool{} // remove_tracks: these tracks' base seats go
	for _, id := range v.RemoveTracks {
		dropped[id] = true
	}
	unseat := map[SeatRef]bool{} // remove_seats, with and without role
	for _, r := range v.RemoveSeats {
		unseat[r] = true
	}
	removed := maps.Clone(dropped) // tracks gone from the picture
	tracks = slices.DeleteFunc(tracks, func(t Track) bool { return removed[t.ID] })
	at := map[string]int{}
	for i, t := range tracks {
		if _, ok := at[t.ID]; !ok {
			at[t.ID] = i
		}
	}
	for _, t := range v.Tracks {
		// A track both removed and given by the variant comes back at the
		// end, without its base seats.
		delete(removed, t.ID)
		if i, ok := at[t.ID]; ok {
			tracks[i] = t
		} else {
			at[t.ID] = len(tracks)
			tracks = append(tracks, t)
		}
	}

	type key struct{ track, actor string }
	replaced := map[key][]Seat{}
	var order []key // variant (track, actor) pairs in first-seen order
	for _, st := range v.Seats {
		k := key{st.Track, st.Actor}
		if _, ok := replaced[k]; !ok {
			order = append(order, k)
		}
		replaced[k] = append(replaced[k], st)
	}
	placed := map[key]bool{}
	var seats []Seat
	for _, st := range s.Seats {
		if dropped[st.Track] || unseat[SeatRef{st.Track, st.Actor, ""}] || unseat[SeatRef{st.Track, st.Actor, st.Role}] {
			continue
		}
		k := key{st.Track, st.Actor}
		if vs, ok := replaced[k]; ok {
			if !placed[k] {
				seats = append(seats, vs...)
				placed[k] = true
			}
			continue
		}
		seats = append(seats, st)
	}
	for _, k := range order {
		if !placed[k] && !removed[k.track] {
			seats = append(seats, replaced[k]...)
		}
	}
	return tracks, seats
}
