package ui

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The keyboard, window-wide. Fyne's desktop driver gives a key chord to the
// main menu first, then to the focused widget if it takes shortcuts, and
// only then to the canvas' own shortcuts. So every command is a menu item
// (which makes its key work whatever has the focus), and the few keys
// that are no menu item are handled both by the canvas (for widgets that
// take no shortcuts: buttons, lists, pickers, the diagram) and by
// Parley's own text widgets (the editor, the form fields):
//
//   - Alt alone opens the menu bar (Fyne does it; then the arrows, Enter
//     and Escape), and so does F10 (where the menu is in the window; on
//     macOS, whose menu is the system's, F10 opens the command palette);
//   - Ctrl+Shift+P opens the command palette: every menu command, with its
//     key, filtered as one types;
//   - Ctrl+Tab and Ctrl+Shift+Tab move the focus to the next and previous
//     widget from anywhere, also out of the text editor and multi-line
//     fields, where Tab types a tab (in the editor Escape then Tab works
//     too);
//   - Ctrl+Y and Ctrl+Shift+Z redo, everywhere Ctrl+Z undoes.

// focusKeys are the window-wide keys that move the focus.
var (
	keyFocusNext = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}
	keyFocusPrev = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
	keyRedoShift = shortcut(fyne.KeyZ, true).(*desktop.CustomShortcut)
)

// addShortcuts registers on the canvas the keys that are no menu item, for
// the focus on a widget that takes no shortcuts (or on nothing): redo by
// Ctrl+Y and Ctrl+Shift+Z, the focus moves, Ctrl++ with shift (as on most
// keyboards) to zoom in, and F10 with nothing focused.
func (u *App) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.redo() })
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.undo() })
	c.AddShortcut(keyRedoShift, func(fyne.Shortcut) { u.redo() })
	c.AddShortcut(keyFocusNext, func(fyne.Shortcut) { u.focusNext(false) })
	c.AddShortcut(keyFocusPrev, func(fyne.Shortcut) { u.focusNext(true) })
	c.AddShortcut(shortcut(fyne.KeyEqual, true).(*desktop.CustomShortcut), func(fyne.Shortcut) { u.preview.view.zoomIn() })
	c.SetOnTypedKey(func(k *fyne.KeyEvent) { u.typedKey(k) })
}

// typedKey handles the window-wide keys that are no chord (F10), from the
// canvas or from one of Parley's text widgets; it reports whether it took
// the key.
func (u *App) typedKey(k *fyne.KeyEvent) bool {
	if k.Name == fyne.KeyF10 {
		u.menuKey()
		return true
	}
	if k.Name == fyne.KeyEscape && u.comparing() {
		u.leaveCompare() // Compare mode (compare.go)
		return true
	}
	return false
}

// sharedShortcut handles, for one of Parley's text widgets, the chords
// that mean the same everywhere in the window; it reports whether it took
// the shortcut.
func (u *App) sharedShortcut(s fyne.Shortcut) bool {
	switch s.(type) {
	case *fyne.ShortcutUndo:
		u.undo()
		return true
	case *fyne.ShortcutRedo:
		u.redo()
		return true
	}
	switch s.ShortcutName() {
	case keyRedoShift.ShortcutName():
		u.redo()
	case keyFocusNext.ShortcutName():
		u.focusNext(false)
	case keyFocusPrev.ShortcutName():
		u.focusNext(true)
	default:
		return false
	}
	return true
}

// focusNext moves the keyboard focus to the next (or previous) widget.
func (u *App) focusNext(back bool) {
	c := u.win.Canvas()
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// menuKey opens the menu bar where it is drawn in the window (Linux,
// Windows, BSD), else the command palette.
func (u *App) menuKey() {
	type menuToggler interface{ ToggleMenu() }
	if m, ok := u.win.Canvas().(menuToggler); ok && runtime.GOOS != "darwin" {
		m.ToggleMenu()
		return
	}
	u.showPalette()
}

// showTab shows tab i (0 Text, 1 Forms, 2 Matrix) and puts the focus in
// it.
func (u *App) showTab(i int) {
	u.tabs.SelectIndex(i)
	c := u.win.Canvas()
	switch i {
	case 0:
		c.Focus(u.editor.ed)
	case 1:
		c.Focus(u.forms.list)
	case 2:
		c.Focus(u.matrix.table)
	}
}

// shortcutText is a shortcut as the menus write it: "Ctrl+Shift+S" (on
// macOS "⇧⌘S").
func shortcutText(s fyne.Shortcut) string {
	var key fyne.KeyName
	var mod fyne.KeyModifier
	switch x := s.(type) {
	case *desktop.CustomShortcut:
		key, mod = x.KeyName, x.Modifier
	case *fyne.ShortcutUndo:
		key, mod = fyne.KeyZ, fyne.KeyModifierShortcutDefault
	case *fyne.ShortcutRedo:
		key, mod = fyne.KeyY, fyne.KeyModifierShortcutDefault
	case *fyne.ShortcutCopy:
		key, mod = fyne.KeyC, fyne.KeyModifierShortcutDefault
	case *fyne.ShortcutCut:
		key, mod = fyne.KeyX, fyne.KeyModifierShortcutDefault
	case *fyne.ShortcutPaste:
		key, mod = fyne.KeyV, fyne.KeyModifierShortcutDefault
	case *fyne.ShortcutSelectAll:
		key, mod = fyne.KeyA, fyne.KeyModifierShortcutDefault
	default:
		return ""
	}
	return modifierText(mod) + keyText(key)
}

func modifierText(m fyne.KeyModifier) string {
	type sign struct {
		m fyne.KeyModifier
		s string
	}
	signs := []sign{{fyne.KeyModifierControl, "Ctrl+"}, {fyne.KeyModifierAlt, "Alt+"}, {fyne.KeyModifierShift, "Shift+"}, {fyne.KeyModifierSuper, "Super+"}}
	if runtime.GOOS == "darwin" {
		signs = []sign{{fyne.KeyModifierControl, "⌃"}, {fyne.KeyModifierAlt, "⌥"}, {fyne.KeyModifierShift, "⇧"}, {fyne.KeyModifierSuper, "⌘"}}
	}
	var b strings.Builder
	for _, p := range signs {
		if m&p.m != 0 {
			b.WriteString(p.s)
		}
	}
	return b.String()
}

func keyText(k fyne.KeyName) string {
	switch k {
	case fyne.KeyEqual:
		return "="
	case fyne.KeyMinus:
		return "−"
	case fyne.KeySlash:
		return "/"
	case fyne.KeySpace:
		return "Space"
	}
	return string(k)
}

// keysHelp is Help › Keyboard Shortcuts, in Markdown: the menu commands
// with their keys (from the menu itself), then the keys that are no menu
// command.
func (u *App) keysHelp() string {
	var b strings.Builder
	sc := func(k fyne.KeyName, shift bool) string { return shortcutText(shortcut(k, shift)) }
	b.WriteString("# Keyboard\n\nEvery command is in the menu and in the command palette, so all of Parley works without a mouse.\n\n")
	b.WriteString("## Everywhere\n\n")
	for _, row := range [][2]string{
		{"Alt, or F10", "open the menu bar (then the arrow keys, Enter, Escape)"},
		{sc(fyne.KeyP, true), "the command palette: type to filter every command, Enter runs it"},
		{sc(fyne.Key1, false) + ", " + sc(fyne.Key2, false) + ", " + sc(fyne.Key3, false), "the Text, Forms and Matrix tabs"},
		{"Tab, Shift+Tab", "the next and previous control"},
		{"Ctrl+Tab, Ctrl+Shift+Tab", "the next and previous control from anywhere, also out of the text editor and the multi-line fields, where Tab types a tab"},
		{sc(fyne.KeyZ, false), "undo the last change, typed or made in the forms or the matrix"},
		{sc(fyne.KeyY, false) + " or " + sc(fyne.KeyZ, true), "redo"},
		{"Escape", "close a dialog, the palette or the format reference"},
	} {
		b.WriteString("- **" + row[0] + "**: " + row[1] + "\n")
	}
	b.WriteString("\n## Menu commands\n\n")
	for _, c := range menuCommands(u.menu) {
		if c.keys != "" {
			b.WriteString("- **" + c.keys + "**: " + c.label + "\n")
		}
	}
	b.WriteString("\n## In the text editor\n\n")
	for _, row := range [][2]string{
		{"Escape, then Tab", "leave the editor (Tab alone indents)"},
		{"Tab, Shift+Tab", "indent, outdent (every selected line)"},
		{sc(fyne.KeySlash, false), "comment lines out and in"},
		{sc(fyne.KeyF, false) + ", " + sc(fyne.KeyH, false), "find, replace; Enter and F3 the next match, Shift+Enter and Shift+F3 the previous one"},
		{sc(fyne.KeyG, false) + " or " + sc(fyne.KeyL, false), "go to a line (line:column works too)"},
		{"Ctrl+Space", "complete an id or a value (also offered as you type in quotes)"},
		{"Ctrl+Left, Ctrl+Right", "by words (Alt on macOS); with Shift, select"},
		{"Home, End; " + sc(fyne.KeyHome, false) + ", " + sc(fyne.KeyEnd, false), "line start (first the indentation) and end; text start and end"},
		{"PageUp, PageDown", "a page up or down"},
	} {
		b.WriteString("- **" + row[0] + "**: " + row[1] + "\n")
	}
	b.WriteString("\n## In the forms\n\n")
	for _, row := range [][2]string{
		{"Enter", "apply the field's change (in a multi-line field: a new line; Ctrl+Enter applies)"},
		{"leaving a field", "applies its change too (Tab, a click elsewhere, another entry, another tab, Save, Close)"},
		{"Escape", "in a field: take back the change not yet applied"},
		{"typing in a picker", "filters its choices (\"id — name\"); Up, Down and Enter choose"},
		{"Up, Down, Space", "in the list of entries: move, select"},
	} {
		b.WriteString("- **" + row[0] + "**: " + row[1] + "\n")
	}
	b.WriteString("\n## In the diagram\n\n")
	for _, row := range [][2]string{
		{"arrow keys, PageUp, PageDown", "pan (click the diagram, or Tab to it, first)"},
		{"+ and −", "zoom in and out"},
		{"0", "fit to the window"},
		{"Escape", "clear the selection"},
		{"V", "the next view: participation, timeline, network, grid (" + sc(fyne.Key4, false) + " … " + sc(fyne.Key7, false) + " from anywhere)"},
		{sc(fyne.KeyF, false), "search the diagram (with the diagram or its controls focused); Enter and F3 the next match, Shift+Enter the previous one, Escape clears"},
		{"click", "select the actor, track, seat, event or statement, here and in the forms; hover for its sources and notes; right-click to focus on it"},
	} {
		b.WriteString("- **" + row[0] + "**: " + row[1] + "\n")
	}
	b.WriteString(timeKeysHelp())
	return b.String()
}
