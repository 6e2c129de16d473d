package scenario

import (
	"math"
	"time"
)

// Spans of days, for what holds when. A seat, a suspension or a track
// holds from one date to another, both included, and each end may be
// approximate: then it holds *certainly* on the days from the latest its
// start may mean to the earliest its end may mean, and *possibly* on the
// days from the earliest its start may mean to the latest its end may
// mean (see Date.Earliest and Date.Latest). An absent start or end is
// open. Days are counted as integers so that checks over many seats cost
// no more than a comparison each.

// span is the days lo to hi, both included; empty when lo > hi.
type span struct{ lo, hi int64 }

// Open ends of spans.
const (
	dayMin int64 = math.MinInt64 / 4
	dayMax int64 = math.MaxInt64 / 4
)

// everDay is every day: the span of something undated.
var everDay = span{dayMin, dayMax}

// dayOf is the day number of t's date (days since 1 Jan 1970).
func dayOf(t time.Time) int64 { return civilDay(t.Year(), int(t.Month()), t.Day()) }

// civilDay is the day number of year y, month m (1–12, or 0 and 13 for the
// months either side), day d (from 1), in the proleptic Gregorian
// calendar (H. Hinnant's days_from_civil): what time.Date gives, without
// its cost, since a picture on a day works out a few per seat.
func civilDay(y, m, d int) int64 {
	y += (m - 1) / 12
	m = (m-1)%12 + 1
	if m <= 0 {
		m += 12
		y--
	}
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// lastOfMonth is the day number of the last day of month m of year y.
func lastOfMonth(y, m int) int64 { return civilDay(y, m+1, 1) - 1 }

// earliestDay and latestDay are the first and last days d may mean: the
// day numbers of d.Earliest() and d.Latest().
func earliestDay(d Date) int64 {
	switch {
	case d.Month == 0 && d.Approx:
		return civilDay(d.Year-1, 1, 1)
	case d.Month == 0:
		return civilDay(d.Year, 1, 1)
	case d.Day == 0 && d.Approx:
		return civilDay(d.Year, d.Month-1, 1)
	case d.Day == 0:
		return civilDay(d.Year, d.Month, 1)
	case d.Approx:
		return civilDay(d.Year, d.Month, d.Day) - 7
	}
	return civilDay(d.Year, d.Month, d.Day)
}

func latestDay(d Date) int64 {
	switch {
	case d.Month == 0 && d.Approx:
		return civilDay(d.Year+1, 12, 31)
	case d.Month == 0:
		return civilDay(d.Year, 12, 31)
	case d.Day == 0 && d.Approx:
		return lastOfMonth(d.Year, d.Month+1)
	case d.Day == 0:
		return lastOfMonth(d.Year, d.Month)
	case d.Approx:
		return civilDay(d.Year, d.Month, d.Day) + 7
	}
	return civilDay(d.Year, d.Month, d.Day)
}

// dayTime is the time of day number n.
func dayTime(n int64) time.Time { return time.Unix(n*86400, 0).UTC() }

// holding gives the days something dated from..to certainly holds and the
// days it possibly holds.
func holding(from, to Date) (certain, possible span) {
	certain, possible = everDay, everDay
	if !from.IsZero() {
		certain.lo, possible.lo = latestDay(from), earliestDay(from)
	}
	if !to.IsZero() {
		certain.hi, possible.hi = earliestDay(to), latestDay(to)
	}
	return certain, possible
}

// daysOf is the days a date may mean: one day, a month, a year, widened by
// "~"; every day for the zero Date.
func daysOf(d Date) span {
	if d.IsZero() {
		return everDay
	}
	return span{earliestDay(d), latestDay(d)}
}

func (s span) empty() bool { return s.lo > s.hi }

// covers reports whether s holds on every day of q.
func (s span) covers(q span) bool { return !q.empty() && s.lo <= q.lo && q.hi <= s.hi }

// meets reports whether s and q share a day.
func (s span) meets(q span) bool {
	return !s.empty() && !q.empty() && s.lo <= q.hi && q.lo <= s.hi
}
