package editor

// (Over 500 lines: the lexer's cases and the value classifiers read best
// together.)
//
// A TOML lexer that works one line at a time: lexLine takes the state at
// the start of a line (inside a multi-line string? how deep in arrays and
// inline tables?) and returns the line's spans and the state at its end,
// so that an edit re-lexes from its line only until the state at a line
// start is what it was before.

// Kind is the kind of a highlighted span.
type Kind uint8

// The kinds of span.
const (
	Plain   Kind = iota // text with no kind: spaces, unrecognised input
	Key                 // a key: bare, quoted or a part of a dotted key
	Table               // a [table] or [[array of tables]] header
	String              // a string of any of the four kinds
	Escape              // an escape sequence inside a basic string
	Number              // an integer or float, inf and nan included
	Bool                // true or false
	Date                // an offset or local date-time, date or time
	Comment             // from # to the end of the line
	Punct               // = . , [ ] { }
	Invalid             // a value that is none of the above
)

var kindNames = [...]string{"plain", "key", "table", "string", "escape", "number", "bool", "date", "comment", "punct", "invalid"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Span is a run of one kind: bytes Start to End of its line.
type Span struct {
	Start, End int
	Kind       Kind
}

// The string a line starts inside of.
const (
	inNone     = iota
	inBasic    // """ … """
	inLiteral  // ''' … '''
	maxNesting = 64
)

// lexState is what the lexer knows at a line start. It is comparable: two
// equal states lex the rest of the text alike.
type lexState struct {
	str   uint8  // inNone, inBasic or inLiteral
	depth uint8  // open arrays and inline tables
	nest  uint64 // bit i set: level i is an inline table, else an array
	key   bool   // a key is expected next (else a value)
}

var startState = lexState{key: true}

func (s *lexState) push(table bool) {
	if s.depth < maxNesting {
		if table {
			s.nest |= 1 << s.depth
		} else {
			s.nest &^= 1 << s.depth
		}
	}
	s.depth++
}

// inTable reports whether the innermost open bracket is an inline table.
func (s *lexState) inTable() bool {
	return s.depth > 0 && s.depth <= maxNesting && s.nest&(1<<(s.depth-1)) != 0
}

func (s *lexState) pop() {
	if s.depth > 0 {
		s.depth--
	}
}

type lexer struct {
	line  string
	i     int
	spans []Span
	st    lexState
}

func (l *lexer) emit(start int, k Kind) {
	if l.i <= start {
		return
	}
	if n := len(l.spans); n > 0 && l.spans[n-1].Kind == k && l.spans[n-1].End == start && k != Punct {
		l.spans[n-1].End = l.i
		return
	}
	l.spans = append(l.spans, Span{start, l.i, k})
}

// lexLine lexes one line (without its line end) from state st.
func lexLine(line string, st lexState, spans []Span) ([]Span, lexState) {
	l := lexer{line: line, st: st, spans: spans[:0]}
	switch l.st.str {
	case inBasic:
		l.multiBasic(0)
	case inLiteral:
		l.multiLiteral(0)
	}
	for l.i < len(l.line) {
		l.next()
	}
	if l.st.str == inNone && l.st.depth == 0 {
		l.st.key = true // a key/value pair ends with its line
	}
	return l.spans, l.st
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func isValueChar(c byte) bool {
	return isBare(c) || c == '+' || c == '.' || c == ':'
}

func (l *lexer) next() {
	c := l.line[l.i]
	start := l.i
	switch {
	case c == ' ' || c == '\t' || c == '\r':
		l.i++
	case c == '#':
		l.i = len(l.line)
		l.emit(start, Comment)
	case l.st.key && l.st.depth == 0 && c == '[' && l.onlySpaceBefore(start):
		l.header()
	case c == '"':
		l.basic()
	case c == '\'':
		l.literal()
	case c == '=':
		l.i++
		l.emit(start, Punct)
		l.st.key = false
	case c == '.' && l.st.key:
		l.i++
		l.emit(start, Punct)
	case c == ',':
		l.i++
		l.emit(start, Punct)
		l.st.key = l.st.inTable()
	case c == '[':
		l.i++
		l.emit(start, Punct)
		l.st.push(false)
		l.st.key = false
	case c == ']':
		l.i++
		l.emit(start, Punct)
		l.st.pop()
		l.st.key = false
	case c == '{':
		l.i++
		l.emit(start, Punct)
		l.st.push(true)
		l.st.key = true
	case c == '}':
		l.i++
		l.emit(start, Punct)
		l.st.pop()
		l.st.key = false
	case l.st.key && isBare(c):
		for l.i < len(l.line) && isBare(l.line[l.i]) {
			l.i++
		}
		l.emit(start, Key)
	case !l.st.key && isValueChar(c):
		l.value()
	default:
		l.i++
		l.emit(start, Invalid)
	}
}

func (l *lexer) onlySpaceBefore(i int) bool {
	for j := 0; j < i; j++ {
		if c := l.line[j]; c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// header lexes [a.b] or [[a.b]] to its closing brackets.
func (l *lexer) header() {
	start := l.i
	l.i++
	if l.i < len(l.line) && l.line[l.i] == '[' {
		l.i++
	}
	l.emit(start, Table)
	for l.i < len(l.line) {
		c := l.line[l.i]
		s := l.i
		switch {
		case c == ']':
			for l.i < len(l.line) && l.line[l.i] == ']' && l.i-s < 2 {
				l.i++
			}
			l.emit(s, Table)
			return
		case c == '"' || c == '\'':
			l.quotedKey(c, Table)
		case c == '#':
			return
		default:
			l.i++
			if isBare(c) || c == '.' || c == ' ' || c == '\t' {
				l.emit(s, Table)
			} else {
				l.emit(s, Invalid)
			}
		}
	}
}

// quotedKey lexes a single-line quoted string as a key.
func (l *lexer) quotedKey(q byte, k Kind) {
	start := l.i
	l.i++
	for l.i < len(l.line) && l.line[l.i] != q {
		if q == '"' && l.line[l.i] == '\\' {
			l.i++
		}
		l.i++
	}
	if l.i < len(l.line) {
		l.i++
	}
	l.i = min(l.i, len(l.line))
	l.emit(start, k)
}

func (l *lexer) basic() {
	if l.st.key {
		l.quotedKey('"', Key)
		return
	}
	start := l.i
	if hasAt(l.line, l.i, `"""`) {
		l.i += 3
		l.emit(start, String)
		l.st.str = inBasic
		l.multiBasic(l.i)
		l.afterValue()
		return
	}
	l.i++
	l.emit(start, String)
	for l.i < len(l.line) {
		switch l.line[l.i] {
		case '"':
			s := l.i
			l.i++
			l.emit(s, String)
			l.afterValue()
			return
		case '\\':
			l.escape()
		default:
			s := l.i
			for l.i < len(l.line) && l.line[l.i] != '"' && l.line[l.i] != '\\' {
				l.i++
			}
			l.emit(s, String)
		}
	}
	l.afterValue() // unterminated: the line ends it
}

// escape lexes a backslash escape in a basic string.
func (l *lexer) escape() {
	s := l.i
	l.i++
	if l.i >= len(l.line) {
		l.emit(s, Escape) // a line-ending backslash (multi-line strings)
		return
	}
	n := 1
	switch l.line[l.i] {
	case 'u':
		n = 5
	case 'U':
		n = 9
	case 'x':
		n = 3
	}
	l.i = min(l.i+n, len(l.line))
	l.emit(s, Escape)
}

// multiBasic lexes inside a """ string from i to its end or the line's.
func (l *lexer) multiBasic(i int) {
	l.i = i
	for l.i < len(l.line) {
		switch {
		case hasAt(l.line, l.i, `"""`):
			s := l.i
			l.i += 3
			for k := 0; k < 2 && l.i < len(l.line) && l.line[l.i] == '"'; k++ {
				l.i++ // up to two quotes just before the closing three belong to the string
			}
			l.emit(s, String)
			l.st.str = inNone
			return
		case l.line[l.i] == '\\':
			l.escape()
		default:
			s := l.i
			for l.i < len(l.line) && l.line[l.i] != '"' && l.line[l.i] != '\\' {
				l.i++
			}
			if l.i < len(l.line) && l.line[l.i] == '"' && !hasAt(l.line, l.i, `"""`) {
				l.i++
			}
			l.emit(s, String)
		}
	}
}

func (l *lexer) literal() {
	if l.st.key {
		l.quotedKey('\'', Key)
		return
	}
	start := l.i
	if hasAt(l.line, l.i, `'''`) {
		l.i += 3
		l.emit(start, String)
		l.st.str = inLiteral
		l.multiLiteral(l.i)
		l.afterValue()
		return
	}
	l.i++
	for l.i < len(l.line) && l.line[l.i] != '\'' {
		l.i++
	}
	if l.i < len(l.line) {
		l.i++
	}
	l.emit(start, String)
	l.afterValue()
}

func (l *lexer) multiLiteral(i int) {
	l.i = i
	s := l.i
	for l.i < len(l.line) {
		if hasAt(l.line, l.i, `'''`) {
			l.i += 3
			for k := 0; k < 2 && l.i < len(l.line) && l.line[l.i] == '\''; k++ {
				l.i++
			}
			l.emit(s, String)
			l.st.str = inNone
			return
		}
		l.i++
	}
	l.emit(s, String)
}

// afterValue: a value was read; in an inline table a comma comes next,
// then a key.
func (l *lexer) afterValue() {
	if l.st.str == inNone {
		l.st.key = false
	}
}

func hasAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// value lexes a bare value: a number, a date or time, a boolean.
func (l *lexer) value() {
	start := l.i
	for l.i < len(l.line) && isValueChar(l.line[l.i]) {
		l.i++
	}
	// a date and a time may be separated by one space
	if isDate(l.line[start:l.i]) && l.i+3 < len(l.line) && l.line[l.i] == ' ' &&
		isDigit(l.line[l.i+1]) && isDigit(l.line[l.i+2]) && l.line[l.i+3] == ':' {
		l.i++
		for l.i < len(l.line) && isValueChar(l.line[l.i]) {
			l.i++
		}
	}
	l.emit(start, classify(l.line[start:l.i]))
	l.afterValue()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func classify(w string) Kind {
	switch w {
	case "true", "false":
		return Bool
	case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
		return Number
	}
	if isDateTime(w) {
		return Date
	}
	if isNumber(w) {
		return Number
	}
	return Invalid
}

// digits counts the digits at the start of s.
func digits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// isDate reports whether s is exactly YYYY-MM-DD.
func isDate(s string) bool {
	return len(s) == 10 && digits(s) == 4 && s[4] == '-' && digits(s[5:]) == 2 && s[7] == '-' && digits(s[8:]) == 2
}

// isTime reports whether s is HH:MM[:SS[.frac]] followed by an optional
// offset (Z or ±HH:MM) when offset is allowed.
func isTime(s string, offset bool) bool {
	if len(s) < 5 || digits(s) != 2 || s[2] != ':' || digits(s[3:]) != 2 {
		return false
	}
	s = s[5:]
	if len(s) >= 3 && s[0] == ':' && digits(s[1:]) == 2 {
		s = s[3:]
		if len(s) > 1 && s[0] == '.' && digits(s[1:]) > 0 {
			s = s[1+digits(s[1:]):]
		}
	}
	if s == "" {
		return true
	}
	if !offset {
		return false
	}
	if s == "Z" || s == "z" {
		return true
	}
	return len(s) == 6 && (s[0] == '+' || s[0] == '-') && digits(s[1:]) == 2 && s[3] == ':' && digits(s[4:]) == 2
}

func isDateTime(s string) bool {
	switch {
	case isDate(s):
		return true
	case len(s) > 11 && isDate(s[:10]) && (s[10] == 'T' || s[10] == 't' || s[10] == ' '):
		return isTime(s[11:], true)
	}
	return isTime(s, false)
}

func isNumber(s string) bool {
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b') {
		for i := 2; i < len(s); i++ {
			c := s[i]
			ok := c == '_' || isDigit(c) || s[1] == 'x' && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
			if !ok {
				return false
			}
		}
		return true
	}
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	intPart := func(t string) int {
		n := 0
		for n < len(t) && (isDigit(t[n]) || n > 0 && t[n] == '_') {
			n++
		}
		return n
	}
	n := intPart(s)
	if n == 0 {
		return false
	}
	s = s[n:]
	if len(s) > 0 && s[0] == '.' {
		m := intPart(s[1:])
		if m == 0 {
			return false
		}
		s = s[1+m:]
	}
	if len(s) > 0 && (s[0] == 'e' || s[0] == 'E') {
		s = s[1:]
		if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
			s = s[1:]
		}
		m := intPart(s)
		if m == 0 {
			return false
		}
		s = s[m:]
	}
	return s == ""
}
