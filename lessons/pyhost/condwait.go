package pyhost

import (
	"time"

	"threadlab/lessons/python"
)

// A Condition's wait on one of threadlab's own locks is one call,
// lock._wait(gate, sleepers, timeout): it puts the waiter's gate on the
// Condition's list, gives the lock up (every level of an RLock), waits on
// the gate and takes the lock back, however the wait ended. Written in
// Python, the steps between the release and the try whose finally takes
// the lock back, and those of the finally itself, are places where an
// interrupt would leave the lock released, so that the with statement
// around the wait fails to release it. The runtime operations are those
// the Python code made, in the same order: a seeded or explored run
// meets the same scheduling points.

// condWait is lock._wait(gate, sleepers, timeout): timeout is None or a
// number of seconds, not negative. It returns whether a notify woke the
// waiter.
func condWait(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	if err := python.ArgCount("_wait", args, 4, 4); err != nil {
		return nil, err
	}
	gate, err := gateOf(args, 1)
	if err != nil {
		return nil, err
	}
	tv := args[3]
	if tv == python.None {
		tv = nil
	}
	d, err := timeout(true, tv)
	if err != nil {
		return nil, err
	}
	woken, err := receiver(args).condWait(t, gate, args[2], d)
	return python.Bool(woken), err
}

// condWait waits on gate, which it adds to list while it waits, with the
// lock given up. The wait ends woken, timed out, with an exception
// (KeyboardInterrupt, a DeadlockError), after each of which the lock is
// taken back as often as it was held, or with the thread stopped, after
// which nothing more is done: a stopped thread runs no finally clause,
// and the host drops its gate (pruneGates).
func (l *Lock) condWait(t *python.Thread, gate *Lock, list python.Value, d time.Duration) (bool, error) {
	levels := 1
	if l.l.Reentrant() {
		if l.l.Owner() != bindingOf(t).rt {
			return false, python.Errorf(python.RuntimeError, "cannot release un-acquired lock")
		}
		levels = l.count()
	}
	if err := enlist(t, list, gate); err != nil {
		return false, err
	}
	var woken bool
	var err error
	given := 0
	for ; given < levels && err == nil; given++ {
		err = l.release(t)
	}
	if err != nil {
		given-- // the failed release gave nothing up
	} else {
		if d != 0 {
			// The wait begins now, not when the gate's acquire blocks:
			// another thread may take the lock and notify first, and the
			// trace must show that notify waking a thread that waits.
			// (A zero timeout only looks at the gate: it waits for nothing.)
			gate.l.BeginWait(bindingOf(t).rt)
		}
		woken, err = gate.acquire(t, true, d)
	}
	if !woken {
		gate.l.EndWait() // a notify from now on wakes no one
	}
	if t.Err() != nil {
		return false, err
	}
	if !woken {
		if derr := delist(t, list, gate); derr != nil {
			return false, derr
		}
	}
	if rerr := l.retake(t, given); rerr != nil {
		return false, rerr
	}
	return woken, err
}

// retake takes the lock levels times, for a thread that gave it up to
// wait. An interrupt that arrives meanwhile does not stop it: the
// KeyboardInterrupt is raised once the lock is back, as it is raised
// once, and the thread's with statement must find its lock held.
func (l *Lock) retake(t *python.Thread, levels int) error {
	var pending error
	for levels > 0 {
		_, err := l.acquire(t, true, -1)
		switch {
		case err == nil:
			levels--
		case python.ErrorMatches(err, python.KeyboardInterrupt) && t.Err() == nil:
			pending = err
		default:
			return err
		}
	}
	return pending
}

// enlist puts gate at the end of a Condition's waiting list: a
// multiprocessing Condition's sleepers, or a threading Condition's deque.
func enlist(t *python.Thread, list python.Value, gate *Lock) error {
	if s, ok := list.(*sleepers); ok {
		s.add(gate)
		return nil
	}
	add, err := python.GetAttr(t, list, "append")
	if err == nil {
		_, err = python.Call(t, add, gate)
	}
	return err
}

// delist takes gate off a Condition's waiting list, if a notify has not
// taken it off already.
func delist(t *python.Thread, list python.Value, gate *Lock) error {
	if s, ok := list.(*sleepers); ok {
		s.discard(gate)
		return nil
	}
	remove, err := python.GetAttr(t, list, "remove")
	if err == nil {
		_, err = python.Call(t, remove, gate)
	}
	if python.ErrorMatches(err, python.ValueError) {
		return nil // not on the list
	}
	return err
}
