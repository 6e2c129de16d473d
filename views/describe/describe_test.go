package describe

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestExamples checks the description of every bundled example and each
// of its variants, as text and as Markdown, against golden files.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, path := range files {
		s := load(t, path)
		name := strings.TrimSuffix(filepath.Base(path), ".toml")
		variants := []string{""}
		for _, v := range s.Variants {
			variants = append(variants, v.ID)
		}
		for _, v := range variants {
			d, err := Scenario(s, Options{Variant: v})
			if err != nil {
				t.Fatalf("%s %s: %v", name, v, err)
			}
			base := name
			if v != "" {
				base += "." + v
			}
			golden(t, base+".txt", d.Text())
			golden(t, base+".md", d.Markdown())
		}
	}
}

func load(t *testing.T, path string) *scenario.Scenario {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := scenario.Load(path, f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test -update and read the diff.\ngot:\n%s", name, got)
	}
}
