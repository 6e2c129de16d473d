package scenario

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// day parses a date for a test.
func day(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// at describes what a picture holds at one track: "actor/role" for each
// seat, with "?" after one that holds only possibly, and the track's
// status (with "?" when only possibly so, "^" when upcoming); "-" when the
// track is not in the picture.
func at(p *Picture, track string) string {
	t := p.Track(track)
	if t == nil {
		return "-"
	}
	status := string(t.Status)
	if t.Upcoming {
		status += "^"
	}
	if t.Possibly {
		status += "?"
	}
	parts := []string{status + ":"}
	for _, st := range p.Seats {
		if st.Track != track {
			continue
		}
		s := st.Actor + "/" + string(st.Role)
		if st.Possibly {
			s += "?"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// ended lists the picture's ended seats as "actor:reason".
func ended(p *Picture) string {
	var parts []string
	for _, st := range p.Ended {
		parts = append(parts, st.Actor+":"+string(st.Ended))
	}
	return strings.Join(parts, " ")
}

func loadExample(t testing.TB, name string) *Scenario {
	t.Helper()
	data, err := os.ReadFile("../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(name, strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) > 0 {
		t.Fatalf("%s has warnings:\n%v", name, s.Warnings)
	}
	return s
}

// TestGoodFridayOnEveryDate: the Good Friday example says, on each day
// that matters, who holds which seat, and what became of those who left.
func TestGoodFridayOnEveryDate(t *testing.T) {
	s := loadExample(t, "good-friday-1998.toml")
	const (
		chairs  = "mitchell/chair de-chastelain/chair holkeri/chair us/facilitator"
		parties = "uup/participant sdlp/participant alliance/participant pup/participant niwc/participant"
	)
	tests := []struct {
		day, talks, bia, ended string
	}{
		// Before the talks were announced: nothing.
		{"1996-01-15", "-", "-", ""},
		// Announced for 10 June: upcoming, with the table as planned.
		{"1996-05-01", "planned^: major/convener bruton/convener " + chairs + " " + parties +
			" dup/participant ukup/participant udp/participant sinn-fein/excluded", "-", ""},
		{"1996-06-10", "under-way: major/convener bruton/convener " + chairs + " " + parties +
			" dup/participant ukup/participant udp/participant sinn-fein/excluded", "-", ""},
		// Adjourned for the British general election.
		{"1997-04-01", "suspended: major/convener bruton/convener " + chairs + " " + parties +
			" dup/participant ukup/participant udp/participant sinn-fein/excluded", "-", ""},
		// Blair takes over on 2 May; the talks are still adjourned.
		{"1997-05-02", "suspended: blair/convener bruton/convener " + chairs + " " + parties +
			" dup/participant ukup/participant udp/participant sinn-fein/excluded", "-", "major:replaced"},
		{"1997-06-03", "under-way: blair/convener bruton/convener " + chairs + " " + parties +
			" dup/participant ukup/participant udp/participant sinn-fein/excluded", "-", "major:replaced"},
		{"1997-06-26", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" dup/participant ukup/participant udp/participant sinn-fein/excluded", "-", "major:replaced bruton:replaced"},
		// The DUP and the UKUP walk out on 16 July: still there that day.
		{"1997-07-16", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" dup/participant ukup/participant udp/participant sinn-fein/excluded", "-", "major:replaced bruton:replaced"},
		{"1997-07-17", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/participant sinn-fein/excluded", "-", "major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
		// Sinn Féin admitted on 9 September: excluded until then.
		{"1997-09-08", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/participant sinn-fein/excluded", "-", "major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
		{"1997-09-09", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/participant sinn-fein/participant", "-", "major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
		// The UDP out from 26 January to 22 February 1998.
		{"1998-02-01", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/excluded sinn-fein/participant", "-", "major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
		// Sinn Féin expelled on 20 February, the UDP back on the 23rd.
		{"1998-03-01", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/participant sinn-fein/excluded", "-", "major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
		// Sinn Féin back around 23 March: either, possibly.
		{"1998-03-20", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/participant sinn-fein/excluded? sinn-fein/participant?", "-", "major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
		{"1998-04-01", "under-way: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/participant sinn-fein/participant", "-", "major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
		// Good Friday.
		{"1998-04-10", "concluded: blair/convener ahern/convener " + chairs + " " + parties +
			" udp/participant sinn-fein/participant", "concluded: blair/signatory ahern/signatory",
			"major:replaced bruton:replaced dup:walked-out ukup:walked-out"},
	}
	for _, tt := range tests {
		p, err := s.Resolve("", day(t, tt.day))
		if err != nil {
			t.Fatal(err)
		}
		if got := at(p, "talks"); got != tt.talks {
			t.Errorf("%s, talks:\n got  %s\n want %s", tt.day, got, tt.talks)
		}
		if got := at(p, "bia"); got != tt.bia {
			t.Errorf("%s, British–Irish Agreement:\n got  %s\n want %s", tt.day, got, tt.bia)
		}
		if got := ended(p); got != tt.ended {
			t.Errorf("%s, ended:\n got  %s\n want %s", tt.day, got, tt.ended)
		}
	}
	// The default day is the file's as_of.
	def, _ := s.Resolve("", Date{})
	good, _ := s.Resolve("", day(t, "1998-04-10"))
	if summary(def) != summary(good) || def.AsOf != s.Meta.AsOf {
		t.Errorf("the default picture is not the one of as_of:\n%s\n%s", summary(def), summary(good))
	}
	// A variant on a day: without the ceasefire Sinn Féin is out and the
	// unionists stay, on every day.
	for _, d := range []string{"1997-04-01", "1997-09-15", "1998-04-10"} {
		p, err := s.Resolve("no-ceasefire", day(t, d))
		if err != nil {
			t.Fatal(err)
		}
		got := at(p, "talks")
		for _, want := range []string{"sinn-fein/excluded", "dup/participant", "ukup/participant"} {
			if !strings.Contains(got, want) {
				t.Errorf("no-ceasefire on %s: %s lacks %s", d, got, want)
			}
		}
		if strings.Contains(got, "sinn-fein/participant") {
			t.Errorf("no-ceasefire on %s: %s", d, got)
		}
	}
}

// timeBase is a small scenario for the rules of Resolve on a day.
const timeBase = `format = 1
[scenario]
title = "Time"
%s
[[sources]]
id = "s"
title = "S"
[[actors]]
id = "a"
name = "A"
kind = "state"
[[actors]]
id = "b"
name = "B"
kind = "state"
[[tracks]]
id = "t"
name = "T"
kind = "talks"
sources = ["s"]
%s
%s
`

func timeScenario(t *testing.T, meta, track, seats string) *Scenario {
	t.Helper()
	return loadString(t, fmt.Sprintf(timeBase, meta, track, seats))
}

func seat(actor, role string, keys ...string) string {
	s := fmt.Sprintf("[[seats]]\ntrack = \"t\"\nactor = %q\nrole = %q\nsources = [\"s\"]\n", actor, role)
	for _, k := range keys {
		s += k + "\n"
	}
	return s
}

// TestResolveOnADay: the rules of docs/format.md, "What holds on a day".
func TestResolveOnADay(t *testing.T) {
	tests := []struct {
		name, meta, track, seats string
		days                     map[string]string // day → at(p, "t"); "" for the file's as_of
	}{
		{"undated seats hold on every day", "", "", seat("a", "participant"),
			map[string]string{"": ": a/participant", "1900-01-01": ": a/participant", "2100": ": a/participant"}},
		{"from and to, both included", "", "", seat("a", "participant", "from = 2025-02-10", "to = 2025-02-20"),
			map[string]string{"2025-02-09": ":", "2025-02-10": ": a/participant", "2025-02-20": ": a/participant", "2025-02-21": ":"}},
		{"a month: certainly from its last day, possibly from its first", "", "", seat("a", "participant", `from = "2025-02"`),
			map[string]string{"2025-01-31": ":", "2025-02-01": ": a/participant?", "2025-02-27": ": a/participant?", "2025-02-28": ": a/participant"}},
		{"around a day: a week either side", "", "", seat("a", "participant", `to = "~2025-02-17"`),
			map[string]string{"2025-02-09": ": a/participant", "2025-02-10": ": a/participant", "2025-02-11": ": a/participant?",
				"2025-02-24": ": a/participant?", "2025-02-25": ":"}},
		{"a month asked for: certainly throughout, possibly on one day", "", "", seat("a", "participant", "from = 2025-02-10"),
			map[string]string{"2025-02": ": a/participant?", "2025-03": ": a/participant", "2025-01": ":"}},
		{"a handover: the new seat on the day", "", "",
			seat("a", "excluded", "to = 2025-02-10") + seat("a", "participant", "from = 2025-02-10"),
			map[string]string{"2025-02-09": ": a/excluded", "2025-02-10": ": a/participant"}},
		{"a month's end gives way to a certain seat", "", "",
			seat("a", "excluded", `to = "2025-02"`) + seat("a", "participant", "from = 2025-02-10"),
			map[string]string{"2025-02-05": ": a/excluded?", "2025-02-10": ": a/participant", "2025-02-25": ": a/participant"}},
		{"replaced_by: the successor on the day", "", "",
			seat("a", "convener", "to = 2025-02-10", `ended = "replaced"`, `replaced_by = "b"`) + seat("b", "convener", "from = 2025-02-10"),
			map[string]string{"2025-02-09": ": a/convener", "2025-02-10": ": b/convener", "2025-03-01": ": b/convener"}},
		{"a disputed exclusion stays next to the seat", "", "",
			seat("a", "participant") + seat("a", "excluded", `certainty = "disputed"`, "from = 2025-02-10"),
			map[string]string{"2025-02-09": ": a/participant", "2025-02-10": ": a/participant a/excluded"}},
		{"a track before its start: not there, unless announced", "", "start = 2025-03-01\nstatus = \"under-way\"", seat("a", "participant"),
			map[string]string{"2025-02-01": "-", "2025-03-01": "under-way: a/participant", "": "under-way: a/participant"}},
		{"announced: upcoming and planned from then", "", "announced = 2025-02-01\nstart = 2025-03-01\nend = 2025-03-02\nstatus = \"concluded\"",
			seat("a", "participant", "from = 2025-03-01") + seat("b", "invited", "to = 2025-02-20"),
			map[string]string{"2025-01-31": "-", "2025-02-01": "planned^: a/participant b/invited", "2025-02-25": "planned^: a/participant",
				"2025-03-01": "under-way: a/participant", "2025-03-03": "concluded: a/participant"}},
		{"on and after as_of, an upcoming track is there as the file says", "as_of = 2025-02-16", "start = 2025-02-17\nstatus = \"planned\"",
			seat("a", "convener", "from = 2025-02-17"),
			map[string]string{"": "planned^: a/convener", "2025-02-10": "-", "2025-02-17": "planned: a/convener"}},
		{"a start known to the month: possibly started", "", `start = "2025-03"` + "\nstatus = \"under-way\"", seat("a", "participant"),
			map[string]string{"2025-02-28": "-", "2025-03-05": "under-way?: a/participant", "2025-03-31": "under-way: a/participant"}},
		{"suspended within a span, possibly at its ends", "", "start = 2019-01-01\nstatus = \"under-way\"\n" +
			"[[tracks.suspended]]\nfrom = 2019-09-07\nto = \"~2019-12-07\"",
			seat("a", "participant"),
			map[string]string{"2019-09-06": "under-way: a/participant", "2019-09-07": "suspended: a/participant",
				"2019-12-05": "suspended?: a/participant", "2019-12-15": "under-way: a/participant"}},
		{"a suspended track outside its suspensions is under way", "", "status = \"suspended\"\n[[tracks.suspended]]\nfrom = 2019-09-07",
			seat("a", "participant"),
			map[string]string{"2019-09-01": "under-way: a/participant", "2019-10-01": "suspended: a/participant"}},
		{"statuses move back only", "as_of = 2025-06-01", "start = 2025-01-01\nend = 2025-12-31\nstatus = \"under-way\"", seat("a", "participant"),
			map[string]string{"2026-06-01": "under-way: a/participant"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := timeScenario(t, tt.meta, tt.track, tt.seats)
			for d, want := range tt.days {
				var asOf Date
				if d != "" {
					asOf = day(t, d)
				}
				p, err := s.Resolve("", asOf)
				if err != nil {
					t.Fatal(err)
				}
				if got := at(p, "t"); got != want {
					t.Errorf("on %q: got %q, want %q", d, got, want)
				}
			}
		})
	}
}

// TestResolveAllIgnoresDates: ResolveAll, and Resolve of a file without
// as_of asked for no day, give every seat whatever its dates, the statuses
// as written, and no ended seats.
func TestResolveAllIgnoresDates(t *testing.T) {
	seats := seat("a", "excluded", "to = 2025-02-10") + seat("a", "participant", "from = 2025-02-10", "to = 2025-03-01", `ended = "withdrew"`)
	for _, meta := range []string{"", "as_of = 2025-02-01"} {
		s := timeScenario(t, meta, "start = 2025-02-05\nstatus = \"concluded\"", seats)
		p, err := s.ResolveAll("")
		if err != nil {
			t.Fatal(err)
		}
		if got := at(p, "t"); got != "concluded: a/excluded a/participant" || p.Ended != nil || !p.AsOf.IsZero() {
			t.Errorf("ResolveAll (%s) = %q, ended %v, as of %v", meta, got, p.Ended, p.AsOf)
		}
		q, _ := s.Resolve("", Date{})
		if meta == "" && summary(q) != summary(p) {
			t.Errorf("Resolve without as_of nor day = %s, want %s", summary(q), summary(p))
		}
	}
}

// TestResolveDoesNotChangeTheScenario: resolving on a day works on copies.
func TestResolveDoesNotChangeTheScenario(t *testing.T) {
	s := loadExample(t, "good-friday-1998.toml")
	before, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"1997-04-01", "1998-03-20", "1996-05-01"} {
		for _, v := range []string{"", "no-ceasefire"} {
			if _, err := s.Resolve(v, day(t, d)); err != nil {
				t.Fatal(err)
			}
		}
	}
	after, _ := Marshal(s)
	if string(before) != string(after) {
		t.Error("Resolve changed the scenario")
	}
	for _, tr := range s.Tracks {
		if tr.Upcoming || tr.Possibly || tr.Suspension != nil {
			t.Errorf("track %s carries a picture's state: %+v", tr.ID, tr)
		}
	}
}

// TestUndatedPicturesUnchanged: for every example, the picture on as_of of
// a file whose seats are undated is the picture over all days.
func TestUndatedPicturesUnchanged(t *testing.T) {
	for _, name := range []string{"ukraine-talks-2025-02.toml", "iran-nuclear-talks-2015.toml", "gaza-ceasefire-2024.toml"} {
		s := loadExample(t, name)
		for _, v := range append([]Variant{{}}, s.Variants...) {
			all, err := s.ResolveAll(v.ID)
			if err != nil {
				t.Fatal(err)
			}
			on, _ := s.Resolve(v.ID, Date{})
			if summary(all) != summary(on) || !slices.EqualFunc(all.Tracks, on.Tracks, func(a, b Track) bool { return a.Status == b.Status }) {
				t.Errorf("%s %s: on as_of %s\n all days %s", name, v.ID, summary(on), summary(all))
			}
		}
	}
}

// TestMarksAndSpan: the dates of the Good Friday file, in order, and its span.
func TestMarksAndSpan(t *testing.T) {
	s := loadExample(t, "good-friday-1998.toml")
	ms := s.Marks()
	if len(ms) == 0 || ms[0].What != "announced" || ms[0].Date.String() != "1996-02-28" {
		t.Fatalf("first mark: %+v", ms[0])
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].Day.Before(ms[i-1].Day) {
			t.Fatalf("marks out of order: %+v before %+v", ms[i-1], ms[i])
		}
	}
	first, last, ok := s.Span()
	if !ok || FromTime(first).String() != "1996-02-28" || FromTime(last).String() != "1998-04-10" {
		t.Errorf("span %v – %v, %v", first, last, ok)
	}
	if _, _, ok := loadString(t, resolveBase).Span(); ok {
		t.Error("an undated file has a span")
	}
}

// TestDohaExampleOfTheDocs: the format reference's example of what holds
// on a day says what Resolve does.
func TestDohaExampleOfTheDocs(t *testing.T) {
	doc, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```toml\nformat = 1\n\n[scenario]\ntitle = \"US–Taliban talks in Doha\"")
	if !ok {
		t.Fatal("the Doha example is not in the format reference")
	}
	block, _, _ := strings.Cut(rest, "```")
	s := loadString(t, "format = 1\n\n[scenario]\ntitle = \"US–Taliban talks in Doha\""+block)
	for d, want := range map[string]string{
		"2019-10-01": "suspended: us/participant taliban/participant qa/host af/excluded",
		"2019-12-05": "suspended?: us/participant taliban/participant qa/host af/excluded",
		"2020-02-29": "concluded: us/participant taliban/participant qa/host af/excluded pompeo/witness",
		"2019-03-01": "under-way: us/participant taliban/participant qa/host af/excluded",
	} {
		p, err := s.Resolve("", day(t, d))
		if err != nil {
			t.Fatal(err)
		}
		if got := at(p, "doha"); got != want {
			t.Errorf("%s: %s, want %s", d, got, want)
		}
	}
}
