// The parent's side: Worker, the Engine that lays out in child processes
// (started, recycled and replaced here; one child process is in
// worker_child.go).

package layout

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Defaults for WorkerOptions.
const (
	defaultMaxRenders = 16
	defaultMaxMemory  = 512 << 20
	defaultTimeout    = 60 * time.Second
	// retireGrace is how long a retired child may take to exit after its
	// stdin is closed before it is killed.
	retireGrace = 5 * time.Second
	// stderrTail is how much of a child's stderr is kept for error messages.
	stderrTail = 4 << 10
	// startLimit bounds the wait for a child to start (or Timeout if longer).
	startLimit = 30 * time.Second
)

// WorkerOptions configures a Worker. Zero fields take their defaults.
type WorkerOptions struct {
	// Command is the argv that starts a worker child; default: this
	// executable with WorkerArg, started from the running image where the
	// system allows (/proc/self/exe on Linux), so that deleting or
	// upgrading the installed binary does not break a running app.
	Command []string
	// Env is added to this process's environment for the child. The
	// environment is otherwise kept, so children share the user's
	// compilation cache of go-graphviz (see cacheDir).
	Env []string
	// MaxRenders recycles the child after this many layouts (default 16:
	// repeated layouts of graphs with clusters and edge labels have been
	// seen to corrupt go-graphviz's heap after 17–54 renders).
	MaxRenders int
	// MaxMemory recycles the child once it reports more memory than this,
	// in bytes (default 512 MiB). go-graphviz never returns memory.
	MaxMemory uint64
	// Timeout is the limit for one layout attempt of a small graph in a
	// child, from sending it the request (default 60 s); it grows with the
	// graph (see attemptLimit), and a ctx with a deadline replaces it. Past
	// it the child is killed. Waiting for a child to start is limited
	// separately, to 30 s or Timeout if that is longer (a cold start
	// compiles the WebAssembly: ~0.5–3 s).
	Timeout time.Duration
}

// WorkerStats counts what a Worker has done.
type WorkerStats struct {
	Renders     int    // layouts that succeeded
	Errors      int    // Layout calls that failed (not counting cancellations and timeouts)
	Retries     int    // layouts retried on a fresh child after a failure
	Starts      int    // child processes started
	Recycles    int    // children retired after MaxRenders or MaxMemory
	Restarts    int    // children replaced after an error or protocol failure
	Kills       int    // children killed because a caller's ctx was done or Timeout passed
	Timeouts    int    // layouts that ran past Timeout
	ChildPID    int    // pid of the current child; 0 if none is running yet
	ChildMemory uint64 // memory the last child reported after its last layout, in bytes
}

// Worker is an Engine that runs go-graphviz in child processes (the parley
// binary started with WorkerArg), one layout at a time. Children are
// recycled before go-graphviz's leaks and heap corruption can bite,
// replaced after any failure, and killed when a caller gives up, so a
// Worker can run for the life of the app. It is safe for concurrent use:
// requests are serialised, and a caller whose ctx is done while waiting or
// while its layout runs gets ctx.Err() at once.
type Worker struct {
	opts WorkerOptions
	sem  chan struct{} // one slot: the layout in progress

	mu     sync.Mutex
	cur    *child
	closed bool
	live   map[*child]struct{}
	stats  WorkerStats
	wg     sync.WaitGroup // child goroutines; Add only under mu while !closed
}

var _ Engine = (*Worker)(nil)

// NewWorker returns a Worker. No child is started until the first Layout.
func NewWorker(opts WorkerOptions) *Worker {
	if opts.MaxRenders <= 0 {
		opts.MaxRenders = defaultMaxRenders
	}
	if opts.MaxMemory == 0 {
		opts.MaxMemory = defaultMaxMemory
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	opts.Command = append([]string(nil), opts.Command...)
	opts.Env = append([]string(nil), opts.Env...)
	return &Worker{opts: opts, sem: make(chan struct{}, 1), live: make(map[*child]struct{})}
}

// Stats returns the Worker's counters.
func (w *Worker) Stats() WorkerStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.stats
	if w.cur != nil {
		s.ChildPID = w.cur.getPID()
	}
	return s
}

// Close kills the children and waits for them to exit. Layout calls in
// progress fail with ErrClosed.
func (w *Worker) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	w.cur = nil
	cs := make([]*child, 0, len(w.live))
	for c := range w.live {
		cs = append(cs, c)
	}
	w.mu.Unlock()
	for _, c := range cs {
		c.kill()
	}
	w.wg.Wait()
	return nil
}

// outcome is how one attempt at a layout in a child ended.
type outcome int

const (
	outOK       outcome = iota
	outFailed           // child reported an error, died or broke the protocol
	outCanceled         // ctx done while the layout ran
	outWaitDone         // ctx done while waiting for the child to start
	outTimeout          // Timeout passed
)

// Layout lays out dot in a child process.
func (w *Worker) Layout(ctx context.Context, dot []byte) (*Layout, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkDOT(dot); err != nil {
		return nil, err
	}
	select {
	case w.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-w.sem }()

	var firstErr error
	for try := 0; try < 2; try++ {
		c, err := w.child()
		if err != nil {
			return nil, err
		}
		js, mem, out, err := w.roundTrip(ctx, c, dot)
		switch out {
		case outOK:
			l, perr := ParseLayout(js)
			if perr == nil {
				w.succeeded(c, mem)
				return l, nil
			}
			err = perr
		case outWaitDone:
			return nil, ctx.Err()
		case outCanceled:
			w.discard(c, func(s *WorkerStats) { s.Kills++ })
			return nil, ctx.Err()
		case outTimeout:
			w.discard(c, func(s *WorkerStats) { s.Kills++; s.Timeouts++ })
			return nil, err
		}
		w.discard(c, func(s *WorkerStats) {
			s.Restarts++
			if try == 0 {
				s.Retries++
			}
		})
		if firstErr == nil {
			firstErr = err
		}
	}
	w.mu.Lock()
	w.stats.Errors++
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	return nil, firstErr
}

// child returns the current child, starting one if there is none.
func (w *Worker) child() (*child, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil, ErrClosed
	}
	if w.cur == nil {
		w.cur = w.spawnLocked()
	}
	return w.cur, nil
}

// succeeded counts a layout done by c and recycles c if it is used up.
func (w *Worker) succeeded(c *child, mem uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stats.Renders++
	w.stats.ChildMemory = mem
	c.renders++
	if c.renders < w.opts.MaxRenders && mem <= w.opts.MaxMemory {
		return
	}
	w.stats.Recycles++
	if w.cur == c {
		w.cur = nil
	}
	if w.closed {
		c.kill()
		return
	}
	if w.cur == nil {
		w.cur = w.spawnLocked() // the replacement starts now, in the background
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		c.retire()
	}()
}

// discard kills c, counts why, and starts its replacement in the background.
func (w *Worker) discard(c *child, count func(*WorkerStats)) {
	w.mu.Lock()
	count(&w.stats)
	if w.cur == c {
		w.cur = nil
		if !w.closed {
			w.cur = w.spawnLocked()
		}
	}
	w.mu.Unlock()
	c.kill()
}

// roundTrip sends one request to c and waits for its answer, ctx or the
// timeout, whichever comes first.
func (w *Worker) roundTrip(ctx context.Context, c *child, dot []byte) ([]byte, uint64, outcome, error) {
	if err := ctx.Err(); err != nil { // e.g. cancelled during a failed first attempt
		return nil, 0, outWaitDone, err
	}
	select {
	case <-c.ready:
	default:
		start := time.NewTimer(max(startLimit, w.opts.Timeout))
		defer start.Stop()
		select {
		case <-c.ready:
		case <-ctx.Done():
			return nil, 0, outWaitDone, ctx.Err()
		case <-start.C:
			return nil, 0, outTimeout, fmt.Errorf("render: layout worker did not start within %v: %w",
				max(startLimit, w.opts.Timeout), context.DeadlineExceeded)
		}
	}
	if c.startErr != nil {
		return nil, 0, outFailed, c.describe(c.startErr)
	}
	limit, limited := w.attemptLimit(ctx, dot)
	var expired <-chan time.Time
	if limited {
		timer := time.NewTimer(limit)
		defer timer.Stop()
		expired = timer.C
	}
	timeoutErr := func() error {
		return fmt.Errorf("render: layout timed out after %v: %w", limit.Round(time.Millisecond), context.DeadlineExceeded)
	}
	type reply struct {
		kind    byte
		payload []byte
		err     error
	}
	rc := make(chan reply, 1)
	go func() {
		kind, payload, err := c.exchange(dot)
		rc <- reply{kind, payload, err}
	}()
	var r reply
	select {
	case r = <-rc:
	case <-ctx.Done():
		return nil, 0, outCanceled, ctx.Err()
	case <-expired:
		return nil, 0, outTimeout, timeoutErr()
	}
	if r.err != nil {
		return nil, 0, outFailed, c.describe(r.err)
	}
	if len(r.payload) < 8 || (r.kind != frameJSON && r.kind != frameError) {
		return nil, 0, outFailed, c.describe(fmt.Errorf("%w (kind %q, %d bytes)", errBadFrame, r.kind, len(r.payload)))
	}
	mem := binary.BigEndian.Uint64(r.payload)
	body := r.payload[8:]
	if r.kind == frameError {
		msg := string(body)
		if !strings.HasPrefix(msg, "render:") {
			msg = "render: layout worker: " + msg
		}
		return nil, mem, outFailed, errors.New(msg)
	}
	return body, mem, outOK, nil
}

// spawnLocked starts a new child in the background; w.mu must be held and
// w.closed false.
func (w *Worker) spawnLocked() *child {
	c := &child{
		ready:  make(chan struct{}),
		exited: make(chan struct{}),
		stderr: &tailBuffer{max: stderrTail},
	}
	w.live[c] = struct{}{}
	w.stats.Starts++
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		c.run(w.opts)
		w.mu.Lock()
		delete(w.live, c)
		if w.cur == c {
			w.cur = nil
		}
		w.mu.Unlock()
	}()
	return c
}
