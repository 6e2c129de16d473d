//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Process-level tests: the real parley process (this test binary with
// PARLEY_TEST_MAIN=1, see TestMain), its exit status and its streams.

type proc struct {
	env    []string  // added to the environment ("NAME=" or "-NAME" to unset)
	stdout io.Writer // default: captured
	bin    string    // default: this test binary
}

func (p proc) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	bin := p.bin
	if bin == "" {
		bin = os.Args[0]
	}
	cmd := exec.Command(bin, args...)
	env := append(os.Environ(), "PARLEY_TEST_MAIN=1")
	for _, e := range p.env {
		if name, ok := strings.CutPrefix(e, "-"); ok {
			env = slicesDeleteVar(env, name)
			continue
		}
		env = append(env, e)
	}
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	if p.stdout != nil {
		cmd.Stdout = p.stdout
	}
	cmd.Stderr = &errb
	err := cmd.Run()
	if cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

func slicesDeleteVar(env []string, name string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, name+"=") {
			out = append(out, e)
		}
	}
	return out
}

func noStackTrace(t *testing.T, stderr string) {
	t.Helper()
	for _, bad := range []string{"goroutine ", "panic:", ".go:"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("a stack trace or Go source position on stderr:\n%s", stderr)
			return
		}
	}
}

func needRoot(t *testing.T, why string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (CI runs as root): " + why)
	}
}

// mknod makes a character device like /dev/null (1,3) or /dev/full (1,7)
// in dir: the tests never touch the real /dev.
func mknod(t *testing.T, dir, name string, major, minor int) string {
	t.Helper()
	needRoot(t, "mknod")
	path := filepath.Join(dir, name)
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, major<<8|minor); err != nil {
		t.Skip("cannot make device nodes here:", err)
	}
	return path
}

func isCharDevice(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func TestProcessRenderToDevices(t *testing.T) {
	in := exampleFile(t)
	dir := t.TempDir()
	null := mknod(t, dir, "null", 1, 3)
	full := mknod(t, dir, "full", 1, 7)
	code, _, stderr := proc{}.run(t, "render", "-o", null, in)
	if code != exitOK || !isCharDevice(null) {
		t.Errorf("-o null: exit %d, still a device: %v, %s", code, isCharDevice(null), stderr)
	}
	code, _, stderr = proc{}.run(t, "render", "-o", full, "-format", "png", in)
	if code != exitInvalid || stderr != "parley: cannot write "+full+": no space left on device\n" || !isCharDevice(full) {
		t.Errorf("-o full: exit %d, %q, still a device: %v", code, stderr, isCharDevice(full))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left beside the devices: %v", entries)
	}
}

func TestProcessRenderToFIFO(t *testing.T) {
	in := exampleFile(t)
	fifo := filepath.Join(t.TempDir(), "diagram.svg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	code, _, stderr := proc{}.run(t, "render", "-o", fifo, in)
	b := <-got
	if code != exitOK || !bytes.Contains(b, []byte("</svg>")) {
		t.Errorf("exit %d, the reader got %d bytes, %s", code, len(b), stderr)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}

// TestProcessRenderToDevStdout: -o /dev/stdout writes to the process's
// standard output, whatever it is: a file opened for appending (appended
// to, not replaced), a pipe, a socket.
func TestProcessRenderToDevStdout(t *testing.T) {
	in := exampleFile(t)
	dir := t.TempDir()
	logPath := filepath.Join(dir, "log.svg")
	os.WriteFile(logPath, []byte("first\n"), 0o600)
	before, _ := os.Stat(logPath)
	f, _ := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0)
	code, _, stderr := proc{stdout: f}.run(t, "render", "-o", "/dev/stdout", in)
	f.Close()
	b, _ := os.ReadFile(logPath)
	after, _ := os.Stat(logPath)
	if code != exitOK || !bytes.HasPrefix(b, []byte("first\n<?xml")) || !os.SameFile(before, after) || after.Mode().Perm() != 0o600 {
		t.Errorf("appending stdout: exit %d, %q…, same file %v, mode %v, %s", code, truncate(b), os.SameFile(before, after), after.Mode().Perm(), stderr)
	}

	// A socket (as under systemd): opening /proc/self/fd/1 would fail.
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Skip(err)
	}
	ours, theirs := os.NewFile(uintptr(fds[0]), "ours"), os.NewFile(uintptr(fds[1]), "theirs")
	got := make(chan []byte)
	go func() { b, _ := io.ReadAll(ours); got <- b }()
	code, _, stderr = proc{stdout: theirs}.run(t, "render", "-o", "/dev/stdout", in)
	theirs.Close()
	if b := <-got; code != exitOK || !bytes.Contains(b, []byte("</svg>")) {
		t.Errorf("socket stdout: exit %d, %d bytes, %s", code, len(b), stderr)
	}
	ours.Close()
}

// TestProcessStdoutWriteErrors: a failed write to stdout is an error
// (exit 1, a message), not a silent success.
func TestProcessStdoutWriteErrors(t *testing.T) {
	in := exampleFile(t)
	full := mknod(t, t.TempDir(), "full", 1, 7)
	for _, args := range [][]string{
		{"example"}, {"version"}, {"help"}, {"render", "-h"},
		{"render", "-o", "-", in}, {"render", "-o", "/dev/stdout", in},
	} {
		f, err := os.OpenFile(full, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		code, _, stderr := proc{stdout: f}.run(t, args...)
		f.Close()
		if code != exitInvalid || !strings.HasPrefix(stderr, "parley: cannot write ") || !strings.Contains(stderr, "no space left on device") {
			t.Errorf("parley %v > full: exit %d, %q", args, code, stderr)
		}
	}
}

func TestProcessOwnerAndModeKept(t *testing.T) {
	needRoot(t, "chown to another user")
	in := exampleFile(t)
	out := filepath.Join(t.TempDir(), "theirs.svg")
	os.WriteFile(out, []byte("old"), 0o600)
	os.Chmod(out, 0o664)
	os.Chown(out, 4321, 8765)
	if code, _, stderr := (proc{}).run(t, "render", "-o", out, in); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	fi, _ := os.Stat(out)
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 4321 || st.Gid != 8765 || fi.Mode().Perm() != 0o664 {
		t.Errorf("owner %d:%d, mode %v; want 4321:8765 0664", st.Uid, st.Gid, fi.Mode().Perm())
	}
}

// TestProcessNoDisplay: without a display, the window's commands say what
// is missing, in one line, and exit 1; a file that cannot be read, or has
// errors, is reported first.
func TestProcessNoDisplay(t *testing.T) {
	valid := exampleFile(t)
	bad := writeFile(t, "bad.toml", invalidScenario)
	missing := filepath.Join(t.TempDir(), "missing.toml")
	noDisplay := proc{env: []string{"-DISPLAY", "-WAYLAND_DISPLAY"}}
	const want = "parley: no display found: set DISPLAY (Parley's window needs X11, or XWayland under Wayland); the command line works without one: parley render FILE.toml"
	for _, args := range [][]string{{}, {valid}, {"--", valid}} {
		code, stdout, stderr := noDisplay.run(t, args...)
		if code != exitInvalid || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 || stdout != "" {
			t.Errorf("parley %v: exit %d, stderr %q", args, code, stderr)
		}
		noStackTrace(t, stderr)
	}
	// A missing file: that, and nothing about the display.
	code, _, stderr := noDisplay.run(t, missing)
	if code != exitInvalid || stderr != "parley: cannot open "+missing+": no such file or directory\n" {
		t.Errorf("missing file: exit %d, %q", code, stderr)
	}
	// A file with errors: its problems, positioned, then the display.
	code, _, stderr = noDisplay.run(t, bad)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code != exitInvalid || !strings.Contains(stderr, "\n"+bad+":7:8: error:") || !strings.HasPrefix(lines[len(lines)-1], want) {
		t.Errorf("file with errors: exit %d:\n%s", code, stderr)
	}
	// Only Wayland, but Parley's GLFW is built for X11.
	code, _, stderr = proc{env: []string{"-DISPLAY", "WAYLAND_DISPLAY=wayland-0"}}.run(t)
	if code != exitInvalid || !strings.HasPrefix(stderr, "parley: no X11 display: DISPLAY is not set (WAYLAND_DISPLAY=wayland-0 is") {
		t.Errorf("Wayland only: exit %d, %q", code, stderr)
	}
	// A display that is not there.
	n := freeDisplay(t)
	code, _, stderr = proc{env: []string{fmt.Sprintf("DISPLAY=:%d", n)}}.run(t, valid)
	if code != exitInvalid || !strings.HasPrefix(stderr, fmt.Sprintf("parley: cannot reach the X display DISPLAY=:%d: no X server is running on it", n)) {
		t.Errorf("no X server: exit %d, %q", code, stderr)
	}
	code, _, stderr = proc{env: []string{"DISPLAY=nonsense"}}.run(t)
	if code != exitInvalid || !strings.HasPrefix(stderr, `parley: cannot reach the X display DISPLAY=nonsense: "nonsense" is not a display name like :0 or host:0`) {
		t.Errorf("bad DISPLAY: exit %d, %q", code, stderr)
	}
}

// freeDisplay is an X display number with no server.
func freeDisplay(t *testing.T) int {
	for n := 90; n < 200; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err != nil {
			if c, err := net.Dial("unix", fmt.Sprintf("@/tmp/.X11-unix/X%d", n)); err == nil {
				c.Close()
				continue
			}
			return n
		}
	}
	t.Skip("no free X display number")
	return 0
}

var (
	realBinaryOnce sync.Once
	realBinary     string
	realBinaryErr  error
)

// buildRealBinary builds parley as users get it (the test binary is built
// with -tags ci, whose Fyne driver needs no display, so it cannot show
// what GLFW does).
func buildRealBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the real binary; not with -short")
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		t.Skip("no go command to build the real binary:", err)
	}
	realBinaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parley-real")
		if err != nil {
			realBinaryErr = err
			return
		}
		afterTests = append(afterTests, func() { os.RemoveAll(dir) })
		realBinary = filepath.Join(dir, "parley")
		out, err := exec.Command(gobin, "build", "-o", realBinary, ".").CombinedOutput()
		if err != nil {
			realBinaryErr = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if realBinaryErr != nil {
		t.Fatal(realBinaryErr)
	}
	return realBinary
}

// TestProcessGLFWFailureIsOneLine: a display that answers but is no X
// server gets past the check; GLFW then fails to start, and that too is
// one line and exit 1, with GLFW's reason, not its panic.
func TestProcessGLFWFailureIsOneLine(t *testing.T) {
	bin := buildRealBinary(t)
	var ln net.Listener
	var n int
	for n = 50; n < 100; n++ {
		var err error
		if ln, err = net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 6000+n)); err == nil {
			break
		}
	}
	if ln == nil {
		t.Skip("no free port for a fake X server")
	}
	defer ln.Close()
	go func() { // accepts and hangs up: not an X server
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	p := proc{bin: bin, env: []string{fmt.Sprintf("DISPLAY=127.0.0.1:%d", n), "-WAYLAND_DISPLAY"}}
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		code, _, stderr = p.run(t, exampleFile(t))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("parley did not exit")
	}
	if code != exitInvalid || !strings.HasPrefix(stderr, "parley: cannot open a window: ") || !strings.Contains(stderr, "X11: Failed to open display") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	noStackTrace(t, stderr)
	// And the real binary without a display, too.
	code, _, stderr = proc{bin: bin, env: []string{"-DISPLAY", "-WAYLAND_DISPLAY"}}.run(t)
	if code != exitInvalid || !strings.HasPrefix(stderr, "parley: no display found") {
		t.Errorf("real binary, no display: exit %d, %q", code, stderr)
	}
}
