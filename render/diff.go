package render

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/participation"
)

// DiffSide is one of the two pictures a diff compares: a scenario (two
// sides may share one), its variant ("" the base) and its day (zero: the
// file's as_of).
type DiffSide struct {
	Scenario *scenario.Scenario
	Variant  string
	AsOf     scenario.Date
	// Name says which picture it is in the header ("" : its variant and
	// day in words).
	Name string
}

// Name in words: "base, as of 1 Apr 1997", "variant no-ceasefire, all dates".
func (d DiffSide) describe(pic *scenario.Picture) string {
	if d.Name != "" {
		return d.Name
	}
	v := "the base"
	if pic.Variant != nil {
		v = "variant " + cmpOr(pic.Variant.Name, pic.Variant.ID)
	}
	if pic.AsOf.IsZero() {
		return v + ", all dates"
	}
	return v + " as of " + pic.AsOf.Human()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// DiffDiagram draws what changed from old to new in the participation
// view, on the layout both share (a file's stable layout, or the one of
// two files' union): seats gained, lost (as ghosts) and changed, tracks and
// actors new and gone, each marked and in the legend. opts gives the
// detail, direction and filter of both pictures (its View, Variant, AsOf
// and Layout are not used). It returns the changes too, as
// scenario.Diff finds them.
func DiffDiagram(ctx context.Context, eng Engine, old, new DiffSide, opts Options) (*drawing.Drawing, *scenario.Changes, error) {
	var pics [2]*scenario.Picture
	var graphs [2]*participation.Graph
	for i, sd := range []DiffSide{old, new} {
		pic, err := sd.Scenario.Resolve(sd.Variant, sd.AsOf)
		if err != nil {
			return nil, nil, err
		}
		pics[i] = pic
		o := participationOptions(opts)
		o.Variant, o.AsOf = sd.Variant, sd.AsOf
		if graphs[i], err = participation.Build(sd.Scenario, o); err != nil {
			return nil, nil, err
		}
	}
	changes := scenario.Diff(pics[0], pics[1])
	dg := participation.DiffGraph(graphs[0], graphs[1], old.describe(pics[0]), new.describe(pics[1]))
	if len(dg.Nodes) == 0 {
		d, err := participation.Draw(dg, &Layout{})
		return opts.Theme.Apply(d), changes, err
	}
	var u *participation.Graph
	var l *Layout
	var err error
	if old.Scenario == new.Scenario {
		u, l, err = stableLayout(ctx, eng, new.Scenario, participationOptions(opts))
	} else {
		u, l, err = unionOfLayout(ctx, eng, []*scenario.Scenario{new.Scenario, old.Scenario}, participationOptions(opts))
	}
	if err != nil {
		return nil, nil, err
	}
	d, err := participation.DrawOn(dg, u, l)
	return opts.Theme.Apply(d), changes, err // as Diagram does
}

// unionOfLayout lays out the union of several scenarios, the layout from
// the cache when it is there.
func unionOfLayout(ctx context.Context, eng Engine, ss []*scenario.Scenario, opts participation.Options) (*participation.Graph, *Layout, error) {
	u, err := participation.UnionOf(ss, opts)
	if err != nil {
		return nil, nil, err
	}
	dot := u.LayoutDOT()
	lk := layoutKey{eng: eng, dot: sha256.Sum256(dot)}
	stable.mu.Lock()
	l, ok := stable.layouts.get(lk)
	stable.mu.Unlock()
	if ok {
		return u, l, nil
	}
	if l, err = eng.Layout(ctx, dot); err != nil {
		return nil, nil, err
	}
	stable.mu.Lock()
	stable.layouts.put(lk, l)
	stable.mu.Unlock()
	return u, l, nil
}

// DiffFormats are the formats a diff picture is written in.
var DiffFormats = []Format{SVG, PNG, PDF}

// ExportDiff writes DiffDiagram's picture in format f (svg, png or pdf;
// scale for PNG, opts.Page for PDF) and returns the changes.
func ExportDiff(ctx context.Context, eng Engine, old, new DiffSide, opts Options, f Format, scale float64, w io.Writer) (*scenario.Changes, error) {
	write, ok := writers[f]
	if !ok {
		return nil, fmt.Errorf("render: a diff picture is written as svg, png or pdf, not %q", f)
	}
	d, ch, err := DiffDiagram(ctx, eng, old, new, opts)
	if err != nil {
		return nil, err
	}
	return ch, write(w, d, scale, opts)
}
