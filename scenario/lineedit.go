package scenario

import (
	"reflect"
	"slices"
	"strings"
)

// The line edits splice collects: which lines of the original text go,
// which are written anew, where new entries go, applied all at once (see
// splice for whose lines are whose).

// lineEdit collects deletions, rewrites and insertions of whole lines of
// the original text, and applies them at once.
type lineEdit struct {
	lines     []string
	deleted   []*entry
	rewritten []bool           // lines of rewritten entries
	newText   map[int]string   // first line of a rewritten entry → its new text
	inserts   map[int][]string // line → new entries written before it
}

func newLineEdit(lines []string) *lineEdit {
	return &lineEdit{lines: lines, rewritten: make([]bool, len(lines)), newText: map[int]string{}, inserts: map[int][]string{}}
}

// replace rewrites an entry's own lines (not its comments).
func (ed *lineEdit) replace(e *entry, text string) {
	for i := e.start; i < e.end; i++ {
		ed.rewritten[i] = true
	}
	ed.newText[e.start] = text
}

func (ed *lineEdit) delete(e *entry) { ed.deleted = append(ed.deleted, e) }

func (ed *lineEdit) insert(at int, text string) { ed.inserts[at] = append(ed.inserts[at], text) }

// removed marks the lines the deletions take: each entry with its
// comments, except a lead comment that may head a group going on after
// it: when the first entry after it that is not deleted too is of the
// same collection and has no lead comment of its own, with only blank
// lines or deleted entries between, the comment stays and the lines up to
// that entry go, so that it leads it.
func (ed *lineEdit) removed() []bool {
	gone := map[*entry]bool{}
	inGone := make([]bool, len(ed.lines)) // lines of deleted entries, comments included
	for _, e := range ed.deleted {
		gone[e] = true
		for i := e.lead; i < e.trail; i++ {
			inGone[i] = true
		}
	}
	removed := make([]bool, len(ed.lines))
	for _, e := range ed.deleted {
		from, to := e.lead, e.trail
		if e.lead < e.start && !e.table {
			heir := e.next
			for heir != nil && gone[heir] {
				heir = heir.next
			}
			if heir != nil && !heir.table && heir.coll == e.coll && heir.lead == heir.start && ed.onlyBlankOrGone(e.trail, heir.start, inGone) {
				from, to = e.start, heir.start
			}
		}
		for i := from; i < to; i++ {
			removed[i] = true
		}
	}
	return removed
}

// onlyBlankOrGone reports whether lines a to b are blank or lines of
// deleted entries.
func (ed *lineEdit) onlyBlankOrGone(a, b int, inGone []bool) bool {
	for i := a; i < b; i++ {
		if !isBlank(ed.lines[i]) && !inGone[i] {
			return false
		}
	}
	return true
}

// merge rewrites only the keys of entry e that differ between the structs
// a (what the entry holds now) and b, keeping its other lines, comments
// and layout; it reports false, changing nothing, when it cannot: a
// nested table or list differs, or a key is dotted, repeated or not where
// it is expected.
func (ed *lineEdit) merge(e *entry, a, b reflect.Value) bool {
	byName := map[string]keySpan{}
	for _, k := range e.keys {
		if _, dup := byName[k.name]; dup || k.name == "" {
			return false
		}
		byName[k.name] = k
	}
	type change struct {
		k    keySpan
		text string // "" to delete
	}
	var changes []change
	var adds []string
	fa, fb := fields(a), fields(b)
	for i := range fa {
		x, y := fa[i].v, fb[i].v
		if equalValue(x, y) {
			continue
		}
		if kindOf(x.Type()) != scalarField {
			return false
		}
		key := fa[i].key
		k, found := byName[key]
		if found == isEmpty(x) { // present but empty, or set but not written here
			return false
		}
		line := ""
		if !isEmpty(y) {
			var enc encoder
			if err := enc.value(y); err != nil {
				return false
			}
			line = tomlKey(key) + " = " + enc.buf.String()
		}
		if found {
			changes = append(changes, change{k, line})
		} else {
			adds = append(adds, line)
		}
	}
	lines := slices.Clone(ed.lines[e.start:e.end])
	indent := func(i int) string {
		l := lines[i]
		return l[:len(l)-len(strings.TrimLeft(l, " \t"))]
	}
	drop := make([]bool, len(lines))
	for _, c := range changes {
		f, l := c.k.first-e.start, c.k.last-e.start
		if f < 0 || l >= len(lines) || f > l {
			return false
		}
		for j := f; j <= l; j++ {
			drop[j] = true
		}
		if c.text != "" {
			text := indent(f) + c.text
			if t := strings.TrimSpace(c.k.tail); strings.HasPrefix(t, "#") {
				text += " " + t // the comment at the end of the line
			}
			lines[f], drop[f] = text+"\n", false
		}
	}
	var out strings.Builder
	last := 0 // where new keys go: after the last key line
	for _, k := range e.keys {
		last = max(last, k.last-e.start+1)
	}
	if len(e.keys) == 0 {
		last = 1 // after the header
	}
	for j, l := range lines {
		if !drop[j] {
			out.WriteString(l)
			if !strings.HasSuffix(l, "\n") {
				out.WriteByte('\n')
			}
		}
		if j == last-1 {
			in := indent(max(last-1, 0))
			for _, a := range adds {
				out.WriteString(in + a + "\n")
			}
		}
	}
	ed.replace(e, out.String())
	return true
}

// apply writes the edited text. A deleted entry between blank lines would
// leave a double one: the blank lines after it go too (or those before
// it, when nothing but blank lines follows it).
func (ed *lineEdit) apply() []byte {
	n := len(ed.lines)
	removed := ed.removed()
	gone := make([]bool, n)
	for i := range gone {
		gone[i] = removed[i] || ed.rewritten[i]
	}
	for i := 0; i < n; {
		if !removed[i] {
			i++
			continue
		}
		j := i
		for j < n && removed[j] {
			j++
		}
		k := j
		for k < n && !gone[k] && isBlank(ed.lines[k]) && len(ed.inserts[k]) == 0 {
			k++
		}
		p := i - 1
		for p >= 0 && gone[p] {
			p--
		}
		switch {
		case k == n && len(ed.inserts[n]) == 0: // nothing follows: no blank line at the end
			for b := j; b < n; b++ {
				gone[b] = true
			}
			for ; p >= 0 && isBlank(ed.lines[p]); p-- {
				gone[p] = true
			}
		case p < 0 || isBlank(ed.lines[p]): // a blank line (or the start) is before it already
			for b := j; b < k; b++ {
				gone[b] = true
			}
		}
		i = j
	}
	var b strings.Builder
	write := func(text string) {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
		b.WriteString(text)
	}
	for i := 0; i <= n; i++ {
		for _, t := range ed.inserts[i] {
			if s := b.String(); s != "" && !strings.HasSuffix(s, "\n\n") {
				write("\n")
			}
			write(t)
			if i < n && !gone[i] && !isBlank(ed.lines[i]) {
				write("\n")
			}
		}
		if i == n {
			break
		}
		if t, ok := ed.newText[i]; ok {
			write(t)
		}
		if !gone[i] {
			write(ed.lines[i])
		}
	}
	return []byte(b.String())
}
