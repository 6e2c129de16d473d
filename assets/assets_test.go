package assets

import (
	"bytes"
	"os"
	"testing"
)

// TestExampleIsTheCanonicalCopy: the embedded example is a copy of
// examples/ukraine-talks-2025-02.toml (go:embed cannot reach outside this
// folder); go generate ./assets refreshes it.
func TestExampleIsTheCanonicalCopy(t *testing.T) {
	canonical, err := os.ReadFile("../examples/" + ExampleName)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(canonical, Example) {
		t.Fatal("assets/examples/" + ExampleName + " differs from examples/" + ExampleName + ": run go generate ./assets")
	}
}

func TestFontsAreThere(t *testing.T) {
	for name, font := range map[string][]byte{
		"regular": FontRegular, "bold": FontBold, "italic": FontItalic,
		"arabic": FontArabic, "arabic bold": FontArabicBold, "hebrew": FontHebrew, "hebrew bold": FontHebrewBold,
		"cjk": FontCJK, "hangul": FontHangul, "emoji": FontEmoji,
	} {
		if len(font) < 20_000 || !(bytes.HasPrefix(font, []byte{0, 1, 0, 0}) || bytes.HasPrefix(font, []byte("OTTO"))) {
			t.Errorf("%s font is not an OpenType file (%d bytes)", name, len(font))
		}
	}
}
