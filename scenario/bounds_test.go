package scenario_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// hostileSize is the size of each generated worst case: just under
// MaxFileSize, so that nothing is refused for its size alone.
const hostileSize = scenario.MaxFileSize - 64

// hostileCase is a generated worst case: head, then item(0), item(1) ...
// as many as fit in hostileSize and, unless over is set, within the limits
// on tables and values (the worst a file can do is to stay just under
// them), then tail. over marks the cases that must be refused whatever
// their size (a key of 4 million parts).
type hostileCase struct {
	name       string
	head, tail string
	item       func(i int) string
	over       bool
	loads      bool          // the case is a valid scenario
	make       func() []byte // instead of head, item and tail
}

const boundsHead = "format = 1\n[scenario]\ntitle = \"x\"\n"

// build writes the case's text.
func (c hostileCase) build() []byte {
	if c.make != nil {
		return c.make()
	}
	n := math.MaxInt
	if !c.over {
		t0, v0, _ := scenario.ShapeCounts([]byte(c.head + c.tail))
		t1, v1, _ := scenario.ShapeCounts([]byte(c.head + c.item(0) + c.tail))
		if dt := t1 - t0; dt > 0 {
			n = min(n, (scenario.MaxTables-t0)/dt)
		}
		if dv := v1 - v0; dv > 0 {
			n = min(n, (scenario.MaxValues-v0)/dv)
		}
	}
	var b bytes.Buffer
	b.Grow(hostileSize)
	b.WriteString(c.head)
	for i := 0; i < n; i++ {
		s := c.item(i)
		if b.Len()+len(s)+len(c.tail) > hostileSize {
			break
		}
		b.WriteString(s)
	}
	b.WriteString(c.tail)
	return b.Bytes()
}

// generated is the largest scenariotest.Generate file within the limits.
func generated() []byte {
	lo, hi := 4, 40000 // lo fits, hi does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if b := scenariotest.Generate(mid, 1); len(b) <= scenario.MaxFileSize && fitsLimits(b) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return scenariotest.Generate(lo, 1)
}

func fitsLimits(b []byte) bool {
	t, v, ok := scenario.ShapeCounts(b)
	return ok && t <= scenario.MaxTables && v <= scenario.MaxValues
}

func many(s string) func(int) string { return func(int) string { return s } }

var (
	deepTable = strings.Repeat("{a=", scenario.MaxNesting-1) + "1" + strings.Repeat("}", scenario.MaxNesting-1)
	deepArray = strings.Repeat("[", scenario.MaxNesting) + strings.Repeat("]", scenario.MaxNesting)
	atLimit   = strings.Repeat(".a", scenario.MaxKeyParts-1)
	longPart  = strings.Repeat("k", scenario.MaxKeyLength)
	twoStates = "[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n[[tracks]]\nid = \"t\"\nname = \"T\"\nkind = \"talks\"\n"
)

// hostileCases are the shapes that make the TOML parser or the checks
// after it work or allocate the most per byte.
var hostileCases = []hostileCase{
	{name: "dotted key of 4M parts", head: boundsHead + "a", item: many(".a"), tail: " = 1\n", over: true},
	{name: "header of 4M parts", head: boundsHead + "[a", item: many(".a"), tail: "]\n", over: true},
	{name: "key of 8 MiB", head: boundsHead, item: many("k"), tail: " = 1\n", over: true},
	{name: "quoted key of 8 MiB", head: boundsHead + `"`, item: many("k"), tail: "\" = 1\n", over: true},
	{name: "dotted keys of the most parts", head: boundsHead, item: func(i int) string { return fmt.Sprintf("k%d%s = 1\n", i, atLimit) }},
	{name: "headers of the most parts", head: boundsHead, item: func(i int) string { return fmt.Sprintf("[k%d%s]\n", i, atLimit) }},
	{name: "longest keys", head: boundsHead, item: func(i int) string { return fmt.Sprintf("%s%07d = 1\n", longPart[7:], i) }},
	{name: "longest quoted keys in headers", head: boundsHead, item: func(i int) string {
		return fmt.Sprintf("[\"%s%07d\".\"%s\"]\n", longPart[7:], i, longPart)
	}},
	{name: "tables", head: boundsHead, item: func(i int) string { return fmt.Sprintf("[t%d]\n", i) }},
	{name: "sub-tables", head: boundsHead, item: func(i int) string { return fmt.Sprintf("[t.t%d]\n", i) }},
	{name: "[[array]] elements", head: boundsHead, item: many("[[a]]\n")},
	{name: "[[seats]] with a wrong key each", head: boundsHead, item: many("[[seats]]\nx=1\n")},
	{name: "keys in one table", head: boundsHead, item: func(i int) string { return fmt.Sprintf("k%d=1\n", i) }},
	{name: "array elements", head: boundsHead + "x = [", item: many("1,"), tail: "]\n"},
	{name: "strings in an array", head: boundsHead + "x = [", item: many(`"",`), tail: "]\n"},
	{name: "inline tables in an array", head: boundsHead + "x = [", item: many("{},"), tail: "]\n"},
	{name: "empty arrays in an array", head: boundsHead + "x = [", item: many("[],"), tail: "]\n"},
	{name: "inline tables nested to the limit", head: boundsHead, item: func(i int) string { return fmt.Sprintf("k%d=%s\n", i, deepTable) }},
	{name: "arrays nested to the limit", head: boundsHead, item: func(i int) string { return fmt.Sprintf("k%d=%s\n", i, deepArray) }},
	{name: "nested inline tables in [[seats]]", head: boundsHead, item: many("[[seats]]\nnote=" + deepTable + "\n")},
	{name: "inline tables in a deep table", head: boundsHead + "[a" + atLimit + "]\n", item: func(i int) string { return fmt.Sprintf("k%d=%s\n", i, deepTable) }},
	{name: "long string", head: boundsHead + `s = "`, item: many("x"), tail: "\"\n"},
	{name: "long escaped string", head: boundsHead + `s = "`, item: many(`\u00e9`), tail: "\"\n"},
	{name: "long multi-line string", head: boundsHead + `s = """`, item: many("a line of text\n"), tail: "\"\"\"\n"},
	{name: "long literal string", head: boundsHead + `s = '''`, item: many("a line of text\n"), tail: "'''\n"},
	{name: "comments", head: boundsHead, item: many("# a comment\n")},
	{name: "blank lines", head: boundsHead, item: many("\n")},
	{name: "dates", head: boundsHead, item: func(i int) string { return fmt.Sprintf("d%d=2025-02-17\n", i) }},
	{name: "date-times", head: boundsHead, item: func(i int) string { return fmt.Sprintf("d%d=2025-02-17T10:00:00.123456789+01:00\n", i) }},
	{name: "the same seat, many times", head: boundsHead + twoStates, item: many("[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"host\"\n")},
	{name: "seats with bad references", head: boundsHead, item: func(i int) string {
		return fmt.Sprintf("[[seats]]\ntrack = \"t%d\"\nactor = \"a%d\"\nrole = \"hots\"\nsorces = []\n", i, i)
	}},
	{name: "actors and unknown references", head: boundsHead, item: func(i int) string {
		if i%2 == 1 {
			return fmt.Sprintf("[[seats]]\ntrack = \"t\"\nactor = \"actor-%07dx\"\nrole = \"host\"\n", i)
		}
		return fmt.Sprintf("[[actors]]\nid = \"actor-%07d\"\nname = \"A\"\nkind = \"state\"\n", i)
	}},
	{name: "bad references in one array", head: boundsHead + twoStates + "[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"host\"\nclaimed_by = [",
		item: func(i int) string { return fmt.Sprintf("\"x%d\",", i) }, tail: "]\n"},
	{name: "unknown keys", head: boundsHead + "[[actors]]\n", item: func(i int) string { return fmt.Sprintf("nmae%d = 1\n", i) }},
	{name: "largest generated scenario", make: generated, loads: true},
}

// boundsResult is what a child process measured for one case.
type boundsResult struct {
	Case      string
	Bytes     int
	Seconds   float64 // the Load, by the clock
	CPU       float64 // the Load's CPU seconds (0 where not known)
	PeakHeap  uint64  // bytes, sampled every millisecond
	TotalHeap uint64  // bytes allocated in all
	Problem   string  // the first problem (or "loaded")
	MaxRSS    int64   // bytes, from the OS (0 where not known)
}

// TestHostileBoundsChild runs one case in this process when started by
// TestHostileBounded; otherwise it does nothing.
func TestHostileBoundsChild(t *testing.T) {
	name := os.Getenv("PARLEY_BOUNDS_CASE")
	if name == "" {
		t.Skip("run by TestHostileBounded")
	}
	if os.Getenv("PARLEY_BOUNDS_UNLIMITED") != "" {
		scenario.SetCheckLimits(false)
	}
	fill := os.Getenv("PARLEY_BOUNDS_FILL") != ""
	for _, c := range hostileCases {
		if c.name != name {
			continue
		}
		if fill {
			c.over = true // as large as the size allows
		}
		data := c.build()
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		var peak atomic.Uint64
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() { // sample the live heap
			defer close(done)
			s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for {
				metrics.Read(s)
				if v := s[0].Value.Uint64(); v > peak.Load() {
					peak.Store(v)
				}
				select {
				case <-stop:
					return
				case <-tick.C:
				}
			}
		}()
		start, cpu := time.Now(), cpuTime()
		s, err := scenario.Load("hostile.toml", bytes.NewReader(data))
		took, cpuTook := time.Since(start), cpuTime()-cpu
		close(stop)
		<-done
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		r := boundsResult{Case: name, Bytes: len(data), Seconds: took.Seconds(), CPU: cpuTook.Seconds(), PeakHeap: peak.Load(),
			TotalHeap: after.TotalAlloc - before.TotalAlloc, Problem: "loaded"}
		if err != nil {
			r.Problem, _, _ = strings.Cut(err.Error(), "\n")
		} else if len(s.Warnings) > 0 {
			r.Problem = s.Warnings[0].String()
		}
		r.MaxRSS = selfPeakRSS()
		out, _ := json.Marshal(r)
		fmt.Printf("BOUNDS %s\n", out)
		return
	}
	t.Fatalf("no case %q", name)
}

// runBoundsCase runs one case in a child process and returns what it
// measured, with the child's peak RSS where the OS tells it. unlimited
// turns the limits off; fill makes the case as large as hostileSize
// allows, limits or not.
func runBoundsCase(name string, unlimited, fill bool) (boundsResult, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileBoundsChild$", "-test.v")
	cmd.Env = append(os.Environ(), "PARLEY_BOUNDS_CASE="+name)
	if unlimited {
		cmd.Env = append(cmd.Env, "PARLEY_BOUNDS_UNLIMITED=1")
	}
	if fill {
		cmd.Env = append(cmd.Env, "PARLEY_BOUNDS_FILL=1")
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return boundsResult{}, err
	}
	killed := watch(cmd.Process.Pid)
	err := cmd.Wait()
	if why := killed(); why != "" {
		return boundsResult{Case: name, Problem: why}, nil
	}
	if err != nil {
		return boundsResult{}, fmt.Errorf("%v:\n%s", err, out.String())
	}
	for line := range strings.Lines(out.String()) {
		if js, ok := strings.CutPrefix(line, "BOUNDS "); ok {
			var r boundsResult
			if err := json.Unmarshal([]byte(js), &r); err != nil {
				return r, err
			}
			if r.MaxRSS == 0 {
				r.MaxRSS = maxRSS(cmd.ProcessState)
			}
			return r, nil
		}
	}
	return boundsResult{}, fmt.Errorf("no result:\n%s", out.String())
}

func (r boundsResult) String() string {
	return fmt.Sprintf("%6.1f MB %6.3f s (cpu %6.3f s)  peak heap %6.1f MB  rss %6.1f MB  alloc %7.1f MB  %s",
		float64(r.Bytes)/1e6, r.Seconds, r.CPU, float64(r.PeakHeap)/1e6, float64(r.MaxRSS)/1e6, float64(r.TotalHeap)/1e6, trim(r.Problem, 100))
}

// TestHostileBounded loads each generated worst case in a child process
// and fails when one takes more than 2 s of CPU time or 200 MB at its peak
// (RSS where the OS tells it, else the sampled heap). CPU time, not the
// clock, since the machine may be busy with other work; a clock limit of
// 30 s catches a hang. With PARLEY_BOUNDS_REPORT=1 it also runs each case
// filled to 8 MiB with and without the limits, to show what they save.
func TestHostileBounded(t *testing.T) {
	if os.Getenv("PARLEY_BOUNDS_CASE") != "" {
		t.Skip("in a child")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	report := os.Getenv("PARLEY_BOUNDS_REPORT") != ""
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			if !report {
				t.Parallel() // CPU time and RSS are the child's own
			}
			r, err := runBoundsCase(c.name, false, false)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%-36s %s", "limited:", r)
			cpu := r.CPU
			if cpu == 0 {
				cpu = r.Seconds
			}
			peak := float64(r.MaxRSS)
			if peak == 0 {
				peak = float64(r.PeakHeap)
			}
			if cpu > 2 || r.Seconds > 30 || peak > 200e6 {
				t.Errorf("over 2 s of CPU or 200 MB: %s", r)
			}
			if c.loads && r.Problem != "loaded" {
				t.Errorf("did not load: %s", r.Problem)
			}
			if c.over != strings.Contains(r.Problem, "is refused") {
				t.Errorf("refused = %v, want %v: %s", !c.over, c.over, r.Problem)
			}
			if report {
				for _, unlimited := range []bool{false, true} {
					r, err := runBoundsCase(c.name, unlimited, true)
					if err != nil {
						t.Fatal(err)
					}
					t.Logf("%-36s %s", map[bool]string{false: "8 MiB, limited:", true: "8 MiB, no limits (before):"}[unlimited], r)
				}
			}
		})
	}
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// BenchmarkHostile loads each generated worst case.
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileCases {
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			data := c.build()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				scenario.Load("hostile.toml", bytes.NewReader(data))
			}
		})
	}
}

// TestLimitsAdmitLargeScenarios: the limits refuse no realistic scenario:
// generated ones of 1,000 actors and of 100,000 lines load without a
// problem (TestHostileBounded loads the largest within the limits).
func TestLimitsAdmitLargeScenarios(t *testing.T) {
	n := 1000
	for data := scenariotest.Generate(n, 1); ; data = scenariotest.Generate(n, 1) {
		lines := bytes.Count(data, []byte("\n"))
		s, err := scenario.Load("large.toml", bytes.NewReader(data))
		if err != nil || len(s.Warnings) > 0 {
			t.Fatalf("%d actors, %d lines: %.500v", n, lines, err)
		}
		if lines >= 100000 {
			break
		}
		n = max(n+1, n*100000/lines+1)
	}
}
