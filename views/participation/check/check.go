// Package check measures what a reader of a participation diagram sees,
// from the finished drawing alone (its items and their Refs), so that tests
// can hold any picture to the same rules: every seat label must be nearer
// its own arrow than any other, and clear of the others; labels must not
// cover each other, a box or an arrowhead; and how tangled the arrows are,
// as a count of crossings. It knows the participation view's Refs
// ("seat:…" for a seat's arrow and label, "actor:…", "track:…" and
// "frame:…" for boxes and frames) and nothing of how the picture was made.
package check

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// MinClearance is how near, in points, another arrow may come to a label
// before a reader may take the label for that arrow's: the checker fails a
// label nearer than this to another arrow, or no nearer its own than to
// another.
const MinClearance = 4.0

// EndTrim is the arc length, in points, left out at each end of every arrow
// when crossings are counted: arrows that leave one box or meet at one
// track touch there, and that is not a crossing.
const EndTrim = 10.0

// Label is one seat label as drawn, and its distances to the arrows.
type Label struct {
	Ref     string  // the seat's Ref
	Text    string  // its words, lines joined by " / "
	Box     Rect    // its extent: plate, badge and text
	Own     float64 // distance to its own arrow (0: on it)
	Other   float64 // distance to the nearest other arrow (+Inf: none)
	Nearest string  // that arrow's Ref
}

// Report is what Inspect finds in a drawing.
type Report struct {
	Arrows    int      // seat arrows drawn
	Labels    []Label  // every seat label, in drawing order
	Overlaps  []string // "label X overlaps box Y" ... one line each
	Crossings int      // intersecting pairs of arrow segments
}

// arrow is one seat's drawn line: its béziers flattened, its arrowheads.
type arrow struct {
	ref   string
	lines [][]pt
	heads [][]pt
	box   Rect
}

type block struct {
	ref  string
	box  Rect
	text []string
}

// Inspect measures a drawing. Seat arrows are the béziers whose Ref starts
// with "seat:"; a seat's polygons are its arrowheads; its texts, rects and
// ellipses are its labels (one label for each group of them that touch).
// Boxes are the rects of actors and tracks (not frames: a rect of the
// Object class "frame", a Ref "frame:…", or a rect that holds other boxes);
// every text that is not a seat's is an obstacle like a box.
func Inspect(d *drawing.Drawing) *Report {
	arrows := map[string]*arrow{}
	var order []string
	var boxes []block
	var obstacles []block // texts of boxes, frames, header, legend, footer
	labelParts := map[string][]block{}
	var labelOrder []string
	for _, it := range d.Items {
		seat := strings.HasPrefix(it.Ref, "seat:")
		switch it.Kind {
		case drawing.KindBezier, drawing.KindPolyline, drawing.KindPolygon:
			if !seat {
				continue
			}
			a := arrows[it.Ref]
			if a == nil {
				a = &arrow{ref: it.Ref, box: Rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}}
				arrows[it.Ref] = a
				order = append(order, it.Ref)
			}
			pts := points(it.Points)
			switch it.Kind {
			case drawing.KindBezier:
				pts = flatten(pts, 16)
				a.lines = append(a.lines, pts)
			case drawing.KindPolyline:
				a.lines = append(a.lines, pts)
			default:
				a.heads = append(a.heads, pts)
			}
			a.box = a.box.union(bounds(pts))
		case drawing.KindText, drawing.KindRect, drawing.KindEllipse:
			b := block{ref: it.Ref, box: itemBox(it)}
			if it.Kind == drawing.KindText {
				b.text = []string{it.Text}
			}
			switch {
			case seat:
				if _, ok := labelParts[it.Ref]; !ok {
					labelOrder = append(labelOrder, it.Ref)
				}
				labelParts[it.Ref] = append(labelParts[it.Ref], b)
			case it.Kind == drawing.KindText:
				obstacles = append(obstacles, b)
			case it.Ref != "" && !isFrame(d, it.Ref):
				boxes = append(boxes, b)
			}
		}
	}
	boxes = dropFrames(boxes)
	r := &Report{Arrows: len(order)}
	var labels []block
	for _, ref := range labelOrder {
		labels = append(labels, groupTouching(labelParts[ref])...)
	}
	for _, lb := range labels {
		l := Label{Ref: lb.ref, Text: strings.Join(lb.text, " / "), Box: lb.box, Own: math.Inf(1), Other: math.Inf(1)}
		for _, ref := range order {
			a := arrows[ref]
			if ref != lb.ref && rectRectDist(lb.box, a.box) >= l.Other {
				continue
			}
			for _, line := range a.lines {
				dd := rectPolylineDist(lb.box, line)
				if ref == lb.ref {
					l.Own = math.Min(l.Own, dd)
				} else if dd < l.Other {
					l.Other, l.Nearest = dd, ref
				}
			}
		}
		r.Labels = append(r.Labels, l)
	}
	r.Overlaps = overlaps(labels, boxes, obstacles, arrows, order)
	r.Crossings = crossings(arrows, order)
	return r
}

// Failures lists every label that a reader may attribute to the wrong
// arrow (one nearer another arrow than MinClearance, or not nearer its own
// than any other) and every overlap, one line each; none for a picture
// that passes.
func (r *Report) Failures() []string {
	var out []string
	for _, l := range r.Labels {
		if l.Other < MinClearance || l.Other <= l.Own {
			out = append(out, fmt.Sprintf("label %q of %s: %.1f pt from its own arrow, %.1f pt from %s's", l.Text, l.Ref, l.Own, l.Other, l.Nearest))
		}
	}
	return append(out, r.Overlaps...)
}

// Flagged is the number of labels Failures reports.
func (r *Report) Flagged() int {
	n := 0
	for _, l := range r.Labels {
		if l.Other < MinClearance || l.Other <= l.Own {
			n++
		}
	}
	return n
}

func isFrame(d *drawing.Drawing, ref string) bool {
	if strings.HasPrefix(ref, "frame:") {
		return true
	}
	o, ok := d.Objects[ref]
	return ok && o.Class == "frame"
}

// dropFrames removes the rects that hold other boxes: frames drawn with the
// Ref of the actor they stand for.
func dropFrames(boxes []block) []block {
	return slices.DeleteFunc(slices.Clone(boxes), func(b block) bool {
		for _, o := range boxes {
			if o.box != b.box && b.box.containsRect(o.box) {
				return true
			}
		}
		return false
	})
}

// groupTouching splits one seat's label parts into the groups that touch
// (within 2 points), each one label.
func groupTouching(parts []block) []block {
	var groups []block
	used := make([]bool, len(parts))
	for i := range parts {
		if used[i] {
			continue
		}
		g := parts[i]
		g.text = slices.Clone(g.text)
		used[i] = true
		for grew := true; grew; {
			grew = false
			for j := range parts {
				if !used[j] && g.box.grow(2).overlaps(parts[j].box, 0) {
					g.box = g.box.union(parts[j].box)
					g.text = append(g.text, parts[j].text...)
					used[j] = true
					grew = true
				}
			}
		}
		groups = append(groups, g)
	}
	return groups
}

func overlaps(labels, boxes, obstacles []block, arrows map[string]*arrow, order []string) []string {
	const eps = 0.5
	var out []string
	name := func(b block) string {
		if len(b.text) > 0 {
			return fmt.Sprintf("%s %q", b.ref, strings.Join(b.text, " / "))
		}
		return b.ref
	}
	for i, l := range labels {
		for _, o := range labels[i+1:] {
			if l.box.overlaps(o.box, eps) {
				out = append(out, fmt.Sprintf("label %s overlaps label %s", name(l), name(o)))
			}
		}
		for _, b := range boxes {
			if l.box.overlaps(b.box, eps) {
				out = append(out, fmt.Sprintf("label %s overlaps box %s", name(l), b.ref))
			}
		}
		for _, b := range obstacles {
			if l.box.overlaps(b.box, eps) {
				out = append(out, fmt.Sprintf("label %s overlaps text %s", name(l), name(b)))
			}
		}
		for _, ref := range order {
			for _, h := range arrows[ref].heads {
				if polygonMeetsRect(h, l.box, eps) {
					out = append(out, fmt.Sprintf("label %s overlaps the arrowhead of %s", name(l), ref))
					break
				}
			}
		}
	}
	return out
}

// crossings counts the pairs of segments of different arrows that cross,
// each arrow flattened and trimmed by EndTrim at both ends. Segments are
// binned in a grid, and a crossing is counted in the cell holding its
// point. Where two arrows meet at a point both pass through (a vertex of
// each), it is one crossing if one arrow goes from one side of the other
// to its other side there, and none if they only touch, or if they run
// together up to it or from it (one stem splitting in two).
func crossings(arrows map[string]*arrow, order []string) int {
	type seg struct {
		a, b, prev, next pt
		arrow            int
	}
	const cell = 24.0
	grid := map[[2]int][]seg{}
	for i, ref := range order {
		for _, line := range arrows[ref].lines {
			line = trim(line, EndTrim)
			for j := 1; j < len(line); j++ {
				s := seg{a: line[j-1], b: line[j], prev: line[j-1], next: line[j], arrow: i}
				if j > 1 {
					s.prev = line[j-2]
				}
				if j+1 < len(line) {
					s.next = line[j+1]
				}
				bb := bounds([]pt{s.a, s.b})
				for cx := int(math.Floor(bb.X0 / cell)); cx <= int(math.Floor(bb.X1/cell)); cx++ {
					for cy := int(math.Floor(bb.Y0 / cell)); cy <= int(math.Floor(bb.Y1/cell)); cy++ {
						grid[[2]int{cx, cy}] = append(grid[[2]int{cx, cy}], s)
					}
				}
			}
		}
	}
	// around is a line's points just before and just after p, a vertex of
	// its segment s.
	around := func(s seg, p pt) (before, after pt) {
		if dist(p, s.b) < 1e-6 {
			return s.a, s.next
		}
		return s.prev, s.b
	}
	n := 0
	for c, segs := range grid {
		for i, s := range segs {
			for _, o := range segs[i+1:] {
				if o.arrow == s.arrow {
					continue
				}
				var p pt
				switch {
				case (dist(s.a, o.a) < 1e-6 || dist(s.a, o.b) < 1e-6) && (dist(s.b, o.a) >= 1e-6 && dist(s.b, o.b) >= 1e-6):
					p = s.a
				case dist(s.b, o.a) < 1e-6 || dist(s.b, o.b) < 1e-6:
					p = s.b
				default:
					if !segmentsCross(s.a, s.b, o.a, o.b) {
						continue
					}
					p = intersection(s.a, s.b, o.a, o.b)
					if !near(p, s.a, s.b) || !near(p, o.a, o.b) {
						if int(math.Floor(p.x/cell)) == c[0] && int(math.Floor(p.y/cell)) == c[1] {
							n++
						}
						continue
					}
				}
				// A vertex of both: judge it once, from the pair of
				// segments that both end there.
				if dist(p, s.b) >= 1e-6 || dist(p, o.b) >= 1e-6 {
					continue
				}
				if int(math.Floor(p.x/cell)) != c[0] || int(math.Floor(p.y/cell)) != c[1] {
					continue
				}
				sb, sa := around(s, p)
				ob, oa := around(o, p)
				if together(sb, p, ob) || together(sa, p, oa) {
					continue
				}
				// s crosses o if its points before and after p lie on
				// either side of o's path there.
				dir := pt{oa.x - ob.x, oa.y - ob.y}
				if cross(dir, sub(sb, p))*cross(dir, sub(sa, p)) < 0 {
					n++
				}
			}
		}
	}
	return n
}

// together reports whether the lines from p to a and from p to b run the
// same way (one stem).
func together(a, p, b pt) bool {
	u, v := sub(a, p), sub(b, p)
	lu, lv := math.Hypot(u.x, u.y), math.Hypot(v.x, v.y)
	if lu < 1e-9 || lv < 1e-9 {
		return false
	}
	return math.Abs(cross(u, v)) < 1e-6*lu*lv && u.x*v.x+u.y*v.y > 0
}

func intersection(a, b, c, d pt) pt {
	r, s := sub(b, a), sub(d, c)
	den := cross(r, s)
	if den == 0 {
		return a // collinear: counted at a
	}
	t := cross(sub(c, a), s) / den
	return pt{a.x + t*r.x, a.y + t*r.y}
}

// near reports whether p is (within a hair) one of the ends a, b.
func near(p, a, b pt) bool { return dist(p, a) < 1e-6 || dist(p, b) < 1e-6 }

func rectRectDist(a, b Rect) float64 {
	dx := math.Max(0, math.Max(a.X0-b.X1, b.X0-a.X1))
	dy := math.Max(0, math.Max(a.Y0-b.Y1, b.Y0-a.Y1))
	return math.Hypot(dx, dy)
}

func points(ps []drawing.Point) []pt {
	out := make([]pt, len(ps))
	for i, p := range ps {
		out[i] = pt{p.X, p.Y}
	}
	return out
}

// itemBox is the extent of a rect, ellipse or text line (the face's ascent
// above the baseline, its descent below).
func itemBox(it drawing.Item) Rect {
	switch it.Kind {
	case drawing.KindRect:
		x, y, w, h := drawing.NormRect(it.X, it.Y, it.W, it.H)
		return Rect{x, y, x + w, y + h}
	case drawing.KindEllipse:
		return Rect{it.X - math.Abs(it.W), it.Y - math.Abs(it.H), it.X + math.Abs(it.W), it.Y + math.Abs(it.H)}
	}
	ascent, descent, _ := typeset.FontMetrics(it.Font, it.Size)
	// The ink of a line of text lies well inside the face's ascent and
	// descent: use the cap height and the descenders.
	top, bottom := it.Y-ascent*0.72, it.Y+descent*0.85
	left := it.X
	switch it.Anchor {
	case drawing.AnchorMiddle:
		left -= it.W / 2
	case drawing.AnchorEnd:
		left -= it.W
	}
	return Rect{left, top, left + it.W, bottom}
}

// Sorted returns the labels nearest another arrow first.
func (r *Report) Sorted() []Label {
	out := slices.Clone(r.Labels)
	slices.SortStableFunc(out, func(a, b Label) int { return cmp.Compare(a.Other-a.Own, b.Other-b.Own) })
	return out
}
