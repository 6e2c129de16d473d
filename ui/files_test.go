package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// restoreFileOps puts writeAtomic's file operations back after a test; it
// returns a function that puts them back at once.
func restoreFileOps(t *testing.T) func() {
	rename, link, sync := renameFile, linkFile, syncFile
	reset := func() { renameFile, linkFile, syncFile = rename, link, sync }
	t.Cleanup(reset)
	return reset
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
	restoreFileOps(t)
	h := newHarness(t, nil)
	h.openExample()
	dir := t.TempDir()
	path := filepath.Join(dir, "existing.toml")
	if err := os.WriteFile(path, []byte(oldScenario), 0o640); err != nil {
		t.Fatal(err)
	}
	// Until the new file is renamed into place the old one is there in
	// full, and so is its backup.
	var atRename, backupAtRename string
	renameFile = func(from, to string) error {
		b, _ := os.ReadFile(to)
		atRename = string(b)
		b, _ = os.ReadFile(to + "~")
		backupAtRename = string(b)
		return os.Rename(from, to)
	}
	h.u.saveAs(nil)
	h.chooseInSaveDialog(dir, "existing.toml")
	if h.u.lastError != nil {
		t.Fatal(h.u.lastError)
	}
	if atRename != oldScenario {
		t.Errorf("before the rename the file held %q: the dialog truncated it", atRename)
	}
	if backupAtRename != oldScenario {
		t.Errorf("no backup of the old file during the save: %q", backupAtRename)
	}
	if b, _ := os.ReadFile(path); string(b) != h.u.doc.text {
		t.Error("the file does not hold the new text")
	}
	if names := listDir(t, dir); !slices.Equal(names, []string{"existing.toml"}) {
		t.Errorf("files left behind: %v", names)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("permissions %v not kept", fi.Mode().Perm())
	}
	if h.u.doc.path != path || h.u.doc.dirty() {
		t.Errorf("the document is %q, dirty %v", h.u.doc.path, h.u.doc.dirty())
	}
}

func TestSaveAsFailureKeepsOldFile(t *testing.T) {
	reset := restoreFileOps(t)
	h := newHarness(t, nil)
	h.openExample()
	dir := t.TempDir()
	path := filepath.Join(dir, "existing.toml")
	os.WriteFile(path, []byte(oldScenario), 0o644)
	for _, step := range []string{"sync", "link", "rename"} {
		reset()
		fail := func(string, string) error { return errors.New("disk full") }
		switch step {
		case "sync":
			syncFile = func(*os.File) error { return errors.New("disk full") }
		case "link":
			linkFile = fail
			// The copy fallback keeps the backup; make it fail too by
			// putting a folder where the backup goes.
			os.Mkdir(path+"~", 0o755)
			os.WriteFile(filepath.Join(path+"~", "x"), nil, 0o644)
		case "rename":
			renameFile = fail
		}
		h.u.lastError = nil
		h.u.saveAs(nil)
		h.chooseInSaveDialog(dir, "existing.toml")
		if h.u.lastError == nil || !strings.HasPrefix(h.u.lastError.Error(), "ui: save") {
			t.Errorf("%s failing: error %v", step, h.u.lastError)
		}
		if b, _ := os.ReadFile(path); string(b) != oldScenario {
			t.Errorf("%s failing: the old file now holds %q", step, b)
		}
		if step == "link" {
			os.RemoveAll(path + "~")
		}
		if names := listDir(t, dir); !slices.Equal(names, []string{"existing.toml"}) {
			t.Errorf("%s failing: files left behind: %v", step, names)
		}
		if h.u.doc.path == path {
			t.Errorf("%s failing: the document took the new path", step)
		}
		h.drain()
	}
	// With link failing the backup is a copy, and the save goes through.
	reset()
	linkFile = func(string, string) error { return errors.New("no hard links here") }
	var backup string
	renameFile = func(from, to string) error {
		b, _ := os.ReadFile(to + "~")
		backup = string(b)
		return os.Rename(from, to)
	}
	h.u.lastError = nil
	h.u.saveAs(nil)
	h.chooseInSaveDialog(dir, "existing.toml")
	if h.u.lastError != nil || backup != oldScenario {
		t.Errorf("copied backup: error %v, backup %q", h.u.lastError, backup)
	}
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
	if b, _ := os.ReadFile(filepath.Join(dir, "talks.toml")); string(b) != h.u.doc.text {
		t.Error("talks.toml was not replaced")
	}
}

func TestDeferredWriter(t *testing.T) {
	test.NewTempApp(t)
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
	h.u.replaceText(h.u.doc.text+"# mine\n", true)
	h.u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(other), storage.NewFileURI(path)})
	if h.u.guard == nil {
		t.Fatal("dropping a file over unsaved changes did not ask")
	}
	test.Tap(h.overlayButton("Discard"))
	if h.u.doc.path != path || h.u.doc.text != oldScenario {
		t.Errorf("the dropped file was not opened: %q", h.u.doc.path)
	}
}
