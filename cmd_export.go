package main

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/render"
)

var exportCommand = command{"export", `usage: parley export [flags] FILE
Writes FILE's model for other tools. Flags may come after FILE; -- ends them.
  -format F      gexf (GEXF 1.3, for Gephi: actors and tracks as nodes, seats,
                   memberships and who represents whom as edges, with time
                   spells), json (the resolved model; its JSON Schema is
                   interop/modeljson/schema.json) or csv (the seats, in the
                   columns import-seats reads) (default: from OUT's extension)
  -o OUT         output file ("-" for stdout); default: FILE with the format's extension
  -variant ID    export a variant instead of the base scenario
  -as-of DATE    the JSON's picture holds on that day (default: the file's
                   as_of); GEXF and CSV hold every day, their dates say when
  -focus X       only X and what it takes part in, as for render
  -filter K=V    only what passes, as for render
`}

func dataFormatNames() []string {
	out := make([]string, len(render.DataFormats))
	for i, f := range render.DataFormats {
		out[i] = string(f)
	}
	return out
}

func (c *cli) export(args []string) int {
	cmd := lookup("export")
	var out, variant string
	var asOf dateFlag
	format := choice{allowed: dataFormatNames()}
	var picture pictureFlags
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.StringVar(&out, "o", "", "")
	fs.Var(&format, "format", "")
	fs.StringVar(&variant, "variant", "", "")
	fs.Var(&asOf, "as-of", "")
	picture.add(fs)
	files, code, done := c.parse("export", fs, args)
	if done {
		return code
	}
	if len(files) != 1 {
		return c.usageError(cmd, "needs exactly one FILE (got %d)", len(files))
	}
	outGiven := false
	fs.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "o" })
	in := files[0]
	if out == "" && outGiven {
		return c.usageError(cmd, "-o needs a file name")
	}
	f := render.DataFormat(format.value)
	named := out != "" && out != "-"
	switch {
	case f != "" && named:
		if fromName, err := render.DataFormatFromName(out); err == nil && fromName != f {
			return c.usageError(cmd, "-format %s but -o %s: the name says %s; change one of them", f, out, fromName)
		}
	case f == "" && named:
		var err error
		if f, err = render.DataFormatFromName(out); err != nil {
			return c.usageError(cmd, "-o %s: cannot tell the format from the extension; add -format %s", out, orList(dataFormatNames()))
		}
	case f == "":
		return c.usageError(cmd, "say which format: -format %s", orList(dataFormatNames()))
	}
	filter, err := picture.filter()
	if err != nil {
		return c.usageError(cmd, "%v", err)
	}
	if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + "." + string(f)
	}
	if out != "-" && safefile.SameFile(out, in) {
		return c.usageError(cmd, "the output %s would be the input file; name another with -o", out)
	}
	s, _ := c.loadFile(in)
	if s == nil {
		return exitInvalid
	}
	opts := render.Options{Variant: variant, AsOf: asOf.date, Filter: filter}
	if !c.checkPicture(in, s, opts) {
		return exitUsage
	}
	var buf bytes.Buffer
	if err := render.ExportData(s, opts, f, &buf); err != nil {
		fmt.Fprintf(c.stderr, "parley: %v\n", strings.TrimPrefix(err.Error(), "render: "))
		return exitInvalid
	}
	return c.writeOutput(out, buf.Bytes(), in)
}
