package grid

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// CSV writes the table as comma-separated values (RFC 4180, UTF-8): a
// header row "Group, Side, Actor, Actor ID" (the side being the actor a
// person represents, or the actor itself) and a column per track (its name),
// then a row per actor whose cells say each seat as "role (certainty, …)",
// several separated by "; ". A cell that a spreadsheet would take for a
// formula (starting with =, +, -, @) is prefixed with an apostrophe.
func (t *Table) CSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := []string{"Group", "Side", "Actor", "Actor ID"}
	for _, c := range t.Columns {
		header = append(header, style.OneLine(c.Name))
	}
	records := [][]string{header}
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			rec := []string{style.OneLine(g.Name), style.OneLine(t.side(r.Actor).Name), RowLabel(r), r.Actor.ID}
			for _, seats := range r.Cells {
				var parts []string
				for _, s := range seats {
					parts = append(parts, t.seatText(s))
				}
				rec = append(rec, strings.Join(parts, "; "))
			}
			records = append(records, rec)
		}
	}
	for _, rec := range records {
		for i := range rec {
			rec[i] = NoFormula(rec[i])
		}
	}
	if err := cw.WriteAll(records); err != nil {
		return fmt.Errorf("render: writing CSV: %w", err)
	}
	return nil
}

// NoFormula keeps a spreadsheet from running a cell as a formula: text
// starting with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets hide.
func NoFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// seatText is a seat in words: "participant (claimed, per Kellogg)".
func (t *Table) seatText(s *Seat) string {
	return string(s.Role) + " (" + strings.Join(t.Words(s), ", ") + ")"
}

// Markdown writes the table as a GitHub-flavoured Markdown document: the
// heading, one table with a row per actor (a group's name in bold above
// its rows), each seat as its role's glyph, role and words, then what the
// glyphs mean and the sources.
func (t *Table) Markdown(w io.Writer) error {
	var b strings.Builder
	meta := t.sel.Scenario.Meta
	title := style.OneLine(meta.Title)
	if title == "" {
		title = "Untitled scenario"
	}
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(title))
	sub := []string{"Participation grid"}
	if !t.asOf.IsZero() {
		sub = append(sub, "As of "+t.asOf.Human())
	}
	switch {
	case t.sel.Variant != nil:
		sub = append(sub, "What if: "+style.OneLine(t.sel.Variant.Name))
	case len(t.sel.Scenario.Variants) > 0:
		sub = append(sub, "Base scenario")
	}
	fmt.Fprintf(&b, "%s\n\n", mdEscape(strings.Join(sub, " · ")))
	if d := t.sel.Describe(); d != "" {
		fmt.Fprintf(&b, "**%s**\n\n", mdEscape(d))
	}
	if len(t.Groups) == 0 {
		b.WriteString("_Nothing to show: no seats at any track in this picture._\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	cites := style.NewCitations(t.sel.Picture)
	b.WriteString("| Actor |")
	for i, c := range t.Columns {
		head := mdEscape(style.OneLine(c.Name))
		if when := style.TrackWhen(c); when != "" {
			head += " (" + mdEscape(when) + ")"
		}
		ids := append([]string(nil), c.Sources...)
		for _, g := range t.Groups {
			for _, r := range g.Rows {
				for _, s := range r.Cells[i] {
					ids = appendNew(ids, s.Sources...)
				}
			}
		}
		if cite := cites.Cite(ids); cite != "" {
			head += " " + mdEscape(cite)
		}
		b.WriteString(" " + head + " |")
	}
	b.WriteString("\n|---|")
	for range t.Columns {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	roles := map[scenario.Role]bool{}
	for _, g := range t.Groups {
		if t.groupHeader(g) {
			b.WriteString("| **" + mdEscape(g.Name) + "** |" + strings.Repeat(" |", len(t.Columns)) + "\n")
		}
		for _, r := range g.Rows {
			label := RowLabel(r)
			if side := t.side(r.Actor); r.Person && t.opts.Group == ByBloc {
				label += " (" + style.OneLine(side.Label()) + ")"
			}
			label = mdEscape(label)
			if r.Person {
				label = "↳ " + label
			}
			b.WriteString("| " + label + " |")
			for _, seats := range r.Cells {
				var parts []string
				for _, s := range seats {
					roles[s.Role] = true
					parts = append(parts, mdEscape(style.RoleGlyph(s.Role)+" "+t.seatText(s)))
				}
				b.WriteString(" " + strings.Join(parts, "<br>") + " |")
			}
			b.WriteString("\n")
		}
	}
	var key []string
	for _, r := range scenario.Roles {
		if roles[r] {
			key = append(key, style.RoleGlyph(r)+" "+string(r))
		}
	}
	fmt.Fprintf(&b, "\n%s\n", mdEscape(strings.Join(key, " · ")))
	if cites.Len() > 0 {
		b.WriteString("\nSources:\n\n")
		for _, e := range cites.Entries() {
			b.WriteString("- " + mdEscape(e) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("render: writing Markdown: %w", err)
	}
	return nil
}

// mdEscape makes text literal in Markdown: on one line, with the
// characters that would start emphasis, links, code, HTML or a table cell
// escaped.
func mdEscape(s string) string {
	s = style.OneLine(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '|', '*', '_', '[', ']', '`', '#', '~', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
