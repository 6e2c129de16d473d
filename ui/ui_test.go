package ui

// Why about 700 lines: the window's end-to-end tests (open, edit, save,
// validate, preview) share one harness and one sequence of steps; each
// newer feature has its own test file.

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

func TestOpenExample(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	u := h.u
	if u.editor.ed.Text() != string(assets.Example) {
		t.Error("the editor does not show the example")
	}
	if u.problems.HasErrors() {
		t.Errorf("the example has errors: %v", u.problems)
	}
	if got, want := u.forms.list.Length(), len(u.model.Actors); got != want {
		t.Errorf("forms list %d actors, want %d", got, want)
	}
	r, c := u.matrix.table.Length()
	if r != len(u.model.Actors) || c != len(u.model.Tracks) {
		t.Errorf("matrix is %d×%d, want %d×%d", r, c, len(u.model.Actors), len(u.model.Tracks))
	}
	if !hasRef(h.drawing(), "actor:"+u.model.Actors[0].ID) {
		t.Error("the diagram lacks the first actor")
	}
	if title := h.win.Title(); !strings.Contains(title, assets.ExampleName) || strings.Contains(title, "●") {
		t.Errorf("title %q", title)
	}
}

// firstSeatCell finds a matrix cell that has a seat, with its seat.
func firstSeatCell(t *testing.T, h *harness) (row, col int, seat scenario.Seat) {
	t.Helper()
	s := h.u.model
	h.u.tabs.SelectIndex(2)
	h.win.Canvas().Refresh(h.u.matrix.table)
	for r, a := range s.Actors {
		for c, tr := range s.Tracks {
			if at := seatsAt(s, tr.ID, a.ID); len(at) == 1 && s.Seats[at[0]].Role != scenario.RoleObserver {
				h.u.matrix.table.ScrollTo(widget.TableCellID{Row: r, Col: c})
				if h.u.matrix.cell(r, c) != nil {
					return r, c, s.Seats[at[0]]
				}
			}
		}
	}
	t.Fatal("no matrix cell with a seat is on screen")
	return
}

func TestMatrixChangesSeat(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	r, c, seat := firstSeatCell(t, h)
	old := h.drawing()
	if !hasRef(old, "seat:"+seat.Track+"/"+seat.Actor+"/"+string(seat.Role)) {
		t.Fatalf("the diagram lacks the seat %+v", seat)
	}
	cell := h.u.matrix.cell(r, c)
	cell.role.SetSelected("observer") // as a user picking it
	// The TOML changed, only there.
	text := h.u.text()
	s := loadText(t, text)
	i := slices.IndexFunc(s.Seats, func(st scenario.Seat) bool { return st.Track == seat.Track && st.Actor == seat.Actor })
	if i < 0 || s.Seats[i].Role != scenario.RoleObserver {
		t.Fatalf("the seat did not become observer in the text")
	}
	if !strings.HasPrefix(text, "# Parley scenario") {
		t.Error("the leading comment was lost")
	}
	if strings.Count(text, "\n#") != strings.Count(string(assets.Example), "\n#") {
		t.Error("comments were lost")
	}
	// The diagram follows.
	d := h.waitNewDrawing(old)
	if !hasRef(d, "seat:"+seat.Track+"/"+seat.Actor+"/observer") {
		t.Error("the diagram does not show the new role")
	}
	if !strings.Contains(h.win.Title(), "●") {
		t.Error("the title does not mark unsaved changes")
	}
	// The matrix shows it.
	h.drain()
	if got := h.u.matrix.cell(r, c); got != nil && got.role.Selected != "observer" {
		t.Errorf("the matrix cell shows %q", got.role.Selected)
	}
	// Certainty.
	h.u.matrix.cell(r, c).certainty.SetSelected("disputed")
	s = loadText(t, h.u.text())
	if s.Seats[i].Certainty != scenario.Disputed {
		t.Error("certainty did not change")
	}
	// None removes the seat.
	h.drain()
	h.u.matrix.cell(r, c).role.SetSelected(noRole)
	s = loadText(t, h.u.text())
	if len(seatsAt(s, seat.Track, seat.Actor)) != 0 {
		t.Error("the seat was not removed")
	}
	// The Text tab shows the edited text when it is selected.
	h.u.tabs.SelectIndex(0)
	if h.u.editor.ed.Text() != h.u.text() {
		t.Error("the Text tab does not show the edits")
	}
}

func TestBrokenTextKeepsDiagram(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	good := h.drawing()
	e := h.u.editor.ed
	h.win.Canvas().Focus(e)
	e.GotoLine(1, 1)
	test.Type(e, "[[actors]\n")
	h.settle("the problem listed", func() bool { return h.u.problems.HasErrors() })
	h.drain()
	if h.drawing() != good {
		t.Error("the diagram was replaced while the text has errors")
	}
	if !h.u.preview.banner.Visible() || !h.u.preview.view.veil.Visible() {
		t.Error("the diagram is not marked stale")
	}
	p := h.u.problems[0]
	if p.Line != 1 {
		t.Errorf("problem at line %d, want 1: %v", p.Line, p)
	}
	if h.u.probs.list.Length() == 0 || !strings.Contains(h.u.probs.header.Text, "error") {
		t.Error("the problems list does not show it")
	}
	if !h.u.forms.apply.Disabled() && h.u.forms.sel >= 0 {
		t.Error("the forms can still apply")
	}
	// Selecting the problem moves the cursor to its line.
	e.GotoLine(11, 1)
	h.u.probs.list.Select(0)
	if e.Cursor().Line != p.Line-1 {
		t.Errorf("cursor at row %d, want %d", e.Cursor().Line, p.Line-1)
	}
	// Fixing it brings a fresh diagram.
	h.u.undo()
	h.waitNewDrawing(good)
	if h.u.preview.banner.Visible() {
		t.Error("still marked stale after the fix")
	}
}

func TestUndoRedo(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	orig := h.u.text()
	r, c, _ := firstSeatCell(t, h)
	h.u.matrix.cell(r, c).role.SetSelected("observer")
	afterMatrix := h.u.text()
	// Typing, then a pause: one step.
	h.u.tabs.SelectIndex(0)
	e := h.u.editor.ed
	if e.Text() != afterMatrix {
		t.Fatal("the editor does not show the matrix edit")
	}
	e.GotoLine(1, 1)
	test.Type(e, "# typed\n")
	h.settle("the typing pause", func() bool { return h.u.history.current() == e.Text() })
	typed := e.Text()
	if !strings.HasPrefix(typed, "# typed\n") {
		t.Fatalf("typing went wrong: %q", typed[:20])
	}
	h.u.undo()
	if e.Text() != afterMatrix {
		t.Fatal("undo did not take back the typing")
	}
	h.u.undo()
	if e.Text() != orig {
		t.Fatal("undo did not take back the matrix edit")
	}
	if h.win.Title() != assets.ExampleName+" — Parley" {
		t.Errorf("title after undoing all: %q", h.win.Title())
	}
	h.u.redo()
	h.u.redo()
	if e.Text() != typed {
		t.Fatal("redo did not bring both back")
	}
	// The keyboard's undo goes to the same history, even in the editor.
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if e.Text() != afterMatrix {
		t.Error("Ctrl+Z in the editor did not use the shared history")
	}
	// Many steps deep.
	for i := range 30 {
		h.u.replaceText(h.u.text()+"# "+strings.Repeat("x", i)+"\n", true)
	}
	for range 30 {
		h.u.undo()
	}
	if e.Text() != afterMatrix {
		t.Error("30 undos did not get back")
	}
}

func TestUnsavedChangesGuard(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "s.toml")
	os.WriteFile(path, assets.Example, 0o644)
	other := filepath.Join(dir, "other.toml")
	os.WriteFile(other, []byte(blankScenario), 0o644)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.settle("diagram", func() bool { return h.drawing() != nil })
	h.u.replaceText(h.u.text()+"# change\n", true)
	// Closing asks; Cancel keeps everything.
	h.u.closeRequested()
	if h.u.guard == nil {
		t.Fatal("closing with unsaved changes did not ask")
	}
	test.Tap(h.overlayButton("Cancel"))
	if h.u.closing || !h.u.doc.dirty() {
		t.Fatal("Cancel did not keep the window and the changes")
	}
	// Opening another file asks too; Save saves, then opens.
	h.u.openRecent(other)
	if h.u.guard == nil {
		t.Fatal("opening another file with unsaved changes did not ask")
	}
	test.Tap(h.overlayButton("Save"))
	b, _ := os.ReadFile(path)
	if !strings.HasSuffix(string(b), "# change\n") {
		t.Error("Save did not save")
	}
	if h.u.doc.path != other {
		t.Error("the other file was not opened after saving")
	}
	// Discard closes without saving.
	h.u.replaceText(h.u.text()+"# more\n", true)
	h.u.closeRequested()
	test.Tap(h.overlayButton("Discard"))
	if !h.u.closing {
		t.Error("Discard did not close")
	}
	if b, _ := os.ReadFile(other); string(b) != blankScenario {
		t.Error("Discard wrote the file")
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestSaveAndReload(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	if err := os.WriteFile(path, assets.Example, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.settle("model", func() bool { return h.u.model != nil })
	r, c, _ := firstSeatCell(t, h)
	h.u.matrix.cell(r, c).role.SetSelected("observer")
	edited := h.u.text()
	h.u.save(nil)
	if h.u.lastError != nil {
		t.Fatal(h.u.lastError)
	}
	b, _ := os.ReadFile(path)
	if string(b) != edited {
		t.Fatal("the file does not hold the saved text")
	}
	if names := listDir(t, dir); !slices.Equal(names, []string{"talks.toml"}) {
		t.Errorf("the save left files behind: %v", names)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v not kept", fi.Mode().Perm())
	}
	if h.u.doc.dirty() || strings.Contains(h.win.Title(), "●") {
		t.Error("still dirty after saving")
	}
	if rec := h.u.recentFiles(); len(rec) == 0 || rec[0] != path {
		t.Errorf("recent files %v", rec)
	}
	// Reload reads it back.
	h.u.replaceText(string(assets.Example), true)
	h.u.reload()
	test.Tap(h.overlayButton("Discard"))
	h.u.tabs.SelectIndex(0)
	if h.u.text() != edited || h.u.editor.ed.Text() != edited {
		t.Error("reload did not bring back the saved text")
	}
	// A text that does not load is never saved.
	before, _ := os.Stat(path)
	h.u.replaceText(edited+"\n[[actors]]\nid = \"Bad Id\"\n", true)
	h.u.lastError = nil
	h.u.save(nil)
	if h.u.lastError == nil || !strings.Contains(h.u.lastError.Error(), "not saved") {
		t.Errorf("saving broken text: %v", h.u.lastError)
	}
	if b, _ := os.ReadFile(path); string(b) != edited {
		t.Error("the broken text was written")
	}
	if after, _ := os.Stat(path); !after.ModTime().Equal(before.ModTime()) {
		t.Error("the file was touched")
	}
	if !h.u.problems.HasErrors() {
		t.Error("the refusal does not show the problems")
	}
	if names := listDir(t, dir); !slices.Equal(names, []string{"talks.toml"}) {
		t.Errorf("files left behind: %v", names)
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.toml")
	if err := writeAtomic(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "two" {
		t.Errorf("content %q", b)
	}
	if names := listDir(t, dir); !slices.Equal(names, []string{"a.toml"}) {
		t.Errorf("left behind: %v", names)
	}
	// A failing save leaves the old file as it was.
	if err := writeAtomic(filepath.Join(dir, "missing", "b.toml"), []byte("x")); err == nil {
		t.Error("saving into a missing folder succeeded")
	}
	os.Mkdir(filepath.Join(dir, "d"), 0o755)
	if err := writeAtomic(filepath.Join(dir, "d"), []byte("x")); err == nil {
		t.Error("saving over a folder succeeded")
	}
}

func TestOutsideChange(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "s.toml")
	os.WriteFile(path, assets.Example, 0o644)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	// Changed outside, nothing unsaved here: reloaded (the watcher polls).
	changed := string(assets.Example) + "# from git\n"
	os.WriteFile(path, []byte(changed), 0o644)
	os.Chtimes(path, time.Now().Add(time.Minute), time.Now().Add(time.Minute))
	h.settle("the reload", func() bool { return h.u.text() == changed })
	if h.u.doc.dirty() {
		t.Error("a reload from disk is not dirty")
	}
	// Changed outside with unsaved changes here: asks.
	h.u.replaceText(changed+"# mine\n", true)
	theirs := changed + "# theirs\n"
	os.WriteFile(path, []byte(theirs), 0o644)
	os.Chtimes(path, time.Now().Add(2*time.Minute), time.Now().Add(2*time.Minute))
	h.settle("the question", func() bool { return h.win.Canvas().Overlays().Top() != nil })
	test.Tap(h.overlayButton("Keep mine"))
	if !strings.HasSuffix(h.u.text(), "# mine\n") {
		t.Error("Keep mine lost the changes here")
	}
}

func TestRecovery(t *testing.T) {
	a := tempApp(t)
	h := newHarnessIn(t, a, nil)
	h.openExample()
	h.u.replaceText(h.u.text()+"# unsaved work\n", true)
	h.u.autosave()
	h.u.recovery.wait()
	tp, _, ok := h.u.recoveryPaths()
	if !ok {
		t.Skip("the test app has no file storage")
	}
	if _, err := os.Stat(tp); err != nil {
		t.Fatalf("no recovery file: %v", err)
	}
	// The app "crashes"; the next start offers the work back.
	h.u.pipe.close()
	h2 := newHarnessIn(t, a, nil)
	h2.u.OpenExample()
	if h2.u.recoveryDialog == nil {
		t.Fatal("recovery was not offered")
	}
	test.Tap(h2.overlayButton("Recover"))
	if !strings.HasSuffix(h2.u.text(), "# unsaved work\n") || !h2.u.doc.dirty() {
		t.Error("the recovered work is not the unsaved text")
	}
	// Saving clears it.
	h2.u.removeRecovery()
	h2.u.recovery.wait()
	if _, err := os.Stat(tp); err == nil {
		t.Error("recovery file still there")
	}
}

func TestExport(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	dir := t.TempDir()
	h.u.pdfPage = "a4-landscape" // as the Export PDF dialog sets it
	for _, f := range []render.Format{render.PNG, render.SVG, render.PDF, render.DOT} {
		path := filepath.Join(dir, "out."+string(f))
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		var done, failed bool
		h.u.writeExport(h.u.model, f, 2, w, func(err error) {
			done, failed = true, err != nil
			if err != nil {
				t.Error(err)
			}
		})
		h.settle("export "+string(f), func() bool { return done })
		if failed {
			continue
		}
		b, _ := os.ReadFile(path)
		switch f {
		case render.PNG:
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("PNG: %v", err)
			}
			if img.Bounds().Dx() < 200 {
				t.Errorf("PNG only %d px wide", img.Bounds().Dx())
			}
		case render.SVG:
			if !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte("</svg>")) {
				t.Errorf("not an SVG: %.80s", b)
			}
		case render.PDF:
			if !bytes.HasPrefix(b, []byte("%PDF-1.4")) || !bytes.Contains(b, []byte("/MediaBox [0 0 841.89 595.28]")) {
				t.Errorf("not an A4 landscape PDF: %.80s", b)
			}
		case render.DOT:
			if !bytes.Contains(b, []byte("digraph")) {
				t.Errorf("not DOT: %.80s", b)
			}
		}
	}
}

func TestNewestEditWins(t *testing.T) {
	slow := &slowEngine{Engine: testWorker(), delay: 300 * time.Millisecond}
	h := newHarness(t, slow)
	h.u.OpenExample()
	// Three texts in quick succession: only the last is drawn.
	base := string(assets.Example)
	s := loadText(t, base)
	var texts []string
	for _, role := range []scenario.Role{scenario.RoleObserver, scenario.RoleInvited, scenario.RoleHost} {
		to := cloneModel(s)
		to.Seats[0].Role = role
		out, err := scenario.Edit([]byte(base), s, to)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(out))
	}
	var drawn []*drawing.Drawing
	h.u.measure = func(ev string, _ time.Duration) {
		if ev == "render" {
			drawn = append(drawn, h.drawing())
		}
	}
	for _, tx := range texts {
		h.u.replaceText(tx, true)
	}
	h.settle("a diagram", func() bool { return len(drawn) > 0 })
	h.drain()
	if len(drawn) != 1 {
		t.Errorf("%d diagrams drawn, want just the newest", len(drawn))
	}
	st := s.Seats[0]
	if !hasRef(drawn[0], "seat:"+st.Track+"/"+st.Actor+"/host") {
		t.Error("the diagram drawn is not the newest text's")
	}
}

func TestDiagramClickSelects(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	d := h.drawing()
	target := h.u.model.Tracks[0].ID
	for i, it := range d.Items {
		if it.Ref == "track:"+target && it.Kind == drawing.KindRect {
			b := itemBounds(&d.Items[i])
			pos := h.u.preview.view.viewPosOf(drawing.Point{X: (b.x0 + b.x1) / 2, Y: (b.y0 + b.y1) / 2})
			test.TapAt(h.u.preview.view, pos)
			break
		}
	}
	if h.u.tabs.SelectedIndex() != 1 || h.u.forms.cur.key != "tracks" || h.u.forms.sel != 0 {
		t.Errorf("click selected tab %d, %s #%d", h.u.tabs.SelectedIndex(), h.u.forms.cur.key, h.u.forms.sel)
	}
	if e, ok := h.u.forms.widgets["id"].(*formEntry); !ok || e.Text != target {
		t.Error("the form does not show the track")
	}
}

func TestFormsEditAndDates(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	f := h.u.forms
	h.u.selectRef("actor:" + h.u.model.Actors[1].ID)
	name := f.widgets["name"].(*formEntry)
	name.CursorColumn = len([]rune(name.Text))
	test.Type(name, " (edited)")
	test.Tap(f.apply)
	s := loadText(t, h.u.text())
	if !strings.HasSuffix(s.Actors[1].Name, " (edited)") {
		t.Errorf("name is %q", s.Actors[1].Name)
	}
	// An impossible date is refused and changes nothing.
	f.kind.SetSelected("Tracks")
	f.list.Select(0)
	before := h.u.text()
	start := f.widgets["start"].(*formEntry)
	start.SetText("2025-02-30")
	if start.Validate() == nil {
		t.Error("2025-02-30 passed the date field")
	}
	h.u.lastError = nil
	test.Tap(f.apply)
	if h.u.lastError == nil || h.u.text() != before {
		t.Error("an impossible date was applied")
	}
	start.SetText("~2025-02")
	test.Tap(f.apply)
	if s := loadText(t, h.u.text()); s.Tracks[0].Start.String() != "~2025-02" {
		t.Errorf("start is %v", s.Tracks[0].Start)
	}
	// Renaming an id renames the references.
	f.kind.SetSelected("Tracks")
	f.list.Select(0)
	old := h.u.model.Tracks[0].ID
	id := f.widgets["id"].(*formEntry)
	id.SetText("renamed-track")
	test.Tap(f.apply)
	s = loadText(t, h.u.text())
	if s.Tracks[0].ID != "renamed-track" || slices.ContainsFunc(s.Seats, func(st scenario.Seat) bool { return st.Track == old }) {
		t.Error("the rename did not follow to the seats")
	}
	// Add.
	f.kind.SetSelected("Sources")
	n := len(s.Sources)
	test.Tap(f.add)
	if s := loadText(t, h.u.text()); len(s.Sources) != n+1 {
		t.Error("add did not add a source")
	}
}

func TestDeleteActorAsks(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	s := h.u.model
	// An actor with seats.
	i := slices.IndexFunc(s.Actors, func(a scenario.Actor) bool {
		return len(slices.DeleteFunc(slices.Clone(s.Seats), func(st scenario.Seat) bool { return st.Actor != a.ID })) > 0
	})
	id := s.Actors[i].ID
	h.u.selectRef("actor:" + id)
	before := h.u.text()
	test.Tap(h.u.forms.del)
	if h.u.forms.confirm == nil || h.u.text() != before {
		t.Fatal("deleting an actor with seats did not ask first")
	}
	top := h.win.Canvas().Overlays().Top()
	if !strings.Contains(test.RenderObjectToMarkup(top), "seat") {
		t.Error("the question does not say which seats go")
	}
	test.Tap(h.overlayButton("Delete"))
	after := loadText(t, h.u.text())
	if slices.ContainsFunc(after.Actors, func(a scenario.Actor) bool { return a.ID == id }) ||
		slices.ContainsFunc(after.Seats, func(st scenario.Seat) bool { return st.Actor == id }) {
		t.Error("the actor or its seats are still there")
	}
}

func TestThemePreference(t *testing.T) {
	h := newHarness(t, nil)
	h.u.setTheme("dark")
	if h.app.Preferences().String(PrefTheme) != "dark" {
		t.Error("theme not remembered")
	}
	// A fixed variant gives the same colour whatever variant is asked.
	if th := h.app.Settings().Theme(); th.Color("background", 0) != th.Color("background", 1) {
		t.Error("the dark theme is not fixed")
	}
	h.u.setTheme("bogus")
	if h.app.Preferences().String(PrefTheme) != "system" {
		t.Error("a bad theme name was kept")
	}
}

func TestHelp(t *testing.T) {
	h := newHarness(t, nil)
	h.u.showFormatReference()
	if h.u.helpWindow == nil {
		t.Fatal("no help window")
	}
	md := formatReference()
	for _, want := range []string{"participant", "speculative", "[[seats]]"} {
		if !strings.Contains(md, want) {
			t.Errorf("format reference lacks %q", want)
		}
	}
	FormatReference = "# The format\n\n| key | type | what |\n|---|---|---|\n| `id` | string | the id |\n\ntext\n"
	defer func() { FormatReference = "" }()
	want := "# The format\n\n- `id` — type: string; what: the id\n\ntext\n"
	if got := formatReference(); got != want {
		t.Errorf("format reference:\n%s\nwant\n%s", got, want)
	}
	h.u.showAbout()
	if !strings.Contains(test.RenderObjectToMarkup(h.win.Canvas().Overlays().Top()), Version) {
		t.Error("About does not show the version")
	}
}

func TestMainLayoutMarkup(t *testing.T) {
	h := newHarness(t, nil)
	test.ApplyTheme(t, test.Theme())
	golden, err := os.ReadFile(filepath.Join("testdata", "golden.toml"))
	if err != nil {
		t.Fatal(err)
	}
	h.u.setDocument("", "golden.toml", string(golden))
	h.settle("the diagram", func() bool { return h.drawing() != nil })
	h.drain()
	test.AssertRendersToMarkup(t, "main_text.xml", h.win.Canvas())
	h.u.selectRef("actor:" + h.u.model.Actors[0].ID)
	h.drain()
	test.AssertRendersToMarkup(t, "main_forms.xml", h.win.Canvas())
	h.u.tabs.SelectIndex(2)
	h.drain()
	test.AssertRendersToMarkup(t, "main_matrix.xml", h.win.Canvas())
}

func TestLayoutCache(t *testing.T) {
	slow := &slowEngine{Engine: testWorker(), delay: time.Millisecond}
	c := &layoutCache{Engine: slow}
	s := loadText(t, string(assets.Example))
	for range 3 {
		if _, err := render.Diagram(t.Context(), c, s, render.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := render.Diagram(t.Context(), c, s, render.Options{Direction: render.TopToBottom}); err != nil {
		t.Fatal(err)
	}
	if slow.calls != 2 {
		t.Errorf("%d layouts for 2 different graphs", slow.calls)
	}
}

func TestOpenFileFails(t *testing.T) {
	h := newHarness(t, nil)
	if err := h.u.OpenFile(filepath.Join(t.TempDir(), "missing.toml")); err == nil || h.u.lastError == nil {
		t.Errorf("opening a missing file: %v, shown: %v", err, h.u.lastError)
	}
	if h.u.doc.path != "" {
		t.Error("a failed open changed the document")
	}
}

func TestForPeople(t *testing.T) {
	err := fmt.Errorf("ui: export big.png: %w", errors.New("render: PNG would be 40000×2667 px"))
	if got, want := forPeople(err), "Export big.png: PNG would be 40000×2667 px"; got != want {
		t.Errorf("forPeople = %q, want %q", got, want)
	}
}
