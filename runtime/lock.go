package runtime

import (
	"fmt"
	"sync/atomic"
	"time"
)

// Lock is a threading.Lock or, when reentrant, a threading.RLock.
type Lock struct {
	rt        *Runtime
	id        int
	reentrant bool
	line      int     // where it was made, for reports
	name      string  // what the program keeps it in, or "Lock-3" or "RLock-3"
	shared    bool    // used by several interpreters (multiprocessing.Lock)
	waiter    string  // for a Condition's waiter lock, what the Condition is for
	sleeper   *Thread // for a Condition's waiter lock, the thread that waits on it

	// Guarded by rt.mu.
	owner *Thread
	count int

	// Guarded by rt.sharedMu, with the trace rows whose order it decides.
	stage gateStage // for a Condition's waiter lock, where its sleeper's wait is
	// timedOut: a Condition's waiter lock whose sleeper's real-time wait
	// gave up, set under rt.mu when it did. The sleeper then waits for the
	// GIL, and a notify it does not see may come before it says so itself.
	timedOut atomic.Bool
}

// gateStage is where the wait of a Condition's waiter lock (its gate) is.
// The wait begins when the sleeper gives the Condition's lock up, before
// it blocks on the gate: a notify may come in between, and the trace
// must show it after the wait, not before. A stage only moves forward.
type gateStage uint8

const (
	gateBefore   gateStage = iota // the sleeper has not given the Condition's lock up yet
	gateWaiting                   // it has: its wait row is in the trace
	gateNotified                  // a notify released the gate
	gateOver                      // the wait ended without one (a timeout, an interrupt, a stop)
)

// NewLock makes a lock; line is the source line that made it, and name
// what reports call it (empty for "Lock-3" or "RLock-3", numbered in the
// order locks are made).
func (rt *Runtime) NewLock(reentrant bool, line int, name string) *Lock {
	l := &Lock{rt: rt, id: rt.nextID(), reentrant: reentrant, line: line, name: name}
	if l.name == "" {
		l.name = fmt.Sprintf("Lock-%d", l.id)
		if reentrant {
			l.name = "R" + l.name
		}
	}
	rt.mu.Lock()
	rt.locks.add(l)
	rt.mu.Unlock()
	return l
}

// SetWaiter marks the lock as the gate of one wait on a Condition (the
// interpreter holds it with a thread that never runs, and a notify
// releases it); what names the Condition, so that a thread blocked on
// the lock is said to wait for "a notify of what", and a deadlock on it
// is reported as a lost wakeup. sleeper is the thread that will wait on
// it, which the trace says the notify wakes. Call it before any thread
// waits.
func (l *Lock) SetWaiter(what string, sleeper *Thread) { l.waiter, l.sleeper = what, sleeper }

// BeginWait notes that t, the sleeper of this Condition's waiter lock,
// has just given the Condition's lock up: from now on it waits for a
// notify, and the trace says so at once, whenever t then blocks (if a
// notify has not come already, which the notify's row told).
func (l *Lock) BeginWait(t *Thread) {
	rt := l.rt
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	if l.waiter == "" || l.stage != gateBefore {
		return
	}
	l.stage = gateWaiting
	if rt.tracing.Load() {
		rt.trace.add(t, OpWait, rt.trace.keyOf(Loc{Obj: l, Name: l.Name()}), "a notify of "+l.waiter, t.site())
	}
}

// EndWait notes that the wait on this Condition's waiter lock ended
// without a notify: it timed out, or an interrupt or a stop ended it. A
// notify that releases the lock afterwards wakes no one.
func (l *Lock) EndWait() {
	l.rt.sharedMu.Lock()
	defer l.rt.sharedMu.Unlock()
	if l.stage != gateNotified {
		l.stage = gateOver
	}
}

// Name is how reports refer to the lock.
func (l *Lock) Name() string { return l.name }

// Reentrant reports whether this is an RLock.
func (l *Lock) Reentrant() bool { return l.reentrant }

// Line returns the source line that made the lock.
func (l *Lock) Line() int { return l.line }

// Locked reports whether some thread holds the lock.
func (l *Lock) Locked() bool {
	l.rt.mu.Lock()
	defer l.rt.mu.Unlock()
	return l.owner != nil
}

// Owner returns the thread holding the lock, or nil.
func (l *Lock) Owner() *Thread {
	l.rt.mu.Lock()
	defer l.rt.mu.Unlock()
	return l.owner
}

// takeLocked gives the lock to t if it is free (or t holds the RLock).
// Callers hold rt.mu.
func (l *Lock) takeLocked(t *Thread) bool {
	switch {
	case l.owner == nil:
		l.owner, l.count = t, 1
		t.held = append(t.held, l)
		return true
	case l.reentrant && l.owner == t:
		l.count++
		return true
	}
	return false
}

// Hold gives the free lock to t without a scheduling point or a trace
// event, and reports whether it was free. It is for a thread that never
// runs, such as the one an interpreter makes own a Condition's waiter
// locks until a notify releases them.
func (l *Lock) Hold(t *Thread) bool {
	l.rt.mu.Lock()
	defer l.rt.mu.Unlock()
	return l.owner == nil && l.takeLocked(t)
}

// Acquire takes the lock for t. Without blocking it returns at once; with a
// timeout >= 0 it gives up after that long. It reports whether t got it.
func (l *Lock) Acquire(t *Thread, blocking bool, timeout time.Duration) (bool, error) {
	s := t.dom.get()
	if err := s.point(t, Op{Kind: OpAcquire, Obj: l.id, lock: l, try: !blocking}); err != nil {
		return false, err
	}
	l.rt.mu.Lock()
	got := l.takeLocked(t)
	l.rt.mu.Unlock()
	if !got && blocking && timeout != 0 {
		var err error
		if got, err = s.wait(t, &waitSpec{lock: l, timeout: timeout}); err != nil {
			return false, err
		}
	}
	if got {
		l.rt.recordLock(t, l, OpAcquire)
	}
	return got, nil
}

// Release gives the lock up. Releasing a lock t does not hold is an error,
// as in Python.
func (l *Lock) Release(t *Thread) error {
	s := t.dom.get()
	if err := s.point(t, Op{Kind: OpRelease, Obj: l.id}); err != nil {
		return err
	}
	l.rt.mu.Lock()
	// A Condition's gate released by a thread other than its holder (the
	// interpreter's, which never runs) is a notify; the sleeper releases
	// it too, once it has it.
	notify := l.waiter != "" && l.owner != nil && l.owner != t
	switch {
	case l.owner == nil:
		l.rt.mu.Unlock()
		return fmt.Errorf("cannot release '%s': it is not locked. Every release() must follow an acquire() by the same thread", l.Name())
	case l.owner != t && l.reentrant:
		owner := l.owner.name
		l.rt.mu.Unlock()
		return fmt.Errorf("cannot release '%s': it is held by %s, and only the thread that holds an RLock may release it", l.Name(), owner)
	}
	// A plain Lock may be released by any thread, as in Python.
	l.count--
	if !l.reentrant || l.count == 0 {
		owner := l.owner
		for i, h := range owner.held {
			if h == l {
				owner.held = append(owner.held[:i], owner.held[i+1:]...)
				break
			}
		}
		l.owner, l.count = nil, 0
		l.rt.broadcast()
	}
	l.rt.mu.Unlock()
	if notify {
		l.rt.recordNotify(t, l)
	}
	l.rt.recordLock(t, l, OpRelease)
	return nil
}

// State returns the thread holding the lock (nil if none) and how many
// times it holds it.
func (l *Lock) State() (owner *Thread, count int) {
	l.rt.mu.Lock()
	defer l.rt.mu.Unlock()
	return l.owner, l.count
}

// Reset puts the lock back in a state State returned, without a
// scheduling point or a trace event. It is for exploration, which
// between runs gives a program's locks back the state they had before
// the first run, whoever the last run left holding them.
func (l *Lock) Reset(owner *Thread, count int) {
	l.rt.mu.Lock()
	defer l.rt.mu.Unlock()
	l.resetLocked(owner, count)
	l.rt.broadcast()
}

// resetLocked is Reset's work; it keeps the threads' lists of the locks
// they hold right, which deadlock reports read. Callers hold rt.mu.
func (l *Lock) resetLocked(owner *Thread, count int) {
	if l.owner == owner {
		l.count = count
		return
	}
	if old := l.owner; old != nil {
		for i, h := range old.held {
			if h == l {
				old.held = append(old.held[:i], old.held[i+1:]...)
				break
			}
		}
	}
	l.owner, l.count = owner, count
	if owner != nil {
		owner.held = append(owner.held, l)
	}
}
