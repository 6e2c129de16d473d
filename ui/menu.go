package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/parleyhq/parley/render"
)

// shortcut is a key with the platform's shortcut modifier (Ctrl, or Cmd on
// macOS), plus shift when asked.
func shortcut(k fyne.KeyName, shift bool) fyne.Shortcut {
	m := fyne.KeyModifierShortcutDefault
	if shift {
		m |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

// buildMenu makes the main menu. Undo and Redo use Fyne's own ShortcutUndo
// and ShortcutRedo: the desktop driver turns Ctrl+Z / Ctrl+Y (Cmd on
// macOS) into those, never into a custom shortcut, so that is the only way
// the menu items get the keys (and the text editor does not keep them).
func (u *App) buildMenu() *fyne.MainMenu {
	u.recent = fyne.NewMenu("Open Recent")
	openRecent := fyne.NewMenuItem("Open Recent", nil)
	openRecent.ChildMenu = u.recent
	u.refreshRecentMenu()

	newMenu := fyne.NewMenu("New",
		item("Blank Scenario", shortcut(fyne.KeyN, false), u.newBlank),
		fyne.NewMenuItem("From the Example", u.newFromExample),
	)
	newItem := fyne.NewMenuItem("New", nil)
	newItem.ChildMenu = newMenu

	quit := fyne.NewMenuItem("Quit", u.closeRequested)
	quit.IsQuit = true
	quit.Shortcut = shortcut(fyne.KeyQ, false)

	file := fyne.NewMenu("File",
		newItem,
		item("Open…", shortcut(fyne.KeyO, false), u.openDialog),
		openRecent,
		fyne.NewMenuItemSeparator(),
		item("Save", shortcut(fyne.KeyS, false), func() { u.save(nil) }),
		item("Save As…", shortcut(fyne.KeyS, true), func() { u.saveAs(nil) }),
		item("Reload", shortcut(fyne.KeyR, false), u.reload),
		item("Close", shortcut(fyne.KeyW, false), u.closeFile),
		fyne.NewMenuItemSeparator(),
		u.exportItem("Export PNG…", shortcut(fyne.KeyE, false), render.PNG),
		u.exportItem("Export SVG…", shortcut(fyne.KeyE, true), render.SVG),
		u.exportItem("Export PDF…", nil, render.PDF),
		u.exportItem("Export DOT…", nil, render.DOT),
		u.exportItem("Export CSV…", nil, render.CSV),
		u.exportItem("Export Markdown…", nil, render.MD),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		item("Undo", &fyne.ShortcutUndo{}, u.undo),
		item("Redo", &fyne.ShortcutRedo{}, u.redo),
		fyne.NewMenuItemSeparator(),
		item("Find…", shortcut(fyne.KeyF, false), u.find),
		item("Replace…", shortcut(fyne.KeyH, false), func() { u.showTab(0); u.editor.ed.ShowFind(true) }),
		item("Go to Line…", shortcut(fyne.KeyG, false), func() { u.showTab(0); u.editor.ed.ShowGotoLine() }),
	)
	u.themeItems = nil
	themeMenu := fyne.NewMenu("Theme")
	for _, name := range themeNames {
		it := fyne.NewMenuItem(titleCase(name), nil)
		it.Action = func() {
			u.setTheme(name)
			u.refreshThemeMenu()
		}
		themeMenu.Items = append(themeMenu.Items, it)
		u.themeItems = append(u.themeItems, it)
	}
	themeItem := fyne.NewMenuItem("Theme", nil)
	themeItem.ChildMenu = themeMenu
	u.refreshThemeMenu()
	view := fyne.NewMenu("View")
	view.Items = append(view.Items,
		item("Text", shortcut(fyne.Key1, false), func() { u.showTab(0) }),
		item("Forms", shortcut(fyne.Key2, false), func() { u.showTab(1) }),
		item("Matrix", shortcut(fyne.Key3, false), func() { u.showTab(2) }),
		fyne.NewMenuItemSeparator(),
	)
	view.Items = append(view.Items, u.viewMenuItems()...)
	view.Items = append(view.Items,
		fyne.NewMenuItemSeparator(),
		item("Focus on the Selection", nil, func() { u.preview.find.focusSelection() }),
		item("Show Everything", nil, func() { u.preview.find.clearFocus() }),
		item("Filters…", nil, func() { u.preview.find.showFilters() }),
		item("Search the Diagram…", nil, u.findInDiagram),
		fyne.NewMenuItemSeparator(),
		item("Zoom In", shortcut(fyne.KeyEqual, false), func() { u.preview.view.zoomIn() }),
		item("Zoom Out", shortcut(fyne.KeyMinus, false), func() { u.preview.view.zoomOut() }),
		item("Fit to Window", shortcut(fyne.Key0, false), func() { u.preview.view.fit() }),
		item("Actual Size (100%)", shortcut(fyne.Key1, true), func() { u.preview.view.actualSize() }),
		fyne.NewMenuItemSeparator(),
		themeItem,
		item("Describe in Words…", shortcut(fyne.KeyI, true), u.showDescription),
		item("Command Palette…", shortcut(fyne.KeyP, true), u.showPalette),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard Shortcuts", u.showKeys),
		fyne.NewMenuItem("Scenario Format Reference", u.showFormatReference),
		fyne.NewMenuItem("About Parley", u.showAbout),
	)
	u.menu = fyne.NewMainMenu(file, edit, view, u.timeMenu(), help)
	u.refreshViewMenu()
	return u.menu
}

func (u *App) refreshRecentMenu() {
	if u.recent == nil {
		return
	}
	u.recent.Items = nil
	for _, p := range u.recentFiles() {
		u.recent.Items = append(u.recent.Items, fyne.NewMenuItem(p, func() { u.openRecent(p) }))
	}
	if len(u.recent.Items) == 0 {
		none := fyne.NewMenuItem("(no recent files)", nil)
		none.Disabled = true
		u.recent.Items = append(u.recent.Items, none)
	}
	if u.menu != nil {
		u.menu.Refresh()
	}
}

func (u *App) refreshThemeMenu() {
	cur := u.prefs().StringWithFallback(PrefTheme, "system")
	for i, it := range u.themeItems {
		it.Checked = themeNames[i] == cur
	}
	if u.menu != nil {
		u.menu.Refresh()
	}
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// exportItem is File › Export in format f: the view shown is written, and
// the item is disabled in views that have no such format (DOT for the
// timeline and the grid, CSV and Markdown for all but the grid).
func (u *App) exportItem(label string, sc fyne.Shortcut, f render.Format) *fyne.MenuItem {
	it := item(label, sc, func() { u.export(f) })
	if u.exportItems == nil {
		u.exportItems = map[render.Format]*fyne.MenuItem{}
	}
	u.exportItems[f] = it
	return it
}
