package scenario

import (
	"strings"
	"testing"
)

func TestBidiControlsWarn(t *testing.T) {
	src := `format = 1
[scenario]
title = "Talks"
[[actors]]
id = "a"
name = "evil` + "\u202e" + `txt.exe"
kind = "person"
note = "plain ` + "\u2067" + `x` + "\u2069" + `"
[[actors]]
id = "b"
name = "ירושלים` + "\u200f" + ` 2025"
kind = "state"
`
	s, err := Load("t.toml", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings {
		if strings.Contains(w.Message, "bidi control") {
			got = append(got, w.Path+": "+w.Message[:strings.Index(w.Message, ", which")])
		}
	}
	want := []string{
		"actors[1].name: contains the bidi control U+202E RIGHT-TO-LEFT OVERRIDE",
		"actors[1].note: contains the bidi control U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range s.Warnings {
		if w.Path == "actors[1].name" && w.Line != 6 {
			t.Errorf("warning at line %d, want 6", w.Line)
		}
	}
}
