// Package style is the visual language that every view of a scenario
// shares, in one place, so that all views look alike: a seat's role shows
// by colour and arrowhead, its certainty by line style, an exclusion by a
// red bar; actor boxes are filled by kind and track boxes by status; the
// ink colours and type sizes; and the drawing of arrowheads and legend
// samples. It knows the scenario's vocabulary (roles, certainties, kinds)
// and the drawing, nothing of layout engines or outputs.
package style

import (
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// RoleLook is how a seat of one role is drawn.
type RoleLook struct {
	Color     drawing.Color
	Arrowhead string // Graphviz arrowhead name; Arrowhead draws the same shape
	Width     float64
}

// Role is how a seat of role r is drawn (the zero RoleLook for an unknown
// role).
func Role(r scenario.Role) RoleLook { return roleStyles[r] }

// The colours keep each role's hue (convener purple, host brown, excluded
// red ...) at lightnesses spread so that readers with deuteranopia,
// protanopia or tritanopia still tell every pair apart, in the light and
// the dark theme (palette_test.go measures it): participant is a dark green
// and host a dark brown so that neither is mistaken for excluded's crimson.
var roleStyles = map[scenario.Role]RoleLook{
	scenario.RoleConvener:    {drawing.RGB(0x966ab1), "diamond", 1.6},
	scenario.RoleHost:        {drawing.RGB(0x623610), "box", 1.6},
	scenario.RoleMediator:    {drawing.RGB(0x177bea), "odiamond", 1.6},
	scenario.RoleParticipant: {drawing.RGB(0x134f30), "normal", 1.6},
	scenario.RoleObserver:    {drawing.RGB(0x5b607c), "empty", 1.2},
	scenario.RoleInvited:     {drawing.RGB(0xc1821c), "vee", 1.4},
	scenario.RoleExcluded:    {drawing.RGB(0xb21f3f), "tee", 2.6},
	// The roles of PA-X's third parties and signatories. Hues between the
	// seven above (teal, olive, indigo, magenta, blue-grey), and shapes of
	// their own, so that each is told apart by its arrowhead alone too:
	// chair a filled dot, facilitator a hollow dot, guarantor a hollow
	// box (a host's is filled), signatory a filled triangle pointing back
	// along the line (Graphviz's "inv"), witness a hollow one.
	scenario.RoleChair:       {drawing.RGB(0x289178), "dot", 1.6},
	scenario.RoleFacilitator: {drawing.RGB(0x978c51), "odot", 1.4},
	scenario.RoleGuarantor:   {drawing.RGB(0x383790), "obox", 1.6},
	scenario.RoleSignatory:   {drawing.RGB(0x83495a), "inv", 1.6},
	scenario.RoleWitness:     {drawing.RGB(0x464145), "oinv", 1.2},
}

// CertaintyLook is how a seat of one certainty is drawn.
type CertaintyLook struct {
	Graphviz string    // Graphviz style attribute
	Dash     []float64 // the same dash pattern for Parley's own drawing
	Width    float64   // multiplies the role's width
}

var certaintyStyles = map[scenario.Certainty]CertaintyLook{
	scenario.Confirmed:   {"solid", nil, 1.7},
	scenario.Reported:    {"solid", nil, 1},
	scenario.Claimed:     {"dashed", []float64{5, 2}, 1},
	scenario.Disputed:    {"dashed", []float64{7, 2, 1.5, 2}, 1}, // dash-dot: told apart from claimed
	scenario.Speculative: {"dotted", []float64{1, 5}, 1},
}

// Certainty is how a seat of certainty c is drawn, treating an unset (or
// unknown) certainty as reported.
func Certainty(c scenario.Certainty) CertaintyLook {
	if s, ok := certaintyStyles[c]; ok {
		return s
	}
	return certaintyStyles[scenario.Reported]
}

// KindFill is the fill of an actor box or delegation frame for an actor of
// kind k; zero (transparent) for an unknown kind.
func KindFill(k scenario.ActorKind) drawing.Color { return kindFills[k] }

var kindFills = map[scenario.ActorKind]drawing.Color{
	scenario.KindState:        drawing.RGB(0xc9e5ff),
	scenario.KindBloc:         drawing.RGB(0xeafae1),
	scenario.KindOrganisation: drawing.RGB(0xe5dce6),
	scenario.KindGroup:        drawing.RGB(0xf1dbbb),
	scenario.KindPerson:       drawing.RGB(0xffffff),
}

// StatusFill is the fill of a track box for a track of status st; zero
// (transparent) for an unknown status.
func StatusFill(st scenario.TrackStatus) drawing.Color { return statusFills[st] }

var statusFills = map[scenario.TrackStatus]drawing.Color{
	scenario.StatusProposed:  drawing.RGB(0xfff8e1),
	scenario.StatusPlanned:   drawing.RGB(0xffeb99),
	scenario.StatusUnderWay:  drawing.RGB(0xd4efc6),
	scenario.StatusSuspended: drawing.RGB(0xdcd3f0), // a pale grey-violet: under way, but on hold
	scenario.StatusConcluded: drawing.RGB(0xe2e2e2),
	scenario.StatusCancelled: drawing.RGB(0xf8d0cc),
}

// Ink colours.
var (
	Ink         = drawing.RGB(0x222222) // text and outlines
	Muted       = drawing.RGB(0x555555) // secondary text
	Frame       = drawing.RGB(0x8aa0b8) // delegation frames
	Paper       = drawing.RGB(0xffffff) // the background
	ExcludedInk = drawing.RGB(0xb21f3f) // the words of an exclusion, in its line's colour
)

// Type sizes in points.
const (
	TitleSize     = 16.0
	SubtitleSize  = 9.5
	NameSize      = 11.0
	DetailSize    = 8.5
	EdgeLabelSize = 8.0
	LegendSize    = 9.0
)

// More inks and fills.
var (
	Outline      = drawing.RGB(0x5b6b7b) // actor boxes
	WhatIfInk    = drawing.RGB(0xc2185b) // what a variant adds or changes
	NoStatusFill = drawing.RGB(0xfbfbfb) // a track whose status is not stated
)

// TrackBorder is how a track box's outline shows how sure it is that the
// track exists: the certainty's dash, heavier for confirmed, as arrows.
func TrackBorder(c scenario.Certainty) drawing.Stroke {
	cs := Certainty(c)
	return drawing.Stroke{Color: Ink, Width: 1.2 * cs.Width, Dash: cs.Dash}
}
