package scenario

import (
	"regexp"
	"strconv"
	"strings"
)

// Key paths name a value in a scenario file the way problems show it:
// keys joined with dots, array elements counted from 1, keys that are not
// bare quoted: seats[4].role, actors[3].memberships[1].of, actors[1]."a.b".
// The decoder, the validator and the position index build them with the
// same functions, so a problem's path finds its position.

// quoteKey writes one key of a path: bare when it can be, quoted otherwise.
func quoteKey(k string) string {
	if k != "" && strings.IndexFunc(k, func(r rune) bool { return r > 0x7f || !isBareKeyByte(byte(r)) }) < 0 {
		return k
	}
	return strconv.Quote(k)
}

// joinKey is the path of key k in the table at path parent.
func joinKey(parent, k string) string {
	if parent == "" {
		return quoteKey(k)
	}
	return parent + "." + quoteKey(k)
}

// elemPath is the path of the n-th (from 1) element of the array at path.
func elemPath(path string, n int) string { return path + "[" + strconv.Itoa(n) + "]" }

// parentPath strips the last key or index of a path ("" for a top-level key).
func parentPath(p string) string {
	switch {
	case strings.HasSuffix(p, "]"):
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	case strings.HasSuffix(p, `"`) && len(p) >= 2:
		for j := len(p) - 2; j >= 0; j-- {
			if p[j] == '"' && !escapedAt(p, j) {
				return strings.TrimSuffix(p[:j], ".")
			}
		}
		return ""
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// escapedAt reports whether p[j] follows an odd number of backslashes.
func escapedAt(p string, j int) bool {
	n := 0
	for k := j - 1; k >= 0 && p[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}

// tablePathName is the table name of a path, as written in a header:
// variants[2].seats → variants.seats.
func tablePathName(path string) string { return indexSuffix.ReplaceAllString(path, "") }

var indexSuffix = regexp.MustCompile(`\[[0-9]+\]`)
