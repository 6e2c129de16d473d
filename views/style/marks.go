package style

import (
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// What the timeline, network and grid views share besides the seat looks
// above: statements' stances, role glyphs for text outputs, a legend of
// any samples, a view's heading, and a few colours of their own.

// StanceLook is how a statement's stance is drawn: a colour and a word.
type StanceLook struct {
	Color drawing.Color
	Word  string // "supports", "opposes" ...
}

// Stance is how a statement of stance s is drawn; an unstated stance is
// grey and says nothing.
func Stance(s scenario.Stance) StanceLook {
	if l, ok := stanceLooks[s]; ok {
		return l
	}
	return StanceLook{Color: Muted}
}

var stanceLooks = map[scenario.Stance]StanceLook{
	scenario.StanceSupport: {drawing.RGB(0x2e7d32), "supports"},
	scenario.StanceOppose:  {drawing.RGB(0xc62828), "opposes"},
	scenario.StanceNeutral: {drawing.RGB(0x6b7785), "neutral"},
	scenario.StanceConcern: {drawing.RGB(0xd86c00), "concerned"},
	scenario.StanceDemand:  {drawing.RGB(0x6a3d9a), "demands"},
	scenario.StanceWarn:    {drawing.RGB(0xad1457), "warns"},
}

// RoleGlyph is a character that stands for a role's arrowhead in text
// outputs (Markdown, CSV, DOT legends): ◆ convener, ■ host, ● chair,
// ◇ mediator, ○ facilitator, □ guarantor, ▶ participant, ◀ signatory,
// ◁ witness, ▷ observer, > invited, ⊣ excluded.
func RoleGlyph(r scenario.Role) string {
	switch Role(r).Arrowhead {
	case "diamond":
		return "◆"
	case "box":
		return "■"
	case "odiamond":
		return "◇"
	case "empty":
		return "▷"
	case "vee":
		return ">"
	case "tee":
		return "⊣"
	case "normal":
		return "▶"
	case "dot":
		return "●"
	case "odot":
		return "○"
	case "obox":
		return "□"
	case "inv":
		return "◀"
	case "oinv":
		return "◁"
	}
	return "?"
}

// Colours of the views that place things themselves.
var (
	EventInk = drawing.RGB(0x3b5b8c) // events on the timeline
	AsOfInk  = drawing.RGB(0xb35900) // the as-of day
	Rule     = drawing.RGB(0xd5dbe3) // grid lines, lane separators
	Band     = drawing.RGB(0xf5f7fa) // every other lane or row
	Faint    = drawing.RGB(0x8a96a3) // axis ticks, faint text
)

// AppendRoleSample draws a seat sample from x to x+length at height y:
// a line in the role's colour and the certainty's dash, ending in the
// role's arrowhead, as the participation view draws the seat.
func AppendRoleSample(items []drawing.Item, role scenario.Role, certainty scenario.Certainty, x, y, length float64, ref string) []drawing.Item {
	rs := Role(role)
	cs := Certainty(certainty)
	if rs.Color.A == 0 {
		rs = RoleLook{Color: Muted, Arrowhead: "normal", Width: 1.2}
	}
	stroke := drawing.Stroke{Color: rs.Color, Width: rs.Width * cs.Width, Dash: cs.Dash}
	end := x + length
	base := drawing.Point{X: end - ArrowLength, Y: y}
	start := len(items)
	items = append(items, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: y}, base}, Stroke: stroke})
	items = append(items, Arrowhead(rs.Arrowhead, drawing.Point{X: end, Y: y}, base, stroke)...)
	for i := start; i < len(items); i++ {
		items[i].Ref = ref
	}
	return items
}

// LegendEntry is one sample in a legend and what it means.
type LegendEntry struct {
	// Sample draws the sample between x and x+SampleW, centred on mid.
	Sample  func(items []drawing.Item, x, mid float64) []drawing.Item
	SampleW float64
	Text    string
}

// RoleEntry is the legend entry of a role: its colour and arrowhead.
func RoleEntry(r scenario.Role) LegendEntry {
	return LegendEntry{SampleW: LegendLine, Text: string(r), Sample: func(items []drawing.Item, x, mid float64) []drawing.Item {
		return AppendLegendSample(items, r, "", x, mid)
	}}
}

// CertaintyEntry is the legend entry of a certainty: its line style.
func CertaintyEntry(c scenario.Certainty) LegendEntry {
	return LegendEntry{SampleW: LegendLine, Text: string(c), Sample: func(items []drawing.Item, x, mid float64) []drawing.Item {
		return AppendLegendSample(items, "", c, x, mid)
	}}
}

// Legend gaps, in points.
const (
	legendGapX = 14.0
	legendGapY = 4.0
)

// AppendLegend lays entries out in rows no wider than maxW from (x, y)
// and returns the items and the legend's height and width.
func AppendLegend(items []drawing.Item, entries []LegendEntry, x, y, maxW float64) ([]drawing.Item, float64, float64) {
	if len(entries) == 0 {
		return items, 0, 0
	}
	lh := LineHeight(drawing.Regular, LegendSize)
	rowH := max(lh, 12)
	cx, cy, w := x, y, 0.0
	for _, e := range entries {
		text := Measure(e.Text, drawing.Regular, LegendSize, Ink)
		entryW := e.SampleW + 5 + text.W
		if cx > x && cx-x+entryW > maxW {
			cx, cy = x, cy+rowH+legendGapY
		}
		mid := cy + rowH/2
		items = e.Sample(items, cx, mid)
		items = append(items, TextAt(text, cx+e.SampleW+5, mid-lh/2, drawing.AnchorStart, ""))
		cx += entryW + legendGapX
		w = max(w, cx-legendGapX-x)
	}
	return items, cy + rowH - y, w
}

// Heading is a view's title block, no wider than maxW: the scenario's
// title; the view's name, the as-of day and the variant ("What if: …" or
// "Base scenario"); and what a focus or filter keeps, so that a narrowed
// picture never passes for the whole.
func Heading(sel *scenario.Selection, view string, asOf scenario.Date, maxW float64) Block {
	meta := sel.Scenario.Meta
	title := OneLine(meta.Title)
	if title == "" {
		title = "Untitled scenario"
	}
	lines := Wrap(title, drawing.Bold, TitleSize, Ink, maxW)
	sub := []string{view}
	if !asOf.IsZero() {
		sub = append(sub, "As of "+asOf.Human())
	}
	switch {
	case sel.Variant != nil:
		sub = append(sub, "What if: "+OneLine(sel.Variant.Name))
	case len(sel.Scenario.Variants) > 0:
		sub = append(sub, "Base scenario")
	}
	lines = append(lines, Wrap(strings.Join(sub, " · "), drawing.Regular, SubtitleSize, Muted, maxW)...)
	if d := sel.Describe(); d != "" {
		lines = append(lines, Wrap(d, drawing.Bold, SubtitleSize, AsOfInk, maxW)...)
	}
	return Stack(lines...)
}

// Palette is the i-th of a set of colours told apart at a glance, for
// things a view must tell apart that have no colour of their own (the
// blocs of the network view); it repeats after twelve.
func Palette(i int) drawing.Color {
	return palette[((i%len(palette))+len(palette))%len(palette)]
}

var palette = []drawing.Color{
	drawing.RGB(0x1f5fa8), drawing.RGB(0xc28a00), drawing.RGB(0x0f8b8d), drawing.RGB(0xb2446a),
	drawing.RGB(0x6b7d1e), drawing.RGB(0x7b4fa6), drawing.RGB(0xc0562b), drawing.RGB(0x3d7a4a),
	drawing.RGB(0x8c6d46), drawing.RGB(0x4a6fa5), drawing.RGB(0x9e3d8f), drawing.RGB(0x5f6b73),
}

// Tint mixes a colour four fifths of the way to white, for the fill of a
// box outlined in that colour.
func Tint(c drawing.Color) drawing.Color {
	mix := func(v uint8) uint8 { return uint8((int(v) + 4*255) / 5) }
	return drawing.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 0xff}
}

// Together is the colour of co-participation ties (parties that take
// part in the same tracks).
var Together = drawing.Color{R: 0x37, G: 0x47, B: 0x4f, A: 0xb8}
