package runtime

import (
	"errors"
	"fmt"
	"time"
)

// errPruned stops a run whose remaining schedules are all equivalent to
// ones already explored.
var errPruned = fmt.Errorf("%w: this schedule is equivalent to one already explored", ErrStopped)

var errNondeterministic = errors.New("lab.explore needs a function that does the same thing every time it runs: it made different threads or operations on a replay (does it use time, random numbers or state left over from an earlier run?)")

// ExploreOptions tunes Explore.
type ExploreOptions struct {
	// MaxSchedules stops the search after this many complete schedules.
	MaxSchedules int
	// Key names the outcome of one run's result, e.g. its repr.
	Key func(any) string
	// Expect, when not nil, is the key of the expected outcome; any other
	// outcome (or a deadlock) is a counterexample.
	Expect *string
	// Naive turns off the reduction and runs every interleaving.
	Naive bool
}

// Outcome is one distinct result of the explored schedules.
type Outcome struct {
	Key         string
	Value       any // the result of the first run with this outcome
	Count       int
	Deadlock    bool
	Example     *Trace // the run with the fewest preemptions
	Preemptions int
}

// ExploreReport is what Explore found.
type ExploreReport struct {
	Schedules int        // complete schedules run
	Pruned    int        // runs cut short as equivalent to explored ones
	Outcomes  []*Outcome // in the order first seen
	Deadlocks int
	// Counterexample is the unexpected outcome (or deadlock) reached with
	// the fewest preemptions, nil when there is none.
	Counterexample *Outcome
	Complete       bool // false when MaxSchedules cut the search short
	Elapsed        time.Duration
}

// Explore runs fn, which starts and joins threads and returns a result,
// once for each interleaving of the threads' shared-state and lock
// operations, on the calling main thread. The search is a depth-first
// search over the choices at every scheduling point, reduced with sleep
// sets: after the schedules that run operation a first have been explored,
// schedules that run an independent operation b first and a next are
// skipped, since they reach the same state. Only operations on the same
// shared field (at least one a write) or the same lock are dependent.
func (rt *Runtime) Explore(main *Thread, fn func() (any, error), opts ExploreOptions) (*ExploreReport, error) {
	if !main.isMain {
		return nil, errors.New("lab.explore can only be called from the main thread")
	}
	rt.settle()
	rt.mu.Lock()
	for _, t := range rt.alive {
		if t.dom == rt.dom {
			rt.mu.Unlock()
			return nil, fmt.Errorf("%s is still running; join it before calling lab.explore, which must control every thread", t.name)
		}
	}
	names, objects := rt.names, rt.objects
	shared, locks := rt.shared.live(), rt.locks.live()
	savedShared, savedLocks := rt.shared.frozen(), rt.locks.frozen()
	type lockState struct {
		owner *Thread
		count int
	}
	lockStates := make([]lockState, len(locks))
	for i, l := range locks {
		lockStates[i] = lockState{l.owner, l.count}
	}
	rt.mu.Unlock()
	type snap struct {
		names  []string
		values []any
	}
	snaps := make([]snap, len(shared))
	for i, s := range shared {
		snaps[i].names, snaps[i].values = s.Snapshot()
	}
	if opts.MaxSchedules <= 0 {
		opts.MaxSchedules = 100000
	}
	if opts.Key == nil {
		opts.Key = func(v any) string { return fmt.Sprint(v) }
	}

	old := rt.dom.get()
	old.leave(main)
	rt.sharedMu.Lock()
	savedTrace, savedTracing := rt.trace, rt.tracing.Load()
	rt.tracing.Store(true)
	rt.sharedMu.Unlock()
	defer func() {
		rt.sharedMu.Lock()
		rt.trace = savedTrace
		rt.tracing.Store(savedTracing)
		rt.sharedMu.Unlock()
		rt.mu.Lock()
		rt.names = names
		rt.mu.Unlock()
		rt.dom.set(old)
		old.enter(main)
	}()

	began := time.Now()
	report := &ExploreReport{}
	byKey := map[string]*Outcome{}
	search := &dfs{reduce: !opts.Naive}
	for {
		// Every run starts from the same state.
		rt.mu.Lock()
		rt.names, rt.objects = names, objects
		for i, l := range locks {
			l.owner, l.count = lockStates[i].owner, lockStates[i].count
		}
		rt.shared, rt.locks = savedShared.frozen(), savedLocks.frozen()
		rt.mu.Unlock()
		for i, s := range shared {
			s.restore(append([]string(nil), snaps[i].names...), append([]any(nil), snaps[i].values...))
		}
		search.beginRun()
		c := newControlled(rt, search)
		rt.dom.set(c)
		trace := newTrace(&rt.sharedMu, &rt.ints)
		rt.sharedMu.Lock()
		rt.trace = trace
		rt.sharedMu.Unlock()

		value, err := rt.exploreRun(c, main, fn)
		if stop := main.Stopped(); stop != nil && !errors.Is(stop, errPruned) {
			return nil, stop // interrupted
		}
		rt.resetMain()
		if nd := search.failure; nd != nil {
			return nil, nd
		}

		if search.pruned {
			report.Pruned++
		} else {
			report.Schedules++
			var key string
			var dl *DeadlockError
			switch {
			case errors.As(err, &dl):
				key = "deadlock"
				report.Deadlocks++
			case err != nil:
				key = "error: " + err.Error()
			default:
				key = opts.Key(value)
			}
			o := byKey[key]
			if o == nil {
				o = &Outcome{Key: key, Value: value, Deadlock: dl != nil, Preemptions: -1}
				byKey[key] = o
				report.Outcomes = append(report.Outcomes, o)
			}
			o.Count++
			if o.Preemptions < 0 || search.preemptions < o.Preemptions {
				o.Preemptions, o.Example = search.preemptions, trace
			}
			if o.Deadlock || (opts.Expect != nil && key != *opts.Expect) {
				if ce := report.Counterexample; ce == nil || o.Preemptions < ce.Preemptions {
					report.Counterexample = o
				}
			}
		}
		if report.Schedules >= opts.MaxSchedules {
			break
		}
		if !search.backtrack() {
			report.Complete = true
			break
		}
	}
	report.Elapsed = time.Since(began)
	return report, nil
}

// exploreRun runs fn once under c and waits until every thread it started
// has ended.
func (rt *Runtime) exploreRun(c *controlled, main *Thread, fn func() (any, error)) (any, error) {
	if err := c.enter(main); err != nil {
		return nil, err
	}
	value, err := fn()
	if err == nil {
		// Threads fn left running still belong to this schedule.
		for _, t := range c.snapshot() {
			if t == main {
				continue
			}
			if _, jerr := t.Join(main, -1); jerr != nil {
				err = jerr
				break
			}
		}
	}
	c.leave(main)
	for _, t := range c.snapshot() {
		if t != main {
			<-t.done
		}
	}
	return value, err
}

func (c *controlled) snapshot() []*Thread {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*Thread(nil), c.threads...)
}

// resetMain clears a stop that ended an explored run.
func (rt *Runtime) resetMain() {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.main.stopErr != nil {
		rt.main.renewStop()
		rt.main.stopErr = nil
		rt.main.stopped.Store(false)
	}
	rt.main.stopErrFor = nil
}

// dfs is the chooser of Explore: a depth-first search over decisions,
// replaying the path to the next unexplored branch on every run.
type dfs struct {
	reduce bool
	stack  []*node

	// State of the current run.
	depth       int
	sleep       []choice // sleep set for the next new node
	preemptions int
	pruned      bool
	failure     error
}

// choice is a thread (by creation index in its run) and the operation it
// is about to perform.
type choice struct {
	idx int
	op  Op
}

type node struct {
	enabled []choice
	sleep   []choice
	done    []int // positions in enabled already explored
	chosen  int
}

func (d *dfs) beginRun() {
	d.depth, d.sleep, d.preemptions, d.pruned, d.failure = 0, nil, 0, false, nil
}

func (d *dfs) decides(k OpKind) bool { return k != opTick }

func (d *dfs) budget() int { return 1 << 30 }

func (d *dfs) pick(enabled []*Thread, cur *Thread, _ OpKind) (*Thread, error) {
	cs := make([]choice, len(enabled))
	for i, t := range enabled {
		cs[i] = choice{t.index, t.pending}
	}
	var n *node
	if d.depth < len(d.stack) {
		n = d.stack[d.depth]
		if !sameChoices(n.enabled, cs) {
			d.failure = errNondeterministic
			return nil, errNondeterministic
		}
	} else {
		n = &node{enabled: cs, sleep: d.sleep, chosen: -1}
		for i, c := range cs {
			if !d.reduce || !asleep(n.sleep, c.idx) {
				n.chosen = i
				break
			}
		}
		if n.chosen < 0 {
			d.pruned = true
			return nil, errPruned
		}
		d.stack = append(d.stack, n)
	}
	d.depth++
	picked := n.enabled[n.chosen]
	if d.reduce {
		var next []choice
		for _, s := range n.sleep {
			if independent(s.op, picked.op) {
				next = append(next, s)
			}
		}
		for _, j := range n.done {
			if x := n.enabled[j]; independent(x.op, picked.op) {
				next = append(next, x)
			}
		}
		d.sleep = next
	}
	var chosen *Thread
	curEnabled := false
	for _, t := range enabled {
		if t.index == picked.idx {
			chosen = t
		}
		curEnabled = curEnabled || t == cur
	}
	if curEnabled && chosen != cur {
		d.preemptions++
	}
	return chosen, nil
}

// backtrack moves to the next unexplored branch; false means the search
// is over.
func (d *dfs) backtrack() bool {
	for len(d.stack) > 0 {
		n := d.stack[len(d.stack)-1]
		n.done = append(n.done, n.chosen)
		for i, c := range n.enabled {
			if contains(n.done, i) || (d.reduce && asleep(n.sleep, c.idx)) {
				continue
			}
			n.chosen = i
			return true
		}
		d.stack = d.stack[:len(d.stack)-1]
	}
	return false
}

func asleep(sleep []choice, idx int) bool {
	for _, s := range sleep {
		if s.idx == idx {
			return true
		}
	}
	return false
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func sameChoices(a, b []choice) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].idx != b[i].idx || a[i].op.Kind != b[i].op.Kind || a[i].op.Field != b[i].op.Field {
			return false
		}
	}
	return true
}
