package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/assets"
)

// eventsOnly makes the poll so slow that only events can notice a change
// within a test.
func eventsOnly(t *testing.T) {
	old := pollEvery
	pollEvery = time.Hour
	t.Cleanup(func() { pollEvery = old })
}

// openWatched opens a copy of the example at dir/name and waits for its
// event watch.
func openWatched(t *testing.T, h *harness, path string) {
	t.Helper()
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.settle("the event watch", func() bool { return h.u.watch != nil && h.u.watch.events.Load() })
	h.drain()
}

// saveByRename writes text as most editors save: a new file renamed over
// the name.
func saveByRename(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".~"+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestWatchEvents: a change saved by another editor, by rename or in
// place, is reloaded at once by the event watch (the poll is off), and a
// burst of writes is one reload.
func TestWatchEvents(t *testing.T) {
	eventsOnly(t)
	h := newHarness(t, nil)
	path := filepath.Join(t.TempDir(), "s.toml")
	os.WriteFile(path, assets.Example, 0o644)
	openWatched(t, h, path)

	byRename := string(assets.Example) + "# saved by rename\n"
	saveByRename(t, path, byRename)
	h.settle("the reload after a rename", func() bool { return h.u.text() == byRename })
	if h.u.doc.dirty() || !strings.Contains(h.u.status.Text, "changed on disk") {
		t.Errorf("dirty %v, status %q", h.u.doc.dirty(), h.u.status.Text)
	}

	inPlace := byRename + "# written in place\n"
	os.WriteFile(path, []byte(inPlace), 0o644)
	h.settle("the reload after a write", func() bool { return h.u.text() == inPlace })

	steps := len(h.u.history.snaps)
	var last string
	for i := range 5 {
		last = inPlace + strings.Repeat("# burst\n", i+1)
		os.WriteFile(path, []byte(last), 0o644)
		time.Sleep(10 * time.Millisecond)
	}
	h.settle("the reload after a burst", func() bool { return h.u.text() == last })
	time.Sleep(3 * watchDebounce)
	h.drain()
	if got := len(h.u.history.snaps) - steps; got != 1 {
		t.Errorf("a burst of 5 writes made %d reloads, want 1", got)
	}
}

// TestWatchIgnoresSameContent: Parley's own save, and a file touched or
// rewritten with the same content, are no outside change: no reload, no
// undo step, no message.
func TestWatchIgnoresSameContent(t *testing.T) {
	eventsOnly(t)
	h := newHarness(t, nil)
	path := filepath.Join(t.TempDir(), "s.toml")
	os.WriteFile(path, assets.Example, 0o644)
	openWatched(t, h, path)

	h.u.replaceText(string(assets.Example)+"# mine\n", true)
	h.u.save(nil)
	if h.u.doc.dirty() {
		t.Fatal("not saved")
	}
	h.settle("the event watch after the save", func() bool { return h.u.watch.events.Load() })
	steps, status := len(h.u.history.snaps), h.u.status.Text
	later := time.Now().Add(time.Minute)
	os.Chtimes(path, later, later)                           // touched
	saveByRename(t, path, string(assets.Example)+"# mine\n") // rewritten as it is
	deadline := time.Now().Add(6 * watchDebounce)
	h.settle("a pause", func() bool { return time.Now().After(deadline) })
	h.drain()
	if len(h.u.history.snaps) != steps || h.u.status.Text != status || h.win.Canvas().Overlays().Top() != nil {
		t.Errorf("the same content was taken for a change: %d undo steps (was %d), status %q",
			len(h.u.history.snaps), steps, h.u.status.Text)
	}
}

// TestWatchLink: a scenario opened through a symbolic link is reloaded when
// the file it names is saved by rename in its own folder.
func TestWatchLink(t *testing.T) {
	eventsOnly(t)
	h := newHarness(t, nil)
	real := filepath.Join(t.TempDir(), "real.toml")
	os.WriteFile(real, assets.Example, 0o644)
	link := filepath.Join(t.TempDir(), "link.toml")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	openWatched(t, h, link)
	changed := string(assets.Example) + "# through the link\n"
	saveByRename(t, real, changed)
	h.settle("the reload through the link", func() bool { return h.u.text() == changed })
}

// TestWatchPollFallback: without events (as on a network mount) the poll
// still notices a change.
func TestWatchPollFallback(t *testing.T) {
	old := pollEvery
	pollEvery = 50 * time.Millisecond
	t.Cleanup(func() { pollEvery = old })
	h := newHarness(t, nil)
	path := filepath.Join(t.TempDir(), "s.toml")
	os.WriteFile(path, assets.Example, 0o644)
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.settle("the watch", func() bool { return h.u.watch != nil && h.u.watch.events.Load() })
	h.u.watch.stop() // as if no events came: a watch of the poll alone
	h.u.watch = &fileWatch{done: make(chan struct{})}
	w := h.u.watch
	go w.run(path, h.u.doc.stamp, nil, func() {}, func(st diskState) {
		h.u.do(func() {
			if !w.stopped() {
				h.u.checkDisk(path, st)
			}
		})
	})
	changed := string(assets.Example) + "# polled\n"
	os.WriteFile(path, []byte(changed), 0o644)
	later := time.Now().Add(time.Minute)
	os.Chtimes(path, later, later)
	h.settle("the polled reload", func() bool { return h.u.text() == changed })
}
