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
	}{{1, 827, 400}, {2, 1654, 800}, {0.5, 414, 200}, {1.5, 1240, 600}} {
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

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
