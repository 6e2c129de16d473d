//go:build windows

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// descriptorPath: Windows has no /dev/stdout; NUL and CON are devices,
// written in place.
func descriptorPath(string) (int, bool) { return 0, false }

func writeDescriptor(path string, _ int, _ []byte) error {
	return &Error{Op: "write", Path: path, Err: errors.New("not supported on Windows")}
}

func openInPlace(target string, _ fs.FileInfo, _ bool) (*os.File, error) {
	return os.OpenFile(target, os.O_WRONLY, 0)
}

// writable: Windows has the read-only attribute, which the mode reflects.
func writable(string) bool { return true }

// linkCount asks Windows for the file's number of hard links (NTFS has
// them too).
func linkCount(path string, _ fs.FileInfo) uint64 {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return 1
	}
	h, err := syscall.CreateFile(p, 0, syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE|syscall.FILE_SHARE_DELETE,
		nil, syscall.OPEN_EXISTING, syscall.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return 1
	}
	defer syscall.CloseHandle(h)
	var info syscall.ByHandleFileInformation
	if syscall.GetFileInformationByHandle(h, &info) != nil {
		return 1
	}
	return uint64(info.NumberOfLinks)
}

// keepOwner: a replaced file gets the folder's inherited permissions on
// Windows; there is no owner to copy without the security APIs.
func keepOwner(*os.File, fs.FileInfo) {}

// ownedByMe: the temporary names are Parley's own; Windows has no simple
// owner check, and other users' files are protected by their ACLs.
func ownedByMe(fs.FileInfo) bool { return true }

// syncDir: Windows cannot open a folder to flush it; NTFS journals the
// rename.
func syncDir(string) {}
