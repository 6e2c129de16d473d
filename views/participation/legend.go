package participation

import (
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

func (b *builder) header() {
	meta := b.pic.Scenario.Meta
	title := shown(meta.Title, scenario.MaxTitleLength)
	if title == "" {
		title = "Untitled scenario"
	}
	b.g.Title = title
	b.g.Objects["header"] = drawing.Object{Class: "header", Tooltip: style.JoinNonEmpty("\n", shown(meta.Title, 0), shown(meta.Summary, 0))}
	lines := wrapLines(title, drawing.Bold, style.TitleSize, style.Ink, headerWrap)
	var sub []string
	if !b.pic.AsOf.IsZero() {
		sub = append(sub, "As of "+b.pic.AsOf.Human())
	}
	switch v := b.pic.Variant; {
	case v != nil:
		sub = append(sub, "What if: "+cmpOr(shown(v.Name, scenario.MaxLabelLength), v.ID))
	case len(b.pic.Scenario.Variants) > 0:
		sub = append(sub, "Base scenario")
	}
	if len(sub) > 0 {
		lines = append(lines, wrapLines(strings.Join(sub, " · "), drawing.Regular, style.SubtitleSize, style.Muted, headerWrap)...)
	}
	if d := b.sel.Describe(); d != "" {
		lines = append(lines, wrapLines(d, drawing.Bold, style.SubtitleSize, style.AsOfInk, headerWrap)...)
	}
	if v := b.pic.Variant; v != nil {
		if s := shown(v.Summary, 0); s != "" {
			lines = append(lines, wrapLines(s, drawing.Italic, style.SubtitleSize, style.Muted, headerWrap)...)
		}
		if b.changes != nil && len(b.changes.removed) > 0 {
			lines = append(lines, wrapLines("Not in this variant: "+strings.Join(b.changes.removed, "; "), drawing.Regular, style.SubtitleSize, style.WhatIfInk, headerWrap)...)
		}
	}
	if len(b.g.Sources) == 1 {
		lines = append(lines, wrapLines("Source: "+b.g.Sources[0].Text, drawing.Italic, style.SubtitleSize, style.Muted, headerWrap)...)
	}
	b.g.Header = stack(lines)
}

// legend lists what every mark drawn means, and only the marks drawn:
// roles, certainties (arrows and track borders), a folded arrow of mixed
// certainty, track statuses (fills), actor kinds (fills), frames, what-if
// tags and source numbers. Draw adds the numbered notes when it needs them.
func (b *builder) legend() {
	g := b.g
	roles := map[scenario.Role]bool{}
	certs := map[scenario.Certainty]bool{}
	mixed, whatIf, unset := false, false, false
	for _, e := range g.Edges {
		unset = unset || e.Certainty == ""
		roles[e.Role] = true
		certs[asDrawn(e.Certainty)] = true
		mixed = mixed || e.Mixed
		whatIf = whatIf || e.WhatIf
	}
	statuses := map[scenario.TrackStatus]bool{}
	for _, t := range b.pic.Tracks {
		if b.nodes["track:"+t.ID] == nil {
			continue
		}
		statuses[t.Status] = true
		unset = unset || t.Certainty == ""
		certs[asDrawn(t.Certainty)] = true
		whatIf = whatIf || b.nodes["track:"+t.ID].WhatIf
	}
	kinds := map[scenario.ActorKind]bool{}
	for i := range b.pic.Scenario.Actors {
		a := &b.pic.Scenario.Actors[i]
		if b.nodes["actor:"+a.ID] != nil {
			kinds[a.Kind] = true
		}
	}
	if b.superset {
		// What any day of any variant can give the tracks.
		for _, ts := range b.allTracks() {
			for _, t := range ts {
				statuses[t.Status] = true
				if !t.Start.IsZero() {
					statuses[scenario.StatusPlanned] = true
				}
				if t.Status == scenario.StatusConcluded && !t.End.IsZero() || len(t.Suspended) > 0 {
					statuses[scenario.StatusUnderWay] = true
				}
				if len(t.Suspended) > 0 {
					statuses[scenario.StatusSuspended] = true
				}
			}
		}
		whatIf = whatIf || len(b.orig.Variants) > 0
	}
	entry := func(e LegendEntry, text string) LegendEntry {
		e.Text = measured(text, drawing.Regular, style.LegendSize, style.Ink)
		return e
	}
	group := func(caption string, entries []LegendEntry) {
		if len(entries) > 0 {
			g.Legend = append(g.Legend, LegendGroup{Caption: measured(caption, drawing.Bold, style.LegendSize, style.Muted), Entries: entries})
		}
	}
	var es []LegendEntry
	for _, r := range scenario.Roles {
		if roles[r] {
			es = append(es, entry(LegendEntry{Kind: LegendRole, Role: r, Ref: "legend:role-" + string(r)}, string(r)))
		}
	}
	group("Seat (colour, arrowhead):", es)
	es = nil
	for _, c := range scenario.Certainties {
		if certs[c] {
			text := string(c)
			if c == scenario.Reported && unset {
				text = "reported or not stated"
			}
			es = append(es, entry(LegendEntry{Kind: LegendCertainty, Certainty: c, Ref: "legend:certainty-" + string(c)}, text))
		}
	}
	if mixed {
		es = append(es, entry(LegendEntry{Kind: LegendMixed, Ref: "legend:mixed"}, "mixed: drawn as the least sure, named in the label"))
	}
	group("How sure (arrows and track borders):", es)
	es = nil
	for _, s := range scenario.TrackStatuses {
		if statuses[s] {
			es = append(es, entry(LegendEntry{Kind: LegendStatus, Status: s, Ref: "legend:status-" + string(s)}, string(s)))
		}
	}
	if statuses[""] {
		es = append(es, entry(LegendEntry{Kind: LegendStatus, Ref: "legend:status-none"}, "status not stated"))
	}
	group("Track (fill):", es)
	es = nil
	for _, k := range scenario.ActorKinds {
		if kinds[k] {
			es = append(es, entry(LegendEntry{Kind: LegendActor, ActorKind: k, Ref: "legend:kind-" + string(k)}, string(k)))
		}
	}
	// A frame is filled in a lighter shade of its actor's kind: one
	// sample for each kind framed.
	frameKinds := map[scenario.ActorKind]bool{}
	for _, f := range g.Frames {
		if a := b.pic.Actor(strings.TrimPrefix(f.Ref, "frame:")); a != nil {
			frameKinds[a.Kind] = true
		}
	}
	said := false
	for _, k := range scenario.ActorKinds {
		if !frameKinds[k] {
			continue
		}
		text := "delegation: people who speak for the actor named"
		if len(frameKinds) > 1 {
			text = "delegation (" + string(k) + ")"
			if !said {
				text += ": people who speak for the actor named"
				said = true
			}
		}
		es = append(es, entry(LegendEntry{Kind: LegendFrame, ActorKind: k, Ref: "legend:frame-" + string(k)}, text))
	}
	group("Actor (fill):", es)
	group("On this day:", b.timeLegend(entry))
	es = nil
	if whatIf {
		es = append(es, entry(LegendEntry{Kind: LegendWhatIf, Ref: "legend:what-if"}, "added or changed by this variant"))
	}
	if g.Numbered {
		es = append(es, entry(LegendEntry{Kind: LegendSource, Ref: "legend:sources"}, "sources, listed below"))
	}
	group("Marks:", es)
	for _, grp := range g.Legend {
		for _, e := range grp.Entries {
			b.g.Objects[e.Ref] = drawing.Object{Class: "legend", Tooltip: grp.Caption.Text + " " + e.Text.Text, Data: map[string]string{"legend": strings.TrimPrefix(e.Ref, "legend:")}}
		}
	}
}

// asDrawn is the certainty a seat or track is drawn with: unset is drawn
// as reported.
func asDrawn(c scenario.Certainty) scenario.Certainty {
	if c == "" {
		return scenario.Reported
	}
	return c
}
