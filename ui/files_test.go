package ui

import (
	"errors"
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

	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/render"
)

// restoreWriteFile puts writeFile back after a test.
func restoreWriteFile(t *testing.T) {
	saved := writeFile
	t.Cleanup(func() { writeFile = saved })
}

// chooseInSaveDialog answers the open Save As dialog with dir/name as a
// user would: the folder, the name, the Save button, and Yes to the
// overwrite question when the file exists.
func (h *harness) chooseInSaveDialog(dir, name string) {
	h.t.Helper()
	d := h.u.saveDialog
	if d == nil {
		h.t.Fatal("no Save As dialog is open")
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		h.t.Fatal(err)
	}
	d.SetLocation(l)
	d.SetFileName(name)
	test.Tap(h.overlayButton("Save"))
	if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
		test.Tap(h.overlayButton("Yes"))
	}
}

const oldScenario = "format = 1\n\n[scenario]\ntitle = \"Old\"\n"

func TestSaveAsOverExistingFile(t *testing.T) {
	restoreWriteFile(t)
	h := newHarness(t, nil)
	h.openExample()
	dir := t.TempDir()
	path := filepath.Join(dir, "existing.toml")
	if err := os.WriteFile(path, []byte(oldScenario), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o640)
	os.WriteFile(path+"~", []byte("the user's own backup"), 0o644)
	// Until the new file is written the old one is there in full: the
	// dialog did not truncate it.
	var atWrite string
	real := writeFile
	writeFile = func(p string, data []byte, opt *safefile.Options) error {
		b, _ := os.ReadFile(p)
		atWrite = string(b)
		return real(p, data, opt)
	}
	h.u.saveAs(nil)
	h.chooseInSaveDialog(dir, "existing.toml")
	if h.u.lastError != nil {
		t.Fatal(h.u.lastError)
	}
	if atWrite != oldScenario {
		t.Errorf("before the save the file held %q: the dialog truncated it", atWrite)
	}
	if b, _ := os.ReadFile(path); string(b) != h.u.text() {
		t.Error("the file does not hold the new text")
	}
	// No backup, no temporary file; the user's NAME~ is left alone.
	if names := listDir(t, dir); !slices.Equal(names, []string{"existing.toml", "existing.toml~"}) {
		t.Errorf("files: %v", names)
	}
	if b, _ := os.ReadFile(path + "~"); string(b) != "the user's own backup" {
		t.Error("the user's NAME~ file was changed")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v not kept", fi.Mode().Perm())
	}
	if h.u.doc.path != path || h.u.doc.dirty() {
		t.Errorf("the document is %q, dirty %v", h.u.doc.path, h.u.doc.dirty())
	}
}

func TestSaveAsFailureKeepsOldFile(t *testing.T) {
	restoreWriteFile(t)
	h := newHarness(t, nil)
	h.openExample()
	dir := t.TempDir()
	path := filepath.Join(dir, "existing.toml")
	os.WriteFile(path, []byte(oldScenario), 0o644)
	real := writeFile
	writeFile = func(string, []byte, *safefile.Options) error { return errors.New("ui: not saved: disk full") }
	h.u.saveAs(nil)
	h.chooseInSaveDialog(dir, "existing.toml")
	if h.u.lastError == nil || !strings.Contains(h.u.lastError.Error(), "disk full") {
		t.Errorf("error %v", h.u.lastError)
	}
	if h.u.doc.path == path {
		t.Error("the document took the new path")
	}
	writeFile = real
	// A read-only file is refused with a message that says so.
	os.Chmod(path, 0o444)
	h.u.lastError = nil
	h.u.saveAs(nil)
	h.chooseInSaveDialog(dir, "existing.toml")
	if h.u.lastError == nil || !strings.Contains(forPeople(h.u.lastError), "Not saved: cannot write "+path+": it is read-only") {
		t.Errorf("read-only: error %v", h.u.lastError)
	}
	if b, _ := os.ReadFile(path); string(b) != oldScenario {
		t.Errorf("the old file now holds %q", b)
	}
	if names := listDir(t, dir); !slices.Equal(names, []string{"existing.toml"}) {
		t.Errorf("files left behind: %v", names)
	}
	h.drain()
}

// TestSaveKeepsLinks: a document opened through a symbolic link is saved
// to the link's target, and the link stays; a hard-linked file is refused
// with a message rather than detached or changed under its other names.
func TestSaveKeepsLinks(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	target := filepath.Join(dir, "real.toml")
	os.WriteFile(target, []byte(oldScenario), 0o644)
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink("real.toml", link); err != nil {
		t.Skip(err)
	}
	if err := h.u.OpenFile(link); err != nil {
		t.Fatal(err)
	}
	h.u.replaceText(oldScenario+"# edited\n", true)
	h.u.save(nil)
	if h.u.lastError != nil {
		t.Fatal(h.u.lastError)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("saving made the link a file")
	}
	if b, _ := os.ReadFile(target); !strings.HasSuffix(string(b), "# edited\n") {
		t.Errorf("the target holds %q", b)
	}

	other := filepath.Join(dir, "other-name.toml")
	os.Link(target, other)
	h.u.replaceText(oldScenario+"# again\n", true)
	h.u.save(nil)
	if h.u.lastError == nil || !strings.Contains(forPeople(h.u.lastError), "it has other hard links") {
		t.Errorf("hard link: error %v", h.u.lastError)
	}
	a, _ := os.Stat(target)
	b, _ := os.Stat(other)
	if !os.SameFile(a, b) {
		t.Error("the hard link was broken")
	}
	if !h.u.doc.dirty() {
		t.Error("a refused save marked the document saved")
	}
	h.drain()
}

// TestOpenAndSaveCleanDebris: what an interrupted save left (Parley's own
// temporary files, old enough) goes when the file is next opened or saved;
// anything else stays.
func TestOpenAndSaveCleanDebris(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	os.WriteFile(path, []byte(oldScenario), 0o644)
	old := time.Now().Add(-safefile.StaleAge - time.Minute)
	debris := func(name string, at time.Time) {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("partial"), 0o600)
		os.Chtimes(p, at, at)
	}
	debris(".talks.toml.parley-abcdefgh.tmp", old)
	debris(".talks.toml.parley-ijklmnop.tmp", time.Now()) // another save under way
	debris("talks.toml~", old)
	debris(".talks.toml.swp", old)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	want := []string{".talks.toml.parley-ijklmnop.tmp", ".talks.toml.swp", "talks.toml", "talks.toml~"}
	if names := listDir(t, dir); !slices.Equal(names, want) {
		t.Errorf("after opening: %v", names)
	}
	os.Chtimes(filepath.Join(dir, ".talks.toml.parley-ijklmnop.tmp"), old, old)
	h.u.replaceText(oldScenario+"# more\n", true)
	h.u.save(nil)
	if names := listDir(t, dir); !slices.Equal(names, want[1:]) {
		t.Errorf("after saving: %v", names)
	}
	h.drain()
}

func TestExportNeverOverwritesTheScenario(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	os.WriteFile(path, []byte(oldScenario), 0o644)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.settle("the model", func() bool { return h.u.model != nil })
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	var done error
	finished := false
	h.u.writeExport(h.u.model, render.SVG, 1, w, func(err error) { done, finished = err, true })
	h.settle("the export", func() bool { return finished })
	if done == nil || !strings.Contains(forPeople(h.u.lastError), "it is the input file") {
		t.Errorf("export over the scenario: %v / %v", done, h.u.lastError)
	}
	if b, _ := os.ReadFile(path); string(b) != oldScenario {
		t.Errorf("the scenario now holds %q", truncate(b))
	}
}

func truncate(b []byte) string {
	if len(b) > 40 {
		return string(b[:40])
	}
	return string(b)
}

// crashWithUnsavedWork opens path, edits it, lets the autosave run and
// "crashes" (no clean close), leaving recovery data in a's storage.
func crashWithUnsavedWork(t *testing.T, a fyne.App, path, edit string) {
	t.Helper()
	h := newHarnessIn(t, a, nil)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.u.replaceText(h.u.text()+edit, true)
	h.u.autosave()
	h.u.recovery.wait()
	if _, _, ok := h.u.recoveryPaths(); !ok {
		t.Skip("the test app has no file storage")
	}
	h.u.pipe.close()
}

// findTextGrid is the first TextGrid in o.
func findTextGrid(o fyne.CanvasObject) *widget.TextGrid {
	if g, ok := o.(*widget.TextGrid); ok {
		return g
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if g := findTextGrid(k); g != nil {
			return g
		}
	}
	return nil
}

// TestRecoveryOverNewerFile: when the file was changed outside Parley
// after the unsaved work was made, recovery does not silently replace it:
// the user sees what differs and chooses.
func TestRecoveryOverNewerFile(t *testing.T) {
	a := tempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	os.WriteFile(path, []byte(oldScenario), 0o644)
	crashWithUnsavedWork(t, a, path, "# my unsaved edit\n")
	theirs := strings.Replace(oldScenario, `"Old"`, `"Changed elsewhere"`, 1)
	os.WriteFile(path, []byte(theirs), 0o644)

	h := newHarnessIn(t, a, nil)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	if h.u.recoveryDialog == nil {
		t.Fatal("recovery was not offered")
	}
	if findButton(h.win.Canvas().Overlays().Top(), "Recover") != nil {
		t.Fatal("the plain Recover question was asked over a newer file")
	}
	test.Tap(h.overlayButton("Show differences"))
	h.settle("the differences", func() bool {
		top := h.win.Canvas().Overlays().Top()
		return top != nil && findTextGrid(top) != nil
	})
	diff := findTextGrid(h.win.Canvas().Overlays().Top()).Text()
	for _, want := range []string{"--- talks.toml on disk", "+++ your recovered edits", `-title = "Changed elsewhere"`, `+title = "Old"`, "+# my unsaved edit"} {
		if !strings.Contains(diff, want) {
			t.Errorf("the differences lack %q:\n%s", want, diff)
		}
	}
	test.Tap(h.overlayButton("Back"))
	test.Tap(h.overlayButton("Restore my edits"))
	if !strings.HasSuffix(h.u.text(), "# my unsaved edit\n") || h.u.doc.saved != theirs || !h.u.doc.dirty() {
		t.Errorf("restored: text %q, saved %q", h.u.text(), h.u.doc.saved)
	}
	if b, _ := os.ReadFile(path); string(b) != theirs {
		t.Error("restoring wrote over the newer file before any save")
	}
	h.u.recovery.wait()

	// Again, keeping the file on disk this time.
	h.u.pipe.close()
	b := tempApp(t)
	crashWithUnsavedWork(t, b, path, "# second edit\n")
	os.WriteFile(path, []byte(theirs+"# changed once more\n"), 0o644)
	h2 := newHarnessIn(t, b, nil)
	h2.u.OpenExample()
	test.Tap(h2.overlayButton("Keep the file on disk"))
	h2.u.recovery.wait()
	if tp, _, _ := h2.u.recoveryPaths(); fileExists(tp) {
		t.Error("the recovery data was kept after choosing the file on disk")
	}
	if h2.u.doc.dirty() || h2.u.doc.path != "" {
		t.Errorf("keeping the file on disk changed the document: %q", h2.u.doc.path)
	}
	if b, _ := os.ReadFile(path); string(b) != theirs+"# changed once more\n" {
		t.Error("the file on disk changed")
	}
}

// TestRecoveryOverUnchangedFile: the file is as the edits found it, so
// the plain question is asked (and a touched but unchanged file is not a
// change).
func TestRecoveryOverUnchangedFile(t *testing.T) {
	a := tempApp(t)
	path := filepath.Join(t.TempDir(), "talks.toml")
	os.WriteFile(path, []byte(oldScenario), 0o644)
	crashWithUnsavedWork(t, a, path, "# mine\n")
	later := time.Now().Add(time.Hour)
	os.Chtimes(path, later, later)
	h := newHarnessIn(t, a, nil)
	h.u.OpenExample()
	test.Tap(h.overlayButton("Recover"))
	if h.u.doc.path != path || !strings.HasSuffix(h.u.text(), "# mine\n") || h.u.doc.saved != oldScenario {
		t.Errorf("recovered %q: %q", h.u.doc.path, h.u.text())
	}
	h.u.recovery.wait()
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestSaveAsAddsExtension(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	dir := t.TempDir()
	h.u.saveAs(nil)
	h.chooseInSaveDialog(dir, "talks")
	if names := listDir(t, dir); !slices.Equal(names, []string{"talks.toml"}) {
		t.Errorf("files: %v", names)
	}
	// An existing name.toml is only replaced after asking.
	os.WriteFile(filepath.Join(dir, "talks.toml"), []byte(oldScenario), 0o644)
	h.u.saveAs(nil)
	h.chooseInSaveDialog(dir, "talks")
	if b, _ := os.ReadFile(filepath.Join(dir, "talks.toml")); string(b) != oldScenario {
		t.Fatal("talks.toml was replaced without asking")
	}
	test.Tap(h.overlayButton("Replace"))
	if b, _ := os.ReadFile(filepath.Join(dir, "talks.toml")); string(b) != h.u.text() {
		t.Error("talks.toml was not replaced")
	}
}

func TestDeferredWriter(t *testing.T) {
	tempApp(t)
	installLazyFileRepo()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	os.WriteFile(path, []byte("keep"), 0o644)
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Fatal("getting a writer emptied the file")
	}
	if p, truncated := pathOfSaveWriter(w); p != path || truncated {
		t.Errorf("path %q, truncated %v", p, truncated)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Error("a discarded writer changed the file")
	}
	// A writer used as usual writes as usual.
	w, _ = storage.Writer(storage.NewFileURI(path))
	w.Write([]byte("new"))
	w.Close()
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	// Closed unwritten, it empties the file, as a plain writer does.
	w, _ = storage.Writer(storage.NewFileURI(path))
	w.Close()
	if b, err := os.ReadFile(path); err != nil || len(b) != 0 {
		t.Errorf("content %q, %v", b, err)
	}
}

func TestDropOpensFile(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	dir := t.TempDir()
	path := filepath.Join(dir, "dropped.toml")
	os.WriteFile(path, []byte(oldScenario), 0o644)
	other := filepath.Join(dir, "notes.txt")
	os.WriteFile(other, []byte("x"), 0o644)
	// A file that is not a scenario is refused.
	h.u.lastError = nil
	h.u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(other)})
	if h.u.lastError == nil || h.u.doc.path != "" {
		t.Error("a .txt drop was not refused")
	}
	// Unsaved changes are asked about first.
	h.u.replaceText(h.u.text()+"# mine\n", true)
	h.u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(other), storage.NewFileURI(path)})
	if h.u.guard == nil {
		t.Fatal("dropping a file over unsaved changes did not ask")
	}
	test.Tap(h.overlayButton("Discard"))
	if h.u.doc.path != path || h.u.text() != oldScenario {
		t.Errorf("the dropped file was not opened: %q", h.u.doc.path)
	}
}

// TestOpenErrorNamesThePathOnce: "cannot open x: reason", not "open x:
// open x: reason".
func TestOpenErrorNamesThePathOnce(t *testing.T) {
	h := newHarness(t, nil)
	missing := filepath.Join(t.TempDir(), "missing.toml")
	h.u.OpenFile(missing)
	if got, want := forPeople(h.u.lastError), "Cannot open "+missing+": no such file or directory"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
