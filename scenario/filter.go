package scenario

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Focus and filters: the part of a picture a reader asks to see.
//
// A Filter is read from the command line's -focus and -filter values
// (ParseFilter) or built by the window, and applied to a resolved Picture
// (Picture.Select), which gives a Selection: the picture's tracks, seats,
// actors, events and statements that pass. Every view draws a Selection,
// so focus and filters mean the same in all of them.

// Filter says which part of a picture to show. The zero Filter keeps
// everything.
type Filter struct {
	// Focus are the things to centre on, each "track:ID", "actor:ID",
	// "event:ID" or a bare id (or an actor's name or short label, or the
	// unique start of an id): a track and its seats, events and
	// statements; an actor, the people who represent it, their seats,
	// tracks, events and statements, and statements about it; an event,
	// its actors, their seats at its track, and statements at it. Several
	// foci show all of them.
	Focus []string
	// Roles keeps only seats of these roles.
	Roles []Role
	// Certainties keeps only seats and events of these certainties; an
	// unstated certainty counts as reported, as the views draw it.
	Certainties []Certainty
	// Kinds keeps only actors of these kinds, and seats, statements and
	// events of such actors.
	Kinds []ActorKind
	// From and To keep what may happen in this range (either may be
	// zero: open). A thing is in range when the days its dates may mean
	// overlap the days the range may mean (see Date.Earliest, Latest);
	// undated things are left out of a date range.
	From, To Date
}

// FilterKeys are the keys of -filter, in the order the usage lists them.
var FilterKeys = []string{"role", "certainty", "kind", "from", "to"}

// IsZero reports whether f keeps everything.
func (f Filter) IsZero() bool {
	return len(f.Focus) == 0 && len(f.Roles) == 0 && len(f.Certainties) == 0 && len(f.Kinds) == 0 &&
		f.From.IsZero() && f.To.IsZero()
}

// String is f in the command line's syntax, one -focus or -filter value
// per element: ParseFilter of them gives f back.
func (f Filter) String() string {
	var parts []string
	for _, x := range f.Focus {
		parts = append(parts, "-focus "+x)
	}
	for _, kv := range f.filterValues() {
		parts = append(parts, "-filter "+kv)
	}
	return strings.Join(parts, " ")
}

func (f Filter) filterValues() []string {
	var out []string
	add := func(key string, vals []string) {
		if len(vals) > 0 {
			out = append(out, key+"="+strings.Join(vals, ","))
		}
	}
	add("role", enumStrings(f.Roles))
	add("certainty", enumStrings(f.Certainties))
	add("kind", enumStrings(f.Kinds))
	if !f.From.IsZero() {
		out = append(out, "from="+f.From.String())
	}
	if !f.To.IsZero() {
		out = append(out, "to="+f.To.String())
	}
	return out
}

func enumStrings[T ~string](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// ParseFilter reads the values of the command line's -focus and -filter
// flags. A -focus value is one or more comma-separated foci (see
// Filter.Focus). A -filter value is comma-separated KEY=VALUE items, where
// an item without "=" is one more value of the key before it:
// "role=participant,host", "certainty=confirmed,reported", "kind=state",
// "from=2025-02-10,to=2025-02-20". Values of a key given twice add up;
// from and to may be given once. Every problem is reported, with the
// allowed keys and values and a suggestion for a typo.
func ParseFilter(focus, filters []string) (Filter, error) {
	var f Filter
	var errs []string
	for _, v := range focus {
		for _, x := range strings.Split(v, ",") {
			x = strings.TrimSpace(x)
			if x == "" {
				errs = append(errs, fmt.Sprintf("-focus %q: an empty focus; write an id, track:ID, actor:ID or event:ID", v))
				continue
			}
			if kind, id, ok := strings.Cut(x, ":"); ok {
				if !slices.Contains(focusKinds, kind) {
					msg := fmt.Sprintf("-focus %q: unknown kind %q", x, kind)
					if c := closest(kind, focusKinds); c != "" {
						msg += fmt.Sprintf("; did you mean %q?", c)
					}
					errs = append(errs, msg+" (write track:ID, actor:ID, event:ID or a bare id)")
					continue
				}
				if id == "" {
					errs = append(errs, fmt.Sprintf("-focus %q: no id after %q", x, kind+":"))
					continue
				}
			}
			if !slices.Contains(f.Focus, x) {
				f.Focus = append(f.Focus, x)
			}
		}
	}
	seen := map[string]bool{}
	for _, v := range filters {
		key := ""
		for _, item := range strings.Split(v, ",") {
			item = strings.TrimSpace(item)
			k, val, hasKey := strings.Cut(item, "=")
			if hasKey {
				key = canonicalKey(strings.ToLower(strings.TrimSpace(k)))
				val = strings.TrimSpace(val)
				if !slices.Contains(FilterKeys, key) {
					msg := fmt.Sprintf("-filter %q: unknown key %q", v, strings.TrimSpace(k))
					if c := closest(key, FilterKeys); c != "" {
						msg += fmt.Sprintf("; did you mean %q?", c)
					}
					errs = append(errs, msg+" (keys: "+strings.Join(FilterKeys, ", ")+")")
					key = "?"
					continue
				}
				if (key == "from" || key == "to") && seen[key] {
					errs = append(errs, fmt.Sprintf("-filter %q: %s is given twice", v, key))
					continue
				}
				seen[key] = true
			} else {
				val = item
			}
			switch {
			case key == "?":
				continue // the key's problem is reported already
			case key == "":
				errs = append(errs, fmt.Sprintf("-filter %q: write KEY=VALUE, e.g. role=participant (keys: %s)", v, strings.Join(FilterKeys, ", ")))
				key = "?"
				continue
			case val == "":
				errs = append(errs, fmt.Sprintf("-filter %q: %s has an empty value", v, key))
				continue
			}
			if err := f.set(key, val); err != nil {
				errs = append(errs, fmt.Sprintf("-filter %q: %v", v, err))
			}
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		errs = append(errs, fmt.Sprintf("-filter: to=%s is before from=%s", f.To, f.From))
	}
	if len(errs) > 0 {
		return Filter{}, errors.New("scenario: " + strings.Join(errs, "; "))
	}
	return f, nil
}

var focusKinds = []string{"track", "actor", "event"}

// canonicalKey accepts the plural of a key too (roles=...).
func canonicalKey(k string) string {
	switch k {
	case "roles":
		return "role"
	case "certainties":
		return "certainty"
	case "kinds":
		return "kind"
	}
	return k
}

func (f *Filter) set(key, val string) error {
	switch key {
	case "role":
		var r Role
		if err := r.UnmarshalText([]byte(val)); err != nil {
			return err
		}
		f.Roles = appendOnce(f.Roles, r)
	case "certainty":
		var c Certainty
		if err := c.UnmarshalText([]byte(val)); err != nil {
			return err
		}
		f.Certainties = appendOnce(f.Certainties, c)
	case "kind":
		var k ActorKind
		if err := k.UnmarshalText([]byte(val)); err != nil {
			return err
		}
		f.Kinds = appendOnce(f.Kinds, k)
	case "from", "to":
		d, err := ParseDate(val)
		if err != nil {
			return fmt.Errorf("%s: %v", key, err)
		}
		if key == "from" {
			f.From = d
		} else {
			f.To = d
		}
	}
	return nil
}

func appendOnce[T comparable](list []T, v T) []T {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// Selection is what a Filter leaves of a Picture. Its Picture holds only
// the tracks and seats (and ended seats) that pass, in the picture's
// order, but its Actor,
// Track and Source still find every actor, track and source of the
// picture, so that names of things outside the selection (who claims a
// seat, where a statement was made) can still be given.
type Selection struct {
	*Picture
	// Filter is the filter that made it.
	Filter Filter
	// Actors are the actors it shows, in file order: with a focus or a
	// role or certainty filter, those taking part in what is kept (and
	// the focused actors); otherwise every actor (of the kinds asked for).
	Actors []*Actor
	// Events and Statements are those that pass, in file order.
	Events     []*Event
	Statements []*Statement
	// Focus are the foci as refs ("track:ID", "actor:ID", "event:ID").
	Focus []string

	shown map[string]bool // refs of everything kept
}

// Has reports whether the selection keeps the thing with this ref:
// "actor:ID", "track:ID", "event:ID" or "statement:ID".
func (s *Selection) Has(ref string) bool { return s.shown[ref] }

// Focused reports whether ref is one of the foci.
func (s *Selection) Focused(ref string) bool { return slices.Contains(s.Focus, ref) }

// Select applies f to the picture. It fails only on a focus that names
// nothing in the picture (with a suggestion) or names two things.
func (p *Picture) Select(f Filter) (*Selection, error) {
	sel := &Selection{Filter: f, shown: map[string]bool{}}
	foci, err := p.resolveFocus(f.Focus)
	if err != nil {
		return nil, err
	}
	sel.Focus = foci
	k := p.keep(f, foci)

	np := *p // keeps whatever else a Picture holds
	np.Tracks, np.Seats = nil, nil
	for _, st := range p.Seats {
		if k.seat(st) {
			np.Seats = append(np.Seats, st)
			sel.shown["actor:"+st.Actor] = true
		}
	}
	if p.Ended != nil {
		// Seats that ended by the picture's day pass the same tests.
		np.Ended = []Seat{}
		for _, st := range p.Ended {
			if k.seat(st) {
				np.Ended = append(np.Ended, st)
			}
		}
	}
	seated := map[string]bool{}
	for _, st := range np.Seats {
		seated[st.Track] = true
	}
	for _, t := range p.Tracks {
		if k.track(&t, seated[t.ID]) {
			np.Tracks = append(np.Tracks, t)
			sel.shown["track:"+t.ID] = true
		}
	}
	sel.Picture = &np
	sc := p.Scenario
	for i := range sc.Events {
		e := &sc.Events[i]
		if k.event(e) {
			sel.Events = append(sel.Events, e)
			sel.shown["event:"+e.ID] = true
			for _, a := range e.Actors {
				sel.shown["actor:"+a] = true
			}
		}
	}
	for i := range sc.Statements {
		st := &sc.Statements[i]
		if k.statement(st) {
			sel.Statements = append(sel.Statements, st)
			sel.shown["statement:"+st.ID] = true
			sel.shown["actor:"+st.Speaker] = true
		}
	}
	for a := range k.anySeat {
		sel.shown["actor:"+a] = true
	}
	involvedOnly := len(foci) > 0 || len(f.Roles) > 0 || len(f.Certainties) > 0
	for i := range sc.Actors {
		a := &sc.Actors[i]
		if !k.kind(a.ID) {
			delete(sel.shown, "actor:"+a.ID)
			continue
		}
		if involvedOnly && !sel.shown["actor:"+a.ID] {
			continue
		}
		sel.shown["actor:"+a.ID] = true
		sel.Actors = append(sel.Actors, a)
	}
	return sel, nil
}

// resolveFocus turns each focus into a ref.
func (p *Picture) resolveFocus(focus []string) ([]string, error) {
	var refs, errs []string
	for _, x := range focus {
		ref, err := p.focusRef(x)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		refs = appendOnce(refs, ref)
	}
	if len(errs) > 0 {
		return nil, errors.New("scenario: " + strings.Join(errs, "; "))
	}
	return refs, nil
}

// focusRef finds what a focus names: by kind and id, by bare id, by an
// actor's name or short label, or by the unique start of an id.
func (p *Picture) focusRef(x string) (string, error) {
	sc := p.Scenario
	kind, id, typed := strings.Cut(x, ":")
	if !typed {
		kind, id = "", x
	}
	type cand struct{ kind, id, name string }
	var all []cand
	if kind == "" || kind == "actor" {
		for _, a := range sc.Actors {
			all = append(all, cand{"actor", a.ID, a.Name}, cand{"actor", a.ID, a.Short})
		}
	}
	if kind == "" || kind == "track" {
		for _, t := range p.Tracks {
			all = append(all, cand{"track", t.ID, t.Name})
		}
	}
	if kind == "" || kind == "event" {
		for _, e := range sc.Events {
			all = append(all, cand{"event", e.ID, e.Title})
		}
	}
	match := func(ok func(c cand) bool) []string {
		var refs []string
		for _, c := range all {
			if ok(c) {
				refs = appendOnce(refs, c.kind+":"+c.id)
			}
		}
		return refs
	}
	for _, try := range []func(c cand) bool{
		func(c cand) bool { return c.id == id },
		func(c cand) bool { return c.name != "" && strings.EqualFold(c.name, id) },
		func(c cand) bool { return strings.HasPrefix(c.id, id) },
	} {
		switch refs := match(try); len(refs) {
		case 0:
			continue
		case 1:
			return refs[0], nil
		default:
			return "", fmt.Errorf("focus %q may mean %s: write one of them", x, joinWords(quoteAll(refs), "or"))
		}
	}
	what := "actor, track or event"
	if typed {
		what = kind
	}
	msg := fmt.Sprintf("focus %q: no %s has this id", x, what)
	if typed && kind == "track" {
		for _, t := range sc.Tracks {
			if t.ID == id && p.Track(id) == nil {
				return "", fmt.Errorf("focus %q: the variant %q removes this track", x, p.Variant.ID)
			}
		}
	}
	var ids []string
	for _, c := range all {
		ids = appendOnce(ids, c.id)
	}
	if c := closest(id, ids); c != "" {
		ref := match(func(cd cand) bool { return cd.id == c })[0]
		msg += fmt.Sprintf("; did you mean %q?", ref)
	} else if len(ids) <= 8 && len(ids) > 0 {
		msg += " (there are: " + strings.Join(quoteAll(ids), ", ") + ")"
	}
	return "", errors.New(msg)
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}

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
