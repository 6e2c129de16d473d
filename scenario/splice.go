package scenario

import (
	"fmt"
	"reflect"
	"strings"
)

// splice is Edit's surgical path: it changes a file entry by entry.
//
// Which lines belong to whom, so that an edit never touches a comment or a
// blank line that is not the changed entry's own:
//
//   - An entry's lines run from its header ([[actors]]) to its last line
//     with content, sub-tables ([[actors.memberships]]) included, and
//     comments among them. A changed entry keeps its lines but those of
//     the keys that changed: a changed key's line is rewritten (keeping a
//     comment at its end), a key removed loses its lines, a key added
//     goes after the last one. Only when its sub-tables or inline tables
//     change, or it is laid out with dotted keys, is the whole entry
//     written anew (and the comments among its lines go with it).
//   - A comment block directly above a header, with no blank line between,
//     is the entry's lead comment. It stays above the entry when the entry
//     is rewritten, and goes when the entry is deleted, unless it may head
//     a group: when the entry's next neighbour is an entry of the same
//     collection with no lead comment of its own, the comment stays and
//     now leads that one ("# Cairo rounds" above the first of several
//     seats).
//   - A comment block directly below an entry's last line and followed by
//     a blank line is its trailing comment: it goes when the entry is
//     deleted. One that runs straight into the next header is that
//     header's lead comment; one that runs into the end of the file is
//     kept.
//   - Every other comment (set apart by blank lines above and below, like
//     "# --- actors ---" or "# People who represent the parties") belongs
//     to no entry and is never touched.
//   - Deleting an entry also removes the blank lines after it when there
//     are blank lines before it too, or before it when it was last in the
//     file, so no double or trailing blank line is left; other blank lines
//     stay as they are.
//   - A new entry goes after the last entry of its collection and that
//     entry's trailing comment (or before the first entry and its lead
//     comment, when it comes first), with a blank line before it.
//
// ok is false when the text's layout is not one splice can follow (a
// collection written as an inline array, say); Edit then rewrites it.
func splice(text []byte, from, to *Scenario, merge bool) (out []byte, ok bool) {
	lines := splitLines(text)
	secs, ok := scanSections(lines)
	if !ok || from.Format != to.Format {
		return nil, false
	}
	entries := map[string][]*entry{}
	tables := map[string]*entry{}
	var all []*entry // in file order
	for _, s := range secs {
		top := s.name[0]
		switch {
		case len(s.name) == 1 && s.array:
			e := &entry{start: s.start, end: s.end, coll: top, keys: s.keys}
			entries[top] = append(entries[top], e)
			all = append(all, e)
		case len(s.name) == 1:
			if tables[top] != nil {
				return nil, false
			}
			e := &entry{start: s.start, end: s.end, coll: top, table: true, keys: s.keys}
			tables[top] = e
			all = append(all, e)
		default:
			// A sub-table belongs to the element or table it follows.
			if es := entries[top]; len(es) > 0 && es[len(es)-1].end <= s.start && noHeaderBetween(secs, es[len(es)-1].start, s.start, top) {
				es[len(es)-1].end = s.end
			} else if t := tables[top]; t != nil && noHeaderBetween(secs, t.start, s.start, top) {
				t.end = s.end
			} else {
				return nil, false
			}
		}
	}
	ownComments(lines, all)

	ed := newLineEdit(lines)
	fv, tv := reflect.ValueOf(from).Elem(), reflect.ValueOf(to).Elem()
	ff, tf := fields(fv), fields(tv)
	for i := range ff {
		key := ff[i].key
		a, b := ff[i].v, tf[i].v
		switch kindOf(a.Type()) {
		case scalarField:
			if !equalValue(a, b) {
				return nil, false // format: rewrite the whole file
			}
			if !isEmpty(a) && (tables[key] != nil || entries[key] != nil) {
				return nil, false
			}
		case tableField:
			if equalValue(a, b) {
				continue
			}
			var e encoder
			if !isEmpty(b) {
				fmt.Fprintf(&e.buf, "[%s]\n", tomlKey(key))
				if err := e.table([]string{key}, b); err != nil {
					return nil, false
				}
			}
			if t := tables[key]; t != nil {
				switch {
				case isEmpty(b):
					ed.delete(t)
				case merge && ed.merge(t, a, b):
				default:
					ed.replace(t, e.buf.String())
				}
			} else if !isEmpty(b) {
				at := len(lines)
				if len(all) > 0 {
					at = all[0].lead // before the first header and its comment
				}
				ed.insert(at, e.buf.String())
			}
		case arrayTablesField:
			es := entries[key]
			if len(es) != a.Len() || (tables[key] != nil) {
				return nil, false
			}
			if equalValue(a, b) {
				continue
			}
			marshal := func(j int) (string, bool) {
				var e encoder
				if err := e.arrayEntry([]string{key}, b.Index(j)); err != nil {
					return "", false
				}
				return strings.TrimLeft(e.buf.String(), "\n"), true
			}
			for _, op := range diffEntries(a, b) {
				// Entries paired in order are rewritten in place; the rest
				// of the old ones are deleted, the rest of the new ones
				// inserted after the last one rewritten.
				paired := min(op.oldLen, op.newLen)
				for k := range paired {
					if merge && ed.merge(es[op.old+k], a.Index(op.old+k), b.Index(op.new+k)) {
						continue
					}
					s, ok := marshal(op.new + k)
					if !ok {
						return nil, false
					}
					ed.replace(es[op.old+k], s)
				}
				for k := paired; k < op.oldLen; k++ {
					ed.delete(es[op.old+k])
				}
				if op.newLen > paired {
					var texts []string
					for j := op.new + paired; j < op.new+op.newLen; j++ {
						s, ok := marshal(j)
						if !ok {
							return nil, false
						}
						texts = append(texts, s)
					}
					switch before := op.old + paired; {
					case before > 0:
						ed.insert(es[before-1].trail, strings.Join(texts, "\n"))
					case len(es) > 0:
						ed.insert(es[0].lead, strings.Join(texts, "\n"))
					default:
						ed.insert(len(lines), strings.Join(texts, "\n"))
					}
				}
			}
		}
	}
	return ed.apply(), true
}

// entry is the lines of one [[collection]] element or [table]: lines
// start to end (exclusive), its lead comment from lead, its trailing
// comment to trail; next is the entry after it in the file.
type entry struct {
	coll                    string
	table                   bool
	lead, start, end, trail int
	next                    *entry
	keys                    []keySpan // of its own table, not its sub-tables
}

// ownComments finds each entry's lead and trailing comments (see splice).
func ownComments(lines []string, all []*entry) {
	for i, e := range all {
		gapStart := 0
		if i > 0 {
			gapStart = all[i-1].end
			all[i-1].next = e
		}
		e.lead = e.start
		for e.lead > gapStart && isComment(lines[e.lead-1]) {
			e.lead--
		}
		next := len(lines)
		if i+1 < len(all) {
			next = all[i+1].start
		}
		e.trail = e.end
		for e.trail < next && isComment(lines[e.trail]) {
			e.trail++
		}
		if e.trail == next || e.trail == len(lines) || !isBlank(lines[e.trail]) {
			e.trail = e.end // leads the next header, or ends the file: not this entry's
		}
	}
}

func isComment(line string) bool {
	t := strings.TrimSpace(line)
	return t != "" && t[0] == '#'
}

// noHeaderBetween reports whether no header other than sub-tables of top
// lies between lines a and b.
func noHeaderBetween(secs []section, a, b int, top string) bool {
	for _, s := range secs {
		if s.start > a && s.start < b && s.name[0] != top {
			return false
		}
	}
	return true
}

// entryOp is one step of a list edit: old[old:old+oldLen] becomes
// new[new:new+newLen].
type entryOp struct{ old, oldLen, new, newLen int }

// maxDiffCells bounds the work of diffEntries' alignment; past it the
// changed middle of a list is rewritten as a whole.
const maxDiffCells = 4 << 20

// diffEntries finds the entries of list a that changed to make list b:
// entries are compared by their canonical text, the longest common
// subsequence of the two lists is kept as it is, and each run of entries
// between kept ones is replaced, removed or inserted.
func diffEntries(a, b reflect.Value) []entryOp {
	key := func(v reflect.Value) string {
		var e encoder
		if err := e.table(nil, v); err != nil {
			return fmt.Sprintf("%#v", v.Interface()) // unwritable: compared as Go values
		}
		return e.buf.String()
	}
	ka := make([]string, a.Len())
	for i := range ka {
		ka[i] = key(a.Index(i))
	}
	kb := make([]string, b.Len())
	for i := range kb {
		kb[i] = key(b.Index(i))
	}
	// Common prefix and suffix first: the usual edit touches one place.
	p := 0
	for p < len(ka) && p < len(kb) && ka[p] == kb[p] {
		p++
	}
	q := 0
	for q < len(ka)-p && q < len(kb)-p && ka[len(ka)-1-q] == kb[len(kb)-1-q] {
		q++
	}
	ma, mb := ka[p:len(ka)-q], kb[p:len(kb)-q]
	if len(ma) == 0 && len(mb) == 0 {
		return nil
	}
	if len(ma)*len(mb) > maxDiffCells || len(ma) == 0 || len(mb) == 0 {
		return []entryOp{{p, len(ma), p, len(mb)}}
	}
	// lcs[i][j] is the length of the longest common subsequence of
	// ma[i:] and mb[j:].
	w := len(mb) + 1
	lcs := make([]int32, (len(ma)+1)*w)
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	var ops []entryOp
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		if i < len(ma) && j < len(mb) && ma[i] == mb[j] {
			i++
			j++
			continue
		}
		op := entryOp{old: p + i, new: p + j}
		for i < len(ma) || j < len(mb) {
			if i < len(ma) && j < len(mb) && ma[i] == mb[j] {
				break
			}
			if j >= len(mb) || (i < len(ma) && lcs[(i+1)*w+j] >= lcs[i*w+j+1]) {
				i++
				op.oldLen++
			} else {
				j++
				op.newLen++
			}
		}
		ops = append(ops, op)
	}
	return ops
}
