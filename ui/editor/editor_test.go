package editor

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestEditor puts an editor with text in a test window.
func newTestEditor(t testing.TB, text string) (*Editor, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	_ = a
	e := New()
	e.Reset(text)
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(600, 400))
	w.Canvas().Focus(e)
	return e, w
}

func key(e *Editor, k fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: k}) }

func shiftKey(e *Editor, k fyne.KeyName) {
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(e, k)
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func ctrl(e *Editor, k fyne.KeyName, shift bool) {
	m := fyne.KeyModifierShortcutDefault
	if shift {
		m |= fyne.KeyModifierShift
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m})
}

func TestTypingAndKeys(t *testing.T) {
	e, _ := newTestEditor(t, "[[actors]]\n  id = \"usa\"\n")
	e.GotoLine(2, 100) // the end of line 2
	if e.Cursor() != (Pos{1, 12}) {
		t.Fatalf("cursor at %v", e.Cursor())
	}
	key(e, fyne.KeyReturn)
	test.Type(e, `name = "United States"`)
	if got := e.Line(2); got != `  name = "United States"` {
		t.Errorf("Enter did not keep the indentation: %q", got)
	}
	// Backspace, Home (smart), End
	key(e, fyne.KeyBackspace)
	key(e, fyne.KeyHome)
	if e.Cursor().Col != 2 {
		t.Errorf("Home went to %v, not to the first non-blank", e.Cursor())
	}
	key(e, fyne.KeyHome)
	if e.Cursor().Col != 0 {
		t.Errorf("Home twice went to %v, not to the line start", e.Cursor())
	}
	key(e, fyne.KeyEnd)
	test.Type(e, `"`)
	if got := e.Line(2); got != `  name = "United States"` {
		t.Errorf("line %q", got)
	}
	// Delete joins lines at a line end
	e.GotoLine(1, 11)
	key(e, fyne.KeyDelete)
	if !strings.HasPrefix(e.Text(), "[[actors]]  id") {
		t.Errorf("Delete at the line end: %q", e.Text())
	}
	ctrl(e, fyne.KeyZ, false)
	if e.Line(1) != `  id = "usa"` {
		t.Errorf("undo did not restore the line: %q", e.Text())
	}
	// undo takes typing back by steps, redo puts it back
	before := e.Text()
	e.GotoLine(4, 1)
	test.Type(e, "x = 1")
	ctrl(e, fyne.KeyZ, false)
	if e.Line(3) != "x" {
		t.Errorf("undo takes typing back a word at a time; left %q", e.Line(3))
	}
	ctrl(e, fyne.KeyZ, false)
	if e.Text() != before {
		t.Errorf("undo of typing left %q", e.Text())
	}
	ctrl(e, fyne.KeyZ, true)
	ctrl(e, fyne.KeyY, false)
	if !strings.Contains(e.Text(), "x = 1") {
		t.Errorf("Ctrl+Shift+Z and Ctrl+Y did not redo: %q", e.Text())
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	e.TypedShortcut(&fyne.ShortcutRedo{})
	if !strings.Contains(e.Text(), "x = 1") {
		t.Errorf("ShortcutRedo did not redo: %q", e.Text())
	}
}

func TestSelectionAndClipboard(t *testing.T) {
	e, w := newTestEditor(t, "alpha beta gamma\nsecond line\n")
	cb := w.Clipboard()
	e.GotoLine(1, 1)
	ctrl(e, fyne.KeyRight, true) // Ctrl+Shift+Right: a word
	if got := e.SelectedText(); got != "alpha" {
		t.Errorf("Ctrl+Shift+Right selected %q", got)
	}
	shiftKey(e, fyne.KeyRight)
	shiftKey(e, fyne.KeyDown)
	if got := e.SelectedText(); got != "alpha beta gamma\nsecond" {
		t.Errorf("Shift+Right, Shift+Down selected %q", got)
	}
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.Content() != "alpha beta gamma\nsecond" {
		t.Errorf("copied %q", cb.Content())
	}
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	if e.Text() != " line\n" {
		t.Errorf("after cut: %q", e.Text())
	}
	key(e, fyne.KeyEnd)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if e.Text() != " linealpha beta gamma\nsecond\n" {
		t.Errorf("after paste: %q", e.Text())
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.SelectedText() != e.Text() {
		t.Error("select all")
	}
	key(e, fyne.KeyEscape)
	if e.SelectedText() != "" {
		t.Error("Escape kept the selection")
	}
}

func TestMouse(t *testing.T) {
	e, _ := newTestEditor(t, "first = \"one\"\nsecond = 2\nthird = 3\n")
	at := func(line, col int) *desktop.MouseEvent {
		return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(e.padX()+(float32(col)+0.2)*e.cw, (float32(line)+0.5)*e.lh)}, Button: desktop.MouseButtonPrimary}
	}
	e.view.MouseDown(at(1, 3))
	e.view.MouseUp(at(1, 3))
	if e.Cursor() != (Pos{1, 3}) {
		t.Errorf("click put the cursor at %v", e.Cursor())
	}
	e.view.Dragged(&fyne.DragEvent{PointEvent: at(2, 5).PointEvent})
	if got := e.SelectedText(); got != "ond = 2\nthird" {
		t.Errorf("drag selected %q", got)
	}
	e.lastClick = e.lastClick.Add(-time.Second) // a new click, not a double one
	e.view.MouseDown(at(0, 1))
	e.view.MouseDown(at(0, 1))
	if got := e.SelectedText(); got != "first" {
		t.Errorf("double click selected %q", got)
	}
	e.view.MouseDown(at(0, 1))
	if got := e.SelectedText(); got != "first = \"one\"\n" {
		t.Errorf("triple click selected %q", got)
	}
}
