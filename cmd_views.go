package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// multiFlag is a flag that may be given several times.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, " ") }

func (m *multiFlag) Set(s string) error {
	*m = append(*m, s)
	return nil
}

// pictureFlags are -focus and -filter, which narrow the picture in every
// view and export.
type pictureFlags struct {
	focus, filters multiFlag
}

func (p *pictureFlags) add(fs *flag.FlagSet) {
	fs.Var(&p.focus, "focus", "")
	fs.Var(&p.filters, "filter", "")
}

// filter reads them; their syntax is checked before any file is read.
func (p *pictureFlags) filter() (scenario.Filter, error) {
	f, err := scenario.ParseFilter(p.focus, p.filters)
	if err != nil {
		return f, fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "scenario: "))
	}
	return f, nil
}

// checkPicture resolves the variant and applies the focus and filters,
// reporting what names nothing in the file (an unknown variant, a focus
// that matches nothing) as an error of that file. The file itself is
// valid: the caller exits as for a usage error (2), as parley diff does.
func (c *cli) checkPicture(in string, s *scenario.Scenario, opts render.Options) bool {
	pic, err := s.Resolve(opts.Variant, opts.AsOf)
	if err == nil {
		_, err = pic.Select(opts.Filter)
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: error: %v\n", in, err)
		return false
	}
	return true
}
