// Command parley maps negotiation scenarios: it validates scenario files,
// renders participation diagrams and, with no command, opens the desktop
// window. See README.md for usage.
package main

import (
	_ "embed"
	"os"

	_ "github.com/parleyhq/parley/internal/fynelocale" // before Fyne's packages initialise
)

// fyneApp is the app metadata; its version is the one version of Parley.
//
//go:embed FyneApp.toml
var fyneApp []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
