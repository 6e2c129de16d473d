package scenario

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// bidiControls warns of every text that holds an explicit bidi formatting
// character (U+202A–U+202E, U+2066–U+2069): in a text editor, a browser or
// a terminal it can make a name read as another (a U+202E makes
// "evil\u202Etxt.exe" show as "evilexe.txt"). Parley's outputs never apply them and draw
// each as a dotted box naming it, but the file itself still misleads
// whoever reads it elsewhere.
func (v *validator) bidiControls() {
	walkText(reflect.ValueOf(v.s).Elem(), "", func(path, s string) {
		var found []string
		for _, r := range s {
			if name, ok := bidiControlNames[r]; ok {
				found = append(found, fmt.Sprintf("U+%04X %s", r, name))
			}
		}
		if len(found) > 0 {
			v.warnf(atValue, path, "contains the bidi control %s, which can reorder how the text reads elsewhere (Parley shows it as a box); remove it unless it is meant", strings.Join(found, ", "))
		}
	})
}

var bidiControlNames = map[rune]string{
	0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING", 0x202c: "POP DIRECTIONAL FORMATTING",
	0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
}

// walkText calls fn with the key path and value of every string in v (a
// struct of the scenario types), slices counted from 1 as elemPath does.
func walkText(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkText(v.Elem(), path, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkText(v.Index(i), elemPath(path, i+1), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			walkText(v.MapIndex(k), path+"."+fmt.Sprint(k), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if name == "-" {
				continue
			}
			p := path
			if name != "" {
				if p != "" {
					p += "."
				}
				p += name
			}
			walkText(v.Field(i), p, fn)
		}
	}
}
