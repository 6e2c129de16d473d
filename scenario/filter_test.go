package scenario_test

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/scenario"
)

func loadExampleFile(t testing.TB) *scenario.Scenario {
	t.Helper()
	text, err := os.ReadFile("../examples/ukraine-talks-2025-02.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenario.Load("ukraine-talks-2025-02.toml", bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func selectIn(t *testing.T, s *scenario.Scenario, variant string, focus, filters []string) *scenario.Selection {
	t.Helper()
	f, err := scenario.ParseFilter(focus, filters)
	if err != nil {
		t.Fatalf("ParseFilter(%q, %q): %v", focus, filters, err)
	}
	p, err := s.ResolveAll(variant)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := p.Select(f)
	if err != nil {
		t.Fatalf("Select(%v): %v", f, err)
	}
	return sel
}

// ids lists what a selection keeps, for comparing.
type ids struct {
	Tracks, Seats, Actors, Events, Statements []string
}

func idsOf(sel *scenario.Selection) ids {
	var out ids
	for _, t := range sel.Tracks {
		out.Tracks = append(out.Tracks, t.ID)
	}
	for _, st := range sel.Seats {
		out.Seats = append(out.Seats, st.Track+"/"+st.Actor+"/"+string(st.Role))
	}
	for _, a := range sel.Actors {
		out.Actors = append(out.Actors, a.ID)
	}
	for _, e := range sel.Events {
		out.Events = append(out.Events, e.ID)
	}
	for _, st := range sel.Statements {
		out.Statements = append(out.Statements, st.ID)
	}
	return out
}

func TestSelectEverything(t *testing.T) {
	s := loadExampleFile(t)
	sel := selectIn(t, s, "", nil, nil)
	got := idsOf(sel)
	if len(got.Tracks) != len(s.Tracks) || len(got.Seats) != len(s.Seats) || len(got.Actors) != len(s.Actors) ||
		len(got.Events) != len(s.Events) || len(got.Statements) != len(s.Statements) {
		t.Errorf("the zero filter drops things: %+v", got)
	}
	if sel.Describe() != "" {
		t.Errorf("Describe of the zero filter = %q", sel.Describe())
	}
	for _, ref := range []string{"actor:us", "track:msc-2025", "event:kallas-on-x", "statement:kallas-initiatives"} {
		if !sel.Has(ref) {
			t.Errorf("Has(%q) is false", ref)
		}
	}
}

func TestSelectFocus(t *testing.T) {
	s := loadExampleFile(t)
	cases := []struct {
		name           string
		focus, filters []string
		want           ids
		describe       string
	}{
		{
			name:  "a track and its actors",
			focus: []string{"track:riyadh"}, // the unique start of an id
			want: ids{
				Tracks: []string{"riyadh-talks"},
				Seats: []string{"riyadh-talks/us/convener", "riyadh-talks/sa/host", "riyadh-talks/waltz/participant",
					"riyadh-talks/rubio/participant", "riyadh-talks/witkoff/participant", "riyadh-talks/ru/participant",
					"riyadh-talks/dmitriev/participant", "riyadh-talks/ua/participant", "riyadh-talks/europe/excluded"},
				// The seated, and the speakers of statements about the talks.
				Actors:     []string{"us", "ru", "ua", "sa", "europe", "vance", "rubio", "waltz", "witkoff", "kellogg", "hegseth", "dmitriev", "zelensky"},
				Statements: []string{"kellogg-europe-out", "hegseth-all-options", "vance-repercussions", "zelensky-no-deal-without-us"},
			},
			describe: "Focus: US–Russia talks on ending the war",
		},
		{
			name:  "an actor, its people, their tracks and statements",
			focus: []string{"us"},
			want: ids{
				Tracks: []string{"riyadh-talks", "msc-2025", "call-trump-putin", "call-trump-zelensky"},
				Seats: []string{"riyadh-talks/us/convener", "riyadh-talks/waltz/participant", "riyadh-talks/rubio/participant",
					"riyadh-talks/witkoff/participant", "msc-2025/vance/participant", "msc-2025/kellogg/participant",
					"call-trump-putin/trump/participant", "call-trump-zelensky/trump/participant"},
				Actors:     []string{"us", "trump", "vance", "rubio", "waltz", "witkoff", "kellogg", "hegseth", "putin", "zelensky"},
				Events:     []string{"trump-putin-talk", "hegseth-brussels", "zelensky-vance-munich"},
				Statements: []string{"kellogg-europe-out", "hegseth-nato-borders", "hegseth-all-options", "vance-repercussions", "vance-threat-within", "zelensky-putin-first"},
			},
			describe: "Focus: United States",
		},
		{
			name:    "an actor's seats of some roles",
			focus:   []string{"United States"},
			filters: []string{"role=convener,host"},
			want: ids{
				Tracks:     []string{"riyadh-talks"},
				Seats:      []string{"riyadh-talks/us/convener"},
				Actors:     []string{"us", "trump", "vance", "rubio", "waltz", "witkoff", "kellogg", "hegseth", "putin", "zelensky"},
				Events:     []string{"trump-putin-talk", "hegseth-brussels", "zelensky-vance-munich"},
				Statements: []string{"kellogg-europe-out", "hegseth-nato-borders", "hegseth-all-options", "vance-repercussions", "vance-threat-within", "zelensky-putin-first"},
			},
			describe: "Focus: United States · roles: convener, host",
		},
		{
			name:  "an event",
			focus: []string{"event:zelensky-vance-munich"},
			want: ids{
				Tracks: []string{"msc-2025"},
				Seats:  []string{"msc-2025/vance/participant", "msc-2025/zelensky/participant"},
				Actors: []string{"vance", "zelensky"},
				Events: []string{"zelensky-vance-munich"},
			},
		},
		{
			name:    "exclusions only",
			filters: []string{"role=excluded"},
			want: ids{
				Tracks: []string{"riyadh-talks"},
				Seats:  []string{"riyadh-talks/europe/excluded"},
				Actors: []string{"fr", "europe", "trump", "vance", "kellogg", "hegseth", "putin", "zelensky", "starmer", "sikorski", "kallas"},
				Events: []string{"trump-putin-talk", "hegseth-brussels", "zelensky-vance-munich", "zelensky-amanpour", "kallas-on-x"},
				Statements: []string{"starmer-divisions", "kellogg-europe-out", "sikorski-paris", "elysee-informal", "hegseth-nato-borders",
					"hegseth-all-options", "vance-repercussions", "vance-threat-within", "zelensky-putin-first", "zelensky-no-deal-without-us", "kallas-initiatives"},
			},
			describe: "role: excluded",
		},
		{
			name:    "states",
			filters: []string{"kind=state"},
			want: ids{
				Tracks:     []string{"paris-summit", "riyadh-talks"},
				Seats:      []string{"paris-summit/fr/host", "riyadh-talks/us/convener", "riyadh-talks/sa/host", "riyadh-talks/ru/participant", "riyadh-talks/ua/participant"},
				Actors:     []string{"us", "ru", "ua", "fr", "uk", "pl", "sa"},
				Statements: []string{"elysee-informal"},
			},
			describe: "kind: state",
		},
		{
			name:    "a day leaves out what is known to the month only? no: it may fall on that day",
			filters: []string{"from=2025-02-17,to=2025-02-20"},
			want: ids{
				Tracks: []string{"paris-summit", "riyadh-talks", "msc-2025", "call-trump-putin", "call-trump-zelensky"},
				Events: []string{"trump-putin-talk", "hegseth-brussels", "zelensky-vance-munich", "zelensky-amanpour"},
			},
			describe: "17 Feb 2025 to 20 Feb 2025",
		},
		{
			name:    "confirmed seats at Munich",
			focus:   []string{"track:msc-2025"},
			filters: []string{"certainty=confirmed", "kind=person"},
			want: ids{
				Tracks:     []string{"msc-2025"},
				Seats:      []string{"msc-2025/vance/participant", "msc-2025/kellogg/participant", "msc-2025/zelensky/participant", "msc-2025/sikorski/participant"},
				Actors:     []string{"vance", "kellogg", "zelensky", "sikorski"},
				Events:     []string{"zelensky-vance-munich", "zelensky-amanpour"},
				Statements: []string{"kellogg-europe-out", "sikorski-paris", "vance-threat-within", "zelensky-putin-first", "zelensky-no-deal-without-us"},
			},
			describe: "Focus: Munich Security Conference · certainty: confirmed · kind: person",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sel := selectIn(t, s, "", c.focus, c.filters)
			got := idsOf(sel)
			if c.name == "a day leaves out what is known to the month only? no: it may fall on that day" {
				// Everything dated "2025-02" may fall in the range; Kallas's
				// 16 February does not. Compare only what the range is about.
				got.Seats, got.Actors, got.Statements = nil, nil, nil
				if slices.Contains(idsOf(sel).Statements, "kallas-initiatives") || !slices.Contains(idsOf(sel).Statements, "hegseth-all-options") {
					t.Errorf("statements by date: %v", idsOf(sel).Statements)
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
			if d := sel.Describe(); d != c.describe && c.describe != "" {
				t.Errorf("Describe = %q, want %q", d, c.describe)
			}
			for _, st := range sel.Seats {
				if sel.Track(st.Track) == nil || sel.Actor(st.Actor) == nil {
					t.Errorf("seat %v: its track or actor cannot be looked up", st)
				}
			}
		})
	}
}

func TestFilterErrors(t *testing.T) {
	cases := []struct {
		focus, filters []string
		want           string
	}{
		{nil, []string{"role=particpant"}, `-filter "role=particpant": unknown role "particpant"; did you mean "participant"? (allowed: convener, host, chair, mediator, facilitator, guarantor, participant, signatory, witness, observer, invited, excluded)`},
		{nil, []string{"rol=host"}, `-filter "rol=host": unknown key "rol"; did you mean "role"? (keys: role, certainty, kind, from, to)`},
		{nil, []string{"participant"}, `-filter "participant": write KEY=VALUE, e.g. role=participant (keys: role, certainty, kind, from, to)`},
		{nil, []string{"from=2025-02-30"}, `-filter "from=2025-02-30": from: bad date "2025-02-30": February has 28 days`},
		{nil, []string{"from=2025-03,to=2025-02-01"}, `-filter: to=2025-02-01 is before from=2025-03`},
		{nil, []string{"from=2025", "from=2026"}, `-filter "from=2026": from is given twice`},
		{nil, []string{"certainty=sure,kind=stat"}, `-filter "certainty=sure,kind=stat": unknown certainty "sure"`},
		{nil, []string{"role="}, `-filter "role=": role has an empty value`},
		{[]string{"place:paris"}, nil, `-focus "place:paris": unknown kind "place"`},
		{[]string{"track:"}, nil, `-focus "track:": no id after "track:"`},
		{[]string{"us,,ua"}, nil, `-focus "us,,ua": an empty focus`},
	}
	for _, c := range cases {
		_, err := scenario.ParseFilter(c.focus, c.filters)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseFilter(%q, %q) = %v\nwant it to say %s", c.focus, c.filters, err, c.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "scenario: ") {
			t.Errorf("error without the package prefix: %v", err)
		}
	}
	// Every problem at once.
	_, err := scenario.ParseFilter([]string{"place:x"}, []string{"rol=x", "kind=stat"})
	if err == nil || strings.Count(err.Error(), "; ") < 2 || !strings.Contains(err.Error(), `did you mean "state"`) {
		t.Errorf("not every problem is reported: %v", err)
	}
}

func TestFocusErrors(t *testing.T) {
	s := loadExampleFile(t)
	p, err := s.ResolveAll("")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ focus, want string }{
		{"uss", `focus "uss": no actor, track or event has this id; did you mean "actor:us"?`},
		{"track:us", `focus "track:us": no track has this id`},
		{"u", `focus "u" may mean "actor:us", "actor:ua" or "actor:uk": write one of them`},
		{"actor:kallsa", `did you mean "actor:kallas"?`},
	}
	for _, c := range cases {
		_, err := p.Select(scenario.Filter{Focus: []string{c.focus}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("focus %q: %v\nwant it to say %s", c.focus, err, c.want)
		}
	}
	for focus, want := range map[string]string{"NATO": "actor:nato", "nato": "actor:nato", "Munich Security Conference": "track:msc-2025", "kallas-on": "event:kallas-on-x"} {
		sel, err := p.Select(scenario.Filter{Focus: []string{focus}})
		if err != nil || !slices.Equal(sel.Focus, []string{want}) {
			t.Errorf("focus %q: %v %v, want %s", focus, sel, err, want)
		}
	}

	removed, err := scenario.Load("v.toml", strings.NewReader(`format = 1
[scenario]
title = "t"
[[sources]]
id = "s"
title = "s"
[[actors]]
id = "a"
name = "A"
kind = "state"
[[tracks]]
id = "t1"
name = "T1"
kind = "talks"
sources = ["s"]
[[seats]]
track = "t1"
actor = "a"
role = "participant"
sources = ["s"]
[[variants]]
id = "gone"
name = "Gone"
remove_tracks = ["t1"]
`))
	if err != nil {
		t.Fatal(err)
	}
	vp, err := removed.ResolveAll("gone")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vp.Select(scenario.Filter{Focus: []string{"track:t1"}}); err == nil || !strings.Contains(err.Error(), `the variant "gone" removes this track`) {
		t.Errorf("focus on a removed track: %v", err)
	}
}

func TestFilterStringRoundTrips(t *testing.T) {
	f, err := scenario.ParseFilter([]string{"track:riyadh-talks,us"}, []string{"roles=participant,host", "certainty=confirmed", "kind=state,person", "from=~2025-02,to=2025-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	text := f.String()
	want := "-focus track:riyadh-talks -focus us -filter role=participant,host -filter certainty=confirmed -filter kind=state,person -filter from=~2025-02 -filter to=2025-03-01"
	if text != want {
		t.Errorf("String = %q\nwant     %q", text, want)
	}
	var focus, filters []string
	fields := strings.Fields(text)
	for i := 0; i+1 < len(fields); i += 2 {
		if fields[i] == "-focus" {
			focus = append(focus, fields[i+1])
		} else {
			filters = append(filters, fields[i+1])
		}
	}
	again, err := scenario.ParseFilter(focus, filters)
	if err != nil || !reflect.DeepEqual(again, f) {
		t.Errorf("round trip: %+v %v, want %+v", again, err, f)
	}
	if (scenario.Filter{}).String() != "" || !(scenario.Filter{}).IsZero() || f.IsZero() {
		t.Error("the zero filter is not zero")
	}
}

// TestSelectKeepsVariantAndOrder: a selection of a variant keeps the
// variant's tracks and seats in the picture's order.
func TestSelectKeepsVariantAndOrder(t *testing.T) {
	s := loadExampleFile(t)
	sel := selectIn(t, s, "trump-meets-putin-first", []string{"putin"}, nil)
	got := idsOf(sel)
	want := []string{"call-trump-putin/putin/participant", "trump-putin-summit/putin/participant"}
	if !slices.Equal(got.Seats, want) || sel.Variant == nil || sel.Variant.ID != "trump-meets-putin-first" {
		t.Errorf("seats %v (variant %v), want %v", got.Seats, sel.Variant, want)
	}
}

func FuzzParseFilter(f *testing.F) {
	f.Add("track:riyadh,us", "role=participant,host")
	f.Add("", "from=~2025-02,to=2025")
	f.Add("a:b:c", "=,=,kind=")
	f.Add(",", "certainty=confirmed,reported,kind=state")
	s := loadExampleFile(f)
	p, err := s.ResolveAll("")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, focus, filter string) {
		flt, err := scenario.ParseFilter([]string{focus}, []string{filter})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "scenario: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		var fs, ks []string
		fs = append(fs, flt.Focus...)
		if text := flt.String(); text != "" {
			for _, part := range strings.Split(text, " -filter ")[1:] {
				ks = append(ks, part)
			}
		}
		again, err := scenario.ParseFilter(fs, ks)
		if err != nil || !reflect.DeepEqual(again, flt) {
			t.Fatalf("%q %q: round trip %+v %v, want %+v", focus, filter, again, err, flt)
		}
		if sel, err := p.Select(flt); err == nil {
			if len(sel.Seats) > len(p.Seats) || len(sel.Tracks) > len(p.Tracks) {
				t.Fatal("a filter added things")
			}
		}
	})
}

// TestFilterKindOfTrack: kind= names actor kinds; a track's kind there
// says so and points to -focus.
func TestFilterKindOfTrack(t *testing.T) {
	_, err := scenario.ParseFilter(nil, []string{"kind=summit"})
	if err == nil || !strings.Contains(err.Error(), `"summit" is a kind of track: to see one track, use -focus track:ID`) {
		t.Errorf("got %v", err)
	}
}
