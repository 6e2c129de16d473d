package style

import (
	"math"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// LegendLine is the length of a legend sample line, in points.
const LegendLine = 30.0

// AppendLegendSample appends to items a legend sample line from x at height
// y, LegendLine long: with role set, the role's colour and arrowhead;
// otherwise certainty's line style.
func AppendLegendSample(items []drawing.Item, role scenario.Role, certainty scenario.Certainty, x, y float64) []drawing.Item {
	end := x + LegendLine
	if role != "" {
		rs := roleStyles[role]
		stroke := drawing.Stroke{Color: rs.Color, Width: rs.Width}
		base := drawing.Point{X: end - ArrowLength, Y: y}
		items = append(items, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: y}, base}, Stroke: stroke})
		return append(items, Arrowhead(rs.Arrowhead, drawing.Point{X: end, Y: y}, base, stroke)...)
	}
	cs := Certainty(certainty)
	return append(items, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: y}, {X: end, Y: y}}, Stroke: drawing.Stroke{Color: Ink, Width: 1.4 * cs.Width, Dash: cs.Dash}})
}

// ArrowLength is the length of an arrowhead at Graphviz's arrowsize 0.9.
const ArrowLength = 9.0

// Arrowhead draws the named Graphviz arrowhead with its tip at tip and its
// base at base (where the line ends), in the line's colour: the same shapes
// in the legend and on the arrows. Solid outlines, whatever the line's dash.
func Arrowhead(name string, tip, base drawing.Point, line drawing.Stroke) []drawing.Item {
	dx, dy := tip.X-base.X, tip.Y-base.Y
	l := math.Hypot(dx, dy)
	if l < 0.01 {
		return nil
	}
	ux, uy := dx/l, dy/l // along the arrow
	const w = 3.5        // half its width
	// at maps a point in the arrow's frame (a along the arrow back from the
	// tip, b across it) to the drawing.
	at := func(a, b float64) drawing.Point { return drawing.Point{X: tip.X - ux*a - uy*b, Y: tip.Y - uy*a + ux*b} }
	outline := drawing.Stroke{Color: line.Color, Width: min(line.Width, 1.5)}
	filled := func(pts ...drawing.Point) drawing.Item {
		return drawing.Item{Kind: drawing.KindPolygon, Points: pts, Fill: line.Color, Stroke: outline}
	}
	hollow := func(pts ...drawing.Point) drawing.Item {
		return drawing.Item{Kind: drawing.KindPolygon, Points: pts, Fill: Paper, Stroke: outline}
	}
	circle := func(fill drawing.Color) drawing.Item {
		r := min(w+0.5, l/2)
		c := at(r, 0)
		return drawing.Item{Kind: drawing.KindEllipse, X: c.X, Y: c.Y, W: r, H: r, Fill: fill, Stroke: outline}
	}
	switch name {
	case "dot":
		return []drawing.Item{circle(line.Color)}
	case "odot":
		return []drawing.Item{circle(Paper)}
	case "obox":
		return []drawing.Item{hollow(at(0, -w), at(0, w), at(l, w), at(l, -w))}
	case "inv":
		return []drawing.Item{filled(at(0, -w), at(0, w), at(l, 0))}
	case "oinv":
		return []drawing.Item{hollow(at(0, -w), at(0, w), at(l, 0))}
	case "diamond":
		return []drawing.Item{filled(at(0, 0), at(l/2, -w), at(l, 0), at(l/2, w))}
	case "odiamond":
		return []drawing.Item{hollow(at(0, 0), at(l/2, -w), at(l, 0), at(l/2, w))}
	case "box":
		return []drawing.Item{filled(at(0, -w), at(0, w), at(l, w), at(l, -w))}
	case "empty":
		return []drawing.Item{hollow(at(0, 0), at(l, -w), at(l, w))}
	case "vee":
		return []drawing.Item{filled(at(0, 0), at(l, -w), at(l*0.6, 0), at(l, w))}
	case "tee":
		bar := min(2.5, l)
		stem := drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{base, at(bar, 0)}, Stroke: drawing.Stroke{Color: line.Color, Width: line.Width}}
		return []drawing.Item{stem, filled(at(0, -w-1), at(0, w+1), at(bar, w+1), at(bar, -w-1))}
	}
	return []drawing.Item{filled(at(0, 0), at(l, -w), at(l, w))}
}

// Darken mixes a colour a third of the way to black, for text.
func Darken(c drawing.Color) drawing.Color {
	return drawing.Color{R: uint8(int(c.R) * 2 / 3), G: uint8(int(c.G) * 2 / 3), B: uint8(int(c.B) * 2 / 3), A: 0xff}
}

// Lighten mixes a colour halfway to white, for frames behind boxes.
func Lighten(c drawing.Color) drawing.Color {
	if c.A == 0 {
		return drawing.RGB(0xf4f6f8)
	}
	return drawing.Color{R: uint8((int(c.R) + 255) / 2), G: uint8((int(c.G) + 255) / 2), B: uint8((int(c.B) + 255) / 2), A: 0xff}
}
