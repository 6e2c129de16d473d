package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

// switchView picks a view in the switcher, as a user does, and waits for
// its diagram.
func (h *harness) switchView(label string) *drawing.Drawing {
	h.t.Helper()
	old := h.drawing()
	h.u.preview.kind.SetSelected(label)
	return h.waitNewDrawing(old)
}

// itemPos is where the middle of ref's first item of kind shows in the
// view.
func (h *harness) itemPos(ref string, kind drawing.ItemKind) fyne.Position {
	h.t.Helper()
	d := h.drawing()
	for i := range d.Items {
		if it := &d.Items[i]; it.Ref == ref && it.Kind == kind {
			b := itemBounds(it)
			return h.u.preview.view.viewPosOf(drawing.Point{X: (b.x0 + b.x1) / 2, Y: (b.y0 + b.y1) / 2})
		}
	}
	h.t.Fatalf("the diagram has no %v item of %s", kind, ref)
	return fyne.Position{}
}

// painted are the items the preview paints: the drawing and, over it,
// the highlights.
func (h *harness) painted() []drawing.Item {
	v := h.u.preview.view
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.page.Items
}

// highlightsOf counts the painted items over the drawing in colour c that
// lie on (within haloGap+3 points of) what draws ref.
func (h *harness) highlightsOf(ref string, c drawing.Color) int {
	h.t.Helper()
	d := h.drawing()
	v := h.u.preview.view
	v.mu.Lock()
	box, ok := refBounds(d, v.bounds, ref)
	v.mu.Unlock()
	if !ok {
		return 0
	}
	items := h.painted()
	n := 0
	for _, it := range items[len(items)-(len(items)-len(d.Items)):] {
		if it.Stroke.Color != c && it.Fill != c {
			continue
		}
		b := itemBounds(&it)
		const slack = haloGap + 8
		if b.x0 >= box.x0-slack && b.y0 >= box.y0-slack && b.x1 <= box.x1+slack && b.y1 <= box.y1+slack {
			n++
		}
	}
	return n
}

func TestViewSwitcherChangesWhatIsRendered(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "example.toml")
	if err := os.WriteFile(path, assets.Example, 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.toml")
	if err := os.WriteFile(other, assets.Example, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	h.settle("the diagram", func() bool { return h.drawing() != nil && h.u.model != nil })
	if got := h.u.preview.options().View; got != "participation" {
		t.Fatalf("first view %q", got)
	}
	d := h.switchView("Timeline")
	if got := h.u.preview.options().View; got != "timeline" {
		t.Errorf("options say %q after choosing Timeline", got)
	}
	if !hasRef(d, "statement:kallas-eu-initiatives") && !slices.ContainsFunc(d.Items, func(it drawing.Item) bool { return strings.HasPrefix(it.Ref, "statement:") }) {
		t.Error("the timeline drawn has no statements")
	}
	if h.u.preview.lanes.Hidden || !h.u.preview.direction.Hidden {
		t.Error("the timeline's options are not the ones shown")
	}
	if !menuItem(t, h.u.menu, "Export DOT…").Disabled || !menuItem(t, h.u.menu, "Export CSV…").Disabled || menuItem(t, h.u.menu, "Export PNG…").Disabled {
		t.Error("File › Export offers the formats of another view than the timeline")
	}
	// An edit keeps the view.
	old := h.drawing()
	h.u.replaceText(strings.Replace(h.u.text(), "Ukraine: who is at the table?", "Ukraine: who sits where?", 1), true)
	h.waitNewDrawing(old)
	if got := h.u.preview.options().View; got != "timeline" {
		t.Errorf("an edit changed the view to %q", got)
	}
	// The View menu's key shows the grid; the file remembers it.
	menuItem(t, h.u.menu, "Grid View").Action()
	h.waitNewDrawing(h.drawing())
	if got := h.u.preview.options().View; got != "grid" {
		t.Errorf("View › Grid View shows %q", got)
	}
	if !menuItem(t, h.u.menu, "Grid View").Checked || menuItem(t, h.u.menu, "Timeline View").Checked {
		t.Error("the View menu does not tick the view shown")
	}
	if menuItem(t, h.u.menu, "Export CSV…").Disabled || menuItem(t, h.u.menu, "Export Markdown…").Disabled {
		t.Error("the grid cannot be exported as CSV or Markdown")
	}
	if err := h.u.OpenFile(other); err != nil {
		t.Fatal(err)
	}
	if got := h.u.preview.options().View; got != "grid" {
		t.Errorf("a file never seen shows %q, not the last view chosen", got)
	}
	h.drain()
	h.switchView("Network")
	if err := h.u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	if got := h.u.preview.options().View; got != "grid" {
		t.Errorf("reopened, the file shows %q, not its own grid", got)
	}
	if err := h.u.OpenFile(other); err != nil {
		t.Fatal(err)
	}
	if got := h.u.preview.options().View; got != "network" {
		t.Errorf("the other file shows %q, not its network", got)
	}
	h.drain()
}

// menuItem finds a menu item by its label.
func menuItem(t *testing.T, m *fyne.MainMenu, label string) *fyne.MenuItem {
	t.Helper()
	for _, c := range m.Items {
		for _, it := range c.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func TestTapSelectsEverywhere(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	test.TapAt(h.u.preview.view, h.itemPos("actor:rubio", drawing.KindRect))
	f := h.u.forms
	if h.u.tabs.SelectedIndex() != 1 || f.cur.key != "actors" || f.sel < 0 || h.u.model.Actors[f.sel].ID != "rubio" {
		t.Fatalf("the tap on Rubio's box selected tab %d, %s #%d", h.u.tabs.SelectedIndex(), f.cur.key, f.sel)
	}
	if e, ok := f.widgets["id"].(*formEntry); !ok || e.Text != "rubio" {
		t.Error("the form does not show Rubio")
	}
	if n := h.highlightsOf("actor:rubio", haloInk); n == 0 {
		t.Error("no halo over Rubio's box")
	}
	// The network draws the selection too.
	h.switchView("Network")
	if n := h.highlightsOf("actor:rubio", haloInk); n == 0 {
		t.Error("the network view does not show the selection")
	}
	// Escape in the diagram clears the halo; so does a tap on the paper.
	h.u.selectRef("actor:rubio")
	h.u.preview.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.u.selected != "" {
		t.Error("Escape kept the selection")
	}
	h.u.selectRef("actor:rubio")
	test.TapAt(h.u.preview.view, fyne.NewPos(2, 2))
	if h.u.selected != "" || h.highlightsOf("actor:rubio", haloInk) != 0 {
		t.Error("a tap on the paper kept the halo")
	}
}

func TestFormSelectionHighlightsInEveryView(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	f := h.u.forms
	h.u.tabs.SelectIndex(1)
	f.kind.SetSelected("Tracks")
	i := slices.IndexFunc(h.u.model.Tracks, func(tr scenario.Track) bool { return tr.ID == "riyadh" })
	if i < 0 {
		i = 1
	}
	id := h.u.model.Tracks[i].ID
	f.list.Select(i)
	ref := "track:" + id
	if h.u.selected != ref {
		t.Fatalf("selecting %s in the forms made %q the selection", id, h.u.selected)
	}
	if n := h.highlightsOf(ref, haloInk); n == 0 {
		t.Error("the participation view has no halo over the track")
	}
	for _, view := range []string{"Timeline", "Grid"} {
		h.switchView(view)
		if !hasRef(h.drawing(), ref) {
			t.Errorf("the %s view does not draw %s", view, ref)
			continue
		}
		if n := h.highlightsOf(ref, haloInk); n == 0 {
			t.Errorf("the %s view has no halo over %s", view, ref)
		}
	}
	// Focus on the selection: the views show the track and its actors.
	before := len(h.drawing().Items)
	old := h.drawing()
	test.Tap(h.u.preview.find.focusOn)
	if got := h.u.preview.options().Filter.Focus; !slices.Equal(got, []string{ref}) {
		t.Fatalf("focus is %v", got)
	}
	if d := h.waitNewDrawing(old); len(d.Items) >= before {
		t.Errorf("focused on one track, the grid has %d items, as many as the whole (%d)", len(d.Items), before)
	}
	if !strings.Contains(h.u.preview.find.focusOn.Text, shorten(h.u.model.Tracks[i].Name, 24)) || h.u.preview.find.showAll.Hidden {
		t.Errorf("the focus control says %q", h.u.preview.find.focusOn.Text)
	}
	old = h.drawing()
	test.Tap(h.u.preview.find.showAll)
	h.waitNewDrawing(old)
	if len(h.u.preview.options().Filter.Focus) != 0 || !h.u.preview.find.showAll.Hidden {
		t.Error("Show all kept the focus")
	}
}

func TestSearchFindsKallasInTheTimeline(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	h.switchView("Timeline")
	fc := h.u.preview.find
	test.Type(fc.search, "kallas")
	if len(fc.matches) < 2 || !slices.Contains(fc.matches, "actor:kallas") {
		t.Fatalf("matches: %v", fc.matches)
	}
	if fc.count.Text != matchCount(len(fc.matches)) {
		t.Errorf("count says %q for %d matches", fc.count.Text, len(fc.matches))
	}
	for _, m := range fc.matches {
		if h.highlightsOf(m, matchFill) == 0 {
			t.Errorf("match %s is not marked", m)
		}
	}
	fc.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if fc.current != 0 || h.u.selected != fc.matches[0] || fc.count.Text != "1 of "+strconv.Itoa(len(fc.matches)) {
		t.Errorf("Enter: current %d, selected %q, count %q", fc.current, h.u.selected, fc.count.Text)
	}
	test.Tap(fc.prev)
	if fc.current != len(fc.matches)-1 {
		t.Errorf("previous from the first went to %d", fc.current)
	}
	// A search that matches nothing says so; Escape clears it.
	fc.search.SetText("")
	test.Type(fc.search, "zzz-nobody")
	if len(fc.matches) != 0 || fc.count.Text != "no match" || !fc.next.Disabled() {
		t.Errorf("a search for nobody: %v, %q", fc.matches, fc.count.Text)
	}
	fc.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if fc.search.Text != "" || fc.count.Text != "" {
		t.Error("Escape did not clear the search")
	}
	// Accents and case do not matter.
	if got := searchDrawing(h.drawing(), "KALLÁS"); !slices.Equal(got, searchDrawing(h.drawing(), "kallas")) {
		t.Errorf("KALLÁS finds %v", got)
	}
}

func TestFindKeySearchesTheDiagramWhenItHasTheFocus(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	h.win.Canvas().Focus(h.u.preview.view)
	menuItem(t, h.u.menu, "Find…").Action()
	if h.win.Canvas().Focused() != fyne.Focusable(h.u.preview.find.search) {
		t.Error("Find with the diagram focused did not go to the diagram's search")
	}
	h.win.Canvas().Focus(h.u.editor.ed)
	menuItem(t, h.u.menu, "Find…").Action()
	if h.win.Canvas().Focused() == fyne.Focusable(h.u.preview.find.search) {
		t.Error("Find in the editor went to the diagram's search")
	}
}

func TestHoverShowsTheSeatsSources(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	d := h.drawing()
	var seat string
	for _, it := range d.Items {
		if strings.HasPrefix(it.Ref, "seat:") && it.Kind == drawing.KindText {
			seat = it.Ref
			break
		}
	}
	if seat == "" {
		t.Fatal("no labelled seat in the example's diagram")
	}
	v := h.u.preview.view
	pos := h.itemPos(seat, drawing.KindText)
	v.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	if !v.tip.Visible() || v.tip.ref != seat {
		t.Fatalf("hovering over %s shows no tooltip (ref %q)", seat, v.tip.ref)
	}
	// The seat's own sources, as the file names them.
	parts := strings.SplitN(strings.TrimPrefix(seat, "seat:"), "/", 3)
	i := slices.IndexFunc(h.u.model.Seats, func(st scenario.Seat) bool {
		return st.Track == parts[0] && st.Actor == parts[1] && string(st.Role) == parts[2]
	})
	if i < 0 || len(h.u.model.Seats[i].Sources) == 0 {
		t.Fatalf("%s has no sources in the file", seat)
	}
	src := h.u.model.Seats[i].Sources[0]
	j := slices.IndexFunc(h.u.model.Sources, func(x scenario.Source) bool { return x.ID == src })
	if text := v.tip.text.String(); !strings.Contains(text, h.u.model.Sources[j].Publisher) || !strings.Contains(text, "Source") {
		t.Errorf("the tooltip of %s does not name its source %s (%s):\n%s", seat, src, h.u.model.Sources[j].Publisher, text)
	}
	if v.Cursor() != desktop.PointerCursor {
		t.Error("the pointer over a seat is no hand")
	}
	// Inside the view, even near its edge.
	size := v.Size()
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	if p, s := v.tip.Position(), v.tip.Size(); p.X < 0 || p.Y < 0 || p.X+s.Width > size.Width || p.Y+s.Height > size.Height {
		t.Errorf("the tooltip at %v %v leaves the view of %v", p, s, size)
	}
	v.MouseOut()
	if v.tip.Visible() {
		t.Error("the tooltip stayed when the pointer left")
	}
}

func TestFiltersApplyToTheView(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	fc := h.u.preview.find
	test.Tap(fc.filters)
	if fc.dialog == nil {
		t.Fatal("Filters opened nothing")
	}
	old := h.drawing()
	top := h.win.Canvas().Overlays().Top()
	if !strings.Contains(test.RenderObjectToMarkup(top), "excluded") {
		t.Fatal("the filters do not offer the excluded role")
	}
	ticked := findCheck(top, "excluded")
	if ticked == nil {
		t.Fatal("no check for excluded")
	}
	test.Tap(ticked)
	if got := h.u.preview.options().Filter.Roles; len(got) != 1 || got[0] != scenario.RoleExcluded {
		t.Fatalf("roles filter %v", got)
	}
	d := h.waitNewDrawing(old)
	for _, it := range d.Items {
		if strings.HasPrefix(it.Ref, "seat:") && !strings.HasSuffix(it.Ref, "/excluded") {
			t.Fatalf("the filtered view still draws %s", it.Ref)
		}
	}
	if fc.filters.Text != "Filters (1)" {
		t.Errorf("the button says %q", fc.filters.Text)
	}
}

// findCheck finds a check by its text among o's descendants.
func findCheck(o fyne.CanvasObject, text string) *widget.Check {
	var found *widget.Check
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			found = c
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

func TestTimelineSelectionShowsInTheGraph(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	h.switchView("Timeline")
	// A statement selects its entry in the forms.
	d := h.drawing()
	var st string
	for _, it := range d.Items {
		if strings.HasPrefix(it.Ref, "statement:") && it.Kind == drawing.KindRect {
			st = it.Ref
			break
		}
	}
	if st == "" {
		t.Fatal("the timeline draws no statement")
	}
	test.TapAt(h.u.preview.view, h.itemPos(st, drawing.KindRect))
	f := h.u.forms
	if f.cur.key != "statements" || f.sel < 0 || "statement:"+h.u.model.Statements[f.sel].ID != st {
		t.Errorf("the tap on %s selected %s #%d", st, f.cur.key, f.sel)
	}
	// An actor's lane label selects the actor, ringed in the graph too.
	test.TapAt(h.u.preview.view, h.itemPos("actor:kellogg", drawing.KindText))
	if h.u.selected != "actor:kellogg" || f.cur.key != "actors" {
		t.Fatalf("the tap on Kellogg's lane selected %q (%s)", h.u.selected, f.cur.key)
	}
	h.switchView("Participation")
	if h.highlightsOf("actor:kellogg", haloInk) == 0 {
		t.Error("Kellogg, selected in the timeline, is not ringed in the participation view")
	}
}

func TestRightClickOffersFocus(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	v := h.u.preview.view
	test.TapSecondaryAt(v, h.itemPos("actor:rubio", drawing.KindRect))
	if h.u.selected != "actor:rubio" || v.menu == nil || !v.menu.Visible() {
		t.Fatalf("a right-click on Rubio: selected %q, menu shown: %v", h.u.selected, v.menu != nil)
	}
	if !strings.Contains(test.RenderObjectToMarkup(v.menu), "Focus on Rubio") {
		t.Fatal("the menu offers no focus on Rubio")
	}
	var focus *fyne.MenuItem
	for _, it := range v.contextMenu().Items {
		if strings.HasPrefix(it.Label, "Focus on") {
			focus = it
		}
	}
	focus.Action()
	if got := h.u.preview.options().Filter.Focus; !slices.Equal(got, []string{"actor:rubio"}) {
		t.Errorf("focus %v", got)
	}
	if !slices.ContainsFunc(v.contextMenu().Items, func(it *fyne.MenuItem) bool { return it.Label == "Show Everything" }) {
		t.Error("focused, the menu does not offer to show everything")
	}
}
