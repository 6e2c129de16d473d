package describe

import (
	"fmt"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// What a variant changes, one sentence per track or seat, from
// scenario.Diff of the base and the variant on the same day.

// roleDoing says a role as a participle: "taking part in".
var roleDoing = map[scenario.Role]string{
	scenario.RoleConvener:    "convening",
	scenario.RoleHost:        "hosting",
	scenario.RoleChair:       "chairing",
	scenario.RoleMediator:    "mediating",
	scenario.RoleFacilitator: "facilitating",
	scenario.RoleGuarantor:   "guaranteeing",
	scenario.RoleParticipant: "taking part in",
	scenario.RoleSignatory:   "signing",
	scenario.RoleWitness:     "witnessing",
	scenario.RoleObserver:    "observing",
	scenario.RoleInvited:     "invited to",
	scenario.RoleExcluded:    "excluded from",
}

func (w *writer) changes(base *scenario.Picture, ch *scenario.Changes) []string {
	if ch.Empty() {
		return []string{"Nothing: on this day the variant draws the same as the base."}
	}
	// Names come from whichever picture has the thing.
	bw := &writer{pic: base, cited: w.cited, order: w.order}
	defer func() { w.order = bw.order }()
	trackOf := func(id string) string {
		if t := w.pic.Track(id); t != nil {
			return trackName(t)
		}
		if t := base.Track(id); t != nil {
			return trackName(t)
		}
		return id
	}
	var out []string
	for _, tc := range ch.Tracks {
		switch tc.Change {
		case scenario.Added:
			out = append(out, fmt.Sprintf("Adds the track %s (%s).", trackName(tc.New), bw.trackAbout(tc.New)))
		case scenario.Removed:
			out = append(out, fmt.Sprintf("Removes the track %s, and every seat at it.", trackName(tc.Old)))
		default:
			out = append(out, fmt.Sprintf("Changes the track %s: %s.", trackName(tc.New), bw.fieldWords(tc.Fields)))
		}
	}
	for _, sc := range ch.Seats {
		switch sc.Change {
		case scenario.Added:
			st := sc.New
			out = append(out, fmt.Sprintf("Adds a seat: %s, %s %s (%s).", bw.anyName(w.pic, st.Actor), doing(st.Role), trackOf(st.Track),
				bw.attribution(st.Certainty, st.ClaimedBy, st.InvitedBy, st.Sources)))
		case scenario.Removed:
			st := sc.Old
			out = append(out, fmt.Sprintf("Removes a seat: %s, %s %s in the base.", bw.anyName(base, st.Actor), doing(st.Role), trackOf(st.Track)))
		default:
			out = append(out, fmt.Sprintf("Changes a seat: %s at %s: %s.", bw.anyName(w.pic, sc.Actor), trackOf(sc.Track), bw.fieldWords(sc.Fields)))
		}
	}
	return out
}

func doing(r scenario.Role) string {
	if s := roleDoing[r]; s != "" {
		return s
	}
	return "seated at"
}

// anyName is an actor's full name from pic, else from the writer's picture.
func (w *writer) anyName(pic *scenario.Picture, id string) string {
	if a := pic.Actor(id); a != nil {
		return fullName(a)
	}
	if a := w.pic.Actor(id); a != nil {
		return fullName(a)
	}
	return id
}

// trackAbout is a track's kind, venue, dates and status, for a track a
// variant adds.
func (w *writer) trackAbout(t *scenario.Track) string {
	return w.track(t, true).About
}

// fieldWords says what changed, key by key: "role participant →
// excluded; certainty claimed → speculative".
func (w *writer) fieldWords(fs []scenario.FieldChange) string {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		key := strings.ReplaceAll(f.Key, "_", " ")
		old, new := w.value(f.Key, f.Old), w.value(f.Key, f.New)
		switch f.Key {
		case "possibly":
			if f.New != "" {
				parts = append(parts, "now holds only possibly on this day")
			} else {
				parts = append(parts, "now holds on this day for certain")
			}
		case "upcoming":
			if f.New != "" {
				parts = append(parts, "now not yet begun on this day")
			} else {
				parts = append(parts, "now begun by this day")
			}
		case "note", "summary":
			parts = append(parts, "a different "+key)
		default:
			parts = append(parts, fmt.Sprintf("%s %s → %s", key, old, new))
		}
	}
	return strings.Join(parts, "; ")
}

// value is a changed key's value in words: names for actor and source
// ids, "none" when unset.
func (w *writer) value(key, v string) string {
	if v == "" {
		return "none"
	}
	switch key {
	case "claimed_by", "invited_by", "replaced_by":
		var names []string
		for _, id := range strings.Split(v, ", ") {
			names = append(names, w.anyName(w.pic, id))
		}
		return andList(names)
	case "sources":
		return strings.TrimPrefix(strings.TrimPrefix(w.sources(strings.Split(v, ", ")), "sources: "), "source: ")
	}
	return clean(v)
}
