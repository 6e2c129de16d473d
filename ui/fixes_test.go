package ui

import (
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/parleyhq/parley/assets"
)

// TestQuitClosesEveryWindow: quitting with the format reference open
// closes it too, so no window is left and the process can end.
func TestQuitClosesEveryWindow(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	before := len(h.app.Driver().AllWindows())
	h.u.showFormatReference()
	h.u.showFormatReference() // a second time brings the same window forward
	if n := len(h.app.Driver().AllWindows()); n != before+1 {
		t.Fatalf("%d windows with the format reference open, want %d", n, before+1)
	}
	h.u.closeRequested()
	if n := len(h.app.Driver().AllWindows()); n != 0 {
		t.Errorf("%d windows left after quitting", n)
	}
}

// TestQuitFromTheReference: Ctrl+Q in the format reference window quits
// too.
func TestQuitFromTheReference(t *testing.T) {
	h := newHarness(t, nil)
	h.openExample()
	h.u.showFormatReference()
	w := h.u.helpWindow
	w.Canvas().(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyQ, false))
	if n := len(h.app.Driver().AllWindows()); n != 0 {
		t.Errorf("%d windows left after Ctrl+Q in the format reference", n)
	}
}

// TestHelpWindowClosesOnEscape: the reference window closes with Escape
// and opens again afresh.
func TestHelpWindowClosesOnEscape(t *testing.T) {
	h := newHarness(t, nil)
	h.u.showFormatReference()
	w := h.u.helpWindow
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.u.helpWindow != nil || slices.Contains(h.app.Driver().AllWindows(), w) {
		t.Fatal("Escape did not close the format reference")
	}
	h.u.showFormatReference()
	if h.u.helpWindow == nil || h.u.helpWindow == w {
		t.Error("the format reference did not open again")
	}
}

// TestRecentFilesAbsolute: a file opened by a relative name is remembered
// by its absolute path; one that is gone is taken off the list, with a
// message, when chosen.
func TestRecentFilesAbsolute(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "rel.toml"), assets.Example, 0o644)
	os.WriteFile(filepath.Join(dir, "gone.toml"), assets.Example, 0o644)
	t.Chdir(dir)
	for _, name := range []string{"gone.toml", "rel.toml"} {
		if err := h.u.OpenFile(name); err != nil {
			t.Fatal(err)
		}
	}
	abs, _ := filepath.EvalSymlinks(dir)
	list := h.u.recentFiles()
	if len(list) != 2 || !filepath.IsAbs(list[0]) || filepath.Base(list[0]) != "rel.toml" {
		t.Fatalf("recent files: %q", list)
	}
	if r, _ := filepath.EvalSymlinks(filepath.Dir(list[0])); r != abs {
		t.Errorf("remembered in %s, not %s", filepath.Dir(list[0]), abs)
	}
	os.Remove(filepath.Join(dir, "gone.toml"))
	var item *fyne.MenuItem
	for _, it := range h.u.recent.Items {
		if strings.Contains(it.Label, "gone.toml") {
			item = it
		}
	}
	if item == nil {
		t.Fatalf("Open Recent lacks gone.toml: %v", h.u.recent.Items)
	}
	item.Action()
	if got := h.u.recentFiles(); len(got) != 1 || filepath.Base(got[0]) != "rel.toml" {
		t.Errorf("after choosing a missing file the list is %q", got)
	}
	if !strings.Contains(h.u.lastInfo, "gone.toml") || h.win.Canvas().Overlays().Top() == nil {
		t.Errorf("no message about the missing file: %q", h.u.lastInfo)
	}
	for _, it := range h.u.recent.Items {
		if strings.Contains(it.Label, "gone.toml") {
			t.Error("the menu still lists the missing file")
		}
	}
}

// TestDiagramThumbContrast: the preview's scrollbar thumbs stand out (WCAG
// contrast 3:1 for what is not text, by their fill or their rim) over a
// white diagram and over the view's background, in both themes. In the
// dark theme Fyne's own scrollbar colour is light, and vanished over the
// white diagram.
func TestDiagramThumbContrast(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := theme.DefaultTheme().Color(theme.ColorNameInputBackground, variant)
		for name, under := range map[string]color.Color{"a white diagram": color.White, "the view's background": over(bg, theme.DefaultTheme().Color(theme.ColorNameBackground, variant))} {
			fill, rim := over(thumbFill, under), over(thumbRim, under)
			best := math.Max(contrast(fill, under), contrast(rim, under))
			if best < 3 {
				t.Errorf("variant %d: the thumb over %s has contrast %.2f", variant, name, best)
			}
			if contrast(fill, rim) < 3 {
				t.Errorf("the thumb's fill and rim are too alike: %.2f", contrast(fill, rim))
			}
		}
	}
}

// over is c painted over an opaque bg.
func over(c, bg color.Color) color.Color {
	r, g, b, a := c.RGBA()
	br, bgg, bb, _ := bg.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((x*a + y*(0xffff-a)) / 0xffff >> 8) }
	return color.NRGBA{R: mix(r, br), G: mix(g, bgg), B: mix(b, bb), A: 0xff}
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
