package render

import (
	"fmt"
	"math"
)

// Draw places the graph spec by the layout and draws it: the title block
// and legend on top, then frames, arrows, boxes and labels. All text is
// Parley's own, measured in the bundled font; Graphviz's text is not used.
func Draw(g *Graph, l *Layout) (*Drawing, error) {
	d := &Drawing{Background: paperColor}
	top := margin
	width := g.Header.W
	top = drawBlock(d, g.Header, margin, top, AnchorStart, "")
	legendH, legendW := drawLegend(d, g.Legend, margin, top+4, max(headerWrap, l.Width))
	width = max(width, legendW)
	if legendH > 0 {
		top += 4 + legendH
	}
	top += headerGap
	origin := Point{margin, top}
	width = max(width, l.Width)
	d.Width = width + 2*margin
	d.Height = top + l.Height + margin
	if len(g.Nodes) == 0 {
		line := measured("Nothing to draw: no seats at any track in this picture.", Italic, nameSize, mutedColor)
		drawBlock(d, stack([]TextLine{line}), margin, top, AnchorStart, "")
		_, _, lh := FontMetrics(Italic, nameSize)
		d.Height = top + lh + margin
		d.Width = max(d.Width, line.W+2*margin)
		return d, nil
	}

	for _, c := range g.Clusters {
		box, ok := l.Clusters[c.Name]
		if !ok {
			return nil, fmt.Errorf("render: the layout has no frame %s", c.Name)
		}
		x, y := origin.X+box.X, origin.Y+box.Y
		d.Items = append(d.Items, Item{Kind: KindRect, X: x, Y: y, W: box.W, H: box.H, Radius: 6, Fill: c.Fill, Stroke: c.Stroke, Ref: c.Ref})
		drawBlock(d, c.Label, x+padX, y+clusterPadY+2, AnchorStart, c.Ref)
	}
	var labels []func()
	for _, e := range g.Edges {
		route, ok := l.Edges[e.ID]
		if !ok {
			return nil, fmt.Errorf("render: the layout has no route for %s", e.ID)
		}
		for _, it := range edgeItems(e, route) {
			it = offsetItem(it, origin)
			it.Ref = e.Ref
			d.Items = append(d.Items, it)
		}
		if len(e.Label.Lines) > 0 && route.HasLabel {
			c := Point{origin.X + route.LabelCenter.X, origin.Y + route.LabelCenter.Y}
			e := e
			labels = append(labels, func() {
				bg := paperColor
				bg.A = 0xd9
				d.Items = append(d.Items, Item{Kind: KindRect, X: c.X - e.Label.W/2 - 2, Y: c.Y - e.Label.H/2 - 1, W: e.Label.W + 4, H: e.Label.H + 2, Radius: 2, Fill: bg, Ref: e.Ref})
				drawBlock(d, e.Label, c.X, c.Y-e.Label.H/2, AnchorMiddle, e.Ref)
			})
		}
	}
	for _, n := range g.Nodes {
		box, ok := l.Nodes[n.Name]
		if !ok {
			return nil, fmt.Errorf("render: the layout has no box for %s", n.Name)
		}
		x := origin.X + box.Center.X - n.W/2
		y := origin.Y + box.Center.Y - n.H/2
		d.Items = append(d.Items, Item{Kind: KindRect, X: x, Y: y, W: n.W, H: n.H, Radius: n.Radius, Fill: n.Fill, Stroke: n.Stroke, Ref: n.Ref})
		drawBlock(d, n.Label, x+n.W/2, y+(n.H-n.Label.H)/2, AnchorMiddle, n.Ref)
	}
	for _, f := range labels {
		f()
	}
	return d, nil
}

// drawBlock draws the lines of a block from top y, anchored at x, and
// returns the y below it.
func drawBlock(d *Drawing, b Block, x, y float64, anchor Anchor, ref string) float64 {
	for _, l := range b.Lines {
		ascent, descent, lh := FontMetrics(l.Font, l.Size)
		lead := (lh - ascent - descent) / 2 // centre the glyphs in the line's height
		d.Items = append(d.Items, Item{Kind: KindText, X: x, Y: y + lead + ascent, W: l.W, Text: l.Text, Font: l.Font, Size: l.Size, Fill: l.Color, Anchor: anchor, Ref: ref})
		y += lh
	}
	return y
}

// drawLegend lays the legend out in rows no wider than maxW from (x, y) and
// returns its height and width.
func drawLegend(d *Drawing, entries []LegendEntry, x, y, maxW float64) (h, w float64) {
	if len(entries) == 0 {
		return 0, 0
	}
	ascent, descent, lh := FontMetrics(Regular, legendSize)
	rowH := max(lh, 12)
	cx, cy := x, y
	for _, e := range entries {
		entryW := legendLine + 5 + e.Text.W
		if cx > x && cx-x+entryW > maxW {
			cx, cy = x, cy+rowH+legendGapY
		}
		mid := cy + rowH/2
		drawSample(d, e, cx, mid)
		base := mid + (ascent-descent)/2
		d.Items = append(d.Items, Item{Kind: KindText, X: cx + legendLine + 5, Y: base, W: e.Text.W, Text: e.Text.Text, Font: e.Text.Font, Size: e.Text.Size, Fill: e.Text.Color, Anchor: AnchorStart})
		cx += entryW + legendGapX
		w = max(w, cx-legendGapX-x)
	}
	return cy + rowH - y, w
}

// drawSample draws a legend sample line from x at height y: a role's colour
// and arrowhead, or a certainty's line style.
func drawSample(d *Drawing, e LegendEntry, x, y float64) {
	end := x + legendLine
	if e.Role != "" {
		rs := roleStyles[e.Role]
		stroke := Stroke{Color: rs.Color, Width: rs.Width}
		base := Point{end - arrowLength, y}
		d.Items = append(d.Items, Item{Kind: KindPolyline, Points: []Point{{x, y}, base}, Stroke: stroke})
		d.Items = append(d.Items, arrowhead(rs.Arrowhead, Point{end, y}, base, stroke)...)
		return
	}
	cs := certaintyLook(e.Certainty)
	d.Items = append(d.Items, Item{Kind: KindPolyline, Points: []Point{{x, y}, {end, y}}, Stroke: Stroke{Color: inkColor, Width: 1.4 * cs.Width, Dash: cs.Dash}})
}

// edgeItems draws a seat's arrow along its route: the spline in the seat's
// colour, width and dash, and its arrowhead from the spline's end to the tip.
func edgeItems(e *Edge, r EdgeRoute) []Item {
	if len(r.Spline) == 0 {
		return nil
	}
	stroke := Stroke{Color: e.Color, Width: e.Width, Dash: e.Dash}
	items := []Item{{Kind: KindBezier, Points: r.Spline, Stroke: stroke}}
	if r.HasEnd {
		items = append(items, arrowhead(e.Arrowhead, r.End, r.Spline[len(r.Spline)-1], stroke)...)
	}
	if r.HasStart {
		items = append(items, arrowhead("normal", r.Start, r.Spline[0], stroke)...)
	}
	return items
}

// arrowLength is the length of an arrowhead at Graphviz's arrowsize 0.9.
const arrowLength = 9.0

// arrowhead draws the named Graphviz arrowhead with its tip at tip and its
// base at base (where the line ends), in the line's colour: the same shapes
// in the legend and on the arrows. Solid outlines, whatever the line's dash.
func arrowhead(name string, tip, base Point, line Stroke) []Item {
	dx, dy := tip.X-base.X, tip.Y-base.Y
	l := math.Hypot(dx, dy)
	if l < 0.01 {
		return nil
	}
	ux, uy := dx/l, dy/l // along the arrow
	const w = 3.5        // half its width
	// at maps a point in the arrow's frame (a along the arrow back from the
	// tip, b across it) to the drawing.
	at := func(a, b float64) Point { return Point{tip.X - ux*a - uy*b, tip.Y - uy*a + ux*b} }
	outline := Stroke{Color: line.Color, Width: min(line.Width, 1.5)}
	filled := func(pts ...Point) Item {
		return Item{Kind: KindPolygon, Points: pts, Fill: line.Color, Stroke: outline}
	}
	hollow := func(pts ...Point) Item {
		return Item{Kind: KindPolygon, Points: pts, Fill: paperColor, Stroke: outline}
	}
	switch name {
	case "diamond":
		return []Item{filled(at(0, 0), at(l/2, -w), at(l, 0), at(l/2, w))}
	case "odiamond":
		return []Item{hollow(at(0, 0), at(l/2, -w), at(l, 0), at(l/2, w))}
	case "box":
		return []Item{filled(at(0, -w), at(0, w), at(l, w), at(l, -w))}
	case "empty":
		return []Item{hollow(at(0, 0), at(l, -w), at(l, w))}
	case "vee":
		return []Item{filled(at(0, 0), at(l, -w), at(l*0.6, 0), at(l, w))}
	case "tee":
		bar := min(2.5, l)
		stem := Item{Kind: KindPolyline, Points: []Point{base, at(bar, 0)}, Stroke: Stroke{Color: line.Color, Width: line.Width}}
		return []Item{stem, filled(at(0, -w-1), at(0, w+1), at(bar, w+1), at(bar, -w-1))}
	}
	return []Item{filled(at(0, 0), at(l, -w), at(l, w))}
}

// offsetItem moves an item by o.
func offsetItem(it Item, o Point) Item {
	it.X += o.X
	it.Y += o.Y
	if len(it.Points) > 0 {
		pts := make([]Point, len(it.Points))
		for i, p := range it.Points {
			pts[i] = Point{p.X + o.X, p.Y + o.Y}
		}
		it.Points = pts
	}
	return it
}
