package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// formatReference is the Markdown Help shows: FormatReference when main
// has set it, else a summary of the format made from the scenario
// package's own lists of keys and allowed values.
func formatReference() string {
	if strings.TrimSpace(FormatReference) != "" {
		return tablesToLists(FormatReference)
	}
	var b strings.Builder
	b.WriteString("# Scenario files\n\n")
	fmt.Fprintf(&b, "A scenario is a TOML file that starts with `format = %d` and a `[scenario]` table with a `title`. "+
		"Then come arrays of tables: `[[sources]]`, `[[actors]]`, `[[tracks]]`, `[[seats]]`, `[[events]]`, `[[statements]]` and `[[variants]]`. "+
		"Ids use lower-case letters, digits, `-`, `_` and `.`. Dates are written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a leading `~` for an approximate date.\n\n", scenario.FormatVersion)
	list := func(title string, vals []string) {
		fmt.Fprintf(&b, "## %s\n\n", title)
		for _, v := range vals {
			fmt.Fprintf(&b, "- `%s`\n", v)
		}
		b.WriteString("\n")
	}
	list("Actor kinds (`kind` of an actor)", strs(scenario.ActorKinds))
	list("Track kinds (`kind` of a track)", strs(scenario.TrackKinds))
	list("Track statuses (`status`)", strs(scenario.TrackStatuses))
	list("Seat roles (`role` of a seat)", strs(scenario.Roles))
	list("Certainties (`certainty`), surest first", strs(scenario.Certainties))
	list("Source reliability (`reliability`, Admiralty grades)", strs(scenario.Reliabilities))
	list("Event kinds (`kind` of an event)", strs(scenario.EventKinds))
	list("Stances (`stance` of a statement)", strs(scenario.Stances))
	b.WriteString("## Keys\n\n")
	for _, t := range formTypes {
		fmt.Fprintf(&b, "- `[[%s]]`: %s\n", t.key, strings.Join(t.keys(), ", "))
	}
	return b.String()
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// showFormatReference opens the format reference in a window of its own,
// or brings that window forward when it is open.
func (u *App) showFormatReference() {
	if u.helpWindow != nil {
		u.helpWindow.RequestFocus()
		return
	}
	rt := widget.NewRichTextFromMarkdown(formatReference())
	rt.Wrapping = fyne.TextWrapWord
	w := u.fyneApp.NewWindow("Scenario format — Parley")
	// Sized before it gets its content: laid out in a window of no size,
	// the wrapped text is measured a word a line, which took 40 s.
	w.Resize(fyne.NewSize(720, 800))
	w.SetContent(container.NewVScroll(rt))
	// Escape and Ctrl+W close it, as they close a dialog.
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			w.Close()
		}
	})
	w.Canvas().AddShortcut(shortcut(fyne.KeyW, false).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.Close() })
	// Quit quits from here too (with the main window's questions).
	w.Canvas().AddShortcut(shortcut(fyne.KeyQ, false).(*desktop.CustomShortcut), func(fyne.Shortcut) { u.closeRequested() })
	w.SetOnClosed(func() {
		if u.helpWindow == w {
			u.helpWindow = nil
		}
	})
	w.Show()
	u.helpWindow = w
}

// showKeys shows every key, in a dialog.
func (u *App) showKeys() {
	rt := widget.NewRichTextFromMarkdown(u.keysHelp())
	rt.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(rt)
	d := dialog.NewCustom("Keyboard shortcuts", "Close", scroll, u.win)
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, max(size.Width-80, 400)), min(700, max(size.Height-80, 360))))
	d.Show()
}

// showAbout shows the version.
func (u *App) showAbout() {
	msg := widget.NewRichTextFromMarkdown(fmt.Sprintf("## Parley %s\n\nMap who sits at which negotiating table, and who is shut out.\n\n"+
		"Diagrams are laid out by Graphviz and drawn in Noto Sans.", Version))
	dialog.ShowCustom("About Parley", "Close", msg, u.win)
}

// tablesToLists rewrites Markdown tables, which Fyne's Markdown renderer
// does not know, as bullet lists: one bullet a row, "first cell: column
// name: cell, …".
func tablesToLists(md string) string {
	var out []string
	var header []string
	inCode := false
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(t, "|") {
			header = nil
			out = append(out, line)
			continue
		}
		cells := strings.Split(strings.Trim(t, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case header == nil:
			header = cells
			continue
		case strings.Trim(strings.Join(cells, ""), "-: ") == "":
			continue // the |---|---| line
		}
		var parts []string
		for i := 1; i < len(cells); i++ {
			if cells[i] == "" {
				continue
			}
			name := ""
			if i < len(header) && header[i] != "" {
				name = header[i] + ": "
			}
			parts = append(parts, name+cells[i])
		}
		out = append(out, "- "+cells[0]+" — "+strings.Join(parts, "; "))
	}
	return strings.Join(out, "\n")
}
