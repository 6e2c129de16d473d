package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// The input widgets of one entry's form (the Forms tab's, or a nested
// entry's dialog). Text fields keep the text they were made with, so the
// form knows which hold a change not applied yet; pickers, checks, id
// lists and nested lists apply a change as it is made.

// formEntry is a form's text field. Enter applies the form (Ctrl+Enter in
// a multi-line field, where Enter is a new line), and so does leaving the
// field; Escape takes back what was typed since.
type formEntry struct {
	widget.Entry
	key   string
	built string // the text as the form made it
	// onApply applies the form (Enter); onLeave is called when the field
	// loses the focus with a change in it.
	onApply, onLeave func()
	// shared handles the window-wide chords (undo, redo, focus moves);
	// nil in a nested entry's dialog, whose undo is the field's own.
	shared func(fyne.Shortcut) bool
	// onFocus is called when the field gains the focus (the form scrolls
	// it into view).
	onFocus func(fyne.CanvasObject)
}

// FocusGained is part of fyne.Focusable.
func (e *formEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus(e)
	}
}

func newFormEntry(key string, multiLine bool) *formEntry {
	e := &formEntry{key: key}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

// show sets the field's text as the form's own (not a change).
func (e *formEntry) show(text string) {
	e.built = text
	e.SetText(text)
}

// changed reports whether the field holds text not applied yet.
func (e *formEntry) changed() bool { return e.Text != e.built }

// revert takes back what was typed.
func (e *formEntry) revert() { e.SetText(e.built) }

// TypedKey is part of fyne.Focusable.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine {
			if e.onApply != nil {
				e.onApply()
			}
			return
		}
	case fyne.KeyEscape:
		if e.changed() {
			e.revert()
			return
		}
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut is part of fyne.Shortcutable.
func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok {
		if (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) && c.Modifier&fyne.KeyModifierShortcutDefault != 0 {
			if e.onApply != nil {
				e.onApply()
			}
			return
		}
		if e.shared == nil && c.KeyName == fyne.KeyZ && c.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift {
			s = &fyne.ShortcutRedo{} // the field's own redo, as Ctrl+Y
		}
	}
	if e.shared != nil && e.shared(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost is part of fyne.Focusable: leaving the field applies its
// change.
func (e *formEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.changed() && e.onLeave != nil {
		e.onLeave()
	}
}

// fieldEditor is the input widgets of one entry's form: it makes them
// showing an entry and reads them back into one.
type fieldEditor struct {
	p       *formsPanel
	fields  []formField
	widgets map[string]fyne.Focusable // entries and pickers, by key
	checks  map[string]*widget.Check
	pickers map[string]*idsPicker
	lists   map[string]*nestedList
	// onListChange runs when a picker, a check, an id list or a nested
	// list changes (the Forms tab applies the entry at once); nil leaves
	// the change to the caller.
	onListChange func()
	// onApply and onLeave are given to the text fields (see formEntry);
	// nested, the fields are a dialog's, whose Done applies them.
	onApply, onLeave func()
	onFocus          func(fyne.CanvasObject) // a field gained the focus
	nested           bool
	// extra are more ids a refField may name, by key: a variant's seats
	// may sit at the variant's own tracks.
	extra map[string]func() []string
}

func (p *formsPanel) newEditor(fields []formField) *fieldEditor {
	return &fieldEditor{p: p, fields: fields, widgets: map[string]fyne.Focusable{},
		checks: map[string]*widget.Check{}, pickers: map[string]*idsPicker{}, lists: map[string]*nestedList{}}
}

// items makes the form items of entry v of s.
func (e *fieldEditor) items(s *scenario.Scenario, v reflect.Value) []*widget.FormItem {
	var items []*widget.FormItem
	for _, f := range e.fields {
		w := e.fieldWidget(s, f, v.Field(f.index))
		label := f.label
		if f.required {
			label += " *"
		}
		it := widget.NewFormItem(label, w)
		it.HintText = f.hint
		items = append(items, it)
	}
	return items
}

// changedEntries are the text fields holding a change not applied yet.
func (e *fieldEditor) changedEntries() []*formEntry {
	var out []*formEntry
	for _, f := range e.fields {
		if en, ok := e.widgets[f.key].(*formEntry); ok && en.changed() {
			out = append(out, en)
		}
	}
	return out
}

// listChanged tells the form that a field which applies at once changed.
func (e *fieldEditor) listChanged() {
	if e.onListChange != nil {
		e.onListChange()
	}
}

// choicesOf are the choices of an enum or reference field: "id — name"
// for references, the values for an enum; not required: "(none)" first.
func (e *fieldEditor) choicesOf(s *scenario.Scenario, f formField, cur string) []pickerChoice {
	var out []pickerChoice
	if !f.required {
		out = append(out, pickerChoice{"", noneOption})
	}
	var values []string
	if f.kind == refField {
		values = f.refs(s)
		if more := e.extra[f.key]; more != nil {
			for _, id := range more() {
				if !slices.Contains(values, id) {
					values = append(values, id)
				}
			}
		}
	} else {
		values = f.enum
	}
	if cur != "" && !slices.Contains(values, cur) {
		values = append(values, cur)
	}
	for _, v := range values {
		label := v
		if f.kind == refField {
			label = describeID(s, v)
		}
		out = append(out, pickerChoice{v, label})
	}
	return out
}

// fieldWidget makes the widget for one field, showing value v.
func (e *fieldEditor) fieldWidget(s *scenario.Scenario, f formField, v reflect.Value) fyne.CanvasObject {
	shared := e.p.u.sharedShortcut
	if e.nested {
		shared = nil
	}
	switch f.kind {
	case enumField, refField:
		k := newPicker(e.choicesOf(s, f, v.String()), v.String(), func(string) { e.listChanged() })
		k.shared, k.onFocus = shared, e.onFocus
		if f.required {
			k.SetPlaceHolder("choose one")
		}
		e.widgets[f.key] = k
		return k
	case boolField:
		c := widget.NewCheck("", nil)
		c.SetChecked(v.Bool())
		c.OnChanged = func(bool) { e.listChanged() }
		e.checks[f.key] = c
		return c
	case refsField:
		var allowed []string
		if f.refs != nil {
			allowed = f.refs(s)
		}
		k := newIDsPicker(v.Interface().([]string), allowed, func(id string) string { return describeID(s, id) })
		k.shared = shared
		k.onChange = e.listChanged
		e.pickers[f.key] = k
		return k.content
	case listField:
		l := e.p.newNestedList(f, v, e)
		e.lists[f.key] = l
		return l.content
	}
	en := newFormEntry(f.key, f.kind == multiLineField)
	en.shared, en.onApply, en.onLeave, en.onFocus = shared, e.onApply, e.onLeave, e.onFocus
	switch f.kind {
	case dateField:
		en.show(v.Interface().(scenario.Date).String())
		en.SetPlaceHolder("YYYY-MM-DD")
		en.Validator = func(text string) error {
			if _, err := scenario.ParseDate(text); err != nil {
				return fmt.Errorf("ui: %w", err)
			}
			return nil
		}
	case multiLineField:
		en.Wrapping = fyne.TextWrapWord
		en.SetMinRowsVisible(3)
		en.show(v.String())
	default:
		en.show(v.String())
		if f.required {
			en.Validator = func(text string) error {
				if strings.TrimSpace(text) == "" {
					return fmt.Errorf("ui: %s must not be empty", f.label)
				}
				return nil
			}
		}
	}
	e.widgets[f.key] = en
	return en
}

const noneOption = "(none)"

// read writes the form's values into entry v, or says which field is
// wrong.
func (e *fieldEditor) read(v reflect.Value) error {
	for _, f := range e.fields {
		fv := v.Field(f.index)
		switch f.kind {
		case boolField:
			if c := e.checks[f.key]; c != nil {
				fv.SetBool(c.Checked)
			}
			continue
		case refsField:
			if k := e.pickers[f.key]; k != nil {
				if len(k.ids) == 0 {
					fv.Set(reflect.Zero(fv.Type()))
				} else {
					fv.Set(reflect.ValueOf(slices.Clone(k.ids)))
				}
			}
			continue
		case listField:
			if l := e.lists[f.key]; l != nil {
				if l.items.Len() == 0 {
					fv.Set(reflect.Zero(fv.Type()))
				} else {
					c := reflect.MakeSlice(fv.Type(), l.items.Len(), l.items.Len())
					reflect.Copy(c, l.items)
					fv.Set(c)
				}
			}
			continue
		}
		switch w := e.widgets[f.key].(type) {
		case *picker:
			val := w.Selected()
			if val == "" && f.required {
				return fmt.Errorf("ui: %s: choose one", f.label)
			}
			fv.SetString(val)
		case *formEntry:
			if w.Validator != nil {
				if err := w.Validator(w.Text); err != nil {
					return fmt.Errorf("ui: %s: %w", f.label, err)
				}
			}
			switch f.kind {
			case dateField:
				d, _ := scenario.ParseDate(w.Text)
				fv.Set(reflect.ValueOf(d))
			default:
				fv.SetString(strings.TrimSpace(w.Text))
			}
		}
	}
	return nil
}

// readForm writes the Forms tab's form into entry v.
func (p *formsPanel) readForm(v reflect.Value) error { return p.editor.read(v) }
