package csvseats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/scenario"
)

// MaxRows is the most rows Import reads: far more seats than a scenario
// can hold (scenario.MaxValues).
const MaxRows = 100_000

// reader reads one CSV file, collecting every problem.
type reader struct {
	name     string
	s        *scenario.Scenario
	problems scenario.Problems
	lines    [][]byte // the file's lines, to count columns in characters
}

// rowPos is where an imported seat's fields are: its line, and each
// column's column in characters.
type rowPos struct {
	line int
	cols map[string]int
}

func (rd *reader) problem(line, col int, column, format string, a ...any) {
	rd.problems = append(rd.problems, scenario.Problem{File: rd.name, Line: line, Col: col, Severity: scenario.Error,
		Path: column, Message: fmt.Sprintf(format, a...)})
}

// charCol turns a byte column (1-based) on a line into a character column.
func (rd *reader) charCol(line, byteCol int) int {
	if line < 1 || line > len(rd.lines) {
		return byteCol
	}
	l := rd.lines[line-1]
	if byteCol-1 > len(l) {
		return byteCol
	}
	return utf8.RuneCount(l[:byteCol-1]) + 1
}

// read parses the file into seats, one per row, with where each came
// from.
func (rd *reader) read(data []byte) ([]scenario.Seat, []rowPos) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	rd.lines = bytes.Split(data, []byte("\n"))
	if !utf8.Valid(data) {
		for i, l := range rd.lines {
			if !utf8.Valid(l) {
				col := 1
				for len(l) > 0 {
					r, n := utf8.DecodeRune(l)
					if r == utf8.RuneError && n <= 1 {
						break
					}
					l = l[n:]
					col++
				}
				rd.problem(i+1, col, "", "not UTF-8 text: save the file as CSV UTF-8")
				return nil, nil
			}
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		rd.problem(0, 0, "", "the file is empty: it needs a header row (%s) and a row per seat", strings.Join(Columns, ","))
		return nil, nil
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = delimiter(data)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = false
	cr.ReuseRecord = false

	header, err := cr.Read()
	if err != nil {
		rd.csvError(err)
		return nil, nil
	}
	cols := rd.header(cr, header)
	if cols == nil {
		return nil, nil
	}
	var seats []scenario.Seat
	var rows []rowPos
	// The same seat: track, actor, role and dates (a seat may be held
	// again later; overlapping spans are the scenario's checks' business).
	key := func(st scenario.Seat) [5]string {
		return [5]string{st.Track, st.Actor, string(st.Role), st.From.String(), st.To.String()}
	}
	first := map[[5]string]int{} // → line of the first
	existing := map[[5]string]int{}
	for i, st := range rd.s.Seats {
		k := key(st)
		if _, ok := existing[k]; !ok {
			existing[k] = i + 1
		}
	}
	for n := 0; ; n++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			rd.csvError(err)
			break
		}
		if n >= MaxRows {
			line, _ := cr.FieldPos(0)
			rd.problem(line, 1, "", "more than %d rows: split the file", MaxRows)
			break
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		pos := rowPos{line: line, cols: map[string]int{}}
		for name, i := range cols {
			if i < len(rec) {
				l, c := cr.FieldPos(i)
				pos.cols[name] = rd.charCol(l, c)
			} else {
				pos.cols[name] = rd.charCol(line, len(rd.lines[line-1])+1)
			}
		}
		if len(rec) > len(header) {
			l, c := cr.FieldPos(len(header))
			rd.problem(l, rd.charCol(l, c), "", "this row has %d fields, the header %d: a field too many (a comma in a text that is not in quotes?)", len(rec), len(header))
			continue
		}
		st, ok := rd.seat(rec, cols, pos)
		if !ok {
			continue
		}
		k := key(st)
		if prev, dup := first[k]; dup {
			rd.problem(line, pos.cols["track"], "", "the same seat (%s at %s as %s) is on line %d already", st.Actor, st.Track, st.Role, prev)
			continue
		}
		first[k] = line
		if i, dup := existing[k]; dup {
			rd.problem(line, pos.cols["track"], "", "the scenario has this seat already (%s at %s as %s: seats[%d])", st.Actor, st.Track, st.Role, i)
			continue
		}
		seats = append(seats, st)
		rows = append(rows, pos)
	}
	return seats, rows
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// delimiter is the header line's separator: a semicolon or tab when it
// has more of them than commas, else a comma.
func delimiter(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	best, n := ',', bytes.Count(line, []byte(","))
	for _, d := range []rune{';', '\t'} {
		if c := bytes.Count(line, []byte(string(d))); c > n {
			best, n = d, c
		}
	}
	return best
}

func (rd *reader) csvError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			msg = fmt.Sprintf(`a field in quotes is not closed, or a " in it is not written as "" (the row starts on line %d)`, pe.StartLine)
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg = `a " inside a field: write it as "" in a field in quotes`
		}
		rd.problem(pe.Line, rd.charCol(pe.Line, pe.Column), "", "%s", msg)
		return
	}
	rd.problem(0, 0, "", "%v", err)
}

// header reads the column names; nil when they cannot be used.
func (rd *reader) header(cr *csv.Reader, header []string) map[string]int {
	cols := map[string]int{}
	ok := true
	for i, h := range header {
		line, col := cr.FieldPos(i)
		col = rd.charCol(line, col)
		name := columnName(h)
		switch {
		case name == "":
			rd.problem(line, col, "", "column %d has no name (columns: %s)", i+1, strings.Join(Columns, ", "))
			ok = false
		case !slices.Contains(Columns, name):
			msg := fmt.Sprintf("unknown column %q", strings.TrimSpace(h))
			if c := closest(name, Columns); c != "" {
				msg += fmt.Sprintf("; did you mean %q?", c)
			}
			rd.problem(line, col, "", "%s (columns: %s)", msg, strings.Join(Columns, ", "))
			ok = false
		default:
			if prev, dup := cols[name]; dup {
				rd.problem(line, col, "", "column %q is given twice (first as column %d)", name, prev+1)
				ok = false
				continue
			}
			cols[name] = i
		}
	}
	for _, req := range Required {
		if _, has := cols[req]; !has && ok {
			rd.problem(1, 1, "", "no %q column: the header needs %s", req, strings.Join(Required, ", "))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return cols
}

// columnName is a header cell as a column's name: lower case, spaces and
// hyphens as underscores ("Claimed by" is claimed_by).
func columnName(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, h)
	return h
}

// seat reads one row; ok is false when it has problems (reported).
func (rd *reader) seat(rec []string, cols map[string]int, pos rowPos) (scenario.Seat, bool) {
	field := func(name string) string {
		if i, ok := cols[name]; ok && i < len(rec) {
			return strings.TrimSpace(unguard(rec[i]))
		}
		return ""
	}
	before := len(rd.problems)
	at := func(name, format string, a ...any) { rd.problem(pos.line, pos.cols[name], name, format, a...) }
	var st scenario.Seat
	st.Track = field("track")
	st.Actor = field("actor")
	for _, req := range Required {
		if field(req) == "" {
			at(req, "the %s is missing", req)
		}
	}
	if st.Track != "" {
		rd.ref("track", st.Track, pos)
	}
	if st.Actor != "" {
		rd.ref("actor", st.Actor, pos)
	}
	if v := field("role"); v != "" {
		if err := st.Role.UnmarshalText([]byte(v)); err != nil {
			at("role", "%v", err)
		}
	}
	if v := field("certainty"); v != "" {
		if err := st.Certainty.UnmarshalText([]byte(v)); err != nil {
			at("certainty", "%v", err)
		}
	}
	st.Sources = ids(field("sources"))
	for _, id := range st.Sources {
		rd.ref("sources", id, pos)
	}
	st.ClaimedBy = ids(field("claimed_by"))
	for _, id := range st.ClaimedBy {
		rd.ref("claimed_by", id, pos)
	}
	st.InvitedBy = ids(field("invited_by"))
	for _, id := range st.InvitedBy {
		rd.ref("invited_by", id, pos)
	}
	if v := field("ended"); v != "" {
		if err := st.Ended.UnmarshalText([]byte(v)); err != nil {
			at("ended", "%v", err)
		}
	}
	if st.ReplacedBy = field("replaced_by"); st.ReplacedBy != "" {
		rd.ref("replaced_by", st.ReplacedBy, pos)
	}
	if i, ok := cols["note"]; ok && i < len(rec) {
		st.Note = strings.TrimSpace(unguard(rec[i]))
	}
	for _, k := range []string{"from", "to"} {
		v := field(k)
		if v == "" {
			continue
		}
		d, err := scenario.ParseDate(v)
		if err != nil {
			at(k, "%v", err)
			continue
		}
		if k == "from" {
			st.From = d
		} else {
			st.To = d
		}
	}
	if !st.From.IsZero() && !st.To.IsZero() && st.To.Before(st.From) {
		at("to", "the seat ends (%s) before it begins (%s)", st.To, st.From)
	}
	return st, len(rd.problems) == before
}

// ids splits a list of ids at semicolons, commas and spaces.
func ids(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || unicode.IsSpace(r) })
	if len(f) == 0 {
		return nil
	}
	var out []string
	for _, id := range f {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// ref checks that an id names a track, an actor or a source of the
// scenario (by column), with a suggestion when it does not.
func (rd *reader) ref(column, id string, pos rowPos) {
	var want string
	var all []string
	switch column {
	case "track":
		want = "track"
		for _, t := range rd.s.Tracks {
			all = append(all, t.ID)
		}
	case "actor", "claimed_by", "invited_by", "replaced_by":
		want = "actor"
		for _, a := range rd.s.Actors {
			all = append(all, a.ID)
		}
	case "sources":
		want = "source"
		for _, s := range rd.s.Sources {
			all = append(all, s.ID)
		}
	}
	if slices.Contains(all, id) {
		return
	}
	msg := fmt.Sprintf("unknown %s %q", want, id)
	if other := rd.kindOf(id); other != "" && other != want {
		msg = fmt.Sprintf("%q is %s, not %s", id, article(other), article(want))
	} else if c := closest(id, all); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	} else if len(all) == 0 {
		msg += fmt.Sprintf(" (the scenario has no %ss)", want)
	} else if len(all) <= 8 {
		q := make([]string, len(all))
		for i, a := range all {
			q[i] = strconv.Quote(a)
		}
		msg += fmt.Sprintf(" (the %ss: %s)", want, strings.Join(q, ", "))
	}
	rd.problem(pos.line, pos.cols[column], column, "%s", msg)
}

func (rd *reader) kindOf(id string) string {
	for _, a := range rd.s.Actors {
		if a.ID == id {
			return "actor"
		}
	}
	for _, t := range rd.s.Tracks {
		if t.ID == id {
			return "track"
		}
	}
	for _, s := range rd.s.Sources {
		if s.ID == id {
			return "source"
		}
	}
	return ""
}

func article(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// atRow moves a problem the scenario's checks found in an imported seat
// (seats[k] beyond the file's own) to that seat's row and column.
func (rd *reader) atRow(p scenario.Problem, own int, rows []rowPos) (scenario.Problem, bool) {
	rest, ok := strings.CutPrefix(p.Path, "seats[")
	if !ok {
		return p, false
	}
	num, key, _ := strings.Cut(rest, "]")
	k, err := strconv.Atoi(num)
	if err != nil || k <= own || k-own > len(rows) {
		return p, false
	}
	pos := rows[k-own-1]
	key = strings.TrimPrefix(key, ".")
	key, _, _ = strings.Cut(key, "[")
	col, ok := pos.cols[key]
	if !ok {
		col = pos.cols["track"]
	}
	return scenario.Problem{File: rd.name, Line: pos.line, Col: col, Severity: p.Severity, Path: key, Message: p.Message}, true
}

// closest is the candidate a typo of s most likely meant: within a few
// edits (one for short words, more for long ones), case ignored; "" when
// none is near.
func closest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	limit := max(1, (utf8.RuneCountInString(ls)+1)/3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		if d := distance(ls, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the edit distance between a and b (insertions, deletions,
// substitutions and swaps of neighbours each count one).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
