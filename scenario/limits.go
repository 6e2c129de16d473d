package scenario

import "fmt"

// Limits on the shape of a file, checked before the TOML parser sees it.
//
// BurntSushi/toml's cost is not linear in the size of the text: every key
// keeps a copy of its whole path, every part of a dotted key or header makes
// a table, and each table and value costs a few hundred bytes of maps and
// metadata. A 40 KB key of 20,000 parts took over 3 GB; 8 MiB of "[t1]",
// "[t2]" … headers took 12 s and 600 MB. So one linear pass counts what the
// parser would build and refuses the file, at the first thing over a limit,
// before any of it is built. The limits are far above what a scenario needs
// (a generated 1,000-actor scenario has 2,600 tables and 22,000 values; a
// 100,000-line one 11,000 and 95,000) and low enough that any file within
// MaxFileSize loads in well under a second and 200 MB (TestHostileBounded
// measures the worst shapes found).
const (
	// MaxKeyParts is the most parts a dotted key or a header may have
	// (a.b.c is 3). A scenario needs 2 ([[actors.memberships]]).
	MaxKeyParts = 8
	// MaxKeyLength is the longest key part, in bytes. Scenario keys are
	// at most 13 ("remove_tracks").
	MaxKeyLength = 128
	// MaxTables is the most tables a file may make: each header, each
	// inline table and each part of a dotted key but the last.
	MaxTables = 30_000
	// MaxValues is the most values a file may hold: each key = value and
	// each array element.
	MaxValues = 150_000
)

// shapeLimits are the limits shapeScan checks (tests use smaller ones).
type shapeLimits struct{ nesting, keyParts, keyLength, tables, values int }

var fileLimits = shapeLimits{MaxNesting, MaxKeyParts, MaxKeyLength, MaxTables, MaxValues}

// shapeScan walks the text the way the TOML parser will, without building
// anything, and stops at the first limit exceeded. Like the position index
// it assumes valid TOML but stays total on anything: where the text is not
// TOML the parser will stop with a syntax error, at or before the place
// where this scan loses its way, so the counts up to there are what the
// parser can build.
type shapeScan struct {
	cursor
	limits         shapeLimits
	depth          int
	tables, values int
	over           bool
	failAt         pos
	msg            string
}

// checkShape returns the position of the first thing in src over one of
// the limits and a message saying what and what to do; ok is true when
// there is none.
func checkShape(src []byte, lim shapeLimits) (at pos, msg string, ok bool) {
	at, msg, _, ok = checkShapeCount(src, lim)
	return at, msg, ok
}

// checkShapeCount is checkShape that also gives how many key paths the
// text has (tables and values), for sizing the position index.
func checkShapeCount(src []byte, lim shapeLimits) (at pos, msg string, paths int, ok bool) {
	s := &shapeScan{cursor: newCursor(src), limits: lim}
	s.run()
	return s.failAt, s.msg, s.tables + s.values, !s.over
}

func (s *shapeScan) run() {
	for !s.eof() && !s.over {
		s.skipTrivia()
		if s.eof() {
			break
		}
		before := s.i
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue()
		}
		if s.i == before { // not TOML; don't loop
			s.skipLine()
		}
	}
}

func (s *shapeScan) fail(at pos, format string, args ...any) {
	if !s.over {
		s.over, s.failAt, s.msg = true, at, fmt.Sprintf(format, args...)
	}
}

func (s *shapeScan) addTables(n int, at pos) {
	if s.tables += n; s.tables > s.limits.tables {
		s.fail(at, "more than %s tables (headers, inline tables and the parts of dotted keys count): that is the limit for one scenario, "+
			"and a 1,000-actor scenario has about 2,600; split the file into smaller scenarios", thousands(s.limits.tables))
	}
}

func (s *shapeScan) addValue(at pos) {
	if s.values++; s.values > s.limits.values {
		s.fail(at, "more than %s values (each key = value and each array element counts): that is the limit for one scenario, "+
			"and a 1,000-actor scenario has about 22,000; split the file into smaller scenarios", thousands(s.limits.values))
	}
}

// key skips a possibly dotted key and returns how many parts it has.
func (s *shapeScan) key() int {
	parts := 0
	for !s.over {
		s.skipSpace()
		at := s.pos()
		start := s.i
		switch s.peek() {
		case '"', '\'':
			s.skipString()
		default:
			for !s.eof() && isBareKeyByte(s.peek()) {
				s.next()
			}
		}
		if s.i == start {
			return parts
		}
		if parts++; parts > s.limits.keyParts {
			s.fail(at, "a key or header of more than %d parts (a.b.c has 3) is refused; scenario keys have 2 at most: write it with fewer dots",
				s.limits.keyParts)
		}
		if s.i-start > s.limits.keyLength+2 { // +2: the quotes
			s.fail(at, "a key longer than %d bytes is refused; scenario keys are at most 13 letters: shorten it", s.limits.keyLength)
		}
		s.skipSpace()
		if s.peek() != '.' {
			return parts
		}
		s.next()
	}
	return parts
}

// header skips [table] or [[array]] and the rest of its line.
func (s *shapeScan) header() {
	at := s.pos()
	if s.at("[[") {
		s.skip(2)
		s.addValue(at) // an element of its array
	} else {
		s.next()
	}
	if n := s.key(); n > 0 {
		s.addTables(n, at)
	}
	s.skipLine()
}

// keyValue skips key = value.
func (s *shapeScan) keyValue() {
	at := s.pos()
	n := s.key()
	if n == 0 || s.over {
		return
	}
	s.addTables(n-1, at)
	s.addValue(at)
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace()
	s.value()
}

func (s *shapeScan) value() {
	switch s.peek() {
	case '"', '\'':
		s.skipString()
	case '[', '{':
		s.container()
	default: // number, boolean, date-time ("1979-05-27 07:32:00" has a space)
		for !s.eof() && !isValueEnd(s.peek()) {
			s.next()
		}
	}
}

func isValueEnd(b byte) bool {
	switch b {
	case ',', ']', '}', '#', '\r', '\n':
		return true
	}
	return false
}

// container skips an array or an inline table. Nesting is checked here,
// since the TOML parser recurses once per level and a few million levels
// (well inside MaxFileSize) overflow the goroutine stack, a fatal error no
// recover can catch.
func (s *shapeScan) container() {
	at := s.pos()
	table := s.peek() == '{'
	if s.depth++; s.depth > s.limits.nesting {
		s.fail(at, "arrays and inline tables nested more than %d deep (the limit; a scenario needs 3)", s.limits.nesting)
		return
	}
	defer func() { s.depth-- }()
	if table {
		s.addTables(1, at)
	}
	s.next()
	for !s.over {
		s.skipTrivia()
		switch s.peek() {
		case 0, ']', '}':
			s.next()
			return
		case ',':
			s.next()
			continue
		}
		before := s.i
		if table {
			s.keyValue()
		} else {
			s.addValue(s.pos())
			s.value()
		}
		if s.i == before {
			s.next()
		}
	}
}

// thousands writes n with commas: 100,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
