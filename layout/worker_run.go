// The worker child's side: RunWorker, the loop a parley process started
// with WorkerArg runs.

package layout

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// WorkerArg is the hidden argv[1] that makes the parley binary run as a
// layout worker. The very first thing main must do is:
//
//	if len(os.Args) > 1 && os.Args[1] == layout.WorkerArg {
//		os.Exit(layout.RunWorker(os.Stdin, os.Stdout))
//	}
const WorkerArg = "__parley-layout-worker"

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
//			os.Exit(layout.RunWorker(os.Stdin, os.Stdout))
//		}
//		os.Exit(m.Run())
//	}
//
// with layout.WorkerOptions{Command: []string{os.Args[0]},
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
