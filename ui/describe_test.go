package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/views/style"
)

// TestDescribeDialog: View › Describe in Words shows the picture's
// description and Copy puts it on the clipboard, as text.
func TestDescribeDialog(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	h.u.showDescription()
	dd := h.u.describing
	if dd == nil {
		t.Fatal("no description dialog")
	}
	for _, want := range []string{"Ukraine: who is at the table?", "Excluded", "European governments"} {
		if !strings.Contains(dd.markdown, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, dd.markdown)
		}
	}
	if len(dd.body.Segments) < 10 {
		t.Errorf("the dialog shows %d segments", len(dd.body.Segments))
	}
	test.Tap(dd.copyText)
	got := h.app.Clipboard().Content()
	opts := h.u.preview.options()
	opts.AsOf = h.u.time.asOf()
	want, _ := render.Describe(h.u.model, optionsFor(h.u.model, opts))
	if got != want.Text() {
		t.Errorf("Copy put %q on the clipboard, want the description's text", got)
	}
	test.Tap(dd.copyMarkdown)
	if !strings.HasPrefix(h.app.Clipboard().Content(), "# Ukraine") {
		t.Errorf("Copy as Markdown: %q", h.app.Clipboard().Content())
	}
}

// TestPreviewFollowsAppTheme: a dark window draws a dark diagram, and
// switching the theme redraws it.
func TestPreviewFollowsAppTheme(t *testing.T) {
	h := newHarness(t, nil)
	h.u.setTheme("light")
	h.openExample()
	if bg := h.drawing().Background; bg != style.Paper {
		t.Fatalf("light window: background %v", bg)
	}
	old := h.drawing()
	h.u.setTheme("dark")
	d := h.waitNewDrawing(old)
	if bg := d.Background; bg == style.Paper || int(bg.R)+int(bg.G)+int(bg.B) > 3*80 {
		t.Errorf("dark window: diagram background %v, want dark", d.Background)
	}
}
