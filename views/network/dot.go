package network

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/views/style"
)

// DOT is the graph as Graphviz DOT text for use with any Graphviz: every
// box, frame and tie with the size Parley measured, and the text from the
// scenario in HTML-like labels, escaped, so it is data and never markup.
func (g *Graph) DOT() []byte { return g.dot(true) }

// LayoutDOT is the DOT given to the layout engine: the same graph with
// boxes and labels of the measured sizes but no text (Parley draws the
// text itself).
func (g *Graph) LayoutDOT() []byte { return g.dot(false) }

func (g *Graph) dot(withText bool) []byte {
	var b bytes.Buffer
	b.WriteString("digraph network {\n")
	rankdir := "LR"
	if g.TopDown {
		rankdir = "TB"
	}
	fmt.Fprintf(&b, "\tgraph [rankdir=%s, compound=true, newrank=true, nodesep=0.2, ranksep=1.0, pad=0.1, charset=\"UTF-8\", fontname=\"Noto Sans\"];\n", rankdir)
	b.WriteString("\tnode [shape=box, style=\"rounded,filled\", fixedsize=true, margin=0, fontname=\"Noto Sans\"];\n")
	b.WriteString("\tedge [fontname=\"Noto Sans\", arrowsize=0.9];\n")
	b.WriteString("\tgraph [forcelabels=true];\n")
	if withText {
		fmt.Fprintf(&b, "\tgraph [labelloc=t, labeljust=l, label=<%s>];\n", blockHTML(g.heading, 2, true))
	}
	for _, f := range g.Frames {
		fmt.Fprintf(&b, "\tsubgraph %s {\n", f.Name)
		fmt.Fprintf(&b, "\t\tgraph [style=\"rounded,filled\", fillcolor=%q, color=%q, labeljust=l, labelloc=t, margin=12, label=<%s>];\n",
			style.Band.Hex(), style.Frame.Hex(), blockHTML(f.Label, 3, withText))
		for _, n := range f.Nodes {
			b.WriteString("\t")
			writeNode(&b, n, withText)
		}
		b.WriteString("\t}\n")
	}
	for _, n := range g.Nodes {
		if n.Frame == nil {
			writeNode(&b, n, withText)
		}
	}
	// Frames in columns: each column ranks after the one before, held
	// there by an invisible edge from the first frame of the one before.
	var firstOf []*Frame
	for _, f := range g.Frames { // columns are numbered in frame order
		if f.Column >= len(firstOf) {
			firstOf = append(firstOf, f)
		}
	}
	if len(firstOf) > 1 {
		// Every box of a column in one rank (newrank lets a rank
		// cross frames), the columns in order.
		for c := range firstOf {
			b.WriteString("\t{ rank=same;")
			for _, f := range g.Frames {
				if f.Column == c {
					for _, n := range f.Nodes {
						fmt.Fprintf(&b, " %s;", n.Name)
					}
				}
			}
			b.WriteString(" }\n")
		}
		// The blocs after the last column, not among its frames.
		b.WriteString("\t{ rank=max;")
		for _, n := range g.Nodes {
			if n.Hub && n.Frame == nil {
				fmt.Fprintf(&b, " %s;", n.Name)
			}
		}
		b.WriteString(" }\n")
	}
	for i, f := range g.Frames {
		if f.Column == 0 || len(f.Nodes) == 0 || f != firstOf[f.Column] {
			continue
		}
		prev := firstOf[f.Column-1]
		fmt.Fprintf(&b, "\t%s -> %s [id=\"col%d\", style=invis, weight=20];\n", prev.Nodes[0].Name, f.Nodes[0].Name, i+1)
		// And the columns' last boxes, so the columns stand level.
		last := func(c int) *Node {
			var n *Node
			for _, fr := range g.Frames {
				if fr.Column == c && len(fr.Nodes) > 0 {
					n = fr.Nodes[len(fr.Nodes)-1]
				}
			}
			return n
		}
		if a, z := last(f.Column-1), last(f.Column); a != nil && z != nil && (a != prev.Nodes[0] || z != f.Nodes[0]) {
			fmt.Fprintf(&b, "\t%s -> %s [id=\"colend%d\", style=invis, weight=20];\n", a.Name, z.Name, i+1)
		}
	}
	for _, t := range g.Ties {
		tail, head, arrow := t.Tail.Name, t.Head.Name, "arrowhead"
		if t.Kind == Represents && t.Head.Frame != nil && t.Head.Frame.Column > 0 {
			// People stand after an actor in a later column, not in the
			// column before it (which holds other frames).
			tail, head, arrow = head, tail, "dir=back, arrowtail"
		}
		fmt.Fprintf(&b, "\t%s -> %s [id=%q, color=%q, penwidth=%s", tail, head, t.ID, t.Stroke.Color.Hex(), num(t.Stroke.Width))
		switch {
		case t.Kind == Together:
			b.WriteString(", dir=none, constraint=false")
		case t.Arrowhead != "":
			fmt.Fprintf(&b, ", %s=%s", arrow, t.Arrowhead)
		}
		if t.From != nil {
			fmt.Fprintf(&b, ", ltail=%s", t.From.Name)
		}
		if t.Kind == Together && t.Weight > 1 {
			fmt.Fprintf(&b, ", weight=%d", t.Weight)
		}
		if len(t.Label.Lines) > 0 {
			// Placed after the layout (xlabel), not as a node in the ranks:
			// labels on ties that do not constrain the ranks make dot
			// fold clusters over (an inverted bounding box).
			fmt.Fprintf(&b, ", xlabel=<%s>", blockHTML(t.Label, 2, withText))
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func writeNode(b *bytes.Buffer, n *Node, withText bool) {
	label := `""`
	if withText {
		label = "<" + blockHTML(n.Label, -1, true) + ">"
	}
	fmt.Fprintf(b, "\t%s [width=%s, height=%s, fillcolor=%q, color=%q, penwidth=%s, label=%s];\n",
		n.Name, inches(n.W), inches(n.H), n.Fill.Hex(), n.Stroke.Color.Hex(), num(n.Stroke.Width), label)
}

// blockHTML is a text block as an HTML-like label, one row a line. With
// pad >= 0 the table has exactly the block's measured size plus pad points
// a side, so Graphviz reserves the room Parley's text needs; without text
// the rows are left empty.
func blockHTML(bl style.Block, pad float64, withText bool) string {
	if len(bl.Lines) == 0 {
		return `<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD WIDTH="1" HEIGHT="1" FIXEDSIZE="TRUE"> </TD></TR></TABLE>`
	}
	var b strings.Builder
	if pad < 0 {
		b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0">`)
	} else {
		fmt.Fprintf(&b, `<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0" FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="%d">`,
			int(math.Ceil(bl.W+2*pad)), int(math.Ceil(bl.H+2*pad)))
	}
	if !withText {
		b.WriteString(`<TR><TD> </TD></TR></TABLE>`)
		return b.String()
	}
	for _, l := range bl.Lines {
		text := htmlEscape(l.Text)
		switch l.Font {
		case drawing.Bold:
			text = "<B>" + text + "</B>"
		case drawing.Italic:
			text = "<I>" + text + "</I>"
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" HEIGHT="%d"><FONT POINT-SIZE="%s" COLOR="%s">%s</FONT></TD></TR>`,
			int(math.Ceil(style.LineHeight(l.Font, l.Size))), num(l.Size), l.Color.Hex(), text)
	}
	b.WriteString("</TABLE>")
	return b.String()
}

var (
	htmlEscape = style.DOTText // views/style/dot.go
	inches     = style.DOTInches
	num        = style.DOTNum
)
