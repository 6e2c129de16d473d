package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDescribe checks parley describe's output against the description
// every drawing carries, its formats and its output rules.
func TestDescribe(t *testing.T) {
	in := exampleFile(t)
	code, text, stderr := parley(t, "describe", in)
	if code != exitOK || stderr != "" {
		t.Fatalf("describe: exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"Ukraine: who is at the table? (February 2025)\nAs of 16 Feb 2025.\n",
		"Excluded: European governments — claimed by Keith Kellogg; source: CNN, 16 Feb 2025.",
		"Convened by: Emmanuel Macron (President of France) — reported, claimed by Radosław Sikorski"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	// The SVG's <desc> says the same.
	code, svg, _ := parley(t, "render", "-o", "-", in)
	if code != exitOK || !strings.Contains(svg, "Excluded: European governments — claimed by Keith Kellogg") {
		t.Errorf("the SVG's desc does not carry the description (exit %d)", code)
	}

	code, md, _ := parley(t, "describe", "-variant", "ukraine-shut-out", "-format", "markdown", in)
	if code != exitOK || !strings.HasPrefix(md, "# Ukraine") || !strings.Contains(md, "## What the variant changes against the base") ||
		!strings.Contains(md, "role participant → excluded") {
		t.Errorf("markdown (exit %d):\n%s", code, md)
	}

	dir := t.TempDir()
	out := filepath.Join(dir, "d.md")
	if code, _, stderr := parley(t, "describe", in, "-o", out); code != exitOK {
		t.Fatalf("-o %s: exit %d: %s", out, code, stderr)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "# Ukraine") {
		t.Errorf("-o d.md is not markdown:\n%s", b)
	}

	for name, c := range map[string]struct {
		args []string
		want string
	}{
		"input":    {[]string{"describe", "-o", in, in}, "is the input file"},
		"clash":    {[]string{"describe", "-format", "text", "-o", filepath.Join(dir, "x.md"), in}, "the name says markdown"},
		"ext":      {[]string{"describe", "-o", filepath.Join(dir, "x.svg"), in}, "cannot tell the format"},
		"empty -o": {[]string{"describe", "-o", "", in}, "-o needs a file name"},
		"format":   {[]string{"describe", "-format", "html", in}, "use text or markdown"},
	} {
		code, _, stderr := parley(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", name, code, stderr, c.want)
		}
	}
	if code, _, stderr := parley(t, "describe", "-variant", "nope", in); code != exitUsage || !strings.Contains(stderr, `did you mean`) && !strings.Contains(stderr, "unknown variant") {
		t.Errorf("unknown variant: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(in); !strings.Contains(string(b), "[scenario]") {
		t.Error("the input was changed")
	}
}
