package ui

import (
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

// Zoom limits and step.
const (
	minZoom  = 0.05
	maxZoom  = 16
	zoomStep = 1.25
)

// View option labels, as the pickers show them.
var (
	detailNames    = []string{"People", "Delegations"}
	directionNames = []string{"Left to right", "Top to bottom"}
	lanesNames     = []string{"Lanes by actor", "Lanes by track"}
	groupNames     = []string{"Rows by side", "Rows by bloc"}
)

const baseVariant = "Base scenario"

// previewPanel is the live diagram with its view controls: a bar of
// control groups above and under it (previewbar.go).
type previewPanel struct {
	u         *App
	bar       *previewBar
	kind      *widget.Select // which view: participation, timeline ...
	variant   *widget.Select
	detail    *widget.Select // participation, timeline, grid
	direction *widget.Select // participation
	lanes     *widget.Select // timeline
	group     *widget.Select // grid
	together  *widget.Check  // network: co-participation ties
	zoomLabel *widget.Label
	banner    *widget.Label // why the diagram is stale
	view      *diagramView
	content   fyne.CanvasObject

	find *findControls // focus, filters and search (previewfind.go)

	variantIDs map[string]string // picker label → variant id
	// wanted is the variant to show (its id; "" the base scenario): the
	// one last picked, remembered in the preferences. A scenario without
	// it shows the base scenario, and the picker says so.
	wanted string
	quiet  bool
}

func newPreviewPanel(u *App) *previewPanel {
	p := &previewPanel{u: u, variantIDs: map[string]string{}}
	p.wanted = u.prefs().String(PrefVariant)
	p.kind = newFittingSelect(viewLabels(), func(string) {
		if !p.quiet {
			p.viewChosen()
		}
	})
	p.variant = widget.NewSelect([]string{baseVariant}, func(label string) {
		if !p.quiet {
			p.wanted = p.variantIDs[label]
			u.prefs().SetString(PrefVariant, p.wanted)
		}
		p.optionsChanged()
	})
	p.detail = newFittingSelect(detailNames, func(string) { p.optionsChanged() })
	p.direction = newFittingSelect(directionNames, func(string) { p.optionsChanged() })
	p.lanes = newFittingSelect(lanesNames, func(string) { p.optionsChanged() })
	p.group = newFittingSelect(groupNames, func(string) { p.optionsChanged() })
	p.together = widget.NewCheck("Who sits with whom", func(bool) { p.optionsChanged() })
	p.quiet = true
	p.kind.SetSelected(viewLabel(u.prefs().String(PrefView)))
	p.variant.SetSelected(baseVariant)
	p.detail.SetSelected(detailNames[u.prefInt(PrefDetail, 0, len(detailNames))])
	p.direction.SetSelected(directionNames[u.prefInt(PrefDirection, 0, len(directionNames))])
	p.lanes.SetSelected(lanesNames[u.prefInt(PrefLanes, 0, len(lanesNames))])
	p.group.SetSelected(groupNames[u.prefInt(PrefGroup, 0, len(groupNames))])
	p.together.SetChecked(u.prefs().Bool(PrefCoParticipation))
	p.quiet = false

	p.view = newDiagramView(p)
	p.zoomLabel = widget.NewLabel("100%")
	p.banner = widget.NewLabel("")
	p.banner.Importance = widget.WarningImportance
	p.banner.Wrapping = fyne.TextWrapWord
	p.banner.Hide()

	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), p.view.zoomOut)
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), p.view.zoomIn)
	fit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), p.view.fit) // Fit
	actual := widget.NewButton("100%", p.view.actualSize)
	// The variant picker takes the width the other view controls leave
	// (variant names are long); the zoom controls sit under the diagram.
	p.bar = newPreviewBar()
	p.bar.add(barGroup{name: "view", row: barRowView, rank: 10, objects: []fyne.CanvasObject{p.kind}})
	p.bar.add(barGroup{name: "variant", row: barRowView, rank: 20, objects: []fyne.CanvasObject{p.variant}, stretch: p.variant})
	p.bar.add(barGroup{name: "options", row: barRowView, rank: 40,
		objects: []fyne.CanvasObject{p.detail, p.direction, p.lanes, p.group, p.together}})
	p.find = newFindControls(p)
	p.showViewOptions()
	p.bar.add(barGroup{name: "zoom", row: barRowFind, rank: 90, objects: []fyne.CanvasObject{zoomOut, p.zoomLabel, zoomIn, fit, actual}})
	p.content = container.NewBorder(container.NewVBox(p.bar.top, p.banner), p.bar.bottom, nil, nil, p.view)
	return p
}

// options are the view controls' choices.
func (p *previewPanel) options() render.Options {
	o := render.Options{View: p.viewName(), Variant: p.wanted, Filter: p.find.filter()}
	if p.detail.SelectedIndex() == 1 {
		o.Detail = render.Delegations
	}
	if p.direction.SelectedIndex() == 1 {
		o.Direction = render.TopToBottom
	}
	if p.lanes.SelectedIndex() == 1 {
		o.Lanes = render.LanesByTrack
	}
	if p.group.SelectedIndex() == 1 {
		o.Group = render.GroupByBloc
	}
	o.CoParticipation = p.together.Checked
	return o
}

func (p *previewPanel) optionsChanged() {
	if p.quiet || p.u.pipe == nil || p.u.preview == nil {
		return
	}
	p.u.setPrefInt(PrefDetail, p.detail.SelectedIndex())
	p.u.setPrefInt(PrefDirection, p.direction.SelectedIndex())
	p.u.setPrefInt(PrefLanes, p.lanes.SelectedIndex())
	p.u.setPrefInt(PrefGroup, p.group.SelectedIndex())
	p.u.prefs().SetBool(PrefCoParticipation, p.together.Checked)
	p.view.mu.Lock()
	p.view.fitNext = true
	p.view.mu.Unlock()
	p.u.submit()
}

// updateVariants fills the variant picker from the current scenario.
func (p *previewPanel) updateVariants() {
	s := p.u.model
	opts := []string{baseVariant}
	ids := map[string]string{}
	for _, v := range s.Variants {
		label := v.Name
		if label == "" || ids[label] != "" {
			label = v.ID
		}
		opts = append(opts, label)
		ids[label] = v.ID
	}
	p.variantIDs = ids
	p.quiet = true
	p.variant.Options = opts
	sel := baseVariant
	for l, id := range ids {
		if id == p.wanted {
			sel = l
		}
	}
	p.variant.SetSelected(sel)
	p.variant.Refresh()
	p.quiet = false
}

// variantRenamed follows a variant's new id (a form renamed it).
func (p *previewPanel) variantRenamed(old, new string) {
	if p.wanted == old && old != "" {
		p.wanted = new
		p.u.prefs().SetString(PrefVariant, new)
	}
}

// setStale says whether the diagram shown is of an older text (the text
// has errors); with no diagram yet it says that one is on its way.
func (p *previewPanel) setStale(stale bool) {
	p.banner.Importance = widget.WarningImportance
	switch {
	case stale && !p.view.hasDrawing():
		p.banner.SetText("The text has errors (see Problems): the diagram is drawn once they are fixed.")
		p.banner.Show()
	case stale:
		p.banner.SetText("The text has errors: this is the last good diagram (see Problems).")
		p.banner.Show()
	case !p.view.hasDrawing():
		// The first diagram of a large scenario takes a while to lay out.
		p.banner.Importance = widget.LowImportance
		p.banner.SetText("Drawing the diagram…")
		p.banner.Show()
	default:
		p.banner.Hide()
	}
	p.view.setStale(stale)
}

func (p *previewPanel) setError(err error) {
	p.banner.Importance = widget.WarningImportance
	p.banner.SetText("The diagram could not be drawn: " + forPeople(err))
	p.banner.Show()
	p.view.setStale(true)
}

func (p *previewPanel) setDrawing(d *drawing.Drawing) {
	p.banner.Hide()
	p.view.setDrawing(d)
}

func (p *previewPanel) zoomChanged(z float64) {
	p.zoomLabel.SetText(fmt.Sprintf("%.0f%%", z*100))
}

// selectionChanged shows the shared selection: its halo in the diagram,
// and whether Focus can focus on it.
func (p *previewPanel) selectionChanged() {
	p.find.update()
	p.view.highlightsChanged()
}

// modelChanged follows a newly loaded scenario: a focus or a selection it
// no longer has goes (a rename follows the forms' entry).
func (p *previewPanel) modelChanged(s *scenario.Scenario) {
	p.find.keepFocus(s)
	if _, i := refIndex(s, p.u.selected); i < 0 && p.u.selected != "" && !strings.HasPrefix(p.u.selected, "legend:") {
		p.u.selected = entryRef(s, p.u.forms.cur.key, p.u.forms.sel)
	}
	p.selectionChanged()
}

// hasFocusWithin reports whether the keyboard focus is in the preview: the
// diagram or one of its controls.
func (p *previewPanel) hasFocusWithin() bool {
	f := p.u.win.Canvas().Focused()
	if f == nil {
		return false
	}
	if f == fyne.Focusable(p.view) || f == fyne.Focusable(p.find.search) {
		return true
	}
	for _, g := range p.bar.groups {
		for _, o := range g.objects {
			if fo, ok := o.(fyne.Focusable); ok && fo == f {
				return true
			}
		}
	}
	return false
}

// find is Edit › Find: the diagram's search when the preview has the
// keyboard focus, else the text editor's.
func (u *App) find() {
	if u.preview.hasFocusWithin() {
		u.findInDiagram()
		return
	}
	u.showTab(0)
	u.editor.ed.ShowFind(false)
}

// findInDiagram puts the keyboard focus in the diagram's search field,
// its text selected to type over.
func (u *App) findInDiagram() {
	e := u.preview.find.search
	u.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// newFittingSelect is a Select as wide as its longest option: a Select is
// as wide as its placeholder, and would cut "Lanes by actor" short.
func newFittingSelect(options []string, changed func(string)) *widget.Select {
	sel := widget.NewSelect(options, changed)
	longest := ""
	for _, o := range options {
		if len([]rune(o)) > len([]rune(longest)) {
			longest = o
		}
	}
	sel.PlaceHolder = longest
	return sel
}
