// Package render turns a scenario into a participation diagram: Build makes
// a graph spec (pure Go), an Engine lays it out with Graphviz (go-graphviz,
// the only importer of it in Parley), Draw turns spec and layout into a
// Drawing, and the Drawing is written as SVG or PNG or drawn by the desktop
// preview. DOT is the graph spec as text. It knows nothing of Fyne.
package render

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// Detail chooses how people are drawn.
type Detail int

// Details.
const (
	// People draws each person inside their delegation.
	People Detail = iota
	// Delegations folds people into the actor they represent.
	Delegations
)

// Direction is the diagram's main flow.
type Direction int

// Directions.
const (
	LeftToRight Direction = iota
	TopToBottom
)

// Options choose what a diagram shows.
type Options struct {
	Variant   string // "" for the base scenario
	Detail    Detail
	Direction Direction
}

// Format is an output format.
type Format string

// Formats.
const (
	SVG Format = "svg"
	PNG Format = "png"
	DOT Format = "dot"
)

// Formats lists the output formats.
var Formats = []Format{SVG, PNG, DOT}

// FormatFromName picks the format from a file name's extension.
func FormatFromName(name string) (Format, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	switch ext {
	case "svg", "png", "dot":
		return Format(ext), nil
	case "gv":
		return DOT, nil
	}
	return "", fmt.Errorf("render: cannot tell the format from %q: use .svg, .png or .dot", name)
}

// Diagram builds, lays out and draws the scenario's participation diagram.
func Diagram(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*Drawing, error) {
	g, err := Build(s, opts)
	if err != nil {
		return nil, err
	}
	if len(g.Nodes) == 0 {
		return Draw(g, &Layout{})
	}
	l, err := eng.Layout(ctx, g.layoutDOT())
	if err != nil {
		return nil, err
	}
	return Draw(g, l)
}

// Export writes the scenario's diagram in the given format. scale applies
// to PNG only (1 = 96 dpi).
func Export(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options, f Format, scale float64, w io.Writer) error {
	if f == DOT {
		g, err := Build(s, opts)
		if err != nil {
			return err
		}
		_, err = w.Write(g.DOT())
		return err
	}
	d, err := Diagram(ctx, eng, s, opts)
	if err != nil {
		return err
	}
	switch f {
	case SVG:
		return d.WriteSVG(w)
	case PNG:
		return d.WritePNG(w, scale)
	}
	return fmt.Errorf("render: unknown format %q (allowed: svg, png, dot)", f)
}
