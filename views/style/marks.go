package style

import (
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// The legend's samples other than lines, each LegendLine wide and centred
// on y, from x.

// SwatchHeight is the height of a legend swatch (a box sample).
const SwatchHeight = 11.0

// AppendSwatch appends a small box filled with fill and outlined with
// stroke: a track status, an actor kind or a delegation frame.
func AppendSwatch(items []drawing.Item, fill drawing.Color, stroke drawing.Stroke, radius, x, y float64) []drawing.Item {
	return append(items, drawing.Item{Kind: drawing.KindRect, X: x + 4, Y: y - SwatchHeight/2, W: LegendLine - 8, H: SwatchHeight, Radius: radius, Fill: fill, Stroke: stroke})
}

// AppendMixedSample appends the sample of a folded arrow whose seats
// differ in certainty: solid, then dotted, in ink.
func AppendMixedSample(items []drawing.Item, x, y float64) []drawing.Item {
	mid := x + LegendLine/2
	solid := drawing.Stroke{Color: Ink, Width: 1.4}
	dotted := drawing.Stroke{Color: Ink, Width: 1.4, Dash: Certainty(scenario.Speculative).Dash}
	return append(items,
		drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: y}, {X: mid, Y: y}}, Stroke: solid},
		drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: mid, Y: y}, {X: x + LegendLine, Y: y}}, Stroke: dotted})
}

// WhatIfHalo is how far outside a track box the what-if outline runs.
const WhatIfHalo = 3.0

// WhatIfStroke is the outline drawn around a track a variant adds or
// changes.
var WhatIfStroke = drawing.Stroke{Color: WhatIfInk, Width: 1.5, Dash: []float64{4, 2}}

// Badge is the look of a numbered badge that stands on an arrow for a
// label there was no room for: a circle of BadgeRadius in paper, outlined
// in the arrow's colour, with the number in ink.
const BadgeRadius = 6.5

// AppendBadge appends a badge centred at c in the colour of its arrow (the
// caller adds the number's text).
func AppendBadge(items []drawing.Item, c drawing.Point, r float64, color drawing.Color) []drawing.Item {
	return append(items, drawing.Item{Kind: drawing.KindEllipse, X: c.X, Y: c.Y, W: r, H: r, Fill: Paper, Stroke: drawing.Stroke{Color: color, Width: 1.2}})
}
