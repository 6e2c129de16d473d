package editor

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// history is the editor's own undo stack, used when the app does not
// keep one (OnUndo is nil). Typing in a row is one step.
type history struct {
	done, undone []step
	last         time.Time
}

type step struct {
	edits         []Edit
	before, after [2]Pos // anchor and cursor
}

// maxSteps bounds the editor's own history.
const maxSteps = 1000

func (h *history) push(ed Edit, anc, cur Pos, merge bool) {
	now := time.Now()
	h.undone = nil
	if merge && len(h.done) > 0 && now.Sub(h.last) < 2*time.Second {
		s := &h.done[len(h.done)-1]
		s.edits = append(s.edits, ed)
		s.after = [2]Pos{ed.NewEnd(), ed.NewEnd()}
		h.last = now
		return
	}
	h.last = now
	h.done = append(h.done, step{edits: []Edit{ed}, before: [2]Pos{anc, cur}, after: [2]Pos{ed.NewEnd(), ed.NewEnd()}})
	if len(h.done) > maxSteps {
		h.done = h.done[1:]
	}
}

func (h *history) undo() (step, bool) {
	if len(h.done) == 0 {
		return step{}, false
	}
	s := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, s)
	h.last = time.Time{}
	return s, true
}

func (h *history) redo() (step, bool) {
	if len(h.undone) == 0 {
		return step{}, false
	}
	s := h.undone[len(h.undone)-1]
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, s)
	return s, true
}

// edit kinds, for merging typing into one undo step
const (
	editOther = iota
	editType
	editDelete
)

// userEdit replaces the selection (or a–z) with text as the user's edit:
// it goes into the history, to OnChanged, and the cursor ends after it.
func (e *Editor) userEdit(a, z Pos, text string, kind int) {
	anc, cur := e.anc, e.cur
	merge := kind != editOther && kind == e.lastKind && a == e.lastEnd && a.Line == z.Line &&
		!strings.Contains(text, "\n")
	if kind == editType && merge && text != "" && !isWordRune(firstRune(text)) && e.lastWasWord {
		merge = false // a new word starts a new undo step
	}
	e.mergeNext = merge
	ed := e.replace(a, z, text, true)
	e.hist.push(ed, anc, cur, merge)
	e.lastKind = kind
	e.lastEnd = ed.NewEnd()
	if kind == editDelete {
		e.lastEnd = ed.Start
	}
	e.lastWasWord = text != "" && isWordRune(firstRune(text))
	e.setCursor(ed.NewEnd(), false)
	e.goalCol = -1
	e.afterMove(true)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// insert types text over the selection.
func (e *Editor) insert(text string, kind int) {
	a, z := e.Selection()
	if a != z {
		kind = editOther
	}
	e.userEdit(a, z, text, kind)
}

// newline breaks the line at the cursor, keeping the line's indentation.
func (e *Editor) newline() {
	a, _ := e.Selection()
	line := e.buf.Line(a.Line)
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	if len(indent) > a.Col {
		indent = indent[:a.Col]
	}
	e.insert("\n"+indent, editOther)
}

// backspace deletes the selection or the character before the cursor.
func (e *Editor) backspace(word bool) {
	a, z := e.Selection()
	if a == z {
		if a == (Pos{}) {
			return
		}
		if word {
			a = e.wordLeft(a)
		} else {
			a = e.left(a)
		}
	}
	e.userEdit(a, z, "", editDelete)
}

// deleteForward deletes the selection or the character after the cursor.
func (e *Editor) deleteForward(word bool) {
	a, z := e.Selection()
	if a == z {
		if z == e.buf.End() {
			return
		}
		if word {
			z = e.wordRight(z)
		} else {
			z = e.right(z)
		}
	}
	e.userEdit(a, z, "", editOther)
}

// indentUnit is what Tab inserts: the scenario files indent by two spaces.
const indentUnit = "  "

// tab indents: at the cursor, or every selected line.
func (e *Editor) tab(outdent bool) {
	a, z := e.Selection()
	if a.Line == z.Line && !outdent {
		col := layoutOf(e.buf.Line(a.Line)).colOf(a.Col)
		e.insert(strings.Repeat(" ", len(indentUnit)-col%len(indentUnit)), editType)
		return
	}
	last := z.Line
	if z.Col == 0 && z.Line > a.Line {
		last--
	}
	var lines []string
	for i := a.Line; i <= last; i++ {
		l := e.buf.Line(i)
		switch {
		case !outdent && l != "":
			l = indentUnit + l
		case outdent:
			n := 0
			for n < len(indentUnit) && n < len(l) && (l[n] == ' ' || l[n] == '\t') {
				n++
				if l[n-1] == '\t' {
					break
				}
			}
			l = l[n:]
		}
		lines = append(lines, l)
	}
	from, to := Pos{a.Line, 0}, Pos{last, len(e.buf.Line(last))}
	text := strings.Join(lines, "\n")
	if text == e.buf.Slice(from, to) {
		return
	}
	e.userEdit(from, to, text, editOther)
	e.anc, e.cur = Pos{a.Line, 0}, Pos{last, len(e.buf.Line(last))}
	e.afterMove(true)
}

// toggleComment comments the selected lines out with "# ", or back in.
func (e *Editor) toggleComment() {
	a, z := e.Selection()
	last := z.Line
	if z.Col == 0 && z.Line > a.Line {
		last--
	}
	all := true
	for i := a.Line; i <= last; i++ {
		if t := strings.TrimSpace(e.buf.Line(i)); t != "" && !strings.HasPrefix(t, "#") {
			all = false
		}
	}
	var lines []string
	for i := a.Line; i <= last; i++ {
		l := e.buf.Line(i)
		ind := len(l) - len(strings.TrimLeft(l, " \t"))
		switch {
		case strings.TrimSpace(l) == "":
		case all:
			rest := strings.TrimPrefix(l[ind:], "#")
			l = l[:ind] + strings.TrimPrefix(rest, " ")
		default:
			l = l[:ind] + "# " + l[ind:]
		}
		lines = append(lines, l)
	}
	from, to := Pos{a.Line, 0}, Pos{last, len(e.buf.Line(last))}
	e.userEdit(from, to, strings.Join(lines, "\n"), editOther)
	e.anc, e.cur = from, Pos{last, len(e.buf.Line(last))}
	e.afterMove(true)
}

// copySelection puts the selection on the clipboard.
func (e *Editor) copySelection(c fyne.Clipboard) {
	if t := e.SelectedText(); t != "" && c != nil {
		c.SetContent(e.withEOL(t))
	}
}

// withEOL gives copied text the file's line ends.
func (e *Editor) withEOL(t string) string {
	if e.buf.crlf {
		return strings.ReplaceAll(t, "\n", "\r\n")
	}
	return t
}

func (e *Editor) cut(c fyne.Clipboard) {
	a, z := e.Selection()
	if a == z || c == nil {
		return
	}
	e.copySelection(c)
	e.userEdit(a, z, "", editOther)
}

func (e *Editor) paste(c fyne.Clipboard) {
	if c == nil {
		return
	}
	if t := c.Content(); t != "" {
		e.insert(t, editOther)
	}
}

func isWordRune(r rune) bool {
	return r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
