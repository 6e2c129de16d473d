package participation

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/views/participation/check"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// benchInputs are the example and generated scenarios of 100 and 1,000
// actors.
func benchInputs(b *testing.B) []struct {
	name string
	s    *scenario.Scenario
} {
	b.Helper()
	inputs := []struct {
		name string
		text []byte
	}{
		{"example", assets.Example},
		{"actors=100", scenariotest.Generate(100, 1)},
		{"actors=1000", scenariotest.Generate(1000, 1)},
	}
	var out []struct {
		name string
		s    *scenario.Scenario
	}
	for _, in := range inputs {
		s, err := scenario.Load(in.name, bytes.NewReader(in.text))
		if err != nil {
			b.Fatalf("%s: %v", in.name, err)
		}
		out = append(out, struct {
			name string
			s    *scenario.Scenario
		}{in.name, s})
	}
	return out
}

// BenchmarkBuild is the pure-Go part: scenario to measured graph spec and DOT.
func BenchmarkBuild(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			for b.Loop() {
				g, err := Build(in.s, Options{})
				if err != nil {
					b.Fatal(err)
				}
				g.DOT()
			}
		})
	}
}

// BenchmarkDiagramCrossings lays out and draws the example, the Gaza
// example and a generated scenario of 100 actors, and reports the
// crossings of their arrows (as check.Inspect counts them) with the time.
func BenchmarkDiagramCrossings(b *testing.B) {
	gaza, err := os.ReadFile("../../examples/gaza-ceasefire-2024.toml")
	if err != nil {
		b.Fatal(err)
	}
	inputs := map[string][]byte{"example": assets.Example, "gaza": gaza, "actors=100": scenariotest.Generate(100, 1)}
	eng := layout.NewInProcess()
	for _, name := range []string{"example", "gaza", "actors=100"} {
		s, err := scenario.Load(name, bytes.NewReader(inputs[name]))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			var d *drawing.Drawing
			for b.Loop() {
				if d, err = Diagram(context.Background(), eng, s, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(check.Inspect(d).Crossings), "crossings")
		})
	}
}
