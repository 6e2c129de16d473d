package csvseats

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/viewtest"
	"github.com/parleyhq/parley/scenario"
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/")

func exampleText(t testing.TB) ([]byte, *scenario.Scenario) {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(viewtest.Root(), "examples", "ukraine-talks-2025-02.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Load("talks.toml", bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return text, s
}

// withoutSeats is a scenario file with its seats taken out by the
// scenario's editor (comments elsewhere kept).
func withoutSeats(t testing.TB, text []byte, s *scenario.Scenario) ([]byte, *scenario.Scenario) {
	t.Helper()
	to := *s
	to.Seats = nil
	out, err := scenario.Edit(text, s, &to)
	if err != nil {
		t.Fatal(err)
	}
	empty, err := scenario.Load(s.Name, bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return out, empty
}

// TestRoundTrip: each example's seats, exported as CSV and imported into
// the example without seats, give the same seats; every comment of the
// file they go into is kept.
func TestRoundTrip(t *testing.T) {
	for _, ex := range viewtest.Examples(t) {
		t.Run(ex.Name, func(t *testing.T) {
			orig, err := os.ReadFile(filepath.Join(viewtest.Root(), "examples", ex.Name+".toml"))
			if err != nil {
				t.Fatal(err)
			}
			full, err := scenario.Load(ex.Name+".toml", bytes.NewReader(orig))
			if err != nil {
				t.Fatal(err)
			}
			var csvText bytes.Buffer
			if err := Write(&csvText, full.Seats); err != nil {
				t.Fatal(err)
			}
			viewtest.Golden(t, ex.Name+"-seats.csv", csvText.Bytes())
			text, empty := withoutSeats(t, orig, full)
			res, err := Import("seats.csv", bytes.NewReader(csvText.Bytes()), text, empty)
			if err != nil {
				t.Fatal(err)
			}
			got, err := scenario.Load(ex.Name+".toml", bytes.NewReader(res.Text))
			if err != nil {
				t.Fatalf("the result does not load: %v", err)
			}
			want := *full
			want.Warnings = got.Warnings
			if !scenario.Equal(got, &want) {
				t.Error("the imported scenario is not the example")
				for i := range max(len(got.Seats), len(full.Seats)) {
					if i >= len(got.Seats) || i >= len(full.Seats) || !equalSeat(got.Seats[i], full.Seats[i]) {
						t.Errorf("seat %d differs", i+1)
						break
					}
				}
			}
			for _, line := range strings.Split(string(text), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "#") && !strings.Contains(string(res.Text), line) {
					t.Errorf("the comment %q is lost", line)
				}
			}
			if len(res.Seats) != len(full.Seats) {
				t.Errorf("%d seats imported, want %d", len(res.Seats), len(full.Seats))
			}
		})
	}
}

func equalSeat(a, b scenario.Seat) bool {
	return a.Track == b.Track && a.Actor == b.Actor && a.Role == b.Role && a.Certainty == b.Certainty &&
		strings.Join(a.Sources, ",") == strings.Join(b.Sources, ",") && a.Note == b.Note &&
		strings.Join(a.ClaimedBy, ",") == strings.Join(b.ClaimedBy, ",") && a.From == b.From && a.To == b.To &&
		strings.Join(a.InvitedBy, ",") == strings.Join(b.InvitedBy, ",") && a.Ended == b.Ended && a.ReplacedBy == b.ReplacedBy
}

// TestProblemsAllAtOnce: every problem of the file, each at its row and
// column, sorted; nothing is imported.
func TestProblemsAllAtOnce(t *testing.T) {
	text, s := exampleText(t)
	in := "track,actor,role,certainty,sources,note,claimed_by,from\n" +
		"riyadh-talks,fr,observer,reported,cnn-2025-02-16,fine,,\n" +
		"riyad-talks,ua,participant,reported,cnn-2025-02-16,,,\n" + // typo in track
		"msc-2025,zelenskyy,particpant,sure,cnn,,kelogg,2025-02-30\n" + // four problems
		"msc-2025,us,host,,,\"a note, with a comma\",,\n" + // fine, no source: a warning only
		"paris-summit,fr,host,reported,cnn-2025-02-16,,,\n" + // the scenario has it
		"riyadh-talks,fr,observer,,,,,\n" + // given twice
		"ua,ua,host,,,,,\n" // an actor where a track goes
	_, err := Import("seats.csv", strings.NewReader(in), text, s)
	var ps scenario.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v, want problems", err)
	}
	want := []string{
		`seats.csv:3:1: error: track: unknown track "riyad-talks"; did you mean "riyadh-talks"?`,
		`seats.csv:4:10: error: actor: unknown actor "zelenskyy"; did you mean "zelensky"?`,
		`seats.csv:4:20: error: role: unknown role "particpant"; did you mean "participant"? (allowed: convener, host, chair, mediator, facilitator, guarantor, participant, signatory, witness, observer, invited, excluded)`,
		`seats.csv:4:31: error: certainty: unknown certainty "sure" (allowed: confirmed, reported, claimed, disputed, speculative)`,
		`seats.csv:4:36: error: sources: unknown source "cnn" (the sources: "cnn-2025-02-16")`,
		`seats.csv:4:41: error: claimed_by: unknown actor "kelogg"; did you mean "kellogg"?`,
		`seats.csv:4:48: error: from: bad date "2025-02-30": February has 28 days (write YYYY-MM-DD, YYYY-MM or YYYY, with a leading ~ for an approximate date)`,
		`seats.csv:6:1: error: the scenario has this seat already (fr at paris-summit as host: seats[2])`,
		`seats.csv:7:1: error: the same seat (fr at riyadh-talks as observer) is on line 2 already`,
		`seats.csv:8:1: error: track: "ua" is an actor, not a track`,
	}
	if got := ps.Error(); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestTheScenarioChecksTheResult: what the format forbids among seats is
// found in the imported ones and reported at their row.
func TestTheScenarioChecksTheResult(t *testing.T) {
	text, s := exampleText(t)
	in := "Track;Actor;Role;Sources\n" + // a semicolon-separated header, names in any case
		"paris-summit;ua;excluded;cnn-2025-02-16\n" +
		"paris-summit;ua;observer;cnn-2025-02-16\n" +
		"msc-2025;ru;observer;\n"
	_, err := Import("seats.csv", strings.NewReader("\ufeff"+in), text, s)
	var ps scenario.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("error %v", err)
	}
	if ps[0].File != "seats.csv" || ps[0].Line != 2 && ps[0].Line != 3 || !strings.Contains(ps[0].Message, "exclu") {
		t.Errorf("problems: %v", ps)
	}
	res, err := Import("seats.csv", strings.NewReader("track;actor;role\nmsc-2025;ru;observer\n"), text, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 2 || !strings.Contains(res.Warnings[0].String(), "seats.csv:2:") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestFileProblems(t *testing.T) {
	text, s := exampleText(t)
	for in, want := range map[string]string{
		"":                                    "seats.csv: error: the file is empty",
		"track,actor\n":                       `seats.csv:1:1: error: no "role" column`,
		"track,actor,role,notes\n":            `seats.csv:1:18: error: unknown column "notes"; did you mean "note"?`,
		"track,actor,role,role\n":             `seats.csv:1:18: error: column "role" is given twice (first as column 3)`,
		"track,actor,role\n":                  "seats.csv:1:1: error: no seats to import",
		"track,actor,role\nmsc-2025,ru,\"a\n": `seats.csv:2:16: error: a field in quotes is not closed, or a " in it is not written as "" (the row starts on line 2)`,
		"track,actor,role\nmsc-2025,ru,observer,x\n":   "seats.csv:2:22: error: this row has 4 fields, the header 3",
		"track,actor,role\nmsc-2025,r\xffu,observer\n": "seats.csv:2:11: error: not UTF-8 text",
		"track,actor,role\nmsc-2025,,\n":               "seats.csv:2:10: error: actor: the actor is missing\nseats.csv:2:11: error: role: the role is missing",
	} {
		_, err := Import("seats.csv", strings.NewReader(in), text, s)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v\nwant %s", in, err, want)
		}
	}
}

// TestFormulaGuard: a note that a spreadsheet would run is exported with
// an apostrophe and comes back without it.
func TestFormulaGuard(t *testing.T) {
	text, s := exampleText(t)
	var b bytes.Buffer
	Write(&b, []scenario.Seat{{Track: "msc-2025", Actor: "ru", Role: scenario.RoleObserver, Note: "=HYPERLINK(\"x\")", Sources: []string{"cnn-2025-02-16"}}})
	if !strings.Contains(b.String(), `'=HYPERLINK`) {
		t.Errorf("not guarded: %s", b.String())
	}
	res, err := Import("s.csv", &b, text, s)
	if err != nil {
		t.Fatal(err)
	}
	if res.Seats[0].Note != `=HYPERLINK("x")` {
		t.Errorf("note %q", res.Seats[0].Note)
	}
}

func FuzzImport(f *testing.F) {
	f.Add("track,actor,role\nmsc-2025,ru,observer\n")
	f.Add("track;actor;role;note\nmsc-2025;ru;host;\"x\"\"y\"\n")
	f.Add("\ufefftrack,actor,role,sources,claimed_by,from,to\nriyadh-talks,fr,excluded,cnn-2025-02-16,kellogg,2025,2024\n")
	text, s := exampleText(f)
	f.Fuzz(func(t *testing.T, in string) {
		res, err := Import("f.csv", strings.NewReader(in), text, s)
		if err != nil {
			var ps scenario.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("an error that is not problems: %v", err)
			}
			for _, p := range ps {
				if p.File != "f.csv" || p.Severity != scenario.Error {
					t.Fatalf("problem %v", p)
				}
			}
			return
		}
		got, err := scenario.Load("talks.toml", bytes.NewReader(res.Text))
		if err != nil {
			t.Fatalf("imported, yet the result does not load: %v", err)
		}
		if len(got.Seats) != len(s.Seats)+len(res.Seats) {
			t.Fatalf("%d seats, want %d", len(got.Seats), len(s.Seats)+len(res.Seats))
		}
	})
}

func FuzzWrite(f *testing.F) {
	f.Add("note", "~2025-02")
	f.Add("=1+1\n\"quoted\", yes", "2025")
	text, s := exampleText(f)
	f.Fuzz(func(t *testing.T, note, date string) {
		d, err := scenario.ParseDate(date)
		if err != nil {
			return
		}
		note = strings.TrimSpace(strings.ToValidUTF8(note, ""))
		seat := scenario.Seat{Track: "msc-2025", Actor: "ru", Role: scenario.RoleObserver, Note: note, From: d, Sources: []string{"cnn-2025-02-16"}}
		var b bytes.Buffer
		if err := Write(&b, []scenario.Seat{seat}); err != nil {
			t.Fatal(err)
		}
		res, err := Import("w.csv", &b, text, s)
		if err != nil {
			if strings.ContainsAny(note, "\x00\x7f") || strings.ContainsFunc(note, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' }) {
				return // TOML cannot hold it: refused, not mangled
			}
			t.Fatalf("%q: %v", note, err)
		}
		if !equalSeat(res.Seats[0], seat) {
			t.Fatalf("%+v came back as %+v", seat, res.Seats[0])
		}
	})
}
