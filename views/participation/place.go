package participation

import (
	"cmp"
	"math"
	"slices"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/views/style"
)

// Labels are placed by Parley after layout, each on its own arrow: the
// label's plate sits across the arrow, which runs into it and out of it,
// so no reader can take it for another arrow's. A spot is good when no
// other arrow comes within clearArrow points of the plate, and the plate
// covers no box, frame label, arrowhead or other label; among good spots
// the one farthest from the other arrows, near the middle of the arrow,
// wins. Where an arrow has no good spot for its words, a numbered badge
// (much smaller) stands on it, and the words go to the notes under the
// picture. Labels are placed hardest first: the arrows with the fewest
// good spots choose before the others take them.

const (
	clearArrow = 6.0 // the least distance from a label to another arrow
	clearLast  = 4.5 // … when nothing better is found (check.MinClearance is 4)
	clearBox   = 2.0 // from a label to a box, an arrowhead or another label
	plateX     = 3.0 // a plate's padding around its text
	plateY     = 1.0
)

// spot is where a seat's words are drawn: centre and plate, or a badge.
type spot struct {
	edge   *Edge
	center drawing.Point
	plate  rect
	badge  int // 0: the words themselves; else the badge's number
	ok     bool
}

// arrowShape is an arrow as laid out: its line, flattened, and the box
// around its arrowhead.
type arrowShape struct {
	edge *Edge
	line []drawing.Point
	head rect
	len  float64
	cum  []float64 // arc length at each point
}

type candidate struct {
	center drawing.Point
	r      rect
	score  float64
	clear  float64 // distance to the nearest other arrow
}

// placeLabels places the words of every labelled arrow. boxes are what a
// label may not cover (actor and track boxes, frame labels); frames are
// the delegation frames, whose borders a label should not straddle; area
// is the picture's extent.
func placeLabels(arrows []*arrowShape, prefer map[*Edge]drawing.Point, boxes, frames []rect, area rect, badgeBands bool) []spot {
	dense := len(arrows) > inlineLabelLimit
	lines := newGrid(24)
	fixed := newGrid(24)
	frameGrid := newGrid(48)
	for i, a := range arrows {
		lines.addLine(a.line, i)
		fixed.addRect(a.head.grow(1))
	}
	for _, r := range boxes {
		fixed.addRect(r)
	}
	for _, f := range frames {
		frameGrid.addRect(f)
	}
	env := &placeEnv{lines: lines, fixed: fixed, frames: frameGrid, area: area, dense: dense, badgeBands: badgeBands}
	good := func(cs []candidate, clear float64) int {
		n := 0
		for _, c := range cs {
			if c.clear >= clear {
				n++
			}
		}
		return n
	}
	placed := newGrid(24)
	var spots []spot
	// First the words that fit where the layout kept room for them.
	type job struct {
		i              int
		labels, badges []candidate
	}
	var jobs []*job
	for i, a := range arrows {
		if len(a.edge.Label.Lines) == 0 {
			continue
		}
		w, h := a.edge.Label.W+2*plateX, a.edge.Label.H+2*plateY
		if p, ok := prefer[a.edge]; ok {
			// In a dense picture the words must leave the neighbours room
			// for their badges too.
			need := clearArrow
			if env.badgeBands {
				need = 2*style.BadgeRadius + 2*clearBox + clearArrow
			}
			if c, ok := env.evaluate(a, i, p, w, h); ok && c.clear >= need && !placed.hitsRect(c.r.grow(clearBox)) {
				placed.addRect(c.r)
				spots = append(spots, spot{edge: a.edge, center: c.center, plate: c.r, ok: true})
				continue
			}
			// A dense picture top to bottom keeps room for a badge there.
			if env.badgeBands {
				d := 2*style.BadgeRadius + 1
				if c, ok := env.evaluate(a, i, p, d, d); ok && c.clear >= clearArrow && !placed.hitsRect(c.r.grow(clearBox)) {
					placed.addRect(c.r)
					spots = append(spots, spot{edge: a.edge, center: c.center, plate: c.r, ok: true, badge: -1})
					continue
				}
			}
		}
		j := &job{i: i, labels: env.candidates(a, i, w, h)}
		if p, ok := prefer[a.edge]; ok {
			d := 2*style.BadgeRadius + 1
			if c, ok := env.evaluate(a, i, p, d, d); ok {
				c.score += 100
				j.badges = append(j.badges, c)
			}
		}
		jobs = append(jobs, j)
	}
	d := 2*style.BadgeRadius + 1
	for _, j := range jobs {
		if good(j.labels, clearArrow) == 0 && good(j.badges, clearArrow) == 0 {
			j.badges = append(j.badges, env.candidates(arrows[j.i], j.i, d, d)...)
		}
	}
	slices.SortStableFunc(jobs, func(x, y *job) int {
		return cmp.Or(cmp.Compare(good(x.labels, clearArrow), good(y.labels, clearArrow)),
			cmp.Compare(good(x.badges, clearArrow), good(y.badges, clearArrow)))
	})
	pick := func(cs []candidate, clear float64) (candidate, bool) {
		best, found := candidate{}, false
		for _, c := range cs {
			if c.clear >= clear && (!found || c.score > best.score) && !placed.hitsRect(c.r.grow(clearBox)) {
				best, found = c, true
			}
		}
		return best, found
	}
	for _, j := range jobs {
		a := arrows[j.i]
		s := spot{edge: a.edge}
		for _, try := range []struct {
			cs    []candidate
			clear float64
			badge bool
		}{{j.labels, clearArrow, false}, {j.badges, clearArrow, true}, {j.labels, clearLast, false}, {j.badges, clearLast, true}} {
			if c, ok := pick(try.cs, try.clear); ok {
				s.center, s.plate, s.ok = c.center, c.r, true
				if try.badge {
					s.badge = -1
				}
				break
			}
		}
		if !s.ok {
			j.badges = append(j.badges, env.candidates(a, j.i, d, d)...)
			for _, try := range []float64{clearArrow, clearLast} {
				if c, ok := pick(j.badges, try); ok {
					s.center, s.plate, s.ok, s.badge = c.center, c.r, true, -1
					break
				}
			}
		}
		if !s.ok {
			// No spot is clear: the badge goes where the other arrows are
			// farthest. (The checker will say so; no known picture gets
			// here.)
			s.badge = -1
			best := -1.0
			for _, c := range j.badges {
				if c.clear > best {
					best, s.center, s.plate = c.clear, c.center, c.r
				}
			}
			if best < 0 && len(a.line) > 0 {
				s.center = a.line[len(a.line)/2]
				s.plate = rectAt(s.center, 2*style.BadgeRadius, 2*style.BadgeRadius)
			}
		}
		placed.addRect(s.plate)
		spots = append(spots, s)
	}
	// Badges are numbered down the tracks, in the order of their arrows.
	slices.SortStableFunc(spots, func(x, y spot) int {
		return cmp.Or(cmp.Compare(x.edge.Head.index, y.edge.Head.index), cmp.Compare(x.edge.Side, y.edge.Side), cmp.Compare(x.edge.Slot, y.edge.Slot))
	})
	n := 0
	for i := range spots {
		if spots[i].badge != 0 {
			n++
			spots[i].badge = n
		}
	}
	return spots
}

// placeEnv is what a spot is judged against.
type placeEnv struct {
	lines, fixed, frames *grid
	area                 rect
	dense                bool
	badgeBands           bool // the layout kept room for badges, not words
}

// evaluate judges a plate of w×h centred at c on arrow a (number i): not
// at all if it leaves the picture, covers a fixed rectangle or comes
// nearer than clearLast to another arrow.
func (env *placeEnv) evaluate(a *arrowShape, i int, c drawing.Point, w, h float64) (candidate, bool) {
	r := rectAt(c, w, h)
	if r.x0 < env.area.x0 || r.y0 < env.area.y0 || r.x1 > env.area.x1 || r.y1 > env.area.y1 {
		return candidate{}, false
	}
	if env.fixed.hitsRect(r.grow(clearBox)) {
		return candidate{}, false
	}
	clear := env.lines.nearestArrow(r, i, 16, clearLast)
	if clear < clearLast {
		return candidate{}, false
	}
	score := clear + 0.25*env.fixed.nearestRect(r, 12)
	env.frames.cells(r, func(k [2]int) {
		for _, fi := range env.frames.rects[k] {
			f := env.frames.boxes[fi]
			if f.overlaps(r) && !(r.x0 >= f.x0 && r.x1 <= f.x1 && r.y0 >= f.y0 && r.y1 <= f.y1) {
				score -= 6 // straddles a frame's border
			}
		}
	})
	return candidate{center: c, r: r, score: score, clear: clear}, true
}

// candidates are the spots along arrow a (number i) for a plate of w×h,
// each judged by evaluate and scored, the middle of the arrow preferred:
// they are tried from the middle outwards, until enough good ones are
// found.
func (env *placeEnv) candidates(a *arrowShape, i int, w, h float64) []candidate {
	step, offsets, enough, tries := 3.0, []float64{0, 0.22, -0.22}, 40, math.MaxInt
	if env.dense {
		step, offsets, enough, tries = 8.0, []float64{0}, 6, 200
	}
	var out []candidate
	good := 0
	for k := 0; k < tries; k++ {
		s := a.len/2 + float64((k+1)/2)*step*float64(1-2*(k%2))
		if s < 0 && s+2*float64((k+1)/2)*step > a.len {
			break // both ends reached
		}
		if s < 0 || s > a.len {
			continue
		}
		if good >= enough {
			break
		}
		p, n := a.at(s)
		for _, o := range offsets {
			c, ok := env.evaluate(a, i, drawing.Point{X: p.X + n.X*o*h, Y: p.Y + n.Y*o*h}, w, h)
			if !ok {
				continue
			}
			c.score -= 8*math.Abs(s/a.len-0.5) + 2*math.Abs(o)
			out = append(out, c)
			if c.clear >= clearArrow {
				good++
			}
		}
	}
	return out
}

// newArrowShape measures a flattened arrow line.
func newArrowShape(e *Edge, line []drawing.Point, head rect) *arrowShape {
	a := &arrowShape{edge: e, line: line, head: head, cum: make([]float64, len(line))}
	for i := 1; i < len(line); i++ {
		a.cum[i] = a.cum[i-1] + math.Hypot(line[i].X-line[i-1].X, line[i].Y-line[i-1].Y)
	}
	if len(line) > 0 {
		a.len = a.cum[len(line)-1]
	}
	return a
}

// at is the point s along the arrow and the unit normal there.
func (a *arrowShape) at(s float64) (drawing.Point, drawing.Point) {
	if len(a.line) < 2 {
		if len(a.line) == 1 {
			return a.line[0], drawing.Point{Y: 1}
		}
		return drawing.Point{}, drawing.Point{Y: 1}
	}
	i, _ := slices.BinarySearch(a.cum, s)
	i = min(max(i, 1), len(a.line)-1)
	p0, p1 := a.line[i-1], a.line[i]
	seg := a.cum[i] - a.cum[i-1]
	t := 0.0
	if seg > 0 {
		t = (s - a.cum[i-1]) / seg
	}
	dx, dy := p1.X-p0.X, p1.Y-p0.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return p0, drawing.Point{Y: 1}
	}
	return drawing.Point{X: p0.X + dx*t, Y: p0.Y + dy*t}, drawing.Point{X: -dy / l, Y: dx / l}
}
