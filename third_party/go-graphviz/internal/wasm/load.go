package wasm

// Loading the WebAssembly module on first use, not in package init.
//
// Upstream v0.2.10 compiled and instantiated the module in this package's
// init, into a compilation cache at $TMPDIR/go-graphviz: every program that
// imported go-graphviz paid for it at start-up, even if it never drew a
// graph, and panicked before main when that directory belonged to another
// user, the disk was full or a cache file was damaged. Here the module is
// loaded by Load, which every entry point (gvc.New, cgraph.ParseBytes, ...)
// calls; errors are returned, never panicked, and a later call tries again.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	goruntime "runtime"

	"github.com/tetratelabs/wazero"
)

// LoadInfo says how the module was last loaded.
type LoadInfo struct {
	// Loads counts the times the module was instantiated in this process.
	Loads int
	// CacheDir is the compilation cache directory the last load used, or ""
	// if it compiled in memory only.
	CacheDir string
	// Problems are what went wrong with the compilation cache during the
	// last load and was worked around (the cache was skipped or rebuilt).
	Problems []error
}

var (
	loadMu sync.Mutex
	loaded atomic.Bool

	// Guarded by loadMu; rt, compiled and cache are kept across Reset.
	rt        wazero.Runtime          // with the host functions; nil until loaded
	compiled  wazero.CompiledModule   // the module compiled in rt
	cache     wazero.CompilationCache // rt's
	cacheFor  string                  // the configured directory cache was made for
	cacheDisk bool                    // cache writes to cacheFor (false: memory only)
	dirSet    bool                    // SetCompilationCacheDir was called
	dirWanted string                  // its argument
	hooks     []func(context.Context) error
	info      LoadInfo
)

// SetCompilationCacheDir sets the directory where compiled code is kept
// between processes ("" for none: compile in memory, ~0.5 s). The default is
// "go-graphviz" in os.UserCacheDir. It takes effect at the next load: the
// first use, or the first use after Reset.
func SetCompilationCacheDir(dir string) {
	loadMu.Lock()
	defer loadMu.Unlock()
	dirSet, dirWanted = true, dir
}

// OnLoad registers fn to run after every instantiation of the module, in
// registration order (package init of cgraph and gvc registers theirs).
func OnLoad(fn func(context.Context) error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	hooks = append(hooks, fn)
}

// Load compiles and instantiates the module unless it is loaded. It is
// cheap once loaded and safe for concurrent use.
func Load(ctx context.Context) error {
	if loaded.Load() {
		return nil
	}
	loadMu.Lock()
	defer loadMu.Unlock()
	if loaded.Load() {
		return nil
	}
	return loadLocked(ctx)
}

// Reset closes the module instance, dropping its memory; the next use makes
// a fresh instance of the compiled module, which is quick. Every value made
// through the old instance (contexts, graphs, plugins, ...) is invalid
// afterwards: call it only when none is in use.
func Reset(ctx context.Context) error {
	loadMu.Lock()
	defer loadMu.Unlock()
	if !loaded.Load() {
		return nil
	}
	loaded.Store(false)
	return mod.mod.Close(ctx)
}

// MemorySize is the size in bytes of the module's linear memory, which only
// grows; 0 if the module is not loaded.
func MemorySize() uint64 {
	loadMu.Lock()
	defer loadMu.Unlock()
	if !loaded.Load() || mod == nil {
		return 0
	}
	return uint64(mod.mod.Memory().Size())
}

// LastLoad says how the module was last loaded.
func LastLoad() LoadInfo {
	loadMu.Lock()
	defer loadMu.Unlock()
	i := info
	i.Problems = append([]error(nil), info.Problems...)
	return i
}

func loadLocked(ctx context.Context) error {
	dir := ""
	if dirSet {
		dir = dirWanted
	} else if d, err := os.UserCacheDir(); err == nil {
		dir = filepath.Join(d, "go-graphviz")
	}
	info.Problems = nil
	if rt != nil && cacheFor == dir { // after Reset
		if err := reinstantiate(ctx); err == nil {
			return loadedWith(dir, cacheDisk)
		}
	}
	if rt != nil {
		_ = rt.Close(ctx)
		_ = cache.Close(ctx)
		rt, compiled, cache = nil, nil, nil
	}
	if dir != "" {
		// A second try starts from an emptied cache: what failed is rebuilt.
		for try := 0; try < 2; try++ {
			fc, sub, verified, err := openFileCache(dir)
			if err != nil {
				info.Problems = append(info.Problems, err)
				break
			}
			err = instantiateWith(ctx, fc)
			if err == nil {
				cache = fc
				if err := writeManifest(sub, verified); err != nil {
					info.Problems = append(info.Problems, err)
				}
				return loadedWith(dir, true)
			}
			_ = fc.Close(ctx)
			info.Problems = append(info.Problems, fmt.Errorf("%w (with the compilation cache in %s)", err, dir))
			if !clearCache(sub) {
				break
			}
		}
	}
	mc := wazero.NewCompilationCache()
	if err := instantiateWith(ctx, mc); err != nil {
		_ = mc.Close(ctx)
		return err
	}
	cache = mc
	return loadedWith(dir, false)
}

func loadedWith(dir string, disk bool) error {
	cacheFor, cacheDisk = dir, disk
	info.Loads++
	info.CacheDir = ""
	if disk {
		info.CacheDir = dir
	}
	loaded.Store(true)
	return nil
}

// instantiateWith makes a runtime using c, compiles and instantiates the
// module in it and runs the hooks, turning panics into errors.
func instantiateWith(ctx context.Context, c wazero.CompilationCache) (err error) {
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCompilationCache(c))
	justCompiled = nil
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("go-graphviz: loading the WebAssembly module: %v", p)
		}
		if err != nil {
			_ = r.Close(ctx)
			return
		}
		rt, compiled = r, justCompiled
	}()
	instantiate(ctx, r)
	return runHooks(ctx)
}

// reinstantiate makes a new instance of the compiled module in rt.
func reinstantiate(ctx context.Context) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("go-graphviz: loading the WebAssembly module: %v", p)
		}
	}()
	instantiateCompiled(ctx, rt, compiled)
	return runHooks(ctx)
}

func runHooks(ctx context.Context) error {
	for _, h := range hooks {
		if err := h(ctx); err != nil {
			return fmt.Errorf("go-graphviz: loading the WebAssembly module: %w", err)
		}
	}
	return nil
}

// justCompiled is what compileModule returned last; guarded by loadMu.
var justCompiled wazero.CompiledModule

// compileModule compiles bin. When the compiled code cannot be written to
// the file cache (a full or read-only disk), the compilation fails but
// leaves the code in memory, where a second call finds it.
func compileModule(ctx context.Context, r wazero.Runtime, bin []byte) (wazero.CompiledModule, error) {
	c, err := r.CompileModule(ctx, bin)
	if err != nil {
		c2, err2 := r.CompileModule(ctx, bin)
		if err2 != nil {
			return nil, err
		}
		info.Problems = append(info.Problems, fmt.Errorf("go-graphviz: compilation cache not written: %w", err))
		c = c2
	}
	justCompiled = c
	return c, nil
}

// checkEnum returns the value of the C enum constant name, and panics if it
// differs from the value this package declares: values derived from the
// declared ones at package init (cgraph.EDGE, gvc.RenderYGoesDown, ...)
// would be wrong.
func (m *WasmModule) checkEnum(ctx context.Context, name string, declared int) int {
	v := m.getEnumValue(ctx, name)
	if v != declared {
		panic(fmt.Sprintf("enum %s is %d in the WebAssembly module but declared %d", name, v, declared))
	}
	return v
}

// The file cache. wazero keeps one file per compiled module, in a
// subdirectory per wazero version, and checks only part of it when reading
// it back: a damaged file can fail the compilation every time, or worse.
// So every entry is checked against a manifest written after it was used
// successfully, and removed if it does not match.

const (
	manifestName = "CHECKSUMS" // lines: crc32c size name
	staleTemp    = time.Hour   // wazero's temporary files older than this are litter
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// openFileCache prepares dir and returns a compilation cache writing to it,
// wazero's subdirectory for this version and the entries verified there.
func openFileCache(dir string) (wazero.CompilationCache, string, map[string]string, error) {
	fail := func(err error) (wazero.CompilationCache, string, map[string]string, error) {
		return nil, "", nil, fmt.Errorf("go-graphviz: compilation cache not used: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fail(err)
	}
	sub := filepath.Join(dir, "wazero-"+wazeroVersion()+"-"+goruntime.GOARCH+"-"+goruntime.GOOS)
	for _, d := range []string{dir, sub} {
		if err := os.Mkdir(d, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
			return fail(err)
		}
		if err := checkPrivateDir(d); err != nil {
			return fail(err)
		}
	}
	verified, err := verifyEntries(sub)
	if err != nil {
		return fail(err)
	}
	c, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return fail(err)
	}
	return c, sub, verified, nil
}

// checkPrivateDir makes sure that only this user can change what is in d.
func checkPrivateDir(d string) error {
	fi, err := os.Stat(d)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", d)
	}
	if !ownedBySelf(fi) {
		return fmt.Errorf("%s belongs to another user", d)
	}
	if goruntime.GOOS != "windows" && fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s is writable by other users", d)
	}
	return nil
}

// verifyEntries removes from sub every cache entry that the manifest does
// not vouch for, and wazero's old temporary files. It fails if an entry that
// cannot be vouched for cannot be removed either.
func verifyEntries(sub string) (map[string]string, error) {
	sums := readManifest(filepath.Join(sub, manifestName))
	ents, err := os.ReadDir(sub)
	if err != nil {
		return nil, err
	}
	verified := map[string]string{}
	for _, e := range ents {
		name, p := e.Name(), filepath.Join(sub, e.Name())
		switch {
		case strings.HasSuffix(name, ".tmp"):
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTemp {
				_ = os.RemoveAll(p)
			}
		case isEntryName(name):
			if e.Type().IsRegular() && sums[name] != "" {
				if sum, err := fileSum(p); err == nil && sum == sums[name] {
					verified[name] = sum
					continue
				}
			}
			if err := os.RemoveAll(p); err != nil {
				return nil, fmt.Errorf("damaged cache entry: %w", err)
			}
			info.Problems = append(info.Problems, fmt.Errorf("go-graphviz: compilation cache entry %s removed: it does not match %s", p, manifestName))
		}
	}
	return verified, nil
}

// clearCache removes the cache entries in sub; it reports whether sub holds
// none afterwards.
func clearCache(sub string) bool {
	ents, err := os.ReadDir(sub)
	if err != nil {
		return false
	}
	ok := true
	for _, e := range ents {
		if isEntryName(e.Name()) || e.Name() == manifestName {
			if err := os.RemoveAll(filepath.Join(sub, e.Name())); err != nil {
				ok = false
			}
		}
	}
	return ok
}

// writeManifest records the checksums of the entries in sub after a load
// that used them, unless they are the ones verified before it.
func writeManifest(sub string, verified map[string]string) error {
	ents, err := os.ReadDir(sub)
	if err != nil {
		return err
	}
	var b strings.Builder
	changed := false
	n := 0
	for _, e := range ents {
		name := e.Name()
		if !isEntryName(name) || !e.Type().IsRegular() {
			continue
		}
		n++
		sum, ok := verified[name]
		if !ok {
			if sum, err = fileSum(filepath.Join(sub, name)); err != nil {
				continue
			}
			changed = true
		}
		fmt.Fprintf(&b, "%s %s\n", sum, name)
	}
	if !changed && n == len(verified) {
		return nil
	}
	f, err := os.CreateTemp(sub, manifestName+".*.tmp")
	if err != nil {
		return fmt.Errorf("go-graphviz: compilation cache manifest: %w", err)
	}
	_, err = f.WriteString(b.String())
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(sub, manifestName))
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("go-graphviz: compilation cache manifest: %w", err)
	}
	return nil
}

// readManifest returns the checksums in the manifest at p by entry name;
// lines it cannot read are ignored, so their entries get rebuilt.
func readManifest(p string) map[string]string {
	sums := map[string]string{}
	f, err := os.Open(p)
	if err != nil {
		return sums
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), " ")
		if i := strings.IndexByte(sum, '/'); ok && i > 0 && isEntryName(name) {
			sums[name] = sum
		}
	}
	return sums
}

// fileSum is a file's CRC-32C and size, as "crc/size". This guards against
// damage, not tampering: the directory is private to the user.
func fileSum(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.Copy(h, f)
	if err != nil {
		return "", err
	}
	return strconv.FormatUint(uint64(h.Sum32()), 16) + "/" + strconv.FormatInt(n, 10), nil
}

// isEntryName: wazero names its entries by a SHA-256 in hex.
func isEntryName(name string) bool {
	if len(name) != 64 {
		return false
	}
	for _, c := range name {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// wazeroVersion is the version wazero names its cache subdirectory after,
// found the way wazero finds it (its internal/version package).
func wazeroVersion() string {
	v := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range bi.Deps {
			if strings.Contains(dep.Path, "github.com/tetratelabs/wazero") {
				v = dep.Version
			}
		}
		if v == "" || v == "(devel)" {
			v = bi.Main.Version
		}
	}
	if v == "" || v == "(devel)" {
		return "dev"
	}
	return v
}
