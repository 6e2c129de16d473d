package style

import (
	"fmt"
	"math"

	colorful "github.com/lucasb-eyer/go-colorful"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// Theme is a look for a finished drawing. Views draw in the light palette
// above; a theme maps every colour of the drawing at the door (render),
// so that every view and every output takes it the same way and no view
// knows of themes.
//
// The mapping works on lightness in OKLab, where equal steps look equal:
//
//   - light is the palette as it is;
//   - dark turns lightness over (paper becomes the near-black of a dark
//     desktop theme, ink a light grey, pale fills dark ones) and lifts the
//     middle tones, so that the role colours stay bright against the dark
//     paper; hue and chroma are kept, so a role keeps its colour;
//   - print drops colour altogether and darkens the middle tones for
//     toner: every role is then told apart by its arrowhead and the
//     legend's words, every certainty by its line style (dash pattern and
//     weight), every status by the words in its track box — none of these
//     depends on colour (TestPrintNeedsNoColour).
type Theme string

// Themes.
const (
	Light Theme = "light"
	Dark  Theme = "dark"
	Print Theme = "print"
)

// Themes lists the themes, the default first.
var Themes = []Theme{Light, Dark, Print}

// ParseTheme reads a theme's name; "" is light.
func ParseTheme(name string) (Theme, error) {
	if name == "" {
		return Light, nil
	}
	for _, t := range Themes {
		if string(t) == name {
			return t, nil
		}
	}
	names := make([]string, len(Themes))
	for i, t := range Themes {
		names[i] = string(t)
	}
	return Light, fmt.Errorf("style: %w", &scenario.EnumError{What: "theme", Value: name, Allowed: names})
}

// Color is c in the theme (its alpha kept).
func (t Theme) Color(c drawing.Color) drawing.Color {
	if t == Light || t == "" || c.A == 0 {
		return c
	}
	l, a, b := colorful.Color{R: float64(c.R) / 255, G: float64(c.G) / 255, B: float64(c.B) / 255}.OkLab()
	switch t {
	case Dark:
		// 1 → 0.2 (about #171717, Fyne's dark background), #222 ink →
		// 0.86, a role colour's 0.5 → 0.73, a pale fill's 0.93 → 0.37.
		l = 0.2 + 0.78*math.Pow(max(0, 1-l), 0.55)
	case Print:
		l, a, b = math.Pow(l, 1.6), 0, 0
	}
	out := colorful.OkLab(l, a, b).Clamped()
	r, g, bl := out.RGB255()
	return drawing.Color{R: r, G: g, B: bl, A: c.A}
}

// Apply returns d in the theme: a copy with every colour mapped (the
// items' points and dashes are shared with d); d itself for light.
func (t Theme) Apply(d *drawing.Drawing) *drawing.Drawing {
	if d == nil || t == Light || t == "" {
		return d
	}
	seen := map[drawing.Color]drawing.Color{}
	mapped := func(c drawing.Color) drawing.Color {
		if m, ok := seen[c]; ok {
			return m
		}
		m := t.Color(c)
		seen[c] = m
		return m
	}
	out := *d
	out.Background = mapped(d.Background)
	if d.Background.A == 0 {
		out.Background = mapped(Paper) // a transparent picture is drawn on paper
	}
	out.Items = make([]drawing.Item, len(d.Items))
	for i, it := range d.Items {
		it.Fill = mapped(it.Fill)
		it.Stroke.Color = mapped(it.Stroke.Color)
		out.Items[i] = it
	}
	return &out
}
