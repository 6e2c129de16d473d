package scenario

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// changeLines writes changes one per line, as "seat ~ track/actor: key
// old→new; …", "track + id", "actor - id".
func changeLines(c *Changes) string {
	var lines []string
	mark := map[Change]string{Added: "+", Removed: "-", Changed: "~"}
	fields := func(fs []FieldChange) string {
		var parts []string
		for _, f := range fs {
			parts = append(parts, fmt.Sprintf("%s %q→%q", f.Key, f.Old, f.New))
		}
		return strings.Join(parts, "; ")
	}
	for _, t := range c.Tracks {
		lines = append(lines, strings.TrimSpace(fmt.Sprintf("track %s %s: %s", mark[t.Change], t.ID, fields(t.Fields))))
	}
	for _, s := range c.Seats {
		role := ""
		if s.New != nil {
			role = string(s.New.Role)
		} else {
			role = string(s.Old.Role)
		}
		lines = append(lines, strings.TrimSuffix(fmt.Sprintf("seat %s %s/%s/%s: %s", mark[s.Change], s.Track, s.Actor, role, fields(s.Fields)), ": "))
	}
	for _, a := range c.Actors {
		lines = append(lines, strings.TrimSuffix(fmt.Sprintf("actor %s %s: %s", mark[a.Change], a.ID, fields(a.Fields)), ": "))
	}
	return strings.Join(lines, "\n")
}

// editedExample is the bundled example as Tuesday's file would have it:
// written with Edit from a changed copy, so that the comments stay.
func editedExample(t *testing.T) (old, new *Scenario, newText []byte) {
	t.Helper()
	text, err := readExample()
	if err != nil {
		t.Fatal(err)
	}
	old = loadString(t, string(text))
	s := loadString(t, string(text))
	s.Meta.AsOf = day(t, "2025-02-18")
	seat := func(track, actor string) *Seat {
		i := slices.IndexFunc(s.Seats, func(st Seat) bool { return st.Track == track && st.Actor == actor })
		if i < 0 {
			t.Fatalf("the example has no seat of %s at %s", actor, track)
		}
		return &s.Seats[i]
	}
	track := func(id string) *Track {
		i := slices.IndexFunc(s.Tracks, func(tr Track) bool { return tr.ID == id })
		if i < 0 {
			t.Fatalf("the example has no track %s", id)
		}
		return &s.Tracks[i]
	}
	// The summit took place; Macron's convening is on the record.
	track("paris-summit").Status, track("paris-summit").End = StatusConcluded, day(t, "2025-02-17")
	seat("paris-summit", "macron").Certainty = Confirmed
	// "Europe" as such was not at the table in Paris.
	s.Seats = slices.DeleteFunc(s.Seats, func(st Seat) bool { return st.Track == "paris-summit" && st.Actor == "europe" })
	// Ukraine was not in Riyadh after all.
	ua := seat("riyadh-talks", "ua")
	ua.Role, ua.Certainty, ua.ClaimedBy = RoleExcluded, Confirmed, nil
	// Lavrov led the Russian side.
	s.Actors = append(s.Actors, Actor{ID: "lavrov", Name: "Sergei Lavrov", Kind: KindPerson, Office: "Foreign Minister of Russia", Represents: "ru"})
	src := s.Seats[len(s.Seats)-1].Sources
	s.Seats = append(s.Seats, Seat{Track: "riyadh-talks", Actor: "lavrov", Role: RoleParticipant, Certainty: Confirmed, Sources: src})
	newText, err = Edit(text, old, s)
	if err != nil {
		t.Fatal(err)
	}
	return old, loadString(t, string(newText)), newText
}

// TestDiffTwoVersionsOfTheExample: Monday's file and Tuesday's give
// exactly the changes made, the role change as one change.
func TestDiffTwoVersionsOfTheExample(t *testing.T) {
	old, new, newText := editedExample(t)
	text, _ := readExample()
	if a, b := bytes.Count(text, []byte("\n#")), bytes.Count(newText, []byte("\n#")); a != b {
		t.Errorf("Edit lost comments: %d comment lines, now %d", a, b)
	}
	po, err := old.Resolve("", Date{})
	if err != nil {
		t.Fatal(err)
	}
	pn, err := new.Resolve("", Date{})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		`track ~ paris-summit: end ""→"2025-02-17"; status "planned"→"concluded"`,
		`seat ~ paris-summit/macron/convener: certainty "reported"→"confirmed"`,
		`seat - paris-summit/europe/participant`,
		`seat ~ riyadh-talks/ua/excluded: role "participant"→"excluded"; certainty "claimed"→"confirmed"; claimed_by "kellogg"→""`,
		`seat + riyadh-talks/lavrov/participant`,
		`actor + lavrov`,
	}, "\n")
	c := Diff(po, pn)
	if got := changeLines(c); got != want {
		t.Errorf("changes:\n%s\nwant:\n%s", got, want)
	}
	tracks, seats, actors := c.Counts()
	if tracks != (Count{Changed: 1}) || seats != (Count{Added: 1, Removed: 1, Changed: 2}) || actors != (Count{Added: 1}) {
		t.Errorf("counts %+v %+v %+v", tracks, seats, actors)
	}
	// And back again: every change turned round.
	back := Diff(pn, po)
	if _, s, a := back.Counts(); s != (Count{Added: 1, Removed: 1, Changed: 2}) || a != (Count{Removed: 1}) {
		t.Errorf("reversed: %s", changeLines(back))
	}
	if !Diff(po, po).Empty() || !Diff(pn, pn).Empty() {
		t.Error("a picture differs from itself")
	}
}

// TestDiffBaseAndVariants: each variant of the example differs from the
// base by exactly what it says.
func TestDiffBaseAndVariants(t *testing.T) {
	text, _ := readExample()
	s := loadString(t, string(text))
	base, _ := s.Resolve("", Date{})
	for _, v := range s.Variants {
		p, err := s.Resolve(v.ID, Date{})
		if err != nil {
			t.Fatal(err)
		}
		c := Diff(base, p)
		if c.Empty() {
			t.Errorf("variant %s: no changes", v.ID)
		}
		for _, vs := range v.Seats {
			found := slices.ContainsFunc(c.Seats, func(sc SeatChange) bool {
				return sc.Track == vs.Track && sc.Actor == vs.Actor && sc.New != nil && sc.New.Role == vs.Role
			})
			if !found {
				t.Errorf("variant %s: its seat %s/%s/%s is not in the changes:\n%s", v.ID, vs.Track, vs.Actor, vs.Role, changeLines(c))
			}
		}
		for _, vt := range v.Tracks {
			if !slices.ContainsFunc(c.Tracks, func(tc TrackChange) bool { return tc.ID == vt.ID }) {
				t.Errorf("variant %s: its track %s is not in the changes", v.ID, vt.ID)
			}
		}
	}
}

// TestDiffDays: two days of the Good Friday file.
func TestDiffDays(t *testing.T) {
	s := loadExample(t, "good-friday-1998.toml")
	a, _ := s.Resolve("", day(t, "1997-07-01"))
	b, _ := s.Resolve("", day(t, "1997-09-15"))
	want := strings.Join([]string{
		`seat ~ talks/sinn-fein/participant: role "excluded"→"participant"; sources "nrc-1997-09-15, bbc-1997-06-03"→"cnn-1997-09-09, independent-1997-09-10"; from "1996-06-10"→"1997-09-09"; to "1997-09-09"→"1998-02-20"; ended ""→"expelled"`,
		`seat - talks/dup/participant`,
		`seat - talks/ukup/participant`,
		`actor - dup`,
		`actor - ukup`,
	}, "\n")
	if got := changeLines(Diff(a, b)); got != want {
		t.Errorf("changes:\n%s\nwant:\n%s", got, want)
	}
	// Certainty: Sinn Féin only possibly back on 20 March.
	c, _ := s.Resolve("", day(t, "1998-03-20"))
	d, _ := s.Resolve("", day(t, "1998-04-10"))
	got := changeLines(Diff(c, d))
	for _, w := range []string{`seat - talks/sinn-fein/excluded`, `seat ~ talks/sinn-fein/participant: possibly "true"→""`,
		`track ~ talks: status "under-way"→"concluded"`, `track + bia`} {
		if !strings.Contains(got, w) {
			t.Errorf("changes from 20 Mar to 10 Apr 1998 lack %q:\n%s", w, got)
		}
	}
}

// TestDiffPairsRolesInOrder: an actor's seats of the same role pair
// first; the rest pair in role order; what is left is gained or lost.
func TestDiffPairsRolesInOrder(t *testing.T) {
	mk := func(roles ...Role) *Picture {
		p := &Picture{tracks: map[string]*Track{}, actors: map[string]*Actor{}}
		p.Tracks = []Track{{ID: "t"}}
		p.index()
		for _, r := range roles {
			p.Seats = append(p.Seats, Seat{Track: "t", Actor: "a", Role: r})
		}
		return p
	}
	tests := []struct {
		old, new []Role
		want     string
	}{
		{[]Role{RoleConvener, RoleParticipant}, []Role{RoleParticipant}, "seat - t/a/convener"},
		{[]Role{RoleExcluded}, []Role{RoleObserver, RoleParticipant}, "seat ~ t/a/participant: role \"excluded\"→\"participant\"\nseat + t/a/observer"},
		{[]Role{RoleParticipant, RoleHost}, []Role{RoleHost, RoleParticipant}, ""},
	}
	for _, tt := range tests {
		if got := changeLines(Diff(mk(tt.old...), mk(tt.new...))); got != tt.want {
			t.Errorf("%v → %v:\n%s\nwant\n%s", tt.old, tt.new, got, tt.want)
		}
	}
}

// readExample is the bundled example's text.
func readExample() ([]byte, error) { return os.ReadFile("../examples/ukraine-talks-2025-02.toml") }

// TestSameCoversEveryField: changing any one field a diff compares makes
// sameSeat, sameTrack and sameActor say "different", so a new key cannot
// slip past them.
func TestSameCoversEveryField(t *testing.T) {
	check := func(name string, zero any, same func(a, b any) bool) {
		v := reflect.ValueOf(zero)
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			key := sf.Tag.Get("toml")
			if key == "-" && pictureKeys[sf.Name] == "" {
				continue // not compared by a diff
			}
			b := reflect.New(v.Type()).Elem()
			f := b.Field(i)
			switch {
			case f.Kind() == reflect.String:
				f.SetString("x")
			case f.Kind() == reflect.Bool:
				f.SetBool(true)
			case f.Type() == dateType:
				f.Set(reflect.ValueOf(Date{Year: 2000}))
			case f.Kind() == reflect.Slice:
				f.Set(reflect.MakeSlice(f.Type(), 1, 1))
			default:
				t.Fatalf("%s.%s: a field of a kind this test does not know", name, sf.Name)
			}
			if same(zero, b.Interface()) {
				t.Errorf("%s: a change of %s goes unseen", name, sf.Name)
			}
		}
	}
	check("Seat", Seat{}, func(a, b any) bool { x, y := a.(Seat), b.(Seat); return sameSeat(&x, &y) })
	check("Track", Track{}, func(a, b any) bool { x, y := a.(Track), b.(Track); return sameTrack(&x, &y) })
	check("Actor", Actor{}, func(a, b any) bool { x, y := a.(Actor), b.(Actor); return sameActor(&x, &y) })
}
