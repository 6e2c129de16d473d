package scenario

import (
	"fmt"
	"strings"
	"testing"
)

func TestScanSectionsSpans(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// Trailing comments and blanks go with the next header.
		{"a = 1\n[x]\nb = 2\n\n# about y\n[[y]]\n# only a comment\n", "[x]1-3 [[y]]5-6"},
		// A multi-line string or array ends on its closing line, even one
		// that starts with '#'.
		{"[x]\ns = \"\"\"\n[[y]]\n#tag\"\"\"\n# c\n[z]\n", "[x]0-4 [z]5-6"},
		{"[x]\na = [\n  1, # ]\n  \"]\",\n]\n\n[x.y]\n'q.r' = { a = [1] }\n", "[x]0-5 [x.y]6-8"},
		// Unclosed at the end, or an unreadable header: not followed.
		{"[x]\ns = '''\nabc\n", "!ok"},
		{"[x]\na = [1,\n", "!ok"},
		{"[x\n", "!ok"},
		{"[[x]\n", "!ok"},
	} {
		secs, ok := scanSections(splitLines([]byte(c.text)))
		var parts []string
		for _, s := range secs {
			f := "[%s]%d-%d"
			if s.array {
				f = "[[%s]]%d-%d"
			}
			parts = append(parts, fmt.Sprintf(f, strings.Join(s.name, "."), s.start, s.end))
		}
		got := strings.Join(parts, " ")
		if !ok {
			got = "!ok"
		}
		if got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

// FuzzScanSections checks that scanSections stays total and that the
// sections it reports as followed lie within the text.
func FuzzScanSections(f *testing.F) {
	f.Add([]byte(encodeSample))
	f.Add([]byte("[x]\nk\"\\\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := splitLines(data)
		secs, ok := scanSections(lines)
		if !ok {
			return
		}
		for _, s := range secs {
			if len(s.name) == 0 || s.start < 0 || s.end <= s.start || s.end > len(lines) {
				t.Fatalf("section %v of %d lines in %q", s, len(lines), data)
			}
		}
	})
}
