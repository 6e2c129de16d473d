package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestFindReplace(t *testing.T) {
	e, _ := newTestEditor(t, "id = \"usa\"\nname = \"USA\"\nref = \"usa\"\n")
	ctrl(e, fyne.KeyF, false)
	if !e.bar.Visible() {
		t.Fatal("Ctrl+F did not open the find bar")
	}
	test.Type(e.bar.query, "usa")
	if got := e.bar.count.Text; got != "1 of 3" {
		t.Errorf("count %q, want 1 of 3 (case ignored)", got)
	}
	e.bar.matchCase.SetChecked(true)
	if got := e.bar.count.Text; got != "1 of 2" {
		t.Errorf("count with match case %q", got)
	}
	e.bar.step(true)
	if a, _ := e.Selection(); a.Line != 2 {
		t.Errorf("next went to %v", a)
	}
	e.bar.step(true) // wraps around
	if a, _ := e.Selection(); a.Line != 0 {
		t.Errorf("next did not wrap: %v", a)
	}
	e.bar.step(false)
	if a, _ := e.Selection(); a.Line != 2 {
		t.Errorf("previous did not wrap back: %v", a)
	}
	e.ShowFind(true)
	e.bar.replacement.SetText("ukr")
	e.bar.replaceOne()
	if e.Line(2) != `ref = "ukr"` {
		t.Errorf("replace: %q", e.Text())
	}
	e.bar.matchCase.SetChecked(false)
	e.bar.replaceAll()
	if e.Text() != "id = \"ukr\"\nname = \"ukr\"\nref = \"ukr\"\n" {
		t.Errorf("replace all: %q", e.Text())
	}
	ctrl(e, fyne.KeyZ, false)
	if e.Text() != "id = \"usa\"\nname = \"USA\"\nref = \"ukr\"\n" {
		t.Errorf("undo of replace all is one step: %q", e.Text())
	}
	e.bar.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.bar.Visible() {
		t.Error("Escape did not close the bar")
	}
}

func TestGotoLineAndPaging(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString("key = 1\n")
	}
	e, _ := newTestEditor(t, b.String())
	ctrl(e, fyne.KeyG, false)
	test.Type(e.bar.lineEntry, "500")
	e.bar.lineEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.Cursor().Line != 499 {
		t.Fatalf("go to line 500: cursor on %d", e.Cursor().Line+1)
	}
	first, last := e.visibleLines()
	if 499 < first+2 || 499 > last-3 {
		t.Errorf("line 500 not well inside the view %d–%d", first+1, last+1)
	}
	page := e.pageLines()
	key(e, fyne.KeyPageDown)
	if got := e.Cursor().Line; got != 499+page {
		t.Errorf("PageDown moved to line %d, want %d (a page of %d)", got+1, 500+page, page)
	}
	key(e, fyne.KeyPageUp)
	key(e, fyne.KeyPageUp)
	if got := e.Cursor().Line; got != 499-page {
		t.Errorf("PageUp moved to line %d", got+1)
	}
	ctrl(e, fyne.KeyEnd, false)
	if e.Cursor() != e.buf.End() {
		t.Error("Ctrl+End")
	}
	ctrl(e, fyne.KeyHome, false)
	if e.Cursor() != (Pos{}) {
		t.Error("Ctrl+Home")
	}
}

func TestTabDoesNotTrapFocus(t *testing.T) {
	e, _ := newTestEditor(t, "a = 1\n")
	if !e.AcceptsTab() {
		t.Error("Tab should indent")
	}
	key(e, fyne.KeyTab)
	if e.Line(0) != "  a = 1" {
		t.Errorf("Tab inserted %q", e.Line(0))
	}
	key(e, fyne.KeyEscape)
	if e.AcceptsTab() {
		t.Error("after Escape, Tab should move the focus")
	}
	test.Type(e, "b")
	if !e.AcceptsTab() {
		t.Error("typing should make Tab indent again")
	}
}

func TestWideAndCombining(t *testing.T) {
	// e + combining acute, CJK, Cyrillic, Hebrew
	line := "t = \"e\u0301日本Жשל\""
	e, _ := newTestEditor(t, line)
	e.GotoLine(1, 6) // after the opening quote
	var cols []int
	for i := 0; i < 6; i++ {
		key(e, fyne.KeyRight)
		cols = append(cols, layoutOf(e.Line(0)).colOf(e.Cursor().Col))
	}
	// é is one cell, 日 and 本 two each, Ж one, ש and ל one
	want := []int{6, 8, 10, 11, 12, 13}
	for i := range want {
		if cols[i] != want[i] {
			t.Fatalf("cells after each Right: %v, want %v", cols, want)
		}
	}
	key(e, fyne.KeyBackspace) // deletes ל
	key(e, fyne.KeyLeft)
	key(e, fyne.KeyLeft)
	key(e, fyne.KeyBackspace) // deletes 本
	if got := e.Line(0); got != "t = \"e\u0301日Жש\"" {
		t.Errorf("after deleting: %q", got)
	}
	e.GotoLine(1, 6)
	shiftKey(e, fyne.KeyRight)
	if e.SelectedText() != "e\u0301" {
		t.Errorf("a letter with its accent is one character: %q", e.SelectedText())
	}
}

func TestSetTextChangesOnlyTheDifference(t *testing.T) {
	e, _ := newTestEditor(t, "a = 1\r\nb = 2\r\nc = 3\r\n")
	if e.Text() != "a = 1\r\nb = 2\r\nc = 3\r\n" {
		t.Fatalf("CRLF text not kept: %q", e.Text())
	}
	ed, ok := e.SetText("a = 1\r\nb = 22\r\nc = 3\r\n")
	if !ok || ed.Start != (Pos{1, 5}) || ed.Old != "" || ed.New != "2" {
		t.Errorf("edit %+v", ed)
	}
	if e.Text() != "a = 1\r\nb = 22\r\nc = 3\r\n" {
		t.Errorf("text %q", e.Text())
	}
	e.Apply(ed.Inverse())
	if e.Text() != "a = 1\r\nb = 2\r\nc = 3\r\n" {
		t.Errorf("inverse %q", e.Text())
	}
}

func TestChangesReachTheApp(t *testing.T) {
	e, _ := newTestEditor(t, "x = 1\n")
	var edits []Edit
	undos := 0
	e.OnChanged = func(ed Edit) { edits = append(edits, ed) }
	e.OnUndo = func() { undos++ }
	e.GotoLine(1, 6)
	test.Type(e, "23")
	if len(edits) != 2 || edits[0].New != "2" || !edits[1].Merge {
		t.Errorf("edits %+v", edits)
	}
	ctrl(e, fyne.KeyZ, false)
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if undos != 2 || e.Text() != "x = 123\n" {
		t.Errorf("undo did not go to the app: %d, %q", undos, e.Text())
	}
}

func TestCompletion(t *testing.T) {
	e, _ := newTestEditor(t, "[[seats]]\ntrack = \"riyadh\"\n")
	var asked []Context
	e.Completions = func(c Context) []Candidate {
		asked = append(asked, c)
		if c.Key != "actor" && c.Key != "claimed_by" && c.Key != "of" {
			return nil
		}
		return []Candidate{{"usa", "United States"}, {"ukr", "Ukraine"}, {"rus", "Russia"}}
	}
	e.GotoLine(3, 1)
	test.Type(e, `actor = "`)
	if !e.comp.visible() || len(e.comp.items) != 3 {
		t.Fatalf("no list after actor = \": %+v", asked)
	}
	if c := asked[len(asked)-1]; c.Table != "seats" || c.Key != "actor" || c.Prefix != "" {
		t.Errorf("context %+v", c)
	}
	test.Type(e, "u")
	if len(e.comp.items) != 3 || e.comp.items[0].ID != "usa" || e.comp.items[1].ID != "ukr" {
		t.Errorf("filtered %+v (ids starting with u first, names containing it after)", e.comp.items)
	}
	test.Type(e, "k")
	if len(e.comp.items) != 1 || e.comp.items[0].label() != "ukr — Ukraine" {
		t.Errorf("filtered %+v", e.comp.items)
	}
	key(e, fyne.KeyReturn)
	if e.Line(2) != `actor = "ukr"` || e.comp.visible() {
		t.Errorf("accepted: %q", e.Line(2))
	}
	// in a multi-line array, Down then Enter
	key(e, fyne.KeyReturn)
	test.Type(e, "claimed_by = [")
	key(e, fyne.KeyReturn)
	test.Type(e, `"ukr",`)
	key(e, fyne.KeyReturn)
	test.Type(e, `"`)
	if !e.comp.visible() {
		t.Fatal("no list in a multi-line array")
	}
	if c := asked[len(asked)-1]; c.Key != "claimed_by" {
		t.Errorf("context in the array %+v", c)
	}
	key(e, fyne.KeyDown)
	key(e, fyne.KeyReturn)
	if got := e.Line(e.Cursor().Line); got != `"ukr"` {
		t.Errorf("second candidate: %q", got)
	}
	// inline table in an array
	key(e, fyne.KeyEnd)
	key(e, fyne.KeyReturn)
	test.Type(e, "]")
	key(e, fyne.KeyReturn)
	test.Type(e, `memberships = [{ of = "r`)
	if c := asked[len(asked)-1]; c.Key != "of" || c.Parent != "memberships" || c.Prefix != "r" {
		t.Errorf("context %+v", c)
	}
	key(e, fyne.KeyEscape)
	if e.comp.visible() {
		t.Error("Escape did not close the list")
	}
	test.Type(e, "u")
	if e.comp.visible() {
		t.Error("the list came back in the string it was closed for")
	}
}

func TestProblems(t *testing.T) {
	e, _ := newTestEditor(t, "a = 1\nb = nope\n")
	e.SetProblems([]Problem{{Line: 2, Col: 5, Severity: Error, Message: "b must be a number"}})
	a, z := e.problemRange(e.problemsOn(1)[0])
	if e.Line(1)[a:z] != "nope" {
		t.Errorf("range %q", e.Line(1)[a:z])
	}
	// a line added above moves the marker down until new problems come
	e.GotoLine(1, 1)
	key(e, fyne.KeyReturn)
	if len(e.problemsOn(2)) != 1 {
		t.Error("the marker did not follow its line")
	}
	e.showTip(e.problemsOn(2), fyne.NewPos(10, 10))
	found := false
	for _, o := range e.tip.objects() {
		if txt, ok := o.(interface{ MinSize() fyne.Size }); ok && txt != nil {
			found = true
		}
	}
	if !found {
		t.Error("no tooltip")
	}
}
