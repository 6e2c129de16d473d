// Package archtest checks import rules: which packages may depend on which.
// Rules lists Parley's; the package's test checks them against the real
// import graph of the module (`go list -deps`), for Linux, Windows and
// macOS, so a change that breaks one fails `go test ./...`.
//
// The rules are about the code that is built into parley, not about test
// files: a test may import what it tests with.
package archtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// Module is Parley's module path.
const Module = "github.com/parleyhq/parley"

// Graph is an import graph: each package's direct imports.
type Graph map[string][]string

// Rule says which packages some packages may not depend on.
type Rule struct {
	// Name says what the rule keeps true, for error messages.
	Name string
	// From are the packages the rule is about, as patterns: an import path,
	// or one ending in "/..." for it and every package below it.
	From []string
	// Except are packages matching From that the rule is not about.
	Except []string
	// Deny are the packages that From may not depend on (patterns).
	Deny []string
	// Allow are packages matching Deny that are allowed after all.
	Allow []string
	// Direct makes the rule about direct imports only. Otherwise it is
	// about every package that From reaches by imports, except through a
	// package matching Via: a path through one of those is allowed.
	Direct bool
	// Via are packages through which a dependency on Deny is allowed.
	Via []string
}

// Violation is a chain of imports that breaks a rule: Chain[0] is the
// package the rule is about, the last the denied one.
type Violation struct {
	Rule  string
	Chain []string
}

// String is the rule and the chain, as "rule: a imports b imports c".
func (v Violation) String() string {
	return v.Rule + ": " + strings.Join(v.Chain, " imports ")
}

// Match reports whether path matches any of the patterns.
func Match(path string, patterns []string) bool {
	for _, p := range patterns {
		if base, ok := strings.CutSuffix(p, "/..."); ok {
			if path == base || strings.HasPrefix(path, base+"/") {
				return true
			}
		} else if path == p {
			return true
		}
	}
	return false
}

// Check returns every violation of the rules in g, sorted: for each
// package a rule is about, the shortest import chain to each package it may
// not depend on (not to what that package imports in turn).
func Check(g Graph, rules []Rule) []Violation {
	var out []Violation
	pkgs := make([]string, 0, len(g))
	for p := range g {
		pkgs = append(pkgs, p)
	}
	slices.Sort(pkgs)
	for _, r := range rules {
		denied := func(p string) bool { return Match(p, r.Deny) && !Match(p, r.Allow) }
		for _, from := range pkgs {
			if !Match(from, r.From) || Match(from, r.Except) {
				continue
			}
			if r.Direct {
				for _, imp := range g[from] {
					if denied(imp) {
						out = append(out, Violation{r.Name, []string{from, imp}})
					}
				}
				continue
			}
			if Match(from, r.Via) {
				continue
			}
			// Breadth first, so each chain is a shortest one.
			prev := map[string]string{from: ""}
			queue := []string{from}
			for len(queue) > 0 {
				p := queue[0]
				queue = queue[1:]
				for _, imp := range g[p] {
					if _, seen := prev[imp]; seen || Match(imp, r.Via) {
						continue
					}
					prev[imp] = p
					if denied(imp) {
						var chain []string
						for q := imp; q != ""; q = prev[q] {
							chain = append(chain, q)
						}
						slices.Reverse(chain)
						out = append(out, Violation{r.Name, chain})
						continue // what it imports is its own business
					}
					queue = append(queue, imp)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Violation) int {
		return strings.Compare(a.String(), b.String())
	})
	return out
}

// Load returns the import graph of the packages matching patterns and
// everything they import, as `go list -deps` sees it with env added to the
// environment (GOOS=windows, say). Test files are left out.
func Load(env []string, patterns ...string) (Graph, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			return nil, fmt.Errorf("archtest: no go command: %w", err)
		}
	}
	args := append([]string{"list", "-e", "-deps", "-json=ImportPath,Imports"}, patterns...)
	cmd := exec.Command(goTool, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("archtest: go list: %v: %s", err, stderr.Bytes())
	}
	g := Graph{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("archtest: go list output: %w", err)
		}
		g[p.ImportPath] = p.Imports
	}
	return g, nil
}

// The pipeline's packages.
const (
	layoutPkg     = Module + "/layout"
	renderPkg     = Module + "/render"
	graphviz      = "github.com/goccy/go-graphviz/..."
	fyne          = "fyne.io/..."
	layoutAll     = layoutPkg + "/..."
	drawingAll    = Module + "/drawing/..."
	typesetAll    = Module + "/drawing/typeset/..."
	viewsAll      = Module + "/views/..."
	renderAll     = renderPkg + "/..."
	uiAll         = Module + "/ui/..."
	scenarioAll   = Module + "/scenario/..."
	writersRaster = Module + "/drawing/raster/..."
	writersSVG    = Module + "/drawing/svg/..."
)

// Rules are Parley's import rules (docs/architecture.md).
var Rules = []Rule{
	{
		Name:   "only layout imports go-graphviz",
		From:   []string{Module + "/..."},
		Except: []string{layoutPkg},
		Deny:   []string{graphviz},
		Direct: true,
	},
	{
		Name: "nothing depends on go-graphviz but through layout",
		From: []string{Module + "/..."},
		Deny: []string{graphviz},
		Via:  []string{layoutPkg},
	},
	{
		Name:   "main imports of the pipeline only render, drawing and drawing's writers",
		From:   []string{Module},
		Deny:   []string{layoutAll, viewsAll, typesetAll, graphviz},
		Direct: true,
	},
	{
		Name:   "ui imports of the pipeline only render, drawing and drawing's writers",
		From:   []string{uiAll},
		Deny:   []string{layoutAll, viewsAll, typesetAll, graphviz},
		Direct: true,
	},
	{
		Name: "ui depends on layout and go-graphviz only through render",
		From: []string{uiAll},
		Deny: []string{layoutAll, graphviz},
		Via:  []string{renderPkg},
	},
	{
		Name: "scenario knows nothing of layout, drawing, views, render, ui, Graphviz or Fyne",
		From: []string{scenarioAll},
		Deny: []string{layoutAll, drawingAll, viewsAll, renderAll, uiAll, graphviz, fyne},
	},
	{
		Name: "layout knows nothing of scenarios, drawing, views, render, ui or Fyne",
		From: []string{layoutAll},
		Deny: []string{scenarioAll, drawingAll, viewsAll, renderAll, uiAll, fyne},
	},
	{
		Name: "drawing and its writers know nothing of scenarios, views, layout, render, ui, Graphviz or Fyne",
		From: []string{drawingAll},
		Deny: []string{scenarioAll, viewsAll, layoutAll, renderAll, uiAll, graphviz, fyne},
	},
	{
		Name: "views know nothing of the writers, render, ui or Fyne",
		From: []string{viewsAll},
		Deny: []string{writersSVG, writersRaster, renderAll, uiAll, fyne},
	},
	{
		Name:   "views share only views/style and views/describe",
		From:   []string{viewsAll},
		Deny:   []string{viewsAll},
		Allow:  []string{Module + "/views/style", Module + "/views/describe"},
		Direct: true,
	},

	{
		Name: "views/style knows nothing of layout",
		From: []string{Module + "/views/style"},
		Deny: []string{layoutAll, graphviz},
	},
	{
		Name: "render knows nothing of ui or Fyne",
		From: []string{renderAll},
		Deny: []string{uiAll, fyne},
	},
}
