package editor

import (
	"strings"
)

// Pos is a place in the text: a 0-based line and a byte offset into that
// line. Positions the widget makes are always at a character (grapheme
// cluster) boundary.
type Pos struct{ Line, Col int }

// Before reports whether p comes before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// order returns a and b, the earlier first.
func order(a, b Pos) (Pos, Pos) {
	if b.Before(a) {
		return b, a
	}
	return a, b
}

// Edit is one change to the text: the text Old between Start and End (as
// they were before the edit) was replaced by New. Edits are what OnChanged
// reports and what Apply takes; Inverse undoes one.
type Edit struct {
	Start, End Pos
	Old, New   string
	// Merge is set when the edit continues the previous one as part of the
	// same typing (characters typed in a row, Backspace held down): an undo
	// history should take them back together.
	Merge bool
}

// NewEnd is where the inserted text ends once the edit is made.
func (e Edit) NewEnd() Pos { return endOf(e.Start, e.New) }

// Inverse is the edit that takes e back.
func (e Edit) Inverse() Edit {
	return Edit{Start: e.Start, End: e.NewEnd(), Old: e.New, New: e.Old}
}

// endOf is where text inserted at p ends.
func endOf(p Pos, text string) Pos {
	n := strings.Count(text, "\n")
	if n == 0 {
		return Pos{p.Line, p.Col + len(text)}
	}
	return Pos{p.Line + n, len(text) - strings.LastIndexByte(text, '\n') - 1}
}

// Buffer is the text as a slice of lines, without their line ends. A text
// whose every line ends in CRLF is kept as lines and a CRLF flag, so that
// Text gives back exactly the text that was set; any other carriage return
// stays in its line.
type Buffer struct {
	lines []string
	crlf  bool
	text  string // Text's result, while textOK
	ok    bool
}

// NewBuffer makes a buffer holding text.
func NewBuffer(text string) *Buffer {
	b := &Buffer{}
	b.SetText(text)
	return b
}

// SetText replaces the whole text.
func (b *Buffer) SetText(text string) {
	n := strings.Count(text, "\n")
	b.crlf = n > 0 && strings.Count(text, "\r\n") == n
	body := text
	if b.crlf {
		body = strings.ReplaceAll(text, "\r\n", "\n")
	}
	b.lines = strings.Split(body, "\n")
	b.text, b.ok = text, true
}

// Text is the whole text, with the line ends it was given.
func (b *Buffer) Text() string {
	if !b.ok {
		sep := "\n"
		if b.crlf {
			sep = "\r\n"
		}
		b.text, b.ok = strings.Join(b.lines, sep), true
	}
	return b.text
}

// Len is the number of bytes Text would return.
func (b *Buffer) Len() int {
	if b.ok {
		return len(b.text)
	}
	n := 0
	for _, l := range b.lines {
		n += len(l)
	}
	eol := 1
	if b.crlf {
		eol = 2
	}
	return n + (len(b.lines)-1)*eol
}

// LineCount is the number of lines (at least 1: an empty text is one
// empty line).
func (b *Buffer) LineCount() int { return len(b.lines) }

// Line is line i without its line end, "" outside the text.
func (b *Buffer) Line(i int) string {
	if i < 0 || i >= len(b.lines) {
		return ""
	}
	return b.lines[i]
}

// End is the position after the last character.
func (b *Buffer) End() Pos {
	n := len(b.lines) - 1
	return Pos{n, len(b.lines[n])}
}

// Clamp brings p inside the text and onto a rune boundary.
func (b *Buffer) Clamp(p Pos) Pos {
	if p.Line < 0 {
		return Pos{}
	}
	if p.Line >= len(b.lines) {
		return b.End()
	}
	l := b.lines[p.Line]
	if p.Col < 0 {
		p.Col = 0
	}
	if p.Col > len(l) {
		p.Col = len(l)
	}
	for p.Col > 0 && p.Col < len(l) && !runeStart(l[p.Col]) {
		p.Col--
	}
	return p
}

func runeStart(c byte) bool { return c&0xC0 != 0x80 }

// Slice is the text between a and b (in either order), with "\n" between
// lines.
func (b *Buffer) Slice(a, z Pos) string {
	a, z = order(b.Clamp(a), b.Clamp(z))
	if a.Line == z.Line {
		return b.lines[a.Line][a.Col:z.Col]
	}
	var s strings.Builder
	s.WriteString(b.lines[a.Line][a.Col:])
	for i := a.Line + 1; i < z.Line; i++ {
		s.WriteByte('\n')
		s.WriteString(b.lines[i])
	}
	s.WriteByte('\n')
	s.WriteString(b.lines[z.Line][:z.Col])
	return s.String()
}

// Replace puts text in place of the range a–z and returns the edit made.
// Line ends in text may be "\n" or "\r\n".
func (b *Buffer) Replace(a, z Pos, text string) Edit {
	a, z = order(b.Clamp(a), b.Clamp(z))
	text = normalizeEOL(text)
	e := Edit{Start: a, End: z, Old: b.Slice(a, z), New: text}
	b.apply(a, z, text)
	return e
}

// normalizeEOL turns CRLF and lone CR line ends into "\n".
func normalizeEOL(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func (b *Buffer) apply(a, z Pos, text string) {
	b.ok = false
	head := b.lines[a.Line][:a.Col]
	tail := b.lines[z.Line][z.Col:]
	if strings.IndexByte(text, '\n') < 0 && a.Line == z.Line {
		b.lines[a.Line] = head + text + tail
		return
	}
	parts := strings.Split(text, "\n")
	parts[0] = head + parts[0]
	parts[len(parts)-1] += tail
	removed := z.Line - a.Line + 1
	switch d := len(parts) - removed; {
	case d > 0:
		b.lines = append(b.lines, make([]string, d)...)
		copy(b.lines[z.Line+1+d:], b.lines[z.Line+1:])
	case d < 0:
		copy(b.lines[z.Line+1+d:], b.lines[z.Line+1:])
		clear(b.lines[len(b.lines)+d:])
		b.lines = b.lines[:len(b.lines)+d]
	}
	copy(b.lines[a.Line:], parts)
}
