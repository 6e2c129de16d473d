// Command genscenario writes a generated scenario of N actors to stdout,
// for benchmarks and load tests: go run ./scenario/scenariotest/genscenario 1000
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/parleyhq/parley/scenario/scenariotest"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genscenario ACTORS")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "genscenario: ACTORS must be a positive number")
		os.Exit(2)
	}
	os.Stdout.Write(scenariotest.Generate(n, 1))
}
