package main

import (
	_ "embed"
)

// scenarioSchema is docs/scenario.schema.json: the JSON Schema of the
// scenario format, made from package scenario's types by package
// scenario/schema (whose test fails when the file and the types differ).
//
//go:embed docs/scenario.schema.json
var scenarioSchema []byte

func init() {
	commands = append(commands, command{"schema", `usage: parley schema
Prints the JSON Schema (draft 2020-12) of the scenario format, for editors
that check TOML against one (Taplo, Even Better TOML in VS Code): put
  #:schema https://raw.githubusercontent.com/parleyhq/parley/main/docs/scenario.schema.json
(or the path of a saved copy: parley schema > scenario.schema.json) on a
scenario's first line. The schema knows keys, types, allowed values, dates
and ids; parley validate checks everything else.
`})
}

// schema prints the scenario format's JSON Schema.
func (c *cli) schema(args []string) int {
	if code, done := c.noArgs("schema", args); done {
		return code
	}
	return c.emit(scenarioSchema, "stdout")
}
