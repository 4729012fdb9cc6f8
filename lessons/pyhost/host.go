package pyhost

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// Host runs the threads of one interpreter on a runtime. It implements
// python.Host (Step hands the GIL over), python.Blocker (waits the
// interpreter runs itself release the GIL) and python.Sleeper (time.sleep
// through the runtime).
type Host struct {
	rt        *runtime.Runtime
	main      *python.Thread
	root      *runtime.Thread // the interpreter's first thread: the runtime's main thread, or a process's
	procs     processes       // multiprocessing: this interpreter's process and the children it started
	pipes     heldEnds        // the Pipe ends this process holds open
	waiters   *runtime.Thread // owns every Condition waiter lock until a notify releases it
	threads   atomic.Int64    // last automatic thread number (Thread-N)
	stuck     *stuckWatch     // shared by the hosts of every process of a runtime
	gates     gateLedger      // waiter locks of stopped threads, to drop from their Conditions
	lockNames lockNames
	tracers   tracers
	sites     sites

	extra        []python.ModuleDef // the embedder's modules (AddModules), for child processes too
	deadlockType *python.Type
	deadlocks    sync.Map // *python.Exception -> *runtime.DeadlockError, for DeadlockReport
}

// binding ties an interpreter thread to its runtime thread and to the
// Python threading.Thread object that represents it.
type binding struct {
	h      *Host
	rt     *runtime.Thread
	obj    python.Value  // the threading.Thread; nil until threading registers it
	tracer python.Tracer // the thread's (Watch)
	spots  spots         // the recorder's memory of the locations the thread touched last

	lastFile   string // inHostCode's and sites.site's memory
	lastInHost bool
	lastInLib  bool // the file is a library module in Python (python.LibFile)
	lastIndex  int32

	// The recorder's notes of the container calls the thread is in
	// (items.append(x)), innermost last: what their trace events will
	// show once they return. A key function or __eq__ may make one call
	// inside another.
	changing []change
}

// change is a container call that has begun and not yet returned.
type change struct {
	obj   python.Value
	later *runtime.Later // nil if its event was not recorded
}

// NewHost makes a host for threads on rt. Give Modules to the
// interpreter's Options, then AttachMain its main thread.
func NewHost(rt *runtime.Runtime) *Host {
	h := newHost(rt, rt.Main())
	// The runtime speaks of values and places in Python's words (one
	// spelling per runtime: the first interpreter's host gives it).
	rt.SetIntCodec(runtime.IntCodec{
		Int: func(v any) (int64, bool) {
			n, ok := v.(python.Int)
			return int64(n), ok
		},
		Make: func(n int64) any { return python.Int(n) },
	})
	rt.SetSpelling(runtime.Spelling{Loc: h.spellLoc, Value: SpellValue, Site: h.sites.decode})
	return h
}

// newHost makes the host of the interpreter whose first thread is root
// (the kernel's, or a process's: see mp.go).
func newHost(rt *runtime.Runtime, root *runtime.Thread) *Host {
	h := &Host{
		rt:           rt,
		root:         root,
		waiters:      rt.NewThread(root, "condition waiters", true),
		stuck:        &stuckWatch{},
		deadlockType: python.NewType("DeadlockError", python.RuntimeError).SetModule("threading"),
	}
	h.tracers.record = &recorder{h}
	h.tracers.announce = &announcer{recorder{h}}
	return h
}

// AddModules adds modules of the program that embeds the host (a
// notebook's lab) to Modules, here and in every child process
// multiprocessing starts, which needs them to copy a __main__ that
// imported them. Call it before Modules.
func (h *Host) AddModules(defs ...python.ModuleDef) { h.extra = append(h.extra, defs...) }

// AttachMain makes main, a thread of the interpreter the host's modules
// were given to, run as the runtime's main thread. A session calls it
// again with a fresh thread after its main thread was cancelled (an
// interrupted cell): threading's MainThread object carries over.
func (h *Host) AttachMain(main *python.Thread) {
	var obj python.Value
	if h.main != nil {
		obj = bindingOf(h.main).obj
	}
	h.main = main
	h.bind(main, h.root).obj = obj
	h.serialise() // nothing runs yet, or nothing changed since the last AttachMain
	h.sites.mu.Lock()
	h.sites.interp = main.Interp()
	h.sites.mu.Unlock()
}

// bind makes pt run as rtT: its steps tick rtT, and stopping rtT cancels pt.
func (h *Host) bind(pt *python.Thread, rtT *runtime.Thread) *binding {
	b := &binding{h: h, rt: rtT}
	pt.Local = b
	rtT.Data = pt
	rtT.Line = func() int { return userLine(pt) }
	rtT.SafePoint = pt.AtSwitchPoint
	rtT.Site = func() int32 {
		file, line := pt.Position()
		if b.inHostCode(file) {
			file, line = userPosition(pt)
		}
		return h.sites.site(b, file, line)
	}
	rtT.OnStop = func() {
		// A deadlock is raised as an exception in the thread's wait, not a
		// cancellation: the main thread may catch it.
		// So is an interrupt (Interrupt): KeyboardInterrupt.
		var dl *runtime.DeadlockError
		if stop := rtT.Stopped(); !errors.As(stop, &dl) && !isInterrupt(stop) {
			pt.Cancel("stopped")
		}
	}
	pt.SetHost(h, h.rt.SwitchInterval())
	h.Watch(pt)
	return b
}

// userLine is the line of the program t runs, for a report: inside the
// host's own Python modules (a join, a Condition's wait), whose lines mean
// nothing to the program's author, the line that called into them; 0 when
// there is none.
func userLine(t *python.Thread) int {
	_, line := userPosition(t)
	return line
}

// userPosition is userLine with the file. Like the host's modules,
// library modules written in Python (collections.ChainMap) count as the
// line that called them.
func userPosition(t *python.Thread) (file string, line int) {
	t.Frames(func(f string, _, l int) bool {
		if HostFile(f) || python.LibFile(f) {
			return true
		}
		file, line = f, l
		return false
	})
	return file, line
}

func bindingOf(t *python.Thread) *binding { return t.Local.(*binding) }

// SetGIL is lab.gil(on) and Seed is lab.seed(n), called by the main
// thread: they change the runtime's GIL or scheduling, then tell the
// interpreter whether its threads are serialised. Both happen while no
// other thread of the interpreter runs (the runtime refuses otherwise).
func (h *Host) SetGIL(on bool) error {
	err := h.rt.SetGIL(on)
	h.serialise()
	return err
}

// Seed: see SetGIL.
func (h *Host) Seed(seed *uint64) error {
	err := h.rt.Seed(seed)
	h.serialise()
	return err
}

// serialise tells the interpreter whether a GIL runs its threads one at a
// time, so that its lists and dicts may skip their locks: a process's
// always; the kernel's while the GIL is on and scheduling is real, for
// then Go code that is not one of its threads (completion) can take the
// GIL too (runtime.Visit), which it cannot under a seeded schedule.
func (h *Host) serialise() {
	h.main.Interp().SetSerialised(h.root.IsProcess() || h.rt.GIL() && !h.rt.Seeded())
}

// Step hands the GIL over when another thread waits for it.
func (h *Host) Step(t *python.Thread) error {
	n, err := bindingOf(t).rt.Tick()
	if err != nil {
		return h.pyErr(t, err)
	}
	t.SetHost(h, n)
	h.Watch(t)
	return nil
}

// BeginBlock releases the GIL before a wait of the interpreter's own.
func (h *Host) BeginBlock(t *python.Thread) { bindingOf(t).rt.LeaveTurn() }

// EndBlock takes the GIL back.
func (h *Host) EndBlock(t *python.Thread) error {
	return h.pyErr(t, bindingOf(t).rt.EnterTurn())
}

// Sleep is time.sleep: the GIL is free meanwhile.
func (h *Host) Sleep(t *python.Thread, d time.Duration) error {
	return h.pyErr(t, bindingOf(t).rt.Sleep(d))
}

// DeadlockReport returns the runtime's report behind a DeadlockError
// exception the host raised (once: the host forgets it then), so that a
// notebook can show it as a table.
func (h *Host) DeadlockReport(exc *python.Exception) (*runtime.DeadlockError, bool) {
	dl, ok := h.deadlocks.LoadAndDelete(exc)
	if !ok {
		return nil, false
	}
	return dl.(*runtime.DeadlockError), true
}

// pyErr turns an error of a runtime call made for t into what the
// interpreter expects: a DeadlockError exception for a deadlock the main
// thread waits in, KeyboardInterrupt after Interrupt, cancellation when the thread was stopped, and a
// RuntimeError for anything else.
func (h *Host) pyErr(t *python.Thread, err error) error {
	if err == nil {
		// A wait that ended because an interrupt stopped what it waited
		// for (a join of a thread the interrupt stopped) still ends with
		// the interrupt: the waiting thread was cancelled first.
		return t.Err()
	}
	var dl *runtime.DeadlockError
	switch {
	case errors.As(err, &dl):
		// Delivered once: the thread may catch it, and its finally
		// clauses and __exit__ methods must be able to take locks. The
		// runtime and the host's watch of Condition waits may both have
		// found the deadlock; the one raised stands for both.
		var pending *runtime.DeadlockError
		if errors.As(bindingOf(t).rt.Stopped(), &pending) {
			bindingOf(t).rt.ClearStop()
		}
		exc := python.NewException(h.deadlockType, python.Str(dl.Error()))
		h.deadlocks.Store(exc, dl)
		return exc
	case isInterrupt(err):
		return h.raiseInterrupt(t)
	case errors.Is(err, runtime.ErrStopped) || bindingOf(t).rt.Stopped() != nil:
		t.Cancel(err.Error())
		return t.Err()
	}
	return python.Errorf(python.RuntimeError, "%s", err.Error())
}
