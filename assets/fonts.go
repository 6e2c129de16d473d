package assets

import _ "embed"

// The fonts every diagram is measured and drawn with, in every output, so
// that every machine draws the same picture. Noto Sans (Latin, Greek,
// Cyrillic) is the primary face and also Fyne's default; the others are
// fallbacks for the scripts it lacks, subset by fonts/subset.sh, which says
// what each keeps. Licences: fonts/OFL.txt (the Noto fonts),
// fonts/Apache-2.0.txt and fonts/DroidSansFallback-COPYRIGHT.txt (Droid
// Sans Fallback).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	FontItalic []byte

	//go:embed fonts/NotoSansArabic-Regular.ttf
	FontArabic []byte
	//go:embed fonts/NotoSansArabic-Bold.ttf
	FontArabicBold []byte
	//go:embed fonts/NotoSansHebrew-Regular.ttf
	FontHebrew []byte
	//go:embed fonts/NotoSansHebrew-Bold.ttf
	FontHebrewBold []byte
	// FontCJK covers the hanzi and kanji of GB 2312, Big5 level 1 and JIS X
	// 0208 level 1, and kana (Droid Sans Fallback; one weight).
	//go:embed fonts/DroidSansFallback-CJK.ttf
	FontCJK []byte
	// FontHangul covers the Hangul of KS X 1001 and the CJK punctuation
	// FontCJK lacks (Noto Sans CJK KR; one weight).
	//go:embed fonts/NotoSansCJKkr-Hangul.otf
	FontHangul []byte
	// FontEmoji is Noto Emoji, monochrome outlines (one weight).
	//go:embed fonts/NotoEmoji-Regular.ttf
	FontEmoji []byte
)
