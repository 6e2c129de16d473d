package typeset

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/font"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
)

// FaceID names one of the faces glyphs are drawn from: a bundled font, or
// that font emboldened (synthetic bold, for fonts with one weight), or
// Parley's own synthetic glyphs (boxes that show invisible or missing
// characters). The numbering is part of no file format but is stable
// within a build, so writers may use it in ids.
type FaceID uint8

// The faces.
const (
	FaceSans FaceID = iota
	FaceSansBold
	FaceSansItalic
	FaceArabic
	FaceArabicBold
	FaceHebrew
	FaceHebrewBold
	FaceCJK
	FaceCJKBold // emboldened
	FaceHangul
	FaceHangulBold // emboldened
	FaceEmoji
	FaceEmojiBold // emboldened
	FaceBoxes     // synthetic: control pictures and hex boxes
	FaceBoxesBold // synthetic, from the bold face
	faceCount
)

// fontSpec is one bundled font and how it is used.
type fontSpec struct {
	name string
	data []byte
	// base is the face whose font this one draws (itself unless it is
	// emboldened); embolden says to thicken its outlines.
	base     FaceID
	embolden bool
}

var fontSpecs = [faceCount]fontSpec{
	FaceSans:       {"Noto Sans", assets.FontRegular, FaceSans, false},
	FaceSansBold:   {"Noto Sans Bold", assets.FontBold, FaceSansBold, false},
	FaceSansItalic: {"Noto Sans Italic", assets.FontItalic, FaceSansItalic, false},
	FaceArabic:     {"Noto Sans Arabic", assets.FontArabic, FaceArabic, false},
	FaceArabicBold: {"Noto Sans Arabic Bold", assets.FontArabicBold, FaceArabicBold, false},
	FaceHebrew:     {"Noto Sans Hebrew", assets.FontHebrew, FaceHebrew, false},
	FaceHebrewBold: {"Noto Sans Hebrew Bold", assets.FontHebrewBold, FaceHebrewBold, false},
	FaceCJK:        {"Droid Sans Fallback", assets.FontCJK, FaceCJK, false},
	FaceCJKBold:    {"Droid Sans Fallback (emboldened)", nil, FaceCJK, true},
	FaceHangul:     {"Noto Sans CJK KR", assets.FontHangul, FaceHangul, false},
	FaceHangulBold: {"Noto Sans CJK KR (emboldened)", nil, FaceHangul, true},
	FaceEmoji:      {"Noto Emoji", assets.FontEmoji, FaceEmoji, false},
	FaceEmojiBold:  {"Noto Emoji (emboldened)", nil, FaceEmoji, true},
	FaceBoxes:      {"Parley boxes", nil, FaceBoxes, false},
	FaceBoxesBold:  {"Parley boxes bold", nil, FaceBoxesBold, false},
}

// String names the face, for tests and messages.
func (f FaceID) String() string {
	if f < faceCount {
		return fontSpecs[f].name
	}
	return fmt.Sprintf("face%d", uint8(f))
}

// chains are the fallback orders per style: a character is drawn from the
// first face that has it. Scripts without an italic face are drawn upright
// in italic text (slanting Arabic, Hebrew or CJK letters is not how those
// scripts mark emphasis); scripts without a bold face are emboldened.
var chains = [3][]FaceID{
	drawing.Regular: {FaceSans, FaceArabic, FaceHebrew, FaceCJK, FaceHangul, FaceEmoji},
	drawing.Bold:    {FaceSansBold, FaceArabicBold, FaceHebrewBold, FaceCJKBold, FaceHangulBold, FaceEmojiBold},
	drawing.Italic:  {FaceSansItalic, FaceArabic, FaceHebrew, FaceCJK, FaceHangul, FaceEmoji},
}

// chainFor returns style's fallback chain (Regular's for unknown styles).
func chainFor(style drawing.FontStyle) []FaceID {
	if int(style) < len(chains) {
		return chains[style]
	}
	return chains[drawing.Regular]
}

// boxesFor is the synthetic face for style.
func boxesFor(style drawing.FontStyle) FaceID {
	if style == drawing.Bold {
		return FaceBoxesBold
	}
	return FaceBoxes
}

// fonts holds the parsed fonts, shared read-only by every shaper. The
// primary faces are parsed on first use of the package, each fallback font
// the first time a character asks for it, so a diagram in Latin script
// costs none of the CJK or emoji fonts' memory.
var fonts struct {
	once sync.Once
	err  error
	// metrics of the primary faces, in units
	ascent, descent, gap [3]float32
}

// parsed is one font, parsed once.
type parsed struct {
	once  sync.Once
	font  *font.Font
	scale float32 // font units to units (1/1000 em)
}

var parsedFonts [faceCount]parsed

// fontOf returns the font that face id draws from (nil for the synthetic
// faces). The bundled fonts are part of the binary and tested, so failing
// to parse one is a build defect and panics.
func fontOf(id FaceID) (*font.Font, float32) {
	base := fontSpecs[id].base
	p := &parsedFonts[base]
	p.once.Do(func() {
		data := fontSpecs[base].data
		if data == nil {
			return
		}
		f, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			panic(fmt.Errorf("render: parsing bundled font %s: %w", fontSpecs[base].name, err))
		}
		p.font, p.scale = f.Font, UnitsPerEm/float32(f.Upem())
	})
	return p.font, p.scale
}

// loadFonts reads the primary faces' line metrics.
func loadFonts() {
	for st, id := range []FaceID{FaceSans, FaceSansBold, FaceSansItalic} {
		f, k := fontOf(id)
		ext, ok := font.NewFace(f).FontHExtents()
		if !ok {
			fonts.err = fmt.Errorf("render: bundled font %s has no line metrics", id)
			return
		}
		fonts.ascent[st], fonts.descent[st], fonts.gap[st] = ext.Ascender*k, -ext.Descender*k, max(0, ext.LineGap*k)
	}
}

func mustFonts() {
	fonts.once.Do(loadFonts)
	if fonts.err != nil {
		panic(fonts.err)
	}
}
