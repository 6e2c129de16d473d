package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// How parley diff prints the changes scenario.Diff found: as lines for a
// reader (grouped by track, + gained, - lost, ~ changed, then a count) or
// as one JSON object with the values as a file writes them.

// writeDiffText writes the changes as lines for a reader: the two
// pictures, then each track with its changes, then the actors, then a
// count.
func writeDiffText(w *bytes.Buffer, sides [2]*side, ch *scenario.Changes) {
	fmt.Fprintf(w, "--- %s\n+++ %s\n", sides[0].label(), sides[1].label())
	old, new := sides[0].pic, sides[1].pic
	if ch.Empty() {
		w.WriteString("\nNo changes: the two pictures are the same.\n")
		return
	}
	for _, g := range groupByTrack(ch) {
		w.WriteByte('\n')
		t := g.track
		name := trackName(old, new, g.id)
		switch {
		case t == nil:
			fmt.Fprintf(w, "%s\n", name)
		case t.Change == scenario.Added:
			fmt.Fprintf(w, "+ track %s: %s\n", name, trackWords(t.New))
		case t.Change == scenario.Removed:
			fmt.Fprintf(w, "- track %s: %s\n", name, trackWords(t.Old))
		default:
			fmt.Fprintf(w, "~ track %s: %s\n", name, fieldWords(t.Fields))
		}
		for _, sc := range g.seats {
			switch sc.Change {
			case scenario.Added:
				fmt.Fprintf(w, "  + %s: %s\n", actorName(new, old, sc.Actor), seatWords(new, sc.New))
			case scenario.Removed:
				fmt.Fprintf(w, "  - %s: %s\n", actorName(old, new, sc.Actor), seatWords(old, sc.Old))
			default:
				fmt.Fprintf(w, "  ~ %s: %s\n", actorName(new, old, sc.Actor), fieldWords(sc.Fields))
			}
		}
	}
	if len(ch.Actors) > 0 {
		w.WriteString("\nActors\n")
		for _, ac := range ch.Actors {
			switch ac.Change {
			case scenario.Added:
				fmt.Fprintf(w, "  + %s: enters the picture\n", actorName(new, old, ac.ID))
			case scenario.Removed:
				fmt.Fprintf(w, "  - %s: leaves the picture\n", actorName(old, new, ac.ID))
			default:
				fmt.Fprintf(w, "  ~ %s: %s\n", actorName(new, old, ac.ID), fieldWords(ac.Fields))
			}
		}
	}
	fmt.Fprintf(w, "\n%s\n", countWords(ch))
}

// trackGroup is one track's changes: its own (nil when only its seats
// changed) and its seats'.
type trackGroup struct {
	id    string
	track *scenario.TrackChange
	seats []scenario.SeatChange
}

// groupByTrack groups the changes by track, in the order of Changes.Seats,
// tracks whose seats did not change where Changes.Tracks has them.
func groupByTrack(ch *scenario.Changes) []*trackGroup {
	var groups []*trackGroup
	byID := map[string]*trackGroup{}
	get := func(id string) *trackGroup {
		if g := byID[id]; g != nil {
			return g
		}
		g := &trackGroup{id: id}
		byID[id] = g
		groups = append(groups, g)
		return g
	}
	for i := range ch.Tracks {
		get(ch.Tracks[i].ID).track = &ch.Tracks[i]
	}
	for _, sc := range ch.Seats {
		g := get(sc.Track)
		g.seats = append(g.seats, sc)
	}
	return groups
}

// trackName is "Name [id]" from the first picture that has the track.
func trackName(a, b *scenario.Picture, id string) string {
	for _, p := range []*scenario.Picture{b, a} {
		if t := p.Track(id); t != nil && t.Name != "" {
			return fmt.Sprintf("%s [%s]", t.Name, id)
		}
	}
	return "[" + id + "]"
}

// actorName is "Label [id]" from the first picture that knows the actor.
func actorName(a, b *scenario.Picture, id string) string {
	for _, p := range []*scenario.Picture{a, b} {
		if x := p.Actor(id); x != nil {
			return fmt.Sprintf("%s [%s]", x.Label(), id)
		}
	}
	return "[" + id + "]"
}

// trackWords describes a track added or removed: kind, status, dates.
func trackWords(t *scenario.Track) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	add(string(t.Kind))
	add(string(t.Status))
	if t.Upcoming {
		add("upcoming")
	}
	if t.Possibly {
		add("possibly")
	}
	if !t.Start.IsZero() {
		add("start " + t.Start.String())
	}
	if !t.End.IsZero() {
		add("end " + t.End.String())
	}
	return strings.Join(parts, ", ")
}

// seatWords describes a seat gained or lost: its role and what qualifies it.
func seatWords(p *scenario.Picture, st *scenario.Seat) string {
	parts := []string{string(st.Role)}
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	add(string(st.Certainty))
	if st.Possibly {
		add("only possibly")
	}
	if !st.From.IsZero() {
		add("from " + st.From.String())
	}
	if !st.To.IsZero() {
		add("to " + st.To.String())
	}
	if st.Ended != "" {
		add("ended: " + string(st.Ended))
	}
	if st.ReplacedBy != "" {
		add("replaced by " + actorName(p, p, st.ReplacedBy))
	}
	if len(st.ClaimedBy) > 0 {
		add("claimed by " + strings.Join(st.ClaimedBy, ", "))
	}
	if len(st.InvitedBy) > 0 {
		add("invited by " + strings.Join(st.InvitedBy, ", "))
	}
	return strings.Join(parts, ", ")
}

// fieldWords describes changed keys: "role excluded → participant; to (none) → 1997-09-08".
func fieldWords(fs []scenario.FieldChange) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		switch {
		case f.Key == "possibly" && f.New != "":
			parts[i] = "now only possibly"
		case f.Key == "possibly":
			parts[i] = "now certainly"
		case f.Key == "upcoming" && f.New != "":
			parts[i] = "now upcoming"
		case f.Key == "upcoming":
			parts[i] = "no longer upcoming"
		case len(f.Added)+len(f.Removed) > 0 && f.Old != "" && f.New != "":
			var ch []string
			for _, a := range f.Added {
				ch = append(ch, "+"+a)
			}
			for _, r := range f.Removed {
				ch = append(ch, "-"+r)
			}
			parts[i] = f.Key + " " + strings.Join(ch, ", ")
		default:
			parts[i] = fmt.Sprintf("%s %s → %s", f.Key, orNone(f.Old), orNone(f.New))
		}
	}
	return strings.Join(parts, "; ")
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// countWords is the last line: "2 seats gained, 1 lost, 1 changed; 1 track changed."
func countWords(ch *scenario.Changes) string {
	tracks, seats, actors := ch.Counts()
	var parts []string
	add := func(n scenario.Count, noun, added, removed string) {
		if n.Total() == 0 {
			return
		}
		var ws []string
		for _, x := range []struct {
			n    int
			verb string
		}{{n.Added, added}, {n.Removed, removed}, {n.Changed, "changed"}} {
			if x.n > 0 {
				ws = append(ws, fmt.Sprintf("%d %s", x.n, x.verb))
			}
		}
		first := n.Added
		if first == 0 {
			first = n.Removed
		}
		if first == 0 {
			first = n.Changed
		}
		if first != 1 {
			noun += "s"
		}
		parts = append(parts, strings.Replace(strings.Join(ws, ", "), " ", " "+noun+" ", 1))
	}
	add(seats, "seat", "gained", "lost")
	add(tracks, "track", "added", "removed")
	add(actors, "actor", "added", "removed")
	return strings.Join(parts, "; ") + "."
}

// The JSON form: stable keys, every value as a file writes it.
type (
	diffJSON struct {
		Old    sideJSON    `json:"old"`
		New    sideJSON    `json:"new"`
		Equal  bool        `json:"equal"`
		Counts countsJSON  `json:"counts"`
		Tracks []trackJSON `json:"tracks"`
		Actors []actorJSON `json:"actors"`
	}
	sideJSON struct {
		File    string `json:"file"`
		Variant string `json:"variant"`
		AsOf    string `json:"as_of"`
	}
	countsJSON struct {
		Seats  countJSON `json:"seats"`
		Tracks countJSON `json:"tracks"`
		Actors countJSON `json:"actors"`
	}
	countJSON struct {
		Added   int `json:"added"`
		Removed int `json:"removed"`
		Changed int `json:"changed"`
	}
	trackJSON struct {
		ID     string         `json:"id"`
		Name   string         `json:"name"`
		Change string         `json:"change"` // "" when only its seats changed
		Old    map[string]any `json:"old,omitempty"`
		New    map[string]any `json:"new,omitempty"`
		Fields []fieldJSON    `json:"fields,omitempty"`
		Seats  []seatJSON     `json:"seats"`
	}
	seatJSON struct {
		Actor  string         `json:"actor"`
		Name   string         `json:"name"`
		Change string         `json:"change"`
		Old    map[string]any `json:"old,omitempty"`
		New    map[string]any `json:"new,omitempty"`
		Fields []fieldJSON    `json:"fields,omitempty"`
	}
	actorJSON struct {
		ID     string      `json:"id"`
		Name   string      `json:"name"`
		Change string      `json:"change"`
		Fields []fieldJSON `json:"fields,omitempty"`
	}
	fieldJSON struct {
		Key     string   `json:"key"`
		Old     string   `json:"old"`
		New     string   `json:"new"`
		Added   []string `json:"added,omitempty"`
		Removed []string `json:"removed,omitempty"`
	}
)

func writeDiffJSON(w *bytes.Buffer, sides [2]*side, ch *scenario.Changes) {
	old, new := sides[0].pic, sides[1].pic
	sj := func(sd *side) sideJSON {
		v := ""
		if sd.pic.Variant != nil {
			v = sd.pic.Variant.ID
		}
		return sideJSON{File: sd.file, Variant: v, AsOf: sd.pic.AsOf.String()}
	}
	tc, sc, ac := ch.Counts()
	cj := func(n scenario.Count) countJSON { return countJSON{n.Added, n.Removed, n.Changed} }
	out := diffJSON{Old: sj(sides[0]), New: sj(sides[1]), Equal: ch.Empty(),
		Counts: countsJSON{Seats: cj(sc), Tracks: cj(tc), Actors: cj(ac)},
		Tracks: []trackJSON{}, Actors: []actorJSON{}}
	for _, g := range groupByTrack(ch) {
		tj := trackJSON{ID: g.id, Seats: []seatJSON{}}
		if t := firstTrack(new, old, g.id); t != nil {
			tj.Name = t.Name
		}
		if g.track != nil {
			tj.Change, tj.Fields = string(g.track.Change), fieldsJSON(g.track.Fields)
			tj.Old, tj.New = keysOf(g.track.Old), keysOf(g.track.New)
		}
		for _, s := range g.seats {
			pic := new
			if s.Change == scenario.Removed {
				pic = old
			}
			name := ""
			if a := pic.Actor(s.Actor); a != nil {
				name = a.Name
			}
			tj.Seats = append(tj.Seats, seatJSON{Actor: s.Actor, Name: name, Change: string(s.Change),
				Old: keysOf(s.Old), New: keysOf(s.New), Fields: fieldsJSON(s.Fields)})
		}
		out.Tracks = append(out.Tracks, tj)
	}
	for _, a := range ch.Actors {
		x := a.New
		if x == nil {
			x = a.Old
		}
		name := ""
		if x != nil {
			name = x.Name
		}
		out.Actors = append(out.Actors, actorJSON{ID: a.ID, Name: name, Change: string(a.Change), Fields: fieldsJSON(a.Fields)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out) // writes to a buffer: cannot fail
}

func firstTrack(a, b *scenario.Picture, id string) *scenario.Track {
	if t := a.Track(id); t != nil {
		return t
	}
	return b.Track(id)
}

func fieldsJSON(fs []scenario.FieldChange) []fieldJSON {
	var out []fieldJSON
	for _, f := range fs {
		out = append(out, fieldJSON{f.Key, f.Old, f.New, f.Added, f.Removed})
	}
	return out
}

// keysOf is a track or seat as its file's keys with values (lists as
// lists), and "possibly"/"upcoming" when they are true; nil for nil.
func keysOf[T any](x *T) map[string]any {
	if x == nil {
		return nil
	}
	m := map[string]any{}
	v := reflect.ValueOf(x).Elem()
	for i := range v.NumField() {
		sf, f := v.Type().Field(i), v.Field(i)
		key := sf.Tag.Get("toml")
		switch {
		case key == "-" && (sf.Name == "Possibly" || sf.Name == "Upcoming") && f.Bool():
			m[strings.ToLower(sf.Name)] = true
		case key == "-" || key == "" || f.IsZero() || (f.Kind() == reflect.Slice && f.Len() == 0):
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			m[key] = f.Interface()
		case f.Kind() == reflect.Slice:
			var list []string
			for j := range f.Len() {
				list = append(list, fmt.Sprint(f.Index(j).Interface()))
			}
			m[key] = list
		default:
			m[key] = fmt.Sprint(f.Interface())
		}
	}
	return m
}
