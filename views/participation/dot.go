package participation

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// DOT is the graph spec as Graphviz DOT text, with the title block, the
// legend and the sources as the graph's label, for use with any Graphviz.
// It is the DOT Parley lays out, with the text in it: every box has the
// size Parley measured, frames are boxes holding their people's boxes,
// arrows leave and reach boxes at the ports Parley gives them, and the
// order of the actors and tracks is held by invisible edges. Arrow labels
// are ordinary edge labels there, placed by Graphviz; Parley places its
// own on the arrows after layout. Every text from the scenario is in an
// HTML-like label, escaped, so it is data and never markup.
func (g *Graph) DOT() []byte { return g.dot(true) }

// LayoutDOT is the DOT given to the layout engine: the same graph without
// its text (every size is fixed, so Graphviz needs none) and without the
// title block, which Draw draws above the layout.
func (g *Graph) LayoutDOT() []byte { return g.dot(false) }

func (g *Graph) dot(full bool) []byte {
	var b bytes.Buffer
	rankdir := "LR"
	if g.Direction == TopToBottom {
		rankdir = "TB"
	}
	b.WriteString("digraph parley {\n")
	sep := rankSep
	if g.floatingLabels() {
		sep = g.denseGap()
	}
	fmt.Fprintf(&b, "\tgraph [rankdir=%s, newrank=true, nodesep=%s, ranksep=%s, pad=0.1, charset=\"UTF-8\", fontname=\"Noto Sans\"];\n",
		rankdir, num(nodeSep/72), num(sep/72))
	labelAttr := "label"
	if g.floatingLabels() {
		// Not virtual nodes in the ranks: three times faster at 1,000
		// actors. Parley makes the room for them (denseGap); the DOT
		// exported has them as Graphviz's floating labels, the layout's
		// none (a third of its time).
		b.WriteString("\tgraph [forcelabels=true, mclimit=0.5];\n")
		labelAttr = "xlabel"
	}
	b.WriteString("\tnode [shape=box, style=\"rounded,filled\", fixedsize=true, margin=0, fontname=\"Noto Sans\", penwidth=1, label=\"\"];\n")
	b.WriteString("\tedge [fontname=\"Noto Sans\", arrowsize=0.9];\n")
	if full {
		fmt.Fprintf(&b, "\tgraph [labelloc=t, labeljust=l, label=<%s>];\n", g.headerHTML())
	}
	for side, rows := range g.Sides {
		for _, row := range rows {
			for _, u := range row {
				if f := u.Frame; f != nil {
					fmt.Fprintf(&b, "\t%s [width=%s, height=%s, fillcolor=%q, color=%q, penwidth=%s, label=<%s>];\n",
						f.Name, inches(f.W), inches(f.H), f.Fill.Hex(), f.Stroke.Color.Hex(), num(f.Stroke.Width), g.frameHTML(f, side, full))
					continue
				}
				writeNode(&b, u.Node, full, "")
			}
		}
	}
	for _, t := range g.Timeline {
		writeNode(&b, t, full, g.trackPorts(t, full))
	}
	// Ranks: each row of actors, then the tracks, each in its order,
	// held by invisible edges (weight 0: they order, they do not pull).
	chain := func(names []string, prefix string) {
		if len(names) == 0 {
			return
		}
		b.WriteString("\t{ rank=same;")
		for _, n := range names {
			fmt.Fprintf(&b, " %s;", n)
		}
		b.WriteString(" }\n")
		for i := 1; i < len(names); i++ {
			fmt.Fprintf(&b, "\t%s -> %s [id=\"%s%d\", style=invis];\n", names[i-1], names[i], prefix, i)
		}
	}
	for side, rows := range g.Sides {
		for r, row := range rows {
			var names []string
			for _, u := range row {
				names = append(names, u.Name)
			}
			chain(names, fmt.Sprintf("side%d_row%d_", side+1, r+1))
			if r > 0 && len(rows[r-1]) > 0 && len(row) > 0 {
				fmt.Fprintf(&b, "\t%s -> %s [id=\"side%d_rows%d\", style=invis];\n", rows[r-1][0].Name, row[0].Name, side+1, r)
			}
		}
	}
	var tracks []string
	for _, t := range g.Timeline {
		tracks = append(tracks, t.Name)
	}
	chain(tracks, "order")
	for _, e := range g.Edges {
		actor, actorPort := e.Tail.Name, facing(g.Direction, e.Side, false)
		if f := e.Tail.Frame; f != nil {
			actor, actorPort = f.Name, e.Tail.Name+":"+actorPort
		}
		trackPort := fmt.Sprintf("%s%d:%s", slotPrefix(g.Direction, e.Side), e.Slot+1, facing(g.Direction, e.Side, true))
		if e.Side == 0 {
			fmt.Fprintf(&b, "\t%s -> %s [id=%q, tailport=%q, headport=%q, arrowhead=%s", actor, e.Head.Name, e.ID, actorPort, trackPort, e.Arrowhead)
		} else {
			// After the tracks: written from the track, so that the
			// ranks run on, and drawn back to it.
			fmt.Fprintf(&b, "\t%s -> %s [id=%q, dir=back, tailport=%q, headport=%q, arrowtail=%s", e.Head.Name, actor, e.ID, trackPort, actorPort, e.Arrowhead)
		}
		fmt.Fprintf(&b, ", color=%q, penwidth=%s, style=%s", e.Color.Hex(), num(e.Width), e.Style)
		if len(e.Label.Lines) > 0 && (full || !g.floatingLabels()) {
			fmt.Fprintf(&b, ", %s=<%s>", labelAttr, blockHTML(e.Label, labelPad, full))
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// facing is the compass side of a box that faces across the gap between
// the actors on side and the tracks: for a track (track set), the side
// facing those actors; for an actor, the side facing the tracks.
func facing(d Direction, side int, track bool) string {
	toward := side == 0 // the tracks lie ahead of the actor
	if track {
		toward = !toward
	}
	switch {
	case d == TopToBottom && toward:
		return "s"
	case d == TopToBottom:
		return "n"
	case toward:
		return "e"
	}
	return "w"
}

// slotPrefix names a track's ports on the side facing the actors of side.
func slotPrefix(d Direction, side int) string { return facing(d, side, true) }

// labelPad is the room, in points, kept around an arrow label's text.
const labelPad = 2.0

// inlineLabelLimit is the number of arrows up to which their labels are
// laid out with them; beyond it they float (xlabel), for speed.
const inlineLabelLimit = 200

func (g *Graph) floatingLabels() bool { return len(g.Edges) > inlineLabelLimit }

// denseGap is the gap between the ranks of a picture whose labels float:
// the arrows cross it on S-curves that pass, halfway, a band as wide as the
// widest label (left to right) or a badge (top to bottom), where Parley
// spaces them so that their words or badges fit.
func (g *Graph) denseGap() float64 {
	return 2*g.denseHalf() + 2*rankSep
}

// denseHalf is half the width of that band: the arrows' S-curves, nearly
// level where they travel far, come to its edges, so it reaches well
// beyond the words.
func (g *Graph) denseHalf() float64 {
	const beyond = 12
	if g.Direction == TopToBottom {
		return style.BadgeRadius + beyond
	}
	w := 0.0
	for _, e := range g.Edges {
		w = max(w, e.Label.W+2*plateX)
	}
	return w/2 + beyond
}

// writeNode writes a box on its own; table, when not empty, is its label.
func writeNode(b *bytes.Buffer, n *Node, full bool, table string) {
	style := "rounded,filled"
	if n.Stroke.Dash != nil {
		style += "," + dashName(n.Stroke.Dash)
	}
	label := table
	if label == "" && full {
		label = blockHTML(n.Label, -1, true)
	}
	fmt.Fprintf(b, "\t%s [width=%s, height=%s, fillcolor=%q, color=%q, penwidth=%s, style=%q", n.Name, inches(n.W), inches(n.H),
		n.Fill.Hex(), n.Stroke.Color.Hex(), num(n.Stroke.Width), style)
	if label != "" {
		fmt.Fprintf(b, ", label=<%s>", label)
	}
	b.WriteString("];\n")
}

const tableAttrs = `BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"`

// cell is an HTML table cell of exactly w×h points, or at least that
// when it holds something: Graphviz measures text its own way, and a fixed
// cell its text overflows stops native dot (an assertion in 2.43).
func cell(w, h float64, attrs, content string) string {
	fixed := ` FIXEDSIZE="TRUE"`
	if content != "" {
		fixed = ""
	}
	return fmt.Sprintf(`<TD%s WIDTH="%d" HEIGHT="%d"%s>%s</TD>`, fixed, int(w), int(h), attrs, content)
}

// fixedTable is the attribute that fixes a table's size, for the layout's
// DOT, which has no text; a table with text may grow.
func fixedTable(full bool) string {
	if full {
		return ""
	}
	return ` FIXEDSIZE="TRUE"`
}

// trackPorts is a track's label: a table the size of the box with, along
// each side that faces actors, one port cell for each of their arrows (w1,
// w2 … on the west side; e, n and s likewise), spread as slotSpacing says,
// and its text between them.
func (g *Graph) trackPorts(t *Node, full bool) string {
	if len(t.Slots[0])+len(t.Slots[1]) == 0 {
		return ""
	}
	text := ""
	if full {
		text = blockHTML(t.Label, -1, true)
	}
	tb := g.Direction == TopToBottom
	// ports is one side's column (or row) of port cells, as a table.
	ports := func(side int) string {
		n := len(t.Slots[side])
		length := t.H
		if tb {
			length = t.W
		}
		if n == 0 {
			return ""
		}
		first, gap := slotSpacing(length, n)
		prefix := slotPrefix(g.Direction, side)
		var b strings.Builder
		if tb {
			fmt.Fprintf(&b, `<TABLE %s FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="1"><TR>%s`, tableAttrs, int(t.W), cell(first, 1, "", ""))
			for i := range n {
				b.WriteString(cell(gap, 1, fmt.Sprintf(` PORT="%s%d"`, prefix, i+1), ""))
			}
			b.WriteString(cell(length-first-gap*float64(n), 1, "", "") + "</TR></TABLE>")
			return b.String()
		}
		fmt.Fprintf(&b, `<TABLE %s FIXEDSIZE="TRUE" WIDTH="1" HEIGHT="%d"><TR>%s</TR>`, tableAttrs, int(t.H), cell(1, first, "", ""))
		for i := range n {
			fmt.Fprintf(&b, "<TR>%s</TR>", cell(1, gap, fmt.Sprintf(` PORT="%s%d"`, prefix, i+1), ""))
		}
		fmt.Fprintf(&b, "<TR>%s</TR></TABLE>", cell(1, length-first-gap*float64(n), "", ""))
		return b.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE %s%s WIDTH="%d" HEIGHT="%d">`, tableAttrs, fixedTable(full), int(t.W), int(t.H))
	if tb {
		fmt.Fprintf(&b, "<TR>%s</TR><TR>%s</TR><TR>%s</TR></TABLE>", cell(t.W, 1, "", ports(0)), cell(t.W, t.H-2, "", text), cell(t.W, 1, "", ports(1)))
		return b.String()
	}
	fmt.Fprintf(&b, "<TR>%s%s%s</TR></TABLE>", cell(1, t.H, "", ports(0)), cell(t.W-2, t.H, "", text), cell(1, t.H, "", ports(1)))
	return b.String()
}

// frameHTML is a frame's label: a table the size of the frame holding its
// label and its people's boxes where layoutFrame put them, each box's cell
// a port (m1, m2 …) reaching the side that faces the tracks.
func (g *Graph) frameHTML(f *Frame, side int, full bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE %s%s WIDTH="%d" HEIGHT="%d">`, tableAttrs, fixedTable(full), int(f.W), int(f.H))
	label := ""
	if full && len(f.Label.Lines) > 0 {
		label = blockHTML(f.Label, -1, true)
	}
	box := func(m *Node) string {
		if !full {
			return ""
		}
		return fmt.Sprintf(`<TABLE BORDER="1" STYLE="ROUNDED" COLOR="%s" BGCOLOR="%s" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0" WIDTH="%d" HEIGHT="%d"><TR><TD>%s</TD></TR></TABLE>`,
			m.Stroke.Color.Hex(), m.Fill.Hex(), int(m.W), int(m.H), blockHTML(m.Label, -1, true))
	}
	if g.Direction == TopToBottom {
		cells := 2*len(f.Members) + 1
		top := f.Members[0].Off.Y // members are top-aligned
		// Above the tracks, the members' cells reach down to the frame's
		// bottom; below them, up to its top, the label underneath.
		rowH, valign := f.H-top, "TOP"
		if side == 1 {
			tallest := 0.0
			for _, m := range f.Members {
				tallest = max(tallest, m.H)
			}
			rowH, valign = framePad+tallest, "BOTTOM"
		}
		labelRow := fmt.Sprintf("<TR>%s</TR>", cell(f.W, f.H-rowH, fmt.Sprintf(` COLSPAN="%d" ALIGN="LEFT" VALIGN="%s"`, cells, map[int]string{0: "BOTTOM", 1: "TOP"}[side]), label))
		if side == 0 {
			b.WriteString(labelRow)
		}
		b.WriteString("<TR>")
		x := 0.0
		for _, m := range f.Members {
			b.WriteString(cell(m.Off.X-x, rowH, "", ""))
			b.WriteString(cell(m.W, rowH, fmt.Sprintf(` PORT="%s" VALIGN="%s"`, m.Name, valign), box(m)))
			x = m.Off.X + m.W
		}
		b.WriteString(cell(f.W-x, rowH, "", "") + "</TR>")
		if side == 1 {
			b.WriteString(labelRow)
		}
		b.WriteString("</TABLE>")
		return b.String()
	}
	top := f.Members[0].Off.Y
	fmt.Fprintf(&b, "<TR>%s</TR>", cell(f.W, top, ` ALIGN="LEFT" VALIGN="BOTTOM"`, label))
	y := top
	for i, m := range f.Members {
		if i > 0 {
			fmt.Fprintf(&b, "<TR>%s</TR>", cell(f.W, m.Off.Y-y, "", ""))
		}
		fmt.Fprintf(&b, "<TR>%s</TR>", cell(f.W, m.H, fmt.Sprintf(` PORT="%s"`, m.Name), box(m)))
		y = m.Off.Y + m.H
	}
	fmt.Fprintf(&b, "<TR>%s</TR></TABLE>", cell(f.W, f.H-y, "", ""))
	return b.String()
}

func dashName(d []float64) string {
	if len(d) > 0 && d[0] <= 1 {
		return "dotted"
	}
	return "dashed"
}

// blockHTML is a text block as an HTML-like label, one row a line. With
// pad >= 0 the table has exactly the block's measured size plus pad points
// a side, so Graphviz reserves the room Parley's text needs; node labels
// (pad < 0) need no fixed table, their box has a fixed size already.
// Without text, the table only keeps the room.
func blockHTML(bl Block, pad float64, text bool) string {
	if len(bl.Lines) == 0 {
		return `<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD WIDTH="1" HEIGHT="1" FIXEDSIZE="TRUE"> </TD></TR></TABLE>`
	}
	var b strings.Builder
	if pad < 0 {
		b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0">`)
	} else {
		fmt.Fprintf(&b, `<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"%s WIDTH="%d" HEIGHT="%d">`,
			fixedTable(text), int(math.Ceil(bl.W+2*pad)), int(math.Ceil(bl.H+2*pad)))
	}
	if !text {
		b.WriteString(`<TR><TD> </TD></TR></TABLE>`)
		return b.String()
	}
	for _, l := range bl.Lines {
		_, _, lh := typeset.FontMetrics(l.Font, l.Size)
		fmt.Fprintf(&b, `<TR><TD HEIGHT="%d"><FONT POINT-SIZE="%s" COLOR="%s">%s</FONT></TD></TR>`,
			int(math.Ceil(lh)), num(l.Size), l.Color.Hex(), styled(l))
	}
	b.WriteString("</TABLE>")
	return b.String()
}

func styled(l TextLine) string {
	text := htmlEscape(l.Text)
	switch l.Font {
	case drawing.Bold:
		return "<B>" + text + "</B>"
	case drawing.Italic:
		return "<I>" + text + "</I>"
	}
	return text
}

// headerHTML is the title block, the legend and the sources as one
// HTML-like label.
func (g *Graph) headerHTML() string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="1" CELLSPACING="0">`)
	for _, l := range g.Header.Lines {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="%s" COLOR="%s">%s</FONT></TD></TR>`,
			num(l.Size), l.Color.Hex(), styled(l))
	}
	for _, grp := range g.Legend {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9"><B>%s</B>`, htmlEscape(grp.Caption.Text))
		for _, le := range grp.Entries {
			fmt.Fprintf(&b, ` &#160; %s %s`, legendGlyph(le), htmlEscape(le.Text.Text))
		}
		b.WriteString(`</FONT></TD></TR>`)
	}
	if len(g.Sources) > 0 {
		b.WriteString(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8"><I>Sources</I></FONT></TD></TR>`)
		for _, s := range g.Sources {
			n := ""
			if g.Numbered {
				n = fmt.Sprintf("[%d] ", s.N)
			}
			fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="%s">%s</FONT></TD></TR>`, style.Muted.Hex(), htmlEscape(n+s.Text))
		}
	}
	b.WriteString("</TABLE>")
	return b.String()
}

// legendGlyph is characters that suggest a legend sample, for the exported
// DOT (Parley's own drawings draw the real ones).
func legendGlyph(le LegendEntry) string {
	colored := func(c drawing.Color, s string) string { return fmt.Sprintf(`<FONT COLOR="%s">%s</FONT>`, c.Hex(), s) }
	switch le.Kind {
	case LegendRole:
		rs := style.Role(le.Role)
		glyph := map[string]string{"diamond": "&#9670;", "odiamond": "&#9671;", "box": "&#9632;", "empty": "&#9655;", "vee": "&gt;", "tee": "|"}[rs.Arrowhead]
		return colored(rs.Color, "&#8212;&#8212;"+cmpOr(glyph, "&#9654;"))
	case LegendCertainty, LegendMixed:
		st := style.Certainty(le.Certainty)
		switch {
		case le.Certainty == scenario.Disputed:
			return "-&#183;-&#183;"
		case st.Graphviz == "dashed":
			return "- - -"
		case st.Graphviz == "dotted":
			return "&#183; &#183; &#183;"
		case le.Certainty == scenario.Confirmed:
			return "<B>&#8212;&#8212;</B>"
		}
		return "&#8212;&#8212;"
	case LegendStatus:
		return colored(style.StatusFill(le.Status), "&#9608;")
	case LegendActor:
		return colored(style.KindFill(le.ActorKind), "&#9608;")
	case LegendFrame:
		return colored(style.Frame, "&#9633;")
	case LegendWhatIf:
		return colored(style.WhatIfInk, "<B>WHAT IF</B>")
	case LegendNote:
		return "&#9312;"
	case LegendSource:
		return "[1]"
	case LegendPossibly:
		return colored(fade(style.Ink), "&#8212;&#8212;&#9654;")
	case LegendGone:
		return colored(GhostInk, "&#183; &#183; &#183;&#9654;")
	case LegendUpcoming:
		return colored(style.AsOfInk, "&#9633;")
	case LegendTrackPossibly:
		return colored(fade(style.StatusFill(scenario.StatusUnderWay)), "&#9608;")
	}
	return ""
}

var (
	htmlEscape = style.DOTText // views/style/dot.go
	inches     = style.DOTInches
	num        = style.DOTNum
)
