// One worker child process, as the parent Worker sees it: starting it,
// talking to it, retiring and killing it.

package layout

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

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
