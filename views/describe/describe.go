// Package describe says in plain words what a scenario's picture shows:
// its title and day, and for each track who convenes, hosts, chairs,
// mediates, facilitates, guarantees, takes part, signs, witnesses,
// observes, is invited and is excluded, how sure that is and who says so,
// then what a variant changes against the base and the sources in full.
//
// It is the one description of a picture: every view puts it in its
// drawing (the SVG's <desc>, the PDF's Subject, what a screen reader
// reads), `parley describe` prints it as text or Markdown and the window
// shows it. It reads the resolved model only, nothing of layout or fonts.
package describe

import (
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// Options choose the picture described, as a view's options do.
type Options struct {
	Variant string        // "" for the base scenario
	AsOf    scenario.Date // zero for the file's as_of
	Filter  scenario.Filter
	// AllDates describes every track and seat whatever its dates, as the
	// timeline draws them; AsOf is then ignored.
	AllDates bool
}

// Description is what a picture shows, in words. Every text in it is one
// line, with bidi controls made visible (they cannot reorder the text
// around them here either).
type Description struct {
	Title string
	// AsOf is the day described, as words ("16 Feb 2025"); "" when the
	// picture is of every date.
	AsOf string
	// Variant names the variant drawn and says what it supposes; "" for
	// the base.
	Variant string
	Summary string
	// Selection says what the focus and filters keep; "" for everything.
	Selection string
	Tracks    []Track
	// Changes are what the variant changes against the base, one
	// sentence each; nil for the base.
	Changes []string
	// Sources are the sources cited above, in full, in order of first
	// citation.
	Sources []string
}

// Track is one negotiating table.
type Track struct {
	Name string
	// About is its kind, venue, dates, status and certainty, and who says
	// so: "summit in Paris; Feb 2025, within days; planned; reported;
	// source: CNN, 16 Feb 2025".
	About  string
	WhatIf bool    // the variant adds or changes it
	Seats  []Group // in role order
	Gone   []string
	Nobody bool // no seat is shown at it
}

// Group is the seats of one role at a track that share their certainty,
// their claimants and sources, and their dates.
type Group struct {
	Role scenario.Role
	// Heading says the role as a verb phrase: "Convened by", "Taking part".
	Heading string
	Actors  []string
	// Attribution is how sure and who says so: "claimed by Keith Kellogg;
	// source: CNN, 16 Feb 2025".
	Attribution string
}

// Scenario describes the picture of s that opts choose.
func Scenario(s *scenario.Scenario, opts Options) (*Description, error) {
	resolve := func(variant string) (*scenario.Picture, error) {
		if opts.AllDates {
			return s.ResolveAll(variant)
		}
		return s.Resolve(variant, opts.AsOf)
	}
	pic, err := resolve(opts.Variant)
	if err != nil {
		return nil, err
	}
	sel, err := pic.Select(opts.Filter)
	if err != nil {
		return nil, err
	}
	var base *scenario.Picture
	if pic.Variant != nil {
		b, err := resolve("")
		if err != nil {
			return nil, err
		}
		bsel, err := b.Select(opts.Filter)
		if err != nil {
			return nil, err
		}
		base = bsel.Picture
	}
	return Selection(sel, base), nil
}

// Selection describes a selection of a picture; base is the base
// picture, with the same day and filters, when sel shows a variant (nil
// otherwise), to say what the variant changes.
func Selection(sel *scenario.Selection, base *scenario.Picture) *Description {
	pic := sel.Picture
	w := &writer{pic: pic, cited: map[string]bool{}}
	meta := pic.Scenario.Meta
	d := &Description{
		Title:     cmpOr(clean(meta.Title), "Untitled scenario"),
		AsOf:      pic.AsOf.Human(),
		Summary:   clean(meta.Summary),
		Selection: clean(sel.Describe()),
	}
	var changes *scenario.Changes
	if v := pic.Variant; v != nil {
		d.Variant = cmpOr(clean(v.Name), v.ID)
		if s := clean(v.Summary); s != "" {
			d.Variant += " — " + s
		}
		if base != nil {
			changes = scenario.Diff(base, pic)
		}
	}
	changedTrack := map[string]bool{}
	if changes != nil {
		for _, tc := range changes.Tracks {
			changedTrack[tc.ID] = true
		}
		for _, sc := range changes.Seats {
			if sc.Change != scenario.Removed {
				changedTrack[sc.Track] = true
			}
		}
	}
	for i := range pic.Tracks {
		t := &pic.Tracks[i]
		d.Tracks = append(d.Tracks, w.track(t, changedTrack[t.ID]))
	}
	if changes != nil {
		d.Changes = w.changes(base, changes)
	}
	for _, id := range w.order {
		d.Sources = append(d.Sources, clean(style.SourceText(pic.Source(id))))
	}
	return d
}

// Drawn is the description a view's drawing carries (its SVG <desc>, its
// PDF Subject): lead, a sentence on how the view draws, then the
// description of the picture of s that opts choose.
func Drawn(lead string, s *scenario.Scenario, opts Options) string {
	d, err := Scenario(s, opts)
	if err != nil {
		return lead // the view has drawn this picture: it resolves
	}
	return lead + "\n\n" + d.Text()
}

type writer struct {
	pic   *scenario.Picture
	cited map[string]bool
	order []string // source ids in order of first citation
}

// roleHeading says a role as the description lists it.
var roleHeading = map[scenario.Role]string{
	scenario.RoleConvener:    "Convened by",
	scenario.RoleHost:        "Hosted by",
	scenario.RoleChair:       "Chaired by",
	scenario.RoleMediator:    "Mediated by",
	scenario.RoleFacilitator: "Facilitated by",
	scenario.RoleGuarantor:   "Guaranteed by",
	scenario.RoleParticipant: "Taking part",
	scenario.RoleSignatory:   "Signed by",
	scenario.RoleWitness:     "Witnessed by",
	scenario.RoleObserver:    "Observing",
	scenario.RoleInvited:     "Invited",
	scenario.RoleExcluded:    "Excluded",
}

// roleVerb says a role after an actor's name, for changes: "takes part".
var roleVerb = map[scenario.Role]string{
	scenario.RoleConvener:    "convenes",
	scenario.RoleHost:        "hosts",
	scenario.RoleChair:       "chairs",
	scenario.RoleMediator:    "mediates",
	scenario.RoleFacilitator: "facilitates",
	scenario.RoleGuarantor:   "guarantees",
	scenario.RoleParticipant: "takes part in",
	scenario.RoleSignatory:   "signs",
	scenario.RoleWitness:     "witnesses",
	scenario.RoleObserver:    "observes",
	scenario.RoleInvited:     "is invited to",
	scenario.RoleExcluded:    "is excluded from",
}

func (w *writer) track(t *scenario.Track, whatIf bool) Track {
	out := Track{Name: trackName(t), WhatIf: whatIf}
	where := string(t.Kind)
	if v := clean(t.Venue); v != "" {
		where = style.JoinNonEmpty(" ", cmpOr(where, "held"), "in "+v)
	}
	dates := scenario.HumanRange(t.Start, t.End)
	dates = style.JoinNonEmpty(", ", dates, clean(t.When))
	status := strings.ReplaceAll(string(t.Status), "-", " ")
	switch {
	case t.Upcoming && status != "":
		status += ", not yet begun"
	case t.Upcoming:
		status = "not yet begun"
	case t.Suspension != nil && !t.Suspension.From.IsZero():
		status += " since " + t.Suspension.From.Human()
	}
	if t.Possibly {
		status = style.JoinNonEmpty(", ", status, "possibly not on this day")
	}
	out.About = style.JoinNonEmpty("; ", where, dates, status, w.attribution(t.Certainty, nil, nil, t.Sources))

	byRole := map[scenario.Role][]Group{}
	for i := range w.pic.Seats {
		st := &w.pic.Seats[i]
		if st.Track != t.ID || w.pic.Actor(st.Actor) == nil {
			continue
		}
		attr := w.attribution(st.Certainty, st.ClaimedBy, st.InvitedBy, st.Sources)
		attr = style.JoinNonEmpty("; ", SeatDates(st.From, st.To), attr)
		if st.Possibly {
			attr = style.JoinNonEmpty("; ", "possibly not on this day", attr)
		}
		name := w.actorName(st.Actor)
		groups := byRole[st.Role]
		if j := slices.IndexFunc(groups, func(g Group) bool { return g.Attribution == attr }); j >= 0 {
			if !slices.Contains(groups[j].Actors, name) {
				groups[j].Actors = append(groups[j].Actors, name)
			}
		} else {
			heading := roleHeading[st.Role]
			if heading == "" {
				heading = cmpOr(string(st.Role), "Role not stated")
			}
			groups = append(groups, Group{Role: st.Role, Heading: heading, Actors: []string{name}, Attribution: attr})
		}
		byRole[st.Role] = groups
	}
	for _, r := range scenario.Roles {
		out.Seats = append(out.Seats, byRole[r]...)
		delete(byRole, r)
	}
	for _, r := range sortedKeys(byRole) { // roles validation rejects: still said
		out.Seats = append(out.Seats, byRole[r]...)
	}
	for i := range w.pic.Ended {
		st := &w.pic.Ended[i]
		if st.Track == t.ID && w.pic.Actor(st.Actor) != nil {
			out.Gone = append(out.Gone, w.actorName(st.Actor)+" "+w.endWords(st))
		}
	}
	out.Nobody = len(out.Seats) == 0
	return out
}

// endWords says how a seat ended: "walked out 16 Jul 1997".
func (w *writer) endWords(st *scenario.Seat) string {
	var s string
	switch st.Ended {
	case scenario.EndWalkedOut:
		s = "walked out"
	case scenario.EndWithdrew:
		s = "withdrew"
	case scenario.EndExpelled:
		s = "was expelled"
	case scenario.EndReplaced:
		s = "was replaced"
		if st.ReplacedBy != "" && w.pic.Actor(st.ReplacedBy) != nil {
			s += " by " + fullName(w.pic.Actor(st.ReplacedBy))
		}
	default:
		s = "left"
	}
	if !st.To.IsZero() {
		s += " " + st.To.Human()
	}
	return style.JoinNonEmpty(" ", s, "(was "+cmpOr(string(st.Role), "seated")+")")
}

// attribution says how sure a thing is and who says so.
func (w *writer) attribution(c scenario.Certainty, claimedBy, invitedBy, sources []string) string {
	var parts []string
	claimants := w.names(claimedBy)
	switch {
	case c == scenario.Claimed && claimants != "":
		parts = append(parts, "claimed by "+claimants)
	case claimants != "":
		parts = append(parts, string(c)+", claimed by "+claimants)
		if c == "" {
			parts[0] = "claimed by " + claimants + " (certainty not stated)"
		}
	case c == "":
		parts = append(parts, "certainty not stated")
	default:
		parts = append(parts, string(c))
	}
	if inviters := w.names(invitedBy); inviters != "" {
		parts = append(parts, "invited by "+inviters)
	}
	parts = append(parts, w.sources(sources))
	return style.JoinNonEmpty("; ", parts...)
}

// sources names the sources among ids briefly (publisher and date, else
// title), noting them for the list at the end.
func (w *writer) sources(ids []string) string {
	var names []string
	for _, id := range ids {
		src := w.pic.Source(id)
		if src == nil {
			continue
		}
		if !w.cited[id] {
			w.cited[id] = true
			w.order = append(w.order, id)
		}
		name := style.JoinNonEmpty(", ", clean(src.Publisher), src.Date.Human())
		if clean(src.Publisher) == "" {
			name = style.JoinNonEmpty(", ", clean(src.Title), src.Date.Human())
		}
		name = cmpOr(name, src.ID)
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	switch len(names) {
	case 0:
		return "no source cited"
	case 1:
		return "source: " + names[0]
	}
	return "sources: " + strings.Join(names, "; ")
}

func (w *writer) names(ids []string) string {
	var names []string
	for _, id := range ids {
		if a := w.pic.Actor(id); a != nil {
			names = append(names, fullName(a))
		}
	}
	return andList(names)
}

// actorName is an actor in full: its name, and for a person their office
// and whom they represent, "Keir Starmer (Prime Minister, United
// Kingdom)".
func (w *writer) actorName(id string) string {
	a := w.pic.Actor(id)
	name := fullName(a)
	var about []string
	if o := clean(a.Office); o != "" {
		about = append(about, o)
	}
	if r := w.pic.Actor(a.Represents); r != nil && r != a && !strings.Contains(clean(a.Office), fullName(r)) {
		about = append(about, fullName(r)) // "President of France" says it already
	}
	if len(about) > 0 {
		name += " (" + strings.Join(about, ", ") + ")"
	}
	return name
}

// SeatDates says when a seat holds, in words: "from 10 Jun 1996",
// "until 2 May 1997", "10 Jun 1996 – 2 May 1997"; "" when undated.
func SeatDates(from, to scenario.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return "from " + from.Human()
	case from.IsZero():
		return "until " + to.Human()
	}
	return scenario.HumanRange(from, to)
}

func fullName(a *scenario.Actor) string {
	return cmpOr(clean(a.Name), cmpOr(clean(a.Short), a.ID))
}

func trackName(t *scenario.Track) string { return cmpOr(clean(t.Name), t.ID) }

// clean is scenario text as the description carries it: one line, bidi
// controls shown as the boxes every output shows them as.
func clean(s string) string { return typeset.Neutralise(style.OneLine(s)) }

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// andList joins names as a sentence does: "A", "A and B", "A, B and C".
func andList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func sortedKeys[V any](m map[scenario.Role]V) []scenario.Role {
	keys := make([]scenario.Role, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
