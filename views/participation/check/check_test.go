package check

import (
	"flag"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
)

// update is accepted, as by every package's tests (go test ./... -update);
// this package has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

// line is a straight arrow from a to b as a one-segment bézier.
func line(ref string, a, b drawing.Point) drawing.Item {
	t := func(f float64) drawing.Point { return drawing.Point{X: a.X + (b.X-a.X)*f, Y: a.Y + (b.Y-a.Y)*f} }
	return drawing.Item{Kind: drawing.KindBezier, Points: []drawing.Point{a, t(1.0 / 3), t(2.0 / 3), b}, Ref: ref, Stroke: drawing.Stroke{Width: 1}}
}

// plate is a label's plate of w×h centred at (x, y), with its text.
func plate(ref string, x, y, w, h float64) []drawing.Item {
	return []drawing.Item{
		{Kind: drawing.KindRect, X: x - w/2, Y: y - h/2, W: w, H: h, Ref: ref},
		{Kind: drawing.KindText, X: x, Y: y + 3, W: w - 4, Size: 8, Text: "words", Anchor: drawing.AnchorMiddle, Ref: ref},
	}
}

func TestLabelDistances(t *testing.T) {
	for _, c := range []struct {
		name   string
		y, b   float64 // the label's centre; the other arrow's height
		flag   bool
		own    float64
		nearer string
	}{
		{"on its own arrow", 100, 130, false, 0, "seat:t/b/participant"},
		{"beside its own arrow", 109, 130, false, 3, "seat:t/b/participant"},
		{"nearer the other arrow", 122, 130, true, 16, "seat:t/b/participant"},
		{"on its own, within a few points of the other", 100, 109, true, 0, "seat:t/b/participant"},
		{"on both", 100, 104, true, 0, "seat:t/b/participant"},
	} {
		t.Run(c.name, func(t *testing.T) {
			arrows := []drawing.Item{
				line("seat:t/a/participant", drawing.Point{X: 0, Y: 100}, drawing.Point{X: 200, Y: 100}),
				line("seat:t/b/participant", drawing.Point{X: 0, Y: c.b}, drawing.Point{X: 200, Y: c.b}),
			}
			d := &drawing.Drawing{Width: 300, Height: 300, Items: append(arrows, plate("seat:t/a/participant", 100, c.y, 40, 12)...)}
			r := Inspect(d)
			if len(r.Labels) != 1 {
				t.Fatalf("%d labels, want 1", len(r.Labels))
			}
			l := r.Labels[0]
			if (r.Flagged() == 1) != c.flag || (len(r.Failures()) > 0) != c.flag {
				t.Errorf("flagged %d (%v), want %v; label %+v", r.Flagged(), r.Failures(), c.flag, l)
			}
			if d := l.Own - c.own; d > 0.5 || d < -0.5 {
				t.Errorf("own distance %.1f, want %.1f", l.Own, c.own)
			}
			if l.Nearest != c.nearer {
				t.Errorf("nearest other arrow %q, want %q", l.Nearest, c.nearer)
			}
		})
	}
}

func TestOverlaps(t *testing.T) {
	a := line("seat:t/a/host", drawing.Point{X: 0, Y: 100}, drawing.Point{X: 200, Y: 100})
	head := drawing.Item{Kind: drawing.KindPolygon, Points: []drawing.Point{{X: 200, Y: 100}, {X: 191, Y: 96}, {X: 191, Y: 104}}, Ref: "seat:t/a/host"}
	box := drawing.Item{Kind: drawing.KindRect, X: 200, Y: 80, W: 60, H: 40, Ref: "track:t"}
	frame := drawing.Item{Kind: drawing.KindRect, X: -50, Y: 0, W: 400, H: 300, Ref: "frame:x"}
	other := line("seat:t/b/host", drawing.Point{X: 0, Y: 200}, drawing.Point{X: 200, Y: 200})
	for _, c := range []struct {
		name  string
		items []drawing.Item
		want  string
	}{
		{"clear", plate("seat:t/a/host", 100, 100, 40, 12), ""},
		{"on a box", plate("seat:t/a/host", 205, 100, 40, 12), "overlaps box track:t"},
		{"on an arrowhead", plate("seat:t/a/host", 180, 100, 30, 12), "overlaps the arrowhead of seat:t/a/host"},
		{"on a label", append(plate("seat:t/a/host", 100, 100, 40, 12), plate("seat:t/b/host", 110, 195, 40, 12)[0], drawing.Item{Kind: drawing.KindRect, X: 90, Y: 94, W: 20, H: 4, Ref: "seat:t/b/host"}), "overlaps label"},
		{"on a frame's text", append(plate("seat:t/a/host", 100, 100, 40, 12), drawing.Item{Kind: drawing.KindText, X: 95, Y: 104, W: 30, Size: 9, Text: "Frame", Ref: "frame:x"}), "overlaps text frame:x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &drawing.Drawing{Width: 400, Height: 300, Items: append([]drawing.Item{frame, a, head, box, other}, c.items...)}
			got := strings.Join(Inspect(d).Overlaps, "\n")
			if c.want == "" && got != "" || !strings.Contains(got, c.want) {
				t.Errorf("overlaps:\n%s\nwant one with %q", got, c.want)
			}
		})
	}
}

func TestCrossings(t *testing.T) {
	p := func(x, y float64) drawing.Point { return drawing.Point{X: x, Y: y} }
	for _, c := range []struct {
		name  string
		items []drawing.Item
		want  int
	}{
		{"an X", []drawing.Item{line("seat:a", p(0, 0), p(100, 100)), line("seat:b", p(0, 100), p(100, 0))}, 1},
		{"parallel", []drawing.Item{line("seat:a", p(0, 0), p(100, 0)), line("seat:b", p(0, 10), p(100, 10))}, 0},
		{"from one box", []drawing.Item{line("seat:a", p(0, 0), p(100, 0)), line("seat:b", p(0, 0), p(100, 50))}, 0},
		{"one arrow's own pieces", []drawing.Item{line("seat:a", p(0, 0), p(100, 100)), line("seat:a", p(0, 100), p(100, 0))}, 0},
		{"three lines, three crossings", []drawing.Item{line("seat:a", p(0, 0), p(100, 100)), line("seat:b", p(0, 100), p(100, 0)), line("seat:c", p(30, -20), p(30, 120))}, 3},
		{"crossing at a vertex", []drawing.Item{line("seat:a", p(0, 50), p(100, 50)), line("seat:b", p(50, 0), p(50, 100))}, 1},
		{"touching, not crossing", []drawing.Item{line("seat:a", p(0, 50), p(100, 50)), {Kind: drawing.KindPolyline, Ref: "seat:b", Points: []drawing.Point{p(20, 0), p(50, 50), p(80, 0)}}}, 0},
		{"not arrows", []drawing.Item{line("legend:x", p(0, 0), p(100, 100)), line("seat:b", p(0, 100), p(100, 0))}, 0},
	} {
		if got := Inspect(&drawing.Drawing{Width: 200, Height: 200, Items: c.items}).Crossings; got != c.want {
			t.Errorf("%s: %d crossings, want %d", c.name, got, c.want)
		}
	}
}

// TestFramesAreNotBoxes: a label inside a frame (a rect of the frame's
// Ref, or one holding other boxes) is not on a box.
func TestFramesAreNotBoxes(t *testing.T) {
	a := line("seat:t/a/host", drawing.Point{X: 0, Y: 100}, drawing.Point{X: 200, Y: 100})
	for _, frame := range []drawing.Item{
		{Kind: drawing.KindRect, X: -50, Y: 0, W: 400, H: 300, Ref: "frame:x"},
		{Kind: drawing.KindRect, X: -50, Y: 0, W: 400, H: 300, Ref: "actor:x"}, // holds the box below
	} {
		inner := drawing.Item{Kind: drawing.KindRect, X: 300, Y: 10, W: 20, H: 20, Ref: "actor:y"}
		d := &drawing.Drawing{Items: append([]drawing.Item{frame, inner, a}, plate("seat:t/a/host", 100, 100, 40, 12)...)}
		if o := Inspect(d).Overlaps; len(o) > 0 {
			t.Errorf("frame %s taken for a box: %v", frame.Ref, o)
		}
	}
}
