package ui

import (
	"image"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// The numbers of the issue: time from an edit to the updated diagram (on
// the example and on a 1,000-actor scenario), how long the UI thread is
// busy with the edit meanwhile, and time from start to the first diagram.
//
//	go test -tags ci ./ui/ -run '^$' -bench . -benchtime 20x
//
// ui-ms/op is the UI thread's share (form edit to text, editor update);
// the rest (validation, layout in the worker child, drawing) runs off it.

func benchEdit(b *testing.B, text string) {
	h := newHarness(b, nil)
	h.u.setDocument("", "bench.toml", text)
	h.settle("first diagram", func() bool { return h.drawing() != nil })
	h.drain()
	var uiTime, total time.Duration
	b.ResetTimer()
	for i := range b.N {
		old := h.drawing()
		start := time.Now()
		// A new edit each time (another seat), so no layout is reused.
		s := h.u.model
		st := s.Seats[i%len(s.Seats)]
		role := "observer"
		if st.Role == scenario.RoleObserver {
			role = "participant"
		}
		h.u.matrix.setRole(st.Actor, st.Track, role)
		uiTime += time.Since(start)
		h.settle("the new diagram", func() bool { return h.drawing() != old })
		total += time.Since(start)
		h.drain()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "edit-to-diagram-ms/op")
	b.ReportMetric(float64(uiTime.Microseconds())/1000/float64(b.N), "ui-ms/op")
}

func BenchmarkEditToDiagramExample(b *testing.B) { benchEdit(b, string(assets.Example)) }

func BenchmarkEditToDiagram1000Actors(b *testing.B) {
	benchEdit(b, string(scenariotest.Generate(1000, 1)))
}

// BenchmarkUndoRedo1000Actors: stepping back and forth through the
// history of a large scenario, where the layout cache answers.
func BenchmarkUndoRedo1000Actors(b *testing.B) {
	h := newHarness(b, nil)
	h.u.setDocument("", "bench.toml", string(scenariotest.Generate(1000, 1)))
	h.settle("first diagram", func() bool { return h.drawing() != nil })
	st := h.u.model.Seats[0]
	h.u.matrix.setRole(st.Actor, st.Track, "observer")
	h.settle("the edit's diagram", func() bool { return h.u.model.Seats[0].Role == scenario.RoleObserver && h.drawing() != nil })
	h.drain()
	var total time.Duration
	b.ResetTimer()
	for i := range b.N {
		old := h.drawing()
		start := time.Now()
		if i%2 == 0 {
			h.u.undo()
		} else {
			h.u.redo()
		}
		h.settle("the diagram", func() bool { return h.drawing() != old })
		total += time.Since(start)
		h.drain()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "edit-to-diagram-ms/op")
}

// BenchmarkStartToFirstDiagram measures a cold start: a new window and a
// new worker (its child process started on demand) to the first diagram of
// the example.
func BenchmarkStartToFirstDiagram(b *testing.B) {
	for range b.N {
		w := render.NewWorker(render.WorkerOptions{Command: []string{os.Args[0]}, Env: []string{"PARLEY_TEST_LAYOUT_WORKER=1"}})
		a := tempApp(b)
		start := time.Now()
		h := newHarnessIn(b, a, w)
		h.u.OpenExample()
		h.settle("first diagram", func() bool { return h.drawing() != nil })
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000, "start-to-diagram-ms")
		h.u.shutdown()
	}
}

// benchPaint measures painting the visible part of a diagram, fitted to a
// 700×550 view at 2 pixels a unit (a HiDPI screen), as the raster does on
// every pan and zoom.
func benchPaint(b *testing.B, text string, zoom float64) {
	s, err := scenario.Load("b.toml", strings.NewReader(text))
	if err != nil {
		b.Fatal(err)
	}
	d, err := render.Diagram(b.Context(), testWorker(), s, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	const w, h, pix = 700, 550, 2.0
	if zoom == 0 { // fit
		zoom = min(w/(d.Width*pxPerPt), h/(d.Height*pxPerPt))
	}
	img := image.NewRGBA(image.Rect(0, 0, w*pix, h*pix))
	page := pageOf(d, nil)
	b.ResetTimer()
	for range b.N {
		if err := rasterizeView(img, page, zoom*pxPerPt*pix, drawing.Point{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Items)), "items")
}

func BenchmarkPaintExampleFit(b *testing.B) { benchPaint(b, string(assets.Example), 0) }
func BenchmarkPaintExample100(b *testing.B) { benchPaint(b, string(assets.Example), 1) }
func BenchmarkPaint1000ActorsFit(b *testing.B) {
	benchPaint(b, string(scenariotest.Generate(1000, 1)), 0)
}
func BenchmarkPaint1000Actors100(b *testing.B) {
	benchPaint(b, string(scenariotest.Generate(1000, 1)), 1)
}
func BenchmarkLoad1000Actors(b *testing.B) { benchLoad(b, string(scenariotest.Generate(1000, 1))) }

func benchLoad(b *testing.B, text string) {
	for range b.N {
		if _, err := scenario.Load("b.toml", strings.NewReader(text)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFormatReferenceWindow opens Help › Scenario Format Reference
// with the whole of docs/format.md (40 s on the UI thread when the window
// was sized after its content was set, 1 s since).
func BenchmarkFormatReferenceWindow(b *testing.B) {
	md, err := os.ReadFile("../docs/format.md")
	if err != nil {
		b.Fatal(err)
	}
	FormatReference = string(md)
	defer func() { FormatReference = "" }()
	h := newHarness(b, noLayout{})
	for range b.N {
		start := time.Now()
		h.u.showFormatReference()
		b.ReportMetric(ms(time.Since(start)), "open-ms")
		h.u.helpWindow.Close()
	}
	b.ReportMetric(0, "ns/op")
}
