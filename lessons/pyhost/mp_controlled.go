package pyhost

import (
	"sync"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// Under lab.seed and exploration every process shares the kernel's
// controlled scheduler (runtime.NewProcess), so that processes take
// turns in the seed's order and on its virtual clock. A wait for what
// multiprocessing's objects carry between them (a Queue's item, a
// Pipe's message, a process's reply) must then be a wait that scheduler
// sees, a runtime.Cond: it decides when the thread that will put the
// item runs, and it knows a deadlock when nobody can. (On real time
// such waits block on the objects' change signals; see waitUntil.)

// waitControlled is waitUntil's controlled half: it waits until can(),
// then take(), both with mu held; obj is what the trace's wait row
// names.
func waitControlled(t *python.Thread, obj any, mu *sync.Mutex, end time.Time, w *waitFor, can func() bool, take func()) (bool, error) {
	c := lockedCond(obj, mu, w, can, func() bool { take(); return true })
	return waitCond(t, c, end)
}

// waitCond waits for c on t's controlled scheduler until end (the zero
// time: for ever), which is on the scheduler's virtual clock.
func waitCond(t *python.Thread, c *runtime.Cond, end time.Time) (bool, error) {
	b := bindingOf(t)
	timeout := time.Duration(-1)
	if !end.IsZero() {
		timeout = max(0, end.Sub(b.rt.Now()))
	}
	ok, err := b.rt.WaitFor(c, timeout)
	return ok, b.h.pyErr(t, err)
}

// lockedCond is the Cond of a wait until can(), with mu held; take is
// then called, still holding it, and says whether it took something.
func lockedCond(obj any, mu *sync.Mutex, w *waitFor, can, take func() bool) *runtime.Cond {
	return &runtime.Cond{
		Obj: obj,
		Ready: func() bool {
			mu.Lock()
			defer mu.Unlock()
			return can()
		},
		Take: func() bool {
			mu.Lock()
			defer mu.Unlock()
			return can() && take()
		},
		What: w.words,
	}
}

// words says what w waits for: in a trace's waiting row, or (stuck) in
// a deadlock report, where nobody is left to provide it.
func (w *waitFor) words(stuck bool) string {
	if !stuck {
		return w.what
	}
	s := w.what + ", which no process is left to send (a lost wakeup)"
	if w.hint != nil {
		s += w.hint()
	}
	return s
}

// over reports whether the process's body has returned. Unlike
// rtT.IsAlive it takes no lock of the runtime's, so a Cond may ask it.
func (hd *procHandle) over() bool {
	hd.mu.Lock()
	defer hd.mu.Unlock()
	return hd.ended
}

// replyControlled is channel.reply under a controlled scheduler: an
// item, or the end of peer.
func (c *channel) replyControlled(t *python.Thread, peer *procHandle) (python.Value, error) {
	var p *python.Parcel
	w := &waitFor{what: "a reply from " + peer.rtT.Name()}
	cond := lockedCond(c, &c.mu, w,
		func() bool { return len(c.items) > 0 || peer.over() },
		func() bool {
			if len(c.items) > 0 {
				p = c.pop()
			}
			return true
		})
	if _, err := waitCond(t, cond, time.Time{}); err != nil {
		return nil, err
	}
	if p == nil {
		return python.Tuple{python.False, python.None}, nil
	}
	v, err := t.Unpack(p)
	if err != nil {
		return nil, err
	}
	return python.Tuple{python.True, v}, nil
}

// Under exploration every use of what processes share is a scheduling
// point, as an access to a list or a global is: the explorer may let
// another thread or process run first, and tells by the location (a
// Queue's items, a Value's value) which uses are racing.

// touch is the scheduling point before t reads or writes obj's location
// name; outside exploration (and the stepper) it does nothing.
func touch(t *python.Thread, obj any, name string, kind runtime.OpKind) error {
	b := bindingOf(t)
	if _, announce := b.rt.Watch(); !announce {
		return nil
	}
	return b.h.pyErr(t, b.rt.Announce(runtime.Loc{Obj: obj, Name: name}, kind))
}

// sharedMethod adds typ's method, which reads or writes (kind) the
// location name of obj(self), behind its scheduling point.
func sharedMethod(typ *python.Type, method string, kind runtime.OpKind, name string, obj func(python.Value) any, fn python.NativeFunc) {
	typ.AddMethod(method, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		if err := touch(t, obj(args[0]), name, kind); err != nil {
			return nil, err
		}
		return fn(t, args, kw)
	})
}

// self is sharedMethod's obj for a method that touches its own object.
func self(v python.Value) any { return v }

// pipeOf is sharedMethod's obj for a pipe end's methods: both ends touch
// the pipe's messages.
func pipeOf(v python.Value) any { return v.(*pipeEnd).p }
