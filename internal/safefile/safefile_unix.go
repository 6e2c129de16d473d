//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// descriptorPath reports whether p names one of the process's own file
// descriptors: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N (also
// /proc/thread-self/fd/N and /proc/PID/fd/N for this process).
func descriptorPath(p string) (int, bool) {
	p = filepath.Clean(p)
	switch p {
	case "/dev/stdout":
		return 1, true
	case "/dev/stderr":
		return 2, true
	}
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/" + strconv.Itoa(os.Getpid()) + "/fd/"} {
		if rest, ok := strings.CutPrefix(p, dir); ok {
			if n, err := strconv.Atoi(rest); err == nil && n >= 0 && strconv.Itoa(n) == rest {
				return n, true
			}
		}
	}
	return 0, false
}

// writeDescriptor writes data to the process's descriptor fd, sharing its
// offset and flags (append, a pipe, a socket) as a shell redirection does.
func writeDescriptor(path string, fd int, data []byte) error {
	dup, err := syscall.Dup(fd)
	if err != nil {
		if errors.Is(err, syscall.EBADF) {
			err = errors.New("that descriptor is not open")
		}
		return &Error{Op: "write", Path: path, Err: err}
	}
	syscall.CloseOnExec(dup)
	f := os.NewFile(uintptr(dup), path)
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &Error{Op: "write", Path: path, Err: cause(err)}
	}
	return nil
}

// openInPlace opens a non-regular file for writing, without creating or
// truncating anything.
func openInPlace(target string, fi fs.FileInfo, noWait bool) (*os.File, error) {
	flags := os.O_WRONLY
	if noWait && fi.Mode()&fs.ModeNamedPipe != 0 {
		flags |= syscall.O_NONBLOCK // ENXIO when no one reads it
	}
	return os.OpenFile(target, flags, 0)
}

// writable reports whether this user may write the file (root may write
// anything; the mode bits are checked separately).
func writable(path string) bool {
	return syscall.Access(path, 2 /* W_OK */) == nil
}

func linkCount(_ string, fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives f the owner and group of old, as far as this process may
// (root any; others only a group they are in); the rest is left as it is.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		f.Chown(-1, int(st.Gid))
	}
}

func ownedByMe(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Geteuid()
}

// syncDir flushes a folder's entries (a rename) to disk.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
