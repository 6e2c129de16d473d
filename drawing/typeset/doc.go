// Package typeset holds Parley's fonts and sets text in them, the same way
// for every output, so that every machine draws the same picture.
//
// Set shapes one line: each line is its own bidi paragraph (UAX #9, its
// direction that of its first strong character), characters are drawn from
// the first bundled face of the style's fallback chain that has them (Noto
// Sans for Latin, Greek and Cyrillic; Noto Sans Arabic, Noto Sans Hebrew,
// Droid Sans Fallback for hanzi and kana, Noto Sans CJK KR for Hangul, Noto
// Emoji), and HarfBuzz (go-text's port) joins Arabic, places marks, forms
// ligatures and kerns. Bidi controls are never applied: each is drawn as a
// dotted box naming it (RLO, LRI ...), and characters no face has as a box
// with their code point. Fonts without a bold weight are emboldened, and
// scripts without an italic are drawn upright in italic text.
//
// MeasureText, FontMetrics and WrapText are for the views, which size every
// box from them; Line.Glyphs and Outline are for the writers, which draw
// glyph outlines themselves (drawing/raster, drawing/svg, drawing/pdf), so
// text is measured exactly as it is drawn. It knows nothing of scenarios.
package typeset
