// Package assets holds the files built into the parley binary: the bundled
// example scenario, the fonts diagrams are measured and drawn with, and the
// application icon.
package assets

import _ "embed"

//go:generate cp ../examples/ukraine-talks-2025-02.toml examples/ukraine-talks-2025-02.toml

// ExampleName is the bundled example scenario's file name.
const ExampleName = "ukraine-talks-2025-02.toml"

// Example is the bundled example scenario (a copy of
// examples/ukraine-talks-2025-02.toml kept in step by go generate and a test).
//
//go:embed examples/ukraine-talks-2025-02.toml
var Example []byte

// Icon is the application icon, 512 px (the window and taskbar icon of builds
// that are not packaged; packages carry it through FyneApp.toml).
//
//go:embed icon/parley.png
var Icon []byte
