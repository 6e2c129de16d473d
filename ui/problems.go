package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// problemsPanel lists the current text's problems; selecting one moves the
// editor's cursor to it.
type problemsPanel struct {
	u       *App
	items   scenario.Problems
	list    *widget.List
	header  *widget.Label
	content fyne.CanvasObject
}

func newProblemsPanel(u *App) *problemsPanel {
	p := &problemsPanel{u: u}
	p.header = widget.NewLabel("No problems")
	p.header.TextStyle = fyne.TextStyle{Bold: true}
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject {
			icon := widget.NewIcon(theme.ErrorIcon())
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, icon, nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.items) {
				return
			}
			pr := p.items[i]
			c := o.(*fyne.Container)
			l := c.Objects[0].(*widget.Label)
			icon := c.Objects[1].(*widget.Icon)
			if pr.Severity == scenario.Error {
				icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
			} else {
				icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			}
			l.SetText(problemText(pr))
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.items) {
			pr := p.items[i]
			p.u.editor.gotoLine(pr.Line, pr.Col)
		}
		p.list.UnselectAll()
	}
	p.content = container.NewBorder(p.header, nil, nil, nil, p.list)
	return p
}

// problemText is a problem as the list shows it: "12:5  seats[3].role: …".
func problemText(p scenario.Problem) string {
	s := ""
	if p.Line > 0 {
		s = fmt.Sprintf("line %d:%d  ", p.Line, max(p.Col, 1))
	}
	if p.Path != "" {
		s += p.Path + ": "
	}
	return s + p.Message
}

// countProblems counts the errors and the warnings among ps.
func countProblems(ps scenario.Problems) (errs, warns int) {
	for _, p := range ps {
		if p.Severity == scenario.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

func (p *problemsPanel) set(ps scenario.Problems) {
	p.items = ps
	errs, warns := countProblems(ps)
	switch {
	case len(ps) == 0:
		p.header.SetText("No problems")
	default:
		p.header.SetText(fmt.Sprintf("Problems: %s, %s", plural(errs, "error"), plural(warns, "warning")))
	}
	p.list.Refresh()
}
