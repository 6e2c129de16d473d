package style

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// Citations numbers the sources a view cites, in the order they are first
// cited, so that a mark can say "[2]" and a footer list what 2 is.
type Citations struct {
	pic   *scenario.Picture
	order []string
	num   map[string]int
}

// NewCitations starts numbering the sources of pic.
func NewCitations(pic *scenario.Picture) *Citations {
	return &Citations{pic: pic, num: map[string]int{}}
}

// Cite numbers the known sources among ids and returns their marker,
// "[1]" or "[1, 3]"; "" when none is known.
func (c *Citations) Cite(ids []string) string {
	var nums []string
	for _, id := range ids {
		if c.pic.Source(id) == nil {
			continue
		}
		n, ok := c.num[id]
		if !ok {
			c.order = append(c.order, id)
			n = len(c.order)
			c.num[id] = n
		}
		s := strconv.Itoa(n)
		if !containsString(nums, s) {
			nums = append(nums, s)
		}
	}
	if len(nums) == 0 {
		return ""
	}
	return "[" + strings.Join(nums, ", ") + "]"
}

// Len is how many sources have been cited.
func (c *Citations) Len() int { return len(c.order) }

// Entries are the footer's lines, one per cited source in number order:
// "[1] CNN, 16 Feb 2025: Title (reliability B) https://…".
func (c *Citations) Entries() []string {
	out := make([]string, len(c.order))
	for i, id := range c.order {
		out[i] = fmt.Sprintf("[%d] %s", i+1, SourceText(c.pic.Source(id)))
	}
	return out
}

// Footer is the numbered sources as a block no wider than maxW, under a
// "Sources" heading; empty when nothing was cited.
func (c *Citations) Footer(maxW float64) Block {
	if len(c.order) == 0 {
		return Block{}
	}
	lines := []Line{Measure("Sources", drawing.Bold, LegendSize, Ink)}
	for _, e := range c.Entries() {
		lines = append(lines, Wrap(e, drawing.Regular, DetailSize, Muted, maxW)...)
	}
	return Stack(lines...)
}

// SourceText names a source in full: publisher and date, title,
// reliability grade and address.
func SourceText(src *scenario.Source) string {
	if src == nil {
		return ""
	}
	who := joinNonEmpty(", ", src.Publisher, src.Date.Human())
	text := joinNonEmpty(": ", who, OneLine(src.Title))
	if text == "" {
		text = src.ID
	}
	if src.Reliability != "" {
		text += " (reliability " + string(src.Reliability) + ")"
	}
	if src.URL != "" {
		text += " " + src.URL
	}
	return text
}

// SourceList is the sources among ids, one per line, for a tooltip:
// "Source: CNN, 16 Feb 2025: Title"; "" when none is known.
func SourceList(pic *scenario.Picture, ids []string) string {
	var lines []string
	for _, id := range ids {
		if src := pic.Source(id); src != nil {
			lines = append(lines, SourceText(src))
		}
	}
	switch len(lines) {
	case 0:
		return "No source cited"
	case 1:
		return "Source: " + lines[0]
	}
	return "Sources:\n" + strings.Join(lines, "\n")
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
