package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// parley render -as-of A..B: change over time as one export, a multi-page
// PDF (a page for each day the picture changes) or numbered frames
// (-frames DIR), all drawn on the file's stable layout.

// dayRangeFlag is render's -as-of: a day, or A..B, a range of days.
type dayRangeFlag struct {
	dateFlag
	to     scenario.Date // set for a range
	ranged bool
}

func (d *dayRangeFlag) Set(v string) error {
	a, b, ok := strings.Cut(v, "..")
	if !ok {
		return d.dateFlag.Set(v)
	}
	if a == "" || b == "" {
		return fmt.Errorf("%q: a range needs both days: FIRST..LAST", v)
	}
	if err := d.dateFlag.Set(a); err != nil {
		return err
	}
	to, err := parseDay(b)
	if err != nil {
		return err
	}
	if to.Latest().Before(d.date.Earliest()) {
		return fmt.Errorf("%q: the range ends before it starts", v)
	}
	d.to, d.ranged, d.text = to, true, v
	return nil
}

// renderRange writes the pictures of a range of days: a PDF, a page each,
// to out, or frames into the directory rf.frames.
func (c *cli) renderRange(cmd *command, in string, s *scenario.Scenario, rf *renderFlags, opts render.Options, format render.Format, out string) int {
	from, to := rf.asOf.date, rf.asOf.to
	if !rf.asOf.ranged {
		to = from // -frames of one day: one frame
		if from.IsZero() {
			from = s.Meta.AsOf
			to = from
		}
	}
	c.warnOutside(in, s, "-as-of", from)
	if to != from {
		c.warnOutside(in, s, "-as-of", to)
	}
	eng := render.NewInProcess()
	defer eng.Close()
	frames, err := render.DiagramRange(context.Background(), eng, s, opts, from, to)
	if err != nil {
		fmt.Fprintf(c.stderr, "parley: %v\n", strings.TrimPrefix(err.Error(), "render: "))
		return exitInvalid
	}
	if rf.frames == "" {
		var buf bytes.Buffer
		if err := render.ExportPages(&buf, frames, opts); err != nil {
			fmt.Fprintf(c.stderr, "parley: %v\n", strings.TrimPrefix(err.Error(), "render: "))
			return exitInvalid
		}
		return c.writeOutput(out, buf.Bytes(), in)
	}
	dir := rf.frames
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return c.usageError(cmd, "-frames %s is not a directory", dir)
	} else if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			fmt.Fprintf(c.stderr, "parley: cannot make the directory for the frames: %v\n", err)
			return exitInvalid
		}
	}
	base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	for i, fr := range frames {
		var buf bytes.Buffer
		if err := render.ExportFrame(&buf, fr, format, float64(rf.scale)); err != nil {
			fmt.Fprintf(c.stderr, "parley: %v\n", strings.TrimPrefix(err.Error(), "render: "))
			return exitInvalid
		}
		// Numbered in order, then the day: sorted by name they play in order.
		name := filepath.Join(dir, fmt.Sprintf("%s-%03d-%s.%s", base, i+1, dayName(fr.Day), format))
		if code := c.writeOutput(name, buf.Bytes(), in); code != exitOK {
			return code
		}
	}
	fmt.Fprintf(c.stderr, "parley: %d frames in %s, from %s to %s\n", len(frames), dir, frames[0].Day.Human(), frames[len(frames)-1].Day.Human())
	return exitOK
}

// dayName is a day as a file name has it: 1997-07-16, ~1998-03 as c1998-03.
func dayName(d scenario.Date) string {
	return strings.NewReplacer("~", "c", "/", "-").Replace(d.String())
}

// rangeFormat checks the format of a range export: PDF to a file, or SVG
// or PNG frames (-frames DIR; PNG by default).
func (rf *renderFlags) rangeFormat(format render.Format) (render.Format, error) {
	if rf.frames != "" {
		switch {
		case !rf.given["format"] && (rf.out == "" || !rf.outGiven):
			return render.PNG, nil
		case format == render.PNG || format == render.SVG:
			return format, nil
		}
		return "", fmt.Errorf("-frames writes png or svg frames, not %s (a PDF of the range: -format pdf without -frames)", format)
	}
	if format != render.PDF {
		return "", fmt.Errorf("-as-of %s draws a picture for each day the picture changes: write them as one PDF (-format pdf, a page each) or as frames (-frames DIR)", rf.asOf.text)
	}
	return format, nil
}
