// Package thirdparty checks the patched copies of third-party modules kept
// in this directory (see README.md): each must be exactly its upstream
// release with its patch file applied.
package thirdparty

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the patch files from the copies")

const (
	goGraphviz      = "github.com/goccy/go-graphviz"
	goGraphvizCopy  = "go-graphviz"
	goGraphvizPatch = "go-graphviz.patch"
)

// goGraphvizSums are the module proxy's hashes of the releases the patch was
// made against (go.sum's "h1:" form), so that the comparison is against the
// real upstream files.
var goGraphvizSums = map[string]string{
	"v0.2.10": "h1:jHu/1I0Iw0xIzzYk96Ous/ZeuD11Rt2oW8juHdIE30g=",
}

// goGraphvizKept says which files of the upstream module the copy keeps:
// the packages Parley builds, the embedded WebAssembly and the licence.
func goGraphvizKept(rel string) bool {
	switch rel {
	case "LICENSE", "go.mod", "graphviz.version", "internal/wasm/graphviz.wasm":
		return true
	}
	switch path.Dir(rel) {
	case ".", "cdt", "cgraph", "gvc", "internal/wasm":
		return strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go")
	}
	return false
}

// TestGoGraphvizPatch: third_party/go-graphviz is exactly the release go.mod
// requires, trimmed by goGraphvizKept, with go-graphviz.patch applied. It
// fails when the patch no longer applies (another release, or upstream's
// package init changed), and when the copy was edited without updating the
// patch: go test ./third_party/ -update rewrites the patch from the copy.
func TestGoGraphvizPatch(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: cannot apply the patch")
	}
	version := requiredVersion(t, goGraphviz)
	want, ok := goGraphvizSums[version]
	if !ok {
		t.Fatalf("go.mod requires %s %s, but the patch was made against %v: port the patch (see README.md) and add the release's hash here",
			goGraphviz, version, keys(goGraphvizSums))
	}
	upstream := download(t, goGraphviz, version, want)

	work := t.TempDir()
	git(t, work, "init", "-q")
	copyTree(t, upstream, work, goGraphvizKept)
	patch, err := filepath.Abs(goGraphvizPatch)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		git(t, work, "add", "-A")
		git(t, work, "-c", "user.name=parley", "-c", "user.email=parley@invalid", "commit", "-q", "-m", "upstream")
		git(t, work, "rm", "-q", "-r", ".")
		copyTree(t, goGraphvizCopy, work, func(string) bool { return true })
		git(t, work, "add", "-A")
		diff := git(t, work, "diff", "--cached", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/")
		if err := os.WriteFile(patch, diff, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d lines)", goGraphvizPatch, bytes.Count(diff, []byte("\n")))
		return
	}
	git(t, work, "apply", "--whitespace=nowarn", patch)
	compareTrees(t, work, goGraphvizCopy)
}

// requiredVersion reads the version of mod that ../go.mod requires.
func requiredVersion(t *testing.T, mod string) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "edit", "-json")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod edit -json: %v", err)
	}
	var gm struct {
		Require []struct{ Path, Version string }
		Replace []struct {
			Old struct{ Path string }
			New struct{ Path string }
		}
	}
	if err := json.Unmarshal(out, &gm); err != nil {
		t.Fatal(err)
	}
	replaced := false
	for _, r := range gm.Replace {
		if r.Old.Path == mod && path.Clean(r.New.Path) == "third_party/"+goGraphvizCopy {
			replaced = true
		}
	}
	if !replaced {
		t.Errorf("go.mod does not replace %s with ./third_party/%s", mod, goGraphvizCopy)
	}
	for _, r := range gm.Require {
		if r.Path == mod {
			return r.Version
		}
	}
	t.Fatalf("go.mod does not require %s", mod)
	return ""
}

// download fetches mod@version through the module proxy (or finds it in the
// module cache) and returns its directory; it skips the test when the proxy
// cannot be reached.
func download(t *testing.T, mod, version, sum string) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", mod+"@"+version)
	cmd.Dir = t.TempDir() // outside Parley's module: its replace does not apply
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var info struct{ Dir, Sum, Error string }
	_ = json.Unmarshal(out, &info)
	if err != nil || info.Error != "" {
		msg := strings.TrimSpace(info.Error + " " + stderr.String())
		if strings.Contains(msg, "SECURITY ERROR") || strings.Contains(msg, "checksum mismatch") {
			t.Fatalf("go mod download %s@%s: %s", mod, version, msg)
		}
		t.Skipf("cannot download %s@%s to compare the copy with (module proxy unreachable?): %v %s", mod, version, err, msg)
	}
	if info.Sum != sum {
		t.Fatalf("%s@%s has hash %s, want %s", mod, version, info.Sum, sum)
	}
	return info.Dir
}

// git runs git in dir with no user or system configuration and returns its
// output.
func git(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// copyTree copies the regular files of src for which keep(relative path)
// holds into dst, writable.
func copyTree(t *testing.T, src, dst string, keep func(string) bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil || !keep(filepath.ToSlash(rel)) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// compareTrees reports every file that differs between got (the patched
// upstream) and want (the copy), ignoring got's .git.
func compareTrees(t *testing.T, got, want string) {
	t.Helper()
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == ".git" {
					return filepath.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			b, err := os.ReadFile(p)
			m[filepath.ToSlash(rel)] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	g, w := files(got), files(want)
	for name, b := range w {
		gb, ok := g[name]
		switch {
		case !ok:
			t.Errorf("third_party/%s/%s is neither upstream nor made by %s", goGraphvizCopy, name, goGraphvizPatch)
		case !bytes.Equal(gb, b):
			t.Errorf("third_party/%s/%s differs from upstream with %s applied (go test ./third_party/ -update rewrites the patch)", goGraphvizCopy, name, goGraphvizPatch)
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			t.Errorf("third_party/%s/%s is missing (upstream with %s applied has it)", goGraphvizCopy, name, goGraphvizPatch)
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
