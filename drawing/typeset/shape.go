package typeset

import (
	"strings"
	"sync"
	"unicode"

	gobidi "github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/parleyhq/parley/drawing"
)

// UnitsPerEm is the grid of every position and outline typeset returns:
// 1000 units to the em, whatever the font's own grid. At size points, a
// unit is size/1000 points.
const UnitsPerEm = 1000

// GlyphKey names one glyph of one face.
type GlyphKey struct {
	Face FaceID
	// ID is the glyph's index in the face's font; for FaceBoxes and
	// FaceBoxesBold it is the code point the box stands for.
	ID uint32
}

// Glyph is one glyph of a set line.
type Glyph struct {
	Key GlyphKey
	// X and Y are the glyph's origin, in units from the line's start on
	// the baseline, y down.
	X, Y float32
}

// Line is one line of text, shaped and in visual order: what every writer
// draws for a text item. It is shared and must not be changed.
type Line struct {
	// Glyphs in visual order, left to right.
	Glyphs []Glyph
	// Advance is the line's width in units.
	Advance float32
	// Text is the text the line shows, in logical order, for the text
	// layers of SVG and PDF (search, copy, screen readers): the input with
	// tabs and newlines as spaces and each neutralised bidi control as
	// U+2B1A DOTTED SQUARE, the box drawn for it, so copying never carries
	// a control that could reorder text elsewhere.
	Text string
	// Visual is Text's characters in the order they are laid out, left to
	// right (rule L2, per character), for text layers that, as PDF's, are
	// read back by position.
	Visual string
	// RTL says whether the line is a right-to-left paragraph (its first
	// strong character is Arabic or Hebrew).
	RTL bool
}

// SetItem sets a text item's line as every writer draws it: the shaped
// line, the item's size in points per font unit (k) and the x of the
// line's left end, from the item's anchor and the line's own width.
func SetItem(it *drawing.Item) (line *Line, k, x0 float64) {
	line = Set(it.Text, it.Font)
	k = it.Size / UnitsPerEm
	x0 = it.X
	switch width := float64(line.Advance) * k; it.Anchor {
	case drawing.AnchorMiddle:
		x0 -= width / 2
	case drawing.AnchorEnd:
		x0 -= width
	}
	return line, k, x0
}

// Set shapes s as one line in style: bidi reordering (each line its own
// paragraph), font fallback through the bundled faces, Arabic joining,
// marks, ligatures and kerning. Bidi controls in s are not applied but
// drawn as dotted boxes naming them; characters no bundled face has are
// drawn as boxes showing their code point. Results are cached; Set is safe
// for concurrent use.
func Set(s string, style drawing.FontStyle) *Line {
	if int(style) >= len(chains) {
		style = drawing.Regular
	}
	key := lineKey{s, style}
	lineCache.mu.Lock()
	l, ok := lineCache.m[key]
	lineCache.mu.Unlock()
	if ok {
		return l
	}
	l = setLine(s, style)
	lineCache.mu.Lock()
	if len(lineCache.m) >= maxCachedLines {
		lineCache.m = make(map[lineKey]*Line) // a crude bound: start again
	}
	lineCache.m[key] = l
	lineCache.mu.Unlock()
	return l
}

type lineKey struct {
	s     string
	style drawing.FontStyle
}

// maxCachedLines bounds the line cache: a 1,000-actor diagram sets about
// 5,000 distinct lines.
const maxCachedLines = 50_000

var lineCache = struct {
	mu sync.Mutex
	m  map[lineKey]*Line
}{m: make(map[lineKey]*Line)}

// setLine shapes s without the cache.
func setLine(s string, style drawing.FontStyle) *Line {
	mustFonts()
	sh := getShaper()
	defer putShaper(sh)
	return sh.set(s, style, nil)
}

// shaper holds what shaping one line needs; pooled, one goroutine at a
// time (go-text's faces and shaper cache state).
type shaper struct {
	hb     shaping.HarfbuzzShaper
	faces  [faceCount]*font.Face
	para   gobidi.Paragraph
	runes  []rune
	bidiIn []rune
	level  []int8
	face   []FaceID
	script []language.Script
}

// shapers keeps idle shapers. Not a sync.Pool: a shaper's faces cost
// about a megabyte to make (glyph caches sized to the fonts), which a
// garbage collection should not throw away.
var shapers = make(chan *shaper, 8)

func getShaper() *shaper {
	mustFonts()
	select {
	case sh := <-shapers:
		return sh
	default:
	}
	return &shaper{}
}

// faceOf returns the shaper's face for id's font (nil for synthetic faces),
// made on first use.
func (sh *shaper) faceOf(id FaceID) *font.Face {
	base := fontSpecs[id].base
	if sh.faces[base] == nil {
		if f, _ := fontOf(base); f != nil {
			sh.faces[base] = font.NewFace(f)
		}
	}
	return sh.faces[base]
}

func putShaper(sh *shaper) {
	select {
	case shapers <- sh:
	default:
	}
}

// run is a stretch of a line with one level, face and script.
type run struct {
	start, end int
	level      int8
	face       FaceID
	script     language.Script
}

// set shapes s in style. If adv is not nil, it receives each rune's share
// of the advance (a cluster's advance goes to its first rune), in logical
// order, for line breaking.
func (sh *shaper) set(s string, style drawing.FontStyle, adv *[]float32) *Line {
	text := sh.runes[:0]
	var shown strings.Builder
	for _, r := range s {
		switch r {
		case '\t', '\n', '\r':
			r = ' '
		}
		text = append(text, r)
		if isBidiControl(r) {
			shown.WriteRune(dottedSquare)
		} else {
			shown.WriteRune(r)
		}
	}
	sh.runes = text
	line := &Line{Text: shown.String()}
	if adv != nil {
		*adv = (*adv)[:0]
		for range text {
			*adv = append(*adv, 0)
		}
	}
	if len(text) == 0 {
		return line
	}
	sh.chooseFaces(text, style)
	// The bidi algorithm sees neutralised controls as the neutral U+FFFC.
	sh.bidiIn = append(sh.bidiIn[:0], text...)
	for i, r := range sh.bidiIn {
		if isBidiControl(r) {
			sh.bidiIn[i] = 0xfffc
		}
	}
	sh.level, line.RTL = levels(&sh.para, sh.bidiIn, sh.level)
	sh.scripts(text)
	shownRunes := []rune(line.Text)
	var vis strings.Builder
	for _, i := range visualOrder(sh.level) {
		vis.WriteRune(shownRunes[i])
	}
	line.Visual = vis.String()

	var runs []run
	for i := range text {
		if n := len(runs); n > 0 && runs[n-1].level == sh.level[i] && runs[n-1].face == sh.face[i] && runs[n-1].script == sh.script[i] {
			runs[n-1].end = i + 1
			continue
		}
		runs = append(runs, run{i, i + 1, sh.level[i], sh.face[i], sh.script[i]})
	}
	runLevels := make([]int8, len(runs))
	for i, r := range runs {
		runLevels[i] = r.level
	}
	var pen float32
	for _, ri := range visualOrder(runLevels) {
		r := runs[ri]
		if r.face == FaceBoxes || r.face == FaceBoxesBold {
			for i := r.start; i < r.end; i++ {
				j := i
				if r.level%2 == 1 {
					j = r.end - 1 - (i - r.start)
				}
				b := boxFor(text[j], r.face)
				line.Glyphs = append(line.Glyphs, Glyph{Key: GlyphKey{r.face, uint32(text[j])}, X: pen})
				pen += b.advance
				if adv != nil {
					(*adv)[j] += b.advance
				}
			}
			continue
		}
		dir := di.DirectionLTR
		if r.level%2 == 1 {
			dir = di.DirectionRTL
		}
		base := fontSpecs[r.face].base
		out := sh.hb.Shape(shaping.Input{
			Text: text, RunStart: r.start, RunEnd: r.end,
			Direction: dir, Face: sh.faceOf(base), Size: fixed.I(UnitsPerEm),
			Script: r.script, Language: language.ScriptToLang[r.script].Language(),
		})
		for _, g := range out.Glyphs {
			x := pen + fix(g.XOffset)
			line.Glyphs = append(line.Glyphs, Glyph{Key: GlyphKey{r.face, uint32(g.GlyphID)}, X: x, Y: -fix(g.YOffset)})
			a := fix(g.Advance)
			pen += a
			if adv != nil && g.ClusterIndex >= 0 && g.ClusterIndex < len(text) {
				(*adv)[g.ClusterIndex] += a
			}
		}
	}
	line.Advance = pen
	return line
}

func fix(v fixed.Int26_6) float32 { return float32(v) / 64 }

// Neutralise returns s with each bidi control (see Set) replaced by U+2B1A
// DOTTED SQUARE, for text that outputs carry as text rather than drawing
// (titles, descriptions, tooltips), so that it cannot reorder what is
// around it there either and shows where the control was.
func Neutralise(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return dottedSquare
		}
		return r
	}, s)
}

// dottedSquare stands for a neutralised bidi control in text layers.
const dottedSquare = '\u2b1a'

// isBidiControl reports the explicit bidi formatting characters (embeddings,
// overrides, isolates and their terminators), the ones that can reorder
// the text around them. The marks (LRM, RLM, ALM) are kept: they are strong
// characters that only settle the direction of neutrals next to them.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// isIgnorable reports Unicode's default-ignorable code points (joiners,
// variation selectors, tags, invisible operators ...): they take no room
// and draw nothing whatever the font, as the shaper treats them.
func isIgnorable(r rune) bool {
	switch {
	case r == 0xad || r == 0x34f || r == 0x61c || r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xfeff || r == 0xffa0:
		return true
	case r >= 0x17b4 && r <= 0x17b5, r >= 0x180b && r <= 0x180f, r >= 0x200b && r <= 0x200f,
		r >= 0x2060 && r <= 0x206f, r >= 0xfe00 && r <= 0xfe0f, r >= 0xfff0 && r <= 0xfff8,
		r >= 0x1bca0 && r <= 0x1bca3, r >= 0x1d173 && r <= 0x1d17a, r >= 0xe0000 && r <= 0xe0fff:
		return !isBidiControl(r)
	}
	return false
}

// needsBox reports runes drawn as a box whatever the fonts: bidi controls,
// other control characters, and code points that are not characters.
func needsBox(r rune) bool {
	switch {
	case isBidiControl(r):
		return true
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe, r >= 0xd800 && r <= 0xdfff:
		return true
	}
	return false
}

// extends reports runes that belong to the cluster before them: marks,
// joiners, variation selectors, emoji modifiers and tags.
func extends(r rune) bool {
	switch {
	case r == 0x200c || r == 0x200d || r == 0x20e3:
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0020 && r <= 0xe007f, r >= 0x1f3fb && r <= 0x1f3ff, r >= 0xe0100 && r <= 0xe01ef:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

func isRegional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }

// chooseFaces sets sh.face for every rune: a cluster (a base and what
// extends it, an emoji ZWJ sequence, a flag) is drawn from the first face
// of style's chain that has all of it. Spaces, digits and punctuation keep
// the face of the text before them if it has them, so an Arabic or CJK
// phrase is shaped as one run.
func (sh *shaper) chooseFaces(text []rune, style drawing.FontStyle) {
	sh.face = sh.face[:0]
	chain := chainFor(style)
	prev := FaceID(faceCount)
	for i := 0; i < len(text); {
		j := i + 1
		if isRegional(text[i]) && j < len(text) && isRegional(text[j]) {
			j++
		}
		for j < len(text) && (extends(text[j]) || text[j-1] == 0x200d) {
			j++
		}
		f := sh.faceFor(text[i:j], chain, prev, style)
		for range j - i {
			sh.face = append(sh.face, f)
		}
		if f != FaceBoxes && f != FaceBoxesBold {
			prev = f
		}
		i = j
	}
}

func (sh *shaper) faceFor(cluster []rune, chain []FaceID, prev FaceID, style drawing.FontStyle) FaceID {
	base := cluster[0]
	if needsBox(base) {
		return boxesFor(style)
	}
	emoji := false
	for _, r := range cluster {
		if r == 0xfe0f || r == 0x20e3 || r == 0x200d || r >= 0x1f3fb && r <= 0x1f3ff {
			emoji = true
		}
	}
	if emoji && sh.has(chain[len(chain)-1], cluster) {
		return chain[len(chain)-1]
	}
	if prev < faceCount && prev != chain[0] && prev != chain[len(chain)-1] {
		if s := language.LookupScript(base); (s == language.Common || s == language.Inherited) && sh.has(prev, cluster) {
			return prev
		}
	}
	for _, f := range chain {
		if sh.has(f, cluster) {
			return f
		}
	}
	if isIgnorable(base) {
		return chain[0] // draws nothing
	}
	for _, f := range chain {
		if sh.has(f, cluster[:1]) {
			return f // the base at least; the shaper marks what is missing
		}
	}
	return boxesFor(style)
}

// has reports whether face f has every rune of cluster that draws.
func (sh *shaper) has(f FaceID, cluster []rune) bool {
	face := sh.faceOf(f)
	if face == nil {
		return false
	}
	for _, r := range cluster {
		if isIgnorable(r) {
			continue
		}
		if _, ok := face.NominalGlyph(r); !ok {
			return false
		}
	}
	return true
}

// scripts sets sh.script for every rune; Common and Inherited runes take
// the script before them (or after, at the start).
func (sh *shaper) scripts(text []rune) {
	sh.script = sh.script[:0]
	cur := language.Common
	for _, r := range text {
		s := language.LookupScript(r)
		if s == language.Common || s == language.Inherited || s == language.Unknown {
			s = cur
		} else {
			cur = s
		}
		sh.script = append(sh.script, s)
	}
	first := language.Latin
	for _, s := range sh.script {
		if s != language.Common {
			first = s
			break
		}
	}
	for i, s := range sh.script {
		if s != language.Common {
			break
		}
		sh.script[i] = first
	}
}

// runeWidths returns the line's width and each rune's share of it, for
// line breaking.
func runeWidths(s string, style drawing.FontStyle, adv *[]float32) float32 {
	mustFonts()
	sh := getShaper()
	defer putShaper(sh)
	return sh.set(s, style, adv).Advance
}
