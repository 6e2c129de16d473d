//go:build unix

package safefile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func currentUmask() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}

func needRoot(t *testing.T, why string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (CI runs as root): " + why)
	}
}

// mknod makes a character device in dir like the system's /dev/null (1,3)
// or /dev/full (1,7), never touching /dev itself.
func mknod(t *testing.T, dir, name string, major, minor uint32) string {
	t.Helper()
	needRoot(t, "mknod")
	path := filepath.Join(dir, name)
	dev := int((major << 8) | (minor & 0xff) | ((minor &^ 0xff) << 12))
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, dev); err != nil {
		t.Skip("cannot make device nodes here:", err)
	}
	return path
}

func TestDevicesAreWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	null := mknod(t, dir, "null", 1, 3)
	if err := Write(null, []byte("<svg/>"), nil); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(null); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("the device was replaced: %v %v", fi.Mode(), err)
	}
	// A link to the device: the device is written, the link kept.
	link := filepath.Join(dir, "out.svg")
	os.Symlink(null, link)
	if err := Write(link, []byte("<svg/>"), nil); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link to the device was replaced")
	}
	// /dev/full: the error says which path and why.
	full := mknod(t, dir, "full", 1, 7)
	err := Write(full, []byte("<svg/>"), nil)
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), full) {
		t.Errorf("writing to a full device: %v", err)
	}
	if fi, _ := os.Lstat(full); fi.Mode()&fs.ModeCharDevice == 0 {
		t.Error("the full device was replaced")
	}
	if n := names(t, dir); strings.Contains(strings.Join(n, " "), ".tmp") {
		t.Errorf("temporary files: %v", n)
	}
}

func TestFIFOIsWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Write(fifo, []byte("through the fifo"), nil); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the fifo" {
		t.Errorf("the reader got %q", s)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	// NoWait: with no reader, an error instead of a wait.
	err := Write(fifo, []byte("x"), &Options{NoWait: true})
	if err == nil || !strings.Contains(err.Error(), "no program is reading") || !strings.Contains(err.Error(), fifo) {
		t.Errorf("a FIFO without a reader: %v", err)
	}
}

func TestOwnerIsKept(t *testing.T) {
	needRoot(t, "chown to another user")
	dir := t.TempDir()
	path := filepath.Join(dir, "theirs.toml")
	mustWrite(t, path, "old", 0o664)
	if err := os.Chown(path, 4321, 8765); err != nil {
		t.Skip(err)
	}
	if err := Write(path, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 4321 || st.Gid != 8765 || fi.Mode().Perm() != 0o664 {
		t.Errorf("owner %d:%d mode %v, want 4321:8765 0664", st.Uid, st.Gid, fi.Mode().Perm())
	}
}

// asNobody runs this test binary as the helper "write PATH TEXT" under
// another user (uid 65534) and returns its exit code and stderr.
func asNobody(t *testing.T, args ...string) (int, string) {
	t.Helper()
	needRoot(t, "run as another user")
	// The test binary may sit in a folder only root can enter.
	bin := filepath.Join(openDir(t, 0o755), "helper")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(bin, data, 0o755)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "SAFEFILE_TEST_HELPER=write")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// openDir is a new folder with mode perm that other users can reach
// (t.TempDir's parent is private).
func openDir(t *testing.T, perm fs.FileMode) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "safefile-test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, perm)
	return dir
}

func TestAnotherUsersFileIsNotReplaced(t *testing.T) {
	needRoot(t, "run as another user")
	dir := openDir(t, 0o777) // anyone may rename here: only the file's own permission protects it
	path := filepath.Join(dir, "roots.toml")
	mustWrite(t, path, "root's", 0o644)
	code, stderr := asNobody(t, path, "nobody's")
	if code != 1 || !strings.Contains(stderr, path) || !strings.Contains(stderr, "permission denied; this user may not write it") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if content(t, path) != "root's" {
		t.Error("another user's file was replaced")
	}
	// Nobody's own file in a folder nobody cannot write: the message
	// names both.
	locked := openDir(t, 0o755)
	mine := filepath.Join(locked, "mine.toml")
	mustWrite(t, mine, "x", 0o666)
	code, stderr = asNobody(t, mine, "y")
	if code != 1 || !strings.Contains(stderr, mine) || !strings.Contains(stderr, "permission denied") {
		t.Errorf("locked folder: exit %d, stderr %q", code, stderr)
	}
}

// The crash test: a process saving in a loop, killed at random moments.

func TestKilledDuringSaves(t *testing.T) {
	kills := 150
	if testing.Short() {
		kills = 20
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	os.WriteFile(path, payload(-1), 0o640)
	os.WriteFile(path+"~", []byte("the user's backup"), 0o644)
	for i := range kills {
		cmd := exec.Command(os.Args[0], path)
		cmd.Env = append(os.Environ(), "SAFEFILE_TEST_HELPER=save-loop")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rand.IntN(40)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Fatalf("kill %d: the saver failed: %s", i, stderr.String())
		}
		b, err := os.ReadFile(path)
		if err != nil || !payloadOK(b) {
			t.Fatalf("kill %d: the file is partial or missing (%d bytes, %v)", i, len(b), err)
		}
	}
	var orphans []string
	for _, n := range names(t, dir) {
		if isTempName(n, "talks.toml") {
			orphans = append(orphans, n)
		}
	}
	t.Logf("%d kills left %d temporary files", kills, len(orphans))
	// Time passes: the next save removes them all.
	old := time.Now().Add(-StaleAge - time.Second)
	for _, n := range orphans {
		os.Chtimes(filepath.Join(dir, n), old, old)
	}
	if err := Write(path, payload(1e6), nil); err != nil {
		t.Fatal(err)
	}
	if n := names(t, dir); strings.Join(n, " ") != "talks.toml talks.toml~" {
		t.Errorf("after the next save: %v", n)
	}
	if b, _ := os.ReadFile(path + "~"); string(b) != "the user's backup" {
		t.Error("the user's backup changed")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after %d interrupted saves", fi.Mode().Perm(), kills)
	}
}

func TestInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	syscall.Mkfifo(fifo, 0o644)
	os.Symlink("fifo", filepath.Join(dir, "link"))
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o644)
	for path, want := range map[string]bool{
		"/dev/stdout": true, "/dev/fd/2": true, fifo: true, filepath.Join(dir, "link"): true,
		file: false, dir: false, filepath.Join(dir, "missing"): false,
	} {
		if got := InPlace(path); got != want {
			t.Errorf("InPlace(%s) = %v", path, got)
		}
	}
}
