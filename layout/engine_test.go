package layout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// genDOT makes a negotiation-like test graph: n fixed-size actor boxes in
// n/5 clusters (some with plain or HTML-table labels, some dashed), 2n edges
// with ids, every third with a fixed-size HTML-table label, dashed and dotted
// styles, assorted arrowheads and some two-headed edges, rankdir=LR. Most
// edges stay inside a cluster, the rest go to the next one. The same (n,
// seed) always gives the same text.
func genDOT(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	k := max(1, n/5)
	lo := func(c int) int { return c * n / k } // first node of cluster c
	var b bytes.Buffer
	b.WriteString("digraph G {\n  rankdir=LR;\n")
	b.WriteString("  node [shape=box, fixedsize=true, width=1.2, height=0.5, label=\"\"];\n")
	for c := 0; c < k; c++ {
		fmt.Fprintf(&b, "  subgraph cluster_t%d {\n", c)
		switch c % 3 {
		case 0:
			b.WriteString(`    label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="80" HEIGHT="16"></TD></TR></TABLE>>;` + "\n")
		case 1:
			fmt.Fprintf(&b, "    label=\"Track %d\";\n", c)
		}
		if c%2 == 0 {
			b.WriteString("    style=dashed;\n")
		}
		for j := lo(c); j < lo(c+1); j++ {
			fmt.Fprintf(&b, "    a%d [width=%.1f];\n", j, 1+float64(j%3)*0.2)
		}
		b.WriteString("  }\n")
	}
	heads := []string{"normal", "empty", "tee", "diamond", "odot"}
	for i := 0; i < 2*n; i++ {
		t := r.IntN(n)
		c := t * k / n
		for lo(c+1) <= t { // guard against rounding
			c++
		}
		if r.IntN(10) >= 7 {
			c = (c + 1) % k
		}
		h := lo(c) + r.IntN(max(1, lo(c+1)-lo(c)))
		fmt.Fprintf(&b, "  a%d -> a%d [id=\"e%d\"", t, h, i)
		if i%3 == 0 {
			b.WriteString(`, label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="60" HEIGHT="14"></TD></TR></TABLE>>`)
		}
		switch i % 5 {
		case 1:
			b.WriteString(", style=dashed")
		case 3:
			b.WriteString(", style=dotted")
		}
		fmt.Fprintf(&b, ", arrowhead=%s", heads[i%len(heads)])
		if i%7 == 0 {
			fmt.Fprintf(&b, ", dir=both, arrowtail=%s", heads[(i+2)%len(heads)])
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// TestEngineWriteDOT writes the generated graphs to $PARLEY_WRITE_DOT, for
// timing native dot on the same input. Skipped unless that is set.
func TestEngineWriteDOT(t *testing.T) {
	dir := os.Getenv("PARLEY_WRITE_DOT")
	if dir == "" {
		t.Skip("set PARLEY_WRITE_DOT=dir to write the generated graphs")
	}
	for _, n := range []int{20, 100, 1000, 2000} {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("n%d.dot", n)), genDOT(n, 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEngineGenDOT(t *testing.T) {
	d := genDOT(100, 1)
	if !bytes.Equal(d, genDOT(100, 1)) {
		t.Fatal("genDOT is not deterministic")
	}
	if err := checkDOT(d); err != nil {
		t.Fatal(err)
	}
	if got := bytes.Count(d, []byte("subgraph cluster_")); got != 20 {
		t.Errorf("%d clusters, want 20", got)
	}
	if got := bytes.Count(d, []byte(" -> ")); got != 200 {
		t.Errorf("%d edges, want 200", got)
	}
	for i := 0; i < 100; i++ { // every node is in exactly one cluster
		if got := bytes.Count(d, []byte(fmt.Sprintf("    a%d [", i))); got != 1 {
			t.Errorf("node a%d declared %d times", i, got)
		}
	}
}

func TestEngineCheckDOT(t *testing.T) {
	ok := []string{
		"digraph{}",
		"graph G { a -- b }",
		"strict digraph \"x { y\" { a }",
		"  /* c */ // c\n# 1 \"file\"\nDiGraph G { a }  \n\t// done\n/* really */\n",
		"digraph { a [label=\"}\"] }",
		"digraph { a [label=\"\\\"}\"] }",
		"digraph { a [label=<<b>}</b> <i>{</i>>] }",
		"digraph { a [label=<x \"}\" y>] }",
		"digraph { a /* } */ b // }\n c }",
		"digraph { a\n# }\n}",
		"digraph { a [label=\"x\\\\\\\" ] }\" ] }", // x, \\, \", …
		"digraph { a [label=\"x\\y\\\\\"] }",       // x, \y, \\
		"digraph { subgraph cluster_a { b } { rank=same; c } }",
		"digraph {}\n/* unterminated comment is white space to the end",
	}
	for _, s := range ok {
		if err := checkDOT([]byte(s)); err != nil {
			t.Errorf("checkDOT(%q) = %v, want nil", s, err)
		}
	}
	bad := []string{
		"",
		"   \n",
		"// only a comment",
		"a -> b",
		"subgraph { a }",
		"digraphG { a }",
		"digraph",
		"digraph G",
		"digraph {",
		"digraph { a } }",
		"digraph { a } }}}",
		"digraph A {a} digraph B {b}",
		"digraph {} ;",
		"digraph {} x",
		"digraph { a [label=\"}] }",
		"digraph { a [label=<<b>}] }",
		"digraph { a }\x00",
		"digraph { a [label=\"x\\\\\" ] }\" ] }", // "x\\" ends the string: garbage follows
		"digraph { a# }\n}",
		"digraph {}\n#not a line start? yes it is\n}",
		"}",
	}
	for _, s := range bad {
		err := checkDOT([]byte(s))
		if err == nil {
			t.Errorf("checkDOT(%q) = nil, want an error", s)
		} else if !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("checkDOT(%q) error %q lacks the render: prefix", s, err)
		}
	}
}

// engineSmallDOT exercises every op ParseLayout handles: clusters with and
// without labels, an HTML-labelled dashed red edge with an empty arrowhead,
// a dotted 2-pt edge with a tee (polygon + polyline), a translucent
// two-headed edge with odot (ellipse) and diamond arrows, a bold edge.
const engineSmallDOT = `digraph G {
  rankdir=LR;
  node [shape=box, fixedsize=true, width=1, height=0.5, label=""];
  subgraph cluster_a { label="Track A"; style=dashed; color="#336699"; us; eu; }
  subgraph cluster_b { ru; }
  us -> ru [id="e1", label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="60" HEIGHT="14"></TD></TR></TABLE>>, style=dashed, color=red, arrowhead=empty];
  eu -> ru [id="e2", style=dotted, arrowhead=tee, penwidth=2];
  ru -> us [id="e3", arrowhead=odot, arrowtail=diamond, dir=both, color="#00ff0080"];
  cn [width=0.6];
  eu -> cn [id="e4", style=bold, color=gray, arrowhead=normal];
}
`

// layoutOnce lays out dot with eng and fails the test on error.
func layoutOnce(t testing.TB, eng Engine, dot []byte) *Layout {
	t.Helper()
	l, err := eng.Layout(context.Background(), dot)
	if err != nil {
		t.Fatalf("Layout: %v", err)
	}
	return l
}

// sameLayout fails the test if got differs from want.
func sameLayout(t testing.TB, what string, got, want *Layout) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: layout differs from the reference (%d nodes, %d edges vs %d, %d)",
			what, len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
}

func TestEngineInProcess(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	small := genDOT(20, 1)
	ref := layoutOnce(t, eng, small)
	if len(ref.Nodes) != 20 || len(ref.Edges) != 40 || len(ref.Clusters) != 4 {
		t.Fatalf("got %d nodes, %d edges, %d clusters; want 20, 40, 4", len(ref.Nodes), len(ref.Edges), len(ref.Clusters))
	}
	for i := 0; i < 5; i++ {
		sameLayout(t, "serial", layoutOnce(t, eng, small), ref)
	}

	// Concurrent callers, each with its own engine: all go through gvMu.
	other := genDOT(25, 2)
	otherRef := layoutOnce(t, eng, other)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := NewInProcess()
			defer e.Close()
			for i := 0; i < 5; i++ {
				dot, want := small, ref
				if (g+i)%2 == 1 {
					dot, want = other, otherRef
				}
				got, err := e.Layout(context.Background(), dot)
				if err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(got, want) {
					errs <- fmt.Errorf("goroutine %d render %d differs", g, i)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestEngineInProcessFailures(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	dot := genDOT(20, 3)
	ref := layoutOnce(t, eng, dot)

	for _, bad := range []string{
		"digraph { a -> }",                         // syntax error inside Graphviz
		"digraph { a -> b; c [label=\"x]; }",       // unterminated string
		"digraph { a } }}}",                        // trailing garbage: refused before Graphviz
		"digraph A {a} digraph B {b}",              // a second graph: refused before Graphviz
		"",                                         // nothing: refused
		"digraph { a -> b [id=x]; a -> c; }",       // an edge without id: ParseLayout refuses
		"digraph { a -> b [id=x]; b -> a [id=x] }", // duplicate edge id
	} {
		if _, err := eng.Layout(context.Background(), []byte(bad)); err == nil {
			t.Errorf("Layout(%q) succeeded, want an error", bad)
		} else if !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("Layout(%q) error %q lacks the render: prefix", bad, err)
		} else {
			t.Logf("Layout(%q): %v", bad, err)
		}
		sameLayout(t, "after "+bad, layoutOnce(t, eng, dot), ref)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := eng.Layout(ctx, dot); !errors.Is(err, context.Canceled) {
		t.Errorf("Layout with a cancelled ctx: %v, want context.Canceled", err)
	}
	if err := eng.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := eng.Layout(context.Background(), dot); !errors.Is(err, ErrClosed) {
		t.Errorf("Layout after Close: %v, want ErrClosed", err)
	}
}

// TestEngineInProcessWaitsForLock shows the in-process engine's limit: a
// caller queued behind another's layout notices its cancelled ctx only once
// it gets the lock (and then does not start).
func TestEngineInProcessWaitsForLock(t *testing.T) {
	eng := NewInProcess()
	defer eng.Close()
	gvMu.Lock()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := eng.Layout(ctx, genDOT(20, 1))
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	gvMu.Unlock()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

var benchSizes = []int{20, 100, 1000}

func BenchmarkLayoutInProcess(b *testing.B) {
	eng := NewInProcess()
	defer eng.Close()
	for _, n := range benchSizes {
		dot := genDOT(n, 1)
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := eng.Layout(context.Background(), dot); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
