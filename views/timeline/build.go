package timeline

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/style"
)

// The timeline's own measures, in points.
const (
	margin     = 14.0
	laneHeadW  = 150.0 // the column of lane names
	axisGap    = 12.0  // between that column and the axis
	labelMax   = 300.0 // the widest a mark's label may be
	undatedW   = 210.0 // the column of undated marks
	rowH       = 34.0  // one row of marks: the marker, a title and a detail line
	rowGapX    = 10.0  // between marks in a row
	lanePad    = 5.0   // above and below a lane's rows
	titleSize  = style.LegendSize
	detailSize = style.EdgeLabelSize
	markerH    = 7.0 // height of a band, size of a marker
)

// markKind is what a mark shows.
type markKind int

const (
	markTrack markKind = iota
	markEvent
	markStatement
)

// mark is one track, event or statement in one lane.
type mark struct {
	ref    string
	kind   markKind
	order  int           // file order within its kind, for ties
	start  scenario.Date // as written; zero when undated
	end    scenario.Date // a track's end; zero for a point
	title  []style.Line  // the first line, in pieces (the speaker, then the stance)
	detail []style.Line  // the second line, in pieces
	color  drawing.Color // the marker's colour
	fill   drawing.Color // the marker's or band's fill
	stroke drawing.Stroke
	approx bool // a "~" date: drawn with a faint band as far as it may be off
	// suspended are a track's suspensions, drawn over its bar.
	suspended []scenario.Suspension

	// Placed by pack.
	undated      bool
	x0, x1       float64 // the band (or the marker's box)
	fx0, fx1     float64 // the faint band of an approximate date
	left, right  float64 // the mark's whole extent, label included
	labelX       float64
	row          int
	lane         *lane
	point        bool // a marker on a day rather than a band
	titleW, detW float64
}

// lane is one row of the timeline: a name and its marks in rows.
type lane struct {
	ref     string // "actor:ID", "track:ID" or ""
	head    style.Block
	marks   []*mark
	rows    int     // rows of dated marks
	undated int     // rows of undated marks
	y, h    float64 // placed
}

// Timeline is a timeline built and placed, ready to draw.
type Timeline struct {
	sel     *scenario.Selection
	opts    Options
	asOf    scenario.Date
	cites   *style.Citations
	heading style.Block
	lanes   []*lane
	marks   []*mark // every mark, in date order
	objects map[string]drawing.Object
	legend  []style.LegendEntry
	footer  style.Block
	base    map[string]bool // a variant's picture: the base tracks as they are

	axis          axis
	undatedX      float64
	top           float64 // where the axis begins
	width, height float64
}

// Build resolves the scenario for opts, selects what opts.Filter keeps,
// makes the marks and lanes and places them.
func Build(s *scenario.Scenario, opts Options) (*Timeline, error) {
	// Every day's tracks and seats: a timeline is the picture over time,
	// with the as-of day marked on it.
	pic, err := s.ResolveAll(opts.Variant)
	if err != nil {
		return nil, err
	}
	sel, err := pic.Select(opts.Filter)
	if err != nil {
		return nil, err
	}
	t := &Timeline{sel: sel, opts: opts, asOf: opts.AsOf, cites: style.NewCitations(sel.Picture), objects: map[string]drawing.Object{}}
	if t.asOf.IsZero() {
		t.asOf = s.Meta.AsOf
	}
	if sel.Variant != nil {
		t.base = map[string]bool{}
		for _, tr := range s.Tracks {
			for _, vt := range sel.Tracks {
				if vt.ID == tr.ID && sameTrack(tr, vt) {
					t.base[tr.ID] = true
				}
			}
		}
	}
	t.makeLanes()
	t.place()
	t.makeLegend()
	return t, nil
}

func sameTrack(a, b scenario.Track) bool {
	return a.Name == b.Name && a.Kind == b.Kind && a.Venue == b.Venue && a.Start == b.Start && a.End == b.End &&
		a.When == b.When && a.Status == b.Status && a.Certainty == b.Certainty && a.Note == b.Note &&
		slices.Equal(a.Sources, b.Sources)
}

// laneSet collects lanes by key in the order they are asked for.
type laneSet struct {
	byKey map[string]*lane
	order []string
}

func (ls *laneSet) get(key string, make func() *lane) *lane {
	if l, ok := ls.byKey[key]; ok {
		return l
	}
	l := make()
	ls.byKey[key] = l
	ls.order = append(ls.order, key)
	return l
}

func (t *Timeline) makeLanes() {
	sel := t.sel
	ls := &laneSet{byKey: map[string]*lane{}}
	trackMarks := map[string]*mark{}
	// Tracks in date order, as the participation view lays them out.
	tracks := make([]*scenario.Track, len(sel.Tracks))
	for i := range sel.Tracks {
		tracks[i] = &sel.Tracks[i]
	}
	slices.SortStableFunc(tracks, func(a, b *scenario.Track) int { return compareDates(a.Start, b.Start) })
	for i, tr := range tracks {
		m := t.trackMark(tr, i)
		trackMarks[tr.ID] = m
		t.objects[m.ref] = style.TrackObject(sel.Picture, tr)
	}
	actorLane := func(id string) *lane {
		if t.opts.Detail == Delegations {
			if a := sel.Actor(id); a != nil && a.Kind == scenario.KindPerson && sel.Actor(a.Represents) != nil {
				id = a.Represents
			}
		}
		return ls.get("actor:"+id, func() *lane { return t.actorLane(id) })
	}
	other := func() *lane {
		return ls.get("", func() *lane {
			name := "Other"
			if t.opts.Lanes == ByTrack {
				name = "Not at a track"
			}
			return &lane{head: style.Stack(style.Measure(name, drawing.Bold, style.NameSize-1, style.Muted))}
		})
	}
	eventTrack := map[string]string{}
	for _, e := range sel.Scenario.Events {
		eventTrack[e.ID] = e.Track
	}

	if t.opts.Lanes == ByTrack {
		for _, tr := range tracks {
			l := ls.get("track:"+tr.ID, func() *lane { return t.trackLane(tr) })
			l.add(trackMarks[tr.ID])
		}
	} else if len(tracks) > 0 {
		l := ls.get("tracks", func() *lane {
			return &lane{head: style.Stack(style.Measure("Negotiating tracks", drawing.Bold, style.NameSize-1, style.Ink))}
		})
		for _, tr := range tracks {
			l.add(trackMarks[tr.ID])
		}
	}

	// Actor lanes in file order of the actors, whatever order marks come in.
	if t.opts.Lanes == ByActor {
		for _, a := range sel.Actors {
			if t.hasMarks(a.ID) {
				actorLane(a.ID)
			}
		}
	}
	for i, e := range sel.Events {
		place := func(l *lane) {
			m := t.eventMark(e, i)
			l.add(m)
		}
		t.objects["event:"+e.ID] = style.EventObject(sel.Picture, e)
		switch {
		case t.opts.Lanes == ByTrack && sel.Has("track:"+e.Track):
			place(ls.byKey["track:"+e.Track])
		case t.opts.Lanes == ByTrack || len(e.Actors) == 0:
			place(other())
		default:
			// In the lane of each of its actors (once per lane).
			seen := map[*lane]bool{}
			for _, id := range e.Actors {
				if sel.Actor(id) == nil {
					continue
				}
				l := actorLane(id)
				if !seen[l] {
					seen[l] = true
					place(l)
				}
			}
			if len(seen) == 0 {
				place(other())
			}
		}
	}
	for i, st := range sel.Statements {
		m := t.statementMark(st, i)
		t.objects[m.ref] = style.StatementObject(sel.Picture, st)
		at := st.At
		if tr, ok := eventTrack[at]; ok {
			at = tr
		}
		switch {
		case t.opts.Lanes == ByTrack && at != "" && sel.Has("track:"+at):
			ls.byKey["track:"+at].add(m)
		case t.opts.Lanes == ByTrack || sel.Actor(st.Speaker) == nil:
			other().add(m)
		default:
			actorLane(st.Speaker).add(m)
		}
	}
	for _, key := range ls.order {
		l := ls.byKey[key]
		if len(l.marks) > 0 {
			t.lanes = append(t.lanes, l)
		}
	}
	// The "other" lane last.
	slices.SortStableFunc(t.lanes, func(a, b *lane) int { return cmp.Compare(boolInt(a == ls.byKey[""]), boolInt(b == ls.byKey[""])) })
	for _, l := range t.lanes {
		t.marks = append(t.marks, l.marks...)
	}
	slices.SortStableFunc(t.marks, compareMarks)
	for _, m := range t.marks {
		// Numbered in reading order.
		m.detail = append(m.detail, t.citeLine(m)...)
	}
	t.heading = style.Heading(t.sel, "Timeline", t.asOf, 640)
}

// hasMarks reports whether an actor has events or statements to show.
func (t *Timeline) hasMarks(id string) bool {
	for _, e := range t.sel.Events {
		if slices.Contains(e.Actors, id) {
			return true
		}
	}
	for _, st := range t.sel.Statements {
		if st.Speaker == id {
			return true
		}
	}
	return false
}

func (l *lane) add(m *mark) {
	if m == nil {
		return
	}
	c := *m // a mark may show in several lanes
	c.lane = l
	l.marks = append(l.marks, &c)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// compareDates orders dates by the first day they may mean, undated last.
func compareDates(a, b scenario.Date) int {
	if a.IsZero() || b.IsZero() {
		return cmp.Compare(boolInt(a.IsZero()), boolInt(b.IsZero()))
	}
	if c := a.First().Compare(b.First()); c != 0 {
		return c
	}
	return a.Last().Compare(b.Last())
}

// compareMarks is reading order: by date, then tracks, events and
// statements, each in file order.
func compareMarks(a, b *mark) int {
	if c := compareDates(a.start, b.start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	return cmp.Compare(a.order, b.order)
}

func (t *Timeline) actorLane(id string) *lane {
	a := t.sel.Actor(id)
	t.objects["actor:"+id] = style.ActorObject(t.sel.Picture, a)
	lines := style.WrapMax(a.Name, drawing.Bold, style.NameSize-1, style.Ink, laneHeadW-8, 2)
	detail := string(a.Kind)
	if a.Kind == scenario.KindPerson {
		detail = a.Office
		if of := t.sel.Actor(a.Represents); of != nil && t.opts.Detail != Delegations {
			detail = style.OneLine(of.Label()) + " · " + detail
		}
	}
	if t.opts.Detail == Delegations {
		var people []string
		for _, p := range t.sel.Scenario.Actors {
			if p.Kind == scenario.KindPerson && p.Represents == id && t.hasMarks(p.ID) {
				people = append(people, p.Label())
			}
		}
		if len(people) > 0 {
			detail = style.JoinNonEmpty(" · ", detail, strings.Join(people, ", "))
		}
	}
	lines = append(lines, style.WrapMax(detail, drawing.Regular, detailSize, style.Muted, laneHeadW-8, 2)...)
	return &lane{ref: "actor:" + id, head: style.Stack(lines...)}
}

func (t *Timeline) trackLane(tr *scenario.Track) *lane {
	lines := style.WrapMax(tr.Name, drawing.Bold, style.NameSize-1, style.Ink, laneHeadW-8, 2)
	lines = append(lines, style.WrapMax(style.JoinNonEmpty(" · ", string(tr.Kind), tr.Venue), drawing.Regular, detailSize, style.Muted, laneHeadW-8, 1)...)
	return &lane{ref: "track:" + tr.ID, head: style.Stack(lines...)}
}

func (t *Timeline) trackMark(tr *scenario.Track, order int) *mark {
	cs := style.Certainty(tr.Certainty)
	fill := style.StatusFill(tr.Status)
	if fill.A == 0 {
		fill = style.StatusFill(scenario.StatusPlanned)
	}
	start, end := tr.Start, tr.End
	if start.IsZero() && !end.IsZero() {
		start, end = end, scenario.Date{}
	}
	// A track still going on (under way or suspended, no end yet) runs to
	// the day drawn, so that its length and its suspensions show.
	ongoing := tr.Status == scenario.StatusUnderWay || tr.Status == scenario.StatusSuspended
	if end.IsZero() && ongoing && !start.IsZero() && !t.asOf.IsZero() && start.Before(t.asOf) {
		end = t.asOf
	}
	m := &mark{ref: "track:" + tr.ID, kind: markTrack, order: order, start: start, end: end,
		color: style.Ink, fill: fill, approx: start.Approx || end.Approx, suspended: tr.Suspended,
		stroke: drawing.Stroke{Color: style.Ink, Width: 1.1 * cs.Width, Dash: cs.Dash}}
	m.title = []style.Line{t.titleLine(tr.Name, drawing.Bold, style.Ink)}
	status := strings.ToUpper(string(tr.Status))
	if t.base != nil && !t.base[tr.ID] {
		status = style.JoinNonEmpty(" · ", "WHAT IF", status)
	}
	m.detail = []style.Line{t.detailLine(style.JoinNonEmpty(" · ", string(tr.Kind), tr.Venue, style.TrackWhen(tr), status, certaintyWord(tr.Certainty)), drawing.Regular, style.Muted)}
	return m
}

func (t *Timeline) eventMark(e *scenario.Event, order int) *mark {
	cs := style.Certainty(e.Certainty)
	fill := style.EventInk
	if hollow(e.Certainty) {
		fill = style.Paper
	}
	m := &mark{ref: "event:" + e.ID, kind: markEvent, order: order, start: e.Date, color: style.EventInk, fill: fill,
		approx: e.Date.Approx, stroke: drawing.Stroke{Color: style.EventInk, Width: 1.2 * cs.Width, Dash: cs.Dash}}
	m.title = []style.Line{t.titleLine(e.Title, drawing.Bold, style.Ink)}
	m.detail = []style.Line{t.detailLine(style.JoinNonEmpty(" · ", string(e.Kind), e.Place, e.Date.Human(), certaintyWord(e.Certainty)), drawing.Regular, style.Muted)}
	return m
}

func (t *Timeline) statementMark(st *scenario.Statement, order int) *mark {
	sl := style.Stance(st.Stance)
	date := t.sel.StatementDate(st)
	m := &mark{ref: "statement:" + st.ID, kind: markStatement, order: order, start: date, color: sl.Color, fill: sl.Color,
		approx: date.Approx, stroke: drawing.Stroke{Color: sl.Color, Width: 1.2}}
	speaker := st.Speaker
	if a := t.sel.Actor(st.Speaker); a != nil {
		speaker = a.Label()
	}
	m.title = []style.Line{t.titleLine(speaker, drawing.Bold, style.Ink)}
	if sl.Word != "" {
		m.title = append(m.title, style.Measure(" "+sl.Word, drawing.Bold, titleSize, style.Darken(sl.Color)))
	}
	if when := date.Human(); when != "" {
		m.title = append(m.title, style.Measure(" · "+when, drawing.Regular, detailSize, style.Muted))
	}
	// A quote in quotation marks, in italic; a paraphrase as plain text.
	text := style.OneLine(st.Text)
	if st.Quote {
		short := style.Shorten(text, drawing.Italic, detailSize, labelMax-12)
		m.detail = []style.Line{style.Measure("“"+short+"”", drawing.Italic, detailSize, style.Ink)}
	} else {
		m.detail = []style.Line{style.Measure(style.Shorten(text, drawing.Regular, detailSize, labelMax), drawing.Regular, detailSize, style.Muted)}
	}
	return m
}

func (t *Timeline) titleLine(text string, font drawing.FontStyle, c drawing.Color) style.Line {
	return style.Measure(style.Shorten(text, font, titleSize, labelMax), font, titleSize, c)
}

func (t *Timeline) detailLine(text string, font drawing.FontStyle, c drawing.Color) style.Line {
	return style.Measure(style.Shorten(text, font, detailSize, labelMax-30), font, detailSize, c)
}

// citeLine is a mark's source numbers, for the end of its detail line.
func (t *Timeline) citeLine(m *mark) []style.Line {
	var ids []string
	kind, id, _ := strings.Cut(m.ref, ":")
	switch kind {
	case "track":
		if tr := t.sel.Track(id); tr != nil {
			ids = tr.Sources
		}
	case "event":
		for _, e := range t.sel.Events {
			if e.ID == id {
				ids = e.Sources
			}
		}
	case "statement":
		for _, st := range t.sel.Statements {
			if st.ID == id {
				ids = st.Sources
			}
		}
	}
	if c := t.cites.Cite(ids); c != "" {
		return []style.Line{style.Measure(" "+c, drawing.Regular, detailSize, style.Faint)}
	}
	return []style.Line{style.Measure(" · no source", drawing.Italic, detailSize, style.ExcludedInk)}
}

// hollow reports whether a certainty is drawn as an outline only: what is
// not on the record or reported (claimed, disputed, speculative).
func hollow(c scenario.Certainty) bool {
	return c == scenario.Claimed || c == scenario.Disputed || c == scenario.Speculative
}

// certaintyWord is a certainty in words where the line style alone may
// not carry it (greyscale, small print): all but confirmed and reported.
func certaintyWord(c scenario.Certainty) string {
	if hollow(c) {
		return string(c)
	}
	return ""
}

// days is the number of days from a to b.
func days(a, b time.Time) float64 { return b.Sub(a).Hours() / 24 }
