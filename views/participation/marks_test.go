package participation

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// draw lays out and draws s the way the command line does.
func draw(t *testing.T, s *scenario.Scenario, opts Options) *drawing.Drawing {
	t.Helper()
	d, err := Diagram(context.Background(), layout.NewInProcess(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// texts is every line of text drawn for ref, joined by " / ".
func texts(d *drawing.Drawing, ref string) string {
	var out []string
	for _, it := range d.Items {
		if it.Kind == drawing.KindText && it.Ref == ref {
			out = append(out, it.Text)
		}
	}
	return strings.Join(out, " / ")
}

const kindsScenario = `format = 1
[scenario]
title = "Short labels"
[[sources]]
id = "s"
title = "S"
[[actors]]
id = "uk"
name = "United Kingdom of Great Britain and Northern Ireland"
short = "UK"
kind = "state"
[[actors]]
id = "eu"
name = "European Union"
short = "EU"
kind = "bloc"
[[actors]]
id = "un"
name = "United Nations Security Council"
short = "UNSC"
kind = "organisation"
[[actors]]
id = "g"
name = "Coalition of the Willing"
short = "Coalition"
kind = "group"
[[actors]]
id = "p"
name = "Keir Starmer"
short = "Starmer"
kind = "person"
office = "Prime Minister"
represents = "uk"
[[actors]]
id = "q"
name = "Kaja Kallas"
short = "Kallas"
kind = "person"
represents = "eu"
[[tracks]]
id = "t"
name = "Talks"
kind = "talks"
sources = ["s"]
[[seats]]
track = "t"
actor = "uk"
role = "host"
sources = ["s"]
[[seats]]
track = "t"
actor = "eu"
role = "participant"
certainty = "claimed"
claimed_by = ["un"]
sources = ["s"]
[[seats]]
track = "t"
actor = "un"
role = "observer"
sources = ["s"]
[[seats]]
track = "t"
actor = "g"
role = "invited"
certainty = "claimed"
claimed_by = ["eu"]
sources = ["s"]
[[seats]]
track = "t"
actor = "p"
role = "participant"
certainty = "claimed"
claimed_by = ["g"]
sources = ["s"]
[[seats]]
track = "t"
actor = "q"
role = "participant"
sources = ["s"]
`

// TestShortEverywhere: every kind of actor is drawn by its short label, in
// its box, a frame, "per" and "via"; the full name is in the tooltip and
// the description, and not drawn.
func TestShortEverywhere(t *testing.T) {
	s := loadText(t, kindsScenario)
	for _, detail := range []Detail{People, Delegations} {
		d := draw(t, s, Options{Detail: detail})
		var all []string
		for _, it := range d.Items {
			if it.Kind == drawing.KindText {
				all = append(all, it.Text)
			}
		}
		drawn := strings.Join(all, "\n")
		for _, a := range s.Actors {
			if strings.Contains(drawn, a.Name) {
				t.Errorf("detail %d: the full name %q is drawn", detail, a.Name)
			}
			ref := "actor:" + a.ID
			if o, ok := d.Objects[ref]; ok && !strings.Contains(o.Tooltip, a.Name) {
				t.Errorf("detail %d: tooltip of %s lacks the full name: %q", detail, ref, o.Tooltip)
			}
		}
		for _, want := range []string{"UK", "EU", "UNSC", "Coalition", "per UNSC", "per EU"} {
			if !strings.Contains(drawn, want) {
				t.Errorf("detail %d: %q not drawn; drawn:\n%s", detail, want, drawn)
			}
		}
		if detail == Delegations && !strings.Contains(drawn, "Kallas (not stated)") {
			t.Errorf("the folded seat does not name Kallas; drawn:\n%s", drawn)
		}
		if detail == People && (d.Objects["frame:eu"].Class != "frame" || texts(d, "actor:eu") != "EU / bloc") {
			t.Errorf("the EU frame %+v holds %q", d.Objects["frame:eu"], texts(d, "actor:eu"))
		}
		for _, a := range s.Actors {
			if !strings.Contains(d.Desc, a.Name) && (detail == People || a.Kind != scenario.KindPerson) {
				t.Errorf("detail %d: the description lacks %q:\n%s", detail, a.Name, d.Desc)
			}
		}
	}
}

// TestWhatIf: a variant's tracks and seats say "what if" when the variant
// adds them, changes any of their keys, or removes and gives them again;
// what it leaves as it was does not.
func TestWhatIf(t *testing.T) {
	iran := loadFiles(t, "../../examples/iran-nuclear-talks-2015.toml")[0].s
	d := draw(t, iran, Options{Variant: "us-walks-away"})
	if !strings.Contains(texts(d, "track:vienna"), "WHAT IF") || d.Objects["track:vienna"].Tooltip == "" {
		t.Errorf("the Vienna round the variant cancels is not marked: %q", texts(d, "track:vienna"))
	}
	if strings.Contains(texts(d, "track:lausanne"), "WHAT IF") {
		t.Errorf("an unchanged track is marked: %q", texts(d, "track:lausanne"))
	}

	base := `format = 1
[scenario]
title = "What if"
[[sources]]
id = "s"
title = "S"
[[sources]]
id = "s2"
title = "S2"
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
[[actors]]
id = "d"
name = "D"
kind = "state"
[[tracks]]
id = "t"
name = "T"
kind = "talks"
sources = ["s"]
[[tracks]]
id = "u"
name = "U"
kind = "talks"
sources = ["s"]
[[seats]]
track = "t"
actor = "a"
role = "participant"
sources = ["s"]
[[seats]]
track = "t"
actor = "b"
role = "participant"
sources = ["s"]
[[seats]]
track = "t"
actor = "c"
role = "participant"
sources = ["s"]
[[seats]]
track = "u"
actor = "d"
role = "participant"
sources = ["s"]
`
	for _, c := range []struct {
		name, variant string
		marked        []string
		unmarked      []string
	}{
		{"only claimed_by", `[[variants.seats]]
  track = "t"
  actor = "a"
  role = "participant"
  claimed_by = ["b"]
  sources = ["s"]`, []string{"seat:t/a/participant"}, []string{"seat:t/b/participant", "track:t"}},
		{"only a note", `[[variants.seats]]
  track = "t"
  actor = "a"
  role = "participant"
  note = "new"
  sources = ["s"]`, []string{"seat:t/a/participant"}, []string{"seat:t/c/participant"}},
		{"only sources", `[[variants.seats]]
  track = "t"
  actor = "a"
  role = "participant"
  sources = ["s2"]`, []string{"seat:t/a/participant"}, nil},
		{"only dates", `[[variants.seats]]
  track = "t"
  actor = "a"
  role = "participant"
  from = 2025-01-01
  sources = ["s"]`, []string{"seat:t/a/participant"}, nil},
		{"the same seat again", `[[variants.seats]]
  track = "t"
  actor = "a"
  role = "participant"
  sources = ["s"]`, nil, []string{"seat:t/a/participant"}},
		{"removed and given again", `remove_seats = [{ track = "t", actor = "a" }]
  [[variants.seats]]
  track = "t"
  actor = "a"
  role = "participant"
  sources = ["s"]`, []string{"seat:t/a/participant"}, []string{"seat:t/b/participant"}},
		{"a track removed and given again", `remove_tracks = ["u"]
  [[variants.tracks]]
  id = "u"
  name = "U"
  kind = "talks"
  sources = ["s"]
  [[variants.seats]]
  track = "u"
  actor = "d"
  role = "participant"
  sources = ["s"]`, []string{"track:u", "seat:u/d/participant"}, []string{"track:t"}},
		{"a track's status", `[[variants.tracks]]
  id = "u"
  name = "U"
  kind = "talks"
  status = "cancelled"
  sources = ["s"]`, []string{"track:u"}, []string{"track:t", "seat:u/d/participant"}},
		{"an added seat", `[[variants.seats]]
  track = "u"
  actor = "a"
  role = "observer"`, []string{"seat:u/a/observer"}, []string{"seat:u/d/participant"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := loadText(t, base+"[[variants]]\nid = \"v\"\nname = \"V\"\n"+c.variant+"\n")
			d := draw(t, s, Options{Variant: "v"})
			for _, ref := range c.marked {
				if !strings.Contains(texts(d, ref), "WHAT IF") {
					t.Errorf("%s is not marked what if: %q", ref, texts(d, ref))
				}
				if !strings.Contains(d.Objects[ref].Tooltip, "What if") {
					t.Errorf("%s's tooltip does not say what if: %q", ref, d.Objects[ref].Tooltip)
				}
			}
			for _, ref := range c.unmarked {
				if strings.Contains(texts(d, ref), "WHAT IF") {
					t.Errorf("%s is marked what if, though the variant leaves it: %q", ref, texts(d, ref))
				}
			}
			if len(c.marked) > 0 && !slices.ContainsFunc(d.Items, func(it drawing.Item) bool { return it.Ref == "legend:what-if" }) {
				t.Error("the legend does not explain the what-if mark")
			}
		})
	}
}

// TestFoldedSeatsLeastSure: a delegation's seats folded into one arrow
// are drawn as the least sure of them, the label says they are mixed and
// who is how sure, and the legend has the mixed sample.
func TestFoldedSeatsLeastSure(t *testing.T) {
	s := loadText(t, `format = 1
[scenario]
title = "Folded"
[[sources]]
id = "s"
title = "S"
[[actors]]
id = "us"
name = "United States"
short = "US"
kind = "state"
[[actors]]
id = "w"
name = "Waltz"
kind = "person"
represents = "us"
[[actors]]
id = "r"
name = "Rubio"
kind = "person"
represents = "us"
[[actors]]
id = "v"
name = "Vance"
kind = "person"
represents = "us"
[[tracks]]
id = "t"
name = "T"
kind = "talks"
sources = ["s"]
[[seats]]
track = "t"
actor = "w"
role = "participant"
certainty = "confirmed"
sources = ["s"]
[[seats]]
track = "t"
actor = "r"
role = "participant"
certainty = "disputed"
sources = ["s"]
[[seats]]
track = "t"
actor = "v"
role = "observer"
certainty = "speculative"
sources = ["s"]
`)
	g, err := Build(s, Options{Detail: Delegations})
	if err != nil {
		t.Fatal(err)
	}
	var folded *Edge
	for _, e := range g.Edges {
		if e.Ref == "seat:t/us/participant" {
			folded = e
		}
	}
	if folded == nil || folded.Certainty != scenario.Disputed || !folded.Mixed {
		t.Fatalf("folded seat %+v, want disputed and mixed", folded)
	}
	if w := blockText(folded.Label); !strings.Contains(w, "mixed") || !strings.Contains(w, "Waltz (confirmed)") || !strings.Contains(w, "Rubio (disputed)") {
		t.Errorf("folded label %q does not say who is how sure", w)
	}
	d := draw(t, s, Options{Detail: Delegations})
	for _, want := range []string{"legend:mixed", "legend:certainty-disputed", "legend:certainty-speculative"} {
		if !slices.ContainsFunc(d.Items, func(it drawing.Item) bool { return it.Ref == want }) {
			t.Errorf("the legend lacks %s", want)
		}
	}
	for _, it := range d.Items {
		if it.Ref == "legend:certainty-confirmed" {
			t.Error("the legend shows confirmed, which no arrow is drawn as")
		}
	}
}
