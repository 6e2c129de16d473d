// Start-up time, soak and engine comparison of the Worker, and its
// benchmark.

package layout

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestWorkerStartup(t *testing.T) {
	w := newTestWorker(t, nil)
	var ds []time.Duration
	for i := 0; i < 5; i++ {
		w.mu.Lock()
		t0 := time.Now()
		c := w.spawnLocked()
		w.mu.Unlock()
		<-c.ready
		ds = append(ds, time.Since(t0))
		if c.startErr != nil {
			t.Fatal(c.startErr)
		}
		c.retire()
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	t.Logf("child start → ready (5 runs, sorted): %v", ds)
}

// TestWorkerSoak: many layouts through one long-lived Worker keep the
// parent's memory flat and give the same layout every time. 200 layouts by
// default; -soak runs 2,000 of the 20-node graph and 300 of a 100-node one.
func TestWorkerSoak(t *testing.T) {
	runs := []struct{ n, count int }{{20, 200}}
	if *soak {
		runs = []struct{ n, count int }{{20, 2000}, {100, 300}}
	}
	for _, run := range runs {
		t.Run(fmt.Sprintf("N=%d×%d", run.n, run.count), func(t *testing.T) {
			w := newTestWorker(t, nil)
			dot := genDOT(run.n, 7)
			ref := layoutOnce(t, w, dot)
			runtime.GC()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			rss0 := processMemory()
			t0 := time.Now()
			var maxChild uint64
			for i := 1; i < run.count; i++ {
				got := layoutOnce(t, w, dot)
				if !sameLayoutValue(got, ref) {
					t.Fatalf("layout %d differs", i)
				}
				maxChild = max(maxChild, w.Stats().ChildMemory)
			}
			took := time.Since(t0)
			runtime.GC()
			runtime.ReadMemStats(&m1)
			rss1 := processMemory()
			s := w.Stats()
			mib := func(v uint64) float64 { return float64(v) / (1 << 20) }
			t.Logf("%d layouts in %v (%.1f ms each); parent HeapInuse %.1f → %.1f MiB, RSS %.1f → %.1f MiB; child peak %.1f MiB; %+v",
				run.count, took.Round(time.Millisecond), float64(took.Microseconds())/1000/float64(run.count-1),
				mib(m0.HeapInuse), mib(m1.HeapInuse), mib(rss0), mib(rss1), mib(maxChild), s)
			if s.Renders != run.count || s.Errors+s.Restarts+s.Kills != 0 {
				t.Errorf("stats %+v", s)
			}
			if want := run.count / defaultMaxRenders; s.Recycles != want {
				t.Errorf("%d recycles, want %d", s.Recycles, want)
			}
			if int64(m1.HeapInuse)-int64(m0.HeapInuse) > 8<<20 {
				t.Errorf("parent HeapInuse grew by %.1f MiB", mib(m1.HeapInuse-m0.HeapInuse))
			}
			if int64(rss1)-int64(rss0) > 64<<20 {
				t.Errorf("parent RSS grew by %.1f MiB", mib(rss1-rss0))
			}
		})
	}
}

// TestEngineCompare times one layout (DOT → *Layout) in-process, through a
// Worker and with native `dot -Tjson` (+ ParseLayout), interleaved so that
// machine noise hits all three alike. Skipped unless PARLEY_ENGINE_COMPARE
// is set (to the graph sizes, e.g. "20,100").
func TestEngineCompare(t *testing.T) {
	sizes := os.Getenv("PARLEY_ENGINE_COMPARE")
	if sizes == "" {
		t.Skip("set PARLEY_ENGINE_COMPARE=20,100 to compare engines")
	}
	dotBin, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("no native dot")
	}
	const rounds = 15
	inproc := NewInProcess()
	w := newTestWorker(t, nil)
	for _, s := range strings.Split(sizes, ",") {
		var n int
		fmt.Sscan(s, &n)
		dot := genDOT(n, 1)
		layoutOnce(t, inproc, dot)
		layoutOnce(t, w, dot)
		var tin, tw, tn []time.Duration
		for r := 0; r < rounds; r++ {
			t0 := time.Now()
			layoutOnce(t, inproc, dot)
			tin = append(tin, time.Since(t0))

			t0 = time.Now()
			layoutOnce(t, w, dot)
			tw = append(tw, time.Since(t0))

			t0 = time.Now()
			cmd := exec.Command(dotBin, "-Tjson")
			cmd.Stdin = bytes.NewReader(dot)
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ParseLayout(out); err != nil {
				t.Fatalf("native json: %v", err)
			}
			tn = append(tn, time.Since(t0))
		}
		med := func(ds []time.Duration) string {
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			return fmt.Sprintf("median %v (min %v)", ds[len(ds)/2].Round(100*time.Microsecond), ds[0].Round(100*time.Microsecond))
		}
		t.Logf("N=%d, %d rounds: in-process %s; worker %s; native dot -Tjson %s", n, rounds, med(tin), med(tw), med(tn))
	}
}

func BenchmarkLayoutWorker(b *testing.B) {
	w := newTestWorker(b, nil)
	for _, n := range benchSizes {
		dot := genDOT(n, 1)
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := w.Layout(context.Background(), dot); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
