package scenario

import (
	"bytes"
	"encoding"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Writing scenarios back as TOML.
//
// Marshal writes a whole scenario in one canonical form: format first, then
// the [scenario] table, then every collection as an array of tables in the
// order of the Scenario type ([[sources]], [[actors]], [[tracks]], [[seats]],
// [[events]], [[statements]], [[variants]]), each entry's keys in the order
// of its Go type, empty values left out, nested collections as sub-tables
// ([[actors.memberships]], [[variants.seats]] ...) after their entry's keys.
// Strings are always basic strings with escapes, dates their text form in
// quotes. The key names are the toml tags of the types in types.go, that is
// the documented ones.
//
// Edit is what an editor calls instead: it changes a user's file only where
// the scenario changed, entry by entry, so that comments, blank lines, key
// order and quoting everywhere else survive a form edit.

// Marshal writes s as canonical TOML. Load reads the result back to a
// scenario equal to s (apart from Name and Warnings) whenever s itself came
// from Load or passes its checks. It fails only on text that TOML cannot
// hold (a string that is not valid UTF-8) or on a type it cannot write.
func Marshal(s *Scenario) ([]byte, error) {
	if s == nil {
		return nil, fmt.Errorf("scenario: marshal: nil scenario")
	}
	var e encoder
	if err := e.table(nil, reflect.ValueOf(s).Elem()); err != nil {
		return nil, err
	}
	return e.out(), nil
}

// encoder collects TOML text.
type encoder struct {
	buf bytes.Buffer
}

// out is the text with exactly one newline at the end and no blank first
// line.
func (e *encoder) out() []byte {
	b := bytes.TrimLeft(e.buf.Bytes(), "\n")
	b = bytes.TrimRight(b, "\n")
	return append(b, '\n')
}

var textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()

// field is one written field of a struct: its key and value.
type field struct {
	key string
	v   reflect.Value
}

// fields lists v's fields that TOML sees, by their toml tag (fields tagged
// "-" and unexported fields are left out).
func fields(v reflect.Value) []field {
	t := v.Type()
	var fs []field
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		key, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if key == "-" {
			continue
		}
		if key == "" {
			key = sf.Name
		}
		fs = append(fs, field{key, v.Field(i)})
	}
	return fs
}

// fieldKind says how a value is written: as a key = value line, as a
// [table] or as an [[array of tables]].
type fieldKind int

const (
	scalarField fieldKind = iota
	tableField
	arrayTablesField
)

func kindOf(t reflect.Type) fieldKind {
	if t.Implements(textMarshalerType) {
		return scalarField
	}
	switch t.Kind() {
	case reflect.Struct:
		return tableField
	case reflect.Slice:
		if et := t.Elem(); et.Kind() == reflect.Struct && !et.Implements(textMarshalerType) {
			return arrayTablesField
		}
	}
	return scalarField
}

// isEmpty reports whether v is left out: a zero value or an empty list.
func isEmpty(v reflect.Value) bool {
	if v.Kind() == reflect.Slice {
		return v.Len() == 0
	}
	return v.IsZero()
}

// table writes the keys of struct v (at key path path), then its sub-tables
// and arrays of tables. The caller has written the header.
func (e *encoder) table(path []string, v reflect.Value) error {
	fs := fields(v)
	for _, f := range fs {
		if kindOf(f.v.Type()) != scalarField || isEmpty(f.v) {
			continue
		}
		if err := e.keyValue(path, f); err != nil {
			return err
		}
	}
	for _, f := range fs {
		switch kindOf(f.v.Type()) {
		case tableField:
			if isEmpty(f.v) {
				continue
			}
			p := append(slices.Clip(path), f.key)
			fmt.Fprintf(&e.buf, "\n[%s]\n", headerName(p))
			if err := e.table(p, f.v); err != nil {
				return err
			}
		case arrayTablesField:
			for i := range f.v.Len() {
				if err := e.arrayEntry(append(slices.Clip(path), f.key), f.v.Index(i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// arrayEntry writes one [[path]] element.
func (e *encoder) arrayEntry(path []string, v reflect.Value) error {
	fmt.Fprintf(&e.buf, "\n[[%s]]\n", headerName(path))
	return e.table(path, v)
}

func (e *encoder) keyValue(path []string, f field) error {
	e.buf.WriteString(tomlKey(f.key))
	e.buf.WriteString(" = ")
	if err := e.value(f.v); err != nil {
		return fmt.Errorf("scenario: marshal %s: %w", headerName(append(slices.Clip(path), f.key)), err)
	}
	e.buf.WriteByte('\n')
	return nil
}

// value writes a scalar or an inline array.
func (e *encoder) value(v reflect.Value) error {
	if v.Type().Implements(textMarshalerType) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return err
		}
		return e.str(string(b))
	}
	switch v.Kind() {
	case reflect.String:
		return e.str(v.String())
	case reflect.Bool:
		e.buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.Uint() > math.MaxInt64 {
			return fmt.Errorf("%d is too large for TOML", v.Uint())
		}
		e.buf.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		e.buf.WriteString(tomlFloat(v.Float()))
	case reflect.Slice, reflect.Array:
		e.buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				e.buf.WriteString(", ")
			}
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
		e.buf.WriteByte(']')
	default:
		return fmt.Errorf("cannot write a %s as TOML", v.Type())
	}
	return nil
}

func tomlFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// str writes s as a TOML basic string.
func (e *encoder) str(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("text %q is not valid UTF-8", s)
	}
	e.buf.WriteString(quote(s))
	return nil
}

// quote is s as a TOML basic string: "..." with \" \\ and the control
// characters escaped; everything else, including non-ASCII, as it is.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlKey is k bare when it may be, else quoted.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, r := range k {
		if r > 0x7f || !isBareKeyByte(byte(r)) {
			return quote(k)
		}
	}
	return k
}

func headerName(path []string) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = tomlKey(p)
	}
	return strings.Join(parts, ".")
}

// Equal reports whether a and b hold the same scenario: every field equal,
// an empty list counting as equal to an absent one; Name and Warnings are
// not compared.
func Equal(a, b *Scenario) bool {
	if a == nil || b == nil {
		return a == b
	}
	return equalValue(reflect.ValueOf(*a), reflect.ValueOf(*b))
}

func equalValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			sf := a.Type().Field(i)
			if !sf.IsExported() || sf.Tag.Get("toml") == "-" {
				continue
			}
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	}
	return a.Equal(b)
}

// Edit returns text changed so that it loads to the scenario to, where from
// is what text loads to now. Only what changed is rewritten: an entry of a
// collection ([[actors]], [[seats]] ...) that changed is replaced by its
// canonical form, a removed entry is cut out, a new entry is written after
// the last one of its collection, and a changed [scenario] table is
// rewritten; comments, blank lines and the layout of everything else stay as
// they were. When text is laid out in a way this cannot follow (a collection
// written as an inline array, say) it falls back to Marshal(to) under the
// file's leading comment block. The result always loads back to a scenario
// Equal to to, or Edit returns an error.
func Edit(text []byte, from, to *Scenario) ([]byte, error) {
	if to == nil {
		return nil, fmt.Errorf("scenario: edit: nil scenario")
	}
	if from != nil && Equal(from, to) {
		return text, nil
	}
	if from != nil {
		// Key by key first; entry by entry if that fails (it should not);
		// the whole file as the last resort.
		for _, merge := range []bool{true, false} {
			if out, ok := splice(text, from, to, merge); ok && loadsTo(out, to) {
				return out, nil
			}
		}
	}
	full, err := Marshal(to)
	if err != nil {
		return nil, err
	}
	if lead := leadingComments(text); len(lead) > 0 {
		full = append(append(lead, '\n'), full...)
	}
	if !loadsTo(full, to) {
		return nil, fmt.Errorf("scenario: edit: the changed scenario does not load back (is it valid?)")
	}
	return full, nil
}

func loadsTo(text []byte, want *Scenario) bool {
	got, err := Load(want.Name, bytes.NewReader(text))
	return err == nil && Equal(got, want)
}

// leadingComments is the comment block at the top of text (comment lines
// and blank lines before the first other line), without trailing blank
// lines.
func leadingComments(text []byte) []byte {
	end := 0
	for i := 0; i < len(text); {
		j := bytes.IndexByte(text[i:], '\n')
		next := len(text)
		if j >= 0 {
			next = i + j + 1
		}
		line := bytes.TrimSpace(text[i:next])
		if len(line) > 0 && line[0] != '#' {
			break
		}
		if len(line) > 0 {
			end = next
		}
		i = next
	}
	out := slices.Clone(text[:end])
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out
}

// splitLines splits text after each newline, keeping the newlines.
func splitLines(text []byte) []string {
	var lines []string
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, string(text))
			break
		}
		lines = append(lines, string(text[:i+1]))
		text = text[i+1:]
	}
	return lines
}

func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

func isCommentOrBlank(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || t[0] == '#'
}
