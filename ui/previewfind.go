package ui

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// The preview's second row: focus on the selection (and back to
// everything), filters by role, certainty and actor kind, and a search
// that marks its matches in the view shown, with the next and previous
// match and a count. Enter in the search field goes to the next match
// (Shift+Enter the previous), which becomes the selection; Escape clears
// the search.

// findControls are the focus, filter and search controls and their state.
type findControls struct {
	p          *previewPanel
	focusOn    *widget.Button // focus on the selection
	showAll    *widget.Button // clear the focus
	filters    *widget.Button // opens the filter choices
	search     *searchEntry
	count      *widget.Label
	prev, next *widget.Button
	dialog     dialog.Dialog // the open filter choices (tests)

	focus       []string // "actor:ID", "track:ID", "event:ID"
	roles       []scenario.Role
	certainties []scenario.Certainty
	kinds       []scenario.ActorKind

	matches []string     // Refs of the current view that match the search, in reading order
	current int          // index in matches of the match last gone to; -1 none
	index   *searchIndex // of the diagram last searched
}

func newFindControls(p *previewPanel) *findControls {
	f := &findControls{p: p, current: -1}
	f.focusOn = widget.NewButtonWithIcon("Focus", theme.VisibilityIcon(), f.focusSelection)
	f.showAll = widget.NewButtonWithIcon("Show all", theme.CancelIcon(), f.clearFocus)
	f.filters = widget.NewButtonWithIcon("Filters", theme.ListIcon(), f.showFilters)
	f.search = newSearchEntry(f)
	f.count = widget.NewLabel("")
	f.prev = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(-1) })
	f.next = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(1) })
	p.bar.add(barGroup{name: "focus", row: barRowFind, rank: 10, objects: []fyne.CanvasObject{f.focusOn, f.showAll}})
	p.bar.add(barGroup{name: "filters", row: barRowFind, rank: 20, objects: []fyne.CanvasObject{f.filters}})
	p.bar.add(barGroup{name: "search", row: barRowFind, rank: 30,
		objects: []fyne.CanvasObject{f.search, f.count, f.prev, f.next}, stretch: f.search})
	f.update()
	return f
}

// filter is the focus and filters every view applies.
func (f *findControls) filter() scenario.Filter {
	return scenario.Filter{Focus: slices.Clone(f.focus), Roles: slices.Clone(f.roles),
		Certainties: slices.Clone(f.certainties), Kinds: slices.Clone(f.kinds)}
}

// reset forgets the focus and the search (another document).
func (f *findControls) reset() {
	f.focus = nil
	f.matches, f.current = nil, -1
	f.search.SetText("")
	f.update()
}

// focusSelection focuses every view on the selection (a seat's track, a
// statement's speaker).
func (f *findControls) focusSelection() {
	ref := focusRefOf(f.p.u.model, f.p.u.selected)
	if ref == "" {
		return
	}
	f.focus = []string{ref}
	f.update()
	f.p.optionsChanged()
}

func (f *findControls) clearFocus() {
	if len(f.focus) == 0 {
		return
	}
	f.focus = nil
	f.update()
	f.p.optionsChanged()
}

// keepFocus drops foci that s no longer has (deleted, renamed), as the
// variant picker does for a variant.
func (f *findControls) keepFocus(s *scenario.Scenario) {
	kept := slices.DeleteFunc(slices.Clone(f.focus), func(ref string) bool { _, i := refIndex(s, ref); return i < 0 })
	if len(kept) != len(f.focus) {
		f.focus = kept
		f.update()
	}
}

// update shows the controls' state: what the focus is on, how many
// filters are on, the search's count.
func (f *findControls) update() {
	s := f.p.u.model
	if len(f.focus) > 0 {
		f.focusOn.SetText("Focus: " + shorten(refName(s, f.focus[0]), 24))
		f.showAll.Show()
	} else {
		f.focusOn.SetText("Focus")
		f.showAll.Hide()
	}
	if focusRefOf(s, f.p.u.selected) == "" || s == nil {
		f.focusOn.Disable()
	} else {
		f.focusOn.Enable()
	}
	if n := len(f.roles) + len(f.certainties) + len(f.kinds); n > 0 {
		f.filters.SetText(fmt.Sprintf("Filters (%d)", n))
		f.filters.Importance = widget.HighImportance
	} else {
		f.filters.SetText("Filters")
		f.filters.Importance = widget.MediumImportance
	}
	f.filters.Refresh()
	switch {
	case strings.TrimSpace(f.search.Text) == "":
		f.count.SetText("")
	case len(f.matches) == 0:
		f.count.SetText("no match")
	case f.current < 0:
		f.count.SetText(matchCount(len(f.matches)))
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.current+1, len(f.matches)))
	}
	if len(f.matches) == 0 {
		f.prev.Disable()
		f.next.Disable()
	} else {
		f.prev.Enable()
		f.next.Enable()
	}
}

// searchChanged finds the query's matches in the diagram shown.
func (f *findControls) searchChanged() {
	f.matches, f.current = f.find(f.p.view.currentDrawing()), -1
	f.update()
	f.p.view.highlightsChanged()
}

// drawingChanged finds the matches again in a new diagram (another view,
// an edit), keeping the match gone to when it is still there.
func (f *findControls) drawingChanged(d *drawing.Drawing) {
	var cur string
	if f.current >= 0 && f.current < len(f.matches) {
		cur = f.matches[f.current]
	}
	f.matches = f.find(d)
	f.current = slices.Index(f.matches, cur)
	if cur == "" {
		f.current = -1
	}
	f.update()
}

// find is the search's matches in d (none for an empty search).
func (f *findControls) find(d *drawing.Drawing) []string {
	if d == nil || strings.TrimSpace(f.search.Text) == "" {
		return nil
	}
	return f.indexOf(d).find(f.search.Text)
}

// step goes to the next (+1) or previous (-1) match: it becomes the
// selection, and the view pans to it.
func (f *findControls) step(dir int) {
	if len(f.matches) == 0 {
		return
	}
	switch {
	case f.current < 0 && dir > 0:
		f.current = 0
	case f.current < 0:
		f.current = len(f.matches) - 1
	default:
		f.current = (f.current + dir + len(f.matches)) % len(f.matches)
	}
	ref := f.matches[f.current]
	f.update()
	f.p.u.setSelection(ref, false)
	if f.p.u.selected != ref { // not a forms entry (a legend): still the halo
		f.p.u.selected = ref
		f.p.selectionChanged()
	}
	f.p.view.reveal(ref)
}

// searchIndex is a diagram's searchable text: for each Ref it draws (in
// reading order, top to bottom, left to right), its id, tooltip and drawn
// text, folded. It is made once per diagram, so that a keystroke only
// compares strings.
type searchIndex struct {
	d     *drawing.Drawing
	refs  []string
	texts []string
}

func newSearchIndex(d *drawing.Drawing) *searchIndex {
	x := &searchIndex{d: d}
	if d == nil {
		return x
	}
	texts := map[string]*strings.Builder{}
	first := map[string]rect{}
	for i := range d.Items {
		it := &d.Items[i]
		if it.Ref == "" {
			continue
		}
		ref := canonicalRef(it.Ref)
		b := texts[ref]
		if b == nil {
			b = &strings.Builder{}
			texts[ref] = b
			_, id, _ := strings.Cut(ref, ":")
			b.WriteString(id + "\n" + d.Objects[it.Ref].Tooltip + "\n")
			first[ref] = itemBounds(it)
			x.refs = append(x.refs, ref)
		}
		if it.Kind == drawing.KindText {
			b.WriteString(it.Text + "\n")
		}
	}
	sort.SliceStable(x.refs, func(i, j int) bool {
		a, b := first[x.refs[i]], first[x.refs[j]]
		if a.y0 != b.y0 {
			return a.y0 < b.y0
		}
		return a.x0 < b.x0
	})
	x.texts = make([]string, len(x.refs))
	for i, ref := range x.refs {
		x.texts[i] = fold(texts[ref].String())
	}
	return x
}

// find lists the Refs whose text has every word of query (case and
// accents ignored), in reading order.
func (x *searchIndex) find(query string) []string {
	words := strings.Fields(fold(query))
	if len(words) == 0 {
		return nil
	}
	var out []string
	for i, t := range x.texts {
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(t, w) }) {
			out = append(out, x.refs[i])
		}
	}
	return out
}

// searchDrawing lists the Refs of d whose text matches query: every word
// of it (case and accents ignored) in the Ref's id, its drawn text or its
// tooltip, in reading order.
func searchDrawing(d *drawing.Drawing, query string) []string {
	return newSearchIndex(d).find(query)
}

// indexOf is the search index of d, made when first needed.
func (f *findControls) indexOf(d *drawing.Drawing) *searchIndex {
	if f.index == nil || f.index.d != d {
		f.index = newSearchIndex(d)
	}
	return f.index
}

// fold is s for matching: lower case, accents dropped (Zelenskyy,
// Zelenskyy; Sikorski, Sikorski).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// showFilters opens the filter choices: roles, certainties and actor
// kinds, each applied as it is ticked.
func (f *findControls) showFilters() {
	roles := checkGroup(enumValues(reflect.TypeFor[scenario.Role]()), f.roles, func(v []scenario.Role) { f.roles = v; f.filtersChanged() })
	certs := checkGroup(enumValues(reflect.TypeFor[scenario.Certainty]()), f.certainties, func(v []scenario.Certainty) { f.certainties = v; f.filtersChanged() })
	kinds := checkGroup(enumValues(reflect.TypeFor[scenario.ActorKind]()), f.kinds, func(v []scenario.ActorKind) { f.kinds = v; f.filtersChanged() })
	heading := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	note := widget.NewLabel("Nothing ticked in a column keeps all of it.")
	note.Importance = widget.LowImportance
	body := container.NewVBox(
		container.NewGridWithColumns(3,
			container.NewVBox(heading("Seats with the role"), roles),
			container.NewVBox(heading("Certainty"), certs),
			container.NewVBox(heading("Actors of the kind"), kinds)),
		note)
	clear := widget.NewButton("Clear all", func() {
		for _, g := range []*widget.CheckGroup{roles, certs, kinds} {
			g.SetSelected(nil)
		}
	})
	d := dialog.NewCustomWithoutButtons("Filters", body, f.p.u.win)
	done := widget.NewButton("Done", d.Hide)
	done.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{clear, done})
	f.dialog = d
	d.Show()
}

func (f *findControls) filtersChanged() {
	f.update()
	f.p.optionsChanged()
}

// checkGroup is a column of checks for an enum's values.
func checkGroup[T ~string](values []string, on []T, changed func([]T)) *widget.CheckGroup {
	g := widget.NewCheckGroup(values, nil)
	sel := make([]string, len(on))
	for i, v := range on {
		sel[i] = string(v)
	}
	g.SetSelected(sel)
	g.OnChanged = func(sel []string) {
		out := make([]T, 0, len(sel))
		for _, v := range values { // in the enum's order
			if slices.Contains(sel, v) {
				out = append(out, T(v))
			}
		}
		changed(out)
	}
	return g
}

// searchEntry is the search field: Enter goes to the next match,
// Shift+Enter the previous, Escape clears it.
type searchEntry struct {
	widget.Entry
	f *findControls
}

func newSearchEntry(f *findControls) *searchEntry {
	e := &searchEntry{f: f}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Search the diagram")
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	e.OnChanged = func(string) { f.searchChanged() }
	return e
}

// UndoesLocally: Undo and Redo in the field are its own typing.
func (e *searchEntry) UndoesLocally() {}

// TypedKey is part of fyne.Focusable.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF3:
		dir := 1
		if drv, ok := fyne.CurrentApp().Driver().(interface{ CurrentKeyModifiers() fyne.KeyModifier }); ok && drv.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
			dir = -1
		}
		e.f.step(dir)
	case fyne.KeyEscape:
		e.SetText("")
	default:
		e.Entry.TypedKey(k)
	}
}

// matchCount is "1 match", "5 matches".
func matchCount(n int) string {
	if n == 1 {
		return "1 match"
	}
	return fmt.Sprintf("%d matches", n)
}

// shorten cuts s to n characters, with an ellipsis.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}
