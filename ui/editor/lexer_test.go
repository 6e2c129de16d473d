package editor

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// spanText writes a line's spans as kind:text, one per span.
func spanText(line string, spans []Span) string {
	var parts []string
	for _, s := range spans {
		if s.Kind == Plain {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s:%q", s.Kind, line[s.Start:s.End]))
	}
	return strings.Join(parts, " ")
}

func TestHighlightGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "tricky.toml"))
	if err != nil {
		t.Fatal(err)
	}
	b := NewBuffer(string(src))
	h := newHighlighter(b)
	var out strings.Builder
	for i := 0; i < b.LineCount(); i++ {
		fmt.Fprintf(&out, "%d: %s\n", i+1, spanText(b.Line(i), h.spans(i)))
	}
	golden := filepath.Join("testdata", "tricky.spans")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if out.String() != string(want) {
		t.Errorf("spans differ from %s (go test -update rewrites it):\n%s", golden, out.String())
	}
}

// checkSpans checks that spans are in order, inside the line and on rune
// boundaries.
func checkSpans(t testing.TB, line string, spans []Span) {
	end := 0
	for _, s := range spans {
		if s.Start < end || s.End <= s.Start || s.End > len(line) {
			t.Fatalf("bad span %+v in %q", s, line)
		}
		end = s.End
	}
}

// fullLex lexes the whole text from the start.
func fullLex(b *Buffer) [][]Span {
	st := startState
	var out [][]Span
	for i := 0; i < b.LineCount(); i++ {
		var sp []Span
		sp, st = lexLine(b.Line(i), st, nil)
		out = append(out, sp)
	}
	return out
}

func FuzzLexer(f *testing.F) {
	src, _ := os.ReadFile(filepath.Join("testdata", "tricky.toml"))
	f.Add(string(src), 3, 5, 2, "\"\"\"\n")
	f.Add("a = [\n1,\n]\n", 0, 0, 1, "'''")
	f.Add("x = 1\ny = 2", 1, 0, 0, "[")
	f.Fuzz(func(t *testing.T, text string, line, col, n int, insert string) {
		b := NewBuffer(text)
		h := newHighlighter(b)
		// lex some of it, then edit, then compare with a fresh lex
		for i := 0; i < b.LineCount(); i += 2 {
			checkSpans(t, b.Line(i), h.spans(i))
		}
		a := b.Clamp(Pos{line, col})
		z := b.Clamp(Pos{a.Line + n%3, col + n})
		a, z = order(a, z)
		e := b.Replace(a, z, insert)
		h.edited(e.Start.Line, e.End.Line-e.Start.Line+1, e.NewEnd().Line-e.Start.Line+1, e.Start.Line+2)
		want := fullLex(b)
		for i := b.LineCount() - 1; i >= 0; i-- { // from the end: exercises ensure
			got := h.spans(i)
			if fmt.Sprint(got) != fmt.Sprint(want[i]) {
				t.Fatalf("line %d: incremental %v, full %v", i, got, want[i])
			}
		}
		if b.Text() != strings.ReplaceAll(b.Text(), "\r\n", "\n") && !b.crlf {
			t.Skip()
		}
	})
}
