package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/scenario"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenFile compares got with testdata/NAME, or rewrites it with -update.
func goldenFile(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join(testdataDir, name)
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test . -run Diff -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run with -update to accept):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// testdataDir is where the goldens are, found before a test changes folder.
var testdataDir = func() string {
	wd, _ := os.Getwd()
	return filepath.Join(wd, "testdata")
}()

// tuesday is the bundled example as the next day's file: the Paris summit
// held, Ukraine not in Riyadh after all, Lavrov there, "Europe" as such
// not in Paris. Written with scenario.Edit, so its comments stay.
func tuesday(t *testing.T) string {
	t.Helper()
	load := func() *scenario.Scenario {
		s, err := scenario.Load("x.toml", bytes.NewReader(assets.Example))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	old, s := load(), load()
	d := func(v string) scenario.Date { x, _ := scenario.ParseDate(v); return x }
	s.Meta.AsOf = d("2025-02-18")
	for i := range s.Tracks {
		if s.Tracks[i].ID == "paris-summit" {
			s.Tracks[i].Status, s.Tracks[i].End = scenario.StatusConcluded, d("2025-02-17")
		}
	}
	for i := range s.Seats {
		st := &s.Seats[i]
		switch {
		case st.Track == "paris-summit" && st.Actor == "macron":
			st.Certainty = scenario.Confirmed
		case st.Track == "riyadh-talks" && st.Actor == "ua":
			st.Role, st.Certainty, st.ClaimedBy = scenario.RoleExcluded, scenario.Confirmed, nil
		}
	}
	s.Seats = slices.DeleteFunc(s.Seats, func(st scenario.Seat) bool { return st.Track == "paris-summit" && st.Actor == "europe" })
	s.Actors = append(s.Actors, scenario.Actor{ID: "lavrov", Name: "Sergei Lavrov", Kind: scenario.KindPerson, Office: "Foreign Minister of Russia", Represents: "ru"})
	s.Seats = append(s.Seats, scenario.Seat{Track: "riyadh-talks", Actor: "lavrov", Role: scenario.RoleParticipant,
		Certainty: scenario.Confirmed, Sources: s.Seats[0].Sources})
	out, err := scenario.Edit(assets.Example, old, s)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// inDir writes files into a new folder and makes it the working folder,
// so that outputs name them as given.
func inDir(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

func readGF(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("examples/good-friday-1998.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDiffGolden: what parley diff prints, as text and JSON, for two
// versions of the example, the base and a variant, and two days.
func TestDiffGolden(t *testing.T) {
	gf := readGF(t)
	inDir(t, map[string]string{"monday.toml": string(assets.Example), "tuesday.toml": tuesday(t), "good-friday.toml": gf})
	tests := []struct {
		golden string
		args   []string
	}{
		{"diff/files.txt", []string{"monday.toml", "tuesday.toml"}},
		{"diff/files.json", []string{"-format", "json", "monday.toml", "tuesday.toml"}},
		{"diff/variant.txt", []string{"-variant", "..europe-at-the-table", "monday.toml"}},
		{"diff/days.txt", []string{"-as-of", "1997-04-01..1997-09-15", "good-friday.toml"}},
		{"diff/days.json", []string{"good-friday.toml", "-as-of", "1998-03-20..", "-format", "json"}},
		{"diff/variant-days.txt", []string{"-variant", "no-ceasefire..", "-as-of", "1997-06-01..1998-04-10", "good-friday.toml"}},
	}
	for _, tt := range tests {
		code, stdout, stderr := parley(t, append([]string{"diff"}, tt.args...)...)
		if code != exitInvalid || stderr != "" {
			t.Errorf("parley diff %v: exit %d (want 1: different), stderr %q", tt.args, code, stderr)
		}
		goldenFile(t, tt.golden, stdout)
		if strings.HasSuffix(tt.golden, ".json") {
			var v map[string]any
			if err := json.Unmarshal([]byte(stdout), &v); err != nil || v["equal"] != false {
				t.Errorf("%s: not JSON, or equal: %v", tt.golden, err)
			}
		}
	}
}

// TestDiffExitCodes: 0 when the same, 1 when different, 2 on trouble
// (usage, a file that does not load, an unknown variant), as diff(1).
func TestDiffExitCodes(t *testing.T) {
	gf := readGF(t)
	inDir(t, map[string]string{"a.toml": string(assets.Example), "b.toml": string(assets.Example), "gf.toml": gf,
		"bad.toml": invalidScenario})
	same := []string{"a.toml", "b.toml"}
	if code, stdout, _ := parley(t, append([]string{"diff"}, same...)...); code != exitOK || !strings.Contains(stdout, "No changes") {
		t.Errorf("same files: exit %d, %q", code, stdout)
	}
	if code, stdout, _ := parley(t, "diff", "-format", "json", "a.toml", "b.toml"); code != exitOK || !strings.Contains(stdout, `"equal": true`) {
		t.Errorf("same files, JSON: exit %d, %q", code, stdout)
	}
	if code, _, _ := parley(t, "diff", "-as-of", "1998-04-01..1998-04-09", "gf.toml"); code != exitOK {
		t.Errorf("two days with the same picture: exit %d", code)
	}
	type want struct {
		args   []string
		stderr string // a part of it
	}
	for _, w := range []want{
		{[]string{}, "parley diff: needs OLD.toml and NEW.toml"},
		{[]string{"a.toml", "b.toml", "gf.toml"}, "got 3 files"},
		{[]string{"a.toml"}, "one FILE compares two pictures of it"},
		{[]string{"-variant", "x..x", "a.toml"}, "one FILE compares two pictures of it"},
		{[]string{"-format", "gexf", "a.toml", "b.toml"}, `invalid value "gexf" for flag -format: use text, json, svg, png or pdf`},
		{[]string{"-as-of", "1997-02-30", "gf.toml", "b.toml"}, `-as-of "1997-02-30": February has 28 days`},
		{[]string{"-as-of", "1997-13..", "gf.toml"}, `-as-of "1997-13": there is no month 13`},
		{[]string{"-as-of", "last week..", "gf.toml"}, `-as-of "last week"`},
		{[]string{"-variant", "..europe-at-the-tabel", "a.toml"}, `a.toml: error: scenario: unknown variant "europe-at-the-tabel"; did you mean "europe-at-the-table"?`},
		{[]string{"-variant", "no-ceasefire", "gf.toml", "a.toml"}, `a.toml: error: scenario: unknown variant "no-ceasefire"`},
		{[]string{"a.toml", "bad.toml"}, "bad.toml:7:8: error:"},
		{[]string{"a.toml", "missing.toml"}, "parley: cannot open missing.toml"},
	} {
		code, stdout, stderr := parley(t, append([]string{"diff"}, w.args...)...)
		if code != exitUsage || !strings.Contains(stderr, w.stderr) || stdout != "" {
			t.Errorf("parley diff %q: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", w.args, code, stdout, stderr, w.stderr)
		}
	}
	// -h prints the usage and exits 0.
	if code, stdout, _ := parley(t, "diff", "-h"); code != exitOK || !strings.HasPrefix(stdout, "usage: parley diff") {
		t.Errorf("diff -h: exit %d, %q", code, stdout)
	}
	if code, stdout, _ := parley(t, "help", "diff"); code != exitOK || !strings.HasPrefix(stdout, "usage: parley diff") {
		t.Errorf("help diff: exit %d, %q", code, stdout)
	}
}

// TestDiffWarnsOfDaysOutsideTheFile: a day outside the file's dates is a
// warning naming the file, and the comparison goes on.
func TestDiffWarnsOfDaysOutsideTheFile(t *testing.T) {
	inDir(t, map[string]string{"gf.toml": readGF(t), "a.toml": string(assets.Example)})
	code, _, stderr := parley(t, "diff", "-as-of", "1990-01-01..1997-09-15", "gf.toml")
	if code != exitInvalid || !strings.Contains(stderr, "gf.toml: warning: -as-of (old side) 1990-01-01 is before the first date in the file (28 Feb 1996)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = parley(t, "diff", "-as-of", "2030", "gf.toml", "a.toml")
	if code != exitInvalid || !strings.Contains(stderr, "gf.toml: warning: -as-of 2030 is after the last date in the file (10 Apr 1998)") ||
		!strings.Contains(stderr, "a.toml: warning: -as-of 2030 is after the last date") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestRenderAsOf: -as-of draws the picture of that day; bad dates are usage
// errors; days outside the file are a warning.
func TestRenderAsOf(t *testing.T) {
	inDir(t, map[string]string{"gf.toml": readGF(t), "undated.toml": strings.Replace(string(assets.Example), "as_of = 2025-02-16\n", "", 1)})
	dot := func(args ...string) (int, string, string) {
		return parley(t, append([]string{"render", "-format", "dot", "-o", "-"}, args...)...)
	}
	code, before, stderr := dot("-as-of", "1997-04-01", "gf.toml")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	_, after, _ := dot("gf.toml", "-as-of", "1997-09-15")
	for _, c := range []struct {
		dot, has, lacks string
	}{
		{before, "As of 1 Apr 1997", "As of 10 Apr 1998"},
		{before, "John Major", "Tony Blair"},
		{before, "SUSPENDED", "EXCLUDED\n"},
		{after, "Tony Blair", "As of 1 Apr 1997"},
		{after, "replaced by Tony Blair 2 May 1997", "SUSPENDED"}, // Major is drawn as gone
		{after, "As of 15 Sep 1997", "Democratic Unionist Party"},
	} {
		if !strings.Contains(c.dot, c.has) || strings.Contains(c.dot, c.lacks) {
			t.Errorf("DOT has %q: %v, lacks %q: %v", c.has, strings.Contains(c.dot, c.has), c.lacks, !strings.Contains(c.dot, c.lacks))
		}
	}
	_, def, _ := dot("gf.toml")
	_, asOf, _ := dot("-as-of", "1998-04-10", "gf.toml")
	if def != asOf {
		t.Error("the default day is not the file's as_of")
	}
	for _, v := range []string{"1997-02-30", "1997-9-15", "yesterday", " ", "~"} {
		code, _, stderr := dot("-as-of", v, "gf.toml")
		if code != exitUsage || !strings.HasPrefix(stderr, "parley render: invalid value") {
			t.Errorf("-as-of %q: exit %d, %q", v, code, stderr)
		}
	}
	code, _, stderr = dot("-as-of", "1995-01-01", "gf.toml")
	if code != exitOK || !strings.Contains(stderr, "gf.toml: warning: -as-of 1995-01-01 is before the first date in the file (28 Feb 1996)") {
		t.Errorf("out of span: exit %d, %q", code, stderr)
	}
	code, _, stderr = dot("-as-of", "2025-02-18", "undated.toml")
	if code != exitOK || stderr != "" {
		t.Errorf("the example without as_of still has dates: exit %d, %q", code, stderr)
	}
	code, _, stderr = dot("-variant", "no-ceasfire", "-as-of", "1997-09-15", "gf.toml")
	if code != exitUsage || !strings.Contains(stderr, `gf.toml: error: scenario: unknown variant "no-ceasfire"; did you mean "no-ceasefire"?`) {
		t.Errorf("unknown variant: exit %d, %q", code, stderr)
	}
}

// FuzzParseDay: -as-of and -as-of A..B never panic; an accepted date
// is written back as given (bar a TOML-only form) and names real days.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"1997-09-15", "1997-09", "1997", "~1997-09-15", "1997-02-30", "..", "1997-01-01..1998", "", "~", "0000-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, err := parseDay(v)
		if err == nil {
			if d.IsZero() || d.String() != v || d.Latest().Before(d.Earliest()) {
				t.Fatalf("parseDay(%q) = %v", v, d)
			}
		}
		if days, err := splitDays(v); err == nil {
			for _, d := range days {
				_ = d.Human()
			}
		}
	})
}

// TestDiffPicture: -format svg|png|pdf draws the diff picture, with the
// text diff's exit codes, and the output rules of render.
func TestDiffPicture(t *testing.T) {
	inDir(t, map[string]string{"gf.toml": readGF(t)})
	code, out, stderr := parley(t, "diff", "-as-of", "1997-04-01..1997-09-15", "-format", "svg", "gf.toml")
	if code != exitInvalid || stderr != "" || !strings.Contains(out, "<svg") || !strings.Contains(out, "seats gained") {
		t.Errorf("svg of two days: exit %d, stderr %q, %d bytes", code, stderr, len(out))
	}
	code, _, stderr = parley(t, "diff", "-as-of", "1997-09-15..1997-09-15", "-variant", "..", "-format", "svg", "-o", "same.svg", "gf.toml", "gf.toml")
	if code != exitOK || stderr != "" {
		t.Errorf("the same picture: exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile("same.svg"); err != nil || !strings.Contains(string(b), "No change") {
		t.Errorf("same.svg: %v", err)
	}
	code, _, stderr = parley(t, "diff", "-as-of", "1997-04-01..", "-format", "png", "gf.toml")
	if code != exitUsage || !strings.Contains(stderr, "-format png needs -o FILE") {
		t.Errorf("png to stdout: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = parley(t, "diff", "-as-of", "1997-04-01..", "-format", "pdf", "-o", "gf.toml", "gf.toml")
	if code != exitUsage || !strings.Contains(stderr, "is the input file") {
		t.Errorf("over the input: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = parley(t, "diff", "-as-of", "1997-04-01..", "-format", "pdf", "-o", "d.pdf", "gf.toml")
	if b, err := os.ReadFile("d.pdf"); code != exitInvalid || err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("pdf: exit %d, stderr %q, %v", code, stderr, err)
	}
}

// TestRenderRange: -as-of A..B writes a PDF with a page for each day the
// picture changes, or numbered frames with -frames; other formats, bad
// ranges and the input as output are usage errors.
func TestRenderRange(t *testing.T) {
	inDir(t, map[string]string{"gf.toml": readGF(t)})
	code, _, stderr := parley(t, "render", "-as-of", "1997-01-01..1997-12-31", "-o", "gf.pdf", "gf.toml")
	b, err := os.ReadFile("gf.pdf")
	if code != exitOK || stderr != "" || err != nil || bytes.Count(b, []byte("/Type /Page ")) < 5 {
		t.Errorf("pdf of 1997: exit %d, stderr %q, %v, %d pages", code, stderr, err, bytes.Count(b, []byte("/Type /Page ")))
	}
	code, _, stderr = parley(t, "render", "-as-of", "1997-07-01..1997-07-31", "-frames", "frames", "gf.toml")
	names, _ := filepath.Glob(filepath.Join("frames", "*.png"))
	if code != exitOK || len(names) != 2 || filepath.Base(names[1]) != "gf-002-1997-07-17.png" {
		t.Errorf("frames of July 1997: exit %d, stderr %q, %v", code, stderr, names)
	}
	code, _, _ = parley(t, "render", "-as-of", "1997-07-01..1997-07-31", "-frames", "frames", "-format", "svg", "gf.toml")
	if names, _ := filepath.Glob(filepath.Join("frames", "*.svg")); code != exitOK || len(names) != 2 {
		t.Errorf("svg frames: exit %d, %v", code, names)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-as-of", "1997-01-01..1997-12-31", "-format", "png"}, "write them as one PDF"},
		{[]string{"-as-of", "1997-12-31..1997-01-01", "-format", "pdf"}, "ends before it starts"},
		{[]string{"-as-of", "1997-01-01..", "-format", "pdf"}, "needs both days"},
		{[]string{"-as-of", "1997-01-01..1997-12-31", "-frames", "gf.toml"}, "is not a directory"},
		{[]string{"-as-of", "1997-01-01..1997-12-31", "-frames", "f2", "-format", "pdf"}, "-frames writes png or svg"},
		{[]string{"-as-of", "1997-01-01..1997-12-31", "-o", "gf.toml", "-format", "pdf"}, "is the input file"},
	} {
		code, _, stderr := parley(t, append(append([]string{"render"}, c.args...), "gf.toml")...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %.200q, want %q", c.args, code, stderr, c.want)
		}
	}
}
