package pyhost

import (
	"embed"
	"math"
	goruntime "runtime"
	"sync/atomic"

	"threadlab/lessons/python"
)

//go:embed lib/*.py
var lib embed.FS

// Modules are the modules this host adds to an interpreter (through
// python.Options.Modules): _threadlab, threading, queue and
// concurrent.futures (Python source), and multiprocessing.cpu_count.
func (h *Host) Modules() []python.ModuleDef {
	return []python.ModuleDef{
		h.nativeModule(),
		sourceModule("threading", "Thread-based parallelism."),
		sourceModule("queue", "Synchronized queues."),
		sourceModule("concurrent.futures", "Running callables in a pool of threads."),
		{Name: "concurrent", Doc: "Concurrent execution (threadlab: futures only).", Init: func(t *python.Thread, m *python.Module) error {
			f, err := t.Import("concurrent.futures")
			m.Set("futures", f)
			return err
		}},
		{Name: "multiprocessing", Doc: "Process-based parallelism (threadlab: cpu_count only).", Init: func(t *python.Thread, m *python.Module) error {
			m.SetFunc("cpu_count", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
				if err := python.ArgCount("cpu_count", args, 0, 0); err != nil {
					return nil, err
				}
				return python.Int(goruntime.NumCPU()), nil
			})
			return nil
		}},
	}
}

// sourceModule is a module written in Python, in lib/NAME.py.
func sourceModule(name, doc string) python.ModuleDef {
	return python.ModuleDef{Name: name, Doc: doc, Init: func(t *python.Thread, m *python.Module) error {
		src, err := lib.ReadFile("lib/" + name + ".py")
		if err != nil {
			return err
		}
		code, err := t.Interp().Compile(name+".py", src, false)
		if err != nil {
			return err
		}
		_, err = t.ExecModule(code, m)
		return err
	}}
}

// Patch gives the interpreter's sys module the switch interval and
// _is_gil_enabled (from Python 3.13, for lessons on the GIL); call it
// on the main thread before the program runs. (time.sleep needs no
// patch: it sleeps through the host, a python.Sleeper.)
func Patch(t *python.Thread) error { return patchSys(t) }

// patchSys adds the switch interval to the interpreter's sys module:
// CPython's seconds, kept for getswitchinterval (threadlab switches by
// steps; see lab.switch_interval).
func patchSys(t *python.Thread) error {
	m, err := t.Import("sys")
	if err != nil {
		return err
	}
	var interval atomic.Uint64 // float64 bits: threads may set it at once
	interval.Store(math.Float64bits(0.005))
	m.SetFunc("getswitchinterval", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("getswitchinterval", args, 0, 0); err != nil {
			return nil, err
		}
		return python.Float(math.Float64frombits(interval.Load())), nil
	})
	m.SetFunc("_is_gil_enabled", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("_is_gil_enabled", args, 0, 0); err != nil {
			return nil, err
		}
		return python.Bool(bindingOf(t).h.rt.GIL()), nil
	})
	m.SetFunc("setswitchinterval", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("setswitchinterval", args, 1, 1); err != nil {
			return nil, err
		}
		var secs float64
		switch x := args[0].(type) {
		case python.Int:
			secs = float64(x)
		case python.Float:
			secs = float64(x)
		case python.Bool:
			secs = 0
			if x {
				secs = 1
			}
		default:
			return nil, python.Errorf(python.TypeError, "must be real number, not %s", args[0].Type().Name())
		}
		if !(secs > 0) {
			return nil, python.Errorf(python.ValueError, "switch interval must be strictly positive")
		}
		interval.Store(math.Float64bits(secs))
		return python.None, nil
	})
	return nil
}
