package render

import (
	"container/list"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"reflect"
	"sync"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/layout"
	"github.com/parleyhq/parley/scenario"
	"github.com/parleyhq/parley/views/participation"
)

// Layouts of the participation view (Options.Layout).
const (
	// LayoutStable lays out once everything the base, every variant and
	// every day of the file draw, and draws each picture from that one
	// layout: flipping a variant or moving the date moves nothing that
	// stays. The default.
	LayoutStable = "stable"
	// LayoutCompact lays out each picture on its own, as tight as it
	// can be; pictures of one file do not overlay.
	LayoutCompact = "compact"
)

// Layouts lists the layout names Options.Layout accepts ("" is stable).
var Layouts = []string{LayoutStable, LayoutCompact}

// stableCache remembers the union graphs (by the scenario's content and
// the options that shape it) and their layouts (by the union's DOT), so
// that moving the date or flipping a variant runs no new layout, and an
// edit that changes nothing the union draws none either.
type stableCache struct {
	mu      sync.Mutex
	unions  *lru[unionKey, *unionEntry]
	layouts *lru[layoutKey, *layout.Layout]
	// last is the union each file (by name and options) was last drawn
	// on: the order an edit of it keeps.
	last map[unionKey]*participation.Graph
}

// file is the key without the content: the same file, any edit of it.
func (k unionKey) file() unionKey {
	k.content = [32]byte{}
	return k
}

// layoutKey is a layout by its engine (tests and the window wrap engines
// to count or cache layouts; each sees its own) and its DOT's hash.
type layoutKey struct {
	eng any
	dot [32]byte
}

type unionKey struct {
	name      string // the file's name: what an edit of it keeps
	content   [32]byte
	detail    participation.Detail
	direction participation.Direction
	filter    string
}

type unionEntry struct {
	g   *participation.Graph
	dot [32]byte // the hash of its LayoutDOT
	// dotText is kept until the layout is made.
	dotText []byte
}

var stable = &stableCache{unions: newLRU[unionKey, *unionEntry](8), layouts: newLRU[layoutKey, *layout.Layout](8), last: map[unionKey]*participation.Graph{}}

// stableDiagram draws the participation picture that opts choose on the
// stable layout of its file.
func stableDiagram(ctx context.Context, eng Engine, s *scenario.Scenario, opts participation.Options) (*drawing.Drawing, error) {
	p, err := participation.Build(s, opts)
	if err != nil {
		return nil, err
	}
	if len(p.Nodes) == 0 {
		return participation.Draw(p, &layout.Layout{})
	}
	u, l, err := stableLayout(ctx, eng, s, opts)
	if err != nil {
		return nil, err
	}
	d, err := participation.DrawOn(p, u, l)
	if errors.Is(err, participation.ErrNotInUnion) {
		return participation.Diagram(ctx, eng, s, opts) // cannot happen for a scenario left unchanged
	}
	return d, err
}

// stableLayout is the union graph of s for opts and its layout, from the
// cache when they are there.
func stableLayout(ctx context.Context, eng Engine, s *scenario.Scenario, opts participation.Options) (*participation.Graph, *layout.Layout, error) {
	key := unionKey{name: s.Name, content: scenarioHash(s), detail: opts.Detail, direction: opts.Direction, filter: fmt.Sprintf("%#v", opts.Filter)}
	stable.mu.Lock()
	ue, ok := stable.unions.get(key)
	stable.mu.Unlock()
	if !ok {
		// After an edit (the window draws each edit of a file afresh),
		// keep the order of the file's last union.
		stable.mu.Lock()
		prev := stable.last[key.file()]
		stable.mu.Unlock()
		g, err := participation.UnionAfter(s, opts, prev)
		if err != nil {
			return nil, nil, err
		}
		dot := g.LayoutDOT()
		ue = &unionEntry{g: g, dot: sha256.Sum256(dot), dotText: dot}
		stable.mu.Lock()
		stable.unions.put(key, ue)
		stable.mu.Unlock()
	}
	stable.mu.Lock()
	if len(stable.last) > 16 {
		clear(stable.last) // many files: forget their histories, not their layouts
	}
	stable.last[key.file()] = ue.g
	stable.mu.Unlock()
	if eng == nil {
		return nil, nil, errors.New("render: no layout engine")
	}
	lk := layoutKey{eng: eng, dot: ue.dot}
	if !reflect.TypeOf(eng).Comparable() {
		lk.eng = reflect.TypeOf(eng).String() // cannot tell two apart: share
	}
	stable.mu.Lock()
	l, ok := stable.layouts.get(lk)
	stable.mu.Unlock()
	if ok {
		return ue.g, l, nil
	}
	dot := ue.dotText
	if dot == nil {
		dot = ue.g.LayoutDOT()
	}
	l, err := eng.Layout(ctx, dot)
	if err != nil {
		return nil, nil, err
	}
	stable.mu.Lock()
	stable.layouts.put(lk, l)
	stable.mu.Unlock()
	return ue.g, l, nil
}

// hashed remembers the content hash of the last few scenarios by
// address, with their sizes: a date slider draws one loaded scenario over
// and over, and hashing 1,000 actors takes 20 ms. A scenario changed in
// place to other sizes is hashed again; one changed in place otherwise is
// caught by DrawOn (ErrNotInUnion) for what it adds.
var hashed = struct {
	sync.Mutex
	m map[*scenario.Scenario]hashedEntry
}{m: map[*scenario.Scenario]hashedEntry{}}

type hashedEntry struct {
	sizes [6]int
	sum   [32]byte
}

func scenarioHash(s *scenario.Scenario) [32]byte {
	sizes := [6]int{len(s.Sources), len(s.Actors), len(s.Tracks), len(s.Seats), len(s.Variants), len(s.Meta.Title)}
	hashed.Lock()
	e, ok := hashed.m[s]
	hashed.Unlock()
	if ok && e.sizes == sizes {
		return e.sum
	}
	sum := contentHash(s)
	hashed.Lock()
	if len(hashed.m) >= 8 {
		clear(hashed.m)
	}
	hashed.m[s] = hashedEntry{sizes, sum}
	hashed.Unlock()
	return sum
}

// contentHash is a digest of everything in s that a picture can draw.
func contentHash(s *scenario.Scenario) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%#v\x00%#v\x00%#v\x00%#v\x00%#v\x00%#v", s.Meta, s.Sources, s.Actors, s.Tracks, s.Seats, s.Variants)
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// lru is a small map that forgets the least recently used entry past
// its size. Not safe for concurrent use: stableCache holds its lock.
type lru[K comparable, V any] struct {
	size  int
	order *list.List // of K, most recent first
	items map[K]*list.Element
	vals  map[K]V
}

func newLRU[K comparable, V any](size int) *lru[K, V] {
	return &lru[K, V]{size: size, order: list.New(), items: map[K]*list.Element{}, vals: map[K]V{}}
}

func (c *lru[K, V]) get(k K) (V, bool) {
	el, ok := c.items[k]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return c.vals[k], true
}

func (c *lru[K, V]) put(k K, v V) {
	if el, ok := c.items[k]; ok {
		c.order.MoveToFront(el)
		c.vals[k] = v
		return
	}
	c.items[k] = c.order.PushFront(k)
	c.vals[k] = v
	for c.order.Len() > c.size {
		last := c.order.Back()
		old := last.Value.(K)
		c.order.Remove(last)
		delete(c.items, old)
		delete(c.vals, old)
	}
}
