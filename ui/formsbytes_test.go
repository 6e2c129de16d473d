package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// commented is a scenario whose sections and entries have comments of
// their own, as people write them.
const commented = `# A scenario with comments everywhere.
format = 1

[scenario]
title = "Commented" # the title

# ── Actors ──────────────────────────────────
# States first.
[[actors]]
id = "fr" # France
name = "France"
kind = "state"

[[actors]]
id = "de"
name = "Germany"
kind = "state"
# (Germany's note would go here)

# People who represent the parties
[[actors]]
id = "macron"
name = "Emmanuel Macron"
kind = "person"
represents = "fr"

# ── Tracks ──────────────────────────────────
[[tracks]]
id = "paris"
name = "Paris summit"
kind = "summit" # an emergency one

# ── Seats ───────────────────────────────────
[[seats]]
track = "paris"
actor = "fr"
role = "convener"

# Germany's seat
[[seats]]
track = "paris"
actor = "de"
role = "participant"
`

// TestFormsKeepComments: deleting, adding and renaming through the Forms
// tab's widgets changes the file only where the entry is; every other
// comment and blank line stays, byte for byte.
func TestFormsKeepComments(t *testing.T) {
	h := newHarness(t, nil)
	h.u.setDocument("", "c.toml", commented)
	h.settle("the model", func() bool { return h.u.model != nil })
	f := h.u.forms

	// Delete Germany (and its seat, after the question): its comment line
	// inside its table goes with it; "# People who represent the parties"
	// belongs to Macron and stays, and so does "# ── Seats".
	selectEntry(h, "Actors", 1)
	test.Tap(f.del)
	test.Tap(h.overlayButton("Delete"))
	want := strings.Replace(commented, `[[actors]]
id = "de"
name = "Germany"
kind = "state"
# (Germany's note would go here)

`, "", 1)
	want = strings.Replace(want, `
# Germany's seat
[[seats]]
track = "paris"
actor = "de"
role = "participant"
`, "", 1)
	checkText(t, h, "after deleting Germany", want)

	// Add an actor: it comes after the last actor, before the tracks'
	// comment, which stays with the tracks.
	h.drain()
	test.Tap(f.add)
	want = strings.Replace(want, `represents = "fr"
`, `represents = "fr"

[[actors]]
id = "actor-1"
name = "New actor"
kind = "state"
`, 1)
	checkText(t, h, "after adding an actor", want)
	if f.sel != 2 || h.u.win.Canvas().Focused() != f.widgets["id"] {
		t.Errorf("the new actor is not selected with its id field focused: selected %d", f.sel)
	}

	// Rename it by typing over its id and pressing Enter, then its name by
	// typing and leaving the field.
	id := f.widgets["id"].(*formEntry)
	id.SetText("")
	test.Type(id, "it")
	id.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want = strings.Replace(want, `id = "actor-1"`, `id = "it"`, 1)
	checkText(t, h, "after renaming the new actor", want)
	h.drain()
	name := f.widgets["name"].(*formEntry)
	h.u.win.Canvas().Focus(name)
	name.SetText("Italy")
	h.u.win.Canvas().Focus(f.widgets["short"]) // Tab on
	want = strings.Replace(want, `name = "New actor"`, `name = "Italy"`, 1)
	checkText(t, h, "after naming the new actor", want)

	// Rename France, which others name: the references follow, and the
	// comments beside the keys stay.
	h.drain()
	selectEntry(h, "Actors", 0)
	fid := f.widgets["id"].(*formEntry)
	h.u.win.Canvas().Focus(fid)
	fid.SetText("fra")
	h.u.win.Canvas().Focus(f.widgets["name"]) // Tab to the next field
	want = strings.Replace(want, `id = "fr" # France`, `id = "fra" # France`, 1)
	want = strings.Replace(want, `represents = "fr"`, `represents = "fra"`, 1)
	want = strings.Replace(want, "actor = \"fr\"\nrole = \"convener\"", "actor = \"fra\"\nrole = \"convener\"", 1)
	checkText(t, h, "after renaming France", want)
}

func checkText(t *testing.T, h *harness, when, want string) {
	t.Helper()
	if got := h.u.text(); got != want {
		t.Fatalf("%s the file is\n%s\nwant\n%s", when, got, want)
	}
}
