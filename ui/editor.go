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
	// pending is text not yet put in the entry because the Text tab is
	// hidden: Fyne's Entry takes time quadratic in the number of lines to
	// take a new text (about 10 s for 12,000 lines), so form and matrix
	// edits of a long file must not wait for it.
	pending *string
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

// setText replaces the editor's text without treating it as typing; while
// the Text tab is hidden it only notes the text for later.
func (p *editorPanel) setText(text string) {
	if p.u.tabs != nil && p.u.tabs.SelectedIndex() != 0 {
		p.pending = &text
		return
	}
	p.pending = nil
	if p.entry.Text == text {
		return
	}
	p.quiet = true
	p.entry.SetText(text)
	p.quiet = false
}

// shown puts a pending text in the entry (the Text tab was selected).
func (p *editorPanel) shown() {
	if t := p.pending; t != nil {
		p.setText(*t)
	}
}

// longText is the number of lines from which a file opens on the Forms
// tab, not the Text tab, so that it opens at once (see pending).
const longText = 3000

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
