package ui

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// Moving the date: time from a step on the time bar to the diagram of
// that day, and how many Graphviz layouts the step ran (the issue asks
// for none once render keeps one layout for every day of a file).
//
//	go test -tags ci ./ui/ -run '^$' -bench DateStep -benchtime 30x
//
// DateStepNewDays walks through every mark day of the Good Friday file in
// turn (more days than the window's layout cache keeps); DateStepTwoDays
// flips between two days, the baseline where the cache answers.
// DateStep1000Actors steps through the days of a generated 1,000-actor
// file with dated seats (-benchtime 5x: each new day is a new layout).

// countingEngine counts the layouts that reach the engine.
type countingEngine struct {
	render.Engine
	n atomic.Int64
}

func (e *countingEngine) Layout(ctx context.Context, dot []byte) (*render.Layout, error) {
	e.n.Add(1)
	return e.Engine.Layout(ctx, dot)
}

func benchDateStep(b *testing.B, twoDays bool, text string) {
	eng := &countingEngine{Engine: keepOpen{testWorker()}}
	h := newHarness(b, eng)
	if text == "" {
		h.openFile(goodFriday)
	} else {
		h.u.setDocument("", "dated.toml", text)
		h.settle("the first diagram", func() bool { return h.drawing() != nil && h.u.time.hasSpn })
		h.drain()
	}
	days := markDays(h.u.model)
	var total time.Duration
	layouts := eng.n.Load()
	b.ResetTimer()
	for i := range b.N {
		d := days[i%len(days)]
		if twoDays {
			d = days[3+i%2]
		}
		if d == h.u.time.chosen {
			continue
		}
		start := time.Now()
		h.u.time.setDay(d)
		h.waitDrawnDay(d)
		total += time.Since(start)
		h.drain()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "step-to-diagram-ms/op")
	b.ReportMetric(float64(eng.n.Load()-layouts)/float64(b.N), "layouts/op")
}

func BenchmarkDateStepNewDays(b *testing.B) { benchDateStep(b, false, "") }
func BenchmarkDateStepTwoDays(b *testing.B) { benchDateStep(b, true, "") }
func BenchmarkDateStep1000Actors(b *testing.B) {
	benchDateStep(b, false, string(scenariotest.GenerateDated(1000, 1)))
}
