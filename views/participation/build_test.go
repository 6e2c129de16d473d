package participation

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/svg"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
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
	for _, e := range g.Legend {
		got = append(got, string(e.Role)+string(e.Certainty))
	}
	want := "host excluded confirmed speculative"
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
	if len(g.Clusters) != 0 {
		t.Errorf("delegations view has %d frames, want none", len(g.Clusters))
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
		if n.Cluster != nil {
			frames[n.Ref] = n.Cluster.Ref
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
	for _, c := range g.Clusters {
		if c.Ref == "actor:us" && len(c.Label.Lines) > 0 {
			t.Errorf("the US frame is labelled although the US box is in it")
		}
	}
}

const nasty = `He said "hi" \ back\slash \N \G \E \n <script>alert(1)</script> & &amp; ]]> – Зеленський 🇺🇦 🕊️ {}[];,=` + "'" + `<<B>x</B>>`

func nastyScenario(t testing.TB) *scenario.Scenario {
	q := func(s string) string { // a TOML literal-safe basic string
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
		return `"` + r.Replace(s) + `"`
	}
	return loadText(t, `format = 1
[scenario]
title = `+q("Title "+nasty)+`
as_of = 2025-02-16
[[sources]]
id = "s"
title = `+q(nasty)+`
publisher = `+q("Pub "+nasty)+`
[[actors]]
id = "a"
name = `+q("State "+nasty)+`
kind = "state"
[[actors]]
id = "p"
name = `+q("Person "+nasty)+`
kind = "person"
office = `+q(nasty)+`
represents = "a"
[[actors]]
id = "c"
name = `+q("Claimant "+nasty)+`
short = `+q(nasty)+`
kind = "group"
[[tracks]]
id = "t"
name = `+q("Track "+nasty)+`
kind = "talks"
venue = `+q(nasty)+`
when = `+q(nasty)+`
sources = ["s"]
[[seats]]
track = "t"
actor = "p"
role = "participant"
certainty = "claimed"
claimed_by = ["c"]
sources = ["s"]
[[seats]]
track = "t"
actor = "a"
role = "excluded"
certainty = "disputed"
sources = ["s"]
[[seats]]
track = "t"
actor = "c"
role = "observer"
sources = ["s"]
`)
}

// TestTextIsDataNotMarkup: whatever a scenario says comes out exactly as
// written in the drawing and the SVG, and cannot change the DOT's structure.
func TestTextIsDataNotMarkup(t *testing.T) {
	s := nastyScenario(t)
	g, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dot := g.DOT()
	if bytes.Contains(dot, []byte("<script>")) || bytes.Contains(dot, []byte("<B>x</B>")) {
		t.Fatalf("raw markup from the scenario reached the DOT:\n%s", dot)
	}
	if path, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command(path, "-Tsvg")
		cmd.Stdin = bytes.NewReader(dot)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if out, err := cmd.Output(); err != nil || len(out) == 0 || strings.Contains(stderr.String(), "Error") {
			t.Errorf("native dot rejects the DOT: %v\n%s", err, stderr.String())
		}
	} else {
		t.Log("native dot not installed: skipping its check")
	}
	d, err := Diagram(context.Background(), layout.NewInProcess(), s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(drawingText(d), "\n")
	for _, want := range []string{"<script>alert(1)</script>", `"hi" \ back\slash \N \G \E \n`, "Зеленський", "🇺🇦", "]]>"} {
		if !strings.Contains(all, want) {
			t.Errorf("drawing lost %q; its text:\n%s", want, all)
		}
	}
	var svgDoc bytes.Buffer
	if err := svg.Write(&svgDoc, d); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&svgDoc)
	var svgText strings.Builder
	elements := map[string]int{}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elements[tok.Name.Local]++
		case xml.CharData:
			svgText.Write(tok)
		}
	}
	if elements["script"] > 0 || elements["B"] > 0 {
		t.Errorf("scenario text became SVG elements: %v", elements)
	}
	for _, want := range []string{"<script>alert(1)</script>", "Зеленський", "]]>"} {
		if !strings.Contains(svgText.String(), want) {
			t.Errorf("SVG text lost %q", want)
		}
	}
}

// TestTextFitsItsBox: every line drawn in a box lies inside it.
func TestTextFitsItsBox(t *testing.T) {
	for _, s := range []*scenario.Scenario{loadExample(t), nastyScenario(t)} {
		d, err := Diagram(context.Background(), layout.NewInProcess(), s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		boxes := map[string]drawing.Item{}
		for _, it := range d.Items {
			if it.Kind == drawing.KindRect && it.Ref != "" && !strings.HasPrefix(it.Ref, "seat:") {
				if _, ok := boxes[it.Ref]; !ok || it.W*it.H < boxes[it.Ref].W*boxes[it.Ref].H {
					boxes[it.Ref] = it // the node box, not the larger frame of the same actor
				}
			}
		}
		for _, it := range d.Items {
			box, ok := boxes[it.Ref]
			if it.Kind != drawing.KindText || !ok {
				continue
			}
			left := it.X
			switch it.Anchor {
			case drawing.AnchorMiddle:
				left -= it.W / 2
			case drawing.AnchorEnd:
				left -= it.W
			}
			if left < box.X-0.01 || left+it.W > box.X+box.W+0.01 || it.Y > box.Y+box.H || it.Y-it.Size*0.8 < box.Y {
				t.Errorf("%q (%.1f..%.1f at y %.1f) overflows its box %s (%.1f..%.1f, %.1f..%.1f)",
					it.Text, left, left+it.W, it.Y, it.Ref, box.X, box.X+box.W, box.Y, box.Y+box.H)
			}
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

// FuzzDOT: whatever the text in a scenario, the DOT we emit parses and lays
// out, and the text comes through.
func FuzzDOT(f *testing.F) {
	f.Add("plain", "Office")
	f.Add(nasty, `\`)
	f.Add("", "\x00\x01\u2028")
	f.Add("<<>>", `"`)
	eng := layout.NewInProcess()
	f.Fuzz(func(t *testing.T, name, office string) {
		s := &scenario.Scenario{
			Format: 1,
			Meta:   scenario.Meta{Title: name},
			Actors: []scenario.Actor{
				{ID: "s", Name: name, Kind: scenario.KindState},
				{ID: "p", Name: name, Short: office, Kind: scenario.KindPerson, Office: office, Represents: "s"},
			},
			Tracks: []scenario.Track{{ID: "t", Name: office, Kind: scenario.TrackTalks, Venue: name, When: office}},
			Seats: []scenario.Seat{
				{Track: "t", Actor: "p", Role: scenario.RoleParticipant, ClaimedBy: []string{"s"}},
				{Track: "t", Actor: "s", Role: scenario.RoleExcluded, Certainty: scenario.Disputed},
			},
		}
		g, err := Build(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eng.Layout(context.Background(), g.DOT()); err != nil {
			t.Fatalf("emitted DOT does not lay out: %v\n%s", err, g.DOT())
		}
	})
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

// TestLargeGraphsFloatTheirLabels: past inlineLabelLimit arrows, labels are
// xlabels (placed after layout, for speed) and still get a position.
func TestLargeGraphsFloatTheirLabels(t *testing.T) {
	s, err := scenario.Load("gen.toml", bytes.NewReader(scenariotest.Generate(300, 1)))
	if err != nil {
		t.Fatal(err)
	}
	g, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) <= inlineLabelLimit {
		t.Fatalf("only %d arrows; the test needs more than %d", len(g.Edges), inlineLabelLimit)
	}
	dot := string(g.LayoutDOT())
	if !strings.Contains(dot, "forcelabels=true") || !strings.Contains(dot, "xlabel=<") {
		t.Fatal("large graph's arrow labels are not floating")
	}
	l, err := layout.NewInProcess().Layout(context.Background(), []byte(dot))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		if len(e.Label.Lines) > 0 && !l.Edges[e.ID].HasLabel {
			t.Errorf("%s (%s) has a label but no position for it", e.ID, e.Ref)
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
