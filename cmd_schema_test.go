package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestSchemaCommand: parley schema prints the schema kept in docs/, which
// is JSON, and takes no arguments.
func TestSchemaCommand(t *testing.T) {
	code, stdout, stderr := parley(t, "schema")
	want, err := os.ReadFile("docs/scenario.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if code != exitOK || stdout != string(want) || stderr != "" {
		t.Fatalf("schema: exit %d, %d bytes (want %d), stderr %q", code, len(stdout), len(want), stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("not a draft 2020-12 schema: %v %v", err, doc["$schema"])
	}
	if code, _, stderr := parley(t, "schema", "x"); code != exitUsage || !strings.Contains(stderr, "takes no arguments") {
		t.Errorf("schema x: exit %d, %q", code, stderr)
	}
	if code, stdout, _ := parley(t, "schema", "-h"); code != exitOK || !strings.Contains(stdout, "#:schema") {
		t.Errorf("schema -h: exit %d, %q", code, stdout)
	}
	if code, stdout, _ := parley(t, "help"); code != exitOK || !strings.Contains(stdout, "parley schema") {
		t.Errorf("help does not list schema: %q", stdout)
	}
}
