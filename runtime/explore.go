package runtime

import (
	"errors"
	"fmt"
	"slices"
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
	// Expect gives outcomes their verdicts. When it is not empty, an
	// outcome it does not name is forbidden.
	Expect []Expectation
	// Naive turns off the reduction and runs every interleaving.
	Naive bool
	// Source reduces with source-DPOR instead of optimal DPOR: no wakeup
	// trees, so some runs may end blocked by their sleep sets.
	Source bool
	// Bounded limits the search to schedules with at most Preemptions
	// preemptions (a switch away from a thread that could have gone on),
	// explored with 0, then 1, ... as CHESS's iterative context bounding
	// does, without the reduction.
	Bounded     bool
	Preemptions int
	// Random, when positive, runs that many random schedules instead of a
	// search, chosen as PCT does (random thread priorities, Depth-1 random
	// points where the running thread drops to the lowest priority) from
	// Seed.
	Random int
	Seed   uint64
	Depth  int
	// Budget, when positive, stops the search after this much time.
	Budget time.Duration
	// Schedule, when not empty, runs the one schedule it writes: the
	// thread to make each shared operation (read, write, acquire,
	// release), by name.
	Schedule []string
}

// Verdict grades an outcome, in the manner of jcstress.
type Verdict int

// The verdicts; NoVerdict when no expectations were given.
const (
	NoVerdict Verdict = iota
	Acceptable
	Interesting
	Forbidden
)

var verdictNames = [...]string{"", "acceptable", "interesting", "forbidden"}

func (v Verdict) String() string { return verdictNames[v] }

// ParseVerdict reads a verdict's name.
func ParseVerdict(name string) (Verdict, bool) {
	for i, n := range verdictNames {
		if n != "" && n == name {
			return Verdict(i), true
		}
	}
	return NoVerdict, false
}

// Expectation is the verdict on one outcome, by its key ("deadlock" for a
// deadlock), and what it means.
type Expectation struct {
	Key         string
	Value       any // the outcome itself, reported when it never comes
	Verdict     Verdict
	Description string
}

// Outcome is one distinct result of the explored schedules, or one that
// was declared and never came.
type Outcome struct {
	Key         string
	Value       any // the result of the first run with this outcome
	Count       int
	Deadlock    bool
	Example     *Trace         // the run with the fewest preemptions the search made (for a bad outcome, the fewest of all, within a budget)
	Stuck       *DeadlockError // for a deadlock: what each thread of Example waits for at its end
	Preemptions int            // Example's; -1 when the outcome never came
	Verdict     Verdict
	Description string
	Declared    bool // named in ExploreOptions.Expect
}

// ExploreReport is what Explore found.
type ExploreReport struct {
	Reduction string // how the search was reduced or bounded, in words
	// Counts says what a schedule is in this search: a trace (a class of
	// equivalent interleavings), an interleaving or a random run.
	Counts    string
	Schedules int        // complete schedules run
	Pruned    int        // runs cut short because they could only repeat explored traces (sleep-set blocked)
	Outcomes  []*Outcome // observed ones in the order first seen, then declared ones that never came
	Deadlocks int
	// Counterexample is the outcome reached with the fewest preemptions
	// among the forbidden ones (with expectations) or the deadlocks
	// (without); nil when there is none.
	Counterexample *Outcome
	// Failed is true when a forbidden outcome came.
	Failed bool
	// Bounded is true when the search covered only part of the schedules
	// on purpose (a preemption bound, random runs).
	Bounded     bool
	Replay      bool   // the one run of a written schedule
	Complete    bool   // false when the search was cut short or bounded
	StoppedBy   string // what cut it short: "max_schedules" or "time budget"
	IgnoresTime bool   // the program sleeps: exploration treats a sleep as a mere chance to switch
	Elapsed     time.Duration
}

// Explore runs fn, which starts and joins threads and returns a result,
// once for each interleaving of the threads' shared-state and lock
// operations that is not equivalent to one already run, on the calling
// main thread. Two interleavings are equivalent when they order every pair
// of dependent operations (the same location, one of them a write; two
// acquires of the same lock) the same way; the search is optimal DPOR
// (explore_wakeup.go) or source-DPOR (explore_dpor.go), or every
// interleaving when opts.Naive.
func (rt *Runtime) Explore(main *Thread, fn func() (any, error), opts ExploreOptions) (*ExploreReport, error) {
	if !main.isMain {
		return nil, errors.New("lab.explore can only be called from the main thread")
	}
	rt.settle()
	rt.mu.Lock()
	if t := rt.runningLocked(); t != nil {
		rt.mu.Unlock()
		return nil, fmt.Errorf("%s is still running; join it before calling lab.explore, which must control every thread", t.name)
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
	mainHeld := slices.Clone(main.held)
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

	// reset puts the locks and Shared objects back as Explore found
	// them: before each run, and after the last.
	reset := func() {
		rt.mu.Lock()
		rt.names, rt.objects = names, objects
		for i, l := range locks {
			l.resetLocked(lockStates[i].owner, lockStates[i].count)
		}
		// A run stopped midway may leave main holding a lock the run
		// made, which no registry lists.
		main.held = slices.Clone(mainHeld)
		rt.shared, rt.locks = savedShared.frozen(), savedLocks.frozen()
		rt.mu.Unlock()
		for i, s := range shared {
			s.restore(append([]string(nil), snaps[i].names...), append([]any(nil), snaps[i].values...))
		}
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
		reset()
		rt.dom.set(old)
		old.enter(main)
	}()

	began := time.Now()
	report := &ExploreReport{}
	srch := newSearch(opts, report)
	byKey := map[string]*Outcome{}
	verdicts := map[string]Expectation{}
	for _, e := range opts.Expect {
		verdicts[e.Key] = e
	}
	// runOnce runs fn once, from the state Explore found, under s. It
	// records into spare, a trace no report kept, when there is one.
	var spare *Trace
	runOnce := func(s search) (value any, err error, trace *Trace, run *runInfo, stop error) {
		reset()
		s.beginRun()
		c := newControlled(rt, s)
		rt.dom.set(c)
		rt.sharedMu.Lock()
		if trace, spare = spare, nil; trace != nil {
			trace.reset()
		} else {
			trace = rt.newTrace()
		}
		rt.trace = trace
		rt.sharedMu.Unlock()

		value, err = rt.exploreRun(c, main, fn)
		run = s.run()
		if stop := main.Stopped(); stop != nil && !errors.Is(stop, errPruned) &&
			(run.failure == nil || !errors.Is(stop, run.failure)) {
			return nil, nil, nil, nil, stop // interrupted
		}
		// A run the search itself gave up (a schedule it cannot follow)
		// stopped main with that failure; main must be free again for the
		// next explore.
		rt.resetMain()
		return value, err, trace, run, run.failure
	}
	keyOf := func(value any, err error) (string, *DeadlockError) {
		var dl *DeadlockError
		switch {
		case errors.As(err, &dl):
			return "deadlock", dl
		case err != nil:
			return "error: " + err.Error(), nil
		}
		return opts.Key(value), nil
	}
	bad := func(o *Outcome) bool { return o.Verdict == Forbidden || (len(opts.Expect) == 0 && o.Deadlock) }
	for {
		value, err, trace, run, stop := runOnce(srch)
		if stop != nil {
			return nil, stop
		}
		report.IgnoresTime = report.IgnoresTime || run.slept

		switch {
		case run.pruned:
			report.Pruned++
			spare = trace
		case run.repeat:
			// Counted in an earlier round of a bounded search.
			spare = trace
		default:
			report.Schedules++
			key, dl := keyOf(value, err)
			if dl != nil {
				report.Deadlocks++
			}
			o := byKey[key]
			if o == nil {
				o = &Outcome{Key: key, Value: value, Deadlock: dl != nil, Preemptions: -1}
				if e, ok := verdicts[key]; ok {
					o.Verdict, o.Description, o.Declared = e.Verdict, e.Description, true
				} else if len(opts.Expect) > 0 {
					o.Verdict, o.Description = Forbidden, "not among the expected outcomes"
				}
				byKey[key] = o
				report.Outcomes = append(report.Outcomes, o)
			}
			o.Count++
			if o.Preemptions < 0 || run.preemptions < o.Preemptions {
				o.Preemptions, o.Example, o.Stuck = run.preemptions, trace, dl
			}
			if o.Example != trace {
				spare = trace
			}
			if bad(o) {
				if ce := report.Counterexample; ce == nil || o.Preemptions < ce.Preemptions {
					report.Counterexample = o
				}
			}
			report.Failed = report.Failed || o.Verdict == Forbidden
		}
		if report.Schedules >= opts.MaxSchedules {
			report.StoppedBy = "max_schedules"
			break
		}
		if opts.Budget > 0 && time.Since(began) >= opts.Budget {
			report.StoppedBy = "time budget"
			break
		}
		if !srch.next() {
			report.Complete = !report.Bounded
			break
		}
	}
	// The reduced search ran one schedule of each trace, not always its
	// least preemptive one. For the bad outcomes (the counterexample's
	// candidates), iterative context bounding below the most preemptive
	// of their examples finds the fewest preemptions each needs, within a
	// budget as long as the search took (at least 50 ms, at most a second).
	most := 0
	for _, o := range report.Outcomes {
		if bad(o) {
			most = max(most, o.Preemptions)
		}
	}
	if most > 0 && !report.Bounded {
		refine := &bounded{dpor: newDPOR(true, 0), max: most - 1}
		deadline := time.Now().Add(min(max(time.Since(began), 50*time.Millisecond), time.Second))
		for {
			value, err, trace, run, stop := runOnce(refine)
			if stop != nil {
				if run == nil {
					return nil, stop
				}
				break
			}
			key, dl := keyOf(value, err)
			if o := byKey[key]; o != nil && bad(o) && !run.pruned && !run.repeat && run.preemptions < o.Preemptions {
				o.Preemptions, o.Example, o.Stuck = run.preemptions, trace, dl
			} else {
				spare = trace
			}
			improvable := false
			for _, o := range report.Outcomes {
				improvable = improvable || (bad(o) && o.Preemptions > refine.bound)
			}
			if !improvable || time.Now().After(deadline) || !refine.next() {
				break
			}
		}
		report.Counterexample = nil
		for _, o := range report.Outcomes {
			if ce := report.Counterexample; bad(o) && (ce == nil || o.Preemptions < ce.Preemptions) {
				report.Counterexample = o
			}
		}
	}
	for _, e := range opts.Expect {
		if byKey[e.Key] == nil {
			report.Outcomes = append(report.Outcomes, &Outcome{Key: e.Key, Value: e.Value, Deadlock: e.Key == "deadlock", Preemptions: -1,
				Verdict: e.Verdict, Description: e.Description, Declared: true})
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
	// A thread closes done before it leaves the scheduler.
	c.mu.Lock()
	c.over = true
	c.mu.Unlock()
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
