package scenario

import "testing"

// TestHumanRange: ranges as a newspaper writes them.
func TestHumanRange(t *testing.T) {
	d := func(s string) Date {
		x, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, c := range []struct{ a, b, want string }{
		{"2015-02-11", "2015-02-12", "11–12 Feb 2015"},
		{"2024-01-28", "2024-02-23", "28 Jan – 23 Feb 2024"},
		{"2024-12", "2025-01-15", "Dec 2024 – 15 Jan 2025"},
		{"~2024-08-24", "~2024-08-25", "c. 24 Aug 2024 – c. 25 Aug 2024"},
		{"1996-06-10", "1998-04-10", "10 Jun 1996 – 10 Apr 1998"},
		{"2025-02-16", "2025-02-16", "16 Feb 2025"},
		{"2025-02-16", "", "16 Feb 2025"},
	} {
		var b Date
		if c.b != "" {
			b = d(c.b)
		}
		if got := HumanRange(d(c.a), b); got != c.want {
			t.Errorf("%s..%s: %q, want %q", c.a, c.b, got, c.want)
		}
	}
}
