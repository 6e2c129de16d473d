package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestOnKey: an app's window-wide key (F10) reaches OnKey first, and a key
// it takes does nothing more in the editor; the others are the editor's.
func TestOnKey(t *testing.T) {
	e, _ := newTestEditor(t, "a = 1\n")
	var got []fyne.KeyName
	e.OnKey = func(k *fyne.KeyEvent) bool {
		got = append(got, k.Name)
		return k.Name == fyne.KeyF10
	}
	key(e, fyne.KeyF10)
	key(e, fyne.KeyEnd)
	if len(got) != 2 || got[0] != fyne.KeyF10 {
		t.Errorf("OnKey saw %v", got)
	}
	if e.Cursor() != (Pos{0, 5}) {
		t.Errorf("End did not reach the editor: cursor %v", e.Cursor())
	}
}

// TestFindFieldRedo: in the find bar, Ctrl+Shift+Z redoes the field's
// typing as Ctrl+Y does.
func TestFindFieldRedo(t *testing.T) {
	e, w := newTestEditor(t, "alpha beta\n")
	e.ShowFind(false)
	q := e.bar.query
	w.Canvas().Focus(q)
	test.Type(q, "be")
	q.TypedShortcut(&fyne.ShortcutUndo{})
	if q.Text == "be" {
		t.Fatal("undo did nothing in the find field")
	}
	before := q.Text
	q.TypedShortcut(shortcutZ())
	if q.Text == before || q.Text != "be" {
		t.Errorf("Ctrl+Shift+Z in the find field: %q (before %q)", q.Text, before)
	}
}

// shortcutZ is Ctrl+Shift+Z (Cmd on macOS).
func shortcutZ() fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}
