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

// typeInto focuses a form field as a click or Tab does and types text
// over what it holds.
func typeInto(h *harness, e *formEntry, text string) {
	h.win.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

// TestFormEditNeverLost: a change typed in a field is applied on Enter,
// when another entry is selected, when another tab is shown and before
// saving; one that cannot be applied asks, and "Go back to it" keeps it.
func TestFormEditNeverLost(t *testing.T) {
	h := newHarness(t, nil)
	path := filepath.Join(t.TempDir(), "s.toml")
	os.WriteFile(path, assets.Example, 0o644)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.settle("the model", func() bool { return h.u.model != nil })
	f := h.u.forms
	name := func(i int) string { return loadText(t, h.u.text()).Actors[i].Name }

	// Enter applies.
	selectEntry(h, "Actors", 0)
	typeInto(h, f.widgets["name"].(*formEntry), "By Enter")
	f.widgets["name"].(*formEntry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if name(0) != "By Enter" {
		t.Errorf("Enter did not apply: %q", name(0))
	}
	// Selecting another entry applies (the click takes the focus first).
	typeInto(h, f.widgets["name"].(*formEntry), "By selecting another")
	h.win.Canvas().Unfocus()
	f.list.Select(1)
	if name(0) != "By selecting another" || f.sel != 1 {
		t.Errorf("selecting another actor lost the edit: %q", name(0))
	}
	// Even without the focus leaving first (a keyboard selection).
	typeInto(h, f.widgets["name"].(*formEntry), "Selected by keys")
	f.list.Select(2)
	if name(1) != "Selected by keys" {
		t.Errorf("selecting by keys lost the edit: %q", name(1))
	}
	// Another tab applies.
	typeInto(h, f.widgets["name"].(*formEntry), "By another tab")
	h.u.tabs.SelectIndex(0)
	if name(2) != "By another tab" {
		t.Errorf("switching tabs lost the edit: %q", name(2))
	}
	// Saving applies first, and saves it.
	h.u.tabs.SelectIndex(1)
	typeInto(h, f.widgets["name"].(*formEntry), "Saved")
	h.press(ctrl(fyne.KeyS))
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), `name = "Saved"`) || h.u.doc.dirty() {
		t.Error("Save did not save the change in the field")
	}

	// A date that does not exist cannot be applied: selecting another
	// entry asks; going back keeps the text and the entry.
	selectEntry(h, "Tracks", 0)
	start := f.widgets["start"].(*formEntry)
	typeInto(h, start, "2025-02-30")
	before := h.u.text()
	f.list.Select(1)
	if f.asked == nil {
		t.Fatal("no question about a change that cannot be applied")
	}
	test.Tap(h.overlayButton("Go back to it"))
	if f.sel != 0 || f.widgets["start"].(*formEntry).Text != "2025-02-30" || h.u.text() != before {
		t.Errorf("going back: selected %d, field %q", f.sel, f.widgets["start"].(*formEntry).Text)
	}
	if h.win.Canvas().Focused() != f.widgets["start"] {
		t.Error("going back does not put the focus in the field")
	}
	// Leaving the field keeps it there, and says why.
	h.win.Canvas().Unfocus()
	if f.widgets["start"].(*formEntry).Text != "2025-02-30" || !strings.Contains(f.note.Text, "February has 28 days") {
		t.Errorf("leaving a wrong field: %q, note %q", f.widgets["start"].(*formEntry).Text, f.note.Text)
	}
	// Closing the window asks too; discarding goes on (to the usual
	// question about unsaved changes, here none).
	h.u.closeRequested()
	test.Tap(h.overlayButton("Discard it"))
	if h.u.text() != before {
		t.Error("discarding changed the text")
	}
}

// TestFormEscapeAndRebuild: Escape takes back what was typed; a scenario
// that loads while a field holds a change (the result of the field
// before) keeps that change and the focus.
func TestFormEscapeAndRebuild(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	f := h.u.forms
	selectEntry(h, "Actors", 0)
	nameField := f.widgets["name"].(*formEntry)
	old := nameField.Text
	typeInto(h, nameField, "Oops")
	nameField.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if nameField.Text != old {
		t.Errorf("Escape left %q", nameField.Text)
	}
	// Apply the short name, then type in the note while the scenario
	// loads again.
	typeInto(h, f.widgets["short"].(*formEntry), "XX")
	typeInto(h, f.widgets["note"].(*formEntry), "typed meanwhile")
	h.drain() // the text after the short name loads; the form is made again
	h.u.loaded(h.u.text(), loadText(t, h.u.text()), nil)
	note := f.widgets["note"].(*formEntry)
	if note.Text != "typed meanwhile" || h.win.Canvas().Focused() != note {
		t.Errorf("the form made again lost the note being typed: %q, focus %T", note.Text, h.win.Canvas().Focused())
	}
	if loadText(t, h.u.text()).Actors[0].Short != "XX" {
		t.Error("leaving the short name did not apply it")
	}
}

// TestPickerTypeAhead: a reference picker shows "id — name"; typing
// filters by id or name, Enter chooses, and the choice applies.
func TestPickerTypeAhead(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	f := h.u.forms
	s := h.u.model
	i := -1
	for k, a := range s.Actors {
		if a.Represents != "" {
			i = k
			break
		}
	}
	selectEntry(h, "Actors", i)
	rep := f.widgets["represents"].(*picker)
	if !strings.Contains(rep.Text, " — ") {
		t.Errorf("the picker shows %q, not id — name", rep.Text)
	}
	h.win.Canvas().Focus(rep)
	rep.SetText("")
	h.typeKeys("ukra") // as the driver does: to whatever has the focus, the pop-up's too
	if rep.Text != "ukra" {
		t.Fatalf("the picker got %q of the keys typed", rep.Text)
	}
	if len(rep.shown) == 0 || !rep.popupOpen() {
		t.Fatal("typing shows no choices")
	}
	for _, c := range rep.shown {
		if !strings.Contains(strings.ToLower(c.label), "ukra") {
			t.Errorf("%q does not match what was typed", c.label)
		}
	}
	want := rep.shown[0].value
	h.key(fyne.KeyReturn)
	if got := loadText(t, h.u.text()).Actors[i].Represents; got != rep.Selected() || rep.popupOpen() {
		t.Errorf("Enter chose %q; the file says %q (wanted %q)", rep.Selected(), got, want)
	}
	// Typing something that is no choice and leaving goes back.
	h.win.Canvas().Focus(rep)
	rep.SetText("nobody at all")
	h.win.Canvas().Unfocus()
	if rep.Text != rep.labelOf(rep.Selected()) {
		t.Errorf("a wrong name stayed: %q", rep.Text)
	}
	// Down opens the whole list; Up/Down move; the enum pickers work alike.
	kind := f.widgets["kind"].(*picker)
	h.win.Canvas().Focus(kind)
	h.key(fyne.KeyDown)
	if len(kind.shown) != len(kind.choices) {
		t.Errorf("Down shows %d of %d kinds", len(kind.shown), len(kind.choices))
	}
	h.key(fyne.KeyDown)
	h.key(fyne.KeyEscape)
	if kind.popupOpen() || kind.Text != kind.labelOf(kind.Selected()) {
		t.Errorf("Escape left the list open or the text %q", kind.Text)
	}
}

// TestNestedListAfterRebuild: a membership added in its dialog is applied
// even when the form was made again while the dialog was open (the field
// left before it applied, and its scenario loaded meanwhile).
func TestNestedListAfterRebuild(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	f := h.u.forms
	s := h.u.model
	i := -1
	for k, a := range s.Actors {
		if a.Kind == "state" && len(a.Memberships) == 0 {
			i = k
			break
		}
	}
	if i < 0 {
		t.Skip("no state without memberships in the example")
	}
	selectEntry(h, "Actors", i)
	typeInto(h, f.widgets["short"].(*formEntry), "ZZ")
	l := f.editor.lists["memberships"]
	test.Tap(l.add) // the click takes the focus: the short name applies
	h.drain()       // its scenario loads: the form is made again
	h.u.loaded(h.u.text(), loadText(t, h.u.text()), nil)
	if f.editor.lists["memberships"] == l {
		t.Fatal("the form was not made again")
	}
	l.sub.widgets["of"].(*picker).choose("nato")
	test.Tap(l.done)
	a := loadText(t, h.u.text()).Actors[i]
	if a.Short != "ZZ" || len(a.Memberships) != 1 || a.Memberships[0].Of != "nato" {
		t.Errorf("after the dialog: short %q, memberships %+v", a.Short, a.Memberships)
	}
}

// TestRevertEntry: Revert puts the entry back as it was when selected, as
// one undo step.
func TestRevertEntry(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	f := h.u.forms
	selectEntry(h, "Actors", 0)
	orig := h.u.text()
	typeInto(h, f.widgets["name"].(*formEntry), "Changed")
	h.key(fyne.KeyReturn)
	typeInto(h, f.widgets["short"].(*formEntry), "CH")
	test.Tap(f.revert)
	if h.u.text() != orig {
		t.Errorf("Revert did not bring the entry back:\n%s", h.u.text())
	}
	if f.widgets["name"].(*formEntry).Text != h.u.model.Actors[0].Name {
		t.Error("the form does not show the reverted entry")
	}
}
