// Package grid is the participation grid: actors × tracks as a table, each
// cell showing the seat an actor takes at a track — the role's arrowhead
// and colour, the certainty's line style and in words — with rows grouped
// by side (an actor and the people who represent it) or by bloc (the
// memberships actors share), and columns in date order. For a dense
// scenario it is the readable alternative to the participation graph.
//
// Build makes the Table (the same model for every output); Draw draws
// it, laid out by Parley (no Graphviz: eng is not used); CSV and Markdown
// write it as text. Colours, arrowheads and line styles come from
// views/style, so a cell looks like the arrow it stands for.
package grid

import (
	"context"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// Options choose what a grid shows.
type Options struct {
	Variant string          // "" for the base scenario
	Filter  scenario.Filter // focus and filters; the zero Filter keeps everything
	AsOf    scenario.Date   // shown in the heading; zero: the scenario's as_of
	Group   Grouping
	Detail  Detail
}

// Grouping chooses how rows are grouped.
type Grouping int

// Groupings.
const (
	// BySide groups an actor with the people who represent it.
	BySide Grouping = iota
	// ByBloc groups actors by the blocs and organisations they belong to
	// (people with the actor they represent); the blocs come first.
	ByBloc
)

// Detail chooses whether people have rows of their own.
type Detail int

// Details.
const (
	// People gives each person a row, under the actor they represent.
	People Detail = iota
	// Delegations folds people into the actor they represent: the cell
	// says "via" whom.
	Delegations
)

// Diagram builds the scenario's grid and draws it. eng is not used: the
// grid is laid out by Parley itself.
func Diagram(_ context.Context, _ layout.Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
	t, err := Build(s, opts)
	if err != nil {
		return nil, err
	}
	return t.Draw(), nil
}
