// Package viewtest holds what the tests of Parley's views share: the
// bundled examples with their variants, golden files of normalised SVG,
// and checks on what a drawing shows (text that overlaps, text inside
// the picture). It is imported by tests only.
package viewtest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/svg"
	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/scenario"
)

// Updating reports whether the test binary was run with -update (go test
// ./... -update): golden files are then rewritten. Each test package
// defines that flag itself, as every package of Parley does.
func Updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Example is one bundled example scenario.
type Example struct {
	Name     string // the file name without .toml
	Scenario *scenario.Scenario
	// Variants are "" (the base) and the ids of the example's variants.
	Variants []string
}

// Root is the repository's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Examples loads every bundled example (examples/*.toml); each must load
// without warnings.
func Examples(t testing.TB) []Example {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(Root(), "examples", "*.toml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no bundled examples: %v", err)
	}
	slices.Sort(paths)
	var out []Example
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".toml")
		s, err := scenario.Load(filepath.Base(p), bytes.NewReader(text))
		if err != nil {
			t.Fatalf("%s does not load: %v", name, err)
		}
		if len(s.Warnings) > 0 {
			t.Fatalf("%s has warnings: %v", name, s.Warnings)
		}
		ex := Example{Name: name, Scenario: s, Variants: []string{""}}
		for _, v := range s.Variants {
			ex.Variants = append(ex.Variants, v.ID)
		}
		out = append(out, ex)
	}
	return out
}

// Load reads a scenario from text, failing the test on any error.
func Load(t testing.TB, text string) *scenario.Scenario {
	t.Helper()
	s, err := scenario.Load("test.toml", strings.NewReader(text))
	if err != nil {
		t.Fatalf("test scenario does not load:\n%v", err)
	}
	return s
}

var number = regexp.MustCompile(`-?\d+\.\d+`)

// NormalisedSVG is d as SVG with every number rounded to one decimal, so
// that goldens do not change with the last digit of a float.
func NormalisedSVG(t testing.TB, d *drawing.Drawing) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := svg.Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return number.ReplaceAllFunc(b.Bytes(), func(n []byte) []byte {
		v, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return n
		}
		s := strconv.FormatFloat(v, 'f', 1, 64)
		s = strings.TrimSuffix(s, ".0")
		if s == "-0" {
			s = "0"
		}
		return []byte(s)
	})
}

// Golden compares got with testdata/name, or rewrites it with -update.
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if Updating() {
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
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%.2000s", path, firstDiff(got, want))
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range gl {
		if i >= len(wl) || gl[i] != wl[i] {
			w := ""
			if i < len(wl) {
				w = wl[i]
			}
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, gl[i], w)
		}
	}
	return fmt.Sprintf("the golden file has %d more lines", len(wl)-len(gl))
}

// Texts are the drawing's text items' texts, in order.
func Texts(d *drawing.Drawing) []string {
	var out []string
	for _, it := range d.Items {
		if it.Kind == drawing.KindText {
			out = append(out, it.Text)
		}
	}
	return out
}

// Box is the box a text item's glyphs may cover.
func Box(it drawing.Item) (x0, y0, x1, y1 float64) {
	ascent, descent, _ := typeset.FontMetrics(it.Font, it.Size)
	x0 = it.X
	switch it.Anchor {
	case drawing.AnchorMiddle:
		x0 -= it.W / 2
	case drawing.AnchorEnd:
		x0 -= it.W
	}
	return x0, it.Y - ascent, x0 + it.W, it.Y + descent
}

// OverlappingText lists pairs of text items whose boxes overlap (by more
// than a hair), and text that leaves the picture.
func OverlappingText(d *drawing.Drawing) []string {
	type box struct {
		x0, y0, x1, y1 float64
		text           string
	}
	var boxes []box
	var out []string
	for _, it := range d.Items {
		if it.Kind != drawing.KindText || strings.TrimSpace(it.Text) == "" {
			continue
		}
		x0, y0, x1, y1 := Box(it)
		if x0 < -0.01 || y0 < -0.01 || x1 > d.Width+0.01 || y1 > d.Height+0.01 {
			out = append(out, fmt.Sprintf("%q (%.1f,%.1f–%.1f,%.1f) leaves the %.1f×%.1f picture", it.Text, x0, y0, x1, y1, d.Width, d.Height))
		}
		boxes = append(boxes, box{x0, y0, x1, y1, it.Text})
	}
	slices.SortFunc(boxes, func(a, b box) int {
		switch {
		case a.x0 < b.x0:
			return -1
		case a.x0 > b.x0:
			return 1
		}
		return 0
	})
	const hair = 0.5
	for i := range boxes {
		a := boxes[i]
		for j := i + 1; j < len(boxes) && boxes[j].x0 < a.x1-hair; j++ {
			b := boxes[j]
			if b.y0 < a.y1-hair && a.y0 < b.y1-hair {
				out = append(out, fmt.Sprintf("%q overlaps %q", a.text, b.text))
			}
		}
	}
	return out
}

// CheckObjects reports refs of items that have no Object, and Objects
// without a class or tooltip.
func CheckObjects(d *drawing.Drawing) []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range d.Items {
		if it.Ref == "" || seen[it.Ref] {
			continue
		}
		seen[it.Ref] = true
		o, ok := d.Objects[it.Ref]
		switch {
		case !ok:
			out = append(out, "no object for "+it.Ref)
		case o.Class == "" || o.Tooltip == "":
			out = append(out, fmt.Sprintf("object %s has no class or tooltip: %+v", it.Ref, o))
		}
	}
	return out
}
