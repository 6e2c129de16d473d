// Package layout is Parley's layout engine: DOT text in, positions and
// splines out. It is the only package that imports go-graphviz (Graphviz
// compiled to WebAssembly), and it knows nothing of scenarios, drawings or
// Fyne.
//
// The front door is Engine, with two implementations: InProcess (one
// go-graphviz instance behind a process-wide mutex, for one-shot renders)
// and Worker (go-graphviz in recycled child processes running RunWorker, for
// long-lived programs). Both check the DOT first (only one graph, nothing
// after it) and return a Layout, which ParseLayout reads from Graphviz's
// json0 output: node boxes, cluster boxes and edge splines in points, origin
// top-left, y down.
//
// Error messages keep the "render: " prefix they had before this package
// was split out of render, because users (and the window, which strips it)
// see them.
package layout

// Point is a position in points (1/72 inch), origin top-left, y down. It has
// the same fields as drawing.Point, so a view converts one to the other
// with a plain conversion (drawing.Point(p)); layout does not import drawing.
type Point struct{ X, Y float64 }
