package ui

import (
	"image/color"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Preference keys (fyne.Preferences).
const (
	// PrefRecentFiles is the list of recently opened files, newest first.
	PrefRecentFiles = "recentFiles"
	// PrefWindowWidth and PrefWindowHeight are the window's last size.
	PrefWindowWidth  = "windowWidth"
	PrefWindowHeight = "windowHeight"
	// PrefDetail is the last view's detail: 0 people, 1 delegations.
	PrefDetail = "viewDetail"
	// PrefDirection is the last view's direction: 0 left to right, 1 top
	// to bottom.
	PrefDirection = "viewDirection"
	// PrefView is the last view chosen, one of render.Views: shown for
	// a file with none of its own and for unsaved documents.
	PrefView = "viewKind"
	// PrefViewByFile remembers each document's view: "VIEW\tKEY"
	// entries, newest first, KEY as in PrefFileViews (filememory.go).
	PrefViewByFile = "viewByFile"
	// PrefLanes is the timeline's lanes: 0 by actor, 1 by track.
	PrefLanes = "viewLanes"
	// PrefGroup is the grid's rows: 0 by side, 1 by bloc.
	PrefGroup = "viewGroup"
	// PrefCoParticipation is whether the network ties who sits with whom.
	PrefCoParticipation = "viewCoParticipation"
	// PrefVariant is the id of the last variant shown ("" the base
	// scenario).
	PrefVariant = "viewVariant"
	// PrefSplit and PrefProblemsSplit are the last positions of the split
	// between editor and diagram and of the one above the problems list.
	PrefSplit         = "splitOffset"
	PrefProblemsSplit = "problemsSplitOffset"
	// PrefTheme is "system", "light" or "dark".
	PrefTheme = "theme"
)

// Theme choices, the values of PrefTheme.
var themeNames = []string{"system", "light", "dark"}

const maxRecent = 10

func (u *App) prefs() fyne.Preferences { return u.fyneApp.Preferences() }

// prefInt reads an int preference in [0, n).
func (u *App) prefInt(key string, def, n int) int {
	v := u.prefs().IntWithFallback(key, def)
	if v < 0 || v >= n {
		return def
	}
	return v
}

func (u *App) setPrefInt(key string, v int) { u.prefs().SetInt(key, v) }

// Default split positions: the editor takes a bit less than half the
// width; the problems list a strip at the bottom (a header and two or three
// problems in an 800-px window), since most of the time it is empty.
const (
	defaultSplit         = 0.42
	defaultProblemsSplit = 0.85
)

// prefFloat reads a float preference in [lo, hi].
func (u *App) prefFloat(key string, def, lo, hi float64) float64 {
	v := u.prefs().FloatWithFallback(key, def)
	if v < lo || v > hi {
		return def
	}
	return v
}

// recentFiles is the recent files list, newest first.
func (u *App) recentFiles() []string { return u.prefs().StringList(PrefRecentFiles) }

// addRecent puts path first in the recent files, as an absolute path, so
// that the list works wherever Parley is started from next time.
func (u *App) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(u.recentFiles(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	u.prefs().SetStringList(PrefRecentFiles, list)
	u.refreshRecentMenu()
}

// removeRecent takes path off the recent files.
func (u *App) removeRecent(path string) {
	list := slices.DeleteFunc(u.recentFiles(), func(p string) bool { return p == path })
	u.prefs().SetStringList(PrefRecentFiles, list)
	u.refreshRecentMenu()
}

// restoreWindowSize sizes the window as it was last.
func (u *App) restoreWindowSize() {
	w := u.prefs().FloatWithFallback(PrefWindowWidth, 1280)
	h := u.prefs().FloatWithFallback(PrefWindowHeight, 800)
	u.win.Resize(fyne.NewSize(float32(max(w, 640)), float32(max(h, 400))))
}

// saveWindowSize remembers the window's size and split positions.
func (u *App) saveWindowSize() {
	if u.split != nil && u.vsplit != nil {
		u.prefs().SetFloat(PrefSplit, u.split.Offset)
		u.prefs().SetFloat(PrefProblemsSplit, u.vsplit.Offset)
	}
	if c := u.win.Canvas(); c != nil {
		s := c.Size()
		if s.Width > 0 && s.Height > 0 {
			u.prefs().SetFloat(PrefWindowWidth, float64(s.Width))
			u.prefs().SetFloat(PrefWindowHeight, float64(s.Height))
		}
	}
}

// applyThemePref sets the theme the preferences name.
func (u *App) applyThemePref() {
	u.setTheme(u.prefs().StringWithFallback(PrefTheme, "system"))
}

// setTheme switches to "system", "light" or "dark" and remembers it.
func (u *App) setTheme(name string) {
	if !slices.Contains(themeNames, name) {
		name = "system"
	}
	u.prefs().SetString(PrefTheme, name)
	switch name {
	case "light":
		u.fyneApp.Settings().SetTheme(&fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		u.fyneApp.Settings().SetTheme(&fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		u.fyneApp.Settings().SetTheme(theme.DefaultTheme())
	}
}

// fixedVariant is a theme that is always light or always dark.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color gives the base theme's colour for the fixed variant.
func (t *fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
