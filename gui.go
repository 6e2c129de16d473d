package main

import (
	_ "embed"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/ui"
)

// appID must match FyneApp.toml's Details.ID: preferences and storage live
// under it.
const appID = "org.parleyhq.parley"

// formatReference is docs/format.md, shown by Help → Format reference.
//
//go:embed docs/format.md
var formatReference string

// runGUI opens the desktop window on path, or on the bundled example.
func runGUI(path string) int {
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("parley.png", assets.Icon))
	w := a.NewWindow("Parley")
	ui.Version = version()
	ui.FormatReference = formatReference
	u := ui.New(a, w)
	if path == "" {
		u.OpenExample()
	} else if err := u.OpenFile(path); err != nil {
		fmt.Fprintf(os.Stderr, "parley: %v\n", err)
	}
	w.ShowAndRun()
	return exitOK
}
