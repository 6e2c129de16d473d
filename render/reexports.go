package render

import (
	"io"

	"github.com/parleyhq/parley/layout"
)

// The layout engine, re-exported from package layout so that callers of
// render (the command line, the window) import neither layout nor, through
// it, go-graphviz. See package layout for their documentation.
type (
	// Engine turns DOT text into a Layout.
	Engine = layout.Engine
	// Layout is Graphviz's placement of a graph, in points.
	Layout = layout.Layout
	// InProcess is an Engine that runs go-graphviz in this process.
	InProcess = layout.InProcess
	// Worker is an Engine that runs go-graphviz in child processes.
	Worker = layout.Worker
	// WorkerOptions configures a Worker.
	WorkerOptions = layout.WorkerOptions
	// WorkerStats counts what a Worker has done.
	WorkerStats = layout.WorkerStats
)

// WorkerArg is the hidden argv[1] that makes the parley binary run as a
// layout worker (RunWorker).
const WorkerArg = layout.WorkerArg

// ErrClosed is returned by an Engine's Layout after Close.
var ErrClosed = layout.ErrClosed

// NewInProcess returns an engine running go-graphviz in this process, for
// one-shot renders.
func NewInProcess() *InProcess { return layout.NewInProcess() }

// NewWorker returns an engine running go-graphviz in recycled child
// processes, for long-lived programs.
func NewWorker(opts WorkerOptions) *Worker { return layout.NewWorker(opts) }

// RunWorker is the main loop of a layout worker child; it returns the
// process's exit code.
func RunWorker(in io.Reader, out io.Writer) int { return layout.RunWorker(in, out) }
