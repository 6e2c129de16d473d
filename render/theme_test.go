package render

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/parleyhq/parley/views/style"
)

// TestThemesInEveryViewAndFormat: every theme comes through the door for
// every view and drawn format, each draws on its own paper, print in
// greys only, and a theme the door does not know is refused by name.
func TestThemesInEveryViewAndFormat(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	s := loadExample(t)
	for _, view := range Views {
		for _, th := range Themes {
			d, err := Diagram(context.Background(), eng, s, Options{View: view, Theme: th})
			if err != nil {
				t.Fatalf("%s %s: %v", view, th, err)
			}
			if d.Background != th.Color(style.Paper) {
				t.Errorf("%s %s: background %s", view, th, d.Background.Hex())
			}
			if th == Print {
				for _, it := range d.Items {
					for _, c := range [][3]uint8{{it.Fill.R, it.Fill.G, it.Fill.B}, {it.Stroke.Color.R, it.Stroke.Color.G, it.Stroke.Color.B}} {
						if c[0] != c[1] || c[1] != c[2] {
							t.Fatalf("%s print: a colour %v in %+v", view, c, it)
						}
					}
				}
			}
			for _, f := range []Format{SVG, PNG, PDF} {
				var out bytes.Buffer
				if err := Export(context.Background(), eng, s, Options{View: view, Theme: th}, f, 1, &out); err != nil || out.Len() == 0 {
					t.Errorf("%s %s %s: %v", view, th, f, err)
				}
				if f == SVG && !strings.Contains(out.String(), `fill="`+th.Color(style.Paper).Hex()+`"`) {
					t.Errorf("%s %s: the SVG is not on the theme's paper", view, th)
				}
			}
		}
	}
	if _, err := Diagram(context.Background(), eng, s, Options{Theme: "sepia"}); err == nil || !strings.Contains(err.Error(), "sepia") {
		t.Errorf("an unknown theme: %v", err)
	}
}
