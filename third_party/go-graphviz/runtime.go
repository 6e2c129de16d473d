package graphviz

import (
	"context"

	"github.com/goccy/go-graphviz/internal/wasm"
)

// The WebAssembly module that runs Graphviz is compiled and instantiated on
// first use (New, ParseBytes, ...), not when the package is imported.

// LoadInfo says how the WebAssembly module was last loaded.
type LoadInfo = wasm.LoadInfo

// SetCompilationCacheDir sets the directory where the compiled WebAssembly
// module is kept between processes; "" keeps it in memory only (loading then
// takes ~0.5 s instead of ~20 ms). The default is "go-graphviz" in
// os.UserCacheDir. The directory is created private to the user; one that
// belongs to another user or is writable by others is not used, and damaged
// entries are removed and rebuilt. It takes effect at the next load.
func SetCompilationCacheDir(dir string) { wasm.SetCompilationCacheDir(dir) }

// Load loads the WebAssembly module now unless it is loaded. Every entry
// point calls it; call it to learn early about an error or to choose when to
// pay for it. After an error a later call tries again.
func Load(ctx context.Context) error { return wasm.Load(ctx) }

// Reset drops the WebAssembly module and its memory, which only ever grows;
// the next use loads a fresh one, reusing the compiled code. Every Graphviz,
// Graph, Node, Edge and plugin made before is invalid afterwards: call it
// only when none is in use.
func Reset(ctx context.Context) error { return wasm.Reset(ctx) }

// MemorySize is the size in bytes of the WebAssembly module's memory, or 0
// if it is not loaded.
func MemorySize() uint64 { return wasm.MemorySize() }

// LastLoad says how the WebAssembly module was last loaded.
func LastLoad() LoadInfo { return wasm.LastLoad() }
