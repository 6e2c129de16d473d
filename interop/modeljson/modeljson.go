// Package modeljson writes a resolved scenario — one picture, a variant
// applied, narrowed by a focus and filters — as JSON, for other tools:
// scripts, notebooks, databases. The document's shape is described by the
// JSON Schema in schema.json (embedded: Schema), documented in
// docs/interop.md.
//
// Every field of the scenario format is written under its name in the
// format (the toml names of package scenario's types), so nothing is
// lost; empty fields are left out. A date is an object with its text as
// written and the first and last day it may mean (as ISO dates), so it can
// be sorted and compared without knowing Parley's date rules. What the
// picture adds is marked: "what_if" on a variant's tracks and seats,
// "context" on actors there only because something shown refers to them.
package modeljson

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/parleyhq/parley/interop"
	"github.com/parleyhq/parley/scenario"
)

// Schema is the JSON Schema (draft 2020-12) of the documents Write writes.
//
//go:embed schema.json
var Schema []byte

// Version is the version of the document's shape, its "parley_model".
const Version = 1

// Write writes the selection as one JSON document, indented, ending in a
// newline. asOf is the day the picture is for when it is not a picture on
// a day itself (zero: none); a picture on a day says its own.
func Write(w io.Writer, sel *scenario.Selection, asOf scenario.Date) error {
	c := interop.Collect(sel)
	sc := sel.Scenario
	if !sel.AsOf.IsZero() {
		asOf = sel.AsOf
	}
	doc := object{{"parley_model", Version}}
	meta := object{{"title", sc.Meta.Title}}
	if sc.Meta.Summary != "" {
		meta = append(meta, kv{"summary", sc.Meta.Summary})
	}
	if !sc.Meta.AsOf.IsZero() {
		meta = append(meta, kv{"as_of", date(sc.Meta.AsOf)})
	}
	doc = append(doc, kv{"scenario", meta})
	if !asOf.IsZero() {
		doc = append(doc, kv{"as_of", date(asOf)})
	}
	if v := sel.Variant; v != nil {
		vo := object{{"id", v.ID}, {"name", v.Name}}
		if v.Summary != "" {
			vo = append(vo, kv{"summary", v.Summary})
		}
		doc = append(doc, kv{"variant", vo})
	}
	if !sel.Filter.IsZero() {
		so := object{{"description", sel.Describe()}}
		if len(sel.Focus) > 0 {
			so = append(so, kv{"focus", sel.Focus})
		}
		f := sel.Filter
		for _, x := range []struct {
			key  string
			vals any
			n    int
		}{{"roles", f.Roles, len(f.Roles)}, {"certainties", f.Certainties, len(f.Certainties)}, {"kinds", f.Kinds, len(f.Kinds)}} {
			if x.n > 0 {
				so = append(so, kv{x.key, x.vals})
			}
		}
		if !f.From.IsZero() {
			so = append(so, kv{"from", date(f.From)})
		}
		if !f.To.IsZero() {
			so = append(so, kv{"to", date(f.To)})
		}
		doc = append(doc, kv{"selection", so})
	}

	sources := list{}
	for _, s := range c.Sources {
		sources = append(sources, fields(reflect.ValueOf(*s)))
	}
	actors := list{}
	for _, a := range c.Actors {
		o := fields(reflect.ValueOf(*a))
		if !c.Shown[a.ID] {
			o = append(o, kv{"context", true})
		}
		actors = append(actors, o)
	}
	// What the base has on the same day, to mark what the variant adds.
	base := &scenario.Picture{Tracks: sc.Tracks, Seats: sc.Seats}
	if sel.Variant != nil && !sel.AsOf.IsZero() {
		if b, err := sc.Resolve("", sel.AsOf); err == nil {
			base = b
		}
	}
	baseTracks := map[string]scenario.Track{}
	for _, t := range base.Tracks {
		baseTracks[t.ID] = t
	}
	tracks := list{}
	for _, t := range sel.Tracks {
		o := fields(reflect.ValueOf(t))
		if b, ok := baseTracks[t.ID]; sel.Variant != nil && (!ok || !sameTrack(b, t)) {
			o = append(o, kv{"what_if", true})
		}
		if t.Upcoming {
			o = append(o, kv{"upcoming", true})
		}
		if t.Possibly {
			o = append(o, kv{"possibly", true})
		}
		tracks = append(tracks, o)
	}
	baseSeats := map[string]bool{}
	for _, st := range base.Seats {
		baseSeats[seatKey(st)] = true
	}
	seats := list{}
	for _, st := range sel.Seats {
		o := fields(reflect.ValueOf(st))
		if sel.Variant != nil && !baseSeats[seatKey(st)] {
			o = append(o, kv{"what_if", true})
		}
		if st.Possibly {
			o = append(o, kv{"possibly", true})
		}
		seats = append(seats, o)
	}
	var ended list
	for _, st := range sel.Ended {
		ended = append(ended, fields(reflect.ValueOf(st)))
	}
	events := list{}
	for _, e := range sel.Events {
		events = append(events, fields(reflect.ValueOf(*e)))
	}
	statements := list{}
	for _, st := range sel.Statements {
		o := fields(reflect.ValueOf(*st))
		if st.Date.IsZero() {
			if d := sel.StatementDate(st); !d.IsZero() {
				o = append(o, kv{"date_of_at", date(d)})
			}
		}
		statements = append(statements, o)
	}
	doc = append(doc, kv{"sources", sources}, kv{"actors", actors}, kv{"tracks", tracks}, kv{"seats", seats})
	if len(ended) > 0 {
		doc = append(doc, kv{"ended_seats", ended})
	}
	doc = append(doc, kv{"events", events}, kv{"statements", statements})

	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("modeljson: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("modeljson: %w", err)
	}
	return nil
}

// seatKey identifies a seat as written (what a picture on a day sets,
// Possibly, left out).
func seatKey(st scenario.Seat) string {
	st.Possibly = false
	return fmt.Sprintf("%#v", st)
}

// sameTrack reports whether two tracks are the same as written (what a
// picture on a day sets left out).
func sameTrack(a, b scenario.Track) bool {
	a.Upcoming, a.Suspension, a.Possibly = false, nil, false
	b.Upcoming, b.Suspension, b.Possibly = false, nil, false
	return reflect.DeepEqual(a, b)
}

// kv is one member of a JSON object; object keeps its members' order.
type kv struct {
	k string
	v any
}

type object []kv

type list []any

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping (<, > and & stay as they
// are: the document is data, not a web page).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

var dateType = reflect.TypeOf(scenario.Date{})

// fields is a struct of package scenario as an object: every field with
// a toml name, under that name, empty ones left out, dates as date
// objects, nested structs and lists of them likewise.
func fields(v reflect.Value) object {
	var o object
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		if val, ok := value(v.Field(i)); ok {
			o = append(o, kv{name, val})
		}
	}
	return o
}

// value converts one field; ok is false for an empty one.
func value(v reflect.Value) (any, bool) {
	switch {
	case v.Type() == dateType:
		d := v.Interface().(scenario.Date)
		if d.IsZero() {
			return nil, false
		}
		return date(d), true
	case v.Kind() == reflect.Struct:
		return fields(v), true
	case v.Kind() == reflect.Slice:
		if v.Len() == 0 {
			return nil, false
		}
		out := make(list, v.Len())
		for i := range v.Len() {
			out[i], _ = value(v.Index(i))
			if out[i] == nil {
				out[i] = ""
			}
		}
		return out, true
	case v.Kind() == reflect.String:
		if v.Len() == 0 {
			return nil, false
		}
		return v.String(), true
	case v.Kind() == reflect.Bool:
		return v.Bool(), v.Bool()
	case v.CanInt():
		return v.Int(), v.Int() != 0
	}
	return nil, false
}

// date is a date as an object: as written, and the first and last day it
// may mean, "~" allowed for.
func date(d scenario.Date) object {
	precision := "day"
	switch {
	case d.Month == 0:
		precision = "year"
	case d.Day == 0:
		precision = "month"
	}
	o := object{{"text", d.String()}, {"precision", precision}}
	if d.Approx {
		o = append(o, kv{"approximate", true})
	}
	return append(o, kv{"earliest", d.Earliest().Format("2006-01-02")}, kv{"latest", d.Latest().Format("2006-01-02")})
}
