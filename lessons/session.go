package lessons

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	goruntime "runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"threadlab/lessons/pyhost"
	"threadlab/lessons/python"
	"threadlab/runtime"
)

// Session is one kernel session: one interpreter whose module __main__
// holds the globals of every cell, and one runtime on which the cells'
// threads run. Threads a cell starts may outlive it; they keep printing
// into the Output of the cell that started them.
type Session struct {
	execMu sync.Mutex // one cell at a time

	rt     *runtime.Runtime
	host   *pyhost.Host
	interp *python.Interp
	main   *python.Module // __main__

	// th is the main thread that runs cells. A cancelled thread stays
	// cancelled, so an interrupted cell's thread is replaced. Read by
	// Complete and Inspect between cells; written by Execute under execMu.
	thMu sync.Mutex
	th   *python.Thread

	fallback fallbackStream // where output with no cell of its own goes

	displays atomic.Int64 // numbers live displays (lab.cpu's plot), for their ids

	cells  int                      // cells run, for their file names
	before map[*runtime.Thread]bool // the user threads alive when the running cell began

	stopMu  sync.Mutex
	stopped []string // stopped by an interrupt while idle; the next cell says so

	runMu sync.Mutex
	again chan<- struct{} // while a cell runs: Interrupt ends it hard

	giveBack *time.Timer // after a cell, once the kernel has idled a while: freeIdleMemory
}

// idleGiveBack is how long the kernel idles after a cell before it hands
// the memory its collector keeps in reserve back to the system. The
// collector lets the heap grow well past the live data while Python runs
// (python.TuneGC); a notebook left open should not hold that.
const idleGiveBack = time.Second

// New makes a session with an empty __main__ in which lab is imported.
func New() *Session {
	s := &Session{rt: runtime.New()}
	s.rt.SetTracing(true) // lab.trace() shows the last cell; lab.tracing(False) turns it off
	s.host = pyhost.NewHost(s.rt)
	s.host.AddModules(append(s.labModules(), checksModule())...)
	s.interp = python.NewInterp(python.Options{
		Stdout:  s.fallback.stream("stdout"),
		Stderr:  s.fallback.stream("stderr"),
		Modules: s.host.Modules(),
	})
	s.setBuiltins()
	s.main = python.NewModule("__main__")
	s.interp.AddModule(s.main)
	s.th = s.newMainThread()
	// Neither can fail: sys and lab are threadlab's own modules.
	if err := pyhost.Patch(s.th); err != nil {
		panic("threadlab: patching sys: " + err.Error())
	}
	lab, err := s.th.Import("lab")
	if err != nil {
		panic("threadlab: importing lab: " + err.Error())
	}
	s.main.Set("lab", lab)
	return s
}

// newMainThread makes a thread to run cells as the runtime's main thread.
func (s *Session) newMainThread() *python.Thread {
	th := s.interp.NewThread("MainThread")
	s.host.AttachMain(th)
	return th
}

// mainThread returns the thread that runs cells.
func (s *Session) mainThread() *python.Thread {
	s.thMu.Lock()
	defer s.thMu.Unlock()
	return s.th
}

// Interpreter cancellation reasons that end a cell.
const (
	interruptReason       = "KeyboardInterrupt"
	secondInterruptReason = "second interrupt"
)

// Execute runs one cell and returns the MIME bundle of a final
// expression (nil when there is none).
func (s *Session) Execute(ctx context.Context, code string, out Output) (map[string]any, error) {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	if s.giveBack != nil {
		s.giveBack.Stop()
	}
	defer s.idleSoon()
	if p, ok := s.payloadFor(code); ok {
		return nil, p
	}
	s.fallback.set(out)
	if stopped := s.takeStopped(); len(stopped) > 0 {
		out.Stream("stderr", stoppedNote(stopped))
	}
	s.cells++
	filename := fmt.Sprintf("<cell %d>", s.cells)

	th := s.mainThread()
	if th.Err() != nil {
		th = s.newMainThread()
		s.thMu.Lock()
		s.th = th
		s.thMu.Unlock()
	}
	th.SetStdout(&cellStream{out: out, name: "stdout"})
	th.SetStderr(&cellStream{out: out, name: "stderr"})

	src := []byte(code)
	compiled, err := s.interp.Compile(filename, src, true)
	if err != nil {
		return nil, s.cellError(th, err)
	}
	s.host.NameLocks(filename, src)

	s.before = map[*runtime.Thread]bool{}
	for _, t := range s.userThreads() {
		s.before[t] = true
	}
	var bundle map[string]any
	stop := s.watch(ctx, th)
	if err = s.rt.BeginCell(); err == nil {
		var result python.Value
		result, err = th.ExecModule(compiled, s.main)
		// The result's repr is Python code too: it runs in the cell.
		if err == nil && result != nil && result != python.None {
			bundle, err = s.bundle(th, result)
		}
		s.rt.EndCell()
	}
	reason := stop()
	switch reason {
	case memoryReason:
		debug.FreeOSMemory()
	case secondInterruptReason:
		out.Stream("stderr", "A second interrupt stopped the cell and every thread it left running "+
			"(the first raises KeyboardInterrupt, which the cell may catch).\n")
	}
	if err == nil {
		s.reportLeftovers(out)
	}
	if err != nil {
		var exc *python.Exception
		if errors.As(err, &exc) {
			if dl, ok := s.host.DeadlockReport(exc); ok {
				out.Display(deadlockTraceBundle(dl, s.rt.CellTrace()), nil, "", false)
			}
		}
		// The exception's str() and traceback read its objects, which
		// threads the cell started may be changing.
		var cerr *CellError
		s.rt.Visit(func() { cerr = s.cellError(th, err) })
		return nil, cerr
	}
	return bundle, nil
}

// idleSoon arms giveBack for the idle time after a cell. execMu is held.
func (s *Session) idleSoon() {
	if s.giveBack == nil {
		s.giveBack = time.AfterFunc(idleGiveBack, debug.FreeOSMemory)
		return
	}
	s.giveBack.Reset(idleGiveBack)
}

// watch ends the cell on th when memory runs out, stopping the user
// threads too, and raises KeyboardInterrupt in th when ctx is cancelled
// (an interrupt), as CPython does; the other threads go on. A second
// interrupt (Interrupt while the cell runs) ends the cell hard. The
// returned function ends the watch and returns the reason the cell was
// ended for ("" when it was not); Execute calls it before it returns, so
// that the watch can never act on a later cell (the kernel cancels ctx
// once Execute has returned).
func (s *Session) watch(ctx context.Context, th *python.Thread) func() string {
	done := make(chan struct{})
	ended := make(chan string, 1)
	again := make(chan struct{}, 1)
	s.runMu.Lock()
	s.again = again
	s.runMu.Unlock()
	go func() {
		reason := ""
		defer func() { ended <- reason }()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		interrupt := ctx.Done()
		for {
			select {
			case <-interrupt:
				select {
				case <-done:
					return // the cell had finished: nothing to interrupt
				default:
				}
				s.host.Interrupt()
				interrupt = nil
				continue
			case <-again:
				reason = secondInterruptReason
			case <-tick.C:
				if heapBytes() <= MemoryLimit {
					continue
				}
				// Garbage counts until it is swept: only live data ends a cell.
				goruntime.GC()
				if heapBytes() <= MemoryLimit {
					continue
				}
				reason = memoryReason
			case <-done:
				return
			}
			// The main thread's reason comes first, so that it is the one
			// the cell ends with; every other thread is stopped.
			if reason == secondInterruptReason {
				th.Cancel(interruptReason) // it prints as KeyboardInterrupt
			} else {
				th.Cancel(reason)
			}
			s.rt.StopAll()
			return
		}
	}()
	return func() string {
		s.runMu.Lock()
		s.again = nil
		s.runMu.Unlock()
		close(done)
		return <-ended
	}
}

// payloadFor recognises the cells that ask the frontend to act, as in
// IPython: exit and quit close jupyter console, name? shows help in the
// pager.
func (s *Session) payloadFor(code string) (error, bool) {
	switch trimmed := strings.TrimSpace(code); {
	case trimmed == "exit" || trimmed == "quit" || trimmed == "exit()" || trimmed == "quit()":
		return payload{"source": "ask_exit", "keepkernel": false}, true
	case helpRe.MatchString(trimmed):
		name := strings.TrimRight(trimmed, "?")
		detail := len(trimmed) - len(name) - 1 // name?? shows more, as in IPython
		data, found := s.Inspect(name, len(name), detail)
		if !found {
			e := python.Errorf(python.NameError, "name '%s' is not defined", name)
			return s.cellError(s.mainThread(), e), true
		}
		return payload{"source": "page", "data": data, "start": 0}, true
	}
	return nil, false
}

// payload is what a cell that asks the frontend to act returns instead of
// a result. The kernel sends it in execute_reply.
type payload map[string]any

func (p payload) Error() string           { return fmt.Sprintf("%v requested", p["source"]) }
func (p payload) Payload() map[string]any { return p }

var helpRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*\?\??$`)

// userThreads returns the live user threads and processes.
func (s *Session) userThreads() []*runtime.Thread { return s.rt.Threads()[1:] }

// reportLeftovers says, after a cell that succeeded, what it leaves
// behind: threads deadlocked for ever, or threads still running (else a
// learner sees the cell finish and wonders why the CPU is still busy).
func (s *Session) reportLeftovers(out Output) {
	if dl := s.rt.Stuck(); dl != nil {
		out.Display(deadlockTraceBundle(dl, s.rt.CellTrace()), nil, "", false)
		out.Stream("stderr", "These threads are deadlocked and will wait for ever. lab.stop() ends them.\n")
		return
	}
	var names []string
	for _, t := range s.userThreads() {
		if !s.before[t] && t.Stopped() == nil && t.IsAlive() {
			names = append(names, t.Name())
		}
	}
	if len(names) > 0 {
		out.Stream("stderr", outlivedNote(names))
	}
}

// Interrupt handles an interrupt that does not come through a running
// cell's context. While a cell runs (the kernel sends the interrupts after
// the first here) it ends the cell hard and stops every thread, so that a
// cell that catches KeyboardInterrupt can still be stopped. While no cell
// runs it stops every thread and process earlier cells left running, and
// the next cell says once what was stopped. Safe to call from any
// goroutine.
func (s *Session) Interrupt() {
	s.runMu.Lock()
	again := s.again
	s.runMu.Unlock()
	if again != nil {
		select {
		case again <- struct{}{}:
		default: // already asked
		}
		return
	}
	var names []string
	for _, t := range s.userThreads() {
		if t.Stopped() == nil && t.IsAlive() {
			names = append(names, t.Name())
		}
	}
	s.rt.StopThreads()
	if len(names) == 0 {
		return
	}
	s.stopMu.Lock()
	s.stopped = append(s.stopped, names...)
	s.stopMu.Unlock()
}

// takeStopped returns and forgets what idle interrupts stopped.
func (s *Session) takeStopped() []string {
	s.stopMu.Lock()
	defer s.stopMu.Unlock()
	names := s.stopped
	s.stopped = nil
	return names
}

// Shutdown stops everything the session started.
func (s *Session) Shutdown() {
	s.mainThread().Cancel("shutdown")
	s.rt.StopAll()
	s.rt.Wait(time.Second)
}

func outlivedNote(names []string) string {
	return fmt.Sprintf("Still running after this cell: %s %s. Wait for them with join(), "+
		"or stop them with lab.stop() or the kernel's interrupt (stop) button.\n",
		threads(len(names)), quotedList(names))
}

// stoppedNote is what the cell after an interrupt while idle says once.
func stoppedNote(names []string) string {
	return fmt.Sprintf("The interrupt stopped %d %s that earlier cells left running: %s.\n",
		len(names), threads(len(names)), quotedList(names))
}

func threads(n int) string {
	if n == 1 {
		return "thread"
	}
	return "threads"
}

func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	return strings.Join(q, ", ")
}

// isMain reports whether t is the thread that runs cells.
func (s *Session) isMain(t *python.Thread) bool { return t == s.mainThread() }

// errNotMain is what the lab functions that change how every thread is
// scheduled say when a thread calls them.
func errNotMain(fn string) error {
	return python.Errorf(python.RuntimeError, "%s can only be called from cell code (MainThread), not from a thread", fn)
}
