package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/render"
)

// parley describe: the picture in plain words, the description that every
// drawing carries in its SVG <desc> and PDF Subject.

var describeCommand = command{"describe", `usage: parley describe [flags] FILE
Says in plain words what the picture of FILE shows: its title and day, each
track with who convenes, hosts, chairs, mediates, facilitates, guarantees,
takes part, signs, witnesses, observes, is invited and is excluded, how sure
that is and who says so, what a variant changes against the base, and the
sources. The same text is the <desc> of every SVG and the Subject of every
PDF. Flags may come after FILE; -- ends them.
  -o OUT         output file ("-" for stdout, the default)
  -format F      text (default) or markdown (default: from OUT's extension:
                   .md or .markdown is markdown, .txt text)
  -variant ID    describe a variant instead of the base scenario
  -as-of DATE    describe what holds on that day (YYYY-MM-DD; a month, a year
                   or ~ a day mean that span of days); default: the file's as_of
  -focus X       only X and what it takes part in (as render)
  -filter K=V    only what passes: role=, certainty=, kind=, from=, to= (as render)
`}

// describeFormats are the formats of parley describe.
var describeFormats = []string{"text", "markdown"}

func (c *cli) describe(args []string) int {
	cmd := lookup("describe")
	var (
		out, variant string
		asOf         dateFlag
		format       = choice{allowed: describeFormats}
		picture      pictureFlags
	)
	fs := flag.NewFlagSet("describe", flag.ContinueOnError)
	fs.StringVar(&out, "o", "", "")
	fs.Var(&format, "format", "")
	fs.StringVar(&variant, "variant", "", "")
	fs.Var(&asOf, "as-of", "")
	picture.add(fs)
	files, code, done := c.parse("describe", fs, args)
	if done {
		return code
	}
	if len(files) != 1 {
		return c.usageError(cmd, "needs exactly one FILE (got %d)", len(files))
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	in := files[0]
	if given["o"] && out == "" {
		return c.usageError(cmd, "-o needs a file name")
	}
	if out == "" {
		out = "-"
	}
	filter, err := picture.filter()
	if err != nil {
		return c.usageError(cmd, "%v", err)
	}
	if out != "-" && safefile.SameFile(out, in) {
		return c.usageError(cmd, "-o %s is the input file %s; choose another output name", out, in)
	}
	f, err := describeFormat(format.value, out)
	if err != nil {
		return c.usageError(cmd, "%v", err)
	}
	s, _ := c.loadFile(in)
	if s == nil {
		return exitInvalid
	}
	opts := render.Options{Variant: variant, AsOf: asOf.date, Filter: filter}
	if !c.checkPicture(in, s, opts) {
		return exitUsage
	}
	if !asOf.date.IsZero() {
		c.warnOutside(in, s, "-as-of", asOf.date)
	}
	d, err := render.Describe(s, opts)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: error: %v\n", in, err)
		return exitInvalid
	}
	text := d.Text()
	if f == "markdown" {
		text = d.Markdown()
	}
	return c.writeOutput(out, []byte(text), in)
}

// describeFormat is the format -format names, else the one OUT's
// extension says, else text; a -format that OUT's extension contradicts
// is an error, as for render.
func describeFormat(flagValue, out string) (string, error) {
	fromName := ""
	if out != "-" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".md", ".markdown":
			fromName = "markdown"
		case ".txt", ".text":
			fromName = "text"
		}
	}
	switch {
	case flagValue != "" && fromName != "" && flagValue != fromName:
		return "", fmt.Errorf("-format %s but -o %s: the name says %s; change one of them", flagValue, out, fromName)
	case flagValue != "":
		return flagValue, nil
	case fromName != "":
		return fromName, nil
	case out != "-" && filepath.Ext(out) != "" && !safefile.InPlace(out):
		return "", errors.New("-o " + out + ": cannot tell the format from the extension; use .txt or .md, or add -format text or -format markdown")
	}
	return "text", nil
}
