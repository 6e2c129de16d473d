package render

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const engineTestdata = "testdata/engine"

// engineGolden compares got with testdata/engine/name, or rewrites the file
// when -update is given.
func engineGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(engineTestdata, name)
	if *update {
		if err := os.MkdirAll(engineTestdata, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./render/ -run Layout -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./render/ -run Layout -update rewrites it); got:\n%.3000s", path, got)
	}
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
		t.Fatalf("go-graphviz's json for engineSmallDOT changed (go test ./render/ -run Layout -update refreshes it)")
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
		if len(e.Items) < 2 || e.Items[0].Kind != KindBezier {
			t.Fatalf("edge %s items %+v", id, e.Items)
		}
		pts := e.Items[0].Points
		if len(pts) < 4 || (len(pts)-1)%3 != 0 {
			t.Errorf("edge %s bezier has %d points", id, len(pts))
		}
		// The line starts at the tail's box, or an arrowhead (up to 16pt) away from
		// it (y-flip consistent with nodes).
		tail := l.Nodes[e.Tail]
		if math.Abs(pts[0].X-tail.Center.X) > tail.W/2+16 || math.Abs(pts[0].Y-tail.Center.Y) > tail.H/2+16 {
			t.Errorf("edge %s starts at %v, far from its tail %s %+v", id, pts[0], e.Tail, tail)
		}
		for _, it := range e.Items {
			if it.Kind == KindText {
				t.Errorf("edge %s has a text item", id)
			}
		}
	}
	red, black := RGB(0xff0000), RGB(0)
	e1 := l.Edges["e1"]
	if e1.Tail != "us" || e1.Head != "ru" || !e1.HasLabel {
		t.Errorf("e1: %s→%s label %v", e1.Tail, e1.Head, e1.HasLabel)
	}
	if s := e1.Items[0].Stroke; s.Color != red || s.Width != 1 || !reflect.DeepEqual(s.Dash, []float64{5, 2}) {
		t.Errorf("e1 line stroke %+v, want red 1pt dashed 5,2", s)
	}
	if it := e1.Items[1]; it.Kind != KindPolygon || len(it.Points) != 3 || it.Fill.A != 0 || it.Stroke.Dash != nil || it.Stroke.Color != red {
		t.Errorf("e1 empty arrowhead %+v, want an unfilled solid red triangle", it)
	}
	e2 := l.Edges["e2"]
	if s := e2.Items[0].Stroke; s.Color != black || s.Width != 2 || !reflect.DeepEqual(s.Dash, []float64{1, 5}) {
		t.Errorf("e2 line stroke %+v, want black 2pt dotted 1,5", s)
	}
	if e2.HasLabel {
		t.Error("e2 has a label")
	}
	kinds := func(items []Item) (ks []ItemKind) {
		for _, it := range items {
			ks = append(ks, it.Kind)
		}
		return ks
	}
	if ks := kinds(e2.Items); !reflect.DeepEqual(ks, []ItemKind{KindBezier, KindPolygon, KindPolyline}) {
		t.Errorf("e2 (tee) items %v, want bezier, polygon, polyline", ks)
	} else if e2.Items[1].Fill != black || e2.Items[1].Stroke.Width != 2 {
		t.Errorf("tee bar %+v, want filled black, 2pt", e2.Items[1])
	}
	e3 := l.Edges["e3"]
	green := Color{0, 0xff, 0, 0x80}
	if e3.Tail != "ru" || e3.Head != "us" {
		t.Errorf("e3: %s→%s", e3.Tail, e3.Head)
	}
	// _draw_, then _tdraw_ (diamond), then _hdraw_ (odot).
	if ks := kinds(e3.Items); !reflect.DeepEqual(ks, []ItemKind{KindBezier, KindPolygon, KindEllipse}) {
		t.Errorf("e3 items %v, want bezier, diamond polygon, odot ellipse", ks)
	} else {
		if e3.Items[0].Stroke.Color != green {
			t.Errorf("e3 colour %+v, want translucent green", e3.Items[0].Stroke.Color)
		}
		if d := e3.Items[1]; len(d.Points) != 4 || d.Fill != green {
			t.Errorf("diamond %+v", d)
		}
		if o := e3.Items[2]; o.W <= 0 || o.W != o.H || o.Fill.A != 0 || math.Abs(o.X-l.Nodes["us"].Center.X) > 72 {
			t.Errorf("odot %+v", o)
		}
	}
	e4 := l.Edges["e4"]
	if s := e4.Items[0].Stroke; s.Width != 2 || s.Dash != nil || s.Color.A != 0xff || s.Color == black {
		t.Errorf("e4 (bold gray) stroke %+v", s)
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
	line := `{"op":"b","points":[[0,0],[1,1],[2,2],[3,3]]}`
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
		"op unknown":        edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"Q"}]}`),
		"op missing":        edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"points":[]}]}`),
		"bezier 3 points":   edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"b","points":[[0,0],[1,1],[2,2]]}]}`),
		"bezier 5 points":   edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"b","points":[[0,0],[1,1],[2,2],[3,3],[4,4]]}]}`),
		"point 3 coords":    edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"b","points":[[0,0,0],[1,1],[2,2],[3,3]]}]}`),
		"point not number":  edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"p","points":[["a",0],[1,1],[2,2]]}]}`),
		"polygon 1 point":   edge(`{"tail":0,"head":0,"id":"x","_hdraw_":[{"op":"P","points":[[0,0]]}]}`),
		"polyline 1 point":  edge(`{"tail":0,"head":0,"id":"x","_hdraw_":[{"op":"L","points":[[0,0]]}]}`),
		"ellipse 3 numbers": edge(`{"tail":0,"head":0,"id":"x","_hdraw_":[{"op":"e","rect":[0,0,1]}]}`),
		"ellipse negative":  edge(`{"tail":0,"head":0,"id":"x","_hdraw_":[{"op":"E","rect":[0,0,-1,1]}]}`),
		"bad colour":        edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"c","grad":"none","color":"#12345"},` + line + `]}`),
		"bad colour hex":    edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"c","grad":"none","color":"#zzzzzz"},` + line + `]}`),
		"gradient no stops": edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"C","grad":"linear"},` + line + `]}`),
		"gradient unknown":  edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"C","grad":"conic","color":"red"},` + line + `]}`),
		"bad line width":    edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"S","style":"setlinewidth(x)"},` + line + `]}`),
		"open line width":   edge(`{"tail":0,"head":0,"id":"x","_draw_":[{"op":"S","style":"setlinewidth(2"},` + line + `]}`),
		"ops not array":     edge(`{"tail":0,"head":0,"id":"x","_draw_":{"op":"b"}}`),
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
	l, err := ParseLayout([]byte(edge(`{"tail":0,"head":0,"id":"x","lp":"5,5","_draw_":[` + line + `]}`)))
	if err != nil {
		t.Fatal(err)
	}
	if e := l.Edges["x"]; !e.HasLabel || e.LabelCenter != (Point{5, 95}) || e.Items[0].Points[3] != (Point{3, 97}) {
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
	f.Add([]byte(`{"bb":"0,0,100,100","_subgraph_cnt":1,"objects":[{"name":"cluster_a","bb":"0,0,5,5","lp":"1,1"},{"_gvid":1,"name":"a","pos":"1,2","width":"1","height":"1"}],"edges":[{"tail":1,"head":1,"id":"x","_draw_":[{"op":"S","style":"setlinewidth(3)"},{"op":"b","points":[[0,0],[1,1],[2,2],[3,3]]}],"_hdraw_":[{"op":"E","rect":[1,2,3,4]}]}]}`))
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
			for _, it := range e.Items {
				check(it.X, it.Y, it.W, it.H, it.Stroke.Width)
				for _, p := range it.Points {
					check(p.X, p.Y)
				}
			}
		}
	})
}
