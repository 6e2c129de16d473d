package render

import (
	"bytes"
	"context"
	"image"
	"os"
	"testing"
	"time"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// BenchmarkFrame is what moving the date slider or flipping a variant
// costs in the window on the stable layout: resolve, build, draw from the
// cached layout and rasterise a 1280×800 px visible part. Compact is the
// same picture laid out afresh, the baseline: ratios in one run.
// go test ./render -run XXX -bench Frame
func BenchmarkFrame(b *testing.B) {
	gf, err := os.ReadFile("../examples/good-friday-1998.toml")
	if err != nil {
		b.Fatal(err)
	}
	inputs := []struct {
		name string
		text []byte
	}{
		{"good-friday", gf},
		{"actors=1000", scenariotest.GenerateDated(1000, 1)},
	}
	eng := NewInProcess()
	defer eng.Close()
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	for _, in := range inputs {
		s, err := scenario.Load(in.name, bytes.NewReader(in.text))
		if err != nil {
			b.Fatal(err)
		}
		var days []scenario.Date
		for _, m := range s.Marks() {
			if m.Changes {
				days = append(days, m.Date)
			}
		}
		variants := []string{""}
		for _, v := range s.Variants {
			variants = append(variants, v.ID)
		}
		frame := func(b *testing.B, layout string, i int) {
			o := Options{Variant: variants[i%len(variants)], AsOf: days[i%len(days)], Layout: layout}
			d, err := Diagram(context.Background(), eng, s, o)
			if err != nil {
				b.Fatal(err)
			}
			// The middle of the picture, as a window scrolled there shows it.
			origin := drawing.Point{X: max(0, d.Width/2-640), Y: max(0, d.Height/2-400)}
			if err := raster.RasterizeTo(dst, d, 1, origin); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(in.name+"/stable", func(b *testing.B) {
			frame(b, LayoutStable, 0) // the layout, once
			i := 0
			start := cpuTime()
			for b.Loop() {
				i++
				frame(b, LayoutStable, i)
			}
			reportCPU(b, start, i)
		})
		b.Run(in.name+"/compact", func(b *testing.B) {
			i := 0
			start := cpuTime()
			for b.Loop() {
				i++
				frame(b, LayoutCompact, i)
			}
			reportCPU(b, start, i)
		})
	}
}

// reportCPU reports the CPU time per frame (cpu-ms/op) besides the wall
// time: the development machine is shared, and a loaded one queues.
func reportCPU(b *testing.B, start time.Duration, n int) {
	if used := cpuTime() - start; used > 0 && n > 0 {
		b.ReportMetric(float64(used.Microseconds())/1000/float64(n), "cpu-ms/op")
	}
}
