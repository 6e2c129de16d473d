package raster

import (
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/drawingtest"
	"github.com/parleyhq/parley/drawing/typeset"
)

// drawOne renders items on a white w×h pt drawing at scale 1 with k = 1 by
// using 72/96 so one point is one pixel.
func drawOne(t *testing.T, w, h float64, items ...drawing.Item) image.Image {
	t.Helper()
	d := &drawing.Drawing{Width: w, Height: h, Background: drawing.RGB(0xffffff), Items: items}
	return decodePNG(t, encodePNG(t, d, 72.0/96))
}

func TestPNGStrokes(t *testing.T) {
	black := drawing.Stroke{Color: drawing.RGB(0), Width: 10}
	// A right angle gets a mitred (square) outer corner.
	img := drawOne(t, 100, 100, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 20, Y: 50}, {X: 50, Y: 50}, {X: 50, Y: 90}}, Stroke: black})
	if c := rgbAt(img, 53, 46); lum(c) > 10 {
		t.Errorf("outer corner of a mitred right angle is %v", c)
	}
	// Butt caps: nothing beyond the ends.
	if c := rgbAt(img, 17, 50); lum(c) < 245 {
		t.Errorf("butt cap extends: %v", c)
	}
	// A very sharp angle (past the miter limit of 4) is bevelled: the miter
	// tip, far beyond the vertex, stays background.
	img = drawOne(t, 200, 100, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 10, Y: 45}, {X: 150, Y: 50}, {X: 10, Y: 55}}, Stroke: black})
	if c := rgbAt(img, 170, 50); lum(c) < 245 {
		t.Errorf("sharp join not bevelled: %v at the miter tip", c)
	}
	if c := rgbAt(img, 148, 50); lum(c) > 10 {
		t.Errorf("sharp join vertex not covered: %v", c)
	}
	// An arrowhead-like angle (about 37°, within the limit) is mitred.
	img = drawOne(t, 100, 100, drawing.Item{Kind: drawing.KindPolygon, Points: []drawing.Point{{X: 40, Y: 20}, {X: 50, Y: 50}, {X: 60, Y: 20}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 2}})
	// The miter reaches 3.16 px below the vertex (a bevel would stop within
	// half a pixel of it), so row 52 has ink.
	if c := rgbAt(img, 49, 52); lum(c) > 230 {
		t.Errorf("arrowhead tip not mitred: %v", c)
	}
	if c := rgbAt(img, 49, 54); lum(c) < 250 {
		t.Errorf("arrowhead miter too long: %v", c)
	}
	// Dashes: [10, 10] along y = 50 from x = 0.
	img = drawOne(t, 100, 100, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 0, Y: 50}, {X: 100, Y: 50}},
		Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 4, Dash: []float64{10, 10}}})
	for x := 0; x < 100; x++ {
		on := (x/10)%2 == 0
		d := lum(rgbAt(img, x, 50)) < 20
		edge := x%10 == 0 || x%10 == 9
		if d != on && !edge {
			t.Fatalf("dash pattern wrong at x=%d: dark=%v", x, d)
		}
	}
	// A translucent stroke is painted once where it overlaps itself.
	img = drawOne(t, 100, 100, drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 10, Y: 50}, {X: 90, Y: 50}, {X: 90, Y: 60}, {X: 50, Y: 60}, {X: 50, Y: 40}},
		Stroke: drawing.Stroke{Color: drawing.Color{R: 0, G: 0, B: 0, A: 128}, Width: 6}})
	if a, b := rgbAt(img, 30, 50), rgbAt(img, 50, 50); absDiff(a.R, b.R) > 2 {
		t.Errorf("self-overlapping translucent stroke painted twice: %v vs %v", a, b)
	}
	// A bézier passes through its end points and its midpoint.
	img = drawOne(t, 100, 100, drawing.Item{Kind: drawing.KindBezier, Points: []drawing.Point{{X: 10, Y: 90}, {X: 10, Y: 10}, {X: 90, Y: 10}, {X: 90, Y: 90}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 2}})
	for _, p := range [][2]int{{10, 88}, {50, 30}, {90, 88}} {
		if c := rgbAt(img, p[0], p[1]); lum(c) > 100 {
			t.Errorf("bézier misses %v: %v", p, c)
		}
	}
	if c := rgbAt(img, 50, 60); lum(c) < 250 {
		t.Errorf("bézier is filled: %v", c)
	}
	// Inside a curve the outline follows the curve: round at a cusp, where a
	// line join would be a bevel or a miter.
	img = drawOne(t, 200, 120, drawing.Item{Kind: drawing.KindBezier, Points: []drawing.Point{{X: 10, Y: 100}, {X: 190, Y: 0}, {X: 10, Y: 0}, {X: 190, Y: 100}},
		Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 24}})
	if c := rgbAt(img, 100, 15); lum(c) > 20 {
		t.Errorf("cusp of a thick curve is not round: %v at its top", c)
	}
	if c := rgbAt(img, 100, 11); lum(c) < 240 {
		t.Errorf("cusp of a thick curve reaches too far: %v", c)
	}
	// A rounded rect leaves its corners empty; an ellipse its bounding
	// box's corners.
	img = drawOne(t, 100, 100,
		drawing.Item{Kind: drawing.KindRect, X: 10, Y: 10, W: 30, H: 30, Radius: 10, Fill: drawing.RGB(0)},
		drawing.Item{Kind: drawing.KindEllipse, X: 70, Y: 70, W: 20, H: 10, Fill: drawing.RGB(0)})
	for _, p := range [][2]int{{10, 10}, {39, 39}, {51, 61}, {89, 79}} {
		if c := rgbAt(img, p[0], p[1]); lum(c) < 250 {
			t.Errorf("corner %v is painted: %v", p, c)
		}
	}
	for _, p := range [][2]int{{25, 25}, {10, 25}, {70, 70}, {52, 70}} {
		if c := rgbAt(img, p[0], p[1]); lum(c) > 20 {
			t.Errorf("inside %v is not: %v", p, c)
		}
	}
}

func TestPNGTextNotStretched(t *testing.T) {
	// Text is drawn at its own shaped width, whatever W says, and
	// anchored by that width.
	s := "Stretch"
	w := typeset.MeasureText(s, drawing.Bold, 20)
	ink := func(img image.Image) (x0, x1 int) {
		x0, x1 = 1<<30, -1
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if lum(rgbAt(img, x, y)) < 128 {
					x0, x1 = min(x0, x), max(x1, x)
				}
			}
		}
		return
	}
	text := drawing.Item{Kind: drawing.KindText, X: 200, Y: 50, Text: s, Font: drawing.Bold, Size: 20, Fill: drawing.RGB(0), Anchor: drawing.AnchorMiddle}
	text.W = w
	a0, a1 := ink(drawOne(t, 400, 100, text))
	text.W = 2 * w
	b0, b1 := ink(drawOne(t, 400, 100, text))
	if a0 != b0 || a1 != b1 {
		t.Errorf("W = 2w moved the ink from %d–%d to %d–%d", a0, a1, b0, b1)
	}
	if ca, cb := (a0+a1)/2, (b0+b1)/2; abs(ca-200) > 3 || abs(cb-200) > 3 {
		t.Errorf("middle-anchored text centred at %d and %d, want 200", ca, cb)
	}
	text.W, text.Anchor = w, drawing.AnchorEnd
	if _, e1 := ink(drawOne(t, 400, 100, text)); e1 > 200 || e1 < 195 {
		t.Errorf("end-anchored text ends at %d, want just before 200", e1)
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func TestPNGWildGeometry(t *testing.T) {
	// Shapes far outside, enormous, inverted or degenerate draw what is
	// visible and nothing else, without panicking.
	d := &drawing.Drawing{Width: 50, Height: 50, Background: drawing.RGB(0xffffff), Items: []drawing.Item{
		{Kind: drawing.KindRect, X: -1e9, Y: -1e9, W: 2e9, H: 1e9 + 25, Fill: drawing.RGB(0xff0000)}, // top half red
		{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: -1e7, Y: 40}, {X: 1e7, Y: 40}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 2}},
		{Kind: drawing.KindEllipse, X: 1e6, Y: 1e6, W: 5, H: 5, Fill: drawing.RGB(0)},
		{Kind: drawing.KindRect, X: 10, Y: 10, W: 0, H: 0, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 1}},
		{Kind: drawing.KindPolygon, Points: []drawing.Point{{X: 1, Y: 1}, {X: 1, Y: 1}, {X: 1, Y: 1}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 1}},
		{Kind: drawing.KindBezier, Points: []drawing.Point{{X: 5, Y: 5}, {X: 5, Y: 5}, {X: 5, Y: 5}, {X: 5, Y: 5}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 1, Dash: []float64{1, 1}}},
		{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 0, Y: 45}, {X: 50, Y: 45}}, Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 1, Dash: []float64{1e-9, 1e-9}}},
		{Kind: drawing.KindText, X: -1e8, Y: 30, Text: "far away", Size: 10, Fill: drawing.RGB(0)},
		{Kind: drawing.KindText, X: 10, Y: 30, Text: "huge", Size: 1e5, Fill: drawing.RGB(0)},
	}}
	img := decodePNG(t, encodePNG(t, d, 1))
	k := 96.0 / 72
	if c := rgbAt(img, int(25*k), int(10*k)); c != (color.NRGBA{0xff, 0, 0, 0xff}) {
		t.Errorf("giant rect: %v", c)
	}
	if c := rgbAt(img, int(25*k), int(40*k)); lum(c) > 20 {
		t.Errorf("long line: %v", c)
	}
}

func TestRasterizeTo(t *testing.T) {
	d := drawingtest.Sample()
	full := decodePNG(t, encodePNG(t, d, 2))
	// The whole drawing equals WritePNG's pixels exactly.
	whole := image.NewRGBA(full.Bounds())
	if err := RasterizeTo(whole, d, 2, drawing.Point{}); err != nil {
		t.Fatal(err)
	}
	for y := range whole.Rect.Dy() {
		for x := range whole.Rect.Dx() {
			if a, b := rgbAt(whole, x, y), rgbAt(full, x, y); a != b {
				t.Fatalf("RasterizeTo differs from WritePNG at %d,%d: %v vs %v", x, y, a, b)
			}
		}
	}
	// A window into a bigger bitmap: origin (150, 9) pt at scale 2 is
	// pixel (400, 24); the window is 300×200 px at (50, 60) of parent.
	parent := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for i := range parent.Pix {
		parent.Pix[i] = 0x42
	}
	win := parent.SubImage(image.Rect(50, 60, 350, 260)).(*image.RGBA)
	origin := drawing.Point{X: 150, Y: 9}
	if err := RasterizeTo(win, d, 2, origin); err != nil {
		t.Fatal(err)
	}
	k := 2 * 96.0 / 72
	ox, oy := int(math.Round(origin.X*k)), int(math.Round(origin.Y*k))
	bad := 0
	for y := range 200 {
		for x := range 300 {
			a, b := rgbAt(win, 50+x, 60+y), rgbAt(full, ox+x, oy+y)
			if oy+y < full.Bounds().Max.Y && (absDiff(a.R, b.R) > 2 || absDiff(a.G, b.G) > 2 || absDiff(a.B, b.B) > 2) {
				bad++
			}
		}
	}
	// Only rounding differs: coordinates are offset before scaling.
	if bad > 0 {
		t.Errorf("window differs from the full render in %d pixels", bad)
	}
	// Nothing outside the window was touched.
	for _, p := range [][2]int{{0, 0}, {49, 100}, {350, 100}, {100, 59}, {100, 260}, {399, 299}} {
		if c := parent.RGBAAt(p[0], p[1]); c != (color.RGBA{0x42, 0x42, 0x42, 0x42}) {
			t.Errorf("pixel %v outside the window changed to %v", p, c)
		}
	}
	// Errors.
	if err := RasterizeTo(win, d, 0, origin); err == nil {
		t.Error("scale 0 accepted")
	}
	if err := RasterizeTo(win, d, 1, drawing.Point{X: math.NaN(), Y: 0}); err == nil {
		t.Error("NaN origin accepted")
	}
	if err := RasterizeTo(image.NewRGBA(image.Rectangle{}), d, 1, origin); err != nil {
		t.Errorf("empty bitmap: %v", err)
	}
}

func BenchmarkRasterizeToWindow(b *testing.B) {
	// A preview window (1000×700 px) into the 1,000-actor drawing.
	d := drawingtest.Synthetic(1000)
	dst := image.NewRGBA(image.Rect(0, 0, 1000, 700))
	b.ReportAllocs()
	for b.Loop() {
		if err := RasterizeTo(dst, d, 1, drawing.Point{X: 200, Y: 900}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPaint is the rasterising alone, without PNG encoding.
func BenchmarkPaint(b *testing.B) {
	d := drawingtest.Synthetic(1000)
	w, h, err := pngSize(d.Width, d.Height, 1)
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	b.ReportAllocs()
	for b.Loop() {
		paint(d, img, pxPerPt, drawing.Point{})
	}
}
