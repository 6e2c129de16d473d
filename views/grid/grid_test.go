package grid

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/internal/viewtest"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
	"github.com/parleyhq/parley/views/style"
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/")

type picture struct {
	name string
	s    *scenario.Scenario
	opts Options
}

func pictures(t *testing.T) []picture {
	var out []picture
	for _, ex := range viewtest.Examples(t) {
		for _, v := range ex.Variants {
			name := ex.Name + "-" + v
			if v == "" {
				name = ex.Name + "-base"
			}
			out = append(out, picture{name, ex.Scenario, Options{Variant: v}})
		}
		if ex.Name == "ukraine-talks-2025-02" {
			out = append(out,
				picture{ex.Name + "-by-bloc", ex.Scenario, Options{Group: ByBloc}},
				picture{ex.Name + "-delegations", ex.Scenario, Options{Detail: Delegations}},
				picture{ex.Name + "-focus-riyadh", ex.Scenario, Options{Filter: scenario.Filter{Focus: []string{"track:riyadh-talks"}}}})
		}
	}
	slices.SortFunc(out, func(a, b picture) int { return strings.Compare(a.name, b.name) })
	return out
}

func TestGolden(t *testing.T) {
	look := os.Getenv("PARLEY_LOOK")
	for _, p := range pictures(t) {
		t.Run(p.name, func(t *testing.T) {
			d, err := Diagram(context.Background(), nil, p.s, p.opts)
			if err != nil {
				t.Fatal(err)
			}
			viewtest.Golden(t, "svg/"+p.name+".svg", viewtest.NormalisedSVG(t, d))
			tb, err := Build(p.s, p.opts)
			if err != nil {
				t.Fatal(err)
			}
			var csvText, md bytes.Buffer
			if err := tb.CSV(&csvText); err != nil {
				t.Fatal(err)
			}
			if err := tb.Markdown(&md); err != nil {
				t.Fatal(err)
			}
			viewtest.Golden(t, "csv/"+p.name+".csv", csvText.Bytes())
			viewtest.Golden(t, "md/"+p.name+".md", md.Bytes())
			for _, o := range viewtest.OverlappingText(d) {
				t.Error(o)
			}
			for _, o := range viewtest.CheckObjects(d) {
				t.Error(o)
			}
			if look != "" {
				var b bytes.Buffer
				if err := raster.WritePNG(&b, d, 1); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(look, "grid-"+p.name+".png"), b.Bytes(), 0o644)
			}
		})
	}
}

func csvRead(b []byte) ([][]string, error) { return csv.NewReader(bytes.NewReader(b)).ReadAll() }

func example(t testing.TB) *scenario.Scenario {
	for _, ex := range viewtest.Examples(t) {
		if ex.Name == "ukraine-talks-2025-02" {
			return ex.Scenario
		}
	}
	t.Fatal("no ukraine example")
	return nil
}

// TestCells: a cell shows its seat's role by the participation view's
// arrowhead and colour, its certainty by line style and in words.
func TestCells(t *testing.T) {
	d, err := Diagram(context.Background(), nil, example(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := "seat:riyadh-talks/europe/excluded"
	var texts []string
	var dashed, bar bool
	for _, it := range d.Items {
		if it.Ref != ref {
			continue
		}
		switch it.Kind {
		case drawing.KindText:
			texts = append(texts, it.Text)
		case drawing.KindPolyline:
			dashed = dashed || len(it.Stroke.Dash) > 0 && it.Stroke.Color == style.Role(scenario.RoleExcluded).Color
		case drawing.KindPolygon:
			bar = bar || it.Fill == style.Role(scenario.RoleExcluded).Color
		}
	}
	if got := strings.Join(texts, " | "); got != "excluded | claimed · per Kellogg" || !dashed || !bar {
		t.Errorf("the excluded cell says %q (dashed %v, bar %v)", got, dashed, bar)
	}
	if o := d.Objects[ref]; o.Class != "seat" || !strings.Contains(o.Tooltip, "Kellogg: European governments will not participate directly.") || !strings.Contains(o.Tooltip, "CNN, 16 Feb 2025") {
		t.Errorf("the seat's object: %+v", o)
	}
}

// TestColumnsInDateOrder: tracks left to right by date, undated last.
func TestColumnsInDateOrder(t *testing.T) {
	for _, ex := range viewtest.Examples(t) {
		tb, err := Build(ex.Scenario, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(tb.Columns); i++ {
			a, b := tb.Columns[i-1].Start, tb.Columns[i].Start
			if a.IsZero() && !b.IsZero() || !a.IsZero() && !b.IsZero() && b.First().Before(a.First()) {
				t.Errorf("%s: %s (%s) before %s (%s)", ex.Name, tb.Columns[i-1].ID, a, tb.Columns[i].ID, b)
			}
		}
	}
}

func TestDelegationsAndVariants(t *testing.T) {
	s := example(t)
	tb, err := Build(s, Options{Detail: Delegations})
	if err != nil {
		t.Fatal(err)
	}
	var csvText bytes.Buffer
	if err := tb.CSV(&csvText); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csvText.String(), "convener (reported); participant (reported, via Waltz, Rubio, Witkoff)") {
		t.Errorf("the US at Riyadh, people folded in:\n%s", csvText.String())
	}
	tb, err = Build(s, Options{Variant: "ukraine-shut-out"})
	if err != nil {
		t.Fatal(err)
	}
	csvText.Reset()
	tb.CSV(&csvText)
	if !strings.Contains(csvText.String(), `Ukraine,Ukraine,Ukraine,ua,,"excluded (speculative, what if)"`) {
		t.Errorf("the variant's seat:\n%s", csvText.String())
	}
}

// TestTextOutputsAreSafe: names that look like formulas or Markdown come
// out as text; every CSV row has every column.
func TestTextOutputsAreSafe(t *testing.T) {
	s := viewtest.Load(t, `format = 1
[scenario]
title = "*bold* | <b>x</b>"
[[sources]]
id = "s"
title = "s"
[[actors]]
id = "a"
name = "=HYPERLINK(\"http://x\")"
kind = "state"
[[actors]]
id = "p"
name = "Pipe | Person"
short = "-1+1"
kind = "person"
represents = "a"
[[tracks]]
id = "t"
name = "@SUM(A1) [link](http://x) | `+"`code`"+`"
kind = "talks"
sources = ["s"]
[[seats]]
track = "t"
actor = "a"
role = "host"
sources = ["s"]
[[seats]]
track = "t"
actor = "p"
role = "participant"
certainty = "disputed"
sources = ["s"]
`)
	tb, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var c, md bytes.Buffer
	if err := tb.CSV(&c); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`'=HYPERLINK(""http://x"")`, `'@SUM(A1)`, `'-1+1`} {
		if !strings.Contains(c.String(), want) {
			t.Errorf("CSV does not guard %s:\n%s", want, c.String())
		}
	}
	if err := tb.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "|") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 3 {
			t.Errorf("a Markdown table row with the wrong number of cells: %s", line)
		}
	}
	for _, bad := range []string{"<b>", "[link](", "`code`", "*bold*"} {
		if strings.Contains(md.String(), bad) {
			t.Errorf("Markdown keeps %q as markup:\n%s", bad, md.String())
		}
	}
}

func FuzzTextOutputs(f *testing.F) {
	f.Add("United States", "Talks", "note")
	f.Add("=1+1", "a|b", "\"quoted\"\nline")
	f.Add("\x00\r\n", "*_[]`", "<script>")
	f.Fuzz(func(t *testing.T, name, track, note string) {
		s := &scenario.Scenario{Format: 1, Meta: scenario.Meta{Title: track},
			Actors: []scenario.Actor{{ID: "a", Name: name, Kind: scenario.KindState}, {ID: "p", Name: note, Short: name, Kind: scenario.KindPerson, Represents: "a"}},
			Tracks: []scenario.Track{{ID: "t", Name: track, Kind: scenario.TrackTalks, When: note}, {ID: "u", Name: name, Kind: scenario.TrackCall}},
			Seats: []scenario.Seat{{Track: "t", Actor: "a", Role: scenario.RoleHost, Note: note},
				{Track: "u", Actor: "p", Role: scenario.RoleExcluded, Certainty: scenario.Disputed}}}
		tb, err := Build(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var c, md bytes.Buffer
		if err := tb.CSV(&c); err != nil {
			t.Fatal(err)
		}
		recs, err := csvRead(c.Bytes())
		if err != nil || len(recs) != 3 {
			t.Fatalf("CSV does not read back (%v): %d records\n%s", err, len(recs), c.String())
		}
		for _, r := range recs {
			if len(r) != 6 {
				t.Fatalf("a record of %d fields: %q", len(r), r)
			}
		}
		if err := tb.Markdown(&md); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(md.String(), "\n") {
			if strings.HasPrefix(line, "| ") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 4 {
				t.Fatalf("a Markdown table row with the wrong number of cells: %q", line)
			}
		}
		d := tb.Draw()
		if err := d.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkDiagram(b *testing.B) {
	for _, n := range []int{100, 1000} {
		s, err := scenario.Load("gen.toml", bytes.NewReader(scenariotest.Generate(n, 1)))
		if err != nil {
			b.Fatal(err)
		}
		b.Run("actors="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Diagram(context.Background(), nil, s, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
