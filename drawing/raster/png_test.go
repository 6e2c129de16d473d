package raster

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/drawingtest"
	"github.com/parleyhq/parley/drawing/typeset"
)

// update makes golden-file tests in this package rewrite their files under
// testdata/ instead of comparing against them.
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// goldenPNG is the drawingtest.Sample at scale 2. It is compared by pixels with a
// small tolerance, not by bytes, since the floating-point rasteriser may
// round differently on other architectures (FMA).
const goldenPNG = "testdata/drawing.png"

func encodePNG(t testing.TB, d *drawing.Drawing, scale float64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePNG(&buf, d, scale); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decodePNG(t testing.TB, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	return img
}

func rgbAt(img image.Image, x, y int) color.NRGBA {
	return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
}

func lum(c color.NRGBA) int { return (299*int(c.R) + 587*int(c.G) + 114*int(c.B)) / 1000 }

func TestPNGSizeAndDeterminism(t *testing.T) {
	d := drawingtest.Sample()
	for _, c := range []struct {
		scale float64
		w, h  int
	}{{1, 560, 400}, {2, 1120, 800}, {0.5, 280, 200}, {1.5, 840, 600}} {
		a := encodePNG(t, d, c.scale)
		img := decodePNG(t, a)
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("scale %g: %v, want %d×%d", c.scale, b.Size(), c.w, c.h)
		}
		if b := encodePNG(t, d, c.scale); !bytes.Equal(a, b) {
			t.Errorf("scale %g: two runs gave different bytes", c.scale)
		}
	}
	// Sizes round up: 100.5 pt is 134 px at 96 dpi.
	img := decodePNG(t, encodePNG(t, &drawing.Drawing{Width: 100.5, Height: 0.1}, 1))
	if img.Bounds().Dx() != 134 || img.Bounds().Dy() != 1 {
		t.Errorf("100.5×0.1 pt gave %v", img.Bounds().Size())
	}
}

func TestPNGPixels(t *testing.T) {
	d := drawingtest.Sample()
	for _, scale := range []float64{1, 2} {
		img := decodePNG(t, encodePNG(t, d, scale))
		k := scale * 96 / 72
		at := func(x, y float64) color.NRGBA { return rgbAt(img, int(x*k), int(y*k)) }
		white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
		// Filled rects are their fill colour inside.
		if c := at(230, 126); c != (color.NRGBA{0, 0, 0, 0xff}) {
			t.Errorf("scale %g: black block is %v", scale, c)
		}
		if c := at(15, 45); c != (color.NRGBA{0xdc, 0xe9, 0xf7, 0xff}) {
			t.Errorf("scale %g: box fill is %v", scale, c)
		}
		// Background away from everything.
		for _, p := range [][2]float64{{410, 290}, {300, 150}, {5, 5}} {
			if c := at(p[0], p[1]); c != white {
				t.Errorf("scale %g: background at %v is %v", scale, p, c)
			}
		}
		// A translucent fill blends with the white under it: 50% orange.
		if c := at(300, 20); math.Abs(float64(c.R)-255) > 2 || math.Abs(float64(c.G)-210) > 3 || math.Abs(float64(c.B)-127) > 3 {
			t.Errorf("scale %g: translucent ellipse is %v, want about #ffd27f", scale, c)
		}
		// The 1 pt rule at y = 200 pt is dark along its length, background
		// 3 pt above and below.
		for x := 12.0; x < 408; x += 7 {
			if c := at(x, 200); lum(c) > 100 {
				t.Fatalf("scale %g: rule pixel at x=%g pt is %v", scale, x, c)
			}
			if at(x, 197) != white || at(x, 203) != white {
				t.Fatalf("scale %g: rule bleeds at x=%g pt", scale, x)
			}
		}
		// Text: the label's box has dark pixels, the same area to its right
		// does not.
		dark := func(x0, y0, x1, y1 float64) int {
			n := 0
			for y := int(y0 * k); y < int(y1*k); y++ {
				for x := int(x0 * k); x < int(x1*k); x++ {
					if lum(rgbAt(img, x, y)) < 128 {
						n++
					}
				}
			}
			return n
		}
		w := typeset.MeasureText("Зеленський", drawing.Regular, 9)
		if n := dark(12, 152-9, 12+w, 152+3); n < int(20*k*k) {
			t.Errorf("scale %g: Cyrillic text area has %d dark pixels", scale, n)
		}
		if n := dark(12+w+2, 152-9, 12+w+60, 152+3); n != 0 {
			t.Errorf("scale %g: %d dark pixels right of the text", scale, n)
		}
		// The bold label sits on its baseline: ink above and below it, none
		// beyond the font's ascent and descent.
		a, de, _ := typeset.FontMetrics(drawing.Bold, 12)
		lw := typeset.MeasureText("United States", drawing.Bold, 12)
		lx := 70 - lw/2
		if n := dark(lx, 35-a-1.5, lx+lw, 35-a-0.3) + dark(lx, 35+de+0.3, lx+lw, 35+de+1.5); n != 0 {
			t.Errorf("scale %g: %d dark pixels outside the label's ascent and descent", scale, n)
		}
		if dark(lx, 35-8, lx+lw, 35-0.5) < int(40*k*k) {
			t.Errorf("scale %g: the label's ink is not around its baseline", scale)
		}
		if n := dark(lx, 35-0.3, lx+lw, 35+0.3) - dark(lx, 35+0.5, lx+lw, 35+1.1); n < int(20*k) {
			t.Errorf("scale %g: ink does not stop at the baseline (%d)", scale, n)
		}
	}
}

func TestPNGGolden(t *testing.T) {
	got := encodePNG(t, drawingtest.Sample(), 2)
	if *update {
		if err := os.WriteFile(goldenPNG, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPNG)
	if err != nil {
		t.Fatalf("%v (go test ./drawing/raster/ -run PNG -update creates it)", err)
	}
	gi, wi := decodePNG(t, got), decodePNG(t, want)
	if gi.Bounds() != wi.Bounds() {
		t.Fatalf("size %v, golden %v", gi.Bounds(), wi.Bounds())
	}
	bad := 0
	b := gi.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g, w := rgbAt(gi, x, y), rgbAt(wi, x, y)
			if absDiff(g.R, w.R) > 8 || absDiff(g.G, w.G) > 8 || absDiff(g.B, w.B) > 8 || absDiff(g.A, w.A) > 8 {
				bad++
			}
		}
	}
	if bad > b.Dx()*b.Dy()/2000 {
		t.Errorf("%d pixels differ from %s (go test ./drawing/raster/ -run PNG -update rewrites it)", bad, goldenPNG)
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

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

func TestPNGTextStretch(t *testing.T) {
	// Text is stretched to W like SVG's textLength, and anchored by it.
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
	if got := float64(b1-b0) / float64(a1-a0); math.Abs(got-2) > 0.1 {
		t.Errorf("stretching to 2W made the ink %g times as wide", got)
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

func TestPNGLimits(t *testing.T) {
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	start := time.Now()
	huge := &drawing.Drawing{Width: 30000, Height: 2000, Background: drawing.RGB(0xffffff)}
	var buf bytes.Buffer
	err := WritePNG(&buf, huge, 1)
	runtime.ReadMemStats(&ms1)
	want := "render: PNG would be 40000×2667 px (106.7 Mpx); the limit is 32767 px a side and 100 Mpx: use a scale of 0.81 or less, or SVG"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written before the error", buf.Len())
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("refusing took %v", el)
	}
	if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > 1<<20 {
		t.Errorf("refusing allocated %d bytes", alloc)
	}
	// The suggested scale fits.
	if _, _, err := pngSize(30000, 2000, 0.81); err != nil {
		t.Errorf("suggested scale does not fit: %v", err)
	}
	// Over the pixel count but not a side.
	err = WritePNG(io.Discard, &drawing.Drawing{Width: 10000, Height: 10000}, 1)
	if err == nil || !strings.Contains(err.Error(), "13334×13334 px (177.8 Mpx)") || !strings.Contains(err.Error(), "scale of 0.75 or less") {
		t.Errorf("pixel cap: %v", err)
	}
	if _, _, err := pngSize(10000, 10000, 0.75); err != nil {
		t.Errorf("suggested scale 0.75 does not fit: %v", err)
	}
	// So big that no scale helps.
	err = WritePNG(io.Discard, &drawing.Drawing{Width: 1e300, Height: 1e300}, 1)
	if err == nil || !strings.HasSuffix(err.Error(), ": use SVG") {
		t.Errorf("astronomic drawing: %v", err)
	}
	for _, s := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if err := WritePNG(io.Discard, drawingtest.Sample(), s); err == nil || !strings.HasPrefix(err.Error(), "render: PNG scale") {
			t.Errorf("scale %g: %v", s, err)
		}
	}
	if err := WritePNG(io.Discard, &drawing.Drawing{Width: math.NaN(), Height: 1}, 1); err == nil {
		t.Error("NaN width accepted")
	}
}

// TestMaxPNGScale: the suggested scale fits the limits and a hundredth more
// does not.
func TestMaxPNGScale(t *testing.T) {
	d := &drawing.Drawing{Width: 500, Height: 70000}
	s := MaxPNGScale(d)
	if s <= 0 || s >= 1 {
		t.Fatalf("MaxPNGScale = %v", s)
	}
	if err := WritePNG(io.Discard, &drawing.Drawing{Width: 1, Height: 1}, 1); err != nil {
		t.Fatal(err)
	}
	if _, _, err := pngSize(d.Width, d.Height, s); err != nil {
		t.Errorf("scale %v does not fit: %v", s, err)
	}
	if _, _, err := pngSize(d.Width, d.Height, s+0.01); err == nil {
		t.Errorf("scale %v fits too: the suggestion is not the largest", s+0.01)
	}
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

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestWriteErrors(t *testing.T) {
	d := drawingtest.Sample()
	for name, err := range map[string]error{"PNG": WritePNG(failWriter{}, d, 1)} {
		if err == nil || !strings.HasPrefix(err.Error(), "render: writing "+name+": ") || !errors.Is(err, io.ErrClosedPipe) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func FuzzWritePNG(f *testing.F) {
	f.Add([]byte("\x00\x10\x20\x30\x40\x50\x60\x70\x80\x90"), "hello", 1.0)
	f.Add([]byte("\x05\xff\x00\xff\x00\x80\x01\x02\x03\x04\x05\x06"), "🇺🇦\x00", 0.3)
	f.Add([]byte("\x01\xfe\x10\xff\x20\x04\x31\xff\x04\x50\xfe\x20\x30\x03\x33\x80"), "big", 2.0)
	f.Fuzz(func(t *testing.T, data []byte, text string, scale float64) {
		if !(scale > 0.01 && scale < 3) {
			return
		}
		// Items from the bytes: kind, then coordinates in [-20, 80) pt, or
		// ±1e9 for the bytes 0xfe and 0xff.
		num := func(i int) float64 {
			if i >= len(data) {
				return 0
			}
			switch data[i] {
			case 0xfe:
				return -1e9
			case 0xff:
				return 1e9
			}
			return float64(int(data[i]))/2.56 - 20
		}
		d := &drawing.Drawing{Width: 60, Height: 40, Background: drawing.RGB(0xfafafa)}
		for i := 0; i+8 <= len(data) && len(d.Items) < 50; i += 8 {
			it := drawing.Item{Kind: drawing.ItemKind(data[i] % 7), X: num(i + 1), Y: num(i + 2), W: num(i + 3), H: num(i + 4),
				Radius: num(i + 5), Fill: drawing.Color{R: data[i+6], G: 0, B: 0, A: data[i+7]}, Text: text, Size: num(i + 3),
				Stroke: drawing.Stroke{Color: drawing.Color{R: 0, G: 0, B: data[i+6], A: data[i+7]}, Width: num(i+5) / 10}}
			if data[i+6]&1 == 1 {
				it.Stroke.Dash = []float64{num(i + 6), num(i + 7)}
			}
			for j := 1; j < 8; j += 2 {
				it.Points = append(it.Points, drawing.Point{X: num(i + j), Y: num(i + j + 1)})
			}
			it.Points = it.Points[:int(data[i+5])%5]
			it.W = typeset.MeasureText(text, it.Font, it.Size)
			d.Items = append(d.Items, it)
		}
		var buf bytes.Buffer
		if err := WritePNG(&buf, d, scale); err != nil {
			t.Fatal(err)
		}
		img := decodePNG(t, buf.Bytes())
		if want := int(pxSize(60, scale)); img.Bounds().Dx() != want {
			t.Fatalf("width %d, want %d", img.Bounds().Dx(), want)
		}
	})
}

func BenchmarkWritePNG(b *testing.B) {
	for _, c := range []struct {
		actors int
		scale  float64
	}{{100, 1}, {1000, 1}, {1000, 2}} {
		d := drawingtest.Synthetic(c.actors)
		b.Run(fmt.Sprintf("actors=%d/scale=%g", c.actors, c.scale), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var cw countWriter
				if err := WritePNG(&cw, d, c.scale); err != nil {
					b.Fatal(err)
				}
				size = int(cw)
			}
			b.ReportMetric(float64(size), "bytes")
		})
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

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
