package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pmezard/go-difflib/difflib"

	"github.com/parleyhq/parley/internal/safefile"
)

// Recovery: unsaved work is written to a file under the app's storage a
// moment after each change and offered back on the next start. When the
// file the work belongs to was changed outside Parley since (another
// editor, a colleague, a sync), recovering must not silently replace that
// newer version: the user chooses, and can see what differs first.

type recoveryInfo struct {
	Path  string    `json:"path"` // the file it belongs to, "" if never saved
	Name  string    `json:"name"`
	Saved time.Time `json:"saved"`
	// Base is the SHA-256 of the file's text the edits were made on (as
	// last opened or saved); "" for a file never saved, or from an older
	// Parley. A file on disk with another text changed since.
	Base string `json:"base,omitempty"`
}

func textHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

func (u *App) recoveryPaths() (text, info string, ok bool) {
	st := u.fyneApp.Storage()
	if st == nil || st.RootURI() == nil || st.RootURI().Scheme() != "file" {
		return "", "", false
	}
	root := st.RootURI().Path()
	return filepath.Join(root, "recovery.toml"), filepath.Join(root, "recovery.json"), true
}

func (u *App) scheduleAutosave() {
	if u.autoAt != nil {
		u.autoAt.Stop()
	}
	u.autoAt = time.AfterFunc(autosaveDelay, func() { u.do(u.autosave) })
}

// autosave writes unsaved work to the recovery file (or removes it when
// there is none).
func (u *App) autosave() {
	if u.closing {
		return
	}
	if !u.doc.dirty() {
		u.removeRecovery()
		return
	}
	tp, ip, ok := u.recoveryPaths()
	if !ok {
		return
	}
	text := []byte(u.text())
	ri := recoveryInfo{Path: u.doc.path, Name: u.doc.name, Saved: time.Now()}
	if u.doc.path != "" {
		ri.Base = textHash(u.doc.saved)
	}
	info, _ := json.Marshal(ri)
	private := &safefile.Options{Perm: 0o600}
	u.recovery.do(func() { // the writes flush to disk: off the UI thread
		os.MkdirAll(filepath.Dir(tp), 0o700)
		if err := writeFile(tp, text, private); err != nil {
			fyne.LogError("ui: autosave", err)
			return
		}
		writeFile(ip, info, private)
	})
}

func (u *App) removeRecovery() {
	if u.autoAt != nil {
		u.autoAt.Stop()
	}
	if tp, ip, ok := u.recoveryPaths(); ok {
		u.recovery.do(func() {
			os.Remove(tp)
			os.Remove(ip)
		})
	}
}

// recoveryFile runs the writes and removals of the recovery file off the UI
// thread, one at a time; a job that starts after a newer one has run is
// dropped, so the file always ends as the newest job left it.
type recoveryFile struct {
	mu      sync.Mutex
	next    uint64 // the last job's number (guarded by mu)
	done    uint64 // the newest job that has run (guarded by mu)
	pending sync.WaitGroup
}

func (r *recoveryFile) do(job func()) {
	r.mu.Lock()
	r.next++
	seq := r.next
	r.mu.Unlock()
	r.pending.Add(1)
	go func() {
		defer r.pending.Done()
		r.mu.Lock()
		defer r.mu.Unlock()
		if seq < r.done {
			return
		}
		r.done = seq
		job()
	}()
}

// wait returns once every job given so far has run or been dropped.
func (r *recoveryFile) wait() { r.pending.Wait() }

// offerRecovery asks, once a run, whether to bring back unsaved work left
// by a session that did not close cleanly.
func (u *App) offerRecovery() {
	if u.recoveryOffered {
		return
	}
	u.recoveryOffered = true
	tp, ip, ok := u.recoveryPaths()
	if !ok {
		return
	}
	text, err := os.ReadFile(tp)
	if err != nil {
		return
	}
	var info recoveryInfo
	if b, err := os.ReadFile(ip); err == nil {
		json.Unmarshal(b, &info)
	}
	if string(text) == u.text() {
		u.removeRecovery()
		return
	}
	if info.Path != "" {
		if disk, stamp, err := readScenarioFile(info.Path); err == nil {
			if disk == string(text) { // saved after all: nothing to recover
				u.removeRecovery()
				return
			}
			if changedSince(info, disk, stamp) {
				u.offerRecoveryOverNewer(info, string(text), disk, stamp)
				return
			}
		}
	}
	name := info.Name
	if name == "" {
		name = untitled
	}
	d := dialog.NewConfirm("Recover unsaved work?",
		fmt.Sprintf("Parley was closed with unsaved changes to %s%s.\nRecover them?", name, when(info.Saved)),
		func(yes bool) {
			if !yes {
				u.removeRecovery()
				return
			}
			u.recover(info, string(text))
		}, u.win)
	d.SetConfirmText("Recover")
	d.SetDismissText("Discard")
	u.recoveryDialog = d
	d.Show()
}

// changedSince reports whether the file on disk is not the one the
// recovered edits were made on.
func changedSince(info recoveryInfo, disk string, stamp fileStamp) bool {
	if info.Base != "" {
		return textHash(disk) != info.Base
	}
	return stamp.mod.After(info.Saved) // recovery data from before Base existed
}

// when is " (2 Jan 15:04)", or "" for no time.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return " (" + t.Format("2 Jan 15:04") + ")"
}

// offerRecoveryOverNewer asks what to do when the file was changed on disk
// after the recovered edits were made: keep the file on disk, restore the
// edits (as unsaved changes over it), or first see what differs.
func (u *App) offerRecoveryOverNewer(info recoveryInfo, text, disk string, stamp fileStamp) {
	name := filepath.Base(info.Path)
	msg := widget.NewLabel(fmt.Sprintf(
		"Parley was closed with unsaved changes to %s%s.\n"+
			"%s was changed outside Parley since then%s.\n\n"+
			"Restore my edits: they open as unsaved changes over the newer file,\n"+
			"which stays as it is on disk until you save.\n"+
			"Keep the file on disk: your recovered edits are discarded.",
		name, when(info.Saved), name, when(stamp.mod)))
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep the file on disk", func() {
		d.Hide()
		u.removeRecovery()
	})
	restore := widget.NewButton("Restore my edits", func() {
		d.Hide()
		u.recover(info, text)
	})
	restore.Importance = widget.HighImportance
	show := widget.NewButton("Show differences", func() {
		d.Hide()
		u.showRecoveryDiff(info, text, disk, stamp)
	})
	d = dialog.NewCustomWithoutButtons("The file changed since your unsaved work", msg, u.win)
	d.SetButtons([]fyne.CanvasObject{show, keep, restore})
	u.recoveryDialog = d
	d.Show()
}

// maxDiffLines bounds the differences shown; the rest is counted.
const maxDiffLines = 5000

// recoveryDiff is a line diff from the file on disk to the recovered
// text, in the unified format (- on disk, + recovered).
func recoveryDiff(name, disk, text string, diskTime, savedTime time.Time) string {
	out, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A:        difflib.SplitLines(disk),
		B:        difflib.SplitLines(text),
		FromFile: name + " on disk",
		FromDate: strings.TrimPrefix(when(diskTime), " "),
		ToFile:   "your recovered edits",
		ToDate:   strings.TrimPrefix(when(savedTime), " "),
		Context:  3,
	})
	if err != nil || out == "" {
		return "No differences in the text."
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) > maxDiffLines {
		more := len(lines) - maxDiffLines
		lines = append(lines[:maxDiffLines], fmt.Sprintf("… and %d more lines", more))
	}
	return strings.Join(lines, "\n")
}

// showRecoveryDiff shows the differences, with the same choices and Back.
// The diff is worked out off the UI thread (the files may be large).
func (u *App) showRecoveryDiff(info recoveryInfo, text, disk string, stamp fileStamp) {
	name := filepath.Base(info.Path)
	go func() {
		diff := recoveryDiff(name, disk, text, stamp.mod, info.Saved)
		u.do(func() {
			grid := widget.NewTextGrid()
			grid.SetText(diff)
			for i, line := range strings.Split(diff, "\n") {
				switch {
				case strings.HasPrefix(line, "+++"), strings.HasPrefix(line, "---"), strings.HasPrefix(line, "@@"):
					grid.SetRowStyle(i, &widget.CustomTextGridStyle{TextStyle: fyne.TextStyle{Bold: true, Monospace: true}})
				case strings.HasPrefix(line, "-"):
					grid.SetRowStyle(i, &widget.CustomTextGridStyle{FGColor: theme.Color(theme.ColorNameError)})
				case strings.HasPrefix(line, "+"):
					grid.SetRowStyle(i, &widget.CustomTextGridStyle{FGColor: theme.Color(theme.ColorNameSuccess)})
				}
			}
			legend := widget.NewLabel("− lines only in the file on disk, + lines only in your recovered edits")
			scroll := container.NewScroll(grid)
			scroll.SetMinSize(fyne.NewSize(720, 420))
			var d *dialog.CustomDialog
			back := widget.NewButton("Back", func() {
				d.Hide()
				u.offerRecoveryOverNewer(info, text, disk, stamp)
			})
			keep := widget.NewButton("Keep the file on disk", func() {
				d.Hide()
				u.removeRecovery()
			})
			restore := widget.NewButton("Restore my edits", func() {
				d.Hide()
				u.recover(info, text)
			})
			restore.Importance = widget.HighImportance
			d = dialog.NewCustomWithoutButtons("What differs: "+name, container.NewBorder(legend, nil, nil, nil, scroll), u.win)
			d.SetButtons([]fyne.CanvasObject{back, keep, restore})
			u.recoveryDialog = d
			d.Show()
		})
	}()
}

// recover opens the recovered text as unsaved changes to its file.
func (u *App) recover(info recoveryInfo, text string) {
	saved, stamp, path, name := "", fileStamp{}, "", untitled
	if info.Name != "" {
		name = info.Name
	}
	if info.Path != "" {
		if t, st, err := readScenarioFile(info.Path); err == nil {
			saved, stamp, path, name = t, st, info.Path, filepath.Base(info.Path)
		}
	}
	u.setDocument(path, name, saved)
	u.doc.stamp = stamp
	u.replaceText(text, true)
}
