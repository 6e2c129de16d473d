package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// The Forms tab: one list per collection of the scenario, each entry
// changed through a form with pickers for kinds, roles, certainties and
// references, and date fields that refuse dates that do not exist. Every
// change goes through App.applyModel, which rewrites only the entry's text.

// fieldKind says which widget edits a field.
type formFieldKind int

const (
	textField      formFieldKind = iota
	multiLineField               // summary, note, text
	enumField                    // a Select of the enum's values
	refField                     // a Select of ids
	refsField                    // several ids: an idsPicker
	dateField                    // checked with scenario.ParseDate
	boolField
	listField // a list of tables (memberships, a variant's seats ...): a nestedList
)

// formField is one field of an entry's form.
type formField struct {
	key      string
	index    int // struct field index
	kind     formFieldKind
	required bool
	enum     []string                            // enumField
	refs     func(s *scenario.Scenario) []string // refField, refsField: the ids allowed
	label    string                              // as the form shows it
	hint     string                              // under the widget
}

// formType is one collection: how to list and edit its entries. A single
// one (the [scenario] table) has exactly one entry, which is neither added
// nor deleted.
type formType struct {
	key    string // "actors"
	title  string // "Actors"
	noun   string // "actor"
	typ    reflect.Type
	single bool
	fields []formField
	label  func(s *scenario.Scenario, i int) string
}

// count is the number of entries in s.
func (t *formType) count(s *scenario.Scenario) int {
	switch {
	case s == nil:
		return 0
	case t.single:
		return 1
	}
	return t.list(s).Len()
}

// entry is entry i of s, settable.
func (t *formType) entry(s *scenario.Scenario, i int) reflect.Value {
	if t.single {
		return reflect.ValueOf(s).Elem().FieldByName("Meta")
	}
	return t.list(s).Index(i)
}

func (t *formType) keys() []string {
	var ks []string
	for _, f := range t.fields {
		ks = append(ks, f.key)
	}
	return ks
}

// list is the collection's slice in s, settable.
func (t *formType) list(s *scenario.Scenario) reflect.Value {
	return reflect.ValueOf(s).Elem().FieldByName(t.typ.Name() + "s")
}

func ids[T any](list []T, id func(*T) string) []string {
	out := make([]string, 0, len(list))
	for i := range list {
		out = append(out, id(&list[i]))
	}
	return out
}

func actorIDs(s *scenario.Scenario) []string {
	return ids(s.Actors, func(a *scenario.Actor) string { return a.ID })
}
func trackIDs(s *scenario.Scenario) []string {
	return ids(s.Tracks, func(t *scenario.Track) string { return t.ID })
}
func sourceIDs(s *scenario.Scenario) []string {
	return ids(s.Sources, func(x *scenario.Source) string { return x.ID })
}
func eventIDs(s *scenario.Scenario) []string {
	return ids(s.Events, func(e *scenario.Event) string { return e.ID })
}

// refTargets names, for each key that refers to other entries, the ids it
// may name.
var refTargets = map[string]func(s *scenario.Scenario) []string{
	"represents": actorIDs,
	"of":         actorIDs,
	"actor":      actorIDs,
	"speaker":    actorIDs,
	"claimed_by": actorIDs,
	"actors":     actorIDs,
	"track":      trackIDs,
	"at":         func(s *scenario.Scenario) []string { return append(trackIDs(s), eventIDs(s)...) },
	"about": func(s *scenario.Scenario) []string {
		return append(append(actorIDs(s), trackIDs(s)...), eventIDs(s)...)
	},
	"sources":       sourceIDs,
	"remove_tracks": trackIDs,
}

// enumValues lists the allowed values of each enum type.
var enumValues = map[reflect.Type][]string{
	reflect.TypeFor[scenario.ActorKind]():   strs(scenario.ActorKinds),
	reflect.TypeFor[scenario.TrackKind]():   strs(scenario.TrackKinds),
	reflect.TypeFor[scenario.TrackStatus](): strs(scenario.TrackStatuses),
	reflect.TypeFor[scenario.Role]():        strs(scenario.Roles),
	reflect.TypeFor[scenario.Certainty]():   strs(scenario.Certainties),
	reflect.TypeFor[scenario.Reliability](): strs(scenario.Reliabilities),
	reflect.TypeFor[scenario.EventKind]():   strs(scenario.EventKinds),
	reflect.TypeFor[scenario.Stance]():      strs(scenario.Stances),
}

var dateType = reflect.TypeFor[scenario.Date]()

// fieldsOf builds the form fields of a struct type from its toml tags.
func fieldsOf(t reflect.Type) []formField {
	var fs []formField
	for i := range t.NumField() {
		sf := t.Field(i)
		key, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if key == "" || key == "-" {
			continue
		}
		f := formField{key: key, index: i, label: strings.ReplaceAll(key, "_", " ")}
		f.required = slices.Contains(scenario.RequiredKeys(t), key)
		switch {
		case sf.Type == dateType:
			f.kind = dateField
			f.hint = "YYYY, YYYY-MM or YYYY-MM-DD; ~ in front: approximate"
		case enumValues[sf.Type] != nil:
			f.kind, f.enum = enumField, enumValues[sf.Type]
		case sf.Type.Kind() == reflect.Bool:
			f.kind = boolField
		case sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.String:
			f.kind, f.refs = refsField, refTargets[key]
		case sf.Type.Kind() == reflect.Slice:
			f.kind = listField
			f.hint = "a change here applies at once, with the rest of the form"
		case sf.Type.Kind() == reflect.String && refTargets[key] != nil && key != "actors" && key != "sources":
			f.kind, f.refs = refField, refTargets[key]
		case key == "summary" || key == "note" || key == "text":
			f.kind = multiLineField
		}
		fs = append(fs, f)
	}
	return fs
}

// formTypes are the collections the Forms tab lists, in its order.
var formTypes = []*formType{
	{key: "scenario", title: "Scenario", noun: "scenario", typ: reflect.TypeFor[scenario.Meta](), single: true,
		label: func(s *scenario.Scenario, _ int) string {
			if s.Meta.AsOf.IsZero() {
				return s.Meta.Title
			}
			return fmt.Sprintf("%s (as of %s)", s.Meta.Title, s.Meta.AsOf.Human())
		}},
	{key: "actors", title: "Actors", noun: "actor", typ: reflect.TypeFor[scenario.Actor](),
		label: func(s *scenario.Scenario, i int) string {
			a := s.Actors[i]
			return fmt.Sprintf("%s — %s (%s)", a.ID, a.Name, a.Kind)
		}},
	{key: "tracks", title: "Tracks", noun: "track", typ: reflect.TypeFor[scenario.Track](),
		label: func(s *scenario.Scenario, i int) string {
			t := s.Tracks[i]
			return fmt.Sprintf("%s — %s (%s)", t.ID, t.Name, t.Kind)
		}},
	{key: "seats", title: "Seats", noun: "seat", typ: reflect.TypeFor[scenario.Seat](),
		label: func(s *scenario.Scenario, i int) string {
			st := s.Seats[i]
			c := ""
			if st.Certainty != "" {
				c = ", " + string(st.Certainty)
			}
			return fmt.Sprintf("%s at %s: %s%s", st.Actor, st.Track, st.Role, c)
		}},
	{key: "sources", title: "Sources", noun: "source", typ: reflect.TypeFor[scenario.Source](),
		label: func(s *scenario.Scenario, i int) string {
			x := s.Sources[i]
			return fmt.Sprintf("%s — %s", x.ID, x.Title)
		}},
	{key: "events", title: "Events", noun: "event", typ: reflect.TypeFor[scenario.Event](),
		label: func(s *scenario.Scenario, i int) string {
			e := s.Events[i]
			return fmt.Sprintf("%s — %s %s", e.ID, e.Date.Human(), e.Title)
		}},
	{key: "statements", title: "Statements", noun: "statement", typ: reflect.TypeFor[scenario.Statement](),
		label: func(s *scenario.Scenario, i int) string {
			st := s.Statements[i]
			return fmt.Sprintf("%s — %s: %s", st.ID, st.Speaker, st.Text)
		}},
	{key: "variants", title: "Variants", noun: "variant", typ: reflect.TypeFor[scenario.Variant](),
		label: func(s *scenario.Scenario, i int) string {
			v := s.Variants[i]
			return fmt.Sprintf("%s — %s", v.ID, v.Name)
		}},
}

func init() {
	for _, t := range formTypes {
		t.fields = fieldsOf(t.typ)
	}
}

// formTypeOf is the collection with the given key.
func formTypeOf(key string) *formType {
	for _, t := range formTypes {
		if t.key == key {
			return t
		}
	}
	return nil
}

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
	content fyne.CanvasObject

	cur     *formType
	sel     int                       // selected entry, -1 for none
	editor  *fieldEditor              // the selected entry's form
	widgets map[string]fyne.Focusable // editor.widgets
	checks  map[string]*widget.Check  // editor.checks
	enabled bool
	confirm dialog.Dialog // the open delete question (tests answer it)
}

func newFormsPanel(u *App) *formsPanel {
	p := &formsPanel{u: u, sel: -1, cur: formTypeOf("actors"), enabled: true}
	var titles []string
	for _, t := range formTypes {
		titles = append(titles, t.title)
	}
	p.kind = widget.NewSelect(titles, func(title string) {
		for _, t := range formTypes {
			if t.title == title && t != p.cur {
				p.cur, p.sel = t, -1
				p.list.UnselectAll()
				p.list.ScrollToTop()
				p.refresh()
				if t.single && p.count() > 0 {
					p.list.Select(0)
				}
			}
		}
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
		p.sel = i
		p.fill()
	}
	p.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), p.addEntry)
	p.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), p.deleteEntry)
	p.apply = widget.NewButtonWithIcon("Apply", theme.ConfirmIcon(), p.applyEntry)
	p.apply.Importance = widget.HighImportance
	p.revert = widget.NewButton("Revert", p.fill)
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Hide()
	p.form = container.NewVBox()
	top := container.NewBorder(nil, nil, widget.NewLabel("Edit"), container.NewHBox(p.add, p.del), p.kind)
	formArea := container.NewBorder(nil, container.NewHBox(p.apply, p.revert), nil, nil, container.NewVScroll(p.form))
	split := container.NewVSplit(p.list, formArea)
	split.Offset = 0.35
	p.content = container.NewBorder(container.NewVBox(top, p.note), nil, nil, nil, split)
	p.fill()
	return p
}

func (p *formsPanel) count() int { return p.cur.count(p.u.model) }

// refresh shows the current scenario.
func (p *formsPanel) refresh() {
	if p.sel >= p.count() {
		p.sel = -1
		p.list.UnselectAll()
	}
	p.list.Refresh()
	p.fill()
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

// selectIndex selects the i-th entry of kind key.
func (p *formsPanel) selectIndex(key string, i int) {
	for _, t := range formTypes {
		if t.key == key {
			p.kind.SetSelected(t.title)
		}
	}
	if i >= 0 && i < p.count() {
		p.list.Select(i)
		p.list.ScrollTo(i)
	}
}

// fill builds the form of the selected entry.
func (p *formsPanel) fill() {
	p.form.Objects = nil
	p.editor = p.newEditor(p.cur.fields)
	p.editor.onListChange = p.applyEntry
	p.widgets, p.checks = p.editor.widgets, p.editor.checks
	s := p.u.model
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
	p.form.Refresh()
	p.setEnabled(p.enabled)
}

// fieldEditor is the input widgets of one entry's form (the Forms tab's,
// or a nested entry's dialog): it makes them showing an entry and reads
// them back into one.
type fieldEditor struct {
	p       *formsPanel
	fields  []formField
	widgets map[string]fyne.Focusable // entries and selects, by key
	checks  map[string]*widget.Check
	pickers map[string]*idsPicker
	lists   map[string]*nestedList
	// onListChange runs when a nested list changes (the Forms tab applies
	// the entry at once); nil leaves the change to the caller.
	onListChange func()
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

// fieldWidget makes the widget for one field, showing value v.
func (e *fieldEditor) fieldWidget(s *scenario.Scenario, f formField, v reflect.Value) fyne.CanvasObject {
	switch f.kind {
	case enumField, refField:
		opts := f.enum
		if f.kind == refField {
			opts = f.refs(s)
			if more := e.extra[f.key]; more != nil {
				for _, id := range more() {
					if !slices.Contains(opts, id) {
						opts = append(opts, id)
					}
				}
			}
		}
		if !f.required {
			opts = append([]string{noneOption}, opts...)
		}
		sel := widget.NewSelect(opts, nil)
		cur := v.String()
		if cur == "" && !f.required {
			cur = noneOption
		}
		if !slices.Contains(opts, cur) && cur != "" {
			sel.Options = append(sel.Options, cur)
		}
		sel.SetSelected(cur)
		e.widgets[f.key] = sel
		return sel
	case boolField:
		c := widget.NewCheck("", nil)
		c.SetChecked(v.Bool())
		e.checks[f.key] = c
		return c
	case refsField:
		var allowed []string
		if f.refs != nil {
			allowed = f.refs(s)
		}
		k := newIDsPicker(v.Interface().([]string), allowed, func(id string) string { return describeID(s, id) })
		e.pickers[f.key] = k
		return k.content
	case listField:
		l := e.p.newNestedList(f, v, e)
		e.lists[f.key] = l
		return l.content
	case dateField:
		en := widget.NewEntry()
		en.SetText(v.Interface().(scenario.Date).String())
		en.SetPlaceHolder("YYYY-MM-DD")
		en.Validator = func(text string) error {
			if _, err := scenario.ParseDate(text); err != nil {
				return fmt.Errorf("ui: %w", err)
			}
			return nil
		}
		e.widgets[f.key] = en
		return en
	case multiLineField:
		en := widget.NewMultiLineEntry()
		en.Wrapping = fyne.TextWrapWord
		en.SetMinRowsVisible(3)
		en.SetText(v.String())
		e.widgets[f.key] = en
		return en
	}
	en := widget.NewEntry()
	en.SetText(v.String())
	if f.required {
		en.Validator = func(text string) error {
			if strings.TrimSpace(text) == "" {
				return fmt.Errorf("ui: %s must not be empty", f.label)
			}
			return nil
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
		case *widget.Select:
			val := w.Selected
			if val == noneOption {
				val = ""
			}
			if val == "" && f.required {
				return fmt.Errorf("ui: %s: choose one", f.label)
			}
			fv.SetString(val)
		case *widget.Entry:
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

// applyEntry writes the form into the selected entry, renaming references
// when its id changed.
func (p *formsPanel) applyEntry() {
	from := p.u.currentModel()
	if from == nil || p.sel < 0 || p.sel >= p.cur.count(from) {
		return
	}
	to := cloneModel(from)
	v := p.cur.entry(to, p.sel)
	oldID := idOf(v)
	if err := p.readForm(v); err != nil {
		p.u.showError(err)
		return
	}
	newID := idOf(v)
	if oldID != "" && newID != oldID {
		renameRefs(to, p.cur.key, oldID, newID)
	}
	sel := p.sel
	if p.u.applyModel(to) {
		p.sel = sel
		if p.cur.key == "variants" && oldID != newID {
			p.u.preview.variantRenamed(oldID, newID)
		}
	}
}

// idOf is an entry's id ("" for seats).
func idOf(v reflect.Value) string {
	if f := v.FieldByName("ID"); f.IsValid() {
		return f.String()
	}
	return ""
}

// addEntry adds a new entry with the required fields filled in and selects
// it.
func (p *formsPanel) addEntry() {
	if p.cur.single {
		return
	}
	from := p.u.currentModel()
	if from == nil {
		return
	}
	to := cloneModel(from)
	if err := addDefault(to, p.cur.key); err != nil {
		p.u.showError(err)
		return
	}
	n := p.cur.list(to).Len() - 1
	if p.u.applyModel(to) {
		p.sel = n
		p.refresh()
		p.list.Select(n)
		p.list.ScrollToBottom()
	}
}

// addDefault appends a new entry of collection key to s.
func addDefault(s *scenario.Scenario, key string) error {
	switch key {
	case "actors":
		s.Actors = append(s.Actors, scenario.Actor{ID: newID("actor", actorIDs(s)), Name: "New actor", Kind: scenario.KindState})
	case "tracks":
		s.Tracks = append(s.Tracks, scenario.Track{ID: newID("track", trackIDs(s)), Name: "New track", Kind: scenario.TrackTalks, Status: scenario.StatusProposed})
	case "sources":
		s.Sources = append(s.Sources, scenario.Source{ID: newID("source", sourceIDs(s)), Title: "New source"})
	case "events":
		s.Events = append(s.Events, scenario.Event{ID: newID("event", append(eventIDs(s), trackIDs(s)...)), Title: "New event"})
	case "statements":
		if len(s.Actors) == 0 {
			return fmt.Errorf("ui: add an actor first: a statement needs a speaker")
		}
		s.Statements = append(s.Statements, scenario.Statement{ID: newID("statement", ids(s.Statements, func(x *scenario.Statement) string { return x.ID })),
			Speaker: s.Actors[0].ID, Text: "…"})
	case "variants":
		s.Variants = append(s.Variants, scenario.Variant{ID: newID("variant", ids(s.Variants, func(x *scenario.Variant) string { return x.ID })), Name: "New variant"})
	case "seats":
		for _, t := range s.Tracks {
			for _, a := range s.Actors {
				if !slices.ContainsFunc(s.Seats, func(st scenario.Seat) bool { return st.Track == t.ID && st.Actor == a.ID }) {
					s.Seats = append(s.Seats, scenario.Seat{Track: t.ID, Actor: a.ID, Role: scenario.RoleParticipant, Certainty: scenario.Reported})
					return nil
				}
			}
		}
		return fmt.Errorf("ui: every actor already has a seat at every track; add an actor or a track first")
	}
	return nil
}

// newID is prefix-N, the first not in taken.
func newID(prefix string, taken []string) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s-%d", prefix, n)
		if !slices.Contains(taken, id) {
			return id
		}
	}
}

// deleteEntry deletes the selected entry; when other entries refer to it
// it first says what goes with it and asks.
func (p *formsPanel) deleteEntry() {
	from := p.u.currentModel()
	if p.cur.single || from == nil || p.sel < 0 || p.sel >= p.cur.count(from) {
		return
	}
	to := cloneModel(from)
	list := p.cur.list(to)
	v := list.Index(p.sel)
	id := idOf(v)
	label := p.cur.label(from, p.sel)
	list.Set(reflect.AppendSlice(list.Slice(0, p.sel), list.Slice(p.sel+1, list.Len())))
	var consequences []string
	if id != "" {
		consequences = removeRefs(to, p.cur.key, id)
	}
	doIt := func() {
		if p.u.applyModel(to) {
			p.sel = -1
			p.list.UnselectAll()
			p.refresh()
		}
	}
	if len(consequences) == 0 {
		doIt()
		return
	}
	msg := fmt.Sprintf("Delete %s %s?\n\nThese go with it:\n• %s", p.cur.noun, label, strings.Join(consequences, "\n• "))
	d := dialog.NewConfirm("Delete "+p.cur.noun, msg, func(ok bool) {
		if ok {
			doIt()
		}
	}, p.u.win)
	d.SetConfirmText("Delete")
	p.confirm = d
	d.Show()
}

// selectRef selects in the forms the scenario object a diagram item
// belongs to ("actor:us", "track:riyadh", "seat:TRACK/ACTOR/ROLE"; a
// delegation frame, "frame:us", selects the actor it stands for).
func (u *App) selectRef(ref string) {
	s := u.model
	if s == nil {
		return
	}
	kind, id, _ := strings.Cut(ref, ":")
	i := -1
	switch kind {
	case "actor", "frame":
		i = slices.Index(actorIDs(s), id)
		kind = "actors"
	case "track":
		i = slices.Index(trackIDs(s), id)
		kind = "tracks"
	case "seat":
		parts := strings.SplitN(id, "/", 3)
		if len(parts) == 3 {
			i = slices.IndexFunc(s.Seats, func(st scenario.Seat) bool {
				return st.Track == parts[0] && st.Actor == parts[1] && string(st.Role) == parts[2]
			})
		}
		kind = "seats"
	default:
		return
	}
	if i < 0 {
		return
	}
	u.tabs.SelectIndex(1)
	u.forms.selectIndex(kind, i)
}
