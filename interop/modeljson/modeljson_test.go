package modeljson

import (
	"bytes"
	"encoding/json"
	"flag"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/parleyhq/parley/internal/viewtest"
	"github.com/parleyhq/parley/scenario"
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/")

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("schema.json does not compile: %v", err)
	}
	return sch
}

func export(t testing.TB, s *scenario.Scenario, variant string, f scenario.Filter) []byte {
	t.Helper()
	p, err := s.Resolve(variant, scenario.Date{})
	if err != nil {
		t.Fatal(err)
	}
	sel, err := p.Select(f)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, sel, scenario.Date{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func validate(t testing.TB, sch *jsonschema.Schema, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("does not validate against schema.json: %v", err)
	}
}

// TestExamplesValidate: every example, in every variant and narrowed,
// gives a document the schema accepts; the base example is a golden.
func TestExamplesValidate(t *testing.T) {
	sch := compileSchema(t)
	for _, ex := range viewtest.Examples(t) {
		for _, v := range ex.Variants {
			data := export(t, ex.Scenario, v, scenario.Filter{})
			validate(t, sch, data)
			if v == "" {
				viewtest.Golden(t, ex.Name+".json", data)
			}
		}
		data := export(t, ex.Scenario, "", scenario.Filter{Roles: []scenario.Role{scenario.RoleParticipant}, Kinds: []scenario.ActorKind{scenario.KindState}, From: scenario.Date{Year: 2000}})
		validate(t, sch, data)
	}
}

// TestEveryFieldIsInTheSchema: each field of the format's types has its
// place in the schema, so a field added to the format cannot go out
// undocumented (or be refused by a strict reader).
func TestEveryFieldIsInTheSchema(t *testing.T) {
	var schema struct {
		Defs map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	for def, typ := range map[string]any{"source": scenario.Source{}, "actor": scenario.Actor{}, "membership": scenario.Membership{},
		"track": scenario.Track{}, "seat": scenario.Seat{}, "event": scenario.Event{}, "statement": scenario.Statement{}} {
		rt := reflect.TypeOf(typ)
		for i := range rt.NumField() {
			name, _, _ := strings.Cut(rt.Field(i).Tag.Get("toml"), ",")
			if name == "" || name == "-" {
				continue
			}
			if _, ok := schema.Defs[def].Properties[name]; !ok {
				t.Errorf("%s.%s (%s) is not in schema.json's %s", rt.Name(), rt.Field(i).Name, name, def)
			}
		}
	}
}

// TestWhatTheModelSays: dates with the days they may mean, a variant's
// changes marked, a focus's context actors marked, text as written.
func TestWhatTheModelSays(t *testing.T) {
	var s *scenario.Scenario
	for _, ex := range viewtest.Examples(t) {
		if ex.Name == "ukraine-talks-2025-02" {
			s = ex.Scenario
		}
	}
	var doc struct {
		Variant struct{ ID string }
		Tracks  []map[string]any
		Seats   []map[string]any
		Actors  []map[string]any
	}
	if err := json.Unmarshal(export(t, s, "trump-meets-putin-first", scenario.Filter{Focus: []string{"track:msc-2025"}}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Variant.ID != "trump-meets-putin-first" || len(doc.Tracks) != 1 || doc.Tracks[0]["id"] != "msc-2025" || doc.Tracks[0]["what_if"] != nil {
		t.Errorf("variant %v, tracks %v", doc.Variant, doc.Tracks)
	}
	start := doc.Tracks[0]["start"].(map[string]any)
	if start["text"] != "2025-02" || start["precision"] != "month" || start["earliest"] != "2025-02-01" || start["latest"] != "2025-02-28" {
		t.Errorf("start %v", start)
	}
	context := map[string]bool{}
	for _, a := range doc.Actors {
		if a["context"] == true {
			context[a["id"].(string)] = true
		}
	}
	// The people at Munich are shown; the states they represent are there
	// for reference only.
	if !context["us"] || !context["ua"] || context["zelensky"] {
		t.Errorf("context actors %v", context)
	}
	var all struct{ Tracks, Seats []map[string]any }
	json.Unmarshal(export(t, s, "trump-meets-putin-first", scenario.Filter{}), &all)
	whatIf := 0
	for _, x := range append(all.Tracks, all.Seats...) {
		if x["what_if"] == true {
			whatIf++
		}
	}
	if whatIf != 4 {
		t.Errorf("%d things marked what if, want the summit and its 3 seats", whatIf)
	}
}

func FuzzWrite(f *testing.F) {
	f.Add("Title", "Name", "note")
	f.Add("<b>&amp;</b>", "\"q\" \\", "\u2028\x00")
	f.Add("", "\xff", "Зеленський 🇺🇦")
	sch := compileSchema(f)
	f.Fuzz(func(t *testing.T, title, name, note string) {
		s := &scenario.Scenario{Format: 1, Meta: scenario.Meta{Title: title},
			Sources: []scenario.Source{{ID: "s", Title: note}},
			Actors:  []scenario.Actor{{ID: "a", Name: name, Kind: scenario.KindState, Note: note}},
			Tracks:  []scenario.Track{{ID: "t", Name: name, Kind: scenario.TrackTalks, Sources: []string{"s"}}},
			Seats:   []scenario.Seat{{Track: "t", Actor: "a", Role: scenario.RoleHost, Note: note, Sources: []string{"s"}}}}
		data := export(t, s, "", scenario.Filter{})
		validate(t, sch, data)
		var doc struct {
			Scenario struct{ Title string }
			Actors   []struct{ Name, Note string }
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		want := string([]rune(note)) // each invalid byte becomes U+FFFD, as encoding/json does
		if len(doc.Actors) != 1 || doc.Actors[0].Note != want {
			t.Fatalf("note %q came back as %q", note, doc.Actors)
		}
	})
}

// TestSchemaRefuses: the schema is not a formality: a wrong role, an
// unknown key or a bad date is refused.
func TestSchemaRefuses(t *testing.T) {
	sch := compileSchema(t)
	good := string(export(t, viewtest.Examples(t)[0].Scenario, "", scenario.Filter{}))
	for _, bad := range []struct{ from, to string }{
		{`"role": "participant"`, `"role": "particpant"`},
		{`"parley_model": 1`, `"parley_model": 1, "extra": true`},
		{`"precision": "day"`, `"precision": "week"`},
	} {
		doc := strings.Replace(good, bad.from, bad.to, 1)
		if doc == good {
			t.Fatalf("%s is not in the document", bad.from)
		}
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err := sch.Validate(v); err == nil {
			t.Errorf("the schema accepts %s", bad.to)
		}
	}
}

// TestSchemaEnums: the schema's allowed values are the format's.
func TestSchemaEnums(t *testing.T) {
	var schema struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Enum []string `json:"enum"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	strs := func(vs any) []string {
		var out []string
		rv := reflect.ValueOf(vs)
		for i := range rv.Len() {
			out = append(out, rv.Index(i).String())
		}
		return out
	}
	for _, c := range []struct {
		def, prop string
		want      any
	}{
		{"seat", "role", scenario.Roles}, {"seat", "certainty", scenario.Certainties}, {"seat", "ended", scenario.SeatEnds},
		{"track", "status", scenario.TrackStatuses}, {"track", "kind", scenario.TrackKinds}, {"actor", "kind", scenario.ActorKinds},
		{"event", "kind", scenario.EventKinds}, {"statement", "stance", scenario.Stances}, {"source", "reliability", scenario.Reliabilities},
	} {
		if got := schema.Defs[c.def].Properties[c.prop].Enum; strings.Join(got, ",") != strings.Join(strs(c.want), ",") {
			t.Errorf("schema %s.%s allows %v, the format %v", c.def, c.prop, got, strs(c.want))
		}
	}
}
