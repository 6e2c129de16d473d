package participation

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/scenario"
)

// goodFriday is the bundled Good Friday file.
func goodFriday(t testing.TB) *scenario.Scenario {
	t.Helper()
	return loadFiles(t, "../../examples/good-friday-1998.toml")[0].s
}

func day(t testing.TB, s string) scenario.Date {
	t.Helper()
	d, err := scenario.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func legendTexts(g *Graph) string {
	var out []string
	for _, grp := range g.Legend {
		for _, e := range grp.Entries {
			out = append(out, grp.Caption.Text+" "+e.Text.Text)
		}
	}
	return strings.Join(out, "\n")
}

func edgeByRef(g *Graph, ref string) *Edge {
	for _, e := range g.Edges {
		if e.Ref == ref {
			return e
		}
	}
	return nil
}

func labelText(b Block) string {
	var out []string
	for _, l := range b.Lines {
		out = append(out, l.Text)
	}
	return strings.Join(out, " ")
}

// TestTimeDrawn: on each day, what is gone, what holds only possibly and
// a track not yet started or suspended are drawn so, in words a reader
// can check, and in the legend.
func TestTimeDrawn(t *testing.T) {
	s := goodFriday(t)
	cases := []struct {
		day    string
		edges  map[string]string // seat Ref → words its label must hold ("" : must not be drawn)
		track  string            // words on the talks' box
		legend []string
		ghosts []string // actors drawn as ghosts
	}{
		{day: "1996-05-01", track: "announced 28 Feb 1996, starts 10 Jun 1996",
			legend: []string{"track announced, not yet started"}},
		{day: "1997-04-01", track: "suspended 6 Mar – 2 Jun 1997 (adjourned for the British general election)"},
		{day: "1997-07-20",
			edges: map[string]string{
				"seat:talks/major/convener":  "replaced by Tony Blair 2 May 1997",
				"seat:talks/dup/participant": "walked out 16 Jul 1997",
				"seat:talks/blair/convener":  "",
			},
			legend: []string{"gone by this day (replaced, walked out)"},
			ghosts: []string{"actor:major", "actor:dup", "actor:ukup", "actor:bruton"}},
		{day: "1998-03-22",
			edges:  map[string]string{"seat:talks/sinn-fein/participant": "possibly (from c. 23 Mar 1998)"},
			legend: []string{"faded: holds only possibly on this day"}},
	}
	for _, c := range cases {
		g, err := Build(s, Options{AsOf: day(t, c.day)})
		if err != nil {
			t.Fatal(err)
		}
		for ref, words := range c.edges {
			e := edgeByRef(g, ref)
			switch {
			case e == nil:
				t.Errorf("%s: %s is not drawn", c.day, ref)
			case !strings.Contains(labelText(e.Label), words):
				t.Errorf("%s: %s says %q, want %q", c.day, ref, labelText(e.Label), words)
			case strings.Contains(words, "walked out") || strings.Contains(words, "replaced"):
				if e.Gone == "" || e.Color != GhostInk {
					t.Errorf("%s: %s is not drawn as gone", c.day, ref)
				}
			case strings.HasPrefix(words, "possibly") && !e.Possibly:
				t.Errorf("%s: %s is not drawn as possibly", c.day, ref)
			}
		}
		if c.track != "" {
			var talks *Node
			for _, n := range g.Timeline {
				if n.Ref == "track:talks" {
					talks = n
				}
			}
			if got := labelText(talks.Label); !strings.Contains(got, c.track) {
				t.Errorf("%s: the talks say %q, want %q", c.day, got, c.track)
			}
		}
		legend := legendTexts(g)
		for _, want := range c.legend {
			if !strings.Contains(legend, want) {
				t.Errorf("%s: the legend lacks %q:\n%s", c.day, want, legend)
			}
		}
		for _, ref := range c.ghosts {
			found := false
			for _, n := range g.Nodes {
				if n.Ref == ref {
					found = n.Ghost
				}
			}
			if !found {
				t.Errorf("%s: %s is not drawn as a ghost", c.day, ref)
			}
		}
	}
	// Over all days (no as_of filtering) nothing is gone or possibly.
	s.Meta.AsOf = scenario.Date{}
	g, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l := legendTexts(g); strings.Contains(l, "On this day") {
		t.Errorf("a picture of every day has time marks:\n%s", l)
	}
}
