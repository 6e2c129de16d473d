package ui

import (
	"context"
	"errors"
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
		s, err := scenario.Load(name, strings.NewReader(text))
		if !p.current(gen) {
			return
		}
		do(func() {
			if p.current(gen) {
				u.loaded(text, s, err)
			}
		})
		if err != nil || p.eng == nil {
			return
		}
		if opts.Variant != "" && !hasVariant(s, opts.Variant) {
			opts.Variant = ""
		}
		d, err := render.Diagram(ctx, p.eng, s, opts)
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

func hasVariant(s *scenario.Scenario, id string) bool {
	for _, v := range s.Variants {
		if v.ID == id {
			return true
		}
	}
	return false
}
