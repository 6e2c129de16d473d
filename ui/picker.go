package ui

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// picker chooses one value from a list, shown as "id — name", with
// type-ahead: typing filters the choices (by id or name, every word),
// Up and Down move in the list, Enter or a click chooses, Escape goes back
// to the value chosen before. Leaving the field keeps a value typed in
// full (its id or its label) and otherwise goes back. The button at the
// right, or Down, opens the whole list. It replaces widget.Select, which
// has neither names nor type-ahead, for the forms' references and
// allowed values.
type picker struct {
	widget.Entry
	choices  []pickerChoice
	selected string // the chosen value ("" none)
	// onChoose is called when the user chooses another value.
	onChoose func(value string)
	// shared handles the window-wide chords (undo, redo, focus moves).
	shared func(fyne.Shortcut) bool
	// onFocus is called when the picker gains the focus.
	onFocus func(fyne.CanvasObject)

	popup *widget.PopUp
	list  *widget.List
	keys  *pickerKeys // in the pop-up: takes the keys while it shows
	shown []pickerChoice
	hi    int  // the highlighted row of shown
	fresh bool // focused, nothing typed yet: typing replaces the label
}

// pickerChoice is one value and how the picker shows it.
type pickerChoice struct{ value, label string }

// maxPickerRows is how many choices the list shows before it scrolls.
const maxPickerRows = 10

func newPicker(choices []pickerChoice, selected string, onChoose func(string)) *picker {
	k := &picker{choices: choices, onChoose: onChoose}
	k.ExtendBaseWidget(k)
	k.Wrapping = fyne.TextWrapOff
	k.Scroll = 0
	k.ActionItem = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), func() {
		if k.popup != nil && k.popup.Visible() {
			k.hidePopup()
			return
		}
		if c := fyne.CurrentApp().Driver().CanvasForObject(k); c != nil {
			c.Focus(k)
		}
		k.showAll()
	})
	k.setSelected(selected)
	return k
}

// Selected is the chosen value.
func (k *picker) Selected() string { return k.selected }

// labelOf is how value is shown.
func (k *picker) labelOf(value string) string {
	for _, c := range k.choices {
		if c.value == value {
			return c.label
		}
	}
	return value
}

// setSelected shows value as chosen, without telling OnChanged.
func (k *picker) setSelected(value string) {
	k.selected = value
	k.SetText(k.labelOf(value))
}

// choose makes value the chosen one, telling OnChanged when it changed.
func (k *picker) choose(value string) {
	k.hidePopup()
	changed := value != k.selected
	k.setSelected(value)
	if changed && k.onChoose != nil {
		k.onChoose(value)
	}
}

// find is the choice text names in full: its value or its label.
func (k *picker) find(text string) (pickerChoice, bool) {
	t := strings.TrimSpace(text)
	for _, c := range k.choices {
		if c.value == t || strings.EqualFold(c.label, t) {
			return c, true
		}
	}
	for _, c := range k.choices {
		if strings.EqualFold(c.value, t) {
			return c, true
		}
	}
	return pickerChoice{}, false
}

// filter shows the choices that match what is typed.
func (k *picker) filter() {
	q := strings.ToLower(k.Text)
	k.shown = k.shown[:0]
	for _, c := range k.choices {
		if paletteMatches(c.label, q) || strings.HasPrefix(strings.ToLower(c.value), strings.TrimSpace(q)) {
			k.shown = append(k.shown, c)
		}
	}
	// An id typed in full first, then ids that start so, then names.
	t := strings.TrimSpace(q)
	rank := func(c pickerChoice) int {
		v := strings.ToLower(c.value)
		switch {
		case v == t:
			return 0
		case strings.HasPrefix(v, t):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(k.shown, func(a, b pickerChoice) int { return rank(a) - rank(b) })
	k.hi = 0
	k.showPopup()
}

// showAll shows every choice, the chosen one highlighted.
func (k *picker) showAll() {
	k.shown = append(k.shown[:0], k.choices...)
	k.hi = 0
	for i, c := range k.shown {
		if c.value == k.selected {
			k.hi = i
		}
	}
	k.showPopup()
}

func (k *picker) showPopup() {
	c := fyne.CurrentApp().Driver().CanvasForObject(k)
	if c == nil {
		return
	}
	if k.list == nil {
		k.list = widget.NewList(
			func() int { return len(k.shown) },
			func() fyne.CanvasObject {
				l := widget.NewLabel("")
				l.Truncation = fyne.TextTruncateEllipsis
				return l
			},
			func(i widget.ListItemID, o fyne.CanvasObject) {
				if i < len(k.shown) {
					o.(*widget.Label).SetText(k.shown[i].label)
				}
			})
		k.list.OnSelected = func(i widget.ListItemID) {
			if i < len(k.shown) {
				k.choose(k.shown[i].value)
			}
		}
		k.keys = &pickerKeys{k: k}
		k.keys.ExtendBaseWidget(k.keys)
		k.popup = widget.NewPopUp(container.NewStack(k.list, k.keys), c)
	}
	if len(k.shown) == 0 {
		k.popup.Hide()
		return
	}
	row := widget.NewLabel("X").MinSize().Height + theme.SeparatorThicknessSize() + theme.Padding()/2
	h := row * float32(min(len(k.shown), maxPickerRows))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(k)
	below := pos.Add(fyne.NewPos(0, k.Size().Height))
	if below.Y+h > c.Size().Height && pos.Y-h > 0 {
		below = pos.Add(fyne.NewPos(0, -h))
	}
	k.popup.ShowAtPosition(below)
	k.popup.Resize(fyne.NewSize(k.Size().Width, h))
	k.list.Refresh()
	k.highlight(k.hi)
	// A pop-up is an overlay with a focus of its own: the keys go to what
	// is focused there, so the typing goes on through pickerKeys.
	c.Focus(k.keys)
}

// pickerKeys is an invisible widget in the picker's pop-up that passes
// the keys typed while the pop-up shows on to the picker.
type pickerKeys struct {
	widget.BaseWidget
	k *picker
}

func (p *pickerKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// MinSize is nothing: it only takes keys.
func (p *pickerKeys) MinSize() fyne.Size { return fyne.Size{} }

// FocusGained is part of fyne.Focusable.
func (p *pickerKeys) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (p *pickerKeys) FocusLost() {}

// TypedRune is part of fyne.Focusable.
func (p *pickerKeys) TypedRune(r rune) { p.k.TypedRune(r) }

// TypedKey is part of fyne.Focusable.
func (p *pickerKeys) TypedKey(ev *fyne.KeyEvent) { p.k.TypedKey(ev) }

// TypedShortcut is part of fyne.Shortcutable.
func (p *pickerKeys) TypedShortcut(s fyne.Shortcut) { p.k.TypedShortcut(s) }

// AcceptsTab is part of fyne.Tabbable: Tab closes the pop-up and moves on
// (see picker.TypedKey).
func (p *pickerKeys) AcceptsTab() bool { return true }

func (k *picker) hidePopup() {
	if k.popup != nil {
		k.popup.Hide()
	}
}

// popupOpen reports whether the list of choices shows.
func (k *picker) popupOpen() bool { return k.popup != nil && k.popup.Visible() }

// highlight marks row i of the list, without choosing it.
func (k *picker) highlight(i int) {
	if k.list == nil || len(k.shown) == 0 {
		return
	}
	k.hi = max(0, min(i, len(k.shown)-1))
	sel := k.list.OnSelected
	k.list.OnSelected = nil
	k.list.Select(k.hi)
	k.list.OnSelected = sel
	k.list.ScrollTo(k.hi)
}

// TypedRune is part of fyne.Focusable: the text typed filters the
// choices; the first character after the picker gains the focus replaces
// the label shown.
func (k *picker) TypedRune(r rune) {
	if k.fresh {
		k.fresh = false
		k.SetText("")
	}
	k.Entry.TypedRune(r)
	k.filter()
}

// TypedKey is part of fyne.Focusable.
func (k *picker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		if !k.popupOpen() {
			k.showAll()
			return
		}
		k.highlight(k.hi + 1)
	case fyne.KeyUp:
		if k.popupOpen() {
			k.highlight(k.hi - 1)
		}
	case fyne.KeyPageDown:
		if k.popupOpen() {
			k.highlight(k.hi + maxPickerRows)
		}
	case fyne.KeyPageUp:
		if k.popupOpen() {
			k.highlight(k.hi - maxPickerRows)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		switch c, ok := k.find(k.Text); {
		case k.popupOpen() && k.hi < len(k.shown):
			k.choose(k.shown[k.hi].value)
		case ok:
			k.choose(c.value)
		}
	case fyne.KeyEscape:
		k.hidePopup()
		k.setSelected(k.selected)
	case fyne.KeyTab: // from the pop-up (pickerKeys): close it, then move on
		k.hidePopup()
		if c := fyne.CurrentApp().Driver().CanvasForObject(k); c != nil {
			c.FocusNext()
		}
	case fyne.KeyBackspace, fyne.KeyDelete:
		k.fresh = false
		k.Entry.TypedKey(ev)
		k.filter()
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd:
		k.fresh = false // moving in the text: typing edits it
		k.Entry.TypedKey(ev)
	default:
		// The desktop driver sends a letter's key before its rune: it
		// must not end the "typing replaces the label" state.
		k.Entry.TypedKey(ev)
	}
}

// TypedShortcut is part of fyne.Shortcutable: the window's chords first
// (undo, redo, focus moves), then the field's own (copy, paste …).
func (k *picker) TypedShortcut(s fyne.Shortcut) {
	if k.shared != nil && k.shared(s) {
		return
	}
	k.Entry.TypedShortcut(s)
	if _, paste := s.(*fyne.ShortcutPaste); paste {
		k.filter()
	}
}

// FocusGained is part of fyne.Focusable: typing replaces the label.
func (k *picker) FocusGained() {
	k.Entry.FocusGained()
	k.fresh = true
	if k.onFocus != nil {
		k.onFocus(k)
	}
}

// FocusLost is part of fyne.Focusable: a value typed in full is chosen,
// anything else goes back to the chosen value.
func (k *picker) FocusLost() {
	k.hidePopup()
	if c, ok := k.find(k.Text); ok {
		k.choose(c.value)
	} else {
		k.setSelected(k.selected)
	}
	k.Entry.FocusLost()
}

// KeyDown is part of desktop.Keyable.
func (k *picker) KeyDown(ev *fyne.KeyEvent) { k.Entry.KeyDown(ev) }

// KeyUp is part of desktop.Keyable.
func (k *picker) KeyUp(ev *fyne.KeyEvent) { k.Entry.KeyUp(ev) }

var _ desktop.Keyable = (*picker)(nil)
