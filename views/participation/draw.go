package participation

import (
	"fmt"
	"maps"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/views/style"
)

// Draw places the graph spec by the layout and draws it: the title block
// and legend on top, then frames, boxes and arrows with their labels, then
// the notes and the sources. All text is Parley's own, measured in the
// bundled font; Graphviz's text is not used. The items of each Ref are
// drawn one after the other, so an output can group them.
func Draw(g *Graph, l *layout.Layout) (*drawing.Drawing, error) {
	d := &drawing.Drawing{Background: style.Paper, Title: g.Title, Desc: g.Desc, Objects: maps.Clone(g.Objects)}
	if len(g.Nodes) == 0 {
		top := drawBlock(d, g.Header, margin, margin, drawing.AnchorStart, "header")
		line := measured("Nothing to draw: no seats at any track in this picture.", drawing.Italic, style.NameSize, style.Muted)
		top = drawBlock(d, stack([]TextLine{line}), margin, top+headerGap, drawing.AnchorStart, "")
		d.Height = top + margin
		d.Width = max(g.Header.W, line.W) + 2*margin
		return d, nil
	}
	dg, err := drawDiagram(g, l)
	if err != nil {
		return nil, err
	}
	ext := dg.extent
	width := max(float64(headerWrap), ext.x1-ext.x0)
	top := drawBlock(d, g.Header, margin, margin, drawing.AnchorStart, "header")
	legend := g.Legend
	if len(dg.notes) > 0 {
		legend = withNoteEntry(legend)
	}
	legendH, legendW := drawLegend(d, legend, margin, top+4, width)
	if legendH > 0 {
		top += 4 + legendH
	}
	top += headerGap
	if r := g.reserve; r != nil {
		// A stable layout: the diagram starts as low in every picture.
		lh, lw := drawLegend(&drawing.Drawing{}, r.legend, margin, 0, width)
		top = max(top, margin+r.headerH+4+lh+headerGap)
		legendW = max(legendW, lw, r.headerW)
	}
	origin := drawing.Point{X: margin - ext.x0, Y: top - ext.y0}
	for _, it := range dg.items {
		d.Items = append(d.Items, offsetItem(it, origin))
	}
	bottom := top + (ext.y1 - ext.y0) + headerGap
	bottom = drawNotes(d, dg.notes, margin, bottom, width)
	bottom = drawSources(d, g, margin, bottom, width)
	d.Width = max(width, g.Header.W, legendW) + 2*margin
	d.Height = bottom + margin - legendGapY
	return d, nil
}

// diagram is the laid-out part of the picture, in layout coordinates.
type diagram struct {
	items  []drawing.Item
	notes  []spot
	extent rect // what it covers: the layout, and any line beyond it
}

func drawDiagram(g *Graph, l *layout.Layout) (*diagram, error) {
	dg := &diagram{}
	var boxes, frames []rect
	boxAt, err := placeBoxes(g, l)
	if err != nil {
		return nil, err
	}
	box := func(n *Node, r rect) {
		if n.Hidden {
			return
		}
		boxes = append(boxes, r)
		if n.Mark.A != 0 { // the diff picture's ring
			h := r.grow(markHalo)
			dg.items = append(dg.items, drawing.Item{Kind: drawing.KindRect, X: h.x0, Y: h.y0, W: h.x1 - h.x0, H: h.y1 - h.y0, Radius: n.Radius + markHalo, Stroke: drawing.Stroke{Color: n.Mark, Width: 2.5}, Ref: n.Ref})
		}
		dg.items = append(dg.items, drawing.Item{Kind: drawing.KindRect, X: r.x0, Y: r.y0, W: r.x1 - r.x0, H: r.y1 - r.y0, Radius: n.Radius, Fill: n.Fill, Stroke: n.Stroke, Ref: n.Ref})
		dg.items = drawBlockItems(dg.items, n.Label, (r.x0+r.x1)/2, r.y0+(r.y1-r.y0-n.Label.H)/2, drawing.AnchorMiddle, n.Ref)
	}
	for _, rows := range g.Sides {
		for _, row := range rows {
			for _, u := range row {
				if u.Node != nil {
					box(u.Node, boxAt[u.Node])
					continue
				}
				f := u.Frame
				if f.Hidden {
					// No one of the frame's people is in the picture: its
					// actor's own box, when drawn, stands alone.
					for _, m := range f.Members {
						box(m, boxAt[m])
					}
					continue
				}
				nb := l.Nodes[u.Name]
				r, labelAt := frameRect(g, f, rectAt(drawing.Point(nb.Center), u.W, u.H), boxAt)
				frames = append(frames, r)
				dg.items = append(dg.items, drawing.Item{Kind: drawing.KindRect, X: r.x0, Y: r.y0, W: r.x1 - r.x0, H: r.y1 - r.y0, Radius: 6, Fill: f.Fill, Stroke: f.Stroke, Ref: f.Ref})
				if len(f.Label.Lines) > 0 {
					boxes = append(boxes, rect{labelAt.X, labelAt.Y, labelAt.X + f.Label.W, labelAt.Y + f.Label.H})
					dg.items = drawBlockItems(dg.items, f.Label, labelAt.X, labelAt.Y, drawing.AnchorStart, f.Ref)
				}
				for _, m := range f.Members {
					box(m, boxAt[m])
				}
			}
		}
	}
	for _, t := range g.Timeline {
		r := boxAt[t]
		if t.Hidden {
			continue
		}
		if t.WhatIf {
			h := r.grow(style.WhatIfHalo)
			dg.items = append(dg.items, drawing.Item{Kind: drawing.KindRect, X: h.x0, Y: h.y0, W: h.x1 - h.x0, H: h.y1 - h.y0, Radius: t.Radius + style.WhatIfHalo, Stroke: style.WhatIfStroke, Ref: t.Ref})
		}
		box(t, r)
		boxes[len(boxes)-1] = r.grow(style.WhatIfHalo)
	}

	for _, e := range g.Edges {
		if _, ok := l.Edges[e.ID]; !ok {
			return nil, fmt.Errorf("render: the layout has no route for %s", e.ID)
		}
	}
	paths, err := routes(g, l, boxAt)
	if err != nil {
		return nil, err
	}
	var shapes []*arrowShape
	drawn := make([][]drawing.Item, len(g.Edges))
	prefer := map[*Edge]drawing.Point{}
	area := rect{0, 0, l.Width, l.Height}
	for i, e := range g.Edges {
		p := paths[e]
		items, line, head := edgeItems(e, p)
		if len(line) > 0 {
			area = area.union(boundsOf(line)) // hidden ones too: the same extent in every picture
		}
		if e.Hidden {
			continue
		}
		drawn[i] = items
		shapes = append(shapes, newArrowShape(e, line, head))
		if p.hasLabel {
			prefer[e] = p.label
		}
	}
	dg.extent = area
	spots := placeLabels(shapes, prefer, boxes, frames, area, g.floatingLabels() && g.Direction == TopToBottom)
	byEdge := map[*Edge]spot{}
	for _, s := range spots {
		byEdge[s.edge] = s
		if s.badge > 0 {
			dg.notes = append(dg.notes, s)
		}
	}
	for i, e := range g.Edges {
		dg.items = append(dg.items, drawn[i]...)
		if s, ok := byEdge[e]; ok {
			dg.items = drawSpot(dg.items, s)
		}
	}
	return dg, nil
}

// drawSpot draws a seat's words on their plate, or its badge.
func drawSpot(items []drawing.Item, s spot) []drawing.Item {
	e := s.edge
	if s.badge > 0 {
		items = style.AppendBadge(items, s.center, style.BadgeRadius, e.Color)
		items[len(items)-1].Ref = e.Ref
		return append(items, badgeNumber(s.badge, s.center, e.Ref))
	}
	bg := style.Paper
	bg.A = 0xf2
	r := s.plate
	items = append(items, drawing.Item{Kind: drawing.KindRect, X: r.x0, Y: r.y0, W: r.x1 - r.x0, H: r.y1 - r.y0, Radius: 2, Fill: bg, Ref: e.Ref})
	return drawBlockItems(items, e.Label, s.center.X, s.center.Y-e.Label.H/2, drawing.AnchorMiddle, e.Ref)
}

func badgeNumber(n int, c drawing.Point, ref string) drawing.Item {
	text := fmt.Sprint(n)
	size := style.EdgeLabelSize - 0.5
	if n > 99 {
		size -= 2
	}
	ascent, descent, _ := typeset.FontMetrics(drawing.Bold, size)
	return drawing.Item{Kind: drawing.KindText, X: c.X, Y: c.Y + (ascent-descent)/2, W: typeset.MeasureText(text, drawing.Bold, size),
		Text: text, Font: drawing.Bold, Size: size, Fill: style.Ink, Anchor: drawing.AnchorMiddle, Ref: ref}
}

// edgeItems draws a seat's arrow along its path: the line in the seat's
// colour, width and dash, and its arrowhead from the line's end to the
// tip. It returns the items, the line flattened (arrowhead included) and
// the box around the arrowhead.
func edgeItems(e *Edge, p *path) ([]drawing.Item, []drawing.Point, rect) {
	if len(p.spline) < 4 {
		return nil, nil, rect{}
	}
	stroke := drawing.Stroke{Color: e.Color, Width: e.Width, Dash: e.Dash}
	var items []drawing.Item
	if e.Mark.A != 0 { // the diff picture's highlight, under the line
		items = append(items, drawing.Item{Kind: drawing.KindBezier, Points: p.spline, Stroke: markStroke(e.Mark, e.Width), Ref: e.Ref})
	}
	items = append(items, drawing.Item{Kind: drawing.KindBezier, Points: p.spline, Stroke: stroke, Ref: e.Ref})
	line := flattenBezier(p.spline, 8)
	var pts []drawing.Point
	for _, h := range style.Arrowhead(e.Arrowhead, p.tip, p.spline[len(p.spline)-1], stroke) {
		h.Ref = e.Ref
		items = append(items, h)
		pts = append(pts, h.Points...)
	}
	return items, append(line, p.tip), boundsOf(pts)
}

func lerp(a, b drawing.Point, t float64) drawing.Point {
	return drawing.Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t}
}

// drawBlock draws the lines of a block from top y, anchored at x, and
// returns the y below it.
func drawBlock(d *drawing.Drawing, b Block, x, y float64, anchor drawing.Anchor, ref string) float64 {
	d.Items = drawBlockItems(d.Items, b, x, y, anchor, ref)
	return y + b.H
}

func drawBlockItems(items []drawing.Item, b Block, x, y float64, anchor drawing.Anchor, ref string) []drawing.Item {
	for _, l := range b.Lines {
		ascent, descent, lh := typeset.FontMetrics(l.Font, l.Size)
		lead := (lh - ascent - descent) / 2 // centre the glyphs in the line's height
		items = append(items, drawing.Item{Kind: drawing.KindText, X: x, Y: y + lead + ascent, W: l.W, Text: l.Text, Font: l.Font, Size: l.Size, Fill: l.Color, Anchor: anchor, Ref: ref})
		y += lh
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

// drawNotes lists the words of the arrows that carry a numbered badge,
// from y, and returns the y below.
func drawNotes(d *drawing.Drawing, notes []spot, x, y, width float64) float64 {
	if len(notes) == 0 {
		return y
	}
	y = drawBlock(d, stack([]TextLine{measured("Notes", drawing.Bold, style.LegendSize, style.Muted)}), x, y, drawing.AnchorStart, "")
	for _, s := range notes {
		e := s.edge
		ref := fmt.Sprintf("note:%d", s.badge)
		text := fmt.Sprintf("%s at %s (%s): %s", plain(e.Tail.Label), plain(e.Head.Label), e.Role, e.Words)
		d.Objects[ref] = drawing.Object{Class: "note", Tooltip: d.Objects[e.Ref].Tooltip, Data: map[string]string{"seat": strings.TrimPrefix(e.Ref, "seat:"), "note": fmt.Sprint(s.badge)}}
		d.Items = style.AppendBadge(d.Items, drawing.Point{X: x + style.BadgeRadius, Y: y + style.BadgeRadius + 1}, style.BadgeRadius, e.Color)
		d.Items[len(d.Items)-1].Ref = ref
		d.Items = append(d.Items, badgeNumber(s.badge, drawing.Point{X: x + style.BadgeRadius, Y: y + style.BadgeRadius + 1}, ref))
		lines := wrapLines(text, drawing.Regular, style.EdgeLabelSize, style.Ink, width-2*style.BadgeRadius-6)
		bl := stack(lines)
		y = max(drawBlock(d, bl, x+2*style.BadgeRadius+6, y+1, drawing.AnchorStart, ref), y+2*style.BadgeRadius+2) + legendGapY
	}
	return y + legendGapY
}

// plain is the name a box shows: its bold lines of the largest size (a
// track's status line is bold too, but smaller).
func plain(b Block) string {
	size := 0.0
	for _, l := range b.Lines {
		if l.Font == drawing.Bold && l.Color != style.WhatIfInk {
			size = max(size, l.Size)
		}
	}
	var parts []string
	for _, l := range b.Lines {
		if l.Font == drawing.Bold && l.Color != style.WhatIfInk && l.Size == size {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, " ")
}

// drawSources lists the sources in full, numbered when there are several,
// from y, and returns the y below.
func drawSources(d *drawing.Drawing, g *Graph, x, y, width float64) float64 {
	if !g.Numbered {
		for _, s := range g.Sources {
			d.Objects["source:"+s.ID] = drawing.Object{Class: "source", Tooltip: s.Text, Data: map[string]string{"source": s.ID}}
		}
		return y // one source: the header names it
	}
	y = drawBlock(d, stack([]TextLine{measured("Sources", drawing.Bold, style.LegendSize, style.Muted)}), x, y, drawing.AnchorStart, "")
	numW := typeset.MeasureText(fmt.Sprintf("[%d]", len(g.Sources)), drawing.Regular, style.EdgeLabelSize)
	// A long list goes into columns, read down then across, so that it
	// does not make the picture taller than the diagram it belongs to.
	need := 0.0
	for _, s := range g.Sources {
		need = max(need, numW+6+typeset.MeasureText(s.Text, drawing.Regular, style.EdgeLabelSize))
	}
	need = min(max(need, sourceColW), width)
	cols := max(1, min(int((width+sourceColGap)/(need+sourceColGap)), (len(g.Sources)+sourceColMin-1)/sourceColMin))
	colW := (width - float64(cols-1)*sourceColGap) / float64(cols)
	perCol := (len(g.Sources) + cols - 1) / cols
	top, bottom := y, y
	for i, s := range g.Sources {
		if i > 0 && i%perCol == 0 {
			y = top
		}
		cx := x + float64(i/perCol)*(colW+sourceColGap)
		ref := "source:" + s.ID
		d.Objects[ref] = drawing.Object{Class: "source", Tooltip: s.Text, Data: map[string]string{"source": s.ID, "number": fmt.Sprint(s.N)}}
		num := measured(fmt.Sprintf("[%d]", s.N), drawing.Regular, style.EdgeLabelSize, style.Muted)
		drawBlock(d, stack([]TextLine{num}), cx, y, drawing.AnchorStart, ref)
		y = drawBlock(d, stack(wrapLines(s.Text, drawing.Regular, style.EdgeLabelSize, style.Muted, colW-numW-6)), cx+numW+6, y, drawing.AnchorStart, ref) + 1
		bottom = max(bottom, y)
	}
	y = bottom
	return y + legendGapY
}
