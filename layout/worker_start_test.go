package layout

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestWorkerOutlivesItsExecutable: a worker's children are started from the
// running program's own image, so deleting (or upgrading) the installed
// binary while the app runs does not break later layouts. A copy of this
// test binary runs as the app, deletes itself, and lays out with a new
// child for every layout.
func TestWorkerOutlivesItsExecutable(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a running executable is kept alive by /proc/self/exe on Linux only")
	}
	exe := filepath.Join(t.TempDir(), "parley-app")
	b, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exe, b, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), workerEnv+"=deleted-app")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if _, err := os.Stat(exe); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the app did not delete its executable: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != "3 layouts, 3 children" {
		t.Errorf("the app said %q", got)
	}
}

// runDeletedApp deletes this executable, then lays out three graphs with a
// Worker whose children are recycled after every layout (see TestMain).
func runDeletedApp() {
	exe, err := os.Executable()
	if err == nil {
		err = os.Remove(exe)
	}
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	w := NewWorker(WorkerOptions{Env: []string{workerEnv + "=1"}, MaxRenders: 1})
	defer w.Close()
	for i := 0; i < 3; i++ {
		if _, err := w.Layout(context.Background(), genDOT(10, uint64(i))); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
	}
	s := w.Stats()
	fmt.Printf("%d layouts, %d children\n", s.Renders, s.Starts-1) // the last recycle starts a spare
	os.Exit(0)
}

// TestLayoutTimeLimitGrowsWithTheGraph: a big graph gets more time than a
// small one, and a caller's deadline replaces Parley's limit.
func TestLayoutTimeLimitGrowsWithTheGraph(t *testing.T) {
	w := NewWorker(WorkerOptions{})
	defer w.Close()
	small, _ := w.attemptLimit(context.Background(), genDOT(20, 1))
	big, limited := w.attemptLimit(context.Background(), make([]byte, 1600<<10)) // ~2,000 actors
	if small < defaultTimeout || small > defaultTimeout*101/100 || !limited {
		t.Errorf("small graph: limit %v, want %v", small, defaultTimeout)
	}
	if big < 20*defaultTimeout {
		t.Errorf("a 1.6 MB graph gets %v, no more than %v for a small one", big, small)
	}
	for _, size := range []int{0, 100 << 10, 1 << 20, 4 << 20, 8 << 20, 1 << 40} {
		if a, b := scaledTimeout(time.Minute, size), scaledTimeout(time.Minute, size+1<<10); b < a || a < time.Minute || a > 24*time.Hour {
			t.Errorf("size %d: limit %v, then %v", size, a, b)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if _, limited := w.attemptLimit(ctx, genDOT(20, 1)); limited {
		t.Error("a caller's deadline does not replace the limit")
	}
}

// TestWorkerCallersDeadlineRules: with a deadline of its own, a caller's
// layout runs past the Worker's Timeout.
func TestWorkerCallersDeadlineRules(t *testing.T) {
	w := newTestWorker(t, func(o *WorkerOptions) { o.Timeout = time.Millisecond })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := w.Layout(ctx, genDOT(200, 1)); err != nil {
		t.Fatalf("with the caller's deadline: %v", err)
	}
	if _, err := w.Layout(context.Background(), genDOT(200, 1)); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("without: got %v, want the Worker's timeout", err)
	}
}

// TestWorkerRetryHasItsOwnTimeLimit: a layout whose first child dies late
// is retried on a fresh child with a whole time limit of its own. Each
// child here takes 60% of the limit before answering (see TestMain).
func TestWorkerRetryHasItsOwnTimeLimit(t *testing.T) {
	const limit = 3 * time.Second
	marker := filepath.Join(t.TempDir(), "died")
	w := NewWorker(WorkerOptions{
		Command: []string{os.Args[0]},
		Env: []string{workerEnv + "=slow", "PARLEY_TEST_SLOW=" + (limit * 6 / 10).String(),
			"PARLEY_TEST_DIE_ONCE=" + marker},
		Timeout: limit,
	})
	defer w.Close()
	t0 := time.Now()
	if _, err := w.Layout(context.Background(), genDOT(20, 1)); err != nil {
		t.Fatalf("after %v: %v", time.Since(t0), err)
	}
	took := time.Since(t0)
	if s := w.Stats(); s.Retries != 1 || took < limit {
		t.Errorf("took %v with stats %+v, want one retry, longer than one limit (%v) in all", took, s, limit)
	}
}

// runSlowWorker is a worker child that waits PARLEY_TEST_SLOW after each
// request arrives; the first child to find no PARLEY_TEST_DIE_ONCE file
// makes it and then dies instead of answering.
func runSlowWorker() {
	d, err := time.ParseDuration(os.Getenv("PARLEY_TEST_SLOW"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	die := false
	if m := os.Getenv("PARLEY_TEST_DIE_ONCE"); m != "" {
		if f, err := os.OpenFile(m, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600); err == nil {
			f.Close()
			die = true
		}
	}
	os.Exit(RunWorker(&slowReader{r: os.Stdin, delay: d, die: die}, os.Stdout))
}

// slowReader waits delay when the first request arrives, then exits if die
// is set.
type slowReader struct {
	r     *os.File
	delay time.Duration
	die   bool
	slept bool
}

func (s *slowReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if n > 0 && !s.slept {
		s.slept = true
		time.Sleep(s.delay)
		if s.die {
			fmt.Fprintln(os.Stderr, "worker: dying as told")
			os.Exit(3)
		}
	}
	return n, err
}
