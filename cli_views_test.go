package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/scenario"
)

// TestRenderViews: every view through the command line, in its formats;
// the options and formats of other views are usage errors that say which
// view they belong to.
func TestRenderViews(t *testing.T) {
	in := exampleFile(t)
	dir := filepath.Dir(in)
	for _, c := range []struct{ view, out string }{
		{"timeline", "t.svg"}, {"timeline", "t.png"}, {"network", "n.svg"}, {"network", "n.dot"},
		{"grid", "g.svg"}, {"grid", "g.png"}, {"grid", "g.csv"}, {"grid", "g.md"},
	} {
		out := filepath.Join(dir, c.out)
		if code, _, stderr := parley(t, "render", "-view", c.view, "-o", out, in); code != exitOK {
			t.Errorf("-view %s -o %s: exit %d\n%s", c.view, c.out, code, stderr)
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Errorf("-view %s -o %s: no output (%v)", c.view, c.out, err)
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "g.md"))
	if !strings.Contains(string(md), "| Actor |") || !strings.Contains(string(md), "⊣ excluded (claimed, per Kellogg)") {
		t.Errorf("the grid as Markdown:\n%s", md)
	}
	code, stdout, stderr := parley(t, "render", "-view", "timeline", "-focus", "hegseth", "-filter", "from=2025-02", "-o", "-", in)
	if code != exitOK || !strings.Contains(stdout, "Focus: Pete Hegseth · from Feb 2025") || strings.Contains(stdout, "Kallas") {
		t.Errorf("a focused timeline: exit %d, %s", code, stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-format", "csv"}, "parley render: csv is a format of the grid view: add -view grid (the participation view is drawn as svg, png, pdf or dot)"},
		{[]string{"-view", "timeline", "-o", "t.md"}, "parley render: md is a format of the grid view: add -view grid"},
		{[]string{"-view", "grid", "-format", "dot"}, "parley render: the grid view is not laid out by Graphviz and has no DOT: use svg, png, pdf, csv or md"},
		{[]string{"-view", "grid", "-lanes", "track"}, "parley render: -lanes is an option of the timeline view, not of grid (-view timeline)"},
		{[]string{"-direction", "tb", "-view", "network"}, "parley render: -direction is an option of the participation view"},
		{[]string{"-view", "timelime"}, `parley render: invalid value "timelime" for flag -view: use participation, timeline, network or grid`},
		{[]string{"-filter", "rol=host"}, `parley render: -filter "rol=host": unknown key "rol"; did you mean "role"?`},
		{[]string{"-focus", "place:x"}, `parley render: -focus "place:x": unknown kind "place"`},
	} {
		code, _, stderr := parley(t, append(append([]string{"render"}, c.args...), in)...)
		if code != exitUsage || !strings.HasPrefix(stderr, c.want) {
			t.Errorf("render %q: exit %d\n%s\nwant %s", c.args, code, stderr, c.want)
		}
	}
	code, _, stderr = parley(t, "render", "-focus", "hegsth", "-o", "-", in)
	if code != exitUsage || !strings.Contains(stderr, `error: scenario: focus "hegsth": no actor, track or event has this id; did you mean "actor:hegseth"?`) {
		t.Errorf("a misspelled focus: exit %d\n%s", code, stderr)
	}
}

func TestExport(t *testing.T) {
	in := exampleFile(t)
	dir := filepath.Dir(in)
	for _, f := range []string{"gexf", "json", "csv"} {
		if code, _, stderr := parley(t, "export", "-format", f, in); code != exitOK {
			t.Errorf("export -format %s: exit %d\n%s", f, code, stderr)
		}
		out := strings.TrimSuffix(in, ".toml") + "." + f
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Errorf("export -format %s wrote no %s", f, out)
		}
	}
	code, stdout, _ := parley(t, "export", "-o", "-", "-format", "json", "-focus", "track:msc-2025", in)
	var doc struct{ Tracks []struct{ ID string } }
	if code != exitOK || json.Unmarshal([]byte(stdout), &doc) != nil || len(doc.Tracks) != 1 || doc.Tracks[0].ID != "msc-2025" {
		t.Errorf("export a focus as JSON: exit %d, %v", code, doc)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{in}, "parley export: say which format: -format gexf, json or csv"},
		{[]string{"-o", filepath.Join(dir, "x.svg"), in}, "parley export: -o " + filepath.Join(dir, "x.svg") + ": cannot tell the format"},
		{[]string{"-format", "json", "-o", "x.gexf", in}, "parley export: -format json but -o x.gexf"},
		{[]string{"-format", "pdf", in}, `parley export: invalid value "pdf" for flag -format: use gexf, json or csv`},
	} {
		code, _, stderr := parley(t, append([]string{"export"}, c.args...)...)
		if code != exitUsage || !strings.HasPrefix(stderr, c.want) {
			t.Errorf("export %q: exit %d\n%s\nwant %s", c.args, code, stderr, c.want)
		}
	}
}

// TestImportSeats: the example's seats exported as CSV and imported into
// a copy without seats give the example's seats back; the input is never
// overwritten unless asked; problems leave everything as it was.
func TestImportSeats(t *testing.T) {
	in := exampleFile(t)
	dir := filepath.Dir(in)
	seats := filepath.Join(dir, "seats.csv")
	if code, _, stderr := parley(t, "export", "-format", "csv", "-o", seats, in); code != exitOK {
		t.Fatalf("export csv: %s", stderr)
	}
	full, err := scenario.Load("x", bytes.NewReader(mustRead(t, in)))
	if err != nil {
		t.Fatal(err)
	}
	empty := *full
	empty.Seats = nil
	text, err := scenario.Edit(mustRead(t, in), full, &empty)
	if err != nil {
		t.Fatal(err)
	}
	noSeats := filepath.Join(dir, "no-seats.toml")
	os.WriteFile(noSeats, text, 0o644)
	out := filepath.Join(dir, "out.toml")
	code, _, stderr := parley(t, "import-seats", "-o", out, noSeats, seats)
	if code != exitOK || !strings.Contains(stderr, "with 21 seats from") {
		t.Fatalf("import-seats: exit %d\n%s", code, stderr)
	}
	got, err := scenario.Load("x", bytes.NewReader(mustRead(t, out)))
	if err != nil {
		t.Fatal(err)
	}
	got.Warnings, full.Warnings = nil, nil
	if !scenario.Equal(got, full) {
		t.Error("the round trip does not give the example back")
	}
	if !bytes.Equal(mustRead(t, noSeats), text) {
		t.Error("import-seats -o changed its input")
	}
	// -check writes nothing; -in-place updates the file.
	if code, _, stderr := parley(t, "import-seats", "-check", noSeats, seats); code != exitOK || !strings.Contains(stderr, "21 seats would be added") || !bytes.Equal(mustRead(t, noSeats), text) {
		t.Errorf("-check: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := parley(t, "import-seats", noSeats, seats, "-in-place"); code != exitOK || !bytes.Equal(mustRead(t, noSeats), mustRead(t, out)) {
		t.Errorf("-in-place: exit %d\n%s", code, stderr)
	}
	// Again: every seat is there already; nothing changes.
	before := mustRead(t, noSeats)
	code, _, stderr = parley(t, "import-seats", "-in-place", noSeats, seats)
	if code != exitInvalid || !strings.Contains(stderr, "seats.csv:2:1: error: the scenario has this seat already") || !strings.Contains(stderr, "nothing imported: 21 problems") || !bytes.Equal(mustRead(t, noSeats), before) {
		t.Errorf("importing twice: exit %d\n%s", code, stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{noSeats, seats}, "parley import-seats: say where the result goes: -o OUT, -o - (stdout), -in-place"},
		{[]string{"-o", noSeats, noSeats, seats}, "parley import-seats: -o " + noSeats + " is the scenario file; to update it, use -in-place instead"},
		{[]string{"-o", seats, noSeats, seats}, "parley import-seats: -o " + seats + " is the CSV file"},
		{[]string{"-in-place", "-check", noSeats, seats}, "parley import-seats: -o, -in-place and -check exclude each other"},
		{[]string{"-check", noSeats}, "parley import-seats: needs FILE.toml and SEATS.csv (got 1 arguments)"},
	} {
		code, _, stderr := parley(t, append([]string{"import-seats"}, c.args...)...)
		if code != exitUsage || !strings.HasPrefix(stderr, c.want) {
			t.Errorf("import-seats %q: exit %d\n%s\nwant %s", c.args, code, stderr, c.want)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
