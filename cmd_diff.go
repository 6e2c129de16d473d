package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// parley diff: what changed between two pictures, as text or JSON. The
// comparison itself is scenario.Diff; this file parses the flags, loads
// and resolves both sides and prints the changes. It also holds -as-of's
// flag type, which render shares.

const diffUsage = `usage: parley diff [flags] OLD.toml [NEW.toml]
Compares two pictures and prints what changed, grouped by track: seats
gained (+), lost (-) and changed (~), tracks and actors added (+), removed
(-) and changed (~). Two files: each file's picture (its base, on its as_of,
unless the flags say otherwise). One file: two pictures of it, which the
flags tell apart. Exits 0 when the pictures are the same, 1 when they
differ, 2 on trouble: a usage error, a file that cannot be read or has
errors, an unknown variant (as diff does). Flags may come after the files.
  -variant A..B  the old picture's variant and the new one's; an empty side is
                   the base: -variant ..europe-in compares the base with that
                   variant; one ID (without ..) is both pictures' variant
  -as-of A..B    the old picture's day and the new one's (dates as in the files):
                   -as-of 1997-06-01..1997-10-01; an empty side is that file's
                   as_of; one DATE is both pictures' day
  -format F      text (default), json, or a picture: svg, png or pdf (the
                   participation view of the new picture on the layout both
                   share: seats gained, lost and changed, tracks and actors
                   new and gone, marked and in the legend)
  -o OUT         where the output goes (default: stdout; png and pdf need a file)
`

// dateFlag is -as-of of render: a date in the scenario format's syntax.
type dateFlag struct {
	date scenario.Date
	text string
}

func (d *dateFlag) String() string { return d.text }

func (d *dateFlag) Set(v string) error {
	date, err := parseDay(v)
	if err != nil {
		return err
	}
	d.date, d.text = date, v
	return nil
}

// parseDay reads a date given on the command line; the error says what is
// wrong and how to write one.
func parseDay(v string) (scenario.Date, error) {
	date, err := scenario.ParseDate(v)
	var de *scenario.DateError
	switch {
	case errors.As(err, &de):
		return date, fmt.Errorf("%q: %s (write YYYY-MM-DD, YYYY-MM or YYYY, with a leading ~ for an approximate date)", de.Value, de.Why)
	case err != nil:
		return date, err
	case date.IsZero() || strings.ContainsFunc(v, func(r rune) bool { return r == ' ' || r == '\t' }):
		return date, fmt.Errorf("%q: write a date: YYYY-MM-DD, YYYY-MM or YYYY, with a leading ~ for an approximate date", v)
	}
	return date, nil
}

// warnOutside warns, naming the file, when the day asked for (by flag) is
// certainly outside the dates the scenario has, or when it has none: the
// picture is then the one of its first or last date, which is seldom what
// was meant. It is not an error: a day after the file ("today") is a fair
// question.
func (c *cli) warnOutside(file string, s *scenario.Scenario, flag string, d scenario.Date) {
	first, last, ok := s.Span()
	switch {
	case !ok:
		fmt.Fprintf(c.stderr, "%s: warning: %s %s: the file has no dates, so its picture is the same on every day\n", file, flag, d)
	case d.Latest().Before(first):
		fmt.Fprintf(c.stderr, "%s: warning: %s %s is before the first date in the file (%s): the picture shows what holds then\n",
			file, flag, d, scenario.FromTime(first).Human())
	case d.Earliest().After(last):
		fmt.Fprintf(c.stderr, "%s: warning: %s %s is after the last date in the file (%s): the picture shows what held then\n",
			file, flag, d, scenario.FromTime(last).Human())
	}
}

// side is one of the two pictures a diff compares.
type side struct {
	file    string
	s       *scenario.Scenario
	variant string
	asOf    scenario.Date
	pic     *scenario.Picture
}

// label names the picture in the output: file, variant, day.
func (sd *side) label() string {
	v := "base"
	if sd.pic.Variant != nil {
		v = fmt.Sprintf("variant %s (%s)", sd.pic.Variant.ID, sd.pic.Variant.Name)
	}
	when := "all dates"
	if !sd.pic.AsOf.IsZero() {
		when = "as of " + sd.pic.AsOf.Human()
	}
	return fmt.Sprintf("%s, %s, %s", sd.file, v, when)
}

func (c *cli) diff(args []string) int {
	cmd := lookup("diff")
	var variant, asOf string
	format := choice{value: "text", allowed: []string{"text", "json", "svg", "png", "pdf"}}
	out := "-"
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.StringVar(&variant, "variant", "", "")
	fs.StringVar(&asOf, "as-of", "", "")
	fs.Var(&format, "format", "")
	fs.StringVar(&out, "o", "-", "")
	files, code, done := c.parse("diff", fs, args)
	if done {
		return code
	}
	if len(files) < 1 || len(files) > 2 {
		return c.usageError(cmd, "needs OLD.toml and NEW.toml, or one FILE to compare two pictures of (got %d files)", len(files))
	}
	picture := format.value == "svg" || format.value == "png" || format.value == "pdf"
	if out == "" {
		return c.usageError(cmd, "-o needs a file name")
	}
	if out == "-" && (format.value == "png" || format.value == "pdf") {
		return c.usageError(cmd, "-format %s needs -o FILE", format.value)
	}
	for _, f := range files {
		if out != "-" && safefile.SameFile(out, f) {
			return c.usageError(cmd, "-o %s is the input file %s; choose another output name", out, f)
		}
	}
	days, err := splitDays(asOf)
	if err != nil {
		return c.usageError(cmd, "-as-of %v", err)
	}
	_, variantsDiffer := splitRange(variant)
	if len(files) == 1 && !variantsDiffer && days[0] == days[1] {
		return c.usageError(cmd, "one FILE compares two pictures of it: say which with -variant A..B or -as-of A..B")
	}
	sides := [2]*side{{file: files[0]}, {file: files[len(files)-1]}}
	for i, sd := range sides {
		if i == 1 && len(files) == 1 {
			sd.s = sides[0].s
		} else if sd.s, _ = c.loadFile(sd.file); sd.s == nil {
			return exitUsage // trouble, as diff(1) says: 1 means "different"
		}
		sd.asOf = days[i]
	}
	vs, err := splitVariants(variant, sides[0].s, sides[1].s)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: error: %v\n", variantFile(err, sides), err)
		return exitUsage
	}
	flagNames := [2]string{"-as-of (old side)", "-as-of (new side)"}
	if days[0] == days[1] {
		flagNames = [2]string{"-as-of", "-as-of"}
	}
	for i, sd := range sides {
		sd.variant = vs[i]
		if sd.pic, err = sd.s.Resolve(sd.variant, sd.asOf); err != nil {
			fmt.Fprintf(c.stderr, "%s: error: %v\n", sd.file, err)
			return exitUsage
		}
		if !sd.asOf.IsZero() && (i == 0 || sd.file != sides[0].file || days[0] != days[1]) {
			c.warnOutside(sd.file, sd.s, flagNames[i], sd.asOf)
		}
	}
	var changes *scenario.Changes
	var buf bytes.Buffer
	switch {
	case picture:
		if changes, err = c.diffPicture(sides, len(files) == 2, render.Format(format.value), &buf); err != nil {
			fmt.Fprintf(c.stderr, "parley diff: %v\n", strings.TrimPrefix(err.Error(), "render: "))
			return exitUsage
		}
	case format.value == "json":
		changes = scenario.Diff(sides[0].pic, sides[1].pic)
		writeDiffJSON(&buf, sides, changes)
	default:
		changes = scenario.Diff(sides[0].pic, sides[1].pic)
		writeDiffText(&buf, sides, changes)
	}
	if out != "-" {
		if code := c.writeOutput(out, buf.Bytes(), files...); code != exitOK {
			return exitUsage
		}
	} else if code := c.emit(buf.Bytes(), "stdout"); code != exitOK {
		return exitUsage
	}
	if changes.Empty() {
		return exitOK
	}
	return exitInvalid // 1: the pictures differ
}

// diffPicture draws the diff picture of the two sides in format f.
func (c *cli) diffPicture(sides [2]*side, twoFiles bool, f render.Format, w io.Writer) (*scenario.Changes, error) {
	var ds [2]render.DiffSide
	for i, sd := range sides {
		ds[i] = render.DiffSide{Scenario: sd.s, Variant: sd.variant, AsOf: sd.asOf}
		if twoFiles {
			ds[i].Name = sd.label()
		}
	}
	eng := render.NewInProcess()
	defer eng.Close()
	opts := render.Options{Detail: render.People, Direction: render.LeftToRight}
	return render.ExportDiff(context.Background(), eng, ds[0], ds[1], opts, f, 1, w)
}

// splitRange splits "A..B" into its sides; a value without ".." is both.
func splitRange(v string) ([2]string, bool) {
	if a, b, ok := strings.Cut(v, ".."); ok {
		return [2]string{a, b}, a != b
	}
	return [2]string{v, v}, false
}

// splitDays reads -as-of: "", "DATE" or "A..B", either side empty for the
// file's as_of.
func splitDays(v string) ([2]scenario.Date, error) {
	var days [2]scenario.Date
	parts, _ := splitRange(v)
	for i, p := range parts {
		if p == "" {
			continue
		}
		d, err := parseDay(p)
		if err != nil {
			return days, err
		}
		days[i] = d
	}
	return days, nil
}

// variantError is an unknown variant, and which side's file it is of.
type variantError struct {
	side int
	err  error
}

func (e *variantError) Error() string { return e.err.Error() }

func variantFile(err error, sides [2]*side) string {
	var ve *variantError
	if errors.As(err, &ve) {
		return sides[ve.side].file
	}
	return sides[0].file
}

// splitVariants reads -variant: "", "ID" or "A..B" ("" the base). An id may
// contain ".." itself, so a value that is a variant of both files is taken
// whole, and otherwise the first split whose sides both exist is used.
func splitVariants(v string, old, new *scenario.Scenario) ([2]string, error) {
	has := func(s *scenario.Scenario, id string) bool {
		if id == "" {
			return true
		}
		for _, x := range s.Variants {
			if x.ID == id {
				return true
			}
		}
		return false
	}
	if !strings.Contains(v, "..") || (has(old, v) && has(new, v)) {
		if err := knownVariant(0, old, v); err != nil {
			return [2]string{}, err
		}
		return [2]string{v, v}, knownVariant(1, new, v)
	}
	for i := 0; ; {
		j := strings.Index(v[i:], "..")
		if j < 0 {
			break
		}
		a, b := v[:i+j], v[i+j+2:]
		if has(old, a) && has(new, b) {
			return [2]string{a, b}, nil
		}
		i += j + 1
	}
	a, b, _ := strings.Cut(v, "..")
	if err := knownVariant(0, old, a); err != nil {
		return [2]string{}, err
	}
	return [2]string{a, b}, knownVariant(1, new, b)
}

// knownVariant is nil when id is "" or a variant of s; else Resolve's
// error, with its "did you mean".
func knownVariant(side int, s *scenario.Scenario, id string) error {
	if _, err := s.ResolveAll(id); err != nil {
		return &variantError{side, err}
	}
	return nil
}
