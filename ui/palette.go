package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// The command palette (Ctrl+Shift+P): every command of the main menu, with
// its path and key, in a list filtered as one types. Up and Down choose,
// Enter runs, Escape closes. It is made from the menu each time it opens,
// so it lists exactly what the menu has (recent files and themes too).

// command is one menu command as the palette lists it.
type paletteCommand struct {
	label  string // "File › Save As…"
	keys   string // "Ctrl+Shift+S"
	action func()
}

// menuCommands lists the main menu's enabled commands, submenus flattened.
func menuCommands(m *fyne.MainMenu) []paletteCommand {
	var out []paletteCommand
	var walk func(prefix string, items []*fyne.MenuItem)
	walk = func(prefix string, items []*fyne.MenuItem) {
		for _, it := range items {
			if it.IsSeparator || it.Disabled {
				continue
			}
			label := prefix + " › " + it.Label
			if it.ChildMenu != nil {
				walk(label, it.ChildMenu.Items)
				continue
			}
			if it.Action == nil {
				continue
			}
			c := paletteCommand{label: label, action: it.Action}
			if it.Shortcut != nil {
				c.keys = shortcutText(it.Shortcut)
			}
			out = append(out, c)
		}
	}
	for _, menu := range m.Items {
		walk(menu.Label, menu.Items)
	}
	return out
}

// matches reports whether every word of query is in label (ignoring case).
func paletteMatches(label, query string) bool {
	l := strings.ToLower(label)
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(l, w) {
			return false
		}
	}
	return true
}

// palette is the open command palette.
type palette struct {
	u       *App
	all     []paletteCommand
	shown   []paletteCommand
	chosen  int
	filter  *paletteEntry
	list    *widget.List
	dialog  dialog.Dialog
	focusTo fyne.Focusable // where the focus was, given back on Escape
}

// paletteEntry is the palette's filter field: it sends Up, Down, Enter and
// Escape to the palette.
type paletteEntry struct {
	widget.Entry
	p *palette
}

// UndoesLocally: Undo and Redo in the filter are its own typing.
func (e *paletteEntry) UndoesLocally() {}

// TypedKey is part of fyne.Focusable.
func (e *paletteEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.p.choose(e.p.chosen + 1)
	case fyne.KeyUp:
		e.p.choose(e.p.chosen - 1)
	case fyne.KeyPageDown:
		e.p.choose(e.p.chosen + 10)
	case fyne.KeyPageUp:
		e.p.choose(e.p.chosen - 10)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.run(e.p.chosen)
	case fyne.KeyEscape:
		e.p.close(true)
	default:
		e.Entry.TypedKey(k)
	}
}

// showPalette opens the command palette.
func (u *App) showPalette() {
	if u.palette != nil {
		u.win.Canvas().Focus(u.palette.filter)
		return
	}
	p := &palette{u: u, all: menuCommands(u.menu), focusTo: u.win.Canvas().Focused()}
	p.shown = p.all
	p.filter = &paletteEntry{p: p}
	p.filter.ExtendBaseWidget(p.filter)
	p.filter.SetPlaceHolder("Type a command: save, zoom, forms, theme dark …")
	p.filter.OnChanged = func(q string) {
		p.shown = nil
		for _, c := range p.all {
			if paletteMatches(c.label, q) {
				p.shown = append(p.shown, c)
			}
		}
		p.list.Refresh()
		p.choose(0)
	}
	p.list = widget.NewList(
		func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			keys := widget.NewLabel("")
			keys.TextStyle = fyne.TextStyle{Italic: true}
			return container.NewBorder(nil, nil, nil, keys, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.shown) {
				return
			}
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(p.shown[i].label)
			c.Objects[1].(*widget.Label).SetText(p.shown[i].keys)
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) { p.run(i) }
	content := container.NewBorder(p.filter, nil, nil, nil, p.list)
	d := dialog.NewCustomWithoutButtons("Commands", content, u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { p.close(true) })})
	d.SetOnClosed(func() {
		if u.palette == p {
			u.palette = nil
		}
	})
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(640, max(size.Width-80, 360)), min(520, max(size.Height-80, 300))))
	p.dialog = d
	u.palette = p
	d.Show()
	u.win.Canvas().Focus(p.filter)
	p.choose(0)
}

// choose highlights command i of those shown.
func (p *palette) choose(i int) {
	if len(p.shown) == 0 {
		p.chosen = 0
		p.list.UnselectAll()
		return
	}
	p.chosen = max(0, min(i, len(p.shown)-1))
	p.list.ScrollTo(p.chosen)
	// The highlight without running it: OnSelected runs a command.
	sel := p.list.OnSelected
	p.list.OnSelected = nil
	p.list.Select(p.chosen)
	p.list.OnSelected = sel
}

// run closes the palette and runs command i of those shown.
func (p *palette) run(i int) {
	if i < 0 || i >= len(p.shown) {
		return
	}
	action := p.shown[i].action
	p.close(true)
	action()
}

func (p *palette) close(refocus bool) {
	p.dialog.Hide()
	if p.u.palette == p {
		p.u.palette = nil
	}
	if refocus && p.focusTo != nil {
		p.u.win.Canvas().Focus(p.focusTo)
	}
}
