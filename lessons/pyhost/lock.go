package pyhost

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// Lock is threading.Lock (reentrant false) or threading.RLock, backed by
// a runtime lock so that its waits release the GIL, show in deadlock
// reports and end on stop.
type Lock struct {
	l     *runtime.Lock
	depth atomic.Int32 // an RLock's recursion count; changed only by its owner
	what  string       // for a Condition's waiter: what the Condition is for, in reports
	wake  bool         // a Condition's waiter: once its thread has it, it is spent
	// abandoned: a Condition's waiter whose thread was stopped while it
	// waited (by lab.stop, an interrupt or the end of an explored run),
	// so that no finally block took it off the Condition's list.
	abandoned atomic.Bool
	cond      python.Value // a threading Condition's waiter: the Condition
	// shared: a multiprocessing lock, the same object in every
	// interpreter; a threading lock is copied into a new one.
	shared bool
}

// The types of the two kinds of lock, as CPython names them.
var (
	LockType  = python.NewType("lock", nil).SetModule("_thread")
	RLockType = python.NewType("RLock", nil).SetModule("_thread")
)

func (l *Lock) Type() *python.Type {
	if l.l.Reentrant() {
		return RLockType
	}
	return LockType
}

// Repr is CPython's: <unlocked _thread.lock object at 0x...>, and for an
// RLock its owner's ident and the recursion count.
func (l *Lock) Repr(t *python.Thread) (string, error) {
	state := "unlocked"
	if l.l.Locked() {
		state = "locked"
	}
	id := t.Interp().ID(l)
	if !l.l.Reentrant() {
		return fmt.Sprintf("<%s _thread.lock object at 0x%x>", state, id), nil
	}
	var owner int64
	if o := l.l.Owner(); o != nil {
		owner = o.Ident()
	}
	return fmt.Sprintf("<%s _thread.RLock object owner=%d count=%d at 0x%x>", state, owner, l.count(), id), nil
}

// count is the RLock's recursion depth.
func (l *Lock) count() int { return int(l.depth.Load()) }

func (h *Host) newLock(t *python.Thread, reentrant bool) *Lock {
	line, name := h.lockSite(t)
	return &Lock{l: h.rt.NewLock(reentrant, line, name)}
}

// lockSite is the line that makes a lock and what reports call it.
func (h *Host) lockSite(t *python.Thread) (int, string) {
	file, line := t.Position()
	name := h.lockNames.name(file, line)
	if HostFile(file) {
		// Made by threading or queue for an object of the program's.
		// (lk = multiprocessing.Lock() names the lock itself.)
		file, line = userPosition(t)
		if own := h.lockNames.name(file, line); own != "" {
			name = own
		} else if obj := h.lockNames.object(file, line); obj != "" {
			name = obj + "'s lock"
		}
	}
	return line, name
}

// waiter makes a lock already held by nobody that runs: a Condition's
// waiter blocks on it until notify releases it. what names the
// Condition's purpose for a lost-wakeup report; cond is the Condition
// (nil if unknown), whose list of waiters the lock joins.
func (h *Host) waiter(t *python.Thread, what string, cond python.Value) *Lock {
	h.pruneGates(t)
	l := h.newLock(t, false)
	l.what, l.wake, l.cond = what, true, cond
	l.l.SetWaiter(what, bindingOf(t).rt)
	l.l.Hold(h.waiters) // a new lock: free
	return l
}

// gateLedger lists the waiter locks of threading Conditions whose
// threads were stopped as they waited. A stopped thread runs no finally
// block, so its waiter lock stays on the Condition's list, where the next
// notify would spend itself on it; the host takes such locks off the
// lists before a thread starts and before a wait begins (in an explored
// search, before the next run's threads can notify).
type gateLedger struct {
	mu    sync.Mutex
	gates []*Lock
}

func (g *gateLedger) add(l *Lock) {
	g.mu.Lock()
	g.gates = append(g.gates, l)
	g.mu.Unlock()
}

// pruneGates takes the abandoned waiter locks off their Conditions'
// lists, on t, a thread that runs normally. It costs the program no
// steps, so seeded schedules stay as they were.
func (h *Host) pruneGates(t *python.Thread) {
	h.gates.mu.Lock()
	gates := h.gates.gates
	h.gates.gates = nil
	h.gates.mu.Unlock()
	for _, g := range gates {
		list, err := python.GetAttr(t, g.cond, "_sleepers")
		if err != nil {
			continue
		}
		if remove, err := python.GetAttr(t, list, "remove"); err == nil {
			python.Call(t, remove, g) // a ValueError: a notify took it already
		}
	}
}

// timeout converts acquire's (blocking, timeout) to the runtime's
// timeout (negative: for ever), with CPython's ValueErrors.
func timeout(blocking bool, tv python.Value) (time.Duration, error) {
	secs := -1.0
	if tv != nil {
		f, err := seconds(tv)
		if err != nil {
			return 0, err
		}
		secs = f
	}
	switch {
	case !blocking && secs != -1:
		return 0, python.Errorf(python.ValueError, "can't specify a timeout for a non-blocking call")
	case secs < 0 && secs != -1:
		return 0, python.Errorf(python.ValueError, "timeout value must be positive")
	case secs == -1:
		return -1, nil
	case secs > math.MaxInt64/1e9:
		return 0, python.Errorf(python.OverflowError, "timeout value is too large")
	}
	return time.Duration(secs * 1e9), nil
}

// seconds reads a number of seconds.
func seconds(v python.Value) (float64, error) {
	switch x := v.(type) {
	case python.Int:
		return float64(x), nil
	case python.Float:
		return float64(x), nil
	case python.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, python.Errorf(python.TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name())
}

// joinTimeout reads a join's timeout: forever (-1) for none, a negative
// number as zero.
func joinTimeout(tv python.Value) (time.Duration, error) {
	if tv == nil || tv == python.None {
		return -1, nil
	}
	secs, err := seconds(tv)
	if err != nil {
		return 0, err
	}
	return time.Duration(max(secs, 0) * 1e9), nil
}

func (l *Lock) acquire(t *python.Thread, blocking bool, d time.Duration) (bool, error) {
	h, rtT := bindingOf(t).h, bindingOf(t).rt
	// Try first: only a wait without a timeout that really blocks needs
	// recording for the stuck-program watch.
	got, err := l.l.Acquire(rtT, false, 0)
	if !got && err == nil && blocking && d != 0 {
		forever := d < 0
		if forever {
			h.begin(t, &waitFor{lock: l})
		}
		got, err = l.l.Acquire(rtT, true, d)
		if forever {
			if dl := h.end(t); dl != nil && err == nil {
				if got && !l.wake {
					l.l.Release(rtT)
				}
				got, err = false, dl
			}
		}
	}
	if err != nil && l.wake {
		l.abandoned.Store(true)
		if l.cond != nil {
			h.gates.add(l)
		}
	}
	if got && l.wake {
		// The notify has arrived; the lock must not stay in the thread's
		// holdings, where reports would show it.
		l.l.Release(rtT)
	}
	if got && l.l.Reentrant() {
		l.depth.Add(1)
	}
	return got, h.pyErr(t, err)
}

func (l *Lock) release(t *python.Thread) error {
	rtT := bindingOf(t).rt
	if !l.l.Locked() || (l.l.Reentrant() && l.l.Owner() != rtT) {
		if l.l.Reentrant() {
			return python.Errorf(python.RuntimeError, "cannot release un-acquired lock")
		}
		return python.Errorf(python.RuntimeError, "release unlocked lock")
	}
	if l.l.Reentrant() {
		l.depth.Add(-1)
	}
	return bindingOf(t).h.pyErr(t, l.l.Release(rtT))
}

func receiver(args []python.Value) *Lock {
	l, _ := args[0].(*Lock)
	return l
}

func init() {
	for _, c := range []*python.Type{LockType, RLockType} {
		reentrant := c == RLockType
		c.SetCtor(func(t *python.Thread, cls *python.Type, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount(cls.Name(), args, 0, 0); err != nil {
				return nil, err
			}
			if err := python.NoKwargs(cls.Name(), kw); err != nil {
				return nil, err
			}
			return bindingOf(t).h.newLock(t, reentrant), nil
		})
		c.AddMethod("acquire", lockAcquire)
		c.AddMethod("__enter__", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("__enter__", args, 1, 1); err != nil {
				return nil, err
			}
			_, err := receiver(args).acquire(t, true, -1)
			return python.True, err
		})
		c.AddMethod("release", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("release", args, 1, 1); err != nil {
				return nil, err
			}
			return python.None, receiver(args).release(t)
		})
		c.AddMethod("__exit__", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			return python.None, receiver(args).release(t)
		})
	}
	LockType.AddMethod("locked", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Bool(receiver(args).l.Locked()), nil
	})
	// _held and _wait are what a Condition needs from its lock.
	// _held: may the calling thread wait or notify? An RLock knows its
	// owner; a Lock has none in Python, so being locked is all it can say.
	LockType.AddMethod("_held", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Bool(receiver(args).l.Locked()), nil
	})
	rlockHeld := func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Bool(receiver(args).l.Owner() == bindingOf(t).rt), nil
	}
	RLockType.AddMethod("_held", rlockHeld)
	RLockType.AddMethod("_is_owned", rlockHeld) // _thread.RLock's own name for it, which programs may call
	// _wait is a Condition's whole wait (condwait.go).
	LockType.AddMethod("_wait", condWait)
	RLockType.AddMethod("_wait", condWait)
}

func lockAcquire(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var blockingV, timeoutV python.Value
	if err := python.UnpackArgs("acquire", args[1:], kw, []string{"blocking?", "timeout?"}, &blockingV, &timeoutV); err != nil {
		return nil, err
	}
	blocking := true
	if blockingV != nil {
		b, err := python.Truth(t, blockingV)
		if err != nil {
			return nil, err
		}
		blocking = b
	}
	d, err := timeout(blocking, timeoutV)
	if err != nil {
		return nil, err
	}
	got, err := receiver(args).acquire(t, blocking, d)
	return python.Bool(got), err
}
