// Package csvseats moves seats between scenarios and spreadsheets: Write
// exports a picture's seats as CSV, Import adds the seats of a CSV file
// to a scenario file.
//
// The columns are track, actor, role, certainty, sources, note, and
// optionally claimed_by, invited_by, from, to, ended and replaced_by — the
// keys of a [[seats]] entry. A
// header row names them, in any order and case ("Claimed by" is
// claimed_by); track, actor and role are required. Lists (sources,
// claimed_by) are ids separated by semicolons, commas or spaces. The
// delimiter is a comma, or a semicolon or tab when the header uses one (as
// spreadsheets set to some languages write). A UTF-8 byte order mark is
// ignored.
//
// Import checks everything before it changes anything, and reports every
// problem at once as FILE:ROW:COLUMN, sorted: unknown columns, tracks,
// actors and sources (with "did you mean"), bad roles, certainties and
// dates, seats given twice, and whatever the scenario's own checks find in
// the result (an undisputed exclusion next to another role, say), at the
// row and column that caused it. Nothing is imported unless all of it can
// be; the seats are then added after the file's last seat by the
// scenario's own editor, so every comment and line of the file stays as
// it was.
package csvseats

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/parleyhq/parley/scenario"
)

// Columns are the columns Write writes and Import reads, in Write's
// order; Required of them must be there.
var (
	Columns  = []string{"track", "actor", "role", "certainty", "sources", "note", "claimed_by", "invited_by", "from", "to", "ended", "replaced_by"}
	Required = []string{"track", "actor", "role"}
)

// Write writes seats as CSV (RFC 4180, UTF-8, CRLF line ends), a header
// row first. A text that a spreadsheet would run as a formula (starting
// with =, +, -, @) gets a leading apostrophe, which Import takes off.
func Write(w io.Writer, seats []scenario.Seat) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Columns); err != nil {
		return fmt.Errorf("csvseats: %w", err)
	}
	for _, st := range seats {
		rec := []string{st.Track, st.Actor, string(st.Role), string(st.Certainty), strings.Join(st.Sources, "; "),
			guard(st.Note), strings.Join(st.ClaimedBy, "; "), strings.Join(st.InvitedBy, "; "), st.From.String(), st.To.String(),
			string(st.Ended), st.ReplacedBy}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("csvseats: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csvseats: %w", err)
	}
	return nil
}

func guard(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// Result is what Import made.
type Result struct {
	Text     []byte            // the scenario file with the seats added
	Seats    []scenario.Seat   // the seats added, in the CSV's order
	Warnings scenario.Problems // about the added seats, at their rows (a seat citing no source ...)
}

// MaxSize is the largest CSV file Import reads: as large as a scenario
// file may be.
const MaxSize = scenario.MaxFileSize

// Import reads the CSV file named csvName from r and adds its seats to the
// scenario file text (named by s.Name), which s was loaded from. The
// error, when there are problems, is a scenario.Problems listing all of
// them; the text is then not changed.
func Import(csvName string, r io.Reader, text []byte, s *scenario.Scenario) (*Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("csvseats: cannot read %s: %w", csvName, err)
	}
	rd := &reader{name: csvName, s: s}
	if len(data) > MaxSize {
		rd.problem(0, 0, "", "the file is larger than %d bytes; split it", MaxSize)
		return nil, rd.problems
	}
	seats, rows := rd.read(data)
	if len(rd.problems) > 0 {
		rd.problems.Sort()
		return nil, rd.problems
	}
	if len(seats) == 0 {
		rd.problem(1, 1, "", "no seats to import: the file has a header and no rows")
		return nil, rd.problems
	}
	to := *s
	to.Seats = append(append([]scenario.Seat(nil), s.Seats...), seats...)

	// The scenario's own checks, on the whole result: problems of the
	// added seats are reported at their rows; others (there should be
	// none: s loaded) as they are.
	canon, err := scenario.Marshal(&to)
	if err != nil {
		return nil, fmt.Errorf("csvseats: %w", err)
	}
	var probs scenario.Problems
	switch got, err := scenario.Load(s.Name, bytes.NewReader(canon)); {
	case err == nil:
		probs = got.Warnings
	default:
		var ok bool
		if probs, ok = err.(scenario.Problems); !ok {
			return nil, fmt.Errorf("csvseats: %w", err)
		}
	}
	var loaded scenario.Problems
	for _, p := range probs {
		if q, ok := rd.atRow(p, len(s.Seats), rows); ok {
			loaded = append(loaded, q)
		} else if p.Severity == scenario.Error {
			loaded = append(loaded, p)
		}
	}
	var warnings scenario.Problems
	for _, p := range loaded {
		if p.Severity == scenario.Error {
			rd.problems = append(rd.problems, p)
		} else {
			warnings = append(warnings, p)
		}
	}
	if len(rd.problems) > 0 {
		rd.problems.Sort()
		return nil, rd.problems
	}
	out, err := scenario.Edit(text, s, &to)
	if err != nil {
		return nil, fmt.Errorf("csvseats: %w", err)
	}
	warnings.Sort()
	return &Result{Text: out, Seats: seats, Warnings: warnings}, nil
}
