package scenario

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// encodeSample is a scenario using every kind of value Marshal writes, with
// comments and a layout of its own for Edit to keep.
const encodeSample = `# Talks about talks, February 2025.
# A sample for the encoder tests.

format = 1

[scenario]
title = "Talks about \"talks\""
summary = """
Two lines,
the second with a tab:	here."""
as_of = 2025-02-18

# --- sources ---

[[sources]]
id = "reuters-0218"
title = "US and Russia agree to work towards ending war"
publisher = "Reuters"
date = "2025-02-18"
url = "https://example.org/a"
reliability = "B"

[[sources]]
id = 'kyiv-post'   # a literal string
title = "Zelensky: no deal without Ukraine"
date = "~2025-02"

# --- actors ---

[[actors]]
id = "us"
name = "United States"
short = "US"
kind = "state"
iso = "US"

[[actors]]
id = "ru"
name = "Russia"
kind = "state"

[[actors]]
id = "ua"
name = "Ukraine"
kind = "state"
memberships = []

[[actors]]
id = "eu"
name = "European Union"
kind = "bloc"

# Rubio speaks for the US.
[[actors]]
id = "rubio"
name = "Marco Rubio"
kind = "person"
office = "Secretary of State"
represents = "us"

[[actors]]
id = "fr"
name = "France"
kind = "state"

  [[actors.memberships]]
  of = "eu"
  from = "1958"

# --- tracks ---

[[tracks]]
id = "riyadh"
name = "Riyadh talks"
kind = "talks"
venue = "Riyadh"
start = "2025-02-18"
status = "concluded"
certainty = "confirmed"
sources = ["reuters-0218"]

[[tracks]]
id = "paris"
name = "Paris summit"
kind = "summit"
start = "2025-02-17"
status = "concluded"
sources = [
  "kyiv-post", # multi-line array
]

# --- seats ---

[[seats]]
track = "riyadh"
actor = "us"
role = "participant"
certainty = "confirmed"
sources = ["reuters-0218"]

[[seats]]
track = "riyadh"
actor = "ru"
role = "participant"
sources = ["reuters-0218"]

[[seats]]
track = "riyadh"
actor = "ua"
role = "excluded"
claimed_by = ["ua"]
sources = ["kyiv-post"]
note = "Kyiv was not invited"

[[seats]]
track = "paris"
actor = "fr"
role = "host"
sources = ["kyiv-post"]

[[seats]]
track = "paris"
actor = "eu"
role = "participant"
sources = ["kyiv-post"]

[[events]]
id = "call-0212"
title = "Trump–Putin call"
kind = "call"
date = "2025-02-12"
actors = ["us", "ru"]
sources = ["reuters-0218"]

[[statements]]
id = "zel-munich"
speaker = "ua"
date = "2025-02-15"
at = "call-0212"
text = "No decisions about Ukraine without Ukraine."
quote = true
about = ["riyadh"]
stance = "demand"
sources = ["kyiv-post"]

[[variants]]
id = "europe-in"
name = "Europe at the table"
remove_tracks = ["paris"]

  [[variants.seats]]
  track = "riyadh"
  actor = "eu"
  role = "observer"
  certainty = "speculative"

  [[variants.remove_seats]]
  track = "riyadh"
  actor = "ua"
  role = "excluded"

# the end
`

func mustLoad(t testing.TB, text []byte) *Scenario {
	t.Helper()
	s, err := Load("sample.toml", bytes.NewReader(text))
	if err != nil {
		t.Fatalf("load:\n%v\ntext:\n%s", err, text)
	}
	return s
}

func TestMarshalRoundTrip(t *testing.T) {
	s := mustLoad(t, []byte(encodeSample))
	out, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	back := mustLoad(t, out)
	if !Equal(s, back) {
		t.Fatalf("round trip changed the scenario:\n%s", out)
	}
	again, err := Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Errorf("Marshal is not stable:\n%s\n---\n%s", out, again)
	}
	for _, want := range []string{
		"format = 1\n\n[scenario]\ntitle = \"Talks about \\\"talks\\\"\"\n",
		"summary = \"Two lines,\\nthe second with a tab:\\there.\"\n",
		"as_of = \"2025-02-18\"\n",
		"[[actors]]\nid = \"fr\"\nname = \"France\"\nkind = \"state\"\n\n[[actors.memberships]]\nof = \"eu\"\nfrom = \"1958\"\n",
		"date = \"~2025-02\"\n",
		"quote = true\n",
		"[[variants.remove_seats]]\ntrack = \"riyadh\"\nactor = \"ua\"\nrole = \"excluded\"\n",
		"sources = [\"reuters-0218\"]\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "memberships = []") || strings.Contains(string(out), ` = ""`) {
		t.Errorf("empty values written:\n%s", out)
	}
}

func TestMarshalQuoting(t *testing.T) {
	s := mustLoad(t, []byte(encodeSample))
	s.Meta.Summary = "quote \" backslash \\ bell \a del \x7f nul \x00 crlf \r\n unicode – ü 😀"
	out, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if back := mustLoad(t, out); back.Meta.Summary != s.Meta.Summary {
		t.Errorf("summary %q came back as %q", s.Meta.Summary, back.Meta.Summary)
	}
	s.Meta.Summary = "bad \xff utf-8"
	if _, err := Marshal(s); err == nil {
		t.Error("Marshal accepted invalid UTF-8")
	}
	if _, err := Marshal(nil); err == nil {
		t.Error("Marshal accepted nil")
	}
}

// editCase changes a scenario as a form would.
type editCase struct {
	name   string
	change func(s *Scenario)
	// gone are lines of the sample that must be gone afterwards; every
	// other comment line must survive.
	gone []string
	// mayGo are lines of rewritten entries that may be lost.
	mayGo []string
}

var editCases = []editCase{
	{name: "seat role", change: func(s *Scenario) { s.Seats[1].Role = RoleObserver }},
	{name: "a key added to a commented entry", change: func(s *Scenario) { s.Sources[1].Publisher = "Kyiv Post" }},
	{name: "add seat", change: func(s *Scenario) {
		s.Seats = append(s.Seats, Seat{Track: "paris", Actor: "ua", Role: RoleInvited, Certainty: Reported})
	}},
	{name: "insert seat first", change: func(s *Scenario) {
		s.Seats = append([]Seat{{Track: "paris", Actor: "ua", Role: RoleInvited}}, s.Seats...)
	}},
	{name: "delete seat", change: func(s *Scenario) { s.Seats = append(s.Seats[:2], s.Seats[3:]...) },
		gone: []string{`note = "Kyiv was not invited"`}},
	{name: "delete last seats", change: func(s *Scenario) { s.Seats = s.Seats[:3] }},
	{name: "delete an actor and its seats", change: func(s *Scenario) {
		s.Actors = append(s.Actors[:3], s.Actors[4:]...) // eu
		s.Seats = s.Seats[:4]
		s.Actors[4].Memberships = nil // fr's membership of eu
		s.Variants[0].Seats = nil
	}, gone: []string{`name = "European Union"`, "  [[actors.memberships]]", "  [[variants.seats]]"}},
	{name: "first event", change: func(s *Scenario) { s.Events[0].Title = "Call" }},
	{name: "no events", change: func(s *Scenario) { s.Events = nil; s.Statements[0].At = "" }},
	{name: "add event to none", change: func(s *Scenario) {
		s.Events = nil
		s.Statements[0].At = ""
		s.Events = append(s.Events, Event{ID: "new", Title: "New"})
	}},
	{name: "meta", change: func(s *Scenario) { s.Meta.Title = "New title"; s.Meta.Summary = "" }},
	{name: "variant", change: func(s *Scenario) { s.Variants[0].Seats[0].Role = RoleParticipant }},
	{name: "add source", change: func(s *Scenario) {
		s.Sources = append(s.Sources, Source{ID: "new", Title: "A new source"})
		s.Seats[0].Sources = append(s.Seats[0].Sources, "new")
	}},
	{name: "reorder", change: func(s *Scenario) { s.Tracks[0], s.Tracks[1] = s.Tracks[1], s.Tracks[0] },
		mayGo: []string{`  "kyiv-post", # multi-line array`}},
}

func commentLines(text string) []string {
	var out []string
	for l := range strings.Lines(text) {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") || strings.Contains(l, " # ") {
			out = append(out, strings.TrimRight(l, "\n"))
		}
	}
	return out
}

func TestEditKeepsTheRest(t *testing.T) {
	for _, tc := range editCases {
		t.Run(tc.name, func(t *testing.T) {
			from := mustLoad(t, []byte(encodeSample))
			to := mustLoad(t, []byte(encodeSample))
			tc.change(to)
			out, err := Edit([]byte(encodeSample), from, to)
			if err != nil {
				t.Fatal(err)
			}
			if got := mustLoad(t, out); !Equal(got, to) {
				t.Fatalf("edited text does not load to the changed scenario:\n%s", out)
			}
			for _, g := range tc.gone {
				if strings.Contains(string(out), g+"\n") {
					t.Errorf("%q is still there:\n%s", g, out)
				}
			}
		keep:
			for _, c := range commentLines(encodeSample) {
				for _, g := range append(tc.gone, tc.mayGo...) {
					if c == g {
						continue keep
					}
				}
				if !strings.Contains(string(out), c+"\n") {
					t.Errorf("comment line %q was lost:\n%s", c, out)
				}
			}
			if strings.Contains(string(out), "\n\n\n") {
				t.Errorf("edit left a double blank line:\n%s", out)
			}
		})
	}
}

func TestEditSmallDiff(t *testing.T) {
	from := mustLoad(t, []byte(encodeSample))
	to := mustLoad(t, []byte(encodeSample))
	to.Seats[1].Role = RoleObserver
	out, err := Edit([]byte(encodeSample), from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(encodeSample, "actor = \"ru\"\nrole = \"participant\"", "actor = \"ru\"\nrole = \"observer\"", 1)
	if string(out) != want {
		t.Errorf("edit rewrote more than the seat:\n%s", out)
	}
	// Unchanged: the very same text.
	same, err := Edit([]byte(encodeSample), from, from)
	if err != nil || string(same) != encodeSample {
		t.Errorf("an edit without changes changed the text (%v)", err)
	}
}

func TestEditFallsBack(t *testing.T) {
	// Collections as inline arrays: Edit cannot follow, so it rewrites the
	// file, keeping the leading comments.
	text := "# my notes\n\nformat = 1\nscenario = { title = \"T\" }\nactors = [{ id = \"a\", name = \"A\", kind = \"state\" }]\n" +
		"tracks = [{ id = \"t\", name = \"T\", kind = \"talks\" }]\nseats = [{ track = \"t\", actor = \"a\", role = \"host\" }]\n"
	from := mustLoad(t, []byte(text))
	to := mustLoad(t, []byte(text))
	to.Seats[0].Role = RoleParticipant
	out, err := Edit([]byte(text), from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "# my notes\n\nformat = 1\n") {
		t.Errorf("leading comment lost:\n%s", out)
	}
	if got := mustLoad(t, out); !Equal(got, to) {
		t.Fatalf("fallback does not load to the changed scenario:\n%s", out)
	}
	// An invalid target is refused.
	to.Seats[0].Actor = "nobody"
	if _, err := Edit([]byte(text), from, to); err == nil {
		t.Error("Edit accepted a scenario that does not load")
	}
}

func TestScanSections(t *testing.T) {
	lines := splitLines([]byte(encodeSample))
	secs, ok := scanSections(lines)
	if !ok {
		t.Fatal("sample not followed")
	}
	var names []string
	for _, s := range secs {
		names = append(names, strings.Join(s.name, "."))
	}
	got := strings.Join(names, " ")
	want := "scenario sources sources actors actors actors actors actors actors actors.memberships tracks tracks seats seats seats seats seats events statements variants variants.seats variants.remove_seats"
	if got != want {
		t.Errorf("sections\n got %s\nwant %s", got, want)
	}
	// A header-like line inside a multi-line string is not a header.
	text := "format = 1\n[scenario]\ntitle = \"x\"\nsummary = '''\n[[actors]]\n'''\n"
	secs, ok = scanSections(splitLines([]byte(text)))
	if !ok || len(secs) != 1 {
		t.Errorf("multi-line string: %v %v", secs, ok)
	}
}

// FuzzMarshal checks that whatever Load accepts, Marshal writes back in a
// form Load reads to an equal scenario, and that Edit of a changed copy does
// too.
func FuzzMarshal(f *testing.F) {
	f.Add([]byte(encodeSample))
	if b, err := os.ReadFile(filepath.Join("..", "examples", "ukraine-talks-2025-02.toml")); err == nil {
		f.Add(b)
	}
	if files, _ := filepath.Glob(filepath.Join("testdata", "good", "*.toml")); len(files) > 0 {
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("format = 1\n[scenario]\ntitle = \"t\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load("fuzz.toml", bytes.NewReader(data))
		if err != nil {
			return
		}
		out, err := Marshal(s)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		back, err := Load("fuzz.toml", bytes.NewReader(out))
		if err != nil {
			t.Fatalf("Marshal output does not load: %v\n%s", err, out)
		}
		if !Equal(s, back) {
			t.Fatalf("round trip changed the scenario:\ninput:\n%s\noutput:\n%s", data, out)
		}
		// An edit that changes the title of the scenario must keep all
		// else and still load.
		to := *back
		to.Meta.Title += " (edited)"
		ed, err := Edit(data, s, &to)
		if err != nil {
			t.Fatalf("Edit: %v", err)
		}
		if got, err := Load("fuzz.toml", bytes.NewReader(ed)); err != nil || !Equal(got, &to) {
			t.Fatalf("Edit output does not load to the edit (%v):\n%s", err, ed)
		}
	})
}
