package participation

import (
	"sync"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// Graph is a participation diagram as a graph spec: every box, frame, arrow
// and text, with all text already measured in the bundled font, and the
// order the layout must keep. Graphviz only places it (its built-in metrics
// can't measure our text); DOT writes it out; Draw draws it once placed.
type Graph struct {
	Direction Direction
	Header    Block         // title, subtitle, what the variant removes
	Legend    []LegendGroup // what every mark drawn means
	// Sides are the actors before the tracks (left, or above) and after
	// them (right, or below). Each side is a list of rows (ranks: columns
	// left to right, rows top to bottom), in the order of the layout's
	// ranks; one row unless a long line of actors is wrapped. Each row is
	// in the order the layout keeps.
	Sides  [2][][]*Unit
	Frames []*Frame
	Nodes  []*Node // every box: actors and tracks
	Edges  []*Edge
	// Timeline is the tracks in date order (undated ones last, in file
	// order): they are laid out in that order, so the picture reads as a
	// sequence of talks.
	Timeline []*Node
	// Sources are the sources cited by what is drawn, in order of first
	// use; when there are several, seats and tracks show their numbers.
	Sources []SourceEntry
	// Numbered says whether seats and tracks show source numbers.
	Numbered bool

	// Title and Desc are the drawing's title and description in words.
	Title, Desc string
	// Objects describe every Ref the drawing shows (drawing.Object).
	Objects map[string]drawing.Object

	// On a stable layout (stable.go): union marks the graph Union made;
	// route is the union a picture's arrows follow; reserve is the room
	// kept above the diagram.
	union   bool
	route   *Graph
	reserve *reserve
	// routed caches a union's arrows on the layout last drawn on (the
	// paths are only read once made).
	routed struct {
		sync.Mutex
		layout *layout.Layout
		paths  map[*Edge]*path
	}
}

// TextLine is one measured line of text.
type TextLine struct {
	Text  string
	Font  drawing.FontStyle
	Size  float64
	Color drawing.Color
	W     float64 // measured width in points
}

// Block is a stack of text lines and its measured size.
type Block struct {
	Lines []TextLine
	W, H  float64
}

// Unit is what the layout places among the actors: a delegation frame or
// an actor's box on its own.
type Unit struct {
	Name  string // DOT node name (never text from the file)
	Frame *Frame // set for a frame
	Node  *Node  // set for a box on its own
	W, H  float64
	Side  int // 0: before the tracks; 1: after them
	pos   int // place in the order of its side
}

// Node is a box: an actor or a track.
type Node struct {
	// Name is the DOT node name (n1, n2 ...) of a box on its own, or the
	// port name (m1 ...) of a box inside a frame.
	Name   string
	Ref    string // "actor:ID" or "track:ID"
	Label  Block
	W, H   float64 // box size in points, whole numbers
	Fill   drawing.Color
	Stroke drawing.Stroke
	Radius float64
	Frame  *Frame        // the delegation it is drawn in, or nil
	Off    drawing.Point // in a frame: its top-left corner from the frame's
	Track  bool
	WhatIf bool // a track a variant adds or changes
	// Ghost: an actor drawn only for seats that ended by the day.
	Ghost bool
	// Hidden: in a picture drawn on a stable layout, a box of the layout
	// that this picture does not draw.
	Hidden bool
	// Mark rings the box in the diff picture (new, gone); MarkWord says
	// which in words, for its tooltip.
	Mark     drawing.Color
	MarkWord string
	// Slots are a track's arrows from each side, in the order of their
	// heads along the side of the box that faces them.
	Slots [2][]*Edge
	unit  *Unit
	index int // a track's place in the timeline
	bary  float64
}

// Frame is a delegation frame: the people who represent one actor (and the
// actor's own box, when it has seats of its own), laid out by Build and
// placed by the layout as one box.
type Frame struct {
	Name    string        // DOT node name: f1 ...
	Ref     string        // "frame:ID"
	Label   Block         // empty when the actor's own box is in the frame
	LabelAt drawing.Point // the label's top-left corner from the frame's
	Fill    drawing.Color
	Stroke  drawing.Stroke
	Members []*Node
	W, H    float64
	Hidden  bool // on a stable layout: a frame this picture does not draw
	// ownLabel: the label stands where the actor's own box is in other
	// pictures (LabelAt is that box's corner, centred).
	ownLabel bool
}

// Edge is a seat: an arrow from an actor to a track.
type Edge struct {
	ID        string // DOT id: e1, e2 ...
	Ref       string // "seat:TRACK/ACTOR/ROLE"
	Tail      *Node
	Head      *Node
	Role      scenario.Role
	Certainty scenario.Certainty // as drawn: the least sure of folded seats
	Mixed     bool               // folded seats of different certainties
	Color     drawing.Color
	Width     float64
	Style     string    // Graphviz style: solid, dashed, dotted
	Dash      []float64 // Parley's own dash pattern (nil: solid)
	Arrowhead string
	Label     Block  // empty when the seat needs no words
	Words     string // the label's words on one line, for notes
	WhatIf    bool
	// Possibly: the seat holds only possibly on the day (drawn faded).
	Possibly bool
	// Gone is why a seat that ended by the day ended; it is drawn as a
	// ghost ("walked out 16 Jul 1997").
	Gone scenario.SeatEnd
	// Hidden: an arrow of a stable layout that this picture does not draw.
	Hidden bool
	// Mark highlights the arrow in the diff picture (gained, lost, changed).
	Mark  drawing.Color
	Slot  int // its head's place along the track's side, from 0
	Side  int // the side of the tracks its actor is on
	order int
}

// LegendGroup is one row of the legend: a caption and its entries.
type LegendGroup struct {
	Caption TextLine
	Entries []LegendEntry
}

// LegendKind says what a legend entry's sample shows.
type LegendKind int

// Legend samples.
const (
	LegendRole          LegendKind = iota // an arrow in a role's colour and arrowhead
	LegendCertainty                       // a line in a certainty's style
	LegendMixed                           // a folded arrow of mixed certainty
	LegendStatus                          // a track box filled for a status
	LegendActor                           // an actor box filled for a kind
	LegendFrame                           // a delegation frame
	LegendWhatIf                          // the what-if tag
	LegendNote                            // a numbered badge
	LegendSource                          // a source number
	LegendPossibly                        // a faded arrow: holds only possibly on the day
	LegendGone                            // a ghost arrow: a seat that ended by the day
	LegendUpcoming                        // a track announced but not yet started
	LegendTrackPossibly                   // a faded track: possibly so on the day
	LegendMarked                          // the diff picture: a highlighted arrow
	LegendMarkedGhost                     // ... a highlighted ghost arrow
	LegendRing                            // ... a ringed box
)

// LegendEntry is one sample in the legend and its words.
type LegendEntry struct {
	Kind      LegendKind
	Role      scenario.Role
	Certainty scenario.Certainty
	Status    scenario.TrackStatus
	ActorKind scenario.ActorKind
	Ref       string // "legend:…"
	Text      TextLine
	mark      drawing.Color // the diff picture's ink for its sample
}

// SourceEntry is one numbered source of the footer.
type SourceEntry struct {
	N    int
	ID   string
	Text string // publisher, date: title
}

// refOf is what byRef indexes Nodes, Edges and Frames by.
func (n *Node) refOf() string  { return n.Ref }
func (e *Edge) refOf() string  { return e.Ref }
func (f *Frame) refOf() string { return f.Ref }

// byRef indexes a graph's boxes, arrows or frames by their Ref: how the
// pictures drawn on one layout (stable.go, diff.go) find each other's.
func byRef[T interface{ refOf() string }](xs []T) map[string]T {
	m := make(map[string]T, len(xs))
	for _, x := range xs {
		m[x.refOf()] = x
	}
	return m
}
