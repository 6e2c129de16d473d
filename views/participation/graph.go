package participation

import (
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// Graph is a participation diagram as a graph spec: every box, frame, arrow
// and text, with all text already measured in the bundled font. Graphviz
// only places it (its built-in metrics can't measure our text); DOT writes
// it out; Draw draws it once placed.
type Graph struct {
	Direction Direction
	Header    Block         // title, as-of and source lines
	Legend    []LegendEntry // exactly the roles and certainties drawn
	Clusters  []*Cluster
	Nodes     []*Node
	Edges     []*Edge
	// Timeline is the tracks in date order (undated ones last, in file
	// order): they are laid out in that order, so the picture reads as a
	// sequence of talks.
	Timeline []*Node
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

// Node is a box: an actor or a track.
type Node struct {
	Name    string // DOT name: n1, n2 ... (never text from the file)
	Ref     string // "actor:ID" or "track:ID"
	Label   Block
	W, H    float64 // box size in points
	Fill    drawing.Color
	Stroke  drawing.Stroke
	Radius  float64
	Cluster *Cluster // the delegation it is drawn in, or nil
	Track   bool
}

// Cluster is a delegation frame: the people who represent one actor.
type Cluster struct {
	Name   string // DOT name: cluster_1 ...
	Ref    string
	Label  Block
	Fill   drawing.Color
	Stroke drawing.Stroke
}

// Edge is a seat: an arrow from an actor to a track.
type Edge struct {
	ID        string // DOT id: e1, e2 ...
	Ref       string // "seat:TRACK/ACTOR/ROLE"
	Tail      *Node
	Head      *Node
	Role      scenario.Role
	Certainty scenario.Certainty
	Color     drawing.Color
	Width     float64
	Style     string    // Graphviz style: solid, dashed, dotted
	Dash      []float64 // Parley's own dash pattern (nil: solid)
	Arrowhead string
	Label     Block // empty when the seat needs no words
}

// LegendEntry is one sample in the legend: a role (colour and arrowhead) or
// a certainty (line style).
type LegendEntry struct {
	Role      scenario.Role      // set for a role entry
	Certainty scenario.Certainty // set for a certainty entry
	Text      TextLine
}
