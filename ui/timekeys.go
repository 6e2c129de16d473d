package ui

import (
	"strings"

	"fyne.io/fyne/v2"

	"github.com/parleyhq/parley/scenario"
)

// The time bar's part of the window: its menu and keys, what it does when
// a document opens or loads, and its lines in the keyboard help.

// documentOpened starts a new document on the day and variant remembered
// for it (else on its as_of, keeping the variant picked), and leaves
// Compare mode.
func (u *App) documentOpened() {
	t := u.time
	t.stopPlay()
	t.chosen = scenario.Date{}
	if v, d, ok := u.recallFileView(); ok {
		u.preview.wanted = v
		t.chosen = d
	}
	u.leaveCompare()
	t.update(nil)
}

// timeMenu is the Time menu: the time bar's commands with their keys,
// and Compare.
func (u *App) timeMenu() *fyne.Menu {
	return fyne.NewMenu("Time",
		item("Previous Date", shortcut(fyne.KeyLeftBracket, false), func() { u.timeStep(false) }),
		item("Next Date", shortcut(fyne.KeyRightBracket, false), func() { u.timeStep(true) }),
		fyne.NewMenuItem("Play Dates / Stop", u.time.togglePlay),
		fyne.NewMenuItem("Back to the File's as_of", u.time.toFileDate),
		fyne.NewMenuItemSeparator(),
		item("Compare…", shortcut(fyne.KeyD, true), u.enterCompare),
		fyne.NewMenuItem("Back to the Preview", u.leaveCompare),
	)
}

// timeStep steps the time bar to the next or previous mark, and says so
// when there is none.
func (u *App) timeStep(forward bool) {
	t := u.time
	t.stopPlay()
	if t.stepTo(forward) {
		return
	}
	switch {
	case !t.hasSpn:
		u.setStatus("This file has no dates to step through.")
	case forward:
		u.setStatus("Nothing dated after " + t.date.Text + ".")
	default:
		u.setStatus("Nothing dated before " + t.date.Text + ".")
	}
}

// timeRune takes the time bar's plain keys while the preview has the
// focus: [ and ] step, space plays; it reports whether it took r.
func (u *App) timeRune(r rune) bool {
	switch r {
	case '[':
		u.timeStep(false)
	case ']':
		u.timeStep(true)
	case ' ':
		u.time.togglePlay()
	default:
		return false
	}
	return true
}

// timeLoaded takes a scenario that loaded: the time bar's span and
// ticks, and Compare's pictures of the text.
func (u *App) timeLoaded(s *scenario.Scenario) {
	u.time.update(s)
	if u.compare != nil {
		u.compare.modelChanged()
	}
}

// timeKeysHelp is the time bar's part of Help › Keyboard Shortcuts.
func timeKeysHelp() string {
	var b strings.Builder
	b.WriteString("\n## The date\n\n")
	for _, row := range [][2]string{
		{"[ and ] in the diagram, " + shortcutText(shortcut(fyne.KeyLeftBracket, false)) + " and " + shortcutText(shortcut(fyne.KeyRightBracket, false)) + " everywhere", "the previous and next date in the file (a tick under the slider)"},
		{"Space in the diagram", "Play the dates one after another, or stop"},
		{"Left, Right on the slider", "a day earlier or later"},
		{shortcutText(shortcut(fyne.KeyD, true)), "Compare two pictures: base, variants, days, the saved file, another file"},
		{"Escape (nothing focused)", "back from Compare to the preview"},
	} {
		b.WriteString("- **" + row[0] + "**: " + row[1] + "\n")
	}
	return b.String()
}
