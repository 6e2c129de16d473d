package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// editorPanel is the Text tab: the scenario's TOML in a monospace editor.
type editorPanel struct {
	u       *App
	entry   *codeEntry
	content fyne.CanvasObject
	quiet   bool // set while the text is replaced from code
}

func newEditorPanel(u *App) *editorPanel {
	p := &editorPanel{u: u}
	p.entry = newCodeEntry(u)
	p.entry.OnChanged = func(text string) {
		if !p.quiet {
			u.typed(text)
		}
	}
	p.content = p.entry
	return p
}

// setText replaces the editor's text without treating it as typing.
func (p *editorPanel) setText(text string) {
	if p.entry.Text == text {
		return
	}
	p.quiet = true
	p.entry.SetText(text)
	p.quiet = false
}

// gotoLine puts the cursor at a 1-based line and column, scrolls it into
// view and focuses the editor.
func (p *editorPanel) gotoLine(line, col int) {
	if line < 1 {
		return
	}
	p.u.tabs.SelectIndex(0)
	p.entry.CursorRow = line - 1
	p.entry.CursorColumn = max(col-1, 0)
	p.entry.Refresh()
	if c := p.u.win.Canvas(); c != nil {
		c.Focus(p.entry)
	}
}

// codeEntry is a multi-line monospace Entry whose undo and redo are the
// window's (so they cover the forms too) rather than the Entry's own.
type codeEntry struct {
	widget.Entry
	u *App
}

func newCodeEntry(u *App) *codeEntry {
	e := &codeEntry{u: u}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapOff
	e.TextStyle = fyne.TextStyle{Monospace: true}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut sends undo and redo to the window's history.
func (e *codeEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutUndo:
		e.u.undo()
		return
	case *fyne.ShortcutRedo:
		e.u.redo()
		return
	}
	e.Entry.TypedShortcut(s)
}
