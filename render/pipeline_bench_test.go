package render

import (
	"bytes"
	"context"
	"io"
	"os/exec"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
	"github.com/parleyhq/parley/views/participation"
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

// BenchmarkRender is the whole pipeline in one process, as `parley render`
// runs it: build, lay out (go-graphviz), draw and write.
func BenchmarkRender(b *testing.B) {
	eng := NewInProcess()
	for _, in := range benchInputs(b) {
		for _, f := range []Format{SVG, PNG, PDF} {
			// 1,000 actors left to right stand 70,000 pt tall: at scale 1 the
			// PNG would pass the bitmap limit; cairo (native dot) shrinks it
			// to 32,767 px, so ask for the same.
			scale := 1.0
			if f == PNG {
				d, err := Diagram(context.Background(), eng, in.s, Options{})
				if err != nil {
					b.Fatal(err)
				}
				scale = min(1, raster.MaxPNGScale(d))
			}
			b.Run(in.name+"/"+string(f), func(b *testing.B) {
				for b.Loop() {
					if err := Export(context.Background(), eng, in.s, Options{}, f, scale, io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkNativeDot renders the same DOT with Debian's graphviz (process
// start included), the baseline BenchmarkRender is compared with.
func BenchmarkNativeDot(b *testing.B) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		b.Skip("native dot not installed")
	}
	for _, in := range benchInputs(b) {
		g, err := participation.Build(in.s, participation.Options{})
		if err != nil {
			b.Fatal(err)
		}
		text := g.DOT()
		for _, f := range []Format{SVG, PNG, PDF} {
			b.Run(in.name+"/"+string(f), func(b *testing.B) {
				for b.Loop() {
					cmd := exec.Command(dot, "-T"+string(f))
					cmd.Stdin = bytes.NewReader(text)
					cmd.Stdout = io.Discard
					if err := cmd.Run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
