// Tests of the worker child (RunWorker) run as a process of its own.

package layout

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func startRawChild(t *testing.T, stderr io.Writer) (*exec.Cmd, *os.File, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	inR, inW, _ := os.Pipe()
	outR, outW, _ := os.Pipe()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	inR.Close()
	outW.Close()
	t.Cleanup(func() { cmd.Process.Kill(); outR.Close(); inW.Close() })
	rd := bufio.NewReader(outR)
	if kind, p, err := readFrame(rd); err != nil || kind != frameHello || len(p) != 8 {
		t.Fatalf("hello: %q %v %v", kind, p, err)
	}
	return cmd, inW, rd
}

func waitExit(t *testing.T, cmd *exec.Cmd, d time.Duration) (time.Duration, error) {
	t.Helper()
	t0 := time.Now()
	ch := make(chan error, 1)
	go func() { ch <- cmd.Wait() }()
	select {
	case err := <-ch:
		return time.Since(t0), err
	case <-time.After(d):
		t.Fatalf("child did not exit within %v", d)
		return 0, nil
	}
}

// TestWorkerChildExitsWithParent: the child exits as soon as its stdin
// closes, idle or in the middle of a long layout, so a dead parent leaves
// no orphans behind.
func TestWorkerChildExitsWithParent(t *testing.T) {
	cmd, in, rd := startRawChild(t, os.Stderr)
	bw := bufio.NewWriter(in)
	if err := writeFrame(bw, frameLayout, genDOT(20, 1)); err != nil {
		t.Fatal(err)
	}
	if kind, p, err := readFrame(rd); err != nil || kind != frameJSON {
		t.Fatalf("reply %q %v (%d bytes)", kind, err, len(p))
	} else if _, err := ParseLayout(p[8:]); err != nil {
		t.Fatal(err)
	}
	in.Close()
	if d, err := waitExit(t, cmd, 3*time.Second); err != nil {
		t.Errorf("idle child exited after %v with %v, want status 0", d, err)
	}

	cmd, in, _ = startRawChild(t, os.Stderr)
	bw = bufio.NewWriter(in)
	if err := writeFrame(bw, frameLayout, genDOT(2000, 1)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	in.Close()
	d, err := waitExit(t, cmd, 3*time.Second)
	t.Logf("child busy with a 2000-node layout exited %v after its stdin closed (%v)", d, err)
	if err != nil {
		t.Errorf("busy child: %v, want status 0", err)
	}

	// A request that is not a frame: the child says why and exits non-zero.
	var stderr tailBuffer
	stderr.max = 4096
	cmd, in, _ = startRawChild(t, &stderr)
	in.Write([]byte("digraph { a }\n"))
	if _, err := waitExit(t, cmd, 3*time.Second); err == nil || !strings.Contains(stderr.String(), "bad frame") {
		t.Errorf("child given a request without framing: %v, stderr %q", err, stderr.String())
	}
}

// TestWorkerNoOrphans: when the parent process dies (SIGKILL, no chance to
// clean up) while its child is busy with a long layout, the child exits too.
func TestWorkerNoOrphans(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), workerEnv+"=parent")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("parent: %v", err)
	}
	var pid int
	if _, err := fmt.Sscan(line, &pid); err != nil || !alive(pid) {
		t.Fatalf("child pid %q: %v", line, err)
	}
	time.Sleep(300 * time.Millisecond) // the child is busy with 2000 nodes
	t0 := time.Now()
	cmd.Process.Kill()
	cmd.Wait()
	waitGone(t, pid, 3*time.Second)
	t.Logf("busy child %d exited %v after its parent was killed", pid, time.Since(t0))
}

// TestWorkerStartup measures how long a child takes to become ready.
