package render

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/parleyhq/parley/interop/csvseats"
	"github.com/parleyhq/parley/interop/gexf"
	"github.com/parleyhq/parley/interop/modeljson"
	"github.com/parleyhq/parley/scenario"
)

// DataFormat is an export of the model itself, for other tools, rather
// than of a drawing.
type DataFormat string

// Data formats.
const (
	// GEXF is GEXF 1.3, for Gephi: actors and tracks as nodes, seats,
	// memberships and representation as edges, with time spells.
	GEXF DataFormat = "gexf"
	// JSON is the resolved model, as ModelSchema describes it.
	JSON DataFormat = "json"
	// SeatsCSV is the seats as CSV, the columns ImportSeats reads.
	SeatsCSV DataFormat = "csv"
)

// DataFormats lists the data formats.
var DataFormats = []DataFormat{GEXF, JSON, SeatsCSV}

// ModelSchema is the JSON Schema of the JSON export.
var ModelSchema = modeljson.Schema

// DataFormatFromName picks a data format from a file name's extension.
func DataFormatFromName(name string) (DataFormat, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	for _, f := range DataFormats {
		if ext == string(f) {
			return f, nil
		}
	}
	return "", fmt.Errorf("render: cannot tell the format from %q: use .gexf, .json or .csv", name)
}

// ExportData writes the picture that opts choose (its Variant, Filter and
// AsOf; the view's options do not matter) in a data format: JSON the
// picture on the day opts.AsOf (zero: the file's as_of), GEXF and the
// seats' CSV every day's (their dates say when).
func ExportData(s *scenario.Scenario, opts Options, f DataFormat, w io.Writer) error {
	// GEXF's spells and the seats' own dates carry time: every day. The
	// JSON is the picture on the day, as the views draw it.
	var pic *scenario.Picture
	var err error
	if f == JSON {
		pic, err = s.Resolve(opts.Variant, opts.AsOf)
	} else {
		pic, err = s.ResolveAll(opts.Variant)
	}
	if err != nil {
		return err
	}
	sel, err := pic.Select(opts.Filter)
	if err != nil {
		return err
	}
	switch f {
	case GEXF:
		return gexf.Write(w, sel, time.Time{})
	case JSON:
		return modeljson.Write(w, sel, opts.AsOf)
	case SeatsCSV:
		return csvseats.Write(w, sel.Seats)
	}
	return fmt.Errorf("render: unknown data format %q (allowed: gexf, json, csv)", f)
}

// ImportedSeats is what ImportSeats made: the scenario file's new text,
// the seats added and warnings about them.
type ImportedSeats = csvseats.Result

// ImportSeats reads seats from the CSV file csvName (r) and adds them to
// the scenario file text, which s was loaded from; see package
// interop/csvseats. Problems come back all at once as scenario.Problems,
// and the text is then unchanged.
func ImportSeats(csvName string, r io.Reader, text []byte, s *scenario.Scenario) (*ImportedSeats, error) {
	return csvseats.Import(csvName, r, text, s)
}
