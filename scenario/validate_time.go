package scenario

import (
	"cmp"
	"fmt"
	"slices"
)

// The checks of what holds when: seats that contradict each other on the
// same days, how a seat ends (ended, replaced_by), suspensions, and the
// warnings about dates that do not fit together (a seat outside its
// track's dates, a statement before its speaker's seat or office begins,
// a track concluded after as_of).

// baseTrack is the first base track with the given id, or nil.
func (v *validator) baseTrack(id string) *Track {
	if i, ok := v.tracks.first[id]; ok {
		return &v.s.Tracks[i]
	}
	return nil
}

// seatTime checks a seat's ended and replaced_by, and its dates against
// its track's (t, nil when unknown). seated holds the (track, actor) pairs
// of the seat's own list.
func (v *validator) seatTime(p string, st *Seat, seated map[[2]string]bool, t *Track) {
	if st.Ended != "" && st.To.IsZero() && !v.broken[p+".to"] {
		v.errorf(atValue, p+".ended", "ended = %q needs the day it happened: add to = DATE, the last day the seat held", st.Ended)
	}
	switch r := st.ReplacedBy; {
	case r == "":
		if st.Ended == EndReplaced {
			v.warnf(atValue, p+".ended", "say who took over: add replaced_by = \"ACTOR\"")
		}
	case !v.ref(p+".replaced_by", r, v.actors):
	case r == st.Actor:
		v.errorf(atValue, p+".replaced_by", "%q cannot replace itself; replaced_by names the actor who took the seat over", r)
	case st.Ended == "" && !v.broken[p+".ended"]:
		v.errorf(atKey, p+".replaced_by", `replaced_by goes with ended = "replaced": add it`)
	case st.Ended != EndReplaced && st.Ended != "":
		v.errorf(atKey, p+".replaced_by", `replaced_by goes with ended = "replaced", not %q`, st.Ended)
	case st.Track != "" && !seated[[2]string{st.Track, r}] && !v.baseSeats[SeatRef{st.Track, r, ""}]:
		v.warnf(atValue, p+".replaced_by", "%q has no seat at %q: add the seat it takes over, from the day it does", r, st.Track)
	}
	if t == nil {
		return
	}
	if !t.End.IsZero() && !st.From.IsZero() && t.End.Before(st.From) {
		v.warnf(atValue, p+".from", "the seat begins (from = %s) after its track %q ends (end = %s)", st.From, t.ID, t.End)
	}
	if !t.Start.IsZero() && !st.To.IsZero() && st.To.Before(t.Start) && st.Role != RoleInvited && st.Role != RoleExcluded {
		v.warnf(atValue, p+".to", "the seat ends (to = %s) before its track %q starts (start = %s)", st.To, t.ID, t.Start)
	}
}

// keptSeatTimes checks the base seats a variant keeps at a track it
// changes against the variant's dates for that track: a variant that ends
// talks early but keeps a seat from after that day says something it does
// not mean.
func (v *validator) keptSeatTimes(path string, vr *Variant, own *idSet) {
	for i := range vr.Tracks {
		t := &vr.Tracks[i]
		if own.first[t.ID] != i || v.baseTrack(t.ID) == nil {
			continue
		}
		tp := elemPath(path+".tracks", i+1)
		for _, st := range v.s.Seats {
			if st.Track != t.ID || variantReplaces(vr, st) {
				continue
			}
			switch {
			case !t.End.IsZero() && !st.From.IsZero() && t.End.Before(st.From):
				v.warnf(atValue, tp+".end", "the base seat of %q at %q begins (from = %s) after this variant's track ends (end = %s), and the variant keeps it: remove it (remove_seats) or give the variant its own seat", st.Actor, t.ID, st.From, t.End)
			case !t.Start.IsZero() && !st.To.IsZero() && st.To.Before(t.Start) && st.Role != RoleInvited && st.Role != RoleExcluded:
				v.warnf(atValue, tp+".start", "the base seat of %q at %q ends (to = %s) before this variant's track starts (start = %s), and the variant keeps it: remove it (remove_seats) or give the variant its own seat", st.Actor, t.ID, st.To, t.Start)
			}
		}
	}
}

// variantReplaces reports whether the variant removes or replaces the base
// seat st (remove_seats, or a seat of its own for that actor at that track).
func variantReplaces(vr *Variant, st Seat) bool {
	for _, r := range vr.RemoveSeats {
		if r.Track == st.Track && r.Actor == st.Actor && (r.Role == "" || r.Role == st.Role) {
			return true
		}
	}
	for _, own := range vr.Seats {
		if own.Track == st.Track && own.Actor == st.Actor {
			return true
		}
	}
	return false
}

// trackTime checks a track's announced date, its suspensions and, for a
// base track, that a concluded track does not end after as_of.
func (v *validator) trackTime(path string, t *Track, base bool) {
	if !t.Announced.IsZero() && !t.Start.IsZero() && t.Start.Before(t.Announced) {
		v.warnf(atValue, path+".announced", "announced = %s is after the track starts (start = %s)", t.Announced, t.Start)
	}
	for i := range t.Suspended {
		sp := &t.Suspended[i]
		p := elemPath(path+".suspended", i+1)
		v.dateOrder(p, "from", sp.From, "to", sp.To)
		v.refs(p+".sources", sp.Sources, v.sources)
		if base && v.unsourced(p, sp.Sources) {
			v.warnf(atValue, p, "suspension of %q cites no source", t.ID)
		}
		switch {
		case sp.From.IsZero():
		case !t.Start.IsZero() && sp.From.Before(t.Start):
			v.warnf(atValue, p+".from", "the suspension begins (from = %s) before its track starts (start = %s)", sp.From, t.Start)
		case !t.End.IsZero() && t.End.Before(sp.From):
			v.warnf(atValue, p+".from", "the suspension begins (from = %s) after its track ends (end = %s)", sp.From, t.End)
		}
	}
	asOf := v.s.Meta.AsOf
	if !base || t.Status != StatusConcluded || asOf.IsZero() {
		return
	}
	key, d := "end", t.End
	if d.IsZero() {
		key, d = "start", t.Start
	}
	if !d.IsZero() && asOf.Before(d) {
		v.warnf(atValue, path+".status", "track %q is concluded, but its %s = %s is after the scenario's as_of = %s: correct the date or the status", t.ID, key, d, asOf)
	}
}

// statementTime warns of a statement dated before its speaker's office
// begins, or before the speaker's seat begins at the track it was said at
// (the seats of the actor a person represents, when the person has none
// there).
func (v *validator) statementTime(path string, st *Statement) {
	if st.Date.IsZero() {
		return
	}
	a := v.actor[st.Speaker]
	if a == nil {
		return
	}
	if !a.OfficeFrom.IsZero() && st.Date.Before(a.OfficeFrom) {
		v.warnf(atValue, path+".date", "the statement (date = %s) is before its speaker %q took office (office_from = %s)", st.Date, a.ID, a.OfficeFrom)
		return
	}
	track := st.At
	if i, ok := v.events.first[st.At]; ok && !v.tracks.has(st.At) {
		track = v.s.Events[i].Track
	}
	if track == "" || !v.tracks.has(track) {
		return
	}
	who := a.ID
	starts := v.seatStarts(track, who)
	if starts == nil && a.Represents != "" {
		who = a.Represents
		starts = v.seatStarts(track, who)
	}
	if len(starts) == 0 {
		return
	}
	first := starts[0]
	for _, d := range starts {
		if d.IsZero() || !st.Date.Before(d) {
			return // a seat held then, or one that may have
		}
		if d.First().Before(first.First()) {
			first = d
		}
	}
	v.warnf(atValue, path+".date", "the statement (date = %s) at %q is before %q has a seat there (the first from = %s)", st.Date, track, who, first)
}

// seatStarts is the from of every base seat of actor at track (nil when
// there is none), indexed on first use.
func (v *validator) seatStarts(track, actor string) []Date {
	if v.starts == nil {
		v.starts = map[[2]string][]Date{}
		for _, st := range v.s.Seats {
			k := [2]string{st.Track, st.Actor}
			v.starts[k] = append(v.starts[k], st.From)
		}
	}
	return v.starts[[2]string{track, actor}]
}

// contradictions finds, among the seats of one actor at one track,
// duplicates (the same role) and an exclusion next to any other role, on
// the same days, unless one of the two is disputed: that is how
// conflicting claims are recorded. Seats share a day when both certainly
// hold on it (see span.go), except the day one ends and the next begins: a
// seat with to = D followed by one with from = D hands over on D (the
// later one holds that day), so the record can say "excluded until
// 9 September, admitted on 9 September".
//
// Each group's seats are swept in order of the first day they certainly
// hold, keeping for each role (and for exclusions and other roles) the
// earlier seat that reaches furthest: each seat is compared with that one
// only, which keeps this O(n log n) however many seats a file repeats.
// Undated seats all hold on every day, so they are compared in file order
// with the first earlier seat they clash with.
//
// Variant seats replace every base seat of their track and actor, so after
// a variant is applied each such group is all base or all variant seats:
// checking the base and each variant's own seats covers every outcome.
func (v *validator) contradictions(coll string, seats []Seat) {
	type key struct{ track, actor string }
	groups := map[key][]int{}
	var order []key
	for j, b := range seats {
		if b.Track == "" || b.Actor == "" || b.Role == "" {
			continue
		}
		k := key{b.Track, b.Actor}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], j)
	}
	for _, k := range order {
		v.groupClashes(coll, seats, groups[k])
	}
}

// reach is the earlier seat of a sweep that holds furthest.
type reach struct {
	set    bool
	at     int  // its index
	c      span // the days it certainly holds
	oneDay bool // a seat ending on c.hi holds on that day only
}

func (r *reach) add(j int, c span) {
	switch {
	case !r.set || c.hi > r.c.hi:
		*r = reach{set: true, at: j, c: c, oneDay: c.lo == c.hi}
	case c.hi == r.c.hi:
		r.oneDay = r.oneDay || c.lo == c.hi
	}
}

// clash reports whether a seat holding certainly on c (and beginning no
// earlier than the seats in r) shares a day with one of them.
func (r *reach) clash(c span) bool {
	if !r.set || r.c.hi < c.lo {
		return false
	}
	if min(r.c.hi, c.hi) > c.lo || r.c.hi > c.lo {
		return true // two days or more, or c one day within the other
	}
	return r.oneDay // r ends the day c begins: a handover, unless it began that day too
}

func (v *validator) groupClashes(coll string, seats []Seat, idx []int) {
	certain := make(map[int]span, len(idx))
	sorted := make([]int, 0, len(idx))
	for _, j := range idx {
		c, _ := holding(seats[j].From, seats[j].To)
		if c.empty() {
			continue // never certainly holds ("from 1997 to 1997"): nothing to clash with
		}
		certain[j] = c
		sorted = append(sorted, j)
	}
	slices.SortStableFunc(sorted, func(a, b int) int { return cmp.Compare(certain[a].lo, certain[b].lo) })
	byRole := map[Role]*reach{}
	var excluded, held reach
	for _, j := range sorted {
		b, c := &seats[j], certain[j]
		pj := elemPath(coll, j+1) + ".role"
		r := byRole[b.Role]
		if r == nil {
			r = &reach{}
			byRole[b.Role] = r
		}
		if r.clash(c) {
			if when := sharedDays(r.c, c); when == "" {
				v.errorRef(atValue, pj, elemPath(coll, r.at+1)+".role",
					fmt.Sprintf("duplicate seat: %q is already %s at %q (see ", b.Actor, b.Role, b.Track), ")")
			} else {
				v.errorRef(atValue, pj, elemPath(coll, r.at+1)+".role",
					fmt.Sprintf("duplicate seat: %q is already %s at %q %s (see ", b.Actor, b.Role, b.Track, when),
					"); seats of one role must not share a day: end one before the other begins")
			}
			continue
		}
		r.add(j, c)
		if b.Certainty == Disputed {
			continue
		}
		other, mine := &excluded, &held
		if b.Role == RoleExcluded {
			other, mine = &held, &excluded
		}
		if other.clash(c) {
			o := &seats[other.at]
			if when := sharedDays(other.c, c); when == "" {
				v.errorRef(atValue, pj, elemPath(coll, other.at+1)+".role",
					fmt.Sprintf("%q is both %s and %s at %q (see ", b.Actor, b.Role, o.Role, b.Track),
					`); if these are conflicting claims, mark one certainty = "disputed"`)
			} else {
				v.errorRef(atValue, pj, elemPath(coll, other.at+1)+".role",
					fmt.Sprintf("%q is both %s and %s at %q %s (see ", b.Actor, b.Role, o.Role, b.Track, when),
					`); end one seat on or before the day the other begins, or if these are conflicting claims, mark one certainty = "disputed"`)
			}
		}
		mine.add(j, c)
	}
}

// sharedDays says in words on which days two spans both hold ("on 9 Sep
// 1997", "from 9 Sep 1997 to 19 Feb 1998"); "" when neither has an end.
func sharedDays(a, b span) string {
	lo, hi := max(a.lo, b.lo), min(a.hi, b.hi)
	day := func(n int64) string { return FromTime(dayTime(n)).Human() }
	switch {
	case lo == dayMin && hi == dayMax:
		return ""
	case lo == hi:
		return "on " + day(lo)
	case lo == dayMin:
		return "until " + day(hi)
	case hi == dayMax:
		return "from " + day(lo)
	}
	return "from " + day(lo) + " to " + day(hi)
}
