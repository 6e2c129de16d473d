package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// The ticks under the time bar's slider: one at every day with a mark,
// lined up with the slider's track. A day that may change the picture
// (a seat's or a track's date) has a tall tick in the foreground colour;
// one with only events or statements a short, lighter one. Hovering a
// tick says what happens that day; tapping it goes there.

// Tick sizes, in Fyne units.
const (
	tickStripHeight = 26 // ticks, then the axis' years or months
	tickAxisTop     = 13
	tickTall        = 10
	tickShort       = 5
	tickHit         = 6 // how near the pointer must be to a tick to hover it
)

type tickStrip struct {
	widget.BaseWidget
	t *timeBar
}

var (
	_ desktop.Hoverable = (*tickStrip)(nil)
	_ fyne.Tappable     = (*tickStrip)(nil)
)

func newTickStrip(t *timeBar) *tickStrip {
	s := &tickStrip{t: t}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer draws the ticks.
func (s *tickStrip) CreateRenderer() fyne.WidgetRenderer {
	return &tickRenderer{s: s}
}

// trackEnds is where the slider's track begins and ends across a strip
// of width w: the slider keeps its thumb's radius and some padding free
// at either end.
func (s *tickStrip) trackEnds(w float32) (float32, float32) {
	th := s.Theme()
	pad := (th.Size(theme.SizeNameInlineIcon)-4)/2 + th.Size(theme.SizeNameInnerPadding) - 1.5
	return pad, max(pad, w-pad)
}

// xOf is where day d's tick is in a strip of width w.
func (s *tickStrip) xOf(d scenario.Day, w float32) float32 {
	a, b := s.trackEnds(w)
	if s.t.days <= 0 {
		return a
	}
	return a + (b-a)*float32(daysBetween(s.t.first, d))/float32(s.t.days)
}

// tickAt is the index (into the bar's byDay) of the tick nearest x, or -1
// when none is within reach.
func (s *tickStrip) tickAt(x float32) int {
	best, bestD := -1, float32(tickHit)
	w := s.Size().Width
	for i, dm := range s.t.byDay {
		d := s.xOf(dm.day, w) - x
		if d < 0 {
			d = -d
		}
		if d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// MouseIn is part of desktop.Hoverable.
func (s *tickStrip) MouseIn(ev *desktop.MouseEvent) { s.t.hover(s.tickAt(ev.Position.X)) }

// MouseMoved is part of desktop.Hoverable.
func (s *tickStrip) MouseMoved(ev *desktop.MouseEvent) { s.t.hover(s.tickAt(ev.Position.X)) }

// MouseOut is part of desktop.Hoverable.
func (s *tickStrip) MouseOut() { s.t.hover(-1) }

// Tapped goes to the tick under the pointer.
func (s *tickStrip) Tapped(ev *fyne.PointEvent) {
	if i := s.tickAt(ev.Position.X); i >= 0 {
		s.t.stopPlay()
		s.t.setDay(scenario.FromTime(s.t.byDay[i].day))
	}
}

type tickRenderer struct {
	s      *tickStrip
	lines  []*canvas.Line
	labels []*canvas.Text
	objs   []fyne.CanvasObject
}

func (r *tickRenderer) Layout(size fyne.Size) { r.place(size) }

func (r *tickRenderer) MinSize() fyne.Size { return fyne.NewSize(40, tickStripHeight) }

func (r *tickRenderer) Refresh() { r.place(r.s.Size()) }

func (r *tickRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *tickRenderer) Destroy() {}

// place makes one line per mark day, where the slider puts that day.
func (r *tickRenderer) place(size fyne.Size) {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	strong := th.Color(theme.ColorNameForeground, v)
	weak := th.Color(theme.ColorNameDisabled, v)
	days := r.s.t.byDay
	for len(r.lines) < len(days) {
		l := canvas.NewLine(color.Black)
		l.StrokeWidth = 2
		r.lines = append(r.lines, l)
	}
	r.objs = r.objs[:0]
	for i, dm := range days {
		l := r.lines[i]
		x := r.s.xOf(dm.day, size.Width)
		h := float32(tickShort)
		l.StrokeColor = weak
		if dm.changes {
			h, l.StrokeColor = tickTall, strong
		}
		if i == r.s.t.hovered {
			l.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		}
		l.Position1 = fyne.NewPos(x, 1)
		l.Position2 = fyne.NewPos(x, 1+h)
		l.Refresh()
		r.objs = append(r.objs, l)
	}
	r.placeAxis(size, th.Color(theme.ColorNamePlaceHolder, v))
}

// axisDays are the days the axis names under the ticks, and their names:
// each new year over a long span, each month's first over a shorter one.
func axisDays(first scenario.Day, days int) ([]scenario.Day, []string) {
	var ds []scenario.Day
	var names []string
	last := first.AddDate(0, 0, days)
	switch {
	case days >= 400:
		for y := first.Year() + 1; y <= last.Year(); y++ {
			ds = append(ds, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
			names = append(names, strconv.Itoa(y))
		}
	case days >= 45:
		d := time.Date(first.Year(), first.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		for ; !d.After(last); d = d.AddDate(0, 1, 0) {
			name := d.Month().String()[:3]
			if d.Month() == time.January {
				name += " " + strconv.Itoa(d.Year())
			}
			ds = append(ds, d)
			names = append(names, name)
		}
	}
	return ds, names
}

// placeAxis writes the axis' names, centred under their days, leaving
// out a name that would run into the one before.
func (r *tickRenderer) placeAxis(size fyne.Size, c color.Color) {
	days, names := axisDays(r.s.t.first, r.s.t.days)
	if !r.s.t.hasSpn {
		days = nil
	}
	textSize := r.s.Theme().Size(theme.SizeNameCaptionText)
	for len(r.labels) < len(days) {
		r.labels = append(r.labels, canvas.NewText("", c))
	}
	right := float32(-1e9)
	for i, d := range days {
		l := r.labels[i]
		l.Text, l.Color, l.TextSize = names[i], c, textSize
		w := fyne.MeasureText(l.Text, textSize, l.TextStyle).Width
		x := r.s.xOf(d, size.Width) - w/2
		if x < right+8 || x < 0 || x+w > size.Width {
			continue
		}
		right = x + w
		l.Move(fyne.NewPos(x, tickAxisTop))
		l.Resize(fyne.NewSize(w, textSize+2))
		l.Refresh()
		r.objs = append(r.objs, l)
	}
}
