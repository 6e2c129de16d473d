package participation

import (
	"fmt"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/views/style"
)

// Draw places the graph spec by the layout and draws it: the title block
// and legend on top, then frames, arrows, boxes and labels. All text is
// Parley's own, measured in the bundled font; Graphviz's text is not used.
func Draw(g *Graph, l *layout.Layout) (*drawing.Drawing, error) {
	d := &drawing.Drawing{Background: style.Paper}
	top := margin
	width := g.Header.W
	top = drawBlock(d, g.Header, margin, top, drawing.AnchorStart, "")
	legendH, legendW := drawLegend(d, g.Legend, margin, top+4, max(headerWrap, l.Width))
	width = max(width, legendW)
	if legendH > 0 {
		top += 4 + legendH
	}
	top += headerGap
	origin := drawing.Point{X: margin, Y: top}
	width = max(width, l.Width)
	d.Width = width + 2*margin
	d.Height = top + l.Height + margin
	if len(g.Nodes) == 0 {
		line := measured("Nothing to draw: no seats at any track in this picture.", drawing.Italic, style.NameSize, style.Muted)
		drawBlock(d, stack([]TextLine{line}), margin, top, drawing.AnchorStart, "")
		_, _, lh := typeset.FontMetrics(drawing.Italic, style.NameSize)
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
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindRect, X: x, Y: y, W: box.W, H: box.H, Radius: 6, Fill: c.Fill, Stroke: c.Stroke, Ref: c.Ref})
		drawBlock(d, c.Label, x+padX, y+clusterPadY+2, drawing.AnchorStart, c.Ref)
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
			c := drawing.Point{X: origin.X + route.LabelCenter.X, Y: origin.Y + route.LabelCenter.Y}
			e := e
			labels = append(labels, func() {
				bg := style.Paper
				bg.A = 0xd9
				d.Items = append(d.Items, drawing.Item{Kind: drawing.KindRect, X: c.X - e.Label.W/2 - 2, Y: c.Y - e.Label.H/2 - 1, W: e.Label.W + 4, H: e.Label.H + 2, Radius: 2, Fill: bg, Ref: e.Ref})
				drawBlock(d, e.Label, c.X, c.Y-e.Label.H/2, drawing.AnchorMiddle, e.Ref)
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
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindRect, X: x, Y: y, W: n.W, H: n.H, Radius: n.Radius, Fill: n.Fill, Stroke: n.Stroke, Ref: n.Ref})
		drawBlock(d, n.Label, x+n.W/2, y+(n.H-n.Label.H)/2, drawing.AnchorMiddle, n.Ref)
	}
	for _, f := range labels {
		f()
	}
	return d, nil
}

// drawBlock draws the lines of a block from top y, anchored at x, and
// returns the y below it.
func drawBlock(d *drawing.Drawing, b Block, x, y float64, anchor drawing.Anchor, ref string) float64 {
	for _, l := range b.Lines {
		ascent, descent, lh := typeset.FontMetrics(l.Font, l.Size)
		lead := (lh - ascent - descent) / 2 // centre the glyphs in the line's height
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindText, X: x, Y: y + lead + ascent, W: l.W, Text: l.Text, Font: l.Font, Size: l.Size, Fill: l.Color, Anchor: anchor, Ref: ref})
		y += lh
	}
	return y
}

// drawLegend lays the legend out in rows no wider than maxW from (x, y) and
// returns its height and width.
func drawLegend(d *drawing.Drawing, entries []LegendEntry, x, y, maxW float64) (h, w float64) {
	if len(entries) == 0 {
		return 0, 0
	}
	ascent, descent, lh := typeset.FontMetrics(drawing.Regular, style.LegendSize)
	rowH := max(lh, 12)
	cx, cy := x, y
	for _, e := range entries {
		entryW := style.LegendLine + 5 + e.Text.W
		if cx > x && cx-x+entryW > maxW {
			cx, cy = x, cy+rowH+legendGapY
		}
		mid := cy + rowH/2
		d.Items = style.AppendLegendSample(d.Items, e.Role, e.Certainty, cx, mid)
		base := mid + (ascent-descent)/2
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindText, X: cx + style.LegendLine + 5, Y: base, W: e.Text.W, Text: e.Text.Text, Font: e.Text.Font, Size: e.Text.Size, Fill: e.Text.Color, Anchor: drawing.AnchorStart})
		cx += entryW + legendGapX
		w = max(w, cx-legendGapX-x)
	}
	return cy + rowH - y, w
}

// edgeItems draws a seat's arrow along its route: the spline in the seat's
// colour, width and dash, and its arrowhead from the spline's end to the tip.
func edgeItems(e *Edge, r layout.EdgeRoute) []drawing.Item {
	if len(r.Spline) == 0 {
		return nil
	}
	spline := make([]drawing.Point, len(r.Spline))
	for i, p := range r.Spline {
		spline[i] = drawing.Point(p)
	}
	stroke := drawing.Stroke{Color: e.Color, Width: e.Width, Dash: e.Dash}
	items := []drawing.Item{{Kind: drawing.KindBezier, Points: spline, Stroke: stroke}}
	if r.HasEnd {
		items = append(items, style.Arrowhead(e.Arrowhead, drawing.Point(r.End), spline[len(spline)-1], stroke)...)
	}
	if r.HasStart {
		items = append(items, style.Arrowhead(e.Arrowhead, drawing.Point(r.Start), spline[0], stroke)...) // a seat on the far side (sides.go)
	}
	return items
}

// offsetItem moves an item by o.
func offsetItem(it drawing.Item, o drawing.Point) drawing.Item {
	it.X += o.X
	it.Y += o.Y
	if len(it.Points) > 0 {
		pts := make([]drawing.Point, len(it.Points))
		for i, p := range it.Points {
			pts[i] = drawing.Point{X: p.X + o.X, Y: p.Y + o.Y}
		}
		it.Points = pts
	}
	return it
}
