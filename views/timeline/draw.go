package timeline

import (
	"math"
	"slices"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/describe"
	"github.com/parleyhq/parley/views/style"
)

// Draw draws the placed timeline: the heading and legend, the axis, the
// lanes with their marks, the sources.
func (t *Timeline) Draw() *drawing.Drawing {
	d := &drawing.Drawing{Background: style.Paper, Objects: t.objects}
	d.Title = style.OneLine(t.sel.Scenario.Meta.Title) + " — timeline"
	d.Desc = describe.Drawn("Timeline: tracks as bars, events and statements as marks, in lanes on a date axis.", t.sel.Scenario,
		describe.Options{Variant: t.opts.Variant, Filter: t.opts.Filter, AllDates: true})
	width := t.width
	var y float64
	d.Items, y = style.AppendBlock(d.Items, t.heading, margin, margin, drawing.AnchorStart, "")
	var legendH, legendW float64
	d.Items, legendH, legendW = style.AppendLegend(d.Items, t.legend, margin, y+4, math.Max(width-2*margin, 600))
	width = math.Max(width, legendW+2*margin)
	y += 4 + legendH + 14

	if len(t.marks) == 0 {
		what := "Nothing to draw: no tracks, events or statements in this picture."
		if !t.sel.Filter.IsZero() {
			what = "Nothing to draw: the focus and filters keep no tracks, events or statements."
		}
		l := style.Measure(what, drawing.Italic, style.NameSize, style.Muted)
		d.Items = append(d.Items, style.TextAt(l, margin, y, drawing.AnchorStart, ""))
		d.Width = math.Max(width, l.W+2*margin)
		d.Height = y + style.LineHeight(l.Font, l.Size) + margin
		return d
	}

	// The axis: the as-of day's name, the months or years, the ticks.
	dh := style.LineHeight(drawing.Regular, style.DetailSize)
	asOfTop := y
	if !math.IsNaN(t.axis.asOfX) {
		y += dh + 2
	}
	upperTop := y
	if len(t.axis.spans) > 0 {
		y += dh
	}
	tickTop := y
	y += dh + 4
	lanesTop := y

	// Lanes, their heights first.
	for _, l := range t.lanes {
		rows := max(l.rows, l.undated)
		l.y = y
		l.h = math.Max(l.head.H+2*lanePad, float64(rows)*rowH+2*lanePad)
		y += l.h
	}
	lanesBottom := y
	var bands []drawing.Item
	for i, l := range t.lanes {
		if i%2 == 1 {
			bands = append(bands, drawing.Item{Kind: drawing.KindRect, X: margin, Y: l.y, W: width - 2*margin, H: l.h, Fill: style.Band})
		}
		bands = append(bands, hline(margin, width-margin, l.y, style.Rule))
	}
	bands = append(bands, hline(margin, width-margin, lanesBottom, style.Rule))
	d.Items = append(d.Items, bands...)

	// Grid lines at the ticks and at the starts of months or years.
	if t.axis.has {
		for _, tk := range t.axis.ticks {
			c := style.Rule
			c.A = 0x90
			if tk.major {
				c.A = 0xff
			}
			d.Items = append(d.Items, vline(tk.x, lanesTop, lanesBottom, c, 0.6))
			d.Items = append(d.Items, vline(tk.x, tickTop+dh, lanesTop, style.Faint, 0.8))
			d.Items = append(d.Items, style.TextAt(tk.label, tk.x, tickTop, drawing.AnchorMiddle, ""))
		}
		for _, sp := range t.axis.spans {
			if sp.x > t.axis.x0+0.5 {
				d.Items = append(d.Items, vline(sp.x, upperTop, lanesBottom, style.Faint, 0.8))
			}
			d.Items = append(d.Items, style.TextAt(sp.label, sp.x+3, upperTop, drawing.AnchorStart, ""))
		}
		d.Items = append(d.Items, hline(t.axis.x0, t.axis.x0+t.axis.w, lanesTop, style.Faint))
	}
	if t.undatedX > 0 && slices.ContainsFunc(t.marks, func(m *mark) bool { return m.undated }) {
		l := style.Measure("Undated", drawing.Bold, style.DetailSize, style.Ink)
		d.Items = append(d.Items, style.TextAt(l, t.undatedX, tickTop, drawing.AnchorStart, ""))
		d.Items = append(d.Items, vline(t.undatedX-rowGapX, tickTop, lanesBottom, style.Rule, 1))
	}
	if !math.IsNaN(t.axis.asOfX) {
		x := t.axis.asOfX
		l := style.Measure("As of "+t.asOf.Human(), drawing.Bold, style.DetailSize, style.AsOfInk)
		lx, anchor := x+3, drawing.AnchorStart
		if lx+l.W > width-margin {
			lx, anchor = x-3, drawing.AnchorEnd
		}
		d.Items = append(d.Items, style.TextAt(l, lx, asOfTop, anchor, ""))
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: asOfTop + 2}, {X: x, Y: lanesBottom}},
			Stroke: drawing.Stroke{Color: style.AsOfInk, Width: 1.3, Dash: []float64{4, 2}}})
	}

	// Lane names.
	for _, l := range t.lanes {
		d.Items, _ = style.AppendBlock(d.Items, l.head, margin+4, l.y+lanePad, drawing.AnchorStart, l.ref)
	}

	// Marks, in reading order.
	for _, m := range t.marks {
		d.Items = t.drawMark(d.Items, m)
	}

	// Sources.
	y = lanesBottom + 10
	var fw, fh float64
	d.Items, fw, fh = t.cites.AppendFooter(d.Items, margin, y, math.Max(width-2*margin, 1040))
	y += fh
	d.Width = math.Max(width, fw+2*margin)
	d.Height = y + margin
	return d
}

func hline(x0, x1, y float64, c drawing.Color) drawing.Item {
	return drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x0, Y: y}, {X: x1, Y: y}}, Stroke: drawing.Stroke{Color: c, Width: 0.8}}
}

func vline(x, y0, y1 float64, c drawing.Color, w float64) drawing.Item {
	return drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: y0}, {X: x, Y: y1}}, Stroke: drawing.Stroke{Color: c, Width: w}}
}

// drawMark draws one mark in its lane's row: the faint band of an
// approximate date, the band or marker, and its two lines of text on a
// ground that hides the grid lines behind them.
func (t *Timeline) drawMark(items []drawing.Item, m *mark) []drawing.Item {
	top := m.lane.y + lanePad + float64(m.row)*rowH
	cy := top + 2 + markerH/2
	if m.approx && (m.fx0 < m.x0 || m.fx1 > m.x1) {
		faint := m.color
		faint.A = 0x38
		if m.kind == markTrack {
			faint = style.Faint
			faint.A = 0x50
		}
		items = append(items, drawing.Item{Kind: drawing.KindRect, X: m.fx0, Y: cy - 1.5, W: m.fx1 - m.fx0, H: 3, Radius: 1.5, Fill: faint, Ref: m.ref})
	}
	items = appendMarker(items, m.kind, m.point, m.x0, m.x1, cy, m.fill, m.stroke, m.ref)
	if !m.point && !m.undated {
		items = t.appendSuspensions(items, m, cy)
	}

	textTop := top + markerH + 4
	titleH := style.LineHeight(drawing.Bold, titleSize)
	detH := style.LineHeight(drawing.Regular, detailSize)
	ground := style.Paper
	for i, l := range t.lanes {
		if l == m.lane && i%2 == 1 {
			ground = style.Band
		}
	}
	ground.A = 0xd8
	items = append(items, drawing.Item{Kind: drawing.KindRect, X: m.labelX - 1, Y: textTop, W: math.Max(m.titleW, m.detW) + 2, H: titleH + detH, Fill: ground, Ref: m.ref})
	items = appendPieces(items, m.title, m.labelX, textTop, m.ref)
	return appendPieces(items, m.detail, m.labelX, textTop+titleH, m.ref)
}

// appendSuspensions greys out the days a track was suspended on its bar,
// from a suspension's start to its end (or the bar's end, if it did not
// resume).
func (t *Timeline) appendSuspensions(items []drawing.Item, m *mark, cy float64) []drawing.Item {
	for _, sp := range m.suspended {
		if sp.From.IsZero() {
			continue
		}
		x0 := math.Max(m.x0, t.axis.x(sp.From.First()))
		x1 := m.x1
		if !sp.To.IsZero() {
			x1 = math.Min(m.x1, t.axis.x(sp.To.Last())+t.axis.perDay)
		}
		if x1-x0 < 1 {
			continue
		}
		items = append(items, drawing.Item{Kind: drawing.KindRect, X: x0, Y: cy - markerH/2, W: x1 - x0, H: markerH,
			Fill: style.StatusFill(scenario.StatusSuspended), Stroke: drawing.Stroke{Color: style.Muted, Width: 0.8, Dash: []float64{2, 2}}, Ref: m.ref})
	}
	return items
}

func appendPieces(items []drawing.Item, pieces []style.Line, x, top float64, ref string) []drawing.Item {
	for _, p := range pieces {
		if p.Text == "" {
			continue
		}
		items = append(items, style.TextAt(p, x, top, drawing.AnchorStart, ref))
		x += p.W
	}
	return items
}

// appendMarker draws a band from x0 to x1, or a marker centred between
// them: a square for a track, a circle for an event, a diamond for a
// statement.
func appendMarker(items []drawing.Item, kind markKind, point bool, x0, x1, cy float64, fill drawing.Color, stroke drawing.Stroke, ref string) []drawing.Item {
	h := markerH
	if !point {
		if kind != markTrack {
			f := fill
			if f != style.Paper {
				f = style.Lighten(fill)
			}
			fill = f
		}
		return append(items, drawing.Item{Kind: drawing.KindRect, X: x0, Y: cy - h/2, W: x1 - x0, H: h, Radius: 2, Fill: fill, Stroke: stroke, Ref: ref})
	}
	cx := (x0 + x1) / 2
	r := h / 2
	switch kind {
	case markEvent:
		return append(items, drawing.Item{Kind: drawing.KindEllipse, X: cx, Y: cy, W: r, H: r, Fill: fill, Stroke: stroke, Ref: ref})
	case markStatement:
		r += 0.8
		pts := []drawing.Point{{X: cx, Y: cy - r}, {X: cx + r, Y: cy}, {X: cx, Y: cy + r}, {X: cx - r, Y: cy}}
		return append(items, drawing.Item{Kind: drawing.KindPolygon, Points: pts, Fill: fill, Stroke: stroke, Ref: ref})
	}
	return append(items, drawing.Item{Kind: drawing.KindRect, X: cx - r, Y: cy - r, W: h, H: h, Radius: 1, Fill: fill, Stroke: stroke, Ref: ref})
}

// makeLegend lists exactly what the timeline draws: the kinds of marks,
// how dates are drawn, the stances and certainties used, the as-of day.
func (t *Timeline) makeLegend() {
	var tracks, events, statements, bands, approx, quotes bool
	stances := map[scenario.Stance]bool{}
	certs := map[scenario.Certainty]bool{}
	for _, m := range t.marks {
		switch m.kind {
		case markTrack:
			tracks = true
		case markEvent:
			events = true
		case markStatement:
			statements = true
		}
		if !m.start.IsZero() && m.start.Day == 0 {
			bands = true
		}
		approx = approx || m.approx
	}
	for _, tr := range t.sel.Tracks {
		certs[orReported(tr.Certainty)] = true
	}
	for _, e := range t.sel.Events {
		certs[orReported(e.Certainty)] = true
	}
	for _, st := range t.sel.Statements {
		stances[st.Stance] = true
		quotes = quotes || st.Quote
	}
	sample := func(w float64, f func(items []drawing.Item, x, mid float64) []drawing.Item, text string) {
		t.legend = append(t.legend, style.LegendEntry{SampleW: w, Sample: f, Text: text})
	}
	ink := drawing.Stroke{Color: style.Ink, Width: 1.1}
	if tracks {
		sample(22, func(items []drawing.Item, x, mid float64) []drawing.Item {
			return appendMarker(items, markTrack, false, x, x+22, mid, style.StatusFill(scenario.StatusPlanned), ink, "")
		}, "track, start to end")
	}
	if events {
		sample(markerH+2, func(items []drawing.Item, x, mid float64) []drawing.Item {
			return appendMarker(items, markEvent, true, x, x+markerH+2, mid, style.EventInk, drawing.Stroke{Color: style.EventInk, Width: 1.2}, "")
		}, "event")
	}
	if statements {
		sample(markerH+2, func(items []drawing.Item, x, mid float64) []drawing.Item {
			return appendMarker(items, markStatement, true, x, x+markerH+2, mid, style.Muted, drawing.Stroke{Color: style.Muted, Width: 1.2}, "")
		}, "statement, in its stance's colour")
		for _, s := range scenario.Stances {
			if !stances[s] {
				continue
			}
			sl := style.Stance(s)
			sample(8, func(items []drawing.Item, x, mid float64) []drawing.Item {
				return append(items, drawing.Item{Kind: drawing.KindRect, X: x, Y: mid - 4, W: 8, H: 8, Radius: 1, Fill: sl.Color})
			}, sl.Word)
		}
		if quotes {
			sample(0, func(items []drawing.Item, _, _ float64) []drawing.Item { return items }, "“in quotes”: quoted; plain: paraphrase")
		}
	}
	suspended := false
	for _, m := range t.marks {
		suspended = suspended || len(m.suspended) > 0
	}
	if suspended {
		sample(22, func(items []drawing.Item, x, mid float64) []drawing.Item {
			return append(items, drawing.Item{Kind: drawing.KindRect, X: x, Y: mid - markerH/2, W: 22, H: markerH,
				Fill: style.StatusFill(scenario.StatusSuspended), Stroke: drawing.Stroke{Color: style.Muted, Width: 0.8, Dash: []float64{2, 2}}})
		}, "suspended")
	}
	if bands {
		sample(22, func(items []drawing.Item, x, mid float64) []drawing.Item {
			return appendMarker(items, markEvent, false, x, x+22, mid, style.EventInk, drawing.Stroke{Color: style.EventInk, Width: 1.2}, "")
		}, "date known to the month or year: every day it may be")
	}
	if approx {
		sample(22, func(items []drawing.Item, x, mid float64) []drawing.Item {
			faint := style.EventInk
			faint.A = 0x38
			return append(items, drawing.Item{Kind: drawing.KindRect, X: x, Y: mid - 1.5, W: 22, H: 3, Radius: 1.5, Fill: faint})
		}, "c. approximate: how far it may be off")
	}
	if !math.IsNaN(t.axis.asOfX) {
		sample(10, func(items []drawing.Item, x, mid float64) []drawing.Item {
			return append(items, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x + 5, Y: mid - 6}, {X: x + 5, Y: mid + 6}},
				Stroke: drawing.Stroke{Color: style.AsOfInk, Width: 1.3, Dash: []float64{4, 2}}})
		}, "as of")
	}
	for _, c := range scenario.Certainties {
		if certs[c] {
			t.legend = append(t.legend, style.CertaintyEntry(c))
		}
	}
}

func orReported(c scenario.Certainty) scenario.Certainty {
	if c == "" {
		return scenario.Reported
	}
	return c
}
