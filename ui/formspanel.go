package ui

import (
	"fmt"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// The Forms tab never loses an edit. A picker, a check, an id list or a
// nested list applies its change at once; a text field applies it on
// Enter (Ctrl+Enter in a multi-line one) and when the focus leaves it.
// Before anything that would drop the form (another entry or list, another
// tab, Save, Close, Open, Quit, Undo, Export) a change still in a field is
// applied, and when it cannot be (a date that does not exist, an empty
// name, an id taken) the user is asked: go back to it, or discard it. A
// scenario that loads while a field holds a change (the result of the
// change before, a reload) rebuilds the form around that field: its text,
// and the focus, stay.

// formsPanel is the Forms tab.
type formsPanel struct {
	u       *App
	kind    *widget.Select // which collection
	list    *widget.List
	add     *widget.Button
	del     *widget.Button
	apply   *widget.Button
	revert  *widget.Button
	note    *widget.Label
	form    *fyne.Container
	scroll  *container.Scroll
	split   *container.Split
	content fyne.CanvasObject

	cur     *formType
	sel     int                       // selected entry, -1 for none
	editor  *fieldEditor              // the selected entry's form
	widgets map[string]fyne.Focusable // editor.widgets
	checks  map[string]*widget.Check  // editor.checks
	enabled bool
	confirm dialog.Dialog // the open delete question (tests answer it)
	// asked is the open "cannot apply" question (tests answer it).
	asked dialog.Dialog
	// shown is the scenario the form was made from; orig the selected
	// entry as it was when selected (Revert goes back to it).
	shown *scenario.Scenario
	orig  reflect.Value
	quiet bool // set while the list's selection or the kind is set from code
	// rebuilding is set while the form is made again: the fields that go
	// away lose the focus, which must not apply them.
	rebuilding bool
}

func newFormsPanel(u *App) *formsPanel {
	p := &formsPanel{u: u, sel: -1, cur: formTypeOf("actors"), enabled: true}
	var titles []string
	for _, t := range formTypes {
		titles = append(titles, t.title)
	}
	p.kind = widget.NewSelect(titles, func(title string) {
		if p.quiet {
			return
		}
		t := formTypeByTitle(title)
		if t == nil || t == p.cur {
			return
		}
		p.leave("show the "+strings.ToLower(title), func() { p.showKind(t) }, func() { p.setKindQuietly(p.cur) })
	})
	p.kind.SetSelected(p.cur.title)
	p.list = widget.NewList(
		func() int { return p.count() },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if s := p.u.model; s != nil && i < p.count() {
				o.(*widget.Label).SetText(p.cur.label(s, i))
			}
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if p.quiet || i == p.sel {
			return
		}
		old := p.sel
		p.leave("select another "+p.cur.noun, func() {
			p.sel = i
			p.fill()
		}, func() { p.selectQuietly(old) })
	}
	p.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { p.leave("add one", p.addEntry, nil) })
	p.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), p.deleteEntry)
	p.apply = widget.NewButtonWithIcon("Apply", theme.ConfirmIcon(), p.applyEntry)
	p.apply.Importance = widget.HighImportance
	p.revert = widget.NewButton("Revert", p.revertEntry)
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Hide()
	p.form = container.NewVBox()
	p.scroll = container.NewVScroll(p.form)
	top := container.NewBorder(nil, nil, widget.NewLabel("Edit"), container.NewHBox(p.add, p.del), p.kind)
	formArea := container.NewBorder(nil, container.NewHBox(p.apply, p.revert), nil, nil, p.scroll)
	// Both parts grow with the window; the list keeps 40% of the height.
	p.split = container.NewVSplit(p.list, formArea)
	p.split.Offset = 0.4
	p.content = container.NewBorder(container.NewVBox(top, p.note), nil, nil, nil, p.split)
	p.fill()
	return p
}

func formTypeByTitle(title string) *formType {
	for _, t := range formTypes {
		if t.title == title {
			return t
		}
	}
	return nil
}

func (p *formsPanel) count() int { return p.cur.count(p.u.model) }

// showKind shows collection t's list, nothing selected (the scenario's
// one entry selected).
func (p *formsPanel) showKind(t *formType) {
	p.cur, p.sel = t, -1
	p.setKindQuietly(t)
	p.quiet = true
	p.list.UnselectAll()
	p.quiet = false
	p.list.ScrollToTop()
	p.list.Refresh()
	if t.single && p.count() > 0 {
		p.sel = 0
		p.selectQuietly(0)
	}
	p.fill()
}

func (p *formsPanel) setKindQuietly(t *formType) {
	p.quiet = true
	p.kind.SetSelected(t.title)
	p.quiet = false
}

// selectQuietly selects entry i in the list (none when -1) without acting
// on it, and shows it.
func (p *formsPanel) selectQuietly(i int) {
	p.quiet = true
	defer func() { p.quiet = false }()
	if i < 0 {
		p.list.UnselectAll()
		return
	}
	p.list.Select(i)
	p.list.ScrollTo(i)
}

// refresh shows the current scenario: the list, and the form made again
// around any change a field holds.
func (p *formsPanel) refresh() {
	if p.sel >= p.count() {
		p.sel = -1
		p.selectQuietly(-1)
	}
	p.list.Refresh()
	if p.u.model == p.shown {
		return // the same scenario: nothing to show anew
	}
	p.rebuild()
}

// setEnabled turns editing off while the text has errors.
func (p *formsPanel) setEnabled(on bool) {
	p.enabled = on
	if on {
		p.note.Hide()
	} else {
		p.note.SetText("The text has errors, so the forms show the last scenario that loaded and cannot change it. Fix the problems listed below first.")
		p.note.Show()
	}
	for _, b := range []*widget.Button{p.add, p.del, p.apply, p.revert} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if on && p.sel < 0 {
		p.del.Disable()
		p.apply.Disable()
		p.revert.Disable()
	}
	if p.cur.single {
		p.add.Disable()
		p.del.Disable()
	}
	if p.editor != nil {
		for _, l := range p.editor.lists {
			l.setEnabled(on)
		}
	}
}

// selectIndex selects the i-th entry of kind key (after applying a change
// in the form).
func (p *formsPanel) selectIndex(key string, i int) {
	p.leave("select another entry", func() {
		if t := formTypeOf(key); t != nil && t != p.cur {
			p.showKind(t)
		}
		if i >= 0 && i < p.count() {
			p.sel = i
			p.selectQuietly(i)
			p.fill()
		}
	}, nil)
}

// fill makes the form of the selected entry, as the scenario has it.
func (p *formsPanel) fill() {
	p.make(nil, "")
	p.u.formSelected(p.cur.key, p.sel)
	if s := p.u.model; s != nil && p.sel >= 0 && p.sel < p.count() {
		p.orig = reflect.New(p.cur.typ).Elem()
		p.orig.Set(p.cur.entry(s, p.sel))
	}
}

// rebuild makes the form again from the current scenario, keeping the
// text of the fields that hold a change, and the focus.
func (p *formsPanel) rebuild() {
	carry := map[string]string{}
	focusKey := ""
	var cursorRow, cursorCol int
	if p.editor != nil {
		for _, en := range p.editor.changedEntries() {
			carry[en.key] = en.Text
		}
		focused := p.u.win.Canvas().Focused()
		for key, w := range p.editor.focusables() {
			if w == focused {
				focusKey = key
				if en, ok := w.(*formEntry); ok {
					cursorRow, cursorCol = en.CursorRow, en.CursorColumn
				}
			}
		}
	}
	p.make(carry, focusKey)
	if en, ok := p.editor.widgets[focusKey].(*formEntry); ok {
		en.CursorRow, en.CursorColumn = cursorRow, cursorCol
		en.Refresh()
	}
}

// make builds the form of the selected entry; the fields named in carry
// get that text (a change still to apply), the one named focus the focus.
func (p *formsPanel) make(carry map[string]string, focus string) {
	p.rebuilding = true
	defer func() { p.rebuilding = false }()
	p.form.Objects = nil
	p.editor = p.newEditor(p.cur.fields)
	p.editor.onListChange = p.applyEntry
	p.editor.onApply = p.applyEntry
	p.editor.onLeave = p.fieldLeft
	p.editor.onFocus = p.reveal
	p.widgets, p.checks = p.editor.widgets, p.editor.checks
	s := p.u.model
	p.shown = s
	if s == nil || p.sel < 0 || p.sel >= p.count() {
		msg := "Select an entry to change it, or add one."
		if s == nil {
			msg = "No scenario has loaded yet."
		}
		p.form.Add(widget.NewLabel(msg))
		p.form.Refresh()
		p.setEnabled(p.enabled)
		return
	}
	form := widget.NewForm(p.editor.items(s, p.cur.entry(s, p.sel))...)
	p.form.Add(form)
	for key, text := range carry {
		if en, ok := p.editor.widgets[key].(*formEntry); ok {
			en.SetText(text)
		}
	}
	p.form.Refresh()
	p.setEnabled(p.enabled)
	if w := p.editor.focusables()[focus]; w != nil {
		p.u.win.Canvas().Focus(w)
	}
}

// reveal scrolls the form so that field o, which has the focus, shows.
func (p *formsPanel) reveal(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(p.form).Y
	view := p.scroll.Size().Height
	if view <= 0 {
		return
	}
	const margin = 8
	switch off := p.scroll.Offset.Y; {
	case top-margin < off:
		p.scroll.Offset.Y = max(0, top-margin)
	case top+o.Size().Height+margin > off+view:
		p.scroll.Offset.Y = top + o.Size().Height + margin - view
	default:
		return
	}
	p.scroll.Refresh()
}

// focusables are the form's widgets that take the focus, by key.
func (e *fieldEditor) focusables() map[string]fyne.Focusable {
	out := map[string]fyne.Focusable{}
	for k, w := range e.widgets {
		out[k] = w
	}
	for k, c := range e.checks {
		out[k] = c
	}
	for k, ids := range e.pickers {
		out[k] = ids.add
	}
	return out
}

// pending reports whether the form holds a change not applied yet.
func (p *formsPanel) pending() bool {
	return p.editor != nil && len(p.editor.changedEntries()) > 0
}

// applyEntry writes the form into the selected entry (Apply, Enter), and
// says why when it cannot.
func (p *formsPanel) applyEntry() {
	if p.rebuilding {
		return
	}
	if err := p.applyForm(); err != nil {
		p.u.showError(err)
	}
}

// fieldLeft applies a field's change as the focus leaves it; when it
// cannot be applied the field keeps it, and the note says why (the
// question comes when the form itself is left).
func (p *formsPanel) fieldLeft() {
	if p.rebuilding || !p.enabled {
		return
	}
	if err := p.applyForm(); err != nil {
		p.note.SetText("Not applied yet: " + forPeople(err) + ". Fix it, or press Escape in the field to take it back.")
		p.note.Importance = widget.WarningImportance
		p.note.Show()
	}
}

// applyForm writes the form into the selected entry, renaming the
// references to it when its id changed.
func (p *formsPanel) applyForm() error {
	if !p.enabled || p.editor == nil {
		return nil
	}
	from := p.u.currentModel()
	if from == nil || p.sel < 0 || p.sel >= p.cur.count(from) {
		return nil
	}
	to := cloneModel(from)
	v := p.cur.entry(to, p.sel)
	oldID := idOf(v)
	if err := p.readForm(v); err != nil {
		return err
	}
	newID := idOf(v)
	if oldID != "" && newID != oldID {
		renameRefs(to, p.cur.key, oldID, newID)
	}
	sel := p.sel
	if err := p.u.editModel(to); err != nil {
		return err
	}
	p.sel = sel
	if p.cur.key == "variants" && oldID != newID {
		p.u.preview.variantRenamed(oldID, newID)
	}
	if p.note.Importance == widget.WarningImportance {
		p.note.Importance = widget.MediumImportance
		p.setEnabled(p.enabled)
	}
	// The fields now show what the scenario has.
	for _, en := range p.editor.changedEntries() {
		en.built = en.Text
	}
	return nil
}

// revertEntry puts the selected entry back as it was when selected.
func (p *formsPanel) revertEntry() {
	s := p.u.currentModel()
	if s == nil || p.sel < 0 || p.sel >= p.cur.count(s) || !p.orig.IsValid() {
		p.fill()
		return
	}
	to := cloneModel(s)
	v := p.cur.entry(to, p.sel)
	oldID, newID := idOf(v), idOf(p.orig)
	v.Set(p.orig)
	if oldID != "" && newID != oldID {
		renameRefs(to, p.cur.key, oldID, newID)
	}
	p.rebuilding = true // the fields' changes go: no applying on the way
	if err := p.u.editModel(to); err != nil {
		p.u.showError(err)
	}
	p.rebuilding = false
	p.make(nil, "")
}

// commitPending applies a change still in the form, or, when it cannot be
// applied, drops it (Undo and Redo: taking it back is what was asked).
func (p *formsPanel) commitPending() {
	if !p.pending() {
		return
	}
	if err := p.applyForm(); err != nil {
		for _, en := range p.editor.changedEntries() {
			en.revert()
		}
	}
}

// leave runs proceed once the form holds no change: at once when it has
// none or the change applies, else after asking whether to go back to it
// (stay runs, when given) or to discard it. what says what is about to
// happen ("save the file").
func (p *formsPanel) leave(what string, proceed, stay func()) {
	if !p.pending() || !p.enabled {
		proceed()
		return
	}
	err := p.applyForm()
	if err == nil {
		proceed()
		return
	}
	var fields []string
	first := p.editor.changedEntries()[0]
	for _, en := range p.editor.changedEntries() {
		for _, f := range p.editor.fields {
			if f.key == en.key {
				fields = append(fields, f.label)
			}
		}
	}
	msg := widget.NewLabel(fmt.Sprintf("Your change to %s of this %s cannot be applied:\n%s\n\nGo back to it, or discard it and %s?",
		strings.Join(fields, ", "), p.cur.noun, forPeople(err), what))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	back := widget.NewButton("Go back to it", func() {
		d.Hide()
		p.asked = nil
		if stay != nil {
			stay()
		}
		p.u.tabs.SelectIndex(1)
		p.u.win.Canvas().Focus(first)
	})
	back.Importance = widget.HighImportance
	discard := widget.NewButton("Discard it", func() {
		d.Hide()
		p.asked = nil
		for _, en := range p.editor.changedEntries() {
			en.revert()
		}
		proceed()
	})
	discard.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons("A change cannot be applied", container.NewPadded(msg), p.u.win)
	d.SetButtons([]fyne.CanvasObject{discard, back})
	d.Resize(fyne.NewSize(520, 0))
	p.asked = d
	d.Show()
}
