package scenario

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Comparing two pictures: Diff says what changed from one to another (the
// base and a variant, one day and another, one file and another), as data
// that the command line prints and a view can draw.
//
// Things are matched by identity: tracks and actors by id, seats by track
// and actor and then role. A seat whose role changed is one seat Changed,
// not one Removed and one Added: at each track, an actor's seats of the
// same role are paired first, then the rest in role order, and only what
// is left over was gained or lost.

// Change is how one thing differs between two pictures.
type Change string

// Changes of a thing.
const (
	Added   Change = "added"   // only in the new picture
	Removed Change = "removed" // only in the old picture
	Changed Change = "changed" // in both, with Fields different
)

// FieldChange is one key whose value differs.
type FieldChange struct {
	Key string // the key as a file writes it ("role", "to"), or "possibly", "upcoming"
	// Old and New are the values as a file writes them, "" when unset; a
	// list's elements are joined by ", ".
	Old, New string
	// Added and Removed are, for a list, the elements only in New and
	// only in Old.
	Added, Removed []string
}

// TrackChange is a track added, removed or changed.
type TrackChange struct {
	Change   Change
	ID       string
	Old, New *Track // nil when Added, Removed
	Fields   []FieldChange
}

// SeatChange is a seat gained (Added), lost (Removed) or Changed: its
// role, certainty, dates or any other key, or whether it holds only
// possibly.
type SeatChange struct {
	Change       Change
	Track, Actor string
	Old, New     *Seat // nil when Added, Removed
	Fields       []FieldChange
}

// ActorChange is an actor that enters the picture (Added: it holds a seat
// in the new picture and none in the old), leaves it (Removed), or is in
// both and is written differently (Changed: between two files).
type ActorChange struct {
	Change   Change
	ID       string
	Old, New *Actor
	Fields   []FieldChange
}

// Changes is what Diff found. Tracks and Seats follow the new picture's
// order, with what only the old picture has after; seats are grouped by
// track, in the order of the tracks of both pictures, and by actor.
type Changes struct {
	Tracks []TrackChange
	Seats  []SeatChange
	Actors []ActorChange
}

// Empty reports whether the two pictures are the same.
func (c *Changes) Empty() bool { return len(c.Tracks)+len(c.Seats)+len(c.Actors) == 0 }

// Count is how many changes of each kind there are.
type Count struct{ Added, Removed, Changed int }

// Total is the number of changes counted.
func (n Count) Total() int { return n.Added + n.Removed + n.Changed }

func (n *Count) add(c Change) {
	switch c {
	case Added:
		n.Added++
	case Removed:
		n.Removed++
	case Changed:
		n.Changed++
	}
}

// Counts counts the changes of tracks, seats and actors.
func (c *Changes) Counts() (tracks, seats, actors Count) {
	for _, t := range c.Tracks {
		tracks.add(t.Change)
	}
	for _, s := range c.Seats {
		seats.add(s.Change)
	}
	for _, a := range c.Actors {
		actors.add(a.Change)
	}
	return tracks, seats, actors
}

// Diff compares two pictures, old and new, which may come from different
// scenarios.
func Diff(old, new *Picture) *Changes {
	c := &Changes{}
	order := trackOrder(old, new)
	for _, id := range order {
		o, n := old.Track(id), new.Track(id)
		switch {
		case o == nil:
			c.Tracks = append(c.Tracks, TrackChange{Change: Added, ID: id, New: n})
		case n == nil:
			c.Tracks = append(c.Tracks, TrackChange{Change: Removed, ID: id, Old: o})
		case !sameTrack(o, n):
			if fs := fieldChanges(reflect.ValueOf(*o), reflect.ValueOf(*n), "id"); len(fs) > 0 {
				c.Tracks = append(c.Tracks, TrackChange{Change: Changed, ID: id, Old: o, New: n, Fields: fs})
			}
		}
	}
	c.Seats = diffSeats(old, new, order)
	c.Actors = diffActors(old, new)
	return c
}

// trackOrder is the ids of the tracks of new, then those only in old, then
// the tracks only seats name (none in a valid picture).
func trackOrder(old, new *Picture) []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, t := range new.Tracks {
		add(t.ID)
	}
	for _, t := range old.Tracks {
		add(t.ID)
	}
	for _, st := range new.Seats {
		add(st.Track)
	}
	for _, st := range old.Seats {
		add(st.Track)
	}
	return ids
}

func diffSeats(old, new *Picture, tracks []string) []SeatChange {
	type pair struct{ track, actor string }
	group := func(seats []Seat, order *[]pair, seen map[pair]bool) map[pair][]*Seat {
		m := map[pair][]*Seat{}
		for i := range seats {
			k := pair{seats[i].Track, seats[i].Actor}
			m[k] = append(m[k], &seats[i])
			if !seen[k] {
				seen[k] = true
				*order = append(*order, k)
			}
		}
		return m
	}
	var pairs []pair
	seen := map[pair]bool{}
	ns := group(new.Seats, &pairs, seen)
	os := group(old.Seats, &pairs, seen)
	byTrack := map[string][]pair{}
	for _, k := range pairs {
		byTrack[k.track] = append(byTrack[k.track], k)
	}
	var out []SeatChange
	for _, t := range tracks {
		for _, k := range byTrack[t] {
			out = append(out, pairSeats(k.track, k.actor, os[k], ns[k])...)
		}
	}
	return out
}

// pairSeats compares one actor's seats at one track: the same roles
// first, then the rest in role order, changed; what is left is gained or
// lost.
func pairSeats(track, actor string, old, new []*Seat) []SeatChange {
	var out []SeatChange
	usedOld := make([]bool, len(old))
	usedNew := make([]bool, len(new))
	compare := func(o, n *Seat) {
		if sameSeat(o, n) {
			return
		}
		if fs := fieldChanges(reflect.ValueOf(*o), reflect.ValueOf(*n), "track", "actor"); len(fs) > 0 {
			out = append(out, SeatChange{Change: Changed, Track: track, Actor: actor, Old: o, New: n, Fields: fs})
		}
	}
	for j, n := range new {
		for i, o := range old {
			if !usedOld[i] && o.Role == n.Role {
				usedOld[i], usedNew[j] = true, true
				compare(o, n)
				break
			}
		}
	}
	byRank := func(seats []*Seat, used []bool) []int {
		var idx []int
		for i := range seats {
			if !used[i] {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(a, b int) int { return seats[a].Role.Rank() - seats[b].Role.Rank() })
		return idx
	}
	restOld, restNew := byRank(old, usedOld), byRank(new, usedNew)
	for len(restOld) > 0 && len(restNew) > 0 {
		compare(old[restOld[0]], new[restNew[0]])
		restOld, restNew = restOld[1:], restNew[1:]
	}
	for _, j := range restNew {
		out = append(out, SeatChange{Change: Added, Track: track, Actor: actor, New: new[j]})
	}
	for _, i := range restOld {
		out = append(out, SeatChange{Change: Removed, Track: track, Actor: actor, Old: old[i]})
	}
	return out
}

// diffActors compares the actors with a seat in either picture, in the
// order of their first seat (new picture first).
func diffActors(old, new *Picture) []ActorChange {
	seated := func(p *Picture) map[string]bool {
		m := map[string]bool{}
		for _, st := range p.Seats {
			m[st.Actor] = true
		}
		return m
	}
	inOld, inNew := seated(old), seated(new)
	var out []ActorChange
	seen := map[string]bool{}
	for _, seats := range [][]Seat{new.Seats, old.Seats} {
		for _, st := range seats {
			id := st.Actor
			if seen[id] {
				continue
			}
			seen[id] = true
			o, n := old.Actor(id), new.Actor(id)
			switch {
			case !inOld[id]:
				out = append(out, ActorChange{Change: Added, ID: id, New: n})
			case !inNew[id]:
				out = append(out, ActorChange{Change: Removed, ID: id, Old: o})
			case o != nil && n != nil && !sameActor(o, n):
				if fs := fieldChanges(reflect.ValueOf(*o), reflect.ValueOf(*n), "id"); len(fs) > 0 {
					out = append(out, ActorChange{Change: Changed, ID: id, Old: o, New: n, Fields: fs})
				}
			}
		}
	}
	return out
}

// pictureKeys are the fields Resolve sets that a diff compares, by their
// names in the picture; the rest of a struct's fields are compared by
// their toml keys.
var pictureKeys = map[string]string{"Possibly": "possibly", "Upcoming": "upcoming"}

// fieldChanges compares two structs of the same type key by key, leaving
// out the keys skip.
func fieldChanges(a, b reflect.Value, skip ...string) []FieldChange {
	var out []FieldChange
	t := a.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		key := sf.Tag.Get("toml")
		if key == "-" {
			key = pictureKeys[sf.Name]
		}
		if key == "" || slices.Contains(skip, key) || equalValue(a.Field(i), b.Field(i)) {
			continue
		}
		x, y := a.Field(i), b.Field(i)
		fc := FieldChange{Key: key}
		if x.Kind() == reflect.Slice {
			xs, ys := elemTexts(x), elemTexts(y)
			fc.Old, fc.New = strings.Join(xs, ", "), strings.Join(ys, ", ")
			fc.Added, fc.Removed = missing(ys, xs), missing(xs, ys)
		} else {
			fc.Old, fc.New = valueText(x), valueText(y)
		}
		out = append(out, fc)
	}
	return out
}

// valueText is a scalar as a file writes it ("" for the zero value).
func valueText(v reflect.Value) string {
	switch {
	case v.Kind() == reflect.Bool:
		if v.Bool() {
			return "true"
		}
		return ""
	case v.Type() == dateType:
		return v.Interface().(Date).String()
	case v.Kind() == reflect.String:
		return v.String()
	}
	return fmt.Sprint(v.Interface())
}

// elemTexts are a list's elements as text: strings as they are, tables
// as they read (a suspension's String) or in their canonical form.
func elemTexts(v reflect.Value) []string {
	out := make([]string, v.Len())
	for i := range out {
		e := v.Index(i)
		switch x := e.Interface().(type) {
		case string:
			out[i] = x
		case fmt.Stringer:
			out[i] = x.String()
		default:
			var enc encoder
			if err := enc.table(nil, e); err == nil {
				out[i] = strings.Join(strings.Fields(strings.ReplaceAll(enc.buf.String(), "\n", ", ")), " ")
				out[i] = strings.TrimSuffix(out[i], ",")
			} else {
				out[i] = fmt.Sprint(x)
			}
		}
	}
	return out
}

// missing is the elements of a not in b, in a's order.
func missing(a, b []string) []string {
	in := make(map[string]int, len(b))
	for _, s := range b {
		in[s]++
	}
	var out []string
	for _, s := range a {
		if in[s] > 0 {
			in[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}

// sameSeat, sameTrack and sameActor are fieldChanges(a, b) == nil without
// reflection: most of what two pictures hold is the same, and a diff of
// thousands of seats should cost little more than a look at each.
// TestSameCoversEveryField keeps them complete.
func sameSeat(a, b *Seat) bool {
	return a.Track == b.Track && a.Actor == b.Actor && a.Role == b.Role && a.Certainty == b.Certainty &&
		slices.Equal(a.ClaimedBy, b.ClaimedBy) && slices.Equal(a.InvitedBy, b.InvitedBy) && slices.Equal(a.Sources, b.Sources) &&
		a.Note == b.Note && a.From == b.From && a.To == b.To && a.Ended == b.Ended && a.ReplacedBy == b.ReplacedBy &&
		a.Possibly == b.Possibly
}

func sameTrack(a, b *Track) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Kind == b.Kind && a.Venue == b.Venue && a.Announced == b.Announced &&
		a.Start == b.Start && a.End == b.End && a.When == b.When && a.Status == b.Status && a.Certainty == b.Certainty &&
		slices.Equal(a.Sources, b.Sources) && a.Note == b.Note && a.Upcoming == b.Upcoming && a.Possibly == b.Possibly &&
		slices.EqualFunc(a.Suspended, b.Suspended, func(x, y Suspension) bool {
			return x.From == y.From && x.To == y.To && x.Reason == y.Reason && slices.Equal(x.Sources, y.Sources)
		})
}

func sameActor(a, b *Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Short == b.Short && a.Kind == b.Kind && a.ISO == b.ISO &&
		a.Wikidata == b.Wikidata && a.Office == b.Office && a.OfficeFrom == b.OfficeFrom && a.OfficeTo == b.OfficeTo &&
		a.Represents == b.Represents && slices.Equal(a.Memberships, b.Memberships) && a.Note == b.Note
}
