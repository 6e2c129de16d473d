package scenario

import (
	"strings"
	"testing"
)

// TestLintText: a blank required string is an error at its value; a blank
// optional one, a control character and text longer than diagrams draw
// are warnings, each once, at the value.
func TestLintText(t *testing.T) {
	long := strings.Repeat("Long ", 20) // 100 characters
	src := `format = 1
[scenario]
title = "Bell\u0007 and escape \e[0m"
[[sources]]
id = "s"
title = "   "
[[actors]]
id = "a"
name = "` + long + `"
short = "\u200b "
kind = "state"
[[actors]]
id = "b"
name = "\t\u3000"
office = "Envoy"
kind = "person"
represents = "a"
[[tracks]]
id = "t"
name = "Talks\u0085"
kind = "talks"
venue = "` + long + `"
sources = ["s"]
[[seats]]
track = "t"
actor = "a"
role = "host"
sources = ["s"]
note = "A note\nwith a line break and a\ttab is fine."
[[seats]]
track = "t"
actor = "b"
role = "participant"
sources = ["s"]
[[variants]]
id = "v"
name = "  "
`
	_, err := Load("text.toml", strings.NewReader(src))
	ps := problemsOf(t, nil, err)
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		`text.toml:3:9: warning: scenario.title: contains the control character U+0007 (BEL) at character 5, which diagrams show as "‹U+0007›": remove it (a line break is \n)`,
		`text.toml:6:9: error: sources[1].title: must not be blank: it has only spaces or invisible characters`,
		`text.toml:9:8: warning: actors[1].name: is 100 characters long; diagrams draw the first 79 and "…": shorten it, or give a short label (short) for drawings`,
		`text.toml:10:9: warning: actors[1].short: is blank (only spaces or invisible characters): leave it out`,
		`text.toml:14:8: error: actors[2].name: must not be blank: it has only spaces or invisible characters`,
		`text.toml:20:8: warning: tracks[1].name: contains the control character U+0085 (NEL) at character 6, which diagrams show as "‹U+0085›": remove it (a line break is \n)`,
		`text.toml:22:9: warning: tracks[1].venue: is 100 characters long; diagrams draw the first 79 and "…": shorten it`,
		`text.toml:37:8: error: variants[1].name: must not be blank: it has only spaces or invisible characters`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBlankAndControls(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, " ": true, "\t\n ": true, "\u200b\u200e\u2066": true, "\u3000\u00a0": true,
		"a": false, " a ": false, "🇺🇦": false, "\u0301": false, "\u0007": false, "\u200d👩": false,
	} {
		if Blank(s) != want {
			t.Errorf("Blank(%q) = %v, want %v", s, !want, want)
		}
	}
	for r, want := range map[rune]string{0: "‹U+0000›", 7: "‹U+0007›", 0x1b: "‹U+001B›", 0x7f: "‹U+007F›", 0x85: "‹U+0085›", 0x9f: "‹U+009F›", 'a': "a", '\u202e': "\u202e"} {
		if got := VisibleControl(r); got != want {
			t.Errorf("VisibleControl(%U) = %q, want %q", r, got, want)
		}
	}
	for _, r := range []rune{'\t', '\n', ' ', 0xa0, 0x202e, 0x200b} {
		if IsControl(r) {
			t.Errorf("%U counted as a control character", r)
		}
	}
}
