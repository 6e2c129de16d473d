package participation

import "github.com/parleyhq/parley/scenario"

// Options choose what a participation diagram shows.
type Options struct {
	Variant   string        // "" for the base scenario
	AsOf      scenario.Date // the day drawn; zero for the scenario's as_of
	Detail    Detail
	Direction Direction
	// Filter is the focus and filters (scenario.Filter); the zero Filter
	// keeps everything.
	Filter scenario.Filter
}

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

// The participation diagram's own measures, in points (the type sizes and
// colours that every view shares are in views/style).
const (
	padX        = 8.0  // inner padding of boxes
	padY        = 5.0  //
	wrapActor   = 150  // maximum text width in an actor box
	wrapTrack   = 190  // ... in a track box
	wrapEdge    = 140  // ... in an edge label
	headerWrap  = 640  // ... in the title block
	headerGap   = 14.0 // between the title block and the diagram
	margin      = 12.0 // around the whole picture
	legendGapX  = 14.0
	legendGapY  = 4.0
	clusterPadY = 4.0
)
