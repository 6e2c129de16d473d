package render

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing/raster"
	"github.com/parleyhq/parley/internal/viewtest"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/scenario/scenariotest"
)

// TestEveryViewOfEveryExample: every view of every bundled example, in
// each of its variants, comes through the door in every format the view
// has; the formats it has not are refused with the ones it has.
func TestEveryViewOfEveryExample(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	for _, ex := range viewtest.Examples(t) {
		for _, variant := range ex.Variants {
			for _, view := range Views {
				for _, f := range Formats {
					var out bytes.Buffer
					err := Export(context.Background(), eng, ex.Scenario, Options{View: view, Variant: variant}, f, 1, &out)
					has := false
					for _, vf := range ViewFormats(view) {
						has = has || vf == f
					}
					switch {
					case has && (err != nil || out.Len() == 0):
						t.Errorf("%s %s %s as %s: %v (%d bytes)", ex.Name, variant, view, f, err, out.Len())
					case !has && (err == nil || out.Len() > 0):
						t.Errorf("%s view as %s is not refused", view, f)
					case !has && !strings.Contains(err.Error(), "use "):
						t.Errorf("%s view as %s: %v (should say what to use)", view, f, err)
					}
				}
			}
		}
	}
	var out bytes.Buffer
	err := Export(context.Background(), eng, loadExample(t), Options{View: "timeline"}, CSV, 1, &out)
	if want := "render: csv is a format of the grid view (-view grid), not of the timeline view; use svg, png or pdf"; err == nil || err.Error() != want {
		t.Errorf("csv of the timeline: %v\nwant %s", err, want)
	}
	err = Export(context.Background(), eng, loadExample(t), Options{View: "grid"}, DOT, 1, &out)
	if want := "render: the grid view is not laid out by Graphviz: it has no DOT; use svg, png, pdf, csv or md"; err == nil || err.Error() != want {
		t.Errorf("dot of the grid: %v\nwant %s", err, want)
	}
}

// TestFocusedFitsAScreen: a scenario of 1,000 actors focused on its
// busiest track gives, in every view, a picture that fits a 1920×1080
// screen at 100% zoom (PNG at scale 1, 96 dpi), in the compact layout
// (the stable one keeps room for what the variants add).
func TestFocusedFitsAScreen(t *testing.T) {
	s, err := scenario.Load("gen.toml", bytes.NewReader(scenariotest.Generate(1000, 1)))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	busiest := ""
	for _, st := range s.Seats {
		count[st.Track]++
		if count[st.Track] > count[busiest] {
			busiest = st.Track
		}
	}
	eng := NewInProcess()
	defer eng.Close()
	for _, track := range []string{busiest, s.Tracks[0].ID, s.Tracks[len(s.Tracks)/2].ID} {
		f := scenario.Filter{Focus: []string{"track:" + track}}
		for _, view := range Views {
			d, err := Diagram(context.Background(), eng, s, Options{View: view, Filter: f, Layout: LayoutCompact})
			if err != nil {
				t.Fatal(err)
			}
			var png bytes.Buffer
			if err := raster.WritePNG(&png, d, 1); err != nil {
				t.Fatal(err)
			}
			w, h := pngSize(t, png.Bytes())
			t.Logf("%s focused on %s (%d seats): %d×%d px", view, track, count[track], w, h)
			if w > 1920 || h > 1080 {
				t.Errorf("%s focused on %s (%d seats) is %d×%d px: larger than a 1920×1080 screen", view, track, count[track], w, h)
			}
		}
	}
}

func pngSize(t *testing.T, b []byte) (int, int) {
	if len(b) < 24 || string(b[1:4]) != "PNG" {
		t.Fatal("not a PNG")
	}
	be := func(x []byte) int { return int(x[0])<<24 | int(x[1])<<16 | int(x[2])<<8 | int(x[3]) }
	return be(b[16:20]), be(b[20:24])
}

// TestExportData: every data format of every example, through the door.
func TestExportData(t *testing.T) {
	for _, ex := range viewtest.Examples(t) {
		for _, f := range DataFormats {
			var out bytes.Buffer
			if err := ExportData(ex.Scenario, Options{Filter: scenario.Filter{Roles: []scenario.Role{scenario.RoleParticipant}}}, f, &out); err != nil || out.Len() == 0 {
				t.Errorf("%s as %s: %v", ex.Name, f, err)
			}
			if f == JSON && !json.Valid(out.Bytes()) {
				t.Errorf("%s: not JSON", ex.Name)
			}
		}
	}
	for name, want := range map[string]DataFormat{"a.gexf": GEXF, "b.JSON": JSON, "c.csv": SeatsCSV} {
		if f, err := DataFormatFromName(name); err != nil || f != want {
			t.Errorf("%s: %s %v", name, f, err)
		}
	}
	if _, err := DataFormatFromName("x.svg"); err == nil {
		t.Error(".svg taken for a data format")
	}
}
