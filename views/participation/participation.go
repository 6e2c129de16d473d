// Package participation is the participation view: who sits at which
// negotiating table, in which role, how surely, and who is shut out.
//
// Diagram is its front door: Build turns a scenario (resolved for a
// variant) into a Graph, a spec of boxes, delegation frames and arrows with
// every text already measured (drawing/typeset); the layout engine places
// the Graph's LayoutDOT; Draw turns Graph and Layout into a Drawing. DOT is
// the same Graph as standalone Graphviz input, title and legend included.
// Colours, line styles and arrowheads come from views/style.
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
