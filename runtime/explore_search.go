package runtime

import (
	"fmt"
	"math/rand/v2"
)

// search is how Explore chooses its schedules: a chooser for each run,
// told when a run begins and asked, after it, for the next.
type search interface {
	chooser
	beginRun()
	// run describes the run that just ended.
	run() *runInfo
	// next prepares the next run; false means there is none.
	next() bool
}

// runInfo is what a search tells about one run.
type runInfo struct {
	preemptions int
	pruned      bool  // cut short: it could only repeat explored traces
	repeat      bool  // complete, but counted already
	slept       bool  // a thread slept
	failure     error // the program behaved differently on a replay
}

// notice records what the chosen thread is about to do that the report
// mentions.
func (r *runInfo) notice(enabled []*Thread, chosen int) {
	for _, t := range enabled {
		if t.index == chosen && t.pending.Kind == OpSleep {
			r.slept = true
		}
	}
}

// newSearch makes the search opts ask for and describes it in report.
func newSearch(opts ExploreOptions, report *ExploreReport) search {
	switch {
	case len(opts.Schedule) > 0:
		report.Reduction = "the written schedule"
		report.Counts = "runs"
		report.Bounded, report.Replay = true, true
		return &replay{names: opts.Schedule}
	case opts.Random > 0:
		depth := max(opts.Depth, 1)
		report.Reduction = fmt.Sprintf("random schedules (PCT, depth %d, seed %d)", depth, opts.Seed)
		report.Counts = "random runs"
		report.Bounded = true
		return newPCT(opts.Random, depth, opts.Seed)
	case opts.Bounded:
		report.Reduction = fmt.Sprintf("preemption bound %d (iterative context bounding, no reduction)", opts.Preemptions)
		report.Counts = "interleavings"
		report.Bounded = true
		return &bounded{dpor: newDPOR(true, 0), max: max(opts.Preemptions, 0)}
	case opts.Naive:
		report.Reduction = "none (every interleaving)"
		report.Counts = "interleavings"
		return newDPOR(true, -1)
	}
	report.Counts = "traces"
	if opts.Source {
		report.Reduction = "source-DPOR with sleep sets"
		return newDPOR(false, -1)
	}
	report.Reduction = "optimal DPOR (wakeup trees and sleep sets)"
	return newOptimalDPOR()
}

// bounded is iterative context bounding: every schedule with no
// preemption, then every one with one, and so on up to max. Round b runs
// the schedules with up to b preemptions again; it counts only those with
// exactly b.
type bounded struct {
	*dpor
	bound, max int
}

func (b *bounded) run() *runInfo {
	r := b.dpor.run()
	r.repeat = !r.pruned && r.preemptions < b.bound
	return r
}

func (b *bounded) next() bool {
	if b.dpor.next() {
		return true
	}
	if b.bound >= b.max {
		return false
	}
	b.bound++
	b.dpor = newDPOR(true, b.bound)
	return true
}

// pct chooses random schedules as PCT does (Burckhardt, Kothari, Musuvathi
// and Nagarakatte, ASPLOS 2010): each thread gets a random priority, the
// highest-priority thread that can go on runs, and at depth-1 random steps
// the running thread drops below every other.
type pct struct {
	runInfo
	rng     *rand.Rand
	left    int
	depth   int
	prio    []float64
	changes []int // the steps at which the running thread drops
	steps   int
	longest int // the most steps a run has taken, for placing the change points
}

func newPCT(runs, depth int, seed uint64) *pct {
	return &pct{rng: rand.New(rand.NewPCG(seed, 0x70637421)), left: runs, depth: depth, longest: 16}
}

func (p *pct) beginRun() {
	p.runInfo = runInfo{}
	p.steps, p.prio, p.changes = 0, p.prio[:0], p.changes[:0]
	for range p.depth - 1 {
		p.changes = append(p.changes, 1+p.rng.IntN(p.longest))
	}
}

func (p *pct) decides(k OpKind) bool { return k != opTick }

func (p *pct) budget() int { return 1 << 30 }

func (p *pct) pick(enabled []*Thread, cur *Thread, _ OpKind) (*Thread, error) {
	var best, blocked *Thread
	curReady := false
	for _, t := range enabled {
		for len(p.prio) <= t.index {
			p.prio = append(p.prio, float64(p.depth)+p.rng.Float64())
		}
		if t.stopped.Load() {
			return t, nil
		}
		if accessOf(t).kind == accBlocked {
			if blocked == nil {
				blocked = t
			}
			continue
		}
		curReady = curReady || t == cur
		if best == nil || p.prio[t.index] > p.prio[best.index] {
			best = t
		}
	}
	if best == nil {
		return blocked, nil
	}
	p.steps++
	p.longest = max(p.longest, p.steps)
	for i, at := range p.changes {
		if at == p.steps {
			p.prio[best.index] = float64(p.depth - 1 - i)
		}
	}
	if curReady && best != cur {
		p.preemptions++
	}
	p.notice(enabled, best.index)
	return best, nil
}

func (p *pct) run() *runInfo { return &p.runInfo }

func (p *pct) next() bool {
	p.left--
	return p.left > 0
}
