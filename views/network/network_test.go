package network

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/internal/viewtest"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/")

var eng = layout.NewInProcess()

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
				picture{ex.Name + "-coparticipation", ex.Scenario, Options{CoParticipation: true}},
				picture{ex.Name + "-focus-nato", ex.Scenario, Options{Filter: scenario.Filter{Focus: []string{"nato"}}}})
		}
	}
	slices.SortFunc(out, func(a, b picture) int { return strings.Compare(a.name, b.name) })
	return out
}

func TestGolden(t *testing.T) {
	look := os.Getenv("PARLEY_LOOK")
	for _, p := range pictures(t) {
		t.Run(p.name, func(t *testing.T) {
			d, err := Diagram(context.Background(), eng, p.s, p.opts)
			if err != nil {
				t.Fatal(err)
			}
			viewtest.Golden(t, "svg/"+p.name+".svg", viewtest.NormalisedSVG(t, d))
			g, _ := Build(p.s, p.opts)
			viewtest.Golden(t, "dot/"+p.name+".dot", g.DOT())
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
				os.WriteFile(filepath.Join(look, "network-"+p.name+".png"), b.Bytes(), 0o644)
			}
		})
	}
}

func example(t testing.TB) *scenario.Scenario {
	for _, ex := range viewtest.Examples(t) {
		if ex.Name == "ukraine-talks-2025-02" {
			return ex.Scenario
		}
	}
	t.Fatal("no example")
	return nil
}

// frames is who each frame holds, by its words.
func frames(g *Graph) map[string][]string {
	out := map[string][]string{}
	for _, f := range g.Frames {
		var label []string
		for _, l := range f.Label.Lines {
			label = append(label, l.Text)
		}
		key := strings.Join(label, " ")
		for _, n := range f.Nodes {
			out[key] = append(out[key], n.Ref)
		}
	}
	return out
}

// TestWhoIsInWhat: the example shows who is in NATO, in the EU, in both,
// in neither; each frame is tied to each of its blocs; people to whom
// they represent.
func TestWhoIsInWhat(t *testing.T) {
	g, err := Build(example(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"Members of EU, NATO and Europe": {"actor:fr", "actor:pl"},
		"Members of NATO and Europe":     {"actor:uk"},
		"Members of NATO":                {"actor:us"},
		"In none of these":               {"actor:ru", "actor:ua", "actor:sa"},
	}
	if got := frames(g); !equalMaps(got, want) {
		t.Errorf("frames %v\nwant %v", got, want)
	}
	ties := map[string]int{}
	for _, tie := range g.Ties {
		switch tie.Kind {
		case Membership:
			from := tie.Tail
			if tie.From != nil {
				from = tie.From.Nodes[0]
			}
			ties["member "+from.Ref+" "+tie.Head.Ref]++
		case Represents:
			ties["represents "+tie.Tail.Ref+" "+tie.Head.Ref]++
		}
	}
	for _, w := range []string{"member actor:fr actor:eu", "member actor:fr actor:nato", "member actor:fr actor:europe", "member actor:uk actor:nato",
		"member actor:us actor:nato", "represents actor:kallas actor:eu", "represents actor:hegseth actor:us", "represents actor:zelensky actor:ua"} {
		if ties[w] != 1 {
			t.Errorf("tie %q drawn %d times", w, ties[w])
		}
	}
	if ties["member actor:uk actor:eu"] > 0 {
		t.Error("the UK is tied to the EU")
	}
	d, err := g.Draw(mustLayout(t, g))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(viewtest.Texts(d), "\n")
	for _, w := range []string{"Members of EU, NATO and Europe", "In none of these", "4 members · bloc", "Actor network"} {
		if !strings.Contains(all, w) {
			t.Errorf("the network does not say %q", w)
		}
	}
}

func mustLayout(t testing.TB, g *Graph) *layout.Layout {
	l, err := eng.Layout(context.Background(), g.LayoutDOT())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func equalMaps(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestFocusAndKinds: a focus shows its actors with their blocs and the
// actors their people represent; a bloc in focus brings its members (and
// the people who speak of it), not their other blocs.
func TestFocusAndKinds(t *testing.T) {
	s := example(t)
	refs := func(opts Options) []string {
		g, err := Build(s, opts)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, n := range g.Nodes {
			out = append(out, n.Ref)
		}
		return out
	}
	if got, want := refs(Options{Filter: scenario.Filter{Focus: []string{"nato"}}}), []string{"actor:us", "actor:fr", "actor:uk", "actor:pl", "actor:nato", "actor:hegseth", "actor:starmer"}; !slices.Equal(got, want) {
		t.Errorf("focus on NATO: %v\nwant %v", got, want)
	}
	if got, want := refs(Options{Filter: scenario.Filter{Focus: []string{"trump"}}}), []string{"actor:us", "actor:ru", "actor:ua", "actor:trump", "actor:putin", "actor:zelensky"}; !slices.Equal(got, want) {
		t.Errorf("focus on Trump: %v\nwant %v", got, want)
	}
	kinds := map[string]scenario.ActorKind{}
	for _, a := range s.Actors {
		kinds["actor:"+a.ID] = a.Kind
	}
	for _, r := range refs(Options{Filter: scenario.Filter{Kinds: []scenario.ActorKind{scenario.KindState}}}) {
		if kinds[r] != scenario.KindState {
			t.Errorf("kind=state shows %s", r)
		}
	}
}

// TestDOTIsSafe: the standalone DOT carries the scenario's text escaped;
// native Graphviz, where installed, accepts it.
func TestDOTIsSafe(t *testing.T) {
	nasty := `<B>x</B> "q" \ ]]> & Зеленський`
	s := viewtest.Load(t, "format = 1\n[scenario]\ntitle = '''"+nasty+"'''\n"+
		"[[actors]]\nid = \"b\"\nname = '''"+nasty+"'''\nshort = \"Bloc\"\nkind = \"bloc\"\n"+
		"[[actors]]\nid = \"a\"\nname = '''"+nasty+"'''\nkind = \"state\"\nmemberships = [{ of = \"b\", from = \"1999\" }]\n")
	g, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dot := string(g.DOT())
	if strings.Contains(dot, "<B>x</B>") || !strings.Contains(dot, "&lt;B&gt;x&lt;/B&gt;") {
		t.Errorf("text not escaped in DOT:\n%s", dot)
	}
	if strings.Contains(string(g.LayoutDOT()), "Зеленський") {
		t.Error("the layout DOT carries the scenario's text")
	}
	if _, err := eng.Layout(context.Background(), g.DOT()); err != nil {
		t.Errorf("the DOT does not lay out: %v", err)
	}
	if path, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command(path, "-Tsvg")
		cmd.Stdin = strings.NewReader(dot)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("native dot rejects the DOT: %v\n%s", err, out)
		}
	}
	d, err := Diagram(context.Background(), eng, s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if all := strings.Join(viewtest.Texts(d), "\n"); !strings.Contains(all, "<B>x</B>") || !strings.Contains(all, "Bloc since 1999") {
		t.Errorf("the drawing's text:\n%s", all)
	}
}

func TestNothingToDraw(t *testing.T) {
	d, err := Diagram(context.Background(), eng, viewtest.Load(t, "format = 1\n[scenario]\ntitle = \"Empty\"\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if all := strings.Join(viewtest.Texts(d), "\n"); !strings.Contains(all, "Nothing to draw") {
		t.Errorf("empty network:\n%s", all)
	}
}

func BenchmarkDiagram(b *testing.B) {
	for _, n := range []int{100, 1000} {
		s, err := scenario.Load("gen.toml", bytes.NewReader(scenariotest.Generate(n, 1)))
		if err != nil {
			b.Fatal(err)
		}
		for _, co := range []bool{false, true} {
			name := "actors=" + strconv.Itoa(n)
			if co {
				name += "/coparticipation"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if _, err := Diagram(context.Background(), eng, s, Options{CoParticipation: co}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
