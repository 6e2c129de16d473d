package editor

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// match is one find match: bytes start–end of a line.
type match struct {
	line, start, end int
	current          bool
}

// findBar is the bar above the text for find and replace, or for going
// to a line. Enter finds the next match (Shift+Enter the previous one),
// Escape closes the bar and goes back to the text.
type findBar struct {
	widget.BaseWidget
	e *Editor

	query, replacement, lineEntry *barEntry
	matchCase                     *widget.Check
	count                         *widget.Label
	findRow, replaceRow, gotoRow  *fyne.Container
	box                           *fyne.Container

	gotoMode bool
	matches  []match
	dirty    bool
	current  int // index in matches, -1 when none
}

// barEntry is an Entry that sends Enter and Escape to the bar.
type barEntry struct {
	widget.Entry
	onEnter  func(shift bool)
	onEscape func()
	shift    bool
}

func newBarEntry(placeholder string) *barEntry {
	b := &barEntry{}
	b.PlaceHolder = placeholder
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey is part of fyne.Focusable.
func (b *barEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if b.onEnter != nil {
			b.onEnter(b.shift)
		}
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
		}
	default:
		b.Entry.TypedKey(k)
	}
}

// TypedShortcut is part of fyne.Shortcutable: Ctrl+Shift+Z redoes the
// field's typing, as Ctrl+Y does.
func (b *barEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && c.KeyName == fyne.KeyZ && c.Modifier == modShortcut|modShift {
		s = &fyne.ShortcutRedo{}
	}
	b.Entry.TypedShortcut(s)
}

// UndoesLocally tells an app whose menu catches the undo keys that this
// field's undo and redo are its own typing, not the document's.
func (b *barEntry) UndoesLocally() {}

// KeyDown is part of desktop.Keyable.
func (b *barEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		b.shift = true
	}
	b.Entry.KeyDown(k)
}

// KeyUp is part of desktop.Keyable.
func (b *barEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		b.shift = false
	}
	b.Entry.KeyUp(k)
}

func newFindBar(e *Editor) *findBar {
	b := &findBar{e: e, current: -1}
	b.query = newBarEntry("Find")
	b.query.OnChanged = func(string) { b.dirty = true; b.searchFromCursor() }
	b.query.onEnter = func(shift bool) { b.step(!shift) }
	b.query.onEscape = b.close
	b.replacement = newBarEntry("Replace with")
	b.replacement.onEnter = func(bool) { b.replaceOne() }
	b.replacement.onEscape = b.close
	b.lineEntry = newBarEntry("Line or line:column")
	b.lineEntry.onEnter = func(bool) { b.gotoEntered() }
	b.lineEntry.onEscape = b.close
	b.matchCase = widget.NewCheck("Match case", func(bool) { b.dirty = true; b.searchFromCursor() })
	b.count = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { b.step(false) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { b.step(true) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), b.close)
	closeBtn.Importance = widget.LowImportance
	b.findRow = container.NewBorder(nil, nil, nil,
		container.NewHBox(b.count, prev, next, b.matchCase, closeBtn), b.query)
	b.replaceRow = container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewButton("Replace", b.replaceOne), widget.NewButton("Replace all", b.replaceAll)),
		b.replacement)
	goBtn := widget.NewButton("Go", b.gotoEntered)
	closeGoto := widget.NewButtonWithIcon("", theme.CancelIcon(), b.close)
	closeGoto.Importance = widget.LowImportance
	b.gotoRow = container.NewBorder(nil, nil, widget.NewLabel("Go to line"), container.NewHBox(goBtn, closeGoto), b.lineEntry)
	b.box = container.NewVBox(b.findRow, b.replaceRow, b.gotoRow)
	b.ExtendBaseWidget(b)
	b.Hide()
	return b
}

func (b *findBar) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.box)
}

// ShowFind opens the find bar (with the replace row when replace is set),
// filled with the selected text when it is on one line.
func (e *Editor) ShowFind(replace bool) {
	b := e.bar
	b.gotoMode = false
	b.findRow.Show()
	b.gotoRow.Hide()
	if replace {
		b.replaceRow.Show()
	} else {
		b.replaceRow.Hide()
	}
	if t := e.SelectedText(); t != "" && !strings.Contains(t, "\n") {
		b.query.SetText(t)
	}
	b.dirty = true
	b.Show()
	e.Refresh()
	b.focus(b.query)
}

// ShowGotoLine opens the bar that asks for a line to go to.
func (e *Editor) ShowGotoLine() {
	b := e.bar
	b.gotoMode = true
	b.findRow.Hide()
	b.replaceRow.Hide()
	b.gotoRow.Show()
	b.lineEntry.SetText("")
	b.lineEntry.PlaceHolder = fmt.Sprintf("Line (1–%d), or line:column", e.buf.LineCount())
	b.Show()
	e.Refresh()
	b.focus(b.lineEntry)
}

func (b *findBar) focus(w fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.e); c != nil {
		c.Focus(w)
	}
}

// close hides the bar and gives the focus back to the text.
func (b *findBar) close() {
	b.Hide()
	b.matches = nil
	b.e.Refresh()
	b.e.Focus()
}

func (b *findBar) gotoEntered() {
	s := strings.TrimSpace(b.lineEntry.Text)
	line, col := s, ""
	if i := strings.IndexAny(s, ":,"); i >= 0 {
		line, col = s[:i], s[i+1:]
	}
	n, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || n < 1 {
		b.lineEntry.SetValidationError(fmt.Errorf("editor: type a line number"))
		return
	}
	c, _ := strconv.Atoi(strings.TrimSpace(col))
	b.Hide()
	b.e.GotoLine(min(n, b.e.buf.LineCount()), c)
}

// textChanged notes that the matches must be found again.
func (b *findBar) textChanged() { b.dirty = true }

// update finds all the matches again when something changed.
func (b *findBar) update() {
	if !b.dirty {
		return
	}
	b.dirty = false
	b.matches = b.matches[:0]
	q := b.query.Text
	if !b.Visible() || b.gotoMode || q == "" {
		b.current = -1
		b.count.SetText("")
		return
	}
	fold := !b.matchCase.Checked
	for i := 0; i < b.e.buf.LineCount(); i++ {
		for _, m := range matchesInLine(b.e.buf.Line(i), q, fold) {
			b.matches = append(b.matches, match{line: i, start: m[0], end: m[1]})
		}
	}
	b.current = b.indexOfSelection()
	b.showCount()
}

func (b *findBar) showCount() {
	switch {
	case len(b.matches) == 0:
		b.count.SetText("No matches")
	case b.current >= 0:
		b.count.SetText(fmt.Sprintf("%d of %d", b.current+1, len(b.matches)))
	default:
		b.count.SetText(fmt.Sprintf("%d matches", len(b.matches)))
	}
}

// indexOfSelection is the match that is selected, or -1.
func (b *findBar) indexOfSelection() int {
	a, z := b.e.Selection()
	for i, m := range b.matches {
		if m.line == a.Line && m.start == a.Col && z == (Pos{m.line, m.end}) {
			return i
		}
	}
	return -1
}

// matchesIn lists the matches on lines first to last.
func (b *findBar) matchesIn(first, last int) []match {
	if !b.Visible() {
		return nil
	}
	b.update()
	i := sort.Search(len(b.matches), func(i int) bool { return b.matches[i].line >= first })
	var out []match
	for ; i < len(b.matches) && b.matches[i].line <= last; i++ {
		m := b.matches[i]
		m.current = i == b.current
		out = append(out, m)
	}
	return out
}

// searchFromCursor selects the first match from the selection's start,
// as the query is typed.
func (b *findBar) searchFromCursor() {
	b.update()
	if len(b.matches) == 0 {
		b.e.Refresh()
		return
	}
	a, _ := b.e.Selection()
	b.selectMatch(b.firstFrom(a))
}

// firstFrom is the first match at or after p, wrapping around.
func (b *findBar) firstFrom(p Pos) int {
	i := sort.Search(len(b.matches), func(i int) bool {
		m := b.matches[i]
		return !(Pos{m.line, m.start}).Before(p)
	})
	return i % len(b.matches)
}

func (b *findBar) selectMatch(i int) {
	m := b.matches[i]
	b.current = i
	e := b.e
	e.anc, e.cur = Pos{m.line, m.start}, Pos{m.line, m.end}
	e.reveal(m.line, false)
	b.showCount()
	e.Refresh()
	e.cursorMoved()
}

// step selects the next (or previous) match, wrapping around.
func (b *findBar) step(forward bool) {
	if !b.Visible() || b.gotoMode {
		if b.query.Text == "" {
			b.e.ShowFind(false)
			return
		}
		b.gotoMode = false
		b.findRow.Show()
		b.gotoRow.Hide()
		b.Show()
		b.dirty = true
	}
	b.update()
	if len(b.matches) == 0 {
		return
	}
	a, z := b.e.Selection()
	var i int
	if forward {
		i = b.firstFrom(z)
		if cur := b.indexOfSelection(); cur >= 0 {
			i = (cur + 1) % len(b.matches)
		}
	} else {
		i = b.firstFrom(a) - 1
		if i < 0 {
			i = len(b.matches) - 1
		}
	}
	b.selectMatch(i)
}

// replaceOne replaces the selected match and selects the next one.
func (b *findBar) replaceOne() {
	b.update()
	if i := b.indexOfSelection(); i >= 0 {
		m := b.matches[i]
		b.e.userEdit(Pos{m.line, m.start}, Pos{m.line, m.end}, b.replacement.Text, editOther)
		b.update()
	}
	b.step(true)
}

// replaceAll replaces every match, as one edit.
func (b *findBar) replaceAll() {
	b.update()
	if len(b.matches) == 0 {
		return
	}
	e := b.e
	first, last := b.matches[0], b.matches[len(b.matches)-1]
	from, to := Pos{first.line, first.start}, Pos{last.line, last.end}
	var s strings.Builder
	at := from
	for _, m := range b.matches {
		s.WriteString(e.buf.Slice(at, Pos{m.line, m.start}))
		s.WriteString(b.replacement.Text)
		at = Pos{m.line, m.end}
	}
	n := len(b.matches)
	e.userEdit(from, to, s.String(), editOther)
	b.update()
	b.count.SetText(fmt.Sprintf("Replaced %d", n))
}

// matchesInLine lists the non-overlapping matches of needle in line, as
// byte ranges; fold ignores case.
func matchesInLine(line, needle string, fold bool) [][2]int {
	var out [][2]int
	if !fold {
		for i := 0; ; {
			j := strings.Index(line[i:], needle)
			if j < 0 {
				return out
			}
			out = append(out, [2]int{i + j, i + j + len(needle)})
			i += j + len(needle)
		}
	}
	if isASCII(line) && isASCII(needle) {
		return matchesInLine(strings.ToLower(line), strings.ToLower(needle), false)
	}
	n := utf8.RuneCountInString(needle)
	for i := 0; i < len(line); {
		// the end of n runes from i
		j, k := i, 0
		for k < n && j < len(line) {
			_, w := utf8.DecodeRuneInString(line[j:])
			j += w
			k++
		}
		if k == n && strings.EqualFold(line[i:j], needle) {
			out = append(out, [2]int{i, j})
			i = j
			continue
		}
		_, w := utf8.DecodeRuneInString(line[i:])
		i += w
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
