package scenario

import (
	"bytes"
	"cmp"
	"container/heap"
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
// there because the TOML parser recurses once per level (see shapeScan.container).
const MaxNesting = 32

// maxProblems is how many problems Load reports: the first ones in file
// order, then a line saying how many more there are. A huge wrong file (a
// hundred thousand bad elements) would otherwise bury the first mistakes.
const maxProblems = 1000

// suggestionBudget bounds the work one Load spends on "did you mean", in
// candidates looked at plus edit-distance cells computed: a hostile file
// with 75,000 ids and as many unknown references would otherwise spend
// minutes on them. Real files stay far below it.
const suggestionBudget = 1 << 22

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
	l := &loader{name: name, src: bytes.TrimPrefix(data, []byte("\uFEFF")), broken: map[string]bool{}, loose: map[string]bool{}, suggestions: suggestionBudget}
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
	name    string
	src     []byte
	pending []pending
	// Once more than maxProblems are found, only the first maxProblems in
	// file order are kept: idx then holds the position of every key path
	// (the limits keep it small), each new problem is placed at once, and
	// pending is a heap with the last kept problem on top.
	idx                   map[string]keyVal
	dropped, droppedError int // problems found past the kept ones, and how many of them are errors
	// broken holds the paths whose value could not be decoded (say actors
	// = "x"), or that are probably misspelled elsewhere in their table
	// (sorces for sources): references into them and checks of their
	// absence would only repeat that problem.
	broken map[string]bool
	// loose holds ids written where they could not be read as references
	// (a misspelled key's value, a value of the wrong type, an unknown id
	// that looks like a typo of an existing one): the "never referred to"
	// warnings leave them out, since the user meant to refer to them.
	loose map[string]bool
	// suggestions is how much more work "did you mean" may do.
	suggestions int
	paths       int // about how many key paths the text has
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
	// When ref is set the message is msg + "N:C" + tail, N:C being where
	// the key path ref is ("duplicate id (first defined at 12:7)").
	ref, tail string
	fixed     pos
}

func (l *loader) add(p pending) {
	p.msg = shorten(p.msg)
	if l.idx == nil {
		l.pending = append(l.pending, p)
		if len(l.pending) > maxProblems {
			l.keepFirst()
		}
		return
	}
	l.place(&p)
	if !l.before(p, l.pending[0]) {
		l.drop(p.sev)
		return
	}
	l.drop(l.pending[0].sev)
	l.pending[0] = p
	heap.Fix((*problemHeap)(&l.pending), 0)
}

// maxQuoted and maxMessage bound what a message repeats of the file: an
// id of a megabyte would otherwise make a message of a megabyte.
const (
	maxQuoted  = 200 // longer than any message's own words between two quotes
	keepQuoted = 70
	maxMessage = 2000
)

// shorten cuts each quoted text in msg longer than maxQuoted bytes to
// keepQuoted, and msg itself past maxMessage, marking each cut with "…".
func shorten(msg string) string {
	if len(msg) <= maxQuoted {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '"')
		if i < 0 {
			b.WriteString(msg)
			break
		}
		j := i + 1
		for j < len(msg) && msg[j] != '"' {
			if msg[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(msg) {
			b.WriteString(msg)
			break
		}
		b.WriteString(msg[:i+1])
		if inner := msg[i+1 : j]; len(inner) > maxQuoted {
			b.WriteString(cutRunes(inner, keepQuoted) + "…")
		} else {
			b.WriteString(inner)
		}
		b.WriteByte('"')
		msg = msg[j+1:]
	}
	if out := b.String(); len(out) > maxMessage {
		return cutRunes(out, maxMessage) + "…"
	} else {
		return out
	}
}

// cutRunes is the longest start of s of at most n bytes that ends between
// two runes.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// keepFirst switches to keeping only the first maxProblems problems.
func (l *loader) keepFirst() {
	l.idx = scanSized(l.src, nil, l.paths).out
	for i := range l.pending {
		l.place(&l.pending[i])
	}
	h := (*problemHeap)(&l.pending)
	heap.Init(h)
	for h.Len() > maxProblems {
		l.drop(heap.Pop(h).(pending).sev)
	}
}

func (l *loader) drop(sev Severity) {
	l.dropped++
	if sev == Error {
		l.droppedError++
	}
}

// skip reports, once only the first problems are kept, that a problem at
// path would come after all of them, so that it need not be formatted;
// it counts it as dropped.
func (l *loader) skip(sev Severity, at where, path string) bool {
	if l.idx == nil {
		return false
	}
	p := pending{sev: sev, at: at, path: path}
	if q := l.pending[0]; comparePos(l.locate(l.idx, p), q.fixed) > 0 {
		l.drop(sev)
		return true
	}
	return false
}

// place looks up p's position and completes its message.
func (l *loader) place(p *pending) {
	p.fixed = l.locate(l.idx, *p)
	p.msg = l.message(l.idx, *p)
	p.at, p.ref, p.tail = atFixed, "", ""
}

// before reports whether placed problem a sorts before b.
func (l *loader) before(a, b pending) bool { return comparePending(a, b) < 0 }

func comparePos(a, b pos) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) }

func comparePending(a, b pending) int {
	return cmp.Or(comparePos(a.fixed, b.fixed), cmp.Compare(a.sev, b.sev), cmp.Compare(a.path, b.path), cmp.Compare(a.msg, b.msg))
}

// problemHeap keeps placed problems with the last one in file order on top.
type problemHeap []pending

func (h problemHeap) Len() int           { return len(h) }
func (h problemHeap) Less(i, j int) bool { return comparePending(h[i], h[j]) > 0 }
func (h problemHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *problemHeap) Push(x any)        { *h = append(*h, x.(pending)) }
func (h *problemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (l *loader) errorf(at where, path, format string, args ...any) {
	if !l.skip(Error, at, path) { // don't format what would be dropped
		l.add(pending{sev: Error, path: path, at: at, msg: fmt.Sprintf(format, args...)})
	}
}

func (l *loader) warnf(at where, path, format string, args ...any) {
	if !l.skip(Warning, at, path) {
		l.add(pending{sev: Warning, path: path, at: at, msg: fmt.Sprintf(format, args...)})
	}
}

// errorRef reports msg + "N:C" + tail, N:C being where path ref is.
func (l *loader) errorRef(at where, path, ref, msg, tail string) {
	l.add(pending{sev: Error, path: path, at: at, msg: msg, ref: ref, tail: tail})
}

// suggest is closest(s, candidates) while the suggestion budget lasts.
func (l *loader) suggest(s string, candidates []string) string {
	if l.suggestions <= 0 {
		return ""
	}
	c, cost := closestCost(s, candidates)
	l.suggestions -= cost
	return c
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
	at, msg, paths, ok := checkShapeCount(l.src, fileLimits)
	l.paths = paths
	if !ok && checkLimits {
		l.add(pending{sev: Error, at: atFixed, fixed: at, msg: msg})
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
// sorted, with a last line saying how many more there are, if any.
func (l *loader) problems() Problems {
	idx := l.idx
	if idx == nil {
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
		if len(want) > 0 {
			idx = indexPositions(l.src, func(path string) bool { return want[path] })
		}
	}
	ps := make(Problems, 0, len(l.pending)+1)
	for _, p := range l.pending {
		at := l.locate(idx, p)
		ps = append(ps, Problem{File: l.name, Line: at.Line, Col: at.Col, Severity: p.sev, Path: p.path, Message: l.message(idx, p)})
	}
	ps.Sort()
	if l.dropped > 0 {
		sev := Warning
		if l.droppedError > 0 {
			sev = Error
		}
		ps = append(ps, Problem{File: l.name, Severity: sev, Message: fmt.Sprintf(
			"and %s more (%s, %s) not shown: only the first %s, in file order, are listed; fix those first",
			thousands(l.dropped), plural(l.droppedError, "error"), plural(l.dropped-l.droppedError, "warning"), thousands(maxProblems))})
	}
	return ps
}

// message is p's message, with the position of its ref filled in.
func (l *loader) message(idx map[string]keyVal, p pending) string {
	if p.ref == "" {
		return p.msg
	}
	where := p.ref
	if kv, ok := idx[p.ref]; ok {
		where = fmt.Sprintf("%d:%d", kv.Val.Line, kv.Val.Col)
	}
	return p.msg + where + p.tail
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
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

// checkLimits is false only in the tests that measure what the limits save.
var checkLimits = true
