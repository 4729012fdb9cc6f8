package runtime

import (
	"errors"
	"fmt"
	goruntime "runtime"
	"sync/atomic"
	"time"
)

// Thread is one thread of control: the main thread, a user thread, or a
// process's first thread. Its exported hooks are set by the interpreter
// before Start.
type Thread struct {
	rt     *Runtime
	dom    *domain
	name   string
	ident  int64
	daemon bool
	isMain bool
	isProc bool
	index  int // creation order within a controlled run, for exploration

	// Guarded by rt.mu.
	started bool
	ended   bool
	err     error
	wait    *waitSpec
	held    []*Lock
	stopErr error

	done     chan struct{} // closed when the thread ends
	gilWake  chan bool     // to a parked waiter, the GIL is handed over through this (true), or a stop ends the wait (false)
	gilNext  *Thread       // the next in the GIL's queue, guarded by its gilSched's mu
	gilState atomic.Int32  // how it waits in the GIL's queue, and the outcome (gil_wake.go)
	wake     chan struct{} // a controlled scheduler hands the turn over through this
	jit      jitterSource  // the GIL's budgets for the thread, drawn on its own goroutine

	// Guarded by rt.sharedMu: the thread's column in the trace traceGen,
	// and the keys of the locations it touched last.
	traceGen uint64
	traceCol uint16
	locs     locCache
	batch    batch // the thread's own, but for flushLocked

	// Guarded by the controlled scheduler's mutex.
	cstate  cstate
	pending Op

	stopped    atomic.Bool                   // mirrors stopErr != nil, for cheap checks on hot paths
	stopC      atomic.Pointer[chan struct{}] // closed on stop; replaced (under rt.mu) when the main thread is reset
	stopErrFor error                         // the reason to stop with, set by a scheduler that aborts a run

	// Data is the interpreter's own per-thread state.
	Data any
	// Line reports the source line the thread is executing; it is called
	// only on the thread's own goroutine.
	Line func() int
	// Site, when set, is Line for traces: where the thread is, as a
	// number that Spelling.Site turns into a line and its source text.
	Site func() int32
	// OnStop is called (from any goroutine) when the thread is stopped, so
	// that the interpreter can abandon whatever it is computing.
	OnStop func()
	// SafePoint reports whether the thread stands where CPython would let
	// go of the GIL on request (see SetSwitchTime); it is called only on
	// the thread's own goroutine. nil means anywhere.
	SafePoint func() bool
}

func (rt *Runtime) newThread(d *domain, name string, daemon bool) *Thread {
	rt.mu.Lock()
	rt.idents++
	ident := rt.idents
	rt.mu.Unlock()
	t := &Thread{
		rt: rt, dom: d, name: name, ident: ident, daemon: daemon,
		done:    make(chan struct{}),
		gilWake: make(chan bool, 1),
		wake:    make(chan struct{}, 1),
	}
	t.renewStop()
	return t
}

// renewStop gives the thread a fresh stop channel.
func (t *Thread) renewStop() {
	c := make(chan struct{})
	t.stopC.Store(&c)
}

// NewThread makes an unstarted thread in the same interpreter as parent.
// An empty name gives the next automatic name, Thread-N.
func (rt *Runtime) NewThread(parent *Thread, name string, daemon bool) *Thread {
	if name == "" {
		rt.mu.Lock()
		rt.names++
		name = fmt.Sprintf("Thread-%d", rt.names)
		rt.mu.Unlock()
	}
	return rt.newThread(parent.dom, name, daemon)
}

// NewProcess makes an unstarted thread in a new interpreter with its own
// GIL, as multiprocessing.Process does. Under lab.seed or an exploration
// the interpreter shares the kernel's controlled scheduler instead, so
// that the order of processes is the seed's (or the search's) as the
// order of threads is, and a wait for another process is one the
// scheduler sees.
func (rt *Runtime) NewProcess(name string) *Thread {
	if name == "" {
		rt.mu.Lock()
		rt.names++
		name = fmt.Sprintf("Process-%d", rt.names)
		rt.mu.Unlock()
	}
	d := &domain{rt: rt, proc: true}
	if c, ok := rt.dom.get().(*controlled); ok {
		d.set(c)
	} else {
		d.set(newGILSched(rt, true))
	}
	t := rt.newThread(d, name, false)
	t.isProc = true
	return t
}

// Name returns the thread's name.
func (t *Thread) Name() string { return t.name }

// Ident returns a number that identifies the thread in this session.
func (t *Thread) Ident() int64 { return t.ident }

// Daemon reports whether the thread was made a daemon.
func (t *Thread) Daemon() bool { return t.daemon }

// IsMain reports whether t is the main thread.
func (t *Thread) IsMain() bool { return t.isMain }

// IsProcess reports whether t is a process's thread.
func (t *Thread) IsProcess() bool { return t.isProc }

// IsAlive reports whether the thread has started and not yet ended.
func (t *Thread) IsAlive() bool {
	t.rt.mu.Lock()
	defer t.rt.mu.Unlock()
	return t.started && !t.ended
}

// Err returns the error the thread's body ended with, if any.
func (t *Thread) Err() error {
	t.rt.mu.Lock()
	defer t.rt.mu.Unlock()
	return t.err
}

// Done is closed when the thread ends.
func (t *Thread) Done() <-chan struct{} { return t.done }

// Held returns the locks the thread holds now.
func (t *Thread) Held() []*Lock {
	t.rt.mu.Lock()
	defer t.rt.mu.Unlock()
	return append([]*Lock(nil), t.held...)
}

// Stopped reports the reason the thread was stopped, or nil.
func (t *Thread) Stopped() error {
	t.rt.mu.Lock()
	defer t.rt.mu.Unlock()
	return t.stopErr
}

// Stop asks the thread to end: its blocking calls return err (ErrStopped
// unless said otherwise) and OnStop is called.
func (t *Thread) Stop(err error) {
	t.rt.mu.Lock()
	if t.stopErr != nil || t.ended {
		t.rt.mu.Unlock()
		return
	}
	t.markStopped(err)
	hook := t.OnStop
	t.rt.mu.Unlock()
	if hook != nil {
		hook()
	}
}

// Stopping returns a channel that is closed when the thread is stopped.
func (t *Thread) Stopping() <-chan struct{} {
	c, _ := t.stopChan()
	return c
}

// stopChan returns the channel closed when t is stopped, and the reason.
func (t *Thread) stopChan() (<-chan struct{}, func() error) {
	return *t.stopC.Load(), t.Stopped
}

func (t *Thread) line() int {
	if t.Line == nil {
		return 0
	}
	return t.Line()
}

func (t *Thread) site() int32 {
	if t.Site != nil {
		return t.Site()
	}
	return int32(t.line())
}

// ErrStartedTwice is returned by a second Start of the same thread.
var ErrStartedTwice = errors.New("threads can only be started once; make a new Thread to run the target again")

// Start runs body on a new goroutine as thread t; by is the thread calling
// Start. The error body returns becomes the thread's Err.
func (t *Thread) Start(by *Thread, body func() error) error {
	rt := t.rt
	rt.mu.Lock()
	if t.started {
		rt.mu.Unlock()
		return ErrStartedTwice
	}
	if len(rt.alive) >= MaxThreads {
		rt.mu.Unlock()
		return fmt.Errorf("too many threads: %d are already running, which is threadlab's limit; join some before starting more", MaxThreads)
	}
	t.started = true
	rt.alive = append(rt.alive, t)
	if t.isProc {
		rt.procs.Add(1)
		rt.cores.add(1)
	}
	rt.mu.Unlock()

	s := t.dom.get()
	s.spawn(t)
	go func() {
		err := s.enter(t)
		if err == nil {
			err = body()
		}
		t.finish(s, err)
	}()
	if s != by.dom.get() {
		return nil // a process with a scheduler of its own; the parent's turn is not affected
	}
	if g, ok := s.(*gilSched); ok && g.on {
		// Let the new thread queue for the GIL now, so that it gets its turn
		// at the parent's next switch rather than whenever Go preempts.
		goruntime.Gosched()
	}
	return s.point(by, Op{Kind: OpStart, Obj: t.index})
}

// finish records the end of the thread and lets others run.
func (t *Thread) finish(s scheduler, err error) {
	rt := t.rt
	rt.mu.Lock()
	t.ended = true
	t.err = err
	for i, a := range rt.alive {
		if a == t {
			rt.alive = append(rt.alive[:i], rt.alive[i+1:]...)
			break
		}
	}
	if t.isProc {
		rt.procs.Add(-1)
		rt.cores.add(-1)
	}
	rt.broadcast()
	rt.resolveDeadlocks()
	rt.mu.Unlock()
	s.leave(t)
	// Only now: whoever waits for done (a search between two runs) must
	// find the thread out of its scheduler, which reads the states of the
	// threads it had, the main thread's included.
	close(t.done)
}

// Join waits for t to end, for at most timeout when timeout >= 0. It
// reports whether t has ended.
func (t *Thread) Join(by *Thread, timeout time.Duration) (bool, error) {
	if t == by {
		return false, errors.New("a thread cannot join itself: it would wait for its own end forever")
	}
	t.rt.mu.Lock()
	started, ended := t.started, t.ended
	t.rt.mu.Unlock()
	if !started {
		return false, fmt.Errorf("cannot join %s before it is started; call start() first", t.name)
	}
	s := by.dom.get()
	if err := s.point(by, Op{Kind: OpJoin, Obj: t.index, thread: t}); err != nil {
		return false, err
	}
	if ended {
		return true, nil
	}
	if timeout == 0 {
		return t.IsAlive() == false, nil
	}
	return s.wait(by, &waitSpec{join: t, timeout: timeout})
}

// Sleep pauses the thread for d, giving up the GIL meanwhile. Under a
// controlled scheduler the time is virtual: it orders threads, nobody waits.
func (t *Thread) Sleep(d time.Duration) error {
	if d < 0 {
		return errors.New("sleep length must not be negative")
	}
	return t.dom.get().sleep(t, d)
}

// Tick is called when the thread has used its step budget. It may hand the
// GIL to another thread, and returns the next budget in steps.
func (t *Thread) Tick() (int, error) {
	return t.dom.get().tick(t)
}

// Blocking runs fn (a wait outside threadlab's view, such as reading input)
// without holding the GIL.
func (t *Thread) Blocking(fn func()) error {
	return t.dom.get().outside(t, fn)
}

// Now returns the current time: virtual under a controlled scheduler.
func (t *Thread) Now() time.Time { return t.dom.get().now() }
