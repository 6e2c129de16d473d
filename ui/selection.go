package ui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// One selection is shared by every view and the forms: a scenario object
// named as the drawings name it ("actor:us", "track:riyadh",
// "seat:TRACK/ACTOR/ROLE", "event:ID", "statement:ID"). A click in the
// diagram selects it in the forms (and shows the Forms tab); choosing an
// entry in the forms selects it in the diagram; whichever view is shown
// draws a halo over the items of the selection (none when that view does
// not draw it), and the search's matches are marked like a highlighter.

// Highlight colours: a vivid blue no view uses for a role, a stance or a
// status, over a pale glow so that it shows on any fill; the search's
// matches a highlighter yellow.
var (
	haloInk   = drawing.Color{R: 0x0a, G: 0x84, B: 0xff, A: 0xff}
	haloGlow  = drawing.Color{R: 0x0a, G: 0x84, B: 0xff, A: 0x48}
	matchFill = drawing.Color{R: 0xff, G: 0xd6, B: 0x0a, A: 0x70}
	matchInk  = drawing.Color{R: 0xe0, G: 0xa8, B: 0x00, A: 0xff}
)

// haloGap is how far a halo stands off the outline it rings, in points.
const haloGap = 3

// canonicalRef is the selection a diagram item's Ref stands for: a
// delegation frame is its actor.
func canonicalRef(ref string) string {
	if id, ok := strings.CutPrefix(ref, "frame:"); ok {
		return "actor:" + id
	}
	return ref
}

// refShows reports whether an item's Ref draws the selection sel.
func refShows(ref, sel string) bool {
	return ref != "" && (ref == sel || canonicalRef(ref) == sel)
}

// highlightItems are the items drawn over d for the selection sel and the
// search's matches (each a Ref; "" and nil for none).
func highlightItems(d *drawing.Drawing, sel string, matches []string) []drawing.Item {
	if d == nil || (sel == "" && len(matches) == 0) {
		return nil
	}
	var out []drawing.Item
	if len(matches) > 0 {
		set := map[string]bool{}
		for _, m := range matches {
			set[m] = true
		}
		out = appendMarks(out, d, func(ref string) bool { return set[canonicalRef(ref)] }, markMatch)
	}
	if sel != "" {
		out = appendMarks(out, d, func(ref string) bool { return refShows(ref, sel) }, markHalo)
	}
	return out
}

type markStyle int

const (
	markHalo markStyle = iota
	markMatch
)

// appendMarks marks the items whose Ref is in: their shapes and lines, and
// the texts of a Ref that has no shape (a timeline's lane label).
func appendMarks(out []drawing.Item, d *drawing.Drawing, in func(string) bool, style markStyle) []drawing.Item {
	shaped := map[string]bool{}
	for i := range d.Items {
		if it := &d.Items[i]; in(it.Ref) && it.Kind != drawing.KindText {
			shaped[it.Ref] = true
		}
	}
	var texts []rect // of Refs without shapes: the lines of a label become one box
	for i := range d.Items {
		it := &d.Items[i]
		if !in(it.Ref) || (it.Kind == drawing.KindText && shaped[it.Ref]) {
			continue
		}
		if it.Kind == drawing.KindText {
			texts = append(texts, itemBounds(it))
			continue
		}
		out = append(out, markItem(it, style)...)
	}
	for _, b := range mergeNear(texts, 3) {
		box := drawing.Item{Kind: drawing.KindRect, X: b.x0 - 1, Y: b.y0, W: b.x1 - b.x0 + 2, H: b.y1 - b.y0, Radius: 2}
		out = append(out, markItem(&box, style)...)
	}
	return out
}

// mergeNear merges boxes that overlap or lie within gap of each other.
func mergeNear(boxes []rect, gap float64) []rect {
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(boxes); i++ {
			for j := i + 1; j < len(boxes); j++ {
				a, b := boxes[i], boxes[j]
				if a.x0-gap <= b.x1 && b.x0-gap <= a.x1 && a.y0-gap <= b.y1 && b.y0-gap <= a.y1 {
					boxes[i] = rect{math.Min(a.x0, b.x0), math.Min(a.y0, b.y0), math.Max(a.x1, b.x1), math.Max(a.y1, b.y1)}
					boxes = append(boxes[:j], boxes[j+1:]...)
					merged = true
					j--
				}
			}
		}
	}
	return boxes
}

// markItem is the halo or highlighter mark of one item.
func markItem(it *drawing.Item, style markStyle) []drawing.Item {
	gap := 0.0
	if style == markHalo {
		gap = haloGap
	}
	switch it.Kind {
	case drawing.KindRect:
		b := rect{math.Min(it.X, it.X+it.W), math.Min(it.Y, it.Y+it.H), math.Max(it.X, it.X+it.W), math.Max(it.Y, it.Y+it.H)}
		r := drawing.Item{Kind: drawing.KindRect, X: b.x0 - gap, Y: b.y0 - gap, W: b.x1 - b.x0 + 2*gap, H: b.y1 - b.y0 + 2*gap, Radius: it.Radius + gap}
		return styled(r, style)
	case drawing.KindEllipse:
		e := drawing.Item{Kind: drawing.KindEllipse, X: it.X, Y: it.Y, W: math.Abs(it.W) + gap, H: math.Abs(it.H) + gap}
		return styled(e, style)
	case drawing.KindPolygon:
		p := drawing.Item{Kind: drawing.KindPolygon, Points: it.Points}
		if style == markMatch {
			p.Fill = matchFill
			return []drawing.Item{p}
		}
		p.Stroke = drawing.Stroke{Color: haloInk, Width: 1.5}
		return []drawing.Item{p}
	case drawing.KindBezier, drawing.KindPolyline:
		w := math.Max(it.Stroke.Width, 1)
		if style == markMatch {
			return []drawing.Item{{Kind: it.Kind, Points: it.Points, Stroke: drawing.Stroke{Color: matchFill, Width: w + 6}}}
		}
		return []drawing.Item{
			{Kind: it.Kind, Points: it.Points, Stroke: drawing.Stroke{Color: haloGlow, Width: w + 8}},
			{Kind: it.Kind, Points: it.Points, Stroke: drawing.Stroke{Color: haloInk, Width: w + 1}},
		}
	}
	return nil
}

// styled gives a ring shape (rect or ellipse) the halo's glow and line, or
// the highlighter's fill.
func styled(shape drawing.Item, style markStyle) []drawing.Item {
	if style == markMatch {
		shape.Fill = matchFill
		shape.Stroke = drawing.Stroke{Color: matchInk, Width: 1}
		return []drawing.Item{shape}
	}
	glow := shape
	glow.Stroke = drawing.Stroke{Color: haloGlow, Width: 5}
	shape.Stroke = drawing.Stroke{Color: haloInk, Width: 2}
	return []drawing.Item{glow, shape}
}

// refIndex is where the selection ref is in the forms: the collection's
// key and the entry's index, or -1.
func refIndex(s *scenario.Scenario, ref string) (string, int) {
	if s == nil {
		return "", -1
	}
	kind, id, _ := strings.Cut(canonicalRef(ref), ":")
	switch kind {
	case "actor":
		return "actors", slices.Index(actorIDs(s), id)
	case "track":
		return "tracks", slices.Index(trackIDs(s), id)
	case "event":
		return "events", slices.Index(eventIDs(s), id)
	case "statement":
		return "statements", slices.IndexFunc(s.Statements, func(st scenario.Statement) bool { return st.ID == id })
	case "seat":
		parts := strings.SplitN(id, "/", 3)
		if len(parts) == 3 {
			return "seats", slices.IndexFunc(s.Seats, func(st scenario.Seat) bool {
				return st.Track == parts[0] && st.Actor == parts[1] && string(st.Role) == parts[2]
			})
		}
	}
	return "", -1
}

// entryRef is the selection of entry i of the forms' collection key ("" for
// one the diagrams do not draw: a source, a variant).
func entryRef(s *scenario.Scenario, key string, i int) string {
	if s == nil || i < 0 {
		return ""
	}
	switch key {
	case "actors":
		if i < len(s.Actors) {
			return "actor:" + s.Actors[i].ID
		}
	case "tracks":
		if i < len(s.Tracks) {
			return "track:" + s.Tracks[i].ID
		}
	case "events":
		if i < len(s.Events) {
			return "event:" + s.Events[i].ID
		}
	case "statements":
		if i < len(s.Statements) {
			return "statement:" + s.Statements[i].ID
		}
	case "seats":
		if i < len(s.Seats) {
			st := s.Seats[i]
			return fmt.Sprintf("seat:%s/%s/%s", st.Track, st.Actor, st.Role)
		}
	}
	return ""
}

// refName is what a selection is called in words: the actor's, track's or
// event's name, a seat as "actor at track".
func refName(s *scenario.Scenario, ref string) string {
	if s == nil || ref == "" {
		return ""
	}
	kind, i := refIndex(s, ref)
	if i < 0 {
		_, id, _ := strings.Cut(ref, ":")
		return id
	}
	switch kind {
	case "actors":
		if a := s.Actors[i]; a.Short != "" {
			return a.Short
		}
		return s.Actors[i].Name
	case "tracks":
		return s.Tracks[i].Name
	case "events":
		return s.Events[i].Title
	case "statements":
		return "statement " + s.Statements[i].ID
	case "seats":
		st := s.Seats[i]
		return refName(s, "actor:"+st.Actor) + " at " + refName(s, "track:"+st.Track)
	}
	return ""
}

// focusRefOf is what "Focus on the selection" focuses on: an actor, a
// track or an event itself; a seat's track; a statement's speaker.
func focusRefOf(s *scenario.Scenario, ref string) string {
	kind, i := refIndex(s, ref)
	if i < 0 {
		return ""
	}
	switch kind {
	case "actors", "tracks", "events":
		return canonicalRef(ref)
	case "seats":
		return "track:" + s.Seats[i].Track
	case "statements":
		return "actor:" + s.Statements[i].Speaker
	}
	return ""
}

// selectRef selects the object a diagram item belongs to, everywhere: in
// the diagram, and in the forms, whose tab it shows (a click in the
// diagram).
func (u *App) selectRef(ref string) {
	u.setSelection(ref, true)
}

// setSelection makes ref the selection: the diagram's halo, the focus
// control, and the forms' entry (showing the Forms tab when showForms).
func (u *App) setSelection(ref string, showForms bool) {
	s := u.model
	if s == nil {
		return
	}
	ref = canonicalRef(ref)
	key, i := refIndex(s, ref)
	if i < 0 {
		return
	}
	u.selected = ref
	u.preview.selectionChanged()
	if showForms {
		u.tabs.SelectIndex(1)
	}
	if u.forms.cur.key != key || u.forms.sel != i {
		u.forms.selectIndex(key, i)
	}
}

// formSelected follows the forms: the entry shown is the selection (an
// entry the diagrams do not draw clears it).
func (u *App) formSelected(key string, i int) {
	ref := entryRef(u.model, key, i)
	if u.preview == nil || ref == u.selected { // the preview is made after the forms
		return
	}
	u.selected = ref
	u.preview.selectionChanged()
}

// clearSelection takes the halo away (a click on the paper, Escape in the
// diagram); the forms keep their entry.
func (u *App) clearSelection() {
	if u.selected == "" {
		return
	}
	u.selected = ""
	u.preview.selectionChanged()
}
