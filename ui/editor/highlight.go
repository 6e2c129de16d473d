package editor

// highlighter keeps, for every line, the lexer state at its start, and the
// spans of the lines lexed so far. States are known up to line valid; the
// rest is worked out when a line further down is first needed, so opening
// a long file lexes only what is shown.
type highlighter struct {
	buf   *Buffer
	lines []lineInfo
	valid int // lines[0..valid] have a correct start state

	scratch []Span
}

type lineInfo struct {
	start lexState
	spans []Span
	lexed bool // spans are those of the line's text from start
}

func newHighlighter(b *Buffer) *highlighter {
	h := &highlighter{buf: b}
	h.reset()
	return h
}

// reset forgets everything (the whole text was replaced).
func (h *highlighter) reset() {
	h.lines = make([]lineInfo, h.buf.LineCount())
	h.lines[0].start = startState
	h.valid = 0
}

// ensure makes the start states correct up to line i.
func (h *highlighter) ensure(i int) {
	i = min(i, len(h.lines)-1)
	for h.valid < i {
		h.stateOnly(h.valid)
		h.valid++
	}
}

// stateOnly is lexAt that keeps no spans (lines run through to reach a
// line further down are not kept highlighted).
func (h *highlighter) stateOnly(i int) {
	li := &h.lines[i]
	if li.lexed {
		h.lexAt(i)
		return
	}
	var end lexState
	h.scratch, end = lexLine(h.buf.Line(i), li.start, h.scratch)
	if next := &h.lines[i+1]; next.start != end {
		next.start = end
		next.lexed = false
	}
}

// lexAt lexes line i from its (correct) start state and sets the next
// line's start state; it reports whether that state was already so.
func (h *highlighter) lexAt(i int) (same bool) {
	li := &h.lines[i]
	var end lexState
	li.spans, end = lexLine(h.buf.Line(i), li.start, li.spans)
	li.lexed = true
	if i+1 < len(h.lines) {
		next := &h.lines[i+1]
		same = next.start == end
		if !same {
			next.start = end
			next.lexed = false
		}
	}
	return same
}

// spans are the spans of line i.
func (h *highlighter) spans(i int) []Span {
	if i < 0 || i >= len(h.lines) {
		return nil
	}
	h.ensure(i)
	if li := &h.lines[i]; !li.lexed {
		h.lexAt(i)
	}
	return h.lines[i].spans
}

// state is the lexer state at the start of line i.
func (h *highlighter) state(i int) lexState {
	h.ensure(i)
	return h.lines[i].start
}

// edited updates the lines after an edit that replaced lines first to
// first+removed-1 with added lines. It re-lexes from first until the start
// state of a line after the edit is unchanged, or, past line until (the
// last line shown), leaves the rest to be re-lexed when needed. It returns
// the number of lines it lexed.
func (h *highlighter) edited(first, removed, added, until int) int {
	if d := added - removed; d > 0 {
		h.lines = append(h.lines, make([]lineInfo, d)...)
		copy(h.lines[first+removed+d:], h.lines[first+removed:])
		clear(h.lines[first+removed : first+added])
	} else if d < 0 {
		copy(h.lines[first+added:], h.lines[first+removed:])
		clear(h.lines[len(h.lines)+d:])
		h.lines = h.lines[:len(h.lines)+d]
	}
	for i := first; i < first+added; i++ {
		h.lines[i].lexed = false
	}
	if h.valid < first {
		return 0 // nothing below was known yet
	}
	oldValid := first // the start states known before the edit, where they are now
	if h.valid >= first+removed {
		oldValid = h.valid + added - removed
	}
	n := 0
	for i := first; i < len(h.lines); i++ {
		same := h.lexAt(i)
		n++
		if i+1 >= first+added && i+1 <= oldValid && same {
			h.valid = oldValid
			return n
		}
		if i >= until && i >= first+added-1 {
			h.valid = i + 1
			return n
		}
	}
	h.valid = len(h.lines) - 1
	return n
}
