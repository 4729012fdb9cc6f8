package runtime

import (
	"fmt"
	"strings"
)

// DeadlockError reports threads that wait for each other in a cycle (or for
// a lock whose holder has ended), so that none of them can ever continue.
type DeadlockError struct {
	Rows []DeadlockRow
}

// DeadlockRow is one stuck thread: what it holds and what it waits for.
type DeadlockRow struct {
	Thread   string
	Holds    []string
	WaitsFor string
	Line     int // where the thread waits; 0 when unknown
}

func (e *DeadlockError) Error() string {
	var b strings.Builder
	b.WriteString("deadlock: these threads wait for each other, so none of them can ever continue")
	for _, r := range e.Rows {
		holds := "nothing"
		if len(r.Holds) > 0 {
			holds = strings.Join(r.Holds, ", ")
		}
		fmt.Fprintf(&b, "\n  %s holds %s and waits for %s", r.Thread, holds, r.WaitsFor)
		if r.Line > 0 {
			fmt.Fprintf(&b, " (line %d)", r.Line)
		}
	}
	return b.String()
}

// rowLocked describes t waiting for w, in a deadlock. Callers hold rt.mu.
func rowLocked(t *Thread, w *waitSpec) DeadlockRow {
	r := DeadlockRow{Thread: t.name, Line: w.line, WaitsFor: waitText(t, w, true)}
	for _, l := range t.held {
		r.Holds = append(r.Holds, l.Name())
	}
	return r
}

// waitText says what t waits for: "lock, held by saver". stuck says the
// wait can never end, which a Condition's wait words as a lost wakeup.
// Callers hold rt.mu.
func waitText(t *Thread, w *waitSpec, stuck bool) string {
	switch {
	case w.lock != nil && w.lock.waiter != "":
		if stuck {
			return "a notify of " + w.lock.waiter + " that no thread is left to send (a lost wakeup)"
		}
		return "a notify of " + w.lock.waiter
	case w.lock != nil:
		switch o := w.lock.owner; {
		case o == nil:
			return w.lock.Name()
		case o == t:
			return w.lock.Name() + ", which it holds itself (a Lock cannot be taken twice; an RLock can)"
		case o.ended:
			return fmt.Sprintf("%s, held by %s, which ended without releasing it", w.lock.Name(), o.name)
		default:
			return fmt.Sprintf("%s, held by %s", w.lock.Name(), o.name)
		}
	case w.join != nil:
		return w.join.name + " to finish"
	case w.cond != nil:
		return w.cond.What(stuck)
	}
	return "nothing it can get"
}

// resolveDeadlocks looks for threads blocked for ever on real waits. When
// the main thread is one of them, its wait fails with a DeadlockError and
// the other stuck threads are stopped, so the cell ends and the kernel
// stays usable. Stuck threads the main thread does not wait for are left
// alone until it does. Callers hold rt.mu.
func (rt *Runtime) resolveDeadlocks() {
	if rt.waiters == 0 || rt.main.wait == nil {
		return
	}
	memo := map[*Thread]int8{}
	if !rt.stuckLocked(rt.main, memo) {
		return
	}
	var stuck []*Thread
	for _, t := range append([]*Thread{rt.main}, rt.alive...) {
		if rt.stuckLocked(t, memo) {
			stuck = append(stuck, t)
		}
	}
	// List the threads of the cycle first and the main thread last: that is
	// the order in which a reader follows the story.
	e := &DeadlockError{}
	for _, t := range stuck[1:] {
		e.Rows = append(e.Rows, rowLocked(t, t.wait))
	}
	e.Rows = append(e.Rows, rowLocked(rt.main, rt.main.wait))
	w := rt.main.wait
	w.err = e
	close(w.kick)
	for _, t := range stuck[1:] {
		t.stopLocked(ErrStopped)
	}
}

// Stuck reports user threads that wait for ever (in a cycle, or for a lock
// whose holder has ended) while the main thread goes on: a deadlock that no
// cell waits for yet. It returns nil when there is none.
func (rt *Runtime) Stuck() *DeadlockError {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	memo := map[*Thread]int8{}
	e := &DeadlockError{}
	for _, t := range rt.alive {
		if t.dom == rt.dom && rt.stuckLocked(t, memo) {
			e.Rows = append(e.Rows, rowLocked(t, t.wait))
		}
	}
	if len(e.Rows) == 0 {
		return nil
	}
	return e
}

// stuckLocked reports whether t waits, without a timeout, for something
// that can never come. Each waiting thread waits for one thing, so
// following the chain either ends at a thread that can go on, or loops.
func (rt *Runtime) stuckLocked(t *Thread, memo map[*Thread]int8) bool {
	const visiting, yes, no = 1, 2, 3
	switch memo[t] {
	case visiting, yes:
		return true
	case no:
		return false
	}
	w := t.wait
	if t.ended || w == nil || w.timed() || w.err != nil {
		memo[t] = no
		return false
	}
	memo[t] = visiting
	res := false
	switch {
	case w.lock != nil:
		o := w.lock.owner
		switch {
		case o == nil:
		case o == t:
			res = !w.lock.reentrant
		case o.ended:
			res = true
		default:
			res = rt.stuckLocked(o, memo)
		}
	case w.join != nil:
		res = !w.join.ended && rt.stuckLocked(w.join, memo)
	}
	memo[t] = no
	if res {
		memo[t] = yes
	}
	return res
}

// stopLocked is Stop for callers that hold rt.mu; the thread is blocked in a
// wait, which notices the stop channel, so OnStop need not run.
func (t *Thread) stopLocked(err error) {
	if t.stopErr != nil || t.ended {
		return
	}
	t.markStopped(err)
}

// markStopped records the stop and ends whatever t waits in. Callers hold
// rt.mu.
func (t *Thread) markStopped(err error) {
	if err == nil {
		err = ErrStopped
	}
	t.stopErr = err
	t.stopped.Store(true)
	close(*t.stopC.Load())
	if g, ok := t.dom.get().(*gilSched); ok {
		g.interrupt(t) // (its own wait for the GIL watches no stop channel)
	}
}
