// Package ui is Parley's desktop window: a TOML editor and structured forms
// for one scenario, always in step, a live participation diagram, a
// problems list, safe saving, undo and export. New is the one entry point.
// It knows nothing of go-graphviz: diagrams come from a render.Engine (a
// render.Worker in the app).
package ui

// Why about 550 lines: App's fields are the window's widgets and state,
// every panel's (the brief's rule: widgets kept as fields), with the one
// place that wires them together; each panel's behaviour is in its own
// file.

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// Version is Parley's version, shown in About. main sets it before New.
var Version = "dev"

// FormatReference is the scenario format reference (the text of
// docs/format.md, Markdown) shown by Help › Format reference. main sets it
// before New; while it is empty Help says where the reference is.
var FormatReference string

// Timings of the window's background work.
const (
	// typingPause is how long typing must pause before the text is
	// validated, rendered and becomes an undo step.
	typingPause = 300 * time.Millisecond
	// autosaveDelay is how long after the last change unsaved work is
	// written to the recovery file.
	autosaveDelay = 2 * time.Second
	// watchInterval is how often the open file is checked for changes made
	// outside Parley.
	watchInterval = time.Second
)

// App is one Parley window: the document it edits and the panels that show
// it.
type App struct {
	fyneApp fyne.App
	win     fyne.Window
	eng     render.Engine
	do      func(func()) // runs a function on the UI thread (fyne.Do)

	doc     document
	history *history
	pipe    *pipeline
	pdfPage string // the page of PDF exports, one of render.Pages (export.go)

	describing *describeDialog // the open description, if any (describe.go)

	// The last text that loaded, and its scenario: the forms, the matrix
	// and the view controls show it.
	model     *scenario.Scenario
	modelText string
	problems  scenario.Problems

	typing   uint64      // counts keystrokes, to know a pause is the latest
	typeAt   *time.Timer // the pending typing pause
	autoAt   *time.Timer // the pending autosave
	recovery recoveryFile
	watch    *fileWatch
	closing  bool

	editor  *editorPanel
	forms   *formsPanel
	matrix  *matrixPanel
	preview *previewPanel
	time    *timeBar        // the day shown (timebar.go)
	compare *comparePanel   // Compare mode, when open (compare.go)
	right   *fyne.Container // the time bar over the preview
	probs   *problemsPanel
	tabs    *container.AppTabs
	status  *widget.Label
	split   *container.Split // editor | diagram
	vsplit  *container.Split // (editor | diagram) / problems
	recent  *fyne.Menu
	guard   *unsavedGuard // the open Save / Discard / Cancel question
	// saveDialog is the open Save As dialog (tests fill it in).
	saveDialog *dialog.FileDialog
	measure    func(event string, d time.Duration) // test hook: timings

	menu       *fyne.MainMenu
	palette    *palette // the open command palette
	themeItems []*fyne.MenuItem
	viewItems  []*fyne.MenuItem // View › Participation … Grid (previewviews.go)
	// exportItems are File › Export …, by format: enabled for the formats
	// of the view shown.
	exportItems map[render.Format]*fyne.MenuItem
	// selected is the selection every view and the forms share
	// (selection.go): a diagram Ref, "" none.
	selected   string
	helpWindow fyne.Window

	recoveryOffered bool
	recoveryDialog  dialog.Dialog
	lastError       error  // the last error shown
	lastInfo        string // the last message shown
	started         time.Time
	firstHit        bool
}

// document is the file being edited.
type document struct {
	path  string // "" until saved somewhere
	name  string // what the title shows
	text  string // the editor's text, when not stale (see App.text)
	stale bool   // typed since text was taken from the editor
	saved string // the text as last loaded or saved: dirty when different
	stamp fileStamp
	// diskHash is the SHA-256 of the file's content as Parley last read or
	// wrote it: the watch ignores a change to that content (its own save).
	diskHash [sha256.Size]byte
}

// dirty reports whether the text differs from the file (typing not yet
// taken into text counts as a difference until it is).
func (d *document) dirty() bool { return d.stale || d.text != d.saved }

// text is the document's text. Typing only marks it stale (building the
// whole text of a long file on each keystroke would cost milliseconds);
// it is taken from the editor when it is asked for.
func (u *App) text() string {
	if u.doc.stale {
		u.doc.text, u.doc.stale = u.editor.ed.Text(), false
	}
	return u.doc.text
}

// New builds Parley's window in w: menus, panels, shortcuts, the layout
// worker (closed with the window), preferences (window size, theme, view
// options) and the close guard. It opens nothing: call OpenFile or
// OpenExample next, then w.ShowAndRun.
func New(a fyne.App, w fyne.Window) *App {
	// The Worker's default command: this executable's running image, so
	// that an upgrade of the installed binary does not break the window.
	eng := render.NewWorker(render.WorkerOptions{})
	return newApp(a, w, eng, fyne.Do)
}

// newApp is New with the engine given (tests pass a fake or a test worker)
// and the function that runs code on the UI thread. The App closes eng when
// the window closes.
func newApp(a fyne.App, w fyne.Window, eng render.Engine, do func(func())) *App {
	installLazyFileRepo()
	u := &App{fyneApp: a, win: w, eng: &layoutCache{Engine: eng}, do: do, started: time.Now()}
	u.history = newHistory()
	u.pipe = newPipeline(u.eng)
	u.applyThemePref()
	u.followAppTheme() // describe.go

	u.editor = newEditorPanel(u)
	u.forms = newFormsPanel(u)
	u.matrix = newMatrixPanel(u)
	u.preview = newPreviewPanel(u)
	u.time = newTimeBar(u)
	u.right = container.NewBorder(u.time.content, nil, nil, nil, u.preview.content)
	u.probs = newProblemsPanel(u)
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis

	u.tabs = container.NewAppTabs(
		container.NewTabItem("Text", u.editor.content),
		container.NewTabItem("Forms", u.forms.content),
		container.NewTabItem("Matrix", u.matrix.content),
	)
	u.tabs.OnUnselected = func(t *container.TabItem) {
		if t.Content == u.forms.content {
			// Leaving the Forms tab applies a change still in a field.
			u.forms.leave("switch to the "+u.tabs.Selected().Text+" tab", func() {}, func() { u.tabs.Select(t) })
		}
	}
	u.split = container.NewHSplit(u.tabs, u.right)
	u.split.Offset = u.prefFloat(PrefSplit, defaultSplit, 0.15, 0.85)
	u.vsplit = container.NewVSplit(u.split, u.probs.content)
	u.vsplit.Offset = u.prefFloat(PrefProblemsSplit, defaultProblemsSplit, 0.5, 0.97)
	w.SetContent(container.NewBorder(nil, u.status, nil, nil, u.vsplit))
	w.SetMainMenu(u.buildMenu())
	u.addShortcuts()
	u.restoreWindowSize()
	w.SetCloseIntercept(u.closeRequested)
	w.SetOnDropped(u.dropped)
	u.setDocument("", untitled, blankScenario)
	w.Canvas().Focus(u.editor.ed) // ready to type
	return u
}

// OpenExample opens the bundled example scenario as a new, unsaved
// document (saving asks where). When the last session left unsaved work
// behind, it offers that first.
func (u *App) OpenExample() {
	u.setDocument("", assets.ExampleName, string(assets.Example))
	u.offerRecovery()
}

// OpenFile opens the scenario file at path. It fails when the file cannot
// be read, and then also says so in the window; a file with problems
// opens, with its problems listed.
func (u *App) OpenFile(path string) error {
	err := u.openFile(path)
	if err != nil {
		u.showError(err)
	}
	return err
}

func (u *App) openFile(path string) error {
	text, stamp, err := readScenarioFile(path)
	if err != nil {
		return err
	}
	u.setDocument(path, filepath.Base(path), text)
	u.doc.stamp = stamp
	u.addRecent(path)
	u.offerRecovery()
	return nil
}

// setDocument replaces the document: a fresh history, not dirty.
func (u *App) setDocument(path, name, text string) {
	u.doc = document{path: path, name: name, text: text, saved: text}
	if path != "" {
		u.doc.diskHash = sha256.Sum256([]byte(text))
	}
	u.history.reset(text)
	u.model, u.modelText, u.problems = nil, "", nil
	u.selected = ""
	u.preview.documentChanged()
	u.typing++
	u.editor.reset()
	u.editor.setText(text)
	u.watchFile()
	u.updateTitle()
	u.documentOpened()
	u.submit()
}

// replaceText puts a new text in the editor as one undo step (a form edit,
// a reload) and validates and renders it at once.
func (u *App) replaceText(text string, undoable bool) {
	u.typing++ // a pending typing pause is overtaken
	if u.typeAt != nil {
		u.typeAt.Stop()
	}
	u.doc.text, u.doc.stale = text, false
	u.editor.setText(text)
	if undoable {
		u.history.push(text)
	}
	u.changed()
	u.submit()
}

// typed is the editor's change handler: the text becomes an undo step and
// is validated once typing pauses.
func (u *App) typed() {
	u.doc.stale = true
	u.typing++
	n := u.typing
	if u.typeAt != nil {
		u.typeAt.Stop()
	}
	u.typeAt = time.AfterFunc(typingPause, func() {
		u.do(func() {
			if u.typing == n {
				u.typingPaused()
			}
		})
	})
	u.changed()
}

// typingPaused makes the typed text an undo step and sends it off.
func (u *App) typingPaused() {
	u.history.push(u.text())
	u.submit()
}

// flushTyping acts on a pending typing pause now (before undo, save, a
// form edit).
func (u *App) flushTyping() {
	if u.text() != u.history.current() {
		u.typing++
		if u.typeAt != nil {
			u.typeAt.Stop()
		}
		u.typingPaused()
	}
}

// changed updates what follows from the text changing: title, autosave.
func (u *App) changed() {
	u.updateTitle()
	u.scheduleAutosave()
}

func (u *App) updateTitle() {
	mark := ""
	if u.doc.dirty() {
		mark = "● "
	}
	u.win.SetTitle(mark + u.doc.name + " — Parley")
}

// submit validates and renders the current text off the UI thread; the
// newest submission wins.
func (u *App) submit() {
	opts := u.preview.options()
	opts.AsOf = u.time.asOf()
	u.rememberFileView(opts.Variant, opts.AsOf)
	opts.Theme = u.diagramTheme() // the preview follows the window; exports stay light
	u.pipe.submit(u, u.doc.name, u.text(), opts)
}

// loaded takes a validation result (on the UI thread).
func (u *App) loaded(text string, s *scenario.Scenario, err error) {
	var ps scenario.Problems
	switch e := err.(type) {
	case nil:
		ps = s.Warnings
		u.model, u.modelText = s, text
	case scenario.Problems:
		ps = e
	default:
		ps = scenario.Problems{{File: u.doc.name, Message: err.Error()}}
	}
	u.problems = ps
	u.probs.set(ps)
	u.editor.setProblems(ps)
	if s != nil {
		u.forms.refresh()
		u.matrix.refresh()
		u.preview.updateVariants()
		u.preview.modelChanged(s)
	}
	u.preview.setStale(err != nil)
	u.forms.setEnabled(err == nil)
	u.matrix.setEnabled(err == nil)
	u.updateStatus()
	if s != nil {
		u.timeLoaded(s) // the time bar, Compare (timebar.go)
	}
	u.report("loaded", 0)
}

// drawn takes a rendering result (on the UI thread).
func (u *App) drawn(d *drawing.Drawing, err error, took time.Duration) {
	defer u.time.frameShown() // Play's next step waits for this one (timebar.go)
	if err != nil {
		u.preview.setError(err)
		u.setStatus("The diagram could not be drawn: " + forPeople(err))
		return
	}
	u.preview.setDrawing(d)
	if !u.firstHit {
		u.firstHit = true
		u.report("first-diagram", time.Since(u.started))
	}
	u.report("render", took)
	u.updateStatus()
}

func (u *App) report(event string, d time.Duration) {
	if u.measure != nil {
		u.measure(event, d)
	}
}

func (u *App) updateStatus() {
	errs, warns := countProblems(u.problems)
	var parts []string
	if u.doc.path != "" {
		parts = append(parts, u.doc.path)
	} else {
		parts = append(parts, u.doc.name+" (not saved yet)")
	}
	parts = append(parts, plural(errs, "error")+", "+plural(warns, "warning"))
	if s := u.model; s != nil && errs == 0 {
		parts = append(parts, fmt.Sprintf("%s, %s, %s", plural(len(s.Actors), "actor"), plural(len(s.Tracks), "track"), plural(len(s.Seats), "seat")))
	}
	u.setStatus(strings.Join(parts, " · "))
}

func (u *App) setStatus(s string) { u.status.SetText(s) }

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// currentModel is the scenario of the current text for a form edit: the
// last loaded one when it is current, else the text is loaded now. It is
// nil (and the problems shown) when the text does not load.
func (u *App) currentModel() *scenario.Scenario {
	u.flushTyping()
	if u.model != nil && u.modelText == u.text() {
		return u.model
	}
	s, err := scenario.Load(u.doc.name, strings.NewReader(u.text()))
	if err != nil {
		u.loaded(u.text(), nil, err)
		u.showError(fmt.Errorf("ui: fix the problems in the text first; the forms edit a scenario that loads"))
		return nil
	}
	u.model, u.modelText = s, u.text()
	return s
}

// applyModel turns a changed copy of the current scenario into text,
// changing only the entries that changed, and makes it the document's text
// as one undo step. It refuses (and says why) a change that would not load.
func (u *App) applyModel(to *scenario.Scenario) bool {
	if err := u.editModel(to); err != nil {
		u.showError(err)
		return false
	}
	return true
}

// editModel is applyModel, returning the error instead of showing it. The
// changed scenario is the current model at once (Edit has checked that the
// new text loads to it), so that the forms can show a new entry before the
// text is validated again off the UI thread.
func (u *App) editModel(to *scenario.Scenario) error {
	from := u.currentModel()
	if from == nil {
		return fmt.Errorf("ui: fix the problems in the text first; the forms edit a scenario that loads")
	}
	to.Name = from.Name
	out, err := scenario.Edit([]byte(u.text()), from, to)
	if err != nil {
		if ps, ok := loadProblems(to); ok {
			return fmt.Errorf("ui: that change would make the scenario invalid:\n%s", ps)
		}
		return fmt.Errorf("ui: that change cannot be written: %w", err)
	}
	if string(out) == u.text() {
		return nil
	}
	u.replaceText(string(out), true)
	to.Warnings = from.Warnings // until the new text's own arrive
	u.model, u.modelText = to, string(out)
	return nil
}

// loadProblems marshals s and loads it, for the problems of a refused edit.
func loadProblems(s *scenario.Scenario) (string, bool) {
	b, err := scenario.Marshal(s)
	if err != nil {
		return "", false
	}
	_, err = scenario.Load(s.Name, strings.NewReader(string(b)))
	if err == nil {
		return "", false
	}
	return err.Error(), true
}

// cloneModel deep-copies a scenario: the copy shares no slice, map or
// pointer with s, so a form can change it freely. It copies by
// reflection, so a field added to the scenario types is copied too.
func cloneModel(s *scenario.Scenario) *scenario.Scenario {
	c := deepCopy(reflect.ValueOf(s).Elem()).Interface().(scenario.Scenario)
	c.Warnings = nil
	return &c
}

// deepCopy copies v and everything it refers to.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v) // the unexported fields too, as they are
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}

// shutdown stops background work and closes the engine; the window is
// closing.
func (u *App) shutdown() {
	if u.closing {
		return
	}
	u.closing = true
	u.typing++
	if u.typeAt != nil {
		u.typeAt.Stop()
	}
	if u.autoAt != nil {
		u.autoAt.Stop()
	}
	if u.watch != nil {
		u.watch.stop()
	}
	u.saveWindowSize()
	u.pipe.close()
	if u.eng != nil {
		u.eng.Close()
	}
	u.recovery.wait() // the recovery file is as the last edit or save left it
}
