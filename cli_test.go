package main

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/assets"
)

// parley runs the command line in-process and returns its exit code and
// output.
func parley(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const invalidScenario = `format = 1
[scenario]
title = "Broken"
[[actors]]
id = "a"
name = "A"
kind = "sate"
[[tracks]]
id = "t"
name = "T"
kind = "talks"
[[seats]]
track = "t"
actor = "b"
role = "participant"
`

func exampleFile(t *testing.T) string {
	return writeFile(t, assets.ExampleName, string(assets.Example))
}

func TestValidate(t *testing.T) {
	code, _, stderr := parley(t, "validate", exampleFile(t))
	if code != exitOK {
		t.Fatalf("validate example: exit %d, stderr:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "error:") {
		t.Errorf("the example has errors:\n%s", stderr)
	}

	bad := writeFile(t, "bad.toml", invalidScenario)
	code, _, stderr = parley(t, "validate", bad)
	if code != exitInvalid {
		t.Errorf("validate invalid: exit %d, want %d", code, exitInvalid)
	}
	for _, want := range []string{bad + ":7:8: error:", `"sate"`, `did you mean "state"`, bad + ":14:9: error:", `"b"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("validate output lacks %q:\n%s", want, stderr)
		}
	}

	code, _, stderr = parley(t, "validate", exampleFile(t), bad)
	if code != exitInvalid || !strings.Contains(stderr, bad) {
		t.Errorf("validate valid+invalid: exit %d, stderr:\n%s", code, stderr)
	}
	if code, _, _ := parley(t, "validate"); code != exitUsage {
		t.Errorf("validate with no file: exit %d, want %d", code, exitUsage)
	}
	code, _, stderr = parley(t, "validate", filepath.Join(t.TempDir(), "missing.toml"))
	if code != exitInvalid || !strings.HasPrefix(stderr, "parley: cannot open ") || !strings.Contains(stderr, "missing.toml: no such file or directory") {
		t.Errorf("validate missing file: exit %d, stderr %q", code, stderr)
	}
}

func TestRenderFormats(t *testing.T) {
	in := exampleFile(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args  []string
		out   string
		magic string
	}{
		{[]string{"-o", filepath.Join(dir, "a.svg")}, "a.svg", "<?xml"},
		{[]string{"-o", filepath.Join(dir, "b.png")}, "b.png", "\x89PNG"},
		{[]string{"-o", filepath.Join(dir, "c.dot")}, "c.dot", "digraph"},
		{[]string{"-format", "dot", "-o", filepath.Join(dir, "d.txt")}, "d.txt", "digraph"},
		{[]string{"-variant", "trump-meets-putin-first", "-detail", "delegations", "-direction", "tb", "-scale", "2", "-o", filepath.Join(dir, "e.png")}, "e.png", "\x89PNG"},
	} {
		code, _, stderr := parley(t, append(append([]string{"render"}, tc.args...), in)...)
		if code != exitOK {
			t.Errorf("render %v: exit %d\n%s", tc.args, code, stderr)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, tc.out))
		if err != nil || !bytes.HasPrefix(data, []byte(tc.magic)) {
			t.Errorf("render %v: output %q does not start with %q (%v)", tc.args, truncate(data), tc.magic, err)
		}
		if strings.HasSuffix(tc.out, ".png") {
			if _, err := png.Decode(bytes.NewReader(data)); err != nil {
				t.Errorf("render %v: PNG does not decode: %v", tc.args, err)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestRenderDefaultOutputAndFlagsAfterFile(t *testing.T) {
	in := exampleFile(t)
	code, _, stderr := parley(t, "render", in, "-format", "dot")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := strings.TrimSuffix(in, ".toml") + ".dot"
	if _, err := os.Stat(want); err != nil {
		t.Errorf("default output %s not written: %v", want, err)
	}
}

func TestRenderToStdout(t *testing.T) {
	code, stdout, stderr := parley(t, "render", "-o", "-", "-format", "svg", exampleFile(t))
	if code != exitOK || !strings.HasPrefix(stdout, "<?xml") || !strings.Contains(stdout, "</svg>") {
		t.Errorf("exit %d, stdout starts %q, stderr:\n%s", code, truncate([]byte(stdout)), stderr)
	}
}

func TestRenderInvalidLeavesNoFile(t *testing.T) {
	bad := writeFile(t, "bad.toml", invalidScenario)
	out := filepath.Join(filepath.Dir(bad), "out.svg")
	code, _, stderr := parley(t, "render", "-o", out, bad)
	if code != exitInvalid || !strings.Contains(stderr, "did you mean") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("an output file was left for an invalid scenario")
	}
	// An existing output is not replaced either.
	os.WriteFile(out, []byte("keep me"), 0o644)
	parley(t, "render", "-o", out, bad)
	if data, _ := os.ReadFile(out); string(data) != "keep me" {
		t.Errorf("existing output overwritten with %q", truncate(data))
	}
}

func TestRenderUsageErrors(t *testing.T) {
	in := exampleFile(t)
	for _, args := range [][]string{
		{"render"},
		{"render", in, in},
		{"render", "-format", "gif", in},
		{"render", "-o", "out.gif", in},
		{"render", "-detail", "everyone", in},
		{"render", "-direction", "up", in},
		{"render", "-scale", "0", in},
		{"render", "-format", "svg", "-o", "out.png", in},
		{"render", "-bogus", in},
		{"frobnicate"},
	} {
		if code, _, stderr := parley(t, args...); code != exitUsage || stderr == "" {
			t.Errorf("parley %v: exit %d (want %d), stderr %q", args, code, exitUsage, stderr)
		}
	}
	code, _, stderr := parley(t, "render", "-variant", "nope", in)
	if code != exitUsage || !strings.Contains(stderr, "europe-at-the-table") {
		t.Errorf("unknown variant: exit %d, stderr %q", code, stderr)
	}
}

func TestExampleAndVersion(t *testing.T) {
	code, stdout, _ := parley(t, "example")
	if code != exitOK || stdout != string(assets.Example) {
		t.Errorf("example: exit %d, %d bytes", code, len(stdout))
	}
	code, stdout, _ = parley(t, "version")
	if code != exitOK || stdout != "parley "+version()+"\n" || version() == "unknown" {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

// TestNativeDotAcceptsOurDOT checks the exported DOT with Debian's graphviz
// when it is installed.
func TestNativeDotAcceptsOurDOT(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("native dot not installed")
	}
	_, stdout, _ := parley(t, "render", "-o", "-", "-format", "dot", exampleFile(t))
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(stdout)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || !bytes.Contains(out, []byte("</svg>")) {
		t.Errorf("native dot: %v\n%s", err, stderr.String())
	}
}

func truncate(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

// TestUsageTable: every command parses its flags the same way. -h and
// --help print that command's usage on stdout and exit 0; an unknown
// flag, a missing or extra argument or a bad value is a usage error: exit
// 2, a one-line message, then the usage, on stderr.
func TestUsageTable(t *testing.T) {
	in := exampleFile(t)
	type want struct {
		code  int
		line1 string // the first line of stderr (or of stdout for help), a prefix
	}
	usageOf := func(cmd string) string { return lookup(cmd).usage[:strings.Index(lookup(cmd).usage, "\n")] }
	cases := map[string]struct {
		args []string
		want want
	}{}
	add := func(name string, w want, args ...string) {
		cases[name] = struct {
			args []string
			want want
		}{args, w}
	}
	for _, cmd := range []string{"validate", "render", "describe", "export", "import-seats", "example", "version", "help"} {
		add(cmd+" -h", want{exitOK, usageOf(cmd)}, cmd, "-h")
		add(cmd+" --help", want{exitOK, usageOf(cmd)}, cmd, "--help")
		add(cmd+" -help", want{exitOK, usageOf(cmd)}, cmd, "-help")
		add(cmd+" -x", want{exitUsage, "parley " + cmd + ": flag provided but not defined: -x"}, cmd, "-x")
		add(cmd+" --bogus=1", want{exitUsage, "parley " + cmd + ": flag provided but not defined: -bogus"}, cmd, "--bogus=1")
	}
	// Flags after the file, as after the command.
	add("validate FILE -x", want{exitUsage, "parley validate: flag provided but not defined: -x"}, "validate", in, "-x")
	add("render FILE -h", want{exitOK, usageOf("render")}, "render", in, "-h")
	// Arguments.
	add("validate", want{exitUsage, "parley validate: needs at least one FILE"}, "validate")
	add("validate --", want{exitUsage, "parley validate: needs at least one FILE"}, "validate", "--")
	add("render", want{exitUsage, "parley render: needs exactly one FILE (got 0)"}, "render")
	add("render A B", want{exitUsage, "parley render: needs exactly one FILE (got 2)"}, "render", in, in)
	add("example x", want{exitUsage, `parley example: takes no arguments (got "x")`}, "example", "x")
	add("version x", want{exitUsage, `parley version: takes no arguments (got "x")`}, "version", "x")
	add("version -- -h", want{exitUsage, `parley version: takes no arguments (got "-h")`}, "version", "--", "-h")
	add("help a b", want{exitUsage, "parley help: takes at most one COMMAND (got 2)"}, "help", "a", "b")
	add("help nope", want{exitUsage, `parley help: unknown command "nope"`}, "help", "nope")
	add("help render", want{exitOK, usageOf("render")}, "help", "render")
	add("frobnicate", want{exitUsage, `parley: unknown command "frobnicate"`}, "frobnicate")
	add("-x", want{exitUsage, "parley: unknown flag -x"}, "-x")
	add("two files", want{exitUsage, "parley: the window opens one FILE (got 2)"}, in, in)
	add("--help", want{exitOK, "usage:"}, "--help")
	add("-h", want{exitOK, "usage:"}, "-h")
	add("--version", want{exitOK, "parley " + version()}, "--version")
	// Bad values, caught while parsing the flags.
	for _, v := range []string{"NaN", "nan", "0", "-1", "Inf", "+Inf", "-Inf", "16.5", "1e400", "two", ""} {
		add("render -scale "+v, want{exitUsage, `parley render: invalid value "` + v + `" for flag -scale: use a number above 0 and at most 16`}, "render", "-scale", v, in)
	}
	add("render -format gif", want{exitUsage, `parley render: invalid value "gif" for flag -format: use svg, png, pdf, dot, csv or md`}, "render", "-format", "gif", in)
	add("render -detail everyone", want{exitUsage, `parley render: invalid value "everyone" for flag -detail: use people or delegations`}, "render", "-detail", "everyone", in)
	add("render -direction up", want{exitUsage, `parley render: invalid value "up" for flag -direction: use lr or tb`}, "render", "-direction", "up", in)
	add("render -o", want{exitUsage, "parley render: flag needs an argument: -o"}, "render", in, "-o")
	add("render -o ''", want{exitUsage, "parley render: -o needs a file name"}, "render", "-o", "", in)
	add("render -o out.gif", want{exitUsage, "parley render: -o out.gif: cannot tell the format"}, "render", "-o", "out.gif", in)
	add("render -format svg -o out.png", want{exitUsage, "parley render: -format svg but -o out.png"}, "render", "-format", "svg", "-o", "out.png", in)
	// -- ends the flags: what follows is a file, even if it looks like a flag.
	add("validate -- -x", want{exitInvalid, "parley: cannot open -x: no such file or directory"}, "validate", "--", "-x")
	add("render -- -x", want{exitInvalid, "parley: cannot open -x: no such file or directory"}, "render", "-o", "-", "--", "-x")

	for name, tc := range cases {
		code, stdout, stderr := parley(t, tc.args...)
		out := stderr
		if tc.want.code == exitOK {
			out = stdout
			if stderr != "" {
				t.Errorf("%s: stderr %q", name, stderr)
			}
		}
		line1, _, _ := strings.Cut(out, "\n")
		if code != tc.want.code || !strings.HasPrefix(line1, tc.want.line1) {
			t.Errorf("parley %q: exit %d, first line %q\nwant exit %d, %q", tc.args, code, line1, tc.want.code, tc.want.line1)
		}
		if code == exitUsage {
			if !strings.Contains(stderr, "\n\nusage:") {
				t.Errorf("%s: no usage after the message:\n%s", name, stderr)
			}
			if stdout != "" {
				t.Errorf("%s: a usage error printed on stdout: %q", name, stdout)
			}
		}
	}
}

// TestRenderNeverWritesItsInput: by identity, not by name.
func TestRenderNeverWritesItsInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "s.toml")
	os.WriteFile(in, assets.Example, 0o644)
	os.Symlink("s.toml", filepath.Join(dir, "link.svg"))
	named := filepath.Join(dir, "talks.svg") // a scenario named like its default output
	os.WriteFile(named, assets.Example, 0o644)
	for _, tc := range []struct {
		args []string
		file string
		line string
	}{
		{[]string{"render", "-format", "svg", "-o", in, in}, in, "parley render: -o " + in + " is the input file"},
		{[]string{"render", "-o", filepath.Join(dir, "link.svg"), in}, in, "parley render: -o " + filepath.Join(dir, "link.svg") + " is the input file"},
		{[]string{"render", "-o", filepath.Join(dir, ".", "s.toml"), "-format", "dot", in}, in, "parley render: -o"},
		{[]string{"render", named}, named, "parley render: the output " + named + " would be the input file; name another with -o"},
	} {
		code, _, stderr := parley(t, tc.args...)
		line1, _, _ := strings.Cut(stderr, "\n")
		if code != exitUsage || !strings.HasPrefix(line1, tc.line) {
			t.Errorf("parley %q: exit %d, %q", tc.args, code, line1)
		}
		if b, _ := os.ReadFile(tc.file); !bytes.Equal(b, assets.Example) {
			t.Errorf("parley %q overwrote its input", tc.args)
		}
	}
}

// TestRenderOutputRules: the output rules of internal/safefile, as the
// command line shows them.
func TestRenderOutputRules(t *testing.T) {
	in := exampleFile(t)
	dir := t.TempDir()
	// An existing output keeps its mode.
	out := filepath.Join(dir, "out.svg")
	os.WriteFile(out, []byte("old"), 0o640)
	os.Chmod(out, 0o640)
	if code, _, stderr := parley(t, "render", "-o", out, in); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", fi.Mode().Perm())
	}
	// A symbolic link stays a link; its target gets the diagram.
	os.Symlink("out.svg", filepath.Join(dir, "link.svg"))
	if code, _, stderr := parley(t, "render", "-o", filepath.Join(dir, "link.svg"), "-direction", "tb", in); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, _ := os.Lstat(filepath.Join(dir, "link.svg")); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link became a file")
	}
	// Read-only and hard-linked outputs are refused, naming the path.
	ro := filepath.Join(dir, "ro.svg")
	os.WriteFile(ro, []byte("keep"), 0o444)
	os.Chmod(ro, 0o444)
	hard := filepath.Join(dir, "hard.svg")
	os.WriteFile(hard, []byte("keep"), 0o644)
	os.Link(hard, filepath.Join(dir, "hard2.svg"))
	for path, want := range map[string]string{
		ro:   "parley: cannot write " + ro + ": it is read-only; make it writable (chmod u+w " + ro + ")",
		hard: "parley: cannot write " + hard + ": it has other hard links; it has 2 names",
	} {
		code, _, stderr := parley(t, "render", "-o", path, in)
		if code != exitInvalid || !strings.HasPrefix(stderr, want) {
			t.Errorf("-o %s: exit %d, %q", filepath.Base(path), code, stderr)
		}
		if b, _ := os.ReadFile(path); string(b) != "keep" {
			t.Errorf("-o %s: the file was changed", filepath.Base(path))
		}
	}
	// A missing folder: the message names the path.
	missing := filepath.Join(dir, "no", "out.svg")
	code, _, stderr := parley(t, "render", "-o", missing, in)
	if code != exitInvalid || !strings.HasPrefix(stderr, "parley: cannot write "+missing+": ") {
		t.Errorf("missing folder: exit %d, %q", code, stderr)
	}
}
