package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Hovering over a mark of the diagram shows its tooltip (the drawing's
// Object for its Ref: the full name, office, role, certainty, sources,
// note) in a small pop-up by the pointer, inside the diagram's area; it
// goes when the pointer leaves the mark or the diagram, or drags. Over a
// mark that can be selected the pointer is a hand. A right-click offers
// what can be done with the mark.

// Tooltip geometry, in view units.
const (
	tipMaxWidth = 340 // longer lines wrap
	tipPad      = 6
	tipOffsetX  = 16 // from the pointer, so the pop-up does not hide what it is about
	tipOffsetY  = 20
)

// diagramTip is the hover pop-up: the tooltip's first line in bold, the
// rest under it, on the theme's overlay colour with a thin rim.
type diagramTip struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *widget.RichText
	ref  string    // whose tooltip it shows
	fit  fyne.Size // its size for that text (measured once: see measure)
}

func newDiagramTip() *diagramTip {
	t := &diagramTip{bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), text: widget.NewRichText()}
	t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = 4
	t.ExtendBaseWidget(t)
	t.Hide()
	return t
}

// CreateRenderer is the pop-up: a rounded box and the text.
func (t *diagramTip) CreateRenderer() fyne.WidgetRenderer { return &tipRenderer{t} }

type tipRenderer struct{ t *diagramTip }

func (r *tipRenderer) Layout(s fyne.Size) {
	r.t.bg.Resize(s)
	r.t.text.Move(fyne.NewPos(tipPad, tipPad))
	r.t.text.Resize(fyne.NewSize(s.Width-2*tipPad, s.Height-2*tipPad))
}
func (r *tipRenderer) MinSize() fyne.Size {
	m := r.t.text.MinSize()
	return fyne.NewSize(m.Width+2*tipPad, m.Height+2*tipPad)
}
func (r *tipRenderer) Refresh() {
	r.t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.t.bg.Refresh()
	r.t.text.Refresh()
}
func (r *tipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.bg, r.t.text}
}
func (r *tipRenderer) Destroy() {}

// setText shows tooltip text, its first line in bold.
func (t *diagramTip) setText(text string) {
	title, rest, _ := strings.Cut(text, "\n")
	// One segment for the rest: its lines are set closer than paragraphs.
	small := widget.RichTextStyle{ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{}}
	bold := small
	bold.TextStyle.Bold = true
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: bold}}
	if rest = strings.TrimSpace(rest); rest != "" {
		segs = append(segs, &widget.TextSegment{Text: rest, Style: small})
	}
	t.text.Wrapping = fyne.TextWrapOff
	t.text.Segments = segs
	t.text.Refresh()
	t.fit = t.measure()
}

// measure is the pop-up's size for its text: as wide as its longest line,
// wrapping lines longer than tipMaxWidth. (A wrapped text's MinSize is
// only its narrowest word: it is measured unwrapped first.)
func (t *diagramTip) measure() fyne.Size {
	m := t.text.MinSize()
	if m.Width+2*tipPad <= tipMaxWidth {
		return fyne.NewSize(m.Width+2*tipPad, m.Height+2*tipPad)
	}
	t.text.Wrapping = fyne.TextWrapWord
	t.text.Resize(fyne.NewSize(tipMaxWidth-2*tipPad, m.Height))
	t.text.Refresh()
	m = t.text.MinSize()
	return fyne.NewSize(tipMaxWidth, m.Height+2*tipPad)
}

// tooltipAt is the tooltip of the mark at a view position, and its Ref.
func (v *diagramView) tooltipAt(pos fyne.Position) (string, string) {
	ref := v.refAt(pos)
	d := v.currentDrawing()
	if ref == "" || d == nil {
		return "", ""
	}
	return ref, d.Objects[ref].Tooltip
}

// MouseIn is part of desktop.Hoverable.
func (v *diagramView) MouseIn(ev *desktop.MouseEvent) { v.hover(ev.Position) }

// MouseMoved is part of desktop.Hoverable: the tooltip follows the
// pointer.
func (v *diagramView) MouseMoved(ev *desktop.MouseEvent) { v.hover(ev.Position) }

// MouseOut is part of desktop.Hoverable.
func (v *diagramView) MouseOut() { v.hideTip() }

// Cursor is part of desktop.Cursorable: a hand over a mark.
func (v *diagramView) Cursor() desktop.Cursor {
	if v.hovered != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// hover shows the tooltip of the mark under pos, by the pointer.
func (v *diagramView) hover(pos fyne.Position) {
	ref, text := v.tooltipAt(pos)
	v.hovered = ref
	if text == "" {
		v.tip.Hide()
		return
	}
	if ref != v.tip.ref {
		v.tip.ref = ref
		v.tip.setText(text)
	}
	s := v.tip.fit
	area := v.Size()
	x, y := pos.X+tipOffsetX, pos.Y+tipOffsetY
	if x+s.Width > area.Width { // flip to the pointer's left, then clamp
		x = pos.X - tipOffsetX/2 - s.Width
	}
	if y+s.Height > area.Height {
		y = pos.Y - tipOffsetY/2 - s.Height
	}
	x, y = max(2, min(x, area.Width-s.Width-2)), max(2, min(y, area.Height-s.Height-2))
	v.tip.Move(fyne.NewPos(x, y))
	v.tip.Resize(s)
	v.tip.Show()
	v.tip.Refresh()
}

func (v *diagramView) hideTip() {
	v.hovered = ""
	v.tip.ref = ""
	v.tip.Hide()
}

// TappedSecondary is part of fyne.SecondaryTappable: a right-click selects
// the mark under the pointer and offers what can be done with it (focus
// on it, show everything again, edit it in the forms).
func (v *diagramView) TappedSecondary(ev *fyne.PointEvent) {
	v.hideTip()
	u := v.p.u
	if ref := v.refAt(ev.Position); ref != "" {
		u.setSelection(ref, false)
	}
	m := v.contextMenu()
	if len(m.Items) == 0 {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(v)
	if c == nil {
		return
	}
	v.menu = widget.NewPopUpMenu(m, c)
	v.menu.ShowAtPosition(ev.AbsolutePosition)
}

// contextMenu is the right-click menu for the selection.
func (v *diagramView) contextMenu() *fyne.Menu {
	u, f := v.p.u, v.p.find
	m := fyne.NewMenu("")
	if name := refName(u.model, focusRefOf(u.model, u.selected)); name != "" {
		m.Items = append(m.Items, fyne.NewMenuItem("Focus on "+shorten(name, 40), f.focusSelection))
	}
	if len(f.focus) > 0 {
		m.Items = append(m.Items, fyne.NewMenuItem("Show Everything", f.clearFocus))
	}
	if key, i := refIndex(u.model, u.selected); i >= 0 {
		m.Items = append(m.Items, fyne.NewMenuItem("Edit in the Forms", func() {
			u.tabs.SelectIndex(1)
			u.forms.selectIndex(key, i)
		}))
	}
	return m
}
