package ui

import "fyne.io/fyne/v2"

// history is the undo stack: snapshots of the whole text, one per form edit
// and one per pause in typing, shared by the text and form views.
type history struct {
	snaps []string
	at    int // index of the current snapshot
}

// Limits of the history: the oldest snapshots go first.
const (
	maxUndoSteps = 500
	maxUndoBytes = 128 << 20
)

func newHistory() *history { return &history{snaps: []string{""}} }

// reset starts a new history at text (a file was opened).
func (h *history) reset(text string) {
	h.snaps = []string{text}
	h.at = 0
}

func (h *history) current() string { return h.snaps[h.at] }

// push records text as a new step after the current one, dropping the redo
// steps; the same text twice is one step.
func (h *history) push(text string) {
	if text == h.snaps[h.at] {
		return
	}
	h.snaps = append(h.snaps[:h.at+1], text)
	h.at++
	size := 0
	for _, s := range h.snaps {
		size += len(s)
	}
	for len(h.snaps) > 1 && (len(h.snaps) > maxUndoSteps || size > maxUndoBytes) {
		size -= len(h.snaps[0])
		h.snaps = h.snaps[1:]
		h.at--
	}
}

func (h *history) canUndo() bool { return h.at > 0 }
func (h *history) canRedo() bool { return h.at < len(h.snaps)-1 }

// undo steps back and returns the text there.
func (h *history) undo() (string, bool) {
	if !h.canUndo() {
		return "", false
	}
	h.at--
	return h.snaps[h.at], true
}

// redo steps forward and returns the text there.
func (h *history) redo() (string, bool) {
	if !h.canRedo() {
		return "", false
	}
	h.at++
	return h.snaps[h.at], true
}

// localUndoer is a text field whose undo and redo are its own typing, not
// the document's (the editor's find bar, the command palette): the menu's
// Undo and Redo, which Fyne gives the keys to first, pass them on to it.
type localUndoer interface {
	fyne.Shortcutable
	UndoesLocally()
}

// undo takes back the last edit, typed or made in the forms; a change in
// a form field not applied yet is applied first, so it is what is taken
// back.
func (u *App) undo() {
	if f, ok := u.win.Canvas().Focused().(localUndoer); ok {
		f.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	u.forms.commitPending()
	u.flushTyping()
	if t, ok := u.history.undo(); ok {
		u.replaceText(t, false)
	}
}

// redo makes the last undone edit again.
func (u *App) redo() {
	if f, ok := u.win.Canvas().Focused().(localUndoer); ok {
		f.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	u.forms.commitPending()
	u.flushTyping()
	if t, ok := u.history.redo(); ok {
		u.replaceText(t, false)
	}
}
