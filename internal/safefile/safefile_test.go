package safefile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// go test ./... -update must run in every package.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

// TestMain doubles as the helper processes of the tests that need one
// (SAFEFILE_TEST_HELPER names which).
func TestMain(m *testing.M) {
	switch os.Getenv("SAFEFILE_TEST_HELPER") {
	case "":
		os.Exit(m.Run())
	case "write":
		// write PATH TEXT: one Write, the error on stderr.
		if err := Write(os.Args[1], []byte(os.Args[2]), nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	case "save-loop":
		saveLoop(os.Args[1])
	}
	os.Exit(3)
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func mustWrite(t *testing.T, path, text string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil { // whatever the umask
		t.Fatal(err)
	}
}

func content(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// wantRefused checks that err is a refusal for reason, naming path.
func wantRefused(t *testing.T, err error, reason error, path string) {
	t.Helper()
	if !errors.Is(err, reason) {
		t.Fatalf("error %v, want %v", err, reason)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("the message does not name %s: %v", path, err)
	}
}

func TestNewAndReplacedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.svg")
	if err := Write(path, []byte("one"), nil); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	umask := currentUmask()
	if want := fs.FileMode(0o666) &^ umask; fi.Mode().Perm() != want {
		t.Errorf("a new file has mode %v, want %v (0666 less the umask %03o)", fi.Mode().Perm(), want, umask)
	}
	os.Chmod(path, 0o640)
	if err := Write(path, []byte("two"), nil); err != nil {
		t.Fatal(err)
	}
	fi, _ = os.Stat(path)
	if content(t, path) != "two" || fi.Mode().Perm() != 0o640 {
		t.Errorf("content %q, mode %v (want 0640 kept)", content(t, path), fi.Mode().Perm())
	}
	if n := names(t, dir); !slices.Equal(n, []string{"out.svg"}) {
		t.Errorf("files left: %v", n)
	}
	// Perm for a new file.
	private := filepath.Join(dir, "private")
	if err := Write(private, []byte("x"), &Options{Perm: 0o600}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o600 {
		t.Errorf("Perm 0600 gave %v", fi.Mode().Perm())
	}
}

func TestEditorBackupIsNotTouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	mustWrite(t, path, "old", 0o644)
	mustWrite(t, path+"~", "the user's own backup", 0o644)
	mustWrite(t, filepath.Join(dir, "#talks.toml#"), "emacs autosave", 0o644)
	if err := Write(path, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	if content(t, path+"~") != "the user's own backup" {
		t.Error("the user's NAME~ file was changed")
	}
	if n := names(t, dir); !slices.Equal(n, []string{"#talks.toml#", "talks.toml", "talks.toml~"}) {
		t.Errorf("files: %v", n)
	}
}

func TestSymlinkIsFollowed(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	target := filepath.Join(real, "target.svg")
	mustWrite(t, target, "old", 0o604)
	// out.svg -> links/hop -> ../real/target.svg, through a linked folder,
	// so ".." must be taken from where the link really is.
	os.Mkdir(filepath.Join(dir, "deep"), 0o755)
	os.Mkdir(filepath.Join(dir, "deep", "links"), 0o755)
	if err := os.Symlink(filepath.Join("..", "..", "real", "target.svg"), filepath.Join(dir, "deep", "links", "hop")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(filepath.Join("deep", "links"), filepath.Join(dir, "links"))
	os.Symlink(filepath.Join("links", "hop"), filepath.Join(dir, "out.svg"))
	link := filepath.Join(dir, "out.svg")
	if err := Write(link, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link became a file")
	}
	if fi, _ := os.Lstat(filepath.Join(dir, "deep", "links", "hop")); fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the second link became a file")
	}
	fi, _ := os.Stat(target)
	if content(t, target) != "new" || fi.Mode().Perm() != 0o604 {
		t.Errorf("target holds %q, mode %v", content(t, target), fi.Mode().Perm())
	}
	if n := names(t, real); !slices.Equal(n, []string{"target.svg"}) {
		t.Errorf("files beside the target: %v", n)
	}

	// A link to nothing is refused, and nothing is created.
	dangling := filepath.Join(dir, "dangling.svg")
	os.Symlink(filepath.Join(dir, "nowhere", "x.svg"), dangling)
	wantRefused(t, Write(dangling, []byte("x"), nil), ErrDanglingLink, dangling)
	// A loop too.
	os.Symlink("loop2", filepath.Join(dir, "loop1"))
	os.Symlink("loop1", filepath.Join(dir, "loop2"))
	if err := Write(filepath.Join(dir, "loop1"), []byte("x"), nil); err == nil || !strings.Contains(err.Error(), "loop1") {
		t.Errorf("a link loop: %v", err)
	}
}

func TestReadOnlyIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.svg")
	mustWrite(t, path, "protected", 0o444)
	wantRefused(t, Write(path, []byte("x"), nil), ErrReadOnly, path)
	if err := Write(path, []byte("x"), nil); !strings.Contains(err.Error(), "chmod u+w") {
		t.Errorf("no advice: %v", err)
	}
	if content(t, path) != "protected" {
		t.Error("a read-only file was replaced")
	}
	if n := names(t, dir); !slices.Equal(n, []string{"ro.svg"}) {
		t.Errorf("files: %v", n)
	}
}

func TestHardLinkIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.svg")
	mustWrite(t, path, "shared", 0o644)
	if err := os.Link(path, filepath.Join(dir, "b.svg")); err != nil {
		t.Skip("no hard links here:", err)
	}
	wantRefused(t, Write(path, []byte("x"), nil), ErrHardLinked, path)
	if content(t, path) != "shared" || content(t, filepath.Join(dir, "b.svg")) != "shared" {
		t.Error("a linked file changed")
	}
	a, _ := os.Stat(path)
	b, _ := os.Stat(filepath.Join(dir, "b.svg"))
	if !os.SameFile(a, b) {
		t.Error("the hard link was broken")
	}
}

func TestOutputIsNeverTheInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "s.toml")
	mustWrite(t, in, "scenario", 0o644)
	os.Symlink("s.toml", filepath.Join(dir, "link.svg"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	for _, out := range []string{in, filepath.Join(dir, "sub", "..", "s.toml"), filepath.Join(dir, "link.svg")} {
		wantRefused(t, Write(out, []byte("<svg/>"), &Options{Inputs: []string{in}}), ErrIsInput, out)
	}
	if content(t, in) != "scenario" {
		t.Error("the input was overwritten")
	}
	if !SameFile(filepath.Join(dir, "link.svg"), in) || SameFile(in, filepath.Join(dir, "missing")) {
		t.Error("SameFile is wrong")
	}
	// Another file is fine.
	if err := Write(filepath.Join(dir, "s.svg"), []byte("<svg/>"), &Options{Inputs: []string{in}}); err != nil {
		t.Error(err)
	}
}

func TestFolderAndMissingFolder(t *testing.T) {
	dir := t.TempDir()
	wantRefused(t, Write(dir, []byte("x"), nil), ErrIsFolder, dir)
	missing := filepath.Join(dir, "no", "out.svg")
	err := Write(missing, []byte("x"), nil)
	if err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestFailedStepsKeepTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	for _, step := range []string{"sync", "rename", "swap"} {
		mustWrite(t, path, "old", 0o644)
		sync, rename := syncFile, renameFile
		switch step {
		case "sync":
			syncFile = func(*os.File) error { return errors.New("input/output error") }
		case "rename":
			renameFile = func(string, string) error { return errors.New("input/output error") }
		case "swap":
			// Another program replaces the file while this one writes.
			syncFile = func(f *os.File) error {
				os.Rename(path, path+".moved") // the old inode lives on
				mustWrite(t, path, "theirs", 0o644)
				return f.Sync()
			}
		}
		err := Write(path, []byte("new"), nil)
		syncFile, renameFile = sync, rename
		want := "old"
		if step == "swap" {
			want = "theirs"
			wantRefused(t, err, ErrChanged, path)
		} else if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s failing: error %v", step, err)
		}
		os.Remove(path + ".moved")
		if got := content(t, path); got != want {
			t.Errorf("%s failing: the file holds %q", step, got)
		}
		if n := names(t, dir); !slices.Equal(n, []string{"talks.toml"}) {
			t.Errorf("%s failing: files left: %v", step, n)
		}
	}
}

func TestDescriptorPaths(t *testing.T) {
	for _, tc := range []struct {
		path string
		fd   int
		ok   bool
	}{
		{"/dev/stdout", 1, true}, {"/dev/stderr", 2, true}, {"/dev/fd/7", 7, true},
		{"/proc/self/fd/3", 3, true}, {fmt.Sprintf("/proc/%d/fd/4", os.Getpid()), 4, true},
		{"/proc/1/fd/4", 0, os.Getpid() == 1}, {"/dev/fd/x", 0, false}, {"/dev/fd/07", 0, false},
		{"/dev/null", 0, false}, {"stdout", 0, false},
	} {
		fd, ok := descriptorPath(tc.path)
		if ok != tc.ok || (ok && fd != tc.fd) {
			t.Errorf("descriptorPath(%q) = %d, %v", tc.path, fd, ok)
		}
	}
}

func TestWriteToOwnDescriptor(t *testing.T) {
	if _, err := os.Stat("/dev/fd"); err != nil {
		t.Skip("no /dev/fd here")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := make(chan string)
	go func() { b, _ := io.ReadAll(r); got <- string(b) }()
	for _, p := range []string{fmt.Sprintf("/dev/fd/%d", w.Fd()), fmt.Sprintf("/proc/self/fd/%d", w.Fd())} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if err := Write(p, []byte("via "+p+"\n"), nil); err != nil {
			t.Error(err)
		}
	}
	w.Close()
	if s := <-got; !strings.Contains(s, "via /dev/fd/") {
		t.Errorf("the pipe got %q", s)
	}
	// A file opened for appending is appended to, not replaced.
	dir := t.TempDir()
	logPath := filepath.Join(dir, "log")
	mustWrite(t, logPath, "first\n", 0o644)
	f, _ := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0)
	err = Write(fmt.Sprintf("/dev/fd/%d", f.Fd()), []byte("second\n"), nil)
	f.Close()
	if err != nil || content(t, logPath) != "first\nsecond\n" {
		t.Errorf("append: %v, %q", err, content(t, logPath))
	}
	if err := Write("/dev/fd/987", []byte("x"), nil); err == nil || !strings.Contains(err.Error(), "/dev/fd/987") {
		t.Errorf("a closed descriptor: %v", err)
	}
}

func TestTempNames(t *testing.T) {
	for _, tc := range []struct {
		name, base string
		ok         bool
	}{
		{".talks.toml.parley-abcdefgh.tmp", "talks.toml", true},
		{".talks.toml.parley-abcdefg2.tmp", "talks.toml", true},
		{".talks.toml.parley-abcdefg.tmp", "talks.toml", false},
		{".talks.toml.parley-abcdefgh1.tmp", "talks.toml", false},
		{".talks.toml.parley-ABCDEFGH.tmp", "talks.toml", false},
		{".talks.toml.parley-abcdefgh.tmp", "talks", false},
		{".talks.toml.123456.tmp", "talks.toml", false}, // another program's
		{"talks.toml~", "talks.toml", false},
		{".other.toml.parley-abcdefgh.tmp", "talks.toml", false},
	} {
		if got := isTempName(tc.name, tc.base); got != tc.ok {
			t.Errorf("isTempName(%q, %q) = %v", tc.name, tc.base, got)
		}
	}
	long := strings.Repeat("é", 125) + ".toml" // 255 bytes, the longest name
	if p := tempPrefix(long); len(p)+tempRandom+len(tempSuffix) > 255 || !utf8Valid(p) {
		t.Errorf("temp name for a long name: %d bytes", len(p)+tempRandom+len(tempSuffix))
	}
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, long), []byte("x"), nil); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, long), []byte("y"), nil); err != nil {
		t.Fatal(err)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.toml")
	mustWrite(t, path, "x", 0o644)
	old := time.Now().Add(-StaleAge - time.Minute)
	make := func(name string, age time.Time) string {
		p := filepath.Join(dir, name)
		mustWrite(t, p, "partial", 0o600)
		os.Chtimes(p, age, age)
		return p
	}
	stale := make(".talks.toml.parley-aaaaaaaa.tmp", old)
	fresh := make(".talks.toml.parley-bbbbbbbb.tmp", time.Now()) // a save under way elsewhere
	make(".talks.toml.1234567.tmp", old)                         // not Parley's pattern
	make(".other.toml.parley-cccccccc.tmp", old)                 // another file's
	make("talks.toml~", old)
	os.Symlink(path, filepath.Join(dir, ".talks.toml.parley-dddddddd.tmp"))
	CleanStale(path)
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stale temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (a save under way) was removed")
	}
	want := []string{".other.toml.parley-cccccccc.tmp", ".talks.toml.1234567.tmp", ".talks.toml.parley-bbbbbbbb.tmp", ".talks.toml.parley-dddddddd.tmp", "talks.toml", "talks.toml~"}
	if n := names(t, dir); !slices.Equal(n, want) {
		t.Errorf("files: %v", n)
	}
	// A Write cleans too, also through a link.
	os.Chtimes(fresh, old, old)
	link := filepath.Join(t.TempDir(), "link.toml")
	os.Symlink(path, link)
	if err := Write(link, []byte("y"), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Error("Write did not clean a stale temporary file")
	}
}

func TestErrorNamesPath(t *testing.T) {
	err := &Error{Op: "write", Path: "x.svg", Err: fs.ErrPermission, Hint: "do this"}
	if got := err.Error(); got != "safefile: cannot write x.svg: permission denied; do this" {
		t.Errorf("%q", got)
	}
	var buf bytes.Buffer
	fmt.Fprint(&buf, Write("", nil, nil))
	if !strings.Contains(buf.String(), "no file name") {
		t.Errorf("empty path: %s", buf.String())
	}
}

// The crash test's saver (see TestKilledDuringSaves).

const payloadSize = 256 << 10

// payload is a file of a known size ending in the SHA-256 of the rest, so
// a partial or mixed file is detected.
func payload(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "save %d\n", n)
	for b.Len() < payloadSize-65 {
		fmt.Fprintf(&b, "line %d of save %d\n", b.Len(), n)
	}
	b.Truncate(payloadSize - 65)
	sum := sha256.Sum256(b.Bytes())
	b.WriteString(hex.EncodeToString(sum[:]) + "\n")
	return b.Bytes()
}

func payloadOK(b []byte) bool {
	if len(b) != payloadSize {
		return false
	}
	sum := sha256.Sum256(b[:payloadSize-65])
	return string(b[payloadSize-65:]) == hex.EncodeToString(sum[:])+"\n"
}

func saveLoop(path string) {
	for n := 0; ; n++ {
		if err := Write(path, payload(n), nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// TestUnflushableFileSystem: a file system that cannot fsync (EINVAL)
// still gets the file; a failed flush (EIO) is an error.
func TestUnflushableFileSystem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "talks.toml")
	mustWrite(t, path, "old", 0o644)
	saved := syncFile
	defer func() { syncFile = saved }()
	syncFile = func(*os.File) error { return &fs.PathError{Op: "sync", Path: "x", Err: syscall.EINVAL} }
	if err := Write(path, []byte("new"), nil); err != nil || content(t, path) != "new" {
		t.Errorf("EINVAL from fsync: %v, %q", err, content(t, path))
	}
	syncFile = func(*os.File) error { return &fs.PathError{Op: "sync", Path: "x", Err: syscall.EIO} }
	if err := Write(path, []byte("newer"), nil); err == nil || content(t, path) != "new" {
		t.Errorf("EIO from fsync: %v, %q", err, content(t, path))
	}
}
