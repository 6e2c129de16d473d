package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The diagram's keyboard: it takes the focus (Tab, or a click) and then
// the arrow keys and PageUp/PageDown pan, + and − zoom, 0 fits, 1 shows it
// at 100%, V shows the next view. A ring in the theme's focus colour shows that it has the focus.

// keyPanStep is how far an arrow key pans, in view units.
const keyPanStep = 40

func newFocusRing() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 2
	r.StrokeColor = theme.Color(theme.ColorNameFocus)
	r.Hide()
	return r
}

// FocusGained is part of fyne.Focusable.
func (v *diagramView) FocusGained() { v.ring.Show() }

// FocusLost is part of fyne.Focusable.
func (v *diagramView) FocusLost() { v.ring.Hide() }

// TypedRune is part of fyne.Focusable: + and − zoom, 0 fits, 1 is 100%,
// V shows the next view.
func (v *diagramView) TypedRune(r rune) {
	if v.p.u.timeRune(r) { // [ ] and space: the time bar (timebar.go)
		return
	}
	switch r {
	case '+', '=':
		v.zoomIn()
	case '-', '−':
		v.zoomOut()
	case '0':
		v.fit()
	case '1':
		v.actualSize()
	case 'v', 'V':
		v.p.nextView()
	}
}

// TypedKey is part of fyne.Focusable: the arrows and PageUp/PageDown pan,
// Escape clears the selection.
func (v *diagramView) TypedKey(k *fyne.KeyEvent) {
	v.mu.Lock()
	page := v.size.Height * 0.9
	v.mu.Unlock()
	switch k.Name {
	case fyne.KeyLeft:
		v.pan(-keyPanStep, 0)
	case fyne.KeyRight:
		v.pan(keyPanStep, 0)
	case fyne.KeyUp:
		v.pan(0, -keyPanStep)
	case fyne.KeyDown:
		v.pan(0, keyPanStep)
	case fyne.KeyPageUp:
		v.pan(0, -page)
	case fyne.KeyPageDown:
		v.pan(0, page)
	case fyne.KeyEscape:
		v.p.u.clearSelection()
	case fyne.KeyF10:
		v.p.u.typedKey(k)
	}
}
