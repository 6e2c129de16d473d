package scenario_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

func BenchmarkLoad(b *testing.B) {
	inputs := []struct {
		name string
		data []byte
	}{{"example", assets.Example}}
	for _, n := range []int{100, 1000} {
		inputs = append(inputs, struct {
			name string
			data []byte
		}{fmt.Sprintf("actors=%d", n), scenariotest.Generate(n, 1)})
	}
	for _, in := range inputs {
		data := in.data
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scenario.Load("bench.toml", bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestGenerate: generated scenarios load without errors or warnings, with
// about the promised numbers, the same for the same seed.
func TestGenerate(t *testing.T) {
	for _, n := range []int{0, 4, 10, 100, 1000} {
		for _, seed := range []int64{1, 2} {
			data := scenariotest.Generate(n, seed)
			s, err := scenario.Load("gen.toml", bytes.NewReader(data))
			if err != nil {
				t.Fatalf("n=%d seed=%d: %v", n, seed, err)
			}
			if len(s.Warnings) > 0 {
				t.Errorf("n=%d seed=%d: %v", n, seed, s.Warnings)
			}
			if want := max(n, 4); len(s.Actors) != want || len(s.Tracks) != max(1, want/10) || len(s.Seats) < want {
				t.Errorf("n=%d: %d actors, %d tracks, %d seats", n, len(s.Actors), len(s.Tracks), len(s.Seats))
			}
			for _, v := range s.Variants {
				if _, err := s.Resolve(v.ID); err != nil {
					t.Error(err)
				}
			}
			if !bytes.Equal(data, scenariotest.Generate(n, seed)) {
				t.Errorf("n=%d seed=%d: not deterministic", n, seed)
			}
		}
		if n >= 10 && bytes.Equal(scenariotest.Generate(n, 1), scenariotest.Generate(n, 2)) {
			t.Errorf("n=%d: seeds 1 and 2 give the same file", n)
		}
	}
}
