package describe

import (
	"fmt"
	"strings"
)

// Text is the description as plain text: a heading block, then each
// track with its seats indented below it, what the variant changes and
// the sources. Lines end in "\n".
func (d *Description) Text() string {
	var b strings.Builder
	b.WriteString(d.Title + "\n")
	b.WriteString(d.dayLine() + "\n")
	if d.Variant != "" {
		b.WriteString("What if: " + d.Variant + "\n")
	}
	if d.Selection != "" {
		b.WriteString("Showing only: " + d.Selection + "\n")
	}
	if d.Summary != "" {
		b.WriteString("\n" + d.Summary + "\n")
	}
	b.WriteString("\n" + d.countLine() + "\n")
	for i, t := range d.Tracks {
		fmt.Fprintf(&b, "\n%d. %s%s\n", i+1, t.Name, whatIfMark(t.WhatIf))
		if t.About != "" {
			b.WriteString("   " + sentence(capital(t.About)) + "\n")
		}
		for _, g := range t.Seats {
			b.WriteString("   " + sentence(g.Heading+": "+andList(g.Actors)+" — "+g.Attribution) + "\n")
		}
		for _, gone := range t.Gone {
			b.WriteString("   " + sentence("Gone: "+gone) + "\n")
		}
		if t.Nobody && len(t.Gone) == 0 {
			b.WriteString("   No one is shown at this table.\n")
		}
	}
	if d.Changes != nil {
		b.WriteString("\nWhat the variant changes against the base:\n")
		for _, c := range d.Changes {
			b.WriteString("- " + c + "\n")
		}
	}
	if len(d.Sources) > 0 {
		b.WriteString("\nSources:\n")
		for _, s := range d.Sources {
			b.WriteString("- " + s + "\n")
		}
	}
	return b.String()
}

// Markdown is the description as CommonMark: the title a heading, a
// section per track with a list of its seats, then what the variant
// changes and the sources. Scenario text is escaped, so none of it
// becomes markup.
func (d *Description) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + md(d.Title) + "\n\n")
	b.WriteString(md(d.dayLine()) + "\n")
	if d.Variant != "" {
		b.WriteString("\n**What if:** " + md(d.Variant) + "\n")
	}
	if d.Selection != "" {
		b.WriteString("\n**Showing only:** " + md(d.Selection) + "\n")
	}
	if d.Summary != "" {
		b.WriteString("\n" + mdLine(d.Summary) + "\n")
	}
	b.WriteString("\n" + md(d.countLine()) + "\n")
	for i, t := range d.Tracks {
		fmt.Fprintf(&b, "\n## %d. %s%s\n\n", i+1, md(t.Name), md(whatIfMark(t.WhatIf)))
		if t.About != "" {
			b.WriteString(mdLine(sentence(capital(t.About))) + "\n\n")
		}
		for _, g := range t.Seats {
			b.WriteString("- **" + md(g.Heading) + ":** " + md(andList(g.Actors)) + " — " + md(g.Attribution) + "\n")
		}
		for _, gone := range t.Gone {
			b.WriteString("- **Gone:** " + md(gone) + "\n")
		}
		if t.Nobody && len(t.Gone) == 0 {
			b.WriteString("- No one is shown at this table.\n")
		}
	}
	if d.Changes != nil {
		b.WriteString("\n## What the variant changes against the base\n\n")
		for _, c := range d.Changes {
			b.WriteString("- " + md(c) + "\n")
		}
	}
	if len(d.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
		for _, s := range d.Sources {
			b.WriteString("- " + md(s) + "\n")
		}
	}
	return b.String()
}

func (d *Description) dayLine() string {
	if d.AsOf == "" {
		return "Every date: what holds on any day of the scenario."
	}
	return "As of " + d.AsOf + "."
}

// countLine says how much the picture holds: "5 tracks, 21 seats."
func (d *Description) countLine() string {
	seats := 0
	for _, t := range d.Tracks {
		for _, g := range t.Seats {
			seats += len(g.Actors)
		}
	}
	if len(d.Tracks) == 0 {
		return "No track is shown."
	}
	return plural(len(d.Tracks), "track", "tracks") + " (negotiating tables), " + plural(seats, "seat", "seats") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func whatIfMark(on bool) string {
	if on {
		return " [what if: added or changed by the variant]"
	}
	return ""
}

// sentence ends s with a full stop unless it ends in punctuation already.
func sentence(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// mdSpecial are the characters that could make markup of scenario text;
// CommonMark lets every ASCII punctuation character be escaped.
const mdSpecial = "\\`*_[]<>#|~&"

// md escapes text for inline Markdown.
func md(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLine escapes text that starts a paragraph, where "-", "+", "1." or
// "=" would start a list or a heading.
func mdLine(s string) string {
	s = md(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return "\\" + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}
