package scenario

import (
	"os"
	"strings"
	"testing"
)

// TestEditTimeKeys: a form that ends a seat, names its successor, invites
// an actor or suspends a track changes only those lines of a commented
// file, and the result loads back to what the form holds.
func TestEditTimeKeys(t *testing.T) {
	text, err := os.ReadFile("../examples/good-friday-1998.toml")
	if err != nil {
		t.Fatal(err)
	}
	seatOf := func(s *Scenario, actor string) *Seat {
		for i := range s.Seats {
			if s.Seats[i].Actor == actor {
				return &s.Seats[i]
			}
		}
		t.Fatalf("no seat of %s", actor)
		return nil
	}
	cases := []struct {
		name   string
		change func(*Scenario)
		added  []string // lines the edit adds, each once
		gone   []string // lines it removes
	}{
		{"a seat ends", func(s *Scenario) {
			st := seatOf(s, "alliance")
			st.To, st.Ended = day(t, "1998-04-10"), EndWithdrew
		}, []string{`to = "1998-04-10"`, `ended = "withdrew"`}, nil},
		{"a successor changes", func(s *Scenario) {
			seatOf(s, "major").ReplacedBy = "bruton"
		}, []string{`replaced_by = "bruton"`}, []string{`replaced_by = "blair"`}},
		{"an invitation", func(s *Scenario) {
			seatOf(s, "sinn-fein").InvitedBy = []string{"uk", "ie"}
		}, []string{`invited_by = ["uk", "ie"]`}, nil},
		{"an office ends", func(s *Scenario) {
			for i := range s.Actors {
				if s.Actors[i].ID == "blair" {
					s.Actors[i].OfficeTo = day(t, "2007-06-27")
				}
			}
		}, []string{`office_to = "2007-06-27"`}, nil},
		{"a second suspension", func(s *Scenario) {
			s.Tracks[0].Suspended = append(s.Tracks[0].Suspended, Suspension{From: day(t, "1998-02-20"), To: day(t, "1998-02-22"), Reason: "a weekend", Sources: []string{"latimes-1998-02-21"}})
		}, []string{`reason = "a weekend"`}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			from, to := loadString(t, string(text)), loadString(t, string(text))
			tc.change(to)
			out, err := Edit(text, from, to)
			if err != nil {
				t.Fatal(err)
			}
			got := loadString(t, string(out))
			if !Equal(got, to) {
				t.Fatalf("the edited text does not load to the changed scenario")
			}
			if len(got.Warnings) > 0 && tc.name != "a successor changes" {
				t.Errorf("warnings:\n%v", got.Warnings)
			}
			for _, line := range commentLines(string(text)) {
				if !strings.Contains(string(out), line+"\n") {
					t.Errorf("comment %q lost", line)
				}
			}
			before, after := lineSet(string(text)), lineSet(string(out))
			for _, a := range tc.added {
				if after[a] != before[a]+1 {
					t.Errorf("%q: %d times before, %d after", a, before[a], after[a])
				}
			}
			for _, g := range tc.gone {
				if after[g] != before[g]-1 {
					t.Errorf("%q: %d times before, %d after", g, before[g], after[g])
				}
			}
			if tc.name == "a second suspension" {
				// A nested list changed: the track's entry is written
				// anew (docs/format.md), and nothing else.
				head, _, _ := strings.Cut(string(text), "[[tracks]]\nid = \"talks\"")
				_, tail, _ := strings.Cut(string(text), "[[tracks]]\nid = \"bia\"")
				if !strings.HasPrefix(string(out), head) || !strings.HasSuffix(string(out), tail) {
					t.Errorf("the edit changed more than the track:\n%s", out)
				}
				return
			}
			// Nothing else changed.
			extra := 0
			for line, n := range after {
				if n > before[line] {
					extra += n - before[line]
				}
			}
			if max := len(tc.added); extra > max {
				t.Errorf("%d lines added, want at most %d:\n%s", extra, max, out)
			}
		})
	}
}

func lineSet(text string) map[string]int {
	m := map[string]int{}
	for _, l := range strings.Split(text, "\n") {
		m[strings.TrimSpace(l)]++
	}
	return m
}
