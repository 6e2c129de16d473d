package typeset

import (
	"flag"
	"slices"
	"testing"

	"github.com/parleyhq/parley/drawing"
)

// update is accepted, as by every package's tests (go test ./... -update);
// this package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

// TestGlyphs: glyphs are placed as MeasureText measures, ink-less runes
// yield none, and a missing wide rune is a .notdef box centred in its room.
func TestGlyphs(t *testing.T) {
	f := FaceFor(drawing.Regular)
	if f != FaceFor(drawing.FontStyle(99)) {
		t.Error("an unknown style is not the regular face")
	}
	if f == FaceFor(drawing.Bold) {
		t.Error("bold is the regular face")
	}
	const s = "AV\u200bTo"
	var gs []Glyph
	for g := range f.Glyphs(s) {
		gs = append(gs, g)
	}
	if len(gs) != 4 {
		t.Fatalf("%q gave %d glyphs, want 4 (the zero-width space leaves no ink)", s, len(gs))
	}
	if !slices.IsSortedFunc(gs, func(a, b Glyph) int { return int(a.Pen - b.Pen) }) || gs[0].Pen != 0 {
		t.Errorf("pens %v", gs)
	}
	// The pen after "AV" is A's advance plus the AV kerning: MeasureText's.
	if got, want := float64(gs[2].Pen)*12/float64(f.UnitsPerEm()), MeasureText("AV", drawing.Regular, 12); got != want {
		t.Errorf("pen of T at %g pt, MeasureText(\"AV\") = %g", got, want)
	}
	if f.Advance(s) != f.Advance("AVTo") {
		t.Error("the zero-width space takes room")
	}
	// An emoji the font lacks: one .notdef glyph in a 1 em slot.
	var emoji []Glyph
	for g := range f.Glyphs("🕊") {
		emoji = append(emoji, g)
	}
	if len(emoji) != 1 || emoji[0].ID != 0 || !(emoji[0].Shift > 0) {
		t.Errorf("emoji glyphs %v, want one centred .notdef", emoji)
	}
	for range f.Glyphs("abc") {
		break // stopping early must not panic
	}
}

func TestOutline(t *testing.T) {
	f := FaceFor(drawing.Bold)
	var id GlyphID
	for g := range f.Glyphs("O") {
		id = g.ID
	}
	segs := f.Outline(id)
	if len(segs) < 4 || segs[0].Op != MoveTo {
		t.Fatalf("outline of O: %v", segs)
	}
	moves := 0
	for _, s := range segs {
		if s.Op == MoveTo {
			moves++
		}
		if s.Op > CubeTo {
			t.Errorf("unknown op %d", s.Op)
		}
	}
	if moves != 2 {
		t.Errorf("O has %d contours, want 2", moves)
	}
	// y down: the top of an O is above the baseline, at negative y.
	if segs[0].Args[0].Y >= 0 && segs[1].Args[0].Y >= 0 {
		t.Errorf("outline not y-down: %v", segs[:2])
	}
	segs[0].Op = CubeTo
	if f.Outline(id)[0].Op != MoveTo {
		t.Error("Outline returns a shared slice")
	}
	var space GlyphID
	for g := range FaceFor(drawing.Regular).Glyphs(" ") {
		space = g.ID
	}
	if got := FaceFor(drawing.Regular).Outline(space); got != nil {
		t.Errorf("a space has an outline: %v", got)
	}
}
