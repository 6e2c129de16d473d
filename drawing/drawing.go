// Package drawing is the device-independent picture that every output draws:
// a Drawing is a flat list of Items (rects, ellipses, polygons, polylines,
// béziers, text lines) in points, each carrying the Ref of the scenario
// object it shows, so a click can select that object. It knows nothing of
// scenarios, layout engines or Fyne.
//
// The writers live below it, one package each: drawing/svg, drawing/raster
// (PNG and the window's preview). drawing/typeset measures text and holds
// the fonts. The rules every writer follows so that the outputs agree (what
// a dash pattern, a corner radius or a negative size means, the precision of
// numbers) are here: Check, DashPattern, NormRect, RectRadius, Round.
package drawing

import "fmt"

// Drawing is a laid-out diagram as a flat list of primitives in points
// (1/72 inch), origin top-left, y growing downwards. Every output — SVG, PNG
// and the desktop preview — draws the same Drawing, so they look alike.
type Drawing struct {
	Width, Height float64
	Background    Color
	Items         []Item

	// Title and Desc say what the whole picture shows, in words: the SVG's
	// <title> and <desc>, the PDF's title and subject, what a screen reader
	// reads. Either may be empty.
	Title, Desc string
	// Objects describes the things that Items refer to, by Ref. Writers
	// group the items of one Ref together and give the group what its
	// Object says (an SVG <g> with an id, a class, data- attributes and a
	// <title> tooltip; the window's hover text). A Ref with no Object is
	// still grouped, with no tooltip. Nil when the view describes nothing.
	Objects map[string]Object
}

// Object is what a drawing says about one thing it shows (an actor, a
// track, a seat, a legend entry ...), for outputs that can carry more than
// the picture: tooltips, classes and ids for styling and scripting.
type Object struct {
	// Class is what sort of thing it is, one lower-case word usable as a
	// CSS class: "actor", "frame", "track", "seat", "legend", "header",
	// "event", "statement" ...
	Class string
	// Tooltip is the full text shown on hover, lines separated by "\n":
	// the full name, office, role, certainty, who claims it, sources, note.
	Tooltip string
	// Data are the scenario's own ids and values (e.g. "actor": "us",
	// "role": "participant"): SVG data- attributes. Keys are lower-case
	// words with hyphens; values are plain text.
	Data map[string]string
}

// ItemKind says which fields of an Item are used.
type ItemKind uint8

// Item kinds.
const (
	// KindRect: X, Y, W, H, Radius (rounded corners), Fill, Stroke.
	KindRect ItemKind = iota
	// KindEllipse: centre X, Y and radii W, H; Fill, Stroke.
	KindEllipse
	// KindPolygon: closed Points; Fill, Stroke.
	KindPolygon
	// KindPolyline: open Points; Stroke.
	KindPolyline
	// KindBezier: Points is a cubic B-spline as Graphviz gives it: p0, then
	// (c1, c2, p) triples; Stroke.
	KindBezier
	// KindText: one line of Text with its baseline starting at X, Y (Anchor
	// says whether X is the start, middle or end); Font, Size, Fill is the
	// text colour and W its measured width.
	KindText
)

// Anchor is where a text's X lies along the line.
type Anchor uint8

// Text anchors.
const (
	AnchorStart Anchor = iota
	AnchorMiddle
	AnchorEnd
)

// FontStyle picks one of the bundled faces.
type FontStyle uint8

// Font styles.
const (
	Regular FontStyle = iota
	Bold
	Italic
)

// Item is one primitive of a Drawing.
type Item struct {
	Kind   ItemKind
	X, Y   float64
	W, H   float64
	Radius float64
	Points []Point
	Fill   Color // zero alpha: not filled
	Stroke Stroke

	Text   string
	Font   FontStyle
	Size   float64 // font size in points
	Anchor Anchor

	// Ref names the scenario object the item belongs to ("actor:us",
	// "track:riyadh", "seat:3"), so a click on it can select that object.
	Ref string
}

// Stroke is how an outline or line is drawn; zero Width or alpha: no line.
type Stroke struct {
	Color Color
	Width float64
	Dash  []float64 // on/off lengths in points; nil for solid
}

// Visible reports whether the stroke draws anything.
func (s Stroke) Visible() bool { return s.Width > 0 && s.Color.A > 0 }

// Point is a position in points.
type Point struct{ X, Y float64 }

// Color is a non-premultiplied sRGB colour.
type Color struct{ R, G, B, A uint8 }

// Hex is the colour as #rrggbb (alpha ignored).
func (c Color) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// RGB is an opaque colour from 0xRRGGBB.
func RGB(v uint32) Color { return Color{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff} }
