package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/internal/safefile"
	"github.com/parleyhq/parley/render"
)

// parley render: its flags, how they become render options, a format and
// an output path, and the output rules every command that writes a file
// shares (writeOutput).

// maxScale is the largest -scale: 16 times 96 dpi is past any print need.
const maxScale = 16

// scaleFlag is -scale: a finite number above 0 and at most maxScale.
type scaleFlag float64

func (s *scaleFlag) String() string { return strconv.FormatFloat(float64(*s), 'g', -1, 64) }

func (s *scaleFlag) Set(v string) error {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f <= 0 || f > maxScale {
		return fmt.Errorf("use a number above 0 and at most %d", maxScale)
	}
	*s = scaleFlag(f)
	return nil
}

type renderFlags struct {
	out, variant              string
	asOf                      dayRangeFlag
	frames                    string // -frames DIR (cmd_range.go)
	outGiven                  bool   // -o '' is a mistake, not the default
	format, detail, direction choice
	layout                    choice
	page, theme               choice
	view, lanes, group        choice
	coparticipation           bool
	scale                     scaleFlag
	picture                   pictureFlags // -focus, -filter (cmd_views.go)
	given                     map[string]bool
}

func (c *cli) render(args []string) int {
	cmd := lookup("render")
	rf := renderFlags{
		format:    choice{allowed: formatNames(render.Formats)},
		page:      choice{value: "fit", allowed: render.Pages},
		theme:     choice{value: string(render.Light), allowed: themeNames()},
		detail:    choice{value: "people", allowed: []string{"people", "delegations"}},
		direction: choice{value: "lr", allowed: []string{"lr", "tb"}},
		layout:    choice{value: render.LayoutStable, allowed: render.Layouts},
		view:      choice{value: render.Views[0], allowed: render.Views},
		lanes:     choice{value: "actor", allowed: []string{"actor", "track"}},
		group:     choice{value: "side", allowed: []string{"side", "bloc"}},
		scale:     1,
		given:     map[string]bool{},
	}
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.StringVar(&rf.out, "o", "", "")
	fs.Var(&rf.format, "format", "")
	fs.StringVar(&rf.variant, "variant", "", "")
	fs.Var(&rf.view, "view", "")
	fs.Var(&rf.asOf, "as-of", "")
	fs.StringVar(&rf.frames, "frames", "", "")
	fs.Var(&rf.detail, "detail", "")
	fs.Var(&rf.direction, "direction", "")
	fs.Var(&rf.layout, "layout", "")
	fs.Var(&rf.lanes, "lanes", "")
	fs.Var(&rf.group, "group", "")
	fs.BoolVar(&rf.coparticipation, "coparticipation", false, "")
	fs.Var(&rf.scale, "scale", "")
	fs.Var(&rf.page, "page", "")
	fs.Var(&rf.theme, "theme", "")
	rf.picture.add(fs)
	files, code, done := c.parse("render", fs, args)
	if done {
		return code
	}
	if len(files) != 1 {
		return c.usageError(cmd, "needs exactly one FILE (got %d)", len(files))
	}
	fs.Visit(func(f *flag.Flag) { rf.given[f.Name] = true })
	rf.outGiven = rf.given["o"]
	in := files[0]
	if rf.out != "" && rf.out != "-" && safefile.SameFile(rf.out, in) {
		// Said first: it is what is wrong, whatever the format.
		return c.usageError(cmd, "-o %s is the input file %s; choose another output name", rf.out, in)
	}
	opts, format, out, err := rf.resolve(in)
	if err != nil {
		return c.usageError(cmd, "%v", err)
	}
	if out != "-" && safefile.SameFile(out, in) {
		if rf.out == "" {
			return c.usageError(cmd, "the output %s would be the input file; name another with -o", out)
		}
		return c.usageError(cmd, "-o %s is the input file %s; choose another output name", out, in)
	}
	s, _ := c.loadFile(in)
	if s == nil {
		return exitInvalid
	}
	if !c.checkPicture(in, s, opts) {
		return exitUsage
	}
	if rf.asOf.ranged || rf.frames != "" {
		if format, err = rf.rangeFormat(format); err != nil {
			return c.usageError(cmd, "%v", err)
		}
		return c.renderRange(cmd, in, s, &rf, opts, format, out)
	}
	if !rf.asOf.date.IsZero() {
		c.warnOutside(in, s, "-as-of", rf.asOf.date)
	}
	var buf bytes.Buffer
	eng := render.NewInProcess()
	defer eng.Close()
	if err := render.Export(context.Background(), eng, s, opts, format, float64(rf.scale), &buf); err != nil {
		fmt.Fprintf(c.stderr, "parley: %v\n", strings.TrimPrefix(err.Error(), "render: "))
		return exitInvalid
	}
	return c.writeOutput(out, buf.Bytes(), in)
}

// writeOutput writes an output file by the rules of internal/safefile
// (or to stdout for "-"), never over one of the inputs.
func (c *cli) writeOutput(out string, data []byte, inputs ...string) int {
	if len(data) == 0 {
		fmt.Fprintf(c.stderr, "parley: nothing to write to %s: the output is empty\n", out)
		return exitInvalid
	}
	if out == "-" {
		return c.emit(data, "stdout")
	}
	if err := safefile.Write(out, data, &safefile.Options{Inputs: inputs}); err != nil {
		fmt.Fprintf(c.stderr, "parley: %s\n", strings.TrimPrefix(err.Error(), "safefile: "))
		if errors.Is(err, safefile.ErrIsInput) {
			return exitUsage
		}
		return exitInvalid
	}
	return exitOK
}

func themeNames() []string {
	out := make([]string, len(render.Themes))
	for i, t := range render.Themes {
		out[i] = string(t)
	}
	return out
}

func formatNames(fs []render.Format) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return out
}

// viewFlags are the flags that mean something in some views only.
var viewFlags = map[string][]string{
	"direction":       {"participation"},
	"layout":          {"participation"},
	"detail":          {"participation", "timeline", "grid"},
	"lanes":           {"timeline"},
	"group":           {"grid"},
	"coparticipation": {"network"},
}

// resolve works out the render options, the format and the output path
// from the flags.
func (rf *renderFlags) resolve(in string) (render.Options, render.Format, string, error) {
	view := rf.view.value
	opts := render.Options{View: view, Variant: rf.variant, AsOf: rf.asOf.date, Detail: render.People, Direction: render.LeftToRight,
		Page: rf.page.value, Theme: render.Theme(rf.theme.value), CoParticipation: rf.coparticipation, Layout: rf.layout.value}
	for name, views := range viewFlags {
		if rf.given[name] && !slices.Contains(views, view) {
			return opts, "", "", fmt.Errorf("-%s is an option of the %s view, not of %s (-view %s)", name, orList(views), view, views[0])
		}
	}
	if rf.detail.value == "delegations" {
		opts.Detail = render.Delegations
	}
	if rf.direction.value == "tb" {
		opts.Direction = render.TopToBottom
	}
	if rf.lanes.value == "track" {
		opts.Lanes = render.LanesByTrack
	}
	if rf.group.value == "bloc" {
		opts.Group = render.GroupByBloc
	}
	f, err := rf.picture.filter()
	if err != nil {
		return opts, "", "", err
	}
	opts.Filter = f
	if rf.out == "" && rf.outGiven {
		return opts, "", "", errors.New("-o needs a file name")
	}
	format := render.Format(rf.format.value)
	named := rf.out != "" && rf.out != "-"
	switch {
	case format != "":
		if named {
			if fromName, err := render.FormatFromName(rf.out); err == nil && fromName != format {
				return opts, "", "", fmt.Errorf("-format %s but -o %s: the name says %s; change one of them", format, rf.out, fromName)
			}
		}
	case named:
		f, err := render.FormatFromName(rf.out)
		if err != nil && safefile.InPlace(rf.out) {
			f, err = render.SVG, nil // a device or a pipe (-o /dev/stdout) has no extension to go by
		}
		if err != nil {
			return opts, "", "", fmt.Errorf("-o %s: cannot tell the format from the extension; add -format %s", rf.out, orList(formatNames(render.ViewFormats(view))))
		}
		format = f
	default:
		format = render.SVG
	}
	if !slices.Contains(render.ViewFormats(view), format) {
		switch format {
		case render.CSV, render.MD:
			return opts, "", "", fmt.Errorf("%s is a format of the grid view: add -view grid (the %s view is drawn as %s)", format, view, orList(formatNames(render.ViewFormats(view))))
		case render.DOT:
			return opts, "", "", fmt.Errorf("the %s view is not laid out by Graphviz and has no DOT: use %s", view, orList(formatNames(render.ViewFormats(view))))
		}
		return opts, "", "", fmt.Errorf("the %s view cannot be written as %s: use %s", view, format, orList(formatNames(render.ViewFormats(view))))
	}
	out := rf.out
	if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + "." + string(format)
	}
	return opts, format, out, nil
}
