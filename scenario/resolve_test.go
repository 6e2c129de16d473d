package scenario

import (
	"slices"
	"strings"
	"testing"
)

// resolveBase is the base of the Resolve tests: three tracks, and seats
// written track/actor/role.
const resolveBase = `format = 1
[scenario]
title = "Resolve"

[[sources]]
id = "src"
title = "Source"

[[actors]]
id = "a"
name = "A"
kind = "state"
[[actors]]
id = "b"
name = "B"
kind = "state"
[[actors]]
id = "c"
name = "C"
kind = "state"

[[tracks]]
id = "t1"
name = "Track 1"
kind = "talks"
sources = ["src"]
[[tracks]]
id = "t2"
name = "Track 2"
kind = "talks"
sources = ["src"]
[[tracks]]
id = "t3"
name = "Track 3"
kind = "talks"
sources = ["src"]

[[seats]]
track = "t1"
actor = "a"
role = "host"
sources = ["src"]
[[seats]]
track = "t1"
actor = "b"
role = "participant"
sources = ["src"]
[[seats]]
track = "t1"
actor = "b"
role = "excluded"
certainty = "disputed"
sources = ["src"]
[[seats]]
track = "t2"
actor = "c"
role = "participant"
sources = ["src"]
[[seats]]
track = "t3"
actor = "a"
role = "observer"
sources = ["src"]
`

func loadString(t *testing.T, src string) *Scenario {
	t.Helper()
	s, err := Load("r.toml", strings.NewReader(src))
	if err != nil {
		t.Fatalf("%v\nin:\n%s", err, src)
	}
	return s
}

// summary writes a picture as "t1 t2 | t1/a/host ...".
func summary(p *Picture) string {
	var parts []string
	for _, t := range p.Tracks {
		parts = append(parts, t.ID)
	}
	parts = append(parts, "|")
	for _, s := range p.Seats {
		parts = append(parts, s.Track+"/"+s.Actor+"/"+string(s.Role))
	}
	return strings.Join(parts, " ")
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name, variant, want string
	}{
		{"base", "", "t1 t2 t3 | t1/a/host t1/b/participant t1/b/excluded t2/c/participant t3/a/observer"},
		{"tracks replace in place or are added", `tracks = [
			{ id = "t2", name = "Track 2, moved", kind = "summit" },
			{ id = "t9", name = "Track 9", kind = "call" }]`,
			"t1 t2 t3 t9 | t1/a/host t1/b/participant t1/b/excluded t2/c/participant t3/a/observer"},
		{"remove_tracks removes the track and its seats", `remove_tracks = ["t1"]`,
			"t2 t3 | t2/c/participant t3/a/observer"},
		{"seats replace all seats of their track and actor, in place", `seats = [
			{ track = "t1", actor = "b", role = "observer" },
			{ track = "t1", actor = "b", role = "invited", certainty = "speculative" }]`,
			"t1 t2 t3 | t1/a/host t1/b/observer t1/b/invited t2/c/participant t3/a/observer"},
		{"seats of a new track and actor are added at the end", `seats = [
			{ track = "t3", actor = "c", role = "mediator" },
			{ track = "t2", actor = "a", role = "convener" }]`,
			"t1 t2 t3 | t1/a/host t1/b/participant t1/b/excluded t2/c/participant t3/a/observer t3/c/mediator t2/a/convener"},
		{"remove_seats without role removes all of an actor's seats there", `remove_seats = [{ track = "t1", actor = "b" }]`,
			"t1 t2 t3 | t1/a/host t2/c/participant t3/a/observer"},
		{"remove_seats with role removes that seat only", `remove_seats = [{ track = "t1", actor = "b", role = "excluded" }]`,
			"t1 t2 t3 | t1/a/host t1/b/participant t2/c/participant t3/a/observer"},
		{"removed seats can be given again", `remove_seats = [{ track = "t1", actor = "a" }]
			seats = [{ track = "t1", actor = "a", role = "mediator" }]`,
			"t1 t2 t3 | t1/b/participant t1/b/excluded t2/c/participant t3/a/observer t1/a/mediator"},
		{"a track removed and given again comes last, without its base seats", `remove_tracks = ["t1"]
			tracks = [{ id = "t1", name = "Track 1, again", kind = "call" }]
			seats = [{ track = "t1", actor = "c", role = "host" }]`,
			"t2 t3 t1 | t2/c/participant t3/a/observer t1/c/host"},
		{"seats at a track the variant adds", `tracks = [{ id = "t9", name = "Track 9", kind = "call" }]
			seats = [{ track = "t9", actor = "a", role = "host" }, { track = "t9", actor = "b", role = "participant" }]`,
			"t1 t2 t3 t9 | t1/a/host t1/b/participant t1/b/excluded t2/c/participant t3/a/observer t9/a/host t9/b/participant"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, id := resolveBase, ""
			if tt.variant != "" {
				src += "\n[[variants]]\nid = \"v\"\nname = \"V\"\n" + tt.variant + "\n"
				id = "v"
			}
			s := loadString(t, src)
			p, err := s.Resolve(id, Date{})
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(p); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if (id == "") != (p.Variant == nil) || p.Scenario != s {
				t.Errorf("Variant = %v, Scenario = %p", p.Variant, p.Scenario)
			}
			// Resolving leaves the scenario as it was, and is repeatable.
			if base, _ := s.Resolve("", Date{}); summary(base) != tests[0].want {
				t.Errorf("the base changed: %s", summary(base))
			}
			if again, _ := s.Resolve(id, Date{}); summary(again) != summary(p) {
				t.Errorf("not deterministic: %s", summary(again))
			}
		})
	}
}

func TestResolveLookups(t *testing.T) {
	s := loadString(t, resolveBase+`
[[variants]]
id = "v"
name = "V"
remove_tracks = ["t3"]
tracks = [{ id = "t2", name = "Track 2, moved", kind = "summit" }]
`)
	p, err := s.Resolve("v", Date{})
	if err != nil {
		t.Fatal(err)
	}
	if a := p.Actor("b"); a == nil || a.Name != "B" {
		t.Errorf("Actor(b) = %v", a)
	}
	if tr := p.Track("t2"); tr == nil || tr.Name != "Track 2, moved" {
		t.Errorf("Track(t2) = %v, want the variant's", tr)
	}
	if src := p.Source("src"); src == nil || src.Title != "Source" {
		t.Errorf("Source(src) = %v", src)
	}
	if p.Track("t3") != nil || p.Actor("zz") != nil || p.Source("zz") != nil {
		t.Error("a removed or unknown id was found")
	}
}

func TestResolveUnknownVariant(t *testing.T) {
	s := loadString(t, resolveBase+`
[[variants]]
id = "europe-in"
name = "Europe in"
[[variants]]
id = "no-paris"
name = "No Paris"
`)
	_, err := s.Resolve("europe-inn", Date{})
	want := `scenario: unknown variant "europe-inn"; did you mean "europe-in"? (variants: europe-in, no-paris)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	_, err = loadString(t, resolveBase).Resolve("x", Date{})
	if want := `scenario: unknown variant "x" (this scenario has no variants)`; err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestResolveGoodFiles resolves every variant of the good files.
func TestResolveGoodFiles(t *testing.T) {
	s, err := loadFile(t, "testdata/good/full.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Resolve("europe-in", Date{})
	if err != nil {
		t.Fatal(err)
	}
	// remove_seats applies first, so the observer seat that follows has no
	// base seat left to take the place of: it is added at the end.
	want := []string{"paris/france/convener", "paris/uk/participant", "riyadh/usa/participant", "riyadh/russia/participant",
		"riyadh/ukraine/participant", "riyadh/ukraine/excluded", "riyadh/eu/observer", "geneva/ru-team/participant"}
	var got []string
	for _, st := range p.Seats {
		got = append(got, st.Track+"/"+st.Actor+"/"+string(st.Role))
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
