package ui

import (
	"fmt"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// What the time bar says about a mark: a reader's words for each dated
// thing (a seat taken or left, a track's start, an event, a statement).

// markWords says what a mark is: "Sinn Féin: participant at Talks from",
// "Talks start", "Event: Agreement signed".
func markWords(s *scenario.Scenario, m scenario.Mark) string {
	kind, id, _ := strings.Cut(m.Ref, ":")
	switch kind {
	case "scenario":
		return "the file's as_of"
	case "track":
		name := trackLabel(s, id)
		switch m.What {
		case "announced":
			return name + " announced"
		case "start":
			return name + " starts"
		case "end":
			return name + " ends"
		case "suspended":
			return name + " suspended"
		case "resumed":
			return name + " resumes"
		}
		return name + " " + m.What
	case "seat":
		parts := strings.SplitN(id, "/", 3)
		if len(parts) != 3 {
			return m.Ref
		}
		who, where := actorLabel(s, parts[1]), trackLabel(s, parts[0])
		if m.What == "to" {
			if st := seatOf(s, parts[0], parts[1], parts[2], m.Date); st != nil && st.Ended != "" {
				return fmt.Sprintf("%s %s (%s, %s)", who, seatEndWords(st.Ended), where, parts[2])
			}
			return fmt.Sprintf("%s leaves %s (%s)", who, where, parts[2])
		}
		return fmt.Sprintf("%s at %s as %s", who, where, parts[2])
	case "event":
		if s != nil {
			for i := range s.Events {
				if e := &s.Events[i]; e.ID == id && e.Title != "" {
					return e.Title
				}
			}
		}
		return "event " + id
	case "statement":
		if s != nil {
			for i := range s.Statements {
				if st := &s.Statements[i]; st.ID == id {
					return "statement by " + actorLabel(s, st.Speaker)
				}
			}
		}
		return "statement " + id
	}
	return m.Ref
}

func seatEndWords(e scenario.SeatEnd) string {
	switch e {
	case scenario.EndWalkedOut:
		return "walks out"
	case scenario.EndWithdrew:
		return "withdraws"
	case scenario.EndExpelled:
		return "is expelled"
	case scenario.EndReplaced:
		return "is replaced"
	}
	return string(e)
}

// seatOf finds the seat (base or variant) a seat mark's "to" belongs to.
func seatOf(s *scenario.Scenario, track, actor, role string, to scenario.Date) *scenario.Seat {
	if s == nil {
		return nil
	}
	find := func(ss []scenario.Seat) *scenario.Seat {
		for i := range ss {
			if st := &ss[i]; st.Track == track && st.Actor == actor && string(st.Role) == role && st.To == to {
				return st
			}
		}
		return nil
	}
	if st := find(s.Seats); st != nil {
		return st
	}
	for i := range s.Variants {
		if st := find(s.Variants[i].Seats); st != nil {
			return st
		}
	}
	return nil
}

func actorLabel(s *scenario.Scenario, id string) string {
	if s != nil {
		for i := range s.Actors {
			if s.Actors[i].ID == id {
				return s.Actors[i].Label()
			}
		}
	}
	return id
}

func trackLabel(s *scenario.Scenario, id string) string {
	if s != nil {
		for i := range s.Tracks {
			if t := &s.Tracks[i]; t.ID == id && t.Name != "" {
				return t.Name
			}
		}
	}
	return id
}
