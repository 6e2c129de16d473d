package participation

import (
	"fmt"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/describe"
	"github.com/parleyhq/parley/views/style"
)

// The Objects and the description carry what the boxes have no room for,
// in full: names, offices, notes, who claims what and on which sources.

func (b *builder) actorObject(n *Node, a *scenario.Actor) {
	lines := []string{fullName(a)}
	if s := shown(a.Short, 0); s != "" && s != fullName(a) {
		lines = append(lines, "Short: "+s)
	}
	lines = append(lines, "Kind: "+string(a.Kind))
	if s := shown(a.Office, 0); s != "" {
		lines = append(lines, "Office: "+s)
	}
	if r := b.pic.Actor(a.Represents); r != nil {
		lines = append(lines, "Represents: "+fullName(r))
	}
	var of []string
	for _, m := range a.Memberships {
		if o := b.pic.Actor(m.Of); o != nil {
			of = append(of, fullName(o))
		}
	}
	if len(of) > 0 {
		lines = append(lines, "Member of: "+strings.Join(of, ", "))
	}
	if s := shown(a.Note, 0); s != "" {
		lines = append(lines, "Note: "+s)
	}
	data := map[string]string{"actor": a.ID, "kind": string(a.Kind)}
	if a.ISO != "" {
		data["iso"] = a.ISO
	}
	if a.Wikidata != "" {
		data["wikidata"] = a.Wikidata
	}
	b.g.Objects[n.Ref] = drawing.Object{Class: "actor", Tooltip: strings.Join(lines, "\n"), Data: data}
}

func (b *builder) frameObject(f *Frame, of *scenario.Actor) {
	b.g.Objects[f.Ref] = drawing.Object{
		Class:   "frame",
		Tooltip: "Delegation of " + fullName(of) + ": the people who speak for it",
		Data:    map[string]string{"actor": of.ID, "kind": string(of.Kind)},
	}
}

func (b *builder) trackObject(n *Node, t *scenario.Track) {
	lines := []string{trackName(t, 0)}
	lines = append(lines, "Kind: "+string(t.Kind))
	if s := shown(t.Venue, 0); s != "" {
		lines = append(lines, "Venue: "+s)
	}
	if s := trackDates(t); s != "" {
		lines = append(lines, "When: "+s)
	}
	if t.Status != "" {
		lines = append(lines, "Status: "+string(t.Status))
	}
	lines = append(lines, "Certainty: "+certaintyWord(t.Certainty))
	lines = append(lines, b.sourceLines(t.Sources)...)
	if s := shown(t.Note, 0); s != "" {
		lines = append(lines, "Note: "+s)
	}
	if n.WhatIf {
		lines = append(lines, "What if: added or changed by this variant")
	}
	data := map[string]string{"track": t.ID, "kind": string(t.Kind)}
	if t.Status != "" {
		data["status"] = string(t.Status)
	}
	if t.Certainty != "" {
		data["certainty"] = string(t.Certainty)
	}
	b.g.Objects[n.Ref] = drawing.Object{Class: "track", Tooltip: strings.Join(lines, "\n"), Data: data}
}

func trackDates(t *scenario.Track) string {
	dates := scenario.HumanRange(t.Start, t.End)
	return style.JoinNonEmpty(" · ", dates, shown(t.When, 0))
}

func (b *builder) seatObject(e *Edge, st *seat) {
	a, t := b.pic.Actor(st.Actor), b.pic.Track(st.Track)
	lines := []string{fmt.Sprintf("%s → %s", fullName(a), trackName(t, 0)), "Role: " + string(st.Role)}
	c := "Certainty: " + certaintyWord(st.Certainty)
	if e.Mixed {
		c = "Certainty: mixed, drawn as " + certaintyWord(st.Certainty)
	}
	lines = append(lines, c)
	if len(st.original) > 1 || len(st.via) > 0 {
		var who []string
		for i, o := range st.original {
			name := o.Actor
			if p := b.pic.Actor(o.Actor); p != nil {
				name = fullName(p)
			}
			who = append(who, fmt.Sprintf("%s (%s)", name, certaintyWord(st.certs[i])))
		}
		lines = append(lines, "Seats folded in: "+strings.Join(who, ", "))
	}
	if len(st.ClaimedBy) > 0 {
		var who []string
		for _, id := range st.ClaimedBy {
			if p := b.pic.Actor(id); p != nil {
				who = append(who, fullName(p))
			}
		}
		lines = append(lines, "Claimed by: "+strings.Join(who, ", "))
	}
	if d := describe.SeatDates(st.From, st.To); d != "" {
		lines = append(lines, "Held: "+d)
	}
	lines = append(lines, b.sourceLines(st.Sources)...)
	for _, o := range st.original {
		if s := shown(o.Note, 0); s != "" {
			lines = append(lines, "Note: "+s)
		}
	}
	if st.whatIf {
		lines = append(lines, "What if: added or changed by this variant")
	}
	data := map[string]string{"track": st.Track, "actor": st.Actor, "role": string(st.Role), "certainty": string(asDrawn(st.Certainty))}
	if e.Mixed {
		data["mixed"] = "true"
	}
	if st.whatIf {
		data["what-if"] = "true"
	}
	b.g.Objects[e.Ref] = drawing.Object{Class: "seat", Tooltip: strings.Join(lines, "\n"), Data: data}
}

// sourceLines names the sources ids cite, in full, with their numbers.
func (b *builder) sourceLines(ids []string) []string {
	var out []string
	for _, id := range ids {
		src := b.pic.Source(id)
		if src == nil {
			continue
		}
		line := "Source: "
		if n, ok := b.srcNum[id]; ok && b.g.Numbered {
			line = fmt.Sprintf("Source [%d]: ", n)
		}
		text := style.JoinNonEmpty(", ", shown(src.Publisher, 0), src.Date.Human())
		text = style.JoinNonEmpty(": ", text, shown(src.Title, 0))
		if src.URL != "" {
			text += " " + shown(src.URL, 0)
		}
		if src.Reliability != "" {
			text += fmt.Sprintf(" (reliability %s)", src.Reliability)
		}
		out = append(out, line+cmpOr(text, src.ID))
	}
	return out
}

// participationLead says how the participation diagram draws, before
// the description of what it shows.
const participationLead = "Participation diagram: actors and tracks (negotiating tables) are boxes; " +
	"an arrow from an actor to a track is a seat, its colour and arrowhead saying the role and its line style how sure it is " +
	"(solid confirmed or reported, dashed claimed, dash-dot disputed, dotted speculative)."

// describe writes the picture's description, the one every output and
// `parley describe` give (views/describe), for a screen reader or a
// search, every name in full.
func (b *builder) describe([]*seat) {
	b.g.Desc = describe.Drawn(participationLead, b.pic.Scenario,
		describe.Options{Variant: b.opts.Variant, AsOf: b.opts.AsOf, Filter: b.opts.Filter})
}
