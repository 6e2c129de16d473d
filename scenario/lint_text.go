package scenario

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the text that diagrams draw, in characters (Unicode code
// points). Longer text is cut there with "…" in a picture (the full text
// stays in the file, the tooltips and the picture's description), and
// Load warns about it.
const (
	// MaxLabelLength applies to what is drawn in a box or beside an
	// arrow: actors' name, short and office; tracks' name, venue and
	// when; variants' name.
	MaxLabelLength = 80
	// MaxTitleLength applies to the scenario's title and the title and
	// publisher of a source, drawn in the picture's header and footer.
	MaxTitleLength = 200
)

// textKeys are the keys of free text (not ids, codes, dates or values from
// a list), and the limit on how much of each a diagram draws (0: not drawn
// in a box, no limit).
var textKeys = map[string]int{
	"title": MaxTitleLength, "publisher": MaxTitleLength,
	"name": MaxLabelLength, "short": MaxLabelLength, "office": MaxLabelLength,
	"venue": MaxLabelLength, "when": MaxLabelLength,
	"summary": 0, "note": 0, "text": 0, "place": 0,
}

// lintText checks every free-text value of the scenario: a required one
// that is blank is an error (it would draw as an empty box); a blank
// optional one, one with control characters, or one longer than a diagram
// draws is a warning.
func (v *validator) lintText() {
	v.lintTable("", reflect.ValueOf(v.s).Elem())
}

func (v *validator) lintTable(path string, t reflect.Value) {
	ti := tableOf(t.Type())
	for _, key := range ti.keys {
		f := t.Field(ti.field[key])
		kp := joinKey(path, key)
		switch {
		case f.Kind() == reflect.Struct && f.Type() != dateType:
			v.lintTable(kp, f)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			for i := range f.Len() {
				v.lintTable(elemPath(kp, i+1), f.Index(i))
			}
		case f.Type() == reflect.TypeFor[string]():
			if limit, ok := textKeys[key]; ok {
				v.lintString(kp, key, f.String(), limit, ti.required)
			}
		}
	}
}

func (v *validator) lintString(path, key, s string, limit int, required []string) {
	if s == "" {
		return // missing or empty: the decoder has said so where it matters
	}
	if Blank(s) {
		if contains(required, key) {
			v.errorf(atValue, path, "must not be blank: it has only spaces or invisible characters")
		} else {
			v.warnf(atValue, path, "is blank (only spaces or invisible characters): leave it out")
		}
		return
	}
	if i, r, ok := firstControl(s); ok {
		v.warnf(atValue, path, "contains the control character %s at character %d, which diagrams show as %q: remove it (a line break is \\n)", controlName(r), i, VisibleControl(r))
	}
	if n := utf8.RuneCountInString(s); limit > 0 && n > limit {
		hint := "shorten it"
		if key == "name" && strings.HasPrefix(path, "actors[") {
			hint = "shorten it, or give a short label (short) for drawings"
		}
		v.warnf(atValue, path, "is %d characters long; diagrams draw the first %d and \"…\": %s", n, limit-1, hint)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Blank reports whether s shows nothing: it is empty or has only white
// space and invisible format characters (such as U+200B ZERO WIDTH SPACE
// or bidi controls).
func Blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != '\u2800' && r != '\u3164' && r != '\u115f' && r != '\u1160' {
			return false
		}
	}
	return true
}

// IsControl reports whether r is a control character that text may not
// show as it is: C0 controls but tab and line feed, DEL, and C1 controls.
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0)
}

// VisibleControl is how diagrams show the control character r: its code
// point between single guillemets, "‹U+0007›", which every font can draw
// (the Unicode control pictures, "␇", are missing from most). Other runes
// are returned as they are.
func VisibleControl(r rune) string {
	if IsControl(r) {
		return fmt.Sprintf("‹U+%04X›", r)
	}
	return string(r)
}

func firstControl(s string) (int, rune, bool) {
	i := 0
	for _, r := range s {
		i++
		if IsControl(r) && r != '\r' {
			return i, r, true
		}
	}
	return 0, 0, false
}

func controlName(r rune) string {
	names := map[rune]string{0: "NUL", 7: "BEL", 8: "BS", 0x0b: "VT", 0x0c: "FF", 0x1b: "ESC", 0x7f: "DEL", 0x85: "NEL"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}
