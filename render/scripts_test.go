package render

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
	"github.com/parleyhq/parley/scenario"
)

// stressFile names actors in every script and holds every kind of bad text.
const stressFile = "../drawing/drawingtest/testdata/scripts.toml"

func loadStress(t *testing.T) *scenario.Scenario {
	t.Helper()
	data, err := os.ReadFile(stressFile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Load(stressFile, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStressEveryScriptDraws: in the stress scenario's diagram no glyph is
// a font's .notdef box: every character is drawn from a face that has it,
// or as one of Parley's own boxes (bidi controls, unassigned code points),
// which the scenario has exactly where it should.
func TestStressEveryScriptDraws(t *testing.T) {
	d, err := Diagram(context.Background(), NewInProcess(), loadStress(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	boxes := map[string]bool{}
	for _, it := range d.Items {
		if it.Kind != drawing.KindText {
			continue
		}
		for _, g := range typeset.Set(it.Text, it.Font).Glyphs {
			switch {
			case g.Key.Face == typeset.FaceBoxes || g.Key.Face == typeset.FaceBoxesBold:
				boxes[typeset.BoxLabel(rune(g.Key.ID))] = true
			case g.Key.ID == 0:
				t.Errorf("%q: a .notdef glyph from %v", it.Text, g.Key.Face)
			}
		}
	}
	for _, want := range []string{"RLO", "LRI", "PDI", "0378", "F0001"} {
		if !boxes[want] {
			t.Errorf("no %s box drawn (boxes: %v)", want, boxes)
		}
	}
	if len(boxes) != 5 {
		t.Errorf("boxes %v, want exactly RLO, LRI, PDI, 0378, F0001", boxes)
	}
}

// TestStressTextInEveryOutput: the names come back as text from the SVG's
// text copies and from the PDF (through pdftotext when it is installed),
// with bidi controls replaced by the box's dotted square, never passed on.
func TestStressTextInEveryOutput(t *testing.T) {
	s := loadStress(t)
	eng := NewInProcess()
	out := map[Format][]byte{}
	for _, f := range []Format{SVG, PNG, PDF} {
		var buf bytes.Buffer
		if err := Export(context.Background(), eng, s, Options{}, f, 1, &buf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[f] = buf.Bytes()
	}
	svgText := string(out[SVG])
	for _, a := range s.Actors {
		name := typeset.Neutralise(a.Name)
		if !strings.Contains(svgText, ">"+name+"<") && !strings.Contains(svgText, ">per "+name+"<") {
			t.Errorf("SVG has no text %q", name)
		}
	}
	if strings.ContainsAny(svgText, "\u202e\u2066\u2069") {
		t.Error("a bidi control reached the SVG")
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	file := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(file, out[PDF], 0o644); err != nil {
		t.Fatal(err)
	}
	txt, err := exec.Command(bin, "-raw", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("\u202b", "", "\u202c", "", "\u202a", "").Replace(string(txt))
	for _, name := range []string{"Зеленский", "قطر", "ירושלים", "王毅", "臺灣", "賴清德", "김정은", "Ελλάδα", "evil\u2b1aexe.txt", "Nguyễn"} {
		if !strings.Contains(text, name) {
			t.Errorf("pdftotext lacks %q", name)
		}
	}
}
