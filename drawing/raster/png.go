package raster

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"math"

	"strconv"

	"golang.org/x/image/math/fixed"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// PNG limits. A bitmap takes 4 bytes a pixel while it is drawn, so the pixel
// cap bounds memory at about 400 MB; 32,767 pixels a side is the most many
// image viewers and libraries accept.
const (
	// MaxPNGPixels is the largest PNG WritePNG makes, in pixels.
	MaxPNGPixels = 100_000_000
	// MaxPNGSide is the largest width or height WritePNG makes, in pixels.
	MaxPNGSide = 32767
)

// pxPerPt is the number of pixels per point at scale 1: 96 dpi, as Graphviz
// and browsers use.
const pxPerPt = 96.0 / 72.0

// pngCompression is the zlib level of PNG output, chosen by measurement on
// a 1,000-actor diagram: BestSpeed encodes 1.5 times as fast as the default
// level (95 ms against 154 ms of CPU at 1334×2667 px; 305 against 475 at
// twice the scale) for files 7% larger (1.94 MB against 1.80 MB).
const pngCompression = png.BestSpeed

// WritePNG rasterises d at scale × 96 dpi and writes it as a PNG: at scale 1
// a point is 4/3 pixels, as in Graphviz's and browsers' output; scale 2 is
// 192 dpi. The bitmap is the drawing's size rounded up to whole pixels. It
// draws what WriteSVG writes: anti-aliased fills and strokes (miter joins
// with SVG's limit of 4, butt caps, dashes), and text in the bundled fonts
// without hinting, stretched to each text item's W as SVG's textLength does.
// The output depends only on d and scale. A bitmap over MaxPNGSide pixels a
// side or MaxPNGPixels in all is refused, with the largest scale that would
// fit, before anything is allocated or written.
func WritePNG(w io.Writer, d *drawing.Drawing, scale float64) error {
	if err := d.Check(); err != nil {
		return err
	}
	wpx, hpx, err := pngSize(d.Width, d.Height, scale)
	if err != nil {
		return err
	}
	img := image.NewRGBA(image.Rect(0, 0, wpx, hpx))
	paint(d, img, scale*pxPerPt, drawing.Point{})
	enc := png.Encoder{CompressionLevel: pngCompression}
	if err := enc.Encode(w, img); err != nil {
		return fmt.Errorf("render: writing PNG: %w", err)
	}
	return nil
}

// pngSize returns the bitmap size of a width×height pt drawing at scale, or
// an error if it is over the limits.
func pngSize(width, height, scale float64) (int, int, error) {
	if !(scale > 0) || math.IsInf(scale, 1) {
		return 0, 0, fmt.Errorf("render: PNG scale %g is not a positive number", scale)
	}
	fw, fh := pxSize(width, scale), pxSize(height, scale)
	if fw <= MaxPNGSide && fh <= MaxPNGSide && fw*fh <= MaxPNGPixels {
		return int(fw), int(fh), nil
	}
	best := largestScale(width, height)
	advice := "use SVG"
	if best > 0 {
		advice = fmt.Sprintf("use a scale of %s or less, or SVG", formatScale(best))
	}
	return 0, 0, fmt.Errorf("render: PNG would be %.0f×%.0f px (%.1f Mpx); the limit is %d px a side and %d Mpx: %s",
		fw, fh, fw*fh/1e6, MaxPNGSide, MaxPNGPixels/1_000_000, advice)
}

// MaxPNGScale is the largest PNG scale, in hundredths, at which the drawing
// fits the bitmap limits (0 if none does).
func MaxPNGScale(d *drawing.Drawing) float64 { return largestScale(d.Width, d.Height) }

func largestScale(width, height float64) float64 {
	best := math.Min(MaxPNGSide/(width*pxPerPt), MaxPNGSide/(height*pxPerPt))
	best = math.Min(best, math.Sqrt(MaxPNGPixels/(width*height*pxPerPt*pxPerPt)))
	best = math.Floor(best*100) / 100
	for best > 0 {
		bw, bh := pxSize(width, best), pxSize(height, best)
		if bw <= MaxPNGSide && bh <= MaxPNGSide && bw*bh <= MaxPNGPixels {
			break
		}
		best = math.Round(best*100-1) / 100
	}
	return max(best, 0)
}

// pxSize is the number of pixels that cover v points at scale: at least one,
// and rounded up, forgiving rounding errors.
func pxSize(v, scale float64) float64 {
	return math.Max(1, math.Ceil(v*scale*pxPerPt-1e-6))
}

func formatScale(s float64) string { return strconv.FormatFloat(drawing.Round(s), 'f', -1, 64) }

// vec is a point in pixels.
type vec struct{ x, y float64 }

func (a vec) add(b vec) vec             { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec             { return vec{a.x - b.x, a.y - b.y} }
func (a vec) mul(k float64) vec         { return vec{a.x * k, a.y * k} }
func (a vec) dot(b vec) float64         { return a.x*b.x + a.y*b.y }
func (a vec) cross(b vec) float64       { return a.x*b.y - a.y*b.x }
func (a vec) len() float64              { return math.Hypot(a.x, a.y) }
func (a vec) lerp(b vec, t float64) vec { return vec{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }

// flatTolerance is how far, in pixels, flattened curves may stray from the
// true ones.
const flatTolerance = 0.05

// pathBuf is a list of flattened subpaths (polylines) in pixels.
type pathBuf struct {
	pts []vec
	// smooth[i] says pts[i] lies inside a curve rather than at a corner:
	// a stroke turns round it (as round as the true curve) instead of
	// taking a line join.
	smooth []bool
	ends   []int  // ends[i] is the end of subpath i in pts
	closed []bool // whether subpath i is closed
	start  int    // start of the subpath being built
}

func (p *pathBuf) reset() {
	p.pts, p.smooth, p.ends, p.closed, p.start = p.pts[:0], p.smooth[:0], p.ends[:0], p.closed[:0], 0
}

// moveTo ends the current subpath (open) and starts another.
func (p *pathBuf) moveTo(v vec) {
	p.end(false)
	p.lineTo(v)
}

func (p *pathBuf) lineTo(v vec) {
	p.pts = append(p.pts, v)
	p.smooth = append(p.smooth, false)
}

// curveTo adds a point inside a curve.
func (p *pathBuf) curveTo(v vec) {
	p.pts = append(p.pts, v)
	p.smooth = append(p.smooth, true)
}

// end finishes the current subpath, if any.
func (p *pathBuf) end(closed bool) {
	if len(p.pts) > p.start {
		p.ends = append(p.ends, len(p.pts))
		p.closed = append(p.closed, closed)
	}
	p.start = len(p.pts)
}

func (p *pathBuf) subpaths() int { return len(p.ends) }

// sub returns subpath i, its points' smoothness and whether it is closed.
func (p *pathBuf) sub(i int) ([]vec, []bool, bool) {
	s := 0
	if i > 0 {
		s = p.ends[i-1]
	}
	return p.pts[s:p.ends[i]], p.smooth[s:p.ends[i]], p.closed[i]
}

// cubicTo flattens a cubic Bézier from the current point.
func (p *pathBuf) cubicTo(c1, c2, e vec) {
	s := p.pts[len(p.pts)-1]
	dd := math.Max(s.sub(c1.mul(2)).add(c2).len(), c1.sub(c2.mul(2)).add(e).len())
	n := int(math.Ceil(math.Sqrt(0.75 * dd / flatTolerance)))
	n = max(1, min(n, 1000))
	for i := 1; i < n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		p.curveTo(vec{a*s.x + b*c1.x + c*c2.x + d*e.x, a*s.y + b*c1.y + c*c2.y + d*e.y})
	}
	p.lineTo(e)
}

// quadTo flattens a quadratic Bézier from the current point.
func (p *pathBuf) quadTo(c, e vec) {
	s := p.pts[len(p.pts)-1]
	dd := s.sub(c.mul(2)).add(e).len()
	n := int(math.Ceil(math.Sqrt(dd / (4 * flatTolerance))))
	n = max(1, min(n, 1000))
	for i := 1; i < n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		a, b, cc := u*u, 2*u*t, t*t
		p.curveTo(vec{a*s.x + b*c.x + cc*e.x, a*s.y + b*c.y + cc*e.y})
	}
	p.lineTo(e)
}

// arcSteps is the number of segments for an arc of angle a (radians) and
// radius r pixels.
func arcSteps(r, a float64) int {
	if r <= flatTolerance {
		return 1
	}
	step := 2 * math.Acos(1-flatTolerance/r)
	return max(1, min(int(math.Ceil(a/step)), 10000))
}

// ellipse adds a closed ellipse centred at c with radii rx, ry.
func (p *pathBuf) ellipse(c vec, rx, ry float64) {
	n := max(8, arcSteps(math.Max(rx, ry), 2*math.Pi))
	p.moveTo(vec{c.x + rx, c.y})
	p.smooth[len(p.smooth)-1] = true
	for i := 1; i < n; i++ {
		a := 2 * math.Pi * float64(i) / float64(n)
		p.curveTo(vec{c.x + rx*math.Cos(a), c.y + ry*math.Sin(a)})
	}
	p.end(true)
}

// roundRect adds a closed rect with corners of radius r (clamped as SVG
// clamps rx), clockwise on screen from the top-left.
func (p *pathBuf) roundRect(x, y, w, h, r float64) {
	if r <= 0 {
		p.moveTo(vec{x, y})
		p.lineTo(vec{x + w, y})
		p.lineTo(vec{x + w, y + h})
		p.lineTo(vec{x, y + h})
		p.end(true)
		return
	}
	n := arcSteps(r, math.Pi/2)
	corner := func(cx, cy, a0 float64) {
		for i := 0; i <= n; i++ {
			a := a0 + math.Pi/2*float64(i)/float64(n)
			p.curveTo(vec{cx + r*math.Cos(a), cy + r*math.Sin(a)})
		}
	}
	p.moveTo(vec{x + r, y})
	corner(x+w-r, y+r, -math.Pi/2)
	corner(x+w-r, y+h-r, 0)
	corner(x+r, y+h-r, math.Pi/2)
	corner(x+r, y+r, math.Pi)
	p.end(true)
}

// miterLimit is SVG's default stroke-miterlimit.
const miterLimit = 4

// polyline is a flattened subpath: its points and whether each is smooth.
type polyline struct {
	pts    []vec
	smooth []bool
}

// strokeOutline adds to out the outline of src's subpaths stroked with width
// w (pixels) and the dash pattern dash (pixels, nil for solid): butt caps,
// miter joins turning to bevels past the miter limit at corners, round turns
// inside curves. out is filled with the non-zero rule.
func strokeOutline(out, src *pathBuf, w float64, dash []float64, scratch, scratch2 *polyline) {
	hw := w / 2
	for i := range src.subpaths() {
		pts, sm, closed := src.sub(i)
		pl := dedupVecs(pts, sm, scratch)
		if closed && len(pl.pts) > 1 && pl.pts[len(pl.pts)-1] == pl.pts[0] {
			pl.pts, pl.smooth = pl.pts[:len(pl.pts)-1], pl.smooth[:len(pl.pts)-1]
		}
		if len(pl.pts) < 2 {
			continue // a lone point draws nothing with butt caps
		}
		if dash != nil && !tooManyDashes(pl.pts, dash) {
			dashPolyline(pl, closed, dash, func(piece polyline) {
				if piece = dedupVecs(piece.pts, piece.smooth, scratch2); len(piece.pts) >= 2 {
					strokeOpen(out, piece, hw)
				}
			})
			continue
		}
		if closed {
			offsetSide(out, pl, true, hw)
			out.end(true)
			pl.reverse()
			offsetSide(out, pl, true, hw)
			out.end(true)
			pl.reverse()
			continue
		}
		strokeOpen(out, pl, hw)
	}
}

// strokeOpen outlines an open polyline: its left side forward, then its
// left side backward, which is the right side; the butt caps join them.
func strokeOpen(out *pathBuf, pl polyline, hw float64) {
	out.end(false)
	offsetSide(out, pl, false, hw)
	pl.reverse()
	offsetSide(out, pl, false, hw)
	pl.reverse()
	out.end(true)
}

// dedupVecs returns pts without consecutive repeated points, in *scratch.
func dedupVecs(pts []vec, smooth []bool, scratch *polyline) polyline {
	s, sm := scratch.pts[:0], scratch.smooth[:0]
	for i, p := range pts {
		if i == 0 || p.sub(s[len(s)-1]).len() > 1e-9 {
			s, sm = append(s, p), append(sm, smooth[i])
		}
	}
	scratch.pts, scratch.smooth = s, sm
	return *scratch
}

func (pl polyline) reverse() {
	for i, j := 0, len(pl.pts)-1; i < j; i, j = i+1, j-1 {
		pl.pts[i], pl.pts[j] = pl.pts[j], pl.pts[i]
		pl.smooth[i], pl.smooth[j] = pl.smooth[j], pl.smooth[i]
	}
}

// leftNormal is the unit direction d turned a quarter turn: the side
// offsetSide offsets to (which side that is on screen does not matter, only
// that it is always the same).
func leftNormal(d vec) vec { return vec{-d.y, d.x} }

// offsetSide appends the polyline offset by hw to one side, with joins; for
// a closed polyline it goes all the way round.
func offsetSide(out *pathBuf, pl polyline, closed bool, hw float64) {
	pts := pl.pts
	n := len(pts)
	segs := n - 1
	if closed {
		segs = n
	}
	dir := func(i int) vec {
		a, b := pts[i%n], pts[(i+1)%n]
		d := b.sub(a)
		return d.mul(1 / d.len())
	}
	seglen := func(i int) float64 { return pts[(i+1)%n].sub(pts[i%n]).len() }
	if !closed {
		out.lineTo(pts[0].add(leftNormal(dir(0)).mul(hw)))
	}
	first, last := 1, n-1 // vertices with joins
	if closed {
		first, last = 0, n
	}
	for v := first; v < last; v++ {
		ia := (v - 1 + segs) % segs
		ib := v % segs
		a, b := dir(ia), dir(ib)
		p := pts[v%n]
		na, nb := leftNormal(a), leftNormal(b)
		cr, dt := a.cross(b), a.dot(b)
		if math.Abs(cr) < 1e-9 && dt > 0 {
			out.lineTo(p.add(na.mul(hw)))
			continue
		}
		if cr > 0 && dt > -0.999 {
			// Inner side. Where the offset lines cross within both segments
			// use that point, else pivot round the vertex.
			m := na.add(nb).mul(hw / (1 + dt))
			along := math.Abs(m.dot(a))
			if along <= seglen(ia) && along <= seglen(ib) {
				out.lineTo(p.add(m))
			} else {
				out.lineTo(p.add(na.mul(hw)))
				out.lineTo(p)
				out.lineTo(p.add(nb.mul(hw)))
			}
			continue
		}
		smooth := pl.smooth[v%n]
		switch {
		case smooth && hw*(1/math.Sqrt((1+dt)/2)-1) <= flatTolerance:
			// A gentle turn inside a curve: the miter point is as close to
			// the arc as flattening is to the curve.
			out.lineTo(p.add(na.add(nb).mul(hw / (1 + dt))))
		case smooth:
			// Inside a curve: an arc, as the true curve's outline.
			turn := math.Acos(max(-1, min(1, dt)))
			steps := arcSteps(hw, turn)
			a0 := math.Atan2(na.y, na.x)
			if na.cross(nb) < 0 {
				turn = -turn
			}
			for i := 0; i <= steps; i++ {
				t := a0 + turn*float64(i)/float64(steps)
				out.lineTo(p.add(vec{math.Cos(t), math.Sin(t)}.mul(hw)))
			}
		case cr != 0 && dt >= 2.0/(miterLimit*miterLimit)-1:
			// Outer side of a corner: a miter if 1/sin(θ/2) <= the limit,
			// i.e. cos φ >= 2/limit²-1 for the turn φ; else a bevel.
			out.lineTo(p.add(na.add(nb).mul(hw / (1 + dt))))
		default:
			out.lineTo(p.add(na.mul(hw)))
			out.lineTo(p.add(nb.mul(hw)))
		}
	}
	if !closed {
		out.lineTo(pts[n-1].add(leftNormal(dir(n - 2)).mul(hw)))
	}
}

// maxDashes is the most dashes a subpath is cut into; past it the line is
// drawn solid (its dashes would be too fine to see anyway).
const maxDashes = 1 << 20

func tooManyDashes(pts []vec, dash []float64) bool {
	var period, length float64
	for _, v := range dash {
		period += v
	}
	for i := 1; i < len(pts); i++ {
		length += pts[i].sub(pts[i-1]).len()
	}
	return length/period*float64(len(dash)) > maxDashes
}

// dashPolyline calls fn with each dash (an open polyline) of pl under the
// pattern dash, which starts at the first point and is repeated; a closed
// polyline continues round to its start. fn may not keep the piece.
func dashPolyline(pl polyline, closed bool, dash []float64, fn func(polyline)) {
	pts, sm := pl.pts, pl.smooth
	if closed {
		pts, sm = append(pts, pts[0]), append(sm, sm[0])
	}
	var piece polyline
	add := func(v vec, smooth bool) {
		piece.pts, piece.smooth = append(piece.pts, v), append(piece.smooth, smooth)
	}
	di := 0
	left := dash[0]
	on := true
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		segLen := b.sub(a).len()
		if segLen == 0 {
			continue
		}
		pos := 0.0
		for segLen-pos > left {
			pos += left
			q := a.lerp(b, pos/segLen)
			if on {
				if len(piece.pts) == 0 {
					add(a, false)
				}
				add(q, false)
				fn(piece)
			}
			piece.pts, piece.smooth = piece.pts[:0], piece.smooth[:0]
			if !on {
				add(q, false)
			}
			on = !on
			di = (di + 1) % len(dash)
			left = dash[di]
		}
		left -= segLen - pos
		if on {
			if len(piece.pts) == 0 {
				add(a.lerp(b, pos/segLen), false)
			}
			add(b, sm[i+1])
		}
	}
	if on && len(piece.pts) >= 2 {
		fn(piece)
	}
}

// RasterizeTo paints the part of d seen through dst: the drawing at scale
// (as for WritePNG: 1 is 96 dpi) with the point origin at dst's top-left
// pixel (dst.Rect.Min). dst is first filled with the background (cleared if
// that is transparent), then the items that reach it are drawn exactly as
// WritePNG draws them; items outside it cost little. It is what WritePNG
// uses, so a preview drawn with it matches exported PNGs pixel for pixel. It
// is safe to call concurrently on different bitmaps.
func RasterizeTo(dst *image.RGBA, d *drawing.Drawing, scale float64, origin drawing.Point) error {
	if err := d.Check(); err != nil {
		return err
	}
	if !(scale > 0) || math.IsInf(scale, 1) {
		return fmt.Errorf("render: scale %g is not a positive number", scale)
	}
	if !finite(origin.X) || !finite(origin.Y) {
		return fmt.Errorf("render: origin %v is not a point", origin)
	}
	if dst == nil || dst.Rect.Empty() {
		return nil
	}
	// The same pixels, addressed from (0, 0).
	img := &image.RGBA{Pix: dst.Pix, Stride: dst.Stride, Rect: image.Rect(0, 0, dst.Rect.Dx(), dst.Rect.Dy())}
	paint(d, img, scale*pxPerPt, origin)
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// paint draws d onto img at k pixels a point, with the point origin at
// img's pixel (0, 0) and img.Rect.Min at (0, 0).
func paint(d *drawing.Drawing, img *image.RGBA, k float64, origin drawing.Point) {
	c := &canvas{img: img, k: k, ox: origin.X, oy: origin.Y}
	c.view = [4]float64{origin.X, origin.Y, origin.X + float64(img.Rect.Dx())/k, origin.Y + float64(img.Rect.Dy())/k}
	c.clear(d.Background)
	for i := range d.Items {
		if c.visible(&d.Items[i]) {
			c.item(&d.Items[i])
		}
	}
}

// canvas draws Items onto an RGBA bitmap.
type canvas struct {
	img      *image.RGBA
	k        float64    // pixels per point
	ox, oy   float64    // the point at pixel (0, 0)
	view     [4]float64 // the points the bitmap shows: x0, y0, x1, y1
	r        rasterizer
	shape    pathBuf // the item's geometry
	outline  pathBuf // its stroke outline
	scratch  polyline
	scratch2 polyline
	dash     []float64
	glyphs   map[typeset.Face]map[typeset.GlyphID][]typeset.Segment
}

// clear fills the bitmap with the background colour (Src).
func (c *canvas) clear(bg drawing.Color) {
	px := premulColor(bg)
	w, h := c.img.Rect.Dx(), c.img.Rect.Dy()
	row := c.img.Pix[:4*w]
	copy(row, px[:])
	for n := 4; n < len(row); n *= 2 {
		copy(row[n:], row[:n])
	}
	for y := 1; y < h; y++ {
		copy(c.img.Pix[y*c.img.Stride:y*c.img.Stride+4*w], row)
	}
}

// visible reports whether it may paint into the bitmap: a conservative
// test on its bounding box, padded for strokes and miters.
func (c *canvas) visible(it *drawing.Item) bool {
	pad := math.Abs(it.Stroke.Width)*miterLimit/2 + 1
	var x0, y0, x1, y1 float64
	switch it.Kind {
	case drawing.KindRect:
		x, y, w, h := drawing.NormRect(it.X, it.Y, it.W, it.H)
		x0, y0, x1, y1 = x, y, x+w, y+h
	case drawing.KindEllipse:
		x0, y0, x1, y1 = it.X-math.Abs(it.W), it.Y-math.Abs(it.H), it.X+math.Abs(it.W), it.Y+math.Abs(it.H)
	case drawing.KindText:
		if !(it.W > 0) {
			return true // text() culls glyph by glyph
		}
		// Any anchor; glyphs stay within 2 em of the line.
		x0, y0, x1, y1 = it.X-it.W, it.Y, it.X+it.W, it.Y
		pad = 2*math.Abs(it.Size) + 1
	default:
		if len(it.Points) == 0 {
			return false
		}
		// A cubic's curve lies within its control points' box.
		x0, y0, x1, y1 = it.Points[0].X, it.Points[0].Y, it.Points[0].X, it.Points[0].Y
		for _, p := range it.Points[1:] {
			x0, x1 = min(x0, p.X), max(x1, p.X)
			y0, y1 = min(y0, p.Y), max(y1, p.Y)
		}
	}
	return x1+pad >= c.view[0] && x0-pad <= c.view[2] && y1+pad >= c.view[1] && y0-pad <= c.view[3]
}

func (c *canvas) pt(p drawing.Point) vec { return vec{(p.X - c.ox) * c.k, (p.Y - c.oy) * c.k} }

func (c *canvas) item(it *drawing.Item) {
	c.shape.reset()
	k := c.k
	switch it.Kind {
	case drawing.KindRect:
		x, y, w, h := drawing.NormRect(it.X, it.Y, it.W, it.H)
		r := drawing.RectRadius(it.Radius, w, h)
		c.shape.roundRect((x-c.ox)*k, (y-c.oy)*k, w*k, h*k, r*k)
	case drawing.KindEllipse:
		c.shape.ellipse(c.pt(drawing.Point{X: it.X, Y: it.Y}), math.Abs(it.W)*k, math.Abs(it.H)*k)
	case drawing.KindPolygon, drawing.KindPolyline:
		if len(it.Points) < 2 {
			return
		}
		c.shape.moveTo(c.pt(it.Points[0]))
		for _, p := range it.Points[1:] {
			c.shape.lineTo(c.pt(p))
		}
		c.shape.end(it.Kind == drawing.KindPolygon)
	case drawing.KindBezier:
		if len(it.Points) < 2 {
			return
		}
		c.shape.moveTo(c.pt(it.Points[0]))
		pts := it.Points[1:]
		for ; len(pts) >= 3; pts = pts[3:] {
			c.shape.cubicTo(c.pt(pts[0]), c.pt(pts[1]), c.pt(pts[2]))
		}
		for _, p := range pts {
			c.shape.lineTo(c.pt(p))
		}
		c.shape.end(false)
	case drawing.KindText:
		c.text(it)
		return
	default:
		return
	}
	if it.Fill.A > 0 && it.Kind != drawing.KindPolyline && it.Kind != drawing.KindBezier {
		c.r.fill(c.img, &c.shape, it.Fill)
	}
	if it.Stroke.Visible() {
		c.dash = c.dash[:0]
		for _, v := range drawing.DashPattern(it.Stroke.Dash) {
			c.dash = append(c.dash, v*k)
		}
		if len(c.dash) == 0 {
			c.dash = nil
		}
		c.outline.reset()
		strokeOutline(&c.outline, &c.shape, drawing.Round(it.Stroke.Width)*k, c.dash, &c.scratch, &c.scratch2)
		c.r.fill(c.img, &c.outline, it.Stroke.Color)
	}
}

// glyphOutline returns glyph g of face f in font units (y down), cached for
// the canvas's life.
func (c *canvas) glyphOutline(f typeset.Face, g typeset.GlyphID) []typeset.Segment {
	m := c.glyphs[f]
	if m == nil {
		if c.glyphs == nil {
			c.glyphs = make(map[typeset.Face]map[typeset.GlyphID][]typeset.Segment)
		}
		m = make(map[typeset.GlyphID][]typeset.Segment)
		c.glyphs[f] = m
	}
	if segs, ok := m[g]; ok {
		return segs
	}
	segs := f.Outline(g)
	m[g] = segs
	return segs
}

// text draws a text item: its glyphs laid out as MeasureText measures them,
// stretched to the item's W, baseline at Y.
func (c *canvas) text(it *drawing.Item) {
	if it.Fill.A == 0 || it.Text == "" || !(it.Size > 0) {
		return
	}
	f := typeset.FaceFor(it.Font)
	upem := float64(f.UnitsPerEm())
	measured := float64(f.Advance(it.Text)) * it.Size / upem
	width, sx := measured, 1.0
	if w := drawing.Round(it.W); w > 0 && measured > 0 {
		width, sx = w, w/measured
	}
	x0 := it.X
	switch it.Anchor {
	case drawing.AnchorMiddle:
		x0 -= width / 2
	case drawing.AnchorEnd:
		x0 -= width
	}
	// Font units to pixels.
	ky := it.Size * c.k / upem / 64 // segments are in 26.6 units
	kx := ky * sx
	ox, oy := (x0-c.ox)*c.k, (it.Y-c.oy)*c.k
	// Glyphs that cannot reach the bitmap are skipped (Noto Sans stays
	// within 2 em of its origin), which bounds the work for absurd sizes.
	em := it.Size * c.k
	emx := em * max(sx, 1)
	W, H := float64(c.img.Rect.Dx()), float64(c.img.Rect.Dy())
	if oy+2*em < 0 || oy-2*em > H {
		return
	}
	c.shape.reset()
	for gl := range f.Glyphs(it.Text) {
		gx := ox + float64(gl.Pen)*64*kx
		if gx+2*emx < 0 || gx-2*emx > W {
			continue
		}
		segs := c.glyphOutline(f, gl.ID)
		if gl.Shift != 0 {
			gx += gl.Shift * 64 * kx // centre the .notdef box
		}
		tp := func(p fixed.Point26_6) vec {
			return vec{gx + float64(p.X)*kx, oy + float64(p.Y)*ky}
		}
		for _, s := range segs {
			a := &s.Args
			switch s.Op {
			case typeset.MoveTo:
				c.shape.end(true)
				c.shape.moveTo(tp(a[0]))
			case typeset.LineTo:
				c.shape.lineTo(tp(a[0]))
			case typeset.QuadTo:
				c.shape.quadTo(tp(a[0]), tp(a[1]))
			case typeset.CubeTo:
				c.shape.cubicTo(tp(a[0]), tp(a[1]), tp(a[2]))
			}
		}
		c.shape.end(true)
	}
	c.r.fill(c.img, &c.shape, it.Fill)
}

// premulColor is c as premultiplied RGBA bytes.
func premulColor(c drawing.Color) [4]uint8 {
	a := uint32(c.A)
	return [4]uint8{uint8((uint32(c.R)*a + 127) / 255), uint8((uint32(c.G)*a + 127) / 255), uint8((uint32(c.B)*a + 127) / 255), c.A}
}

// rasterizer fills paths with exact-area anti-aliasing and the non-zero
// rule. It accumulates signed coverage in a dense buffer over the path's
// bounding box (bands of it, for big paths), like font-rs and
// golang.org/x/image/vector, but only visits the cells each row touches, so
// long thin strokes cost what they cover, not their bounding box.
type rasterizer struct {
	acc        []float32
	minX, maxX []int32 // per band row: range of acc cells touched
	stride     int
}

// maxBandCells bounds the accumulation buffer (4 bytes a cell).
const maxBandCells = 1 << 18

// fill composites colour col through path p onto img.
func (z *rasterizer) fill(img *image.RGBA, p *pathBuf, col drawing.Color) {
	if col.A == 0 || len(p.pts) == 0 {
		return
	}
	// Bounding box, clipped to the image.
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, v := range p.pts {
		x0, x1 = min(x0, v.x), max(x1, v.x)
		y0, y1 = min(y0, v.y), max(y1, v.y)
	}
	W, H := img.Rect.Dx(), img.Rect.Dy()
	bx0 := int(max(0, math.Floor(x0)))
	bx1 := int(min(float64(W), math.Ceil(x1)))
	by0 := int(max(0, math.Floor(y0)))
	by1 := int(min(float64(H), math.Ceil(y1)))
	if bx0 >= bx1 || by0 >= by1 {
		return
	}
	bw := bx1 - bx0
	z.stride = bw + 2
	bandH := max(1, min(by1-by0, maxBandCells/z.stride))
	if need := z.stride * bandH; cap(z.acc) < need {
		z.acc = make([]float32, need)
	}
	z.acc = z.acc[:z.stride*bandH]
	if cap(z.minX) < bandH {
		z.minX = make([]int32, bandH)
		z.maxX = make([]int32, bandH)
	}
	z.minX, z.maxX = z.minX[:bandH], z.maxX[:bandH]
	for band := by0; band < by1; band += bandH {
		bh := min(bandH, by1-band)
		for i := range bh {
			z.minX[i], z.maxX[i] = math.MaxInt32, -1
		}
		ox, oy := float64(bx0), float64(band)
		for i := range p.subpaths() {
			pts, _, _ := p.sub(i)
			prev := pts[len(pts)-1] // every subpath is filled closed
			for _, v := range pts {
				z.line(prev.x-ox, prev.y-oy, v.x-ox, v.y-oy, bw, bh)
				prev = v
			}
		}
		z.composite(img, bx0, band, bw, bh, col)
	}
}

// line accumulates the signed area of the edge (ax, ay)–(bx, by), in band
// coordinates, clipped to rows [0, h) and clamped to columns [0, w].
func (z *rasterizer) line(ax, ay, bx, by float64, w, h int) {
	if ay == by || (ay <= 0 && by <= 0) || (ay >= float64(h) && by >= float64(h)) {
		return
	}
	// Split at the band's sides, so the parts outside become vertical lines
	// on them: that is exact for the coverage inside.
	fw := float64(w)
	for _, edge := range [2]float64{0, fw} {
		if (ax < edge && bx > edge) || (ax > edge && bx < edge) {
			my := ay + (edge-ax)/(bx-ax)*(by-ay)
			z.line(ax, ay, edge, my, w, h)
			z.line(edge, my, bx, by, w, h)
			return
		}
	}
	dir := float32(1)
	if ay > by {
		dir = -1
		ax, ay, bx, by = bx, by, ax, ay
	}
	fh := float64(h)
	if by <= 0 || ay >= fh {
		return
	}
	dxdy := (bx - ax) / (by - ay)
	if math.IsInf(dxdy, 0) || math.IsNaN(dxdy) {
		return // too flat to cover anything
	}
	if ay < 0 {
		ax += dxdy * -ay
		ay = 0
	}
	if by > fh {
		bx -= dxdy * (by - fh)
		by = fh
	}
	clampX := func(x float64) float64 {
		if x > 0 { // false for NaN
			return min(fw, x)
		}
		return 0
	}
	x := ax
	yStart := int(ay)
	yEnd := int(math.Ceil(by))
	for y := yStart; y < yEnd; y++ {
		rowTop := max(float64(y), ay)
		rowBot := min(float64(y+1), by)
		dy := rowBot - rowTop
		xNext := ax + dxdy*(rowBot-ay)
		d := float32(dy) * dir
		xa, xb := clampX(x), clampX(xNext)
		if xa > xb {
			xa, xb = xb, xa
		}
		row := z.acc[y*z.stride:]
		x0f := math.Floor(xa)
		x0i := int(x0f)
		x1c := math.Ceil(xb)
		x1i := int(x1c)
		lo, hi := int32(x0i), int32(x1i)
		if x1i <= x0i+1 {
			xm := float32(0.5*(xa+xb) - x0f)
			row[x0i] += d - d*xm
			row[x0i+1] += d * xm
			hi = int32(x0i + 1)
		} else {
			s := float32(1 / (xb - xa))
			xf0 := float32(xa - x0f)
			a0 := 0.5 * s * (1 - xf0) * (1 - xf0)
			xf1 := float32(xb - x1c + 1)
			am := 0.5 * s * xf1 * xf1
			row[x0i] += d * a0
			if x1i == x0i+2 {
				row[x0i+1] += d * (1 - a0 - am)
			} else {
				a1 := s * (1.5 - xf0)
				row[x0i+1] += d * (a1 - a0)
				ds := d * s
				for xi := x0i + 2; xi < x1i-1; xi++ {
					row[xi] += ds
				}
				a2 := a1 + float32(x1i-x0i-3)*s
				row[x1i-1] += d * (1 - a2 - am)
			}
			row[x1i] += d * am
		}
		if lo < z.minX[y] {
			z.minX[y] = lo
		}
		if hi > z.maxX[y] {
			z.maxX[y] = hi
		}
		x = xNext
	}
}

// composite blends the accumulated coverage of a band onto img and clears
// the cells it used.
func (z *rasterizer) composite(img *image.RGBA, bx, by, bw, bh int, col drawing.Color) {
	pc := premulColor(col)
	opaque := col.A == 255
	// 16-bit premultiplied source, as image/draw computes it.
	sr, sg, sb, sa := uint32(pc[0])*0x101, uint32(pc[1])*0x101, uint32(pc[2])*0x101, uint32(pc[3])*0x101
	for y := range bh {
		lo, hi := int(z.minX[y]), int(z.maxX[y])
		if hi < 0 {
			continue
		}
		row := z.acc[y*z.stride : y*z.stride+hi+1]
		pix := img.Pix[(by+y)*img.Stride+(bx)*4:]
		var sum float32
		for x := lo; x <= hi; x++ {
			sum += row[x]
			row[x] = 0
			if x >= bw {
				continue
			}
			cov := sum
			if cov < 0 {
				cov = -cov
			}
			if cov < 1.0/512 {
				continue
			}
			i := x * 4
			if cov >= 1-1.0/512 && opaque {
				pix[i], pix[i+1], pix[i+2], pix[i+3] = pc[0], pc[1], pc[2], pc[3]
				continue
			}
			if cov > 1 {
				cov = 1
			}
			ma := uint32(cov*0xffff + 0.5)
			a := (0xffff - sa*ma/0xffff) * 0x101
			pix[i+0] = uint8((uint32(pix[i+0])*a + sr*ma) / 0xffff >> 8)
			pix[i+1] = uint8((uint32(pix[i+1])*a + sg*ma) / 0xffff >> 8)
			pix[i+2] = uint8((uint32(pix[i+2])*a + sb*ma) / 0xffff >> 8)
			pix[i+3] = uint8((uint32(pix[i+3])*a + sa*ma) / 0xffff >> 8)
		}
	}
}
