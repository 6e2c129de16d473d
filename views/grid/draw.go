package grid

import (
	"math"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/describe"
	"github.com/parleyhq/parley/views/style"
)

// The grid's own measures, in points.
const (
	margin     = 14.0
	pad        = 4.0  // inside a cell
	sampleW    = 22.0 // a seat's arrow sample
	minColW    = 92.0
	maxColW    = 190.0
	minHeadW   = 120.0
	maxHeadW   = 210.0
	indent     = 12.0 // a person under their side
	roleSize   = style.EdgeLabelSize + 0.5
	wordsSize  = style.EdgeLabelSize - 0.5
	headerSize = style.DetailSize
)

// cellSeat is a seat's text in a cell, measured.
type cellSeat struct {
	seat   *Seat
	role   style.Line
	words  []style.Line
	inline bool // the words fit on the role's line
}

// Draw lays the table out and draws it: the heading and legend, the
// column heads, each group's rows, the sources.
func (t *Table) Draw() *drawing.Drawing {
	d := &drawing.Drawing{Background: style.Paper, Objects: map[string]drawing.Object{}}
	meta := t.sel.Scenario.Meta
	d.Title = style.OneLine(meta.Title) + " — participation grid"
	d.Desc = describe.Drawn("Participation grid: actors as rows, tracks (negotiating tables) as columns, each cell the actor's role at that track and how sure it is.", t.sel.Scenario,
		describe.Options{Variant: t.opts.Variant, AsOf: t.opts.AsOf, Filter: t.opts.Filter})
	heading := style.Heading(t.sel, "Participation grid", t.asOf, 640)
	var y float64
	d.Items, y = style.AppendBlock(d.Items, heading, margin, margin, drawing.AnchorStart, "")
	legend := t.legend()

	if len(t.Groups) == 0 {
		what := "Nothing to draw: no seats at any track in this picture."
		if !t.sel.Filter.IsZero() {
			what = "Nothing to draw: the focus and filters keep no seats."
		}
		l := style.Measure(what, drawing.Italic, style.NameSize, style.Muted)
		d.Items = append(d.Items, style.TextAt(l, margin, y+10, drawing.AnchorStart, ""))
		d.Width = math.Max(heading.W, l.W) + 2*margin
		d.Height = y + 10 + style.LineHeight(l.Font, l.Size) + margin
		return d
	}

	// Cells measured, column widths from them.
	cells := make(map[*Row][][]cellSeat)
	colW := make([]float64, len(t.Columns))
	for i := range colW {
		colW[i] = minColW
	}
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			cs := make([][]cellSeat, len(t.Columns))
			for i, seats := range r.Cells {
				for _, s := range seats {
					ink := roleInk(s.Role)
					if s.Gone {
						ink = style.Faint
					}
					role := style.Measure(string(s.Role), drawing.Bold, roleSize, ink)
					words := style.Measure(strings.Join(t.Words(s), " · "), drawing.Regular, wordsSize, style.Muted)
					colW[i] = math.Max(colW[i], math.Min(maxColW, pad+sampleW+4+role.W+4+words.W+pad))
					cs[i] = append(cs[i], cellSeat{seat: s, role: role})
				}
			}
			cells[r] = cs
		}
	}
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			for i := range cells[r] {
				for j := range cells[r][i] {
					c := &cells[r][i][j]
					room := colW[i] - 2*pad - sampleW - 4
					text := strings.Join(t.Words(c.seat), " · ")
					if w := style.Measure(text, drawing.Regular, wordsSize, style.Muted).W; c.role.W+4+w <= room {
						c.inline = true
						c.words = []style.Line{style.Measure(text, drawing.Regular, wordsSize, style.Muted)}
					} else {
						c.words = style.Wrap(text, drawing.Regular, wordsSize, style.Muted, room)
					}
				}
			}
		}
	}

	// Row heads.
	headW := minHeadW
	rowHead := map[*Row]style.Block{}
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			font := drawing.Bold
			if r.Person {
				font = drawing.Regular
			}
			lines := style.WrapMax(RowLabel(r), font, style.LegendSize, style.Ink, maxHeadW-indent-2*pad, 2)
			if detail := t.rowDetail(r); detail != "" {
				lines = append(lines, style.Measure(style.Shorten(detail, drawing.Regular, wordsSize, maxHeadW-indent-2*pad), drawing.Regular, wordsSize, style.Muted))
			}
			b := style.Stack(lines...)
			rowHead[r] = b
			w := b.W + 2*pad
			if r.Person {
				w += indent
			}
			headW = math.Max(headW, math.Min(maxHeadW, w))
		}
	}

	// Column heads: name, dates, status, sources.
	cites := style.NewCitations(t.sel.Picture)
	colHead := make([]style.Block, len(t.Columns))
	headH := 0.0
	for i, c := range t.Columns {
		w := colW[i] - 2*pad
		lines := style.WrapMax(c.Name, drawing.Bold, headerSize, style.Ink, w, 3)
		if when := style.TrackWhen(c); when != "" {
			lines = append(lines, style.WrapMax(when, drawing.Regular, wordsSize, style.Muted, w, 2)...)
		}
		status := strings.ToUpper(string(c.Status))
		if c.Certainty != "" && c.Certainty != scenario.Confirmed && c.Certainty != scenario.Reported {
			status = style.JoinNonEmpty(" · ", status, string(c.Certainty))
		}
		ids := append([]string(nil), c.Sources...)
		for _, g := range t.Groups {
			for _, r := range g.Rows {
				for _, s := range r.Cells[i] {
					ids = appendNew(ids, s.Sources...)
				}
			}
		}
		status = style.JoinNonEmpty(" ", status, cites.Cite(ids))
		lines = append(lines, style.WrapMax(status, drawing.Regular, wordsSize, style.Faint, w, 2)...)
		colHead[i] = style.Stack(lines...)
		headH = math.Max(headH, colHead[i].H)
		d.Objects["track:"+c.ID] = style.TrackObject(t.sel.Picture, c)
	}

	tableW := headW
	for _, w := range colW {
		tableW += w
	}
	width := math.Max(tableW, heading.W) + 2*margin
	var legendH, legendW float64
	d.Items, legendH, legendW = style.AppendLegend(d.Items, legend, margin, y+4, math.Max(width-2*margin, 560))
	width = math.Max(width, legendW+2*margin)
	y += 4 + legendH + 14

	x0 := margin
	colX := make([]float64, len(t.Columns))
	x := x0 + headW
	for i := range t.Columns {
		colX[i] = x
		x += colW[i]
	}
	tableTop := y
	for i := range t.Columns {
		d.Items, _ = style.AppendBlock(d.Items, colHead[i], colX[i]+pad, y+pad, drawing.AnchorStart, "track:"+t.Columns[i].ID)
	}
	y += headH + 2*pad
	d.Items = append(d.Items, hline(x0, x0+tableW, y, style.Ink, 1))

	var bands, rules, content []drawing.Item
	for gi, g := range t.Groups {
		if gi > 0 {
			rules = append(rules, hline(x0, x0+tableW, y, style.Faint, 1))
		}
		if t.groupHeader(g) {
			l := style.Measure(style.Shorten(g.Name, drawing.Bold, style.LegendSize, tableW-2*pad), drawing.Bold, style.LegendSize, style.Ink)
			h := style.LineHeight(l.Font, l.Size) + 2*pad
			bands = append(bands, drawing.Item{Kind: drawing.KindRect, X: x0, Y: y, W: tableW, H: h, Fill: style.Band})
			content = append(content, style.TextAt(l, x0+pad, y+pad, drawing.AnchorStart, g.Ref))
			if g.Ref != "" {
				if a := t.sel.Actor(strings.TrimPrefix(g.Ref, "actor:")); a != nil {
					d.Objects[g.Ref] = style.ActorObject(t.sel.Picture, a)
				}
			}
			y += h
		}
		for ri, r := range g.Rows {
			h := rowHead[r].H
			for i := range t.Columns {
				h = math.Max(h, cellHeight(cells[r][i]))
			}
			h += 2 * pad
			if ri > 0 {
				rules = append(rules, hline(x0, x0+tableW, y, style.Rule, 0.6))
			}
			if ri == 0 && !t.groupHeader(g) && len(g.Rows) > 1 {
				// The side's own row heads its people's.
				bands = append(bands, drawing.Item{Kind: drawing.KindRect, X: x0, Y: y, W: tableW, H: h, Fill: style.Band})
			}
			hx := x0 + pad
			if r.Person {
				hx += indent
			}
			ref := "actor:" + r.Actor.ID
			d.Objects[ref] = style.ActorObject(t.sel.Picture, r.Actor)
			content, _ = style.AppendBlock(content, rowHead[r], hx, y+pad, drawing.AnchorStart, ref)
			for i := range t.Columns {
				cy := y + pad
				for _, c := range cells[r][i] {
					sref := c.seat.Ref()
					d.Objects[sref] = t.seatObject(c.seat)
					roleH := style.LineHeight(c.role.Font, c.role.Size)
					first := len(content)
					content = style.AppendRoleSample(content, c.seat.Role, c.seat.Certainty, colX[i]+pad, cy+roleH/2, sampleW, sref)
					if c.seat.Gone {
						for k := first; k < len(content); k++ {
							content[k].Stroke.Color = style.Faint
							if content[k].Fill.A > 0 && content[k].Fill != style.Paper {
								content[k].Fill = style.Faint
							}
						}
					}
					content = append(content, style.TextAt(c.role, colX[i]+pad+sampleW+4, cy, drawing.AnchorStart, sref))
					if c.inline {
						// On the role's baseline, in its smaller size.
						base := content[len(content)-1].Y
						it := style.TextAt(c.words[0], colX[i]+pad+sampleW+4+c.role.W+4, cy, drawing.AnchorStart, sref)
						it.Y = base
						content = append(content, it)
						cy += roleH
						continue
					}
					cy += roleH
					content, cy = style.AppendBlock(content, style.Stack(c.words...), colX[i]+pad+sampleW+4, cy, drawing.AnchorStart, sref)
				}
			}
			y += h
		}
	}
	tableBottom := y
	for i := range t.Columns {
		rules = append(rules, vline(colX[i], tableTop, tableBottom, style.Rule, 0.6))
	}
	rules = append(rules, hline(x0, x0+tableW, tableBottom, style.Ink, 1))
	d.Items = append(d.Items, bands...)
	d.Items = append(d.Items, rules...)
	d.Items = append(d.Items, content...)

	y = tableBottom + 10
	var fw, fh float64
	d.Items, fw, fh = cites.AppendFooter(d.Items, margin, y, math.Max(width-2*margin, 1040))
	y += fh
	width = math.Max(width, fw+2*margin)
	d.Width = width
	d.Height = y + margin
	return d
}

// groupHeader reports whether a group gets a heading row: a bloc group
// always; a side when it has no row of its own (its people's rows are
// under its name), for a side's own row heads the group.
func (t *Table) groupHeader(g *Group) bool {
	if t.opts.Group == ByBloc {
		return true
	}
	return g.Rows[0].Person
}

func cellHeight(cs []cellSeat) float64 {
	h := 0.0
	for _, c := range cs {
		h += style.LineHeight(c.role.Font, c.role.Size)
		if !c.inline {
			h += style.Stack(c.words...).H
		}
	}
	return h
}

func (t *Table) rowDetail(r *Row) string {
	a := r.Actor
	if a.Kind == scenario.KindPerson {
		if side := t.side(a); side != a && t.opts.Group == ByBloc {
			// Grouped by bloc, a person's side may have no row above.
			return style.JoinNonEmpty(" · ", style.OneLine(side.Label()), style.OneLine(a.Office))
		}
		return style.OneLine(a.Office)
	}
	if a.Kind != scenario.KindState {
		return string(a.Kind)
	}
	return ""
}

// roleInk is the colour of a role's word: the role's colour, darkened to
// read as text; an exclusion in the red of its words.
func roleInk(r scenario.Role) drawing.Color {
	if r == scenario.RoleExcluded {
		return style.ExcludedInk
	}
	return style.Darken(style.Role(r).Color)
}

func (t *Table) seatObject(s *Seat) drawing.Object {
	o := style.SeatObject(t.sel.Picture, s.Seat)
	if len(s.Via) > 0 {
		o.Tooltip += "\nVia " + strings.Join(s.Via, ", ")
	}
	if s.WhatIf {
		o.Tooltip += "\nWhat if: the variant adds or changes this seat"
	}
	return o
}

// legend lists exactly the roles and certainties the cells show.
func (t *Table) legend() []style.LegendEntry {
	roles := map[scenario.Role]bool{}
	certs := map[scenario.Certainty]bool{}
	gone := false
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			for _, c := range r.Cells {
				for _, s := range c {
					gone = gone || s.Gone
					roles[s.Role] = true
					cert := s.Certainty
					if cert == "" {
						cert = scenario.Reported
					}
					certs[cert] = true
				}
			}
		}
	}
	var out []style.LegendEntry
	for _, r := range scenario.Roles {
		if roles[r] {
			out = append(out, style.RoleEntry(r))
		}
	}
	for _, c := range scenario.Certainties {
		if certs[c] {
			out = append(out, style.CertaintyEntry(c))
		}
	}
	if gone {
		out = append(out, style.LegendEntry{SampleW: sampleW, Text: "faint: the seat had ended by then (walked out, withdrew, expelled, replaced)",
			Sample: func(items []drawing.Item, x, mid float64) []drawing.Item {
				first := len(items)
				items = style.AppendRoleSample(items, scenario.RoleParticipant, "", x, mid, sampleW, "")
				for k := first; k < len(items); k++ {
					items[k].Stroke.Color = style.Faint
					if items[k].Fill.A > 0 && items[k].Fill != style.Paper {
						items[k].Fill = style.Faint
					}
				}
				return items
			}})
	}
	return out
}

func hline(x0, x1, y float64, c drawing.Color, w float64) drawing.Item {
	return drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x0, Y: y}, {X: x1, Y: y}}, Stroke: drawing.Stroke{Color: c, Width: w}}
}

func vline(x, y0, y1 float64, c drawing.Color, w float64) drawing.Item {
	return drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: x, Y: y0}, {X: x, Y: y1}}, Stroke: drawing.Stroke{Color: c, Width: w}}
}
