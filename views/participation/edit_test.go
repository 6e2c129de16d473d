package participation

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// boxCentres are the centres of the actor and track boxes of a drawing,
// by Ref.
func boxCentres(d *drawing.Drawing) map[string]drawing.Point {
	out := map[string]drawing.Point{}
	for _, it := range d.Items {
		if it.Kind != drawing.KindRect || !(strings.HasPrefix(it.Ref, "actor:") || strings.HasPrefix(it.Ref, "track:")) {
			continue
		}
		if _, ok := out[it.Ref]; !ok {
			out[it.Ref] = drawing.Point{X: it.X + it.W/2, Y: it.Y + it.H/2}
		}
	}
	return out
}

// meanMove is the mean distance the boxes both drawings draw moved.
func meanMove(a, b *drawing.Drawing) float64 {
	ca, cb := boxCentres(a), boxCentres(b)
	sum, n := 0.0, 0
	for ref, p := range ca {
		if q, ok := cb[ref]; ok {
			sum += math.Hypot(p.X-q.X, p.Y-q.Y)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// oneSeatEdits are up to n scenarios that each add one seat to s: an
// actor already drawn takes a seat at a track where it has none.
func oneSeatEdits(s *scenario.Scenario, n int) []*scenario.Scenario {
	has := map[[2]string]bool{}
	seated := map[string]bool{}
	for _, st := range s.Seats {
		has[[2]string{st.Track, st.Actor}] = true
		seated[st.Actor] = true
	}
	var out []*scenario.Scenario
	for i := 0; i < len(s.Actors) && len(out) < n; i += 3 {
		a := s.Actors[i]
		if !seated[a.ID] {
			continue
		}
		for j := len(s.Tracks) - 1; j >= 0; j-- {
			t := s.Tracks[(j+i)%len(s.Tracks)]
			if has[[2]string{t.ID, a.ID}] {
				continue
			}
			c := *s
			c.Seats = append(append([]scenario.Seat(nil), s.Seats...), scenario.Seat{Track: t.ID, Actor: a.ID, Role: scenario.RoleObserver})
			out = append(out, &c)
			break
		}
	}
	return out
}

// TestEditDisplacement measures how far the boxes an edit does not touch
// move when one seat is added, as the window lays the picture out again:
// laid out afresh (compact), on a new stable layout, and on a new stable
// layout that keeps the order of the one before (what the window does).
// It prints the means (go test ./views/participation -run
// EditDisplacement -v) and fails if keeping the order moves boxes more
// than laying out afresh.
func TestEditDisplacement(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out a hundred pictures")
	}
	eng := layout.NewInProcess()
	defer eng.Close()
	ctx := context.Background()
	draw := func(s *scenario.Scenario, u *Graph) *drawing.Drawing {
		t.Helper()
		p, err := Build(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if u == nil {
			d, err := Diagram(ctx, eng, s, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		l, err := eng.Layout(ctx, u.LayoutDOT())
		if err != nil {
			t.Fatal(err)
		}
		d, err := DrawOn(p, u, l)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	files := loadFiles(t, "../../examples/*.toml") // the bundled example among them
	var total [3]float64
	edits := 0
	for _, f := range files {
		u0, err := Union(f.s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		compact0, stable0 := draw(f.s, nil), draw(f.s, u0)
		var sums [3]float64
		cases := oneSeatEdits(f.s, 4)
		for _, e := range cases {
			fresh, err := Union(e, Options{})
			if err != nil {
				t.Fatal(err)
			}
			kept, err := UnionAfter(e, Options{}, u0)
			if err != nil {
				t.Fatal(err)
			}
			m := [3]float64{meanMove(compact0, draw(e, nil)), meanMove(stable0, draw(e, fresh)), meanMove(stable0, draw(e, kept))}
			for i := range m {
				sums[i] += m[i]
				total[i] += m[i]
			}
			edits++
		}
		if n := float64(len(cases)); n > 0 {
			t.Logf("%-26s %d edits: mean move of unchanged boxes %6.1f pt afresh, %6.1f pt stable, %6.1f pt stable keeping the order",
				f.name, len(cases), sums[0]/n, sums[1]/n, sums[2]/n)
		}
	}
	n := float64(edits)
	t.Logf("%-26s %d edits: mean move of unchanged boxes %6.1f pt afresh, %6.1f pt stable, %6.1f pt stable keeping the order", "all", edits, total[0]/n, total[1]/n, total[2]/n)
	if total[2] > total[0] {
		t.Errorf("keeping the order moves boxes more (%.1f pt) than laying out afresh (%.1f pt)", total[2]/n, total[0]/n)
	}
}
