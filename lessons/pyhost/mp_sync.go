package pyhost

import (
	"sync"

	"threadlab/lessons/python"
)

// What multiprocessing's Condition (and the Semaphore, Event and Barrier
// built on it) needs beyond shared locks: waiter locks that every
// process shares, and the list of them a Condition keeps. A wait is a
// runtime lock wait, as a threading Condition's is, so interrupts,
// lab.stop and the deadlock reports see it; a notify from any process
// releases the waiter's lock.

// sleepers is a multiprocessing Condition's waiting list: one shared
// waiter lock per waiting thread, of any process, oldest first.
type sleepers struct {
	mu    sync.Mutex
	gates []*Lock
}

// SleepersType is the type of a Condition's waiting list.
var SleepersType = python.NewType("sleepers", nil).SetModule("_mp")

func (*sleepers) Type() *python.Type        { return SleepersType }
func (*sleepers) SharedAcrossInterpreters() {}

// add puts g at the end of the list.
func (s *sleepers) add(g *Lock) {
	s.mu.Lock()
	s.gates = append(s.gates, g)
	s.mu.Unlock()
}

// discard takes g off the list, if it is there.
func (s *sleepers) discard(g *Lock) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, x := range s.gates {
		if x == g {
			s.gates = append(s.gates[:i], s.gates[i+1:]...)
			return
		}
	}
}

// sharedWaiter is waiter for a multiprocessing Condition: the lock is
// the same in every process, so a notify from any of them wakes it.
func (h *Host) sharedWaiter(t *python.Thread, what string) *Lock {
	line, name := h.lockSite(t)
	sl := h.rt.NewSharedLock(false, line, name)
	w := &Lock{l: sl, what: what, wake: true, shared: true}
	sl.SetWaiter(what, bindingOf(t).rt)
	sl.Hold(h.waiters) // a new lock: free
	return w
}

// gateOf is args[i] as a waiter lock.
func gateOf(args []python.Value, i int) (*Lock, error) {
	if i >= len(args) {
		return nil, python.Errorf(python.TypeError, "a waiter lock is needed")
	}
	g, ok := args[i].(*Lock)
	if !ok || !g.wake {
		return nil, python.Errorf(python.TypeError, "a waiter lock is needed, not '%s'", args[i].Type().Name())
	}
	return g, nil
}

func init() {
	sl := func(args []python.Value) *sleepers { return args[0].(*sleepers) }
	SleepersType.AddMethod("add", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		g, err := gateOf(args, 1)
		if err != nil {
			return nil, err
		}
		sl(args).add(g)
		return python.None, nil
	})
	SleepersType.AddMethod("discard", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		g, err := gateOf(args, 1)
		if err != nil {
			return nil, err
		}
		sl(args).discard(g)
		return python.None, nil
	})
	// wake(n) releases the oldest n waiters still waiting (all of them
	// for a negative n) and says how many it woke.
	SleepersType.AddMethod("wake", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		n, err := oneInt("wake", args[1:])
		if err != nil {
			return nil, err
		}
		s := sl(args)
		var woken []*Lock
		s.mu.Lock()
		for len(s.gates) > 0 && (n < 0 || int64(len(woken)) < n) {
			g := s.gates[0]
			s.gates[0] = nil
			s.gates = s.gates[1:]
			if !g.abandoned.Load() { // (its thread was stopped as it waited)
				woken = append(woken, g)
			}
		}
		s.mu.Unlock()
		// Released without s.mu: a release is a scheduling point.
		for _, g := range woken {
			if err := g.release(t); err != nil {
				return nil, err
			}
		}
		return python.Int(len(woken)), nil
	})
	SleepersType.AddMethod("__len__", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		s := sl(args)
		s.mu.Lock()
		defer s.mu.Unlock()
		n := 0
		for _, g := range s.gates {
			if !g.abandoned.Load() {
				n++
			}
		}
		return python.Int(n), nil
	})
}

// syncFuncs are _mp's functions for Conditions.
func (h *Host) syncFuncs(m *python.Module) {
	m.SetFunc("sleepers", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("sleepers", args, 0, 0); err != nil {
			return nil, err
		}
		return &sleepers{}, nil
	})
	// gate(what, cond) is a new waiter lock for a wait on cond; what
	// names the wait in a lost-wakeup report.
	m.SetFunc("gate", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("gate", args, 2, 2); err != nil {
			return nil, err
		}
		what, ok := args[0].(python.Str)
		if !ok {
			return nil, python.Errorf(python.TypeError, "gate() needs a str, not '%s'", args[0].Type().Name())
		}
		return h.sharedWaiter(t, h.conditionName(t, args[1], string(what))), nil
	})
	// mine(lock) says whether the calling thread holds the lock.
	m.SetFunc("mine", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("mine", args, 1, 1); err != nil {
			return nil, err
		}
		l, ok := args[0].(*Lock)
		if !ok {
			return nil, python.Errorf(python.TypeError, "mine() needs a lock")
		}
		return python.Bool(l.l.Owner() == bindingOf(t).rt), nil
	})
}
