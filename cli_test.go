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
	if code != exitInvalid || !strings.Contains(stderr, "missing.toml: error: cannot open") {
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
		if strings.HasSuffix(e.Name(), ".tmp") {
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
	if code != exitInvalid || !strings.Contains(stderr, "europe-at-the-table") {
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
