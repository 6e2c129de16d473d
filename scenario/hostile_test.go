package scenario

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestHostileLarge: files whose shape would make a careless checker
// quadratic (20,000 seats are 4·10⁸ pairs) still load, or fail, in bounded
// time, and the problems stop at maxProblems, with a last line saying how
// many more there are.
func TestHostileLarge(t *testing.T) {
	const head = "format = 1\n[scenario]\ntitle = \"x\"\n" +
		"[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n" +
		"[[tracks]]\nid = \"t\"\nname = \"T\"\nkind = \"talks\"\nsources = [\"s\"]\n" +
		"[[sources]]\nid = \"s\"\ntitle = \"S\"\n"
	fill := func(size int, item func(i int) string) string {
		var b strings.Builder
		b.WriteString(head)
		for i := 0; b.Len() < size; i++ {
			b.WriteString(item(i))
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		capped    bool // the problems exceed maxProblems
	}{
		{"the same seat 20,000 times", fill(1<<20, func(int) string {
			return "[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"host\"\nsources = [\"s\"]\n"
		}), true},
		{"exclusions and participations", fill(1<<20, func(i int) string {
			return fmt.Sprintf("[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = %q\nsources = [\"s\"]\n", []string{"excluded", "host", "participant"}[i%3])
		}), true},
		{"30,000 actors and 2,000 unknown references", fill(1<<20, func(i int) string {
			return fmt.Sprintf("[[actors]]\nid = \"actor-%06d\"\nname = \"A\"\nkind = \"state\"\n", i)
		}) + strings.Repeat("[[seats]]\ntrack = \"t\"\nactor = \"actor-x\"\nrole = \"host\"\nsources = [\"s\"]\n", 2000), true},
		{"empty tables", fill(200<<10, func(int) string { return "[[seats]]\n" }), true},
		{"100,000 array elements", head + "[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"host\"\nsources = [" +
			strings.Repeat("1,", 100000) + "]\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			within(t, 20*time.Second, func() {
				_, err := Load("f.toml", strings.NewReader(tt.src))
				var ps Problems
				if !errors.As(err, &ps) {
					t.Fatalf("err = %v", err)
				}
				last := ps[len(ps)-1]
				capped := strings.HasPrefix(last.Message, "and ") && last.Line == 0
				if capped != tt.capped || len(ps) > maxProblems+1 {
					t.Errorf("%d problems, the last: %v", len(ps), last)
				}
			})
		})
	}
}

// TestHostileVariant: a variant with 20,000 seats and removals resolves in
// bounded time.
func TestHostileVariant(t *testing.T) {
	var b strings.Builder
	b.WriteString(resolveBase + "\n[[variants]]\nid = \"v\"\nname = \"V\"\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "[[variants.seats]]\ntrack = \"t%d\"\nactor = \"a\"\nrole = \"host\"\n", 1+i%3)
		fmt.Fprintf(&b, "[[variants.remove_seats]]\ntrack = \"t%d\"\nactor = \"b\"\n", 1+i%3)
	}
	within(t, 20*time.Second, func() {
		_, err := Load("f.toml", strings.NewReader(b.String()))
		if err == nil {
			t.Fatal("20,000 duplicate variant seats loaded")
		}
	})
	s := loadString(t, resolveBase)
	s.Variants = []Variant{{ID: "v"}}
	for i := range 20000 {
		v := &s.Variants[0]
		v.Seats = append(v.Seats, Seat{Track: fmt.Sprintf("t%d", 1+i%3), Actor: fmt.Sprintf("x%d", i), Role: RoleHost})
		v.RemoveSeats = append(v.RemoveSeats, SeatRef{Track: "t1", Actor: fmt.Sprintf("x%d", i)})
		v.Tracks = append(v.Tracks, Track{ID: fmt.Sprintf("n%d", i)})
	}
	within(t, 5*time.Second, func() {
		p, err := s.Resolve("v", Date{})
		if err != nil || len(p.Seats) != 5+20000 || len(p.Tracks) != 3+20000 {
			t.Errorf("err = %v", err)
		}
	})
}

// TestProblemsFirstInFileOrder: past maxProblems, the problems kept are the
// first in file order, though the checks find them in another order
// (unknown keys, found first, are at the end of this file), and the last
// line counts the rest.
func TestProblemsFirstInFileOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString("format = 1\n[scenario]\ntitle = \"x\"\n[[sources]]\nid = \"s\"\ntitle = \"S\"\n" +
		"[[tracks]]\nid = \"t\"\nname = \"T\"\nkind = \"talks\"\nsources = [\"s\"]\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "[[seats]]\ntrack = \"t\"\nactor = \"zz%d\"\nrole = \"host\"\nsources = [\"s\"]\n", i)
	}
	for i := range 1500 {
		fmt.Fprintf(&b, "[[actors]]\nid = \"a%d\"\nnmae = \"A\"\nkind = \"state\"\n", i)
	}
	_, err := Load("f.toml", strings.NewReader(b.String()))
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v", err)
	}
	if len(ps) != maxProblems+1 {
		t.Fatalf("%d problems", len(ps))
	}
	for i, p := range ps[:maxProblems] {
		if want := fmt.Sprintf("seats[%d].actor", i+1); p.Path != want || p.Severity != Error {
			t.Fatalf("problem %d: %v, want one at %s", i+1, p, want)
		}
	}
	last := ps[maxProblems]
	if want := "f.toml: error: and 3,500 more (2,000 errors, 1,500 warnings) not shown: only the first 1,000, in file order, are listed; fix those first"; last.String() != want {
		t.Errorf("last line\n got %s\nwant %s", last, want)
	}
}

// TestManyWarningsLoad: a file with only warnings loads however many there
// are; the line that counts the rest is a warning too.
func TestManyWarningsLoad(t *testing.T) {
	var b strings.Builder
	b.WriteString("format = 1\n[scenario]\ntitle = \"x\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n" +
		"[[tracks]]\nid = \"t\"\nname = \"T\"\nkind = \"talks\"\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"host\"\nnote = \"%d\"\n", i)
	}
	s, err := Load("f.toml", strings.NewReader(b.String()))
	if err == nil {
		t.Fatal("1,500 duplicate seats loaded")
	}
	b.Reset()
	b.WriteString("format = 1\n[scenario]\ntitle = \"x\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "[[tracks]]\nid = \"t%d\"\nname = \"T\"\nkind = \"talks\"\n[[seats]]\ntrack = \"t%d\"\nactor = \"a\"\nrole = \"host\"\n", i, i)
	}
	s, err = Load("f.toml", strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("a file with warnings only did not load: %.300v", err)
	}
	if n := len(s.Warnings); n != maxProblems+1 || s.Warnings[n-1].Severity != Warning || !strings.HasPrefix(s.Warnings[n-1].Message, "and 2,000 more (0 errors, 2,000 warnings)") {
		t.Errorf("%d warnings, the last %v", n, s.Warnings[n-1])
	}
}

// TestLongValuesShortened: a message repeats at most a short start of a
// long value from the file.
func TestLongValuesShortened(t *testing.T) {
	long := strings.Repeat("é", 100000)
	src := "format = 1\n[scenario]\ntitle = \"x\"\n[[actors]]\nid = \"" + long + "\"\nname = \"A\"\nkind = \"" + long + "\"\n"
	_, err := Load("f.toml", strings.NewReader(src))
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v", err)
	}
	for _, p := range ps {
		if len(p.Message) > maxMessage+10 || !utf8.ValidString(p.Message) {
			t.Errorf("%d bytes: %.300s", len(p.Message), p.Message)
		}
	}
	if !strings.Contains(ps[0].Message, "éé…") {
		t.Errorf("not marked as cut: %.300s", ps[0].Message)
	}
}
