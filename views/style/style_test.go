package style

import (
	"flag"
	"fmt"
	"math"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// update is accepted, as by every package's tests (go test ./... -update);
// this package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

// TestEveryValueHasALook: every role, certainty, kind and status of the
// format is drawn distinctly, so a view never draws one invisibly.
func TestEveryValueHasALook(t *testing.T) {
	arrowheads := map[string]scenario.Role{}
	for _, r := range scenario.Roles {
		l := Role(r)
		if l.Color.A == 0 || l.Width <= 0 || l.Arrowhead == "" {
			t.Errorf("role %s has no look: %+v", r, l)
		}
		if other, dup := arrowheads[l.Arrowhead]; dup {
			t.Errorf("roles %s and %s share the arrowhead %s", r, other, l.Arrowhead)
		}
		arrowheads[l.Arrowhead] = r
	}
	dashes := map[string]scenario.Certainty{}
	for _, c := range scenario.Certainties {
		l := Certainty(c)
		key := fmt.Sprint(l.Graphviz, l.Dash, l.Width)
		if other, dup := dashes[key]; dup {
			t.Errorf("certainties %s and %s look the same (%s)", c, other, key)
		}
		dashes[key] = c
	}
	if u, r := Certainty(""), Certainty(scenario.Reported); u.Graphviz != r.Graphviz || u.Width != r.Width || u.Dash != nil {
		t.Errorf("an unset certainty is not drawn as reported: %+v", u)
	}
	for _, k := range scenario.ActorKinds {
		if KindFill(k).A == 0 {
			t.Errorf("kind %s has no fill", k)
		}
	}
	for _, s := range scenario.TrackStatuses {
		if StatusFill(s).A == 0 {
			t.Errorf("status %s has no fill", s)
		}
	}
	if Role("no-such-role") != (RoleLook{}) || KindFill("no-such-kind").A != 0 || StatusFill("no-such-status").A != 0 {
		t.Error("unknown values get a look")
	}
}

// TestArrowheads: every role's arrowhead is drawn in the line's colour, with
// its tip at the tip and nothing beyond it, and the legend's sample ends
// where the arrowhead does.
func TestArrowheads(t *testing.T) {
	tip, base := drawing.Point{X: 100, Y: 50}, drawing.Point{X: 100 - ArrowLength, Y: 50}
	for _, r := range scenario.Roles {
		l := Role(r)
		line := drawing.Stroke{Color: l.Color, Width: l.Width}
		items := Arrowhead(l.Arrowhead, tip, base, line)
		if len(items) == 0 {
			t.Fatalf("%s: no arrowhead", r)
		}
		touches := false
		for _, it := range items {
			if it.Stroke.Color != l.Color {
				t.Errorf("%s: outline %v, want the line's colour", r, it.Stroke.Color)
			}
			pts := it.Points
			if it.Kind == drawing.KindEllipse {
				pts = []drawing.Point{{X: it.X - it.W, Y: it.Y}, {X: it.X + it.W, Y: it.Y}, {X: it.X, Y: it.Y - it.H}, {X: it.X, Y: it.Y + it.H}}
			}
			for _, p := range pts {
				if p.X > tip.X+1e-9 || p.X < base.X-1e-9 || math.Abs(p.Y-tip.Y) > 5 {
					t.Errorf("%s: point %v outside the arrowhead's box", r, p)
				}
				touches = touches || math.Abs(p.X-tip.X) < 1e-9
			}
		}
		if !touches {
			t.Errorf("%s: the arrowhead does not reach its tip", r)
		}
		sample := AppendLegendSample(nil, r, "", 10, 20)
		if len(sample) != 1+len(items) || sample[0].Points[0] != (drawing.Point{X: 10, Y: 20}) {
			t.Errorf("%s: legend sample %v", r, sample)
		}
	}
	// Every role has its own shape: no two roles draw the same arrowhead.
	seen := map[string]scenario.Role{}
	for _, r := range scenario.Roles {
		l := Role(r)
		key := fmt.Sprintf("%+v", Arrowhead(l.Arrowhead, tip, base, drawing.Stroke{Width: 1}))
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s draw the same arrowhead", r, other)
		}
		seen[key] = r
	}
	if Arrowhead("normal", tip, tip, drawing.Stroke{}) != nil {
		t.Error("a zero-length arrowhead is drawn")
	}
	for _, c := range scenario.Certainties {
		s := AppendLegendSample(nil, "", c, 10, 20)
		if len(s) != 1 || s[0].Points[1].X != 10+LegendLine || s[0].Stroke.Color != Ink {
			t.Errorf("%s: legend sample %v", c, s)
		}
	}
}

func TestDarkenLighten(t *testing.T) {
	if got := Darken(drawing.RGB(0x336699)); got != (drawing.Color{R: 0x22, G: 0x44, B: 0x66, A: 0xff}) {
		t.Errorf("Darken = %v", got)
	}
	if got := Lighten(drawing.RGB(0x000000)); got != (drawing.Color{R: 127, G: 127, B: 127, A: 0xff}) {
		t.Errorf("Lighten = %v", got)
	}
	if Lighten(drawing.Color{}).A == 0 {
		t.Error("Lighten of no colour is transparent")
	}
}

// TestMarks: track borders differ by certainty as arrows do (confirmed the
// heaviest), the what-if ink is none of the roles' colours, and the
// legend's swatches and badges stay within a sample's width.
func TestMarks(t *testing.T) {
	seen := map[string]scenario.Certainty{}
	for _, c := range scenario.Certainties {
		b := TrackBorder(c)
		key := fmt.Sprint(b.Width, b.Dash)
		if other, dup := seen[key]; dup {
			t.Errorf("track borders of %s and %s look the same", c, other)
		}
		seen[key] = c
		if c != scenario.Confirmed && b.Width >= TrackBorder(scenario.Confirmed).Width {
			t.Errorf("a %s track's border is as heavy as a confirmed one's", c)
		}
	}
	for _, r := range scenario.Roles {
		if Role(r).Color == WhatIfInk {
			t.Errorf("role %s has the what-if ink", r)
		}
	}
	sw := AppendSwatch(nil, Paper, drawing.Stroke{Color: Ink, Width: 1}, 2, 10, 20)
	if len(sw) != 1 || sw[0].X < 10 || sw[0].X+sw[0].W > 10+LegendLine || sw[0].H != SwatchHeight {
		t.Errorf("swatch %+v", sw)
	}
	if m := AppendMixedSample(nil, 10, 20); len(m) != 2 || m[0].Stroke.Dash != nil || m[1].Stroke.Dash == nil {
		t.Errorf("mixed sample %+v: want a solid half and a dotted half", m)
	}
	if b := AppendBadge(nil, drawing.Point{X: 5, Y: 5}, BadgeRadius, Ink); len(b) != 1 || b[0].Kind != drawing.KindEllipse || b[0].Fill != Paper {
		t.Errorf("badge %+v", b)
	}
}
