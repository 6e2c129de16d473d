package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// editorPanel is the Text tab: the scenario's TOML in a monospace editor.
// For a file of more than longText lines the tab shows instead why it is
// off, with a button that loads the text anyway.
type editorPanel struct {
	u       *App
	entry   *codeEntry
	content fyne.CanvasObject
	quiet   bool // set while the text is replaced from code

	notice     *fyne.Container // shown instead of the entry for a long file
	noticeText *widget.Label
	showAnyway *widget.Button
	long       bool // the text is long and the entry is off
	forced     bool // the user asked for the long text anyway
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
	title := widget.NewLabel("The Text tab is off for this file")
	title.TextStyle = fyne.TextStyle{Bold: true}
	p.noticeText = widget.NewLabel("")
	p.noticeText.Wrapping = fyne.TextWrapWord
	p.showAnyway = widget.NewButtonWithIcon("Show the text anyway (slow)", theme.DocumentIcon(), p.forceShow)
	p.notice = container.NewVBox(title, p.noticeText, container.NewHBox(p.showAnyway))
	p.notice.Hide()
	p.content = container.NewStack(p.entry, container.NewPadded(p.notice))
	return p
}

// reset starts a new document: a long one gets the notice again.
func (p *editorPanel) reset() { p.forced = false }

// isLong reports whether text has too many lines for the Entry.
func isLong(text string) bool { return strings.Count(text, "\n") > longText }

// forceShow loads a long text into the entry, as the user asked.
func (p *editorPanel) forceShow() {
	p.forced = true
	text := p.u.doc.text
	p.u.setStatus("Loading the text into the Text tab…")
	p.setText(text)
	p.u.updateStatus()
}

// showLong turns the entry off (or back on) and says why.
func (p *editorPanel) showLong(long bool, text string) {
	p.long = long
	if !long {
		p.notice.Hide()
		p.entry.Show()
		return
	}
	p.noticeText.SetText(fmt.Sprintf("%s has %s lines. Parley's text editor becomes too slow for files "+
		"of more than %s lines (seconds for each change), so this file is edited in the Forms and Matrix "+
		"tabs, which work as usual, or in your own text editor: Parley reloads the file when it changes "+
		"on disk. The problems list still gives line numbers.",
		p.u.doc.name, thousands(strings.Count(text, "\n")+1), thousands(longText)))
	p.quiet = true
	p.entry.SetText("") // no stale text behind the notice
	p.quiet = false
	p.entry.Hide()
	p.notice.Show()
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// setText replaces the editor's text without treating it as typing; while
// the Text tab is hidden, or the text is too long for it, it only notes
// the text for later.
func (p *editorPanel) setText(text string) {
	long := isLong(text) && !p.forced
	if long != p.long {
		p.showLong(long, text)
	}
	if long || (p.u.tabs != nil && p.u.tabs.SelectedIndex() != 0) {
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
	if p.long {
		p.u.setStatus(fmt.Sprintf("That problem is on line %d (the Text tab is off for this long file)", line))
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
