package style

import (
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// The hover texts and data of what views draw (drawing.Object), the same
// in every view: an actor, a track, a seat, an event, a statement, with
// every source in full and the notes.

// ActorObject describes an actor: name, kind, office, whom a person
// represents, memberships, note.
func ActorObject(pic *scenario.Picture, a *scenario.Actor) drawing.Object {
	var lines []string
	name := OneLine(a.Name)
	if a.Short != "" && a.Short != a.Name {
		name += " (" + OneLine(a.Short) + ")"
	}
	lines = append(lines, name)
	lines = append(lines, JoinNonEmpty(" · ", string(a.Kind), OneLine(a.Office)+DatesText(a.OfficeFrom, a.OfficeTo, " "), representsText(pic, a)))
	if m := membershipsText(pic, a); m != "" {
		lines = append(lines, "Member of "+m)
	}
	if a.Note != "" {
		lines = append(lines, "Note: "+OneLine(a.Note))
	}
	data := map[string]string{"actor": a.ID, "kind": string(a.Kind)}
	if a.Represents != "" {
		data["represents"] = a.Represents
	}
	return drawing.Object{Class: "actor", Tooltip: joinLines(lines), Data: data}
}

func representsText(pic *scenario.Picture, a *scenario.Actor) string {
	if of := pic.Actor(a.Represents); of != nil {
		return "represents " + OneLine(of.Name)
	}
	return ""
}

func membershipsText(pic *scenario.Picture, a *scenario.Actor) string {
	var parts []string
	for _, m := range a.Memberships {
		name := m.Of
		if of := pic.Actor(m.Of); of != nil {
			name = OneLine(of.Label())
		}
		parts = append(parts, name+DatesText(m.From, m.To, " "))
	}
	return strings.Join(parts, ", ")
}

// DatesText is a span of dates in words, after sep: " since 1949",
// " 2004 – 2020", " until 2020"; "" when there are none.
func DatesText(from, to scenario.Date, sep string) string {
	switch {
	case !from.IsZero() && !to.IsZero():
		return sep + scenario.HumanRange(from, to)
	case !from.IsZero():
		return sep + "since " + from.Human()
	case !to.IsZero():
		return sep + "until " + to.Human()
	}
	return ""
}

// TrackWhen is a track's dates and "when" text: "17–18 Feb 2025 · within
// days".
func TrackWhen(t *scenario.Track) string {
	dates := scenario.HumanRange(t.Start, t.End)
	return JoinNonEmpty(" · ", dates, OneLine(t.When))
}

// TrackObject describes a track: name, kind, venue, dates, status,
// certainty, note and sources.
func TrackObject(pic *scenario.Picture, t *scenario.Track) drawing.Object {
	lines := []string{OneLine(t.Name),
		JoinNonEmpty(" · ", string(t.Kind), OneLine(t.Venue), TrackWhen(t)),
		JoinNonEmpty(" · ", labelled("Status", string(t.Status)), labelled("certainty", string(t.Certainty)))}
	if !t.Announced.IsZero() {
		lines = append(lines, "Announced "+t.Announced.Human())
	}
	for _, sp := range t.Suspended {
		lines = append(lines, "Suspended "+OneLine(sp.String()))
	}
	if t.Upcoming {
		lines = append(lines, "Not begun yet on the picture's day")
	}
	if t.Note != "" {
		lines = append(lines, "Note: "+OneLine(t.Note))
	}
	lines = append(lines, SourceList(pic, t.Sources))
	data := map[string]string{"track": t.ID, "kind": string(t.Kind)}
	if t.Status != "" {
		data["status"] = string(t.Status)
	}
	if t.Certainty != "" {
		data["certainty"] = string(t.Certainty)
	}
	return drawing.Object{Class: "track", Tooltip: joinLines(lines), Data: data}
}

// SeatRef is the ref of a seat as the views draw it.
func SeatRef(st scenario.Seat) string {
	return "seat:" + st.Track + "/" + st.Actor + "/" + string(st.Role)
}

// SeatObject describes a seat: who, which role at which track, how sure,
// who claims it, its dates, note and sources.
func SeatObject(pic *scenario.Picture, st scenario.Seat) drawing.Object {
	who, where := st.Actor, st.Track
	if a := pic.Actor(st.Actor); a != nil {
		who = OneLine(a.Name)
	}
	if t := pic.Track(st.Track); t != nil {
		where = OneLine(t.Name)
	}
	certainty := st.Certainty
	if certainty == "" {
		certainty = "not stated (drawn as reported)"
	}
	lines := []string{who + ": " + string(st.Role) + " at " + where, "Certainty: " + string(certainty)}
	if len(st.ClaimedBy) > 0 {
		var names []string
		for _, id := range st.ClaimedBy {
			if a := pic.Actor(id); a != nil {
				names = append(names, OneLine(a.Name))
			}
		}
		lines = append(lines, "Claimed by "+strings.Join(names, ", "))
	}
	if len(st.InvitedBy) > 0 {
		lines = append(lines, "Invited by "+actorNames(pic, st.InvitedBy))
	}
	if d := DatesText(st.From, st.To, ""); d != "" {
		lines = append(lines, "Seat held "+d)
	}
	if st.Ended != "" {
		end := "Ended: " + string(st.Ended)
		if a := pic.Actor(st.ReplacedBy); a != nil {
			end += " by " + OneLine(a.Name)
		}
		lines = append(lines, end)
	}
	if st.Possibly {
		lines = append(lines, "Holds only possibly on the picture's day")
	}
	if st.Note != "" {
		lines = append(lines, "Note: "+OneLine(st.Note))
	}
	lines = append(lines, SourceList(pic, st.Sources))
	data := map[string]string{"track": st.Track, "actor": st.Actor, "role": string(st.Role)}
	if st.Certainty != "" {
		data["certainty"] = string(st.Certainty)
	}
	return drawing.Object{Class: "seat", Tooltip: joinLines(lines), Data: data}
}

// EventObject describes an event: title, kind, date, place, track,
// actors, certainty, summary, sources.
func EventObject(pic *scenario.Picture, e *scenario.Event) drawing.Object {
	lines := []string{OneLine(e.Title), JoinNonEmpty(" · ", string(e.Kind), e.Date.Human(), OneLine(e.Place))}
	if t := pic.Track(e.Track); t != nil {
		lines = append(lines, "At "+OneLine(t.Name))
	}
	if len(e.Actors) > 0 {
		lines = append(lines, "With "+actorNames(pic, e.Actors))
	}
	if e.Certainty != "" {
		lines = append(lines, "Certainty: "+string(e.Certainty))
	}
	if e.Summary != "" {
		lines = append(lines, OneLine(e.Summary))
	}
	lines = append(lines, SourceList(pic, e.Sources))
	data := map[string]string{"event": e.ID, "kind": string(e.Kind)}
	if !e.Date.IsZero() {
		data["date"] = e.Date.String()
	}
	return drawing.Object{Class: "event", Tooltip: joinLines(lines), Data: data}
}

// StatementObject describes a statement: who said what (in full), quoted
// or paraphrased, the stance, where and when, what about, sources.
func StatementObject(pic *scenario.Picture, st *scenario.Statement) drawing.Object {
	who := st.Speaker
	if a := pic.Actor(st.Speaker); a != nil {
		who = OneLine(a.Name)
		if a.Office != "" {
			who += " (" + OneLine(a.Office) + ")"
		}
	}
	text := OneLine(st.Text)
	how := "paraphrased"
	if st.Quote {
		text, how = "“"+text+"”", "quoted"
	}
	lines := []string{who + ": " + text, JoinNonEmpty(" · ", how, labelled("stance", string(st.Stance)), pic.StatementDate(st).Human())}
	if at := placeName(pic, st.At); at != "" {
		lines = append(lines, "At "+at)
	}
	if len(st.About) > 0 {
		var names []string
		for _, id := range st.About {
			names = append(names, placeName(pic, id))
		}
		lines = append(lines, "About "+strings.Join(names, ", "))
	}
	lines = append(lines, SourceList(pic, st.Sources))
	data := map[string]string{"statement": st.ID, "speaker": st.Speaker}
	if st.Stance != "" {
		data["stance"] = string(st.Stance)
	}
	if st.Quote {
		data["quote"] = "true"
	}
	return drawing.Object{Class: "statement", Tooltip: joinLines(lines), Data: data}
}

// placeName is the name of an actor, track or event by id.
func placeName(pic *scenario.Picture, id string) string {
	if id == "" {
		return ""
	}
	if a := pic.Actor(id); a != nil {
		return OneLine(a.Name)
	}
	if t := pic.Track(id); t != nil {
		return OneLine(t.Name)
	}
	for i := range pic.Scenario.Events {
		if e := &pic.Scenario.Events[i]; e.ID == id {
			return OneLine(e.Title)
		}
	}
	return id
}

func actorNames(pic *scenario.Picture, ids []string) string {
	var names []string
	for _, id := range ids {
		if a := pic.Actor(id); a != nil {
			names = append(names, OneLine(a.Label()))
		}
	}
	return strings.Join(names, ", ")
}

func labelled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + ": " + value
}

func joinLines(lines []string) string {
	var keep []string
	for _, l := range lines {
		if l != "" {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
