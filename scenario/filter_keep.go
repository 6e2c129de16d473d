package scenario

import (
	"math"
	"slices"
	"strings"
	"time"
)

// What a Filter keeps, thing by thing: the keeper Select asks.

// keeper holds a filter's tests, prepared for one picture.
type keeper struct {
	p          *Picture
	f          Filter
	lo, hi     time.Time // the date range; zero times when open
	dated      bool      // a date range is set
	seatFilter bool      // roles, certainties or kinds narrow the seats

	focused    bool               // there are foci
	allSeats   map[string]bool    // tracks in focus with all their seats
	anySeat    map[string]bool    // actors in focus with all their seats (actors and the people who represent them)
	pairs      map[[2]string]bool // (track, actor) seats in focus (an event's actors at its track)
	eventTrack map[string]bool    // tracks of focused events: shown even without seats
	events     map[string]bool    // events in focus
	about      map[string]bool    // ids that statements about them are in focus for
}

func (p *Picture) keep(f Filter, foci []string) *keeper {
	k := &keeper{p: p, f: f, focused: len(foci) > 0,
		allSeats: map[string]bool{}, anySeat: map[string]bool{}, pairs: map[[2]string]bool{},
		eventTrack: map[string]bool{}, events: map[string]bool{}, about: map[string]bool{}}
	k.seatFilter = len(f.Roles) > 0 || len(f.Certainties) > 0 || len(f.Kinds) > 0
	if !f.From.IsZero() {
		k.lo, k.dated = f.From.Earliest(), true
	}
	if !f.To.IsZero() {
		k.hi, k.dated = f.To.Latest(), true
	}
	sc := p.Scenario
	for _, ref := range foci {
		kind, id, _ := strings.Cut(ref, ":")
		k.about[id] = true
		switch kind {
		case "track":
			k.allSeats[id] = true
		case "actor":
			k.anySeat[id] = true
			for _, a := range sc.Actors {
				if a.Kind == KindPerson && a.Represents == id {
					k.anySeat[a.ID] = true
					k.about[a.ID] = true
				}
			}
		case "event":
			k.events[id] = true
			for _, e := range sc.Events {
				if e.ID != id {
					continue
				}
				if e.Track != "" {
					k.eventTrack[e.Track] = true
				}
				for _, a := range e.Actors {
					k.pairs[[2]string{e.Track, a}] = true
				}
			}
		}
	}
	// Events at a focused track, and events a focused actor is in.
	for _, e := range sc.Events {
		if k.allSeats[e.Track] || slices.ContainsFunc(e.Actors, func(a string) bool { return k.anySeat[a] }) {
			k.events[e.ID] = true
		}
	}
	return k
}

// inRange reports whether a thing dated from start to end may fall in the
// range; with no range, everything is.
func (k *keeper) inRange(start, end Date) bool {
	if !k.dated {
		return true
	}
	lo, hi, ok := datesSpan(start, end)
	if !ok {
		return false
	}
	return (k.hi.IsZero() || !lo.After(k.hi)) && (k.lo.IsZero() || !hi.Before(k.lo))
}

// datesSpan is the days a thing dated from start to end may fall on: from the
// earliest day start may mean to the latest day end (or, without an end,
// start) may mean. A zero start with an end runs from the beginning of
// time; ok is false when both are zero.
func datesSpan(start, end Date) (lo, hi time.Time, ok bool) {
	switch {
	case start.IsZero() && end.IsZero():
		return time.Time{}, time.Time{}, false
	case start.IsZero():
		return time.Unix(math.MinInt32, 0).UTC(), end.Latest(), true
	case end.IsZero():
		return start.Earliest(), start.Latest(), true
	}
	return start.Earliest(), end.Latest(), true
}

func (k *keeper) kind(actor string) bool {
	if len(k.f.Kinds) == 0 {
		return true
	}
	a := k.p.Actor(actor)
	return a != nil && slices.Contains(k.f.Kinds, a.Kind)
}

func (k *keeper) certain(c Certainty) bool {
	if len(k.f.Certainties) == 0 {
		return true
	}
	if c == "" {
		c = Reported
	}
	return slices.Contains(k.f.Certainties, c)
}

// endOfTime stands for "still holds" in date ranges.
var endOfTime = Date{Year: 9999, Month: 12, Day: 31}

// seatSpan is when a seat holds: its own dates, else its track's.
func (k *keeper) seatSpan(st Seat) (Date, Date) {
	if !st.From.IsZero() || !st.To.IsZero() {
		if st.To.IsZero() {
			return st.From, endOfTime
		}
		return st.From, st.To
	}
	if t := k.p.Track(st.Track); t != nil {
		return t.Start, trackEnd(t)
	}
	return Date{}, Date{}
}

func (k *keeper) seat(st Seat) bool {
	if len(k.f.Roles) > 0 && !slices.Contains(k.f.Roles, st.Role) {
		return false
	}
	if !k.certain(st.Certainty) || !k.kind(st.Actor) {
		return false
	}
	if k.focused && !k.allSeats[st.Track] && !k.anySeat[st.Actor] && !k.pairs[[2]string{st.Track, st.Actor}] {
		return false
	}
	return k.inRange(k.seatSpan(st))
}

func (k *keeper) track(t *Track, hasSeats bool) bool {
	if hasSeats {
		return true // a seat kept keeps its track, whatever the track's own dates
	}
	if !k.inRange(t.Start, trackEnd(t)) {
		return false
	}
	if k.focused {
		return k.allSeats[t.ID] || k.eventTrack[t.ID]
	}
	// Narrowed to some seats: a track none of them is at is not shown.
	return !k.seatFilter
}

// trackEnd is a track's end for range checks: its end, or, for a track
// under way with no end, the end of time.
func trackEnd(t *Track) Date {
	if t.End.IsZero() && t.Status == StatusUnderWay {
		return endOfTime
	}
	return t.End
}

func (k *keeper) event(e *Event) bool {
	if k.focused && !k.events[e.ID] {
		return false
	}
	if !k.certain(e.Certainty) || !k.inRange(e.Date, Date{}) {
		return false
	}
	return len(k.f.Kinds) == 0 || slices.ContainsFunc(e.Actors, k.kind)
}

// StatementDate is when a statement was made: its own date, or that of
// the event or track it was made at (zero when none is known).
func (p *Picture) StatementDate(st *Statement) Date {
	if !st.Date.IsZero() {
		return st.Date
	}
	for i := range p.Scenario.Events {
		if e := &p.Scenario.Events[i]; e.ID == st.At {
			return e.Date
		}
	}
	if t := p.Track(st.At); t != nil {
		return t.Start
	}
	return Date{}
}

func (k *keeper) statement(st *Statement) bool {
	if !k.kind(st.Speaker) || !k.inRange(k.p.StatementDate(st), Date{}) {
		return false
	}
	if !k.focused {
		return true
	}
	if k.anySeat[st.Speaker] || k.allSeats[st.At] || k.events[st.At] {
		return true
	}
	return slices.ContainsFunc(st.About, func(id string) bool { return k.about[id] })
}

// Describe says in words what the filter keeps, for a view's heading:
// "Focus: Munich Security Conference · roles: participant, host ·
// 10 Feb 2025 to 20 Feb 2025"; "" for the zero filter.
func (s *Selection) Describe() string {
	var parts []string
	if len(s.Focus) > 0 {
		var names []string
		for _, ref := range s.Focus {
			names = append(names, s.refName(ref))
		}
		parts = append(parts, "Focus: "+strings.Join(names, ", "))
	}
	f := s.Filter
	list := func(one, many string, vals []string) {
		switch len(vals) {
		case 0:
		case 1:
			parts = append(parts, one+": "+vals[0])
		default:
			parts = append(parts, many+": "+strings.Join(vals, ", "))
		}
	}
	list("role", "roles", enumStrings(f.Roles))
	list("certainty", "certainties", enumStrings(f.Certainties))
	list("kind", "kinds", enumStrings(f.Kinds))
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, f.From.Human()+" to "+f.To.Human())
	case !f.From.IsZero():
		parts = append(parts, "from "+f.From.Human())
	case !f.To.IsZero():
		parts = append(parts, "up to "+f.To.Human())
	}
	return strings.Join(parts, " · ")
}

// refName is the name of what a ref names.
func (s *Selection) refName(ref string) string {
	kind, id, _ := strings.Cut(ref, ":")
	switch kind {
	case "actor":
		if a := s.Actor(id); a != nil {
			return a.Name
		}
	case "track":
		if t := s.Track(id); t != nil {
			return t.Name
		}
	case "event":
		for _, e := range s.Scenario.Events {
			if e.ID == id {
				return e.Title
			}
		}
	}
	return id
}
