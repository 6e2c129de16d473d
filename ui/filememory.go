package ui

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// What the window remembers per file: the variant and the day last shown,
// so that reopening a file shows the picture one left it on. One list
// preference (PrefFileViews), newest first, at most maxFileViews files:
// a key per file would grow the preferences without bound.

const (
	// PrefFileViews lists, newest first, "file\x1fvariant\x1fday" for the
	// files last shown: the variant's id ("" the base) and the day chosen
	// on the time bar ("" the file's as_of).
	PrefFileViews = "fileViews"
	maxFileViews  = 50
	fileViewSep   = "\x1f"
)

// fileKey names the document in PrefFileViews: its absolute path, or its
// name while it has none (the bundled example).
func (u *App) fileKey() string {
	if u.doc.path == "" {
		return "name:" + u.doc.name
	}
	if abs, err := filepath.Abs(u.doc.path); err == nil {
		return abs
	}
	return u.doc.path
}

// recallFileView gives the variant and day remembered for the document;
// ok is false when there are none.
func (u *App) recallFileView() (variant string, day scenario.Date, ok bool) {
	key := u.fileKey()
	for _, e := range u.prefs().StringList(PrefFileViews) {
		parts := strings.Split(e, fileViewSep)
		if len(parts) != 3 || parts[0] != key {
			continue
		}
		d, err := scenario.ParseDate(parts[2])
		if err != nil {
			d = scenario.Date{}
		}
		return parts[1], d, true
	}
	return "", scenario.Date{}, false
}

// rememberFileView records the variant and day shown for the document,
// when they differ from what is remembered.
func (u *App) rememberFileView(variant string, day scenario.Date) {
	v, d, ok := u.recallFileView()
	if ok && v == variant && d == day {
		return
	}
	if !ok && variant == "" && day.IsZero() {
		return // nothing worth remembering
	}
	key := u.fileKey()
	list := slices.DeleteFunc(u.prefs().StringList(PrefFileViews), func(e string) bool {
		k, _, _ := strings.Cut(e, fileViewSep)
		return k == key
	})
	list = append([]string{key + fileViewSep + variant + fileViewSep + day.String()}, list...)
	if len(list) > maxFileViews {
		list = list[:maxFileViews]
	}
	u.prefs().SetStringList(PrefFileViews, list)
}
