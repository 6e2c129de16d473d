package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// loadFile loads a file under testdata, naming it by its base name so that
// the goldens do not depend on where the tests run.
func loadFile(t testing.TB, path string) (*Scenario, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Load(filepath.Base(path), bytes.NewReader(data))
}

// problemsOf is every problem of a Load, errors or warnings.
func problemsOf(t testing.TB, s *Scenario, err error) Problems {
	t.Helper()
	if err == nil {
		return s.Warnings
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load returned %T, not Problems: %v", err, err)
	}
	return ps
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./scenario/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to accept):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// TestBadFiles loads each testdata/bad/*.toml and compares every problem
// reported with its .golden file.
func TestBadFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.toml")
	if len(files) < 20 {
		t.Fatalf("found only %d bad files", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, err := loadFile(t, f)
			ps := problemsOf(t, s, err)
			if len(ps) == 0 {
				t.Fatal("no problems reported")
			}
			if err != nil && s != nil {
				t.Error("Load returned both a scenario and an error")
			}
			if err == nil && ps.HasErrors() {
				t.Error("Load returned a scenario whose warnings hold errors")
			}
			for i := 1; i < len(ps); i++ {
				if ps[i].Line == 0 && i == len(ps)-1 { // "and N more"
					continue
				}
				if ps[i].Line < ps[i-1].Line || ps[i].Line == ps[i-1].Line && ps[i].Col < ps[i-1].Col {
					t.Errorf("not sorted: %v before %v", ps[i-1], ps[i])
				}
			}
			golden(t, strings.TrimSuffix(f, ".toml")+".golden", []byte(ps.Error()+"\n"))
		})
	}
}

// TestGoodFiles loads each testdata/good/*.toml without any problem and
// compares the decoded scenario, as JSON, with its .json golden file.
func TestGoodFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/good/*.toml")
	if len(files) == 0 {
		t.Fatal("no good files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, err := loadFile(t, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Warnings) > 0 {
				t.Errorf("warnings:\n%v", s.Warnings)
			}
			if s.Name != filepath.Base(f) {
				t.Errorf("Name = %q", s.Name)
			}
			got, err := json.MarshalIndent(s, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(f, ".toml")+".json", append(got, '\n'))
		})
	}
}

// TestExample loads the example scenarios of the repository, and resolves
// each of their variants.
func TestExample(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.toml")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, err := loadFile(t, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Warnings) > 0 {
				t.Logf("warnings:\n%v", s.Warnings)
			}
			for _, v := range append([]Variant{{}}, s.Variants...) {
				if _, err := s.Resolve(v.ID, Date{}); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// within fails the test when f takes longer than d.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	start := time.Now()
	f()
	if took := time.Since(start); took > d {
		t.Errorf("took %v, more than %v", took, d)
	}
}

func TestHostile(t *testing.T) {
	big := strings.Repeat("# padding\n", MaxFileSize/10+1) // cut to size below
	tests := []struct {
		name  string
		input io.Reader
		want  string // the one problem expected
	}{
		{"empty", strings.NewReader(""), "f.toml: error: empty file: a scenario starts with format = 1 (see docs/format.md)"},
		{"blank", strings.NewReader(" \n\t\r\n"), "f.toml: error: empty file: a scenario starts with format = 1 (see docs/format.md)"},
		{"binary", bytes.NewReader([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe}),
			"f.toml:1:11: error: invalid UTF-8 (byte 0xff): a scenario file must be UTF-8 text"},
		{"control characters", strings.NewReader("format = 1\n\x7fELF\x02\x01\x01"),
			"f.toml:2:1: error: TOML syntax: TOML files cannot contain control characters (here U+007F): remove it; in a string, write it as \\u007F"},
		{"NUL after 1024 bytes", strings.NewReader(strings.Repeat("\n", 2000) + "a = \"\x00\""),
			"f.toml:2001:6: error: TOML syntax: TOML files cannot contain control characters (here U+0000): remove it; in a string, write it as \\u0000"},
		{"invalid utf-8", strings.NewReader("format = 1\n# caf\xe9\n"),
			"f.toml:2:6: error: invalid UTF-8 (byte 0xe9): a scenario file must be UTF-8 text"},
		{"100000 brackets", strings.NewReader("format = 1\nx = " + strings.Repeat("[", 100000)),
			"f.toml:2:37: error: arrays and inline tables nested more than 32 deep (the limit; a scenario needs 3)"},
		{"100000 braces", strings.NewReader("x = " + strings.Repeat("{a=", 100000)),
			"f.toml:1:101: error: arrays and inline tables nested more than 32 deep (the limit; a scenario needs 3)"},
		{"at the limit", strings.NewReader(big[:MaxFileSize]),
			"f.toml:1:1: error: format: missing; put format = 1 at the top of the file (this version of Parley reads format 1)\n" +
				"f.toml:1:1: error: scenario: missing; add a [scenario] table with the scenario's title"},
		{"one byte over", strings.NewReader(big[:MaxFileSize] + "\n"),
			"f.toml: error: file is too large: more than 8388608 bytes (the limit is 8 MiB)"},
		{"50 MB", io.LimitReader(zeros{}, 50<<20),
			"f.toml: error: file is too large: more than 8388608 bytes (the limit is 8 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			within(t, 5*time.Second, func() {
				s, err := Load("f.toml", tt.input)
				if s != nil || err == nil {
					t.Fatalf("Load = %v, %v; want an error", s, err)
				}
				if got := err.Error(); got != tt.want {
					t.Errorf("got  %s\nwant %s", got, tt.want)
				}
			})
		})
	}
}

// zeros is an endless reader of NUL bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestReadError: a reader that fails gives that error, wrapped, not Problems.
func TestReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := Load("f.toml", io.MultiReader(strings.NewReader("format = 1\n"), errReader{boom}))
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), "scenario: ") {
		t.Errorf("err = %v", err)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// TestBOM: a byte order mark is skipped and does not shift columns.
func TestBOM(t *testing.T) {
	_, err := Load("f.toml", strings.NewReader("\uFEFFformat = 1\n[scenario]\ntitle = 5\n"))
	if want := "f.toml:3:9: error: scenario.title: expected a string, got an integer"; err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestConformance: every invalid file of the toml-test suite gives an
// error at a line, without panicking. A few are valid for BurntSushi, which
// reads TOML 1.1; they still fail, as they are not scenarios.
func TestConformance(t *testing.T) {
	root := "../../shared/conformance/toml-test/tests/invalid"
	if _, err := os.Stat(root); err != nil {
		t.Skip("no toml-test suite at", root)
	}
	// Invalid in TOML 1.0, valid in TOML 1.1 as BurntSushi v1.6.0 reads it.
	validForBurntSushi := map[string]bool{}
	for _, f := range conformanceExceptions {
		validForBurntSushi[f] = true
	}
	seen := map[string]bool{}
	n := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		n++
		rel, _ := filepath.Rel(root, path)
		s, lerr := loadFile(t, path)
		if lerr == nil {
			t.Errorf("%s: loaded as a scenario", rel)
			return nil
		}
		ps := problemsOf(t, s, lerr)
		if !ps.HasErrors() || ps[0].Line <= 0 {
			t.Errorf("%s: no error at a line: %v", rel, lerr)
		}
		syntax := strings.Contains(lerr.Error(), "TOML syntax") || strings.Contains(lerr.Error(), "UTF-8") ||
			strings.Contains(lerr.Error(), "nested more than")
		if !syntax {
			seen[filepath.ToSlash(rel)] = true
			if !validForBurntSushi[filepath.ToSlash(rel)] {
				t.Errorf("%s: no syntax error, and not a listed exception:\n%v", rel, lerr)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for f := range validForBurntSushi {
		if !seen[f] {
			t.Errorf("%s: listed as valid for BurntSushi but gave a syntax error", f)
		}
	}
	t.Logf("%d invalid files, %d of them valid for BurntSushi", n, len(seen))
}

// conformanceExceptions are the toml-test invalid files that BurntSushi
// v1.6.0 accepts. Load still refuses each (no format, unknown keys), so a
// user sees an error either way; the list is checked both ways, so a
// BurntSushi upgrade that changes it shows here.
var conformanceExceptions = []string{
	// Valid TOML 1.1 (BurntSushi reads 1.1; the suite's invalid set is 1.0):
	// newlines and trailing commas in inline tables, \x escapes, times
	// without seconds.
	"inline-table/linebreak-01.toml",
	"inline-table/linebreak-02.toml",
	"inline-table/linebreak-03.toml",
	"inline-table/linebreak-04.toml",
	"inline-table/trailing-comma.toml",
	"string/basic-byte-escapes.toml",
	"datetime/no-secs.toml",
	"local-datetime/no-secs.toml",
	"local-time/no-secs.toml",
	// Invalid in every TOML version, accepted by BurntSushi: tables
	// extended or redefined through dotted keys, inline tables extended,
	// an array of tables extended by a [table], two byte order marks, a
	// time offset of 60 minutes.
	"array/extend-defined-aot.toml",
	"datetime/offset-overflow-minute.toml",
	"encoding/bom-not-at-start-02.toml",
	"encoding/bom-not-at-start-03.toml",
	"inline-table/duplicate-key-03.toml",
	"inline-table/overwrite-02.toml",
	"inline-table/overwrite-08.toml",
	"spec-1.0.0/inline-table-2-0.toml",
	"spec-1.0.0/table-9-1.toml",
	"spec-1.1.0/common-46-1.toml",
	"spec-1.1.0/common-49-0.toml",
	"table/append-with-dotted-keys-01.toml",
	"table/append-with-dotted-keys-02.toml",
	"table/append-with-dotted-keys-03.toml",
	"table/append-with-dotted-keys-05.toml",
	"table/append-with-dotted-keys-08.toml",
	"table/duplicate-key-04.toml",
	"table/duplicate-key-05.toml",
	"table/redefine-02.toml",
	"table/redefine-03.toml",
}
