package style

import (
	"fmt"
	"math"
	"sort"
	"testing"

	colorful "github.com/lucasb-eyer/go-colorful"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// The palette for colour-blind readers: each colour is seen as a reader
// with deuteranopia, protanopia or tritanopia sees it (Machado, Oliveira
// and Fernandes 2009, "A physiologically-based model for simulation of
// color vision deficiency", the matrices for severity 1.0, applied to
// linear RGB), and every pair that must be told apart is measured by
// CIEDE2000.
//
// Thresholds. One ΔE00 is about one just-noticeable difference (JND) for
// large patches side by side (about 2.3 in the data CIEDE2000 was fitted
// to); the difference needed grows as marks shrink (Stone, Szafir and
// Setlur 2014, "An engineering model for color difference as a function
// of size"). Seat lines must therefore be well over twice the JND apart:
// minRoleDelta. It is not higher because it cannot be: a search over the
// colours (hue kept within 20° of each role's meaning, lightness from 0.38
// to 0.78, 3:1 contrast on white) found no set of twelve whose closest
// pair, for normal vision and all three deficiencies in both themes, is
// above 5.8. Colour is the second cue of a role, not the first: each role
// has an arrowhead of its own (TestPrintNeedsNoColour), and the legend
// names it. Fills are large areas, seen beside the legend's swatch, and
// every status is also written in its box: minFillDelta, about 1.5 JND.
const (
	minRoleDelta = 5.5
	minFillDelta = 3.5
)

// machado are the simulation matrices for severity 1.0, on linear RGB.
var machado = map[string][3][3]float64{
	"normal": {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"deuteranopia": {
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881}},
	"protanopia": {
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998}},
	"tritanopia": {
		{1.255528, -0.076749, -0.178779},
		{-0.078411, 0.930809, 0.147602},
		{0.004733, 0.691367, 0.303900}},
}

// simulate is c as a reader with the given vision sees it.
func simulate(c drawing.Color, m [3][3]float64) colorful.Color {
	r, g, b := colorful.Color{R: float64(c.R) / 255, G: float64(c.G) / 255, B: float64(c.B) / 255}.LinearRgb()
	in := [3]float64{r, g, b}
	var out [3]float64
	for i := range 3 {
		for j := range 3 {
			out[i] += m[i][j] * in[j]
		}
		out[i] = min(1, max(0, out[i]))
	}
	return colorful.LinearRgb(out[0], out[1], out[2])
}

type named struct {
	name  string
	color drawing.Color
}

// closest is the pair of colours that a reader with the vision m sees
// as most alike, and their ΔE00.
func closest(colors []named, m [3][3]float64) (string, float64) {
	best, pair := math.Inf(1), ""
	for i := range colors {
		for j := i + 1; j < len(colors); j++ {
			d := simulate(colors[i].color, m).DistanceCIEDE2000(simulate(colors[j].color, m)) * 100
			if d < best {
				best, pair = d, colors[i].name+" / "+colors[j].name
			}
		}
	}
	return pair, best
}

func roleColors(t Theme) []named {
	var out []named
	for _, r := range scenario.Roles {
		out = append(out, named{string(r), t.Color(Role(r).Color)})
	}
	return out
}

func statusColors(t Theme) []named {
	var out []named
	for _, st := range scenario.TrackStatuses {
		out = append(out, named{string(st), t.Color(StatusFill(st))})
	}
	return append(out, named{"no status", t.Color(NoStatusFill)})
}

func kindColors(t Theme) []named {
	var out []named
	for _, k := range scenario.ActorKinds {
		out = append(out, named{string(k), t.Color(KindFill(k))})
	}
	return out
}

func TestPaletteSafeForColourBlindReaders(t *testing.T) {
	visions := make([]string, 0, len(machado))
	for v := range machado {
		visions = append(visions, v)
	}
	sort.Strings(visions)
	for _, theme := range []Theme{Light, Dark} {
		for _, set := range []struct {
			what   string
			colors []named
			min    float64
		}{
			{"role colours", roleColors(theme), minRoleDelta},
			{"track status fills", statusColors(theme), minFillDelta},
			{"actor kind fills", kindColors(theme), minFillDelta},
		} {
			for _, v := range visions {
				pair, d := closest(set.colors, machado[v])
				msg := fmt.Sprintf("%s theme, %s, %s: closest %s ΔE00 %.1f", theme, set.what, v, pair, d)
				if d < set.min {
					t.Errorf("%s, below %.0f", msg, set.min)
				} else {
					t.Log(msg)
				}
			}
		}
	}
}
