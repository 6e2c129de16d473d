package render

import "github.com/parleyhq/parley/scenario"

// The diagram's visual language, in one place: a seat's role shows by colour
// and arrowhead, its certainty by line style, an exclusion by a red bar.

// roleStyle is how a seat of one role is drawn.
type roleStyle struct {
	Color     Color
	Arrowhead string // Graphviz arrowhead name; the legend draws the same shape
	Width     float64
}

var roleStyles = map[scenario.Role]roleStyle{
	scenario.RoleConvener:    {RGB(0x6a3d9a), "diamond", 1.6},
	scenario.RoleHost:        {RGB(0xa6611a), "box", 1.6},
	scenario.RoleMediator:    {RGB(0x1f78b4), "odiamond", 1.6},
	scenario.RoleParticipant: {RGB(0x2e7d32), "normal", 1.6},
	scenario.RoleObserver:    {RGB(0x757575), "empty", 1.2},
	scenario.RoleInvited:     {RGB(0xe08214), "vee", 1.4},
	scenario.RoleExcluded:    {RGB(0xd7191c), "tee", 2.6},
}

// certaintyStyle is how a seat of one certainty is drawn.
type certaintyStyle struct {
	Graphviz string    // Graphviz style attribute
	Dash     []float64 // the same dash pattern for our own drawing (legend)
	Width    float64   // multiplies the role's width
}

var certaintyStyles = map[scenario.Certainty]certaintyStyle{
	scenario.Confirmed:   {"solid", nil, 1.7},
	scenario.Reported:    {"solid", nil, 1},
	scenario.Claimed:     {"dashed", []float64{5, 2}, 1},
	scenario.Disputed:    {"dashed", []float64{7, 2, 1.5, 2}, 1}, // dash-dot: told apart from claimed
	scenario.Speculative: {"dotted", []float64{1, 5}, 1},
}

// certaintyLook is the style of c, treating an unset certainty as reported.
func certaintyLook(c scenario.Certainty) certaintyStyle {
	if s, ok := certaintyStyles[c]; ok {
		return s
	}
	return certaintyStyles[scenario.Reported]
}

// Fills of actor boxes and delegation frames by kind.
var kindFills = map[scenario.ActorKind]Color{
	scenario.KindState:        RGB(0xdbe9f6),
	scenario.KindBloc:         RGB(0xe2f0d9),
	scenario.KindOrganisation: RGB(0xece2f4),
	scenario.KindGroup:        RGB(0xfde9d9),
	scenario.KindPerson:       RGB(0xffffff),
}

// Fills of track boxes by status.
var statusFills = map[scenario.TrackStatus]Color{
	scenario.StatusProposed:  RGB(0xfff8e1),
	scenario.StatusPlanned:   RGB(0xfff0b3),
	scenario.StatusUnderWay:  RGB(0xd9f2d0),
	scenario.StatusConcluded: RGB(0xe8e8e8),
	scenario.StatusCancelled: RGB(0xf6d5d5),
}

var (
	inkColor    = RGB(0x222222) // text and outlines
	mutedColor  = RGB(0x555555) // secondary text
	frameColor  = RGB(0x8aa0b8) // delegation frames
	paperColor  = RGB(0xffffff)
	excludedInk = RGB(0xd7191c)
)

// Type sizes in points.
const (
	titleSize    = 16.0
	subtitleSize = 9.5
	nameSize     = 11.0
	detailSize   = 8.5
	edgeLabel    = 8.0
	legendSize   = 9.0

	padX        = 8.0  // inner padding of boxes
	padY        = 5.0  //
	wrapActor   = 150  // maximum text width in an actor box
	wrapTrack   = 190  // ... in a track box
	wrapEdge    = 140  // ... in an edge label
	headerWrap  = 640  // ... in the title block
	headerGap   = 14.0 // between the title block and the diagram
	margin      = 12.0 // around the whole picture
	legendLine  = 30.0 // length of a legend sample line
	legendGapX  = 14.0
	legendGapY  = 4.0
	clusterPadY = 4.0
)
