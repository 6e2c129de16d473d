// Package render is the front door of Parley's drawing pipeline, the one
// package the command line and the window call: Diagram draws a scenario
// in one of the Views and Export writes it in one of the Formats. It only
// wires the stages together — a view package (views/...), the layout
// engine (layout) and the writers (drawing/svg, drawing/raster,
// drawing/pdf) — and
// re-exports the layout engine's types and constructors (Engine,
// NewInProcess, NewWorker, RunWorker ...), so that its callers import
// neither layout nor go-graphviz. It knows nothing of Fyne.
//
// docs/architecture.md says how a view or an output format is added.
package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/pdf"
	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/drawing/svg"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/describe"
	"github.com/parleyhq/parley/views/grid"
	"github.com/parleyhq/parley/views/network"
	"github.com/parleyhq/parley/views/participation"
	"github.com/parleyhq/parley/views/style"
	"github.com/parleyhq/parley/views/timeline"
)

// Options choose what a diagram shows.
type Options struct {
	// View names the kind of diagram, one of Views; "" is the first,
	// "participation".
	View    string
	Variant string // "" for the base scenario
	// AsOf is the day drawn (the timeline marks it on its axis); zero for
	// the scenario's as_of.
	AsOf scenario.Date
	// Filter is the focus and filters every view applies
	// (scenario.ParseFilter reads the command line's); the zero Filter
	// keeps everything.
	Filter scenario.Filter
	// Detail: people in their delegations or folded into them
	// (participation, timeline lanes, grid rows).
	Detail Detail
	// Direction: the participation view's main flow.
	Direction Direction
	// Page is the PDF page, one of Pages: "fit" (or "", the picture's
	// size), "a4" or "letter", optionally "-portrait" or "-landscape".
	// Other formats ignore it.
	Page string
	// Theme is the look, one of Themes: "light" (or ""), "dark" or
	// "print" (greyscale; roles, certainties and statuses told apart
	// without colour). Every view and format takes it.
	Theme Theme
	// Lanes: the timeline's lanes, by actor or by track.
	Lanes Lanes
	// Group: the grid's rows, by side or by bloc.
	Group Grouping
	// CoParticipation: the network ties parties that sit at the same
	// tracks.
	CoParticipation bool
	// Layout is the participation view's layout, one of Layouts:
	// "stable" (or "", the default: one layout for the base, every
	// variant and every day of the file, so that pictures overlay) or
	// "compact" (each picture laid out on its own).
	Layout string
}

// Pages lists the PDF page names Options.Page accepts.
var Pages = pdf.Pages

// Theme is a diagram's look (views/style).
type Theme = style.Theme

// Themes.
const (
	Light = style.Light
	Dark  = style.Dark
	Print = style.Print
)

// Themes lists the themes Options.Theme accepts, the default first.
var Themes = style.Themes

// ParseTheme reads a theme's name ("" is light).
func ParseTheme(name string) (Theme, error) {
	t, err := style.ParseTheme(name)
	if err != nil {
		return t, fmt.Errorf("render: %w", errors.Unwrap(err))
	}
	return t, nil
}

// Lanes chooses how the timeline groups its marks.
type Lanes = timeline.Lanes

// Lane groupings of the timeline.
const (
	LanesByActor = timeline.ByActor
	LanesByTrack = timeline.ByTrack
)

// Grouping chooses how the grid groups its rows.
type Grouping = grid.Grouping

// Row groupings of the grid.
const (
	GroupBySide = grid.BySide
	GroupByBloc = grid.ByBloc
)

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
var Views = []string{"participation", "timeline", "network", "grid"}

// view is one kind of diagram: how it is drawn, its DOT if it is laid
// out by Graphviz, and its table if it is one (nil otherwise).
type view struct {
	draw  func(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error)
	dot   func(s *scenario.Scenario, opts Options) ([]byte, error)
	table func(s *scenario.Scenario, opts Options) (table, error)
}

// table is a view that is a table: it writes itself as text.
type table interface {
	CSV(w io.Writer) error
	Markdown(w io.Writer) error
}

// views are the views by name; every name in Views is here.
var views = map[string]view{
	"participation": {
		draw: func(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
			switch opts.Layout {
			case "", LayoutStable:
				return stableDiagram(ctx, eng, s, participationOptions(opts))
			case LayoutCompact:
				return participation.Diagram(ctx, eng, s, participationOptions(opts))
			}
			return nil, fmt.Errorf("render: %w", &scenario.EnumError{What: "layout", Value: opts.Layout, Allowed: Layouts})
		},
		dot: func(s *scenario.Scenario, opts Options) ([]byte, error) {
			g, err := participation.Build(s, participationOptions(opts))
			if err != nil {
				return nil, err
			}
			return g.DOT(), nil
		},
	},
	"timeline": {
		draw: func(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
			return timeline.Diagram(ctx, eng, s, timelineOptions(opts))
		},
	},
	"network": {
		draw: func(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
			return network.Diagram(ctx, eng, s, networkOptions(opts))
		},
		dot: func(s *scenario.Scenario, opts Options) ([]byte, error) {
			g, err := network.Build(s, networkOptions(opts))
			if err != nil {
				return nil, err
			}
			return g.DOT(), nil
		},
	},
	"grid": {
		draw: func(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
			return grid.Diagram(ctx, eng, s, gridOptions(opts))
		},
		table: func(s *scenario.Scenario, opts Options) (table, error) {
			return grid.Build(s, gridOptions(opts))
		},
	},
}

func participationOptions(o Options) participation.Options {
	return participation.Options{Variant: o.Variant, AsOf: o.AsOf, Detail: o.Detail, Direction: o.Direction, Filter: o.Filter}
}

func timelineOptions(o Options) timeline.Options {
	d := timeline.People
	if o.Detail == Delegations {
		d = timeline.Delegations
	}
	return timeline.Options{Variant: o.Variant, Filter: o.Filter, AsOf: o.AsOf, Lanes: o.Lanes, Detail: d}
}

func networkOptions(o Options) network.Options {
	return network.Options{Variant: o.Variant, Filter: o.Filter, AsOf: o.AsOf, CoParticipation: o.CoParticipation}
}

func gridOptions(o Options) grid.Options {
	d := grid.People
	if o.Detail == Delegations {
		d = grid.Delegations
	}
	return grid.Options{Variant: o.Variant, Filter: o.Filter, AsOf: o.AsOf, Group: o.Group, Detail: d}
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
	PDF Format = "pdf"
	DOT Format = "dot" // the views laid out by Graphviz: participation, network
	CSV Format = "csv" // the grid only
	MD  Format = "md"  // Markdown; the grid only
)

// Formats lists the output formats.
var Formats = []Format{SVG, PNG, PDF, DOT, CSV, MD}

// ViewFormats lists the formats a view can be written in.
func ViewFormats(name string) []Format {
	v, _, err := viewNamed(name)
	if err != nil {
		return nil
	}
	var out []Format
	for _, f := range Formats {
		if f == DOT && v.dot == nil || (f == CSV || f == MD) && v.table == nil {
			continue
		}
		out = append(out, f)
	}
	return out
}

// writers write a Drawing in each format but DOT, which is written from the
// view's graph, before layout. scale applies to raster formats only.
var writers = map[Format]func(w io.Writer, d *drawing.Drawing, scale float64, opts Options) error{
	SVG: func(w io.Writer, d *drawing.Drawing, _ float64, _ Options) error { return svg.Write(w, d) },
	PNG: func(w io.Writer, d *drawing.Drawing, scale float64, _ Options) error {
		return raster.WritePNG(w, d, scale)
	},
	PDF: func(w io.Writer, d *drawing.Drawing, _ float64, o Options) error {
		page, err := pdf.ParsePage(o.Page)
		if err != nil {
			return err
		}
		return pdf.Write(w, d, page)
	},
}

// FormatFromName picks the format from a file name's extension.
func FormatFromName(name string) (Format, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	switch ext {
	case "svg", "png", "pdf", "dot", "csv", "md":
		return Format(ext), nil
	case "gv":
		return DOT, nil
	case "markdown":
		return MD, nil
	}
	return "", fmt.Errorf("render: cannot tell the format from %q: use .svg, .png, .pdf, .dot, .csv or .md", name)
}

// Diagram builds, lays out and draws the scenario's diagram in the view
// opts.View.
func Diagram(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
	v, _, err := viewNamed(opts.View)
	if err != nil {
		return nil, err
	}
	if _, err := ParseTheme(string(opts.Theme)); err != nil {
		return nil, err
	}
	d, err := v.draw(ctx, eng, s, opts)
	if err != nil {
		return nil, err
	}
	return opts.Theme.Apply(d), nil
}

// Export writes the scenario's diagram in the given format. scale applies
// to PNG only (1 = 96 dpi), opts.Page to PDF only.
func Export(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options, f Format, scale float64, w io.Writer) error {
	if f == PDF {
		if _, err := pdf.ParsePage(opts.Page); err != nil {
			return err // before the work of drawing
		}
	}
	if f == CSV || f == MD {
		v, name, err := viewNamed(opts.View)
		if err != nil {
			return err
		}
		if v.table == nil {
			return fmt.Errorf("render: %s is a format of the grid view (-view grid), not of the %s view; use %s", f, name, formatList(ViewFormats(name)))
		}
		t, err := v.table(s, opts)
		if err != nil {
			return err
		}
		if f == CSV {
			return t.CSV(w)
		}
		return t.Markdown(w)
	}
	if f == DOT {
		v, name, err := viewNamed(opts.View)
		if err != nil {
			return err
		}
		if v.dot == nil {
			return fmt.Errorf("render: the %s view is not laid out by Graphviz: it has no DOT; use %s", name, formatList(ViewFormats(name)))
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
		return write(w, d, scale, opts)
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return fmt.Errorf("render: unknown format %q (allowed: %s)", f, strings.Join(names, ", "))
}

func formatList(fs []Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Description is what a picture shows, in plain words (views/describe).
type Description = describe.Description

// Describe says in words what the picture that opts choose shows (its
// variant, day, focus and filters; opts.View does not matter): the
// description every drawing carries, for `parley describe` and the
// window.
func Describe(s *scenario.Scenario, opts Options) (*Description, error) {
	return describe.Scenario(s, describe.Options{Variant: opts.Variant, AsOf: opts.AsOf, Filter: opts.Filter})
}
