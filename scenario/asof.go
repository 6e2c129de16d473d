package scenario

// What holds on a day: Resolve's date filtering. docs/format.md ("What
// holds on a day") is the user's account of the same rules.

// on narrows a picture over all days to what holds on the day d (or,
// for an imprecise d, over its span of days q: certainly throughout it,
// possibly on some day of it).
func (p *Picture) on(d Date) {
	p.AsOf = d
	q := daysOf(d)
	var asOf *span
	if a := p.Scenario.Meta.AsOf; !a.IsZero() {
		s := daysOf(a)
		asOf = &s
	}
	type trackState struct {
		upcoming bool
		first    span // an upcoming track's first day: the days its start may mean
	}
	present := make(map[string]trackState, len(p.Tracks))
	tracks := p.Tracks[:0]
	for _, t := range p.Tracks {
		if trackOn(&t, q, asOf) {
			if _, dup := present[t.ID]; !dup {
				present[t.ID] = trackState{t.Upcoming, daysOf(t.Start)}
			}
			tracks = append(tracks, t)
		}
	}
	p.Tracks = tracks

	// Each (track, actor) pair gets a number, so that what is kept per
	// pair is in slices: a date slider resolves thousands of seats at
	// every step.
	type pair struct{ track, actor string }
	all := p.Seats
	pairs := make(map[pair]int32, len(all))
	pairOf := make([]int32, len(all)) // -1: at a track not in the picture
	for i := range all {
		st := &all[i]
		if _, ok := present[st.Track]; !ok {
			pairOf[i] = -1
			continue
		}
		k := pair{st.Track, st.Actor}
		n, ok := pairs[k]
		if !ok {
			n = int32(len(pairs))
			pairs[k] = n
		}
		pairOf[i] = n
	}
	const none = dayMin - 1
	latest := make([]int64, len(pairs)) // the latest certain start of a seat certainly holding, or none
	for i := range latest {
		latest[i] = none
	}

	// Which seats hold on q, certainly or possibly. At an upcoming track,
	// a seat also holds when it will hold on the track's first day: the
	// table as planned.
	type info struct {
		c, ps           span
		on              span // the days it was found to hold on: q, or the track's first day
		holds, possibly bool
	}
	infos := make([]info, len(all))
	for i := range all {
		if pairOf[i] < 0 {
			continue
		}
		st := &all[i]
		c, ps := holding(st.From, st.To)
		in := info{c: c, ps: ps, on: q}
		ts := present[st.Track]
		switch {
		case c.covers(q):
			in.holds = true
		case ts.upcoming && c.covers(ts.first):
			in.holds, in.on = true, ts.first
		case ps.meets(q):
			in.holds, in.possibly = true, true
		case ts.upcoming && ps.meets(ts.first):
			in.holds, in.possibly, in.on = true, true, ts.first
		}
		if in.holds && !in.possibly && c.lo > latest[pairOf[i]] {
			latest[pairOf[i]] = c.lo
		}
		infos[i] = in
	}
	// A seat that may have ended by the end of those days gives way to a
	// later seat of the same actor (or of the actor replacing it) that
	// certainly holds: the day one seat ends and the next begins is the
	// new one's, and "excluded until some day in September" next to
	// "admitted on 9 September" is only the admission from then on.
	superseded := func(i int) bool {
		st, in := &all[i], infos[i]
		if st.To.IsZero() || in.c.hi > in.on.hi {
			return false
		}
		if l := latest[pairOf[i]]; l != none && l > in.c.lo {
			return true
		}
		if st.ReplacedBy != "" {
			if n, ok := pairs[pair{st.Track, st.ReplacedBy}]; ok && latest[n] != none {
				return true
			}
		}
		return false
	}
	seats := make([]Seat, 0, len(all))
	held := make([]bool, len(pairs))
	gone := make([]int32, len(pairs)) // the ended seat shown for each pair, by index, or -1
	for i := range gone {
		gone[i] = -1
	}
	for i := range all {
		n, in := pairOf[i], infos[i]
		if n < 0 {
			continue
		}
		if in.holds && !superseded(i) {
			st := all[i]
			st.Possibly = in.possibly
			seats = append(seats, st)
			held[n] = true
			continue
		}
		if all[i].Ended != "" && (in.holds || in.ps.hi < q.lo) { // superseded, or over
			if j := gone[n]; j < 0 || infos[j].ps.hi <= in.ps.hi {
				gone[n] = int32(i)
			}
		}
	}
	p.Seats = seats
	p.Ended = nil
	for i := range all {
		if n := pairOf[i]; n >= 0 && gone[n] == int32(i) && !held[n] {
			p.Ended = append(p.Ended, all[i])
		}
	}
}

// trackOn reports whether track t is in the picture on the days q, and
// sets what it is then: Upcoming, Status, Suspension, Possibly. asOf is the
// file's as_of, if it has one.
//
// A track is in the picture once it has (possibly) started; before that,
// as an upcoming track, from its announced date, and on and after the
// file's as_of (the file says what was known then). Its status moves back
// only, to what it must have been: an upcoming track that the file calls
// under way, suspended or concluded is planned; a concluded track before
// its end is under way; an under-way track during a suspension is
// suspended, and a suspended one outside its suspensions under way.
func trackOn(t *Track, q span, asOf *span) bool {
	t.Upcoming, t.Suspension, t.Possibly = false, nil, false
	announced := daysOf(t.Announced)
	byAnnounce := !t.Announced.IsZero() && announced.lo <= q.hi // possibly announced by the end of q
	surelyAnnounced := !t.Announced.IsZero() && announced.hi <= q.lo
	byAsOf := asOf != nil && asOf.lo <= q.hi
	surelyAsOf := asOf != nil && asOf.hi <= q.lo
	if !t.Start.IsZero() {
		start := daysOf(t.Start)
		switch {
		case q.hi < start.lo: // certainly before it starts
			if !byAnnounce && !byAsOf {
				return false
			}
			t.Upcoming = true
			t.Possibly = !surelyAnnounced && !surelyAsOf
		case q.lo < start.hi: // possibly started
			t.Possibly = !surelyAnnounced && !surelyAsOf
		}
	}
	switch st := t.Status; {
	case t.Upcoming:
		if st == StatusUnderWay || st == StatusSuspended || st == StatusConcluded {
			t.Status = StatusPlanned
		}
		return true
	case st == StatusConcluded && !t.End.IsZero() && q.hi < daysOf(t.End).lo:
		t.Status = StatusUnderWay
	}
	if st := t.Status; st != StatusUnderWay && st != StatusSuspended && st != "" {
		return true
	}
	for i := range t.Suspended {
		sp := &t.Suspended[i]
		c, ps := holding(sp.From, sp.To)
		switch {
		case c.covers(q):
			t.Status, t.Suspension = StatusSuspended, sp
			return true
		case ps.meets(q) && t.Suspension == nil:
			t.Suspension = sp
		}
	}
	switch {
	case t.Suspension != nil:
		t.Status, t.Possibly = StatusSuspended, true
	case t.Status == StatusSuspended && len(t.Suspended) > 0:
		t.Status = StatusUnderWay
	}
	return true
}
