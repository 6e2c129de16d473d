package participation

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

func (b *builder) tracks() {
	starts := map[*Node]scenario.Date{} // for the timeline
	for i := range b.pic.Tracks {
		t := &b.pic.Tracks[i]
		if b.nodes["track:"+t.ID] != nil {
			continue // a duplicate id: validation reports it
		}
		whatIf := b.changes != nil && b.changes.tracks[t.ID]
		cs := style.TrackBorder(t.Certainty)
		n := &Node{
			Ref:    "track:" + t.ID,
			Label:  b.trackLabel(t, whatIf),
			Fill:   style.StatusFill(t.Status),
			Stroke: drawing.Stroke{Color: style.Ink, Width: cs.Width, Dash: cs.Dash},
			Radius: 3,
			Track:  true,
			WhatIf: whatIf,
		}
		if n.Fill.A == 0 {
			n.Fill = style.NoStatusFill
		}
		if t.Upcoming {
			n.Stroke = drawing.Stroke{Color: style.AsOfInk, Width: 1, Dash: []float64{3, 2}}
		}
		if t.Possibly {
			n.Fill, n.Stroke.Color = fade(n.Fill), fade(n.Stroke.Color)
		}
		b.addNode(n, 2*padX, 2*padY+2)
		n.Name = fmt.Sprintf("n%d", len(b.g.Nodes))
		b.g.Timeline = append(b.g.Timeline, n)
		starts[n] = t.Start
		b.trackObject(n, t)
	}
	slices.SortStableFunc(b.g.Timeline, func(x, y *Node) int {
		sx, sy := starts[x], starts[y]
		if sx.IsZero() || sy.IsZero() {
			return cmp.Compare(boolInt(sx.IsZero()), boolInt(sy.IsZero()))
		}
		return sx.First().Compare(sy.First())
	})
	for i, n := range b.g.Timeline {
		n.index = i
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func trackWhen(t *scenario.Track) string {
	dates := scenario.HumanRange(t.Start, t.End)
	return style.JoinNonEmpty(" · ", dates, shown(t.When, scenario.MaxLabelLength))
}

// actors makes a box for every seated actor and, in the People view, a
// frame for every actor that seated people represent: the people's boxes
// go in it, with the actor's own box when it has seats of its own.
func (b *builder) actors(seats []*seat) {
	seated := map[string]bool{}
	held := map[string]bool{} // by a seat that is not a ghost
	for _, st := range seats {
		seated[st.Actor] = true
		held[st.Actor] = held[st.Actor] || !st.gone
	}
	if b.opts.Detail == People {
		for _, a := range b.pic.Scenario.Actors {
			if a.Kind != scenario.KindPerson || !seated[a.ID] || a.Represents == "" {
				continue
			}
			of := b.pic.Actor(a.Represents)
			if of == nil || b.frames[of.ID] != nil {
				continue
			}
			f := &Frame{
				Name:   fmt.Sprintf("f%d", len(b.g.Frames)+1),
				Ref:    "frame:" + of.ID,
				Fill:   style.Lighten(style.KindFill(of.Kind)),
				Stroke: drawing.Stroke{Color: style.Frame, Width: 1},
			}
			if !seated[of.ID] {
				f.Label = stack(wrapLines(actorLabel(of), drawing.Bold, style.NameSize-1, style.Ink, wrapActor+40))
			}
			b.frames[of.ID] = f
			b.g.Frames = append(b.g.Frames, f)
			b.frameObject(f, of)
		}
	}
	done := map[string]bool{}
	for i := range b.pic.Scenario.Actors {
		a := &b.pic.Scenario.Actors[i]
		if !seated[a.ID] || done[a.ID] {
			continue
		}
		done[a.ID] = true
		label := actorLabel(a)
		lines := wrapLines(label, drawing.Bold, style.NameSize, style.Ink, wrapActor)
		if a.Kind == scenario.KindPerson {
			if office := shown(a.Office, scenario.MaxLabelLength); office != "" {
				lines = append(lines, wrapLines(office, drawing.Regular, style.DetailSize, style.Muted, wrapActor)...)
			}
		} else if a.Kind != scenario.KindState && a.Kind != "" {
			lines = append(lines, wrapLines(string(a.Kind), drawing.Italic, style.DetailSize, style.Muted, wrapActor)...)
		}
		fill := style.KindFill(a.Kind)
		if fill.A == 0 {
			fill = style.Paper
		}
		n := &Node{
			Ref:    "actor:" + a.ID,
			Label:  stack(lines),
			Fill:   fill,
			Stroke: drawing.Stroke{Color: style.Outline, Width: 1},
			Radius: 6,
		}
		if !held[a.ID] {
			// Only ended seats: a ghost, the same size, in grey.
			n.Ghost = true
			n.Fill = style.Paper
			n.Stroke = drawing.Stroke{Color: GhostInk, Width: 1, Dash: []float64{3, 2}}
			for i := range n.Label.Lines {
				n.Label.Lines[i].Color = GhostInk
			}
		}
		b.addNode(n, 2*padX, 2*padY)
		switch {
		case a.Kind == scenario.KindPerson && b.frames[a.Represents] != nil:
			n.Frame = b.frames[a.Represents]
		case b.frames[a.ID] != nil:
			// The actor's own seats start from its own box, inside the
			// frame of its people, so they can't be taken for one of
			// theirs; the box names the frame.
			n.Frame = b.frames[a.ID]
		}
		if f := n.Frame; f != nil {
			f.Members = append(f.Members, n)
			n.Name = fmt.Sprintf("m%d", len(f.Members))
		} else {
			n.Name = fmt.Sprintf("n%d", len(b.g.Nodes))
			u := &Unit{Name: n.Name, Node: n}
			n.unit = u
			b.units = append(b.units, u)
		}
		b.actorObject(n, a)
	}
	// Frames take the place of their first member among the units.
	var units []*Unit
	placed := map[*Frame]bool{}
	for i := range b.pic.Scenario.Actors {
		n := b.nodes["actor:"+b.pic.Scenario.Actors[i].ID]
		if n == nil {
			continue
		}
		switch {
		case n.Frame == nil && n.unit != nil && !slices.Contains(units, n.unit):
			units = append(units, n.unit)
		case n.Frame != nil && !placed[n.Frame]:
			placed[n.Frame] = true
			u := &Unit{Name: n.Frame.Name, Frame: n.Frame}
			for _, m := range n.Frame.Members {
				m.unit = u
			}
			units = append(units, u)
		}
	}
	b.units = units
	b.g.Frames = slices.DeleteFunc(b.g.Frames, func(f *Frame) bool { return len(f.Members) == 0 })
}

// addNode sizes a box to its text, in whole points (the DOT's HTML tables
// take whole points), and files it.
func (b *builder) addNode(n *Node, padW, padH float64) {
	n.W = math.Ceil(max(n.Label.W+padW, 54))
	n.H = math.Ceil(max(n.Label.H+padH, 28))
	b.nodes[n.Ref] = n
	b.g.Nodes = append(b.g.Nodes, n)
}

// layoutFrame places a frame's members: in a column (left to right
// diagrams) or a row (top to bottom), with the frame's label on the far
// side from the tracks, and sizes the frame in whole points. A member's
// arrows leave the frame at the side facing the tracks, level with the
// member (side is the side of the tracks the frame is on).
func (b *builder) layoutFrame(f *Frame, side int) {
	labelH := 0.0
	if len(f.Label.Lines) > 0 {
		labelH = math.Ceil(f.Label.H + clusterPadY)
	}
	if b.g.Direction == TopToBottom {
		top := framePad + labelH
		if side == 1 {
			top = framePad // the label goes below
		}
		x := framePad
		rowH := 0.0
		for i, m := range f.Members {
			if i > 0 {
				x += frameGap
			}
			m.Off = drawing.Point{X: x, Y: top}
			x += m.W
			rowH = max(rowH, m.H)
		}
		f.W = math.Ceil(max(x+framePad, f.Label.W+2*padX))
		f.H = framePad + labelH + rowH + framePad
		f.LabelAt = drawing.Point{X: padX, Y: framePad}
		if side == 1 {
			f.LabelAt.Y = framePad + rowH + clusterPadY
		}
		if extra := math.Floor((f.W - (x + framePad)) / 2); extra > 0 {
			for _, m := range f.Members {
				m.Off.X += extra
			}
		}
		return
	}
	y := framePad + labelH
	w := 0.0
	for i, m := range f.Members {
		if i > 0 {
			y += frameGap
		}
		m.Off.Y = y
		y += m.H
		w = max(w, m.W)
	}
	f.W = math.Ceil(max(w+2*framePad, f.Label.W+2*padX))
	f.H = y + framePad
	f.LabelAt = drawing.Point{X: padX, Y: framePad}
	for _, m := range f.Members {
		m.Off.X = math.Floor((f.W - m.W) / 2)
	}
}

// trackLabel is the words on a track's box: its name, kind and venue,
// dates, what it is on the day, status, certainty and sources.
func (b *builder) trackLabel(t *scenario.Track, whatIf bool) Block {
	var lines []TextLine
	if whatIf {
		lines = append(lines, measured("WHAT IF", drawing.Bold, style.DetailSize-1, style.WhatIfInk))
	}
	lines = append(lines, wrapLines(trackName(t, scenario.MaxLabelLength), drawing.Bold, style.NameSize, style.Ink, wrapTrack)...)
	if meta := style.JoinNonEmpty(" · ", string(t.Kind), shown(t.Venue, scenario.MaxLabelLength)); meta != "" {
		lines = append(lines, wrapLines(meta, drawing.Regular, style.DetailSize, style.Muted, wrapTrack)...)
	}
	if when := trackWhen(t); when != "" {
		lines = append(lines, wrapLines(when, drawing.Regular, style.DetailSize, style.Muted, wrapTrack)...)
	}
	if now := trackTimeLine(t); now != "" {
		lines = append(lines, wrapLines(now, drawing.Italic, style.DetailSize, style.AsOfInk, wrapTrack)...)
	}
	status := strings.ToUpper(string(t.Status))
	if t.Certainty != "" {
		status = style.JoinNonEmpty(" · ", status, string(t.Certainty))
	}
	status = style.JoinNonEmpty(" ", status, b.sourceRefs(t.Sources))
	if status != "" {
		lines = append(lines, wrapLines(status, drawing.Bold, style.DetailSize-1, style.Muted, wrapTrack)...)
	}
	return stack(lines)
}
