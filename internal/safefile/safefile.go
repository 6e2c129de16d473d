// Package safefile writes output files the way careful command-line tools
// do, for both Parley's command line (render -o) and its window (Save, Save
// As, Export, the recovery file): one implementation, so the two cannot
// drift apart.
//
// Write follows these rules:
//
//   - A path that is not a regular file (a character or block device such
//     as /dev/null, a FIFO, a terminal) is opened and written in place,
//     never replaced. /dev/stdout, /dev/stderr and /dev/fd/N (and the
//     /proc/self/fd/N they point to) are the process's own descriptors and
//     are written through them, as a shell's redirection would, whatever
//     they are (a pipe, a socket, a file opened for appending).
//   - A regular file is replaced atomically: the data goes to a temporary
//     file beside it (named .NAME.parley-XXXXXXXX.tmp), is flushed to disk,
//     and is renamed over the old name, and the folder is flushed, so at
//     every moment the name holds the old content or the new one in full.
//     Nothing else is created: there is no backup file, because the rename
//     already guarantees old-or-new, and a NAME~ would be a file nobody
//     asked for (and one an editor uses for its own backups).
//   - A symbolic link is followed (through every link in a chain) and its
//     target is replaced atomically in the target's folder: the link stays
//     a link. A link whose target does not exist is refused, as cp refuses
//     it, rather than creating a file somewhere the user may not expect.
//   - An existing file keeps its permissions, and its owner and group where
//     the process may set them (as root, or a group the user belongs to).
//   - A read-only file (no write permission bit) is refused, even for
//     root, whose rename would otherwise ignore the permission: read-only
//     is how people protect a file. So is a file this user may not write,
//     though the folder would let it be replaced.
//   - A file with more than one hard link is refused. Both ways out lose
//     something: writing in place (what cp does) changes every linked name
//     at once, including hard-linked backup snapshots, and is not atomic;
//     replacing (what an atomic save does) silently detaches this name from
//     the others. Which one the user wants cannot be guessed, so the
//     message says what to do.
//   - The output is never one of the inputs, compared by identity (device
//     and inode, through links), not by name.
//
// Every error names the path and, where there is one, what to do.
//
// Temporary files left by a process that was killed mid-write are removed
// by the next Write of the same file, or by CleanStale (the window calls it
// when it opens a file): only names of Parley's exact pattern, only regular
// files owned by this user, and only when older than StaleAge, so that a
// save running at the same time in another process is never broken.
//
// Libraries considered: github.com/google/renameio (atomic replace on Unix
// only, replaces symbolic links with files, no special-file or hard-link
// rules) and github.com/natefinch/atomic (no permission or owner keeping);
// neither implements the rules above.
package safefile

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// Options tune Write; the zero value is fine.
type Options struct {
	// Perm is the permission of a newly created file before the umask;
	// 0 means 0666 (so 0644 under the usual umask), as cp and shells do.
	// An existing file keeps its own.
	Perm fs.FileMode
	// Inputs are files the output must not be: a path naming the same
	// file as one of them is refused with ErrIsInput.
	Inputs []string
	// NoWait makes a FIFO that no process reads an error instead of a
	// wait (the window must not block on one).
	NoWait bool
}

// Reasons for refusing, for errors.Is.
var (
	ErrIsInput      = errors.New("it is the input file")
	ErrReadOnly     = errors.New("it is read-only")
	ErrHardLinked   = errors.New("it has other hard links")
	ErrDanglingLink = errors.New("it is a symbolic link to a file that does not exist")
	ErrIsFolder     = errors.New("it is a folder")
	ErrUnwritable   = errors.New("it is not a file, device or FIFO that can be written")
	ErrChanged      = errors.New("it was replaced by another program while Parley wrote it")
)

// Error is a failure to write Path.
type Error struct {
	Op   string // what failed: "write", "create", "replace"
	Path string // the path as given
	Err  error  // the cause
	Hint string // what the user can do, or ""
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("safefile: cannot %s %s: %v", e.Op, e.Path, e.Err)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// StaleAge is how old a leftover temporary file must be before it is
// removed: far longer than any save takes, even of an 8 MiB file on a slow
// network drive, and than the clock skew of most network file systems.
var StaleAge = 15 * time.Minute

// The steps of a replace, swappable by tests to make each one fail.
var (
	syncFile   = func(f *os.File) error { return f.Sync() }
	renameFile = os.Rename
)

// Write writes data to path by the rules in the package comment.
func Write(path string, data []byte, opt *Options) error {
	if opt == nil {
		opt = &Options{}
	}
	if path == "" {
		return &Error{Op: "write", Path: `""`, Err: errors.New("no file name given")}
	}
	target, fd, err := resolve(path)
	if err != nil {
		return err
	}
	if err := checkInputs(path, opt.Inputs); err != nil {
		return err
	}
	if fd >= 0 {
		return writeDescriptor(path, fd, data)
	}
	fi, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return replace(path, target, nil, data, opt)
	case err != nil:
		return &Error{Op: "write", Path: path, Err: cause(err)}
	case fi.IsDir():
		return &Error{Op: "write", Path: path, Err: ErrIsFolder, Hint: "give a file name"}
	case !fi.Mode().IsRegular():
		return writeInPlace(path, target, fi, data, opt)
	}
	if err := checkReplaceable(path, target, fi); err != nil {
		return err
	}
	return replace(path, target, fi, data, opt)
}

// InPlace reports whether Write would write path in place rather than
// replace a file: path is a device, a FIFO or one of the process's own
// descriptors (/dev/stdout), possibly through links. Such a name has no
// extension to tell a format by.
func InPlace(path string) bool {
	target, fd, err := resolve(path)
	if err != nil {
		return false
	}
	if fd >= 0 {
		return true
	}
	fi, err := os.Stat(target)
	return err == nil && !fi.Mode().IsRegular() && !fi.IsDir()
}

// SameFile reports whether the paths a and b name the same existing file
// (following links), so a command can refuse to write over its input
// before doing any work.
func SameFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	return err == nil && os.SameFile(ai, bi)
}

func checkInputs(path string, inputs []string) error {
	for _, in := range inputs {
		if SameFile(path, in) {
			hint := "choose another output name"
			if filepath.Clean(in) != filepath.Clean(path) {
				hint = fmt.Sprintf("it is the same file as %s; choose another output name", in)
			}
			return &Error{Op: "write", Path: path, Err: ErrIsInput, Hint: hint}
		}
	}
	return nil
}

// maxLinks bounds a chain of symbolic links, as the kernel does (40).
const maxLinks = 40

// resolve follows path's symbolic links to the file to write. It returns
// the final path, or a descriptor (fd >= 0) when the path is one of the
// process's own (/dev/stdout, /dev/fd/N, /proc/self/fd/N). A link to
// nothing is refused.
func resolve(path string) (target string, fd int, err error) {
	p := path
	for i := 0; ; i++ {
		if n, ok := descriptorPath(p); ok {
			return "", n, nil
		}
		fi, err := os.Lstat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && i > 0 {
				return "", -1, &Error{Op: "write", Path: path, Err: ErrDanglingLink,
					Hint: fmt.Sprintf("it points to %s; create that file or remove the link", p)}
			}
			if errors.Is(err, fs.ErrNotExist) {
				return p, -1, nil
			}
			return "", -1, &Error{Op: "write", Path: path, Err: cause(err)}
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, -1, nil
		}
		if i == maxLinks {
			return "", -1, &Error{Op: "write", Path: path, Err: errors.New("too many levels of symbolic links")}
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", -1, &Error{Op: "write", Path: path, Err: cause(err)}
		}
		if !filepath.IsAbs(link) {
			// Relative to the link's real folder: ".." must climb from
			// where the link really is, not from the name's spelling.
			dir := filepath.Dir(p)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			link = filepath.Join(dir, link)
		}
		p = link
	}
}

// checkReplaceable refuses a regular file that must not be replaced.
func checkReplaceable(path, target string, fi fs.FileInfo) error {
	if fi.Mode().Perm()&0o222 == 0 {
		return &Error{Op: "write", Path: path, Err: ErrReadOnly,
			Hint: fmt.Sprintf("make it writable (chmod u+w %s) or choose another name", path)}
	}
	if !writable(target) {
		// Replacing needs only the folder's permission; the file's own is
		// what its owner meant.
		return &Error{Op: "write", Path: path, Err: fs.ErrPermission,
			Hint: "this user may not write it; choose another name"}
	}
	if n := linkCount(target, fi); n > 1 {
		return &Error{Op: "write", Path: path, Err: ErrHardLinked,
			Hint: fmt.Sprintf("it has %d names, and writing would change them all or detach this one; choose another name, or remove the other links first", n)}
	}
	return nil
}

// replace writes data to a temporary file beside target and renames it
// over target; old is target's state (nil when there is no file yet).
func replace(path, target string, old fs.FileInfo, data []byte, opt *Options) (err error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	cleanStale(dir, base)
	perm := opt.Perm
	if perm == 0 {
		perm = 0o666
	}
	if old != nil {
		perm = 0o600 // until it gets the old file's mode
	}
	tmp, err := createTemp(dir, base, perm)
	if err != nil {
		return &Error{Op: "write", Path: path, Err: fmt.Errorf("cannot create a temporary file in %s: %w", dir, cause(err))}
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	fail := func(err error) error { return &Error{Op: "write", Path: path, Err: cause(err)} }
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if old != nil {
		keepOwner(tmp, old) // before the mode: chown clears set-id bits
		// Best effort: a file system without permissions (a FAT memory
		// stick) refuses chmod, and the file then keeps 0600, which is
		// stricter, not looser.
		tmp.Chmod(old.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
	}
	if err := syncFile(tmp); err != nil && !syncUnsupported(err) {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	// The file checked may have been swapped meanwhile (for a device, a
	// link, another file): then replacing it is not what was checked.
	now, statErr := os.Lstat(target)
	if (old == nil) != errors.Is(statErr, fs.ErrNotExist) || (old != nil && (statErr != nil || !sameState(old, now))) {
		return &Error{Op: "write", Path: path, Err: ErrChanged, Hint: "try again"}
	}
	if err := renameFile(name, target); err != nil {
		return &Error{Op: "replace", Path: path, Err: cause(err), Hint: "the old file is unchanged"}
	}
	syncDir(dir)
	return nil
}

// sameState reports whether a and b are the same file, unchanged (an inode
// number can be reused by a file made after the first was removed).
func sameState(a, b fs.FileInfo) bool {
	return os.SameFile(a, b) && a.ModTime().Equal(b.ModTime()) && a.Size() == b.Size() && a.Mode() == b.Mode()
}

// syncUnsupported tells a file system that cannot flush (some FUSE and
// network ones answer EINVAL) from a failed flush (EIO, ENOSPC): the data
// was written; there is just no stronger promise to be had.
func syncUnsupported(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EINVAL)
}

// writeInPlace writes to a device, FIFO or other non-regular file
// without replacing it.
func writeInPlace(path, target string, fi fs.FileInfo, data []byte, opt *Options) error {
	if fi.Mode()&fs.ModeSocket != 0 {
		return &Error{Op: "write", Path: path, Err: ErrUnwritable, Hint: "it is a socket"}
	}
	f, err := openInPlace(target, fi, opt.NoWait)
	if err != nil {
		hint := ""
		if fi.Mode()&fs.ModeNamedPipe != 0 && opt.NoWait {
			hint = "it is a FIFO that no program is reading"
		}
		return &Error{Op: "open", Path: path, Err: cause(err), Hint: hint}
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &Error{Op: "write", Path: path, Err: cause(err)}
	}
	return nil
}

// tempInfix marks Parley's temporary files: .NAME.parley-XXXXXXXX.tmp.
const (
	tempInfix  = ".parley-"
	tempSuffix = ".tmp"
	tempRandom = 8
	// tempBaseMax keeps a temporary name within the usual 255-byte limit
	// on a file name, however long the target's name is.
	tempBaseMax = 255 - 1 - len(tempInfix) - tempRandom - len(tempSuffix)
)

const tempAlphabet = "abcdefghijklmnopqrstuvwxyz234567"

// tempPrefix is the part of a temporary file's name before the random
// letters.
func tempPrefix(base string) string {
	if len(base) > tempBaseMax {
		cut := tempBaseMax
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + tempInfix
}

func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	prefix := tempPrefix(base)
	for try := 0; ; try++ {
		var b [tempRandom]byte
		rand.Read(b[:])
		for i := range b {
			b[i] = tempAlphabet[int(b[i])%len(tempAlphabet)]
		}
		name := filepath.Join(dir, prefix+string(b[:])+tempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

// isTempName reports whether name is one of Parley's temporary files for
// base.
func isTempName(name, base string) bool {
	prefix := tempPrefix(base)
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tempSuffix) {
		return false
	}
	random := name[len(prefix) : len(name)-len(tempSuffix)]
	if len(random) != tempRandom {
		return false
	}
	for i := 0; i < len(random); i++ {
		if !strings.ContainsRune(tempAlphabet, rune(random[i])) {
			return false
		}
	}
	return true
}

// CleanStale removes the temporary files that an interrupted Write of path
// left behind (see the package comment for which). It follows path's
// links, as Write does, and reports nothing: a file it cannot remove is
// left for the next time.
func CleanStale(path string) {
	target, fd, err := resolve(path)
	if err != nil || fd >= 0 {
		return
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	cleanStale(dir, base)
}

func cleanStale(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	cutoff := time.Now().Add(-StaleAge)
	for _, e := range entries {
		if !e.Type().IsRegular() || !isTempName(e.Name(), base) {
			continue
		}
		name := filepath.Join(dir, e.Name())
		fi, err := os.Lstat(name)
		if err != nil || !fi.Mode().IsRegular() || !fi.ModTime().Before(cutoff) || !ownedByMe(fi) || linkCount(name, fi) > 1 {
			continue
		}
		os.Remove(name)
	}
}

// cause drops the *PathError around err: the messages name the path as
// the user gave it, not the temporary or resolved one.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
