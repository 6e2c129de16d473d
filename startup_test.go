package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/parleyhq/parley/assets"
)

// These tests run this test binary as the parley command (TestMain,
// PARLEY_TEST_MAIN=1) in odd environments: its layout engine must start
// for everyone, only when something is drawn, and never panic.

// parleyProcess runs bin (this test binary as parley) with args and extra
// environment, and returns its exit code and output.
func parleyProcess(t *testing.T, bin string, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "PARLEY_TEST_MAIN=1", "LANG=C.UTF-8")
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if cmd.ProcessState == nil {
		t.Fatalf("parley %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

// noPanic fails if stderr shows a panic or a Go stack trace.
func noPanic(t *testing.T, what, stderr string) {
	t.Helper()
	for _, s := range []string{"panic", "goroutine ", ".go:"} {
		if strings.Contains(stderr, s) {
			t.Errorf("%s: stderr shows a crash (%q):\n%s", what, s, stderr)
			return
		}
	}
}

// renderWorks renders the example to SVG with env and checks that it worked
// cleanly.
func renderWorks(t *testing.T, bin string, env []string, in, out string) {
	t.Helper()
	code, _, stderr := parleyProcess(t, bin, env, "render", "-o", out, in)
	noPanic(t, "render", stderr)
	if code != exitOK || stderr != "" {
		t.Fatalf("render: exit %d, stderr:\n%s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte("<svg")) {
		t.Fatalf("render wrote no SVG: %v", err)
	}
}

// cacheEnv points the user's cache (and TMPDIR, which upstream go-graphviz
// used) at fresh directories under dir.
func cacheEnv(dir string) []string {
	return []string{"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "HOME=" + filepath.Join(dir, "home"), "TMPDIR=" + filepath.Join(dir, "tmp")}
}

var initTrace = regexp.MustCompile(`(?m)^init (github\.com/goccy/go-graphviz\S*) @\S+ ms, (\S+) ms clock, (\d+) bytes, (\d+) allocs$`)

// TestCommandsThatDrawNothingLeaveTheLayoutEngineAlone: version, help,
// validate, example and DOT output do no go-graphviz work at all: its
// packages' init allocates next to nothing (GODEBUG=inittrace=1) and the
// compilation cache is not even looked at. Rendering an SVG is what loads
// it, into the user's cache directory.
func TestCommandsThatDrawNothingLeaveTheLayoutEngineAlone(t *testing.T) {
	dir := t.TempDir()
	env := append(cacheEnv(dir), "GODEBUG=inittrace=1")
	for _, d := range []string{"home", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	in := exampleFile(t)
	for _, args := range [][]string{
		{"version"}, {"help"}, {"--help"}, {"validate", in}, {"example"},
		{"render", "-format", "dot", "-o", filepath.Join(dir, "out.dot"), in},
	} {
		code, _, stderr := parleyProcess(t, os.Args[0], env, args...)
		what := "parley " + strings.Join(args, " ")
		if code != exitOK {
			t.Errorf("%s: exit %d\n%s", what, code, stderr)
		}
		ms := initTrace.FindAllStringSubmatch(stderr, -1)
		if len(ms) == 0 {
			t.Fatalf("%s: no init trace of go-graphviz's packages in:\n%s", what, stderr)
		}
		for _, m := range ms {
			if n, _ := strconv.Atoi(m[3]); n > 4<<10 {
				t.Errorf("%s: init of %s allocated %s bytes in %s ms", what, m[1], m[3], m[2])
			}
		}
		rest := strings.TrimSpace(regexp.MustCompile(`(?m)^init .*\n?`).ReplaceAllString(stderr, ""))
		noPanic(t, what, rest)
		if _, err := os.Stat(filepath.Join(dir, "cache", "parley")); err == nil {
			t.Fatalf("%s created the layout engine's cache", what)
		}
	}
	renderWorks(t, os.Args[0], cacheEnv(dir), in, filepath.Join(dir, "out.svg"))
	m, _ := filepath.Glob(filepath.Join(dir, "cache", "parley", "wazero", "wazero-*", "*"))
	if len(m) < 2 { // the compiled module and its manifest
		t.Errorf("rendering left no compilation cache: %v", m)
	}
	if fi, err := os.Stat(filepath.Join(dir, "cache", "parley", "wazero")); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the cache directory is not private: %v %v", fi.Mode(), err)
	}
}

// TestDamagedCacheIsRebuilt: a compilation cache that was emptied or
// overwritten (each of which made every command panic, forever, before)
// costs one slower render, and the next one finds it rebuilt.
func TestDamagedCacheIsRebuilt(t *testing.T) {
	dir := t.TempDir()
	env := cacheEnv(dir)
	in := exampleFile(t)
	out := filepath.Join(dir, "out.svg")
	renderWorks(t, os.Args[0], env, in, out)
	entries, _ := filepath.Glob(filepath.Join(dir, "cache", "parley", "wazero", "wazero-*", strings.Repeat("[0-9a-f]", 64)))
	if len(entries) != 1 {
		t.Fatalf("cache entries: %v", entries)
	}
	good, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	for name, damaged := range map[string][]byte{
		"empty":        nil,
		"truncated":    good[:len(good)/2],
		"random bytes": bytes.Repeat([]byte{0x5a, 0xc3, 0x17}, len(good)/3),
	} {
		if err := os.WriteFile(entries[0], damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		renderWorks(t, os.Args[0], env, in, out)
		if b, err := os.ReadFile(entries[0]); err != nil || !bytes.Equal(b, good) {
			t.Errorf("%s: the cache entry was not rebuilt (%d bytes, %v)", name, len(b), err)
		}
	}
}

// worldRunnable copies this test binary and the example where any user can
// run and read them, and returns the binary, the example and a directory
// any user may write to.
func worldRunnable(t *testing.T) (bin, in, shared string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "parley-users-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin = filepath.Join(dir, "parley")
	in = filepath.Join(dir, assets.ExampleName)
	shared = filepath.Join(dir, "shared")
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, assets.Example, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o1777); err != nil { // like /tmp
		t.Fatal(err)
	}
	return bin, in, shared
}

// TestSecondUser: after root has run parley with a shared TMPDIR and cache
// directory, another user's version, validate and render still work
// (upstream go-graphviz panicked for every command then: its cache in
// $TMPDIR/go-graphviz was root's).
func TestSecondUser(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to run as another user")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv is not installed (util-linux)")
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skip("no user nobody")
	}
	group := "nogroup"
	if _, err := user.LookupGroup(group); err != nil {
		group = nobody.Gid
	}
	bin, in, shared := worldRunnable(t)
	env := []string{"TMPDIR=" + shared, "XDG_CACHE_HOME=" + shared, "HOME=" + shared}
	// Root first, leaving its (private) caches where the other user looks,
	// including upstream's.
	if err := os.Mkdir(filepath.Join(shared, "go-graphviz"), 0o700); err != nil {
		t.Fatal(err)
	}
	renderWorks(t, bin, env, in, filepath.Join(shared, "root.svg"))

	asNobody := func(args ...string) (int, string, string) {
		return parleyProcess(t, setpriv, env, append([]string{"--reuid=nobody", "--regid=" + group, "--clear-groups", "--", bin}, args...)...)
	}
	for _, args := range [][]string{{"version"}, {"validate", in}, {"render", "-o", filepath.Join(shared, "nobody.svg"), in}} {
		code, _, stderr := asNobody(args...)
		what := "as nobody: parley " + strings.Join(args, " ")
		noPanic(t, what, stderr)
		if code != exitOK || stderr != "" {
			t.Errorf("%s: exit %d, stderr:\n%s", what, code, stderr)
		}
	}
	if b, err := os.ReadFile(filepath.Join(shared, "nobody.svg")); err != nil || !bytes.Contains(b, []byte("<svg")) {
		t.Errorf("nobody's render wrote no SVG: %v", err)
	}
	// With a home of its own, the other user gets a cache of its own.
	home := filepath.Join(shared, "nobody-home")
	if err := os.Mkdir(home, 0o755); err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)
	if err := os.Chown(home, uid, gid); err != nil {
		t.Fatal(err)
	}
	env = []string{"TMPDIR=" + shared, "XDG_CACHE_HOME=", "HOME=" + home}
	if code, _, stderr := asNobody("render", "-o", filepath.Join(shared, "nobody2.svg"), in); code != exitOK || stderr != "" {
		t.Errorf("as nobody with a home: exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(home, ".cache", "parley", "wazero")); err != nil {
		t.Errorf("nobody got no cache of its own: %v", err)
	}
}

// unshareMount runs script as root in a private mount namespace (so its
// mounts vanish with it), with MNT, BIN, IN and OUT set; it skips the test
// where that is not possible.
func unshareMount(t *testing.T, script string, vars ...string) (code int, stderr string) {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to mount a small or read-only file system")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare is not installed (util-linux)")
	}
	if out, err := exec.Command(unshare, "-m", "--propagation", "private", "true").CombinedOutput(); err != nil {
		t.Skipf("cannot make a mount namespace here: %v %s", err, out)
	}
	cmd := exec.Command(unshare, "-m", "--propagation", "private", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "PARLEY_TEST_MAIN=1", "LANG=C.UTF-8")
	cmd.Env = append(cmd.Env, vars...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	_ = cmd.Run()
	return cmd.ProcessState.ExitCode(), errb.String()
}

// TestFullOrReadOnlyDisk: with TMPDIR and the cache directory on a full, a
// too small or a read-only file system, render works (compiling in
// memory: slower) and prints nothing but its result; a read-only cache
// that is already built is used as it is.
func TestFullOrReadOnlyDisk(t *testing.T) {
	in := exampleFile(t)
	const run = `
export TMPDIR="$MNT" XDG_CACHE_HOME="$MNT/cache"
exec "$BIN" render -o "$OUT" "$IN"`
	cases := []struct{ name, setup string }{
		{"full", `mount -t tmpfs -o size=256k tmpfs "$MNT"
head -c 1M /dev/zero > "$MNT/fill" 2>/dev/null || true`},
		{"too small for the cache", `mount -t tmpfs -o size=1m tmpfs "$MNT"`},
		{"read-only", `mount -t tmpfs -o size=1m,ro tmpfs "$MNT"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mnt := filepath.Join(dir, "mnt")
			if err := os.Mkdir(mnt, 0o755); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out.svg")
			code, stderr := unshareMount(t, "set -e\n"+tc.setup+"\n"+run,
				"MNT="+mnt, "BIN="+os.Args[0], "IN="+in, "OUT="+out)
			noPanic(t, tc.name, stderr)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("<svg")) {
				t.Errorf("no SVG written: %v", err)
			}
		})
	}
	t.Run("read-only, already built", func(t *testing.T) {
		dir := t.TempDir()
		renderWorks(t, os.Args[0], cacheEnv(dir), in, filepath.Join(dir, "first.svg"))
		out := filepath.Join(dir, "out.svg")
		cache := filepath.Join(dir, "cache")
		before := listing(t, cache)
		code, stderr := unshareMount(t, `set -e
mount --bind "$MNT" "$MNT"
mount -o remount,bind,ro "$MNT"
export XDG_CACHE_HOME="$MNT" TMPDIR="$MNT"
exec "$BIN" render -o "$OUT" "$IN"`, "MNT="+cache, "BIN="+os.Args[0], "IN="+in, "OUT="+out)
		noPanic(t, "read-only cache", stderr)
		if code != exitOK || stderr != "" {
			t.Fatalf("exit %d, stderr:\n%s", code, stderr)
		}
		if after := listing(t, cache); after != before {
			t.Errorf("the read-only cache changed:\n%s\n%s", before, after)
		}
	})
}

func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %v\n", p, fi.Size(), fi.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
