package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/parleyhq/parley/render"
)

// The view switcher: which of render.Views the preview draws. The choice
// stays across edits, is remembered for each document (a file by its
// path, an unsaved one by its name; one never seen shows the view last
// chosen), and has its keys (View › Participation … Grid, Ctrl+4 …
// Ctrl+7; V in the diagram cycles). File › Export writes the view shown.

// maxViewFiles is how many files' views the preferences remember.
const maxViewFiles = 100

// viewKeys are the View menu's keys of the views, in render.Views order.
var viewKeys = []fyne.KeyName{fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7}

// viewLabels are the switcher's labels, in render.Views order.
func viewLabels() []string {
	out := make([]string, len(render.Views))
	for i, v := range render.Views {
		out[i] = titleCase(v)
	}
	return out
}

// viewLabel is the label of view name; an unknown name is the default
// view's.
func viewLabel(name string) string {
	i := max(0, slices.Index(render.Views, name))
	return viewLabels()[i]
}

// viewName is the view shown, one of render.Views.
func (p *previewPanel) viewName() string {
	i := p.kind.SelectedIndex()
	if i < 0 || i >= len(render.Views) {
		return render.Views[0]
	}
	return render.Views[i]
}

// setView shows view name (one of render.Views), as a choice of the user's.
func (p *previewPanel) setView(name string) {
	if !slices.Contains(render.Views, name) || name == p.viewName() {
		return
	}
	p.kind.SetSelected(viewLabel(name)) // calls viewChosen
}

// nextView shows the view after the current one (V in the diagram).
func (p *previewPanel) nextView() {
	i := slices.Index(render.Views, p.viewName())
	p.setView(render.Views[(i+1)%len(render.Views)])
}

// viewChosen follows the switcher: remember the view, for the file too,
// show the view's own options and draw it.
func (p *previewPanel) viewChosen() {
	name := p.viewName()
	p.u.prefs().SetString(PrefView, name)
	p.rememberView()
	p.showViewOptions()
	p.u.refreshViewMenu()
	p.optionsChanged()
}

// showViewOptions shows the drawing options the current view has.
func (p *previewPanel) showViewOptions() {
	name := p.viewName()
	show := func(o fyne.CanvasObject, on bool) {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	show(p.detail, name != "network")
	show(p.direction, name == "participation")
	show(p.lanes, name == "timeline")
	show(p.group, name == "grid")
	show(p.together, name == "network")
}

// documentChanged sets the view for a newly opened document: the one last
// shown for it, else the one last chosen. The focus, the search and the
// selection were the old document's: they go.
func (p *previewPanel) documentChanged() {
	name := p.u.prefs().String(PrefView)
	if v, ok := p.recallView(); ok {
		name = v
	}
	p.quiet = true
	p.kind.SetSelected(viewLabel(name))
	p.quiet = false
	p.showViewOptions()
	p.u.refreshViewMenu()
	p.find.reset()
}

// recallView is the view remembered for the document (named as the time
// bar's memory names it: its absolute path, or the example's name).
func (p *previewPanel) recallView() (string, bool) {
	key := p.u.fileKey()
	for _, e := range p.u.prefs().StringList(PrefViewByFile) {
		if v, f, ok := strings.Cut(e, "\t"); ok && f == key && slices.Contains(render.Views, v) {
			return v, true
		}
	}
	return "", false
}

// rememberView records the view shown for the document, newest first.
func (p *previewPanel) rememberView() {
	key, view := p.u.fileKey(), p.viewName()
	list := slices.DeleteFunc(p.u.prefs().StringList(PrefViewByFile), func(e string) bool {
		_, f, _ := strings.Cut(e, "\t")
		return f == key
	})
	list = append([]string{view + "\t" + key}, list...)
	if len(list) > maxViewFiles {
		list = list[:maxViewFiles]
	}
	p.u.prefs().SetStringList(PrefViewByFile, list)
}

// viewMenuItems are the View menu's items for the views, checked for the
// one shown.
func (u *App) viewMenuItems() []*fyne.MenuItem {
	u.viewItems = nil
	for i, name := range render.Views {
		it := item(viewLabel(name)+" View", shortcut(viewKeys[i], false), func() { u.preview.setView(name) })
		u.viewItems = append(u.viewItems, it)
	}
	return u.viewItems
}

func (u *App) refreshViewMenu() {
	if u.preview == nil {
		return
	}
	cur := u.preview.viewName()
	for i, it := range u.viewItems {
		it.Checked = render.Views[i] == cur
	}
	formats := render.ViewFormats(cur)
	for f, it := range u.exportItems {
		it.Disabled = !slices.Contains(formats, f)
	}
	if u.menu != nil {
		u.menu.Refresh()
	}
}
