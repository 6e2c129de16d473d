package render

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// BenchmarkViews draws every view through the door, laid out and drawn
// (no output written), at 100 and 1,000 actors; the participation view,
// measured in the same run, is the baseline to compare the others with.
//
//	go test ./render -run XXX -bench BenchmarkViews -benchtime 3x
func BenchmarkViews(b *testing.B) {
	eng := NewInProcess()
	defer eng.Close()
	for _, n := range []int{100, 1000} {
		s, err := scenario.Load("gen.toml", bytes.NewReader(scenariotest.Generate(n, 1)))
		if err != nil {
			b.Fatal(err)
		}
		for _, view := range Views {
			b.Run("actors="+strconv.Itoa(n)+"/view="+view, func(b *testing.B) {
				for b.Loop() {
					if _, err := Diagram(context.Background(), eng, s, Options{View: view}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run("actors="+strconv.Itoa(n)+"/focus", func(b *testing.B) {
			f := scenario.Filter{Focus: []string{"track:track-000"}}
			for b.Loop() {
				for _, view := range Views {
					if _, err := Diagram(context.Background(), eng, s, Options{View: view, Filter: f}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
