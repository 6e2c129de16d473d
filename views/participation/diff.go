package participation

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// The diff picture: what changed between two pictures (base and variant,
// two days, two files), drawn on the layout both share (UnionOf). The new
// picture is drawn as it is, and on it: seats gained highlighted green,
// seats lost drawn as grey ghosts highlighted red, seats that changed
// role or certainty highlighted amber with what they were; tracks and
// actors added ringed green, removed ones as ghosts ringed red. Each mark
// is in the legend, and the header names both pictures and counts.

// The inks of the diff picture (colour-blind safe against each other:
// green, red and amber differ in lightness too, and every mark also says
// so in words).
var (
	GainedInk  = drawing.RGB(0x1a9850)
	LostInk    = drawing.RGB(0xd73027)
	ChangedInk = drawing.RGB(0xe08214)
)

// UnionOf is Union over several scenarios (two versions of a file): every
// track, seat and actor any picture of any of them draws, the first
// scenario's own words for what they share.
func UnionOf(ss []*scenario.Scenario, opts Options) (*Graph, error) {
	if len(ss) == 1 {
		return Union(ss[0], opts)
	}
	m := *ss[0]
	m.Variants = nil
	m.Meta.AsOf = scenario.Date{}
	m.Actors, m.Sources, m.Tracks, m.Seats = nil, nil, nil, nil
	actors, sources := map[string]bool{}, map[string]bool{}
	for _, s := range ss {
		u, err := unionScenario(s)
		if err != nil {
			return nil, err
		}
		for _, a := range u.Actors {
			if !actors[a.ID] {
				actors[a.ID] = true
				m.Actors = append(m.Actors, a)
			}
		}
		for _, src := range u.Sources {
			if !sources[src.ID] {
				sources[src.ID] = true
				m.Sources = append(m.Sources, src)
			}
		}
		m.Tracks = append(m.Tracks, u.Tracks...)
		m.Seats = append(m.Seats, u.Seats...)
		m.Variants = append(m.Variants, s.Variants...) // for the sizes of their tracks
	}
	// unionScenario keeps the first of each track and seat.
	return Union(&m, opts)
}

// DiffGraph is the picture of what changed from old to new (both from
// Build, with the same options): new as drawn, with what old had and new
// lacks as ghosts, every change marked. oldName and newName say which
// pictures they are ("base, as of 1 Apr 1997"). Draw it with DrawOn on
// UnionOf both scenarios.
func DiffGraph(old, new *Graph, oldName, newName string) *Graph {
	d := &Graph{
		Direction: new.Direction, Sources: new.Sources, Numbered: new.Numbered,
		Objects: maps.Clone(new.Objects),
	}
	oldNodes, newNodes := byRef(old.Nodes), byRef(new.Nodes)
	oldEdges, newEdges := byRef(old.Edges), byRef(new.Edges)
	var counts struct{ gained, lost, changed, added, removed int }
	for _, n := range new.Nodes {
		c := *n
		if oldNodes[n.Ref] == nil {
			c.Mark, c.MarkWord = GainedInk, "new"
			counts.added++
		}
		d.Nodes = append(d.Nodes, &c)
	}
	for _, n := range old.Nodes {
		if newNodes[n.Ref] != nil {
			continue
		}
		c := *n
		ghostNode(&c)
		c.Mark, c.MarkWord = LostInk, "gone"
		counts.removed++
		d.Nodes = append(d.Nodes, &c)
		if o, ok := old.Objects[n.Ref]; ok {
			d.Objects[n.Ref] = o
		}
	}
	// A seat whose role changed is a seat lost and one gained at the same
	// track by the same actor: drawn as one change, the old role named.
	pair := func(e *Edge) string { return e.Tail.Ref + "\x00" + e.Head.Ref }
	lostRoles := map[string][]*Edge{}
	for _, e := range old.Edges {
		if newEdges[e.Ref] == nil {
			lostRoles[pair(e)] = append(lostRoles[pair(e)], e)
		}
	}
	roleChanged := map[string]bool{} // old Refs shown as a change of role
	for _, e := range new.Edges {
		c := *e
		was := oldEdges[e.Ref]
		switch {
		case was == nil && len(lostRoles[pair(e)]) > 0:
			prev := lostRoles[pair(e)][0]
			lostRoles[pair(e)] = lostRoles[pair(e)][1:]
			roleChanged[prev.Ref] = true
			c.Mark = ChangedInk
			c.Label, c.Words = markLabel(c.Label, c.Words, "ROLE: WAS "+strings.ToUpper(string(prev.Role)), ChangedInk)
			counts.changed++
		case was == nil || was.Gone != "" && e.Gone == "":
			c.Mark = GainedInk
			c.Label, c.Words = markLabel(c.Label, c.Words, "GAINED", GainedInk)
			counts.gained++
		case was.Gone == "" && e.Gone != "": // held then, gone now: lost, and why
			c.Mark = LostInk
			c.Label, c.Words = markLabel(c.Label, c.Words, "LOST", LostInk)
			counts.lost++
		case was.Certainty != e.Certainty || was.Possibly != e.Possibly:
			c.Mark = ChangedInk
			c.Label, c.Words = markLabel(c.Label, c.Words, "WAS "+strings.ToUpper(edgeState(was)), ChangedInk)
			counts.changed++
		}
		d.Edges = append(d.Edges, &c)
	}
	for _, e := range old.Edges {
		if newEdges[e.Ref] != nil || roleChanged[e.Ref] {
			continue
		}
		c := *e
		c.Color, c.Width, c.Style, c.Dash = GhostInk, 1, "dotted", ghostDash
		c.Possibly, c.Gone = false, ""
		c.Mark = LostInk
		c.Label, c.Words = markLabel(Block{}, "", "LOST: "+string(e.Role), LostInk)
		counts.lost++
		d.Edges = append(d.Edges, &c)
		if o, ok := old.Objects[e.Ref]; ok {
			d.Objects[e.Ref] = o
		}
	}
	seen := map[string]bool{}
	for _, f := range new.Frames {
		seen[f.Ref] = true
		d.Frames = append(d.Frames, f)
	}
	for _, f := range old.Frames {
		if !seen[f.Ref] {
			c := *f
			c.Stroke = drawing.Stroke{Color: GhostInk, Width: 1, Dash: []float64{3, 2}}
			c.Fill = style.Paper
			d.Frames = append(d.Frames, &c)
		}
	}
	// Header: the new picture's title, both pictures named, the counts.
	var lines []TextLine
	if len(new.Header.Lines) > 0 {
		lines = append(lines, new.Header.Lines[0])
	}
	lines = append(lines, wrapLines("Changes from "+oldName+" to "+newName, drawing.Regular, style.SubtitleSize, style.Muted, headerWrap)...)
	var said []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			said = append(said, "1 "+one)
		case n > 1:
			said = append(said, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(counts.gained, "seat gained", "seats gained")
	add(counts.lost, "seat lost", "seats lost")
	add(counts.changed, "seat changed", "seats changed")
	add(counts.added, "box new", "boxes new")
	add(counts.removed, "box gone", "boxes gone")
	summary := "No change in what is drawn"
	if len(said) > 0 {
		summary = strings.Join(said, " · ")
	}
	lines = append(lines, wrapLines(summary, drawing.Bold, style.SubtitleSize, style.Ink, headerWrap)...)
	d.Header = stack(lines)
	d.Title = new.Title + ": changes"
	d.Desc = "Changes from " + oldName + " to " + newName + ": " + summary + "."
	// Legend: the new picture's, then what the diff marks mean.
	d.Legend = slices.Clone(new.Legend)
	var es []LegendEntry
	entry := func(kind LegendKind, ref, text string, c drawing.Color) {
		es = append(es, LegendEntry{Kind: kind, Ref: ref, Text: measured(text, drawing.Regular, style.LegendSize, style.Ink), mark: c})
	}
	if counts.gained > 0 {
		entry(LegendMarked, "legend:diff-gained", "seat gained", GainedInk)
	}
	if counts.lost > 0 {
		entry(LegendMarkedGhost, "legend:diff-lost", "seat lost (grey, dotted)", LostInk)
	}
	if counts.changed > 0 {
		entry(LegendMarked, "legend:diff-changed", "seat changed: role, certainty or state, what it was in words", ChangedInk)
	}
	if counts.added > 0 {
		entry(LegendRing, "legend:diff-new", "track or actor new", GainedInk)
	}
	if counts.removed > 0 {
		entry(LegendRing, "legend:diff-gone", "track or actor gone (grey)", LostInk)
	}
	if len(es) > 0 {
		d.Legend = append(d.Legend, LegendGroup{Caption: measured("Changes:", drawing.Bold, style.LegendSize, style.Muted), Entries: es})
		for _, e := range es {
			d.Objects[e.Ref] = drawing.Object{Class: "legend", Tooltip: "Changes: " + e.Text.Text, Data: map[string]string{"legend": strings.TrimPrefix(e.Ref, "legend:")}}
		}
	}
	return d
}

// edgeState is a seat's certainty and state in words.
func edgeState(e *Edge) string {
	w := certaintyWord(e.Certainty)
	if e.Possibly {
		w += ", possibly"
	}
	return w
}

// markLabel puts a bold word of the diff above an arrow's label.
func markLabel(b Block, words, mark string, c drawing.Color) (Block, string) {
	lines := append([]TextLine{measured(mark, drawing.Bold, style.EdgeLabelSize-1, style.Darken(c))}, b.Lines...)
	return stack(lines), style.JoinNonEmpty(" · ", strings.ToLower(mark), words)
}

// ghostNode draws a box as gone: grey, dashed, on paper.
func ghostNode(n *Node) {
	n.Ghost = true
	n.Fill = style.Paper
	n.Stroke = drawing.Stroke{Color: GhostInk, Width: 1, Dash: []float64{3, 2}}
	lines := slices.Clone(n.Label.Lines)
	for i := range lines {
		lines[i].Color = GhostInk
	}
	n.Label.Lines = lines
}

// markHalo is how far a diff ring stands off its box.
const markHalo = 4.0

// markStroke is the translucent band under a marked arrow.
func markStroke(c drawing.Color, width float64) drawing.Stroke {
	c.A = 0x70
	return drawing.Stroke{Color: c, Width: width + 6}
}

// appendDiffSample draws the sample of a diff entry of the legend.
func appendDiffSample(items []drawing.Item, e LegendEntry, x, y float64) []drawing.Item {
	pts := []drawing.Point{{X: x, Y: y}, {X: x + 10, Y: y}, {X: x + style.LegendLine - 10, Y: y}, {X: x + style.LegendLine, Y: y}}
	switch e.Kind {
	case LegendMarked:
		items = append(items, drawing.Item{Kind: drawing.KindBezier, Points: pts, Stroke: markStroke(e.mark, 1.5)})
		return append(items, drawing.Item{Kind: drawing.KindBezier, Points: pts, Stroke: drawing.Stroke{Color: style.Ink, Width: 1.5}})
	case LegendMarkedGhost:
		items = append(items, drawing.Item{Kind: drawing.KindBezier, Points: pts, Stroke: markStroke(e.mark, 1)})
		return append(items, drawing.Item{Kind: drawing.KindBezier, Points: pts, Stroke: drawing.Stroke{Color: GhostInk, Width: 1, Dash: ghostDash}})
	case LegendRing:
		h := style.SwatchHeight
		items = append(items, drawing.Item{Kind: drawing.KindRect, X: x + 2, Y: y - h/2, W: style.LegendLine - 4, H: h, Radius: 5, Stroke: drawing.Stroke{Color: e.mark, Width: 2.5}})
		return append(items, drawing.Item{Kind: drawing.KindRect, X: x + 5, Y: y - h/2 + 3, W: style.LegendLine - 10, H: h - 6, Radius: 2, Fill: style.Paper, Stroke: drawing.Stroke{Color: style.Outline, Width: 1}})
	}
	return items
}
