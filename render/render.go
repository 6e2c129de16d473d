// Package render is the front door of Parley's drawing pipeline, the one
// package the command line and the window call: Diagram draws a scenario
// in one of the Views and Export writes it in one of the Formats. It only
// wires the stages together — a view package (views/...), the layout
// engine (layout) and the writers (drawing/svg, drawing/raster) — and
// re-exports the layout engine's types and constructors (Engine,
// NewInProcess, NewWorker, RunWorker ...), so that its callers import
// neither layout nor go-graphviz. It knows nothing of Fyne.
//
// docs/architecture.md says how a view or an output format is added.
package render

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/drawing/svg"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/participation"
)

// Options choose what a diagram shows.
type Options struct {
	// View names the kind of diagram, one of Views; "" is the first,
	// "participation".
	View      string
	Variant   string        // "" for the base scenario
	AsOf      scenario.Date // the day drawn; zero for the scenario's as_of
	Detail    Detail
	Direction Direction
}

// Detail chooses how people are drawn.
type Detail = participation.Detail

// Details.
const (
	// People draws each person inside their delegation.
	People = participation.People
	// Delegations folds people into the actor they represent.
	Delegations = participation.Delegations
)

// Direction is the diagram's main flow.
type Direction = participation.Direction

// Directions.
const (
	LeftToRight = participation.LeftToRight
	TopToBottom = participation.TopToBottom
)

// Views lists the names of the views, the default first.
var Views = []string{"participation"}

// view is one kind of diagram: how it is drawn, and its DOT if it is laid
// out by Graphviz (nil otherwise).
type view struct {
	draw func(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error)
	dot  func(s *scenario.Scenario, opts Options) ([]byte, error)
}

// views are the views by name; every name in Views is here.
var views = map[string]view{
	"participation": {
		draw: func(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
			return participation.Diagram(ctx, eng, s, participationOptions(opts))
		},
		dot: func(s *scenario.Scenario, opts Options) ([]byte, error) {
			g, err := participation.Build(s, participationOptions(opts))
			if err != nil {
				return nil, err
			}
			return g.DOT(), nil
		},
	},
}

func participationOptions(o Options) participation.Options {
	return participation.Options{Variant: o.Variant, AsOf: o.AsOf, Detail: o.Detail, Direction: o.Direction}
}

// viewNamed returns the view called name ("" for the default) and its name.
func viewNamed(name string) (view, string, error) {
	if name == "" {
		name = Views[0]
	}
	v, ok := views[name]
	if !ok {
		return view{}, name, fmt.Errorf("render: %w", &scenario.EnumError{What: "view", Value: name, Allowed: Views})
	}
	return v, name, nil
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

// writers write a Drawing in each format but DOT, which is written from the
// view's graph, before layout. scale applies to raster formats only.
var writers = map[Format]func(w io.Writer, d *drawing.Drawing, scale float64) error{
	SVG: func(w io.Writer, d *drawing.Drawing, _ float64) error { return svg.Write(w, d) },
	PNG: raster.WritePNG,
}

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

// Diagram builds, lays out and draws the scenario's diagram in the view
// opts.View.
func Diagram(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
	v, _, err := viewNamed(opts.View)
	if err != nil {
		return nil, err
	}
	return v.draw(ctx, eng, s, opts)
}

// Export writes the scenario's diagram in the given format. scale applies
// to PNG only (1 = 96 dpi).
func Export(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options, f Format, scale float64, w io.Writer) error {
	if f == DOT {
		v, name, err := viewNamed(opts.View)
		if err != nil {
			return err
		}
		if v.dot == nil {
			return fmt.Errorf("render: the %s view is not laid out by Graphviz: it has no DOT; use svg or png", name)
		}
		dot, err := v.dot(s, opts)
		if err != nil {
			return err
		}
		_, err = w.Write(dot)
		return err
	}
	d, err := Diagram(ctx, eng, s, opts)
	if err != nil {
		return err
	}
	if write, ok := writers[f]; ok {
		return write(w, d, scale)
	}
	return fmt.Errorf("render: unknown format %q (allowed: svg, png, dot)", f)
}
