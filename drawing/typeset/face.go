package typeset

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
)

// Text is measured in font units of the bundled Noto Sans faces and only
// scaled to points at the end, so the caches below hold integers that do not
// depend on the font size. Advances include the font's kerning (GPOS pair
// adjustments, as golang.org/x/image/font/sfnt reads them for the Latin and
// default scripts; Noto Sans uses the same lookups for Cyrillic).
//
// Runes the font has no glyph for get a width by this fallback rule, chosen
// so that a label's box is never too small when a viewer draws the rune with
// some other font (Fyne's preview uses its bundled EmojiOne font, whose
// emoji are 1 em wide; browsers use the system's emoji and CJK fonts):
//
//   - emoji and pictographs (U+1F000–U+1FAFF, U+2300–U+23FF, U+2600–U+27BF,
//     U+2B00–U+2BFF) and East Asian wide or full-width runes (CJK, kana,
//     Hangul, full-width forms): 1 em;
//   - a pair of regional indicators (a flag such as 🇺🇦) is drawn as one
//     glyph: 1 em for the pair;
//   - a rune joined to the emoji before it by U+200D ZERO WIDTH JOINER, and
//     skin-tone modifiers after an emoji, are part of that emoji: 0;
//   - variation selectors, other default-ignorable runes (joiners, bidi
//     controls, tags), combining marks and C1 control characters: 0;
//   - tab, newline and carriage return count as a space (SVG shows them as
//     one); other C0 controls, which XML cannot carry and SVG output shows
//     as U+FFFD, count as U+FFFD, as does invalid UTF-8;
//   - anything else (scripts Noto Sans lacks, such as Arabic or Devanagari):
//     the width of the font's .notdef glyph, 0.6 em.

// fontFace is one parsed face with its measurement caches. It is safe for
// concurrent use.
type fontFace struct {
	font    *sfnt.Font
	upem    int32
	ascent  int32 // font units, positive up
	descent int32 // font units, positive down
	gap     int32 // line gap, font units
	space   int32 // advance of U+0020
	notdef  int32 // advance of glyph 0

	// dense holds the glyph and advance of the runes in denseRanges, the ones
	// labels are nearly always made of, so measuring them takes no lock.
	dense [denseCount]glyphInfo
	// kernRows[i][j] is the kerning between dense runes i and j; a row is
	// filled the first time rune i is followed by another dense rune.
	kernRows [denseCount]atomic.Pointer[[denseCount]int16]

	mu    sync.Mutex // guards buf and the slow paths' computation
	buf   sfnt.Buffer
	other sync.Map // rune -> glyphInfo, for runes outside denseRanges
	kerns sync.Map // uint32(g0)<<16 | g1 -> int32, pairs outside dense
}

// glyphInfo is a rune's glyph index (0: the font lacks it) and the advance it
// adds, in font units, before kerning; class says how the fallback rule
// treats it.
type glyphInfo struct {
	glyph   sfnt.GlyphIndex
	advance int32
	class   runeClass
}

// runeClass drives the fallback rule for runes the font has no glyph for.
type runeClass uint8

const (
	classGlyph    runeClass = iota // the font has a glyph
	classNarrow                    // missing: .notdef width
	classWide                      // missing, wide or emoji: 1 em
	classZero                      // zero width, never a line break point
	classRegional                  // regional indicator (flags)
	classModifier                  // emoji skin-tone modifier
	classZWJ                       // U+200D
)

// denseRanges are the runes whose glyphs and kerning are kept in arrays:
// ASCII, Latin-1 and Latin Extended-A, Cyrillic, and general punctuation
// (dashes, quotes, ellipsis).
var denseRanges = [...][2]rune{
	{0x20, 0x7e},
	{0xa0, 0x17f},
	{0x400, 0x45f},
	{0x490, 0x491},
	{0x2010, 0x2026},
}

// denseCount is the number of runes in denseRanges.
const denseCount = (0x7e - 0x20 + 1) + (0x17f - 0xa0 + 1) + (0x45f - 0x400 + 1) + 2 + (0x2026 - 0x2010 + 1)

// denseLow maps runes below 0x492 to their dense index plus one (0: none);
// denseHigh is the base index of the last range.
var denseLow, denseHigh = func() (t [0x492]uint16, high int) {
	base := 0
	for _, rg := range denseRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if r < rune(len(t)) {
				t[r] = uint16(base + int(r-rg[0]) + 1)
			}
		}
		high = base
		base += int(rg[1]-rg[0]) + 1
	}
	return t, high
}()

// denseIndex returns r's index into the dense tables, or -1.
func denseIndex(r rune) int {
	if r >= 0 && r < rune(len(denseLow)) {
		return int(denseLow[r]) - 1
	}
	if last := denseRanges[len(denseRanges)-1]; r >= last[0] && r <= last[1] {
		return denseHigh + int(r-last[0])
	}
	return -1
}

var (
	facesOnce sync.Once
	faces     [3]*fontFace
	facesErr  error
)

// loadFaces parses the bundled fonts once.
func loadFaces() {
	for i, data := range [3][]byte{assets.FontRegular, assets.FontBold, assets.FontItalic} {
		f, err := newFontFace(data)
		if err != nil {
			facesErr = fmt.Errorf("render: parsing bundled font %d: %w", i, err)
			return
		}
		faces[i] = f
	}
}

// faceFor returns the parsed face for style (Regular for unknown styles). The
// bundled fonts are part of the binary and tested, so failing to parse them
// is a build defect and panics.
func faceFor(style drawing.FontStyle) *fontFace {
	facesOnce.Do(loadFaces)
	if facesErr != nil {
		panic(facesErr)
	}
	if int(style) < len(faces) {
		return faces[style]
	}
	return faces[drawing.Regular]
}

func newFontFace(data []byte) (*fontFace, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	ff := &fontFace{font: f, upem: int32(f.UnitsPerEm())}
	m, err := f.Metrics(&ff.buf, ff.ppem(), font.HintingNone)
	if err != nil {
		return nil, err
	}
	ff.ascent = int32(m.Ascent >> 6)
	ff.descent = int32(m.Descent >> 6)
	ff.gap = int32((m.Height - m.Ascent - m.Descent) >> 6)
	if ff.gap < 0 {
		ff.gap = 0
	}
	adv, err := f.GlyphAdvance(&ff.buf, 0, ff.ppem(), font.HintingNone)
	if err != nil {
		return nil, err
	}
	ff.notdef = int32(adv >> 6)
	i := 0
	for _, rg := range denseRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			ff.dense[i] = ff.lookup(r)
			i++
		}
	}
	ff.space = ff.dense[denseIndex(' ')].advance
	return ff, nil
}

// ppem is the scale at which sfnt reports values in font units (as 26.6).
func (f *fontFace) ppem() fixed.Int26_6 { return fixed.Int26_6(f.upem) << 6 }

// lookup computes r's glyphInfo; the caller must hold f.mu or be the
// constructor.
func (f *fontFace) lookup(r rune) glyphInfo {
	if !xmlChar(r) {
		// SVG output shows these (NUL and other C0 controls) as U+FFFD, so
		// the PNG draws and boxes make room for that too.
		r = '\uFFFD'
	}
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return glyphInfo{advance: f.space, class: classZero}
	case r == 0x200d:
		return glyphInfo{class: classZWJ}
	case isIgnorable(r):
		return glyphInfo{class: classZero}
	}
	g, err := f.font.GlyphIndex(&f.buf, r)
	if err == nil && g != 0 {
		adv, err := f.font.GlyphAdvance(&f.buf, g, f.ppem(), font.HintingNone)
		if err == nil {
			return glyphInfo{glyph: g, advance: int32(adv >> 6)}
		}
	}
	switch {
	case r >= 0x1f1e6 && r <= 0x1f1ff:
		return glyphInfo{advance: f.upem, class: classRegional}
	case r >= 0x1f3fb && r <= 0x1f3ff:
		return glyphInfo{advance: f.upem, class: classModifier}
	case isWide(r):
		return glyphInfo{advance: f.upem, class: classWide}
	case unicode.In(r, unicode.Mn, unicode.Me):
		return glyphInfo{class: classZero}
	}
	return glyphInfo{advance: f.notdef, class: classNarrow}
}

// isIgnorable reports runes that take no room whatever the font: controls
// and Unicode default-ignorable code points.
func isIgnorable(r rune) bool {
	switch {
	case r < 0x20 || (r >= 0x7f && r < 0xa0): // C0 and C1 controls
		return true
	case r == 0xad || r == 0x34f || r == 0x61c || r == 0xfeff:
		return true
	case r >= 0x180b && r <= 0x180f, r >= 0x200b && r <= 0x200f,
		r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x206f,
		r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0000 && r <= 0xe0fff:
		return true
	}
	return false
}

// xmlChar reports whether r is in XML 1.0's Char production (the same rule
// as drawing/svg's, which writes other runes as U+FFFD).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d ||
		r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd ||
		r >= 0x10000 && r <= 0x10ffff
}

// isWide reports emoji, pictographs and East Asian wide or full-width runes.
func isWide(r rune) bool {
	switch {
	case r >= 0x1f000 && r <= 0x1faff, r >= 0x2300 && r <= 0x23ff,
		r >= 0x2600 && r <= 0x27bf, r >= 0x2b00 && r <= 0x2bff:
		return true
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0x303e,
		r >= 0x3041 && r <= 0x33ff, r >= 0x3400 && r <= 0x4dbf,
		r >= 0x4e00 && r <= 0x9fff, r >= 0xa000 && r <= 0xa4cf,
		r >= 0xac00 && r <= 0xd7a3, r >= 0xf900 && r <= 0xfaff,
		r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60,
		r >= 0xffe0 && r <= 0xffe6, r >= 0x20000 && r <= 0x3fffd:
		return true
	}
	return false
}

// info returns r's glyphInfo and its dense index (-1 if none).
func (f *fontFace) info(r rune) (glyphInfo, int) {
	if i := denseIndex(r); i >= 0 {
		return f.dense[i], i
	}
	if v, ok := f.other.Load(r); ok {
		return v.(glyphInfo), -1
	}
	f.mu.Lock()
	gi := f.lookup(r)
	f.mu.Unlock()
	f.other.Store(r, gi)
	return gi, -1
}

// kern returns the kerning in font units between two glyphs; d0 and d1 are
// their dense indices or -1.
func (f *fontFace) kern(g0, g1 sfnt.GlyphIndex, d0, d1 int) int32 {
	if g0 == 0 || g1 == 0 {
		return 0
	}
	if d0 >= 0 && d1 >= 0 {
		row := f.kernRows[d0].Load()
		if row == nil {
			row = f.fillKernRow(d0)
		}
		return int32(row[d1])
	}
	key := uint32(g0)<<16 | uint32(g1)
	if v, ok := f.kerns.Load(key); ok {
		return v.(int32)
	}
	f.mu.Lock()
	k := f.rawKern(g0, g1)
	f.mu.Unlock()
	f.kerns.Store(key, k)
	return k
}

// rawKern asks the font; the caller holds f.mu.
func (f *fontFace) rawKern(g0, g1 sfnt.GlyphIndex) int32 {
	k, err := f.font.Kern(&f.buf, g0, g1, f.ppem(), font.HintingNone)
	if err != nil {
		return 0
	}
	return int32(k >> 6)
}

func (f *fontFace) fillKernRow(d0 int) *[denseCount]int16 {
	f.mu.Lock()
	defer f.mu.Unlock()
	if row := f.kernRows[d0].Load(); row != nil {
		return row
	}
	row := new([denseCount]int16)
	g0 := f.dense[d0].glyph
	for j := range f.dense {
		if g1 := f.dense[j].glyph; g0 != 0 && g1 != 0 {
			row[j] = int16(f.rawKern(g0, g1))
		}
	}
	f.kernRows[d0].Store(row)
	return row
}

// shaper walks a string's runes and says where each one goes, applying
// kerning and the fallback rule.
type shaper struct {
	f        *fontFace
	prev     glyphInfo
	prevD    int
	prevWide bool // the last rune that took room was an emoji or wide rune
	riOdd    bool // an unpaired regional indicator came last
	joined   bool // the last rune was a ZWJ after an emoji
}

func newShaper(f *fontFace) shaper { return shaper{f: f, prevD: -1} }

// next returns the kerning to apply before r and r's advance (both in font
// units), and r's glyph information.
func (s *shaper) next(r rune) (kern, advance int32, gi glyphInfo) {
	gi, d := s.f.info(r)
	advance = gi.advance
	switch gi.class {
	case classGlyph:
		kern = s.f.kern(s.prev.glyph, gi.glyph, s.prevD, d)
		s.prevWide, s.riOdd, s.joined = false, false, false
	case classZero:
		// Takes no part in kerning or emoji sequences.
		return 0, advance, gi
	case classZWJ:
		s.joined = s.prevWide
		s.riOdd = false
		s.prev, s.prevD = gi, -1
		return 0, 0, gi
	case classRegional:
		if s.riOdd {
			advance = 0
		}
		s.riOdd = !s.riOdd
		s.prevWide, s.joined = true, false
	case classModifier:
		if s.prevWide {
			advance = 0
		}
		s.riOdd, s.joined = false, false
		s.prevWide = true
	default:
		if s.joined && gi.class == classWide {
			advance = 0
		}
		s.prevWide = gi.class == classWide
		s.riOdd, s.joined = false, false
	}
	s.prev, s.prevD = gi, d
	return kern, advance, gi
}

// units is the advance width of s in font units.
func (f *fontFace) units(s string) int64 {
	sh := newShaper(f)
	var w int64
	for _, r := range s {
		k, a, _ := sh.next(r)
		w += int64(k) + int64(a)
	}
	return w
}
