package editor

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Keyboard: what each key does is listed in the package comment.

func (e *Editor) left(p Pos) Pos {
	if p.Col == 0 {
		if p.Line == 0 {
			return p
		}
		return Pos{p.Line - 1, len(e.buf.Line(p.Line - 1))}
	}
	return Pos{p.Line, layoutOf(e.buf.Line(p.Line)).prev(p.Col)}
}

func (e *Editor) right(p Pos) Pos {
	l := e.buf.Line(p.Line)
	if p.Col >= len(l) {
		if p.Line+1 >= e.buf.LineCount() {
			return p
		}
		return Pos{p.Line + 1, 0}
	}
	return Pos{p.Line, layoutOf(l).next(p.Col)}
}

// class sorts characters for word moves: spaces, word characters,
// punctuation.
func class(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return 0
	case isWordRune(r):
		return 1
	}
	return 2
}

// wordLeft moves to the start of the word before p (over spaces first).
func (e *Editor) wordLeft(p Pos) Pos {
	if p.Col == 0 {
		return e.left(p)
	}
	l := e.buf.Line(p.Line)
	i := p.Col
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(l[:i])
		if class(r) != 0 {
			break
		}
		i -= n
	}
	if i == 0 {
		return Pos{p.Line, 0}
	}
	r, _ := utf8.DecodeLastRuneInString(l[:i])
	c := class(r)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(l[:i])
		if class(r) != c {
			break
		}
		i -= n
	}
	return Pos{p.Line, layoutOf(l).snap(i)}
}

// wordRight moves to the end of the word after p (over spaces first).
func (e *Editor) wordRight(p Pos) Pos {
	l := e.buf.Line(p.Line)
	if p.Col >= len(l) {
		return e.right(p)
	}
	i := p.Col
	for i < len(l) {
		r, n := utf8.DecodeRuneInString(l[i:])
		if class(r) != 0 {
			break
		}
		i += n
	}
	if i < len(l) {
		r, _ := utf8.DecodeRuneInString(l[i:])
		c := class(r)
		for i < len(l) {
			r, n := utf8.DecodeRuneInString(l[i:])
			if class(r) != c {
				break
			}
			i += n
		}
	}
	lo := layoutOf(l)
	if s := lo.snap(i); s < i {
		i = lo.next(s)
	}
	return Pos{p.Line, i}
}

// wordAt is the word (or run of spaces or punctuation) around p.
func (e *Editor) wordAt(p Pos) (Pos, Pos) {
	l := e.buf.Line(p.Line)
	if l == "" {
		return p, p
	}
	i := min(p.Col, len(l))
	if i == len(l) {
		_, n := utf8.DecodeLastRuneInString(l)
		i -= n
	}
	r, _ := utf8.DecodeRuneInString(l[i:])
	c := class(r)
	a, z := i, i
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(l[:a])
		if class(r) != c {
			break
		}
		a -= n
	}
	for z < len(l) {
		r, n := utf8.DecodeRuneInString(l[z:])
		if class(r) != c {
			break
		}
		z += n
	}
	lo := layoutOf(l)
	a = lo.snap(a)
	if s := lo.snap(z); s < z {
		z = lo.next(s)
	}
	return Pos{p.Line, a}, Pos{p.Line, z}
}

// vertical moves the cursor n lines down (up when negative), keeping its
// column.
func (e *Editor) vertical(n int, extend bool) {
	lo := layoutOf(e.buf.Line(e.cur.Line))
	if e.goalCol < 0 {
		e.goalCol = lo.colOf(e.cur.Col)
	}
	goal := e.goalCol
	i := e.cur.Line + n
	switch {
	case i < 0:
		e.setCursor(Pos{}, extend)
	case i >= e.buf.LineCount():
		e.setCursor(e.buf.End(), extend)
	default:
		e.setCursor(Pos{i, layoutOf(e.buf.Line(i)).offAtCol(goal)}, extend)
	}
	e.goalCol = goal
}

// home goes to the first non-space character, or to the line start when
// already there (smart home).
func (e *Editor) home(extend bool) {
	l := e.buf.Line(e.cur.Line)
	ind := 0
	for ind < len(l) && (l[ind] == ' ' || l[ind] == '\t') {
		ind++
	}
	col := ind
	if e.cur.Col == ind {
		col = 0
	}
	e.setCursor(Pos{e.cur.Line, col}, extend)
}

// move runs a cursor move and shows the result.
func (e *Editor) move(f func(), extend bool) {
	keepGoal := e.goalCol
	f()
	if keepGoal == e.goalCol {
		e.goalCol = -1
	}
	e.lastKind = editOther
	e.comp.hide()
	e.afterMove(true)
}

// TypedRune is part of fyne.Focusable: it types r.
func (e *Editor) TypedRune(r rune) {
	if r == '\n' { // not sent by a keyboard, but by test.Type and input methods
		e.newline()
		return
	}
	if r < 0x20 && r != '\t' || r == 0x7f {
		return
	}
	e.insert(string(r), editType)
	e.comp.typed(r)
}

// TypedKey is part of fyne.Focusable.
func (e *Editor) TypedKey(k *fyne.KeyEvent) {
	if e.comp.key(k.Name) {
		return
	}
	if e.OnKey != nil && e.OnKey(k) {
		return
	}
	sh := e.shift
	switch k.Name {
	case fyne.KeyLeft:
		e.move(func() {
			if a, z := e.Selection(); a != z && !sh {
				e.setCursor(a, false)
				return
			}
			e.setCursor(e.left(e.cur), sh)
		}, sh)
	case fyne.KeyRight:
		e.move(func() {
			if a, z := e.Selection(); a != z && !sh {
				e.setCursor(z, false)
				return
			}
			e.setCursor(e.right(e.cur), sh)
		}, sh)
	case fyne.KeyUp:
		e.move(func() { e.vertical(-1, sh) }, sh)
	case fyne.KeyDown:
		e.move(func() { e.vertical(1, sh) }, sh)
	case fyne.KeyPageUp:
		e.page(-1, sh)
	case fyne.KeyPageDown:
		e.page(1, sh)
	case fyne.KeyHome:
		e.move(func() { e.home(sh) }, sh)
	case fyne.KeyEnd:
		e.move(func() { e.setCursor(Pos{e.cur.Line, len(e.buf.Line(e.cur.Line))}, sh) }, sh)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.newline()
	case fyne.KeyBackspace:
		e.backspace(false)
	case fyne.KeyDelete:
		e.deleteForward(false)
	case fyne.KeyTab:
		e.tab(sh)
	case fyne.KeyEscape:
		e.escape()
	case fyne.KeyF3:
		e.bar.step(!sh)
	}
}

// escape closes what is open, nearest first: the completion list, the
// find bar, the selection; with nothing open the next Tab leaves the
// editor.
func (e *Editor) escape() {
	switch {
	case e.comp.visible():
		e.comp.hide()
	case e.bar.Visible():
		e.bar.close()
	case e.anc != e.cur:
		e.anc = e.cur
		e.Refresh()
	default:
		e.tabOut = true
	}
}

// page moves the cursor and the view by a page.
func (e *Editor) page(dir int, extend bool) {
	n := e.pageLines() * dir
	e.scrollTo(e.scrollX, e.scrollY+float32(n)*e.lh)
	e.move(func() { e.vertical(n, extend) }, extend)
}

// AcceptsTab is part of fyne.Tabbable: Tab indents, except just after
// Escape, when it moves the focus on as usual.
func (e *Editor) AcceptsTab() bool { return !e.tabOut }

// KeyDown is part of desktop.Keyable: it tracks Shift for selections.
func (e *Editor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
}

// KeyUp is part of desktop.Keyable.
func (e *Editor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
}

// TypedShortcut is part of fyne.Shortcutable.
func (e *Editor) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		e.copySelection(s.Clipboard)
	case *fyne.ShortcutCut:
		e.cut(s.Clipboard)
	case *fyne.ShortcutPaste:
		e.paste(s.Clipboard)
	case *fyne.ShortcutSelectAll:
		e.anc, e.cur = Pos{}, e.buf.End()
		e.afterMove(false)
	case *fyne.ShortcutUndo:
		e.undoKey()
	case *fyne.ShortcutRedo:
		e.redoKey()
	case *desktop.CustomShortcut:
		e.customShortcut(s)
	}
}

func (e *Editor) undoKey() {
	e.comp.hide()
	if e.OnUndo != nil {
		e.OnUndo()
		return
	}
	e.Undo()
}

func (e *Editor) redoKey() {
	e.comp.hide()
	if e.OnRedo != nil {
		e.OnRedo()
		return
	}
	e.Redo()
}

const (
	modShortcut = fyne.KeyModifierShortcutDefault
	modShift    = fyne.KeyModifierShift
)

func (e *Editor) customShortcut(s *desktop.CustomShortcut) {
	m := s.Modifier
	sh := m&modShift != 0
	base := m &^ modShift
	word := base == fyne.KeyModifierControl || base == fyne.KeyModifierAlt // Alt on macOS
	lineEnds := base == fyne.KeyModifierSuper                              // Cmd+arrows on macOS
	switch {
	case word && s.KeyName == fyne.KeyLeft:
		e.move(func() { e.setCursor(e.wordLeft(e.cur), sh) }, sh)
	case word && s.KeyName == fyne.KeyRight:
		e.move(func() { e.setCursor(e.wordRight(e.cur), sh) }, sh)
	case lineEnds && s.KeyName == fyne.KeyLeft:
		e.move(func() { e.home(sh) }, sh)
	case lineEnds && s.KeyName == fyne.KeyRight:
		e.move(func() { e.setCursor(Pos{e.cur.Line, len(e.buf.Line(e.cur.Line))}, sh) }, sh)
	case base == modShortcut && (s.KeyName == fyne.KeyHome || s.KeyName == fyne.KeyUp):
		e.move(func() { e.setCursor(Pos{}, sh) }, sh)
	case base == modShortcut && (s.KeyName == fyne.KeyEnd || s.KeyName == fyne.KeyDown):
		e.move(func() { e.setCursor(e.buf.End(), sh) }, sh)
	case word && s.KeyName == fyne.KeyBackspace:
		e.backspace(true)
	case word && s.KeyName == fyne.KeyDelete:
		e.deleteForward(true)
	case base == fyne.KeyModifierControl && s.KeyName == fyne.KeyTab:
		e.focusAway(sh)
	case base == modShortcut && s.KeyName == fyne.KeyZ && sh:
		e.redoKey()
	case base == modShortcut && s.KeyName == fyne.KeyZ:
		e.undoKey()
	case base == modShortcut && s.KeyName == fyne.KeyY:
		e.redoKey()
	case base == modShortcut && s.KeyName == fyne.KeyF:
		e.ShowFind(false)
	case base == modShortcut && s.KeyName == fyne.KeyH:
		e.ShowFind(true)
	case base == modShortcut && (s.KeyName == fyne.KeyG || s.KeyName == fyne.KeyL):
		e.ShowGotoLine()
	case base == modShortcut && s.KeyName == fyne.KeySlash:
		e.toggleComment()
	case base == fyne.KeyModifierControl && s.KeyName == fyne.KeySpace:
		e.comp.open(true)
	case m == modShortcut && s.KeyName == fyne.KeyA:
		e.anc, e.cur = Pos{}, e.buf.End()
		e.afterMove(false)
	}
}

// focusAway moves the keyboard focus to the next (or previous) widget.
func (e *Editor) focusAway(back bool) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	type focuser interface {
		FocusNext()
		FocusPrevious()
	}
	if f, ok := c.(focuser); ok {
		if back {
			f.FocusPrevious()
		} else {
			f.FocusNext()
		}
	}
}

// FocusGained is part of fyne.Focusable.
func (e *Editor) FocusGained() {
	e.focused = true
	e.Refresh()
}

// FocusLost is part of fyne.Focusable.
func (e *Editor) FocusLost() {
	e.focused = false
	e.shift = false
	e.comp.hide()
	e.Refresh()
}
