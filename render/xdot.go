package render

import (
	"fmt"
	"strconv"
	"strings"
)

// Dash patterns, in points, as Graphviz's own SVG renderer writes them
// (stroke-dasharray="5,2" and "1,5", independent of the line width).
var (
	dashedPattern = []float64{5, 2}
	dottedPattern = []float64{1, 5}
)

// xdotOp is one drawing operation of Graphviz's json output (the xdot ops of
// _draw_, _hdraw_, _tdraw_, …). Only the fields we use are decoded.
type xdotOp struct {
	Op     string      `json:"op"`
	Grad   string      `json:"grad"`
	Color  string      `json:"color"`
	Stops  []xdotStop  `json:"stops"`
	Style  string      `json:"style"`
	Points [][]float64 `json:"points"`
	Rect   []float64   `json:"rect"`
}

// xdotStop is one colour stop of a gradient colour op.
type xdotStop struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

// xdotState is the graphics state an xdot op list carries from op to op.
// Every attribute (_draw_, _hdraw_, …) starts from the default state.
type xdotState struct {
	pen   Color
	fill  Color
	width float64
	dash  []float64
}

func newXDotState() xdotState {
	black := Color{0, 0, 0, 0xff}
	return xdotState{pen: black, fill: black, width: 1}
}

func (s *xdotState) stroke() Stroke {
	st := Stroke{Color: s.pen, Width: s.width}
	if s.dash != nil {
		st.Dash = append([]float64(nil), s.dash...) // items never share a slice
	}
	return st
}

// xdotItems appends the drawable ops of one xdot op list to dst, mapping
// Graphviz coordinates with tf. Text ops (F, T, t) and images (I) are
// skipped: text is drawn by our own code. Unknown ops and malformed operands
// are errors.
func xdotItems(dst []Item, ops []xdotOp, tf func(x, y float64) Point) ([]Item, error) {
	st := newXDotState()
	for i, op := range ops {
		switch op.Op {
		case "c", "C":
			col, err := xdotOpColor(op)
			if err != nil {
				return dst, fmt.Errorf("op %d: %w", i, err)
			}
			if op.Op == "c" {
				st.pen = col
			} else {
				st.fill = col
			}
		case "S":
			if err := st.applyStyle(op.Style); err != nil {
				return dst, fmt.Errorf("op %d: %w", i, err)
			}
		case "b", "B":
			pts, err := xdotPoints(op.Points, tf)
			if err != nil {
				return dst, fmt.Errorf("op %d (%s): %w", i, op.Op, err)
			}
			if len(pts) < 4 || (len(pts)-1)%3 != 0 {
				return dst, fmt.Errorf("op %d (%s): bezier has %d points, want 1+3k", i, op.Op, len(pts))
			}
			it := Item{Kind: KindBezier, Points: pts, Stroke: st.stroke()}
			if op.Op == "B" {
				it.Fill = st.fill
			}
			dst = append(dst, it)
		case "p", "P":
			pts, err := xdotPoints(op.Points, tf)
			if err != nil {
				return dst, fmt.Errorf("op %d (%s): %w", i, op.Op, err)
			}
			if len(pts) < 2 {
				return dst, fmt.Errorf("op %d (%s): polygon has %d points", i, op.Op, len(pts))
			}
			it := Item{Kind: KindPolygon, Points: pts, Stroke: st.stroke()}
			if op.Op == "P" {
				it.Fill = st.fill
			}
			dst = append(dst, it)
		case "L":
			pts, err := xdotPoints(op.Points, tf)
			if err != nil {
				return dst, fmt.Errorf("op %d (L): %w", i, err)
			}
			if len(pts) < 2 {
				return dst, fmt.Errorf("op %d (L): polyline has %d points", i, len(pts))
			}
			dst = append(dst, Item{Kind: KindPolyline, Points: pts, Stroke: st.stroke()})
		case "e", "E":
			if len(op.Rect) != 4 {
				return dst, fmt.Errorf("op %d (%s): ellipse needs 4 numbers, got %d", i, op.Op, len(op.Rect))
			}
			rx, ry := op.Rect[2], op.Rect[3]
			if !inRange(op.Rect[0], op.Rect[1], rx, ry) || rx < 0 || ry < 0 {
				return dst, fmt.Errorf("op %d (%s): bad ellipse %v", i, op.Op, op.Rect)
			}
			c := tf(op.Rect[0], op.Rect[1])
			it := Item{Kind: KindEllipse, X: c.X, Y: c.Y, W: rx, H: ry, Stroke: st.stroke()}
			if op.Op == "E" {
				it.Fill = st.fill
			}
			dst = append(dst, it)
		case "T", "F", "t", "I":
			// Text, font, font characteristics, image: we draw text ourselves.
		case "":
			return dst, fmt.Errorf("op %d: missing op", i)
		default:
			return dst, fmt.Errorf("op %d: unknown xdot op %q", i, op.Op)
		}
	}
	return dst, nil
}

// applyStyle applies one S op. Styles that do not affect lines (filled,
// rounded, …) are ignored.
func (s *xdotState) applyStyle(style string) error {
	style = strings.TrimSpace(style)
	switch {
	case style == "solid":
		s.dash = nil
	case style == "dashed":
		s.dash = dashedPattern
	case style == "dotted":
		s.dash = dottedPattern
	case style == "bold":
		s.width = 2
	case style == "invis" || style == "invisible":
		s.width = 0
	case strings.HasPrefix(style, "setlinewidth("):
		arg, ok := strings.CutSuffix(strings.TrimPrefix(style, "setlinewidth("), ")")
		if !ok {
			return fmt.Errorf("bad style %q", style)
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(arg), 64)
		if err != nil || !inRange(w) || w < 0 {
			return fmt.Errorf("bad line width in style %q", style)
		}
		s.width = w
	}
	return nil
}

// xdotPoints converts [[x,y],…] with tf.
func xdotPoints(in [][]float64, tf func(x, y float64) Point) ([]Point, error) {
	pts := make([]Point, len(in))
	for i, p := range in {
		if len(p) != 2 {
			return nil, fmt.Errorf("point %d has %d coordinates", i, len(p))
		}
		if !inRange(p[0], p[1]) {
			return nil, fmt.Errorf("point %d is out of range", i)
		}
		pts[i] = tf(p[0], p[1])
	}
	return pts, nil
}

// xdotOpColor is the colour of a c/C op; for a gradient it is the first stop.
func xdotOpColor(op xdotOp) (Color, error) {
	switch op.Grad {
	case "", "none":
		return parseXDotColor(op.Color)
	case "linear", "radial":
		if len(op.Stops) == 0 {
			return Color{}, fmt.Errorf("%s gradient without stops", op.Grad)
		}
		return parseXDotColor(op.Stops[0].Color)
	default:
		return Color{}, fmt.Errorf("unknown gradient %q", op.Grad)
	}
}

// parseXDotColor parses "#rrggbb", "#rrggbbaa" or a colour name. Unknown
// names give black, as Graphviz does; a malformed "#…" value is an error.
func parseXDotColor(s string) (Color, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "#") {
		h := s[1:]
		if len(h) != 6 && len(h) != 8 {
			return Color{}, fmt.Errorf("bad colour %q", s)
		}
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return Color{}, fmt.Errorf("bad colour %q", s)
		}
		if len(h) == 6 {
			return RGB(uint32(v)), nil
		}
		return Color{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
	}
	if c, ok := x11Colors[strings.ToLower(s)]; ok {
		return c, nil
	}
	return Color{0, 0, 0, 0xff}, nil
}

// x11Colors are the colour names Graphviz users commonly write (X11 scheme,
// Graphviz's values). Graphviz's xdot output normally resolves names to
// "#rrggbb" already; this table covers the cases where it does not.
var x11Colors = map[string]Color{
	"black":       RGB(0x000000),
	"white":       RGB(0xffffff),
	"red":         RGB(0xff0000),
	"green":       RGB(0x00ff00),
	"blue":        RGB(0x0000ff),
	"yellow":      RGB(0xffff00),
	"cyan":        RGB(0x00ffff),
	"magenta":     RGB(0xff00ff),
	"orange":      RGB(0xffa500),
	"purple":      RGB(0xa020f0),
	"brown":       RGB(0xa52a2a),
	"pink":        RGB(0xffc0cb),
	"gray":        RGB(0xc0c0c0),
	"grey":        RGB(0xc0c0c0),
	"lightgray":   RGB(0xd3d3d3),
	"lightgrey":   RGB(0xd3d3d3),
	"darkgray":    RGB(0xa9a9a9),
	"darkgrey":    RGB(0xa9a9a9),
	"dimgray":     RGB(0x696969),
	"dimgrey":     RGB(0x696969),
	"navy":        RGB(0x000080),
	"darkgreen":   RGB(0x006400),
	"darkred":     RGB(0x8b0000),
	"darkblue":    RGB(0x00008b),
	"steelblue":   RGB(0x4682b4),
	"transparent": {0xff, 0xff, 0xfe, 0},
	"none":        {0, 0, 0, 0},
	"invis":       {0, 0, 0, 0},
}

// maxCoord bounds every number we accept from Graphviz, so that sums,
// differences and inch→point conversions stay finite.
const maxCoord = 1e12

// inRange reports whether every value is finite and within ±maxCoord.
func inRange(vs ...float64) bool {
	for _, v := range vs {
		if !(v >= -maxCoord && v <= maxCoord) { // false for NaN too
			return false
		}
	}
	return true
}
