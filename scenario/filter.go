package scenario

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
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
			var tk TrackKind
			if tk.UnmarshalText([]byte(val)) == nil {
				return fmt.Errorf("kind= keeps actors of a kind (%s); %q is a kind of track: to see one track, use -focus track:ID", strings.Join(enumStrings(ActorKinds), ", "), val)
			}
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
