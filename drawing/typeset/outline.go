package typeset

import (
	"fmt"
	"math"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"github.com/parleyhq/parley/drawing"
)

// SegmentOp says what a Segment of an outline does.
type SegmentOp uint8

// Segment operations.
const (
	MoveTo SegmentOp = iota // starts a contour at Args[0]
	LineTo                  // a line to Args[0]
	QuadTo                  // a quadratic Bézier through Args[0] to Args[1]
	CubeTo                  // a cubic Bézier through Args[0], Args[1] to Args[2]
)

// Point is a position in units (1/1000 em), y down.
type Point struct{ X, Y float32 }

// Segment is one step of a glyph outline, in units from the glyph's
// origin, y down. Contours are closed; fill them with the non-zero rule.
type Segment struct {
	Op   SegmentOp
	Args [3]Point
}

var outlineCache sync.Map // GlyphKey -> []Segment

// Outline returns the outline of glyph k, emboldened for the emboldened
// faces; nil if the glyph draws nothing. The slice is shared: do not
// change it. It is safe for concurrent use.
func Outline(k GlyphKey) []Segment {
	if v, ok := outlineCache.Load(k); ok {
		return v.([]Segment)
	}
	segs := loadOutline(k)
	v, _ := outlineCache.LoadOrStore(k, segs)
	return v.([]Segment)
}

func loadOutline(k GlyphKey) []Segment {
	mustFonts()
	if k.Face >= faceCount {
		return nil
	}
	if k.Face == FaceBoxes || k.Face == FaceBoxesBold {
		return boxFor(rune(k.ID), k.Face).outline
	}
	sp := fontSpecs[k.Face]
	sh := getShaper()
	data, ok := sh.faceOf(sp.base).GlyphDataOutline(font.GID(k.ID))
	putShaper(sh)
	if !ok || len(data.Segments) == 0 {
		return nil
	}
	_, scale := fontOf(sp.base)
	out := make([]Segment, len(data.Segments))
	for i, s := range data.Segments {
		var op SegmentOp
		switch s.Op {
		case ot.SegmentOpMoveTo:
			op = MoveTo
		case ot.SegmentOpLineTo:
			op = LineTo
		case ot.SegmentOpQuadTo:
			op = QuadTo
		case ot.SegmentOpCubeTo:
			op = CubeTo
		}
		out[i].Op = op
		for j, a := range s.Args {
			out[i].Args[j] = Point{a.X * scale, -a.Y * scale}
		}
	}
	if sp.embolden {
		out = embolden(out, emboldenStrength)
	}
	return out
}

// emboldenStrength is how much synthetic bold thickens strokes, in units:
// 1/24 em in all, as FreeType's FT_GlyphSlot_Embolden, which is about the
// difference between Noto Sans Regular and Bold stems.
const emboldenStrength = UnitsPerEm / 24.0

// nArgs is the number of points a segment op takes.
func nArgs(op SegmentOp) int {
	switch op {
	case QuadTo:
		return 2
	case CubeTo:
		return 3
	}
	return 1
}

// embolden moves every point of every contour outwards by strength/2 along
// the bisector of its two edges, as FreeType's FT_Outline_EmboldenXY does:
// outer contours grow, counters shrink, so strokes thicken evenly.
func embolden(segs []Segment, strength float32) []Segment {
	out := make([]Segment, len(segs))
	copy(out, segs)
	// Orientation of the whole outline: the sign of its area.
	var area float64
	forContours(out, func(pts []*Point) {
		for i := range pts {
			a, b := pts[i], pts[(i+1)%len(pts)]
			area += float64(a.X)*float64(b.Y) - float64(b.X)*float64(a.Y)
		}
	})
	sign := float64(1)
	if area < 0 {
		sign = -1
	}
	h := float64(strength) / 2
	forContours(out, func(pts []*Point) {
		n := len(pts)
		if n < 3 {
			return
		}
		orig := make([]Point, n)
		for i, p := range pts {
			orig[i] = *p
		}
		for i := range n {
			cur := orig[i]
			// The nearest distinct neighbours.
			var in, out [2]float64
			var lin, lout float64
			for k := 1; k < n && lin == 0; k++ {
				p := orig[(i-k+n)%n]
				in = [2]float64{float64(cur.X - p.X), float64(cur.Y - p.Y)}
				lin = math.Hypot(in[0], in[1])
			}
			for k := 1; k < n && lout == 0; k++ {
				p := orig[(i+k)%n]
				out = [2]float64{float64(p.X - cur.X), float64(p.Y - cur.Y)}
				lout = math.Hypot(out[0], out[1])
			}
			if lin == 0 || lout == 0 {
				continue
			}
			in[0], in[1] = in[0]/lin, in[1]/lin
			out[0], out[1] = out[0]/lout, out[1]/lout
			d := in[0]*out[0] + in[1]*out[1]
			if d <= -0.9375 {
				continue // a spike: leave it
			}
			// Outward normals of both edges, and the shift that moves both
			// edges out by h.
			nx := sign * (in[1] + out[1])
			ny := sign * (-in[0] - out[0])
			k := h / (1 + d)
			sx, sy := nx*k, ny*k
			// Never further than the shorter edge: collapsing segments.
			if l := math.Hypot(sx, sy); l > min(lin, lout) {
				sx, sy = sx*min(lin, lout)/l, sy*min(lin, lout)/l
			}
			pts[i].X = cur.X + float32(sx)
			pts[i].Y = cur.Y + float32(sy)
		}
	})
	return out
}

// forContours calls fn with pointers to the points of each contour, in
// order, the closing point (a repeat of the first) left out.
func forContours(segs []Segment, fn func(pts []*Point)) {
	var pts []*Point
	flush := func() {
		if len(pts) > 1 && *pts[0] == *pts[len(pts)-1] {
			pts = pts[:len(pts)-1]
		}
		if len(pts) > 0 {
			fn(pts)
		}
		pts = pts[:0]
	}
	for i := range segs {
		s := &segs[i]
		if s.Op == MoveTo {
			flush()
		}
		for j := range nArgs(s.Op) {
			pts = append(pts, &s.Args[j])
		}
	}
	flush()
}

// A box stands for a character that cannot be shown as itself: a bidi
// control (dotted, with its abbreviation: RLO, LRI ...) or a character no
// bundled face has, or a control character (solid, with its code point in
// hex, as browsers draw missing glyphs). Its label is set in Noto Sans.
type box struct {
	advance float32
	outline []Segment
}

var boxCache sync.Map // GlyphKey -> *box

// Box geometry, in units.
const (
	boxTop    = -730 // about the cap height
	boxBottom = 130
	boxLine   = 40 // border thickness
	boxPad    = 60 // label to border
	boxSide   = 40 // border to the neighbouring glyphs
	boxLabel  = 0.5
)

var bidiAbbrev = map[rune]string{
	0x202a: "LRE", 0x202b: "RLE", 0x202c: "PDF", 0x202d: "LRO", 0x202e: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
}

func boxFor(r rune, face FaceID) *box {
	k := GlyphKey{face, uint32(r)}
	if v, ok := boxCache.Load(k); ok {
		return v.(*box)
	}
	b := makeBox(r, face)
	v, _ := boxCache.LoadOrStore(k, b)
	return v.(*box)
}

func makeBox(r rune, face FaceID) *box {
	labelFace := FaceSans
	if face == FaceBoxesBold {
		labelFace = FaceSansBold
	}
	dotted := isBidiControl(r)
	var rows []string
	if dotted {
		rows = []string{bidiAbbrev[r]}
	} else {
		hex := fmt.Sprintf("%04X", r)
		if len(hex) <= 4 {
			rows = []string{hex}
		} else {
			half := len(hex) / 2
			rows = []string{hex[:half], hex[half:]}
		}
	}
	// The rows, shaped in Noto Sans by hand (digits and capitals need no
	// shaping), then scaled into the box.
	sh := getShaper()
	defer putShaper(sh)
	nf := sh.faceOf(labelFace)
	_, labelScale := fontOf(labelFace)
	var width float32
	type glyph struct {
		id   font.GID
		x    float32
		row  int
		rowW float32
	}
	var gl []glyph
	rowW := make([]float32, len(rows))
	for ri, row := range rows {
		var x float32
		for _, c := range row {
			g, _ := nf.NominalGlyph(c)
			gl = append(gl, glyph{id: g, x: x, row: ri})
			x += nf.HorizontalAdvance(g) * labelScale * boxLabel
		}
		rowW[ri] = x
		width = max(width, x)
	}
	inner := width + 2*boxPad
	b := &box{advance: inner + 2*boxSide}
	x0, x1 := float32(boxSide), boxSide+inner
	var segs []Segment
	rect := func(ax, ay, bx, by float32) {
		segs = append(segs,
			Segment{Op: MoveTo, Args: [3]Point{{ax, ay}}},
			Segment{Op: LineTo, Args: [3]Point{{bx, ay}}},
			Segment{Op: LineTo, Args: [3]Point{{bx, by}}},
			Segment{Op: LineTo, Args: [3]Point{{ax, by}}},
			Segment{Op: LineTo, Args: [3]Point{{ax, ay}}})
	}
	if dotted {
		dashes := func(a, b float32, fn func(p, q float32)) {
			const dash, gap = 70, 55
			n := max(1, int(math.Round(float64((b-a+gap)/(dash+gap)))))
			step := (b - a + gap) / float32(n)
			for i := range n {
				p := a + float32(i)*step
				fn(p, p+step-gap)
			}
		}
		dashes(x0, x1, func(p, q float32) {
			rect(p, boxTop, q, boxTop+boxLine)
			rect(p, boxBottom-boxLine, q, boxBottom)
		})
		dashes(boxTop, boxBottom, func(p, q float32) {
			rect(x0, p, x0+boxLine, q)
			rect(x1-boxLine, p, x1, q)
		})
	} else {
		// A frame: the outer rectangle and, the other way round, the inner.
		rect(x0, boxTop, x1, boxBottom)
		segs = append(segs,
			Segment{Op: MoveTo, Args: [3]Point{{x0 + boxLine, boxTop + boxLine}}},
			Segment{Op: LineTo, Args: [3]Point{{x0 + boxLine, boxBottom - boxLine}}},
			Segment{Op: LineTo, Args: [3]Point{{x1 - boxLine, boxBottom - boxLine}}},
			Segment{Op: LineTo, Args: [3]Point{{x1 - boxLine, boxTop + boxLine}}},
			Segment{Op: LineTo, Args: [3]Point{{x0 + boxLine, boxTop + boxLine}}})
	}
	// Label rows, centred; cap height of Noto Sans is 714 units.
	capH := float32(714) * boxLabel
	const rowGap = 60
	total := capH*float32(len(rows)) + rowGap*float32(len(rows)-1)
	top := (boxTop+boxBottom)/2 - total/2
	for _, g := range gl {
		ox := x0 + (inner-rowW[g.row])/2 + g.x
		oy := top + capH + float32(g.row)*(capH+rowGap)
		for _, s := range Outline(GlyphKey{labelFace, uint32(g.id)}) {
			for j := range nArgs(s.Op) {
				s.Args[j] = Point{ox + s.Args[j].X*boxLabel, oy + s.Args[j].Y*boxLabel}
			}
			segs = append(segs, s)
		}
	}
	b.outline = segs
	return b
}

// BoxLabel is what the box for r says: a bidi control's abbreviation or,
// for a control character or a character no bundled face has, its code
// point in hex; "" if r is drawn as itself. For tests and docs.
func BoxLabel(r rune) string {
	if isBidiControl(r) {
		return bidiAbbrev[r]
	}
	for _, g := range Set(string(r), drawing.Regular).Glyphs {
		if g.Key.Face == FaceBoxes {
			return fmt.Sprintf("%04X", r)
		}
	}
	return ""
}
