package network

import (
	"fmt"
	"math"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/views/describe"
	"github.com/parleyhq/parley/views/style"
)

// Draw places the graph by the layout and draws it: the heading and
// legend on top, then frames, ties, boxes and labels.
func (g *Graph) Draw(l *layout.Layout) (*drawing.Drawing, error) {
	d := &drawing.Drawing{Background: style.Paper, Objects: g.objects}
	meta := g.sel.Scenario.Meta
	d.Title = style.OneLine(meta.Title) + " — actor network"
	d.Desc = describe.Drawn("Actor network: actors as boxes, tied by membership (to a bloc or group) and by representation (a person for the actor they speak for).", g.sel.Scenario,
		describe.Options{Variant: g.opts.Variant, AsOf: g.opts.AsOf, Filter: g.opts.Filter})
	var y float64
	d.Items, y = style.AppendBlock(d.Items, g.heading, margin, margin, drawing.AnchorStart, "")
	width := math.Max(g.heading.W, l.Width)
	var legendH, legendW float64
	d.Items, legendH, legendW = style.AppendLegend(d.Items, g.legend, margin, y+4, math.Max(width, 560))
	width = math.Max(width, legendW)
	y += 4 + legendH + 14
	if len(g.Nodes) == 0 {
		what := "Nothing to draw: no actors in this picture."
		if !g.sel.Filter.IsZero() {
			what = "Nothing to draw: the focus and filters keep no actors."
		}
		line := style.Measure(what, drawing.Italic, style.NameSize, style.Muted)
		d.Items = append(d.Items, style.TextAt(line, margin, y, drawing.AnchorStart, ""))
		d.Width = math.Max(width, line.W) + 2*margin
		d.Height = y + style.LineHeight(line.Font, line.Size) + margin
		return d, nil
	}
	o := drawing.Point{X: margin, Y: y}
	d.Width = width + 2*margin
	d.Height = y + l.Height + margin

	for _, f := range g.Frames {
		box, ok := l.Clusters[f.Name]
		if !ok {
			return nil, fmt.Errorf("render: the layout has no frame %s", f.Name)
		}
		x, fy := o.X+box.X, o.Y+box.Y
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindRect, X: x, Y: fy, W: box.W, H: box.H, Radius: 8, Fill: style.Band, Stroke: drawing.Stroke{Color: style.Frame, Width: 1}})
		d.Items, _ = style.AppendBlock(d.Items, f.Label, x+padX, fy+padY, drawing.AnchorStart, "")
	}
	var labels []func()
	for _, t := range g.Ties {
		route, ok := l.Edges[t.ID]
		if !ok {
			return nil, fmt.Errorf("render: the layout has no route for %s", t.ID)
		}
		if len(route.Spline) == 0 {
			continue
		}
		pts := make([]drawing.Point, len(route.Spline))
		for i, p := range route.Spline {
			pts[i] = drawing.Point{X: o.X + p.X, Y: o.Y + p.Y}
		}
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindBezier, Points: pts, Stroke: t.Stroke, Ref: t.Ref})
		var items []drawing.Item
		switch {
		case t.Arrowhead == "":
		case route.HasEnd:
			tip := drawing.Point{X: o.X + route.End.X, Y: o.Y + route.End.Y}
			items = style.Arrowhead(t.Arrowhead, tip, pts[len(pts)-1], t.Stroke)
		case route.HasStart: // a tie written backwards (dot.go)
			tip := drawing.Point{X: o.X + route.Start.X, Y: o.Y + route.Start.Y}
			items = style.Arrowhead(t.Arrowhead, tip, pts[0], t.Stroke)
		}
		if len(items) > 0 {
			for i := range items {
				items[i].Ref = t.Ref
			}
			d.Items = append(d.Items, items...)
		}
		if len(t.Label.Lines) > 0 && route.HasLabel {
			c := drawing.Point{X: o.X + route.LabelCenter.X, Y: o.Y + route.LabelCenter.Y}
			t := t
			labels = append(labels, func() {
				bg := style.Paper
				bg.A = 0xd9
				d.Items = append(d.Items, drawing.Item{Kind: drawing.KindRect, X: c.X - t.Label.W/2 - 2, Y: c.Y - t.Label.H/2 - 1, W: t.Label.W + 4, H: t.Label.H + 2, Radius: 2, Fill: bg, Ref: t.Ref})
				d.Items, _ = style.AppendBlock(d.Items, t.Label, c.X, c.Y-t.Label.H/2, drawing.AnchorMiddle, t.Ref)
			})
		}
	}
	for _, n := range g.Nodes {
		box, ok := l.Nodes[n.Name]
		if !ok {
			return nil, fmt.Errorf("render: the layout has no box for %s", n.Name)
		}
		x := o.X + box.Center.X - n.W/2
		ny := o.Y + box.Center.Y - n.H/2
		d.Items = append(d.Items, drawing.Item{Kind: drawing.KindRect, X: x, Y: ny, W: n.W, H: n.H, Radius: n.Radius, Fill: n.Fill, Stroke: n.Stroke, Ref: n.Ref})
		d.Items, _ = style.AppendBlock(d.Items, n.Label, x+n.W/2, ny+(n.H-n.Label.H)/2, drawing.AnchorMiddle, n.Ref)
	}
	for _, f := range labels {
		f()
	}
	return d, nil
}
