package editor

import (
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/width"
)

// tabWidth is the number of cells between tab stops.
const tabWidth = 4

// cluster is one character as a reader sees it (a grapheme cluster: a
// letter with its combining marks, an emoji sequence) and the cells it
// takes in the monospace grid.
type cluster struct {
	off, end int // bytes of the line
	col      int // first cell
	w        int // cells: 1, 2 for a wide character, up to tabWidth for a tab
	// simple is set for a single rune of the monospace font's scripts
	// (Latin, Greek, Cyrillic …), which can be drawn as part of a run of
	// text and still fall on the grid. Others are drawn one by one, each in
	// its own cells.
	simple bool
}

// layout is a line cut into clusters.
type layout struct {
	cl    []cluster
	cells int // total width
}

// isASCIIPlain reports whether s is printable ASCII without tabs: one
// byte, one cluster, one cell.
func isASCIIPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// lineCells is the width of a line in cells.
func lineCells(s string) int {
	if isASCIIPlain(s) {
		return len(s)
	}
	return layoutOf(s).cells
}

// layoutOf cuts s into clusters.
func layoutOf(s string) layout {
	var lo layout
	if isASCIIPlain(s) {
		lo.cl = make([]cluster, len(s))
		for i := range s {
			lo.cl[i] = cluster{off: i, end: i + 1, col: i, w: 1, simple: true}
		}
		lo.cells = len(s)
		return lo
	}
	runes := []rune(s)
	// byte offset of each rune
	offs := make([]int, len(runes)+1)
	o := 0
	for i, r := range runes {
		offs[i] = o
		o += utf8.RuneLen(r)
		if r == utf8.RuneError && o <= len(s) {
			// an invalid byte decodes as RuneError, one byte long
			if _, n := utf8.DecodeRuneInString(s[offs[i]:]); n == 1 {
				o = offs[i] + 1
			}
		}
	}
	offs[len(runes)] = len(s)
	var seg segmenter.Segmenter
	seg.Init(runes)
	it := seg.GraphemeIterator()
	col := 0
	for it.Next() {
		g := it.Grapheme()
		first := g.Text[0]
		c := cluster{off: offs[g.Offset], end: offs[g.Offset+len(g.Text)], col: col}
		c.w = runeCells(first, col)
		c.simple = len(g.Text) == 1 && c.w == 1 && first >= 0x20 && first < 0x0590 &&
			!(first >= 0x7f && first < 0xa0) && !unicode.Is(unicode.Cf, first)
		col += c.w
		lo.cl = append(lo.cl, c)
	}
	lo.cells = col
	return lo
}

// runeCells is the width of a cluster starting with r at cell col.
func runeCells(r rune, col int) int {
	if r == '\t' {
		return tabWidth - col%tabWidth
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// shown is how a cluster is drawn: control and invisible format
// characters (a zero-width space, a bidi override) get a visible stand-in
// so that nothing in the file is hidden.
func shown(s string) (text string, special bool) {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r == '\t':
		return "", false
	case r < 0x20:
		return string(rune(0x2400 + r)), true // control pictures: ␀ … ␟
	case r == 0x7f:
		return "␡", true
	case r >= 0x80 && r < 0xa0, r == utf8.RuneError && len(s) == 1:
		return "�", true
	case unicode.Is(unicode.Cf, r):
		return "⸱", true
	}
	return s, false
}

// colOf is the cell at which byte off of the line starts.
func (lo layout) colOf(off int) int {
	for _, c := range lo.cl {
		if off < c.end {
			if off <= c.off {
				return c.col
			}
			return c.col
		}
	}
	return lo.cells
}

// offAt is the byte offset of the cluster boundary nearest to cell
// position x (a fraction of cells, from a mouse position).
func (lo layout) offAt(x float32) int {
	for _, c := range lo.cl {
		if x < float32(c.col)+float32(c.w)/2 {
			return c.off
		}
	}
	if len(lo.cl) == 0 {
		return 0
	}
	return lo.cl[len(lo.cl)-1].end
}

// offAtCol is the byte offset of the boundary at or before cell col (for
// moving up and down keeping the column).
func (lo layout) offAtCol(col int) int {
	for _, c := range lo.cl {
		if col < c.col+c.w {
			if col-c.col > c.w/2 && c.w > 1 {
				return c.end
			}
			return c.off
		}
	}
	if len(lo.cl) == 0 {
		return 0
	}
	return lo.cl[len(lo.cl)-1].end
}

// next is the boundary after off, prev the one before.
func (lo layout) next(off int) int {
	for _, c := range lo.cl {
		if c.off >= off && c.end > off {
			return c.end
		}
	}
	return off
}

func (lo layout) prev(off int) int {
	p := 0
	for _, c := range lo.cl {
		if c.end >= off {
			if c.off < off {
				return c.off
			}
			return p
		}
		p = c.end
	}
	return p
}

// snap moves off to the start of its cluster.
func (lo layout) snap(off int) int {
	for _, c := range lo.cl {
		if off < c.end {
			return c.off
		}
	}
	if len(lo.cl) == 0 {
		return 0
	}
	return lo.cl[len(lo.cl)-1].end
}
