package layout

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Layout is Graphviz's placement of a graph, in points, origin top-left, y
// down (converted from Graphviz's y-up coordinates using the graph's bb).
type Layout struct {
	Width, Height float64
	Nodes         map[string]NodeBox    // by DOT node name
	Clusters      map[string]ClusterBox // by subgraph name (cluster_…)
	Edges         map[string]EdgeRoute  // by the edge's id attribute
}

// NodeBox is where a node was placed: its centre and size in points.
type NodeBox struct {
	Center Point
	W, H   float64
}

// ClusterBox is a cluster's rectangle (top-left X, Y and size, from its bb)
// and the centre of its label (from lp) if Graphviz placed one.
type ClusterBox struct {
	X, Y, W, H  float64
	LabelCenter Point
	HasLabel    bool
}

// EdgeRoute is how an edge runs: its spline (from pos: p0, then (c1, c2, p)
// triples, as KindBezier takes them) and the tips of its arrowheads, which
// lie beyond the spline's ends; the centre of its label if it has one; and
// the names of its tail and head nodes. Parley draws the line and its
// arrowheads itself, so Graphviz's drawing ops are not asked for.
type EdgeRoute struct {
	Spline           []Point
	Start, End       Point // arrowhead tips at the tail and head
	HasStart, HasEnd bool
	LabelCenter      Point
	HasLabel         bool
	Tail, Head       string
}

// gvGraph is the part of Graphviz's json output that ParseLayout reads.
type gvGraph struct {
	BB          *string    `json:"bb"`
	SubgraphCnt int        `json:"_subgraph_cnt"`
	Objects     []gvObject `json:"objects"`
	Edges       []gvEdge   `json:"edges"`
}

type gvObject struct {
	GVID   *int    `json:"_gvid"`
	Name   *string `json:"name"`
	BB     *string `json:"bb"`
	LP     *string `json:"lp"`
	Pos    *string `json:"pos"`
	Width  *string `json:"width"`
	Height *string `json:"height"`
}

type gvEdge struct {
	GVID *int    `json:"_gvid"`
	Tail *int    `json:"tail"`
	Head *int    `json:"head"`
	ID   *string `json:"id"`
	LP   *string `json:"lp"`
	XLP  *string `json:"xlp"` // a floating label's centre (xlabel)
	Pos  *string `json:"pos"`
}

// ParseLayout reads Graphviz's json output (format "json0": positions
// without drawing ops) into a Layout. It is strict: malformed or inconsistent input,
// an edge without an id, or two edges with the same id are errors.
func ParseLayout(jsonData []byte) (*Layout, error) {
	var g gvGraph
	if err := json.Unmarshal(jsonData, &g); err != nil {
		return nil, fmt.Errorf("render: layout json: %w", err)
	}
	if g.BB == nil {
		return nil, errors.New("render: layout json: graph has no bb")
	}
	bb, err := parseFloats(*g.BB, 4)
	if err != nil {
		return nil, fmt.Errorf("render: layout json: graph bb: %w", err)
	}
	llx, lly, urx, ury := bb[0], bb[1], bb[2], bb[3]
	if urx < llx || ury < lly {
		return nil, fmt.Errorf("render: layout json: graph bb %q is inverted", *g.BB)
	}
	tf := func(x, y float64) Point { return Point{X: x - llx, Y: ury - y} }

	if g.SubgraphCnt < 0 || g.SubgraphCnt > len(g.Objects) {
		return nil, fmt.Errorf("render: layout json: _subgraph_cnt %d with %d objects", g.SubgraphCnt, len(g.Objects))
	}
	l := &Layout{
		Width:    urx - llx,
		Height:   ury - lly,
		Nodes:    make(map[string]NodeBox, len(g.Objects)-g.SubgraphCnt),
		Clusters: make(map[string]ClusterBox),
		Edges:    make(map[string]EdgeRoute, len(g.Edges)),
	}
	nodeByID := make(map[int]string, len(g.Objects)-g.SubgraphCnt)
	for i, o := range g.Objects {
		if o.Name == nil {
			return nil, fmt.Errorf("render: layout json: object %d has no name", i)
		}
		name := *o.Name
		if i < g.SubgraphCnt { // subgraphs come first; only clusters have a bb
			if o.BB == nil {
				continue
			}
			cb, err := parseCluster(o, tf)
			if err != nil {
				return nil, fmt.Errorf("render: layout json: cluster %q: %w", name, err)
			}
			l.Clusters[name] = cb
			continue
		}
		if o.GVID == nil {
			return nil, fmt.Errorf("render: layout json: node %q has no _gvid", name)
		}
		if _, dup := nodeByID[*o.GVID]; dup {
			return nil, fmt.Errorf("render: layout json: duplicate _gvid %d", *o.GVID)
		}
		nb, err := parseNode(o, tf)
		if err != nil {
			return nil, fmt.Errorf("render: layout json: node %q: %w", name, err)
		}
		if _, dup := l.Nodes[name]; dup {
			return nil, fmt.Errorf("render: layout json: duplicate node %q", name)
		}
		nodeByID[*o.GVID] = name
		l.Nodes[name] = nb
	}
	for i, e := range g.Edges {
		if e.ID == nil || *e.ID == "" {
			return nil, fmt.Errorf("render: layout json: edge %d has no id", i)
		}
		id := *e.ID
		if _, dup := l.Edges[id]; dup {
			return nil, fmt.Errorf("render: layout json: duplicate edge id %q", id)
		}
		if e.Tail == nil || e.Head == nil {
			return nil, fmt.Errorf("render: layout json: edge %q has no tail or head", id)
		}
		tail, ok1 := nodeByID[*e.Tail]
		head, ok2 := nodeByID[*e.Head]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("render: layout json: edge %q refers to unknown node", id)
		}
		r := EdgeRoute{Tail: tail, Head: head}
		if e.Pos != nil {
			if err := r.parseSpline(*e.Pos, tf); err != nil {
				return nil, fmt.Errorf("render: layout json: edge %q pos: %w", id, err)
			}
		}
		if e.LP == nil {
			e.LP = e.XLP
		}
		if e.LP != nil {
			p, err := parsePoint(*e.LP, tf)
			if err != nil {
				return nil, fmt.Errorf("render: layout json: edge %q lp: %w", id, err)
			}
			r.LabelCenter, r.HasLabel = p, true
		}
		l.Edges[id] = r
	}
	return l, nil
}

// parseSpline reads an edge's pos: "[s,x,y ][e,x,y ]p0 p1 … p3n"; only the
// first spline is used where there are several (separated by ";").
func (r *EdgeRoute) parseSpline(pos string, tf func(x, y float64) Point) error {
	pos, _, _ = strings.Cut(pos, ";")
	fields := strings.Fields(pos)
	for _, f := range fields {
		switch {
		case strings.HasPrefix(f, "s,"):
			p, err := parsePoint(f[2:], tf)
			if err != nil {
				return err
			}
			r.Start, r.HasStart = p, true
		case strings.HasPrefix(f, "e,"):
			p, err := parsePoint(f[2:], tf)
			if err != nil {
				return err
			}
			r.End, r.HasEnd = p, true
		default:
			p, err := parsePoint(f, tf)
			if err != nil {
				return err
			}
			r.Spline = append(r.Spline, p)
		}
	}
	if n := len(r.Spline); n < 4 || (n-1)%3 != 0 {
		return fmt.Errorf("a spline needs 1+3k points (k >= 1), got %d", n)
	}
	return nil
}

func parseCluster(o gvObject, tf func(x, y float64) Point) (ClusterBox, error) {
	b, err := parseFloats(*o.BB, 4)
	if err != nil {
		return ClusterBox{}, fmt.Errorf("bb: %w", err)
	}
	if b[2] < b[0] || b[3] < b[1] {
		return ClusterBox{}, fmt.Errorf("bb %q is inverted", *o.BB)
	}
	tl := tf(b[0], b[3])
	cb := ClusterBox{X: tl.X, Y: tl.Y, W: b[2] - b[0], H: b[3] - b[1]}
	if o.LP != nil {
		p, err := parsePoint(*o.LP, tf)
		if err != nil {
			return ClusterBox{}, fmt.Errorf("lp: %w", err)
		}
		cb.LabelCenter, cb.HasLabel = p, true
	}
	return cb, nil
}

func parseNode(o gvObject, tf func(x, y float64) Point) (NodeBox, error) {
	if o.Pos == nil || o.Width == nil || o.Height == nil {
		return NodeBox{}, errors.New("missing pos, width or height")
	}
	c, err := parsePoint(strings.TrimSuffix(*o.Pos, "!"), tf)
	if err != nil {
		return NodeBox{}, fmt.Errorf("pos: %w", err)
	}
	w, err := parseFloats(*o.Width, 1)
	if err != nil {
		return NodeBox{}, fmt.Errorf("width: %w", err)
	}
	h, err := parseFloats(*o.Height, 1)
	if err != nil {
		return NodeBox{}, fmt.Errorf("height: %w", err)
	}
	if w[0] < 0 || h[0] < 0 {
		return NodeBox{}, errors.New("negative size")
	}
	return NodeBox{Center: c, W: w[0] * 72, H: h[0] * 72}, nil
}

func parsePoint(s string, tf func(x, y float64) Point) (Point, error) {
	v, err := parseFloats(s, 2)
	if err != nil {
		return Point{}, err
	}
	return tf(v[0], v[1]), nil
}

// parseFloats parses exactly n comma-separated numbers within ±maxCoord.
func parseFloats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers in %q", n, s)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || !inRange(v) {
			return nil, fmt.Errorf("bad number %q in %q", p, s)
		}
		out[i] = v
	}
	return out, nil
}

// maxCoord bounds every number we accept from Graphviz, so that sums,
// differences and inch→point conversions stay finite.
const maxCoord = 1e12

// inRange reports whether every value is finite and within ±maxCoord.
func inRange(vs ...float64) bool {
	for _, v := range vs {
		if !(v >= -maxCoord && v <= maxCoord) { // false for NaN too
			return false
		}
	}
	return true
}
