package pyhost

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// multiprocessing's processes. Each is an interpreter of its own, with
// its own host, GIL and modules, running on a runtime process thread
// (runtime.NewProcess). Starting one works like fork: the parent packs
// its __main__ and the Process object (python.PackFork) and the child
// unpacks them into its own __main__, so it sees a copy of the parent's
// state as it was at start(). The child prints to the parent's streams.

// processes is what an interpreter's host knows of multiprocessing.
type processes struct {
	pid  int // this interpreter's process id, as multiprocessing reports it
	mu   sync.Mutex
	kids []*procHandle // the processes it started
}

// procHandle is a started process, as _mp.start returns it to the
// Process object.
type procHandle struct {
	rtT    *runtime.Thread
	pid    int
	exit   atomic.Int64 // the exit code, valid once rtT has ended
	killed atomic.Int64 // the signal terminate or kill sent, or 0

	mu     sync.Mutex
	ended  bool     // the process's body has returned
	atExit []func() // what _mp.on_exit asked to happen then
}

// onExit runs f once the process's body has returned, before a join of
// it returns: at once if it already has.
func (hd *procHandle) onExit(f func()) {
	hd.mu.Lock()
	if !hd.ended {
		hd.atExit = append(hd.atExit, f)
		hd.mu.Unlock()
		return
	}
	hd.mu.Unlock()
	f()
}

// exited runs the onExit functions.
func (hd *procHandle) exited() {
	hd.mu.Lock()
	hd.ended = true
	fs := hd.atExit
	hd.atExit = nil
	hd.mu.Unlock()
	for _, f := range fs {
		f()
	}
}

// ProcessType is the type of a started process's handle.
var ProcessType = python.NewType("process", nil).SetModule("_mp")

func (*procHandle) Type() *python.Type { return ProcessType }

// SharedAcrossInterpreters: the handle is the same object in every copy
// of the Process that holds it.
func (*procHandle) SharedAcrossInterpreters() {}

// Exit codes of a process stopped by a signal, as CPython reports them.
const (
	sigterm = -15
	sigkill = -9
)

func init() {
	handle := func(args []python.Value) *procHandle { return args[0].(*procHandle) }
	ProcessType.AddMethod("join", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		var tv python.Value
		if err := python.UnpackArgs("join", args[1:], kw, []string{"timeout?"}, &tv); err != nil {
			return nil, err
		}
		d, err := joinTimeout(tv)
		if err != nil {
			return nil, err
		}
		h := bindingOf(t).h
		rtT := handle(args).rtT
		if d < 0 {
			h.begin(t, &waitFor{join: rtT})
		}
		ended, err := rtT.Join(bindingOf(t).rt, d)
		if d < 0 {
			if dl := h.end(t); dl != nil && err == nil {
				err = dl
			}
		}
		return python.Bool(ended), h.pyErr(t, err)
	})
	ProcessType.AddMethod("is_alive", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Bool(handle(args).rtT.IsAlive()), nil
	})
	ProcessType.AddMethod("exitcode", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		// The body stores the code before the thread counts as ended,
		// which is when a join returns (Done closes a little later).
		hd := handle(args)
		if hd.rtT.IsAlive() {
			return python.None, nil
		}
		return python.Int(hd.exit.Load()), nil
	})
	ProcessType.AddMethod("pid", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Int(handle(args).pid), nil
	})
	for name, sig := range map[string]int64{"terminate": sigterm, "kill": sigkill} {
		ProcessType.AddMethod(name, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			handle(args).stop(bindingOf(t).h.rt, sig)
			return python.None, nil
		})
	}
}

// stop ends the process as a signal would: every thread of its
// interpreter is stopped.
func (hd *procHandle) stop(rt *runtime.Runtime, sig int64) {
	if !hd.rtT.IsAlive() {
		return
	}
	hd.killed.CompareAndSwap(0, sig)
	for _, t := range rt.InterpreterThreads(hd.rtT) {
		t.Stop(runtime.ErrStopped)
	}
}

// streamOf writes a child's output through its parent's interpreter, so
// that the parent's and the child's prints never interleave mid-line.
type streamOf struct {
	in *python.Interp
	w  io.Writer
}

func (s streamOf) Write(p []byte) (int, error) {
	if err := s.in.Write(s.w, string(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (s streamOf) Flush() error { return s.in.Flush(s.w) }

// startProcess is _mp.start(process, name, daemon): the child runs
// process._bootstrap() on a copy of everything.
func (h *Host) startProcess(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	if err := python.ArgCount("start", args, 3, 3); err != nil {
		return nil, err
	}
	name, ok := args[1].(python.Str)
	if !ok {
		return nil, python.Errorf(python.TypeError, "process name must be str, not %s", args[1].Type().Name())
	}
	daemon, err := python.Truth(t, args[2])
	if err != nil {
		return nil, err
	}
	main, err := t.Import("__main__")
	if err != nil {
		return nil, err
	}
	image, err := t.PackFork(main, args[0])
	if err != nil {
		return nil, err
	}
	rtT := h.rt.NewProcess(string(name))
	rtT.SetDaemon(daemon)
	// A made-up process id: the kernel's own and the thread's number, so
	// that every process of a session has its own.
	hd := &procHandle{rtT: rtT, pid: os.Getpid() + int(rtT.Ident())}
	child := newHost(h.rt, rtT)
	child.extra = h.extra
	child.stuck = h.stuck // a deadlock may take several processes
	child.procs.pid = hd.pid
	child.threads.Store(h.threads.Load()) // a forked child goes on counting Thread-N
	child.inheritPipes(h)
	in := python.NewInterp(python.Options{
		Stdout:  streamOf{t.Interp(), t.Stdout()},
		Stderr:  streamOf{t.Interp(), t.Stderr()},
		Argv:    t.Interp().Argv(),
		Modules: child.Modules(),
	})
	in.InheritSources(t.Interp())
	pt := in.NewThread("MainThread")
	child.AttachMain(pt)
	parent := bindingOf(t).rt
	if err := rtT.Start(parent, func() error {
		code := child.runChild(pt, image, string(name))
		if sig := hd.killed.Load(); sig != 0 {
			code = sig
		}
		hd.exit.Store(code)
		hd.exited()
		return nil
	}); err != nil {
		child.releasePipes() // the copies it inherited, now that it never runs
		if parent.Stopped() != nil {
			return nil, h.pyErr(t, err)
		}
		return nil, python.Errorf(python.RuntimeError, "can't start new process (%s)", err)
	}
	// Once it has ended, a thread here waiting for what it might have
	// sent (a Queue's item, a notify) may wait for ever.
	go func() {
		<-rtT.Done()
		h.check()
	}()
	h.procs.mu.Lock()
	// Forget the children that have ended, and with them their
	// interpreters: a long session may start many.
	live := h.procs.kids[:0]
	for _, k := range h.procs.kids {
		if k.rtT.IsAlive() {
			live = append(live, k)
		}
	}
	h.procs.kids = append(live, hd)
	h.procs.mu.Unlock()
	return hd, nil
}

// runChild is a child process's life: its __main__, then
// process._bootstrap(), then the end of its threads and children as at
// the exit of an interpreter. It returns the exit code.
func (c *Host) runChild(pt *python.Thread, image *python.Parcel, name string) int64 {
	code := c.bootstrap(pt, image, name)
	c.joinAll(pt)
	c.endChildren(pt)
	for _, t := range c.rt.InterpreterThreads(c.root)[1:] {
		if t.Daemon() {
			t.Stop(runtime.ErrStopped)
		}
	}
	c.releasePipes()
	var cancelled *python.Cancelled
	if errors.As(pt.Err(), &cancelled) || c.root.Stopped() != nil {
		code = sigterm
	}
	return code
}

func (c *Host) bootstrap(pt *python.Thread, image *python.Parcel, name string) int64 {
	if err := Patch(pt); err != nil {
		return c.childFailed(pt, name, err)
	}
	m := python.NewModule("__main__")
	pt.Interp().AddModule(m)
	obj, err := pt.UnpackFork(image, m)
	if err != nil {
		return c.childFailed(pt, name, err)
	}
	boot, err := python.GetAttr(pt, obj, "_bootstrap")
	if err != nil {
		return c.childFailed(pt, name, err)
	}
	res, err := pt.CallSafe(boot)
	if err != nil {
		return c.childFailed(pt, name, err)
	}
	code, err := python.AsInt64(res)
	if err != nil {
		return c.childFailed(pt, name, err)
	}
	return code
}

// childFailed reports what went wrong outside Process.run (which reports
// its own exceptions), as CPython's "Process Process-1:" traceback.
func (c *Host) childFailed(pt *python.Thread, name string, err error) int64 {
	var cancelled *python.Cancelled
	if errors.As(err, &cancelled) {
		return sigterm
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Process %s:\n", name)
	pt.PrintTraceback(&b, err)
	pt.Interp().Write(pt.Interp().Stderr(), b.String())
	return 1
}

// endChildren is multiprocessing's work at the exit of an interpreter:
// daemon children are terminated, then every child is joined.
func (h *Host) endChildren(t *python.Thread) error {
	h.procs.mu.Lock()
	kids := append([]*procHandle(nil), h.procs.kids...)
	h.procs.mu.Unlock()
	for _, hd := range kids {
		if hd.rtT.Daemon() {
			hd.stop(h.rt, sigterm)
		}
	}
	for _, hd := range kids {
		if _, err := hd.rtT.Join(bindingOf(t).rt, -1); err != nil {
			return h.pyErr(t, err)
		}
	}
	return nil
}
