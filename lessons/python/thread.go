package python

import (
	"io"
	"sync/atomic"
)

// Thread is one interpreter thread: a goroutine running Python code. A
// Thread is used by one goroutine at a time; only Cancel may be called
// from others. Every built-in function gets the calling Thread, so host
// functions know which thread calls without goroutine-id tricks.
type Thread struct {
	interp *Interp
	name   string

	host      Host
	interval  int // steps between host calls
	countdown int // steps left until the next host call
	tracer    Tracer
	announcer Announcer       // tracer, when it wants to hear of accesses before they happen
	intTracer GlobalIntTracer // tracer, when it takes the ints of globals as they are
	skipsCode bool            // tracer is a CodeSkipper
	changer   ChangeTracer    // tracer, when it hears of finished changes of containers
	ev        Event           // the event being reported to them

	cancelled atomic.Bool
	cancel    cancelState

	depth     int
	frame     *frame     // innermost running frame
	handled   *Exception // exception being handled (except/finally), for context chaining and bare raise
	reprStack []Value

	// memory for frames: a chunk of values used as a stack, and frames to
	// reuse, the one freed last first, linked by their back
	vstack     []Value
	vtop       int
	chunkID    int
	freeFrames *frame
	guards     []*iterGuard // the built-in iterators whose step t runs
	serial     uint64

	// sys.settrace and sys.setprofile (settrace.go)
	tracing    bool  // traceFn or profileFn is set
	inTrace    bool  // one of them is running
	traceFn    Value // nil: none
	profileFn  Value
	traceSteps int   // steps since the host's last Step, while tracing
	traceErr   error // what a function raised at a return, for the next step

	// Local is for the host's own per-thread data.
	Local any

	stdout io.Writer // where print writes for this thread; nil: the interpreter's
	stderr io.Writer // where sys.stderr writes for this thread; nil: the interpreter's
}

// noHostInterval is how often a thread without a host looks for
// cancellation.
const noHostInterval = 1024

// NewThread makes a thread of the interpreter.
func (in *Interp) NewThread(name string) *Thread {
	t := &Thread{interp: in, name: name, interval: noHostInterval, countdown: noHostInterval}
	t.cancel.done = make(chan struct{})
	return t
}

// SetStdout routes this thread's print output (and sys.stdout) to w, so
// that a thread's output goes to the notebook cell that started it; nil
// restores the interpreter's Stdout.
func (t *Thread) SetStdout(w io.Writer) { t.stdout = w }

// Stdout is where this thread's print output goes.
func (t *Thread) Stdout() io.Writer {
	if t.stdout != nil {
		return t.stdout
	}
	return t.interp.stdout
}

// SetStderr routes this thread's sys.stderr (and the report of an
// exception that ends a thread) to w, as SetStdout does for print; nil
// restores the interpreter's Stderr.
func (t *Thread) SetStderr(w io.Writer) { t.stderr = w }

// Stderr is where this thread's sys.stderr goes.
func (t *Thread) Stderr() io.Writer {
	if t.stderr != nil {
		return t.stderr
	}
	return t.interp.stderr
}

// Interp returns the thread's interpreter.
func (t *Thread) Interp() *Interp { return t.interp }

// Name is the thread's name, as given to NewThread.
func (t *Thread) Name() string { return t.name }

// SetHost makes the thread call h.Step every n steps (n >= 1). A step is
// about one CPython bytecode. SetHost(nil, 0) removes the host.
func (t *Thread) SetHost(h Host, n int) {
	if h == nil || n < 1 {
		h, n = nil, noHostInterval
	}
	t.host, t.interval, t.countdown = h, n, n
	if t.tracing {
		t.countdown = 1
	}
}

// SetTracer turns memory events on (tr != nil) or off.
func (t *Thread) SetTracer(tr Tracer) {
	// The optional interfaces are looked up once here, not at each access.
	t.tracer = tr
	t.announcer, _ = tr.(Announcer)
	t.intTracer, _ = tr.(GlobalIntTracer)
	_, t.skipsCode = tr.(CodeSkipper)
	t.changer, _ = tr.(ChangeTracer)
}

// Cancel asks the thread to stop: it unwinds with a *Cancelled error at
// its next hook point (within the host's step interval, at most 1024
// steps without a host) or at once if it is blocked in Block. No except,
// finally or __exit__ runs on the way out. Cancel may be called from any
// goroutine, more than once.
func (t *Thread) Cancel(reason string) {
	t.cancel.mu.Lock()
	if t.cancel.reason == nil {
		t.cancel.reason = &Cancelled{Reason: reason}
	}
	t.cancel.mu.Unlock()
	t.cancelled.Store(true)
	t.cancel.once.Do(func() { close(t.cancel.done) })
}

// Done is closed once the thread has been cancelled; blocking host
// primitives select on it.
func (t *Thread) Done() <-chan struct{} { return t.cancel.done }

// Err returns the *Cancelled error once the thread is cancelled, else nil.
func (t *Thread) Err() error {
	if !t.cancelled.Load() {
		return nil
	}
	t.cancel.mu.Lock()
	defer t.cancel.mu.Unlock()
	return t.cancel.reason
}

// Block runs wait, which blocks the thread until some condition holds (a
// lock is free, a sleep is over). wait gets Done() and must return when it
// is closed. If the host is a Blocker it is told before and after. Block
// returns wait's error, or the *Cancelled error if the thread was
// cancelled meanwhile.
func (t *Thread) Block(wait func(done <-chan struct{}) error) error {
	if err := t.Err(); err != nil {
		return err
	}
	b, _ := t.host.(Blocker)
	if b != nil {
		b.BeginBlock(t)
	}
	err := wait(t.cancel.done)
	if b != nil {
		if err2 := b.EndBlock(t); err == nil {
			err = err2
		}
	}
	if c := t.Err(); c != nil {
		return c
	}
	return err
}

// tick counts one item of a loop that runs in Go (a built-in iterator's
// next value) as a step, so that cancellation and the host's switches
// reach list(itertools.count()) as they reach a Python loop.
func (t *Thread) tick() error {
	t.countdown--
	if t.countdown <= 0 {
		return t.hook()
	}
	return nil
}

// hook runs when the step countdown reaches zero.
func (t *Thread) hook() error {
	if t.tracing || t.traceErr != nil {
		return t.traceHook()
	}
	t.countdown = t.interval
	if t.cancelled.Load() {
		return t.Err()
	}
	if t.host != nil {
		return t.host.Step(t)
	}
	return nil
}

// Locals returns the names bound in the innermost running Python frame
// and their values, as locals() does: for a function, the frame's locals
// dict brought up to date (the same dict each time, see
// frame.localsDict); the namespace itself for a module or class body.
func (t *Thread) Locals() *Dict {
	if t.frame == nil {
		return NewDict()
	}
	return t.localsOf(t.frame)
}

// localsOf is Locals for any frame of t.
func (t *Thread) localsOf(fr *frame) *Dict {
	if fr.ns != nil {
		return fr.ns
	}
	if fr.code.Name == "<module>" {
		return fr.globals.globals
	}
	d := fr.localsDict
	fresh := d == nil
	if fresh {
		d = NewDict()
		fr.localsDict = d
	}
	note := func(name string, v Value) {
		if v != nil {
			d.setStr(t, name, v)
		} else if !fresh {
			d.Delete(t, Str(name)) // unbound since the last call
		}
	}
	for i, name := range fr.code.Locals {
		note(name, fr.local(i))
	}
	for i, name := range fr.code.Cells {
		note(name, fr.cells[i].Get())
	}
	for i, name := range fr.code.Frees {
		note(name, fr.cells[len(fr.code.Cells)+i].Get())
	}
	return d
}

// Globals returns the module namespace of the innermost running frame.
func (t *Thread) Globals() *Dict {
	if t.frame == nil {
		return NewDict()
	}
	return t.frame.globals.globals
}
