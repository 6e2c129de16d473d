// Command genscenario writes a generated scenario of N actors to stdout,
// for benchmarks and load tests: go run ./scenario/scenariotest/genscenario 1000
// (-dated: with seats, tracks and suspensions over time, GenerateDated).
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/parleyhq/parley/scenario/scenariotest"
)

func main() {
	args := os.Args[1:]
	dated := len(args) == 2 && args[0] == "-dated"
	if dated {
		args = args[1:]
	}
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: genscenario [-dated] ACTORS")
		os.Exit(2)
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "genscenario: ACTORS must be a positive number")
		os.Exit(2)
	}
	gen := scenariotest.Generate
	if dated {
		gen = scenariotest.GenerateDated
	}
	os.Stdout.Write(gen(n, 1))
}
