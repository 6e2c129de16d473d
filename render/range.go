package render

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/pdf"
	"github.com/parleyhq/parley/scenario"
)

// Change over time as one export: the pictures of a range of days, one
// for each day on which what is drawn changes, drawn on the file's
// stable layout so that they overlay; as a multi-page PDF (a page a day,
// each titled with its day) or as numbered frames.

// Frame is the picture of one day of a range.
type Frame struct {
	Day     scenario.Date
	Drawing *drawing.Drawing
}

// ChangeDays are the days from from to to (both included) on which the
// picture of variant may change: from itself, then each day a track or
// seat date of the file names (scenario.Marks), where the picture differs
// from the one before (scenario.Diff).
func ChangeDays(s *scenario.Scenario, variant string, from, to scenario.Date) ([]scenario.Date, error) {
	if to.Latest().Before(from.Earliest()) {
		return nil, fmt.Errorf("render: the range %s..%s ends before it starts", from, to)
	}
	// A date can change the picture on its first day (a start, a from),
	// the day after its last (an end, a to: both days included), and at
	// either end of an approximate date's span (possibly, then surely).
	days := []scenario.Date{from}
	seen := map[scenario.Date]bool{from: true}
	for _, m := range s.Marks() {
		if !m.Changes {
			continue
		}
		for _, t := range []time.Time{m.Date.Earliest(), m.Date.First(), m.Date.Last().AddDate(0, 0, 1), m.Date.Latest().AddDate(0, 0, 1)} {
			d := scenario.FromTime(t)
			if seen[d] || !from.Last().Before(t) || t.After(to.Last()) {
				continue
			}
			seen[d] = true
			days = append(days, d)
		}
	}
	slices.SortStableFunc(days[1:], func(a, b scenario.Date) int { return a.First().Compare(b.First()) })
	prev, err := s.Resolve(variant, from)
	if err != nil {
		return nil, err
	}
	out := []scenario.Date{from}
	for _, d := range days[1:] {
		pic, err := s.Resolve(variant, d)
		if err != nil {
			return nil, err
		}
		if !scenario.Diff(prev, pic).Empty() {
			out = append(out, d)
			prev = pic
		}
	}
	return out, nil
}

// maxFrames bounds a range's pictures: past it the export is refused
// before anything is drawn (a file of 1,000 dated seats has ~1,000).
const maxFrames = 2000

// DiagramRange draws the picture that opts choose (its AsOf is not used)
// on each of ChangeDays(from, to), on one layout.
func DiagramRange(ctx context.Context, eng Engine, s *scenario.Scenario, opts Options, from, to scenario.Date) ([]Frame, error) {
	days, err := ChangeDays(s, opts.Variant, from, to)
	if err != nil {
		return nil, err
	}
	if len(days) > maxFrames {
		return nil, fmt.Errorf("render: %d pictures from %s to %s: more than %d; choose a shorter range", len(days), from, to, maxFrames)
	}
	frames := make([]Frame, 0, len(days))
	for _, d := range days {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		o := opts
		o.AsOf = d
		dr, err := Diagram(ctx, eng, s, o)
		if err != nil {
			return nil, err
		}
		frames = append(frames, Frame{Day: d, Drawing: dr})
	}
	return frames, nil
}

// ExportPages writes frames as one PDF, a page each (opts.Page sizes
// them).
func ExportPages(w io.Writer, frames []Frame, opts Options) error {
	page, err := pdf.ParsePage(opts.Page)
	if err != nil {
		return err
	}
	ds := make([]*drawing.Drawing, len(frames))
	for i, f := range frames {
		ds[i] = f.Drawing
	}
	return pdf.WritePages(w, ds, page)
}

// ExportFrame writes one frame in format f (svg or png; scale for PNG).
func ExportFrame(w io.Writer, fr Frame, f Format, scale float64) error {
	if f != SVG && f != PNG {
		return fmt.Errorf("render: frames are svg or png, not %q", f)
	}
	return writers[f](w, fr.Drawing, scale, Options{})
}
