package editor

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// palette is the editor's colours, taken from the Fyne theme for the
// current variant. Token colours come from the theme's named colours
// (primary, success, warning, error, placeholder) and are moved towards
// the foreground colour until they stand out from the editor's background
// by at least minContrast, so they stay readable in light and dark themes
// and in themes Parley does not know.
type palette struct {
	bg, fg, gutterBg, gutterFg, lineBg, headerBg, selection, cursor color.Color
	match, matchCur, errorC, warnC, errorTint, warnTint             color.Color
	popupBg, popupSel, border, scrollThumb, scrollTrack             color.Color
	kinds                                                           [Invalid + 1]color.Color
}

// minContrast is WCAG's contrast ratio for body text (AA).
const minContrast = 4.5

func newPalette(th fyne.Theme, v fyne.ThemeVariant) palette {
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	var p palette
	p.bg = c(theme.ColorNameInputBackground)
	// the input background is translucent in Fyne's themes: draw it over
	// the window background to know what the text stands on
	p.bg = over(p.bg, c(theme.ColorNameBackground))
	p.fg = c(theme.ColorNameForeground)
	p.gutterBg = over(withAlpha(c(theme.ColorNameHeaderBackground), 0xff), p.bg)
	p.gutterBg = mix(p.bg, p.gutterBg, 0.6)
	p.gutterFg = readable(c(theme.ColorNamePlaceHolder), p.fg, p.gutterBg, 3)
	p.lineBg = withAlpha(c(theme.ColorNameHover), 0x18)
	p.headerBg = withAlpha(c(theme.ColorNamePrimary), 0x16)
	p.selection = c(theme.ColorNameSelection)
	p.cursor = c(theme.ColorNamePrimary)
	p.match = withAlpha(c(theme.ColorNameWarning), 0x50)
	p.matchCur = withAlpha(c(theme.ColorNameWarning), 0xa0)
	p.errorC = readable(c(theme.ColorNameError), p.fg, p.bg, 3)
	p.warnC = readable(c(theme.ColorNameWarning), p.fg, p.bg, 3)
	p.errorTint = withAlpha(c(theme.ColorNameError), 0x30)
	p.warnTint = withAlpha(c(theme.ColorNameWarning), 0x30)
	p.popupBg = over(c(theme.ColorNameMenuBackground), p.bg)
	p.popupSel = c(theme.ColorNameSelection)
	p.border = c(theme.ColorNameInputBorder)
	p.scrollThumb = c(theme.ColorNameScrollBar)
	p.scrollTrack = c(theme.ColorNameScrollBarBackground)

	k := func(n fyne.ThemeColorName) color.Color { return readable(c(n), p.fg, p.bg, minContrast) }
	p.kinds[Plain] = p.fg
	p.kinds[Key] = k(theme.ColorNamePrimary)
	p.kinds[Table] = k(theme.ColorNamePrimary)
	p.kinds[String] = k(theme.ColorNameSuccess)
	p.kinds[Escape] = k(theme.ColorNameWarning)
	p.kinds[Number] = readable(mix(c(theme.ColorNameWarning), c(theme.ColorNameError), 0.5), p.fg, p.bg, minContrast)
	p.kinds[Bool] = p.kinds[Number]
	p.kinds[Date] = readable(mix(c(theme.ColorNamePrimary), c(theme.ColorNameError), 0.5), p.fg, p.bg, minContrast)
	p.kinds[Comment] = readable(c(theme.ColorNamePlaceHolder), p.fg, p.bg, minContrast)
	p.kinds[Punct] = p.fg
	p.kinds[Invalid] = k(theme.ColorNameError)
	return p
}

// style is the text style of a kind. Fyne's themes have one monospace
// face (no bold or italic), so kinds differ by colour only, and table
// headers also by a band behind their line.
func style(Kind) fyne.TextStyle { return fyne.TextStyle{Monospace: true} }

func rgba(c color.Color) (r, g, b, a float64) {
	R, G, B, A := c.RGBA()
	return float64(R) / 0xffff, float64(G) / 0xffff, float64(B) / 0xffff, float64(A) / 0xffff
}

func toColor(r, g, b, a float64) color.NRGBA {
	f := func(x float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, x)) * 255)) }
	if a == 0 {
		return color.NRGBA{}
	}
	return color.NRGBA{f(r / a), f(g / a), f(b / a), f(a)}
}

// over composes c (maybe translucent) over an opaque bg.
func over(c, bg color.Color) color.Color {
	r, g, b, a := rgba(c)
	R, G, B, _ := rgba(bg)
	return toColor(r+R*(1-a), g+G*(1-a), b+B*(1-a), 1)
}

// mix is a + (b-a)·t, opaque.
func mix(a, b color.Color, t float64) color.Color {
	r1, g1, b1, _ := rgba(over(a, color.Black))
	r2, g2, b2, _ := rgba(over(b, color.Black))
	return toColor(r1+(r2-r1)*t, g1+(g2-g1)*t, b1+(b2-b1)*t, 1)
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// luminance is WCAG's relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := rgba(over(c, color.Black))
	lin := func(x float64) float64 {
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG's contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// readable moves c towards fg until it has at least the contrast min
// against bg (fg itself is assumed readable).
func readable(c, fg, bg color.Color, min float64) color.Color {
	c = over(c, bg)
	for t := 0.0; t <= 1; t += 0.05 {
		m := mix(c, fg, t)
		if contrast(m, bg) >= min {
			return m
		}
	}
	return fg
}
