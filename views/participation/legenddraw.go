package participation

import (
	"slices"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// withNoteEntry adds the numbered badge to the legend's marks.
func withNoteEntry(groups []LegendGroup) []LegendGroup {
	out := slices.Clone(groups)
	e := LegendEntry{Kind: LegendNote, Ref: "legend:notes", Text: measured("words that had no room, listed below", drawing.Regular, style.LegendSize, style.Ink)}
	for i := range out {
		if out[i].Caption.Text == "Marks:" {
			out[i].Entries = append(slices.Clone(out[i].Entries), e)
			return out
		}
	}
	return append(out, LegendGroup{Caption: measured("Marks:", drawing.Bold, style.LegendSize, style.Muted), Entries: []LegendEntry{e}})
}

// drawLegend lays the legend out from (x, y), a row for each group, its
// entries wrapping within maxW, and returns its height and width.
func drawLegend(d *drawing.Drawing, groups []LegendGroup, x, y, maxW float64) (h, w float64) {
	if len(groups) == 0 {
		return 0, 0
	}
	ascent, descent, lh := typeset.FontMetrics(drawing.Regular, style.LegendSize)
	rowH := max(lh, 13)
	indent := 0.0
	for _, grp := range groups {
		indent = max(indent, grp.Caption.W+8)
	}
	indent = min(indent, maxW/3)
	cy := y
	for _, grp := range groups {
		base := cy + rowH/2 + (ascent-descent)/2
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindText, X: x, Y: base, W: grp.Caption.W, Text: grp.Caption.Text, Font: grp.Caption.Font, Size: grp.Caption.Size, Fill: grp.Caption.Color})
		cx := x + indent
		for _, e := range grp.Entries {
			entryW := style.LegendLine + 5 + e.Text.W
			if cx > x+indent && cx-x+entryW > maxW {
				cx, cy = x+indent, cy+rowH+legendGapY
			}
			mid := cy + rowH/2
			start := len(d.Items)
			d.Items = appendSample(d.Items, e, cx, mid)
			d.Items = append(d.Items, drawing.Item{Kind: drawing.KindText, X: cx + style.LegendLine + 5, Y: mid + (ascent-descent)/2, W: e.Text.W, Text: e.Text.Text, Font: e.Text.Font, Size: e.Text.Size, Fill: e.Text.Color, Anchor: drawing.AnchorStart})
			for i := start; i < len(d.Items); i++ {
				d.Items[i].Ref = e.Ref
			}
			cx += entryW + legendGapX
			w = max(w, cx-legendGapX-x)
		}
		cy += rowH + legendGapY
	}
	return cy - legendGapY - y, w
}

// appendSample draws an entry's sample, LegendLine wide, centred on y.
func appendSample(items []drawing.Item, e LegendEntry, x, y float64) []drawing.Item {
	switch e.Kind {
	case LegendRole:
		return style.AppendLegendSample(items, e.Role, "", x, y)
	case LegendCertainty:
		return style.AppendLegendSample(items, "", e.Certainty, x, y)
	case LegendMixed:
		return style.AppendMixedSample(items, x, y)
	case LegendStatus:
		fill := style.StatusFill(e.Status)
		if fill.A == 0 {
			fill = style.NoStatusFill
		}
		return style.AppendSwatch(items, fill, style.TrackBorder(scenario.Reported), 2, x, y)
	case LegendActor:
		return style.AppendSwatch(items, style.KindFill(e.ActorKind), drawing.Stroke{Color: style.Outline, Width: 1}, 3, x, y)
	case LegendFrame:
		k := e.ActorKind
		if k == "" {
			k = scenario.KindState
		}
		return style.AppendSwatch(items, style.Lighten(style.KindFill(k)), drawing.Stroke{Color: style.Frame, Width: 1}, 3, x, y)
	case LegendWhatIf:
		text := "WHAT IF"
		size := style.EdgeLabelSize - 1
		w := typeset.MeasureText(text, drawing.Bold, size)
		ascent, descent, _ := typeset.FontMetrics(drawing.Bold, size)
		return append(items, drawing.Item{Kind: drawing.KindText, X: x + style.LegendLine/2, Y: y + (ascent-descent)/2, W: w, Text: text, Font: drawing.Bold, Size: size, Fill: style.WhatIfInk, Anchor: drawing.AnchorMiddle})
	case LegendNote:
		c := drawing.Point{X: x + style.LegendLine/2, Y: y}
		items = style.AppendBadge(items, c, style.BadgeRadius, style.Ink)
		return append(items, badgeNumber(1, c, ""))
	case LegendPossibly, LegendGone, LegendUpcoming, LegendTrackPossibly:
		return appendTimeSample(items, e, x, y)
	case LegendMarked, LegendMarkedGhost, LegendRing:
		return appendDiffSample(items, e, x, y)
	case LegendSource:
		size := style.EdgeLabelSize
		w := typeset.MeasureText("[1]", drawing.Regular, size)
		ascent, descent, _ := typeset.FontMetrics(drawing.Regular, size)
		return append(items, drawing.Item{Kind: drawing.KindText, X: x + style.LegendLine/2, Y: y + (ascent-descent)/2, W: w, Text: "[1]", Font: drawing.Regular, Size: size, Fill: style.Muted, Anchor: drawing.AnchorMiddle})
	}
	return items
}
