package raster

import (
	"image"
	"math"

	"github.com/parleyhq/parley/drawing"
)

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
