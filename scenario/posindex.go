package scenario

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The position index maps key paths ("actors[3].memberships[1].of",
// "tracks[2].sources[1]") to where their key and value start in the text.
//
// BurntSushi reports positions only for syntax errors; its MetaData keeps one
// key per table path, so all [[actors]] elements collapse into "actors" and
// there is no position for an unknown key, a wrong type or a dangling
// reference in the third actor. So after BurntSushi has accepted the text we
// scan it again, here, with a small lexer that knows just enough TOML to walk
// keys, headers and values. The scanner assumes valid TOML, but must stay
// total (no panic, no endless loop) on anything. Edit uses the same scan to
// find the lines of each table and array-of-tables entry (scanSections).

// pos is a 1-based line and column; columns count characters (runes), not
// bytes, so they match what an editor shows.
type pos struct{ Line, Col int }

// keyVal is where a key path's key and its value start. For a [[table]]
// element both are the header's position; for an array element or an inline
// table element, both are the value's position.
type keyVal struct{ Key, Val pos }

// cursor walks the text, keeping the line and column of the current byte.
type cursor struct {
	src       []byte
	i         int
	line, col int
	bad       bool // ended inside a string, array or inline table, or met an unreadable header
}

func newCursor(src []byte) cursor { return cursor{src: src, line: 1, col: 1} }

func (c *cursor) eof() bool { return c.i >= len(c.src) }

// peek is the current byte, or 0 at the end.
func (c *cursor) peek() byte {
	if c.i < len(c.src) {
		return c.src[c.i]
	}
	return 0
}

func (c *cursor) at(s string) bool {
	return len(c.src)-c.i >= len(s) && string(c.src[c.i:c.i+len(s)]) == s
}

func (c *cursor) pos() pos { return pos{c.line, c.col} }

// next moves past one byte. A column is counted at the first byte of each
// rune (continuation bytes are 10xxxxxx).
func (c *cursor) next() {
	if c.i >= len(c.src) {
		return
	}
	b := c.src[c.i]
	c.i++
	switch {
	case b == '\n':
		c.line++
		c.col = 1
	case b&0xC0 != 0x80:
		c.col++
	}
}

func (c *cursor) skip(n int) {
	for ; n > 0; n-- {
		c.next()
	}
}

// skipSpace skips blanks on the current line.
func (c *cursor) skipSpace() {
	for b := c.peek(); b == ' ' || b == '\t'; b = c.peek() {
		c.next()
	}
}

// skipTrivia skips blanks, newlines and comments.
func (c *cursor) skipTrivia() {
	for !c.eof() {
		switch c.peek() {
		case ' ', '\t', '\r', '\n':
			c.next()
		case '#':
			c.skipLine()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (c *cursor) skipLine() {
	for !c.eof() && c.peek() != '\n' {
		c.next()
	}
	c.next()
}

// readString reads a string starting at the current quote and returns its
// raw content (escapes not yet replaced). It stops at the end of the text if
// the string is not closed.
func (c *cursor) readString() string {
	start, end := c.skipString()
	return string(c.src[start:end])
}

// skipString moves past a string starting at the current quote and returns
// where its raw content starts and ends. A single-line string ends at the
// end of its line if it is not closed there; any string ends at the end of
// the text (and sets bad) if it is not closed.
func (c *cursor) skipString() (start, end int) {
	q := c.peek()
	q3 := `"""`
	if q == '\'' {
		q3 = `'''`
	}
	if c.at(q3) {
		c.skip(3)
		start := c.i
		for !c.eof() {
			if q == '"' && c.peek() == '\\' {
				c.skip(2)
				continue
			}
			if c.at(q3) {
				// Up to two more quotes belong to the content: """a""""
				n := 3
				for n < 5 && c.i+n < len(c.src) && c.src[c.i+n] == q {
					n++
				}
				end := c.i + n - 3
				c.skip(n)
				return start, end
			}
			c.next()
		}
		c.bad = true
		return start, len(c.src)
	}
	c.next()
	start = c.i
	for !c.eof() {
		b := c.peek()
		switch {
		case b == q:
			end := c.i
			c.next()
			return start, end
		case b == '\n':
			return start, c.i
		case b == '\\' && q == '"':
			c.next()
		}
		c.next()
	}
	c.bad = true
	return start, len(c.src)
}

// keyPart is one part of a dotted key and where it starts.
type keyPart struct {
	name string
	at   pos
}

// readKey reads a possibly dotted key (a . "b.c" . 'd') into its parts.
func (c *cursor) readKey() []keyPart {
	var parts []keyPart
	for {
		c.skipSpace()
		at := c.pos()
		switch b := c.peek(); {
		case b == '"':
			parts = append(parts, keyPart{unescapeTOML(c.readString()), at})
		case b == '\'':
			parts = append(parts, keyPart{c.readString(), at})
		default:
			start := c.i
			for !c.eof() && isBareKeyByte(c.peek()) {
				c.next()
			}
			if c.i == start {
				return parts
			}
			parts = append(parts, keyPart{string(c.src[start:c.i]), at})
		}
		c.skipSpace()
		if c.peek() != '.' {
			return parts
		}
		c.next()
	}
}

func isBareKeyByte(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b == '-'
}

// unescapeTOML replaces the escapes of a TOML basic string (1.0 and 1.1).
// Bad escapes are kept as written; BurntSushi has refused them already.
func unescapeTOML(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if r, ok := simpleEscapes[s[i]]; ok {
			b.WriteByte(r)
			continue
		}
		width := 0
		switch s[i] {
		case 'x':
			width = 2
		case 'u':
			width = 4
		case 'U':
			width = 8
		}
		if width > 0 && i+1+width <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+1+width], 16, 32); err == nil && utf8.ValidRune(rune(n)) {
				b.WriteRune(rune(n))
				i += width
				continue
			}
		}
		b.WriteByte('\\')
		b.WriteByte(s[i])
	}
	return b.String()
}

var simpleEscapes = map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', 'e': 0x1b, '"': '"', '\\': '\\'}

// indexer records positions and sections while walking the text.
type indexer struct {
	cursor
	want  func(path string) bool // nil: record every path
	out   map[string]keyVal
	count map[string]int // elements so far of each array of tables
	secs  []section
}

// section is a run of lines under one header: from the header to the last
// line with content before the next header (comment lines and blank lines
// just before the next header belong to what follows).
type section struct {
	name       []string  // header key path
	array      bool      // [[...]] rather than [...]
	start, end int       // 0-based line indexes, end exclusive
	keys       []keySpan // its key = value lines, in order
}

// keySpan is where one key = value of a section is: its first and last
// line (0-based), and what follows the value on its last line (blanks and
// a comment, if any).
type keySpan struct {
	name        string // the key; "" for a dotted key
	first, last int
	tail        string
}

// indexPositions scans valid TOML and returns the positions of the key paths
// for which want returns true (all of them when want is nil). Only the first
// position of a path is kept: a table opened by dotted keys or by a deeper
// header keeps where it first appears.
func indexPositions(src []byte, want func(string) bool) map[string]keyVal {
	return scan(src, want).out
}

// scanSections finds the headers of a TOML text split by splitLines and the
// section of lines each one opens. ok is false when the text is not TOML it
// can follow (see cursor.bad).
func scanSections(lines []string) (secs []section, ok bool) {
	x := scan([]byte(strings.Join(lines, "")), func(string) bool { return false }) // no positions needed
	return x.secs, !x.bad
}

// scan walks the text once, for both indexPositions and scanSections.
func scan(src []byte, want func(string) bool) *indexer { return scanSized(src, want, 0) }

// scanSized is scan with room for size positions.
func scanSized(src []byte, want func(string) bool, size int) *indexer {
	x := &indexer{cursor: newCursor(src), want: want, out: make(map[string]keyVal, size), count: map[string]int{}}
	table := ""
	for {
		x.skipTrivia()
		if x.eof() {
			return x
		}
		before := x.i
		if x.peek() == '[' {
			table = x.header()
		} else {
			first := x.line - 1
			parts := x.keyValue(table)
			if len(x.secs) > 0 {
				// A value ends on its last line: multi-line ones too.
				sec := &x.secs[len(x.secs)-1]
				sec.end = x.line
				k := keySpan{first: first, last: x.line - 1, tail: x.restOfLine()}
				if len(parts) == 1 {
					k.name = parts[0].name
				}
				sec.keys = append(sec.keys, k)
			}
		}
		if x.i == before { // not TOML; don't loop
			x.skipLine()
		}
	}
}

func (x *indexer) record(path string, k, v pos) {
	if x.want != nil && !x.want(path) {
		return
	}
	if _, ok := x.out[path]; !ok {
		x.out[path] = keyVal{k, v}
	}
}

// header reads [table] or [[array]] and returns the path of the table it
// opens. Earlier parts that name an array of tables mean its last element.
func (x *indexer) header() string {
	p := x.pos()
	array := x.at("[[")
	if array {
		x.skip(2)
	} else {
		x.next()
	}
	parts := x.readKey()
	if len(parts) == 0 || !x.at("]") || array && !x.at("]]") {
		x.bad = true
	}
	x.skipLine() // the closing brackets and any comment
	path := ""
	var name []string
	for i, part := range parts {
		name = append(name, part.name)
		path = joinKey(path, part.name)
		x.record(path, p, p)
		if n := x.count[path]; n > 0 && (i < len(parts)-1 || !array) {
			path = elemPath(path, n)
		}
	}
	if array {
		x.count[path]++
		path = elemPath(path, x.count[path])
		x.record(path, p, p)
	}
	x.secs = append(x.secs, section{name: name, array: array, start: p.Line - 1, end: p.Line})
	return path
}

// keyValue reads key = value inside the table at path table. Each part of
// a dotted key is recorded where that part is written, so that for
// scenario.titel = "x" the unknown key is "titel", not "scenario".
func (x *indexer) keyValue(table string) []keyPart {
	parts := x.readKey()
	if len(parts) == 0 {
		return nil
	}
	path := table
	for i, part := range parts {
		path = joinKey(path, part.name)
		if i < len(parts)-1 {
			x.record(path, part.at, part.at)
		}
	}
	x.skipSpace()
	if x.peek() != '=' {
		return parts
	}
	x.next()
	x.skipSpace()
	x.value(path, parts[len(parts)-1].at)
	return parts
}

// restOfLine is the text from the cursor to the end of its line.
func (c *cursor) restOfLine() string {
	end := c.i
	for end < len(c.src) && c.src[end] != '\n' {
		end++
	}
	return string(c.src[c.i:end])
}

// value reads one value of any kind; k is where its key starts.
func (x *indexer) value(path string, k pos) {
	x.record(path, k, x.pos())
	switch x.peek() {
	case '"', '\'':
		x.readString()
	case '[':
		x.array(path)
	case '{':
		x.inlineTable(path)
	default: // number, boolean, date-time ("1979-05-27 07:32:00" has a space)
		for !x.eof() && !strings.ContainsRune(",]}#\r\n", rune(x.peek())) {
			x.next()
		}
	}
}

func (x *indexer) array(path string) {
	x.next()
	n := 0
	for {
		x.skipTrivia()
		switch x.peek() {
		case 0, ']', '}':
			x.bad = x.bad || x.eof()
			x.next()
			return
		case ',':
			x.next()
			continue
		}
		n++
		before := x.i
		x.value(elemPath(path, n), x.pos())
		if x.i == before {
			x.next()
		}
	}
}

func (x *indexer) inlineTable(path string) {
	x.next()
	for {
		x.skipTrivia()
		switch x.peek() {
		case 0, '}', ']':
			x.bad = x.bad || x.eof()
			x.next()
			return
		case ',':
			x.next()
			continue
		}
		before := x.i
		x.keyValue(path)
		if x.i == before {
			x.next()
		}
	}
}
