package ui

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/scenario"
)

// blankScenario is the text of File › New › Blank.
const blankScenario = `format = 1

[scenario]
title = "Untitled scenario"
`

const untitled = "untitled.toml"

// fileStamp is what the watcher compares to notice outside changes.
type fileStamp struct {
	mod  time.Time
	size int64
}

func stampOf(fi os.FileInfo) fileStamp { return fileStamp{fi.ModTime(), fi.Size()} }

// readScenarioFile reads a scenario file, refusing one too large to be a
// scenario. It also removes what an interrupted save of it left behind
// (Parley's own temporary files only, see safefile.CleanStale).
func readScenarioFile(path string) (string, fileStamp, error) {
	safefile.CleanStale(path)
	f, err := os.Open(path)
	if err != nil {
		return "", fileStamp{}, fmt.Errorf("ui: cannot open %s: %w", path, pathCause(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", fileStamp{}, fmt.Errorf("ui: cannot open %s: %w", path, pathCause(err))
	}
	if fi.IsDir() {
		return "", fileStamp{}, fmt.Errorf("ui: cannot open %s: it is a folder, not a scenario file", path)
	}
	if fi.Size() > scenario.MaxFileSize {
		return "", fileStamp{}, fmt.Errorf("ui: cannot open %s: %d bytes is too large for a scenario file (the limit is %d MiB)", path, fi.Size(), scenario.MaxFileSize>>20)
	}
	b, err := io.ReadAll(io.LimitReader(f, scenario.MaxFileSize+1))
	if err != nil {
		return "", fileStamp{}, fmt.Errorf("ui: cannot read %s: %w", path, pathCause(err))
	}
	return string(b), stampOf(fi), nil
}

// pathCause drops the *PathError around err, whose text would repeat the
// path the message already names ("open x: open x: …").
func pathCause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeAtomic writes data to path by safefile's rules: atomically, so at
// every moment the path holds the old content or the new one in full (and
// when it fails, the old file is untouched and nothing is left behind);
// links followed and kept, mode and owner kept; read-only, hard-linked
// and non-regular files that cannot be written in place refused with a
// message. A FIFO no program reads is an error, not a wait that would
// freeze the window.
func writeAtomic(path string, data []byte) error {
	return writeFile(path, data, nil)
}

// writeFile is writeAtomic with more options; tests replace it to make
// a save fail.
var writeFile = func(path string, data []byte, opt *safefile.Options) error {
	if opt == nil {
		opt = &safefile.Options{}
	}
	opt.NoWait = true
	if err := safefile.Write(path, data, opt); err != nil {
		return fmt.Errorf("ui: not saved: %w", err)
	}
	return nil
}

// checkSavable loads the text as it would be saved; a text with errors is
// not saved, and its problems are shown.
func (u *App) checkSavable() error {
	u.flushTyping()
	_, err := scenario.Load(u.doc.name, strings.NewReader(u.text()))
	if err == nil {
		return nil
	}
	u.loaded(u.text(), nil, err)
	var ps scenario.Problems
	if errors.As(err, &ps) {
		n, _ := countProblems(ps)
		return fmt.Errorf("ui: not saved: the text has %s (see Problems); Parley never saves a file it could not open again", plural(n, "error"))
	}
	return fmt.Errorf("ui: not saved: %w", err)
}

// saveTo writes the document to path atomically, if it loads.
func (u *App) saveTo(path string) error {
	if err := u.checkSavable(); err != nil {
		return err
	}
	text := u.text()
	if err := writeAtomic(path, []byte(text)); err != nil {
		return err
	}
	u.doc.path, u.doc.name, u.doc.saved = path, filepath.Base(path), text
	u.doc.diskHash = sha256.Sum256([]byte(text))
	if fi, err := os.Stat(path); err == nil {
		u.doc.stamp = stampOf(fi)
	}
	u.addRecent(path)
	u.preview.rememberView()
	u.removeRecovery()
	u.watchFile()
	u.updateTitle()
	u.updateStatus()
	return nil
}

// save saves to the document's file, or asks where; then runs after (when
// the save succeeded).
func (u *App) save(after func()) {
	u.forms.leave("save", func() { u.saveNow(after) }, nil)
}

func (u *App) saveNow(after func()) {
	if u.doc.path == "" {
		u.saveAs(after)
		return
	}
	if err := u.saveTo(u.doc.path); err != nil {
		u.showError(err)
		return
	}
	if after != nil {
		after()
	}
}

// saveAs asks for a file name and saves there. Only the path is taken
// from the dialog: the file is written by saveTo, atomically, like Save, so
// an existing file is never emptied (see safewrite.go). A name without the
// .toml extension gets it, after asking when that file exists.
func (u *App) saveAs(after func()) {
	u.forms.leave("save", func() { u.saveAsNow(after) }, nil)
}

func (u *App) saveAsNow(after func()) {
	if err := u.checkSavable(); err != nil {
		u.showError(err)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		u.saveDialog = nil
		if err != nil {
			u.showError(fmt.Errorf("ui: save as: %w", err))
			return
		}
		if w == nil {
			return
		}
		path, truncated := pathOfSaveWriter(w)
		if !strings.EqualFold(filepath.Ext(path), ".toml") {
			if fi, err := os.Stat(path); truncated && err == nil && fi.Size() == 0 {
				os.Remove(path) // the dialog made it; the file gets its extension
			}
			path += ".toml"
			if _, err := os.Stat(path); err == nil {
				c := dialog.NewConfirm("Replace file?",
					fmt.Sprintf("%s already exists.\nReplace it?", filepath.Base(path)),
					func(ok bool) {
						if ok {
							u.saveAsTo(path, after)
						}
					}, u.win)
				c.SetConfirmText("Replace")
				c.Show()
				return
			}
		}
		u.saveAsTo(path, after)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	d.SetFileName(u.doc.name)
	u.setDialogFolder(d)
	u.saveDialog = d
	d.Show()
}

// saveAsTo saves to the path chosen in Save As, then runs after.
func (u *App) saveAsTo(path string, after func()) {
	if err := u.saveTo(path); err != nil {
		u.showError(err)
		return
	}
	if after != nil {
		after()
	}
}

// setDialogFolder starts a file dialog in the open file's folder.
func (u *App) setDialogFolder(d *dialog.FileDialog) {
	if u.doc.path == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.doc.path))); err == nil {
		d.SetLocation(l)
	}
}

// unsavedGuard is the Save / Discard / Cancel question, kept so tests can
// answer it.
type unsavedGuard struct {
	dlg                   dialog.Dialog
	save, discard, cancel *widget.Button
}

// whenSafe runs proceed now when there are no unsaved changes, else asks
// Save / Discard / Cancel first; what says what is about to happen
// ("close the window").
func (u *App) whenSafe(what string, proceed func()) {
	u.forms.leave(what, func() { u.whenSaved(what, proceed) }, nil)
}

// whenSaved is whenSafe once the forms hold no change.
func (u *App) whenSaved(what string, proceed func()) {
	u.flushTyping()
	if !u.doc.dirty() {
		proceed()
		return
	}
	g := &unsavedGuard{}
	msg := widget.NewLabel(fmt.Sprintf("%s has changes that are not saved.\nSave them before you %s?", u.doc.name, what))
	g.save = widget.NewButton("Save", func() {
		g.dlg.Hide()
		u.guard = nil
		u.save(proceed)
	})
	g.save.Importance = widget.HighImportance
	g.discard = widget.NewButton("Discard", func() {
		g.dlg.Hide()
		u.guard = nil
		u.removeRecovery()
		u.doc.saved = u.text() // nothing to lose any more
		proceed()
	})
	g.discard.Importance = widget.DangerImportance
	g.cancel = widget.NewButton("Cancel", func() {
		g.dlg.Hide()
		u.guard = nil
	})
	g.dlg = dialog.NewCustomWithoutButtons("Unsaved changes", msg, u.win)
	g.dlg.(*dialog.CustomDialog).SetButtons([]fyne.CanvasObject{g.cancel, g.discard, g.save})
	u.guard = g
	g.dlg.Show()
}

// closeRequested is the window's close intercept, and File › Quit: after
// the unsaved-changes question it closes every window Parley opened (the
// format reference, …) with the main one, so that the process ends.
func (u *App) closeRequested() {
	u.whenSafe("close the window", func() {
		u.removeRecovery()
		u.shutdown()
		for _, w := range slices.Clone(u.fyneApp.Driver().AllWindows()) { // Close changes the list
			if w != u.win {
				w.Close()
			}
		}
		u.helpWindow = nil
		u.win.Close()
		u.fyneApp.Quit()
	})
}

// openDialog asks for a scenario file and opens it.
func (u *App) openDialog() {
	u.whenSafe("open another file", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			u.OpenFile(path)
		}, u.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
		u.setDialogFolder(d)
		d.Show()
	})
}

// dropped opens a scenario file dropped on the window: the first .toml
// file among the dropped items (after asking about unsaved changes).
func (u *App) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, uri := range uris {
		if uri.Scheme() == "file" && strings.EqualFold(uri.Extension(), ".toml") {
			path := uri.Path()
			u.whenSafe("open "+filepath.Base(path), func() { u.OpenFile(path) })
			return
		}
	}
	if len(uris) > 0 {
		u.showError(fmt.Errorf("ui: only scenario files (.toml) open by dropping them on the window"))
	}
}

// openRecent opens a file of the recent files list; one that is no longer
// there is taken off the list, and the user told.
func (u *App) openRecent(path string) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		u.removeRecent(path)
		u.showInfo("File not found", fmt.Sprintf("%s is no longer there (moved, renamed or deleted).\nIt has been taken off Open Recent.", path))
		return
	}
	u.whenSafe("open another file", func() { u.OpenFile(path) })
}

func (u *App) newFromExample() {
	u.whenSafe("start a new scenario", func() { u.setDocument("", untitled, string(assets.Example)) })
}

func (u *App) newBlank() {
	u.whenSafe("start a new scenario", func() { u.setDocument("", untitled, blankScenario) })
}

// closeFile closes the file, leaving a blank scenario.
func (u *App) closeFile() {
	u.whenSafe("close it", func() {
		u.removeRecovery()
		u.setDocument("", untitled, blankScenario)
	})
}

// reload reads the file again, dropping changes here (after asking).
func (u *App) reload() {
	if u.doc.path == "" {
		return
	}
	u.whenSafe("reload it from disk", func() {
		text, stamp, err := readScenarioFile(u.doc.path)
		if err != nil {
			u.showError(err)
			return
		}
		u.reloadText(text, stamp)
	})
}

// reloadText makes text, just read from the file, the document's text and
// saved text, as an undo step.
func (u *App) reloadText(text string, stamp fileStamp) {
	u.doc.saved = text
	u.doc.stamp = stamp
	u.doc.diskHash = sha256.Sum256([]byte(text))
	u.removeRecovery()
	u.replaceText(text, true)
}

// showInfo shows a message in a dialog.
func (u *App) showInfo(title, msg string) {
	u.lastInfo = msg
	dialog.ShowInformation(title, msg, u.win)
}

// showError shows an error in a dialog.
func (u *App) showError(err error) {
	u.lastError = err
	dialog.ShowError(errors.New(forPeople(err)), u.win)
}

// forPeople is an error's text for a dialog: without the Go package prefixes
// ("ui: export x.png: render: …") that help in logs but not in a window,
// starting with a capital.
func forPeople(err error) string {
	msg := err.Error()
	for _, prefix := range []string{"ui: ", "render: ", "scenario: ", "safefile: "} {
		msg = strings.ReplaceAll(msg, prefix, "")
	}
	if r, size := utf8.DecodeRuneInString(msg); size > 0 {
		msg = string(unicode.ToUpper(r)) + msg[size:]
	}
	return msg
}
