package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// Compare mode: two pictures side by side in time — each the current
// text, the file as saved on disk, or another file, with a variant (or the
// base) on a day (or the file's as_of) — the picture of the newer one and
// what changed (scenario.Diff), grouped by track. An entry of the list
// selects its seat, track or actor in the Forms tab. The work (loading a
// file, resolving, diffing, drawing) runs off the UI thread; the newest
// request wins.

// The sources a side can take.
const (
	sourceText  = "This text"
	sourceSaved = "Saved file"
	sourceOther = "Another file…"
	// sourceFile begins the label of the other file once picked.
	sourceFile = "File: "
)

var compareSources = []string{sourceText, sourceSaved, sourceOther}

// compareSide is the controls of one of the two pictures.
type compareSide struct {
	name     string // "old" or "new", for messages
	source   *widget.Select
	variant  *widget.Select
	date     *widget.SelectEntry // a day typed, or one of the file's mark days
	other    string              // the other file's path (sourceOther)
	ids      map[string]string   // variant label → id
	variants []scenario.Variant  // of the side's scenario, as last loaded
}

// comparePanel is Compare mode's content, in place of the preview.
type comparePanel struct {
	u       *App
	sides   [2]*compareSide
	summary *widget.Label
	shows   *widget.Label // what the picture is
	list    *widget.List
	rows    []changeRow
	picture *comparePicture
	content fyne.CanvasObject

	gen    uint64 // counts requests; results of older ones are dropped
	cancel context.CancelFunc
	quiet  bool
	// result is the last comparison shown (tests).
	result *compareResult
}

// changeRow is one line of the change list: a track heading, or a change.
type changeRow struct {
	heading bool
	change  scenario.Change // "" for a heading of a track that did not change itself
	text    string
	kind    string // "seat", "track", "actor"
	side    int    // the side whose scenario has the thing: 0 old, 1 new
	track   string
	actor   string
	role    string
	id      string // a track's or an actor's id
}

// compareResult is what a comparison found.
type compareResult struct {
	pics    [2]*scenario.Picture
	changes *scenario.Changes
	drawing *drawing.Drawing
	labels  [2]string
	err     error
	drawErr error
}

func newComparePanel(u *App) *comparePanel {
	c := &comparePanel{u: u}
	for i, name := range []string{"old", "new"} {
		sd := &compareSide{name: name, ids: map[string]string{}}
		sd.source = widget.NewSelect(compareSources, func(string) { c.sourcePicked(sd) })
		sd.variant = widget.NewSelect([]string{baseVariant}, func(string) { c.run() })
		sd.date = widget.NewSelectEntry(nil)
		sd.date.SetPlaceHolder("the file's as_of")
		sd.date.OnChanged = func(string) { c.run() }
		c.sides[i] = sd
	}
	c.summary = widget.NewLabel("")
	c.summary.Wrapping = fyne.TextWrapWord
	c.summary.TextStyle.Bold = true
	c.shows = widget.NewLabel("")
	c.shows.Importance = widget.LowImportance
	c.shows.Truncation = fyne.TextTruncateEllipsis
	c.list = widget.NewList(
		func() int { return len(c.rows) },
		func() fyne.CanvasObject {
			// Both segments inline: one line (the list sizes every row
			// as this template).
			rt := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleInline, Text: "~"},
				&widget.TextSegment{Style: widget.RichTextStyleInline, Text: " changed"})
			rt.Truncation = fyne.TextTruncateEllipsis
			return rt
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(c.rows) {
				return
			}
			c.rows[id].render(o.(*widget.RichText))
		})
	c.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(c.rows) {
			c.selectRow(c.rows[id])
		}
	}

	c.picture = newComparePicture(u)
	zoom := container.NewBorder(nil, nil, nil, container.NewHBox(
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { c.picture.zoomBy(1 / zoomStep) }),
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { c.picture.zoomBy(zoomStep) }),
		widget.NewButtonWithIcon("Fit", theme.ZoomFitIcon(), func() { c.picture.zoomBy(0) })), c.shows)
	picture := container.NewBorder(nil, zoom, nil, nil, c.picture)

	done := widget.NewButtonWithIcon("Back to the preview", theme.NavigateBackIcon(), u.leaveCompare)
	title := widget.NewLabel("Compare")
	title.TextStyle.Bold = true
	row := func(label string, sd *compareSide) fyne.CanvasObject {
		l := widget.NewLabel(label)
		return container.NewBorder(nil, nil, l, nil, container.NewGridWithColumns(3, sd.source, sd.variant, sd.date))
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, done),
		row("Old", c.sides[0]),
		row("New", c.sides[1]),
		c.summary,
	)
	changes := container.NewBorder(nil, nil, nil, nil, c.list)
	split := container.NewVSplit(picture, changes)
	split.Offset = 0.66
	c.content = container.NewBorder(top, nil, nil, nil, split)
	return c
}

// enterCompare shows Compare mode in place of the preview, comparing the
// base with the variant shown (or, with the base shown, the first
// variant; with none, the saved file) on the time bar's day.
func (u *App) enterCompare() {
	if u.model == nil {
		u.showError(fmt.Errorf("ui: fix the problems in the text first; Compare compares scenarios that load"))
		return
	}
	u.time.stopPlay()
	if u.compare == nil {
		u.compare = newComparePanel(u)
	}
	c := u.compare
	c.quiet = true
	day := u.time.asOf().String()
	newVariant, newSource := u.preview.wanted, sourceText
	if newVariant == "" && len(u.model.Variants) > 0 {
		newVariant = u.model.Variants[0].ID
	}
	if newVariant == "" {
		newSource = sourceSaved
	}
	for i, sd := range c.sides {
		src := sourceText
		if i == 1 {
			src = newSource
		}
		sd.source.SetSelected(src)
		sd.date.SetText(day)
		sd.setScenario(u.model)
		sd.pickVariant("")
		if i == 1 {
			sd.pickVariant(newVariant)
		}
	}
	c.quiet = false
	if u.split.Trailing != c.content {
		u.split.Trailing = c.content
		u.split.Refresh()
	}
	c.run()
}

// leaveCompare returns to the preview.
func (u *App) leaveCompare() {
	if u.compare == nil || u.split == nil || u.split.Trailing != u.compare.content {
		return
	}
	u.compare.stop()
	u.split.Trailing = u.right
	u.split.Refresh()
}

// comparing reports whether Compare mode is showing.
func (u *App) comparing() bool {
	return u.compare != nil && u.split != nil && u.split.Trailing == u.compare.content
}

// modelChanged runs the comparison again when a side shows the text,
// which just changed.
func (c *comparePanel) modelChanged() {
	if !c.u.comparing() {
		return
	}
	for _, sd := range c.sides {
		if sd.source.Selected == sourceText {
			sd.setScenario(c.u.model)
		}
	}
	c.run()
}

// setScenario offers the side's scenario's variants and its mark days.
func (sd *compareSide) setScenario(s *scenario.Scenario) {
	sd.setVariants(s.Variants)
	var days []string
	for _, m := range s.Marks() {
		d := scenario.FromTime(m.Day).String()
		if len(days) == 0 || days[len(days)-1] != d {
			days = append(days, d)
		}
	}
	sd.date.SetOptions(days)
}

// setVariants fills the side's variant picker, keeping the pick when the
// variant is still there.
func (sd *compareSide) setVariants(vs []scenario.Variant) {
	keep := sd.ids[sd.variant.Selected]
	sd.variants = vs
	sd.ids = map[string]string{baseVariant: ""}
	opts := []string{baseVariant}
	for _, v := range vs {
		label := v.Name
		if _, taken := sd.ids[label]; label == "" || taken {
			label = v.ID
		}
		opts = append(opts, label)
		sd.ids[label] = v.ID
	}
	sd.variant.Options = opts
	sd.pickVariant(keep)
}

// pickVariant selects the variant with the id ("" the base; an id not
// there, the base).
func (sd *compareSide) pickVariant(id string) {
	sel := baseVariant
	for l, v := range sd.ids {
		if v == id {
			sel = l
		}
	}
	sd.variant.SetSelected(sel)
	sd.variant.Refresh()
}

// sourcePicked follows a side's new source: another file asks which.
func (c *comparePanel) sourcePicked(sd *compareSide) {
	if c.quiet {
		return
	}
	if sd.source.Selected == sourceOther {
		c.u.pickOtherFile(func(path string) {
			if path != "" {
				sd.other = path
			}
			c.quiet = true
			sd.showOther()
			c.quiet = false
			c.run()
		})
		return
	}
	c.run()
}

// showOther names the other file among the side's sources and selects
// it (the text, when no file has been picked).
func (sd *compareSide) showOther() {
	if sd.other == "" {
		sd.source.Options = compareSources
		sd.source.SetSelected(sourceText)
		return
	}
	label := sourceFile + shortPath(sd.other)
	sd.source.Options = []string{sourceText, sourceSaved, label, sourceOther}
	sd.source.SetSelected(label)
}

// sideRequest is what a side asks for, read on the UI thread.
type sideRequest struct {
	name    string
	source  string
	s       *scenario.Scenario // the text's scenario (sourceText)
	path    string             // the file to load (sourceSaved, sourceOther)
	label   string
	variant string
	day     scenario.Date
	dayErr  error
}

func (c *comparePanel) request(sd *compareSide) sideRequest {
	r := sideRequest{name: sd.name, source: sd.source.Selected, variant: sd.ids[sd.variant.Selected]}
	if strings.HasPrefix(r.source, sourceFile) {
		r.source = sourceOther
	}
	r.day, r.dayErr = scenario.ParseDate(strings.TrimSpace(sd.date.Text))
	switch r.source {
	case sourceSaved:
		r.path, r.label = c.u.doc.path, "the saved file"
		if r.path == "" {
			r.dayErr = errors.New("this text has not been saved yet: save it, or compare with another file")
		}
	case sourceOther:
		r.path, r.label = sd.other, shortPath(sd.other)
	default:
		r.s, r.label = c.u.model, "this text"
	}
	return r
}

// run compares the two pictures off the UI thread.
func (c *comparePanel) run() {
	if c.quiet || !c.u.comparing() {
		return
	}
	c.stop()
	reqs := [2]sideRequest{c.request(c.sides[0]), c.request(c.sides[1])}
	opts := c.u.preview.options()
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.gen++
	gen := c.gen
	c.summary.SetText("Comparing…")
	eng := c.u.eng
	go func() {
		defer cancel()
		res := compare(ctx, eng, reqs, opts)
		if errors.Is(res.drawErr, context.Canceled) {
			return
		}
		c.u.do(func() {
			if gen == c.gen {
				c.show(res, reqs)
			}
		})
	}()
}

// stop cancels the comparison in flight.
func (c *comparePanel) stop() {
	c.gen++
	if c.cancel != nil {
		c.cancel()
		c.cancel = nil
	}
}

// compare loads, resolves and diffs the two sides and draws the picture.
func compare(ctx context.Context, eng render.Engine, reqs [2]sideRequest, opts render.Options) *compareResult {
	res := &compareResult{}
	var scens [2]*scenario.Scenario
	for i, r := range reqs {
		if r.dayErr != nil {
			res.err = fmt.Errorf("the %s picture: %v", r.name, r.dayErr)
			return res
		}
		s := r.s
		if s == nil {
			if r.path == "" {
				res.err = fmt.Errorf("the %s picture: pick the file to compare with", r.name)
				return res
			}
			text, _, err := readScenarioFile(r.path)
			if err == nil {
				s, err = scenario.Load(shortPath(r.path), strings.NewReader(text))
			}
			if err != nil {
				res.err = fmt.Errorf("the %s picture (%s) does not load: %v", r.name, r.path, err)
				return res
			}
		}
		scens[i] = s
		p, err := s.Resolve(r.variant, r.day)
		if err != nil {
			res.err = fmt.Errorf("the %s picture (%s): %v", r.name, r.label, err)
			return res
		}
		res.pics[i] = p
		res.labels[i] = pictureLabel(r.label, p)
	}
	res.changes = scenario.Diff(res.pics[0], res.pics[1])
	if eng != nil {
		res.drawing, res.drawErr = compareDrawing(ctx, eng, scens, reqs, res.labels, opts)
	}
	return res
}

// compareDrawing is the picture Compare shows: the diff picture, drawn on
// the layout both pictures share, what changed marked and in its legend.
func compareDrawing(ctx context.Context, eng render.Engine, scens [2]*scenario.Scenario, reqs [2]sideRequest, labels [2]string, opts render.Options) (*drawing.Drawing, error) {
	var sides [2]render.DiffSide
	for i := range sides {
		sides[i] = render.DiffSide{Scenario: scens[i], Variant: reqs[i].variant, AsOf: reqs[i].day, Name: labels[i]}
	}
	d, _, err := render.DiffDiagram(ctx, eng, sides[0], sides[1], opts)
	return d, err
}

// pictureLabel names a picture: "this text, base, as of 18 Feb 2025".
func pictureLabel(source string, p *scenario.Picture) string {
	v := "base"
	if p.Variant != nil {
		v = p.Variant.Name
		if v == "" {
			v = p.Variant.ID
		}
	}
	when := "all dates"
	if !p.AsOf.IsZero() {
		when = "as of " + p.AsOf.Human()
	}
	return source + ", " + v + ", " + when
}

// show puts a comparison's result on screen.
func (c *comparePanel) show(res *compareResult, reqs [2]sideRequest) {
	c.result = res
	c.list.UnselectAll()
	if res.err != nil {
		c.rows = nil
		c.list.Refresh()
		c.summary.Importance = widget.WarningImportance
		c.summary.SetText(forPeople(res.err))
		return
	}
	// A side that shows a file offers that file's variants.
	for i, sd := range c.sides {
		if reqs[i].s == nil {
			c.quiet = true
			sd.setScenario(res.pics[i].Scenario)
			c.quiet = false
		}
	}
	c.summary.Importance = widget.MediumImportance
	c.rows = changeRows(res.pics, res.changes)
	c.list.Refresh()
	c.summary.SetText(changeSummary(res.changes))
	switch {
	case res.drawErr != nil:
		c.shows.SetText("The picture could not be drawn: " + forPeople(res.drawErr))
	case res.drawing != nil:
		c.shows.SetText("Drawn: the new picture, " + res.labels[1])
		c.picture.setDrawing(res.drawing)
	}
}
