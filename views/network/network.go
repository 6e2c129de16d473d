// Package network is the actor network view: who belongs to which bloc,
// alliance or organisation, who represents whom, and, optionally, who sits
// with whom.
//
// The view answers "who is in NATO, in the EU, in both, in neither" at a
// glance: actors that belong to the same set of blocs are framed together
// under words that say so ("Members of EU and NATO", "In none of these"),
// and each frame is tied by one line per bloc to that bloc, drawn as a hub
// in its own colour. People stand beside the actor they represent, tied to
// it. With co-participation on, parties that take part in the same tracks
// are tied too, the line as heavy as the number of tracks they share.
//
// Diagram is its front door: Build makes the Graph (boxes, frames, ties,
// every text measured with drawing/typeset); the layout engine places its
// LayoutDOT (Graphviz dot, left to right: people, actors, blocs); Draw
// turns Graph and Layout into a Drawing. Colours and type sizes come from
// views/style.
package network

import (
	"context"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// Options choose what a network shows.
type Options struct {
	Variant string          // "" for the base scenario
	Filter  scenario.Filter // focus and filters; the zero Filter keeps everything
	AsOf    scenario.Date   // shown in the heading; zero: the scenario's as_of
	// CoParticipation ties parties that take part in the same tracks
	// (people counted with the actor they represent; exclusions and
	// invitations are not taking part), weighted by how many.
	CoParticipation bool
}

// Diagram builds, lays out (with eng) and draws the scenario's network.
// A picture with nothing to draw is not laid out.
func Diagram(ctx context.Context, eng layout.Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
	g, err := Build(s, opts)
	if err != nil {
		return nil, err
	}
	if len(g.Nodes) == 0 {
		return g.Draw(&layout.Layout{})
	}
	l, err := eng.Layout(ctx, g.LayoutDOT())
	if err != nil {
		return nil, err
	}
	if len(g.Nodes) <= tryTopDown && l.Height > l.Width {
		// Tall and small (a focus, say): top to bottom may fit a screen
		// better; keep whichever does.
		g.TopDown = true
		tb, err := eng.Layout(ctx, g.LayoutDOT())
		if err == nil && screenFit(tb) < screenFit(l) {
			return g.Draw(tb)
		}
		g.TopDown = false
	}
	return g.Draw(l)
}

// tryTopDown is the most boxes for which both directions are tried.
const tryTopDown = 150

// screenFit is how many screens of 1920×1080 pixels (at 96 dpi) a layout
// needs in its worse direction, its heading allowed for.
func screenFit(l *layout.Layout) float64 {
	return max((l.Width+2*margin)/1440, (l.Height+140)/810)
}
