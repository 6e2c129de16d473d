package timeline

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/views/style"
)

// axis maps days to x: day d covers [x(d), x(d)+perDay).
type axis struct {
	t0, t1  time.Time // the first and last day shown
	x0      float64   // x of t0
	perDay  float64   // points per day
	w       float64   // width of the axis
	ticks   []tick    // labelled ticks (the lower row)
	spans   []tick    // months or years (the upper row)
	asOfX   float64   // x of the as-of day's middle, or NaN when off the axis
	has     bool      // there are dated marks
	tickTop float64   // y of the upper row (set by draw)
}

// tick is a labelled day on the axis.
type tick struct {
	t     time.Time
	x     float64
	label style.Line
	major bool // starts a month or a year: a stronger grid line
}

// Axis sizes, in points: the axis is about axisW wide, at most maxPerDay
// a day (so a few days do not spread over a page).
const (
	axisW     = 860.0
	maxPerDay = 48.0
	tickGap   = 10.0 // at least this between tick labels
)

// place scales the axis to the marks, packs each lane's marks into rows,
// and works out the picture's size.
func (t *Timeline) place() {
	var lo, hi time.Time
	for _, m := range t.marks {
		if m.start.IsZero() {
			continue
		}
		a, b := m.start.Earliest(), m.start.Latest()
		if !m.end.IsZero() {
			b = maxTime(b, m.end.Latest())
		}
		if !t.axis.has || a.Before(lo) {
			lo = a
		}
		if !t.axis.has || b.After(hi) {
			hi = b
		}
		t.axis.has = true
	}
	if t.axis.has && !t.asOf.IsZero() {
		// The as-of day joins the axis when it is near what is drawn.
		d := t.asOf.First()
		span := days(lo, hi) + 1
		if !d.Before(lo.AddDate(0, 0, -int(span/4)-7)) && !d.After(hi.AddDate(0, 0, int(span/4)+7)) {
			lo, hi = minTime(lo, d), maxTime(hi, d)
		}
	}
	head := style.Stack(t.heading.Lines...)
	t.top = margin + head.H
	x0 := margin + laneHeadW + axisGap
	if t.axis.has {
		total := days(lo, hi) + 1
		pad := math.Max(1, math.Round(total*0.02))
		lo, hi = lo.AddDate(0, 0, -int(pad)), hi.AddDate(0, 0, int(pad))
		total = days(lo, hi) + 1
		t.axis.t0, t.axis.t1, t.axis.x0 = lo, hi, x0
		t.axis.perDay = math.Min(maxPerDay, axisW/total)
		t.axis.w = t.axis.perDay * total
		t.axis.makeTicks()
	}
	t.axis.asOfX = math.NaN()
	if t.axis.has && !t.asOf.IsZero() {
		if d := t.asOf.First(); !d.Before(t.axis.t0) && !d.After(t.axis.t1) {
			t.axis.asOfX = t.axis.x(d) + t.axis.perDay/2
		}
	}

	// Dated marks first, to know how far their labels reach.
	right := x0 + t.axis.w
	for _, l := range t.lanes {
		var rowEnd []float64
		for _, m := range sortedByStart(l.marks) {
			if m.start.IsZero() {
				m.undated = true
				continue
			}
			t.placeDated(m)
			m.row = -1
			for r, end := range rowEnd {
				if end+rowGapX <= m.left {
					m.row = r
					break
				}
			}
			if m.row < 0 {
				m.row = len(rowEnd)
				rowEnd = append(rowEnd, 0)
			}
			rowEnd[m.row] = m.right
			right = math.Max(right, m.right)
		}
		l.rows = len(rowEnd)
	}
	t.undatedX = right + 2*rowGapX
	hasUndated := false
	for _, l := range t.lanes {
		for _, m := range l.marks {
			if m.undated {
				t.placeUndated(m, l.undated)
				l.undated++
				hasUndated = true
			}
		}
	}
	t.width = right + margin
	if hasUndated {
		t.width = t.undatedX + undatedW + margin
	}
	t.width = math.Max(t.width, margin+t.heading.W+margin)
}

// placeDated works out a dated mark's band or marker and its label.
func (t *Timeline) placeDated(m *mark) {
	a := &t.axis
	first, last := m.start.First(), m.start.Last()
	if !m.end.IsZero() {
		last = maxTime(last, m.end.Last())
	}
	m.x0, m.x1 = a.x(first), a.x(last)+a.perDay
	m.fx0, m.fx1 = m.x0, m.x1
	if m.approx {
		m.fx0 = a.x(m.start.Earliest())
		lastFuzzy := m.start.Latest()
		if !m.end.IsZero() {
			lastFuzzy = maxTime(lastFuzzy, m.end.Latest())
		}
		m.fx1 = a.x(lastFuzzy) + a.perDay
	}
	// A day is a marker, unless it is a track's span of days: a band.
	m.point = m.start.Day > 0 && (m.end.IsZero() || m.end == m.start) && m.kind != markTrack
	if m.point || m.x1-m.x0 < markerH {
		c := (m.x0 + m.x1) / 2
		if m.point {
			m.x0, m.x1 = c-markerH/2, c+markerH/2
		} else {
			m.x0, m.x1 = c-markerH/2, c+markerH/2 // a track of one day: a short bar
		}
	}
	m.labelX = math.Min(m.x0, m.fx0)
	m.titleW, m.detW = piecesW(m.title), piecesW(m.detail)
	m.left = math.Min(m.labelX, m.fx0) - 1
	m.right = math.Max(math.Max(m.x1, m.fx1), m.labelX+math.Max(m.titleW, m.detW)) + 1
}

// placeUndated puts an undated mark in the undated column, row by row,
// its label shortened to fit.
func (t *Timeline) placeUndated(m *mark, row int) {
	m.row = row
	m.x0, m.x1 = t.undatedX, t.undatedX+markerH
	m.fx0, m.fx1 = m.x0, m.x1
	m.point = true
	m.labelX = t.undatedX
	fit := func(pieces []style.Line) []style.Line {
		var out []style.Line
		room := undatedW
		for _, p := range pieces {
			if room <= 20 {
				break
			}
			if p.W > room {
				p = style.Measure(style.Shorten(p.Text, p.Font, p.Size, room), p.Font, p.Size, p.Color)
			}
			out = append(out, p)
			room -= p.W
		}
		return out
	}
	m.title, m.detail = fit(m.title), fit(m.detail)
	m.titleW, m.detW = piecesW(m.title), piecesW(m.detail)
	m.left, m.right = m.labelX, m.labelX+undatedW
}

func piecesW(pieces []style.Line) float64 {
	w := 0.0
	for _, p := range pieces {
		w += p.W
	}
	return w
}

func sortedByStart(marks []*mark) []*mark {
	out := append([]*mark(nil), marks...)
	slices.SortStableFunc(out, compareMarks)
	return out
}

// x is the left edge of day d.
func (a *axis) x(d time.Time) float64 { return a.x0 + days(a.t0, d)*a.perDay }

// steps are the tick spacings tried, finest first.
var steps = []struct {
	days, months, years int
}{
	{days: 1}, {days: 2}, {days: 7}, {days: 14},
	{months: 1}, {months: 2}, {months: 3}, {months: 6},
	{years: 1}, {years: 2}, {years: 5}, {years: 10}, {years: 25}, {years: 50}, {years: 100}, {years: 250}, {years: 1000},
}

// makeTicks picks the finest spacing whose labels do not touch, and the
// months or years above them.
func (a *axis) makeTicks() {
	for _, s := range steps {
		ticks := a.ticksEvery(s.days, s.months, s.years)
		if len(ticks) == 0 || a.fits(ticks) {
			a.ticks = ticks
			if s.years == 0 {
				a.spans = a.upper(s.months == 0)
			}
			return
		}
	}
}

func (a *axis) fits(ticks []tick) bool {
	for i := 1; i < len(ticks); i++ {
		prev, cur := ticks[i-1], ticks[i]
		if prev.x+prev.label.W/2+tickGap > cur.x-cur.label.W/2 {
			return false
		}
	}
	return true
}

// ticksEvery makes the ticks of one spacing inside the axis: every n days
// (weeks from Mondays), every n months (from January) or n years.
func (a *axis) ticksEvery(nDays, nMonths, nYears int) []tick {
	var out []tick
	add := func(d time.Time, text string, major bool) {
		if d.Before(a.t0) || d.After(a.t1) {
			return
		}
		l := style.Measure(text, drawing.Regular, style.DetailSize, style.Muted)
		out = append(out, tick{t: d, x: a.x(d) + a.perDay/2, label: l, major: major})
	}
	switch {
	case nDays > 0:
		d := a.t0
		if nDays >= 7 {
			for d.Weekday() != time.Monday {
				d = d.AddDate(0, 0, 1)
			}
		}
		for ; !d.After(a.t1); d = d.AddDate(0, 0, nDays) {
			text := fmt.Sprint(d.Day())
			if nDays >= 7 {
				text = fmt.Sprintf("%d %s", d.Day(), d.Month().String()[:3])
			}
			add(d, text, d.Day() == 1)
		}
	case nMonths > 0:
		d := time.Date(a.t0.Year(), a.t0.Month(), 1, 0, 0, 0, 0, time.UTC)
		for ; !d.After(a.t1); d = d.AddDate(0, 1, 0) {
			if (int(d.Month())-1)%nMonths == 0 {
				add(d, d.Month().String()[:3], d.Month() == time.January)
			}
		}
	default:
		y := a.t0.Year()
		for y%nYears != 0 {
			y++
		}
		for ; y <= a.t1.Year(); y += nYears {
			add(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), fmt.Sprint(y), true)
		}
	}
	return out
}

// upper is the row above the ticks: each month (with its year) over day
// ticks, each year over month ticks, named at its start or at the axis's
// start, left out where its name does not fit before the next.
func (a *axis) upper(months bool) []tick {
	var starts []time.Time
	if months {
		for d := time.Date(a.t0.Year(), a.t0.Month(), 1, 0, 0, 0, 0, time.UTC); !d.After(a.t1); d = d.AddDate(0, 1, 0) {
			starts = append(starts, d)
		}
	} else {
		for y := a.t0.Year(); y <= a.t1.Year(); y++ {
			starts = append(starts, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		}
	}
	var out []tick
	for i, d := range starts {
		x := math.Max(a.x(d), a.x0)
		end := a.x0 + a.w
		if i+1 < len(starts) {
			end = a.x(starts[i+1])
		}
		names := []string{fmt.Sprint(d.Year())}
		if months {
			names = []string{d.Month().String() + " " + fmt.Sprint(d.Year()), d.Month().String()[:3] + " " + fmt.Sprint(d.Year()), d.Month().String()[:3]}
		}
		for _, n := range names {
			l := style.Measure(n, drawing.Bold, style.DetailSize, style.Ink)
			if x+3+l.W+4 <= end {
				out = append(out, tick{t: d, x: x, label: l, major: true})
				break
			}
		}
	}
	return out
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
