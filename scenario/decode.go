package scenario

import (
	"encoding"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
)

// The decoder turns the generic tree BurntSushi gives (map[string]any,
// []any, []map[string]any, string, int64, float64, bool, time.Time) into a
// Scenario, following the `toml:` struct tags. It reports every wrong type,
// enum, date and unknown key with its key path and carries on, so one Load
// shows all of them (BurntSushi's typed decoding stops at the first).

// shape is what the decoder knows of one table type besides its tags: what
// to call it in messages and which keys it must have.
type shape struct {
	noun     string
	required []string
}

var shapes = map[reflect.Type]shape{
	reflect.TypeFor[Scenario]():   {"scenario file", []string{"format", "scenario"}},
	reflect.TypeFor[Meta]():       {"[scenario] table", []string{"title"}},
	reflect.TypeFor[Source]():     {"source", []string{"id", "title"}},
	reflect.TypeFor[Actor]():      {"actor", []string{"id", "name", "kind"}},
	reflect.TypeFor[Membership](): {"membership", []string{"of"}},
	reflect.TypeFor[Track]():      {"track", []string{"id", "name", "kind"}},
	reflect.TypeFor[Suspension](): {"suspension", []string{"from"}},
	reflect.TypeFor[Seat]():       {"seat", []string{"track", "actor", "role"}},
	reflect.TypeFor[Event]():      {"event", []string{"id", "title"}},
	reflect.TypeFor[Statement]():  {"statement", []string{"id", "speaker", "text"}},
	reflect.TypeFor[Variant]():    {"variant", []string{"id", "name"}},
	reflect.TypeFor[SeatRef]():    {"remove_seats entry", []string{"track", "actor"}},
}

// RequiredKeys lists the keys Load requires in every table of type t (one
// of the scenario's table types, such as Actor or Seat); nil for any other
// type. The caller must not modify the list.
func RequiredKeys(t reflect.Type) []string { return shapes[t].required }

// tableInfo is a struct type's keys, in declaration order.
type tableInfo struct {
	shape
	keys  []string
	field map[string]int // key → field index
}

var tableInfos sync.Map // reflect.Type → *tableInfo

func tableOf(t reflect.Type) *tableInfo {
	if ti, ok := tableInfos.Load(t); ok {
		return ti.(*tableInfo)
	}
	ti := &tableInfo{shape: shapes[t], field: map[string]int{}}
	for i := range t.NumField() {
		key := t.Field(i).Tag.Get("toml")
		if key == "" || key == "-" {
			continue
		}
		ti.keys = append(ti.keys, key)
		ti.field[key] = i
	}
	tableInfos.Store(t, ti)
	return ti
}

var (
	dateType      = reflect.TypeFor[Date]()
	unmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decodeRoot decodes the whole file. A format other than FormatVersion
// stops decoding: the rest of the file is in a format this code does not
// know, and listing all its keys as unknown would bury the one real problem.
// format must be the first key, so that a reader (a later Parley among
// them) knows how to read the rest before it reads it.
func (l *loader) decodeRoot(tree map[string]any, s *Scenario) {
	if f, ok := tree["format"].(int64); ok && f != FormatVersion {
		l.errorf(atValue, "format", "unsupported format %d; this version of Parley reads format %d only", f, FormatVersion)
		return
	}
	if _, ok := tree["format"]; ok {
		if first, at := firstKey(l.src); first != "format" {
			l.errorf(atKey, "format", "format must be the first key of the file (comments and blank lines may come before it): move it above %s at line %d", first, at.Line)
		}
	}
	l.decodeTable("", tree, reflect.ValueOf(s).Elem())
}

// firstKey is the first key or header of the text, as written ("title",
// "[scenario]"), and where it is.
func firstKey(src []byte) (string, pos) {
	c := newCursor(src)
	c.skipTrivia()
	at := c.pos()
	if c.peek() == '[' {
		_, end := lineOf(src, c.i)
		h, _, _ := strings.Cut(string(src[c.i:end]), "#")
		return strings.TrimSpace(h), at
	}
	parts := c.readKey()
	if len(parts) == 0 {
		return "", at
	}
	return parts[0].name, at
}

// decodeTable decodes table m at path into the struct v.
func (l *loader) decodeTable(path string, m map[string]any, v reflect.Value) {
	ti := tableOf(v.Type())
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		kp := joinKey(path, k)
		i, ok := ti.field[k]
		if !ok && k == "format" && path != "" {
			l.errorf(atKey, kp, "format = %d belongs at the top of the file, before any [table] header: move it there", FormatVersion)
			l.broken["format"] = true // not also "format: missing"
			continue
		}
		if !ok {
			if meant := l.unknownKey(kp, k, ti.keys); meant != "" {
				if _, both := m[meant]; !both {
					// sorces for sources: don't also say sources is
					// missing, nor that nothing is cited.
					l.broken[joinKey(path, meant)] = true
					l.looseRefs(m[k])
				}
			}
			continue
		}
		l.decodeValue(kp, m[k], v.Field(i))
	}
	for _, k := range ti.required {
		kp := joinKey(path, k)
		switch raw, ok := m[k]; {
		case !ok && l.broken[kp]: // misspelled, and said so
		case !ok && path == "" && k == "format":
			l.errorf(atParent, kp, "missing; put format = %d at the top of the file (this version of Parley reads format %d)", FormatVersion, FormatVersion)
		case !ok && path == "" && k == "scenario":
			l.errorf(atParent, kp, "missing; add a [scenario] table with the scenario's title")
		case !ok:
			l.errorf(atParent, kp, "missing; required in every %s: %s", ti.noun, strings.Join(ti.required, ", "))
		case raw == "":
			l.errorf(atValue, kp, "must not be empty")
		}
	}
}

// unknownKey reports key, and returns the allowed key it is a typo of, if
// any.
func (l *loader) unknownKey(path, key string, allowed []string) string {
	s := l.suggest(key, allowed)
	if l.skip(Error, atKey, path) {
		return s // past the problems kept: not formatted
	}
	if s != "" {
		l.errorf(atKey, path, "unknown key %q; did you mean %q?", key, s)
		return s
	}
	l.errorf(atKey, path, "unknown key %q (allowed here: %s)", key, strings.Join(allowed, ", "))
	return ""
}

// decodeValue decodes raw at path into v, reporting what does not fit.
func (l *loader) decodeValue(path string, raw any, v reflect.Value) {
	t := v.Type()
	switch {
	case t == dateType:
		l.decodeDate(path, raw, v)
	case t.Kind() == reflect.String && reflect.PointerTo(t).Implements(unmarshalType):
		s, ok := raw.(string)
		if !ok {
			l.mismatch(path, raw, "a string", "")
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			l.errorf(atValue, path, "%v", err)
		}
	case t.Kind() == reflect.String:
		s, ok := raw.(string)
		if !ok {
			l.mismatch(path, raw, "a string", "")
			return
		}
		v.SetString(s)
	case t.Kind() == reflect.Int:
		n, ok := raw.(int64)
		if !ok {
			l.mismatch(path, raw, "an integer", unquoteHint(raw, integerText))
			return
		}
		v.SetInt(n)
	case t.Kind() == reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			l.mismatch(path, raw, "true or false", unquoteHint(raw, boolText))
			return
		}
		v.SetBool(b)
	case t.Kind() == reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			l.broken[path], l.broken[parentPath(path)] = true, true
			hint := ""
			if _, aot := raw.([]map[string]any); aot {
				hint = fmt.Sprintf("; write [%s] (one bracket)", tablePathName(path))
			}
			l.mismatch(path, raw, "a table", hint)
			return
		}
		l.decodeTable(path, m, v)
	case t.Kind() == reflect.Slice:
		elems, ok := arrayOf(raw)
		if !ok {
			l.broken[path] = true
			l.mismatch(path, raw, sliceNoun(t), sliceHint(path, raw, t))
			return
		}
		sl := reflect.MakeSlice(t, len(elems), len(elems))
		for i, e := range elems {
			l.decodeValue(elemPath(path, i+1), e, sl.Index(i))
		}
		v.Set(sl)
	default:
		panic("scenario: no decoder for " + t.String()) // a new field type; caught by the tests
	}
}

func (l *loader) decodeDate(path string, raw any, v reflect.Value) {
	var d Date
	switch x := raw.(type) {
	case string:
		if strings.ContainsFunc(x, unicode.IsSpace) {
			// Date.UnmarshalText forgives blanks (for forms); a file must not
			// have them, or the same date would be written two ways.
			squeezed := strings.Join(strings.Fields(x), "")
			if _, err := ParseDate(squeezed); err == nil && squeezed != "" {
				l.errorf(atValue, path, "bad date %q: no spaces inside the quotes; write %q", x, squeezed)
				return
			}
			if strings.TrimSpace(x) == "" {
				l.errorf(atValue, path, "bad date %q: only spaces; write a date (YYYY-MM-DD, YYYY-MM or YYYY) or leave the key out", x)
				return
			}
		}
		if err := d.UnmarshalText([]byte(x)); err != nil {
			l.errorf(atValue, path, "%v", err)
			return
		}
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			if x.Year() == 0 {
				l.errorf(atValue, path, "%v", &DateError{x.Format("2006-01-02"), "there is no year 0000"})
				return
			}
			d = FromTime(x)
		case "time-local":
			l.mismatch(path, raw, "a date", "")
			return
		default:
			l.mismatch(path, raw, "a date", "; write the day alone, as 2025-02-17")
			return
		}
	case int64:
		l.mismatch(path, raw, "a date", fmt.Sprintf(`; write a year alone in quotes, as "%d"`, x))
		return
	default:
		l.mismatch(path, raw, "a date", "")
		return
	}
	v.Set(reflect.ValueOf(d))
}

func (l *loader) mismatch(path string, raw any, want, hint string) {
	l.looseRefs(raw)
	l.errorf(atValue, path, "expected %s, got %s%s", want, typeName(raw), hint)
}

// looseRefs adds the strings in raw, at any depth, to l.loose: a value that
// could not be read may hold the references the user meant.
func (l *loader) looseRefs(raw any) {
	switch x := raw.(type) {
	case string:
		l.loose[x] = true
	case []any:
		for _, e := range x {
			l.looseRefs(e)
		}
	case []map[string]any:
		for _, e := range x {
			l.looseRefs(e)
		}
	case map[string]any:
		for _, e := range x {
			l.looseRefs(e)
		}
	}
}

// arrayOf gives the elements of a TOML array ([[x]] tables come as
// []map[string]any, other arrays as []any).
func arrayOf(raw any) ([]any, bool) {
	switch x := raw.(type) {
	case []any:
		return x, true
	case []map[string]any:
		elems := make([]any, len(x))
		for i, m := range x {
			elems[i] = m
		}
		return elems, true
	}
	return nil, false
}

func sliceNoun(t reflect.Type) string {
	if t.Elem().Kind() == reflect.Struct {
		return "an array of tables"
	}
	return "an array of strings"
}

func sliceHint(path string, raw any, t reflect.Type) string {
	switch x := raw.(type) {
	case string:
		if t.Elem().Kind() == reflect.String {
			return fmt.Sprintf("; write [%q]", x)
		}
	case map[string]any:
		if t.Elem().Kind() == reflect.Struct {
			return fmt.Sprintf("; write [[%s]] (two brackets) for each one", tablePathName(path))
		}
	}
	return ""
}

var (
	integerText = regexp.MustCompile(`^[+-]?[0-9]+$`)
	boolText    = regexp.MustCompile(`^(true|false)$`)
)

// unquoteHint suggests dropping the quotes from a string that would be
// right without them ("1" for format, "true" for quote).
func unquoteHint(raw any, re *regexp.Regexp) string {
	if s, ok := raw.(string); ok && re.MatchString(s) {
		return "; write it without quotes"
	}
	return ""
}

// typeName is what a generic value is, in TOML terms, with an article.
func typeName(raw any) string {
	switch x := raw.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return "a date"
		case "time-local":
			return "a time of day"
		}
		return "a date-time"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", raw)
}

// joinWords writes "a, b and c" (conj "and") or "a, b or c".
func joinWords(words []string, conj string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}
