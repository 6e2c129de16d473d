package render

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing/svg"
	"github.com/parleyhq/parley/scenario"
)

var (
	glyphDefs = regexp.MustCompile(`(?s)<defs>.*?</defs>\n?`)
	glyphRuns = regexp.MustCompile(`(?m)^<g fill="[^"]*" transform="[^"]*">(<use [^>]*/>)*</g>\n`)
)

// normalSVG is an SVG without its glyph outlines: the shapes, their
// groups and Refs, and the words (the invisible text copies) remain, so
// that a golden file says what is drawn where and reads as text.
func normalSVG(b []byte) string {
	s := glyphDefs.ReplaceAllString(string(b), "")
	return glyphRuns.ReplaceAllString(s, "")
}

// TestDiffPictures: the diff picture of the bundled example against each
// of its variants, and of Good Friday between two days, against golden
// files (normalised SVG; go test ./render -update rewrites them).
func TestDiffPictures(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	ex := loadExample(t)
	gf := loadFile(t, "../examples/good-friday-1998.toml")
	cases := []struct {
		name     string
		old, new DiffSide
		want     string // in the header
	}{
		{"good-friday-1997-04-01-to-1998-04-10", DiffSide{Scenario: gf, AsOf: date(t, "1997-04-01")}, DiffSide{Scenario: gf}, "seats lost"},
		{"good-friday-1996-02-28-to-1997-07-20", DiffSide{Scenario: gf, AsOf: date(t, "1996-02-28")}, DiffSide{Scenario: gf, AsOf: date(t, "1997-07-20")}, "seats lost"},
	}
	for _, v := range ex.Variants {
		cases = append(cases, struct {
			name     string
			old, new DiffSide
			want     string
		}{"example-base-to-" + v.ID, DiffSide{Scenario: ex}, DiffSide{Scenario: ex, Variant: v.ID}, "Changes from the base"})
	}
	for _, c := range cases {
		d, ch, err := DiffDiagram(context.Background(), eng, c.old, c.new, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if ch.Empty() {
			t.Errorf("%s: no changes", c.name)
		}
		var b bytes.Buffer
		if err := svg.Write(&b, d); err != nil {
			t.Fatal(err)
		}
		got := normalSVG(b.Bytes())
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: the picture does not say %q", c.name, c.want)
		}
		path := filepath.Join("testdata", "diff", c.name+".svg")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./render -run DiffPictures -update writes it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s (go test ./render -run DiffPictures -update rewrites it)", c.name, path)
		}
	}
}

// TestDiffMarks: each kind of change is marked, in words as well as ink,
// and counted in the header.
func TestDiffMarks(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	gf := loadFile(t, "../examples/good-friday-1998.toml")
	d, ch, err := DiffDiagram(context.Background(), eng, DiffSide{Scenario: gf, AsOf: date(t, "1997-04-01")}, DiffSide{Scenario: gf, AsOf: date(t, "1997-09-15")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, it := range d.Items {
		if it.Text != "" {
			texts = append(texts, it.Text)
		}
	}
	all := strings.Join(texts, "\n")
	// 1 Apr 1997: Major, Bruton, the DUP and the UKUP at the table, Sinn
	// Féin excluded. 15 Sep 1997: Blair and Ahern instead, the DUP and UKUP
	// walked out, Sinn Féin admitted.
	for _, want := range []string{"GAINED", "LOST", "ROLE: WAS EXCLUDED", "walked out 16 Jul 1997", "seats gained", "seats lost", "seat gained", "seat lost (grey, dotted)", "track or actor new"} {
		if !strings.Contains(all, want) {
			t.Errorf("the diff picture lacks %q", want)
		}
	}
	if ch.Empty() {
		t.Error("no changes")
	}
	// The same picture twice: no change, said so.
	d, ch, err = DiffDiagram(context.Background(), eng, DiffSide{Scenario: gf}, DiffSide{Scenario: gf}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Empty() || !strings.Contains(d.Desc, "No change") {
		t.Errorf("the same picture twice: %v, %q", ch.Empty(), d.Desc)
	}
	// Two files: a version of the example with one seat more.
	ex := loadExample(t)
	next, err := scenario.Load("next.toml", bytes.NewReader(append(append([]byte{}, assets.Example...), "\n[[seats]]\ntrack = \""+ex.Tracks[0].ID+"\"\nactor = \""+ex.Actors[len(ex.Actors)-1].ID+"\"\nrole = \"observer\"\n"...)))
	if err != nil {
		t.Fatal(err)
	}
	d, ch, err = DiffDiagram(context.Background(), eng, DiffSide{Scenario: ex, Name: "monday"}, DiffSide{Scenario: next, Name: "tuesday"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, seats, _ := ch.Counts()
	if seats.Added != 1 || !strings.Contains(d.Desc, "from monday to tuesday: 1 seat gained") {
		t.Errorf("one seat more: %+v, %q", seats, d.Desc)
	}
}
