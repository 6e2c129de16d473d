package scenario

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// checkIndex indexes src (which must be valid TOML) and checks the key and
// value position of each path, written "line:col line:col".
func checkIndex(t *testing.T, src string, want map[string]string) {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("not valid TOML: %v", err)
	}
	idx := indexPositions([]byte(src), nil)
	for path, w := range want {
		kv, ok := idx[path]
		if !ok {
			t.Errorf("%s: not indexed", path)
			continue
		}
		if got := fmt.Sprintf("%d:%d %d:%d", kv.Key.Line, kv.Key.Col, kv.Val.Line, kv.Val.Col); got != w {
			t.Errorf("%s: got %s, want %s", path, got, w)
		}
	}
}

func TestIndexHeaders(t *testing.T) {
	checkIndex(t, `format = 1
[scenario]
title = "t"

[[actors]]
id = "a"

[[actors]] # a comment [[not a header]]
id = "b"
  [[actors.memberships]]
  of = "x"
  [[actors.memberships]]
  of = "y"

[[actors]]
id = "c"
[[actors.memberships]]
of = "z"
`, map[string]string{
		"format":                      "1:1 1:10",
		"scenario":                    "2:1 2:1",
		"scenario.title":              "3:1 3:9",
		"actors":                      "5:1 5:1",
		"actors[1]":                   "5:1 5:1",
		"actors[1].id":                "6:1 6:6",
		"actors[2]":                   "8:1 8:1",
		"actors[2].id":                "9:1 9:6",
		"actors[2].memberships[1]":    "10:3 10:3",
		"actors[2].memberships[2]":    "12:3 12:3",
		"actors[2].memberships[2].of": "13:3 13:8",
		"actors[3].memberships[1].of": "18:1 18:6",
	})
}

func TestIndexDottedAndQuotedKeys(t *testing.T) {
	checkIndex(t, `scenario.title = "t"
scenario . "as.of" = 2025-01-01
'lit.key'.x = 1
"a\u0041b" = 2
[ "x.y" . z ]
k = 3
`, map[string]string{
		"scenario":         "1:1 1:1",
		"scenario.title":   "1:10 1:18",
		`scenario."as.of"`: "2:12 2:22",
		`"lit.key"`:        "3:1 3:1",
		`"lit.key".x`:      "3:11 3:15",
		"aAb":              "4:1 4:14",
		`"x.y".z`:          "5:1 5:1",
		`"x.y".z.k`:        "6:1 6:5",
	})
}

func TestIndexInlineTablesAndArrays(t *testing.T) {
	checkIndex(t, `seats = [ { track = "t", actor = "a" },
  { track = "u", claimed_by = ["p", "q"] }, # comment ]
  # { track = "not an element" }
]
tracks = [[1, 2], [3]]
m = { a = { b = 1 }, c = [ { d = 2 } ] }
`, map[string]string{
		"seats":                  "1:1 1:9",
		"seats[1]":               "1:11 1:11",
		"seats[1].actor":         "1:26 1:34",
		"seats[2]":               "2:3 2:3",
		"seats[2].track":         "2:5 2:13",
		"seats[2].claimed_by":    "2:18 2:31",
		"seats[2].claimed_by[2]": "2:37 2:37",
		"tracks[2][1]":           "5:20 5:20",
		"m.a.b":                  "6:13 6:17",
		"m.c[1].d":               "6:30 6:34",
	})
	idx := indexPositions([]byte("seats = [ { track = \"t\" },\n  # { track = \"x\" }\n]\n"), nil)
	if _, ok := idx["seats[2]"]; ok {
		t.Error("an element in a comment was indexed")
	}
}

func TestIndexStrings(t *testing.T) {
	checkIndex(t, `a = """
multi [[not]] "line" \"""
x = 1 """
b = '''
literal " ''' # c
c = "esc \" # not a comment"
e = """two quotes at the end"""""
f = 1979-05-27 07:32:00 # a date-time with a space
g = "é€😀"
h = 1
`, map[string]string{
		"a": "1:1 1:5",
		"b": "4:1 4:5",
		"c": "6:1 6:5",
		"e": "7:1 7:5",
		"f": "8:1 8:5",
		"g": "9:1 9:5",
		"h": "10:1 10:5",
	})
}

func TestIndexColumnsCountRunes(t *testing.T) {
	checkIndex(t, "x = { a = \"é€😀\", b = 1 }\n", map[string]string{"x.b": "1:18 1:22"})
}

func TestIndexCRLFAndTabs(t *testing.T) {
	checkIndex(t, "a = 1\r\n[t]\r\n\tk\t=\t\"v\"\r\nn = { x = \"é\", y = 2 }\r\n", map[string]string{
		"a":     "1:1 1:5",
		"t.k":   "3:2 3:6",
		"t.n.y": "4:16 4:20",
	})
}

func TestIndexWant(t *testing.T) {
	idx := indexPositions([]byte("a = 1\nb = [1, 2]\n"), func(p string) bool { return strings.HasPrefix(p, "b") })
	if len(idx) != 3 {
		t.Errorf("got %v, want b, b[1], b[2] only", idx)
	}
}

func TestParentPath(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"format":                   "",
		"actors[3]":                "actors",
		"actors[3].memberships[1]": "actors[3].memberships",
		"actors[3].memberships":    "actors[3]",
		`actors[1]."a.b"`:          "actors[1]",
		`actors[1]."a\"[.b"`:       "actors[1]",
		`"x.y"`:                    "",
		`"x]"[2]`:                  `"x]"`,
		`m.c[1].d`:                 "m.c[1]",
	} {
		if got := parentPath(in); got != want {
			t.Errorf("parentPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestIndexTotal: the scanner assumes valid TOML but must end, without
// panicking, on anything.
func TestIndexTotal(t *testing.T) {
	for _, src := range []string{"", "[", "[[", "a", "a =", "a = [", "a = {", `a = "`, `a = """`, "'", "a = [}", "a = {]", "a.=1", "=", "[a.]\n", "\xff\xfe", "a = { b = [ { c"} {
		indexPositions([]byte(src), nil)
		checkShape([]byte(src), shapeLimits{2, 2, 2, 2, 2})
	}
}

func TestTooDeep(t *testing.T) {
	for src, want := range map[string]bool{
		"a = [[1]]":             false,
		"a = [[[1]]]":           true,
		"a = \"[[[[[[\"":        false,
		"a = '''[[[[\n[[['''":   false,
		"# [[[[[[\na = 1":       false,
		"a = {b={c={d=1}}}":     true,
		"[[a]]\n[[a]]\n[[a]]\n": false,
	} {
		if _, _, ok := checkShape([]byte(src), shapeLimits{2, 8, 128, 100, 100}); ok == want {
			t.Errorf("checkShape(%q) = %v, want %v", src, ok, !want)
		}
	}
}
