package scenario

import (
	"testing"
	"time"
)

// TestDayNumbers: the day arithmetic of spans agrees with Date.Earliest
// and Date.Latest (and so with time.Date) on every kind of date, across
// years, leap days and the turn of months and years.
func TestDayNumbers(t *testing.T) {
	for _, y := range []int{1, 4, 99, 100, 400, 1600, 1900, 1969, 1970, 1996, 1999, 2000, 2024, 2025, 2100, 9999} {
		for m := 0; m <= 12; m++ {
			days := []int{0}
			if m > 0 {
				last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
				days = []int{0, 1, 2, 15, last - 1, last}
			}
			for _, d := range days {
				for _, approx := range []bool{false, true} {
					date := Date{Year: y, Month: m, Day: d, Approx: approx}
					if got, want := earliestDay(date), date.Earliest().Unix()/86400; got != want {
						t.Errorf("earliest %s: %d, want %d", date, got, want)
					}
					if got, want := latestDay(date), date.Latest().Unix()/86400; got != want {
						t.Errorf("latest %s: %d, want %d", date, got, want)
					}
					if m > 0 && d > 0 {
						if got := dayTime(civilDay(y, m, d)); got.Year() != y || int(got.Month()) != m || got.Day() != d {
							t.Errorf("day %s comes back as %v", date, got)
						}
					}
				}
			}
		}
	}
}
