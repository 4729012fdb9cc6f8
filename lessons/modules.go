package lessons

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"threadlab/runtime"
)

// world joins a Session to the concurrency runtime: it owns the
// runtime.Runtime, maps Starlark threads to runtime threads and back, and
// builds the modules threading, time, multiprocessing and lab.
type world struct {
	s  *Session
	rt *runtime.Runtime

	exploring bool // set on the main thread while lab.explore runs

	sharedNames sync.Map // lab.shared object id -> where the program keeps it (see locknames.go), for the stepper

	// before holds the user threads alive when the running cell began
	// (only the cell's goroutine touches it).
	before map[*runtime.Thread]bool
}

// stopReason is the cancel reason of a thread ended by lab.stop, an
// interrupt or a deadlock; such threads end quietly.
const stopReason = "threadlab: stopped"

// localRuntime is the starlark.Thread local holding its *runtime.Thread.
const localRuntime = "threadlab.rt"

// threadData is runtime.Thread.Data: the Starlark side of a thread.
type threadData struct {
	sth *starlark.Thread
	val *threadValue // the threading.Thread value, nil for MainThread until asked
}

// modules builds the predeclared modules and wires the runtime into the
// session's hooks.
func (s *Session) modules() starlark.StringDict {
	w := &world{s: s, rt: runtime.New()}
	w.rt.SetIntCodec(runtime.IntCodec{
		Int: func(v any) (int64, bool) {
			if i, ok := v.(starlark.Int); ok {
				return i.Int64()
			}
			return 0, false
		},
		Make: func(n int64) any { return starlark.MakeInt64(n) },
	})
	s.Ext = w
	s.OnCellStart = w.cellStart
	s.OnCellEnd = w.cellEnd
	s.OnInterrupt = w.rt.StopAll
	s.OnIdleInterrupt = w.stopLeftovers
	return starlark.StringDict{
		"threading":       w.threadingModule(),
		"time":            w.timeModule(),
		"multiprocessing": w.multiprocessingModule(),
		"lab":             w.labModule(),
	}
}

// bind links a Starlark thread and a runtime thread and installs the step
// hook through which the GIL changes hands.
func (w *world) bind(sth *starlark.Thread, t *runtime.Thread) {
	sth.SetLocal(localRuntime, t)
	d, _ := t.Data.(*threadData)
	if d == nil {
		d = &threadData{}
		t.Data = d
	}
	d.sth = sth
	t.Line = func() int { return currentLine(sth) }
	SetStepHook(sth, uint64(w.rt.SwitchInterval()), func(sth *starlark.Thread) { w.tickThread(sth, t) })
}

// tick runs when a thread has used its step budget: the GIL may pass to
// another thread here.
func (w *world) tick(sth *starlark.Thread) {
	if t := runtimeThread(sth); t != nil {
		w.tickThread(sth, t)
	}
}

func (w *world) tickThread(sth *starlark.Thread, t *runtime.Thread) {
	next, err := t.Tick()
	if err != nil {
		// The main thread is stopped only to end one explored schedule (its
		// next blocking call says so) or by an interrupt, which cancels it
		// itself; cancelling it here would spoil the rest of the cell.
		if !t.IsMain() {
			sth.Cancel(stopReason)
		}
		return
	}
	sth.SetMaxExecutionSteps(sth.ExecutionSteps() + uint64(next))
}

// currentLine is the source line of the innermost Starlark frame.
func currentLine(sth *starlark.Thread) int {
	for d := 0; d < sth.CallStackDepth(); d++ {
		if l := sth.CallFrame(d).Pos.Line; l > 0 {
			return int(l)
		}
	}
	return 0
}

func runtimeThread(sth *starlark.Thread) *runtime.Thread {
	t, _ := sth.Local(localRuntime).(*runtime.Thread)
	return t
}

// me returns the runtime thread making a call.
func (w *world) me(sth *starlark.Thread) *runtime.Thread {
	if t := runtimeThread(sth); t != nil {
		return t
	}
	return w.rt.Main()
}

func (w *world) cellStart(sth *starlark.Thread) {
	main := w.rt.Main()
	w.before = map[*runtime.Thread]bool{}
	for _, t := range w.userThreads() {
		w.before[t] = true
	}
	w.bind(sth, main)
	if err := w.rt.BeginCell(); err != nil {
		sth.Cancel(stopReason)
	}
}

func (w *world) cellEnd(sth *starlark.Thread, err error) error {
	w.rt.EndCell()
	if dl := w.rt.Stuck(); dl != nil && err == nil {
		// The cell finished, but threads it started can never finish: say
		// so now rather than let them hang unseen.
		if out := threadOutput(sth); out != nil {
			out.Display(deadlockBundle(dl), nil, "", false)
			out.Stream("stderr", "These threads are deadlocked and will wait for ever. lab.stop() ends them.\n")
		}
	} else if left := w.startedAndRunning(); len(left) > 0 {
		// Otherwise a learner sees the cell finish and wonders why the CPU
		// is still busy.
		if out := threadOutput(sth); out != nil {
			out.Stream("stderr", outlivedNote(left))
		}
	}
	return err
}

// userThreads returns the live user threads and processes.
func (w *world) userThreads() []*runtime.Thread {
	return w.rt.Threads()[1:]
}

// startedAndRunning names the threads and processes that began during the
// cell and are still running at its end.
func (w *world) startedAndRunning() []string {
	var names []string
	for _, t := range w.userThreads() {
		if !w.before[t] && t.Stopped() == nil && t.IsAlive() {
			names = append(names, t.Name())
		}
	}
	return names
}

// stopLeftovers stops every user thread and process (an interrupt while no
// cell runs) and names those that were running.
func (w *world) stopLeftovers() []string {
	var names []string
	for _, t := range w.userThreads() {
		if t.Stopped() == nil && t.IsAlive() {
			names = append(names, t.Name())
		}
	}
	w.rt.StopThreads()
	return names
}

func outlivedNote(names []string) string {
	what := "thread"
	if len(names) > 1 {
		what = "threads"
	}
	return fmt.Sprintf("Still running after this cell: %s %s. Wait for them with join(), "+
		"or stop them with lab.stop() or the kernel's interrupt (stop) button.\n",
		what, quotedList(names))
}

// stoppedNote is what the cell after an interrupt while idle says once.
func stoppedNote(names []string) string {
	what := "thread"
	if len(names) > 1 {
		what = "threads"
	}
	return fmt.Sprintf("The interrupt stopped %d %s that earlier cells left running: %s.\n",
		len(names), what, quotedList(names))
}

func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	return strings.Join(q, ", ")
}

// fail turns an error from the runtime into one a learner can read. A
// deadlock also shows its report table in the cell (unless exploring,
// where deadlocks are counted instead).
func (w *world) fail(sth *starlark.Thread, err error) error {
	var dl *runtime.DeadlockError
	switch {
	case errors.As(err, &dl):
		if !w.exploring {
			if out := threadOutput(sth); out != nil {
				out.Display(deadlockBundle(dl), nil, "", false)
			}
		}
		return &wrapped{&CellError{Name: "DeadlockError", Message: dl.Error(),
			Hint: "Make every thread take the locks it needs in the same order, or use acquire(timeout=...) and give up when it fails."}, err}
	case errors.Is(err, runtime.ErrStopped):
		if !w.me(sth).IsMain() {
			sth.Cancel(stopReason)
		}
		return &wrapped{&CellError{Name: "ThreadStopped", Message: "the thread was stopped"}, err}
	}
	return &CellError{Name: "RuntimeError", Message: err.Error()}
}

// wrapped is a CellError that also carries the runtime error behind it, so
// that both errors.As(err, *CellError) and errors.As(err, *DeadlockError)
// work.
type wrapped struct {
	ce    *CellError
	cause error
}

func (e *wrapped) Error() string   { return e.ce.Error() }
func (e *wrapped) Unwrap() []error { return []error{e.ce, e.cause} }

// quiet reports whether a thread's error means it was stopped, which is
// not worth a message.
func quiet(err error) bool {
	return errors.Is(err, runtime.ErrStopped) || strings.Contains(err.Error(), stopReason)
}

// reportThreadError prints a thread's failure to its cell, as Python's
// "Exception in thread" does, naming any lock it still holds.
func (w *world) reportThreadError(t *runtime.Thread, sth *starlark.Thread, err error) {
	out := threadOutput(sth)
	if out == nil || w.exploring {
		return
	}
	ce := w.s.cellError(err, "", false)
	var b strings.Builder
	fmt.Fprintf(&b, "Exception in thread %s:\n", t.Name())
	for _, l := range ce.Traceback() {
		b.WriteString(l + "\n")
	}
	if held := t.Held(); len(held) > 0 {
		var names []string
		for _, l := range held {
			names = append(names, "'"+l.Name()+"'")
		}
		fmt.Fprintf(&b, "%s ended while holding %s. Nobody will release it now: any thread that tries to take it will wait for ever.\n",
			t.Name(), strings.Join(names, " and "))
	}
	out.Stream("stderr", b.String())
}
