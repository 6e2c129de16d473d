package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

const usage = `usage:
  parley [FILE.toml]                 open the desktop window (the bundled example when no file is given)
  parley validate FILE...            check scenario files; problems go to stderr
  parley render [flags] FILE         draw a participation diagram
      -o OUT         output file ("-" for stdout); default: FILE with the format's extension
      -format F      svg, png or dot (default: from OUT's extension, else svg)
      -variant ID    draw a variant instead of the base scenario
      -detail D      people (default: each person inside a frame for the actor they
                     represent) or delegations (people folded into that actor; the
                     arrow says "via" whom)
      -direction D   lr (default) or tb
      -scale N       PNG pixels per point at 96 dpi (default 1; 2 for high-DPI)
  parley example                     print the bundled example scenario
  parley version                     print the version
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

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 1 && args[0] == render.WorkerArg {
		return render.RunWorker(stdin, stdout)
	}
	if len(args) == 0 {
		return runGUI("")
	}
	switch args[0] {
	case "validate":
		return cmdValidate(args[1:], stderr)
	case "render":
		return cmdRender(args[1:], stdout, stderr)
	case "example":
		if len(args) > 1 {
			fmt.Fprint(stderr, "parley example takes no arguments\n\n"+usage)
			return exitUsage
		}
		stdout.Write(assets.Example)
		return exitOK
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "parley %s\n", version())
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if len(args) == 1 && looksLikeFile(args[0]) {
		return runGUI(args[0])
	}
	fmt.Fprintf(stderr, "parley: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// looksLikeFile tells a scenario file to open from a mistyped command.
func looksLikeFile(arg string) bool {
	if strings.HasSuffix(strings.ToLower(arg), ".toml") {
		return true
	}
	info, err := os.Stat(arg)
	return err == nil && info.Mode().IsRegular()
}

// loadFile reads and validates one scenario file, printing its problems.
func loadFile(path string, stderr io.Writer) (*scenario.Scenario, bool) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s: error: %v\n", path, unwrapPathError(err))
		return nil, false
	}
	defer f.Close()
	s, err := scenario.Load(path, f)
	var problems scenario.Problems
	switch {
	case errors.As(err, &problems):
		fmt.Fprintln(stderr, problems.Error())
		return nil, false
	case err != nil:
		fmt.Fprintf(stderr, "%s: error: %v\n", path, err)
		return nil, false
	}
	if len(s.Warnings) > 0 {
		fmt.Fprintln(stderr, s.Warnings.Error())
	}
	return s, true
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot %s: %v", pe.Op, pe.Err)
	}
	return err
}

func cmdValidate(args []string, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "parley validate needs at least one FILE\n\n"+usage)
		return exitUsage
	}
	code := exitOK
	for _, path := range args {
		if _, ok := loadFile(path, stderr); !ok {
			code = exitInvalid
		}
	}
	return code
}

type renderFlags struct {
	out, format, variant, detail, direction string
	scale                                   float64
}

// parseInterspersed parses flags that may come before or after positional
// arguments ("parley render in.toml -o out.svg" works too).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func cmdRender(args []string, stdout, stderr io.Writer) int {
	var rf renderFlags
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&rf.out, "o", "", "")
	fs.StringVar(&rf.format, "format", "", "")
	fs.StringVar(&rf.variant, "variant", "", "")
	fs.StringVar(&rf.detail, "detail", "people", "")
	fs.StringVar(&rf.direction, "direction", "lr", "")
	fs.Float64Var(&rf.scale, "scale", 1, "")
	files, err := parseInterspersed(fs, args)
	if err == nil && len(files) != 1 {
		err = errors.New("parley render needs exactly one FILE")
	}
	opts, format, out, err := rf.resolve(files, err)
	if err != nil {
		fmt.Fprintf(stderr, "parley: %v\n\n%s", err, usage)
		return exitUsage
	}
	s, ok := loadFile(files[0], stderr)
	if !ok {
		return exitInvalid
	}
	if rf.variant != "" {
		if _, err := s.Resolve(rf.variant); err != nil {
			fmt.Fprintf(stderr, "%s: error: %v\n", files[0], err)
			return exitInvalid
		}
	}
	var buf bytes.Buffer
	eng := render.NewInProcess()
	defer eng.Close()
	if err := render.Export(context.Background(), eng, s, opts, format, rf.scale, &buf); err != nil {
		fmt.Fprintf(stderr, "parley: %v\n", err)
		return exitInvalid
	}
	if err := writeOutput(out, buf.Bytes(), stdout); err != nil {
		fmt.Fprintf(stderr, "parley: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// resolve checks the render flags and works out the options, format and
// output path.
func (rf *renderFlags) resolve(files []string, err error) (render.Options, render.Format, string, error) {
	var opts render.Options
	if err != nil {
		return opts, "", "", err
	}
	opts.Variant = rf.variant
	switch rf.detail {
	case "people":
		opts.Detail = render.People
	case "delegations":
		opts.Detail = render.Delegations
	default:
		return opts, "", "", fmt.Errorf("-detail %q: use people or delegations", rf.detail)
	}
	switch rf.direction {
	case "lr":
		opts.Direction = render.LeftToRight
	case "tb":
		opts.Direction = render.TopToBottom
	default:
		return opts, "", "", fmt.Errorf("-direction %q: use lr or tb", rf.direction)
	}
	if rf.scale <= 0 || rf.scale > 16 {
		return opts, "", "", fmt.Errorf("-scale %g: use a number above 0 and at most 16", rf.scale)
	}
	format := render.Format(strings.ToLower(rf.format))
	switch {
	case rf.format != "":
		if format != render.SVG && format != render.PNG && format != render.DOT {
			return opts, "", "", fmt.Errorf("-format %q: use svg, png or dot", rf.format)
		}
		if rf.out != "" && rf.out != "-" {
			if named, err := render.FormatFromName(rf.out); err == nil && named != format {
				return opts, "", "", fmt.Errorf("-format %s but -o %s: the name says %s; change one of them", format, rf.out, named)
			}
		}
	case rf.out != "" && rf.out != "-":
		f, err := render.FormatFromName(rf.out)
		if err != nil {
			return opts, "", "", fmt.Errorf("-o %s: cannot tell the format from the extension; add -format svg, png or dot", rf.out)
		}
		format = f
	default:
		format = render.SVG
	}
	out := rf.out
	if out == "" {
		in := files[0]
		out = strings.TrimSuffix(in, filepath.Ext(in)) + "." + string(format)
	}
	return opts, format, out, nil
}

// writeOutput writes data to path atomically (a temporary file in the same
// directory, renamed into place), so no partial or empty file is ever left;
// "-" is stdout.
func writeOutput(path string, data []byte, stdout io.Writer) error {
	if path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if len(data) == 0 {
		return errors.New("nothing to write: the output is empty")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return unwrapPathError(err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil { // on disk before it takes the name
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	return nil
}
