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
	framePad    = 8.0  // inside a delegation frame, around its boxes
	frameGap    = 10.0 // between the boxes in a frame

	// The layout's spacing (the DOT's nodesep and ranksep), in points.
	nodeSep = 16.0
	rankSep = 79.0

	// Arrowheads along a track's side.
	slotGap    = 12.0 // at least this far apart
	maxSlotGap = 22.0 // at most
	slotMargin = 5.0  // from the box's corners

	// Actors on both sides of the tracks, from this many frames and lone boxes.
	minTwoSided = 6

	// Wrapping a long line of actors into rows.
	maxAspect       = 3.0   // the picture's long side at most this many times its short side
	maxRows         = 6     //
	headerAllowance = 140.0 // title, legend and footer, roughly

	// The sources under the picture: columns as wide as the longest entry
	// but at least this wide, this far apart, with at least this many
	// sources in each.
	sourceColW   = 160.0
	sourceColGap = 24.0
	sourceColMin = 8

	// A screen at 100% zoom (1920×1080 px), in points.
	screenW = 1440.0
	screenH = 810.0
	// What the screen test allows for beyond headerAllowance: a legend of
	// several rows, and a line of the list of sources.
	legendAllowance = 100.0
	sourceLine      = 12.0
)
