package timeline

import (
	"bytes"
	"context"
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
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/")

func draw(t testing.TB, s *scenario.Scenario, opts Options) *drawing.Drawing {
	t.Helper()
	d, err := Diagram(context.Background(), nil, s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	return d
}

// pictures are every bundled example in each of its variants, and the
// first one with other options too.
func pictures(t *testing.T) []struct {
	name string
	s    *scenario.Scenario
	opts Options
} {
	var out []struct {
		name string
		s    *scenario.Scenario
		opts Options
	}
	for _, ex := range viewtest.Examples(t) {
		for _, v := range ex.Variants {
			name := ex.Name + "-" + v
			if v == "" {
				name = ex.Name + "-base"
			}
			out = append(out, struct {
				name string
				s    *scenario.Scenario
				opts Options
			}{name, ex.Scenario, Options{Variant: v}})
		}
		if ex.Name == "ukraine-talks-2025-02" {
			for name, o := range map[string]Options{
				"lanes-by-track": {Lanes: ByTrack},
				"delegations":    {Detail: Delegations},
				"focus-us":       {Filter: scenario.Filter{Focus: []string{"us"}}},
			} {
				out = append(out, struct {
					name string
					s    *scenario.Scenario
					opts Options
				}{ex.Name + "-" + name, ex.Scenario, o})
			}
		}
	}
	slices.SortFunc(out, func(a, b struct {
		name string
		s    *scenario.Scenario
		opts Options
	}) int {
		return strings.Compare(a.name, b.name)
	})
	return out
}

// TestGolden: every picture of every example, as normalised SVG; no text
// overlaps other text or leaves the picture, and every mark is described.
func TestGolden(t *testing.T) {
	look := os.Getenv("PARLEY_LOOK") // a folder to write PNGs to, to look at them
	for _, p := range pictures(t) {
		t.Run(p.name, func(t *testing.T) {
			d := draw(t, p.s, p.opts)
			viewtest.Golden(t, "svg/"+p.name+".svg", viewtest.NormalisedSVG(t, d))
			for _, o := range viewtest.OverlappingText(d) {
				t.Error(o)
			}
			for _, o := range viewtest.CheckObjects(d) {
				t.Error(o)
			}
			if d.Title == "" {
				t.Error("no title")
			}
			if look != "" {
				var b bytes.Buffer
				if err := raster.WritePNG(&b, d, 1); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(look, "timeline-"+p.name+".png"), b.Bytes(), 0o644)
			}
		})
	}
}

// marksInOrder are the refs of the events and statements in the order
// the drawing draws them, each once, with the first text of each.
func marksInOrder(d *drawing.Drawing) (refs, firstTexts []string) {
	seen := map[string]bool{}
	for _, it := range d.Items {
		if it.Kind != drawing.KindText || seen[it.Ref] {
			continue
		}
		if strings.HasPrefix(it.Ref, "event:") || strings.HasPrefix(it.Ref, "statement:") {
			seen[it.Ref] = true
			refs = append(refs, it.Ref)
			firstTexts = append(firstTexts, it.Text)
		}
	}
	return refs, firstTexts
}

// TestExampleInDateOrder: the example's timeline shows every event and
// statement, read in date order, with who said what; Kallas's statement
// of 16 February comes after everything known only to the month.
func TestExampleInDateOrder(t *testing.T) {
	ex := viewtest.Examples(t)
	var s *scenario.Scenario
	for _, e := range ex {
		if e.Name == "ukraine-talks-2025-02" {
			s = e.Scenario
		}
	}
	d := draw(t, s, Options{})
	refs, texts := marksInOrder(d)
	if len(refs) != len(s.Events)+len(s.Statements) {
		t.Fatalf("%d events and statements drawn, want %d: %v", len(refs), len(s.Events)+len(s.Statements), refs)
	}
	date := map[string]scenario.Date{}
	pic, _ := s.ResolveAll("")
	for _, e := range s.Events {
		date["event:"+e.ID] = e.Date
	}
	for i := range s.Statements {
		date["statement:"+s.Statements[i].ID] = pic.StatementDate(&s.Statements[i])
	}
	for i := 1; i < len(refs); i++ {
		if date[refs[i]].First().Before(date[refs[i-1]].First()) {
			t.Errorf("%s (%s) is drawn after %s (%s)", refs[i], date[refs[i]], refs[i-1], date[refs[i-1]])
		}
	}
	all := strings.Join(viewtest.Texts(d), "\n")
	for _, want := range []string{"Kallas announces new EU initiatives on X", "Hegseth's remarks in Brussels", "Kallas", "Hegseth", " supports", " opposes",
		"Trump announces negotiations with Russia", "“We must not allow any divisions", "As of 16 Feb 2025", "[1] CNN, 16 Feb 2025"} {
		if !strings.Contains(all, want) {
			t.Errorf("the timeline does not say %q", want)
		}
	}
	if texts[len(texts)-1] != "Kallas" || refs[len(refs)-1] != "statement:kallas-initiatives" {
		t.Errorf("last mark %s %q, want Kallas's statement", refs[len(refs)-1], texts[len(texts)-1])
	}
	// Kallas's marker sits on the as-of day, 16 February.
	var asOfX, kallasX float64
	for _, it := range d.Items {
		if it.Kind == drawing.KindPolyline && it.Stroke.Color == asOfColor() && len(it.Points) == 2 && it.Points[0].X == it.Points[1].X {
			asOfX = it.Points[0].X
		}
		if it.Ref == "event:kallas-on-x" && it.Kind == drawing.KindEllipse {
			kallasX = it.X
		}
	}
	if asOfX == 0 || kallasX == 0 || asOfX-kallasX > 0.01 || kallasX-asOfX > 0.01 {
		t.Errorf("as of at x %.2f, Kallas's event at %.2f: want the same day", asOfX, kallasX)
	}
}

func asOfColor() drawing.Color { return drawing.RGB(0xb35900) }

// TestDatesAsTheLegendSays: a day is a marker, a month a band over the
// month, an approximate day a marker with a faint band of two weeks, an
// undated track goes to the undated column with its "when".
func TestDatesAsTheLegendSays(t *testing.T) {
	s := viewtest.Load(t, `format = 1
[scenario]
title = "Dates"
as_of = 2025-03-10
[[sources]]
id = "s"
title = "S"
[[actors]]
id = "a"
name = "Alpha"
kind = "state"
[[tracks]]
id = "undated"
name = "Talks to come"
kind = "talks"
when = "in the coming weeks"
sources = ["s"]
[[tracks]]
id = "span"
name = "Summit"
kind = "summit"
start = 2025-03-03
end = 2025-03-05
sources = ["s"]
[[seats]]
track = "span"
actor = "a"
role = "host"
sources = ["s"]
[[seats]]
track = "undated"
actor = "a"
role = "participant"
sources = ["s"]
[[events]]
id = "day"
title = "On a day"
kind = "call"
date = 2025-03-04
actors = ["a"]
sources = ["s"]
[[events]]
id = "month"
title = "In a month"
kind = "call"
date = "2025-02"
actors = ["a"]
certainty = "claimed"
sources = ["s"]
[[events]]
id = "around"
title = "Around a day"
kind = "call"
date = "~2025-03-20"
actors = ["a"]
sources = ["s"]
`)
	tl, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byRef := map[string]*mark{}
	for _, m := range tl.marks {
		byRef[m.ref] = m
	}
	per := tl.axis.perDay
	day, month, around, span, undated := byRef["event:day"], byRef["event:month"], byRef["event:around"], byRef["track:span"], byRef["track:undated"]
	if !day.point || month.point || !around.point || span.point {
		t.Errorf("points: day %v month %v around %v span %v", day.point, month.point, around.point, span.point)
	}
	if w := month.x1 - month.x0; w < 27.9*per || w > 28.1*per {
		t.Errorf("February's band is %.1f days wide", w/per)
	}
	if w := span.x1 - span.x0; w < 2.9*per || w > 3.1*per {
		t.Errorf("a 3-day track is %.1f days wide", w/per)
	}
	if w := around.fx1 - around.fx0; w < 14.9*per || w > 15.1*per {
		t.Errorf("an approximate day's faint band is %.1f days wide, want 15 (a week either side)", w/per)
	}
	if !undated.undated || undated.x0 < tl.axis.x0+tl.axis.w {
		t.Errorf("the undated track is not in the undated column: %+v", undated)
	}
	d := tl.Draw()
	all := strings.Join(viewtest.Texts(d), "\n")
	for _, want := range []string{"Undated", "in the coming weeks", "c. 20 Mar 2025", "Feb 2025 · claimed", "As of 10 Mar 2025", "date known to the month or year", "c. approximate"} {
		if !strings.Contains(all, want) {
			t.Errorf("the timeline does not say %q:\n%s", want, all)
		}
	}
	for _, o := range viewtest.OverlappingText(d) {
		t.Error(o)
	}
	// A claimed event is drawn hollow, with claimed's dash.
	for _, it := range d.Items {
		if it.Ref == "event:month" && it.Kind == drawing.KindRect && it.Stroke.Width > 0 {
			if it.Fill != drawing.RGB(0xffffff) || len(it.Stroke.Dash) == 0 {
				t.Errorf("claimed event drawn %+v", it)
			}
		}
	}
}

func TestNothingToDraw(t *testing.T) {
	s := viewtest.Load(t, "format = 1\n[scenario]\ntitle = \"Empty\"\n")
	d := draw(t, s, Options{})
	if all := strings.Join(viewtest.Texts(d), "\n"); !strings.Contains(all, "Nothing to draw") {
		t.Errorf("empty timeline says:\n%s", all)
	}
	ex := viewtest.Examples(t)[0].Scenario
	d = draw(t, ex, Options{Filter: scenario.Filter{From: scenario.Date{Year: 1900}, To: scenario.Date{Year: 1901}}})
	if all := strings.Join(viewtest.Texts(d), "\n"); !strings.Contains(all, "the focus and filters keep no") || !strings.Contains(all, "1900 to 1901") {
		t.Errorf("filtered-out timeline says:\n%s", all)
	}
}

// TestHostileText: text from the file comes through as text.
func TestHostileText(t *testing.T) {
	nasty := `<script>alert(1)</script> "q" \ Зеленський 🇺🇦 ]]>`
	s := viewtest.Load(t, `format = 1
[scenario]
title = '''`+nasty+`'''
[[sources]]
id = "s"
title = '''`+nasty+`'''
[[actors]]
id = "a"
name = '''`+nasty+`'''
kind = "person"
[[statements]]
id = "x"
speaker = "a"
date = 2025-01-01
text = '''`+nasty+"\n"+nasty+`'''
quote = true
sources = ["s"]
`)
	d := draw(t, s, Options{})
	all := strings.Join(viewtest.Texts(d), "\n")
	if !strings.Contains(all, "<script>alert(1)</script>") || !strings.Contains(all, "Зеленський") {
		t.Errorf("text lost:\n%s", all)
	}
	for _, o := range viewtest.OverlappingText(d) {
		t.Error(o)
	}
	if !strings.Contains(d.Objects["statement:x"].Tooltip, nasty+" "+nasty) {
		t.Errorf("the tooltip does not hold the full text: %q", d.Objects["statement:x"].Tooltip)
	}
}

// TestFocus: a focus narrows the timeline and says so.
func TestFocus(t *testing.T) {
	s := viewtest.Examples(t)[len(viewtest.Examples(t))-1].Scenario
	d := draw(t, s, Options{Filter: scenario.Filter{Focus: []string{"hegseth"}}})
	all := strings.Join(viewtest.Texts(d), "\n")
	if !strings.Contains(all, "Focus: Pete Hegseth") || !strings.Contains(all, "Hegseth's remarks in Brussels") || strings.Contains(all, "Kallas") {
		t.Errorf("focused timeline:\n%s", all)
	}
	if _, err := Diagram(context.Background(), nil, s, Options{Filter: scenario.Filter{Focus: []string{"hegsth"}}}); err == nil || !strings.Contains(err.Error(), `did you mean "actor:hegseth"`) {
		t.Errorf("a misspelled focus: %v", err)
	}
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

// TestOngoingTrackRunsToTheDay: a track under way with no end yet runs to
// the day drawn, and its suspension is shaded on it (it was a one-day
// square at its start, its suspension nowhere).
func TestOngoingTrackRunsToTheDay(t *testing.T) {
	s := viewtest.Load(t, `format = 1
[scenario]
title = "Ongoing"
as_of = 2015-02-12
[[sources]]
id = "s"
title = "S"
[[actors]]
id = "a"
name = "Alpha"
kind = "state"
[[tracks]]
id = "tcg"
name = "Contact Group"
kind = "talks"
start = 2014-06-08
status = "under-way"
sources = ["s"]
[[tracks.suspended]]
from = 2014-10-01
to = 2015-01-31
sources = ["s"]
[[seats]]
track = "tcg"
actor = "a"
role = "participant"
sources = ["s"]
`)
	tl, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var m *mark
	for _, x := range tl.marks {
		if x.ref == "track:tcg" {
			m = x
		}
	}
	if m == nil || m.point {
		t.Fatalf("the ongoing track is a point: %+v", m)
	}
	if days := (m.x1 - m.x0) / tl.axis.perDay; days < 249 || days > 251 {
		t.Errorf("the track runs %.0f days, want 250 (8 Jun 2014 to 12 Feb 2015)", days)
	}
	d := tl.Draw()
	shaded := false
	for _, it := range d.Items {
		shaded = shaded || (it.Ref == "track:tcg" && it.Kind == drawing.KindRect && it.X > m.x0+100*tl.axis.perDay)
	}
	if !shaded {
		t.Error("the suspension from 1 Oct 2014 is not drawn on the bar")
	}
}
