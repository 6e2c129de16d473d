package participation

import (
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// Time in the picture: what holds on the day only possibly is drawn faded
// and says "possibly"; seats that ended by the day are ghosts, grey and
// dotted, with why and when they ended; a track not yet started, or
// suspended, says so on its box. Each has its legend entry.

// GhostInk is the grey of what is gone by the day: ended seats and the
// actors that hold nothing else.
var GhostInk = drawing.RGB(0xa3a3a3)

// ghostDash is the dotted line of an ended seat.
var ghostDash = []float64{1.5, 2.5}

// fade is c most of the way to the paper: the lines and fills of what
// holds only possibly.
func fade(c drawing.Color) drawing.Color { return towardPaper(c, 0.6) }

// fadeText is c a little way to the paper: the words of what holds only
// possibly, still easy to read.
func fadeText(c drawing.Color) drawing.Color { return towardPaper(c, 0.3) }

func towardPaper(c drawing.Color, k float64) drawing.Color {
	mix := func(a, b uint8) uint8 { return uint8(float64(a)*(1-k) + float64(b)*k + 0.5) }
	p := style.Paper
	return drawing.Color{R: mix(c.R, p.R), G: mix(c.G, p.G), B: mix(c.B, p.B), A: c.A}
}

// goneWords says why and when a seat ended: "walked out 16 Jul 1997",
// "replaced by Tony Blair 2 May 1997".
func (b *builder) goneWords(st *seat) string {
	var w string
	switch st.Ended {
	case scenario.EndWalkedOut:
		w = "walked out"
	case scenario.EndWithdrew:
		w = "withdrew"
	case scenario.EndExpelled:
		w = "expelled"
	case scenario.EndReplaced:
		w = "replaced"
		if a := b.pic.Actor(st.ReplacedBy); a != nil {
			w = "replaced by " + actorLabel(a)
		}
	default:
		w = "ended"
	}
	if !st.To.IsZero() {
		w += " " + st.To.Human()
	}
	return w
}

// possiblyWords says why a seat holds only possibly: the approximate date
// the day falls within. At a track that has not started yet (upcoming)
// the seat is the table as planned: "planned (from Oct 2018)".
func possiblyWords(st *seat, upcoming bool) string {
	word := "possibly"
	if upcoming {
		word = "planned"
	}
	var dates []string
	if !st.From.IsZero() {
		dates = append(dates, "from "+st.From.Human())
	}
	if !st.To.IsZero() {
		dates = append(dates, "to "+st.To.Human())
	}
	if len(dates) == 0 {
		return word
	}
	return word + " (" + strings.Join(dates, ", ") + ")"
}

// gone reports the end drawn for an ended seat: its reason, or "replaced"
// when only replaced_by says so.
func goneEnd(st *seat) scenario.SeatEnd {
	if st.Ended == "" && st.ReplacedBy != "" {
		return scenario.EndReplaced
	}
	if st.Ended == "" {
		return scenario.SeatEnd("ended")
	}
	return st.Ended
}

// lookGone draws an ended seat as a ghost.
func lookGone(e *Edge, st *seat) {
	e.Gone = goneEnd(st)
	e.Color = GhostInk
	e.Width = 1
	e.Style = "dotted"
	e.Dash = ghostDash
}

// trackTimeLine is what a track's box says about the day: not yet started
// (and since when it was announced), suspended since when and why, or
// only possibly so.
func trackTimeLine(t *scenario.Track) string {
	var w string
	switch {
	case t.Upcoming:
		if !t.Announced.IsZero() {
			w = "announced " + t.Announced.Human() + ", "
		}
		if !t.Start.IsZero() {
			w += "starts " + t.Start.Human()
		}
		w = strings.TrimSuffix(w, ", ")
	case t.Suspension != nil:
		sp := t.Suspension
		w = "suspended since " + sp.From.Human()
		if !sp.To.IsZero() {
			w = "suspended " + scenario.HumanRange(sp.From, sp.To)
		}
		if r := shown(sp.Reason, scenario.MaxLabelLength); r != "" {
			w += " (" + r + ")"
		}
	}
	if t.Possibly {
		if w == "" {
			return "possibly under way on this day (dates approximate)"
		}
		return "possibly " + w
	}
	return w
}

// timeLegend is the legend's row for time: faded, ghost and upcoming
// marks, only those drawn.
func (b *builder) timeLegend(entry func(LegendEntry, string) LegendEntry) []LegendEntry {
	possibly, trackPossibly, upcoming := false, false, false
	var ends []string
	for _, e := range b.g.Edges {
		possibly = possibly || e.Possibly
		if e.Gone != "" {
			ends = appendNew(ends, endWord(e.Gone))
		}
	}
	for _, t := range b.pic.Tracks {
		if b.nodes["track:"+t.ID] == nil {
			continue
		}
		trackPossibly = trackPossibly || t.Possibly
		upcoming = upcoming || t.Upcoming
	}
	if b.superset && slices.ContainsFunc(b.orig.Marks(), func(m scenario.Mark) bool { return m.Changes }) {
		possibly, trackPossibly = true, true
		ends = nil
		for _, st := range b.allSeats() {
			if st.Ended != "" || st.ReplacedBy != "" {
				ends = appendNew(ends, endWord(goneEnd(&seat{Seat: st})))
			}
		}
		for _, ts := range b.allTracks() {
			for _, t := range ts {
				upcoming = upcoming || !t.Start.IsZero()
			}
		}
	}
	var es []LegendEntry
	if possibly {
		text := "faded: holds only possibly on this day (approximate dates)"
		if upcoming {
			text += ", or planned at a track not started yet"
		}
		es = append(es, entry(LegendEntry{Kind: LegendPossibly, Ref: "legend:possibly"}, text))
	}
	if len(ends) > 0 {
		es = append(es, entry(LegendEntry{Kind: LegendGone, Ref: "legend:gone"}, "grey, dotted: gone by this day ("+strings.Join(ends, ", ")+")"))
	}
	if upcoming {
		es = append(es, entry(LegendEntry{Kind: LegendUpcoming, Ref: "legend:upcoming"}, "track announced, not yet started"))
	}
	if trackPossibly {
		es = append(es, entry(LegendEntry{Kind: LegendTrackPossibly, Ref: "legend:track-possibly"}, "faded track: possibly so on this day"))
	}
	return es
}

func endWord(e scenario.SeatEnd) string {
	switch e {
	case scenario.EndWalkedOut:
		return "walked out"
	case scenario.EndReplaced:
		return "replaced"
	}
	return string(e)
}

// appendTimeSample draws the sample of a time entry of the legend.
func appendTimeSample(items []drawing.Item, e LegendEntry, x, y float64) []drawing.Item {
	line := func(c drawing.Color, w float64, dash []float64) []drawing.Item {
		stroke := drawing.Stroke{Color: c, Width: w, Dash: dash}
		tip := drawing.Point{X: x + style.LegendLine, Y: y}
		base := drawing.Point{X: tip.X - style.ArrowLength, Y: y}
		items = append(items, drawing.Item{Kind: drawing.KindBezier, Points: []drawing.Point{{X: x, Y: y}, {X: x + 7, Y: y}, {X: base.X - 7, Y: y}, base}, Stroke: stroke})
		return append(items, style.Arrowhead("normal", tip, base, stroke)...)
	}
	switch e.Kind {
	case LegendPossibly:
		return line(fade(style.Ink), 1.5, nil)
	case LegendGone:
		return line(GhostInk, 1, ghostDash)
	case LegendUpcoming:
		fill := style.StatusFill(scenario.StatusPlanned)
		if fill.A == 0 {
			fill = style.NoStatusFill
		}
		return style.AppendSwatch(items, fill, drawing.Stroke{Color: style.AsOfInk, Width: 1, Dash: []float64{3, 2}}, 2, x, y)
	case LegendTrackPossibly:
		return style.AppendSwatch(items, fade(style.StatusFill(scenario.StatusUnderWay)), drawing.Stroke{Color: fade(style.Ink), Width: 1}, 2, x, y)
	}
	return items
}

// allTracks are the tracks of Union's scenario: the base's, then each
// variant's.
func (b *builder) allTracks() [][]scenario.Track {
	out := [][]scenario.Track{b.orig.Tracks}
	for _, v := range b.orig.Variants {
		out = append(out, v.Tracks)
	}
	return out
}

// allSeats are the seats of Union's scenario and its variants.
func (b *builder) allSeats() []scenario.Seat {
	out := slices.Clone(b.orig.Seats)
	for _, v := range b.orig.Variants {
		out = append(out, v.Seats...)
	}
	return out
}
