package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/invopop/jsonschema"
	validator "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/parleyhq/parley/scenario"
)

var update = flag.Bool("update", false, "rewrite docs/scenario.schema.json")

// The schema kept in the repository, and what it is made from.
const (
	schemaFile = "../../docs/scenario.schema.json"
	formatDoc  = "../../docs/format.md"
	module     = "github.com/parleyhq/parley"
)

// generated is the schema as the repository keeps it: with the format
// reference's descriptions and the types' doc comments.
func generated(t *testing.T) []byte {
	t.Helper()
	md, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	r := &jsonschema.Reflector{}
	// AddGoComments names packages by their path below the directory it
	// is given; from the module's root that is the import path.
	t.Chdir("../..")
	if err := r.AddGoComments(module, "scenario"); err != nil {
		t.Fatal(err)
	}
	t.Chdir("scenario/schema")
	out, err := Generate(Options{Reference: string(md), Comments: r.CommentMap})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSchemaFile fails when docs/scenario.schema.json is not what the
// types make: a key, an enum value or a required key was added, removed or
// renamed in package scenario (or in the reference's key tables) without
// regenerating it with go test ./... -update.
func TestSchemaFile(t *testing.T) {
	want := generated(t)
	if *update {
		if err := os.WriteFile(schemaFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("%v (make it with go test ./scenario/schema -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the schema of the scenario types any more; run go test ./... -update and commit it.\n%s",
			filepath.Base(schemaFile), firstDifference(string(got), string(want)))
	}
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d: file has\n\t%s\ntypes make\n\t%s", i+1, a, b)
		}
	}
	return ""
}

// TestEveryKeyAndEnum: every key of every table the decoder reads is in
// the schema, with its required keys and, for an enum, every allowed
// value, in the order of package scenario's lists.
func TestEveryKeyAndEnum(t *testing.T) {
	s, err := Schema(Options{})
	if err != nil {
		t.Fatal(err)
	}
	root := reflect.TypeFor[scenario.Scenario]()
	for _, typ := range tableTypes(root) {
		obj := s
		if typ != root {
			obj = s.Definitions[typ.Name()]
		}
		if obj == nil {
			t.Fatalf("no schema for %s", typ.Name())
		}
		for i := range typ.NumField() {
			key := tomlKey(typ.Field(i))
			if key == "" {
				continue
			}
			if _, ok := obj.Properties.Get(key); !ok {
				t.Errorf("%s.%s is not in the schema", typ.Name(), key)
			}
		}
		if got, want := obj.Required, scenario.RequiredKeys(typ); !reflect.DeepEqual(got, want) && len(want) > 0 {
			t.Errorf("%s requires %v, the schema %v", typ.Name(), want, got)
		}
		if obj.AdditionalProperties != jsonschema.FalseSchema {
			t.Errorf("%s allows unknown keys; Load refuses them", typ.Name())
		}
	}
	seat := s.Definitions["Seat"]
	role, _ := seat.Properties.Get("role")
	if got, want := fmt.Sprint(role.Enum), fmt.Sprint(scenario.Roles); got != want {
		t.Errorf("roles: %s, want %s", got, want)
	}
	src := s.Definitions["Source"]
	rel, _ := src.Properties.Get("reliability")
	if got, want := fmt.Sprint(rel.Enum), fmt.Sprint(scenario.Reliabilities); got != want {
		t.Errorf("reliabilities: %s, want %s", got, want)
	}
}

// TestDescriptions: keys are described from the format reference, types
// from their doc comments, and id keys get the id syntax.
func TestDescriptions(t *testing.T) {
	var s jsonschema.Schema
	if err := json.Unmarshal(generated(t), &s); err != nil {
		t.Fatal(err)
	}
	actor := s.Definitions["Actor"]
	if !strings.HasPrefix(actor.Description, "Actor is a state") {
		t.Errorf("Actor's description: %q", actor.Description)
	}
	kind, _ := actor.Properties.Get("kind")
	if kind.Description == "" || strings.Contains(kind.Description, "`") {
		t.Errorf("actor kind's description: %q", kind.Description)
	}
	rep, _ := actor.Properties.Get("represents")
	if rep.Pattern != idPattern || !strings.Contains(rep.Description, "persons only") {
		t.Errorf("represents: pattern %q, description %q", rep.Pattern, rep.Description)
	}
	seat := s.Definitions["Seat"]
	claimed, _ := seat.Properties.Get("claimed_by")
	if claimed.Items == nil || claimed.Items.Pattern != idPattern {
		t.Errorf("claimed_by items have no id pattern: %+v", claimed.Items)
	}
	from, _ := s.Definitions["Membership"].Properties.Get("from")
	if from.Pattern != datePattern || from.Description == "" {
		t.Errorf("membership from: %+v", from)
	}
	format, _ := s.Properties.Get("format")
	if format.Const != float64(scenario.FormatVersion) {
		t.Errorf("format const = %v", format.Const)
	}
}

// compile compiles the generated schema with a draft 2020-12 validator.
func compile(t *testing.T, text []byte) *validator.Schema {
	t.Helper()
	doc, err := validator.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	c := validator.NewCompiler()
	c.DefaultDraft(validator.Draft2020)
	if err := c.AddResource(ID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(ID)
	if err != nil {
		t.Fatalf("the schema does not compile as draft 2020-12: %v", err)
	}
	return sch
}

// asJSON is a TOML document as a checker gives it to a JSON Schema: dates
// as their text.
func asJSON(t *testing.T, text string) any {
	t.Helper()
	var doc map[string]any
	if _, err := toml.Decode(text, &doc); err != nil {
		t.Fatal(err)
	}
	var conv func(v any) any
	conv = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				x[k] = conv(e)
			}
		case []map[string]any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = conv(e)
			}
			return out
		case []any:
			for i, e := range x {
				x[i] = conv(e)
			}
		case time.Time:
			return x.Format("2006-01-02")
		case int64:
			return json.Number(fmt.Sprint(x))
		}
		return v
	}
	return conv(doc)
}

// TestExamplesValid: every example scenario and every complete scenario of
// the format reference passes the schema; files with mistakes the schema
// can see fail it.
func TestExamplesValid(t *testing.T) {
	sch := compile(t, generated(t))
	files, _ := filepath.Glob("../../examples/*.toml")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(asJSON(t, string(text))); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	md, _ := os.ReadFile(formatDoc)
	for _, b := range regexp.MustCompile("(?ms)^```toml\n(.*?)^```").FindAllSubmatch(md, -1) {
		if err := sch.Validate(asJSON(t, string(b[1]))); err != nil {
			t.Errorf("a block of format.md: %v\n%s", err, b[1])
		}
	}
	const base = "format = 1\n[scenario]\ntitle = \"t\"\n"
	for _, bad := range []string{
		"format = 2\n[scenario]\ntitle = \"t\"\n",
		"format = 1\n",
		base + "colour = \"red\"\n",
		base + "[[actors]]\nid = \"fr\"\nname = \"France\"\nkind = \"country\"\n",
		base + "[[actors]]\nid = \"fr\"\nname = \"France\"\n",
		base + "[[actors]]\nid = \"FR\"\nname = \"France\"\nkind = \"state\"\n",
		base + "[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"participant\"\nfrom = \"17 Feb\"\n",
		base + "[[sources]]\nid = \"s\"\ntitle = \"x\"\nreliability = \"G\"\n",
	} {
		if err := sch.Validate(asJSON(t, bad)); err == nil {
			t.Errorf("the schema passes a wrong file:\n%s", bad)
		}
	}
}
