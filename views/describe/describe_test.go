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

const hostile = `format = 1
[scenario]
title = "# <b>Talks</b> *now* [x](http://e.vil)"
summary = "1. not a list"
[[actors]]
id = "a"
name = "evil\u202Eexe.txt"
kind = "person"
[[actors]]
id = "b"
name = "B_ & <i>"
kind = "state"
[[tracks]]
id = "t"
name = "Table | one"
kind = "talks"
[[tracks]]
id = "empty"
name = "Nobody's table"
kind = "talks"
[[seats]]
track = "t"
actor = "a"
role = "participant"
claimed_by = ["b"]
[[seats]]
track = "t"
actor = "b"
role = "host"
certainty = "disputed"
`

// TestHostileText: scenario text never becomes Markdown, bidi controls
// are shown as boxes, and what the file leaves out is said.
func TestHostileText(t *testing.T) {
	s, err := scenario.Load("h.toml", strings.NewReader(hostile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Scenario(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	md, text := d.Markdown(), d.Text()
	for _, want := range []string{
		`# \# \<b\>Talks\</b\> \*now\* \[x\](http://e.vil)`,
		"\n1\\. not a list\n",
		`Table \| one`,
		`B\_ \& \<i\>`,
		"- No one is shown at this table.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	for _, want := range []string{
		"Taking part: evil⬚exe.txt — claimed by B_ & <i> (certainty not stated); no source cited.",
		"Hosted by: B_ & <i> — disputed; no source cited.",
		"Every date: what holds on any day of the scenario.",
		"2 tracks (negotiating tables), 2 seats.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsRune(md+text, '\u202e') {
		t.Error("a bidi control got through")
	}
}
