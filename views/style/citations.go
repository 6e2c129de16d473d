package style

import (
	"fmt"
	"slices"
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
// "[1]", "[1, 3]" or, for runs, "[1–4, 7]"; "" when none is known.
func (c *Citations) Cite(ids []string) string {
	var nums []int
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
		if !slices.Contains(nums, n) {
			nums = append(nums, n)
		}
	}
	if len(nums) == 0 {
		return ""
	}
	slices.Sort(nums)
	var parts []string
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(nums[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(nums[i]), strconv.Itoa(nums[j]))
		default:
			parts = append(parts, strconv.Itoa(nums[i])+"–"+strconv.Itoa(nums[j]))
		}
		i = j + 1
	}
	return "[" + strings.Join(parts, ", ") + "]"
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

// footerColumn is the width of a column of the sources footer.
const footerColumn = 330.0

// AppendFooter draws the numbered sources from (x, y) under a "Sources"
// heading: in one column, or, when there are many, in up to three
// columns side by side, each entry on one line (shortened if need be), so
// that a long list does not make a picture tall. The columns fit maxW
// where it allows; it returns the items and the footer's width and
// height (zero when nothing was cited).
func (c *Citations) AppendFooter(items []drawing.Item, x, y, maxW float64) ([]drawing.Item, float64, float64) {
	if len(c.order) == 0 {
		return items, 0, 0
	}
	head := Measure("Sources", drawing.Bold, LegendSize, Ink)
	items = append(items, TextAt(head, x, y, drawing.AnchorStart, ""))
	top := y + LineHeight(head.Font, head.Size)
	entries := c.Entries()
	lh := LineHeight(drawing.Regular, DetailSize)
	cols := 1
	if len(entries) > 6 {
		cols = max(1, min(3, (len(entries)+5)/6, int((maxW+16)/(footerColumn+16))))
	}
	if cols == 1 {
		w := head.W
		for _, e := range entries {
			for _, l := range Wrap(e, drawing.Regular, DetailSize, Muted, min(maxW, max(footerColumn, 640))) {
				items = append(items, TextAt(l, x, top, drawing.AnchorStart, ""))
				top += lh
				w = max(w, l.W)
			}
		}
		return items, w, top - y
	}
	rows := (len(entries) + cols - 1) / cols
	colW := max(footerColumn, min(520, (maxW+16)/float64(cols)-16)) // wider where the picture is
	for i, e := range entries {
		col, row := i/rows, i%rows
		l := Measure(Shorten(e, drawing.Regular, DetailSize, colW), drawing.Regular, DetailSize, Muted)
		items = append(items, TextAt(l, x+float64(col)*(colW+16), top+float64(row)*lh, drawing.AnchorStart, ""))
	}
	return items, float64(cols)*(colW+16) - 16, top + float64(rows)*lh - y
}

// SourceText names a source in full: publisher and date, title,
// reliability grade and address.
func SourceText(src *scenario.Source) string {
	if src == nil {
		return ""
	}
	who := JoinNonEmpty(", ", src.Publisher, src.Date.Human())
	text := JoinNonEmpty(": ", who, OneLine(src.Title))
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

// JoinNonEmpty joins the parts that are not blank with sep, each trimmed:
// the words of a label or a tooltip line, whichever of them there are.
func JoinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
