//go:build !unix

package wasm

import "os"

// ownedBySelf reports whether fi belongs to the user running this process;
// where file ownership is not Unix's, the user's own cache directory is
// assumed to be private.
func ownedBySelf(fi os.FileInfo) bool { return true }
