// Package timeline is the timeline view: a scenario's tracks, events and
// statements on a date axis, in lanes by actor or by track.
//
// Diagram is its front door. It lays the picture out itself — a date axis
// needs no Graphviz, so the layout engine is not used — in four steps:
// build makes a mark for every track, event and statement the selection
// keeps, with its text measured (drawing/typeset); the axis is scaled to
// the marks' dates at day precision; pack places each lane's marks in
// rows so that no two labels overlap (a greedy interval packer: each mark
// takes the first row where it fits, which for marks sorted by start
// gives the fewest rows); draw turns it into a Drawing. Colours, line
// styles and type sizes come from views/style.
//
// How dates are drawn: a date known to the day is a marker on that day; a
// date known to the month or year is a band over every day it may mean;
// an approximate date ("~") adds a faint band as far as it may be off (a
// week, a month, a year) and says "c.". A track is a bar from its start to
// its end. Certainty is the outline's dash, as in the participation view,
// and a word where it is not on the record; every mark cites its sources
// by number, listed in the footer.
package timeline

import (
	"context"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// Options choose what a timeline shows.
type Options struct {
	Variant string          // "" for the base scenario
	Filter  scenario.Filter // focus and filters; the zero Filter keeps everything
	// AsOf is the day marked on the axis; zero: the scenario's as_of. The
	// timeline shows every day, so it does not narrow what is drawn.
	AsOf  scenario.Date
	Lanes Lanes
	// Detail chooses whether a person has a lane of their own (People) or
	// shares the lane of the actor they represent (Delegations). It
	// matters only with lanes by actor.
	Detail Detail
}

// Lanes chooses how marks are grouped.
type Lanes int

// Lane groupings.
const (
	// ByActor gives the tracks a lane of their own, then a lane to each
	// actor with its events and statements.
	ByActor Lanes = iota
	// ByTrack gives each track a lane with its bar, the events at it and
	// the statements made at it or at those events; the rest go last.
	ByTrack
)

// Detail chooses how people are grouped in lanes by actor.
type Detail int

// Details.
const (
	People      Detail = iota // a lane per person
	Delegations               // a person's marks in the lane of the actor they represent
)

// Diagram draws the scenario's timeline. eng is not used: the timeline is
// laid out on its date axis by Parley itself.
func Diagram(_ context.Context, _ layout.Engine, s *scenario.Scenario, opts Options) (*drawing.Drawing, error) {
	t, err := Build(s, opts)
	if err != nil {
		return nil, err
	}
	return t.Draw(), nil
}
