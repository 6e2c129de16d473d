package participation

import (
	"bytes"
	"context"
	"encoding/xml"
	"os/exec"
	"strings"
	"testing"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/svg"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
)

const nasty = `He said "hi" \ back\slash \N \G \E \n <script>alert(1)</script> & &amp; ]]> – Зеленський 🇺🇦 🕊️ {}[];,=` + "'" + `<<B>x</B>>`

func nastyScenario(t testing.TB) *scenario.Scenario {
	q := func(s string) string { // a TOML literal-safe basic string
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
		return `"` + r.Replace(s) + `"`
	}
	return loadText(t, `format = 1
[scenario]
title = `+q("Title "+nasty)+`
as_of = 2025-02-16
[[sources]]
id = "s"
title = `+q(nasty)+`
publisher = `+q("Pub "+nasty)+`
[[actors]]
id = "a"
name = `+q("State "+nasty)+`
kind = "state"
[[actors]]
id = "p"
name = `+q("Person "+nasty)+`
kind = "person"
office = `+q(nasty)+`
represents = "a"
[[actors]]
id = "c"
name = `+q("Claimant "+nasty)+`
short = `+q(nasty)+`
kind = "group"
[[tracks]]
id = "t"
name = `+q("Track "+nasty)+`
kind = "talks"
venue = `+q(nasty)+`
when = `+q(nasty)+`
sources = ["s"]
[[seats]]
track = "t"
actor = "p"
role = "participant"
certainty = "claimed"
claimed_by = ["c"]
sources = ["s"]
[[seats]]
track = "t"
actor = "a"
role = "excluded"
certainty = "disputed"
sources = ["s"]
[[seats]]
track = "t"
actor = "c"
role = "observer"
sources = ["s"]
`)
}

// TestTextIsDataNotMarkup: whatever a scenario says comes out exactly as
// written in the drawing and the SVG, and cannot change the DOT's structure.
func TestTextIsDataNotMarkup(t *testing.T) {
	s := nastyScenario(t)
	g, err := Build(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dot := g.DOT()
	if bytes.Contains(dot, []byte("<script>")) || bytes.Contains(dot, []byte("<B>x</B>")) {
		t.Fatalf("raw markup from the scenario reached the DOT:\n%s", dot)
	}
	if path, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command(path, "-Tsvg")
		cmd.Stdin = bytes.NewReader(dot)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if out, err := cmd.Output(); err != nil || len(out) == 0 || strings.Contains(stderr.String(), "Error") {
			t.Errorf("native dot rejects the DOT: %v\n%s", err, stderr.String())
		}
	} else {
		t.Log("native dot not installed: skipping its check")
	}
	d, err := Diagram(context.Background(), layout.NewInProcess(), s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(drawingText(d), "\n")
	for _, want := range []string{"<script>alert(1)</script>", `"hi" \ back\slash \N \G \E \n`, "Зеленський", "🇺🇦", "]]>"} {
		if !strings.Contains(all, want) {
			t.Errorf("drawing lost %q; its text:\n%s", want, all)
		}
	}
	var svgDoc bytes.Buffer
	if err := svg.Write(&svgDoc, d); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&svgDoc)
	var svgText strings.Builder
	elements := map[string]int{}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elements[tok.Name.Local]++
		case xml.CharData:
			svgText.Write(tok)
		}
	}
	if elements["script"] > 0 || elements["B"] > 0 {
		t.Errorf("scenario text became SVG elements: %v", elements)
	}
	for _, want := range []string{"<script>alert(1)</script>", "Зеленський", "]]>"} {
		if !strings.Contains(svgText.String(), want) {
			t.Errorf("SVG text lost %q", want)
		}
	}
}

// TestTextFitsItsBox: every line drawn in a box lies inside it.
func TestTextFitsItsBox(t *testing.T) {
	for _, s := range []*scenario.Scenario{loadExample(t), nastyScenario(t)} {
		d, err := Diagram(context.Background(), layout.NewInProcess(), s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		boxes := map[string]drawing.Item{}
		for _, it := range d.Items {
			if it.Kind == drawing.KindRect && (strings.HasPrefix(it.Ref, "actor:") || strings.HasPrefix(it.Ref, "track:")) {
				if _, ok := boxes[it.Ref]; !ok || it.W*it.H < boxes[it.Ref].W*boxes[it.Ref].H {
					boxes[it.Ref] = it // the node box, not the larger frame of the same actor
				}
			}
		}
		for _, it := range d.Items {
			box, ok := boxes[it.Ref]
			if it.Kind != drawing.KindText || !ok {
				continue
			}
			left := it.X
			switch it.Anchor {
			case drawing.AnchorMiddle:
				left -= it.W / 2
			case drawing.AnchorEnd:
				left -= it.W
			}
			if left < box.X-0.01 || left+it.W > box.X+box.W+0.01 || it.Y > box.Y+box.H || it.Y-it.Size*0.8 < box.Y {
				t.Errorf("%q (%.1f..%.1f at y %.1f) overflows its box %s (%.1f..%.1f, %.1f..%.1f)",
					it.Text, left, left+it.W, it.Y, it.Ref, box.X, box.X+box.W, box.Y, box.Y+box.H)
			}
		}
	}
}

// FuzzDOT: whatever the text in a scenario, the DOT we emit parses and lays
// out, and the text comes through.
func FuzzDOT(f *testing.F) {
	f.Add("plain", "Office")
	f.Add(nasty, `\`)
	f.Add("", "\x00\x01\u2028")
	f.Add("<<>>", `"`)
	eng := layout.NewInProcess()
	f.Fuzz(func(t *testing.T, name, office string) {
		s := &scenario.Scenario{
			Format: 1,
			Meta:   scenario.Meta{Title: name},
			Actors: []scenario.Actor{
				{ID: "s", Name: name, Kind: scenario.KindState},
				{ID: "p", Name: name, Short: office, Kind: scenario.KindPerson, Office: office, Represents: "s"},
			},
			Tracks: []scenario.Track{{ID: "t", Name: office, Kind: scenario.TrackTalks, Venue: name, When: office}},
			Seats: []scenario.Seat{
				{Track: "t", Actor: "p", Role: scenario.RoleParticipant, ClaimedBy: []string{"s"}},
				{Track: "t", Actor: "s", Role: scenario.RoleExcluded, Certainty: scenario.Disputed},
			},
		}
		g, err := Build(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eng.Layout(context.Background(), g.DOT()); err != nil {
			t.Fatalf("emitted DOT does not lay out: %v\n%s", err, g.DOT())
		}
	})
}
