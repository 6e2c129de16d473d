package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxFileSize is the largest scenario file Load reads, in bytes (8 MiB). A
// real scenario is a few hundred kilobytes at most; the limit keeps a wrong
// file (a log, a database dump) from freezing the app.
const MaxFileSize = 8 << 20

// MaxNesting is the deepest nesting of arrays and inline tables Load accepts.
// A scenario needs three levels (variants.seats[].claimed_by); the limit is
// there because the TOML parser recurses once per level (see tooDeep).
const MaxNesting = 32

// maxProblems caps the problems collected from one file, so that a huge
// wrong file (a million bad array elements) cannot exhaust memory.
const maxProblems = 1000

// suggestionBudget bounds the edit distances one Load computes for "did you
// mean": a hostile file with 100,000 ids and 1,000 unknown references would
// otherwise spend minutes on them. Real files stay far below it.
const suggestionBudget = 1 << 18

// Load reads a scenario file. name is used in problem positions. On success
// it returns the scenario with Name set and its warnings, sorted, in
// Warnings. When the file has any error it returns a nil scenario and a
// Problems error holding every problem found (errors and warnings) sorted by
// position. When r cannot be read it returns that error, wrapped.
func Load(name string, r io.Reader) (s *Scenario, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("scenario: read %s: %w", name, err)
	}
	l := &loader{name: name, src: bytes.TrimPrefix(data, []byte("\uFEFF")), broken: map[string]bool{}, suggestions: suggestionBudget}
	defer func() {
		// A safety net: a bug must show as a problem, not crash the app.
		// FuzzLoad fails on any "internal error", so bugs are still found.
		if v := recover(); v != nil {
			s, err = nil, Problems{{File: name, Message: fmt.Sprintf("internal error: %v (please report this)", v)}}
		}
	}()
	sc := l.load()
	ps := l.problems()
	if ps.HasErrors() {
		return nil, ps
	}
	sc.Name, sc.Warnings = name, ps
	return sc, nil
}

// loader holds the state of one Load: the text and the problems so far.
type loader struct {
	name     string
	src      []byte
	pending  []pending
	overflow bool
	// broken holds the top-level collections that could not be decoded at
	// all (say actors = "x"); references into them are not checked, since
	// every one would be reported as unknown.
	broken map[string]bool
	// mistyped is set when any value had the wrong type: a reference that
	// could not be read makes "never referred to" warnings unreliable.
	mistyped bool
	// suggestions is how many more ids "did you mean" may compare with.
	suggestions int
}

// where says which position of a key path a problem is reported at.
type where int

const (
	atValue  where = iota // the value (for a table or element: its header or "{")
	atKey                 // the key
	atParent              // the enclosing table's header or "{" (for a missing key)
	atFixed               // pending.fixed, found before there was a tree (Line 0: the whole file)
)

// pending is a problem whose position is not looked up yet: positions are
// found in one pass over the text at the end, for just the paths named.
type pending struct {
	sev  Severity
	path string
	at   where
	msg  string
	// When ref is set the message is msg + "line N" + tail, N being the line
	// of the key path ref ("duplicate id (first defined at line 12)").
	ref, tail string
	fixed     pos
}

// full reports whether no more problems are kept (and remembers to say so).
func (l *loader) full() bool {
	if len(l.pending) >= maxProblems {
		l.overflow = true
	}
	return l.overflow
}

func (l *loader) add(p pending) {
	if !l.full() {
		l.pending = append(l.pending, p)
	}
}

func (l *loader) errorf(at where, path, format string, args ...any) {
	if !l.full() { // don't format what would be dropped
		l.add(pending{sev: Error, path: path, at: at, msg: fmt.Sprintf(format, args...)})
	}
}

func (l *loader) warnf(at where, path, format string, args ...any) {
	if !l.full() {
		l.add(pending{sev: Warning, path: path, at: at, msg: fmt.Sprintf(format, args...)})
	}
}

// errorRef reports msg + "line N" + tail, N being where path ref is.
func (l *loader) errorRef(at where, path, ref, msg, tail string) {
	l.add(pending{sev: Error, path: path, at: at, msg: msg, ref: ref, tail: tail})
}

// suggest is closest(s, candidates) while the suggestion budget lasts.
func (l *loader) suggest(s string, candidates []string) string {
	if l.suggestions < len(candidates) {
		return ""
	}
	l.suggestions -= len(candidates)
	return closest(s, candidates)
}

// fileProblem is a problem of the whole file, with no position.
func (l *loader) fileProblem(format string, args ...any) {
	l.add(pending{sev: Error, at: atFixed, msg: fmt.Sprintf(format, args...)})
}

// load runs the stages in order; each stage runs only when the text is good
// enough for it.
func (l *loader) load() *Scenario {
	if len(l.src) > MaxFileSize {
		l.fileProblem("file is too large: more than %d bytes (the limit is %d MiB)", MaxFileSize, MaxFileSize>>20)
		return nil
	}
	if len(bytes.Trim(l.src, " \t\r\n")) == 0 { // TOML's blanks only: a lone form feed is a syntax error
		l.fileProblem("empty file: a scenario starts with format = %d (see docs/format.md)", FormatVersion)
		return nil
	}
	if !utf8.Valid(l.src) {
		i := firstInvalidUTF8(l.src)
		l.syntaxProblem(i, fmt.Sprintf("invalid UTF-8 (byte 0x%02x): a scenario file must be UTF-8 text", l.src[i]))
		return nil
	}
	if p, deep := tooDeep(l.src, MaxNesting); deep {
		l.add(pending{sev: Error, at: atFixed, fixed: p,
			msg: fmt.Sprintf("arrays and inline tables nested more than %d deep (the limit; a scenario needs 3)", MaxNesting)})
		return nil
	}
	var tree map[string]any
	if _, err := toml.Decode(string(l.src), &tree); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			offset, msg := explainSyntax(l.src, pe)
			l.syntaxProblem(offset, "TOML syntax: "+msg)
		} else {
			l.fileProblem("TOML syntax: %v", err)
		}
		return nil
	}
	// BurntSushi's own typed decoding would stop at the first error and
	// cannot say which [[actors]] element a problem is in, so the generic
	// tree is converted here, collecting every problem with its key path.
	s := new(Scenario)
	l.decodeRoot(tree, s)
	l.validate(s)
	return s
}

// explainSyntax turns BurntSushi's message for two common mistakes into one
// that says where the mistake is and how to mend it; others are kept as
// they are, at the culprit's position.
func explainSyntax(src []byte, pe toml.ParseError) (offset int, msg string) {
	offset, msg = culprit(src, pe), pe.Message
	switch {
	case strings.Contains(msg, "was already created and cannot be used as an array"):
		// "[seats]" then "[[seats]]": the mistake is the single bracket,
		// earlier in the file.
		key, _, _ := strings.Cut(strings.TrimPrefix(msg, "Key '"), "'")
		if i := tableHeader(src, key); key != "" && i >= 0 {
			return i, fmt.Sprintf("[%s] (one bracket) makes a single table, so the [[%s]] entries after it cannot join it: write [[%s]] here too", key, key, key)
		}
	case strings.Contains(msg, "invalid datetime"):
		msg += ": a date must exist (2015-02-28, not 2015-02-30); for a month or year alone, or an approximate date, use a string: \"2015-02\", \"~2015-02-28\""
	}
	return offset, msg
}

// tableHeader is the offset of the first "[key]" header line, or -1.
func tableHeader(src []byte, key string) int {
	at := 0
	for _, line := range strings.SplitAfter(string(src), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "[[") {
			name, _, _ := strings.Cut(strings.TrimPrefix(t, "["), "]")
			if strings.TrimSpace(name) == key {
				return at + strings.Index(line, "[")
			}
		}
		at += len(line)
	}
	return -1
}

// culprit is the byte offset a TOML syntax error is reported at. BurntSushi's
// span may start on the blanks before the culprit, and for a control
// character in a string or comment it starts one byte early; at the very
// start of the text it can be -1.
func culprit(src []byte, pe toml.ParseError) int {
	start := min(max(pe.Position.Start, 0), len(src))
	if strings.Contains(pe.Message, "control character") {
		for i := start; i < len(src) && i <= start+1; i++ {
			if b := src[i]; b < 0x20 && b != '\t' && b != '\n' || b == 0x7f {
				return i
			}
		}
		return start
	}
	end := min(start+pe.Position.Len, len(src))
	for start+1 < end && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	return start
}

// syntaxProblem reports a problem at a byte offset of the text.
func (l *loader) syntaxProblem(offset int, msg string) {
	l.add(pending{sev: Error, at: atFixed, fixed: offsetPos(l.src, offset), msg: msg})
}

// offsetPos is the line and column (in runes) of a byte offset.
func offsetPos(src []byte, offset int) pos {
	offset = min(max(offset, 0), len(src))
	before := src[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	col := 1
	for _, b := range before[lineStart:] {
		if b&0xC0 != 0x80 { // count rune starts, even in invalid UTF-8
			col++
		}
	}
	return pos{line, col}
}

// firstInvalidUTF8 is the offset of the first byte that is not UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// problems looks up the positions of the pending problems and returns them
// sorted.
func (l *loader) problems() Problems {
	want := map[string]bool{}
	for _, p := range l.pending {
		if p.at == atFixed {
			continue
		}
		for q := p.path; ; q = parentPath(q) {
			want[q] = true
			if q == "" {
				break
			}
		}
		if p.ref != "" {
			want[p.ref] = true
		}
	}
	var idx map[string]keyVal
	if len(want) > 0 {
		idx = indexPositions(l.src, func(path string) bool { return want[path] })
	}
	ps := make(Problems, 0, len(l.pending)+1)
	for _, p := range l.pending {
		at := l.locate(idx, p)
		msg := p.msg
		if p.ref != "" {
			if kv, ok := idx[p.ref]; ok {
				msg += fmt.Sprintf("line %d", kv.Val.Line)
			} else {
				msg += p.ref
			}
			msg += p.tail
		}
		ps = append(ps, Problem{File: l.name, Line: at.Line, Col: at.Col, Severity: p.sev, Path: p.path, Message: msg})
	}
	if l.overflow {
		ps = append(ps, Problem{File: l.name, Severity: Error,
			Message: fmt.Sprintf("too many problems: only the first %d are shown", maxProblems)})
	}
	ps.Sort()
	return ps
}

// locate is where a problem is reported: its own key or value, else the
// nearest enclosing table found in the text, else line 1.
func (l *loader) locate(idx map[string]keyVal, p pending) pos {
	if p.at == atFixed {
		return p.fixed
	}
	q := p.path
	if p.at == atParent {
		q = parentPath(q)
	}
	if kv, ok := idx[q]; ok {
		if p.at == atKey {
			return kv.Key
		}
		return kv.Val
	}
	for q != "" {
		q = parentPath(q)
		if kv, ok := idx[q]; ok {
			return kv.Val
		}
	}
	return pos{1, 1} // the top-level table starts the file
}
