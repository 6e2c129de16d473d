package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const engineTestdata = "testdata"

// engineGolden compares got with testdata/name (see checkGolden).
func engineGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	checkGolden(t, name, got)
}

// smallJSON is go-graphviz's json for engineSmallDOT, as stored in testdata
// (refreshed with -update).
func smallJSON(t *testing.T) []byte {
	t.Helper()
	if *update {
		js, err := NewInProcess().renderJSON(context.Background(), []byte(engineSmallDOT))
		if err != nil {
			t.Fatal(err)
		}
		engineGolden(t, "small.dot", []byte(engineSmallDOT))
		engineGolden(t, "small.json", js)
		return js
	}
	js, err := os.ReadFile(filepath.Join(engineTestdata, "small.json"))
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// TestLayoutGoGraphvizUnchanged checks that go-graphviz still produces the
// stored json for the small graph, so the golden test below tests real
// output.
func TestLayoutGoGraphvizUnchanged(t *testing.T) {
	stored := smallJSON(t)
	js, err := NewInProcess().renderJSON(context.Background(), []byte(engineSmallDOT))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js, stored) {
		t.Fatalf("go-graphviz's json for engineSmallDOT changed (go test ./layout/ -run Layout -update refreshes it)")
	}
}

func TestParseLayoutGolden(t *testing.T) {
	js := smallJSON(t)
	l, err := ParseLayout(js)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	engineGolden(t, "small.layout.json", append(got, '\n'))
}

// rawGV is the stored json read generically, to check ParseLayout against
// Graphviz's own numbers.
type rawGV struct {
	BB      string                       `json:"bb"`
	Objects []map[string]any             `json:"objects"`
	Edges   []map[string]json.RawMessage `json:"edges"`
}

func floats(t *testing.T, s string) []float64 {
	t.Helper()
	var out []float64
	for _, p := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		out = append(out, v)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestParseLayoutSmall(t *testing.T) {
	js := smallJSON(t)
	l, err := ParseLayout(js)
	if err != nil {
		t.Fatal(err)
	}
	var raw rawGV
	if err := json.Unmarshal(js, &raw); err != nil {
		t.Fatal(err)
	}
	bb := floats(t, raw.BB)
	if l.Width != bb[2]-bb[0] || l.Height != bb[3]-bb[1] || l.Width <= 0 || l.Height <= 0 {
		t.Fatalf("size %v×%v, bb %v", l.Width, l.Height, bb)
	}

	// Nodes: centre y-flipped against bb, size inches → points.
	if len(l.Nodes) != 4 {
		t.Fatalf("nodes: %v", l.Nodes)
	}
	topName, topRawY := "", -1.0
	for _, o := range raw.Objects {
		pos, ok := o["pos"].(string)
		if !ok {
			continue
		}
		name := o["name"].(string)
		p := floats(t, pos)
		nb, ok := l.Nodes[name]
		if !ok {
			t.Fatalf("node %q missing", name)
		}
		if !near(nb.Center.X, p[0]-bb[0]) || !near(nb.Center.Y, bb[3]-p[1]) {
			t.Errorf("node %q centre %v, raw pos %v", name, nb.Center, p)
		}
		if p[1] > topRawY {
			topName, topRawY = name, p[1]
		}
	}
	for name, nb := range l.Nodes {
		if nb.Center.Y < l.Nodes[topName].Center.Y {
			t.Errorf("node %q (Y %v) is above the topmost node %q (Y %v): y not flipped", name, nb.Center.Y, topName, l.Nodes[topName].Center.Y)
		}
	}
	if l.Nodes[topName].Center.Y > l.Height/2 {
		t.Errorf("topmost node %q has Y %v in a %v-high picture", topName, l.Nodes[topName].Center.Y, l.Height)
	}
	if nb := l.Nodes["us"]; nb.W != 72 || nb.H != 36 {
		t.Errorf("us is %v×%v, want 72×36", nb.W, nb.H)
	}
	if nb := l.Nodes["cn"]; !near(nb.W, 0.6*72) || nb.H != 36 {
		t.Errorf("cn is %v×%v, want 43.2×36", nb.W, nb.H)
	}

	// Clusters: boxes contain their nodes; only cluster_a has a label, near its top.
	if len(l.Clusters) != 2 {
		t.Fatalf("clusters: %v", l.Clusters)
	}
	inside := func(c ClusterBox, n NodeBox) bool {
		return n.Center.X-n.W/2 >= c.X && n.Center.X+n.W/2 <= c.X+c.W &&
			n.Center.Y-n.H/2 >= c.Y && n.Center.Y+n.H/2 <= c.Y+c.H
	}
	ca, cb := l.Clusters["cluster_a"], l.Clusters["cluster_b"]
	for _, n := range []string{"us", "eu"} {
		if !inside(ca, l.Nodes[n]) {
			t.Errorf("%s %+v not inside cluster_a %+v", n, l.Nodes[n], ca)
		}
	}
	if !inside(cb, l.Nodes["ru"]) || inside(cb, l.Nodes["us"]) {
		t.Errorf("cluster_b %+v vs ru %+v", cb, l.Nodes["ru"])
	}
	if !ca.HasLabel || cb.HasLabel {
		t.Errorf("HasLabel: cluster_a %v, cluster_b %v", ca.HasLabel, cb.HasLabel)
	}
	if ca.LabelCenter.Y < ca.Y || ca.LabelCenter.Y > ca.Y+ca.H/4 || ca.LabelCenter.X < ca.X || ca.LabelCenter.X > ca.X+ca.W {
		t.Errorf("cluster_a label at %v, box %+v: want it near the top", ca.LabelCenter, ca)
	}

	// Edges.
	if len(l.Edges) != 4 {
		t.Fatalf("edges: %v", l.Edges)
	}
	for id, e := range l.Edges {
		pts := e.Spline
		if len(pts) < 4 || (len(pts)-1)%3 != 0 {
			t.Errorf("edge %s spline has %d points", id, len(pts))
			continue
		}
		// The line starts at the tail's box, or an arrowhead (up to 16pt) away from
		// it (y-flip consistent with nodes), and its arrow tip touches the head.
		tail, head := l.Nodes[e.Tail], l.Nodes[e.Head]
		if math.Abs(pts[0].X-tail.Center.X) > tail.W/2+16 || math.Abs(pts[0].Y-tail.Center.Y) > tail.H/2+16 {
			t.Errorf("edge %s starts at %v, far from its tail %s %+v", id, pts[0], e.Tail, tail)
		}
		if !e.HasEnd || math.Abs(e.End.X-head.Center.X) > head.W/2+1 || math.Abs(e.End.Y-head.Center.Y) > head.H/2+1 {
			t.Errorf("edge %s arrow tip %v (has %v) is not at its head %s %+v", id, e.End, e.HasEnd, e.Head, head)
		}
		if last := pts[len(pts)-1]; math.Hypot(last.X-e.End.X, last.Y-e.End.Y) > 16 {
			t.Errorf("edge %s ends at %v, far from its arrow tip %v", id, last, e.End)
		}
	}
	e1 := l.Edges["e1"]
	if e1.Tail != "us" || e1.Head != "ru" || !e1.HasLabel {
		t.Errorf("e1: %s→%s label %v", e1.Tail, e1.Head, e1.HasLabel)
	}
	if e2 := l.Edges["e2"]; e2.HasLabel || e2.HasStart {
		t.Errorf("e2: label %v, tail arrow %v; want neither", e2.HasLabel, e2.HasStart)
	}
	e3 := l.Edges["e3"]
	if e3.Tail != "ru" || e3.Head != "us" || !e3.HasStart || !e3.HasEnd {
		t.Errorf("e3: %s→%s, arrows at tail %v and head %v; want both (dir=both)", e3.Tail, e3.Head, e3.HasStart, e3.HasEnd)
	}
}

func TestParseLayoutErrors(t *testing.T) {
	js := smallJSON(t)
	// Every proper prefix is malformed.
	for n := 0; n < len(js)-1; n += 1 + n/50 {
		if _, err := ParseLayout(js[:n]); err == nil {
			t.Fatalf("prefix of %d bytes parsed", n)
		}
	}
	edge := func(s string) string {
		return `{"bb":"0,0,100,100","_subgraph_cnt":0,"objects":[{"_gvid":0,"name":"a","pos":"1,2","width":"1","height":"1"}],"edges":[` + s + `]}`
	}
	bad := map[string]string{
		"not json":          `hello`,
		"array":             `[]`,
		"trailing":          `{"bb":"0,0,1,1"} {}`,
		"no bb":             `{"objects":[]}`,
		"bb not string":     `{"bb":[0,0,1,1]}`,
		"bb 3 numbers":      `{"bb":"0,0,1"}`,
		"bb NaN":            `{"bb":"0,0,NaN,1"}`,
		"bb inverted":       `{"bb":"0,0,-5,1"}`,
		"subgraph count":    `{"bb":"0,0,1,1","_subgraph_cnt":3,"objects":[]}`,
		"node without pos":  `{"bb":"0,0,1,1","objects":[{"_gvid":0,"name":"a","width":"1","height":"1"}]}`,
		"node without name": `{"bb":"0,0,1,1","objects":[{"_gvid":0,"pos":"1,1","width":"1","height":"1"}]}`,
		"node bad width":    `{"bb":"0,0,1,1","objects":[{"_gvid":0,"name":"a","pos":"1,1","width":"x","height":"1"}]}`,
		"node Inf pos":      `{"bb":"0,0,1,1","objects":[{"_gvid":0,"name":"a","pos":"Inf,1","width":"1","height":"1"}]}`,
		"duplicate gvid":    `{"bb":"0,0,1,1","objects":[{"_gvid":0,"name":"a","pos":"1,1","width":"1","height":"1"},{"_gvid":0,"name":"b","pos":"1,1","width":"1","height":"1"}]}`,
		"cluster bad bb":    `{"bb":"0,0,1,1","_subgraph_cnt":1,"objects":[{"_gvid":0,"name":"cluster_x","bb":"1,2"}]}`,
		"cluster bad lp":    `{"bb":"0,0,1,1","_subgraph_cnt":1,"objects":[{"_gvid":0,"name":"cluster_x","bb":"0,0,1,1","lp":"zz"}]}`,
		"edge no id":        edge(`{"_gvid":0,"tail":0,"head":0}`),
		"edge dup id":       edge(`{"tail":0,"head":0,"id":"x"},{"tail":0,"head":0,"id":"x"}`),
		"edge unknown head": edge(`{"tail":0,"head":7,"id":"x"}`),
		"edge no tail":      edge(`{"head":0,"id":"x"}`),
		"edge bad lp":       edge(`{"tail":0,"head":0,"id":"x","lp":"1"}`),
	}
	for name, s := range bad {
		l, err := ParseLayout([]byte(s))
		if err == nil {
			t.Errorf("%s: parsed: %+v", name, l)
		} else if !strings.HasPrefix(err.Error(), "render: layout json") {
			t.Errorf("%s: error %q lacks the prefix", name, err)
		}
	}
	// And the minimal valid document, for contrast.
	l, err := ParseLayout([]byte(edge(`{"tail":0,"head":0,"id":"x","lp":"5,5","pos":"e,4,4 0,0 1,1 2,2 3,3"}`)))
	if err != nil {
		t.Fatal(err)
	}
	if e := l.Edges["x"]; !e.HasLabel || e.LabelCenter != (Point{5, 95}) || e.Spline[3] != (Point{3, 97}) || e.End != (Point{4, 96}) {
		t.Errorf("minimal document: %+v", l)
	}
}

// FuzzParseLayout: whatever the input, ParseLayout returns a layout or an
// error, never panics, and a layout's numbers are finite.
func FuzzParseLayout(f *testing.F) {
	if js, err := os.ReadFile(filepath.Join(engineTestdata, "small.json")); err == nil {
		f.Add(js)
	}
	f.Add([]byte(`{"bb":"0,0,1,1"}`))
	f.Add([]byte(`{"bb":"0,0,100,100","_subgraph_cnt":1,"objects":[{"name":"cluster_a","bb":"0,0,5,5","lp":"1,1"},{"_gvid":1,"name":"a","pos":"1,2","width":"1","height":"1"}],"edges":[{"tail":1,"head":1,"id":"x","pos":"s,0,0 e,9,9 0,0 1,1 2,2 3,3"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseLayout(data)
		if err != nil {
			return
		}
		check := func(vs ...float64) {
			if !allFinite(vs...) {
				t.Fatalf("non-finite number in %+v", l)
			}
		}
		check(l.Width, l.Height)
		for _, n := range l.Nodes {
			check(n.Center.X, n.Center.Y, n.W, n.H)
		}
		for _, e := range l.Edges {
			check(e.Start.X, e.Start.Y, e.End.X, e.End.Y, e.LabelCenter.X, e.LabelCenter.Y)
			for _, p := range e.Spline {
				check(p.X, p.Y)
			}
		}
	})
}

func allFinite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
