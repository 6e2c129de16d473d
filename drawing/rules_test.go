package drawing

import (
	"flag"
	"math"
	"slices"
	"testing"
)

// update is accepted, as by every package's tests (go test ./... -update);
// this package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

func TestCheck(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	ok := &Drawing{Width: 10, Height: 10, Items: []Item{{Kind: KindRect, W: -5, H: 5}, {Kind: KindText, Text: "x"}}}
	if err := ok.Check(); err != nil {
		t.Errorf("a good drawing: %v", err)
	}
	for _, c := range []struct {
		d    *Drawing
		want string
	}{
		{nil, "render: nil drawing"},
		{&Drawing{Width: -1, Height: 1}, "render: drawing size -1×1 is not a size"},
		{&Drawing{Width: nan, Height: 1}, "render: drawing size NaN×1 is not a size"},
		{&Drawing{Width: 1, Height: 1, Items: []Item{{}, {Kind: KindBezier, Points: []Point{{X: 1, Y: inf}}}}},
			"render: item 1 (bezier) has a NaN or infinite number"},
		{&Drawing{Width: 1, Height: 1, Items: []Item{{Kind: KindPolyline, Stroke: Stroke{Dash: []float64{1, nan}}}}},
			"render: item 0 (polyline) has a NaN or infinite number"},
		{&Drawing{Width: 1, Height: 1, Items: []Item{{Kind: 42, Size: inf}}}, "render: item 0 (kind42) has a NaN or infinite number"},
	} {
		if err := c.d.Check(); err == nil || err.Error() != c.want {
			t.Errorf("Check() = %v, want %s", err, c.want)
		}
	}
}

func TestDashPattern(t *testing.T) {
	for _, c := range []struct {
		in, want []float64
	}{
		{nil, nil},
		{[]float64{}, nil},
		{[]float64{5, 2}, []float64{5, 2}},
		{[]float64{1.004, 2.006}, []float64{1, 2.01}},
		{[]float64{0, 0}, nil},
		{[]float64{3, -1}, nil},
		{[]float64{0.001}, nil},
	} {
		if got := DashPattern(c.in); !slices.Equal(got, c.want) {
			t.Errorf("DashPattern(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestRoundAndRects(t *testing.T) {
	for in, want := range map[float64]float64{1.234: 1.23, 1.235: 1.24, -0.001: 0, 1e20: 1e20, -2.5: -2.5} {
		if got := Round(in); got != want || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("Round(%v) = %v, want %v", in, got, want)
		}
	}
	if x, y, w, h := NormRect(10, 10, -4, -6); x != 6 || y != 4 || w != 4 || h != 6 {
		t.Errorf("NormRect = %v %v %v %v", x, y, w, h)
	}
	for _, c := range []struct{ r, w, h, want float64 }{{6, 100, 40, 6}, {30, 100, 40, 20}, {-1, 10, 10, 0}, {0.004, 10, 10, 0}} {
		if got := RectRadius(c.r, c.w, c.h); got != c.want {
			t.Errorf("RectRadius(%v, %v, %v) = %v, want %v", c.r, c.w, c.h, got, c.want)
		}
	}
}

func TestColor(t *testing.T) {
	c := RGB(0x1f78b4)
	if c != (Color{R: 0x1f, G: 0x78, B: 0xb4, A: 0xff}) || c.Hex() != "#1f78b4" {
		t.Errorf("RGB(0x1f78b4) = %v, %s", c, c.Hex())
	}
	if (Stroke{Color: c}).Visible() || (Stroke{Width: 1}).Visible() || !(Stroke{Color: c, Width: 1}).Visible() {
		t.Error("Stroke.Visible is wrong")
	}
}
