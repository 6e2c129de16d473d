package ui

import (
	"context"
	"flag"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

// TestMain doubles as the layout worker child: the Worker starts this test
// binary with PARLEY_TEST_LAYOUT_WORKER=1.
func TestMain(m *testing.M) {
	if os.Getenv("PARLEY_TEST_LAYOUT_WORKER") == "1" || (len(os.Args) > 1 && os.Args[1] == render.WorkerArg) {
		os.Exit(render.RunWorker(os.Stdin, os.Stdout))
	}
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	os.Exit(code)
}

var (
	sharedOnce sync.Once
	shared     *render.Worker
)

// testWorker is a real layout worker (this binary as its child), shared by
// the tests.
func testWorker() *render.Worker {
	sharedOnce.Do(func() {
		shared = render.NewWorker(render.WorkerOptions{
			Command: []string{os.Args[0]},
			Env:     []string{"PARLEY_TEST_LAYOUT_WORKER=1"},
		})
	})
	return shared
}

// keepOpen is an Engine whose Close does nothing, so an App closing its
// window does not close the shared worker.
type keepOpen struct{ render.Engine }

func (keepOpen) Close() error { return nil }

// harness runs one App in a test window, with UI-thread work queued and run
// on the test goroutine.
type harness struct {
	t   testing.TB
	app fyne.App
	win fyne.Window
	u   *App
	q   chan func()
}

func newHarness(t testing.TB, eng render.Engine) *harness {
	t.Helper()
	a := tempApp(t)
	return newHarnessIn(t, a, eng)
}

// tempApp is a test app whose storage (the recovery file) is the test's
// own: Fyne's test app keeps it in os.TempDir, shared by every test on the
// machine, so one test would find another's unsaved work.
func tempApp(t testing.TB) fyne.App {
	t.Setenv("TMPDIR", t.TempDir())
	return test.NewTempApp(t)
}

func newHarnessIn(t testing.TB, a fyne.App, eng render.Engine) *harness {
	t.Helper()
	if eng == nil {
		eng = keepOpen{testWorker()}
	}
	h := &harness{t: t, app: a, q: make(chan func(), 4096)}
	h.win = a.NewWindow("Parley")
	h.u = newApp(a, h.win, eng, func(f func()) { h.q <- f })
	h.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		h.u.shutdown()
		h.u.pipe.wait()
	})
	return h
}

// settle runs queued UI work until cond holds (or fails the test).
func (h *harness) settle(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s", what)
		}
		select {
		case f := <-h.q:
			f()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// drain runs the queued UI work and waits for the pipeline to finish.
func (h *harness) drain() {
	for {
		h.u.pipe.wait()
		select {
		case f := <-h.q:
			f()
			continue
		default:
		}
		if len(h.q) == 0 {
			return
		}
	}
}

// drawing is the diagram on screen.
func (h *harness) drawing() *drawing.Drawing {
	v := h.u.preview.view
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.drawing
}

// openExample opens the bundled example and waits for its diagram.
func (h *harness) openExample() {
	h.t.Helper()
	h.u.OpenExample()
	h.settle("the example's diagram", func() bool { return h.drawing() != nil && h.u.model != nil })
}

// waitNewDrawing waits for a diagram other than old.
func (h *harness) waitNewDrawing(old *drawing.Drawing) *drawing.Drawing {
	h.t.Helper()
	h.settle("a new diagram", func() bool { d := h.drawing(); return d != nil && d != old })
	return h.drawing()
}

func hasRef(d *drawing.Drawing, ref string) bool {
	for _, it := range d.Items {
		if it.Ref == ref {
			return true
		}
	}
	return false
}

func loadText(t testing.TB, text string) *scenario.Scenario {
	t.Helper()
	s, err := scenario.Load("t.toml", strings.NewReader(text))
	if err != nil {
		t.Fatalf("text does not load: %v", err)
	}
	return s
}

// findButton finds a button by its text among o's descendants.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

// overlayButton finds a button in the window's top overlay (a dialog).
func (h *harness) overlayButton(text string) *widget.Button {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog is open (looking for %q)", text)
	}
	b := findButton(top, text)
	if b == nil {
		h.t.Fatalf("the dialog has no %q button", text)
	}
	return b
}

// slowEngine delays each Layout by delay (honouring ctx), counting calls.
type slowEngine struct {
	render.Engine
	delay time.Duration
	mu    sync.Mutex
	calls int
}

func (e *slowEngine) Layout(ctx context.Context, dot []byte) (*render.Layout, error) {
	e.mu.Lock()
	e.calls++
	e.mu.Unlock()
	select {
	case <-time.After(e.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return e.Engine.Layout(ctx, dot)
}

func (e *slowEngine) Close() error { return nil }
