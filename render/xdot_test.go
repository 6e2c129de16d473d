package render

import (
	"math"
	"reflect"
	"testing"
)

// allFinite reports whether every value is neither NaN nor ±Inf.
func allFinite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func TestXDotColors(t *testing.T) {
	for in, want := range map[string]Color{
		"#ff0000":     {0xff, 0, 0, 0xff},
		"#00FF0080":   {0, 0xff, 0, 0x80},
		"#fffffe00":   {0xff, 0xff, 0xfe, 0},
		" #336699 ":   {0x33, 0x66, 0x99, 0xff},
		"black":       {0, 0, 0, 0xff},
		"White":       {0xff, 0xff, 0xff, 0xff},
		"red":         {0xff, 0, 0, 0xff},
		"gray":        {0xc0, 0xc0, 0xc0, 0xff},
		"grey":        {0xc0, 0xc0, 0xc0, 0xff},
		"transparent": {0xff, 0xff, 0xfe, 0},
		"none":        {0, 0, 0, 0},
		"notacolor":   {0, 0, 0, 0xff}, // Graphviz falls back to black too
		"":            {0, 0, 0, 0xff},
	} {
		got, err := parseXDotColor(in)
		if err != nil || got != want {
			t.Errorf("parseXDotColor(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"#", "#12345", "#1234567", "#gggggg", "#ff00ff0000"} {
		if _, err := parseXDotColor(in); err == nil {
			t.Errorf("parseXDotColor(%q) succeeded", in)
		}
	}
	grad := xdotOp{Op: "C", Grad: "linear", Stops: []xdotStop{{0, "#0000ff"}, {1, "#ff0000"}}}
	if c, err := xdotOpColor(grad); err != nil || c != RGB(0x0000ff) {
		t.Errorf("gradient colour %v, %v; want its first stop", c, err)
	}
}

func TestXDotItems(t *testing.T) {
	flip := func(x, y float64) Point { return Point{x, 100 - y} }
	pts := func(ps ...float64) [][]float64 {
		var out [][]float64
		for i := 0; i < len(ps); i += 2 {
			out = append(out, []float64{ps[i], ps[i+1]})
		}
		return out
	}
	ops := []xdotOp{
		{Op: "S", Style: "dashed"},
		{Op: "S", Style: "setlinewidth(3)"},
		{Op: "c", Grad: "none", Color: "#0000ff"},
		{Op: "C", Grad: "none", Color: "#00ff00"},
		{Op: "b", Points: pts(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6)},
		{Op: "F", Style: "ignored"},
		{Op: "T"},
		{Op: "t"},
		{Op: "S", Style: "solid"},
		{Op: "P", Points: pts(0, 0, 10, 0, 10, 10)},
		{Op: "S", Style: "dotted"},
		{Op: "S", Style: "filled"}, // no effect on lines
		{Op: "p", Points: pts(0, 0, 10, 0, 10, 10)},
		{Op: "S", Style: "bold"},
		{Op: "L", Points: pts(1, 2, 3, 4)},
		{Op: "e", Rect: []float64{50, 40, 3, 2}},
		{Op: "E", Rect: []float64{50, 40, 3, 3}},
		{Op: "B", Points: pts(0, 0, 1, 1, 2, 2, 3, 3)},
	}
	items, err := xdotItems(nil, ops, flip)
	if err != nil {
		t.Fatal(err)
	}
	blue, green := RGB(0x0000ff), RGB(0x00ff00)
	want := []Item{
		{Kind: KindBezier, Points: []Point{{0, 100}, {1, 99}, {2, 98}, {3, 97}, {4, 96}, {5, 95}, {6, 94}}, Stroke: Stroke{blue, 3, []float64{5, 2}}},
		{Kind: KindPolygon, Points: []Point{{0, 100}, {10, 100}, {10, 90}}, Fill: green, Stroke: Stroke{blue, 3, nil}},
		{Kind: KindPolygon, Points: []Point{{0, 100}, {10, 100}, {10, 90}}, Stroke: Stroke{blue, 3, []float64{1, 5}}},
		{Kind: KindPolyline, Points: []Point{{1, 98}, {3, 96}}, Stroke: Stroke{blue, 2, []float64{1, 5}}},
		{Kind: KindEllipse, X: 50, Y: 60, W: 3, H: 2, Stroke: Stroke{blue, 2, []float64{1, 5}}},
		{Kind: KindEllipse, X: 50, Y: 60, W: 3, H: 3, Fill: green, Stroke: Stroke{blue, 2, []float64{1, 5}}},
		{Kind: KindBezier, Points: []Point{{0, 100}, {1, 99}, {2, 98}, {3, 97}}, Fill: green, Stroke: Stroke{blue, 2, []float64{1, 5}}},
	}
	if !reflect.DeepEqual(items, want) {
		t.Fatalf("items:\n%+v\nwant:\n%+v", items, want)
	}
	// Items never share dash slices.
	items[3].Stroke.Dash[0] = 99
	if items[4].Stroke.Dash[0] != 1 || dottedPattern[0] != 1 {
		t.Fatal("dash slices are shared")
	}
	// Each op list starts from the default state: black, 1pt, solid.
	items, err = xdotItems(items[:0], []xdotOp{{Op: "L", Points: pts(0, 0, 1, 1)}}, flip)
	if err != nil || len(items) != 1 || !reflect.DeepEqual(items[0].Stroke, Stroke{Color: RGB(0), Width: 1}) {
		t.Fatalf("fresh state: %+v, %v", items, err)
	}
}
