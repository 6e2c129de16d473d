package participation

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/participation/check"
)

// stablePictures are the pictures of a file the overlay test compares:
// the base and every variant, on the file's as_of and on the first and
// last day that changes the picture.
func stablePictures(s *scenario.Scenario) []Options {
	days := []scenario.Date{{}}
	var changes []scenario.Date
	for _, m := range s.Marks() {
		if m.Changes {
			changes = append(changes, m.Date)
		}
	}
	if len(changes) > 0 {
		days = append(days, changes[0], changes[len(changes)/2], changes[len(changes)-1])
	}
	variants := []string{""}
	for _, v := range s.Variants {
		variants = append(variants, v.ID)
	}
	var out []Options
	for _, v := range variants {
		for _, d := range days {
			out = append(out, Options{Variant: v, AsOf: d})
		}
	}
	return out
}

// geometry is where each Ref is: the centre of its first rectangle (a
// box) and the points of its first line (an arrow), not its words (a
// label may move along its arrow as others come and go) and not frames
// (they shrink to the people drawn).
func geometry(d *drawing.Drawing) map[string][]float64 {
	out := map[string][]float64{}
	rects, lines := map[string]bool{}, map[string]bool{}
	for _, it := range d.Items {
		ref := it.Ref
		if ref == "" || ref == "header" || strings.HasPrefix(ref, "legend:") || strings.HasPrefix(ref, "frame:") ||
			strings.HasPrefix(ref, "note:") || strings.HasPrefix(ref, "source:") {
			continue
		}
		switch {
		case it.Kind == drawing.KindRect && !rects[ref] && !strings.HasPrefix(ref, "seat:"):
			rects[ref] = true
			out[ref+" box"] = []float64{it.X + it.W/2, it.Y + it.H/2}
		case it.Kind == drawing.KindBezier && !lines[ref]:
			lines[ref] = true
			for _, p := range it.Points {
				out[ref+" line"] = append(out[ref+" line"], p.X, p.Y)
			}
		}
	}
	return out
}

// TestStableOverlay: on the stable layout, every box and arrow that two
// pictures of a file both draw (base and variants, several days) is at
// exactly the same coordinates, for every bundled example, and every
// picture passes the reader's checks (labels on their own arrows, no
// overlaps).
func TestStableOverlay(t *testing.T) {
	eng := layout.NewInProcess()
	defer eng.Close()
	files := loadFiles(t, "../../examples/*.toml") // the bundled example among them
	out := os.Getenv("PARLEY_STABLE_PNG")          // a directory to look at the pictures in
	for _, f := range files {
		for _, dir := range []Direction{LeftToRight, TopToBottom} {
			u, err := Union(f.s, Options{Direction: dir})
			if err != nil {
				t.Fatal(err)
			}
			l, err := eng.Layout(context.Background(), u.LayoutDOT())
			if err != nil {
				t.Fatal(err)
			}
			compared := 0
			var first map[string][]float64
			var firstName string
			for _, o := range stablePictures(f.s) {
				o.Direction = dir
				name := fmt.Sprintf("%s/%d/%s@%s", f.name, dir, o.Variant, o.AsOf)
				p, err := Build(f.s, o)
				if err != nil {
					t.Fatal(err)
				}
				d, err := DrawOn(p, u, l)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, f := range check.Inspect(d).Failures() {
					t.Errorf("%s: %s", name, f)
				}
				if out != "" {
					w, _ := os.Create(filepath.Join(out, fmt.Sprintf("%s-%d-%s-%s.png", f.name, dir, o.Variant, o.AsOf)))
					raster.WritePNG(w, d, 1)
					w.Close()
				}
				geo := geometry(d)
				if first == nil {
					first, firstName = geo, name
					continue
				}
				for ref, pts := range geo {
					if _, ok := first[ref]; ok {
						compared++
					}
					if was, ok := first[ref]; ok && !slices.Equal(was, pts) {
						t.Errorf("%s moved between %s and %s:\n%v\n%v", ref, firstName, name, was, pts)
					}
				}
			}
			if compared < 10 {
				t.Errorf("%s: only %d boxes and arrows drawn in two pictures", f.name, compared)
			}
		}
	}
}
