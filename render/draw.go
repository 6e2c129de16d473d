package render

import (
	"fmt"
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
		for _, it := range route.Items {
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
		head := arrowhead(rs.Arrowhead, Point{end, y}, rs.Color)
		lineEnd := end - head.length
		d.Items = append(d.Items, Item{Kind: KindPolyline, Points: []Point{{x, y}, {lineEnd, y}}, Stroke: Stroke{Color: rs.Color, Width: rs.Width}})
		d.Items = append(d.Items, head.items...)
		return
	}
	cs := certaintyLook(e.Certainty)
	d.Items = append(d.Items, Item{Kind: KindPolyline, Points: []Point{{x, y}, {end, y}}, Stroke: Stroke{Color: inkColor, Width: 1.4 * cs.Width, Dash: cs.Dash}})
}

type head struct {
	items  []Item
	length float64 // how far back from the tip the line should stop
}

// arrowhead draws a right-pointing arrowhead with its tip at p, in the same
// shapes Graphviz gives the diagram's arrows.
func arrowhead(name string, p Point, c Color) head {
	const l, w = 9.0, 3.5 // length and half-width, as Graphviz at arrowsize 0.9
	fill := Item{Fill: c, Stroke: Stroke{Color: c, Width: 1}}
	hollow := Item{Fill: paperColor, Stroke: Stroke{Color: c, Width: 1}}
	poly := func(base Item, pts ...Point) Item {
		base.Kind = KindPolygon
		base.Points = pts
		return base
	}
	switch name {
	case "diamond", "odiamond":
		base := fill
		if name == "odiamond" {
			base = hollow
		}
		return head{[]Item{poly(base, p, Point{p.X - l*0.6, p.Y - w}, Point{p.X - l*1.2, p.Y}, Point{p.X - l*0.6, p.Y + w})}, l * 1.2}
	case "box":
		return head{[]Item{poly(fill, Point{p.X, p.Y - w}, Point{p.X, p.Y + w}, Point{p.X - 2*w, p.Y + w}, Point{p.X - 2*w, p.Y - w})}, 2 * w}
	case "empty":
		return head{[]Item{poly(hollow, p, Point{p.X - l, p.Y - w}, Point{p.X - l, p.Y + w})}, l}
	case "vee":
		return head{[]Item{poly(fill, p, Point{p.X - l, p.Y - w}, Point{p.X - l*0.6, p.Y}, Point{p.X - l, p.Y + w})}, l * 0.6}
	case "tee":
		return head{[]Item{poly(fill, Point{p.X, p.Y - w - 1}, Point{p.X, p.Y + w + 1}, Point{p.X - 2.5, p.Y + w + 1}, Point{p.X - 2.5, p.Y - w - 1})}, 2.5}
	}
	return head{[]Item{poly(fill, p, Point{p.X - l, p.Y - w}, Point{p.X - l, p.Y + w})}, l}
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
