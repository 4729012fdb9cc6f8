package pyhost

import (
	"errors"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// Explore runs fn, a Python callable taking no arguments, once for each
// schedule runtime.Explore picks, on the main thread t; a run's outcome
// is fn's result, told apart by its repr. Before exploring it snapshots
// the globals of module m (normally __main__) and the objects they reach
// (snapshot.go), and it restores them before every run and at the end,
// so that every run starts as a fresh run of the program would: balance
// = 0 set outside fn is 0, a module-level Event is unset, a Barrier
// empty and a Lock free.
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
	snap := takeSnapshot(m)
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
