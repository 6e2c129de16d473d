package ui

import (
	"fmt"
	"reflect"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// The Forms tab's widgets for fields that hold several values: idsPicker
// for a list of ids (sources, claimed_by, actors, about, remove_tracks) and
// nestedList for a list of tables (an actor's memberships, a variant's
// tracks, seats and seat removals).

// idsPicker chooses several ids: the chosen ones are listed, each with a
// button that removes it, above a picker of the others that adds one.
type idsPicker struct {
	ids      []string // chosen, in order
	allowed  []string
	describe func(id string) string
	rows     *fyne.Container
	add      *picker                   // type-ahead over the ids not chosen yet
	removes  map[string]*widget.Button // by id
	content  *fyne.Container
	onChange func() // after a user's change; may be nil
	shared   func(fyne.Shortcut) bool
}

func newIDsPicker(ids, allowed []string, describe func(string) string) *idsPicker {
	k := &idsPicker{ids: slices.Clone(ids), allowed: allowed, describe: describe}
	k.rows = container.NewVBox()
	k.add = newPicker(nil, "", func(id string) {
		if id != "" {
			k.addID(id)
		}
	})
	k.add.shared = func(s fyne.Shortcut) bool { return k.shared != nil && k.shared(s) }
	k.content = container.NewVBox(k.rows, k.add)
	k.refresh()
	return k
}

// addID chooses id too.
func (k *idsPicker) addID(id string) {
	if !slices.Contains(k.ids, id) {
		k.ids = append(k.ids, id)
	}
	k.refresh()
	if k.onChange != nil {
		k.onChange()
	}
}

// remove unchooses id.
func (k *idsPicker) remove(id string) {
	k.ids = slices.DeleteFunc(k.ids, func(x string) bool { return x == id })
	k.refresh()
	if k.onChange != nil {
		k.onChange()
	}
}

// refresh shows the chosen ids and offers the others.
func (k *idsPicker) refresh() {
	k.rows.Objects = nil
	k.removes = map[string]*widget.Button{}
	for _, id := range k.ids {
		l := widget.NewLabel(k.describe(id))
		l.Truncation = fyne.TextTruncateEllipsis
		b := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { k.remove(id) })
		b.Importance = widget.LowImportance
		k.removes[id] = b
		k.rows.Add(container.NewBorder(nil, nil, nil, b, l))
	}
	var rest []pickerChoice
	for _, id := range k.allowed {
		if !slices.Contains(k.ids, id) {
			rest = append(rest, pickerChoice{id, k.describe(id)})
		}
	}
	k.add.choices = rest
	k.add.setSelected("")
	switch {
	case len(k.allowed) == 0:
		k.add.SetPlaceHolder("(nothing to choose from)")
		k.add.Disable()
	case len(rest) == 0:
		k.add.SetPlaceHolder("(all chosen)")
		k.add.Disable()
	default:
		k.add.SetPlaceHolder("Add… (type an id or a name)")
		k.add.Enable()
	}
	k.rows.Refresh()
}

// describeID is an id with the name of what it names: "us — United States".
func describeID(s *scenario.Scenario, id string) string {
	if s != nil {
		for _, a := range s.Actors {
			if a.ID == id {
				return id + " — " + a.Name
			}
		}
		for _, t := range s.Tracks {
			if t.ID == id {
				return id + " — " + t.Name
			}
		}
		for _, e := range s.Events {
			if e.ID == id {
				return id + " — " + e.Title
			}
		}
		for _, x := range s.Sources {
			if x.ID == id {
				return id + " — " + x.Title
			}
		}
	}
	return id
}

// nestedList is a list of tables inside an entry: one row per table with
// Edit and Delete, and an Add button; a table is edited in a dialog with
// its own form. The list works on a copy, written back by the editor's
// read.
type nestedList struct {
	p       *formsPanel
	parent  *fieldEditor
	field   formField
	elem    reflect.Type
	items   reflect.Value // the working copy: a slice of elem
	rows    *fyne.Container
	add     *widget.Button
	buttons []*widget.Button // the rows' Edit and Delete
	content *fyne.Container
	enabled bool

	// The open entry dialog, its form and its buttons (tests answer it).
	dialog *dialog.CustomDialog
	sub    *fieldEditor
	done   *widget.Button
}

func (p *formsPanel) newNestedList(f formField, v reflect.Value, parent *fieldEditor) *nestedList {
	l := &nestedList{p: p, parent: parent, field: f, elem: v.Type().Elem(), enabled: true}
	l.items = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	reflect.Copy(l.items, v)
	l.rows = container.NewVBox()
	l.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { l.edit(-1) })
	l.content = container.NewVBox(l.rows, container.NewHBox(l.add))
	l.refresh()
	return l
}

// refresh shows the working copy.
func (l *nestedList) refresh() {
	l.rows.Objects = nil
	l.buttons = nil
	if l.items.Len() == 0 {
		none := widget.NewLabel("(none)")
		none.Importance = widget.LowImportance
		l.rows.Add(none)
	}
	for i := range l.items.Len() {
		lb := widget.NewLabel(nestedLabel(l.items.Index(i)))
		lb.Truncation = fyne.TextTruncateEllipsis
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { l.edit(i) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.remove(i) })
		edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
		l.buttons = append(l.buttons, edit, del)
		l.rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), lb))
	}
	l.setEnabled(l.enabled)
	l.rows.Refresh()
}

func (l *nestedList) setEnabled(on bool) {
	l.enabled = on
	for _, b := range append([]*widget.Button{l.add}, l.buttons...) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// ids are the ids of the working copy's entries (those that have one).
func (l *nestedList) ids() []string {
	var out []string
	for i := range l.items.Len() {
		if id := idOf(l.items.Index(i)); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// changed tells the editor the list changed.
func (l *nestedList) changed() {
	l.refresh()
	parent := l.parent
	// The Forms tab may have made its form again while this list's dialog
	// was open (the field left before it applied, and its scenario
	// loaded): the change goes to the list of the form now shown.
	if cur := l.p.editor; parent != nil && !parent.nested && cur != nil && cur != parent {
		if now := cur.lists[l.field.key]; now != nil {
			now.items = l.items
			now.refresh()
			parent = cur
		}
	}
	if parent != nil && parent.onListChange != nil {
		parent.onListChange()
	}
}

// remove deletes entry i.
func (l *nestedList) remove(i int) {
	if i < 0 || i >= l.items.Len() {
		return
	}
	l.items = reflect.AppendSlice(l.items.Slice(0, i), l.items.Slice(i+1, l.items.Len()))
	l.changed()
}

// edit opens the form of entry i (-1: a new one) in a dialog; Done writes
// it back (unless a field is wrong, which it says), Cancel drops it.
func (l *nestedList) edit(i int) {
	s := l.p.u.model
	el := reflect.New(l.elem).Elem()
	title := "Add " + nestedNoun(l.elem)
	if i >= 0 && i < l.items.Len() {
		el.Set(l.items.Index(i))
		title = "Change " + nestedNoun(l.elem)
	} else {
		i = -1
		el.Set(newNested(l.elem))
	}
	sub := l.p.newEditor(fieldsOf(l.elem))
	sub.nested = true
	var pressDone func()
	sub.onApply = func() { pressDone() } // Enter in a field presses Done
	if tracks := l.parent.lists["tracks"]; tracks != nil && tracks != l {
		sub.extra = map[string]func() []string{"track": tracks.ids}
	}
	form := widget.NewForm(sub.items(s, el)...)
	var d *dialog.CustomDialog
	cancel := widget.NewButton("Cancel", func() {
		d.Hide()
		l.dialog, l.sub, l.done = nil, nil, nil
	})
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() {
		if err := sub.read(el); err != nil {
			l.p.u.showError(err)
			return
		}
		if i >= 0 {
			l.items.Index(i).Set(el)
		} else {
			l.items = reflect.Append(l.items, el)
		}
		d.Hide()
		l.dialog, l.sub, l.done = nil, nil, nil
		l.changed()
	})
	done.Importance = widget.HighImportance
	pressDone = done.OnTapped
	d = dialog.NewCustomWithoutButtons(title, container.NewVScroll(form), l.p.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, done})
	height := float32(520)
	if c := l.p.u.win.Canvas(); c != nil && c.Size().Height > 0 {
		height = max(360, min(680, c.Size().Height-80))
	}
	d.Resize(fyne.NewSize(560, height))
	l.dialog, l.sub, l.done = d, sub, done
	d.Show()
}

// newNested is a new table of type t, with what a form cannot leave
// empty filled in.
func newNested(t reflect.Type) reflect.Value {
	switch t {
	case reflect.TypeFor[scenario.Seat]():
		return reflect.ValueOf(scenario.Seat{Role: scenario.RoleParticipant, Certainty: scenario.Reported})
	case reflect.TypeFor[scenario.Track]():
		return reflect.ValueOf(scenario.Track{Kind: scenario.TrackTalks, Status: scenario.StatusProposed})
	}
	return reflect.Zero(t)
}

// nestedNoun names one table of type t in a dialog's title.
func nestedNoun(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[scenario.Membership]():
		return "membership"
	case reflect.TypeFor[scenario.SeatRef]():
		return "seat removal"
	case reflect.TypeFor[scenario.Seat]():
		return "seat"
	case reflect.TypeFor[scenario.Track]():
		return "track"
	}
	return "entry"
}

// nestedLabel is a nested table as its list shows it.
func nestedLabel(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case scenario.Membership:
		if x.From.IsZero() && x.To.IsZero() {
			return "member of " + x.Of
		}
		return fmt.Sprintf("member of %s (%s – %s)", x.Of, x.From.Human(), x.To.Human())
	case scenario.SeatRef:
		role := "any role"
		if x.Role != "" {
			role = string(x.Role)
		}
		return fmt.Sprintf("%s at %s (%s)", x.Actor, x.Track, role)
	case scenario.Seat:
		c := ""
		if x.Certainty != "" {
			c = ", " + string(x.Certainty)
		}
		return fmt.Sprintf("%s at %s: %s%s", x.Actor, x.Track, x.Role, c)
	case scenario.Track:
		return fmt.Sprintf("%s — %s (%s)", x.ID, x.Name, x.Kind)
	}
	return fmt.Sprint(v.Interface())
}
