package layout

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/goccy/go-graphviz"
)

// Starting go-graphviz, and keeping it fresh.
//
// Parley carries go-graphviz patched (third_party/README.md) so that its
// WebAssembly module is compiled on first use rather than in package init:
// commands that draw nothing never pay for it, and a problem with its
// compilation cache is an error or a slower start, never a panic. The
// module's memory only grows, and repeated layouts corrupt its heap, so the
// engine replaces the module instance every freshEvery layouts, when its
// memory passes freshMemory, and after any failure; a new instance of the
// compiled module takes ~2 ms.

const (
	// freshEvery: layouts of graphs with clusters and edge labels have been
	// seen to corrupt go-graphviz's heap after 17–54 layouts in one instance.
	freshEvery = 16
	// freshMemory bounds what one instance may hold (it leaks ~2× the size
	// of each output).
	freshMemory = 256 << 20
)

// gvRun is the state of the process's one go-graphviz module; guarded by
// gvMu.
var gvRun struct {
	configured bool
	layouts    int    // layouts in the current instance
	generation uint64 // bumped when the instance is replaced
}

// cacheDir is where the layout engine keeps go-graphviz's compiled
// WebAssembly between processes: Parley's own directory in the user's cache
// directory ($XDG_CACHE_HOME or ~/.cache on Linux), or "" when there is
// none (it then compiles in memory: ~0.5 s more for the first layout).
func cacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil || d == "" {
		return ""
	}
	return filepath.Join(d, "parley", "wazero")
}

// startGraphvizLocked loads go-graphviz's module unless it is loaded, with
// Parley's compilation cache. gvMu must be held.
func startGraphvizLocked(ctx context.Context) error {
	if !gvRun.configured {
		graphviz.SetCompilationCacheDir(cacheDir())
		gvRun.configured = true
	}
	if err := graphviz.Load(ctx); err != nil {
		return fmt.Errorf("render: the layout engine cannot start: %w", err)
	}
	return nil
}

// laidOutLocked counts a layout and replaces the module instance when it is
// due. gvMu must be held.
func laidOutLocked() {
	gvRun.layouts++
	if gvRun.layouts >= freshEvery || graphviz.MemorySize() > freshMemory {
		freshGraphvizLocked()
	}
}

// freshGraphvizLocked drops the module instance: every go-graphviz value
// made before is invalid, and the next use makes a new instance. gvMu must
// be held.
func freshGraphvizLocked() {
	defer func() { _ = recover() }()
	_ = graphviz.Reset(context.Background())
	gvRun.layouts = 0
	gvRun.generation++
}
