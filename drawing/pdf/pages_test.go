package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
)

// TestWritePages: several drawings make one document of that many pages,
// each its own size and text, in order; poppler reads them back.
func TestWritePages(t *testing.T) {
	page := func(text string, w float64) *drawing.Drawing {
		return &drawing.Drawing{Width: w, Height: 100, Background: drawing.RGB(0xffffff), Title: "Pages",
			Items: []drawing.Item{{Kind: drawing.KindText, X: 10, Y: 50, W: 80, Text: text, Font: drawing.Regular, Size: 12, Fill: drawing.RGB(0x222222)}}}
	}
	var b bytes.Buffer
	if err := WritePages(&b, []*drawing.Drawing{page("first page", 200), page("second page", 300), page("third page", 400)}, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "/Kids [3 0 R 5 0 R 7 0 R] /Count 3") || strings.Count(out, "/Type /Page ") != 3 {
		t.Errorf("not three pages:\n%.600s", out)
	}
	for _, box := range []string{"/MediaBox [0 0 200 100]", "/MediaBox [0 0 300 100]", "/MediaBox [0 0 400 100]"} {
		if !strings.Contains(out, box) {
			t.Errorf("no page with %s", box)
		}
	}
	if err := WritePages(&b, nil, Options{}); err == nil {
		t.Error("no pages: no error")
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	file := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"first page", "second page", "third page"} {
		got, err := exec.Command(bin, "-f", string(rune('1'+i)), "-l", string(rune('1'+i)), "-raw", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), want) {
			t.Errorf("page %d reads %q, want %q", i+1, got, want)
		}
	}
}
