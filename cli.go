package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// Exit codes of the command line.
const (
	exitOK      = 0
	exitInvalid = 1 // the scenario has errors, or a file could not be read or written
	exitUsage   = 2
)

// command is one of the command line's commands.
type command struct {
	name  string
	usage string // the usage line(s), shown by -h and after a usage error
}

// commands in the order the usage lists them (the window comes first).
var commands = []command{
	{"validate", `usage: parley validate FILE...
Checks scenario files and prints every problem on stderr, sorted, as
FILE:LINE:COL: error: MESSAGE (or warning:). Exits 0 when every file is
valid (warnings allowed), 1 when one has errors or cannot be read, 2 on a
usage error.
`},
	{"render", `usage: parley render [flags] FILE
Draws one view of FILE. Flags may come after FILE; -- ends them.
  -view V        participation (default: who sits at which table), timeline
                   (tracks, events and statements on a date axis), network
                   (memberships and who represents whom) or grid (actors ×
                   tracks as a table)
  -o OUT         output file ("-" for stdout); default: FILE with the format's extension
  -format F      svg, png, pdf, dot (participation and network), csv or md (grid)
                   (default: from OUT's extension, else svg)
  -variant ID    draw a variant instead of the base scenario
  -as-of DATE    draw what holds on that day (YYYY-MM-DD; a month, a year or ~ a
                   day mean that span of days); default: the file's as_of
  -as-of A..B    every day from A to B on which the picture changes, on one
                   layout: a PDF with a page for each (-format pdf), or
  -frames DIR    numbered frames in DIR, FILE-001-DAY.png ... (-format svg for SVG)
  -focus X       only X and what it takes part in: track:ID, actor:ID, event:ID
                   or an id (an actor's name, or an id's unique start, will
                   do); may be given several times
  -filter K=V    only what passes: role=R,R… certainty=C,C… kind=K,K…
                   from=DATE to=DATE (e.g. -filter role=participant,host
                   -filter from=2025-02-10,to=2025-02-20); may be repeated
  -detail D      people (default: each person inside a frame for the actor they
                   represent) or delegations (people folded into that actor; the
                   arrow says "via" whom); participation, timeline and grid
  -direction D   lr (default) or tb; participation
  -layout L      stable (default: one layout for the base, every variant and
                   every day of the file, so that their pictures overlay) or
                   compact (this picture laid out on its own); participation
  -lanes L       actor (default) or track: the timeline's lanes
  -group G       side (default: an actor with its people) or bloc: the grid's rows
  -coparticipation  the network also ties actors that sit at the same tracks
  -scale N       PNG pixels per point at 96 dpi, above 0 and at most 16
                   (default 1; 2 for high-DPI)
  -page P        PDF page: fit (default: the picture's size), a4 or letter, each
                   optionally -portrait or -landscape (default: as the picture
                   is wider or taller); the picture is centred and shrunk to fit
  -theme T       light (default), dark, or print (greys only: roles told apart
                   by arrowhead, certainties by line style, statuses by words)
`},
	describeCommand, // cmd_describe.go
	{"diff", diffUsage},
	exportCommand,
	importSeatsCommand,
	{"example", `usage: parley example
Prints the bundled example scenario (parley example > my.toml starts a file).
`},
	{"version", `usage: parley version
Prints Parley's version.
`},
	{"help", `usage: parley help [COMMAND]
Prints the usage of every command, or of one.
`},
}

const usage = `usage:
  parley [FILE.toml]                 open the desktop window (the bundled example when no file is given)
  parley validate FILE...            check scenario files; problems go to stderr
  parley render [flags] FILE         draw a view: participation, timeline, network or grid
      -view V        participation (default), timeline, network or grid
      -o OUT         output file ("-" for stdout); default: FILE with the format's extension
      -format F      svg, png, pdf, dot, csv or md (default: from OUT's extension, else svg)
      -variant ID    draw a variant instead of the base scenario
      -as-of DATE    draw what holds on that day (default: the file's as_of)
      -as-of A..B    every day the picture changes: -format pdf (a page each) or -frames DIR
      -focus X       only X and what it takes part in (track:ID, actor:ID, event:ID)
      -filter K=V    only what passes: role=, certainty=, kind=, from=, to=
      -detail D      people (default) or delegations
      -direction D   lr (default) or tb
      -layout L      stable (default; pictures of one file overlay) or compact
      -lanes L       actor (default) or track (timeline)
      -group G       side (default) or bloc (grid)
      -coparticipation  tie actors that sit together (network)
      -scale N       PNG pixels per point at 96 dpi (default 1; 2 for high-DPI)
      -page P        PDF page: fit (default), a4 or letter[-portrait|-landscape]
      -theme T       light (default), dark or print (greyscale-safe)
  parley describe [flags] FILE       the picture in plain words (what every SVG's <desc> and PDF's Subject say)
      -o OUT         output file ("-" for stdout, the default)
      -format F      text (default) or markdown (default: from OUT's extension)
      -variant ID, -as-of DATE, -focus X, -filter K=V   as render
  parley diff [flags] OLD [NEW]      what changed between two pictures (exit 0 same, 1 different, 2 trouble)
      -variant A..B  the old and new pictures' variants (..ID: the base and ID)
      -as-of A..B    the old and new pictures' days (DATE: both)
      -format F      text (default) or json
  parley export [flags] FILE         the model for other tools: gexf (Gephi), json, csv (seats)
  parley import-seats [flags] FILE.toml SEATS.csv
                                     add the seats of a CSV file to a scenario
  parley example                     print the bundled example scenario
  parley schema                      print the format's JSON Schema (for editors' TOML checkers)
  parley version                     print the version
  parley help [COMMAND]              print this, or one command's usage (also: COMMAND -h)
`

// version is Parley's version, read from FyneApp.toml (its one source).
func version() string {
	var meta struct {
		Details struct{ Version string }
	}
	if _, err := toml.Decode(string(fyneApp), &meta); err != nil || meta.Details.Version == "" {
		return "unknown"
	}
	return meta.Details.Version
}

// cli is one run of the command line.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 1 && args[0] == render.WorkerArg {
		return render.RunWorker(stdin, stdout)
	}
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		return c.window("")
	}
	switch args[0] {
	case "-h", "-help", "--help":
		return c.print(usage)
	case "-version", "--version":
		return c.version(nil)
	}
	switch args[0] {
	case "validate":
		return c.validate(args[1:])
	case "render":
		return c.render(args[1:])
	case "describe":
		return c.describe(args[1:]) // cmd_describe.go
	case "diff":
		return c.diff(args[1:])
	case "export":
		return c.export(args[1:]) // cmd_export.go
	case "import-seats":
		return c.importSeats(args[1:]) // cmd_import.go
	case "example":
		return c.example(args[1:])
	case "schema":
		return c.schema(args[1:])
	case "version":
		return c.version(args[1:])
	case "help":
		return c.help(args[1:])
	}
	files := args
	if args[0] == "--" {
		files = args[1:]
	} else if strings.HasPrefix(args[0], "-") && args[0] != "-" {
		return c.usageError(nil, "unknown flag %s", args[0])
	} else if !looksLikeFile(args[0]) {
		return c.usageError(nil, "unknown command %q", args[0])
	}
	switch len(files) {
	case 0:
		return c.window("")
	case 1:
		return c.window(files[0])
	}
	return c.usageError(nil, "the window opens one FILE (got %d); to check several: parley validate FILE...", len(files))
}

// looksLikeFile tells a scenario file to open from a mistyped command.
func looksLikeFile(arg string) bool {
	if strings.HasSuffix(strings.ToLower(arg), ".toml") {
		return true
	}
	info, err := os.Stat(arg)
	return err == nil && info.Mode().IsRegular()
}

// print writes text to stdout; a failed write (a full disk, a closed
// stream) is an error, not a silent success.
func (c *cli) print(text string) int {
	return c.emit([]byte(text), "stdout")
}

func (c *cli) emit(data []byte, name string) int {
	if _, err := c.stdout.Write(data); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		fmt.Fprintf(c.stderr, "parley: cannot write to %s: %v\n", name, err)
		return exitInvalid
	}
	return exitOK
}

// usageError prints a one-line message, then the usage of cmd (or of
// everything), on stderr.
func (c *cli) usageError(cmd *command, format string, a ...any) int {
	prefix, text := "parley", usage
	if cmd != nil {
		prefix, text = "parley "+cmd.name, cmd.usage
	}
	fmt.Fprintf(c.stderr, "%s: %s\n\n%s", prefix, fmt.Sprintf(format, a...), text)
	return exitUsage
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// parse parses a command's flags the same way for every command: flags
// before or after the other arguments, "--" ends them, -h and --help print
// the command's usage on stdout. It returns the other arguments, or the
// exit code when there is nothing more to do (done).
func (c *cli) parse(name string, fs *flag.FlagSet, args []string) (rest []string, code int, done bool) {
	cmd := lookup(name)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return nil, c.print(cmd.usage), true
		}
		if err != nil {
			return nil, c.usageError(cmd, "%v", err), true
		}
		left := fs.Args()
		if consumed := len(args) - len(left); consumed > 0 && args[consumed-1] == "--" {
			return append(rest, left...), 0, false
		}
		if len(left) == 0 {
			return rest, 0, false
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// noArgs is a command with no flags and no arguments.
func (c *cli) noArgs(name string, args []string) (code int, done bool) {
	rest, code, done := c.parse(name, flag.NewFlagSet(name, flag.ContinueOnError), args)
	if done {
		return code, true
	}
	if len(rest) > 0 {
		return c.usageError(lookup(name), "takes no arguments (got %q)", rest[0]), true
	}
	return 0, false
}

func (c *cli) example(args []string) int {
	if code, done := c.noArgs("example", args); done {
		return code
	}
	return c.emit(assets.Example, "stdout")
}

func (c *cli) version(args []string) int {
	if code, done := c.noArgs("version", args); done {
		return code
	}
	return c.print(fmt.Sprintf("parley %s\n", version()))
}

func (c *cli) help(args []string) int {
	rest, code, done := c.parse("help", flag.NewFlagSet("help", flag.ContinueOnError), args)
	switch {
	case done:
		return code
	case len(rest) == 0:
		return c.print(usage)
	case len(rest) > 1:
		return c.usageError(lookup("help"), "takes at most one COMMAND (got %d)", len(rest))
	}
	if cmd := lookup(rest[0]); cmd != nil {
		return c.print(cmd.usage)
	}
	return c.usageError(lookup("help"), "unknown command %q", rest[0])
}

// readError is the message for a file that cannot be read: the path, the
// reason, without Go's wrapping.
func readError(path string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Sprintf("parley: cannot open %s: %v", path, err)
}

// loadFile reads and validates one scenario file, printing its problems
// (warnings too). readable is false when the file could not be read at
// all.
func (c *cli) loadFile(path string) (s *scenario.Scenario, readable bool) {
	return c.load(path, true)
}

// load is loadFile; warnings says whether the file's warnings are printed
// (import-seats prints those of the result instead: a file waiting for its
// seats warns of actors and tracks nothing uses yet).
func (c *cli) load(path string, warnings bool) (s *scenario.Scenario, readable bool) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(c.stderr, readError(path, err))
		return nil, false
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		fmt.Fprintf(c.stderr, "parley: cannot open %s: it is a folder, not a scenario file\n", path)
		return nil, false
	}
	s, err = scenario.Load(path, f)
	var problems scenario.Problems
	switch {
	case errors.As(err, &problems):
		fmt.Fprintln(c.stderr, problems.Error())
		return nil, true
	case err != nil:
		fmt.Fprintf(c.stderr, "parley: cannot read %s: %v\n", path, errors.Unwrap(err))
		return nil, false
	}
	if warnings && len(s.Warnings) > 0 {
		fmt.Fprintln(c.stderr, s.Warnings.Error())
	}
	return s, true
}

func (c *cli) validate(args []string) int {
	files, code, done := c.parse("validate", flag.NewFlagSet("validate", flag.ContinueOnError), args)
	if done {
		return code
	}
	if len(files) == 0 {
		return c.usageError(lookup("validate"), "needs at least one FILE")
	}
	code = exitOK
	for _, path := range files {
		if s, _ := c.loadFile(path); s == nil {
			code = exitInvalid
		}
	}
	return code
}

// choice is a flag whose value is one of a few words.
type choice struct {
	value   string
	allowed []string
}

func (ch *choice) String() string { return ch.value }

func (ch *choice) Set(s string) error {
	for _, a := range ch.allowed {
		if strings.EqualFold(s, a) {
			ch.value = a
			return nil
		}
	}
	return fmt.Errorf("use %s", orList(ch.allowed))
}

func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
