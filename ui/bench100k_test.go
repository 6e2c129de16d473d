package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// The whole window's keystroke path at 100,000 lines, as the issue asks:
//
//	go test -tags ci ./ui/ -run '^$' -bench 100k -benchtime 20x
//
// keystroke-ms/op is the UI thread's work for one typed character: the
// editor's edit and refresh plus the window's change handler (the text,
// the title, the autosave timer). pause-ms/op is the UI thread's work when
// typing pauses: the undo step, sending the text off, and taking the
// validated scenario back (problems, forms, matrix, variants). max-job-ms
// is the longest single piece of UI-thread work seen, the longest a
// keystroke can wait (median-job-ms and p90-job-ms: the typical ones; on
// a loaded machine the longest is the one the scheduler preempted). Validation itself runs off the UI thread and is not
// in any of them. The diagram is left out (no layout of a 4,300-actor
// graph here): its work on the UI thread is measured by
// BenchmarkEditToDiagram*.

var (
	text100kOnce sync.Once
	text100k     string
)

// scenario100kText is a generated valid scenario of at least 100,000 lines.
func scenario100kText(b *testing.B) string {
	text100kOnce.Do(func() { text100k = string(scenariotest.Generate(4300, 1)) })
	if n := strings.Count(text100k, "\n"); n < 100000 {
		b.Fatalf("only %d lines", n)
	}
	return text100k
}

// noLayout is an engine that draws nothing, at once.
type noLayout struct{}

func (noLayout) Layout(context.Context, []byte) (*render.Layout, error) {
	return nil, errors.New("no layout in this benchmark")
}
func (noLayout) Close() error { return nil }

// jobTimer runs the queued UI-thread work, timing each piece.
type jobTimer struct {
	h    *harness
	jobs []time.Duration
}

func (j *jobTimer) run(until func() bool) {
	deadline := time.Now().Add(2 * time.Minute)
	for !until() && time.Now().Before(deadline) {
		select {
		case f := <-j.h.q:
			start := time.Now()
			f()
			j.jobs = append(j.jobs, time.Since(start))
		case <-time.After(2 * time.Millisecond):
		}
	}
}

func (j *jobTimer) max() time.Duration {
	if len(j.jobs) == 0 {
		return 0
	}
	return slices.Max(j.jobs)
}

// quantile is the q-quantile (0.5 the median) of the jobs' times.
func (j *jobTimer) quantile(q float64) time.Duration {
	if len(j.jobs) == 0 {
		return 0
	}
	s := slices.Clone(j.jobs)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// gotoFreeText puts the cursor inside a name in the middle of the text, so
// that what is typed keeps the scenario valid (the whole pause, forms and
// matrix included, is measured).
func gotoFreeText(b *testing.B, h *harness) {
	ed := h.u.editor.ed
	for i := ed.LineCount() / 2; i < ed.LineCount(); i++ {
		if strings.HasPrefix(ed.Line(i), `name = "`) {
			ed.GotoLine(i+1, len(`name = "`)+1)
			return
		}
	}
	b.Fatal("no name in the second half")
}

// BenchmarkAppKeystroke100k types into the middle of a 100,000-line
// scenario in the window, pausing after each few keys as a typist does.
func BenchmarkAppKeystroke100k(b *testing.B) {
	text := scenario100kText(b)
	h := newHarness(b, noLayout{})
	h.u.setDocument("", "big.toml", text)
	jt := &jobTimer{h: h}
	jt.run(func() bool { return h.u.model != nil })
	h.win.Canvas().Focus(h.u.editor.ed)
	gotoFreeText(b, h)
	jt.jobs = nil
	loads := 0
	h.u.measure = func(event string, _ time.Duration) {
		if event == "loaded" {
			loads++
		}
	}
	var keys, pauses time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		h.u.editor.ed.TypedRune(rune('a' + i%26))
		keys += time.Since(start)
		// The pause: the undo step and the text sent off (on the UI
		// thread), validation off it, its result back on it.
		start = time.Now()
		h.u.typingPaused()
		jt.jobs = append(jt.jobs, time.Since(start)) // a UI-thread job of its own
		// (the text typed may not load: what counts is that the result,
		// a scenario or its problems, came back)
		n := loads
		jt.run(func() bool { return loads > n })
		h.u.pipe.wait()
	}
	b.StopTimer()
	for _, d := range jt.jobs {
		pauses += d
	}
	b.ReportMetric(ms(keys)/float64(b.N), "keystroke-ms/op")
	b.ReportMetric(ms(pauses)/float64(b.N), "pause-ms/op")
	b.ReportMetric(ms(jt.max()), "max-job-ms")
	b.ReportMetric(ms(jt.quantile(0.5)), "median-job-ms")
	b.ReportMetric(ms(jt.quantile(0.9)), "p90-job-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkAppKeystrokeOnly100k: keystrokes without pauses, each with the
// window's change handler, and the paint of the window (software, the
// test driver's) after it.
func BenchmarkAppKeystrokeOnly100k(b *testing.B) {
	text := scenario100kText(b)
	h := newHarness(b, noLayout{})
	h.u.setDocument("", "big.toml", text)
	(&jobTimer{h: h}).run(func() bool { return h.u.model != nil })
	c := h.win.Canvas()
	c.Focus(h.u.editor.ed)
	gotoFreeText(b, h)
	c.(test.WindowlessCanvas).Capture()
	var keys, paint time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		h.u.editor.ed.TypedRune(rune('a' + i%26))
		keys += time.Since(start)
		c.(test.WindowlessCanvas).Capture()
		paint += time.Since(start)
	}
	b.StopTimer()
	h.u.typing++ // the pending pause is not this benchmark's
	b.ReportMetric(ms(keys)/float64(b.N), "keystroke-ms/op")
	b.ReportMetric(ms(paint)/float64(b.N), "with-window-paint-ms/op")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkAppOpen100k: the window takes a 100,000-line file (the UI
// thread's part: the editor, the title, the watch, sending it off) and
// paints it for the first time. first-paint-ms is that plus the test
// driver's software paint of the whole window; the problems, forms and
// matrix fill in when validation (off the UI thread) is done:
// loaded-ms.
func BenchmarkAppOpen100k(b *testing.B) {
	text := scenario100kText(b)
	for range b.N {
		h := newHarness(b, noLayout{})
		c := h.win.Canvas()
		c.(test.WindowlessCanvas).Capture()
		start := time.Now()
		h.u.setDocument("", "big.toml", text)
		open := time.Since(start)
		c.(test.WindowlessCanvas).Capture()
		first := time.Since(start)
		jt := &jobTimer{h: h}
		jt.run(func() bool { return h.u.model != nil })
		loaded := time.Since(start)
		b.ReportMetric(ms(open), "open-ms")
		b.ReportMetric(ms(first), "first-paint-ms")
		b.ReportMetric(ms(loaded), "loaded-ms")
		b.ReportMetric(ms(jt.max()), "max-job-ms")
		h.u.shutdown()
	}
	b.ReportMetric(0, "ns/op")
}
