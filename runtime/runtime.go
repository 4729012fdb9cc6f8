package runtime

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// ErrStopped is returned by blocking calls of a thread that lab.stop or an
// interrupt has stopped. An interpreter should end the thread quietly.
var ErrStopped = errors.New("thread stopped")

// DefaultSwitchInterval is how many interpreter steps a thread runs before
// it offers the GIL to a waiting thread.
const DefaultSwitchInterval = 100

// MaxThreads bounds the user threads alive at once, so that a runaway cell
// meets a clear error instead of exhausting the machine.
const MaxThreads = 2000

// Runtime is one kernel session's world of threads. Its zero value is not
// usable; call New.
type Runtime struct {
	mu       sync.Mutex // guards everything below that is not said otherwise
	gil      atomic.Bool
	interval atomic.Int32
	slice    atomic.Int64 // sys.setswitchinterval's, in nanoseconds; 0 while switching by steps
	switches atomic.Int64 // GIL hand-offs from one thread to another
	seed     *uint64
	main     *Thread
	dom      *domain   // the kernel's own interpreter
	alive    []*Thread // started, not yet ended user threads and processes
	names    int       // last automatic Thread-N number
	idents   int64
	objects  int // last id handed to a Lock or Shared
	changed  chan struct{}
	watched  bool // a waiter holds changed: the next broadcast must close it
	waiters  int
	shared   registry[Shared] // for explore's resets
	locks    registry[Lock]
	procs    atomic.Int32 // live process domains
	cores    cores        // how many processors Go runs on (procs.go)

	// sharedMu makes each access to a Shared field, and its trace event,
	// one atomic step.
	sharedMu sync.Mutex
	tracing  atomic.Bool // written under sharedMu; read without it on the fast path
	trace    *Trace      // the current cell's
	ints     IntCodec
	spelling Spelling
	last     *Trace // the most recent trace with events

	traceGens atomic.Uint64 // numbers the traces (Trace.gen)
	chunks    *chunkPool    // the memory of dropped traces, for the next ones
}

// New returns a runtime with the GIL on, real scheduling and tracing on.
func New() *Runtime {
	rt := &Runtime{changed: make(chan struct{}), chunks: &chunkPool{}}
	rt.tracing.Store(true)
	rt.gil.Store(true)
	rt.cores.add(0)
	rt.interval.Store(DefaultSwitchInterval)
	rt.dom = &domain{rt: rt}
	rt.dom.set(newGILSched(rt, true))
	rt.main = rt.newThread(rt.dom, "MainThread", false)
	rt.main.isMain = true
	rt.main.started = true
	rt.trace = rt.newTrace()
	return rt
}

// Switches counts the GIL's hand-offs from one thread to another so far,
// for the hand-off rate benchmark.
func (rt *Runtime) Switches() int64 { return rt.switches.Load() }

// Main returns the thread that runs cells.
func (rt *Runtime) Main() *Thread { return rt.main }

// BeginCell is called on the goroutine that runs a cell, before it runs.
// It starts a fresh trace and lets the main thread into the scheduler.
func (rt *Runtime) BeginCell() error {
	rt.settle() // threads an interrupt or lab.stop() ended are gone when the cell starts
	rt.mu.Lock()
	rt.main.renewStop()
	rt.main.stopErr = nil
	rt.main.stopped.Store(false)
	rt.mu.Unlock()
	rt.sharedMu.Lock()
	switch {
	case rt.trace.threaded():
		if rt.last != nil && !rt.last.exported {
			rt.last.store.recycle() // nobody else can see it: reuse its memory now
		}
		rt.last = rt.trace
	case !rt.trace.exported:
		rt.trace.store.recycle()
	}
	rt.trace = rt.newTrace()
	rt.sharedMu.Unlock()
	return rt.dom.get().enter(rt.main)
}

// EndCell is called when the cell's code has finished: threads it started
// keep running, but the main thread stops taking part in scheduling.
func (rt *Runtime) EndCell() {
	rt.dom.get().leave(rt.main)
}

// GIL reports whether the global interpreter lock is on.
func (rt *Runtime) GIL() bool { return rt.gil.Load() }

// SwitchInterval returns the number of steps between GIL hand-offs.
func (rt *Runtime) SwitchInterval() int { return int(rt.interval.Load()) }

// SetSwitchInterval sets the steps between GIL hand-offs (at least 1).
func (rt *Runtime) SetSwitchInterval(steps int) error {
	if steps < 1 {
		return fmt.Errorf("the switch interval must be at least 1 step, not %d", steps)
	}
	rt.interval.Store(int32(steps))
	rt.slice.Store(0) // back to switching by steps
	return nil
}

// SetGIL turns the GIL on or off. It must be called by the main thread
// while no other thread runs, since threads already running were started
// under the old rule.
func (rt *Runtime) SetGIL(on bool) error {
	return rt.reschedule(func() {
		if rt.gil.Swap(on) != on {
			if on {
				rt.cores.add(-1)
			} else {
				rt.cores.add(1)
			}
		}
	})
}

// Seed switches to deterministic scheduling driven by seed, or back to real
// scheduling when seed is nil. Seeding also restarts automatic thread
// numbering, so that a replayed cell names its threads the same way.
func (rt *Runtime) Seed(seed *uint64) error {
	return rt.reschedule(func() {
		rt.seed = seed
		if seed != nil {
			rt.names = 0
		}
	})
}

// Seeded reports whether scheduling is currently seeded.
func (rt *Runtime) Seeded() bool {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.seed != nil
}

// reschedule changes a scheduling setting and replaces the main domain's
// scheduler to match. The main thread leaves the old scheduler and enters
// the new one.
func (rt *Runtime) reschedule(change func()) error {
	rt.settle()
	rt.mu.Lock()
	if t := rt.runningLocked(); t != nil {
		rt.mu.Unlock()
		return fmt.Errorf("%s is still running; join it (or call lab.stop()) before changing how threads are scheduled", t.name)
	}
	change()
	rt.mu.Unlock()
	rt.dom.get().leave(rt.main)
	rt.dom.set(rt.newSched())
	return rt.dom.get().enter(rt.main)
}

// runningLocked returns a live thread that the kernel's scheduler runs
// (one of the kernel's interpreter, or a process that shares its
// scheduler), or nil. Callers hold rt.mu.
func (rt *Runtime) runningLocked() *Thread {
	s := rt.dom.get()
	for _, t := range rt.alive {
		if t.dom.get() == s {
			return t
		}
	}
	return nil
}

// newSched builds the scheduler the current settings ask for.
func (rt *Runtime) newSched() scheduler {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.seed != nil {
		rng := rand.New(rand.NewPCG(*rt.seed, 0x7468726561646c62))
		return newControlled(rt, &seeded{rng: rng, rt: rt})
	}
	return newGILSched(rt, rt.gil.Load())
}

// SetTracing turns the recording of accesses, lock steps and waits on or off.
func (rt *Runtime) SetTracing(on bool) {
	rt.sharedMu.Lock()
	rt.tracing.Store(on)
	rt.sharedMu.Unlock()
}

// Trace returns the trace of the current cell if two threads or more
// made its events, else the most recent one that had such events (a cell
// that only looks at the last one, such as lab.trace(), leaves it be).
func (rt *Runtime) Trace() *Trace {
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	tr := rt.last
	if rt.trace.threaded() || rt.last == nil {
		tr = rt.trace
	}
	tr.exported = true
	return tr
}

// CellTrace returns the trace of the current cell, whoever made its
// events: what a report of the cell's own deadlock shows.
func (rt *Runtime) CellTrace() *Trace {
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	rt.trace.exported = true
	return rt.trace
}

// Threads returns the main thread and every live user thread, in the
// order they started.
func (rt *Runtime) Threads() []*Thread {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return append([]*Thread{rt.main}, rt.alive...)
}

// StopAll stops every user thread and process, and interrupts whatever the
// main thread is waiting for (an interrupt). Stopped threads end at their
// next step or blocking call.
func (rt *Runtime) StopAll() {
	rt.StopThreads()
	rt.main.Stop(ErrStopped)
}

// StopThreads stops every user thread and process (lab.stop).
func (rt *Runtime) StopThreads() {
	rt.mu.Lock()
	threads := append([]*Thread(nil), rt.alive...)
	rt.mu.Unlock()
	for _, t := range threads {
		t.Stop(ErrStopped)
	}
}

// Wait blocks until every user thread has ended or the timeout passes; it
// reports whether they all ended. It is meant for shutdown and tests.
func (rt *Runtime) Wait(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for {
		rt.mu.Lock()
		if len(rt.alive) == 0 {
			rt.mu.Unlock()
			return true
		}
		done := rt.alive[0].done
		rt.mu.Unlock()
		select {
		case <-done:
		case <-time.After(time.Until(deadline)):
			return false
		}
	}
}

// settle waits (briefly) for threads that have been stopped to finish
// ending, so that a cell right after a deadlock or lab.stop() finds them
// gone. Stopped threads never need the GIL or a turn to end.
func (rt *Runtime) settle() {
	deadline := time.After(time.Second)
	for {
		var stopping *Thread
		rt.mu.Lock()
		for _, t := range rt.alive {
			if t.stopErr != nil {
				stopping = t
				break
			}
		}
		rt.mu.Unlock()
		if stopping == nil {
			return
		}
		select {
		case <-stopping.done:
		case <-deadline:
			return
		}
	}
}

// nextID hands out ids to locks and shared objects.
func (rt *Runtime) nextID() int {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.objects++
	return rt.objects
}

// broadcast wakes every thread waiting for a change of lock or thread
// state. Callers hold rt.mu.
func (rt *Runtime) broadcast() {
	if rt.waiters > 0 && rt.watched {
		close(rt.changed)
		rt.changed = make(chan struct{})
		rt.watched = false
	}
}

// changedLocked returns the channel the next broadcast closes, for a
// waiter that has just found its wait not over. Until a waiter takes it,
// a broadcast has nobody to wake and costs nothing: a thread that
// releases a lock again and again while another joins it (the race with
// a lock) would otherwise make a channel per release. Callers hold rt.mu.
func (rt *Runtime) changedLocked() <-chan struct{} {
	rt.watched = true
	return rt.changed
}

// domain is one interpreter with its own GIL and scheduler: the kernel's,
// or a process's.
type domain struct {
	rt    *Runtime
	sched atomic.Pointer[schedBox]
	proc  bool
}

type schedBox struct{ s scheduler }

func (d *domain) get() scheduler  { return d.sched.Load().s }
func (d *domain) set(s scheduler) { d.sched.Store(&schedBox{s}) }

func (rt *Runtime) procsAlive() int32 { return rt.procs.Load() }
