package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity tells errors (the file cannot be used) from warnings.
type Severity int

// Severities.
const (
	Error Severity = iota
	Warning
)

// String is "error" or "warning", as problems are printed.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a scenario file, with its position.
type Problem struct {
	File     string
	Line     int // 1-based; 0 when unknown
	Col      int // 1-based; 0 when unknown
	Severity Severity
	Path     string // key path, e.g. "seats[3].role" (counting from 1)
	Message  string
}

// String formats the problem as file:line:col: severity: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, max(p.Col, 1))
	}
	fmt.Fprintf(&b, ": %s: ", p.Severity)
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is a list of problems; as an error it prints one per line.
type Problems []Problem

// Error prints every problem, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any problem is an error, not a warning.
func (ps Problems) HasErrors() bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Severity == Error })
}

// Sort orders problems by position, then severity, then text.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// closest is the candidate nearest to s by edit distance, or "" when none is
// near enough to be a plausible typo (see maxTypo; beyond one edit, the
// first letters must agree: "vance" is not a typo of "france"). A candidate that is the
// start of s, or starts with it ("ir" for "iran": a name written out instead
// of its short id), is near enough too.
func closest(s string, candidates []string) string {
	c, _ := closestCost(s, candidates)
	return c
}

func sameFirstRune(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb
}

// maxTypo is how many edits (a letter added, dropped, changed, or two
// swapped) a word of n letters may be from another to be taken for a typo
// of it: 1 up to 4 letters, 2 for 5 to 7 ("kelog" for "kellogg"), 3 for 8
// to 10, and so on.
func maxTypo(n int) int { return max(1, (n+1)/3) }

// closestCost is closest and the work it did: candidates looked at plus
// edit-distance cells computed.
func closestCost(s string, candidates []string) (best string, cost int) {
	ls := strings.ToLower(s)
	n := utf8.RuneCountInString(ls)
	limit := maxTypo(n)
	bestD := -1
	for _, c := range candidates {
		cost++
		if len(c) > len(ls)+4*limit || len(ls) > len(c)+4*limit { // too long or short even in runes
			continue
		}
		lc := strings.ToLower(c)
		m := utf8.RuneCountInString(lc)
		if m-n > limit || n-m > limit {
			continue
		}
		cost += n * m
		d := editDistance(ls, lc)
		if d > 1 && !sameFirstRune(ls, lc) { // typos seldom hit the first letter twice over
			continue
		}
		if d <= limit && d < m && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	if bestD >= 0 {
		return best, cost
	}
	if len(ls) >= 2 {
		for _, c := range candidates {
			cost++
			if lc := strings.ToLower(c); len(lc) >= 2 && (strings.HasPrefix(ls, lc) || strings.HasPrefix(lc, ls)) {
				return c, cost
			}
		}
	}
	return "", cost
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// editDistance is the Damerau–Levenshtein (optimal string alignment)
// distance between a and b, in runes.
func editDistance(a, b string) int {
	var ba, bb [64]rune
	ra, rb := appendRunes(ba[:0], a), appendRunes(bb[:0], b)
	if len(ra) > 256 || len(rb) > 256 { // not a typo; don't spend quadratic time
		return max(len(ra), len(rb))
	}
	var buf [3 * 66]int // no allocation for words of up to 65 letters
	var rows []int
	if len(rb) < 66 {
		rows = buf[:3*(len(rb)+1)]
	} else {
		rows = make([]int, 3*(len(rb)+1))
	}
	w := len(rb) + 1
	prev2, prev, cur := rows[:w], rows[w:2*w], rows[2*w:]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
