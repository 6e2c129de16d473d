package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// press gives a chord to the window as Fyne's desktop driver does: to the
// main menu first, then to the focused widget when it takes shortcuts,
// else to the canvas' shortcuts.
func (h *harness) press(s fyne.Shortcut) {
	h.t.Helper()
	var find func(items []*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
				return it
			}
			if it.ChildMenu != nil {
				if f := find(it.ChildMenu.Items); f != nil {
					return f
				}
			}
		}
		return nil
	}
	for _, m := range h.u.menu.Items {
		if it := find(m.Items); it != nil {
			it.Action()
			return
		}
	}
	if f, ok := h.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	h.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// key types a key as the driver does: to the focused widget, else to the
// canvas.
func (h *harness) key(name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := h.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	h.win.Canvas().OnTypedKey()(ev)
}

// typeKeys types text as the driver does: each character to whatever has
// the focus then.
func (h *harness) typeKeys(text string) {
	for _, r := range text {
		if f := h.win.Canvas().Focused(); f != nil {
			f.TypedRune(r)
		}
	}
}

func ctrl(k fyne.KeyName) fyne.Shortcut { return shortcut(k, false) }
func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return shortcut(k, true)
}

// TestTabKeys: Ctrl+1, 2 and 3 show the Text, Forms and Matrix tabs and
// put the focus there, whatever had it (here the editor, which takes
// shortcuts itself).
func TestTabKeys(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	c := h.win.Canvas()
	c.Focus(h.u.editor.ed)
	for i, k := range []fyne.KeyName{fyne.Key2, fyne.Key3, fyne.Key1} {
		want := []int{1, 2, 0}[i]
		h.press(ctrl(k))
		if got := h.u.tabs.SelectedIndex(); got != want {
			t.Errorf("Ctrl+%s shows tab %d, want %d", k, got, want)
		}
	}
	if c.Focused() != h.u.editor.ed {
		t.Error("Ctrl+1 does not put the focus in the editor")
	}
	h.press(ctrl(fyne.Key2))
	if c.Focused() != h.u.forms.list {
		t.Error("Ctrl+2 does not put the focus in the forms' list")
	}
}

// TestCommandPalette: Ctrl+Shift+P lists every menu command with its key;
// typing filters, Enter runs the chosen one; Escape closes it and gives
// the focus back.
func TestCommandPalette(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	c := h.win.Canvas()
	c.Focus(h.u.editor.ed)
	h.press(ctrlShift(fyne.KeyP))
	p := h.u.palette
	if p == nil || c.Focused() != p.filter {
		t.Fatal("the palette did not open with the focus in its filter")
	}
	labels := map[string]string{}
	for _, cmd := range p.all {
		labels[cmd.label] = cmd.keys
	}
	for label, keys := range map[string]string{
		"File › Save":                      "Ctrl+S",
		"File › Save As…":                  "Ctrl+Shift+S",
		"View › Matrix":                    "Ctrl+3",
		"View › Theme › Dark":              "",
		"Help › Scenario Format Reference": "",
		"Edit › Redo":                      "Ctrl+Y",
	} {
		got, ok := labels[label]
		if !ok || (keys != "" && !strings.Contains(got, strings.TrimPrefix(keys, "Ctrl+"))) {
			t.Errorf("the palette has %q: %v, keys %q (want %q)", label, ok, got, keys)
		}
	}
	test.Type(p.filter, "matr")
	if len(p.shown) != 1 || p.shown[0].label != "View › Matrix" {
		t.Fatalf("filtered to %v", p.shown)
	}
	p.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.u.tabs.SelectedIndex() != 2 || h.u.palette != nil {
		t.Errorf("Enter did not run View › Matrix (tab %d)", h.u.tabs.SelectedIndex())
	}
	// Escape closes it, giving the focus back.
	h.press(ctrl(fyne.Key1))
	h.press(ctrlShift(fyne.KeyP))
	h.u.palette.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.u.palette != nil || c.Focused() != h.u.editor.ed {
		t.Error("Escape did not close the palette and give the focus back")
	}
	// F10 opens it where the menu bar is not in the window (the test
	// driver has none), from the editor and from nothing.
	c.Focus(h.u.editor.ed)
	h.key(fyne.KeyF10)
	if h.u.palette == nil {
		t.Fatal("F10 in the editor did not open the palette")
	}
	h.u.palette.close(false)
	c.Unfocus()
	h.key(fyne.KeyF10)
	if h.u.palette == nil {
		t.Fatal("F10 did not open the palette")
	}
}

// TestRedoEverywhere: Ctrl+Shift+Z redoes as Ctrl+Y does, with the focus
// in the editor, in a form field, in the matrix, on the diagram or
// nowhere; Ctrl+Z undoes in each.
func TestRedoEverywhere(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	c := h.win.Canvas()
	selectEntry(h, "Actors", 0)
	h.drain()
	field := h.u.forms.widgets["name"]
	places := []struct {
		name  string
		focus func()
	}{
		{"the editor", func() { h.u.tabs.SelectIndex(0); c.Focus(h.u.editor.ed) }},
		{"a form field", func() { h.u.tabs.SelectIndex(1); c.Focus(field) }},
		{"the matrix", func() { h.u.tabs.SelectIndex(2); c.Focus(h.u.matrix.table) }},
		{"the diagram", func() { c.Focus(h.u.preview.view) }},
		{"nothing", func() { c.Unfocus() }},
	}
	for i, pl := range places {
		for _, redo := range []fyne.Shortcut{&fyne.ShortcutRedo{}, ctrlShift(fyne.KeyZ)} {
			h.u.flushTyping()
			before := h.u.text()
			edited := before + "# edit " + pl.name + "\n"
			h.u.replaceText(edited, true)
			pl.focus()
			h.press(&fyne.ShortcutUndo{})
			if h.u.text() != before {
				t.Errorf("%d: Ctrl+Z in %s did not undo", i, pl.name)
			}
			pl.focus()
			h.press(redo)
			if h.u.text() != edited {
				t.Errorf("%s in %s did not redo", shortcutText(redo), pl.name)
			}
		}
	}
}

// TestFocusOutOfTheEditor: Ctrl+Tab and Ctrl+Shift+Tab move the focus out
// of the editor (where Tab indents), and out of a multi-line form field.
func TestFocusOutOfTheEditor(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	c := h.win.Canvas()
	c.Focus(h.u.editor.ed)
	h.press(keyFocusNext)
	if c.Focused() == h.u.editor.ed || c.Focused() == nil {
		t.Errorf("Ctrl+Tab left the focus on %T", c.Focused())
	}
	c.Focus(h.u.editor.ed)
	h.press(keyFocusPrev)
	if c.Focused() == h.u.editor.ed || c.Focused() == nil {
		t.Errorf("Ctrl+Shift+Tab left the focus on %T", c.Focused())
	}
	selectEntry(h, "Actors", 0)
	note := h.u.forms.widgets["note"].(*formEntry)
	c.Focus(note)
	h.press(keyFocusNext)
	if c.Focused() == note {
		t.Error("Ctrl+Tab did not leave a multi-line field")
	}
	if !strings.Contains(h.u.keysHelp(), "Ctrl+Tab") || !strings.Contains(h.u.keysHelp(), "Escape, then Tab") {
		t.Error("Help › Keyboard Shortcuts does not say how to leave the editor")
	}
}

// TestDiagramKeys: the diagram takes the focus and pans and zooms by keys.
func TestDiagramKeys(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	v := h.u.preview.view
	h.win.Canvas().Focus(v)
	if !v.ring.Visible() {
		t.Error("no focus ring on the diagram")
	}
	z := v.currentZoom()
	for range 6 {
		v.TypedRune('+')
	}
	if v.currentZoom() <= z {
		t.Fatal("+ did not zoom in")
	}
	x, y := v.off.X, v.off.Y
	h.key(fyne.KeyRight)
	h.key(fyne.KeyDown)
	if v.off.X <= x || v.off.Y <= y {
		t.Errorf("the arrows did not pan: %v,%v → %v,%v", x, y, v.off.X, v.off.Y)
	}
	v.TypedRune('0')
	if !v.fitted {
		t.Error("0 did not fit")
	}
}

// TestMenuShortcutsDistinct: no two menu commands answer to the same keys
// (a second one would never run from the keyboard).
func TestMenuShortcutsDistinct(t *testing.T) {
	h := newHarness(t, nil)
	seen := map[string]string{}
	var walk func(prefix string, items []*fyne.MenuItem)
	walk = func(prefix string, items []*fyne.MenuItem) {
		for _, it := range items {
			label := prefix + " › " + it.Label
			if it.ChildMenu != nil {
				walk(label, it.ChildMenu.Items)
			}
			if it.Shortcut == nil {
				continue
			}
			keys := shortcutText(it.Shortcut)
			if other, ok := seen[keys]; ok {
				t.Errorf("%s and %s both answer to %s", other, label, keys)
			}
			seen[keys] = label
		}
	}
	for _, m := range h.u.menu.Items {
		walk(m.Label, m.Items)
	}
	if len(seen) < 10 {
		t.Errorf("only %d shortcuts found in the menu", len(seen))
	}
}
