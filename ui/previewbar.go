package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// The preview's bar is built from groups of controls, so that each feature
// adds its own group without knowing the others: the view switcher, the
// variant, the drawing options, focus and filters, search (and whatever
// comes next: a date slider, a compare mode). Each group sits on one of
// the bar's rows, in the order of its rank; one group per row may stretch
// to take the width the others leave (the variant picker, the search
// field). A row too narrow for its controls scrolls sideways.

// Rows of the preview's bar.
const (
	// barRowView, above the diagram: what is drawn (view, variant,
	// drawing options).
	barRowView = iota
	// barRowFind, under the diagram: focus, filters, search and zoom.
	barRowFind
	barRows
)

// barGroup is one group of controls on the preview's bar.
type barGroup struct {
	name    string // says what it is, for tests and for replacing it
	row     int    // barRowView or barRowFind
	rank    int    // order along the row, smallest first
	objects []fyne.CanvasObject
	// stretch is one of objects that takes the row's spare width; at most
	// one group per row stretches (the first one added wins).
	stretch fyne.CanvasObject
}

// previewBar lays the groups out: the view row above the diagram, the
// find row under it (where the zoom controls are: the diagram keeps the
// height).
type previewBar struct {
	groups []barGroup
	top    *fyne.Container // barRowView
	bottom *fyne.Container // barRowFind
}

func newPreviewBar() *previewBar {
	return &previewBar{top: container.NewStack(), bottom: container.NewStack()}
}

// add puts a group on the bar (replacing one of the same name) and lays
// the bar out again.
func (b *previewBar) add(g barGroup) {
	b.groups = slices.DeleteFunc(b.groups, func(x barGroup) bool { return x.name == g.name })
	b.groups = append(b.groups, g)
	b.rebuild()
}

// group is the group called name (tests).
func (b *previewBar) group(name string) (barGroup, bool) {
	i := slices.IndexFunc(b.groups, func(x barGroup) bool { return x.name == name })
	if i < 0 {
		return barGroup{}, false
	}
	return b.groups[i], true
}

// rebuild lays each row out: the groups before the stretching one on its
// left, the ones after on its right, the stretching control between them.
func (b *previewBar) rebuild() {
	for row, c := range []*fyne.Container{b.top, b.bottom} {
		var gs []barGroup
		for _, g := range b.groups {
			if g.row == row {
				gs = append(gs, g)
			}
		}
		if len(gs) == 0 {
			c.Objects = nil
			c.Refresh()
			continue
		}
		slices.SortStableFunc(gs, func(a, b barGroup) int { return a.rank - b.rank })
		left, right := container.NewHBox(), container.NewHBox()
		var middle fyne.CanvasObject
		for _, g := range gs {
			for _, o := range g.objects {
				switch {
				case middle == nil && o == g.stretch:
					middle = o
				case middle == nil:
					left.Add(o)
				default:
					right.Add(o)
				}
			}
		}
		if middle == nil {
			middle = left
			left = nil
		}
		var l, r fyne.CanvasObject
		if left != nil && len(left.Objects) > 0 {
			l = left
		}
		if len(right.Objects) > 0 {
			r = right
		}
		// A row narrower than its controls scrolls sideways rather than
		// drawing them over the panel beside it.
		c.Objects = []fyne.CanvasObject{container.NewHScroll(container.NewBorder(nil, nil, l, r, middle))}
		c.Refresh()
	}
}
