package main

import (
	"testing"
)

// FuzzDayRange: -as-of never panics, and a range it accepts ends on or
// after its first day (go test -run XXX -fuzz FuzzDayRange).
func FuzzDayRange(f *testing.F) {
	for _, s := range []string{"1997-01-01..1997-12-31", "1997..1998-02", "~1997-09-15..1997-09", "..", "1997-01-01..", "a..b..c", "1998..1997", "1997-02-30..1997-03-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		var d dayRangeFlag
		if err := d.Set(v); err != nil {
			return
		}
		if d.ranged && d.to.Latest().Before(d.date.Earliest()) {
			t.Errorf("%q: accepted a range that ends before it starts", v)
		}
		if d.ranged && (d.date.IsZero() || d.to.IsZero()) {
			t.Errorf("%q: a range with an empty side", v)
		}
	})
}
