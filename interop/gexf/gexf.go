// Package gexf writes a resolved scenario as a GEXF 1.3 graph, the format
// Gephi reads (https://gexf.net): actors and tracks as nodes, seats as
// edges from actor to track carrying their role and certainty, with time
// spells from the seats' dates (or their tracks'), so Gephi's timeline can
// play the negotiation; memberships (actor to bloc) and representation
// (person to actor) as edges too, each edge's "type" saying which.
//
// The output is valid against the GEXF 1.3 XML Schema (the tests check it
// with xmllint against the published XSD). A date known only to the month
// or year spans every day it may mean; an approximate one the days it may
// be off by as well.
package gexf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/interop"
	"github.com/parleyhq/parley/scenario"
)

// Namespace is GEXF 1.3's XML namespace.
const Namespace = "http://gexf.net/1.3"

// attribute is a declared attribute of nodes or edges.
type attribute struct{ id, title, typ string }

var nodeAttrs = []attribute{
	{"type", "type", "string"}, // actor or track
	{"kind", "kind", "string"},
	{"name", "name", "string"},
	{"office", "office", "string"},
	{"represents", "represents", "string"},
	{"iso", "iso", "string"},
	{"wikidata", "wikidata", "string"},
	{"venue", "venue", "string"},
	{"status", "status", "string"},
	{"certainty", "certainty", "string"},
	{"dates", "dates", "string"},
	{"announced", "announced", "string"},
	{"suspended", "suspended", "string"},
	{"sources", "sources", "string"},
	{"note", "note", "string"},
	{"context", "context", "boolean"},
}

var edgeAttrs = []attribute{
	{"type", "type", "string"}, // seat, membership or represents
	{"role", "role", "string"},
	{"certainty", "certainty", "string"},
	{"claimed_by", "claimed by", "string"},
	{"invited_by", "invited by", "string"},
	{"dates", "dates", "string"},
	{"ended", "ended", "string"},
	{"replaced_by", "replaced by", "string"},
	{"sources", "sources", "string"},
	{"note", "note", "string"},
	{"what_if", "what if", "boolean"},
}

// Write writes the selection as one GEXF 1.3 document. created is the
// document's date (meta lastmodifieddate): pass the zero time for none,
// so the output depends only on the scenario.
func Write(w io.Writer, sel *scenario.Selection, created time.Time) error {
	c := interop.Collect(sel)
	g := &writer{}
	g.raw(xml.Header)
	g.open("gexf", "xmlns", Namespace, "version", "1.3")
	meta := []string{}
	if !created.IsZero() {
		meta = append(meta, "lastmodifieddate", created.Format("2006-01-02"))
	}
	g.open("meta", meta...)
	g.text("creator", "Parley")
	desc := clean(sel.Scenario.Meta.Title)
	if sel.Variant != nil {
		desc += " — what if: " + clean(sel.Variant.Name)
	}
	if d := sel.Describe(); d != "" {
		desc += " — " + d
	}
	g.text("description", desc)
	g.close("meta")

	type edge struct {
		source, target, kind string
		attrs                map[string]string
		from, to             scenario.Date
	}
	var edges []edge
	baseSeats := map[string]bool{}
	for _, st := range sel.Scenario.Seats {
		baseSeats[fmt.Sprintf("%#v", st)] = true
	}
	for _, st := range sel.Seats {
		from, to := interop.SeatSpan(sel, st)
		attrs := map[string]string{"type": "seat", "role": string(st.Role), "certainty": string(st.Certainty),
			"claimed_by": strings.Join(st.ClaimedBy, " "), "invited_by": strings.Join(st.InvitedBy, " "),
			"sources": strings.Join(st.Sources, " "), "note": st.Note, "dates": dateText(st.From, st.To),
			"ended": string(st.Ended), "replaced_by": st.ReplacedBy}
		if sel.Variant != nil && !baseSeats[fmt.Sprintf("%#v", st)] {
			attrs["what_if"] = "true"
		}
		edges = append(edges, edge{"actor:" + st.Actor, "track:" + st.Track, "seat-" + string(st.Role), attrs, from, to})
	}
	inExport := map[string]bool{}
	for _, a := range c.Actors {
		inExport[a.ID] = true
	}
	for _, a := range c.Actors {
		for _, m := range a.Memberships {
			if inExport[m.Of] {
				edges = append(edges, edge{"actor:" + a.ID, "actor:" + m.Of, "membership",
					map[string]string{"type": "membership", "dates": dateText(m.From, m.To)}, m.From, m.To})
			}
		}
		if a.Kind == scenario.KindPerson && inExport[a.Represents] {
			edges = append(edges, edge{"actor:" + a.ID, "actor:" + a.Represents, "represents", map[string]string{"type": "represents"}, scenario.Date{}, scenario.Date{}})
		}
	}
	dynamic := false
	for _, e := range edges {
		dynamic = dynamic || !e.from.IsZero() || !e.to.IsZero()
	}
	for _, t := range sel.Tracks {
		dynamic = dynamic || !t.Start.IsZero()
	}
	graph := []string{"defaultedgetype", "directed"}
	if dynamic {
		graph = append(graph, "mode", "dynamic", "timeformat", "date", "timerepresentation", "interval")
	} else {
		graph = append(graph, "mode", "static")
	}
	g.open("graph", graph...)
	g.attributes("node", nodeAttrs)
	g.attributes("edge", edgeAttrs)

	g.open("nodes", "count", strconv.Itoa(len(c.Actors)+len(sel.Tracks)))
	for _, a := range c.Actors {
		attrs := map[string]string{"type": "actor", "kind": string(a.Kind), "name": a.Name, "office": a.Office,
			"represents": a.Represents, "iso": a.ISO, "wikidata": a.Wikidata, "note": a.Note}
		if !c.Shown[a.ID] {
			attrs["context"] = "true"
		}
		g.open("node", "id", "actor:"+a.ID, "label", label(a.Label()))
		g.attvalues(nodeAttrs, attrs)
		g.close("node")
	}
	for _, t := range sel.Tracks {
		attrs := map[string]string{"type": "track", "kind": string(t.Kind), "name": t.Name, "venue": t.Venue,
			"status": string(t.Status), "certainty": string(t.Certainty), "dates": joinNonEmpty(" · ", dateText(t.Start, t.End), t.When),
			"announced": t.Announced.String(), "sources": strings.Join(t.Sources, " "), "note": t.Note}
		var susp []string
		for _, sp := range t.Suspended {
			text := dateText(sp.From, sp.To)
			if sp.Reason != "" {
				text += " (" + sp.Reason + ")"
			}
			susp = append(susp, text)
		}
		if len(susp) > 0 {
			attrs["suspended"] = strings.Join(susp, "; ")
		}
		g.open("node", "id", "track:"+t.ID, "label", label(t.Name))
		g.attvalues(nodeAttrs, attrs)
		g.trackSpells(&t)
		g.close("node")
	}
	g.close("nodes")
	g.open("edges", "count", strconv.Itoa(len(edges)))
	for i, e := range edges {
		g.open("edge", "id", "e"+strconv.Itoa(i+1), "source", e.source, "target", e.target, "kind", e.kind, "label", label(e.attrs["role"]))
		g.attvalues(edgeAttrs, e.attrs)
		g.spell(e.from, e.to)
		g.close("edge")
	}
	g.close("edges")
	g.close("graph")
	g.close("gexf")
	if _, err := w.Write(g.b.Bytes()); err != nil {
		return fmt.Errorf("gexf: %w", err)
	}
	return nil
}

// writer builds the document as text: the XML is small and flat, and
// writing it directly keeps attribute order and indentation stable.
type writer struct {
	b     bytes.Buffer
	depth int
}

func (g *writer) raw(s string) { g.b.WriteString(s) }

func (g *writer) indent() { g.b.WriteString(strings.Repeat("  ", g.depth)) }

// open writes a start tag with attributes given as name, value pairs;
// attributes with empty values are left out.
func (g *writer) open(name string, attrs ...string) {
	g.indent()
	g.b.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		g.b.WriteString(" " + attrs[i] + `="`)
		xmlEscape(&g.b, attrs[i+1])
		g.b.WriteString(`"`)
	}
	g.b.WriteString(">\n")
	g.depth++
}

func (g *writer) close(name string) {
	g.depth--
	g.indent()
	g.b.WriteString("</" + name + ">\n")
}

func (g *writer) empty(name string, attrs ...string) {
	g.open(name, attrs...)
	g.b.Truncate(g.b.Len() - 2)
	g.b.WriteString("/>\n")
	g.depth--
}

func (g *writer) text(name, text string) {
	g.indent()
	g.b.WriteString("<" + name + ">")
	xmlEscape(&g.b, text)
	g.b.WriteString("</" + name + ">\n")
}

func (g *writer) attributes(class string, attrs []attribute) {
	g.open("attributes", "class", class, "mode", "static")
	for _, a := range attrs {
		g.empty("attribute", "id", a.id, "title", a.title, "type", a.typ)
	}
	g.close("attributes")
}

func (g *writer) attvalues(decl []attribute, vals map[string]string) {
	n := 0
	for _, a := range decl {
		if vals[a.id] != "" {
			n++
		}
	}
	if n == 0 {
		return
	}
	g.open("attvalues")
	for _, a := range decl {
		if v := clean(vals[a.id]); v != "" {
			g.empty("attvalue", "for", a.id, "value", v)
		}
	}
	g.close("attvalues")
}

// spell writes when something holds: from the first day start may mean to
// the last day end (or start) may mean; open at an end that is not given.
func (g *writer) spell(start, end scenario.Date) {
	if start.IsZero() && end.IsZero() {
		return
	}
	var attrs []string
	if !start.IsZero() {
		attrs = append(attrs, "start", start.Earliest().Format("2006-01-02"))
	}
	switch {
	case !end.IsZero():
		attrs = append(attrs, "end", end.Latest().Format("2006-01-02"))
	case !start.IsZero():
		// A date alone: every day it may mean (one, for a day).
		attrs = append(attrs, "end", start.Latest().Format("2006-01-02"))
	}
	g.open("spells")
	g.empty("spell", attrs...)
	g.close("spells")
}

// trackSpells writes when a track holds: from its start to its end, less
// the days it was suspended.
func (g *writer) trackSpells(t *scenario.Track) {
	if len(t.Suspended) == 0 || t.Start.IsZero() {
		g.spell(t.Start, t.End)
		return
	}
	const day = "2006-01-02"
	lo := t.Start.Earliest()
	hasEnd := !t.End.IsZero()
	hi := t.Start.Latest()
	if hasEnd {
		hi = t.End.Latest()
	}
	type iv struct{ a, b time.Time }
	var ivs []iv
	cur := lo
	open := true // the interval from cur is still running
	for _, sp := range t.Suspended {
		if sp.From.IsZero() {
			continue
		}
		from := sp.From.First()
		if from.After(cur) {
			ivs = append(ivs, iv{cur, from.AddDate(0, 0, -1)})
		}
		if sp.To.IsZero() {
			open = false // not resumed
			break
		}
		cur = sp.To.Last().AddDate(0, 0, 1)
	}
	last := open && !(hasEnd && cur.After(hi))
	if len(ivs) == 0 && !last {
		// Suspended from its start, never resumed: it held on no day
		// but its first.
		ivs = append(ivs, iv{lo, lo})
	}
	g.open("spells")
	for _, v := range ivs {
		g.empty("spell", "start", v.a.Format(day), "end", v.b.Format(day))
	}
	if last {
		if hasEnd {
			g.empty("spell", "start", cur.Format(day), "end", hi.Format(day))
		} else {
			g.empty("spell", "start", cur.Format(day))
		}
	}
	g.close("spells")
}

func dateText(from, to scenario.Date) string {
	switch {
	case !from.IsZero() && !to.IsZero():
		return from.String() + " – " + to.String()
	case !from.IsZero():
		return from.String()
	case !to.IsZero():
		return "– " + to.String()
	}
	return ""
}

// label is text for a label attribute (an XML token: one line).
func label(s string) string { return strings.Join(strings.Fields(clean(s)), " ") }

// clean drops the characters XML 1.0 cannot carry.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xfffe, r == 0xffff, r >= 0xd800 && r <= 0xdfff:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// xmlEscape writes s escaped for text or an attribute value in double
// quotes; line breaks in attributes are kept as character references.
func xmlEscape(b *bytes.Buffer, s string) {
	for _, r := range clean(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		case '\t':
			b.WriteString("&#x9;")
		default:
			b.WriteRune(r)
		}
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
