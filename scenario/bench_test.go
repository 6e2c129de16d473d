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
				if _, err := s.Resolve(v.ID, scenario.Date{}); err != nil {
					t.Error(err)
				}
			}
			dated := scenariotest.GenerateDated(n, seed)
			if s, err := scenario.Load("dated.toml", bytes.NewReader(dated)); err != nil {
				t.Errorf("dated n=%d seed=%d: %v", n, seed, err)
			} else if len(s.Warnings) > 0 {
				t.Errorf("dated n=%d seed=%d: %v", n, seed, s.Warnings)
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

// BenchmarkResolve: the picture on a day (what a date slider asks for at
// each step) against the picture over all days (the baseline: applying
// the variant only), on the example and on dated scenarios of 100 and
// 1,000 actors. The window's frame budget is 16 ms on the example and
// 100 ms at 1,000 actors for resolve and draw together.
func BenchmarkResolve(b *testing.B) {
	type input struct {
		name string
		s    *scenario.Scenario
		day  scenario.Date
	}
	load := func(data []byte) *scenario.Scenario {
		s, err := scenario.Load("bench.toml", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
	ex := load(assets.Example)
	inputs := []input{{"example", ex, ex.Meta.AsOf}}
	for _, n := range []int{100, 1000} {
		s := load(scenariotest.GenerateDated(n, 1))
		inputs = append(inputs, input{fmt.Sprintf("dated-actors=%d", n), s, s.Meta.AsOf})
	}
	for _, in := range inputs {
		b.Run(in.name+"/all-days", func(b *testing.B) {
			for b.Loop() {
				if _, err := in.s.ResolveAll(""); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(in.name+"/on-a-day", func(b *testing.B) {
			for b.Loop() {
				if _, err := in.s.Resolve("", in.day); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDiff: comparing two pictures of 1,000 actors (two days of one
// file, and the base against a variant), against resolving them.
func BenchmarkDiff(b *testing.B) {
	s, err := scenario.Load("bench.toml", bytes.NewReader(scenariotest.GenerateDated(1000, 1)))
	if err != nil {
		b.Fatal(err)
	}
	first, last := scenariotest.DatedSpan(1000)
	d1, _ := scenario.ParseDate(first)
	d2, _ := scenario.ParseDate(last)
	p1, _ := s.Resolve("", d1)
	p2, _ := s.Resolve("", d2)
	v, _ := s.Resolve("wider", d2)
	b.Run("days", func(b *testing.B) {
		for b.Loop() {
			scenario.Diff(p1, p2)
		}
	})
	b.Run("variant", func(b *testing.B) {
		for b.Loop() {
			scenario.Diff(p2, v)
		}
	})
}
