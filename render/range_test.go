package render

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/parleyhq/parley/scenario"
)

// TestChangeDays: a range's pictures are the days the Good Friday picture
// changes — a seat's last day is still its own, so a walk-out on 16 July
// shows on the 17th — and no day on which nothing changes.
func TestChangeDays(t *testing.T) {
	gf := loadFile(t, "../examples/good-friday-1998.toml")
	days, err := ChangeDays(gf, "", date(t, "1996-02-28"), date(t, "1998-04-10"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range days {
		got = append(got, d.String())
	}
	want := "1996-02-28 1996-06-10 1997-03-06 1997-05-02 1997-06-03 1997-06-26 1997-07-17 1997-09-09 1998-01-26 1998-02-20 1998-02-23 1998-03-16 1998-03-23 1998-03-31 1998-04-10"
	if strings.Join(got, " ") != want {
		t.Errorf("change days:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	for i := 1; i < len(days); i++ {
		a, _ := gf.Resolve("", days[i-1])
		b, _ := gf.Resolve("", days[i])
		if scenario.Diff(a, b).Empty() {
			t.Errorf("nothing changes from %s to %s", days[i-1], days[i])
		}
	}
	if _, err := ChangeDays(gf, "", date(t, "1998-01-01"), date(t, "1997-01-01")); err == nil {
		t.Error("a range that ends before it starts: no error")
	}
}

// TestRangeExport: the pages of a range overlay (one layout), each says
// its day, and the PDF has a page for each.
func TestRangeExport(t *testing.T) {
	eng := &countingEngine{Engine: NewInProcess()}
	defer eng.Close()
	gf := loadFile(t, "../examples/good-friday-1998.toml")
	frames, err := DiagramRange(context.Background(), eng, gf, Options{}, date(t, "1997-01-01"), date(t, "1997-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	if len(frames) < 5 {
		t.Fatalf("%d frames", len(frames))
	}
	for _, f := range frames {
		said := false
		for _, it := range f.Drawing.Items {
			said = said || strings.HasPrefix(it.Text, "As of "+f.Day.Human())
		}
		if !said {
			t.Errorf("the frame of %s does not say its day", f.Day)
		}
		if f.Drawing.Width != frames[0].Drawing.Width {
			t.Errorf("the frame of %s is %v wide, the first %v", f.Day, f.Drawing.Width, frames[0].Drawing.Width)
		}
	}
	if n := eng.calls.Load(); n > 1 {
		t.Errorf("%d frames ran %d layouts", len(frames), n)
	}
	var b bytes.Buffer
	if err := ExportPages(&b, frames, Options{Page: "a4"}); err != nil {
		t.Fatal(err)
	}
	if got := bytes.Count(b.Bytes(), []byte("/Type /Page ")); got != len(frames) {
		t.Errorf("%d pages for %d frames", got, len(frames))
	}
}
