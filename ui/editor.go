package ui

import (
	"fyne.io/fyne/v2"

	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/ui/editor"
)

// editorPanel is the Text tab: the scenario's TOML in Parley's code
// editor, which draws only the lines in view, so it works at any length.
// Its undo and redo are the window's (so they cover the forms too).
type editorPanel struct {
	u       *App
	ed      *editor.Editor
	content fyne.CanvasObject
	quiet   bool // set while the text is replaced from code
	fresh   bool // the next text is a new document
}

func newEditorPanel(u *App) *editorPanel {
	p := &editorPanel{u: u, fresh: true}
	p.ed = editor.New()
	p.ed.OnChanged = func(editor.Edit) {
		if !p.quiet {
			u.typed()
		}
	}
	p.ed.OnUndo, p.ed.OnRedo = u.undo, u.redo
	p.ed.Completions = u.completions
	p.ed.OnKey = u.typedKey
	p.content = p.ed
	return p
}

// reset starts a new document: its text opens at the top.
func (p *editorPanel) reset() { p.fresh = true }

// setText replaces the editor's text without treating it as typing; only
// the part that changed is replaced, and the cursor goes there (an undo,
// a form edit).
func (p *editorPanel) setText(text string) {
	p.quiet = true
	defer func() { p.quiet = false }()
	if p.fresh {
		p.fresh = false
		p.ed.Reset(text)
		return
	}
	p.ed.SetText(text)
}

// setProblems marks the problems in the editor.
func (p *editorPanel) setProblems(ps scenario.Problems) {
	out := make([]editor.Problem, 0, len(ps))
	for _, pr := range ps {
		if pr.Line <= 0 {
			continue
		}
		sev := editor.Warning
		if pr.Severity == scenario.Error {
			sev = editor.Error
		}
		msg := pr.Message
		if pr.Path != "" {
			msg = pr.Path + ": " + msg
		}
		out = append(out, editor.Problem{Line: pr.Line, Col: pr.Col, Severity: sev, Message: msg})
	}
	p.ed.SetProblems(out)
}

// gotoLine puts the cursor at a 1-based line and column, scrolls the line
// well into view and focuses the editor.
func (p *editorPanel) gotoLine(line, col int) {
	if line < 1 {
		return
	}
	p.u.tabs.SelectIndex(0)
	p.ed.GotoLine(line, col)
}
