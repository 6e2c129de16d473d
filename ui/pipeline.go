package ui

import (
	"context"
	"crypto/sha256"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parleyhq/parley/render"
	"github.com/parleyhq/parley/scenario"
)

// pipeline validates and renders texts off the UI thread. Each submission
// gets a generation number; submitting cancels the one in flight (the
// worker kills its child) and results of any but the newest generation are
// dropped, so the newest edit always wins.
type pipeline struct {
	eng render.Engine

	gen    atomic.Uint64
	mu     sync.Mutex
	cancel context.CancelFunc
	wg     sync.WaitGroup
	closed bool
}

func newPipeline(eng render.Engine) *pipeline { return &pipeline{eng: eng} }

// submit starts validating and rendering text with opts; the results land
// on the UI thread through u.do, in u.loaded and u.drawn.
func (p *pipeline) submit(u *App, name, text string, opts render.Options) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	if p.cancel != nil {
		p.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	gen := p.gen.Add(1)
	p.wg.Add(1)
	p.mu.Unlock()
	do := u.do
	start := time.Now()
	go func() {
		defer p.wg.Done()
		defer cancel()
		s, loadErr := scenario.Load(name, strings.NewReader(text))
		if !p.current(gen) {
			return
		}
		do(func() {
			if p.current(gen) {
				u.loaded(text, s, loadErr)
			}
		})
		if loadErr != nil || p.eng == nil {
			return
		}
		d, err := render.Diagram(ctx, p.eng, s, optionsFor(s, opts))
		if !p.current(gen) || errors.Is(err, context.Canceled) {
			return
		}
		took := time.Since(start)
		do(func() {
			if p.current(gen) {
				u.drawn(d, err, took)
			}
		})
	}()
}

func (p *pipeline) current(gen uint64) bool { return p.gen.Load() == gen }

// wait blocks until no submission is in flight (tests).
func (p *pipeline) wait() { p.wg.Wait() }

// close cancels the submission in flight and refuses new ones.
func (p *pipeline) close() {
	p.mu.Lock()
	p.closed = true
	if p.cancel != nil {
		p.cancel()
	}
	p.gen.Add(1)
	p.mu.Unlock()
}

// optionsFor is opts for drawing s: a variant that s does not have gives
// way to the base scenario, as the variant picker shows, and a focus on
// something s does not have (deleted, renamed) is dropped, as the focus
// control shows.
func optionsFor(s *scenario.Scenario, opts render.Options) render.Options {
	if opts.Variant != "" && !slices.ContainsFunc(s.Variants, func(v scenario.Variant) bool { return v.ID == opts.Variant }) {
		opts.Variant = ""
	}
	opts.Filter.Focus = slices.DeleteFunc(slices.Clone(opts.Filter.Focus), func(ref string) bool { _, i := refIndex(s, ref); return i < 0 })
	return opts
}

// layoutCache is an Engine that remembers the last few layouts by their
// DOT text, so that undo, redo and switching a view option back show at
// once instead of waiting for Graphviz again (seconds on a large
// scenario). Layouts are only read after they are made, so sharing them is
// safe.
type layoutCache struct {
	render.Engine
	mu      sync.Mutex
	entries []cachedLayout // most recent last
}

type cachedLayout struct {
	key [sha256.Size]byte
	l   *render.Layout
}

const layoutCacheSize = 8

// Layout returns the remembered layout of dot, or makes and remembers it.
func (c *layoutCache) Layout(ctx context.Context, dot []byte) (*render.Layout, error) {
	key := sha256.Sum256(dot)
	c.mu.Lock()
	for i, e := range c.entries {
		if e.key == key {
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			c.mu.Unlock()
			return e.l, nil
		}
	}
	c.mu.Unlock()
	l, err := c.Engine.Layout(ctx, dot)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.entries = append(c.entries, cachedLayout{key, l})
	if len(c.entries) > layoutCacheSize {
		c.entries = c.entries[1:]
	}
	c.mu.Unlock()
	return l, nil
}
