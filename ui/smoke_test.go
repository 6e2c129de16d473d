//go:build !ci

package ui

import (
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

// runGUIForSmokeTest opens the real window on the example (the child of
// TestScreenshotSmoke).
func runGUIForSmokeTest() {
	a := app.NewWithID("org.parleyhq.parley.smoketest")
	w := a.NewWindow("Parley")
	u := New(a, w)
	u.OpenExample()
	w.Resize(fyne.NewSize(1200, 760))
	w.ShowAndRun()
	os.Exit(0)
}

// TestScreenshotSmoke starts Xvfb, opens the example in a real window (this
// test binary as the app), takes a screenshot and checks the window is not
// blank. It needs a build without the ci tag and Xvfb and ImageMagick's
// import; it is skipped where they are missing:
//
//	go test ./ui/ -run ScreenshotSmoke -v
func TestScreenshotSmoke(t *testing.T) {
	xvfb, err1 := exec.LookPath("Xvfb")
	imp, err2 := exec.LookPath("import")
	if err1 != nil || err2 != nil {
		t.Skip("needs Xvfb and ImageMagick's import")
	}
	display := ":" + strconv.Itoa(90+os.Getpid()%9)
	x := exec.Command(xvfb, display, "-screen", "0", "1280x800x24")
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { x.Process.Kill(); x.Wait() }()
	time.Sleep(time.Second)

	home := t.TempDir() // fresh preferences: no recovery offer, system theme
	gui := exec.Command(os.Args[0], "-test.run=^$")
	gui.Env = append(os.Environ(), "PARLEY_TEST_GUI=1", "DISPLAY="+display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	if err := gui.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { gui.Process.Kill(); gui.Wait() }()

	shot := filepath.Join(t.TempDir(), "shot.png")
	var colours int
	for try := 0; try < 20 && colours < 500; try++ {
		time.Sleep(time.Second)
		cmd := exec.Command(imp, "-window", "root", shot)
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Logf("import: %v %s", err, out)
			continue
		}
		colours = countColours(t, shot)
	}
	if colours < 500 {
		t.Fatalf("the window looks blank: %d colours in the screenshot", colours)
	}
	if dst := os.Getenv("PARLEY_SMOKE_SHOT"); dst != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(dst, b, 0o644)
	}
	t.Logf("screenshot has %d colours", colours)
}

// countColours counts the distinct colours of a PNG (a blank or black
// window has a handful; the editor and the diagram give thousands).
func countColours(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	return len(seen)
}
