//go:build unix

package wasm

import (
	"os"
	"syscall"
)

// ownedBySelf reports whether fi belongs to the user running this process.
func ownedBySelf(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
