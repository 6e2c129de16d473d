package archtest

import (
	"flag"
	"slices"
	"strings"
	"testing"
)

// update is accepted, as by every package's tests (go test ./... -update);
// this package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

// TestImportRules checks Rules against the module's real import graph, as
// built for each of the systems Parley ships on.
func TestImportRules(t *testing.T) {
	for _, goos := range []string{"linux", "windows", "darwin"} {
		t.Run(goos, func(t *testing.T) {
			g, err := Load([]string{"GOOS=" + goos, "GOARCH=amd64"}, Module+"/...")
			if err != nil {
				t.Fatal(err)
			}
			// The graph must be the real one, or the rules pass vacuously.
			for _, edge := range [][2]string{
				{layoutPkg, "github.com/goccy/go-graphviz"},
				{Module + "/ui", renderPkg},
				{renderPkg, layoutPkg},
				{Module + "/views/participation", Module + "/views/style"},
				{Module, renderPkg},
			} {
				if !slices.Contains(g[edge[0]], edge[1]) {
					t.Fatalf("the import graph lacks %s -> %s: go list gave %d packages", edge[0], edge[1], len(g))
				}
			}
			for _, v := range Check(g, Rules) {
				t.Error(v)
			}
		})
	}
}

// fakeModule is a small import graph that keeps every rule.
func fakeModule() Graph {
	m := func(p string) string { return Module + p }
	gv := "github.com/goccy/go-graphviz"
	return Graph{
		Module:                       {m("/render"), m("/ui"), m("/drawing"), m("/drawing/raster"), m("/scenario")},
		m("/ui"):                     {m("/render"), m("/drawing"), m("/drawing/raster"), m("/scenario"), "fyne.io/fyne/v2"},
		m("/render"):                 {m("/layout"), m("/views/participation"), m("/drawing/svg"), m("/drawing/raster")},
		m("/layout"):                 {gv, "bytes"},
		gv:                           {gv + "/internal/wasm"},
		gv + "/internal/wasm":        nil,
		m("/views/participation"):    {m("/layout"), m("/views/style"), m("/drawing/typeset"), m("/scenario")},
		m("/views/style"):            {m("/drawing"), m("/scenario")},
		m("/drawing/svg"):            {m("/drawing")},
		m("/drawing/raster"):         {m("/drawing"), m("/drawing/typeset")},
		m("/drawing/typeset"):        {m("/drawing"), m("/assets")},
		m("/drawing"):                {"fmt"},
		m("/scenario"):               {"github.com/BurntSushi/toml"},
		"fyne.io/fyne/v2":            nil,
		"github.com/BurntSushi/toml": nil,
	}
}

// TestCheckCatchesBrokenRules: the checker itself, on graphs that break
// one rule each (so that TestImportRules cannot pass by checking nothing).
func TestCheckCatchesBrokenRules(t *testing.T) {
	if vs := Check(fakeModule(), Rules); len(vs) != 0 {
		t.Fatalf("the clean fake module breaks rules: %v", vs)
	}
	m := func(p string) string { return Module + p }
	gv := "github.com/goccy/go-graphviz"
	reported := map[string]bool{}
	defer func() {
		for _, r := range Rules {
			if !reported[r.Name] {
				t.Errorf("no case breaks the rule %q", r.Name)
			}
		}
	}()
	for _, c := range []struct {
		name  string
		from  string
		add   string // a new import of from
		rules []string
		chain string // one violation's chain, as Violation.String shows it
	}{
		{"ui imports layout", m("/ui"), m("/layout"), []string{
			"ui imports of the pipeline only render, drawing and drawing's writers",
			"ui depends on layout and go-graphviz only through render",
		}, m("/ui") + " imports " + m("/layout")},
		{"ui imports go-graphviz", m("/ui"), gv, []string{
			"only layout imports go-graphviz",
			"nothing depends on go-graphviz but through layout",
			"ui imports of the pipeline only render, drawing and drawing's writers",
			"ui depends on layout and go-graphviz only through render",
		}, m("/ui") + " imports " + gv},
		{"a writer imports go-graphviz", m("/drawing/svg"), gv, []string{
			"only layout imports go-graphviz",
			"nothing depends on go-graphviz but through layout",
			"drawing and its writers know nothing of scenarios, views, layout, render, ui, Graphviz or Fyne",
		}, ""},
		{"ui reaches go-graphviz through a writer", m("/drawing/raster"), gv + "/internal/wasm", nil, m("/ui") + " imports " + m("/drawing/raster") + " imports " + gv + "/internal/wasm"},
		{"scenario imports drawing", m("/scenario"), m("/drawing"), []string{
			"scenario knows nothing of layout, drawing, views, render, ui, Graphviz or Fyne",
		}, m("/scenario") + " imports " + m("/drawing")},
		{"scenario reaches Fyne through a library", "github.com/BurntSushi/toml", "fyne.io/fyne/v2", []string{
			"scenario knows nothing of layout, drawing, views, render, ui, Graphviz or Fyne",
		}, m("/scenario") + " imports github.com/BurntSushi/toml imports fyne.io/fyne/v2"},
		{"a writer imports scenario", m("/drawing/raster"), m("/scenario"), []string{
			"drawing and its writers know nothing of scenarios, views, layout, render, ui, Graphviz or Fyne",
		}, m("/drawing/raster") + " imports " + m("/scenario")},
		{"a writer imports a view", m("/drawing/svg"), m("/views/style"), nil, m("/drawing/svg") + " imports " + m("/views/style")},
		{"layout imports drawing", m("/layout"), m("/drawing"), []string{
			"layout knows nothing of scenarios, drawing, views, render, ui or Fyne",
		}, m("/layout") + " imports " + m("/drawing")},
		{"a view imports render", m("/views/participation"), m("/render"), nil, m("/views/participation") + " imports " + m("/render")},
		{"a view imports a writer", m("/views/style"), m("/drawing/raster"), nil, m("/views/style") + " imports " + m("/drawing/raster")},
		{"main imports layout", Module, m("/layout"), []string{
			"main imports of the pipeline only render, drawing and drawing's writers",
		}, Module + " imports " + m("/layout")},
		{"render imports ui", m("/render"), m("/ui"), []string{"render knows nothing of ui or Fyne"}, ""},
		{"a view imports another", m("/views/style"), m("/views/participation"), []string{"views share only views/style and views/describe"}, ""},
		{"style imports layout", m("/views/style"), m("/layout"), []string{"views/style knows nothing of layout"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := fakeModule()
			g[c.from] = append(slices.Clone(g[c.from]), c.add)
			vs := Check(g, Rules)
			if len(vs) == 0 {
				t.Fatalf("no violation found")
			}
			broken := map[string]bool{}
			var all []string
			for _, v := range vs {
				broken[v.Rule] = true
				reported[v.Rule] = true
				all = append(all, v.String())
			}
			for _, r := range c.rules {
				if !broken[r] {
					t.Errorf("rule %q not reported; got:\n%s", r, strings.Join(all, "\n"))
				}
			}
			if c.chain != "" && !slices.ContainsFunc(vs, func(v Violation) bool { return strings.HasSuffix(v.String(), ": "+c.chain) }) {
				t.Errorf("no violation with the chain %s; got:\n%s", c.chain, strings.Join(all, "\n"))
			}
		})
	}
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		path, pattern string
		want          bool
	}{
		{"a/b", "a/b", true},
		{"a/b", "a/b/...", true},
		{"a/b/c", "a/b/...", true},
		{"a/bc", "a/b/...", false},
		{"a/b/c", "a/b", false},
		{"a", "a/b/...", false},
	} {
		if got := Match(c.path, []string{c.pattern}); got != c.want {
			t.Errorf("Match(%q, %q) = %v", c.path, c.pattern, got)
		}
	}
}

// TestViaAllowsOnlyPathsThroughIt: a dependency allowed through Via is
// still caught along another path.
func TestViaAllowsOnlyPathsThroughIt(t *testing.T) {
	r := []Rule{{Name: "r", From: []string{"a"}, Deny: []string{"z"}, Via: []string{"v"}}}
	if vs := Check(Graph{"a": {"v"}, "v": {"z"}}, r); len(vs) != 0 {
		t.Errorf("a path through v reported: %v", vs)
	}
	vs := Check(Graph{"a": {"v", "b"}, "v": {"z"}, "b": {"z"}}, r)
	if len(vs) != 1 || vs[0].String() != "r: a imports b imports z" {
		t.Errorf("violations %v, want r: a imports b imports z", vs)
	}
}
