package scenario

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad: Load never panics; a scenario comes with warnings only; every
// problem has a line, except those about the whole file.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.toml")
	examples, _ := filepath.Glob("../examples/*.toml")
	for _, path := range append(seeds, examples...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(resolveBase))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load("fuzz.toml", bytes.NewReader(data))
		if err == nil {
			if s == nil || s.Warnings.HasErrors() {
				t.Fatalf("Load = %v, nil; want a scenario with warnings only", s)
			}
			checkProblems(t, s.Warnings)
			// Every variant on as_of and on every day the file names (a
			// few), and compared with the base: no panic, no error.
			days := []Date{{}}
			for i, m := range s.Marks() {
				if i < 8 {
					days = append(days, m.Date)
				}
			}
			for _, d := range days {
				base, err := s.Resolve("", d)
				if err != nil {
					t.Fatalf("Resolve(\"\", %v): %v", d, err)
				}
				for _, v := range s.Variants {
					p, err := s.Resolve(v.ID, d)
					if err != nil {
						t.Fatalf("Resolve(%q, %v): %v", v.ID, d, err)
					}
					Diff(base, p)
				}
			}
			return
		}
		var ps Problems
		if s != nil || !errors.As(err, &ps) || !ps.HasErrors() {
			t.Fatalf("Load = %v, %v; want nil and Problems with an error", s, err)
		}
		checkProblems(t, ps)
	})
}

func checkProblems(t *testing.T, ps Problems) {
	t.Helper()
	for i, p := range ps {
		if strings.Contains(p.Message, "internal error") {
			t.Fatal(p)
		}
		more := i == len(ps)-1 && strings.HasPrefix(p.Message, "and ") && i == maxProblems
		fileLevel := strings.HasPrefix(p.Message, "empty file") || strings.HasPrefix(p.Message, "file is too large") || more
		if p.Line <= 0 && !fileLevel || p.Col <= 0 && p.Line > 0 {
			t.Fatalf("no position: %v", p)
		}
		if i > 0 && ps[i-1].Line > p.Line && !more {
			t.Fatalf("not sorted: %v before %v", ps[i-1], p)
		}
	}
}
