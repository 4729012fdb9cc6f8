package runtime

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// cstate is a thread's state under a controlled scheduler.
type cstate int

const (
	cNone    cstate = iota // not taking part (the main thread between cells)
	cNew                   // started, waiting for its first turn
	cReady                 // running, or parked at a scheduling point
	cWaiting               // blocked on a waitSpec
	cEnded
	cOutside // in a wait the scheduler cannot see (another process, the terminal); it comes back
)

// opTick is the reason given to a chooser when a thread's step budget runs
// out; it is not an operation.
const opTick = OpNotify + 1

// chooser is the policy of a controlled scheduler.
type chooser interface {
	// decides reports whether a point announcing kind is a decision.
	decides(kind OpKind) bool
	// pick returns who runs next among enabled (never empty, in creation
	// order, not to be kept); cur is the thread asking, enabled or not.
	pick(enabled []*Thread, cur *Thread, why OpKind) (*Thread, error)
	// budget returns the steps a thread may run before its next tick.
	budget() int
}

// controlled lets exactly one thread of its domain run at a time (the one
// holding the turn) and asks its chooser, at each decision, who goes next.
// Time is virtual: sleeping advances a clock only when nobody can run.
type controlled struct {
	rt    *Runtime
	ch    chooser
	mu    sync.Mutex
	turn  atomic.Pointer[Thread]
	start time.Time

	// Guarded by mu.
	threads []*Thread
	waits   map[*Thread]*waitSpec
	clock   time.Duration
	over    bool        // the run is over: a thread still ending must not consult the chooser, which has moved on
	enabled []*Thread   // choose's buffer; choosers do not keep it
	objs    map[any]int // the objects the run's accesses touched, numbered (objID)
}

func newControlled(rt *Runtime, ch chooser) *controlled {
	return &controlled{rt: rt, ch: ch, start: time.Now(), waits: map[*Thread]*waitSpec{}, objs: map[any]int{}}
}

func (c *controlled) spawn(t *Thread) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t.index = len(c.threads)
	t.cstate = cNew
	t.pending = Op{Kind: OpBegin}
	c.threads = append(c.threads, t)
}

func (c *controlled) enter(t *Thread) error {
	c.mu.Lock()
	found := false
	for _, x := range c.threads {
		found = found || x == t
	}
	if !found {
		t.index = len(c.threads)
		c.threads = append(c.threads, t)
	}
	if t.cstate != cNew {
		t.cstate = cReady
		t.pending = Op{Kind: OpBegin}
	}
	if c.turn.Load() == nil {
		c.turn.Store(t)
		c.mu.Unlock()
		return nil
	}
	c.mu.Unlock()
	return c.park(t)
}

// give hands the turn to t, which is parked (or about to park) waiting
// for it. Callers hold c.mu.
func (c *controlled) give(t *Thread) {
	if t.cstate == cNew {
		t.cstate = cReady
	}
	c.turn.Store(t)
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// park waits until t is given the turn.
func (c *controlled) park(t *Thread) error {
	stop, why := t.stopChan()
	select {
	case <-t.wake:
		return nil
	case <-stop:
		return why()
	}
}

// mine checks that t holds the turn; a stopped thread that is unwinding
// may call in without it and must not take part.
func (c *controlled) mine(t *Thread) error {
	if c.turn.Load() == t {
		return nil
	}
	if err := t.Stopped(); err != nil {
		return err
	}
	return ErrStopped
}

func (c *controlled) leave(t *Thread) {
	c.mu.Lock()
	if t.isMain {
		t.cstate = cNone
	} else {
		t.cstate = cEnded
	}
	// Drain a turn handed over while t was stopping, so it does not linger.
	select {
	case <-t.wake:
	default:
	}
	switch turn := c.turn.Load(); {
	case turn == nil && !c.over && !t.isMain:
		// The domain is idle, its threads waiting for what t's end may
		// give them (t was stopped while it waited): someone may run now.
		// (The main thread leaving its cell gives nothing: the threads
		// wait on for the next cell, as they would between cells.)
	case turn != t:
		c.mu.Unlock()
		return
	}
	stop := c.handOff(t, OpEnd)
	c.mu.Unlock()
	stopAll(stop)
}

// handOff chooses who runs after t, which holds the turn and cannot or
// will not go on itself, and gives them the turn. It returns threads that
// must be stopped once c.mu is released. Callers hold c.mu.
func (c *controlled) handOff(t *Thread, why OpKind) []*Thread {
	next, err := c.choose(t, why)
	if err != nil {
		return c.abortLocked(err)
	}
	if next == nil {
		c.turn.Store(nil)
		if c.comingLocked() {
			return nil // idle until a thread comes back from outside, or ends
		}
		return c.deadlockLocked(nil)
	}
	c.give(next)
	return nil
}

// yield lets the chooser decide whether t (holding the turn) goes on or
// another thread runs; in that case t parks until it is chosen again.
// Callers hold c.mu; yield releases it.
func (c *controlled) yield(t *Thread, why OpKind) error {
	next, err := c.choose(t, why)
	if err != nil {
		stop := c.abortLocked(err)
		c.mu.Unlock()
		stopAll(stop)
		return err
	}
	if next == nil && c.comingLocked() {
		// Nobody here can run, but a thread outside will come back (or
		// a stopped one end) and may change that: no deadlock, t waits
		// for its turn.
		c.turn.Store(nil)
		c.mu.Unlock()
		return c.park(t)
	}
	if next == nil {
		stop := c.deadlockLocked(t)
		w := c.waits[t]
		c.mu.Unlock()
		stopAll(stop)
		if w != nil && w.err != nil {
			return w.err // t is the main thread, told of the deadlock; it keeps the turn
		}
		return c.park(t)
	}
	if next == t {
		c.mu.Unlock()
		return nil
	}
	c.give(next)
	c.mu.Unlock()
	return c.park(t)
}

// choose asks the chooser among the enabled threads, advancing the virtual
// clock when only sleepers remain. nil means nobody can run.
func (c *controlled) choose(cur *Thread, why OpKind) (*Thread, error) {
	if c.over {
		return nil, nil
	}
	for {
		enabled := c.enabled[:0]
		c.rt.mu.Lock()
		for _, t := range c.threads {
			switch t.cstate {
			case cNew, cReady:
				enabled = append(enabled, t)
			case cWaiting:
				// A wait that came to depend on another process is
				// enabled: the thread goes on to wait outside.
				w := c.waits[t]
				if w != nil && (w.readyLocked(t) || w.externalLocked(t) || (w.timed() && c.clock >= w.until)) {
					enabled = append(enabled, t)
				}
			}
		}
		c.rt.mu.Unlock()
		c.enabled = enabled
		if len(enabled) > 0 {
			return c.ch.pick(enabled, cur, why)
		}
		if !c.advanceLocked() {
			return nil, nil
		}
	}
}

// advanceLocked moves the clock to the earliest deadline of a waiting
// thread; it reports whether there was one.
func (c *controlled) advanceLocked() bool {
	var next time.Duration
	found := false
	for t, w := range c.waits {
		if t.cstate == cWaiting && w.timed() && (!found || w.until < next) {
			next, found = w.until, true
		}
	}
	if found && next > c.clock {
		c.clock = next
	}
	return found
}

// deadlockLocked handles the state where nobody can run. If the main thread
// is among the waiting threads it gets a DeadlockError (and the turn,
// unless it is the caller t); the other waiting threads are returned to be
// stopped.
func (c *controlled) deadlockLocked(t *Thread) []*Thread {
	var stuck []*Thread
	var main *Thread
	c.rt.mu.Lock()
	e := &DeadlockError{}
	for _, x := range c.threads {
		if x.cstate != cWaiting {
			continue
		}
		if x.isMain {
			main = x
			continue
		}
		stuck = append(stuck, x)
		e.Rows = append(e.Rows, rowLocked(x, c.waits[x]))
	}
	if main != nil {
		e.Rows = append(e.Rows, rowLocked(main, c.waits[main]))
	}
	c.rt.mu.Unlock()
	if main == nil {
		return stuck // nobody to tell: they are stopped quietly
	}
	c.waits[main].err = e
	if main != t {
		c.give(main)
	} else {
		c.turn.Store(main)
	}
	return stuck
}

// abortLocked ends a run the chooser refused to continue: every thread of
// the domain is stopped with err.
func (c *controlled) abortLocked(err error) []*Thread {
	c.turn.Store(nil)
	var all []*Thread
	for _, x := range c.threads {
		if x.cstate != cEnded && x.cstate != cNone {
			all = append(all, x)
		}
	}
	for _, x := range all {
		x.stopErrFor = err
	}
	return all
}

func stopAll(ts []*Thread) {
	for _, t := range ts {
		err := t.stopErrFor
		if err == nil {
			err = ErrStopped
		}
		t.Stop(err)
	}
}

func (c *controlled) tick(t *Thread) (int, error) {
	if t.stopped.Load() {
		return 0, t.Stopped()
	}
	if !c.ch.decides(opTick) {
		return c.ch.budget(), nil
	}
	if err := c.mine(t); err != nil {
		return 0, err
	}
	c.mu.Lock()
	if err := c.yield(t, opTick); err != nil {
		return 0, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ch.budget(), nil
}

func (c *controlled) point(t *Thread, op Op) error {
	if !c.ch.decides(op.Kind) {
		return nil
	}
	if err := c.mine(t); err != nil {
		return err
	}
	c.mu.Lock()
	t.pending = op
	return c.yield(t, op.Kind)
}

func (c *controlled) wait(t *Thread, w *waitSpec) (bool, error) {
	if err := c.mine(t); err != nil {
		return false, err
	}
	w.line = t.line()
	c.mu.Lock()
	if w.timed() {
		w.until = c.clock + w.timeout
	}
	for {
		c.rt.mu.Lock()
		got := w.tryLocked(t)
		outside := !got && w.externalLocked(t)
		c.rt.mu.Unlock()
		if got || outside || (w.timed() && c.clock >= w.until) {
			t.cstate = cReady
			delete(c.waits, t)
			c.mu.Unlock()
			if outside {
				// Another process holds the lock now, or t joins one:
				// only real time ends this wait. (t holds the turn.)
				return c.waitOutside(t, w)
			}
			return got, nil
		}
		if t.cstate != cWaiting {
			c.mu.Unlock()
			c.rt.recordWait(t, w)
			c.mu.Lock()
		}
		t.cstate = cWaiting
		c.waits[t] = w
		err := c.yield(t, OpJoin)
		c.mu.Lock()
		if err == nil {
			err = w.err
		}
		if err != nil {
			t.cstate = cReady
			delete(c.waits, t)
			c.mu.Unlock()
			return false, err
		}
	}
}

func (c *controlled) sleep(t *Thread, d time.Duration) error {
	if c.ch.decides(OpSleep) {
		return c.point(t, Op{Kind: OpSleep})
	}
	_, err := c.wait(t, &waitSpec{timeout: d})
	return err
}

func (c *controlled) current() *Thread { return c.turn.Load() }

func (c *controlled) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.start.Add(c.clock)
}

// seeded is the chooser of lab.seed: like a GIL that switches after a
// random number of steps and at every blocking call, with every choice
// drawn from one seeded generator.
type seeded struct {
	rng *rand.Rand
	rt  *Runtime // for the switch interval, which may change at any time
}

func (s *seeded) decides(k OpKind) bool { return k == opTick || k == OpStart }

func (s *seeded) pick(enabled []*Thread, _ *Thread, _ OpKind) (*Thread, error) {
	return enabled[s.rng.IntN(len(enabled))], nil
}

func (s *seeded) budget() int { return 1 + s.rng.IntN(2*s.rt.SwitchInterval()) }
