package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

var importSeatsCommand = command{"import-seats", `usage: parley import-seats [flags] FILE.toml SEATS.csv
Adds the seats of SEATS.csv to the scenario FILE.toml. The CSV has a header
row naming its columns: track, actor and role, and any of certainty,
sources, note, claimed_by, invited_by, from, to, ended and replaced_by (lists
separated by ; , or spaces).
Every problem is reported at once as SEATS.csv:ROW:COLUMN, and nothing is
imported unless all of it can be. The seats go after the file's last seat;
every other line and comment of the file stays as it is. Say where the
result goes (one of):
  -o OUT         write the scenario with the seats added to OUT ("-" for stdout)
  -in-place      update FILE.toml itself, atomically (refused if the file
                   changed since it was read)
  -check         only check SEATS.csv against FILE.toml; write nothing
`}

func (c *cli) importSeats(args []string) int {
	cmd := lookup("import-seats")
	var out string
	var inPlace, check bool
	fs := flag.NewFlagSet("import-seats", flag.ContinueOnError)
	fs.StringVar(&out, "o", "", "")
	fs.BoolVar(&inPlace, "in-place", false, "")
	fs.BoolVar(&check, "check", false, "")
	files, code, done := c.parse("import-seats", fs, args)
	if done {
		return code
	}
	if len(files) != 2 {
		return c.usageError(cmd, "needs FILE.toml and SEATS.csv (got %d arguments)", len(files))
	}
	outGiven := false
	fs.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "o" })
	switch n := boolCount(outGiven, inPlace, check); {
	case n == 0:
		return c.usageError(cmd, "say where the result goes: -o OUT, -o - (stdout), -in-place (update %s) or -check (write nothing)", files[0])
	case n > 1:
		return c.usageError(cmd, "-o, -in-place and -check exclude each other: give one")
	case outGiven && out == "":
		return c.usageError(cmd, "-o needs a file name")
	}
	in, seatsFile := files[0], files[1]
	if safefile.SameFile(in, seatsFile) {
		return c.usageError(cmd, "%s and %s are the same file", in, seatsFile)
	}
	if outGiven && out != "-" {
		if safefile.SameFile(out, in) {
			return c.usageError(cmd, "-o %s is the scenario file; to update it, use -in-place instead", out)
		}
		if safefile.SameFile(out, seatsFile) {
			return c.usageError(cmd, "-o %s is the CSV file; choose another output name", out)
		}
	}
	text, err := os.ReadFile(in)
	if err != nil {
		fmt.Fprintln(c.stderr, readError(in, err))
		return exitInvalid
	}
	s, _ := c.load(in, false) // the result's warnings are printed below
	if s == nil {
		return exitInvalid
	}
	csvFile, err := os.Open(seatsFile)
	if err != nil {
		fmt.Fprintln(c.stderr, readError(seatsFile, err))
		return exitInvalid
	}
	defer csvFile.Close()
	if fi, err := csvFile.Stat(); err == nil && fi.IsDir() {
		fmt.Fprintf(c.stderr, "parley: cannot open %s: it is a folder, not a CSV file\n", seatsFile)
		return exitInvalid
	}
	res, err := render.ImportSeats(seatsFile, csvFile, text, s)
	var problems scenario.Problems
	switch {
	case errors.As(err, &problems):
		fmt.Fprintln(c.stderr, problems.Error())
		fmt.Fprintf(c.stderr, "parley: nothing imported: %s\n", problemCount(problems))
		return exitInvalid
	case err != nil:
		fmt.Fprintf(c.stderr, "parley: %v\n", strings.TrimPrefix(err.Error(), "csvseats: "))
		return exitInvalid
	}
	if len(res.Warnings) > 0 {
		fmt.Fprintln(c.stderr, res.Warnings.Error())
	}
	switch {
	case check:
		fmt.Fprintf(c.stderr, "parley: %s would be added to %s (nothing written: -check)\n", seatCount(len(res.Seats)), in)
		return exitOK
	case inPlace:
		// The file may have been saved by someone else meanwhile: then
		// do not overwrite their work.
		now, err := os.ReadFile(in)
		if err != nil || !bytes.Equal(now, text) {
			fmt.Fprintf(c.stderr, "parley: %s changed while the seats were read; nothing written: run it again\n", in)
			return exitInvalid
		}
		if code := c.writeOutputOver(in, res.Text, seatsFile); code != exitOK {
			return code
		}
		fmt.Fprintf(c.stderr, "parley: added %s from %s to %s\n", seatCount(len(res.Seats)), seatsFile, in)
		return exitOK
	}
	if code := c.writeOutput(out, res.Text, in, seatsFile); code != exitOK {
		return code
	}
	if out != "-" {
		fmt.Fprintf(c.stderr, "parley: wrote %s: %s with %s from %s added\n", out, in, seatCount(len(res.Seats)), seatsFile)
	}
	return exitOK
}

// writeOutputOver writes a file's new content over it, atomically.
func (c *cli) writeOutputOver(path string, data []byte, inputs ...string) int {
	if err := safefile.Write(path, data, &safefile.Options{Inputs: inputs}); err != nil {
		fmt.Fprintf(c.stderr, "parley: %s\n", strings.TrimPrefix(err.Error(), "safefile: "))
		return exitInvalid
	}
	return exitOK
}

func boolCount(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

func seatCount(n int) string {
	if n == 1 {
		return "1 seat"
	}
	return fmt.Sprintf("%d seats", n)
}

func problemCount(ps scenario.Problems) string {
	errs := 0
	for _, p := range ps {
		if p.Severity == scenario.Error {
			errs++
		}
	}
	if errs == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", errs)
}
