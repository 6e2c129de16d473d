package ui

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2/dialog"

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
	"represents":  actorIDs,
	"of":          actorIDs,
	"actor":       actorIDs,
	"speaker":     actorIDs,
	"claimed_by":  actorIDs,
	"invited_by":  actorIDs,
	"replaced_by": actorIDs,
	"actors":      actorIDs,
	"track":       trackIDs,
	"at":          func(s *scenario.Scenario) []string { return append(trackIDs(s), eventIDs(s)...) },
	"about": func(s *scenario.Scenario) []string {
		return append(append(actorIDs(s), trackIDs(s)...), eventIDs(s)...)
	},
	"sources":       sourceIDs,
	"remove_tracks": trackIDs,
}

// enumValues are the allowed values of enum type t (a string type whose
// UnmarshalText refuses anything else, saying what it allows), nil for
// any other type: so a new enum in package scenario gets its picker
// without a list here.
func enumValues(t reflect.Type) []string {
	if t.Kind() != reflect.String || !reflect.PointerTo(t).Implements(textUnmarshaler) {
		return nil
	}
	v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
	var e *scenario.EnumError
	if err := v.UnmarshalText([]byte("\x00?")); errors.As(err, &e) {
		return e.Allowed
	}
	return nil
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

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
		case enumValues(sf.Type) != nil:
			f.kind, f.enum = enumField, enumValues(sf.Type)
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
		// The new entry is selected, scrolled to and its first field
		// focused, ready to type over.
		p.sel = n
		p.list.Refresh()
		p.selectQuietly(n)
		p.fill()
		if len(p.cur.fields) > 0 {
			if w := p.editor.focusables()[p.cur.fields[0].key]; w != nil {
				p.u.win.Canvas().Focus(w)
			}
		}
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
			p.selectQuietly(-1)
			p.list.Refresh()
			p.fill()
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
