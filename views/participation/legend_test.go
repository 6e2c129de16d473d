package participation

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

// TestLegendShowsEveryMark: in every checked picture, each mark the
// drawing uses (read from its Objects: roles and certainties of seats,
// statuses and certainties of tracks, kinds of actors, frames, what-if
// marks, notes, source numbers) has its legend entry.
func TestLegendShowsEveryMark(t *testing.T) {
	eng := layout.NewInProcess()
	for _, p := range checkedPictures(t) {
		d, err := Diagram(context.Background(), eng, p.s, p.opts)
		if err != nil {
			t.Fatal(err)
		}
		legend := map[string]bool{}
		for _, it := range d.Items {
			if strings.HasPrefix(it.Ref, "legend:") {
				legend[strings.TrimPrefix(it.Ref, "legend:")] = true
			}
		}
		need := map[string]string{}
		for ref, o := range d.Objects {
			switch o.Class {
			case "seat":
				need["role-"+o.Data["role"]] = ref
				need["certainty-"+o.Data["certainty"]] = ref
				if o.Data["mixed"] == "true" {
					need["mixed"] = ref
				}
			case "track":
				need["status-"+cmpOr(o.Data["status"], "none")] = ref
				need["certainty-"+cmpOr(o.Data["certainty"], "reported")] = ref
			case "actor":
				need["kind-"+o.Data["kind"]] = ref
			case "frame":
				need["frame-"+o.Data["kind"]] = ref // filled as its actor's kind, lighter
			case "note":
				need["notes"] = ref
			}
			if o.Data["what-if"] == "true" || (o.Class == "track" && strings.Contains(o.Tooltip, "What if")) {
				need["what-if"] = ref
			}
		}
		if len(d.Objects) > 0 && strings.Contains(strings.Join(drawingText(d), "\n"), "[2]") {
			need["sources"] = "source numbers"
		}
		for key, ref := range need {
			if !legend[key] {
				t.Errorf("%s: %s is drawn (%s) but the legend lacks it", p.name, key, ref)
			}
		}
	}
}

// TestSourcesInFull: every source cited by what is drawn is listed in the
// footer, numbered, never "and N more"; seats and tracks carry the numbers
// of the sources they cite.
func TestSourcesInFull(t *testing.T) {
	gaza := loadFiles(t, "../../examples/gaza-ceasefire-2024.toml")[0].s
	d := draw(t, gaza, Options{})
	all := strings.Join(drawingText(d), "\n")
	if strings.Contains(all, "more") {
		t.Error("the sources say \"and N more\"")
	}
	number := map[string]string{}
	for ref, o := range d.Objects {
		if o.Class == "source" {
			number[strings.TrimPrefix(ref, "source:")] = o.Data["number"]
		}
	}
	pic, _ := gaza.Resolve("", scenario.Date{})
	for _, st := range pic.Seats {
		ref := fmt.Sprintf("seat:%s/%s/%s", st.Track, st.Actor, st.Role)
		words := texts(d, ref)
		for _, id := range st.Sources {
			n := number[id]
			if n == "" {
				t.Errorf("source %s of %s is not in the footer", id, ref)
				continue
			}
			if !strings.Contains(words, n) {
				t.Errorf("%s cites %s, number %s, but says %q", ref, id, n, words)
			}
		}
	}
	for _, tr := range pic.Tracks {
		for _, id := range tr.Sources {
			if n := number[id]; n == "" || !strings.Contains(texts(d, "track:"+tr.ID), n) {
				t.Errorf("track %s cites %s (number %q) but says %q", tr.ID, id, n, texts(d, "track:"+tr.ID))
			}
		}
	}
	for _, src := range gaza.Sources {
		if number[src.ID] != "" && !strings.Contains(texts(d, "source:"+src.ID), src.Title) {
			t.Errorf("source %s is not listed in full: %q", src.ID, texts(d, "source:"+src.ID))
		}
	}
}

// TestArrowheadsApart: at every track, the arrowheads of different seats
// lie apart, along the side that faces their actors, in every checked
// picture.
func TestArrowheadsApart(t *testing.T) {
	eng := layout.NewInProcess()
	for _, p := range checkedPictures(t) {
		d, err := Diagram(context.Background(), eng, p.s, p.opts)
		if err != nil {
			t.Fatal(err)
		}
		tips := map[string][]drawing.Point{} // by track
		for _, it := range d.Items {
			if it.Kind != drawing.KindPolygon || !strings.HasPrefix(it.Ref, "seat:") {
				continue
			}
			track := d.Objects[it.Ref].Data["track"]
			r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}.union(boundsOf(it.Points))
			tips[track] = append(tips[track], drawing.Point{X: (r.x0 + r.x1) / 2, Y: (r.y0 + r.y1) / 2})
		}
		for track, ps := range tips {
			for i := range ps {
				for j := range i {
					if math.Hypot(ps[i].X-ps[j].X, ps[i].Y-ps[j].Y) < 8 {
						t.Errorf("%s: two arrowheads at %s lie %.1f pt apart", p.name, track, math.Hypot(ps[i].X-ps[j].X, ps[i].Y-ps[j].Y))
					}
				}
			}
		}
	}
}

// TestTopToBottomWraps: a top-to-bottom picture of the example is no
// strip: within an aspect of 1:3.
func TestTopToBottomWraps(t *testing.T) {
	for _, f := range loadFiles(t, "../../examples/*.toml") {
		d := draw(t, f.s, Options{Direction: TopToBottom})
		if r := max(d.Width/d.Height, d.Height/d.Width); r > 3 {
			t.Errorf("%s top to bottom: %.0f × %.0f pt, an aspect of 1:%.1f", f.name, d.Width, d.Height, r)
		}
	}
}

// TestLongAndBlankText: a name over scenario.MaxLabelLength is cut with an
// ellipsis in its box, in full in its tooltip; a blank one (only possible
// in a scenario made in code) is drawn as the id; a control character is
// drawn visibly, the same in the drawing, the DOT and the tooltip.
func TestLongAndBlankText(t *testing.T) {
	long := strings.Repeat("Extraordinary ", 30)
	s := &scenario.Scenario{
		Format: 1,
		Meta:   scenario.Meta{Title: "Text"},
		Actors: []scenario.Actor{
			{ID: "long", Name: long, Kind: scenario.KindState},
			{ID: "blank", Name: " \u200b ", Short: "  ", Kind: scenario.KindGroup},
			{ID: "bell", Name: "Bell\u0007Ringers", Kind: scenario.KindGroup},
		},
		Tracks: []scenario.Track{{ID: "t", Name: "Talks\u0085", Kind: scenario.TrackTalks}},
		Seats: []scenario.Seat{
			{Track: "t", Actor: "long", Role: scenario.RoleParticipant},
			{Track: "t", Actor: "blank", Role: scenario.RoleParticipant},
			{Track: "t", Actor: "bell", Role: scenario.RoleParticipant},
		},
	}
	d := draw(t, s, Options{})
	box := strings.ReplaceAll(texts(d, "actor:long"), " / ", " ")
	if !strings.HasSuffix(box, "…") || len([]rune(box)) > scenario.MaxLabelLength+1 {
		t.Errorf("a %d-character name is drawn as %q", len(long), box)
	}
	if !strings.Contains(d.Objects["actor:long"].Tooltip, strings.TrimSpace(long)) {
		t.Error("the tooltip lacks the full name")
	}
	if got := texts(d, "actor:blank"); got != "blank / group" {
		t.Errorf("a blank name is drawn as %q, want its id", got)
	}
	g, _ := Build(s, Options{})
	dot := string(g.DOT())
	for _, where := range []string{texts(d, "actor:bell"), texts(d, "track:t"), d.Objects["actor:bell"].Tooltip, dot} {
		if !strings.Contains(where, "Bell‹U+0007›Ringers") && !strings.Contains(where, "Talks‹U+0085›") {
			t.Errorf("control character not shown as ‹U+0007›/‹U+0085›: %.200q", where)
		}
		if strings.ContainsAny(where, "\u0007\u0085") {
			t.Errorf("a raw control character is drawn: %.200q", where)
		}
	}
}

// TestObjectsDescribeEveryRef: every item's Ref has an Object with a
// class and a tooltip; the drawing has the scenario's title and a
// description naming every track.
func TestObjectsDescribeEveryRef(t *testing.T) {
	for _, f := range loadFiles(t, "../../examples/*.toml") {
		d := draw(t, f.s, Options{})
		if d.Title != f.s.Meta.Title {
			t.Errorf("%s: title %q", f.name, d.Title)
		}
		for _, tr := range f.s.Tracks {
			if !strings.Contains(d.Desc, tr.Name) {
				t.Errorf("%s: the description lacks %q", f.name, tr.Name)
			}
		}
		seen := map[string]bool{}
		for _, it := range d.Items {
			if it.Ref == "" || seen[it.Ref] {
				continue
			}
			seen[it.Ref] = true
			o, ok := d.Objects[it.Ref]
			if !ok || o.Class == "" || o.Tooltip == "" {
				t.Errorf("%s: %s has no object, class or tooltip: %+v", f.name, it.Ref, o)
			}
			kind, _, _ := strings.Cut(it.Ref, ":")
			if want := map[string]string{"actor": "actor", "frame": "frame", "track": "track", "seat": "seat", "legend": "legend", "source": "source", "note": "note", "header": "header"}[kind]; o.Class != want {
				t.Errorf("%s: %s has class %q, want %q", f.name, it.Ref, o.Class, want)
			}
		}
		// A Ref's items come one after the other, so that a writer can
		// group them.
		last := map[string]int{}
		for i, it := range d.Items {
			if j, ok := last[it.Ref]; ok && it.Ref != "" && j != i-1 {
				t.Errorf("%s: the items of %s are not together (%d, then %d)", f.name, it.Ref, j, i)
				break
			}
			last[it.Ref] = i
		}
	}
}
