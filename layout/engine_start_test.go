package layout

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-graphviz"
)

// loadInfo is how go-graphviz's module was last loaded in this process.
func loadInfo() graphviz.LoadInfo {
	gvMu.Lock()
	defer gvMu.Unlock()
	return graphviz.LastLoad()
}

// TestInProcessReplacesItsModule: the in-process engine replaces go-graphviz's
// WebAssembly instance every freshEvery layouts, so its memory stays bounded
// and layouts stay right across the change.
func TestInProcessReplacesItsModule(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	ref := layoutOnce(t, eng, genDOT(20, 1))
	before := loadInfo().Loads
	for i := 0; i < 3*freshEvery; i++ {
		sameLayout(t, fmt.Sprintf("layout %d", i), layoutOnce(t, eng, genDOT(20, 1)), ref)
	}
	if got := loadInfo().Loads - before; got < 2 || got > 4 {
		t.Errorf("%d layouts loaded the module %d times, want about 3", 3*freshEvery, got)
	}
	// Two engines share the module: one replacing it must not break the other.
	other := NewInProcess()
	defer other.Close()
	for i := 0; i < freshEvery+1; i++ {
		sameLayout(t, "other", layoutOnce(t, other, genDOT(20, 1)), ref)
		sameLayout(t, "first", layoutOnce(t, eng, genDOT(20, 1)), ref)
	}
}

// TestInProcessMemoryStaysFlat: however many layouts one process does (the
// fuzz tests do tens of thousands), its memory stays flat. Without the
// module's replacement these 400 layouts of 30-actor graphs with clusters
// and edge labels took the Go heap from 7 to 35 MiB. -soak runs 100,000
// layouts of small graphs, as the fuzz tests do.
func TestInProcessMemoryStaysFlat(t *testing.T) {
	n := 400
	graph := func(i int) []byte { return genDOT(30, uint64(i%16)) }
	if *soak {
		n = 100_000
		graph = func(i int) []byte { return genDOT(6, uint64(i)) }
	} else if testing.Short() {
		t.Skip("-short")
	}
	eng := NewInProcess()
	defer eng.Close()
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapInuse
	}
	var first, peak uint64
	start := time.Now()
	for i := 0; i < n; i++ {
		if _, err := eng.Layout(context.Background(), graph(i)); err != nil {
			t.Fatalf("layout %d: %v", i, err)
		}
		if i == freshEvery*2 {
			first = heap()
		}
		if i > freshEvery*2 && (i%(n/20) == 0 || i == n-1) {
			h := heap()
			peak = max(peak, h)
			if *soak {
				t.Logf("%6d layouts, %v: Go heap %.1f MiB, RSS %.1f MiB", i, time.Since(start).Round(time.Second),
					float64(h)/(1<<20), float64(processMemory())/(1<<20))
			}
		}
	}
	t.Logf("%d layouts: Go heap %.1f MiB after %d, at most %.1f MiB after; RSS %.1f MiB",
		n, float64(first)/(1<<20), freshEvery*2, float64(peak)/(1<<20), float64(processMemory())/(1<<20))
	if peak > first+8<<20 {
		t.Errorf("the Go heap grew from %.1f to %.1f MiB over %d layouts", float64(first)/(1<<20), float64(peak)/(1<<20), n)
	}
}

// cacheEntry returns the one compiled module in cache directory dir.
func cacheEntry(t *testing.T, dir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "wazero-*", strings.Repeat("[0-9a-f]", 64)))
	if len(m) != 1 {
		t.Fatalf("%s holds %d compiled modules, want 1: %v", dir, len(m), m)
	}
	return m[0]
}

// loadFrom makes go-graphviz load its module afresh with its compilation
// cache in dir, lays out a graph and returns how it was loaded.
func loadFrom(t *testing.T, dir string) graphviz.LoadInfo {
	t.Helper()
	gvMu.Lock()
	gvRun.configured = true
	graphviz.SetCompilationCacheDir(dir)
	freshGraphvizLocked()
	err := graphviz.Load(context.Background())
	info := graphviz.LastLoad()
	gvMu.Unlock()
	if err != nil {
		t.Fatalf("load with the cache in %s: %v", dir, err)
	}
	layoutOnce(t, NewInProcess(), genDOT(20, 1))
	return info
}

// restoreCache points go-graphviz back at Parley's cache after a test.
func restoreCache(t *testing.T) {
	t.Cleanup(func() {
		gvMu.Lock()
		defer gvMu.Unlock()
		graphviz.SetCompilationCacheDir(cacheDir())
		freshGraphvizLocked()
	})
}

// copyDir copies the tree at src to a new directory and returns it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "cache")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func modifyFile(t *testing.T, p string, f func([]byte) []byte) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, f(b), 0o600); err != nil {
		t.Fatal(err)
	}
}

func flipBits(at func(n int) int) func([]byte) []byte {
	return func(b []byte) []byte {
		for i := 0; i < 4; i++ {
			b[at(len(b))+i*97] ^= 0x5a
		}
		return b
	}
}

// TestCompilationCacheRecovers: a damaged or unusable compilation cache is
// never fatal. Damaged entries are removed and rebuilt, so the next start is
// quick again; a directory that another user owns or others can write is
// not used (and not touched).
func TestCompilationCacheRecovers(t *testing.T) {
	restoreCache(t)
	good := filepath.Join(t.TempDir(), "cache")
	if info := loadFrom(t, good); info.CacheDir != good || len(info.Problems) != 0 {
		t.Fatalf("building a cache: %+v", info)
	}
	entry := cacheEntry(t, good)
	rel, _ := filepath.Rel(good, entry)
	if _, err := os.Stat(filepath.Join(filepath.Dir(entry), "CHECKSUMS")); err != nil {
		t.Fatalf("no manifest beside the entry: %v", err)
	}
	if info := loadFrom(t, copyDir(t, good)); info.CacheDir == "" || len(info.Problems) != 0 {
		t.Fatalf("a good cache was not used as it is: %+v", info)
	}

	damaged := []struct {
		name   string
		damage func(t *testing.T, dir, entry string)
	}{
		{"empty file", func(t *testing.T, _, e string) { modifyFile(t, e, func([]byte) []byte { return nil }) }},
		{"truncated", func(t *testing.T, _, e string) { modifyFile(t, e, func(b []byte) []byte { return b[:len(b)/2] }) }},
		{"random bytes", func(t *testing.T, _, e string) {
			modifyFile(t, e, func(b []byte) []byte {
				x := uint32(2463534242)
				for i := range b {
					x ^= x << 13
					x ^= x >> 17
					x ^= x << 5
					b[i] = byte(x)
				}
				return b
			})
		}},
		{"flipped bits in the middle", func(t *testing.T, _, e string) { modifyFile(t, e, flipBits(func(n int) int { return n / 2 })) }},
		// wazero checks the machine code's CRC, not the function offsets
		// before it: only the manifest catches this one.
		{"flipped bits in the function table", func(t *testing.T, _, e string) { modifyFile(t, e, flipBits(func(int) int { return 40 })) }},
		{"wrong magic", func(t *testing.T, _, e string) {
			modifyFile(t, e, func(b []byte) []byte { copy(b, "NOTWAZ"); return b })
		}},
		{"wrong version header", func(t *testing.T, _, e string) {
			modifyFile(t, e, func(b []byte) []byte { b[7] ^= 0x01; return b })
		}},
		{"a directory where the file should be", func(t *testing.T, _, e string) {
			if err := os.Remove(e); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(e, "x"), 0o700); err != nil {
				t.Fatal(err)
			}
		}},
		{"unreadable", func(t *testing.T, _, e string) {
			if err := os.Chmod(e, 0); err != nil {
				t.Fatal(err)
			}
		}},
		{"no manifest", func(t *testing.T, _, e string) {
			if err := os.Remove(filepath.Join(filepath.Dir(e), "CHECKSUMS")); err != nil {
				t.Fatal(err)
			}
		}},
		// Damage the manifest cannot see (say, before it was written):
		// wazero fails to read the entry, and it is rebuilt.
		{"truncated, with a matching manifest", func(t *testing.T, _, e string) {
			modifyFile(t, e, func(b []byte) []byte { return b[:len(b)/3] })
			vouchFor(t, e)
		}},
		{"wrong magic, with a matching manifest", func(t *testing.T, _, e string) {
			modifyFile(t, e, func(b []byte) []byte { copy(b, "NOTWAZ"); return b })
			vouchFor(t, e)
		}},
		{"flipped bits in the machine code, with a matching manifest", func(t *testing.T, _, e string) {
			modifyFile(t, e, flipBits(func(n int) int { return n / 2 }))
			vouchFor(t, e)
		}},
		{"garbage manifest", func(t *testing.T, _, e string) {
			modifyFile(t, filepath.Join(filepath.Dir(e), "CHECKSUMS"), func(b []byte) []byte { return []byte("\x00\xff garbage\n\n" + strings.Repeat("x", 5000)) })
		}},
	}
	for _, tc := range damaged {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDir(t, good)
			e := filepath.Join(dir, rel)
			tc.damage(t, dir, e)
			info := loadFrom(t, dir)
			t.Logf("recovered: %+v", info)
			if info.CacheDir != dir {
				t.Errorf("the cache was not rebuilt in place: %+v", info)
			}
			if os.Geteuid() != 0 || tc.name != "unreadable" { // root reads it anyway, and it is intact
				if len(info.Problems) == 0 {
					t.Errorf("the damage went unnoticed: %+v", info)
				}
			}
			// Rebuilt: a fresh copy of it loads with no problem.
			if info := loadFrom(t, copyDir(t, dir)); info.CacheDir == "" || len(info.Problems) != 0 {
				t.Errorf("after recovery the cache does not work as it is: %+v", info)
			}
		})
	}

	refused := []struct {
		name  string
		root  bool // needs root
		setup func(t *testing.T, dir string)
	}{
		{"owned by another user", true, func(t *testing.T, dir string) { chownTree(t, dir, "nobody") }},
		{"writable by others", false, func(t *testing.T, dir string) {
			if runtime.GOOS == "windows" {
				t.Skip("no Unix permissions")
			}
			if err := os.Chmod(dir, 0o777); err != nil {
				t.Fatal(err)
			}
		}},
		{"a file, not a directory", false, func(t *testing.T, dir string) {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dir, []byte("not a directory\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			if tc.root && os.Geteuid() != 0 {
				t.Skip("needs root to give a directory to another user")
			}
			dir := copyDir(t, good)
			tc.setup(t, dir)
			before := treeListing(t, dir)
			info := loadFrom(t, dir)
			t.Logf("%+v", info)
			if info.CacheDir != "" || len(info.Problems) == 0 {
				t.Errorf("the directory was used: %+v", info)
			}
			if after := treeListing(t, dir); after != before {
				t.Errorf("the refused directory was changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// vouchFor rewrites the manifest beside entry to match it as it is now.
func vouchFor(t *testing.T, entry string) {
	t.Helper()
	b, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	sum := strconv.FormatUint(uint64(crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli))), 16)
	line := fmt.Sprintf("%s/%d %s\n", sum, len(b), filepath.Base(entry))
	if err := os.WriteFile(filepath.Join(filepath.Dir(entry), "CHECKSUMS"), []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCompilationCacheStaleTemporaryFiles: wazero's temporary files left by
// an interrupted write are removed once old, and nothing else is.
func TestCompilationCacheStaleTemporaryFiles(t *testing.T) {
	restoreCache(t)
	good := filepath.Join(t.TempDir(), "cache")
	loadFrom(t, good)
	dir := copyDir(t, good)
	sub := filepath.Dir(cacheEntry(t, dir))
	old := filepath.Join(sub, strings.Repeat("a", 64)+".123.tmp")
	fresh := filepath.Join(sub, strings.Repeat("b", 64)+".456.tmp")
	other := filepath.Join(sub, "notes.txt")
	for _, p := range []string{old, fresh, other} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	loadFrom(t, dir)
	for p, want := range map[string]bool{old: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// treeListing lists the paths, sizes and modes under dir.
func treeListing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v %d; ", p, fi.Mode(), fi.Size())
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return b.String()
}

// chownTree gives the tree at dir to the named user (as root).
func chownTree(t *testing.T, dir, name string) {
	t.Helper()
	u, err := user.Lookup(name)
	if err != nil {
		t.Skipf("no user %s: %v", name, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	err = filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, uid, gid)
	})
	if err != nil {
		t.Fatal(err)
	}
}
