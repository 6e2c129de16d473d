// Package participation is the participation view: who sits at which
// negotiating table, in which role, how surely, and who is shut out.
//
// Diagram is its front door. Build turns a scenario (resolved for a
// variant) into a Graph: boxes, delegation frames and arrows with every
// text already measured (drawing/typeset), what a variant changed, the
// numbered sources, the legend, and the order of everything (order.go:
// tracks by date, actors by the barycentre of their tracks, on both sides
// of them). The layout engine places the Graph's LayoutDOT, keeping that
// order. Draw turns Graph and Layout into a Drawing: Parley's own lines
// through the places Graphviz kept (route.go), every label on its own
// arrow or a numbered badge (place.go), the legend, notes and sources,
// and an Object for every Ref (tooltips, classes, data). DOT is the same
// Graph as standalone Graphviz input, title, legend and sources included.
// Colours, line styles and arrowheads come from views/style;
// views/participation/check measures the result as a reader sees it.
package participation

import (
	"context"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// Diagram builds, lays out (with eng) and draws the scenario's
// participation diagram. A picture with nothing to draw is not laid out.
func Diagram(ctx context.Context, eng layout.Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
	g, err := Build(s, opts)
	if err != nil {
		return nil, err
	}
	if len(g.Nodes) == 0 {
		return Draw(g, &layout.Layout{})
	}
	l, err := eng.Layout(ctx, g.LayoutDOT())
	if err != nil {
		return nil, err
	}
	return Draw(g, l)
}
