package runtime

import (
	"fmt"
	"strings"
)

// ScheduleError says why a written schedule cannot be followed.
type ScheduleError struct {
	Step    int    // 1-based position in the schedule
	Name    string // the thread the step names
	Problem string
}

func (e *ScheduleError) Error() string {
	return fmt.Sprintf("schedule step %d (%s): %s", e.Step, e.Name, e.Problem)
}

// replay follows a schedule written as thread names, one per shared
// operation (a read, a write, an acquire or a release), in the manner of
// OSTEP's x86.py -P. Steps no other thread can see (a thread's start, a
// join that can go on, a sleep) run as soon as they can, without using a
// name; once the names run out, the thread that ran last goes on while it
// can. A schedule that never names the main thread lets it run whenever
// it can, as the stepper does, so that a path clicked through in the
// stepper, which shows no main thread's steps, replays as written.
type replay struct {
	runInfo
	names []string
	at    int
}

func (r *replay) beginRun()             { r.runInfo, r.at = runInfo{}, 0 }
func (r *replay) decides(k OpKind) bool { return k != opTick }
func (r *replay) budget() int           { return 1 << 30 }
func (r *replay) run() *runInfo         { return &r.runInfo }
func (r *replay) next() bool            { return false }

func (r *replay) pick(enabled []*Thread, cur *Thread, _ OpKind) (*Thread, error) {
	var ready []*Thread
	var blocked *Thread
	for _, t := range enabled {
		if t.stopped.Load() {
			return t, nil
		}
		switch accessOf(t).kind {
		case accBlocked:
			if blocked == nil {
				blocked = t
			}
		case accLocal, accJoin:
			r.notice(enabled, t.index)
			return t, nil // invisible to the others: no name needed
		default:
			if t.isMain && !r.named(t.name) {
				return t, nil
			}
			ready = append(ready, t)
		}
	}
	if len(ready) == 0 {
		return blocked, nil
	}
	chosen := ready[0]
	if r.at < len(r.names) {
		name := r.names[r.at]
		chosen = nil
		for _, t := range ready {
			if t.name == name {
				chosen = t
			}
		}
		if chosen == nil {
			r.failure = &ScheduleError{Step: r.at + 1, Name: name, Problem: r.why(name, enabled, ready)}
			return nil, r.failure
		}
		r.at++
	} else {
		for _, t := range ready {
			if t == cur {
				chosen = t
			}
		}
	}
	for _, t := range ready {
		if t == cur && chosen != cur {
			r.preemptions++
		}
	}
	return chosen, nil
}

// named reports whether the schedule names the thread called name.
func (r *replay) named(name string) bool {
	for _, n := range r.names {
		if n == name {
			return true
		}
	}
	return false
}

// why explains that the thread named cannot take the next step.
func (r *replay) why(name string, enabled, ready []*Thread) string {
	var can []string
	for _, t := range ready {
		can = append(can, t.name)
	}
	alternatives := "the threads that can go on are " + strings.Join(can, ", ")
	for _, t := range enabled {
		if t.name == name {
			return "it cannot go on now: it waits for " + waitsFor(t) + "; " + alternatives
		}
	}
	return "no thread of that name can run here (it has not started, has ended, or does not exist); " + alternatives
}

// waitsFor describes what t's pending operation waits for.
func waitsFor(t *Thread) string {
	op := t.pending
	switch {
	case op.Kind == OpAcquire && op.lock != nil:
		t.rt.mu.Lock()
		defer t.rt.mu.Unlock()
		if o := op.lock.owner; o != nil {
			return fmt.Sprintf("%s, held by %s", op.lock.Name(), o.name)
		}
		return op.lock.Name()
	case op.Kind == OpJoin && op.thread != nil:
		return op.thread.name + " to finish"
	}
	return "something"
}
