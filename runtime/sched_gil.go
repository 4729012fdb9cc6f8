package runtime

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// gilSched runs threads on real goroutines. With the GIL on, a thread must
// hold it to run; the holder hands it over, first come first served, when
// someone waits and whenever it blocks. When someone waits, it hands over
// at every switch interval of steps, or, after sys.setswitchinterval, as
// CPython does: once the waiters have waited a whole interval of time
// without the GIL changing hands, the holder lets go at its next safe
// point (it looks at the clock at each tick, which is cheaper and more
// punctual than a timer on a busy processor). With the GIL off every
// method but wait and sleep does nothing.
//
// A hand-off is on the path of every switch interval, tens of thousands
// of times a second: it takes g.mu once, reads no clock unless switching
// by time, and tells the next holder through its state, or its own
// channel when it parked (gil_wake.go); on the one processor Go runs on
// while the GIL is on (procs.go) either is one goroutine switch. A tick
// with nobody waiting reads two atomics.
type gilSched struct {
	rt      *Runtime
	on      bool
	mu      sync.Mutex
	head    *Thread // the threads waiting for the GIL, linked by Thread.gilNext; guarded by mu
	tail    *Thread
	waiting atomic.Int32 // how many are in the queue, for the ticks' cheap check
	holder  *Thread      // guarded by mu

	// Switching by time: when the threads in the queue began to wait (the
	// first of them to queue, or the last hand-off), in Unix nanoseconds.
	// Kept only while switching by time: after sys.setswitchinterval the
	// first waiters may get the GIL one interval early, no more.
	since atomic.Int64

	// Whether Go runs on one processor, and the waits since it was
	// counted (waitState); guarded by mu.
	oneProc  bool
	procsAge int
}

func newGILSched(rt *Runtime, on bool) *gilSched { return &gilSched{rt: rt, on: on} }

func (g *gilSched) spawn(*Thread) {}

func (g *gilSched) enter(t *Thread) error {
	if !g.on {
		return nil
	}
	g.mu.Lock()
	if g.holder == nil {
		g.holder = t
		g.mu.Unlock()
		t.batch.on = !t.isMain
		return nil
	}
	if t.stopped.Load() {
		g.mu.Unlock()
		return t.Stopped()
	}
	g.push(t)
	g.mu.Unlock()
	return g.await(t)
}

// push queues t for the GIL. Callers hold g.mu.
func (g *gilSched) push(t *Thread) {
	t.gilState.Store(g.waitState(g.waiting.Load()))
	if g.head == nil {
		g.head = t
		g.markSince()
	} else {
		g.tail.gilNext = t
	}
	g.tail = t
	g.waiting.Add(1)
}

// pop takes the first thread off the queue, which is not empty. Callers
// hold g.mu.
func (g *gilSched) pop() *Thread {
	t := g.head
	g.head, t.gilNext = t.gilNext, nil
	if g.head == nil {
		g.tail = nil
	}
	g.waiting.Add(-1)
	return t
}

// markSince notes that the waiters start waiting now, when the GIL
// changes hands by time. Callers hold g.mu.
func (g *gilSched) markSince() {
	if g.rt.slice.Load() > 0 {
		g.since.Store(time.Now().UnixNano())
	}
}

// interrupt ends t's wait for the GIL, if it is waiting; t has just been
// stopped (so a later enter returns at once: it checks under g.mu).
func (g *gilSched) interrupt(t *Thread) {
	g.mu.Lock()
	var prev *Thread
	for q := g.head; q != nil; prev, q = q, q.gilNext {
		if q != t {
			continue
		}
		if prev == nil {
			g.head = t.gilNext
		} else {
			prev.gilNext = t.gilNext
		}
		if g.tail == t {
			g.tail = prev
		}
		t.gilNext = nil
		g.waiting.Add(-1)
		g.mu.Unlock()
		g.wake(t, false)
		return
	}
	g.mu.Unlock()
}

func (g *gilSched) leave(t *Thread) {
	if !g.on {
		return
	}
	t.dropTrace()
	g.mu.Lock()
	if g.holder != t {
		g.mu.Unlock()
		return
	}
	if g.head == nil {
		g.holder = nil
		g.mu.Unlock()
		return
	}
	next := g.handOver()
	g.mu.Unlock()
	g.wake(next, true)
}

// handOver makes the first waiter the holder and returns it, to be woken
// once g.mu is released. Callers hold g.mu; the queue is not empty.
func (g *gilSched) handOver() *Thread {
	next := g.pop()
	g.holder = next
	g.markSince()
	g.rt.switches.Add(1)
	return next
}

// rotate is handOver then push(t) for the holder t, with the queue's
// length unchanged: one waiter leaves it as t joins it, so the count the
// ticks read is not touched. Callers hold g.mu; the queue is not empty.
func (g *gilSched) rotate(t *Thread) *Thread {
	next := g.head
	g.head, next.gilNext = next.gilNext, nil
	t.gilState.Store(g.waitState(g.waiting.Load() - 1))
	if g.head == nil {
		g.head = t
	} else {
		g.tail.gilNext = t
	}
	g.tail = t
	g.holder = next
	g.markSince()
	g.rt.switches.Add(1)
	return next
}

// yield is leave then enter in one step: t, the holder, hands the GIL to
// the first waiter and queues behind the others.
func (g *gilSched) yield(t *Thread) error {
	t.flushTrace(true)
	g.mu.Lock()
	if g.holder != t {
		g.mu.Unlock()
		return g.enter(t)
	}
	if g.head == nil {
		g.mu.Unlock()
		t.batch.on = !t.isMain
		return nil // the waiter left (stopped) meanwhile
	}
	stopped := t.stopped.Load()
	var next *Thread
	if stopped {
		next = g.handOver()
	} else {
		next = g.rotate(t)
	}
	g.mu.Unlock()
	g.wake(next, true)
	if stopped {
		return t.Stopped()
	}
	return g.await(t)
}

func (g *gilSched) tick(t *Thread) (int, error) {
	if t.stopped.Load() {
		return 0, t.Stopped()
	}
	next := t.jit.jitter(g.rt.SwitchInterval())
	if !g.on || g.waiting.Load() == 0 {
		t.flushTrace(false) // readers see the events of a thread that runs alone, too
		return next, nil
	}
	if d := g.rt.slice.Load(); d > 0 {
		// As CPython: a waiter waits a whole interval before it asks
		// the holder to let go, which it does at its next safe point.
		if time.Now().UnixNano()-g.since.Load() < d {
			return next, nil
		}
		if t.SafePoint != nil && !t.SafePoint() {
			return 1, nil // look again at the next step
		}
	}
	return next, g.yield(t)
}

func (g *gilSched) point(*Thread, Op) error { return nil }

func (g *gilSched) wait(t *Thread, w *waitSpec) (bool, error) {
	g.rt.recordWait(t, w)
	g.leave(t)
	ok, err := g.rt.realWait(t, w)
	if err2 := g.enter(t); err == nil {
		err = err2
	}
	return ok, err
}

func (g *gilSched) sleep(t *Thread, d time.Duration) error {
	g.leave(t)
	stop, why := t.stopChan()
	timer := time.NewTimer(d)
	var err error
	select {
	case <-timer.C:
	case <-stop:
		timer.Stop()
		err = why()
	}
	if err2 := g.enter(t); err == nil {
		err = err2
	}
	return err
}

func (g *gilSched) outside(t *Thread, fn func()) error {
	g.leave(t)
	fn()
	return g.enter(t)
}

func (g *gilSched) current() *Thread {
	if !g.on {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.holder
}

func (g *gilSched) now() time.Time { return time.Now() }

// realWait blocks t on real time until w is satisfied, times out, or fails.
func (rt *Runtime) realWait(t *Thread, w *waitSpec) (bool, error) {
	var timeout <-chan time.Time
	if w.timed() {
		timer := time.NewTimer(w.timeout)
		defer timer.Stop()
		timeout = timer.C
	}
	stop, _ := t.stopChan()
	w.line = t.line()
	w.kick = make(chan struct{})
	rt.mu.Lock()
	t.wait = w
	rt.waiters++
	rt.resolveDeadlocks()
	defer func() {
		t.wait = nil
		rt.waiters--
		rt.mu.Unlock()
	}()
	for {
		if w.err != nil {
			return false, w.err
		}
		if w.tryLocked(t) {
			return true, nil
		}
		changed := rt.changedLocked()
		rt.mu.Unlock()
		select {
		case <-changed:
			rt.mu.Lock()
		case <-w.kick:
			rt.mu.Lock()
		case <-timeout:
			rt.mu.Lock()
			if w.err != nil {
				return false, w.err
			}
			got := w.tryLocked(t)
			if !got && w.lock != nil && w.lock.waiter != "" {
				w.lock.timedOut.Store(true) // for the trace: a notify from now on wakes no one
			}
			return got, nil
		case <-stop:
			rt.mu.Lock()
			return false, t.stopErr
		}
	}
}

// SetSwitchTime makes the GIL change hands by time, as CPython's
// sys.setswitchinterval does: a thread that wants the GIL waits at most
// d, then the holder is asked to let go at its next safe point (see
// Thread.SafePoint). SetSwitchInterval goes back to switching by steps.
// A seeded or explored schedule is not affected: it switches by steps.
func (rt *Runtime) SetSwitchTime(d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("the switch interval must be positive, not %v", d)
	}
	rt.slice.Store(int64(d))
	return nil
}

// SwitchTime returns the interval of switching by time, or 0 while the
// GIL changes hands by steps.
func (rt *Runtime) SwitchTime() time.Duration { return time.Duration(rt.slice.Load()) }

// Visit runs fn holding the GIL of the kernel's interpreter, for Go code
// that reads or changes the interpreter's objects but is none of its
// threads (completion, inspection, the report of a cell's error): while
// the GIL is on, the threads skip their objects' locks, so such code must
// wait for its turn as they do. fn must not block on those threads.
// Under any other scheduling fn runs at once, and the interpreter's
// objects must keep their locks (the host sees to it); so call it between
// cells, not beside a cell that explores or steps through a schedule.
func (rt *Runtime) Visit(fn func()) {
	g, ok := rt.dom.get().(*gilSched)
	if !ok || !g.on {
		fn()
		return
	}
	// A thread of the domain only to queue for the GIL: it has no
	// identity, takes no part in scheduling and cannot be stopped.
	v := &Thread{rt: rt, dom: rt.dom, name: "visitor", gilWake: make(chan bool, 1)}
	if g.enter(v) == nil { // it always is: a visitor is never stopped
		defer g.leave(v)
	}
	fn()
}
