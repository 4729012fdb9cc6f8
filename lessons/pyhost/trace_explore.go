package pyhost

import (
	"errors"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// Explore runs fn, a Python callable taking no arguments, once for each
// schedule runtime.Explore picks, on the main thread t; a run's outcome
// is fn's result, told apart by its repr. Before exploring it snapshots
// the globals of module m (normally __main__), and it restores them
// before every run and at the end, so that balance = 0 set outside fn
// is 0 in every run; lists, dicts and instances held directly by
// globals get their items and attributes back too.
func (h *Host) Explore(t *python.Thread, m *python.Module, fn python.Value, opts runtime.ExploreOptions) (*runtime.ExploreReport, error) {
	opts.Key = h.outcomeKey(t)
	var rep *runtime.ExploreReport
	err := h.controlled(t, m, fn, func(run func() (any, error)) error {
		var err error
		rep, err = h.rt.Explore(bindingOf(t).rt, run, opts)
		return err
	})
	return rep, err
}

// Steps is Explore for the stepper: every schedule of fn, as a tree.
func (h *Host) Steps(t *python.Thread, m *python.Module, fn python.Value, opts runtime.StepOptions) (*runtime.StepTree, error) {
	opts.Key = h.outcomeKey(t)
	if opts.Locate == nil {
		opts.Locate = func(rt *runtime.Thread) any {
			if pt, ok := rt.Data.(*python.Thread); ok {
				return userLine(pt)
			}
			return 0
		}
	}
	var tree *runtime.StepTree
	err := h.controlled(t, m, fn, func(run func() (any, error)) error {
		var err error
		tree, err = h.rt.Steps(bindingOf(t).rt, run, opts)
		return err
	})
	return tree, err
}

// outcomeKey is repr, on thread t (the caller of the search, which runs
// it between runs).
func (h *Host) outcomeKey(t *python.Thread) func(any) string {
	return func(v any) string {
		pv, ok := v.(python.Value)
		if !ok || pv == nil {
			return "None"
		}
		s, err := python.Repr(t, pv)
		if err != nil {
			return SpellValue(pv)
		}
		return s
	}
}

// controlled runs search, which calls run once per schedule. Each run
// calls fn on a fresh interpreter thread standing for the main thread:
// a run the search cuts short cancels its thread, for good.
func (h *Host) controlled(t *python.Thread, m *python.Module, fn python.Value, search func(run func() (any, error)) error) error {
	main := bindingOf(t)
	snap := snapshot(m)
	numbers := h.threads.Load() // automatic names (Thread-3) start afresh in each run
	defer func() {
		h.threads.Store(numbers)
		snap.restore(t)
		h.bind(t, main.rt).obj = main.obj
		h.Watch(t)
	}()
	run := func() (any, error) {
		h.threads.Store(numbers)
		snap.restore(t)
		pt := t.Interp().NewThread(t.Name())
		pt.SetStdout(t.Stdout())
		pt.SetStderr(t.Stderr())
		h.bind(pt, main.rt).obj = main.obj
		v, err := pt.CallSafe(fn)
		var exc *python.Exception
		switch {
		case err == nil:
			return v, nil
		case main.rt.Stopped() != nil:
			return nil, main.rt.Stopped() // cut short: the search knows why
		case errors.As(err, &exc):
			if dl, ok := h.deadlocks.Load(exc); ok {
				return nil, dl.(*runtime.DeadlockError) // the outcome "deadlock", with its report
			}
		}
		return nil, err
	}
	return search(run)
}

// globalsSnap is a module's globals as they were, with the items of the
// lists and dicts and the attributes of the instances they hold.
type globalsSnap struct {
	m     *python.Module
	vars  []python.Tuple
	lists map[*python.List][]python.Value
	dicts map[*python.Dict][]python.Tuple
}

func snapshot(m *python.Module) *globalsSnap {
	s := &globalsSnap{m: m, vars: m.Globals().Items(), lists: map[*python.List][]python.Value{}, dicts: map[*python.Dict][]python.Tuple{}}
	for _, kv := range s.vars {
		switch x := kv[1].(type) {
		case *python.List:
			s.lists[x] = x.Snapshot()
		case *python.Dict:
			s.dicts[x] = x.Items()
		case *python.Instance:
			if d := x.Dict(); d != nil {
				s.dicts[d] = d.Items()
			}
		}
	}
	return s
}

// restore puts the snapshot back; t hashes the keys of dicts.
func (s *globalsSnap) restore(t *python.Thread) {
	restoreDict(t, s.m.Globals(), s.vars)
	for l, elems := range s.lists {
		l.Update(func([]python.Value) []python.Value { return append([]python.Value(nil), elems...) })
	}
	for d, items := range s.dicts {
		restoreDict(t, d, items)
	}
}

func restoreDict(t *python.Thread, d *python.Dict, items []python.Tuple) {
	d.Clear()
	for _, kv := range items {
		if k, ok := kv[0].(python.Str); ok {
			d.SetStr(string(k), kv[1])
		} else {
			d.Set(t, kv[0], kv[1]) // the key was hashed before: it hashes again
		}
	}
}
