package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// choiceValues are the values a picker offers.
func choiceValues(k *picker) []string {
	var out []string
	for _, c := range k.choices {
		out = append(out, c.value)
	}
	return out
}

// selectEntry shows collection title in the Forms tab and selects entry i.
func selectEntry(h *harness, title string, i int) {
	h.t.Helper()
	h.drain()
	h.u.tabs.SelectIndex(1)
	h.u.forms.kind.SetSelected(title)
	h.u.forms.list.Select(i)
	if h.u.forms.sel != i {
		h.t.Fatalf("entry %d of %s not selected", i, title)
	}
}

func TestScenarioForm(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	f := h.u.forms
	h.u.tabs.SelectIndex(1)
	f.kind.SetSelected("Scenario")
	if f.sel != 0 || !f.add.Disabled() || !f.del.Disabled() {
		t.Fatalf("the scenario form: selected %d, add off %v, delete off %v", f.sel, f.add.Disabled(), f.del.Disabled())
	}
	title := f.widgets["title"].(*formEntry)
	if title.Text != h.u.model.Meta.Title {
		t.Errorf("title shows %q", title.Text)
	}
	title.CursorColumn = len([]rune(title.Text))
	test.Type(title, " (edited)")
	asOf := f.widgets["as_of"].(*formEntry)
	asOf.SetText("2025-02-30")
	h.u.lastError = nil
	before := h.u.text()
	test.Tap(f.apply)
	if h.u.lastError == nil || h.u.text() != before {
		t.Fatal("an impossible as_of was applied")
	}
	asOf.SetText("2025-03-01")
	summary := f.widgets["summary"].(*formEntry)
	summary.SetText("A new summary.")
	test.Tap(f.apply)
	s := loadText(t, h.u.text())
	if !strings.HasSuffix(s.Meta.Title, " (edited)") || s.Meta.AsOf.String() != "2025-03-01" || s.Meta.Summary != "A new summary." {
		t.Errorf("scenario table is %+v", s.Meta)
	}
	if !strings.HasPrefix(h.u.text(), "# Parley scenario") {
		t.Error("the leading comment was lost")
	}
	// A title is required.
	h.drain()
	f.widgets["title"].(*formEntry).SetText(" ")
	h.u.lastError = nil
	test.Tap(f.apply)
	if h.u.lastError == nil {
		t.Error("an empty title was applied")
	}
}

func TestIDsPicker(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	s := h.u.model
	// An event's actors: remove one, add another.
	ev := slices.IndexFunc(s.Events, func(e scenario.Event) bool { return len(e.Actors) == 2 })
	if ev < 0 {
		t.Fatal("no event with two actors in the example")
	}
	selectEntry(h, "Events", ev)
	k := h.u.forms.editor.pickers["actors"]
	if k == nil || !slices.Equal(k.ids, s.Events[ev].Actors) {
		t.Fatalf("the actors picker shows %v", k.ids)
	}
	first, second := s.Events[ev].Actors[0], s.Events[ev].Actors[1]
	if slices.Contains(choiceValues(k.add), first) || !slices.Contains(choiceValues(k.add), "macron") {
		t.Error("the add picker should offer the actors not chosen, only")
	}
	test.Tap(k.removes[first])
	k.add.choose("macron") // as a user picking it
	if k.add.Selected() != "" || k.add.Text != "" {
		t.Error("the add picker keeps its choice")
	}
	test.Tap(h.u.forms.apply)
	got := loadText(t, h.u.text()).Events[ev].Actors
	if !slices.Equal(got, []string{second, "macron"}) {
		t.Errorf("event actors are %v", got)
	}
	// A track's sources: removing the only one leaves none.
	selectEntry(h, "Tracks", 0)
	k = h.u.forms.editor.pickers["sources"]
	for _, id := range slices.Clone(k.ids) {
		test.Tap(k.removes[id])
	}
	test.Tap(h.u.forms.apply)
	if src := loadText(t, h.u.text()).Tracks[0].Sources; len(src) != 0 {
		t.Errorf("track sources are %v", src)
	}
	// The labels say what an id names.
	selectEntry(h, "Seats", 0)
	k = h.u.forms.editor.pickers["claimed_by"]
	k.add.choose("kellogg")
	if !strings.Contains(test.RenderObjectToMarkup(k.rows.Objects[len(k.rows.Objects)-1]), "kellogg — ") {
		t.Error("a chosen id is shown without its name")
	}
}

func TestMemberships(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	i := slices.IndexFunc(h.u.model.Actors, func(a scenario.Actor) bool { return len(a.Memberships) == 3 })
	id := h.u.model.Actors[i].ID
	h.u.selectRef("actor:" + id)
	l := h.u.forms.editor.lists["memberships"]
	if l == nil || l.items.Len() != 3 {
		t.Fatal("the memberships list does not show the actor's three")
	}
	// Change the first: a date range. An impossible date is refused and
	// keeps the dialog open.
	test.Tap(l.buttons[0])
	if l.dialog == nil {
		t.Fatal("Edit opened no dialog")
	}
	l.sub.widgets["from"].(*formEntry).SetText("2025-13")
	h.u.lastError = nil
	test.Tap(l.done)
	if h.u.lastError == nil || l.dialog == nil {
		t.Fatal("an impossible date was taken")
	}
	l.sub.widgets["from"].(*formEntry).SetText("1995")
	test.Tap(l.done)
	a := loadText(t, h.u.text()).Actors[i]
	if a.Memberships[0].From.String() != "1995" {
		t.Errorf("memberships are %+v", a.Memberships)
	}
	// Delete one, add it back (the bloc is required).
	h.drain()
	l = h.u.forms.editor.lists["memberships"]
	test.Tap(l.buttons[3]) // the second row's Delete
	h.drain()
	l = h.u.forms.editor.lists["memberships"]
	if l.items.Len() != 2 {
		t.Fatalf("after the delete %d memberships", l.items.Len())
	}
	test.Tap(l.add)
	h.u.lastError = nil
	test.Tap(l.done)
	if h.u.lastError == nil {
		t.Error("a membership without a bloc was taken")
	}
	l.sub.widgets["of"].(*picker).choose(a.Memberships[1].Of)
	h.u.lastError = nil
	test.Tap(l.done)
	if h.u.lastError != nil {
		t.Fatal(h.u.lastError)
	}
	var of []string
	for _, m := range loadText(t, h.u.text()).Actors[i].Memberships {
		of = append(of, m.Of)
	}
	if want := []string{a.Memberships[0].Of, a.Memberships[2].Of, a.Memberships[1].Of}; !slices.Equal(of, want) {
		t.Errorf("memberships are %v, want %v", of, want)
	}
	// Undo takes the steps back one by one.
	h.u.undo()
	h.u.undo()
	if n := len(loadText(t, h.u.text()).Actors[i].Memberships); n != 3 {
		t.Errorf("after two undos %d memberships", n)
	}
}

func TestVariantForm(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	vi := slices.IndexFunc(h.u.model.Variants, func(v scenario.Variant) bool { return len(v.Tracks) > 0 })
	selectEntry(h, "Variants", vi)
	ed := h.u.forms.editor
	for _, key := range []string{"tracks", "seats", "remove_seats"} {
		if ed.lists[key] == nil {
			t.Fatalf("no list for %s", key)
		}
	}
	// A seat at the variant's own track.
	own := h.u.model.Variants[vi].Tracks[0].ID
	seats := ed.lists["seats"]
	n := seats.items.Len()
	test.Tap(seats.add)
	track := seats.sub.widgets["track"].(*picker)
	if !slices.Contains(choiceValues(track), own) {
		t.Fatalf("a variant seat cannot sit at the variant's track %s: %v", own, choiceValues(track))
	}
	track.choose(own)
	seats.sub.widgets["actor"].(*picker).choose("macron")
	seats.sub.widgets["role"].(*picker).choose("observer")
	test.Tap(seats.done)
	v := loadText(t, h.u.text()).Variants[vi]
	if len(v.Seats) != n+1 || v.Seats[n].Actor != "macron" || v.Seats[n].Role != scenario.RoleObserver || v.Seats[n].Track != own {
		t.Fatalf("variant seats are %+v", v.Seats)
	}
	// Remove a base track and a seat.
	h.drain()
	ed = h.u.forms.editor
	base := h.u.model.Tracks[0].ID
	ed.pickers["remove_tracks"].add.choose(base)
	rs := ed.lists["remove_seats"]
	test.Tap(rs.add)
	rs.sub.widgets["track"].(*picker).choose(h.u.model.Seats[0].Track)
	rs.sub.widgets["actor"].(*picker).choose(h.u.model.Seats[0].Actor)
	test.Tap(rs.done) // applies the form, remove_tracks too
	v = loadText(t, h.u.text()).Variants[vi]
	if !slices.Equal(v.RemoveTracks, []string{base}) {
		t.Errorf("remove_tracks is %v", v.RemoveTracks)
	}
	if len(v.RemoveSeats) != 1 || v.RemoveSeats[0].Actor != h.u.model.Seats[0].Actor || v.RemoveSeats[0].Role != "" {
		t.Errorf("remove_seats is %+v", v.RemoveSeats)
	}
	// Change the variant's track: its name.
	h.drain()
	tr := h.u.forms.editor.lists["tracks"]
	test.Tap(tr.buttons[0])
	tr.sub.widgets["name"].(*formEntry).SetText("Summit in Budapest")
	test.Tap(tr.done)
	if v := loadText(t, h.u.text()).Variants[vi]; v.Tracks[0].Name != "Summit in Budapest" {
		t.Errorf("variant track is %+v", v.Tracks[0])
	}
	// Cancel changes nothing.
	h.drain()
	before := h.u.text()
	tr = h.u.forms.editor.lists["tracks"]
	test.Tap(tr.buttons[0])
	tr.sub.widgets["name"].(*formEntry).SetText("Dropped")
	test.Tap(h.overlayButton("Cancel"))
	if h.u.text() != before || tr.dialog != nil {
		t.Error("Cancel changed the text or left the dialog")
	}
}

func TestNestedListsOffWhileBroken(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	selectEntry(h, "Variants", 0)
	h.u.replaceText(h.u.text()+"\n[[actors]\n", true)
	h.settle("the problem", func() bool { return h.u.problems.HasErrors() })
	h.drain()
	if l := h.u.forms.editor.lists["seats"]; l == nil || !l.add.Disabled() {
		t.Error("a nested list can still be changed while the text has errors")
	}
}

// failEngine lays out nothing, at once.
type failEngine struct{}

func (failEngine) Layout(context.Context, []byte) (*render.Layout, error) {
	return nil, errors.New("no layouts in this test")
}
func (failEngine) Close() error { return nil }

// longScenario is a valid scenario of more than 4,000 lines, which the
// old Text tab could not take.
func longScenario() string {
	var b strings.Builder
	b.WriteString("format = 1\n\n[scenario]\ntitle = \"Long\"\n")
	for i := 0; strings.Count(b.String(), "\n") <= 4000; i++ {
		fmt.Fprintf(&b, "\n[[actors]]\nid = \"a%d\"\nname = \"Actor %d\"\nkind = \"state\"\n", i, i)
	}
	return b.String()
}

// TestLongFile: a long file opens in the Text tab like any other, takes
// typing, and its problems lead to their lines.
func TestLongFile(t *testing.T) {
	h := newHarness(t, failEngine{})
	text := longScenario()
	start := time.Now()
	h.u.setDocument("", "long.toml", text)
	h.settle("the model", func() bool { return h.u.model != nil })
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("opening took %v", d)
	}
	e := h.u.editor.ed
	if h.u.tabs.SelectedIndex() != 0 || e.Text() != text {
		t.Fatal("a long file is not in the Text tab")
	}
	// The forms work, and the Text tab shows their edit.
	selectEntry(h, "Actors", 3)
	h.u.forms.widgets["name"].(*formEntry).SetText("Renamed")
	test.Tap(h.u.forms.apply)
	if loadText(t, h.u.text()).Actors[3].Name != "Renamed" || e.Text() != h.u.text() {
		t.Error("a form edit of a long file did not reach the text")
	}
	// Typing at the end of the file.
	h.u.editor.gotoLine(e.LineCount(), 1)
	if h.u.tabs.SelectedIndex() != 0 || e.Cursor().Line != e.LineCount()-1 {
		t.Errorf("gotoLine: tab %d, cursor %v", h.u.tabs.SelectedIndex(), e.Cursor())
	}
	test.Type(e, "# the end\n")
	if !strings.HasSuffix(h.u.text(), "# the end\n") {
		t.Error("typing in a long file did not reach the document")
	}
}

func TestVariantRemembered(t *testing.T) {
	a := tempApp(t)
	h := newHarnessIn(t, a, nil)
	h.openExample()
	v := h.u.model.Variants[1]
	old := h.drawing()
	h.u.preview.variant.SetSelected(v.Name) // as a user picking it
	if a.Preferences().String(PrefVariant) != v.ID {
		t.Fatalf("the variant was not remembered: %q", a.Preferences().String(PrefVariant))
	}
	h.waitNewDrawing(old)
	// The next window shows it from the start.
	h.u.shutdown()
	h2 := newHarnessIn(t, a, nil)
	if h2.u.preview.options().Variant != v.ID {
		t.Error("the next window does not ask for the remembered variant")
	}
	h2.openExample()
	if h2.u.preview.variant.Selected != v.Name {
		t.Errorf("the picker shows %q", h2.u.preview.variant.Selected)
	}
	// A scenario without it shows the base scenario, and keeps the wish.
	h2.u.setDocument("", "blank.toml", blankScenario)
	h2.settle("the blank scenario", func() bool { return h2.u.model != nil && len(h2.u.model.Variants) == 0 })
	if h2.u.preview.variant.Selected != baseVariant || a.Preferences().String(PrefVariant) != v.ID {
		t.Error("a scenario without the variant changed the remembered one")
	}
	// Renaming the variant in the forms follows it.
	h2.openExample()
	selectEntry(h2, "Variants", 1)
	h2.u.forms.widgets["id"].(*formEntry).SetText("renamed-variant")
	test.Tap(h2.u.forms.apply)
	if h2.u.preview.wanted != "renamed-variant" {
		t.Errorf("after a rename the view wants %q", h2.u.preview.wanted)
	}
	// Picking the base scenario is remembered too.
	h2.drain()
	h2.u.preview.variant.SetSelected(baseVariant)
	if a.Preferences().String(PrefVariant) != "" {
		t.Error("the base scenario was not remembered")
	}
}

func TestSplitsRemembered(t *testing.T) {
	a := tempApp(t)
	h := newHarnessIn(t, a, failEngine{})
	if h.u.vsplit.Offset < 0.84 || h.u.vsplit.Offset > 0.9 {
		t.Errorf("the problems list takes %.2f of the height by default", 1-h.u.vsplit.Offset)
	}
	h.u.vsplit.SetOffset(0.7)
	h.u.split.SetOffset(0.5)
	h.u.shutdown()
	h2 := newHarnessIn(t, a, failEngine{})
	if h2.u.vsplit.Offset != 0.7 || h2.u.split.Offset != 0.5 {
		t.Errorf("splits %.2f, %.2f not remembered", h2.u.split.Offset, h2.u.vsplit.Offset)
	}
}

func TestDiagramScrollbars(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	v := h.u.preview.view
	h.win.Canvas().Refresh(v)
	if v.hbar.Visible() || v.vbar.Visible() {
		t.Error("scrollbars show while the whole diagram fits")
	}
	v.setZoom(4, nil)
	if !v.hbar.Visible() || !v.vbar.Visible() {
		t.Fatal("no scrollbars on a zoomed diagram")
	}
	if v.vbar.Size().Height >= v.Size().Height/2 || v.vbar.Size().Height < minThumb {
		t.Errorf("the vertical thumb is %v long in a view of %v", v.vbar.Size().Height, v.Size().Height)
	}
	// Dragging a thumb pans; the thumb follows.
	y0, pos0 := v.off.Y, v.vbar.Position().Y
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.vbar)
	test.Drag(h.win.Canvas(), abs.Add(fyne.NewPos(4, 4)), 0, 30)
	if v.off.Y <= y0 || v.vbar.Position().Y <= pos0 {
		t.Errorf("dragging the thumb: offset %v → %v, thumb %v → %v", y0, v.off.Y, pos0, v.vbar.Position().Y)
	}
	x0 := v.off.X
	v.pan(50, 0)
	if v.off.X <= x0 {
		t.Error("panning did not move")
	}
	v.fit()
	if v.hbar.Visible() || v.vbar.Visible() {
		t.Error("scrollbars stay after fit")
	}
}
