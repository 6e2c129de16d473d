// Package typeset holds Parley's fonts (the bundled Noto Sans faces from
// assets/fonts, Fyne's own default, so the preview measures alike) and sets
// text in them: MeasureText, FontMetrics and WrapText for the views, which
// size every box from them, and Face.Glyphs and Face.Outline for the
// writers that draw glyphs themselves (drawing/raster), placed exactly as
// MeasureText measures. It knows nothing of scenarios.
//
// Text is set on one line, left to right, with the fonts' kerning; runes the
// fonts lack get a width by the fallback rule documented in face.go.
package typeset
