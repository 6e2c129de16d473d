package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parleyhq/parley/assets"
)

// waitCompare waits for Compare to show a result other than old.
func (h *harness) waitCompare(old *compareResult) *compareResult {
	h.t.Helper()
	h.settle("the comparison", func() bool { r := h.u.compare.result; return r != nil && r != old })
	return h.u.compare.result
}

// rowText lists the change list's lines.
func rowTexts(c *comparePanel) []string {
	var ts []string
	for _, r := range c.rows {
		ts = append(ts, strings.TrimSpace(r.text))
	}
	return ts
}

func TestCompareBaseWithVariant(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	test.Tap(h.u.time.compare)
	if !h.u.comparing() {
		t.Fatal("Compare… did not open Compare mode")
	}
	c := h.u.compare
	res := h.waitCompare(nil)
	// The base on the left, the first variant on the right.
	if c.sides[0].variant.Selected != baseVariant || c.sides[1].variant.Selected != h.u.model.Variants[0].Name {
		t.Errorf("Compare opens on %q vs %q", c.sides[0].variant.Selected, c.sides[1].variant.Selected)
	}
	// The example's third variant adds a Trump–Putin summit with three
	// seats at it (Trump and Putin in, Zelensky excluded), and nothing else.
	c.sides[1].variant.SetSelected("Trump meets Putin before Zelensky")
	res = h.waitCompare(res)
	if res.err != nil {
		t.Fatal(res.err)
	}
	tracks, seats, actors := res.changes.Counts()
	if tracks.Added != 1 || tracks.Total() != 1 || seats.Added != 3 || seats.Total() != 3 || actors.Total() != 0 {
		t.Errorf("base vs the summit variant: tracks %+v seats %+v actors %+v", tracks, seats, actors)
	}
	if !strings.Contains(c.summary.Text, "3 seats gained, 1 track added.") {
		t.Errorf("the summary says %q", c.summary.Text)
	}
	want := []string{
		"+ Trump–Putin summit — new track",
		"+ Trump gains a seat: participant, speculative",
		"+ Putin gains a seat: participant, speculative",
		"+ Zelensky gains a seat: excluded, speculative",
	}
	if got := rowTexts(c); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the change list is\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.drawing == nil || !hasRef(res.drawing, "track:trump-putin-summit") {
		t.Error("the picture does not show the new side's summit")
	}
	// The same picture on both sides: no changes.
	c.sides[1].variant.SetSelected(baseVariant)
	res = h.waitCompare(res)
	if !res.changes.Empty() || len(c.rows) != 0 || !strings.Contains(c.summary.Text, "No changes") {
		t.Errorf("base vs base: %d rows, %q", len(c.rows), c.summary.Text)
	}
	// Back to the preview, by Escape.
	h.win.Canvas().Unfocus()
	h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.u.comparing() || h.u.split.Trailing != h.u.right {
		t.Error("leaving Compare did not bring the preview back")
	}
}

func TestCompareSelectsInForms(t *testing.T) {
	h := newHarness(t, nil)
	h.openFile(goodFriday)
	h.u.enterCompare()
	c := h.u.compare
	res := h.waitCompare(nil)
	// Two days of the base: Sinn Féin is admitted to the talks between
	// them (its seat from 1997-09-09).
	c.sides[0].variant.SetSelected(baseVariant)
	c.sides[1].variant.SetSelected(baseVariant)
	c.sides[0].date.SetText("1997-08-01")
	c.sides[1].date.SetText("1997-10-01")
	res = h.waitCompare(res)
	for res.err != nil || res.pics[1].AsOf.String() != "1997-10-01" || res.pics[0].AsOf.String() != "1997-08-01" {
		res = h.waitCompare(res)
	}
	row := -1
	for i, r := range c.rows {
		if r.kind == "seat" && r.actor == "sinn-fein" && r.track == "talks" {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no change for Sinn Féin at the talks in\n%s", strings.Join(rowTexts(c), "\n"))
	}
	c.list.Select(row)
	if h.u.tabs.SelectedIndex() != 1 || h.u.forms.cur.key != "seats" {
		t.Fatalf("the change selected tab %d, %s", h.u.tabs.SelectedIndex(), h.u.forms.cur.key)
	}
	st := h.u.model.Seats[h.u.forms.sel]
	if st.Track != "talks" || st.Actor != "sinn-fein" || string(st.Role) != c.rows[row].role {
		t.Errorf("the forms show the seat %s/%s/%s, want talks/sinn-fein/%s", st.Track, st.Actor, st.Role, c.rows[row].role)
	}
	// A track heading selects the track.
	for i, r := range c.rows {
		if r.heading && r.kind == "track" {
			c.list.Select(i)
			if h.u.forms.cur.key != "tracks" || h.u.model.Tracks[h.u.forms.sel].ID != r.id {
				t.Errorf("the heading %q selected %s #%d", r.text, h.u.forms.cur.key, h.u.forms.sel)
			}
			break
		}
	}
}

func TestCompareVariantSelectsVariant(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	h.u.enterCompare()
	c := h.u.compare
	res := h.waitCompare(nil)
	c.sides[1].variant.SetSelected("Ukraine is left out after all")
	res = h.waitCompare(res)
	if len(c.rows) != 2 || c.rows[1].actor != "ua" {
		t.Fatalf("base vs Ukraine shut out:\n%s", strings.Join(rowTexts(c), "\n"))
	}
	if !strings.Contains(c.rows[1].text, "role participant → excluded") {
		t.Errorf("the change says %q", c.rows[1].text)
	}
	// The change is the variant's doing: the variant's entry is selected.
	c.list.Select(1)
	if h.u.forms.cur.key != "variants" || h.u.model.Variants[h.u.forms.sel].ID != "ukraine-shut-out" {
		t.Errorf("the change selected %s #%d", h.u.forms.cur.key, h.u.forms.sel)
	}
}

func TestCompareSavedAndOtherFile(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	if err := os.WriteFile(path, assets.Example, 0o644); err != nil {
		t.Fatal(err)
	}
	h.openFile(path)
	// An unsaved edit: Europe gains a seat at the Riyadh talks as an observer.
	text := h.u.text() + "\n[[seats]]\ntrack = \"riyadh-talks\"\nactor = \"eu\"\nrole = \"observer\"\ncertainty = \"reported\"\nsources = [\"cnn-2025-02-16\"]\n"
	if !strings.Contains(text, "id = \"eu\"") {
		t.Skip("the example has no actor eu")
	}
	h.u.replaceText(text, true)
	h.drain()
	h.u.enterCompare()
	c := h.u.compare
	res := h.waitCompare(nil)
	c.sides[0].source.SetSelected(sourceSaved)
	c.sides[1].source.SetSelected(sourceText)
	c.sides[1].variant.SetSelected(baseVariant)
	res = h.waitCompare(res)
	for c.sides[0].source.Selected != sourceSaved || res.err != nil {
		res = h.waitCompare(res)
	}
	if got := rowTexts(c); len(got) < 2 || !strings.Contains(strings.Join(got, "\n"), "gains a seat: observer") {
		t.Errorf("saved file vs text:\n%s\n%v", strings.Join(got, "\n"), res.err)
	}
	// Another file that does not load: its error, naming it.
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("format = 1\n[[actors]\n"), 0o644)
	c.sides[0].other = bad
	c.sides[0].source.SetSelected(sourceOther) // the dialog opens
	if top := h.win.Canvas().Overlays().Top(); top == nil {
		t.Fatal("Another file… opened no dialog")
	}
	h.overlayButton("Cancel").OnTapped() // keeps the file picked before
	if got := c.sides[0].source.Selected; got != sourceFile+"bad.toml" {
		t.Errorf("after the dialog the old side's source is %q", got)
	}
	res = h.waitCompare(res)
	for res.err == nil {
		res = h.waitCompare(res)
	}
	if !strings.Contains(c.summary.Text, "bad.toml") || !strings.Contains(c.summary.Text, "does not load") {
		t.Errorf("a bad other file: %q", c.summary.Text)
	}
	// The good other file: the example as it was saved, against the text.
	good := filepath.Join(dir, "other.toml")
	os.WriteFile(good, assets.Example, 0o644)
	c.sides[0].other = good
	c.quiet = true
	c.sides[0].showOther()
	c.quiet = false
	c.run()
	res = h.waitCompare(res)
	if res.err != nil || !strings.Contains(strings.Join(rowTexts(c), "\n"), "gains a seat: observer") {
		t.Errorf("another file vs text: %v\n%s", res.err, strings.Join(rowTexts(c), "\n"))
	}
}
