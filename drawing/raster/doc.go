// Package raster draws a Drawing into pixels with Parley's own
// anti-aliased scanline rasteriser, so that a PNG looks like the SVG:
// WritePNG writes a whole Drawing as a PNG file, RasterizeTo paints the part
// of it that a bitmap shows (the window's preview, at any zoom). Both draw
// the same pixels for the same Drawing and scale. It knows nothing of
// scenarios.
//
// The work is in four steps, one file each: path.go flattens shapes and
// curves into polylines in pixels, stroke.go turns strokes into outlines
// (miter joins, butt caps, dashes), scanline.go fills outlines with
// exact-area coverage, and canvas.go draws each Item with them (text as
// glyph outlines from drawing/typeset); png.go sizes and encodes the PNG.
package raster
