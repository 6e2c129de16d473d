package ui

import (
	"reflect"
	"strings"

	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/ui/editor"
)

// completions gives the Text tab the ids (and the allowed values) that fit
// the string being typed, from the last scenario that loaded.
func (u *App) completions(c editor.Context) []editor.Candidate {
	s := u.model
	variant := strings.HasPrefix(c.Table, "variants")
	table := c.Table
	if i := strings.LastIndexByte(table, '.'); i >= 0 {
		table = table[i+1:]
	}
	if c.Parent != "" {
		table = c.Parent
	}
	// An enum key's allowed values, from its field's type in the table.
	if values := enumOfKey(table, c.Key); values != nil {
		return enumCandidates(values)
	}
	if s == nil {
		return nil
	}
	switch c.Key {
	case "actor", "speaker", "claimed_by", "invited_by", "replaced_by", "actors":
		return actorCandidates(s, func(scenario.Actor) bool { return true })
	case "represents":
		return actorCandidates(s, func(a scenario.Actor) bool { return a.Kind != scenario.KindPerson })
	case "of":
		return actorCandidates(s, func(a scenario.Actor) bool {
			return a.Kind == scenario.KindBloc || a.Kind == scenario.KindOrganisation || a.Kind == scenario.KindGroup
		})
	case "track", "remove_tracks":
		return trackCandidates(s, variant && c.Key == "track")
	case "sources":
		var out []editor.Candidate
		for _, src := range s.Sources {
			out = append(out, editor.Candidate{ID: src.ID, Name: src.Title})
		}
		return out
	case "at":
		return append(trackCandidates(s, false), eventCandidates(s)...)
	case "about":
		out := actorCandidates(s, func(scenario.Actor) bool { return true })
		out = append(out, trackCandidates(s, false)...)
		return append(out, eventCandidates(s)...)
	}
	return nil
}

// enumOfKey is the allowed values of key in the table at path ("actors",
// "seats", "memberships" …), nil when it is no enum there.
func enumOfKey(table, key string) []string {
	t := tableTypes()[table]
	if t == nil {
		return nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if k, _, _ := strings.Cut(f.Tag.Get("toml"), ","); k == key {
			return enumValues(f.Type)
		}
	}
	return nil
}

// tableTypes maps each table's name in a file (its last key: "actors",
// "memberships", "suspended") to its type.
func tableTypes() map[string]reflect.Type {
	out := map[string]reflect.Type{"scenario": reflect.TypeFor[scenario.Meta]()}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			ft := f.Type
			for ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if key == "" || key == "-" || ft.Kind() != reflect.Struct || ft == dateType {
				continue
			}
			if _, ok := out[key]; !ok {
				out[key] = ft
				walk(ft)
			}
		}
	}
	walk(reflect.TypeFor[scenario.Scenario]())
	return out
}

func enumCandidates(values []string) []editor.Candidate {
	out := make([]editor.Candidate, len(values))
	for i, v := range values {
		out[i] = editor.Candidate{ID: string(v)}
	}
	return out
}

func actorCandidates(s *scenario.Scenario, keep func(scenario.Actor) bool) []editor.Candidate {
	var out []editor.Candidate
	for _, a := range s.Actors {
		if keep(a) {
			out = append(out, editor.Candidate{ID: a.ID, Name: a.Name})
		}
	}
	return out
}

// trackCandidates lists the base tracks, and the variants' own ones when
// inVariant.
func trackCandidates(s *scenario.Scenario, inVariant bool) []editor.Candidate {
	var out []editor.Candidate
	for _, t := range s.Tracks {
		out = append(out, editor.Candidate{ID: t.ID, Name: t.Name})
	}
	if inVariant {
		for _, v := range s.Variants {
			for _, t := range v.Tracks {
				out = append(out, editor.Candidate{ID: t.ID, Name: t.Name + " (variant " + v.ID + ")"})
			}
		}
	}
	return out
}

func eventCandidates(s *scenario.Scenario) []editor.Candidate {
	var out []editor.Candidate
	for _, e := range s.Events {
		out = append(out, editor.Candidate{ID: e.ID, Name: e.Title})
	}
	return out
}
