package editor

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario/scenariotest"
)

// Benchmarks of what a user waits for, with Fyne's test driver:
//
//	go test ./ui/editor/ -run '^$' -bench . -benchtime 5x
//
// update-ms/op is the widget's own work on the UI thread: the edit, the
// re-lex and the refresh of the objects of every visible row (what runs
// before the GL driver paints). paint-ms/op adds a software paint of the
// whole window (test canvas Capture), which costs the same for any widget
// of that size. The baselines are Fyne's widget.Entry (what the Text tab
// used) at 3,000 and 8,000 lines and widget.TextGrid at 100,000 lines,
// measured in the same run.

var (
	genOnce sync.Once
	gen100k string
)

// scenario100k is a generated valid scenario of at least 100,000 lines.
func scenario100k() string {
	genOnce.Do(func() { gen100k = string(scenariotest.Generate(4300, 1)) })
	return gen100k
}

// firstLines is the first n lines of the generated scenario.
func firstLines(n int) string {
	s := scenario100k()
	i := 0
	for k := 0; k < n; k++ {
		i += strings.IndexByte(s[i:], '\n') + 1
	}
	return s[:i]
}

const benchWidth, benchHeight = 900, 700

func report(b *testing.B, update, paint time.Duration) {
	b.ReportMetric(float64(update.Microseconds())/1000/float64(b.N), "update-ms/op")
	b.ReportMetric(float64(paint.Microseconds())/1000/float64(b.N), "paint-ms/op")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkOpen100k: a new editor takes the 100,000-line text and is
// drawn for the first time.
func BenchmarkOpen100k(b *testing.B) {
	text := scenario100k()
	if n := strings.Count(text, "\n"); n < 100000 {
		b.Fatalf("only %d lines", n)
	}
	test.NewTempApp(b)
	var update, paint time.Duration
	for b.Loop() {
		start := time.Now()
		e := New()
		e.Reset(text)
		w := test.NewWindow(e) // closed below: a temporary window would be closed twice
		w.Resize(fyne.NewSize(benchWidth, benchHeight))
		update += time.Since(start)
		w.Canvas().Capture()
		paint += time.Since(start)
		w.Close()
	}
	report(b, update, paint)
}

// keystrokes types characters in the middle of the text: each is an
// edit, a re-lex and a refresh of the visible rows.
func keystrokes(b *testing.B, e *Editor, w fyne.Window) {
	e.GotoLine(e.LineCount()/2, 8)
	w.Canvas().Capture()
	var update, paint time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		e.TypedRune(rune('a' + i%26))
		update += time.Since(start)
		w.Canvas().Capture()
		paint += time.Since(start)
		i++
	}
	report(b, update, paint)
}

func BenchmarkKeystroke100k(b *testing.B) {
	test.NewTempApp(b)
	e := New()
	e.Reset(scenario100k())
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	keystrokes(b, e, w)
}

// BenchmarkKeystrokeNewline100k: Enter adds a line, which renumbers every
// row below it.
func BenchmarkKeystrokeNewline100k(b *testing.B) {
	test.NewTempApp(b)
	e := New()
	e.Reset(scenario100k())
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	e.GotoLine(e.LineCount()/2, 8)
	var update, paint time.Duration
	for b.Loop() {
		start := time.Now()
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		update += time.Since(start)
		w.Canvas().Capture()
		paint += time.Since(start)
	}
	report(b, update, paint)
}

// BenchmarkKeystrokeAndText100k is a keystroke followed by Text(), the
// whole text as an app reads it after each change.
func BenchmarkKeystrokeAndText100k(b *testing.B) {
	test.NewTempApp(b)
	e := New()
	e.Reset(scenario100k())
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	e.GotoLine(e.LineCount()/2, 8)
	var update time.Duration
	for b.Loop() {
		start := time.Now()
		e.TypedRune('x')
		_ = e.Text()
		update += time.Since(start)
	}
	report(b, update, 0)
}

// BenchmarkPageDown100k scrolls by a page (the cursor with it).
func BenchmarkPageDown100k(b *testing.B) {
	test.NewTempApp(b)
	e := New()
	e.Reset(scenario100k())
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	e.GotoLine(e.LineCount()/3, 1)
	var update, paint time.Duration
	for b.Loop() {
		start := time.Now()
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		update += time.Since(start)
		w.Canvas().Capture()
		paint += time.Since(start)
	}
	report(b, update, paint)
}

// BenchmarkGotoLineEnd100k jumps to the last line, which lexes the whole
// file the first time.
func BenchmarkGotoLineEnd100k(b *testing.B) {
	test.NewTempApp(b)
	text := scenario100k()
	var update time.Duration
	for b.Loop() {
		e := New()
		e.Reset(text)
		w := test.NewWindow(e) // closed below: a temporary window would be closed twice
		w.Resize(fyne.NewSize(benchWidth, benchHeight))
		start := time.Now()
		e.GotoLine(e.LineCount(), 1)
		update += time.Since(start)
		w.Close()
	}
	report(b, update, 0)
}

// The baselines.

func benchEntry(b *testing.B, lines int) {
	text := firstLines(lines)
	test.NewTempApp(b)
	e := widget.NewMultiLineEntry()
	e.TextStyle = fyne.TextStyle{Monospace: true}
	e.Wrapping = fyne.TextWrapOff
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	start := time.Now()
	e.SetText(text)
	w.Canvas().Capture()
	b.ReportMetric(float64(time.Since(start).Milliseconds()), "open-ms")
	e.CursorRow, e.CursorColumn = lines/2, 8
	w.Canvas().Focus(e)
	var update, paint time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		e.TypedRune(rune('a' + i%26))
		update += time.Since(start)
		w.Canvas().Capture()
		paint += time.Since(start)
		i++
	}
	report(b, update, paint)
}

func BenchmarkEntryKeystroke3000(b *testing.B) { benchEntry(b, 3000) }
func BenchmarkEntryKeystroke8000(b *testing.B) { benchEntry(b, 8000) }

// BenchmarkEditorKeystroke3000 and 8000 are this editor at the Entry's
// sizes.
func BenchmarkEditorKeystroke3000(b *testing.B) { benchEditorAt(b, 3000) }
func BenchmarkEditorKeystroke8000(b *testing.B) { benchEditorAt(b, 8000) }

func benchEditorAt(b *testing.B, lines int) {
	test.NewTempApp(b)
	e := New()
	e.Reset(firstLines(lines))
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	keystrokes(b, e, w)
}

// BenchmarkTextGrid100k is the other way considered: widget.TextGrid
// with line numbers, one row changed per keystroke (without any
// highlighting, which would restyle cells too).
func BenchmarkTextGrid100k(b *testing.B) {
	text := scenario100k()
	test.NewTempApp(b)
	g := widget.NewTextGrid()
	g.ShowLineNumbers = true
	w := test.NewTempWindow(b, g)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	start := time.Now()
	g.SetText(text)
	w.Canvas().Capture()
	b.ReportMetric(float64(time.Since(start).Milliseconds()), "open-ms")
	row := 10 // in view
	var update, paint time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		r := g.Rows[row%len(g.Rows)]
		cells := append([]widget.TextGridCell{{Rune: rune('a' + i%26)}}, r.Cells...)
		g.SetRow(row, widget.TextGridRow{Cells: cells})
		g.Refresh()
		update += time.Since(start)
		w.Canvas().Capture()
		paint += time.Since(start)
		i++
	}
	report(b, update, paint)
}

// BenchmarkCaptureLabel is the software paint of the same window showing
// a plain label of as many lines as the editor shows: the part of
// paint-ms/op that any widget costs in the test driver.
func BenchmarkCaptureLabel(b *testing.B) {
	test.NewTempApp(b)
	l := widget.NewLabel(firstLines(45))
	l.TextStyle = fyne.TextStyle{Monospace: true}
	w := test.NewTempWindow(b, l)
	w.Resize(fyne.NewSize(benchWidth, benchHeight))
	var paint time.Duration
	for b.Loop() {
		start := time.Now()
		l.Refresh()
		w.Canvas().Capture()
		paint += time.Since(start)
	}
	report(b, 0, paint)
}
