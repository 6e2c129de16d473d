package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/render"
)

// The picture in words (View › Describe in Words…): the description that
// every export carries in its SVG <desc> and PDF Subject, of the variant
// the preview shows, with buttons to copy it as text or Markdown. And the
// preview's theme, which follows the window's.

// describeDialog shows the description of the current picture.
type describeDialog struct {
	text, markdown string // what the Copy buttons copy
	body           *widget.RichText
	copyText       *widget.Button
	copyMarkdown   *widget.Button
	dialog         *dialog.CustomDialog
}

// showDescription opens the description of the picture the preview
// shows; with a scenario that has errors, it says so instead.
func (u *App) showDescription() {
	dd := &describeDialog{}
	dd.body = widget.NewRichText()
	dd.body.Wrapping = fyne.TextWrapWord
	dd.copyText = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { u.copyDescription(dd.text) })
	dd.copyMarkdown = widget.NewButton("Copy as Markdown", func() { u.copyDescription(dd.markdown) })
	if err := dd.fill(u); err != nil {
		dd.body.ParseMarkdown("The picture cannot be described: " + err.Error())
		dd.copyText.Disable()
		dd.copyMarkdown.Disable()
	}
	buttons := container.NewHBox(dd.copyText, dd.copyMarkdown)
	content := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(dd.body))
	dd.dialog = dialog.NewCustom("The picture in words", "Close", content, u.win)
	size := u.win.Canvas().Size()
	dd.dialog.Resize(fyne.NewSize(min(820, max(size.Width-80, 420)), min(760, max(size.Height-80, 380))))
	u.describing = dd
	dd.dialog.SetOnClosed(func() { u.describing = nil })
	dd.dialog.Show()
}

// fill describes the current model with the preview's options.
func (dd *describeDialog) fill(u *App) error {
	if u.model == nil {
		return errNoModel
	}
	opts := u.preview.options()
	opts.AsOf = u.time.asOf() // the day the preview shows
	d, err := render.Describe(u.model, optionsFor(u.model, opts))
	if err != nil {
		return err
	}
	dd.text, dd.markdown = d.Text(), d.Markdown()
	dd.body.ParseMarkdown(dd.markdown)
	return nil
}

type describeError string

func (e describeError) Error() string { return string(e) }

// errNoModel: the text does not load; the problems list says why.
const errNoModel = describeError("the scenario has errors; the problems list below says which")

func (u *App) copyDescription(text string) {
	u.fyneApp.Clipboard().SetContent(text)
	u.status.SetText("Description copied")
}

// diagramTheme is the preview's theme: dark on a dark window, else light.
func (u *App) diagramTheme() render.Theme {
	s := u.fyneApp.Settings()
	if s.Theme() == nil {
		return render.Light
	}
	if isDark(s.Theme().Color(theme.ColorNameBackground, s.ThemeVariant())) {
		return render.Dark
	}
	return render.Light
}

func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff
}

// followAppTheme redraws the preview when the window's theme changes (the
// Theme menu, or the desktop's own light or dark setting).
func (u *App) followAppTheme() {
	last := u.diagramTheme()
	u.fyneApp.Settings().AddListener(func(fyne.Settings) {
		if t := u.diagramTheme(); t != last {
			last = t
			u.submit()
		}
	})
}
