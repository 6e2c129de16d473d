package ui

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// bigDrawing is the participation diagram of a generated 1,000-actor
// scenario.
func bigDrawing(b *testing.B) *drawing.Drawing {
	s, err := scenario.Load("b.toml", strings.NewReader(string(scenariotest.Generate(1000, 1))))
	if err != nil {
		b.Fatal(err)
	}
	d, err := render.Diagram(b.Context(), testWorker(), s, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkSearch1000Actors is one keystroke in the diagram's search: the
// matches found again in a 1,000-actor diagram.
func BenchmarkSearch1000Actors(b *testing.B) {
	d := bigDrawing(b)
	x := newSearchIndex(d)
	b.ResetTimer()
	n := 0
	for range b.N {
		n = len(x.find("republic 012"))
	}
	b.ReportMetric(float64(n), "matches")
	b.ReportMetric(float64(len(d.Items)), "items")
}

// BenchmarkSearchIndex1000Actors is the first search in a new 1,000-actor
// diagram: its text gathered and folded.
func BenchmarkSearchIndex1000Actors(b *testing.B) {
	d := bigDrawing(b)
	b.ResetTimer()
	for range b.N {
		newSearchIndex(d)
	}
}

// BenchmarkHighlight1000Actors is a selection changing in a 1,000-actor
// diagram: the halo and the page painted anew.
func BenchmarkHighlight1000Actors(b *testing.B) {
	d := bigDrawing(b)
	ref := ""
	for _, it := range d.Items {
		if strings.HasPrefix(it.Ref, "actor:") {
			ref = it.Ref
		}
	}
	b.ResetTimer()
	for range b.N {
		_ = pageOf(d, highlightItems(d, ref, nil))
	}
}
