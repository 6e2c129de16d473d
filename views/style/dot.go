package style

import (
	"math"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// The views laid out by Graphviz (participation, network) write the same
// kind of DOT: text in HTML-like labels, sizes in inches, numbers that are
// the same on every run.

// DOTText escapes s for an HTML-like DOT label: markup characters become
// entities, so nothing in a scenario can close the label or inject
// elements or attributes; line breaks and tabs become spaces (a label's
// lines are separate cells) and other control characters are shown as
// they are drawn (scenario.VisibleControl).
func DOTText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteString(scenario.VisibleControl(r))
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// DOTInches converts points to Graphviz's inches, rounded up so a box is
// never smaller than its text.
func DOTInches(pt float64) string {
	return strconv.FormatFloat(math.Ceil(pt/72*1e4)/1e4, 'f', -1, 64)
}

// DOTNum formats a number with at most two decimals, the same on every run.
func DOTNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
