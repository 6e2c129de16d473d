package typeset

import (
	"iter"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/parleyhq/parley/drawing"
)

// Face is one of the bundled faces, for drawing text glyph by glyph. The
// zero Face is not usable; get one from FaceFor. Faces are comparable and
// safe for concurrent use.
type Face struct{ f *fontFace }

// FaceFor returns the bundled face for style (Regular for unknown styles).
func FaceFor(style drawing.FontStyle) Face { return Face{faceFor(style)} }

// UnitsPerEm is the face's design grid: font units per em. Glyph positions
// and outlines are in font units; at size points, one font unit is
// size/UnitsPerEm points.
func (f Face) UnitsPerEm() int32 { return f.f.upem }

// Advance is the advance width of s set on one line, in font units, as
// MeasureText measures it.
func (f Face) Advance(s string) int64 { return f.f.units(s) }

// GlyphID is a glyph's index in its face; 0 is the .notdef glyph (a box),
// drawn for runes the face lacks.
type GlyphID uint16

// Glyph is one glyph of a line of text.
type Glyph struct {
	ID GlyphID
	// Pen is the glyph's origin on the baseline, in font units from the
	// line's start, kerning included.
	Pen int64
	// Shift moves the glyph right, in font units, from Pen: a .notdef box
	// standing for a wide rune is centred in the room that rune takes.
	Shift float64
}

// Glyphs yields the glyphs that leave ink when s is set on one line, in
// order, positioned as MeasureText measures s: runes that take no room, and
// runes the fallback rule gives no width, yield nothing.
func (f Face) Glyphs(s string) iter.Seq[Glyph] {
	return func(yield func(Glyph) bool) {
		ff := f.f
		sh := newShaper(ff)
		var pen int64
		for _, r := range s {
			kern, adv, gi := sh.next(r)
			pen += int64(kern)
			g := gi.glyph
			if gi.class == classZero || gi.class == classZWJ || (g == 0 && adv == 0) {
				pen += int64(adv)
				continue
			}
			gl := Glyph{ID: GlyphID(g), Pen: pen}
			if g == 0 && adv > ff.notdef {
				gl.Shift = float64(adv-ff.notdef) / 2
			}
			pen += int64(adv)
			if !yield(gl) {
				return
			}
		}
	}
}

// SegmentOp says what a Segment of an outline does.
type SegmentOp uint8

// Segment operations.
const (
	MoveTo SegmentOp = iota // starts a contour at Args[0]
	LineTo                  // a line to Args[0]
	QuadTo                  // a quadratic Bézier through Args[0] to Args[1]
	CubeTo                  // a cubic Bézier through Args[0], Args[1] to Args[2]
)

// Segment is one step of a glyph outline. Points are in font units × 64
// (26.6 fixed point), from the glyph's origin, y down. Contours are closed.
type Segment struct {
	Op   SegmentOp
	Args [3]fixed.Point26_6
}

// Outline returns glyph id's outline, a new slice each call (callers
// cache); nil if the glyph has none or cannot be read.
func (f Face) Outline(id GlyphID) []Segment {
	ff := f.f
	ff.mu.Lock()
	defer ff.mu.Unlock()
	segs, err := ff.font.LoadGlyph(&ff.buf, sfnt.GlyphIndex(id), ff.ppem(), nil)
	if err != nil || len(segs) == 0 {
		return nil
	}
	out := make([]Segment, len(segs))
	for i, s := range segs {
		var op SegmentOp
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			op = MoveTo
		case sfnt.SegmentOpLineTo:
			op = LineTo
		case sfnt.SegmentOpQuadTo:
			op = QuadTo
		case sfnt.SegmentOpCubeTo:
			op = CubeTo
		}
		out[i] = Segment{Op: op, Args: s.Args}
	}
	return out
}
