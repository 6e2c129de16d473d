package layout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Engine turns DOT text into a Layout.
type Engine interface {
	// Layout lays out one graph given as DOT text.
	Layout(ctx context.Context, dot []byte) (*Layout, error)
	// Close releases the engine; later Layout calls fail with ErrClosed.
	Close() error
}

// ErrClosed is returned by Layout after Close.
var ErrClosed = errors.New("render: layout engine closed")

// gvMu guards every go-graphviz call in this process. go-graphviz runs one
// WebAssembly instance per process that is not safe for concurrent use, even
// through separate *graphviz.Graphviz values; concurrent use corrupts it for
// good.
var gvMu sync.Mutex

// InProcess is an Engine that runs go-graphviz in this process, one call at a
// time behind a process-wide mutex. It cannot be interrupted once a layout
// has started, so it suits CLI renders and tests; the window uses a Worker.
// Its WebAssembly module is replaced regularly (engine_start.go), so its
// memory stays bounded however many layouts it does.
type InProcess struct {
	gv     *graphviz.Graphviz // guarded by gvMu; nil until first use
	gen    uint64             // gvRun.generation that gv belongs to
	closed bool               // guarded by gvMu
}

var _ Engine = (*InProcess)(nil)

// NewInProcess returns an engine running go-graphviz in this process. It
// allocates nothing in go-graphviz until the first Layout.
func NewInProcess() *InProcess { return &InProcess{} }

// Layout lays out dot. ctx is checked only before the layout starts: a
// running layout cannot be interrupted.
func (e *InProcess) Layout(ctx context.Context, dot []byte) (*Layout, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkDOT(dot); err != nil {
		return nil, err
	}
	js, err := e.renderJSON(ctx, dot)
	if err != nil {
		return nil, err
	}
	return ParseLayout(js)
}

// Close frees the go-graphviz context. It waits for a running layout.
func (e *InProcess) Close() error {
	gvMu.Lock()
	defer gvMu.Unlock()
	e.closed = true
	e.resetLocked()
	return nil
}

// renderJSON returns Graphviz's json output for dot, which must already have
// passed checkDOT. A failure is retried once on a fresh WebAssembly module,
// because a failed call can make the next one fail too.
func (e *InProcess) renderJSON(ctx context.Context, dot []byte) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	if e.closed {
		return nil, ErrClosed
	}
	if err := ctx.Err(); err != nil { // we may have waited for the lock
		return nil, err
	}
	if err := startGraphvizLocked(ctx); err != nil {
		return nil, err
	}
	out, err := e.renderOnceLocked(dot)
	if err == nil {
		laidOutLocked()
		return out, nil
	}
	freshGraphvizLocked()
	if out, err2 := e.renderOnceLocked(dot); err2 == nil {
		laidOutLocked()
		return out, nil
	}
	freshGraphvizLocked()
	return nil, err
}

// resetLocked drops the go-graphviz context; the next render makes a new one.
// Errors from closing it are ignored: go-graphviz reports a stale message
// from an earlier call there (seen: the previous syntax error).
func (e *InProcess) resetLocked() {
	if e.gv == nil {
		return
	}
	gv := e.gv
	e.gv = nil
	if e.gen != gvRun.generation {
		return // made by a module instance that is gone
	}
	defer func() { _ = recover() }()
	_ = gv.Close()
}

// renderOnceLocked parses dot and renders it to json once. gvMu must be held.
// Panics inside go-graphviz are turned into errors.
func (e *InProcess) renderOnceLocked(dot []byte) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("render: graphviz panicked: %v", r)
		}
	}()
	// go-graphviz ignores contexts (its wasm runtime is not built to be
	// interrupted), so Background is as good as any, and never half-aborts.
	ctx := context.Background()
	if e.gen != gvRun.generation {
		e.resetLocked()
	}
	if e.gv == nil {
		gv, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("render: graphviz init: %w", err)
		}
		if gv == nil {
			return nil, errors.New("render: graphviz init returned nothing")
		}
		e.gv, e.gen = gv, gvRun.generation
	}
	graph, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("render: dot: %s", trimGVError(err))
	}
	if graph == nil {
		// (nil, nil): typically the 4 GiB WebAssembly memory is used up.
		return nil, errors.New("render: graphviz returned no graph (out of wasm memory?)")
	}
	defer graph.Close()
	var buf bytes.Buffer
	// json0: positions and splines without xdot drawing ops, which Parley
	// draws itself; producing them doubled the time of a layout (measured:
	// 105 ms against 52 ms for 100 actors).
	if err := e.gv.Render(ctx, graph, "json0", &buf); err != nil {
		return nil, fmt.Errorf("render: graphviz layout: %s", trimGVError(err))
	}
	if buf.Len() == 0 {
		return nil, errors.New("render: graphviz produced no output")
	}
	return buf.Bytes(), nil
}

// trimGVError tidies Graphviz's messages, which end in newlines.
func trimGVError(err error) string {
	return string(bytes.TrimSpace([]byte(err.Error())))
}

// checkDOT accepts exactly one graph: optional "strict", "graph" or
// "digraph", an optional ID, a balanced { … } body, and nothing after it but
// white space and comments. It respects quoted strings, <…> HTML strings,
// comments and '#' lines the way Graphviz's scanner does. go-graphviz keeps
// whatever follows the first graph and feeds it to the next parse, so input
// with anything after the graph must never reach it.
func checkDOT(dot []byte) error {
	if bytes.IndexByte(dot, 0) >= 0 {
		return errors.New("render: dot: contains a NUL byte")
	}
	i := skipDOTSpace(dot, 0)
	j := i
	for j < len(dot) && isIDByte(dot[j]) {
		j++
	}
	word := string(bytes.ToLower(dot[i:j]))
	if word == "strict" {
		i = skipDOTSpace(dot, j)
		j = i
		for j < len(dot) && isIDByte(dot[j]) {
			j++
		}
		word = string(bytes.ToLower(dot[i:j]))
	}
	if word != "graph" && word != "digraph" {
		return errors.New("render: dot: does not start with graph or digraph")
	}
	depth := 0
	for i = j; i < len(dot); {
		if k := skipDOTSpace(dot, i); k != i {
			i = k
			continue
		}
		switch c := dot[i]; c {
		case '"':
			k, err := skipQuoted(dot, i)
			if err != nil {
				return err
			}
			i = k
		case '<':
			k, err := skipHTML(dot, i)
			if err != nil {
				return err
			}
			i = k
		case '{':
			depth++
			i++
		case '}':
			if depth == 0 {
				return errors.New("render: dot: unbalanced '}'")
			}
			depth--
			i++
			if depth == 0 {
				if k := skipDOTSpace(dot, i); k != len(dot) {
					return fmt.Errorf("render: dot: unexpected text after the graph at byte %d", k)
				}
				return nil
			}
		default:
			i++
		}
	}
	if depth == 0 {
		return errors.New("render: dot: no graph body")
	}
	return errors.New("render: dot: unbalanced '{'")
}

func isIDByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// skipDOTSpace skips white space, // and /* */ comments and lines starting
// with '#'. An unterminated /* comment runs to the end.
func skipDOTSpace(dot []byte, i int) int {
	for i < len(dot) {
		switch c := dot[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '#' && (i == 0 || dot[i-1] == '\n' || dot[i-1] == '\r'):
			i = lineEnd(dot, i)
		case c == '/' && i+1 < len(dot) && dot[i+1] == '/':
			i = lineEnd(dot, i)
		case c == '/' && i+1 < len(dot) && dot[i+1] == '*':
			k := bytes.Index(dot[i+2:], []byte("*/"))
			if k < 0 {
				return len(dot)
			}
			i += 2 + k + 2
		default:
			return i
		}
	}
	return i
}

func lineEnd(dot []byte, i int) int {
	if k := bytes.IndexByte(dot[i:], '\n'); k >= 0 {
		return i + k + 1
	}
	return len(dot)
}

// skipQuoted returns the index after the quoted string starting at dot[i].
// As in Graphviz's scanner, \" and \\ are escapes; any other \ is literal.
func skipQuoted(dot []byte, i int) (int, error) {
	for k := i + 1; k < len(dot); k++ {
		switch dot[k] {
		case '\\':
			if k+1 < len(dot) && (dot[k+1] == '"' || dot[k+1] == '\\') {
				k++
			}
		case '"':
			return k + 1, nil
		}
	}
	return 0, fmt.Errorf("render: dot: unterminated string at byte %d", i)
}

// skipHTML returns the index after the <…> HTML string starting at dot[i];
// as in Graphviz's scanner, it counts nested < and > and nothing else.
func skipHTML(dot []byte, i int) (int, error) {
	nest := 0
	for k := i; k < len(dot); k++ {
		switch dot[k] {
		case '<':
			nest++
		case '>':
			nest--
			if nest == 0 {
				return k + 1, nil
			}
		}
	}
	return 0, fmt.Errorf("render: dot: unterminated HTML string at byte %d", i)
}
