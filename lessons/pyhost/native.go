package pyhost

import (
	"errors"
	"fmt"
	"strings"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// handle is what _threadlab.start returns for a started thread: the
// threading.Thread object joins it and asks whether it is alive.
type handle struct {
	h      *Host
	rtT    *runtime.Thread
	forked bool // a child process's copy: as after fork, the thread is not there
}

// HandleType is the type of a started thread's handle.
var HandleType = python.NewType("handle", nil).SetModule("_threadlab")

func (*handle) Type() *python.Type { return HandleType }

func init() {
	HandleType.AddMethod("join", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		var tv python.Value
		if err := python.UnpackArgs("join", args[1:], kw, []string{"timeout?"}, &tv); err != nil {
			return nil, err
		}
		hd := args[0].(*handle)
		if hd.forked {
			return python.True, nil
		}
		d, err := joinTimeout(tv)
		if err != nil {
			return nil, err
		}
		if d < 0 {
			hd.h.begin(t, &waitFor{join: hd.rtT})
		}
		ended, err := hd.rtT.Join(bindingOf(t).rt, d)
		if d < 0 {
			if dl := hd.h.end(t); dl != nil && err == nil {
				err = dl
			}
		}
		return python.Bool(ended), hd.h.pyErr(t, err)
	})
	HandleType.AddMethod("is_alive", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		hd := args[0].(*handle)
		return python.Bool(!hd.forked && hd.rtT.IsAlive()), nil
	})
}

// nativeModule is _threadlab, on which lib/threading.py is built.
func (h *Host) nativeModule() python.ModuleDef {
	return python.ModuleDef{Name: "_threadlab", Doc: "threadlab's thread primitives.", Init: func(t *python.Thread, m *python.Module) error {
		fn := func(name string, f python.NativeFunc) { m.SetFunc(name, f) }
		m.Set("DeadlockError", h.deadlockType)
		m.Set("LockType", LockType)
		m.Set("RLockType", RLockType)
		fn("waiter", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("waiter", args, 1, 2); err != nil {
				return nil, err
			}
			what, ok := args[0].(python.Str)
			if !ok {
				return nil, python.Errorf(python.TypeError, "waiter() needs a str, not '%s'", args[0].Type().Name())
			}
			var cond python.Value
			if len(args) == 2 {
				cond = args[1]
				what = python.Str(h.conditionName(t, cond, string(what)))
			}
			return h.waiter(t, string(what), cond), nil
		})
		fn("start", h.start)
		fn("next_number", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			return python.Int(h.threads.Add(1)), nil
		})
		fn("get_ident", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("get_ident", args, 0, 0); err != nil {
				return nil, err
			}
			return python.Int(bindingOf(t).rt.Ident()), nil
		})
		fn("current", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if obj := bindingOf(t).obj; obj != nil {
				return obj, nil
			}
			return python.None, nil
		})
		fn("set_main", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			bindingOf(h.main).obj = args[0]
			return python.None, nil
		})
		fn("main_ident", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			return python.Int(h.root.Ident()), nil
		})
		fn("threads", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			var out []python.Value
			for _, rtT := range h.rt.InterpreterThreads(h.root) {
				if pt, ok := rtT.Data.(*python.Thread); ok && bindingOf(pt).obj != nil {
					out = append(out, bindingOf(pt).obj)
				}
			}
			return python.NewList(out), nil
		})
		fn("print_exception", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("print_exception", args, 2, 2); err != nil {
				return nil, err
			}
			header, _ := args[0].(python.Str)
			exc, ok := args[1].(*python.Exception)
			if !ok {
				return nil, python.Errorf(python.TypeError, "print_exception() needs an exception, not '%s'", args[1].Type().Name())
			}
			var b strings.Builder
			b.WriteString(string(header) + "\n")
			t.PrintTraceback(&b, exc)
			return python.None, t.Interp().Write(t.Stderr(), b.String())
		})
		return nil
	}}
}

// start is _threadlab.start(thread, name, daemon, hook): it runs
// thread.run() on a new runtime thread and, if run raises, calls
// hook(thread, exception) there (threading's excepthook).
func (h *Host) start(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	if err := python.ArgCount("start", args, 4, 4); err != nil {
		return nil, err
	}
	h.pruneGates(t)
	obj, hook := args[0], args[3]
	name, ok := args[1].(python.Str)
	if !ok {
		return nil, python.Errorf(python.TypeError, "thread name must be str, not %s", args[1].Type().Name())
	}
	daemon, err := python.Truth(t, args[2])
	if err != nil {
		return nil, err
	}
	parent := bindingOf(t).rt
	rtT := h.rt.NewThread(parent, string(name), daemon)
	pt := t.Interp().NewThread(string(name))
	pt.SetStdout(t.Stdout())
	pt.SetStderr(t.Stderr())
	h.bind(pt, rtT).obj = obj
	// The new thread may ask for its ident, or join itself, before
	// start() returns, so it finds both set as CPython's threads do.
	hd := &handle{h: h, rtT: rtT}
	if err := python.SetAttr(t, obj, "_ident", python.Int(rtT.Ident())); err != nil {
		return nil, err
	}
	if err := python.SetAttr(t, obj, "_handle", hd); err != nil {
		return nil, err
	}
	if err := rtT.Start(parent, func() error { return h.body(pt, obj, hook) }); err != nil {
		// Not started after all: start() may be tried again.
		if unset := python.SetAttr(t, obj, "_handle", python.None); unset != nil {
			return nil, unset
		}
		if parent.Stopped() != nil {
			return nil, h.pyErr(t, err)
		}
		return nil, python.Errorf(python.RuntimeError, "can't start new thread (%s)", err)
	}
	go func() {
		// A thread's end may leave the others stuck.
		<-rtT.Done()
		h.check()
	}()
	return hd, nil
}

// traceAsThreadingSays sets pt's trace and profile functions to those
// of threading.settrace and threading.setprofile, if any.
func traceAsThreadingSays(pt *python.Thread) error {
	threading, err := pt.Import("threading")
	if err != nil {
		return err
	}
	var fns [2]python.Value
	for i, name := range []string{"_trace_hook", "_profile_hook"} {
		v, err := python.GetAttr(pt, threading, name)
		if err != nil {
			return err
		}
		if v != python.None {
			fns[i] = v
		}
	}
	if fns[0] != nil || fns[1] != nil {
		pt.SetTraceFuncs(fns[0], fns[1])
	}
	return nil
}

// body is a thread's life: run(), then the excepthook for an exception.
// First it takes on threading.settrace's and setprofile's functions, in
// Go so that a thread takes no more steps than it would without them.
func (h *Host) body(pt *python.Thread, obj, hook python.Value) error {
	err := traceAsThreadingSays(pt)
	var run python.Value
	if err == nil {
		run, err = python.GetAttr(pt, obj, "run")
	}
	if err == nil {
		_, err = pt.CallSafe(run)
	}
	var exc *python.Exception
	if errors.As(err, &exc) {
		_, err = pt.CallSafe(hook, obj, exc)
	}
	var cancelled *python.Cancelled
	if err != nil && !errors.As(err, &cancelled) {
		var b strings.Builder
		fmt.Fprintf(&b, "Exception in threading.excepthook:\n")
		pt.PrintTraceback(&b, err)
		pt.Interp().Write(pt.Stderr(), b.String())
	}
	if exc != nil {
		return exc // the thread's Err, for the stepper's "error" goal
	}
	return nil
}
