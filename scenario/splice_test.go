package scenario

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"reflect"
)

// spliceSample has comments of every kind splice tells apart: detached
// headings, lead comments of single entries and of groups, a trailing
// comment, a closing comment.
const spliceSample = `# Notes on the talks.

format = 1

[scenario]
title = "Talks"

# ---- sources

[[sources]]
id = "s1"
title = "Source one"

# ---- actors

# The United States.
[[actors]]
id = "us"
name = "United States"
kind = "state"

[[actors]]
id = "ru"
name = "Russia"
kind = "state"

[[actors]]
id = "cn"
name = "China"
kind = "state"
# China stays out so far.

# People who represent the parties

[[actors]]
id = "kellogg"
name = "Keith Kellogg"
kind = "person"
represents = "us"

# Rubio speaks for the US.
[[actors]]
id = "rubio"
name = "Marco Rubio"
kind = "person"

# ---- tracks

[[tracks]]
id = 'riyadh'
name = "Riyadh talks" # as the press calls it
kind = "talks"
# the press reports
sources = [
  "s1", # 'reported',
]

[[tracks]]
id = "paris"
name = "Paris summit"
kind = "summit"
sources = ["s1"]

# Riyadh rounds
[[seats]]
track = "riyadh"
actor = "us"
role = "participant"
sources = ["s1"]

[[seats]]
track = "riyadh"
actor = "ru"
role = "participant"
sources = ["s1"]

# Paris
[[seats]]
track = "paris"
actor = "us"
role = "host"
sources = ["s1"]

[[seats]]
track = "paris"
actor = "ru"
role = "excluded"
sources = ["s1"]
`

// cut is text without the first occurrence of part, which must be there.
func cut(t *testing.T, text, part string) string {
	t.Helper()
	if !strings.Contains(text, part) {
		t.Fatalf("the sample lacks %q", part)
	}
	return strings.Replace(text, part, "", 1)
}

func TestSpliceComments(t *testing.T) {
	const (
		cn      = "[[actors]]\nid = \"cn\"\nname = \"China\"\nkind = \"state\"\n# China stays out so far.\n\n"
		kellogg = "[[actors]]\nid = \"kellogg\"\nname = \"Keith Kellogg\"\nkind = \"person\"\nrepresents = \"us\"\n\n"
		rubio   = "# Rubio speaks for the US.\n[[actors]]\nid = \"rubio\"\nname = \"Marco Rubio\"\nkind = \"person\"\n\n"
		seat1   = "[[seats]]\ntrack = \"riyadh\"\nactor = \"us\"\nrole = \"participant\"\nsources = [\"s1\"]\n\n"
		seat2   = "[[seats]]\ntrack = \"riyadh\"\nactor = \"ru\"\nrole = \"participant\"\nsources = [\"s1\"]\n\n"
		seat4   = "\n[[seats]]\ntrack = \"paris\"\nactor = \"ru\"\nrole = \"excluded\"\nsources = [\"s1\"]\n"
	)
	without := func(id string) func(s *Scenario) {
		return func(s *Scenario) {
			s.Actors = slices.DeleteFunc(s.Actors, func(a Actor) bool { return a.ID == id })
		}
	}
	tests := []struct {
		name   string
		change func(s *Scenario)
		want   func(t *testing.T, text string) string
	}{
		{"change a key: the rest of the entry stays as written", func(s *Scenario) { s.Tracks[0].Name = "Riyadh round" },
			func(t *testing.T, x string) string {
				return strings.Replace(x, `name = "Riyadh talks" # as the press calls it`, `name = "Riyadh round" # as the press calls it`, 1)
			}},
		{"add a key after the last", func(s *Scenario) { s.Tracks[0].Venue = "Diriyah Palace" },
			func(t *testing.T, x string) string {
				return strings.Replace(x, "  \"s1\", # 'reported',\n]\n", "  \"s1\", # 'reported',\n]\nvenue = \"Diriyah Palace\"\n", 1)
			}},
		{"remove a multi-line key, keep the comment above it", func(s *Scenario) { s.Tracks[0].Sources = nil },
			func(t *testing.T, x string) string {
				return strings.Replace(x, "sources = [\n  \"s1\", # 'reported',\n]\n", "", 1)
			}},
		{"change two keys of a seat", func(s *Scenario) { s.Seats[3].Role = RoleInvited; s.Seats[3].Certainty = Reported },
			func(t *testing.T, x string) string {
				return strings.Replace(x, "role = \"excluded\"\nsources = [\"s1\"]\n", "role = \"invited\"\nsources = [\"s1\"]\ncertainty = \"reported\"\n", 1)
			}},
		{"delete the actor before a detached heading, with its trailing comment", without("cn"),
			func(t *testing.T, x string) string { return cut(t, x, cn) }},
		{"delete the first actor under a detached heading", without("kellogg"),
			func(t *testing.T, x string) string { return cut(t, x, kellogg) }},
		{"delete an actor with its own lead comment", without("rubio"),
			func(t *testing.T, x string) string { return cut(t, x, rubio) }},
		{"delete every actor under the heading", func(s *Scenario) { without("kellogg")(s); without("rubio")(s) },
			func(t *testing.T, x string) string { return cut(t, cut(t, x, kellogg), rubio) }},
		{"delete two neighbours", func(s *Scenario) { without("cn")(s); without("kellogg")(s) },
			func(t *testing.T, x string) string { return cut(t, cut(t, x, cn), kellogg) }},
		{"delete the first seat of a commented group: the group keeps its comment", func(s *Scenario) { s.Seats = s.Seats[1:] },
			func(t *testing.T, x string) string { return cut(t, x, seat1) }},
		{"delete the second seat of a group", func(s *Scenario) { s.Seats = slices.Delete(s.Seats, 1, 2) },
			func(t *testing.T, x string) string { return cut(t, x, seat2) }},
		{"delete the last entry of the file", func(s *Scenario) { s.Seats = s.Seats[:3] },
			func(t *testing.T, x string) string { return cut(t, x, seat4) }},
		{"delete a whole commented group", func(s *Scenario) { s.Seats = s.Seats[2:] },
			func(t *testing.T, x string) string {
				return cut(t, x, "# Riyadh rounds\n"+seat1+seat2)
			}},
		{"rename an actor with a lead comment", func(s *Scenario) { s.Actors[0].Name = "USA" },
			func(t *testing.T, x string) string {
				return strings.Replace(x, "# The United States.\n[[actors]]\nid = \"us\"\nname = \"United States\"",
					"# The United States.\n[[actors]]\nid = \"us\"\nname = \"USA\"", 1)
			}},
		{"rewrite the entry with a trailing comment", func(s *Scenario) { s.Actors[2].Name = "PRC" },
			func(t *testing.T, x string) string {
				return strings.Replace(x, "name = \"China\"\nkind = \"state\"\n# China", "name = \"PRC\"\nkind = \"state\"\n# China", 1)
			}},
		{"insert an actor after the last", func(s *Scenario) {
			s.Actors = append(s.Actors, Actor{ID: "ua", Name: "Ukraine", Kind: KindState})
		}, func(t *testing.T, x string) string {
			return strings.Replace(x, "name = \"Marco Rubio\"\nkind = \"person\"\n\n",
				"name = \"Marco Rubio\"\nkind = \"person\"\n\n[[actors]]\nid = \"ua\"\nname = \"Ukraine\"\nkind = \"state\"\n\n", 1)
		}},
		{"insert an actor first", func(s *Scenario) {
			s.Actors = append([]Actor{{ID: "ua", Name: "Ukraine", Kind: KindState}}, s.Actors...)
		}, func(t *testing.T, x string) string {
			return strings.Replace(x, "# ---- actors\n\n", "# ---- actors\n\n[[actors]]\nid = \"ua\"\nname = \"Ukraine\"\nkind = \"state\"\n\n", 1)
		}},
		{"insert a seat at the end of the file", func(s *Scenario) {
			s.Seats = append(s.Seats, Seat{Track: "paris", Actor: "cn", Role: RoleObserver, Sources: []string{"s1"}})
		}, func(t *testing.T, x string) string {
			return x + "\n[[seats]]\ntrack = \"paris\"\nactor = \"cn\"\nrole = \"observer\"\nsources = [\"s1\"]\n"
		}},
		{"replace one actor by two", func(s *Scenario) {
			s.Actors[2] = Actor{ID: "cn", Name: "PRC", Kind: KindState}
			s.Actors = slices.Insert(s.Actors, 3, Actor{ID: "in", Name: "India", Kind: KindState})
		}, func(t *testing.T, x string) string {
			return strings.Replace(x, "name = \"China\"\nkind = \"state\"\n# China stays out so far.\n\n",
				"name = \"PRC\"\nkind = \"state\"\n# China stays out so far.\n\n[[actors]]\nid = \"in\"\nname = \"India\"\nkind = \"state\"\n\n", 1)
		}},
		{"change the title", func(s *Scenario) { s.Meta.Title = "New" },
			func(t *testing.T, x string) string { return strings.Replace(x, `title = "Talks"`, `title = "New"`, 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := mustLoad(t, []byte(spliceSample))
			to := mustLoad(t, []byte(spliceSample))
			tt.change(to)
			out, err := Edit([]byte(spliceSample), from, to)
			if err != nil {
				t.Fatal(err)
			}
			if want := tt.want(t, spliceSample); string(out) != want {
				t.Errorf("got:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}

// ownedBlocks splits text into the blocks the rules of splice give each
// entry (lead comment, lines, trailing comment), keyed by the entry's
// collection and canonical text, and the lines no entry owns. It is
// written apart from splice, from the rules as documented, to check them.
func ownedBlocks(t testing.TB, text []byte) (blocks []string, free []string) {
	lines := splitLines(text)
	secs, ok := scanSections(lines)
	if !ok {
		t.Fatal("not followed")
	}
	var starts, ends []int
	for _, s := range secs {
		if len(s.name) > 1 && len(starts) > 0 {
			ends[len(ends)-1] = s.end
			continue
		}
		starts, ends = append(starts, s.start), append(ends, s.end)
	}
	owned := make([]bool, len(lines))
	for i := range starts {
		lead := starts[i]
		floor := 0
		if i > 0 {
			floor = ends[i-1]
		}
		for lead > floor && isComment(lines[lead-1]) {
			lead--
		}
		next := len(lines)
		if i+1 < len(starts) {
			next = starts[i+1]
		}
		trail := ends[i]
		for trail < next && isComment(lines[trail]) {
			trail++
		}
		if trail == next || trail == len(lines) || !isBlank(lines[trail]) {
			trail = ends[i]
		}
		for j := lead; j < trail; j++ {
			owned[j] = true
		}
		blocks = append(blocks, strings.Join(lines[lead:trail], ""))
	}
	for i, l := range lines {
		if !owned[i] && !isBlank(l) {
			free = append(free, l)
		}
	}
	return blocks, free
}

// checkDelete deletes entry i of the collection at field f and checks that
// every other entry keeps its bytes, comments included, in order, and that
// no comment owned by no entry is lost.
func checkDelete(t *testing.T, text []byte, f, i int) {
	from, err := Load("x.toml", bytes.NewReader(text))
	if err != nil {
		return
	}
	to, _ := Load("x.toml", bytes.NewReader(text))
	list := reflect.ValueOf(to).Elem().Field(f)
	if i >= list.Len() {
		return
	}
	list.Set(reflect.AppendSlice(list.Slice(0, i), list.Slice(i+1, list.Len())))
	if _, err := Marshal(to); err != nil {
		return
	}
	out, err := Edit(text, from, to)
	if err != nil {
		return // deleting it breaks a reference: the form refuses it
	}
	outLines := splitLines(out)
	if _, ok := scanSections(outLines); !ok {
		t.Fatalf("output not followed:\n%s", out)
	}
	before, freeBefore := ownedBlocks(t, text)
	// Which block was deleted: the entry's header is the i-th of its
	// collection.
	key := reflect.TypeFor[Scenario]().Field(f).Tag.Get("toml")
	n := -1
	var deleted string
	for _, b := range before {
		if strings.Contains(b, "[["+key+"]]") && headerOf(b) == "[["+key+"]]" {
			if n++; n == i {
				deleted = b
			}
		}
	}
	rest := string(out)
	for _, b := range before {
		if b == deleted {
			deleted = "\x00" // only once
			continue
		}
		j := strings.Index(rest, b)
		if j < 0 {
			t.Fatalf("deleting %s[%d] changed another entry:\n%q\nis not in:\n%s", key, i+1, b, out)
		}
		rest = rest[j+len(b):]
	}
	for _, l := range freeBefore {
		if !strings.Contains(string(out), l) {
			t.Fatalf("deleting %s[%d] lost %q:\n%s", key, i+1, l, out)
		}
	}
	if bytes.Contains(out, []byte("\n\n\n")) && !bytes.Contains(text, []byte("\n\n\n")) {
		t.Fatalf("deleting %s[%d] left a double blank line:\n%s", key, i+1, out)
	}
}

// headerOf is the first header line of a block, trimmed.
func headerOf(block string) string {
	for l := range strings.Lines(block) {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "[") {
			return t
		}
	}
	return ""
}

// TestSpliceDeleteEach deletes every entry of every collection of the
// samples and examples in turn.
func TestSpliceDeleteEach(t *testing.T) {
	texts := [][]byte{[]byte(spliceSample), []byte(encodeSample)}
	files, _ := filepath.Glob("../examples/*.toml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, b)
	}
	st := reflect.TypeFor[Scenario]()
	for n, text := range texts {
		s := mustLoad(t, text)
		for f := range st.NumField() {
			if kindOf(st.Field(f).Type) != arrayTablesField {
				continue
			}
			count := reflect.ValueOf(s).Elem().Field(f).Len()
			for i := range count {
				if n >= 2 && i > 1 && i < count-1 && i%10 != 0 {
					continue // the examples are long: a sample of their entries
				}
				t.Run(fmt.Sprintf("%d/%s/%d", n, st.Field(f).Name, i), func(t *testing.T) { checkDelete(t, text, f, i) })
			}
		}
	}
}

// FuzzSpliceDelete: after any single delete, every other entry's bytes,
// its comments included, are unchanged.
func FuzzSpliceDelete(f *testing.F) {
	f.Add([]byte(spliceSample), uint8(3), uint8(2))
	f.Add([]byte(encodeSample), uint8(4), uint8(0))
	f.Add([]byte("format = 1\n[scenario]\ntitle = \"t\"\n# a\n[[sources]]\nid = \"a\"\ntitle = \"A\"\n# b\n\n# c\n[[sources]]\nid = \"b\"\ntitle = \"B\"\n"), uint8(2), uint8(0))
	st := reflect.TypeFor[Scenario]()
	var colls []int
	for f := range st.NumField() {
		if kindOf(st.Field(f).Type) == arrayTablesField {
			colls = append(colls, f)
		}
	}
	f.Fuzz(func(t *testing.T, text []byte, coll, i uint8) {
		checkDelete(t, text, colls[int(coll)%len(colls)], int(i))
	})
}
