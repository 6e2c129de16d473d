package render

import (
	"bytes"
	"context"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/scenario"
)

// update makes the golden-file tests rewrite their files under testdata/
// (go test ./... -update).
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func loadExample(t testing.TB) *scenario.Scenario {
	t.Helper()
	s, err := scenario.Load(assets.ExampleName, bytes.NewReader(assets.Example))
	if err != nil {
		t.Fatalf("the bundled example does not load:\n%v", err)
	}
	return s
}

func TestExportIsByteIdentical(t *testing.T) {
	s := loadExample(t)
	for _, f := range ViewFormats("") {
		var a, b bytes.Buffer
		if err := Export(context.Background(), NewInProcess(), s, Options{}, f, 1, &a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := Export(context.Background(), NewInProcess(), s, Options{}, f, 1, &b); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if a.Len() == 0 || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two exports differ (or are empty: %d bytes)", f, a.Len())
		}
	}
}

// TestViews: "" is the participation view; any other name is refused, in
// every format, with the allowed names and a suggestion.
func TestViews(t *testing.T) {
	s := loadExample(t)
	eng := NewInProcess()
	for _, f := range ViewFormats("participation") {
		var byDefault, named bytes.Buffer
		if err := Export(context.Background(), eng, s, Options{}, f, 1, &byDefault); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := Export(context.Background(), eng, s, Options{View: "participation"}, f, 1, &named); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !bytes.Equal(byDefault.Bytes(), named.Bytes()) {
			t.Errorf("%s: the default view differs from the participation view", f)
		}
		var out bytes.Buffer
		err := Export(context.Background(), eng, s, Options{View: "partcipation"}, f, 1, &out)
		want := `render: unknown view "partcipation"; did you mean "participation"? (allowed: participation, timeline, network, grid)`
		if err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %s", f, err, want)
		}
		if out.Len() > 0 {
			t.Errorf("%s: %d bytes written for an unknown view", f, out.Len())
		}
	}
	if _, err := Diagram(context.Background(), eng, s, Options{View: "timelime"}); err == nil || !strings.Contains(err.Error(), `did you mean "timeline"? (allowed: participation, timeline, network, grid)`) {
		t.Errorf("Diagram of an unknown view: %v", err)
	}
	for _, name := range Views {
		if _, ok := views[name]; !ok {
			t.Errorf("view %q is listed but has no implementation", name)
		}
	}
	if len(views) != len(Views) {
		t.Errorf("%d views implemented, %d listed", len(views), len(Views))
	}
}

// TestFormatsHaveWriters: every format but DOT has a writer, and an unknown
// format is refused.
func TestFormatsHaveWriters(t *testing.T) {
	for _, f := range Formats {
		if _, ok := writers[f]; !ok && f != DOT && f != CSV && f != MD {
			t.Errorf("format %s has no writer", f)
		}
	}
	err := Export(context.Background(), NewInProcess(), loadExample(t), Options{}, Format("tiff"), 1, io.Discard)
	if want := `render: unknown format "tiff" (allowed: svg, png, pdf, dot, csv, md)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestPDFPages: every page name exports, and a bad one is refused before
// anything is written.
func TestPDFPages(t *testing.T) {
	s := loadExample(t)
	eng := NewInProcess()
	for _, p := range Pages {
		var out bytes.Buffer
		if err := Export(context.Background(), eng, s, Options{Page: p}, PDF, 1, &out); err != nil || !bytes.HasPrefix(out.Bytes(), []byte("%PDF-1.4")) {
			t.Errorf("page %s: %v", p, err)
		}
	}
	var out bytes.Buffer
	err := Export(context.Background(), eng, s, Options{Page: "a5"}, PDF, 1, &out)
	if err == nil || !strings.Contains(err.Error(), `unknown page "a5" (allowed: fit, a4,`) || out.Len() > 0 {
		t.Errorf("page a5: %v, %d bytes", err, out.Len())
	}
}
