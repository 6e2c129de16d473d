package scenario

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The validation passes check what a well-typed file can still get wrong:
// ids, references, person-only fields, dates, codes and contradictory seats.
// Empty values are skipped here: a missing or mistyped value has been
// reported by the decoder already, and reporting it again as a dangling
// reference would only add noise.

var (
	idSyntax       = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	isoSyntax      = regexp.MustCompile(`^[A-Z]{2,3}$`)
	wikidataSyntax = regexp.MustCompile(`^Q[0-9]+$`)
)

// idSet is the ids of one collection, in file order.
type idSet struct {
	coll  string         // its key path: "actors", "variants[2].tracks"
	what  string         // what one element is: "actor"
	order []string       // ids in file order, each once
	first map[string]int // id → index of the first element with it
	used  map[string]bool
}

func newIDSet(coll, what string) *idSet {
	return &idSet{coll: coll, what: what, first: map[string]int{}, used: map[string]bool{}}
}

func (s *idSet) has(id string) bool { _, ok := s.first[id]; return ok }

// idPath is the key path of the id of the first element with id.
func (s *idSet) idPath(id string) string { return elemPath(s.coll, s.first[id]+1) + ".id" }

// validator holds what the checks look up: the ids of each collection, the
// actors by id, and the base seats by (track, actor, role) and by (track,
// actor, "").
type validator struct {
	*loader
	s                                                     *Scenario
	actors, tracks, sources, events, statements, variants *idSet
	actor                                                 map[string]*Actor
	baseSeats                                             map[SeatRef]bool
	starts                                                map[[2]string][]Date // see seatStarts
}

func (l *loader) validate(s *Scenario) {
	v := &validator{loader: l, s: s, actor: map[string]*Actor{}}
	v.actors = v.collect("actors", "actor", len(s.Actors), func(i int) string { return s.Actors[i].ID })
	v.tracks = v.collect("tracks", "track", len(s.Tracks), func(i int) string { return s.Tracks[i].ID })
	v.sources = v.collect("sources", "source", len(s.Sources), func(i int) string { return s.Sources[i].ID })
	v.events = v.collect("events", "event", len(s.Events), func(i int) string { return s.Events[i].ID })
	v.statements = v.collect("statements", "statement", len(s.Statements), func(i int) string { return s.Statements[i].ID })
	v.variants = v.collect("variants", "variant", len(s.Variants), func(i int) string { return s.Variants[i].ID })
	for i := range s.Actors {
		if a := &s.Actors[i]; v.actor[a.ID] == nil {
			v.actor[a.ID] = a
		}
	}
	v.baseSeats = map[SeatRef]bool{}
	for _, st := range s.Seats {
		v.baseSeats[SeatRef{st.Track, st.Actor, st.Role}] = true
		v.baseSeats[SeatRef{st.Track, st.Actor, ""}] = true
	}
	for i, e := range s.Events {
		if v.tracks.has(e.ID) {
			v.errorRef(atValue, elemPath("events", i+1)+".id", v.tracks.idPath(e.ID),
				fmt.Sprintf("event id %q is also a track id (see ", e.ID), `); a statement's "at" could not tell them apart`)
		}
	}

	for i := range s.Sources {
		v.source(elemPath("sources", i+1), &s.Sources[i])
	}
	for i := range s.Actors {
		v.checkActor(elemPath("actors", i+1), &s.Actors[i])
	}
	for i := range s.Tracks {
		v.track(elemPath("tracks", i+1), &s.Tracks[i], true)
	}
	v.seats("seats", s.Seats, []*idSet{v.tracks}, nil, v.baseTrack)
	for i := range s.Events {
		v.event(elemPath("events", i+1), &s.Events[i])
	}
	for i := range s.Statements {
		v.statement(elemPath("statements", i+1), &s.Statements[i])
	}
	for i := range s.Variants {
		v.variant(elemPath("variants", i+1), &s.Variants[i])
	}
	v.unused()
	v.lintText() // lint_text.go
	v.bidiControls()
}

// collect checks the syntax and uniqueness of a collection's ids.
func (v *validator) collect(coll, what string, n int, id func(int) string) *idSet {
	set := newIDSet(coll, what)
	for i := range n {
		id := id(i)
		if id == "" {
			continue
		}
		path := elemPath(coll, i+1) + ".id"
		v.idSyntax(path, id)
		if set.has(id) {
			v.errorRef(atValue, path, set.idPath(id), fmt.Sprintf("duplicate %s id %q (first defined at ", what, id), ")")
			continue
		}
		set.first[id] = i
		set.order = append(set.order, id)
	}
	return set
}

func (v *validator) idSyntax(path, id string) {
	if idSyntax.MatchString(id) {
		return
	}
	msg := fmt.Sprintf(`bad id %q: ids use lower-case letters, digits, "-", "_" and ".", and start with a letter or digit`, id)
	fixed := strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case r < 0x80 && (isBareKeyByte(byte(r)) || r == '.'):
			return r
		}
		return -1
	}, strings.ToLower(strings.TrimLeft(strings.TrimSpace(id), "-_.")))
	if idSyntax.MatchString(fixed) {
		msg += fmt.Sprintf("; did you mean %q?", fixed)
	}
	v.errorf(atValue, path, "%s", msg)
}

// ref checks that id names an element of one of sets, marking it used, and
// reports it at path when it does not: as an id of another kind when it is
// one ("fr" is an actor, not a track), else with the closest id of the
// right kind, or the ids there are when there are few.
func (v *validator) ref(path, id string, sets ...*idSet) bool {
	if id == "" {
		return false
	}
	found := false
	for _, set := range sets {
		if set.has(id) {
			set.used[id] = true
			found = true
		}
	}
	if found {
		return true
	}
	var whats []string
	n := 0
	for _, set := range sets {
		if v.broken[set.coll] {
			v.loose[id] = true
			return false // that collection could not be read; don't guess
		}
		if !slices.Contains(whats, set.what) {
			whats = append(whats, set.what)
		}
		n += len(set.order)
	}
	want := joinWords(whats, "or")
	msg := fmt.Sprintf("unknown %s %q", want, id)
	if other := v.kindOf(id); other != "" {
		msg = fmt.Sprintf("%q is %s, not %s", id, withArticle(other), withArticle(want))
	}
	var ids []string
	if n <= v.suggestions {
		ids = make([]string, 0, n)
		for _, set := range sets {
			ids = append(ids, set.order...)
		}
	}
	switch c := v.suggest(id, ids); {
	case c != "":
		msg += fmt.Sprintf("; did you mean %q?", c)
		v.loose[c] = true // the reference the user meant; don't also warn it is unused
	case n == 0:
		msg += fmt.Sprintf(" (there are no %ss)", strings.Join(whats, "s or "))
	case len(ids) == n && n <= 8:
		quoted := make([]string, len(ids))
		for i, id := range ids {
			quoted[i] = strconv.Quote(id)
		}
		msg += fmt.Sprintf(" (the %ss: %s)", strings.Join(whats, "s and "), strings.Join(quoted, ", "))
	}
	if v.kindOf(id) == "" && len(sets) > 0 && !strings.Contains(sets[0].coll, "[") && id != "" {
		// Perhaps nothing was misspelled and the entry is missing.
		add := fmt.Sprintf("add it: [[%s]] with id = %q", sets[0].coll, id)
		if strings.HasSuffix(msg, "?") {
			msg += " If not, " + add
		} else {
			msg += "; " + add
		}
	}
	v.errorf(atValue, path, "%s", msg)
	return false
}

// kindOf is what id is in the base scenario ("actor", "track" ...), or "".
func (v *validator) kindOf(id string) string {
	for _, set := range []*idSet{v.actors, v.tracks, v.events, v.sources, v.statements, v.variants} {
		if set.has(id) {
			return set.what
		}
	}
	return ""
}

// refs checks each id of a list of references.
func (v *validator) refs(path string, ids []string, sets ...*idSet) {
	for i, id := range ids {
		v.ref(elemPath(path, i+1), id, sets...)
	}
}

func (v *validator) source(path string, s *Source) {
	if s.URL == "" {
		return
	}
	if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.errorf(atValue, path+".url", "bad URL %q: write a full http:// or https:// address", s.URL)
	}
}

func (v *validator) checkActor(path string, a *Actor) {
	notPerson := a.Kind != "" && a.Kind != KindPerson
	if a.Office != "" && notPerson {
		v.errorf(atKey, path+".office", "only a person has an office, and %q is %s", a.ID, withArticle(string(a.Kind)))
	}
	for _, k := range []struct {
		key string
		d   Date
	}{{"office_from", a.OfficeFrom}, {"office_to", a.OfficeTo}} {
		switch {
		case k.d.IsZero():
		case notPerson:
			v.errorf(atKey, path+"."+k.key, "only a person has an office, and %q is %s", a.ID, withArticle(string(a.Kind)))
		case a.Office == "" && !v.broken[path+".office"]:
			v.warnf(atKey, path+"."+k.key, "%s dates an office, but %q has none: add office = \"…\"", k.key, a.ID)
		}
	}
	v.dateOrder(path, "office_from", a.OfficeFrom, "office_to", a.OfficeTo)
	if a.Represents != "" {
		if notPerson {
			v.errorf(atKey, path+".represents", "only a person represents another actor, and %q is %s", a.ID, withArticle(string(a.Kind)))
		} else if v.ref(path+".represents", a.Represents, v.actors) {
			if t := v.actor[a.Represents]; t.Kind == KindPerson {
				v.errorf(atValue, path+".represents", "%q is a person; represents names the state, bloc, organisation or group a person speaks for", t.ID)
			}
		}
	}
	for i, m := range a.Memberships {
		mp := elemPath(path+".memberships", i+1)
		switch {
		case m.Of == "" || !v.ref(mp+".of", m.Of, v.actors):
		case m.Of == a.ID:
			v.errorf(atValue, mp+".of", "an actor cannot be a member of itself")
		case v.actor[m.Of].Kind == KindState || v.actor[m.Of].Kind == KindPerson:
			v.errorf(atValue, mp+".of", "%q is %s; a membership is of a bloc, organisation or group", m.Of, withArticle(string(v.actor[m.Of].Kind)))
		}
		v.dateOrder(mp, "from", m.From, "to", m.To)
	}
	if a.ISO != "" && !isoSyntax.MatchString(a.ISO) {
		msg := fmt.Sprintf("bad ISO code %q: write 2 or 3 upper-case letters, as \"FR\" or \"FRA\"", a.ISO)
		if up := strings.ToUpper(a.ISO); isoSyntax.MatchString(up) {
			msg += fmt.Sprintf("; did you mean %q?", up)
		}
		v.errorf(atValue, path+".iso", "%s", msg)
	}
	if a.Wikidata != "" && !wikidataSyntax.MatchString(a.Wikidata) {
		msg := fmt.Sprintf("bad Wikidata id %q: write Q followed by digits, as \"Q212\"", a.Wikidata)
		if up := "Q" + strings.TrimLeft(a.Wikidata, "qQ"); wikidataSyntax.MatchString(up) {
			msg += fmt.Sprintf("; did you mean %q?", up)
		}
		v.errorf(atValue, path+".wikidata", "%s", msg)
	}
}

// track checks a base track (base) or a variant's track.
func (v *validator) track(path string, t *Track, base bool) {
	v.dateOrder(path, "start", t.Start, "end", t.End)
	v.trackTime(path, t, base)
	v.refs(path+".sources", t.Sources, v.sources)
	if base && v.unsourced(path, t.Sources) {
		v.warnf(atValue, path, "track %q cites no source", t.ID)
	}
}

// seats checks a list of seats at coll: the base's when removed is nil, else
// a variant's, removed being the tracks it removes. tracks are the sets a
// seat's track may name.
func (v *validator) seats(coll string, seats []Seat, tracks []*idSet, removed map[string]bool, track func(id string) *Track) {
	base := removed == nil
	seated := map[[2]string]bool{} // (track, actor) pairs with a seat here, for replaced_by
	for _, st := range seats {
		seated[[2]string{st.Track, st.Actor}] = true
	}
	for i := range seats {
		st := &seats[i]
		p := elemPath(coll, i+1)
		if v.ref(p+".track", st.Track, tracks...) && removed[st.Track] {
			v.errorf(atValue, p+".track", "track %q is removed by this variant (remove_tracks)", st.Track)
		}
		v.ref(p+".actor", st.Actor, v.actors)
		v.refs(p+".claimed_by", st.ClaimedBy, v.actors)
		v.refs(p+".invited_by", st.InvitedBy, v.actors)
		v.refs(p+".sources", st.Sources, v.sources)
		v.dateOrder(p, "from", st.From, "to", st.To)
		v.seatTime(p, st, seated, track(st.Track))
		if base && v.unsourced(p, st.Sources) {
			v.warnf(atValue, p, "seat of %q at %q cites no source", st.Actor, st.Track)
		}
		if st.Certainty == Claimed && len(st.ClaimedBy) == 0 {
			v.warnf(atValue, p+".certainty", "a claimed seat should say who claims it: add claimed_by = [\"ACTOR\"]")
		}
	}
	v.contradictions(coll, seats)
}

func (v *validator) event(path string, e *Event) {
	v.ref(path+".track", e.Track, v.tracks)
	v.refs(path+".actors", e.Actors, v.actors)
	v.refs(path+".sources", e.Sources, v.sources)
	if v.unsourced(path, e.Sources) {
		v.warnf(atValue, path, "event %q cites no source", e.ID)
	}
}

func (v *validator) statement(path string, st *Statement) {
	v.ref(path+".speaker", st.Speaker, v.actors)
	if st.At != "" && v.actors.has(st.At) && !v.tracks.has(st.At) && !v.events.has(st.At) {
		v.actors.used[st.At] = true
		v.errorf(atValue, path+".at", "%q is an actor; at names the track or event where it was said (speaker and about name actors)", st.At)
	} else {
		v.ref(path+".at", st.At, v.tracks, v.events)
	}
	for i, id := range st.About {
		p := elemPath(path+".about", i+1)
		if v.ref(p, id, v.actors, v.tracks, v.events) && v.actors.has(id) && (v.tracks.has(id) || v.events.has(id)) {
			v.errorf(atValue, p, "%q is both an actor and a track or event; give one of them another id", id)
		}
	}
	v.refs(path+".sources", st.Sources, v.sources)
	if v.unsourced(path, st.Sources) {
		v.warnf(atValue, path, "statement %q cites no source", st.ID)
	}
	v.statementTime(path, st)
}

func (v *validator) variant(path string, vr *Variant) {
	own := v.collect(path+".tracks", "track", len(vr.Tracks), func(i int) string { return vr.Tracks[i].ID })
	for i := range vr.Tracks {
		v.track(elemPath(path+".tracks", i+1), &vr.Tracks[i], false)
	}
	removed := map[string]bool{}
	for i, id := range vr.RemoveTracks {
		if v.ref(elemPath(path+".remove_tracks", i+1), id, v.tracks) && !own.has(id) {
			removed[id] = true
		}
	}
	v.seats(path+".seats", vr.Seats, []*idSet{v.tracks, own}, removed, func(id string) *Track {
		if own.has(id) {
			return &vr.Tracks[own.first[id]]
		}
		return v.baseTrack(id)
	})
	v.keptSeatTimes(path, vr, own)
	for i, r := range vr.RemoveSeats {
		p := elemPath(path+".remove_seats", i+1)
		okT := v.ref(p+".track", r.Track, v.tracks)
		okA := v.ref(p+".actor", r.Actor, v.actors)
		if okT && okA && !v.baseSeats[r] {
			as := ""
			if r.Role != "" {
				as = " as " + string(r.Role)
			}
			v.warnf(atValue, p, "removes nothing: the base has no seat of %q%s at %q", r.Actor, as, r.Track)
		}
	}
}

// unsourced reports whether the claim at path cites no source (and it, and
// its sources key if any, could be read).
func (v *validator) unsourced(path string, sources []string) bool {
	return len(sources) == 0 && !v.broken[path+".sources"] && !v.broken[path]
}

// dateOrder reports an end (b) before its start (a).
func (v *validator) dateOrder(path, aKey string, a Date, bKey string, b Date) {
	if !a.IsZero() && !b.IsZero() && b.Before(a) {
		end, start := b.String(), a.String()
		if b.Approx || b.Day == 0 {
			end += " (at the latest " + FromTime(b.Latest()).Human() + ")"
		}
		if a.Approx || a.Day == 0 {
			start += " (at the earliest " + FromTime(a.Earliest()).Human() + ")"
		}
		v.errorf(atValue, path+"."+bKey, "%s = %s is before %s = %s", bKey, end, aKey, start)
	}
}

// unused warns of actors and sources nothing refers to, and of base tracks
// without seats; not of ids that the file may refer to in a value that
// could not be read (see loader.loose).
func (v *validator) unused() {
	for i, a := range v.s.Actors {
		if a.ID != "" && !v.actors.used[a.ID] && !v.loose[a.ID] && v.actors.first[a.ID] == i {
			v.warnf(atValue, elemPath("actors", i+1)+".id", "actor %q is never referred to (no seat, event, statement or other actor names it)", a.ID)
		}
	}
	for i, s := range v.s.Sources {
		if s.ID != "" && !v.sources.used[s.ID] && !v.loose[s.ID] && v.sources.first[s.ID] == i {
			v.warnf(atValue, elemPath("sources", i+1)+".id", "source %q is never cited", s.ID)
		}
	}
	seated := map[string]bool{}
	for _, st := range v.s.Seats {
		seated[st.Track] = true
	}
	for i, t := range v.s.Tracks {
		if t.ID != "" && !seated[t.ID] && !v.loose[t.ID] {
			v.warnf(atValue, elemPath("tracks", i+1)+".id", "track %q has no seats", t.ID)
		}
	}
}

// withArticle is "a state", "an organisation".
func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}
