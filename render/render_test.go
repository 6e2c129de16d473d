package render

import (
	"bytes"
	"context"
	"testing"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/scenario"
)

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
	for _, f := range Formats {
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
