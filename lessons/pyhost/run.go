package pyhost

import (
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// Run compiles and runs a whole program as module __main__, as
// python.Run does, with its threads on a fresh runtime (GIL on, real
// scheduling, tracing off). As CPython does at exit, it then waits for
// the threads that are not daemons; daemon threads are stopped. It
// returns the exit status CPython would: 0, 1 after an uncaught
// exception, a SyntaxError or a deadlock, SystemExit's code, or 130 after
// an uncaught KeyboardInterrupt. The first opts.Interrupt (Ctrl-C) raises
// KeyboardInterrupt in the main thread; a second stops every thread.
func Run(filename string, src []byte, opts python.Options) int {
	rt := runtime.New()
	rt.SetTracing(false)
	return runOn(rt, filename, src, opts)
}

// runOn is Run on a given runtime, which the caller may stop.
func runOn(rt *runtime.Runtime, filename string, src []byte, opts python.Options) int {
	h := NewHost(rt)
	opts.Modules = append(opts.Modules, h.Modules()...)
	in := python.NewInterp(opts)
	main := in.NewThread("MainThread")
	h.AttachMain(main)
	if opts.Interrupt != nil {
		finished := make(chan struct{})
		defer close(finished)
		go func() {
			// The first Ctrl-C raises KeyboardInterrupt in the main thread,
			// as in CPython; a second one stops every thread, so that a
			// program that catches KeyboardInterrupt can still be ended.
			for n := 0; ; n++ {
				select {
				case <-opts.Interrupt:
				case <-finished:
					return
				}
				if n == 0 {
					h.Interrupt()
					continue
				}
				// The main thread's reason comes first, so that it ends
				// with KeyboardInterrupt.
				main.Cancel("KeyboardInterrupt")
				rt.StopAll()
				return
			}
		}()
	}
	if err := rt.BeginCell(); err != nil {
		return main.ExitStatus(err)
	}
	defer func() {
		rt.EndCell()
		rt.StopThreads()
		rt.Wait(time.Second)
	}()
	h.NameLocks(filename, src)
	err := Patch(main)
	if err == nil {
		code, cerr := in.Compile(filename, src, false)
		err = cerr
		if err == nil {
			m := python.NewModule("__main__")
			m.Set("__file__", python.Str(filename))
			in.AddModule(m)
			_, err = main.ExecModule(code, m)
		}
	}
	status := main.ExitStatus(err)
	if err := h.joinAll(main); err != nil && status == 0 {
		status = main.ExitStatus(err)
	}
	if err := h.endChildren(main); err != nil && status == 0 {
		status = main.ExitStatus(err)
	}
	return status
}

// joinAll waits for every live thread of the interpreter that is not a
// daemon, as CPython's interpreter does before it exits.
func (h *Host) joinAll(main *python.Thread) error {
	for {
		var next *runtime.Thread
		for _, t := range h.rt.InterpreterThreads(h.root)[1:] {
			if !t.Daemon() {
				next = t
				break
			}
		}
		if next == nil {
			return nil
		}
		h.begin(main, &waitFor{join: next})
		_, err := next.Join(h.root, -1)
		if dl := h.end(main); dl != nil && err == nil {
			err = dl
		}
		if err != nil {
			return h.pyErr(main, err)
		}
	}
}
