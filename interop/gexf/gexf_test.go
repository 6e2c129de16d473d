package gexf

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/viewtest"
	"github.com/parleyhq/parley/scenario"
)

var _ = flag.Bool("update", false, "rewrite golden files under testdata/")

func export(t testing.TB, s *scenario.Scenario, variant string, f scenario.Filter) []byte {
	t.Helper()
	p, err := s.ResolveAll(variant)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := p.Select(f)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, sel, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// xmllint validates files against the GEXF 1.3 XSD; without xmllint the
// check is skipped, except in CI (go test -tags ci), where it must run.
func xmllint(t *testing.T, files ...string) {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if requireTools {
			t.Fatal("xmllint is not installed (apt install libxml2-utils): the GEXF cannot be checked against its schema")
		}
		t.Skip("xmllint not installed (apt install libxml2-utils): skipping the schema check")
	}
	args := append([]string{"--noout", "--schema", filepath.Join("testdata", "gexf-1.3", "gexf.xsd")}, files...)
	if out, err := exec.Command(path, args...).CombinedOutput(); err != nil {
		t.Errorf("the GEXF does not validate against the GEXF 1.3 XSD: %v\n%s", err, out)
	}
}

// TestValidAgainstTheXSD: every example in every variant, narrowed too,
// and a hostile scenario, validate against the published GEXF 1.3 XSD.
func TestValidAgainstTheXSD(t *testing.T) {
	dir := t.TempDir()
	var files []string
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name+".gexf")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	for _, ex := range viewtest.Examples(t) {
		for _, v := range ex.Variants {
			data := export(t, ex.Scenario, v, scenario.Filter{})
			write(ex.Name+"-"+v, data)
			if v == "" {
				viewtest.Golden(t, ex.Name+".gexf", data)
			}
		}
		write(ex.Name+"-narrowed", export(t, ex.Scenario, "", scenario.Filter{Roles: []scenario.Role{scenario.RoleExcluded}, From: scenario.Date{Year: 2014}}))
	}
	write("hostile", export(t, hostile(t), "", scenario.Filter{}))
	xmllint(t, files...)
}

// A self-check: the XSD is not a formality.
func TestTheXSDRefuses(t *testing.T) {
	good := string(export(t, viewtest.Examples(t)[0].Scenario, "", scenario.Filter{}))
	bad := strings.Replace(good, `version="1.3"`, `version="1.4"`, 1)
	p := filepath.Join(t.TempDir(), "bad.gexf")
	os.WriteFile(p, []byte(bad), 0o644)
	path, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed")
	}
	if err := exec.Command(path, "--noout", "--schema", filepath.Join("testdata", "gexf-1.3", "gexf.xsd"), p).Run(); err == nil {
		t.Error("xmllint accepts version 1.4")
	}
}

func hostile(t testing.TB) *scenario.Scenario {
	nasty := `<x a="1">&amp; ]]> ' " Зеленський 🇺🇦`
	return viewtest.Load(t, "format = 1\n[scenario]\ntitle = '''"+nasty+"'''\n"+
		"[[sources]]\nid = \"s\"\ntitle = '''"+nasty+"'''\n"+
		"[[actors]]\nid = \"b\"\nname = '''"+nasty+"'''\nkind = \"bloc\"\n"+
		"[[actors]]\nid = \"a\"\nname = '''"+nasty+"'''\nkind = \"state\"\nnote = \"\"\"line\nbreak\"\"\"\nmemberships = [{ of = \"b\", from = \"~1999\" }]\n"+
		"[[tracks]]\nid = \"t\"\nname = '''"+nasty+"'''\nkind = \"talks\"\nstart = \"~2020-05\"\nsources = [\"s\"]\n"+
		"[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"host\"\nnote = '''"+nasty+"'''\nfrom = 2020-05-03\nsources = [\"s\"]\n")
}

// TestWhatGephiGets: nodes and edges with their attributes and spells.
func TestWhatGephiGets(t *testing.T) {
	var doc struct {
		Graph struct {
			Mode  string `xml:"mode,attr"`
			Nodes []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Kind   string `xml:"kind,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
				Spells []struct {
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"spells>spell"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(export(t, hostile(t), "", scenario.Filter{}), &doc); err != nil {
		t.Fatal(err)
	}
	g := doc.Graph
	if g.Mode != "dynamic" || len(g.Nodes) != 3 || len(g.Edges) != 2 {
		t.Fatalf("graph %+v", g)
	}
	if g.Nodes[0].Label != `<x a="1">&amp; ]]> ' " Зеленський 🇺🇦` {
		t.Errorf("label %q", g.Nodes[0].Label)
	}
	seat := g.Edges[0]
	if seat.Source != "actor:a" || seat.Target != "track:t" || seat.Kind != "seat-host" || len(seat.Spells) != 1 || seat.Spells[0].Start != "2020-05-03" || seat.Spells[0].End != "2020-05-03" {
		t.Errorf("seat edge %+v", seat)
	}
	member := g.Edges[1]
	if member.Target != "actor:b" || member.Spells[0].Start != "1998-01-01" || member.Spells[0].End != "2000-12-31" {
		t.Errorf("membership edge %+v", member)
	}
}

func FuzzWrite(f *testing.F) {
	f.Add("Name", "note", int64(2025))
	f.Add("<&>\"'", "\x00\x1f\ufffe\xff", int64(1))
	f.Fuzz(func(t *testing.T, name, note string, year int64) {
		y := int(year%9999+9999)%9999 + 1
		s := &scenario.Scenario{Format: 1, Meta: scenario.Meta{Title: name},
			Actors: []scenario.Actor{{ID: "a", Name: name, Kind: scenario.KindState, Note: note}},
			Tracks: []scenario.Track{{ID: "t", Name: note, Kind: scenario.TrackTalks, Start: scenario.Date{Year: y}}},
			Seats:  []scenario.Seat{{Track: "t", Actor: "a", Role: scenario.RoleHost, Note: note}}}
		data := export(t, s, "", scenario.Filter{})
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := dec.Token()
			if err != nil {
				if err.Error() == "EOF" {
					break
				}
				t.Fatalf("not well-formed XML: %v\n%s", err, data)
			}
		}
	})
}
