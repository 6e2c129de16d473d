package render

import (
	"bytes"
	"context"
	"os"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/scenario"
)

// countingEngine counts the layouts it is asked for.
type countingEngine struct {
	Engine
	calls atomic.Int64
}

func (c *countingEngine) Layout(ctx context.Context, dot []byte) (*Layout, error) {
	c.calls.Add(1)
	return c.Engine.Layout(ctx, dot)
}

func loadFile(t testing.TB, path string) *scenario.Scenario {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Load(path, bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func date(t testing.TB, s string) scenario.Date {
	t.Helper()
	d, err := scenario.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestStableLayoutIsCached: moving the date, flipping a variant and
// loading the same file again run no new layout; an edit that changes
// what the union draws runs one; the compact layout runs one a picture.
func TestStableLayoutIsCached(t *testing.T) {
	eng := &countingEngine{Engine: NewInProcess()}
	defer eng.Close()
	ctx := context.Background()
	s := loadFile(t, "../examples/good-friday-1998.toml")
	pictures := []Options{
		{}, {AsOf: date(t, "1996-06-10")}, {AsOf: date(t, "1997-07-20")}, {AsOf: date(t, "1998-02-25")},
		{Variant: "unionists-stay"}, {Variant: "no-ceasefire", AsOf: date(t, "1997-10-01")},
	}
	for _, o := range pictures {
		if _, err := Diagram(ctx, eng, s, o); err != nil {
			t.Fatal(err)
		}
	}
	if n := eng.calls.Load(); n != 1 {
		t.Errorf("%d pictures of one file ran %d layouts, want 1", len(pictures), n)
	}
	again := loadFile(t, "../examples/good-friday-1998.toml") // the window loads each edit afresh
	if _, err := Diagram(ctx, eng, again, Options{AsOf: date(t, "1997-01-01")}); err != nil {
		t.Fatal(err)
	}
	if n := eng.calls.Load(); n != 1 {
		t.Errorf("the same file loaded again ran a layout (%d in all)", n)
	}
	again.Seats = append(again.Seats, scenario.Seat{Track: "bia", Actor: "us", Role: scenario.RoleWitness})
	if _, err := Diagram(ctx, eng, again, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := eng.calls.Load(); n != 2 {
		t.Errorf("an edit that adds a seat ran %d layouts in all, want 2", n)
	}
	for _, o := range pictures[:2] {
		o.Layout = LayoutCompact
		if _, err := Diagram(ctx, eng, s, o); err != nil {
			t.Fatal(err)
		}
	}
	if n := eng.calls.Load(); n != 4 {
		t.Errorf("two compact pictures ran %d layouts in all, want 4", n)
	}
	if _, err := Diagram(ctx, eng, s, Options{Layout: "tight"}); err == nil || err.Error() != `render: unknown layout "tight" (allowed: stable, compact)` {
		t.Errorf("an unknown layout: %v", err)
	}
}
