package scenario

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// TOML syntax errors in the user's words. BurntSushi's messages describe
// its lexer ("expected value but found \"participant\" instead") and are
// placed where it gave up, which for an unclosed string is the end of the
// line. explainSyntax places each common mistake at its cause (the opening
// quote, the bracket that is never closed, the bad escape) and says how to
// mend it; rarer messages are kept as they are, at BurntSushi's position.

// syntaxFix rewrites one kind of BurntSushi message: re matches the
// message; fix returns the offset to report at and the new message, or
// ok=false to keep the original.
type syntaxFix struct {
	re  *regexp.Regexp
	fix func(src []byte, at int, m []string) (offset int, msg string, ok bool)
}

var syntaxFixes = []syntaxFix{
	{regexp.MustCompile(`^expected value but found (.*) instead$`), fixValue},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), func(src []byte, at int, _ []string) (int, string, bool) {
		return at, "the file ends after =: write the value, as title = \"…\"", true
	}},
	{regexp.MustCompile(`^strings cannot contain newlines$`), fixUnclosed},
	{regexp.MustCompile(`^unexpected EOF; expected (?:'"'|"'")$`), fixUnclosed},
	{regexp.MustCompile(`^unexpected EOF; expected (?:'"""'|"'''")$`), fixUnclosedMulti},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.$`), fixDuplicate},
	{regexp.MustCompile(`^Key '(.*)' was already created and cannot be used as an array\.$`), fixSingleBracket},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead$`), fixMissingEquals},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), func(src []byte, at int, _ []string) (int, string, bool) {
		return at, "the file ends after a key: write = and a value after it, as title = \"…\"", true
	}},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`), fixAfterValue},
	{regexp.MustCompile(`^expected (?:two|four|eight) hexadecimal digits after '\\(.)', but got .*$`), fixEscape},
	{regexp.MustCompile(`^invalid escape(?: in string|:) '\\(.)'$`), fixEscape},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)$`), fixArray},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '}', but got (.*) instead$`), fixInlineTable},
	{regexp.MustCompile(`^unexpected comma$`), func(src []byte, at int, _ []string) (int, string, bool) {
		return at, "a comma with no value before it: remove it, or write the missing value", true
	}},
	{regexp.MustCompile(`^invalid datetime: "(.*)"$`), fixDate},
	{regexp.MustCompile(`^Invalid integer "(.*)": cannot have leading zeroes$`), func(src []byte, at int, m []string) (int, string, bool) {
		return at, fmt.Sprintf("a number cannot start with 0 (%s); if it is a code or an id, put it in quotes: \"%s\"", m[1], m[1]), true
	}},
	{regexp.MustCompile(`^(.*) is out of range for int64$`), func(src []byte, at int, m []string) (int, string, bool) {
		return at, fmt.Sprintf("the number %s is too large for TOML; if it is a code or an id, put it in quotes: \"%s\"", m[1], m[1]), true
	}},
	{regexp.MustCompile(`^floats must start with a digit, not '\.'$`), func(src []byte, at int, _ []string) (int, string, bool) {
		return at, "a number cannot start with '.': write 0.5, not .5", true
	}},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), func(src []byte, at int, _ []string) (int, string, bool) {
		return at, "a key is missing before =: write key = value", true
	}},
	{regexp.MustCompile(`^unexpected end of table name \(table names cannot be empty\)$`), func(src []byte, at int, _ []string) (int, string, bool) {
		return at, "a header needs a name between its brackets: [scenario], [[actors]], [[seats]] …", true
	}},
	{regexp.MustCompile(`^expected end of table array name delimiter ']', but got (.*) instead$`), func(src []byte, at int, _ []string) (int, string, bool) {
		return at, "this [[…]] header is not closed: end it with ]] on the same line, as [[actors]]", true
	}},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.*) instead$`), fixHeaderName},
	{regexp.MustCompile(`^TOML files cannot contain control characters: '0x(..)'$`), func(src []byte, at int, m []string) (int, string, bool) {
		return at, fmt.Sprintf("TOML files cannot contain control characters (here U+00%s): remove it; in a string, write it as \\u00%s", strings.ToUpper(m[1]), strings.ToUpper(m[1])), true
	}},
}

// explainSyntax is where a TOML syntax error is reported and what it says.
func explainSyntax(src []byte, pe toml.ParseError) (offset int, msg string) {
	at := culprit(src, pe)
	for _, f := range syntaxFixes {
		if m := f.re.FindStringSubmatch(pe.Message); m != nil {
			if o, msg, ok := f.fix(src, at, m); ok {
				return min(max(o, 0), len(src)), msg
			}
			break
		}
	}
	return at, pe.Message
}

// culprit is the byte offset BurntSushi reports an error at. Its span may
// start on the blanks before the culprit, and for a control character in a
// string or comment it starts one byte early; at the very start of the text
// it can be -1.
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

// lineOf is the start and end (before the newline) of the line holding
// offset.
func lineOf(src []byte, offset int) (start, end int) {
	offset = min(max(offset, 0), len(src))
	start = bytes.LastIndexByte(src[:offset], '\n') + 1
	end = len(src)
	if i := bytes.IndexByte(src[offset:], '\n'); i >= 0 {
		end = offset + i
	}
	return start, end
}

// keyBefore is the key of the key = value whose value starts at offset:
// the text between the line's start and the '=' before offset.
func keyBefore(src []byte, offset int) string {
	start, _ := lineOf(src, offset)
	k, _, ok := strings.Cut(string(src[start:offset]), "=")
	if !ok {
		return ""
	}
	return strings.TrimSpace(k)
}

// wordAt is the text from offset to the end of the line or a comment.
func wordAt(src []byte, offset int) string {
	_, end := lineOf(src, offset)
	w, _, _ := strings.Cut(string(src[offset:end]), "#")
	return strings.TrimRight(strings.TrimSpace(w), ",")
}

func fixValue(src []byte, at int, m []string) (int, string, bool) {
	key, word := keyBefore(src, at), wordAt(src, at)
	if key == "" {
		key = "key"
	}
	switch found := m[1]; {
	case found == `'\n'` || found == `'\r'` || strings.HasPrefix(found, `'#`) || word == "":
		return at, fmt.Sprintf("%s = has no value: write one, as %s = \"…\"", key, key), true
	case strings.ContainsAny(found, "“”‘’«»„"):
		fixed := strings.Trim(word, "“”‘’«»„\"")
		return at, fmt.Sprintf("curly quotes are not TOML quotes: write straight ones, %s = %q", key, fixed), true
	case strings.EqualFold(word, "true") || strings.EqualFold(word, "false"):
		return at, fmt.Sprintf("true and false are written in lower case: %s = %s", key, strings.ToLower(word)), true
	}
	return at, fmt.Sprintf("a text value needs quotes: write %s = %q", key, strings.Trim(word, `'"`)), true
}

// fixUnclosed places a string left open on its line at its opening quote.
func fixUnclosed(src []byte, at int, _ []string) (int, string, bool) {
	start, end := lineOf(src, max(at-1, 0))
	if at > 0 && at <= len(src) && at-1 >= start && src[at-1] == '\n' {
		start, end = lineOf(src, at-1)
	}
	open := openQuote(src[start:end])
	if open < 0 {
		return at, "", false
	}
	q := src[start+open]
	return start + open, fmt.Sprintf("this string is not closed: end it with %c on the same line (for text over several lines, use %c%c%c … %c%c%c)",
		q, q, q, q, q, q, q), true
}

// openQuote is the index in line of the quote that opens a string not
// closed on the line, or -1.
func openQuote(line []byte) int {
	c := newCursor(line)
	for !c.eof() {
		switch c.peek() {
		case '#':
			return -1
		case '"', '\'':
			i := c.i
			c.skipString()
			if c.bad || c.i > len(line) || c.i == len(line) && line[len(line)-1] != line[i] || c.i-i < 2 {
				return i
			}
			continue
		}
		c.next()
	}
	return -1
}

// fixUnclosedMulti places an unclosed """ or ”' string at its opening.
func fixUnclosedMulti(src []byte, at int, m []string) (int, string, bool) {
	q := `"""`
	if strings.Contains(m[0], "'''") {
		q = `'''`
	}
	i := bytes.LastIndex(src, []byte(q))
	if i < 0 {
		return at, "", false
	}
	return i, fmt.Sprintf("this multi-line string is not closed: end it with %s", q), true
}

// fixDuplicate says where the first of two definitions is.
func fixDuplicate(src []byte, at int, m []string) (int, string, bool) {
	first, ok := firstDefinition(src, at, m[1])
	if !ok {
		return at, "", false
	}
	key := m[1]
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	if at > 0 && src[at-1] == '[' {
		at-- // the header's bracket
	}
	if at < len(src) && src[at] == '[' { // a header
		if firstLine := lineText(src, first.Key.Line); strings.HasPrefix(strings.TrimSpace(firstLine), "[[") {
			return at, fmt.Sprintf("[[%s]] at %d:%d makes %s a list of entries: write [[%s]] here too", m[1], first.Key.Line, first.Key.Col, m[1], m[1]), true
		}
		return at, fmt.Sprintf("[%s] is already defined at %d:%d: put all its keys under that one header", m[1], first.Key.Line, first.Key.Col), true
	}
	return at, fmt.Sprintf("%s is already set in this table, at %d:%d: remove one of the two", key, first.Key.Line, first.Key.Col), true
}

// firstDefinition is where the key path name (as BurntSushi writes it,
// without element numbers) is defined before offset: the latest one, which
// is in the same table as the duplicate.
func firstDefinition(src []byte, offset int, name string) (keyVal, bool) {
	idx := indexPositions(src[:offset], nil)
	var best keyVal
	found := false
	for path, kv := range idx {
		if tomlName(path) != name {
			continue
		}
		if !found || comparePos(kv.Key, best.Key) > 0 {
			best, found = kv, true
		}
	}
	return best, found
}

// lineText is line n (from 1) of src.
func lineText(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	line, _, _ := bytes.Cut(src, []byte("\n"))
	return string(line)
}

// tomlName is a key path as BurntSushi writes it: no element numbers, no
// quotes.
func tomlName(path string) string {
	return strings.ReplaceAll(tablePathName(path), `"`, "")
}

func fixSingleBracket(src []byte, at int, m []string) (int, string, bool) {
	key := m[1]
	if i := tableHeader(src, key); key != "" && i >= 0 {
		return i, fmt.Sprintf("[%s] (one bracket) makes a single table, so the [[%s]] entries after it cannot join it: write [[%s]] here too", key, key, key), true
	}
	return at, "", false
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

func fixMissingEquals(src []byte, at int, m []string) (int, string, bool) {
	start, _ := lineOf(src, at)
	key := strings.TrimSpace(string(src[start:at]))
	rest := wordAt(src, at)
	switch got := m[1]; {
	case got == `':'`:
		return at, fmt.Sprintf("TOML puts = between a key and its value, not a colon: write %s = %s", key, strings.TrimSpace(strings.TrimPrefix(rest, ":"))), true
	case got == `'\n'` || got == `'\r'` || got == `'#'`:
		return at, fmt.Sprintf("%s has no = and no value: write %s = \"…\" (or remove the line)", key, key), true
	case got == `'{'` || got == `'"'` && key == "":
		return at, "expected key = value here; a scenario file is TOML, not JSON (see docs/format.md)", true
	case strings.HasPrefix(got, `'`) && isBareKeyStart(rest):
		// "short name = …": a key of two words.
		k2, _, hasEq := strings.Cut(rest, "=")
		if hasEq {
			joined := key + "_" + strings.Join(strings.Fields(k2), "_")
			return start + strings.Index(string(src[start:]), key), fmt.Sprintf("a key cannot contain spaces: write %s, or put it in quotes", joined), true
		}
	}
	return at, fmt.Sprintf("expected = after the key %s: write %s = %s", key, key, rest), true
}

func isBareKeyStart(s string) bool { return s != "" && isBareKeyByte(s[0]) }

// fixAfterValue explains text found after a complete key = value.
func fixAfterValue(src []byte, at int, m []string) (int, string, bool) {
	start, _ := lineOf(src, at)
	before := strings.TrimRight(string(src[start:at]), " \t")
	rest := wordAt(src, at)
	switch got := m[1]; {
	case got == `','`:
		return at, "a comma after a value is only for arrays and inline tables: remove it", true
	case got == `']'` && strings.HasPrefix(strings.TrimSpace(before), "["):
		return start + strings.Index(string(src[start:]), "["), "the brackets of a header must match: [name] for a table, [[name]] for an entry of a list", true
	case strings.HasSuffix(before, `"`) && at > 0 && src[at-1] == '"':
		// name = "Côte d"Ivoire": the string ended early.
		return at - 1, `a " inside a string ends it: write \" for a quote inside the text, or use single quotes around it ('…"…')`, true
	case strings.Contains(rest, "="):
		return at, "one key = value per line: put this one on a line of its own", true
	}
	return at, fmt.Sprintf("unexpected %s after the value: a line holds one key = value, and a comment starts with #", m[1]), true
}

// fixEscape places a bad escape at its backslash.
func fixEscape(src []byte, at int, m []string) (int, string, bool) {
	start, end := lineOf(src, at)
	i := at
	if j := bytes.Index(src[start:end], []byte(`\`+m[1])); j >= 0 && start+j >= at-8 {
		i = start + j
		for k := start + j; k < end; k++ { // the first bad one from the error on
			if k >= at-1 && src[k] == '\\' {
				i = k
				break
			}
		}
	}
	if strings.Contains(m[0], "hexadecimal") {
		n := map[string]int{"x": 2, "u": 4, "U": 8}[m[1]]
		return i, fmt.Sprintf(`\%s must be followed by %d hexadecimal digits (\u00e9 is é); for a backslash itself, write \\`, m[1], n), true
	}
	return i, fmt.Sprintf(`\%s is not a valid escape: in a "…" string a backslash starts \n, \t, \", \\ or \u00e9; write \\ for a backslash, or use single quotes ('C:\dir')`, m[1]), true
}

// fixArray tells a missing comma from an array never closed.
func fixArray(src []byte, at int, m []string) (int, string, bool) {
	open := openBracket(src, at, '[', ']')
	if open >= 0 && bytes.IndexByte(src[open:at], '\n') >= 0 && startsLine(src, at) {
		p := offsetPos(src, at)
		return open, fmt.Sprintf("this array is not closed: end it with ] after its last element (line %d has something else)", p.Line), true
	}
	if m[1] == "EOF" && open >= 0 {
		return open, "this array is not closed: end it with ] after its last element", true
	}
	return at, "array elements are separated by commas: write [\"a\", \"b\"]", true
}

func fixInlineTable(src []byte, at int, m []string) (int, string, bool) {
	open := openBracket(src, at, '{', '}')
	if open >= 0 && (m[1] == "EOF" || startsLine(src, at) && bytes.IndexByte(src[open:at], '\n') >= 0 || m[1] == `']'`) {
		p := offsetPos(src, open)
		return at, fmt.Sprintf("the inline table { at %d:%d is not closed: end it with } before this", p.Line, p.Col), true
	}
	return at, "keys in an inline table are separated by commas: write { a = 1, b = 2 }", true
}

// startsLine reports whether only blanks come before offset on its line.
func startsLine(src []byte, offset int) bool {
	start, _ := lineOf(src, offset)
	return strings.TrimSpace(string(src[start:min(offset, len(src))])) == ""
}

// openBracket is the offset of the innermost open that is not closed before
// offset, skipping strings and comments; -1 if none.
func openBracket(src []byte, offset int, open, close byte) int {
	c := newCursor(src[:min(offset, len(src))])
	var stack []int
	for !c.eof() {
		switch b := c.peek(); b {
		case '"', '\'':
			c.skipString()
			continue
		case '#':
			c.skipLine()
			continue
		case '[', '{':
			stack = append(stack, c.i)
		case ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		c.next()
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if src[stack[i]] == open {
			return stack[i]
		}
		if src[stack[i]] == close {
			break
		}
	}
	return -1
}

var datePattern = regexp.MustCompile(`^([0-9]+)-([0-9]+)-([0-9]+)$`)

func fixDate(src []byte, at int, m []string) (int, string, bool) {
	v := m[1]
	ym := "2025-02"
	if len(v) >= 10 && datePattern.MatchString(v[:10]) {
		ym = v[:7]
	}
	alone := fmt.Sprintf(`; for a month or year alone, or an approximate date, use a string: "%s", "~%s"`, ym, ym)
	if d := datePattern.FindStringSubmatch(v); d != nil {
		if len(d[1]) != 4 || len(d[2]) > 2 || len(d[3]) > 2 {
			return at, fmt.Sprintf("bad date %s: write YYYY-MM-DD, with a 4-digit year and 2-digit month and day", v) + alone, true
		}
		if len(d[2]) < 2 || len(d[3]) < 2 {
			fixed := fmt.Sprintf("%s-%02s-%02s", d[1], d[2], d[3])
			fixed = strings.ReplaceAll(fixed, " ", "0")
			return at, fmt.Sprintf("bad date %s: month and day have 2 digits: write %s", v, fixed) + alone, true
		}
		var dt Date
		if err := dt.UnmarshalText([]byte(v)); err != nil {
			var de *DateError
			if ok := asDateError(err, &de); ok {
				return at, fmt.Sprintf("bad date %s: %s", v, de.Why) + alone, true
			}
		}
	}
	return at, fmt.Sprintf("bad date or time %s: a date is YYYY-MM-DD and must exist", v) + alone, true
}

func asDateError(err error, out **DateError) bool {
	de, ok := err.(*DateError)
	*out = de
	return ok
}

func fixHeaderName(src []byte, at int, m []string) (int, string, bool) {
	start, end := lineOf(src, at)
	name := strings.Trim(strings.TrimSpace(string(src[start:end])), "[]")
	if strings.ContainsFunc(name, unicode.IsSpace) {
		return at, fmt.Sprintf("a table name cannot contain spaces: [%s] is not a header Parley knows (see docs/format.md for the tables)", name), true
	}
	r, _ := utf8.DecodeRune(src[min(at, len(src)):])
	return at, fmt.Sprintf("unexpected %q in a header: write [name] or [[name]]", r), true
}
