package pyhost

import (
	"errors"
	"fmt"
	"sync"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// The runtime finds cycles of locks and joins. What it cannot see is a
// thread waiting on a Condition (and so on an Event, a Semaphore, a
// Barrier or a queue, all built on Conditions): its waiter lock belongs to
// no running thread. stuckWatch covers that case by keeping, for every
// thread in a wait without a timeout, what it waits for. When every live
// thread is in such a wait and none of them can be satisfied any more,
// nobody is left to notify, release or finish: the program is stuck, and
// the main thread's wait ends with a DeadlockError naming each wait.
type stuckWatch struct {
	mu      sync.Mutex
	waiting map[*runtime.Thread]*waitFor
}

// waitFor is one thread's wait without a timeout.
type waitFor struct {
	lock *Lock           // a lock, or a Condition's waiter lock
	join *runtime.Thread // or a thread's end
	// or what a multiprocessing Queue or count is waited for, and whether
	// it has come
	what  string
	ready func() bool
	hint  func() string // more for the report to say about what, or nil
	line  int
	mine  bool   // the thread held the lock already: a Lock taken twice
	proc  string // the child process of a thread other than its first, for reports across processes
}

// satisfiable reports whether the wait can still end without any other
// thread of t's interpreter acting: it can end now (canEnd), or another
// process may yet act.
func (w *waitFor) satisfiable(rt *runtime.Runtime, t *runtime.Thread) bool {
	if w.canEnd(t) {
		return true
	}
	// A thread of another interpreter (a process) runs on its own: it
	// may still end, send, notify or release the lock.
	switch {
	case w.join != nil:
		return !w.join.SameInterpreter(t)
	case w.ready != nil:
		return othersAlive(rt, t)
	case w.lock.shared && othersAlive(rt, t):
		return true // any process may release a multiprocessing lock, or notify
	}
	o := w.lock.l.Owner()
	return o != nil && !o.SameInterpreter(t)
}

// canEnd reports whether the wait can end without any thread of any
// process acting: what it waits for is there already. (The waiting
// thread takes the lock before it stops being recorded as waiting:
// owning it then means the wait is over.)
func (w *waitFor) canEnd(t *runtime.Thread) bool {
	switch {
	case w.join != nil:
		return !w.join.IsAlive()
	case w.ready != nil:
		return w.ready()
	}
	o := w.lock.l.Owner()
	return o == nil || o == t && (!w.mine || w.lock.l.Reentrant())
}

// othersAlive reports whether a thread of another interpreter than t's
// is alive.
func othersAlive(rt *runtime.Runtime, t *runtime.Thread) bool {
	for _, u := range rt.Threads() {
		if !u.SameInterpreter(t) && u.IsAlive() {
			return true
		}
	}
	return false
}

// describe says what the thread waits for, as a deadlock report words it.
func (w *waitFor) describe(t *runtime.Thread) string {
	switch {
	case w.join != nil:
		return w.join.Name() + " to finish"
	case w.ready != nil:
		return w.words(true)
	case w.lock.wake:
		return "a notify of " + w.lock.what + " that no thread is left to send (a lost wakeup)"
	}
	switch o := w.lock.l.Owner(); {
	case o == t:
		return w.lock.l.Name() + ", which it holds itself (a Lock cannot be taken twice; an RLock can)"
	case o != nil && !o.IsAlive():
		return fmt.Sprintf("%s, held by %s, which ended without releasing it", w.lock.l.Name(), o.Name())
	case o != nil:
		return fmt.Sprintf("%s, held by %s", w.lock.l.Name(), o.Name())
	}
	return w.lock.l.Name()
}

// begin records that t (the caller's thread) waits for w without a
// timeout, and looks for a stuck program; end forgets the wait.
func (h *Host) begin(t *python.Thread, w *waitFor) {
	rtT := bindingOf(t).rt
	w.line = userLine(t)
	w.mine = w.lock != nil && w.lock.l.Owner() == rtT
	if h.procs.pid != 0 && rtT != h.root {
		w.proc = h.processName()
	}
	h.stuck.mu.Lock()
	if h.stuck.waiting == nil {
		h.stuck.waiting = map[*runtime.Thread]*waitFor{}
	}
	h.stuck.waiting[rtT] = w
	h.stuck.mu.Unlock()
	h.check()
}

// It returns the DeadlockError the thread was stopped with, if check
// found the program stuck: the wait may have ended without seeing the
// stop (the thread it joined was stopped and ended first).
func (h *Host) end(t *python.Thread) error {
	rtT := bindingOf(t).rt
	h.stuck.mu.Lock()
	delete(h.stuck.waiting, rtT)
	h.stuck.mu.Unlock()
	var dl *runtime.DeadlockError
	if errors.As(rtT.Stopped(), &dl) {
		return dl
	}
	return nil
}

// check stops a stuck program: the main thread gets a DeadlockError, the
// others are stopped. The program is this interpreter's threads, or, if
// they are all waiting but another process might still act, every
// thread of every process.
func (h *Host) check() {
	if h.rt.Controlled() {
		return // the scheduler sees every wait, and finds the deadlock first
	}
	h.stuck.mu.Lock()
	defer h.stuck.mu.Unlock()
	threads := h.rt.InterpreterThreads(h.root)
	if !h.stopIfStuck(threads, false, func(t *runtime.Thread, w *waitFor) bool { return w.satisfiable(h.rt, t) }) {
		h.stopIfStuck(h.rt.Threads(), true, func(t *runtime.Thread, w *waitFor) bool { return w.canEnd(t) })
	}
}

// stopIfStuck stops threads (their main thread first) if every one of
// them waits for something it cannot get: none can end its wait without
// another's help (mayEnd false), and every other is waiting too. A
// report across processes names the process of a child's thread. The
// caller holds h.stuck.mu.
func (h *Host) stopIfStuck(threads []*runtime.Thread, across bool, mayEnd func(*runtime.Thread, *waitFor) bool) bool {
	e := &runtime.DeadlockError{}
	for _, t := range threads {
		w := h.stuck.waiting[t]
		// A thread that was stopped (a terminated process's) will end,
		// which may be what another waits for.
		if w == nil || t.Stopped() != nil || mayEnd(t, w) {
			return false
		}
		name := t.Name()
		if across && w.proc != "" {
			name += " of " + w.proc
		}
		row := runtime.DeadlockRow{Thread: name, WaitsFor: w.describe(t), Line: w.line}
		for _, l := range t.Held() {
			row.Holds = append(row.Holds, l.Name())
		}
		e.Rows = append(e.Rows, row)
	}
	// The main thread's row last, as the runtime orders its reports.
	e.Rows = append(e.Rows[1:], e.Rows[0])
	for _, t := range threads[1:] {
		t.Stop(runtime.ErrStopped)
	}
	// Stopped before the lock is let go, so that a wait that has just
	// ended (end) sees the stop, and delivers it, or is not counted.
	threads[0].Stop(e)
	return true
}
