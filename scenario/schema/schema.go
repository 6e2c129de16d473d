// Package schema makes the JSON Schema (draft 2020-12) of Parley's scenario
// format from the Go types of package scenario, so that editors that check
// TOML against a JSON Schema (Taplo, Even Better TOML in VS Code) complete
// keys and values and flag mistakes while one types.
//
// Everything comes from the types: the keys from their `toml` tags, the
// required keys from scenario.RequiredKeys, the allowed values of each enum
// from the enum's own UnmarshalText (asked with a value it must refuse, it
// lists the allowed ones), dates from scenario.Date. Descriptions come from
// the key tables of docs/format.md and from the types' doc comments, when
// the caller passes them (the test that keeps docs/scenario.schema.json in
// step does). The schema is stricter than nothing and looser than Load: it
// knows the shape of a file (keys, types, enums, the date and id syntax),
// not the references between entries or the rules across keys.
package schema

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/parleyhq/parley/scenario"
)

// ID is the schema's $id: where the copy in the repository is published.
const ID = "https://raw.githubusercontent.com/parleyhq/parley/main/docs/scenario.schema.json"

// Patterns of the values the schema checks by syntax.
const (
	// datePattern is scenario.Date's text form: a year, a month or a day,
	// "~" in front for an approximate date. (A TOML date literal is also a
	// date; checkers that read TOML give it to the schema as that string.)
	datePattern = `^~?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`
	// idPattern is the syntax of ids, as docs/format.md gives it.
	idPattern = `^[a-z0-9][a-z0-9._-]*$`
)

// Options are the texts descriptions are taken from; both may be empty.
type Options struct {
	// Reference is docs/format.md: each key table's "what" column becomes
	// its key's description, and a key whose type column says "id" (or
	// "array of ids") gets the id syntax.
	Reference string
	// Comments are the types' doc comments, keyed as jsonschema's
	// Reflector.AddGoComments makes them ("github.com/…/scenario.Actor").
	Comments map[string]string
}

// Generate is the scenario format's JSON Schema, indented, ending in a
// newline.
func Generate(opt Options) ([]byte, error) {
	s, err := Schema(opt)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return buf.Bytes(), nil
}

// Schema is the scenario format's JSON Schema.
func Schema(opt Options) (*jsonschema.Schema, error) {
	root := reflect.TypeFor[scenario.Scenario]()
	tables := tableTypes(root)
	ref := parseReference(opt.Reference, tables)
	r := &jsonschema.Reflector{
		FieldNameTag:               "toml",
		RequiredFromJSONSchemaTags: true, // no key is required by its tag: see below
		ExpandedStruct:             true, // the file itself is the root object
		Anonymous:                  true,
		CommentMap:                 opt.Comments,
		Mapper:                     mapType,
		LookupComment: func(t reflect.Type, field string) string {
			if field == "" {
				return "" // the type's doc comment, from CommentMap
			}
			if f, ok := t.FieldByName(field); ok {
				return ref.describe(t, tomlKey(f))
			}
			return ""
		},
	}
	s := r.ReflectFromType(root)
	s.ID = ID
	s.Title = fmt.Sprintf("Parley scenario (format %d)", scenario.FormatVersion)
	s.Comments = "Made from the Go types of package scenario by package scenario/schema; regenerate with go test ./... -update. Load checks more than this schema can: references between entries and rules across keys."
	var problems []error
	fix := func(t reflect.Type, obj *jsonschema.Schema) {
		if obj == nil || obj.Properties == nil {
			problems = append(problems, fmt.Errorf("schema: no object schema for %s", t.Name()))
			return
		}
		obj.Required = nil
		for _, key := range scenario.RequiredKeys(t) {
			if _, ok := obj.Properties.Get(key); !ok {
				problems = append(problems, fmt.Errorf("schema: %s requires %q, which it has no field for", t.Name(), key))
				continue
			}
			obj.Required = append(obj.Required, key)
		}
		for pair := obj.Properties.Oldest(); pair != nil; pair = pair.Next() {
			if ref.isID(t, pair.Key) {
				setIDPattern(pair.Value)
			}
		}
	}
	for _, t := range tables {
		if t == root {
			fix(t, s)
			continue
		}
		fix(t, s.Definitions[t.Name()])
	}
	if f, ok := s.Properties.Get("format"); ok {
		f.Const = scenario.FormatVersion
	}
	return s, errors.Join(problems...)
}

// tableTypes are the struct types a scenario file is made of (the tables),
// the root first, each once, found by walking the fields.
func tableTypes(root reflect.Type) []reflect.Type {
	var out []reflect.Type
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || isText(t) {
			return
		}
		seen[t] = true
		out = append(out, t)
		for i := range t.NumField() {
			if f := t.Field(i); tomlKey(f) != "" {
				walk(f.Type)
			}
		}
	}
	walk(root)
	return out
}

// tomlKey is a field's key in the file, "" for one that is not in it.
func tomlKey(f reflect.StructField) string {
	key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if key == "-" || !f.IsExported() {
		return ""
	}
	if key == "" {
		return f.Name
	}
	return key
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// isText reports whether t is read from a string by its UnmarshalText.
func isText(t reflect.Type) bool { return reflect.PointerTo(t).Implements(textUnmarshaler) }

// mapType gives the schema of the types that are not what their Go kind
// says: dates and enums (strings read by UnmarshalText). Each call makes a
// new schema, since the reflector writes each property's description into
// it.
func mapType(t reflect.Type) *jsonschema.Schema {
	if t == reflect.TypeFor[scenario.Date]() {
		return &jsonschema.Schema{Type: "string", Pattern: datePattern}
	}
	if t.Kind() != reflect.String || !isText(t) {
		return nil
	}
	if allowed := enumValues(t); allowed != nil {
		s := &jsonschema.Schema{Type: "string"}
		for _, v := range allowed {
			s.Enum = append(s.Enum, v)
		}
		return s
	}
	return &jsonschema.Schema{Type: "string"}
}

// notAValue is refused by every enum: it is not even a word.
const notAValue = "\x00?"

// enumValues are the allowed values of enum type t, as its UnmarshalText
// says when refusing a value; nil when t is not an enum.
func enumValues(t reflect.Type) []string {
	v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
	var e *scenario.EnumError
	if err := v.UnmarshalText([]byte(notAValue)); errors.As(err, &e) {
		return e.Allowed
	}
	return nil
}

// setIDPattern gives a string or an array of strings the id syntax.
func setIDPattern(s *jsonschema.Schema) {
	switch {
	case s.Type == "string" && s.Enum == nil:
		s.Pattern = idPattern
	case s.Type == "array" && s.Items != nil && s.Items.Type == "string":
		s.Items.Pattern = idPattern
	}
}

// reference is what the format reference says of each table's keys.
type reference struct {
	keys map[reflect.Type]map[string]refKey
}

type refKey struct {
	what string // the description
	id   bool   // the type column says id or array of ids
}

func (r reference) describe(t reflect.Type, key string) string { return r.keys[t][key].what }
func (r reference) isID(t reflect.Type, key string) bool       { return r.keys[t][key].id }

var (
	// headerMention is a table header in backquotes: `[scenario]`,
	// `[[actors.memberships]]`.
	headerMention = regexp.MustCompile("`\\[\\[?([a-z_.]+)\\]\\]?`")
	// markdownLink is [text](target).
	markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

// parseReference reads the key tables of docs/format.md: a table whose
// header row starts with "key" describes the table named by the last
// header (`[[actors]]`) mentioned before it outside a table, or the file's
// top level under the heading "Top level".
func parseReference(md string, tables []reflect.Type) reference {
	ref := reference{keys: map[reflect.Type]map[string]refKey{}}
	paths := tablePaths(tables[0])
	var cur reflect.Type
	have := false
	var cols []string
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "|") {
			cols = nil
			m := headerMention.FindStringSubmatch(t)
			switch {
			case m != nil:
				cur, have = paths[m[1]]
			case strings.HasPrefix(t, "#") && strings.Contains(strings.ToLower(t), "top level"):
				cur, have = tables[0], true
			case strings.HasPrefix(t, "#"):
				have = false // a heading of its own: not a table's keys
			}
			continue
		}
		cells := strings.Split(strings.Trim(t, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case cols == nil:
			cols = cells
			continue
		case strings.Trim(strings.Join(cells, ""), "-: ") == "":
			continue
		case !have || len(cols) == 0 || cols[0] != "key":
			continue
		}
		key := strings.Trim(cells[0], "`")
		var k refKey
		for i, c := range cols {
			if i >= len(cells) {
				break
			}
			switch c {
			case "what":
				k.what = plainText(cells[i])
			case "type":
				k.id = cells[i] == "id" || cells[i] == "array of ids"
			}
		}
		if ref.keys[cur] == nil {
			ref.keys[cur] = map[string]refKey{}
		}
		if _, dup := ref.keys[cur][key]; !dup {
			ref.keys[cur][key] = k
		}
	}
	return ref
}

// plainText is a table cell without Markdown: no backquotes, stars or link
// targets.
func plainText(s string) string {
	s = markdownLink.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("`", "", "**", "", "\\|", "|", ", see below", "").Replace(s)
	return strings.TrimSpace(s)
}

// tablePaths maps each table's dotted path in a file ("actors",
// "actors.memberships", "variants.tracks") to its type.
func tablePaths(root reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			key := tomlKey(f)
			ft := f.Type
			for ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if key == "" || ft.Kind() != reflect.Struct || isText(ft) {
				continue
			}
			p := key
			if prefix != "" {
				p = prefix + "." + key
			}
			if _, ok := out[p]; !ok {
				out[p] = ft
				walk(p, ft)
			}
		}
	}
	walk("", root)
	return out
}
