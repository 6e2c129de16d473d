package ui

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// PNG scale choices: the label shown and the scale (1 = 96 dpi).
var pngScales = []struct {
	label string
	scale float64
}{
	{"1× (96 dpi, screen)", 1},
	{"2× (192 dpi)", 2},
	{"3× (288 dpi, print)", 3},
	{"4× (384 dpi)", 4},
}

// PDF page choices: the label shown and the page (render.Pages).
var pdfPages = []struct{ label, page string }{
	{"The picture's size", "fit"},
	{"A4, turned to the picture", "a4"},
	{"A4 portrait", "a4-portrait"},
	{"A4 landscape", "a4-landscape"},
	{"Letter, turned to the picture", "letter"},
	{"Letter portrait", "letter-portrait"},
	{"Letter landscape", "letter-landscape"},
}

const prefPDFPage = "pdfPage"

// exportPDF asks for the page, then the file.
func (u *App) exportPDF(s *scenario.Scenario) {
	labels := make([]string, len(pdfPages))
	for i, o := range pdfPages {
		labels[i] = o.label
	}
	u.askExportOption("Export PDF", "Page", labels, prefPDFPage, 0, func(i int) {
		u.pdfPage = pdfPages[i].page
		u.exportTo(s, render.PDF, 1)
	})
}

// askExportOption asks for one of an export's options (a PDF's page, a
// PNG's scale), remembered in the preference pref, then calls chosen.
func (u *App) askExportOption(title, field string, labels []string, pref string, def int, chosen func(i int)) {
	sel := widget.NewSelect(labels, nil)
	sel.SetSelectedIndex(u.prefInt(pref, def, len(labels)))
	dialog.NewForm(title, "Choose file…", "Cancel",
		[]*widget.FormItem{widget.NewFormItem(field, sel)},
		func(ok bool) {
			if !ok {
				return
			}
			i := max(sel.SelectedIndex(), 0)
			u.setPrefInt(pref, i)
			chosen(i)
		}, u.win).Show()
}

// export asks for a file and writes the current diagram there in format f
// (for PNG after asking the scale, for PDF the page).
func (u *App) export(f render.Format) {
	u.forms.leave("export", func() { u.exportNow(f) }, nil)
}

func (u *App) exportNow(f render.Format) {
	s := u.currentModel()
	if s == nil {
		return
	}
	if f == render.PDF {
		u.exportPDF(s)
		return
	}
	if f != render.PNG {
		u.exportTo(s, f, 1)
		return
	}
	labels := make([]string, len(pngScales))
	for i, o := range pngScales {
		labels[i] = o.label
	}
	u.askExportOption("Export PNG", "Scale", labels, prefPNGScale, 1, func(i int) {
		u.exportTo(s, render.PNG, pngScales[i].scale)
	})
}

const prefPNGScale = "pngScale"

// exportTo asks for the file name, then renders off the UI thread and
// writes.
func (u *App) exportTo(s *scenario.Scenario, f render.Format, scale float64) {
	ext := "." + string(f)
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		u.setStatus(fmt.Sprintf("Exporting %s…", w.URI().Name()))
		u.writeExport(s, f, scale, w, nil)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.SetFileName(strings.TrimSuffix(u.doc.name, filepath.Ext(u.doc.name)) + ext)
	u.setDialogFolder(d)
	d.Show()
}

// writeExport renders s in format f into w off the UI thread, closes w and
// reports on the UI thread (then done, if set, with the error).
func (u *App) writeExport(s *scenario.Scenario, f render.Format, scale float64, w fyne.URIWriteCloser, done func(error)) {
	opts := optionsFor(s, u.preview.options())
	opts.Page = u.pdfPage
	name := w.URI().Name()
	input := u.doc.path
	go func() {
		var buf bytes.Buffer
		err := render.Export(context.Background(), u.eng, s, opts, f, scale, &buf)
		d, deferred := w.(*deferredWriter)
		switch {
		case err != nil && deferred:
			d.discard() // a failed export leaves an existing file alone
		case err == nil && deferred && w.URI().Scheme() == "file":
			// A local file is written like a save: all or nothing.
			// Never over the scenario it is drawn from.
			d.discard()
			var inputs []string
			if input != "" {
				inputs = []string{input}
			}
			err = writeFile(w.URI().Path(), buf.Bytes(), &safefile.Options{Inputs: inputs})
		case err == nil:
			_, err = w.Write(buf.Bytes())
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		u.do(func() {
			if err != nil {
				u.showError(fmt.Errorf("ui: export %s: %w", name, err))
			} else {
				u.setStatus(fmt.Sprintf("Exported %s (%d KB)", name, (buf.Len()+1023)/1024))
			}
			if done != nil {
				done(err)
			}
		})
	}()
}
