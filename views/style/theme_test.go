package style

import (
	"fmt"
	"slices"
	"testing"

	colorful "github.com/lucasb-eyer/go-colorful"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// TestPrintNeedsNoColour: in the print theme every colour is a grey, and
// what colour says elsewhere is said without it: each role by an
// arrowhead of its own, each certainty by a line style (dash pattern and
// weight) of its own.
func TestPrintNeedsNoColour(t *testing.T) {
	for _, c := range append(allPaletteColors(), drawing.RGB(0x123456), drawing.RGB(0xff00ff)) {
		if g := Print.Color(c); g.R != g.G || g.G != g.B {
			t.Errorf("print maps %s to %s, not a grey", c.Hex(), g.Hex())
		}
	}
	heads := map[string]scenario.Role{}
	for _, r := range scenario.Roles {
		h := Role(r).Arrowhead
		if other, ok := heads[h]; ok {
			t.Errorf("roles %s and %s share the arrowhead %q", other, r, h)
		}
		heads[h] = r
	}
	styles := map[string]scenario.Certainty{}
	for _, c := range scenario.Certainties {
		cs := Certainty(c)
		key := fmt.Sprint(cs.Dash, cs.Width)
		if other, ok := styles[key]; ok {
			t.Errorf("certainties %s and %s are drawn alike", other, c)
		}
		styles[key] = c
	}
}

// TestDarkContrast: on the dark theme's paper, text keeps WCAG AA contrast
// for text (4.5:1) and every role's line the 3:1 of graphics.
func TestDarkContrast(t *testing.T) {
	paper := Dark.Color(Paper)
	if contrastRatio(paper, drawing.RGB(0)) > 1.6 {
		t.Errorf("dark paper %s is not dark", paper.Hex())
	}
	for name, c := range map[string]drawing.Color{"ink": Ink, "muted": Muted, "excluded ink": ExcludedInk} {
		if cr := contrastRatio(Dark.Color(c), paper); cr < 4.5 {
			t.Errorf("dark %s %s on %s: contrast %.2f", name, Dark.Color(c).Hex(), paper.Hex(), cr)
		}
	}
	for _, r := range scenario.Roles {
		if cr := contrastRatio(Dark.Color(Role(r).Color), paper); cr < 3 {
			t.Errorf("dark %s line: contrast %.2f", r, cr)
		}
	}
	if Light.Color(Ink) != Ink || Dark.Color(drawing.Color{}) != (drawing.Color{}) {
		t.Error("light changes a colour, or dark a transparent one")
	}
}

func TestApplyLeavesTheDrawing(t *testing.T) {
	d := &drawing.Drawing{Background: Paper, Items: []drawing.Item{{Kind: drawing.KindRect, Fill: Ink, Stroke: drawing.Stroke{Color: Ink, Width: 1}}}}
	out := Dark.Apply(d)
	if d.Items[0].Fill != Ink || d.Background != Paper {
		t.Error("Apply changed its input")
	}
	if out.Items[0].Fill == Ink || out.Background == Paper {
		t.Error("Apply changed nothing")
	}
	if Light.Apply(d) != d {
		t.Error("light copies the drawing")
	}
	if _, err := ParseTheme("sepia"); err == nil {
		t.Error("ParseTheme took sepia")
	}
}

func allPaletteColors() []drawing.Color {
	var out []drawing.Color
	for _, set := range [][]named{roleColors(Light), statusColors(Light), kindColors(Light)} {
		for _, n := range set {
			out = append(out, n.color)
		}
	}
	return slices.Concat(out, []drawing.Color{Ink, Muted, Frame, Paper, ExcludedInk, Outline, WhatIfInk, NoStatusFill})
}

func relLuminance(c drawing.Color) float64 {
	r, g, b := colorful.Color{R: float64(c.R) / 255, G: float64(c.G) / 255, B: float64(c.B) / 255}.LinearRgb()
	return 0.2126*r + 0.7152*g + 0.0722*b
}

func contrastRatio(a, b drawing.Color) float64 {
	la, lb := relLuminance(a), relLuminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
