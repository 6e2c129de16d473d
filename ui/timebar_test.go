package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
)

var goodFriday = filepath.Join("..", "examples", "good-friday-1998.toml")

// openFile opens a scenario file and waits for its diagram.
func (h *harness) openFile(path string) {
	h.t.Helper()
	if err := h.u.OpenFile(path); err != nil {
		h.t.Fatal(err)
	}
	h.settle("the file's diagram", func() bool { return h.drawing() != nil && h.u.model != nil && h.u.time.hasSpn })
	h.drain()
}

// drawnDay is the day the diagram on screen says it shows ("As of 16 Jul
// 1997" in its subtitle), "" when it says none.
func drawnDay(d *drawing.Drawing) string {
	for _, it := range d.Items {
		if i := strings.Index(it.Text, "As of "); i >= 0 {
			rest := it.Text[i+len("As of "):]
			if j := strings.Index(rest, " ·"); j >= 0 {
				rest = rest[:j]
			}
			return rest
		}
	}
	return ""
}

// waitDrawnDay waits for the diagram of the day d.
func (h *harness) waitDrawnDay(d scenario.Date) {
	h.t.Helper()
	want := d.Human()
	h.settle("the diagram of "+want, func() bool { x := h.drawing(); return x != nil && drawnDay(x) == want })
}

// markDays are the distinct days of a scenario's marks, as the bar steps
// through them.
func markDays(s *scenario.Scenario) []scenario.Date {
	var ds []scenario.Date
	for _, m := range s.Marks() {
		d := scenario.FromTime(m.Day)
		if len(ds) == 0 || ds[len(ds)-1] != d {
			ds = append(ds, d)
		}
	}
	return ds
}

func TestTimeSliderMovesTheDate(t *testing.T) {
	h := newHarness(t, nil)
	h.openFile(goodFriday)
	tb := h.u.time
	if got := drawnDay(h.drawing()); got != "10 Apr 1998" {
		t.Fatalf("the file opens on %q, want its as_of 10 Apr 1998", got)
	}
	if !strings.Contains(tb.date.Text, "10 Apr 1998") {
		t.Errorf("the bar says %q, want the as_of", tb.date.Text)
	}
	// A tap a quarter of the way along the slider picks a day there.
	size := fyne.NewSize(400, tb.slider.MinSize().Height)
	tb.slider.Resize(size)
	test.TapAt(tb.slider, fyne.NewPos(size.Width/4, size.Height/2))
	first, last, _ := h.u.model.Span()
	picked := tb.chosen.First()
	if !picked.After(first) || !picked.Before(last) {
		t.Fatalf("the tap picked %v, not a day inside the span %v–%v", tb.chosen, first, last)
	}
	if want := first.AddDate(0, 0, int(tb.slider.Value)); !picked.Equal(want) {
		t.Errorf("the bar shows %v, the slider is on %v", picked, want)
	}
	h.waitDrawnDay(tb.chosen)
	if tb.date.Text != tb.chosen.Human() {
		t.Errorf("the bar says %q for %s", tb.date.Text, tb.chosen.Human())
	}
	// The keyboard moves it a day.
	before := tb.chosen
	tb.slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if want := scenario.FromTime(before.First().AddDate(0, 0, 1)); tb.chosen != want {
		t.Errorf("→ moved to %v, want %v", tb.chosen, want)
	}
	h.waitDrawnDay(tb.chosen)
	// Back to the file's own as_of.
	test.Tap(tb.reset)
	if !tb.chosen.IsZero() {
		t.Errorf("after File's as_of the bar is on %v", tb.chosen)
	}
	h.waitDrawnDay(h.u.model.Meta.AsOf)
}

func TestTimeStepsMarkToMark(t *testing.T) {
	h := newHarness(t, nil)
	h.openFile(goodFriday)
	tb := h.u.time
	days := markDays(h.u.model)
	if len(days) < 5 {
		t.Fatalf("the file has %d mark days", len(days))
	}
	// From the as_of (the last mark here) back to the first, one tap each.
	var seen []scenario.Date
	for range len(days) - 1 {
		test.Tap(tb.prev)
		seen = append(seen, tb.chosen)
	}
	want := slices.Clone(days[:len(days)-1])
	slices.Reverse(want)
	if !slices.Equal(seen, want) {
		t.Errorf("◀ went to\n%v\nwant\n%v", seen, want)
	}
	h.waitDrawnDay(days[0])
	test.Tap(tb.prev) // nothing before the first: it stays
	if tb.chosen != days[0] {
		t.Errorf("◀ at the first mark moved to %v", tb.chosen)
	}
	test.Tap(tb.next)
	test.Tap(tb.next)
	if tb.chosen != days[2] {
		t.Errorf("▶ twice from the first mark is %v, want %v", tb.chosen, days[2])
	}
	h.waitDrawnDay(days[2])
	// The menu's keys do the same.
	h.u.timeStep(false)
	if tb.chosen != days[1] {
		t.Errorf("Previous Date went to %v, want %v", tb.chosen, days[1])
	}
	// The ticks: one per mark day, a tap on one goes there.
	if len(tb.byDay) != len(days) {
		t.Errorf("%d ticks for %d mark days", len(tb.byDay), len(days))
	}
	tb.ticks.Resize(fyne.NewSize(600, tickStripHeight))
	x := tb.ticks.xOf(days[3].First(), 600)
	test.TapAt(tb.ticks, fyne.NewPos(x, 4))
	if tb.chosen != days[3] {
		t.Errorf("a tap on the fourth tick went to %v, want %v", tb.chosen, days[3])
	}
	// Hovering a tick says what happens that day.
	tb.hover(3)
	if !strings.HasPrefix(tb.info.Text, days[3].Human()+": ") {
		t.Errorf("hovering the tick says %q", tb.info.Text)
	}
}

func TestTimePlay(t *testing.T) {
	defer func(p time.Duration) { playPace = p }(playPace)
	playPace = 10 * time.Millisecond
	h := newHarness(t, nil)
	h.openFile(goodFriday)
	tb := h.u.time
	days := markDays(h.u.model)
	var seen []scenario.Date
	test.Tap(tb.play) // from the as_of, the last mark: it starts again at the first
	if !tb.playing || tb.play.Text != "Stop" {
		t.Fatalf("Play did not start (%q)", tb.play.Text)
	}
	seen = append(seen, tb.chosen)
	h.settle("Play to reach the end", func() bool {
		if n := len(seen); n == 0 || seen[n-1] != tb.chosen {
			seen = append(seen, tb.chosen)
		}
		return !tb.playing
	})
	if !slices.Equal(seen, days) {
		t.Errorf("Play showed\n%v\nwant every mark day\n%v", seen, days)
	}
	if tb.play.Text != "Play" {
		t.Errorf("after the end the button says %q", tb.play.Text)
	}
	// A second press stops it.
	playPace = time.Hour
	test.Tap(tb.play)
	at := tb.chosen
	test.Tap(tb.play)
	if tb.playing || tb.chosen != at {
		t.Errorf("the second press did not stop Play (playing %v, on %v)", tb.playing, tb.chosen)
	}
}

func TestTimeAndVariantSurviveEdits(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	variant := h.u.model.Variants[0]
	h.u.preview.variant.SetSelected(variant.Name)
	tb := h.u.time
	test.Tap(tb.prev)
	day := tb.chosen
	if day.IsZero() {
		t.Fatal("◀ chose no day")
	}
	h.waitDrawnDay(day)
	// An edit in the text, validated and drawn again.
	old := h.drawing()
	text := strings.Replace(h.u.text(), `title = "`, `title = "Edited: `, 1)
	h.u.replaceText(text, true)
	d := h.waitNewDrawing(old)
	h.drain()
	if tb.chosen != day || h.u.preview.wanted != variant.ID {
		t.Errorf("after the edit: day %v variant %q, want %v %q", tb.chosen, h.u.preview.wanted, day, variant.ID)
	}
	if got := drawnDay(d); got != day.Human() {
		t.Errorf("the edited text is drawn on %q, want %q", got, day.Human())
	}
	if h.u.preview.variant.Selected != variant.Name {
		t.Errorf("the picker shows %q", h.u.preview.variant.Selected)
	}
	// A text with errors, then fixed: still the same day and variant.
	h.u.replaceText(text+"\n[[broken", true)
	h.drain()
	h.u.replaceText(text, true)
	h.drain()
	if tb.chosen != day || h.u.preview.wanted != variant.ID {
		t.Errorf("after an error and its fix: day %v variant %q", tb.chosen, h.u.preview.wanted)
	}
	// The next window on the same app remembers them for this file.
	h2 := newHarnessIn(t, h.app, nil)
	h2.u.preview.wanted = ""
	h2.openExample()
	if h2.u.time.chosen != day || h2.u.preview.wanted != variant.ID {
		t.Errorf("reopened on day %v variant %q, want %v %q", h2.u.time.chosen, h2.u.preview.wanted, day, variant.ID)
	}
	if got := drawnDay(h2.drawing()); got != day.Human() {
		t.Errorf("reopened, the diagram is of %q", got)
	}
}

func TestTimeBarWithoutDates(t *testing.T) {
	h := newHarness(t, nil)
	h.u.setDocument("", "undated.toml", "format = 1\n[scenario]\ntitle = \"T\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n")
	h.settle("the scenario", func() bool { return h.u.model != nil })
	h.drain()
	tb := h.u.time
	if tb.dated.Visible() || !tb.noDates.Visible() || !strings.Contains(tb.noDates.Text, "no dates") {
		t.Errorf("an undated file: slider shown %v, reason %q (shown %v)", tb.dated.Visible(), tb.noDates.Text, tb.noDates.Visible())
	}
	h.u.timeStep(true)
	if !tb.chosen.IsZero() || !strings.Contains(h.u.status.Text, "no dates") {
		t.Errorf("Next Date on an undated file: day %v, status %q", tb.chosen, h.u.status.Text)
	}
	test.Tap(tb.play)
	if tb.playing {
		t.Error("Play runs on an undated file")
	}
}

func TestRememberFileViews(t *testing.T) {
	h := newHarness(t, nil)
	for i := range maxFileViews + 5 {
		h.u.doc.name = "f" + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		h.u.rememberFileView("v", scenario.Date{Year: 1998, Month: 4, Day: 10})
	}
	if n := len(h.u.prefs().StringList(PrefFileViews)); n != maxFileViews {
		t.Errorf("%d files remembered, want at most %d", n, maxFileViews)
	}
	v, d, ok := h.u.recallFileView()
	if !ok || v != "v" || d.String() != "1998-04-10" {
		t.Errorf("recalled %q %v %v", v, d, ok)
	}
}

// On a scenario slower to draw than Play's pace, Play waits for each
// day's diagram: every mark day is drawn, none is skipped.
func TestTimePlayWaitsForEachDiagram(t *testing.T) {
	defer func(p time.Duration) { playPace = p }(playPace)
	playPace = 5 * time.Millisecond
	eng := &slowEngine{Engine: keepOpen{testWorker()}, delay: 40 * time.Millisecond}
	h := newHarness(t, eng)
	h.openFile(goodFriday)
	days := markDays(h.u.model)
	var drawn []string
	var last *drawing.Drawing
	test.Tap(h.u.time.play)
	h.settle("Play to reach the end", func() bool {
		if d := h.drawing(); d != last {
			last = d
			if day := drawnDay(d); len(drawn) == 0 || drawn[len(drawn)-1] != day {
				drawn = append(drawn, day)
			}
		}
		return !h.u.time.playing
	})
	var want []string
	for _, d := range days {
		want = append(want, d.Human())
	}
	if drawn[0] == "10 Apr 1998" {
		drawn = drawn[1:] // the as_of, before Play
	}
	if strings.Join(drawn, ", ") != strings.Join(want, ", ") {
		t.Errorf("Play drew\n%v\nwant every mark day\n%v", drawn, want)
	}
}

// A file with dates but no as_of shows every date until a day is picked,
// and the way back says so.
func TestTimeBarWithoutAsOf(t *testing.T) {
	h := newHarness(t, nil)
	b, err := os.ReadFile(goodFriday)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "as_of = 1998-04-10\n", "", 1)
	h.u.setDocument("", "no-as-of.toml", text)
	h.settle("the scenario", func() bool { return h.u.model != nil && h.u.time.hasSpn && h.drawing() != nil })
	h.drain()
	tb := h.u.time
	if tb.date.Text != "All dates" || drawnDay(h.drawing()) != "" || tb.reset.Text != "All dates" || !tb.reset.Disabled() {
		t.Errorf("no as_of: the bar says %q, the diagram %q, the way back %q", tb.date.Text, drawnDay(h.drawing()), tb.reset.Text)
	}
	days := markDays(h.u.model)
	test.Tap(tb.next)
	if tb.chosen != days[0] {
		t.Errorf("▶ from every date went to %v, want the first mark %v", tb.chosen, days[0])
	}
	h.waitDrawnDay(days[0])
	test.Tap(tb.reset)
	h.settle("every date again", func() bool { return drawnDay(h.drawing()) == "" })
}
