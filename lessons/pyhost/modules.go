package pyhost

import (
	"embed"
	"math"
	"strings"
	"time"

	"threadlab/lessons/python"
)

//go:embed lib/*.py
var lib embed.FS

// Modules are the modules this host adds to an interpreter (through
// python.Options.Modules): _threadlab, _thread (interrupt_main), threading, queue and
// concurrent.futures (Python source), _mp with multiprocessing and its
// submodules, and those of AddModules.
func (h *Host) Modules() []python.ModuleDef {
	defs := []python.ModuleDef{
		h.nativeModule(),
		h.threadModule(),
		sourceModule("threading", "Thread-based parallelism."),
		sourceModule("queue", "Synchronized queues."),
		sourceModule("concurrent.futures", "Running callables in a pool of threads or processes."),
		{Name: "concurrent", Doc: "Concurrent execution (threadlab: futures only).", Init: func(t *python.Thread, m *python.Module) error {
			f, err := t.Import("concurrent.futures")
			m.Set("futures", f)
			return err
		}},
		h.mpModule(),
		sourceModule("multiprocessing", "Process-based parallelism."),
	}
	defs = append(defs, submodules()...)
	return append(defs, h.extra...)
}

// submodules are the submodules of the library that learners import
// names from: each takes its names from its package's module ("wait"
// is "_wait" in multiprocessing, which itself has no wait).
func submodules() []python.ModuleDef {
	return []python.ModuleDef{
		namesFrom("multiprocessing.managers", "Share objects between processes through a server process.", "multiprocessing",
			"BaseManager", "SyncManager", "BaseProxy", "Namespace", "AutoProxy",
			"DictProxy", "ListProxy", "BaseListProxy", "ValueProxy", "NamespaceProxy", "ArrayProxy",
			"AcquirerProxy", "ConditionProxy", "EventProxy", "BarrierProxy"),
		namesFrom("multiprocessing.connection", "Connections between processes: the two ends of a Pipe.", "multiprocessing",
			"Connection", "Pipe", "wait=_wait"),
		namesFrom("concurrent.futures.thread", "The pool of threads behind ThreadPoolExecutor.", "concurrent.futures",
			"ThreadPoolExecutor", "BrokenThreadPool"),
		namesFrom("concurrent.futures.process", "The pool of processes behind ProcessPoolExecutor.", "concurrent.futures",
			"ProcessPoolExecutor", "BrokenProcessPool"),
	}
}

// namesFrom is the module name holding names of the module from, each
// "name" or "name=its name in from".
func namesFrom(name, doc, from string, names ...string) python.ModuleDef {
	return python.ModuleDef{Name: name, Doc: doc,
		Init: func(t *python.Thread, m *python.Module) error {
			src, err := t.Import(from)
			if err != nil {
				return err
			}
			for _, n := range names {
				as, orig, ok := strings.Cut(n, "=")
				if !ok {
					orig = as
				}
				v, err := python.GetAttr(t, src, orig)
				if err != nil {
					return err
				}
				m.Set(as, v)
			}
			return nil
		}}
}

// sourceModule is a module written in Python, in lib/NAME.py.
func sourceModule(name, doc string) python.ModuleDef {
	return python.ModuleDef{Name: name, Doc: doc, Init: func(t *python.Thread, m *python.Module) error {
		src, err := lib.ReadFile("lib/" + name + ".py")
		if err != nil {
			return err
		}
		return python.ExecSource(t, m, name+".py", src)
	}}
}

// Patch gives the interpreter's sys module the switch interval and
// _is_gil_enabled (from Python 3.13, for lessons on the GIL); call it
// on the main thread before the program runs. (time.sleep needs no
// patch: it sleeps through the host, a python.Sleeper.)
func Patch(t *python.Thread) error { return patchSys(t) }

// CPythonSwitchInterval is sys.getswitchinterval() while the GIL changes
// hands by steps: CPython's default.
const CPythonSwitchInterval = 0.005

// patchSys adds the switch interval to the interpreter's sys module.
// threadlab switches by steps (lab.switch_interval) until a program
// calls sys.setswitchinterval; from then on it switches by time, as
// CPython does, until lab.switch_interval is called again.
// sys.getswitchinterval returns the interval of switching by time, or
// CPython's default while switching by steps.
func patchSys(t *python.Thread) error {
	m, err := t.Import("sys")
	if err != nil {
		return err
	}
	m.SetFunc("getswitchinterval", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("getswitchinterval", args, 0, 0); err != nil {
			return nil, err
		}
		if d := bindingOf(t).h.rt.SwitchTime(); d > 0 {
			return python.Float(d.Seconds()), nil
		}
		return python.Float(CPythonSwitchInterval), nil
	})
	m.SetFunc("_is_gil_enabled", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := python.ArgCount("_is_gil_enabled", args, 0, 0); err != nil {
			return nil, err
		}
		// A process has a GIL of its own, always on.
		h := bindingOf(t).h
		return python.Bool(h.root.IsProcess() || h.rt.GIL()), nil
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
		// Below a nanosecond the runtime's clock cannot tell; CPython
		// rounds to microseconds.
		d := time.Duration(min(secs, float64(math.MaxInt64)/1e9) * 1e9)
		if err := bindingOf(t).h.rt.SetSwitchTime(max(d, time.Microsecond)); err != nil {
			return nil, python.Errorf(python.ValueError, "%s", err.Error())
		}
		return python.None, nil
	})
	return nil
}
