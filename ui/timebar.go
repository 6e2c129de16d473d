package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// The time bar: the day the preview shows. A slider over the file's span
// at day precision with a tick under it at every dated thing
// (scenario.Marks), the day as text and what happens on it, buttons to
// step to the previous and next mark, Play (mark after mark at a readable
// pace) and a return to the file's own as_of. The day chosen and the
// variant survive edits, and are remembered per file (filememory.go).

// playPace is how long Play shows each mark's picture (a variable so that
// tests can run it faster).
var playPace = 1500 * time.Millisecond

// dayMarks are the marks of one day.
type dayMarks struct {
	day     scenario.Day
	marks   []scenario.Mark
	changes bool // one of them may change the picture
}

// timeBar is the date control above the preview.
type timeBar struct {
	u       *App
	slider  *widget.Slider
	ticks   *tickStrip
	date    *widget.Label // the day shown
	info    *widget.Label // what happens that day, or on the tick under the pointer
	prev    *widget.Button
	next    *widget.Button
	play    *widget.Button
	reset   *widget.Button
	compare *widget.Button
	noDates *widget.Label     // why the bar is off
	dated   fyne.CanvasObject // the slider's row
	content fyne.CanvasObject

	// The span of the current scenario: the first day and how many days
	// follow it; its marks by day; its as_of.
	first  scenario.Day
	days   int
	byDay  []dayMarks
	fileAs scenario.Date
	hasSpn bool
	// chosen is the day picked on the bar; zero follows the file's as_of
	// (so that an edit of as_of moves the picture with it).
	chosen  scenario.Date
	hovered int // the tick under the pointer, -1 none

	playing     bool
	playGen     uint64 // counts Play presses, to drop a stopped run's steps
	playDrawing bool   // Play's last step is not on screen yet
	playDue     bool   // Play's pace has passed since its last step
	quiet       bool   // setting the slider from code
}

func newTimeBar(u *App) *timeBar {
	t := &timeBar{u: u, hovered: -1}
	t.slider = widget.NewSlider(0, 1)
	t.slider.Step = 1
	t.slider.OnChanged = t.slid
	t.ticks = newTickStrip(t)
	t.date = widget.NewLabel("")
	t.date.TextStyle.Bold = true
	t.info = widget.NewLabel("")
	t.info.Truncation = fyne.TextTruncateEllipsis
	t.prev = widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), t.stepBack)
	t.next = widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), t.stepOn)
	t.play = widget.NewButtonWithIcon("Play", theme.MediaPlayIcon(), t.togglePlay)
	t.reset = widget.NewButtonWithIcon("File's as_of", theme.HistoryIcon(), t.toFileDate)
	t.compare = widget.NewButtonWithIcon("Compare…", theme.ContentCopyIcon(), u.enterCompare)
	t.noDates = widget.NewLabel("")
	t.noDates.Importance = widget.LowImportance
	t.noDates.Truncation = fyne.TextTruncateEllipsis
	t.noDates.Hide()

	// Row one: step and Play, the slider with its ticks and axis, the
	// day; row two: what happens that day, the way back to as_of, and
	// Compare. The slider takes the width the rest leaves.
	track := container.NewVBox(t.slider, t.ticks)
	buttons := container.NewVBox(container.NewHBox(t.prev, t.play, t.next))
	top := container.NewBorder(nil, nil, buttons, container.NewVBox(t.date), track)
	t.dated = top
	t.content = container.NewVBox(
		container.NewStack(t.dated, t.noDates),
		container.NewBorder(nil, nil, nil, container.NewHBox(t.reset, t.compare), t.info))
	t.update(nil)
	return t
}

// update takes the scenario that loaded (nil: none yet): its span, ticks
// and as_of. The day chosen stays.
func (t *timeBar) update(s *scenario.Scenario) {
	t.byDay, t.hasSpn, t.fileAs = nil, false, scenario.Date{}
	if s != nil {
		t.fileAs = s.Meta.AsOf
		first, last, ok := s.Span()
		t.hasSpn = ok
		if ok {
			t.first = first
			t.days = int(last.Sub(first).Hours()/24 + 0.5)
			for _, m := range s.Marks() {
				if n := len(t.byDay); n > 0 && t.byDay[n-1].day.Equal(m.Day) {
					t.byDay[n-1].marks = append(t.byDay[n-1].marks, m)
					t.byDay[n-1].changes = t.byDay[n-1].changes || m.Changes
					continue
				}
				t.byDay = append(t.byDay, dayMarks{day: m.Day, marks: []scenario.Mark{m}, changes: m.Changes})
			}
		}
	}
	if !t.hasSpn {
		t.stopPlay()
		t.dated.Hide()
		t.info.Hide()
		t.reset.Hide()
		t.noDates.SetText("Time: this file has no dates, so its picture is the same on every day (give it an as_of, or dates to seats, tracks, events).")
		if s == nil {
			t.noDates.SetText("Time: the date slider appears once the scenario loads.")
		}
		t.noDates.Show()
		return
	}
	t.noDates.Hide()
	t.dated.Show()
	t.info.Show()
	t.reset.Show()
	t.slider.Max = float64(max(t.days, 1))
	if t.days == 0 {
		t.slider.Disable()
	} else {
		t.slider.Enable()
	}
	t.ticks.Refresh()
	t.show()
}

// asOf is the day the preview draws: the day chosen, or zero for the
// file's own as_of.
func (t *timeBar) asOf() scenario.Date { return t.chosen }

// current is the day shown: the day chosen, else the file's as_of; ok is
// false when neither is set (the picture shows every date).
func (t *timeBar) current() (scenario.Day, bool) {
	switch {
	case !t.chosen.IsZero():
		return t.chosen.First(), true
	case !t.fileAs.IsZero():
		return t.fileAs.First(), true
	}
	return time.Time{}, false
}

// show puts the slider, the date and the day's marks in step with the day
// shown.
func (t *timeBar) show() {
	if !t.hasSpn {
		return
	}
	day, ok := t.current()
	v := float64(t.days)
	if ok {
		v = float64(daysBetween(t.first, day))
	}
	t.quiet = true
	t.slider.SetValue(min(max(v, 0), t.slider.Max))
	t.quiet = false
	switch {
	case !ok:
		t.date.SetText("All dates")
	case t.chosen.IsZero():
		t.date.SetText(t.fileAs.Human() + " (as_of)")
	default:
		t.date.SetText(t.chosen.Human())
	}
	// The way back: to the file's as_of, or to every date when it has
	// none.
	if t.fileAs.IsZero() {
		t.reset.SetText("All dates")
	} else {
		t.reset.SetText("File's as_of")
	}
	if t.chosen.IsZero() {
		t.reset.Disable()
	} else {
		t.reset.Enable()
	}
	t.showInfo()
}

// showInfo says what happens on the day shown, or on the tick under the
// pointer.
func (t *timeBar) showInfo() {
	if t.hovered >= 0 && t.hovered < len(t.byDay) {
		dm := t.byDay[t.hovered]
		t.info.SetText(scenario.FromTime(dm.day).Human() + ": " + t.describe(dm))
		return
	}
	day, ok := t.current()
	if !ok {
		t.info.SetText("The file has no as_of: every seat is drawn, whatever its dates. Move the slider to see one day.")
		return
	}
	where := ""
	switch {
	case day.Before(t.first):
		where = "Before the first date in the file. "
	case day.After(t.first.AddDate(0, 0, t.days)):
		where = "After the last date in the file. "
	}
	for _, dm := range t.byDay {
		if text := t.describe(dm); dm.day.Equal(day) && text != "" {
			t.info.SetText(where + text)
			return
		}
	}
	if i := t.markAfter(day); i < len(t.byDay) {
		t.info.SetText(where + "Next: " + scenario.FromTime(t.byDay[i].day).Human() + ", " + t.describe(t.byDay[i]))
		return
	}
	if i := t.markBefore(day); i >= 0 {
		t.info.SetText(where + "Last before: " + scenario.FromTime(t.byDay[i].day).Human() + ", " + t.describe(t.byDay[i]))
		return
	}
	t.info.SetText(where)
}

// describe lists a day's marks for a reader.
func (t *timeBar) describe(dm dayMarks) string {
	parts := make([]string, 0, len(dm.marks))
	for _, m := range dm.marks {
		if m.Ref == "scenario" {
			continue // the date says "as_of" already
		}
		parts = append(parts, markWords(t.u.model, m))
	}
	return strings.Join(parts, " · ")
}

func daysBetween(a, b scenario.Day) int { return int(b.Sub(a).Hours()/24 + 0.5*sign(b.Sub(a))) }

func sign(d time.Duration) float64 {
	if d < 0 {
		return -1
	}
	return 1
}

// slid takes the slider's new value: that day.
func (t *timeBar) slid(v float64) {
	if t.quiet || !t.hasSpn {
		return
	}
	t.setDay(scenario.FromTime(t.first.AddDate(0, 0, int(v+0.5))))
}

// setDay shows the day d (zero: the file's as_of) and draws it.
func (t *timeBar) setDay(d scenario.Date) {
	if d == t.chosen {
		return
	}
	t.chosen = d
	t.show()
	t.u.submit()
}

// markAfter is the index of the first mark day after day (len when none).
func (t *timeBar) markAfter(day scenario.Day) int {
	for i, dm := range t.byDay {
		if dm.day.After(day) {
			return i
		}
	}
	return len(t.byDay)
}

// markBefore is the index of the last mark day before day (-1 when none).
func (t *timeBar) markBefore(day scenario.Day) int {
	for i := len(t.byDay) - 1; i >= 0; i-- {
		if t.byDay[i].day.Before(day) {
			return i
		}
	}
	return -1
}

// stepOn goes to the next mark; from "all dates", to the first.
func (t *timeBar) stepOn() {
	t.stopPlay()
	t.stepTo(true)
}

// stepBack goes to the previous mark; from "all dates", to the last.
func (t *timeBar) stepBack() {
	t.stopPlay()
	t.stepTo(false)
}

// stepTo moves to the next (or previous) mark; it reports whether there
// was one.
func (t *timeBar) stepTo(forward bool) bool {
	if !t.hasSpn || len(t.byDay) == 0 {
		return false
	}
	day, ok := t.current()
	i := 0
	switch {
	case !ok && forward:
		i = 0
	case !ok:
		i = len(t.byDay) - 1
	case forward:
		i = t.markAfter(day)
	default:
		i = t.markBefore(day)
	}
	if i < 0 || i >= len(t.byDay) {
		return false
	}
	t.setDay(scenario.FromTime(t.byDay[i].day))
	return true
}

// toFileDate goes back to the file's own as_of.
func (t *timeBar) toFileDate() {
	t.stopPlay()
	t.setDay(scenario.Date{})
}

// togglePlay starts Play, or stops it.
func (t *timeBar) togglePlay() {
	if t.playing {
		t.stopPlay()
		return
	}
	if !t.hasSpn || len(t.byDay) == 0 {
		return
	}
	t.playing = true
	t.playGen++
	t.play.SetText("Stop")
	t.play.SetIcon(theme.MediaStopIcon())
	// From the end, Play starts again at the first mark.
	before := t.chosen
	if day, ok := t.current(); !ok || t.markAfter(day) == len(t.byDay) {
		t.setDay(scenario.FromTime(t.byDay[0].day))
	} else {
		t.stepTo(true)
	}
	t.playStepped(t.chosen != before)
}

// playStepped waits, after a step of Play, for the pace to pass and the
// day's diagram to be on screen (a large scenario takes longer than the
// pace to draw; without the wait each step would cancel the last and
// nothing would show) before the next step.
func (t *timeBar) playStepped(drawing bool) {
	gen := t.playGen
	t.playDrawing, t.playDue = drawing, false
	time.AfterFunc(playPace, func() {
		t.u.do(func() {
			if t.playing && t.playGen == gen {
				t.playDue = true
				t.playOn()
			}
		})
	})
}

// frameShown is told that a diagram (or its error) is on screen.
func (t *timeBar) frameShown() {
	t.playDrawing = false
	t.playOn()
}

// playOn takes Play's next step once the pace has passed and the last
// step's diagram is on screen; it stops after the last mark.
func (t *timeBar) playOn() {
	if !t.playing || !t.playDue || t.playDrawing {
		return
	}
	if day, _ := t.current(); t.markAfter(day) == len(t.byDay) || !t.stepTo(true) {
		t.stopPlay() // the last mark is on screen
		return
	}
	t.playStepped(true)
}

func (t *timeBar) stopPlay() {
	if !t.playing {
		return
	}
	t.playing = false
	t.playGen++
	t.play.SetText("Play")
	t.play.SetIcon(theme.MediaPlayIcon())
}

// hover shows the marks of the tick i under the pointer (-1: none).
func (t *timeBar) hover(i int) {
	if i == t.hovered {
		return
	}
	t.hovered = i
	t.ticks.Refresh()
	t.showInfo()
}
