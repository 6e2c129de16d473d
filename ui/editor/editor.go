package editor

import (
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Severity is how bad a problem is.
type Severity int

// The severities of a problem.
const (
	Error Severity = iota
	Warning
)

// Problem is an error or a warning shown in the gutter and under the text.
type Problem struct {
	Line, Col int // 1-based; Col counts characters (runes); 0: the whole line
	// EndCol, when not 0, is the 1-based column after the problem's range;
	// else the range is the word or value at Col.
	EndCol   int
	Severity Severity
	Message  string
}

// Editor is a TOML code editor widget. It draws only the lines in view, so
// its cost does not grow with the length of the text; see the package
// comment for what it does.
type Editor struct {
	widget.BaseWidget

	// OnChanged is called after each edit the user makes (typing, paste,
	// replace …), not for SetText, Reset or Apply.
	OnChanged func(Edit)
	// OnUndo and OnRedo, when set, are called for the undo and redo keys
	// instead of the editor's own history, so that an app can keep one
	// history for all its views.
	OnUndo, OnRedo func()
	// OnCursorMoved is called when the cursor moves, with 1-based line and
	// column (in characters).
	OnCursorMoved func(line, col int)
	// Completions, when set, gives the candidates for a string value being
	// typed (ids for `actor = "`); see Context.
	Completions func(Context) []Candidate
	// OnKey, when set, is offered each key first (a window-wide key such as
	// F10); when it returns true the editor does nothing more with it.
	OnKey func(*fyne.KeyEvent) bool

	buf      *Buffer
	hl       *highlighter
	cur, anc Pos // cursor and selection anchor (equal: no selection)
	goalCol  int // column kept by up/down moves; -1 when none
	scrollX  float32
	scrollY  float32
	focused  bool
	shift    bool
	tabOut   bool // Escape pressed: the next Tab moves the focus on
	hist     history
	problems []Problem // sorted by line

	maxCells   int
	cellsDirty bool

	view   *textView
	gutter *gutter
	vbar   *scrollBar
	hbar   *scrollBar
	bar    *findBar
	comp   *completion
	tip    *tooltip

	// metrics, from the theme
	cw, lh, textSize float32
	pal              palette

	clicks    int
	lastClick time.Time
	lastPos   Pos
	dragFrom  [2]Pos // the word or line a multi-click selected, kept while dragging

	viewSize fyne.Size // the text area's size, set by layout

	// typing, for merging undo steps
	lastKind    int
	lastEnd     Pos
	lastWasWord bool
	mergeNext   bool
}

// New makes an empty editor.
func New() *Editor {
	e := &Editor{buf: NewBuffer(""), goalCol: -1}
	e.hl = newHighlighter(e.buf)
	e.view = &textView{e: e}
	e.view.ExtendBaseWidget(e.view)
	e.gutter = &gutter{e: e}
	e.gutter.ExtendBaseWidget(e.gutter)
	e.vbar = newScrollBar(e, true)
	e.hbar = newScrollBar(e, false)
	e.bar = newFindBar(e)
	e.comp = &completion{e: e}
	e.tip = &tooltip{}
	e.cellsDirty = true
	e.ExtendBaseWidget(e)
	return e
}

// Text is the whole text.
func (e *Editor) Text() string { return e.buf.Text() }

// LineCount is the number of lines.
func (e *Editor) LineCount() int { return e.buf.LineCount() }

// Line is line i (0-based) of the text.
func (e *Editor) Line(i int) string { return e.buf.Line(i) }

// Reset replaces the text as a new document: the cursor goes to the start,
// the view to the top and the editor's own undo history is cleared.
func (e *Editor) Reset(text string) {
	e.buf.SetText(text)
	e.hl.reset()
	e.cur, e.anc, e.goalCol = Pos{}, Pos{}, -1
	e.scrollX, e.scrollY = 0, 0
	e.hist = history{}
	e.cellsDirty = true
	e.bar.textChanged()
	e.comp.hide()
	e.Refresh()
	e.cursorMoved()
}

// SetText replaces the text by text, changing only the part that differs
// (so that the cursor, the view and the highlighting of the rest stay) and
// returns the edit made; ok is false when the text was the same. It is
// not reported to OnChanged and clears the editor's own undo history. The
// cursor moves to the end of the changed part.
func (e *Editor) SetText(text string) (edit Edit, ok bool) {
	old := e.buf.Text()
	if old == text {
		return Edit{}, false
	}
	if e.buf.crlf != (strings.Count(text, "\n") > 0 && strings.Count(text, "\r\n") == strings.Count(text, "\n")) {
		e.Reset(text) // the line ends changed: start afresh
		return Edit{Start: Pos{}, End: e.buf.End(), Old: old, New: text}, true
	}
	p := 0
	for p < len(old) && p < len(text) && old[p] == text[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(text)-p && old[len(old)-1-s] == text[len(text)-1-s] {
		s++
	}
	// whole lines of a CRLF text and whole runes
	for p > 0 && (p < len(old) && !runeStart(old[p]) || p < len(text) && !runeStart(text[p]) || old[p-1] == '\r') {
		p--
	}
	for s > 0 && (!runeStart(old[len(old)-s]) || !runeStart(text[len(text)-s]) || old[len(old)-s] == '\n') {
		s--
	}
	a, z := e.posOfOffset(old, p), e.posOfOffset(old, len(old)-s)
	newPart := text[p : len(text)-s]
	edit = e.replace(a, z, newPart, false)
	e.hist = history{}
	e.setCursor(edit.NewEnd(), false)
	e.reveal(e.cur.Line, false)
	e.Refresh()
	return edit, true
}

// posOfOffset turns a byte offset of text (the buffer's Text) into a Pos.
func (e *Editor) posOfOffset(text string, off int) Pos {
	line := strings.Count(text[:off], "\n")
	col := off - (strings.LastIndexByte(text[:off], '\n') + 1)
	if e.buf.crlf && col > len(e.buf.Line(line)) {
		col = len(e.buf.Line(line))
	}
	return Pos{line, col}
}

// Apply makes an edit given from outside (an app's undo or redo): it
// replaces e.Start–e.End with e.New, selects the new text and shows it. It
// is not reported to OnChanged. It returns false, changing nothing, when
// the text at the range is not e.Old.
func (e *Editor) Apply(ed Edit) bool {
	if e.buf.Clamp(ed.Start) != ed.Start || e.buf.Clamp(ed.End) != ed.End || e.buf.Slice(ed.Start, ed.End) != ed.Old {
		return false
	}
	done := e.replace(ed.Start, ed.End, ed.New, false)
	e.hist.push(done, e.cur, e.cur, false)
	e.anc = done.Start
	e.setCursor(done.NewEnd(), true)
	e.reveal(e.cur.Line, false)
	e.Refresh()
	return true
}

// Undo takes back the last edit of the editor's own history.
func (e *Editor) Undo() {
	if g, ok := e.hist.undo(); ok {
		for i := len(g.edits) - 1; i >= 0; i-- {
			inv := g.edits[i].Inverse()
			e.replace(inv.Start, inv.End, inv.New, true)
		}
		e.anc, e.cur = g.before[0], g.before[1]
		e.afterMove(true)
	}
}

// Redo makes the last undone edit again.
func (e *Editor) Redo() {
	if g, ok := e.hist.redo(); ok {
		for _, ed := range g.edits {
			e.replace(ed.Start, ed.End, ed.New, true)
		}
		e.anc, e.cur = g.after[0], g.after[1]
		e.afterMove(true)
	}
}

// Cursor is the cursor's position.
func (e *Editor) Cursor() Pos { return e.cur }

// Selection is the selected range, earlier end first (empty: a == b).
func (e *Editor) Selection() (a, b Pos) { return order(e.anc, e.cur) }

// SelectedText is the selected text.
func (e *Editor) SelectedText() string { return e.buf.Slice(e.anc, e.cur) }

// Select selects from a to b, the cursor at b, and shows b.
func (e *Editor) Select(a, b Pos) {
	e.anc, e.cur = e.buf.Clamp(a), e.buf.Clamp(b)
	e.goalCol, e.lastKind = -1, editOther
	e.afterMove(true)
}

// GotoLine puts the cursor on a 1-based line and column (in characters,
// 0 or 1 for the line start), scrolls so that the line is well inside the
// view and focuses the editor when it is in a window.
func (e *Editor) GotoLine(line, col int) {
	i := min(max(line-1, 0), e.buf.LineCount()-1)
	p := Pos{i, byteOfRuneCol(e.buf.Line(i), col-1)}
	e.anc, e.cur, e.goalCol = p, p, -1
	e.lastKind = editOther
	e.reveal(i, true)
	e.afterMove(false)
	e.Focus()
}

// Focus gives the editor the keyboard focus, when it is in a window.
func (e *Editor) Focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// byteOfRuneCol is the byte offset of rune column col (0-based) in s.
func byteOfRuneCol(s string, col int) int {
	if col <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == col {
			return i
		}
		n++
	}
	return len(s)
}

// runeCol is the 1-based rune column of byte offset off in s.
func runeCol(s string, off int) int {
	return len([]rune(s[:min(off, len(s))])) + 1
}

// SetProblems shows problems in the gutter and under the text.
func (e *Editor) SetProblems(ps []Problem) {
	e.problems = append([]Problem(nil), ps...)
	sort.SliceStable(e.problems, func(i, j int) bool { return e.problems[i].Line < e.problems[j].Line })
	e.Refresh()
}

// problemsOn lists the problems on line i (0-based).
func (e *Editor) problemsOn(i int) []Problem {
	k := sort.Search(len(e.problems), func(j int) bool { return e.problems[j].Line >= i+1 })
	n := k
	for n < len(e.problems) && e.problems[n].Line == i+1 {
		n++
	}
	return e.problems[k:n]
}

// problemRange is the byte range of a problem on its line.
func (e *Editor) problemRange(p Problem) (int, int) {
	line := e.buf.Line(p.Line - 1)
	if p.Col <= 0 {
		start := len(line) - len(strings.TrimLeft(line, " \t"))
		return start, len(strings.TrimRight(line, " \t"))
	}
	a := byteOfRuneCol(line, p.Col-1)
	if p.EndCol > p.Col {
		return a, byteOfRuneCol(line, p.EndCol-1)
	}
	// the token at Col
	for _, s := range e.hl.spans(p.Line - 1) {
		if s.Start <= a && a < s.End && s.Kind != Plain {
			return a, s.End
		}
	}
	z := a
	for z < len(line) && line[z] != ' ' && line[z] != '\t' && line[z] != ',' {
		z++
	}
	if z == a {
		z = min(a+1, len(line))
	}
	return a, z
}

// replace edits the buffer and everything that follows from it. It is
// the one place text changes.
func (e *Editor) replace(a, z Pos, text string, user bool) Edit {
	ed := e.buf.Replace(a, z, text)
	ed.Merge = user && e.mergeNext
	e.mergeNext = false
	removed := ed.End.Line - ed.Start.Line + 1
	added := ed.NewEnd().Line - ed.Start.Line + 1
	_, last := e.visibleLines()
	e.hl.edited(ed.Start.Line, removed, added, max(last, ed.Start.Line+added))
	e.shiftProblems(ed, added-removed)
	if added != 1 || removed != 1 {
		e.cellsDirty = true
	} else if c := lineCells(e.buf.Line(ed.Start.Line)); c > e.maxCells {
		e.maxCells = c
	}
	e.bar.textChanged()
	if user && e.OnChanged != nil {
		e.OnChanged(ed)
	}
	return ed
}

// shiftProblems moves the markers below an edit that added or removed
// lines, until the app gives the new problems.
func (e *Editor) shiftProblems(ed Edit, d int) {
	if d == 0 {
		return
	}
	out := e.problems[:0]
	for _, p := range e.problems {
		switch {
		case p.Line-1 > ed.End.Line:
			p.Line += d
		case p.Line-1 > ed.Start.Line: // inside removed lines
			continue
		}
		out = append(out, p)
	}
	e.problems = out
}

// visibleLines is the range of lines in view.
func (e *Editor) visibleLines() (first, last int) {
	if e.lh <= 0 {
		e.measure()
	}
	first = int(e.scrollY / e.lh)
	last = int((e.scrollY+e.viewSize.Height)/e.lh) + 1
	return max(first, 0), min(last, e.buf.LineCount()-1)
}

// pageLines is the number of whole lines the view shows.
func (e *Editor) pageLines() int {
	return max(int(e.viewSize.Height/e.lh)-1, 1)
}

func (e *Editor) measure() {
	th := e.Theme()
	e.textSize = th.Size(theme.SizeNameText)
	m := fyne.MeasureText("M", e.textSize, fyne.TextStyle{Monospace: true})
	e.cw = m.Width
	e.lh = float32(int(m.Height + 0.99))
	e.pal = newPalette(th, fyne.CurrentApp().Settings().ThemeVariant())
}

// contentCells is the width of the longest line, in cells.
func (e *Editor) contentCells() int {
	if e.cellsDirty {
		m := 0
		for i := 0; i < e.buf.LineCount(); i++ {
			if l := e.buf.Line(i); len(l) > m { // a line's cells never exceed its bytes but for tabs
				if c := lineCells(l); c > m {
					m = c
				}
			}
		}
		e.maxCells, e.cellsDirty = m, false
	}
	return e.maxCells
}

// scrollTo sets the scroll offsets, kept inside the content.
func (e *Editor) scrollTo(x, y float32) {
	maxY := max(float32(e.buf.LineCount())*e.lh-e.viewSize.Height+e.lh*2, 0)
	maxX := max(float32(e.contentCells()+2)*e.cw-e.viewSize.Width, 0)
	e.scrollX = min(max(x, 0), maxX)
	e.scrollY = min(max(y, 0), maxY)
}

// reveal scrolls so that line i is in view: with a margin of a few lines
// when it was already (keepMargin false: just inside), or centred when
// center is set or the line was far away.
func (e *Editor) reveal(i int, center bool) {
	if e.lh <= 0 {
		e.measure()
	}
	h := e.viewSize.Height
	y := float32(i) * e.lh
	margin := min(e.lh*3, h/4)
	if center || y < e.scrollY-h || y > e.scrollY+2*h {
		e.scrollTo(e.scrollX, y-h/3)
	} else if y < e.scrollY+margin && !center {
		e.scrollTo(e.scrollX, y-margin)
	} else if y+e.lh > e.scrollY+h-margin {
		e.scrollTo(e.scrollX, y+e.lh-h+margin)
	}
	// horizontally: the cursor's column
	if i == e.cur.Line && e.viewSize.Width > 0 {
		x := float32(layoutOf(e.buf.Line(i)).colOf(e.cur.Col)) * e.cw
		if x < e.scrollX+e.cw*2 {
			e.scrollTo(x-e.viewSize.Width/3, e.scrollY)
		} else if x > e.scrollX+e.viewSize.Width-e.cw*4 {
			e.scrollTo(x-e.viewSize.Width*2/3, e.scrollY)
		}
	}
}

// setCursor moves the cursor; extend keeps the anchor (a selection).
func (e *Editor) setCursor(p Pos, extend bool) {
	e.cur = e.buf.Clamp(p)
	if !extend {
		e.anc = e.cur
	}
}

// afterMove shows the cursor and redraws after a move or an edit.
func (e *Editor) afterMove(show bool) {
	e.tabOut = false
	if show {
		e.reveal(e.cur.Line, false)
	}
	e.Refresh()
	e.cursorMoved()
}

func (e *Editor) cursorMoved() {
	if e.OnCursorMoved != nil {
		e.OnCursorMoved(e.cur.Line+1, runeCol(e.buf.Line(e.cur.Line), e.cur.Col))
	}
}

// CreateRenderer is part of fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	e.measure()
	return newEditorRenderer(e)
}
