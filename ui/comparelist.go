package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// Compare mode's change list: the changes grouped by track as parley diff
// prints them (+ gained, − lost, ~ changed), then the actors that enter or
// leave the picture; and what a tap on an entry selects in the forms.

// changeRows lists the changes, a heading per track.
func changeRows(pics [2]*scenario.Picture, ch *scenario.Changes) []changeRow {
	old, new := pics[0], pics[1]
	var rows []changeRow
	var order []string
	tracks := map[string]*scenario.TrackChange{}
	seats := map[string][]scenario.SeatChange{}
	note := func(id string) {
		if !slices.Contains(order, id) {
			order = append(order, id)
		}
	}
	for i := range ch.Tracks {
		tracks[ch.Tracks[i].ID] = &ch.Tracks[i]
		note(ch.Tracks[i].ID)
	}
	for _, sc := range ch.Seats {
		seats[sc.Track] = append(seats[sc.Track], sc)
		note(sc.Track)
	}
	for _, id := range order {
		name := pictureTrackName(old, new, id)
		h := changeRow{heading: true, kind: "track", id: id, side: 1, text: name}
		if new.Track(id) == nil {
			h.side = 0
		}
		if t := tracks[id]; t != nil {
			h.change = t.Change
			switch t.Change {
			case scenario.Added:
				h.text = "+ " + name + " — new track"
			case scenario.Removed:
				h.text = "− " + name + " — track gone"
			default:
				h.text = "~ " + name + " — " + fieldsText(t.Fields)
			}
		}
		rows = append(rows, h)
		for _, sc := range seats[id] {
			r := changeRow{kind: "seat", change: sc.Change, track: sc.Track, actor: sc.Actor, side: 1}
			switch sc.Change {
			case scenario.Added:
				r.role = string(sc.New.Role)
				r.text = "    + " + pictureActorName(new, old, sc.Actor) + " gains a seat: " + seatText(sc.New)
			case scenario.Removed:
				r.side, r.role = 0, string(sc.Old.Role)
				r.text = "    − " + pictureActorName(old, new, sc.Actor) + " loses the seat: " + seatText(sc.Old)
			default:
				r.role = string(sc.New.Role)
				r.text = "    ~ " + pictureActorName(new, old, sc.Actor) + ": " + fieldsText(sc.Fields)
			}
			rows = append(rows, r)
		}
	}
	if len(ch.Actors) > 0 {
		rows = append(rows, changeRow{heading: true, text: "Actors"})
		for _, ac := range ch.Actors {
			r := changeRow{kind: "actor", change: ac.Change, id: ac.ID, side: 1}
			switch ac.Change {
			case scenario.Added:
				r.text = "    + " + pictureActorName(new, old, ac.ID) + " enters the picture"
			case scenario.Removed:
				r.side = 0
				r.text = "    − " + pictureActorName(old, new, ac.ID) + " leaves the picture"
			default:
				r.text = "    ~ " + pictureActorName(new, old, ac.ID) + ": " + fieldsText(ac.Fields)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

func pictureTrackName(a, b *scenario.Picture, id string) string {
	for _, p := range []*scenario.Picture{b, a} {
		if t := p.Track(id); t != nil && t.Name != "" {
			return t.Name
		}
	}
	return id
}

func pictureActorName(a, b *scenario.Picture, id string) string {
	for _, p := range []*scenario.Picture{a, b} {
		if x := p.Actor(id); x != nil {
			return x.Label()
		}
	}
	return id
}

// seatText is a seat's role and what qualifies it.
func seatText(st *scenario.Seat) string {
	parts := []string{string(st.Role)}
	if st.Certainty != "" {
		parts = append(parts, string(st.Certainty))
	}
	if st.Possibly {
		parts = append(parts, "only possibly")
	}
	if st.Ended != "" {
		parts = append(parts, string(st.Ended))
	}
	return strings.Join(parts, ", ")
}

// fieldsText is changed keys: "role mediator → participant".
func fieldsText(fs []scenario.FieldChange) string {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		switch {
		case f.Key == "possibly" && f.New != "":
			parts = append(parts, "now only possibly")
		case f.Key == "possibly":
			parts = append(parts, "now certainly")
		case f.Key == "upcoming" && f.New != "":
			parts = append(parts, "now upcoming")
		case f.Key == "upcoming":
			parts = append(parts, "no longer upcoming")
		case len(f.Added)+len(f.Removed) > 0 && f.Old != "" && f.New != "":
			var ch []string
			for _, a := range f.Added {
				ch = append(ch, "+"+a)
			}
			for _, r := range f.Removed {
				ch = append(ch, "−"+r)
			}
			parts = append(parts, f.Key+" "+strings.Join(ch, " "))
		case len(f.Added)+len(f.Removed) > 0 && f.New == "":
			parts = append(parts, f.Key+" none now")
		default:
			o, n := f.Old, f.New
			if o == "" {
				o = "(none)"
			}
			if n == "" {
				n = "(none)"
			}
			parts = append(parts, f.Key+" "+o+" → "+n)
		}
	}
	return strings.Join(parts, "; ")
}

// selectRow selects in the forms what a change-list entry is about: in
// the text's scenario, the base entry, or the variant entry when the
// side's variant is what makes the change. A thing only in another file
// is said so.
func (c *comparePanel) selectRow(r changeRow) {
	u := c.u
	s := u.model
	if s == nil || r.kind == "" {
		return
	}
	req := c.request(c.sides[r.side])
	where := ""
	if req.source != sourceText {
		where = req.label
	}
	v := variantIndex(s, req.variant)
	fromVariant := func(has bool) bool {
		if v >= 0 && has {
			u.tabs.SelectIndex(1)
			u.forms.selectIndex("variants", v)
			return true
		}
		return false
	}
	switch r.kind {
	case "seat":
		if req.source == sourceText && v >= 0 && variantTouchesSeat(&s.Variants[v], r.track, r.actor) {
			fromVariant(true)
			return
		}
		i := slices.IndexFunc(s.Seats, func(st scenario.Seat) bool {
			return st.Track == r.track && st.Actor == r.actor && string(st.Role) == r.role
		})
		if i < 0 {
			i = slices.IndexFunc(s.Seats, func(st scenario.Seat) bool { return st.Track == r.track && st.Actor == r.actor })
		}
		if i >= 0 {
			u.tabs.SelectIndex(1)
			u.forms.selectIndex("seats", i)
			return
		}
		if fromVariant(req.source == sourceText) {
			return
		}
	case "track":
		if i := slices.Index(trackIDs(s), r.id); i >= 0 {
			u.selectRef("track:" + r.id)
			return
		}
		if fromVariant(req.source == sourceText && v >= 0 && slices.ContainsFunc(s.Variants[v].Tracks, func(t scenario.Track) bool { return t.ID == r.id })) {
			return
		}
	case "actor":
		if slices.Contains(actorIDs(s), r.id) {
			u.selectRef("actor:" + r.id)
			return
		}
	}
	if where == "" {
		where = "the other picture"
	}
	u.setStatus(fmt.Sprintf("That is only in %s, not in this text: nothing to select in the forms.", where))
}

// variantIndex is the index of the variant with the id, -1 for none.
func variantIndex(s *scenario.Scenario, id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(s.Variants, func(v scenario.Variant) bool { return v.ID == id })
}

// variantTouchesSeat reports whether the variant adds, replaces or removes
// the actor's seats at the track.
func variantTouchesSeat(v *scenario.Variant, track, actor string) bool {
	return slices.ContainsFunc(v.Seats, func(st scenario.Seat) bool { return st.Track == track && st.Actor == actor }) ||
		slices.ContainsFunc(v.RemoveSeats, func(r scenario.SeatRef) bool { return r.Track == track && r.Actor == actor }) ||
		slices.Contains(v.RemoveTracks, track)
}

// pickOtherFile asks for a scenario file to compare with; done gets its
// path, or "" when the dialog was cancelled.
func (u *App) pickOtherFile(done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			done("")
			return
		}
		if r == nil {
			done("")
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	u.setDialogFolder(d)
	d.Show()
}

// changeSummary counts the changes for a reader.
func changeSummary(ch *scenario.Changes) string {
	if ch.Empty() {
		return "No changes: the two pictures are the same."
	}
	tracks, seats, actors := ch.Counts()
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(seats.Added, plural1(seats.Added, "seat")+" gained")
	add(seats.Removed, plural1(seats.Removed, "seat")+" lost")
	add(seats.Changed, plural1(seats.Changed, "seat")+" changed")
	add(tracks.Added, plural1(tracks.Added, "track")+" added")
	add(tracks.Removed, plural1(tracks.Removed, "track")+" removed")
	add(tracks.Changed, plural1(tracks.Changed, "track")+" changed")
	add(actors.Added, plural1(actors.Added, "actor")+" entering")
	add(actors.Removed, plural1(actors.Removed, "actor")+" leaving")
	add(actors.Changed, plural1(actors.Changed, "actor")+" changed")
	return strings.Join(parts, ", ") + "."
}

// render shows a change-list line: its sign (+ gained, − lost, ~
// changed) in the colour the diff picture marks it with, the words in
// the text colour, which reads well in both themes; a heading in bold.
func (r changeRow) render(rt *widget.RichText) {
	sign, words := "", r.text
	trimmed := strings.TrimLeft(r.text, " ")
	if _, size := utf8.DecodeRuneInString(trimmed); r.change != "" && size > 0 {
		cut := len(r.text) - len(trimmed) + size
		sign, words = r.text[:cut], r.text[cut:]
	}
	colour := theme.ColorNameForeground
	switch r.change {
	case scenario.Added:
		colour = theme.ColorNameSuccess
	case scenario.Removed:
		colour = theme.ColorNameError
	case scenario.Changed:
		colour = theme.ColorNameWarning
	}
	mark := rt.Segments[0].(*widget.TextSegment)
	mark.Text = sign
	mark.Style = widget.RichTextStyle{Inline: true, ColorName: colour, TextStyle: fyne.TextStyle{Bold: true}}
	text := rt.Segments[1].(*widget.TextSegment)
	text.Text = words
	text.Style = widget.RichTextStyleInline
	text.Style.TextStyle.Bold = r.heading
	rt.Refresh()
}

// plural1 is noun, or its plural for n other than 1.
func plural1(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// shortPath is a path as a list or a title shows it: its file name.
func shortPath(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
