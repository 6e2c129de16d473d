// Tests of the parent Worker: layouts, recycling, cancellation, time
// limits, failing children, concurrency and Close.

package layout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// testWorkerOptions runs this test binary as the worker child (TestMain).
func testWorkerOptions() WorkerOptions {
	return WorkerOptions{Command: []string{os.Args[0]}, Env: []string{workerEnv + "=1"}}
}

func newTestWorker(t testing.TB, mod func(*WorkerOptions)) *Worker {
	t.Helper()
	opts := testWorkerOptions()
	if mod != nil {
		mod(&opts)
	}
	w := NewWorker(opts)
	t.Cleanup(func() { w.Close() })
	return w
}

// alive reports whether a process with this pid exists and is not a zombie
// (an orphan's zombie may linger where pid 1 does not reap).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		if i := bytes.LastIndexByte(b, ')'); i >= 0 && i+2 < len(b) {
			return b[i+2] != 'Z' && b[i+2] != 'X'
		}
	} else if errors.Is(err, os.ErrNotExist) && runtime.GOOS == "linux" {
		return false
	}
	p, err := os.FindProcess(pid) // on Windows: fails if there is no such process
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		p.Release()
		return true
	}
	return p.Signal(syscall.Signal(0)) == nil
}

// killPID kills a process the way SIGKILL does (TerminateProcess on Windows).
func killPID(t *testing.T, pid int) {
	t.Helper()
	p, err := os.FindProcess(pid)
	if err == nil {
		err = p.Kill()
	}
	if err != nil {
		t.Fatalf("kill %d: %v", pid, err)
	}
}

// waitGone waits up to d for pid to disappear.
func waitGone(t *testing.T, pid int, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("child %d still running after %v", pid, d)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// readyPID waits until w has a started child and returns its pid.
func readyPID(t *testing.T, w *Worker) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if pid := w.Stats().ChildPID; pid != 0 {
			return pid
		}
		if time.Now().After(deadline) {
			t.Fatal("no child started")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestWorkerBasic(t *testing.T) {
	w := newTestWorker(t, nil)
	if s := w.Stats(); s != (WorkerStats{}) {
		t.Fatalf("a new worker has stats %+v; it should start nothing until used", s)
	}
	want, err := ParseLayout(smallJSON(t))
	if err != nil {
		t.Fatal(err)
	}
	sameLayout(t, "small", layoutOnce(t, w, []byte(engineSmallDOT)), want)

	dot := genDOT(20, 1)
	ref := layoutOnce(t, NewInProcess(), dot)
	sameLayout(t, "worker vs in-process", layoutOnce(t, w, dot), ref)
	s := w.Stats()
	if s.Renders != 2 || s.Starts != 1 || s.ChildPID == 0 || s.ChildMemory == 0 || s.Errors+s.Restarts+s.Kills+s.Recycles != 0 {
		t.Errorf("stats %+v", s)
	}
	t.Logf("child %d reports %.1f MiB after 2 layouts (+ warm-up)", s.ChildPID, float64(s.ChildMemory)/(1<<20))
}

func TestWorkerRecycle(t *testing.T) {
	w := newTestWorker(t, func(o *WorkerOptions) { o.MaxRenders = 3 })
	dot := genDOT(20, 4)
	ref := layoutOnce(t, w, dot)
	pids := map[int]bool{}
	for i := 1; i < 10; i++ {
		pids[readyPID(t, w)] = true
		sameLayout(t, fmt.Sprint("render ", i), layoutOnce(t, w, dot), ref)
	}
	s := w.Stats()
	if s.Renders != 10 || s.Recycles != 3 || s.Starts != 4 || s.Restarts+s.Kills+s.Errors != 0 {
		t.Errorf("stats %+v, want 10 renders, 3 recycles, 4 starts", s)
	}
	if len(pids) != 4 {
		t.Errorf("renders ran in %d children, want 4", len(pids))
	}
	for pid := range pids { // retired children exit: no orphans
		if pid != s.ChildPID {
			waitGone(t, pid, 3*time.Second)
		}
	}

	// MaxMemory: every child reports more than 1 byte, so each layout recycles.
	m := newTestWorker(t, func(o *WorkerOptions) { o.MaxMemory = 1 })
	for i := 0; i < 3; i++ {
		sameLayout(t, "MaxMemory", layoutOnce(t, m, dot), ref)
	}
	if s := m.Stats(); s.Recycles != 3 || s.Starts != 4 {
		t.Errorf("MaxMemory stats %+v, want 3 recycles, 4 starts", s)
	}
}

func TestWorkerCancel(t *testing.T) {
	w := newTestWorker(t, nil)
	small := genDOT(20, 1)
	ref := layoutOnce(t, w, small) // the child is up and warm
	pid := readyPID(t, w)
	big := genDOT(2000, 1)

	ctx, cancel := context.WithCancel(context.Background())
	type res struct {
		err error
		at  time.Time
	}
	bigDone := make(chan res, 1)
	go func() {
		_, err := w.Layout(ctx, big)
		bigDone <- res{err, time.Now()}
	}()
	// A second caller queues behind the big layout and gives up.
	time.Sleep(100 * time.Millisecond)
	qctx, qcancel := context.WithCancel(context.Background())
	queued := make(chan res, 1)
	go func() {
		_, err := w.Layout(qctx, small)
		queued <- res{err, time.Now()}
	}()
	time.Sleep(100 * time.Millisecond)
	t0 := time.Now()
	qcancel()
	q := <-queued
	if !errors.Is(q.err, context.Canceled) {
		t.Fatalf("queued caller: %v, want context.Canceled", q.err)
	}
	queuedLatency := q.at.Sub(t0)

	time.Sleep(400 * time.Millisecond) // the big layout runs in the child
	select {
	case r := <-bigDone:
		t.Fatalf("the 2000-node layout finished in under 0.6 s (%v); test graph too small", r.err)
	default:
	}
	t1 := time.Now()
	cancel()
	r := <-bigDone
	latency := r.at.Sub(t1)
	if !errors.Is(r.err, context.Canceled) {
		t.Fatalf("cancelled layout: %v, want context.Canceled", r.err)
	}
	t.Logf("cancel → return: running 2000-node layout %v; queued caller %v", latency, queuedLatency)
	// Measured: 0.1–3.5 ms with -race on a 2-core machine at load 10.
	if latency > 100*time.Millisecond || queuedLatency > 100*time.Millisecond {
		t.Errorf("cancel took %v (queued: %v)", latency, queuedLatency)
	}
	waitGone(t, pid, 3*time.Second)
	if s := w.Stats(); s.Kills != 1 || s.Errors != 0 {
		t.Errorf("stats %+v, want 1 kill", s)
	}
	sameLayout(t, "after cancel", layoutOnce(t, w, small), ref)
}

func TestWorkerTimeout(t *testing.T) {
	const limit = time.Second // a 2000-node layout takes 5 s or more
	w := newTestWorker(t, func(o *WorkerOptions) { o.Timeout = limit })
	small := genDOT(20, 1)
	ref := layoutOnce(t, w, small)
	pid := readyPID(t, w)
	big := genDOT(2000, 1)
	want := scaledTimeout(limit, len(big)) // a little more for a big graph
	t0 := time.Now()
	_, err := w.Layout(context.Background(), big)
	took := time.Since(t0)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.HasPrefix(err.Error(), "render: layout timed out") {
		t.Fatalf("got %v, want a timeout", err)
	}
	t.Logf("timeout %v (%v for this graph): Layout returned after %v: %v", limit, want, took, err)
	if took < want || took > want+500*time.Millisecond {
		t.Errorf("returned after %v, want about %v", took, want)
	}
	waitGone(t, pid, 3*time.Second)
	if s := w.Stats(); s.Timeouts != 1 || s.Kills != 1 {
		t.Errorf("stats %+v", s)
	}
	sameLayout(t, "after timeout", layoutOnce(t, w, small), ref)
}

func TestWorkerFailures(t *testing.T) {
	w := newTestWorker(t, nil)
	small := genDOT(20, 5)
	ref := layoutOnce(t, w, small)

	// A syntax error: Graphviz's message, the child replaced, one retry.
	before := w.Stats()
	_, err := w.Layout(context.Background(), []byte("digraph { a -> }"))
	if err == nil || !strings.Contains(err.Error(), "syntax error") || !strings.HasPrefix(err.Error(), "render: ") {
		t.Fatalf("syntax error: got %v", err)
	}
	t.Logf("syntax error: %v", err)
	if s := w.Stats(); s.Errors != before.Errors+1 || s.Retries != before.Retries+1 || s.Restarts != before.Restarts+2 {
		t.Errorf("after a syntax error: %+v (before %+v)", s, before)
	}
	sameLayout(t, "after syntax error", layoutOnce(t, w, small), ref)

	// Trailing garbage never reaches a child.
	before = w.Stats()
	for _, bad := range []string{"digraph { a } }}}", "digraph A {a} digraph B {b}", ""} {
		if _, err := w.Layout(context.Background(), []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "render: dot:") {
			t.Errorf("Layout(%q): %v", bad, err)
		}
	}
	if s := w.Stats(); s.Starts != before.Starts || s.Restarts != before.Restarts {
		t.Errorf("refused input reached a child: %+v (before %+v)", s, before)
	}
	sameLayout(t, "after garbage", layoutOnce(t, w, small), ref)

	// An edge without an id: ParseLayout refuses the (valid) json.
	if _, err := w.Layout(context.Background(), []byte("digraph { a -> b }")); err == nil || !strings.Contains(err.Error(), "no id") {
		t.Errorf("edge without id: %v", err)
	}

	// A child killed with SIGKILL in the middle of a layout: the layout is
	// retried on a fresh child and succeeds.
	mid := genDOT(500, 6)
	midRef := layoutOnce(t, w, mid)
	layoutOnce(t, w, small) // make sure the next child is up
	pid := readyPID(t, w)
	before = w.Stats()
	type res struct {
		l   *Layout
		err error
	}
	done := make(chan res, 1)
	go func() {
		l, err := w.Layout(context.Background(), mid)
		done <- res{l, err}
	}()
	time.Sleep(150 * time.Millisecond)
	killPID(t, pid)
	r := <-done
	if r.err != nil {
		t.Fatalf("layout whose child was killed: %v", r.err)
	}
	sameLayout(t, "killed and retried", r.l, midRef)
	if s := w.Stats(); s.Restarts != before.Restarts+1 || s.Retries != before.Retries+1 || s.Errors != before.Errors {
		t.Errorf("after SIGKILL: %+v (before %+v)", s, before)
	}
	sameLayout(t, "after SIGKILL", layoutOnce(t, w, small), ref)

	// A child killed while idle: the next layout notices and retries.
	pid = readyPID(t, w)
	killPID(t, pid)
	waitGone(t, pid, 3*time.Second)
	sameLayout(t, "after idle SIGKILL", layoutOnce(t, w, small), ref)
}

func TestWorkerBadChild(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts WorkerOptions
		want string
	}{
		{"missing binary", WorkerOptions{Command: []string{"/nonexistent/parley"}}, "start"},
		{"dies at start", WorkerOptions{Command: []string{os.Args[0]}, Env: []string{workerEnv + "=die"}}, "simulated failure"},
		{"writes junk", WorkerOptions{Command: []string{os.Args[0]}, Env: []string{workerEnv + "=garbage"}}, "bad frame"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Timeout = 20 * time.Second
			w := newTestWorker(t, func(o *WorkerOptions) { *o = tc.opts })
			_, err := w.Layout(context.Background(), genDOT(20, 1))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "render: ") {
				t.Fatalf("got %v, want an error mentioning %q", err, tc.want)
			}
			t.Logf("%v", err)
			// Two attempts, each on a fresh child (and perhaps a third child
			// started in the background for the next call, unless the
			// failed one was already reaped).
			if s := w.Stats(); s.Starts < 2 || s.Starts > 3 || s.Restarts != 2 || s.Errors != 1 || s.Renders != 0 {
				t.Errorf("stats %+v", s)
			}
		})
	}
}

func TestWorkerConcurrent(t *testing.T) {
	w := newTestWorker(t, nil)
	dots := make([][]byte, 4)
	refs := make([]*Layout, 4)
	for i := range dots {
		dots[i] = genDOT(20, uint64(10+i))
		refs[i] = layoutOnce(t, w, dots[i])
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				k := (g + i) % len(dots)
				got, err := w.Layout(context.Background(), dots[k])
				if err != nil {
					errs <- err
					continue
				}
				if !sameLayoutValue(got, refs[k]) {
					errs <- fmt.Errorf("goroutine %d render %d differs from the serial reference", g, i)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := w.Stats()
	if s.Renders != 104 || s.Errors != 0 || s.Recycles != 104/defaultMaxRenders {
		t.Errorf("stats %+v", s)
	}
	t.Logf("stats %+v", s)
}

func sameLayoutValue(a, b *Layout) bool { return reflect.DeepEqual(a, b) }

func TestWorkerClose(t *testing.T) {
	w := NewWorker(testWorkerOptions())
	layoutOnce(t, w, genDOT(20, 1))
	pid := readyPID(t, w)

	// Close during a long layout: the caller gets ErrClosed at once.
	done := make(chan error, 1)
	go func() {
		_, err := w.Layout(context.Background(), genDOT(2000, 1))
		done <- err
	}()
	time.Sleep(300 * time.Millisecond)
	t0 := time.Now()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	closeTook := time.Since(t0)
	err := <-done
	t.Logf("Close during a layout took %v; the layout returned %v after %v", closeTook, err, time.Since(t0))
	if !errors.Is(err, ErrClosed) {
		t.Errorf("layout during Close: %v, want ErrClosed", err)
	}
	if alive(pid) {
		t.Errorf("child %d still running after Close", pid)
	}
	if _, err := w.Layout(context.Background(), genDOT(20, 1)); !errors.Is(err, ErrClosed) {
		t.Errorf("Layout after Close: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if s := w.Stats(); s.ChildPID != 0 {
		t.Errorf("stats after Close %+v", s)
	}
}

// startRawChild starts the worker child directly, reads its hello and
// returns it with the pipes.
