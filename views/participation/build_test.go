package participation

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
	"github.com/parleyhq/parley/views/participation/check"
)

// update makes golden-file tests in this package rewrite their files under
// testdata/ instead of comparing against them.
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func loadExample(t testing.TB) *scenario.Scenario {
	t.Helper()
	s, err := scenario.Load(assets.ExampleName, bytes.NewReader(assets.Example))
	if err != nil {
		t.Fatalf("the bundled example does not load:\n%v", err)
	}
	return s
}

func loadText(t testing.TB, text string) *scenario.Scenario {
	t.Helper()
	s, err := scenario.Load("test.toml", strings.NewReader(text))
	if err != nil {
		t.Fatalf("test scenario does not load:\n%v", err)
	}
	return s
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./views/participation -update rewrites it); got:\n%.3000s", path, got)
	}
}

var exampleViews = []struct {
	name string
	opts Options
}{
	{"base", Options{}},
	{"delegations", Options{Detail: Delegations}},
	{"top-to-bottom", Options{Direction: TopToBottom}},
	{"europe-at-the-table", Options{Variant: "europe-at-the-table"}},
	{"ukraine-shut-out", Options{Variant: "ukraine-shut-out"}},
	{"trump-meets-putin-first", Options{Variant: "trump-meets-putin-first"}},
}

func TestDOTGolden(t *testing.T) {
	s := loadExample(t)
	for _, v := range exampleViews {
		t.Run(v.name, func(t *testing.T) {
			g, err := Build(s, v.opts)
			if err != nil {
				t.Fatal(err)
			}
			dot := g.DOT()
			checkGolden(t, "dot/"+v.name+".dot", dot)
			again, _ := Build(s, v.opts)
			if !bytes.Equal(dot, again.DOT()) {
				t.Error("two builds of the same scenario give different DOT")
			}
		})
	}
}

func TestBuildUnknownVariant(t *testing.T) {
	_, err := Build(loadExample(t), Options{Variant: "no-such-variant"})
	if err == nil || !strings.Contains(err.Error(), "europe-at-the-table") {
		t.Fatalf("want an error naming the variants there are, got %v", err)
	}
}

func TestLegendListsExactlyWhatIsDrawn(t *testing.T) {
	s := loadText(t, `format = 1
[scenario]
title = "Legend"
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
[[seats]]
track = "t"
actor = "a"
role = "host"
certainty = "confirmed"
sources = ["s"]
[[seats]]
track = "t"
actor = "b"
role = "excluded"
certainty = "speculative"
sources = ["s"]
`)
	g, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, grp := range g.Legend {
		for _, e := range grp.Entries {
			got = append(got, e.Text.Text)
		}
	}
	want := "host excluded confirmed reported or not stated speculative status not stated state"
	if strings.Join(got, " ") != want {
		t.Errorf("legend = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestDelegationsFoldPeopleIntoTheirActor(t *testing.T) {
	s := loadExample(t)
	g, err := Build(s, Options{Detail: Delegations})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Frames) != 0 {
		t.Errorf("delegations view has %d frames, want none", len(g.Frames))
	}
	refs := map[string]*Edge{}
	for _, e := range g.Edges {
		refs[e.Ref] = e
	}
	us := refs["seat:riyadh-talks/us/participant"]
	if us == nil {
		t.Fatalf("no US participant seat at the Riyadh talks; edges: %v", keys(refs))
	}
	if text := blockText(us.Label); !strings.Contains(text, "via Waltz, Rubio, Witkoff") {
		t.Errorf("folded seat label = %q, want the people it stands for", text)
	}
	for ref := range refs {
		if strings.Contains(ref, "/waltz/") {
			t.Errorf("person seat %s drawn in the delegations view", ref)
		}
	}
}

func TestPeopleSitInTheirDelegation(t *testing.T) {
	g, err := Build(loadExample(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	frames := map[string]string{}
	for _, n := range g.Nodes {
		if n.Frame != nil {
			frames[n.Ref] = "actor:" + strings.TrimPrefix(n.Frame.Ref, "frame:")
		}
	}
	for person, state := range map[string]string{"actor:waltz": "actor:us", "actor:dmitriev": "actor:ru", "actor:starmer": "actor:uk", "actor:us": "actor:us"} {
		if frames[person] != state {
			t.Errorf("%s is in frame %q, want %q", person, frames[person], state)
		}
	}
	// The US convenes as a whole: its arrow starts at its own box, inside
	// the frame, which then needs no label of its own.
	for _, e := range g.Edges {
		if e.Ref == "seat:riyadh-talks/us/convener" && e.Tail.Ref != "actor:us" {
			t.Errorf("the US's own seat starts at %s", e.Tail.Ref)
		}
	}
	for _, c := range g.Frames {
		if c.Ref == "frame:us" && len(c.Label.Lines) > 0 {
			t.Errorf("the US frame is labelled although the US box is in it")
		}
	}
}

func TestEmptyPictureDrawsAMessage(t *testing.T) {
	s := loadText(t, "format = 1\n[scenario]\ntitle = \"Nothing yet\"\n")
	d, err := Diagram(context.Background(), layout.NewInProcess(), s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if texts := drawingText(d); !strings.Contains(strings.Join(texts, "|"), "Nothing to draw") {
		t.Errorf("empty picture says %q", texts)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func blockText(b Block) string {
	var lines []string
	for _, l := range b.Lines {
		lines = append(lines, l.Text)
	}
	return strings.Join(lines, " ")
}

// TestLargeGraphsFloatTheirLabels: past inlineLabelLimit arrows, labels
// are not laid out by Graphviz (for speed; the DOT exported has them as
// xlabels), and Parley still places every one, each clear of the other
// arrows, in both directions.
func TestLargeGraphsFloatTheirLabels(t *testing.T) {
	s, err := scenario.Load("gen.toml", bytes.NewReader(scenariotest.Generate(300, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []Direction{LeftToRight, TopToBottom} {
		g, err := Build(s, Options{Direction: dir})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Edges) <= inlineLabelLimit {
			t.Fatalf("only %d arrows; the test needs more than %d", len(g.Edges), inlineLabelLimit)
		}
		if dot := string(g.DOT()); !strings.Contains(dot, "forcelabels=true") || !strings.Contains(dot, "xlabel=<") {
			t.Error("the exported DOT's arrow labels are not floating")
		}
		for _, line := range strings.Split(string(g.LayoutDOT()), "\n") {
			if strings.Contains(line, " -> ") && strings.Contains(line, "label=<") {
				t.Fatalf("the layout is given the labels of a large graph: %s", line)
			}
		}
		d := draw(t, s, Options{Direction: dir})
		r := check.Inspect(d)
		labelled := 0
		for _, e := range g.Edges {
			if len(e.Label.Lines) > 0 {
				labelled++
			}
		}
		if len(r.Labels) != labelled {
			t.Errorf("direction %d: %d labels drawn for %d arrows with words", dir, len(r.Labels), labelled)
		}
		for _, f := range r.Failures() {
			t.Errorf("direction %d: %s", dir, f)
		}
	}
}

// drawingText is the text of every line a drawing draws.
func drawingText(d *drawing.Drawing) []string {
	var texts []string
	for _, it := range d.Items {
		if it.Kind == drawing.KindText {
			texts = append(texts, it.Text)
		}
	}
	return texts
}

// TestTracksInDateOrder: tracks are laid out by start date, undated last.
func TestTracksInDateOrder(t *testing.T) {
	s := loadText(t, `format = 1
[scenario]
title = "Order"
[[actors]]
id = "a"
name = "A"
kind = "state"
[[tracks]]
id = "undated"
name = "U"
kind = "talks"
[[tracks]]
id = "late"
name = "L"
kind = "talks"
start = "2025-03"
[[tracks]]
id = "early"
name = "E"
kind = "talks"
start = "~2024-12-30"

[[seats]]
track = "undated"
actor = "a"
role = "participant"
[[seats]]
track = "late"
actor = "a"
role = "participant"
[[seats]]
track = "early"
actor = "a"
role = "participant"
`)
	g, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range g.Timeline {
		got = append(got, n.Ref)
	}
	if want := "track:early track:late track:undated"; strings.Join(got, " ") != want {
		t.Errorf("timeline %q, want %q", strings.Join(got, " "), want)
	}
	l, err := layout.NewInProcess().Layout(context.Background(), g.LayoutDOT())
	if err != nil {
		t.Fatal(err)
	}
	// Left to right: the timeline runs down the page.
	if y := func(i int) float64 { return l.Nodes[g.Timeline[i].Name].Center.Y }; !(y(0) < y(1) && y(1) < y(2)) {
		t.Errorf("tracks not laid out in date order: %v, %v, %v", y(0), y(1), y(2))
	}
}
