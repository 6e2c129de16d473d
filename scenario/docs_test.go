package scenario

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

const formatDoc = "../docs/format.md"

// TestDocExamples loads every ```toml block of the format reference: each
// is a complete scenario without errors or warnings.
func TestDocExamples(t *testing.T) {
	doc, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?ms)^```toml\n(.*?)^```").FindAllSubmatchIndex(doc, -1)
	if len(blocks) == 0 {
		t.Fatal("no ```toml blocks")
	}
	for _, b := range blocks {
		line := strings.Count(string(doc[:b[2]]), "\n") + 1
		s, err := Load("format.md", strings.NewReader(string(doc[b[2]:b[3]])))
		switch {
		case err != nil:
			t.Errorf("the block at line %d:\n%v", line, err)
		case len(s.Warnings) > 0:
			t.Errorf("the block at line %d:\n%v", line, s.Warnings)
		}
	}
}

// TestDocComplete: the reference names every key of every table, in
// backquotes, and every allowed value of every enum.
func TestDocComplete(t *testing.T) {
	doc, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	for typ := range shapes {
		for _, key := range tableOf(typ).keys {
			if !strings.Contains(text, "`"+key+"`") {
				t.Errorf("key %s of %s is not documented", key, typ.Name())
			}
		}
	}
	for _, values := range []any{ActorKinds, TrackKinds, TrackStatuses, Roles, SeatEnds, Certainties, Reliabilities, EventKinds, Stances} {
		v := reflect.ValueOf(values)
		for i := range v.Len() {
			if s := v.Index(i).String(); !strings.Contains(text, "`"+s+"`") {
				t.Errorf("value %q of %s is not documented", s, v.Type().Elem().Name())
			}
		}
	}
}
