package ui

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"fyne.io/fyne/v2/dialog"
)

// Watching the open file for changes made outside Parley (another editor,
// git, a sync client). The file's folder is watched for events, since
// most editors save by writing a new file and renaming it over the old
// name (the old file's own watch would see nothing more); events for
// other names are dropped, and a burst of them (write, rename, chmod) is
// acted on once, after a short pause. The file is read and hashed off the
// UI thread; a content hash equal to what Parley itself last wrote or read
// is no outside change. A poll every watchInterval stays as the fallback
// for file systems without events (network and FUSE mounts) and for a
// watch that could not be set up.

// watchDebounce is how long the events for the file must pause before it
// is read.
const watchDebounce = 100 * time.Millisecond

// pollEvery is the poll's interval (tests lengthen it, to see the events
// alone at work).
var pollEvery = watchInterval

// fileWatch is the watch of one file, stopped when the file is closed, saved
// under another name or the window closes.
type fileWatch struct {
	done chan struct{}
	once sync.Once
	// events is set once the event watch is set up (tests).
	events atomic.Bool
}

func (w *fileWatch) stop() { w.once.Do(func() { close(w.done) }) }

func (w *fileWatch) stopped() bool {
	select {
	case <-w.done:
		return true
	default:
		return false
	}
}

// diskState is what the watch found of the file.
type diskState struct {
	err   error // it is gone (or cannot be looked at)
	stamp fileStamp
	text  string
	hash  [sha256.Size]byte
}

// watchFile starts watching the document's file (stopping any previous
// watch).
func (u *App) watchFile() {
	if u.watch != nil {
		u.watch.stop()
		u.watch = nil
	}
	if u.doc.path == "" || u.closing {
		return
	}
	w := &fileWatch{done: make(chan struct{})}
	u.watch = w
	path, known := u.doc.path, u.doc.stamp
	report := func(st diskState) {
		u.do(func() {
			if !w.stopped() {
				u.checkDisk(path, st)
			}
		})
	}
	go func() {
		events, closeEvents := watchEvents(path)
		w.events.Store(events != nil)
		w.run(path, known, events, closeEvents, report)
	}()
}

// run is the watch's loop: on events for the file (after the pause) and
// on each poll whose stamp differs from the last one seen, the file is read
// and reported.
func (w *fileWatch) run(path string, known fileStamp, events <-chan struct{}, closeEvents func(), report func(diskState)) {
	defer closeEvents()
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	pause := time.NewTimer(time.Hour)
	pause.Stop()
	gone := false
	look := func(evented bool) {
		fi, err := os.Stat(path)
		if err != nil {
			if !gone {
				gone = true
				known = fileStamp{}
				report(diskState{err: err})
			}
			return
		}
		stamp := stampOf(fi)
		if stamp == known && !evented && !gone {
			return
		}
		text, stamp, err := readScenarioFile(path)
		if err != nil {
			return // half written, or unreadable for now: the next look
		}
		gone, known = false, stamp
		report(diskState{stamp: stamp, text: text, hash: sha256.Sum256([]byte(text))})
	}
	for {
		select {
		case <-w.done:
			return
		case <-events:
			pause.Reset(watchDebounce)
		case <-pause.C:
			look(true)
		case <-tick.C:
			look(false)
		}
	}
}

// watchEvents watches the folder of path, and of the file a link at path
// names, for events that concern that name. It returns a nil channel when
// events cannot be had (the poll then does the work alone).
func watchEvents(path string) (<-chan struct{}, func()) {
	wr, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, func() {}
	}
	names := map[string]bool{}
	for _, p := range []string{path, resolved(path)} {
		p = filepath.Clean(p)
		if names[p] {
			continue
		}
		if err := wr.Add(filepath.Dir(p)); err == nil {
			names[p] = true
		}
	}
	if len(names) == 0 {
		wr.Close()
		return nil, func() {}
	}
	out := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case ev, ok := <-wr.Events:
				if !ok {
					return
				}
				if names[filepath.Clean(ev.Name)] {
					select {
					case out <- struct{}{}:
					default: // one pending is enough
					}
				}
			case _, ok := <-wr.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return out, func() {
		close(done)
		wr.Close()
	}
}

// resolved is the file a symbolic link at path names (path itself when it
// is no link).
func resolved(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return path
}

// checkDisk acts on the file's state on disk: reloads it when it changed
// and nothing here is unsaved, else asks.
func (u *App) checkDisk(path string, st diskState) {
	if path != u.doc.path {
		return
	}
	if st.err != nil {
		if u.doc.stamp != (fileStamp{}) {
			u.doc.stamp = fileStamp{}
			u.setStatus(fmt.Sprintf("%s was moved or deleted outside Parley; Save writes it again", path))
		}
		return
	}
	u.doc.stamp = st.stamp
	if st.hash == u.doc.diskHash || st.text == u.doc.saved {
		return // what Parley wrote or read last: no outside change
	}
	u.doc.diskHash = st.hash
	text, stamp := st.text, st.stamp
	if !u.doc.dirty() && !u.forms.pending() {
		u.reloadText(text, stamp)
		u.setStatus(fmt.Sprintf("%s changed on disk and was reloaded (Undo brings back the previous text)", u.doc.name))
		return
	}
	d := dialog.NewConfirm("File changed on disk",
		fmt.Sprintf("%s was changed outside Parley, and you have unsaved changes here.\nReload it and lose your changes?", u.doc.name),
		func(reload bool) {
			if reload {
				u.reloadText(text, stamp)
			} else {
				u.doc.saved = text // saving overwrites the outside version
			}
			u.updateTitle()
		}, u.win)
	d.SetConfirmText("Reload")
	d.SetDismissText("Keep mine")
	d.Show()
}
