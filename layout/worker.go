// This file is over 500 lines: it holds both ends of the worker protocol
// (the frames, the child's loop RunWorker, and the parent Worker with its
// child processes). It is kept whole, as it was in package render, while
// the work on go-graphviz's start-up edits it, so that work merges by
// rename; split it along those lines once that has landed.

package layout

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WorkerArg is the hidden argv[1] that makes the parley binary run as a
// layout worker. The very first thing main must do is:
//
//	if len(os.Args) > 1 && os.Args[1] == render.WorkerArg {
//		os.Exit(render.RunWorker(os.Stdin, os.Stdout))
//	}
const WorkerArg = "__parley-layout-worker"

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

// Frame protocol between a Worker and its child, over the child's stdin and
// stdout. Every frame is the 4-byte magic, a kind byte, a big-endian uint32
// payload length and the payload.
//
//	child → parent  'H' hello, once, when ready: memory (uint64)
//	parent → child  'L' layout request: DOT text
//	child → parent  'J' result: memory (uint64) + Graphviz json
//	child → parent  'E' failure: memory (uint64) + error text
//
// memory is the child's resident set size in bytes (Go's MemStats.Sys where
// /proc is not available).
const (
	frameMagic  = "PLW1"
	frameHello  = 'H'
	frameLayout = 'L'
	frameJSON   = 'J'
	frameError  = 'E'
	frameHeader = len(frameMagic) + 1 + 4
	maxFrame    = 1 << 30
)

var errBadFrame = errors.New("render: layout worker protocol: bad frame")

func writeFrame(w *bufio.Writer, kind byte, parts ...[]byte) error {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n > maxFrame {
		return fmt.Errorf("render: layout worker protocol: frame of %d bytes is too large", n)
	}
	var hdr [frameHeader]byte
	copy(hdr[:], frameMagic)
	hdr[len(frameMagic)] = kind
	binary.BigEndian.PutUint32(hdr[len(frameMagic)+1:], uint32(n))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return w.Flush()
}

// readFrame reads one frame. A clean end of input before a frame is io.EOF.
func readFrame(r io.Reader) (kind byte, payload []byte, err error) {
	var hdr [frameHeader]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			return 0, nil, fmt.Errorf("render: layout worker protocol: truncated frame header: %w", err)
		}
		return 0, nil, err
	}
	if string(hdr[:len(frameMagic)]) != frameMagic {
		return 0, nil, fmt.Errorf("%w (starts %q)", errBadFrame, hdr[:])
	}
	n := binary.BigEndian.Uint32(hdr[len(frameMagic)+1:])
	if n > maxFrame {
		return 0, nil, fmt.Errorf("%w (length %d)", errBadFrame, n)
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, fmt.Errorf("render: layout worker protocol: truncated frame: %w", err)
	}
	return hdr[len(frameMagic)], payload, nil
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// processMemory is this process's resident set size, or Go's MemStats.Sys
// where /proc/self/statm cannot be read.
func processMemory() uint64 {
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 2 {
			if pages, err := strconv.ParseUint(f[1], 10, 64); err == nil {
				return pages * uint64(os.Getpagesize())
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Sys
}

// RunWorker is the main loop of a layout worker child: it reads layout
// requests from in, lays each out with go-graphviz in this process and
// writes the results to out, until in ends. It returns the process exit
// code: 0 when in ended cleanly, non-zero after a protocol or I/O error.
//
// If out is os.Stdout, os.Stdout is pointed at os.Stderr first so that stray
// prints cannot corrupt the frame stream. When in ends during a layout,
// RunWorker returns at once, leaving the layout running on another
// goroutine: the caller must exit the process promptly (os.Exit).
//
// Tests of packages that use a Worker make their own test binary the worker,
// since the parley binary is not built then:
//
//	func TestMain(m *testing.M) {
//		if os.Getenv("PARLEY_TEST_LAYOUT_WORKER") == "1" {
//			os.Exit(render.RunWorker(os.Stdin, os.Stdout))
//		}
//		os.Exit(m.Run())
//	}
//
// with render.WorkerOptions{Command: []string{os.Args[0]},
// Env: []string{"PARLEY_TEST_LAYOUT_WORKER=1"}}.
func RunWorker(in io.Reader, out io.Writer) int {
	if f, ok := out.(*os.File); ok && f == os.Stdout {
		os.Stdout = os.Stderr
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	eng := NewInProcess() // never closed: the process exits when we return

	// Warm up (go-graphviz context, plugins) before saying hello, so that
	// the first real layout is as fast as the rest.
	if _, err := eng.renderJSON(context.Background(), []byte("digraph{a}")); err != nil {
		fmt.Fprintf(os.Stderr, "render: layout worker warm-up: %v\n", err)
		return 1
	}
	if err := writeFrame(bw, frameHello, u64(processMemory())); err != nil {
		fmt.Fprintf(os.Stderr, "render: layout worker: %v\n", err)
		return 1
	}

	reqs := make(chan []byte)
	readErr := make(chan error, 1)
	go func() {
		for {
			kind, payload, err := readFrame(in)
			if err != nil {
				readErr <- err
				return
			}
			if kind != frameLayout {
				readErr <- fmt.Errorf("%w (request kind %q)", errBadFrame, kind)
				return
			}
			reqs <- payload
		}
	}()
	exit := func(err error) int {
		if errors.Is(err, io.EOF) {
			return 0
		}
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	type result struct {
		js  []byte
		err error
	}
	for {
		var dot []byte
		select {
		case dot = <-reqs:
		case err := <-readErr:
			return exit(err)
		}
		done := make(chan result, 1)
		go func() {
			if err := checkDOT(dot); err != nil {
				done <- result{err: err}
				return
			}
			js, err := eng.renderJSON(context.Background(), dot)
			done <- result{js, err}
		}()
		var r result
		select {
		case r = <-done:
		case err := <-readErr: // parent gone (or mad) mid-layout
			return exit(err)
		}
		var err error
		if r.err != nil {
			err = writeFrame(bw, frameError, u64(processMemory()), []byte(r.err.Error()))
		} else {
			err = writeFrame(bw, frameJSON, u64(processMemory()), r.js)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "render: layout worker: write: %v\n", err)
			return 1
		}
	}
}

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

// child is one worker process.
type child struct {
	ready    chan struct{} // closed when the hello frame arrived or start failed
	startErr error         // valid once ready is closed
	exited   chan struct{} // closed when the process has exited
	exitErr  error         // valid once exited is closed
	neverRan bool          // the process could not be started; valid once ready is closed
	stderr   *tailBuffer
	renders  int // guarded by Worker.mu

	mu     sync.Mutex // guards proc, killed, pid
	proc   *os.Process
	killed bool
	pid    int

	io          sync.Mutex // held while talking to the child; guards the fields below
	stdin       *os.File   // our end of its stdin
	stdout      *os.File   // our end of its stdout
	rd          *bufio.Reader
	wr          *bufio.Writer
	stdinClosed bool
	fdsClosed   bool
}

// run starts the process, reads its hello, waits for it to exit and then
// closes our pipe ends.
func (c *child) run(opts WorkerOptions) {
	argv := opts.Command
	if len(argv) == 0 {
		exe, err := selfExecutable()
		if err != nil {
			c.failStart(fmt.Errorf("render: layout worker: %w", err))
			return
		}
		argv = []string{exe, WorkerArg}
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		c.failStart(fmt.Errorf("render: layout worker: %w", err))
		return
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		c.failStart(fmt.Errorf("render: layout worker: %w", err))
		return
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), opts.Env...)
	cmd.Stdin = inR
	cmd.Stdout = outW
	cmd.Stderr = c.stderr
	cmd.WaitDelay = time.Second // don't hang on a stderr held open by a grandchild
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		c.failStart(fmt.Errorf("render: layout worker: start: %w", err))
		return
	}
	c.io.Lock()
	c.stdin, c.stdout = inW, outR
	c.rd = bufio.NewReaderSize(outR, 64<<10)
	c.wr = bufio.NewWriterSize(inW, 64<<10)
	c.io.Unlock()
	c.mu.Lock()
	c.proc, c.pid = cmd.Process, cmd.Process.Pid
	killed := c.killed
	c.mu.Unlock()
	if killed {
		_ = cmd.Process.Kill()
	}

	go func() { // hello
		c.io.Lock()
		kind, payload, err := readFrame(c.rd)
		c.io.Unlock()
		if err == nil && (kind != frameHello || len(payload) != 8) {
			err = fmt.Errorf("%w (hello kind %q)", errBadFrame, kind)
		}
		if err != nil {
			c.startErr = fmt.Errorf("render: layout worker did not start: %w", err)
		}
		close(c.ready)
	}()

	c.exitErr = cmd.Wait()
	close(c.exited)
	<-c.ready // the hello reader has seen EOF by now
	c.io.Lock()
	if !c.stdinClosed {
		c.stdin.Close()
		c.stdinClosed = true
	}
	c.stdout.Close()
	c.fdsClosed = true
	c.io.Unlock()
}

func (c *child) failStart(err error) {
	c.startErr = err
	c.neverRan = true
	close(c.ready)
	close(c.exited)
}

func (c *child) getPID() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pid
}

// kill kills the process (now, or as soon as it has started).
func (c *child) kill() {
	c.mu.Lock()
	c.killed = true
	p := c.proc
	c.mu.Unlock()
	if p != nil {
		_ = p.Kill()
	}
}

// retire closes the child's stdin so that it exits, and kills it if it has
// not exited after retireGrace.
func (c *child) retire() {
	<-c.ready
	c.io.Lock()
	if !c.fdsClosed && !c.stdinClosed {
		c.stdin.Close()
		c.stdinClosed = true
	}
	c.io.Unlock()
	t := time.NewTimer(retireGrace)
	defer t.Stop()
	select {
	case <-c.exited:
	case <-t.C:
		c.kill()
		<-c.exited
	}
}

// exchange sends one layout request and reads the reply.
func (c *child) exchange(dot []byte) (byte, []byte, error) {
	c.io.Lock()
	defer c.io.Unlock()
	if c.fdsClosed || c.stdinClosed {
		return 0, nil, errors.New("render: layout worker has exited")
	}
	if err := writeFrame(c.wr, frameLayout, dot); err != nil {
		return 0, nil, fmt.Errorf("render: layout worker: send: %w", err)
	}
	kind, payload, err := readFrame(c.rd)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("render: layout worker closed its output")
		}
		return 0, nil, err
	}
	return kind, payload, nil
}

// describe adds the child's exit status and the end of its stderr to err.
func (c *child) describe(err error) error {
	if c.neverRan {
		return err
	}
	t := time.NewTimer(100 * time.Millisecond) // a dying child is reaped in ms
	defer t.Stop()
	var status string
	select {
	case <-c.exited:
		if c.exitErr != nil {
			status = c.exitErr.Error()
		} else {
			status = "exit status 0"
		}
	case <-t.C:
		status = "still running"
	}
	msg := fmt.Sprintf("%v (worker: %s)", err, status)
	if tail := strings.TrimSpace(c.stderr.String()); tail != "" {
		msg += "; stderr: " + tail
	}
	return errors.New(msg)
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.ToValidUTF8(t.buf, []byte("?")))
}
