package scenario

import (
	"encoding"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date that may be known only to the year or month, and
// may be approximate. Its text form is "2025", "2025-02" or "2025-02-17",
// with a leading "~" for "around"; a TOML local date (2025-02-17 without
// quotes) is accepted too. The zero Date means "not given".
type Date struct {
	Year, Month, Day int  // Month and Day are 0 when unknown
	Approx           bool // "~": around this date
}

var (
	_ encoding.TextUnmarshaler = (*Date)(nil)
	_ encoding.TextMarshaler   = Date{}
)

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Year == 0 }

// String is the date's text form ("" for the zero Date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%04d", d.Year)
	if d.Month > 0 {
		s += fmt.Sprintf("-%02d", d.Month)
		if d.Day > 0 {
			s += fmt.Sprintf("-%02d", d.Day)
		}
	}
	if d.Approx {
		s = "~" + s
	}
	return s
}

// MarshalText gives the date's text form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// DateError is a date that cannot be read or does not exist.
type DateError struct{ Value, Why string }

// Error says what is wrong with the date and how to write one.
func (e *DateError) Error() string {
	return fmt.Sprintf("bad date %q: %s (write YYYY-MM-DD, YYYY-MM or YYYY, with a leading ~ for an approximate date)", e.Value, e.Why)
}

// ParseDate reads a date's text form.
func ParseDate(s string) (Date, error) {
	var d Date
	return d, d.UnmarshalText([]byte(s))
}

// UnmarshalText reads the text form; it refuses dates that do not exist.
func (d *Date) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	*d = Date{}
	if s == "" {
		return nil
	}
	orig := s
	if strings.HasPrefix(s, "~") {
		d.Approx = true
		s = strings.TrimSpace(s[1:])
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return &DateError{orig, "too many parts"}
	}
	widths := []int{4, 2, 2}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if len(p) != widths[i] {
			return &DateError{orig, "expected a 4-digit year, then 2-digit month and day"}
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return &DateError{orig, "not a number: " + strconv.Quote(p)}
		}
		nums[i] = n
	}
	d.Year = nums[0]
	if d.Year == 0 {
		return &DateError{orig, "there is no year 0000"}
	}
	if len(nums) > 1 {
		d.Month = nums[1]
		if d.Month < 1 || d.Month > 12 {
			return &DateError{orig, "there is no month " + parts[1]}
		}
	}
	if len(nums) > 2 {
		d.Day = nums[2]
		last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return &DateError{orig, fmt.Sprintf("%s has %d days", time.Month(d.Month), last)}
		}
	}
	return nil
}

// FromTime is the exact day of t.
func FromTime(t time.Time) Date { return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()} }

// First is the earliest day the date may mean (for ordering and checks).
func (d Date) First() time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last is the latest day the date may mean.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Earliest is the first day d may mean, allowing for "~": an approximate
// day may be a week earlier, an approximate month or year one month or
// year earlier (~2025-02-17: from 10 Feb; ~2025-02: from 1 Jan; ~2025:
// from 1 Jan 2024).
func (d Date) Earliest() time.Time {
	t := d.First()
	if d.Approx {
		t = d.widen(t, -1)
	}
	return t
}

// Latest is the last day d may mean, allowing for "~" as Earliest does
// (~2025-02-17: to 24 Feb; ~2025-02: to 31 Mar; ~2025: to 31 Dec 2026).
func (d Date) Latest() time.Time {
	t := d.Last()
	if d.Approx {
		t = d.widen(t, 1)
		if d.Month > 0 && d.Day == 0 { // the last day of the next month
			t = time.Date(d.Year, time.Month(d.Month)+2, 0, 0, 0, 0, 0, time.UTC)
		}
	}
	return t
}

// widen moves t by one unit of d's precision (a week for a day) in the
// direction of sign.
func (d Date) widen(t time.Time, sign int) time.Time {
	switch {
	case d.Month == 0:
		return t.AddDate(sign, 0, 0)
	case d.Day == 0:
		return t.AddDate(0, sign, 0)
	}
	return t.AddDate(0, 0, 7*sign)
}

// Before reports whether d certainly ends before e begins: the latest day
// d may mean is before the earliest day e may mean (see Earliest and
// Latest). So "2025-02-10" is before "2025-03" but not before "2025-02",
// and "2025-02-16" is not before "~2025-02-17".
func (d Date) Before(e Date) bool { return d.Latest().Before(e.Earliest()) }

// Human is the date as a reader would write it: "17 Feb 2025", "Feb 2025",
// "c. 17 Feb 2025".
// HumanRange is the days from a to b in words, as a newspaper writes
// them: "11–12 Feb 2015", "28 Jan – 23 Feb 2024", "Dec 2024 – 15 Jan
// 2025"; one date when b is zero or a; "" when both are zero.
func HumanRange(a, b Date) string {
	switch {
	case a.IsZero():
		return b.Human()
	case b.IsZero() || a == b:
		return a.Human()
	}
	exact := a.Day != 0 && b.Day != 0 && !a.Approx && !b.Approx
	month := func(d Date) string { return time.Month(d.Month).String()[:3] }
	switch {
	case exact && a.Year == b.Year && a.Month == b.Month:
		return fmt.Sprintf("%d–%d %s %d", a.Day, b.Day, month(a), a.Year)
	case exact && a.Year == b.Year:
		return fmt.Sprintf("%d %s – %d %s %d", a.Day, month(a), b.Day, month(b), a.Year)
	}
	return a.Human() + " – " + b.Human()
}

func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	var s string
	switch {
	case d.Month == 0:
		s = strconv.Itoa(d.Year)
	case d.Day == 0:
		s = fmt.Sprintf("%s %d", time.Month(d.Month).String()[:3], d.Year)
	default:
		s = fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month).String()[:3], d.Year)
	}
	if d.Approx {
		s = "c. " + s
	}
	return s
}
