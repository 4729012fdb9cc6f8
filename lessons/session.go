package lessons

import (
	"context"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Output is where a running cell sends what it produces. Every method must
// be safe to call from any goroutine, during and after Execute.
type Output interface {
	Stream(name, text string)
	Display(data, metadata map[string]any, displayID string, update bool)
	ClearOutput(wait bool)
	Input(prompt string, password bool) (string, error)
}

// HelpLink is one entry of kernel_info_reply's help_links.
type HelpLink struct{ Text, URL string }

// LanguageInfo describes the cell language for kernel_info_reply.
type LanguageInfo struct {
	Name, Version, Mimetype, FileExtension, PygmentsLexer, CodemirrorMode, Banner string
	HelpLinks                                                                     []HelpLink
}

// Language is the cell language as Jupyter sees it. Its name is "python" so
// that notebooks highlight cells as Python.
var Language = LanguageInfo{
	Name:           "python",
	Version:        "3 (Starlark dialect)",
	Mimetype:       "text/x-python",
	FileExtension:  ".py",
	PygmentsLexer:  "python3",
	CodemirrorMode: "python",
	Banner: "threadlab — learn threads, locks and the GIL in a Python dialect (Starlark).\n" +
		"Modules threading, time, multiprocessing and lab are ready without import.",
	HelpLinks: []HelpLink{
		{Text: "Starlark language", URL: "https://github.com/bazelbuild/starlark/blob/master/spec.md"},
		{Text: "Python threading", URL: "https://docs.python.org/3/library/threading.html"},
	},
}

// LocalOutput is the starlark.Thread local key holding the Output that
// print() and input() of that thread use.
const LocalOutput = "threadlab.out"

// LocalSession is the starlark.Thread local key holding the *Session.
const LocalSession = "threadlab.session"

// MIMEBundler is implemented by values with a rich display. A final
// expression whose value implements it shows this bundle.
type MIMEBundler interface {
	MIMEBundle() map[string]any
}

// FileOptions are the Starlark dialect of the cells.
var FileOptions = &syntax.FileOptions{
	Set:             true,
	While:           true,
	TopLevelControl: true,
	GlobalReassign:  true,
	Recursion:       true,
}

// MaxRecursionDepth is the deepest chain of nested calls a thread may
// make before the cell fails with RecursionError (deeper recursion would
// overflow the Go stack and end the kernel).
const MaxRecursionDepth = 2000

// stepCheckEvery is how often (in interpreter steps) a thread checks its
// recursion depth when no step hook asks for a shorter interval.
const stepCheckEvery = 1000

const (
	interruptReason = "threadlab: interrupted"
	recursionReason = "threadlab: recursion too deep"
)

// Session is one kernel session: the shared global namespace of all cells
// and the predeclared modules.
type Session struct {
	execMu sync.Mutex // one cell at a time
	ns     *namespace
	mods   starlark.StringDict

	refs  globalRefs // the globals each function names, for freezing
	locks lockNames  // names for the locks cells make

	stopMu  sync.Mutex
	stopped []string // stopped by an interrupt while idle; the next cell says so

	srcMu   sync.RWMutex
	sources map[string][]string // cell file name -> lines
	cells   int

	// OnInterrupt, when set, is called when a running cell is interrupted
	// (and by Shutdown), to stop the user threads.
	OnInterrupt func()
	// OnIdleInterrupt, when set, is called by Interrupt (an interrupt while
	// no cell runs) to stop what earlier cells left running; it returns
	// the names of what it stopped.
	OnIdleInterrupt func() []string
	// OnThread, when set, is called by NewThread with each new thread,
	// before it runs, to install scheduler hooks (see SetStepHook).
	OnThread func(name string, th *starlark.Thread)
	// OnCellStart and OnCellEnd, when set, are called around each cell on
	// the cell's thread. OnCellEnd receives the cell's error (nil on
	// success) and returns the error to report (for example a
	// DeadlockError, or nil once all is well).
	OnCellStart func(th *starlark.Thread)
	OnCellEnd   func(th *starlark.Thread, err error) error
	// Ext is free for the modules (lessons/modules.go) to keep their state.
	Ext any
}

// New makes a session with empty globals.
func New() *Session {
	s := &Session{sources: map[string][]string{}}
	s.ns = newNamespace(s.fallback)
	s.mods = s.modules()
	return s
}

// fallback finds a name that is not a global: a threadlab builtin, then a
// predeclared module.
func (s *Session) fallback(name string) starlark.Value {
	if v, ok := builtins[name]; ok {
		return v
	}
	if v, ok := s.mods[name]; ok {
		return v
	}
	return nil
}

// Global returns the value of a global name (nil, false when unbound).
func (s *Session) Global(name string) (starlark.Value, bool) { return s.ns.Get(name) }

// SetGlobal binds a global name, visible to every cell and thread.
func (s *Session) SetGlobal(name string, v starlark.Value) { s.ns.Set(name, v) }

// Globals returns a snapshot of the learner's globals.
func (s *Session) Globals() starlark.StringDict { return s.ns.Snapshot() }

// stepState is the per-thread state of the OnMaxSteps handler.
type stepState struct {
	every uint64
	hook  func(th *starlark.Thread)
}

const localSteps = "threadlab.steps"

// SetStepHook makes hook run on th every `every` interpreter steps (from
// th's own goroutine), e.g. to let a GIL switch threads. It replaces any
// earlier hook; the recursion-depth guard keeps running. Call it before
// th starts running Starlark code, or from that thread itself. Do not
// assign th.OnMaxSteps directly.
func SetStepHook(th *starlark.Thread, every uint64, hook func(th *starlark.Thread)) {
	st, _ := th.Local(localSteps).(*stepState)
	if st == nil {
		st = &stepState{}
		th.SetLocal(localSteps, st)
		th.OnMaxSteps = st.onMaxSteps
	}
	if every == 0 {
		every = stepCheckEvery
	}
	st.every, st.hook = every, hook
	th.SetMaxExecutionSteps(th.ExecutionSteps() + every)
}

func (st *stepState) onMaxSteps(th *starlark.Thread) {
	if th.CallStackDepth() > MaxRecursionDepth {
		th.Cancel(recursionReason)
	}
	th.SetMaxExecutionSteps(th.ExecutionSteps() + st.every)
	if st.hook != nil {
		st.hook(th)
	}
}

// NewThread builds a configured Starlark thread whose print() and input()
// go to out. The lead's runtime uses it for every user thread.
func (s *Session) NewThread(name string, out Output) *starlark.Thread {
	th := &starlark.Thread{Name: name}
	th.SetLocal(LocalOutput, out)
	th.SetLocal(LocalSession, s)
	th.Print = func(t *starlark.Thread, msg string) {
		if o := threadOutput(t); o != nil {
			o.Stream("stdout", msg+"\n")
		}
	}
	th.Load = func(*starlark.Thread, string) (starlark.StringDict, error) {
		return nil, &CellError{Name: "ImportError", Message: "load() is not available in threadlab"}
	}
	SetStepHook(th, stepCheckEvery, nil)
	if s.OnThread != nil {
		s.OnThread(name, th)
	}
	return th
}

// Execute runs one cell and returns the MIME bundle of a final expression
// (nil when there is none).
func (s *Session) Execute(ctx context.Context, code string, out Output) (map[string]any, error) {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	switch trimmed := strings.TrimSpace(code); {
	case trimmed == "exit" || trimmed == "quit" || trimmed == "exit()" || trimmed == "quit()":
		return nil, payload{"source": "ask_exit", "keepkernel": false}
	case helpRe.MatchString(trimmed):
		// IPython's name? shows help in the pager.
		name := strings.TrimRight(trimmed, "?")
		data, found := s.Inspect(name, len(name), 0)
		if !found {
			return nil, &CellError{Name: "NameError", Message: fmt.Sprintf("no help for '%s': it is not defined", name)}
		}
		return nil, payload{"source": "page", "data": data, "start": 0}
	}

	if stopped := s.takeStopped(); len(stopped) > 0 {
		out.Stream("stderr", stoppedNote(stopped))
	}

	s.srcMu.Lock()
	s.cells++
	filename := fmt.Sprintf("<cell %d>", s.cells)
	s.sources[filename] = strings.Split(code, "\n")
	s.srcMu.Unlock()

	c, err := s.compileCell(filename, code)
	if err != nil {
		return nil, err
	}
	th := s.NewThread("MainThread", out)
	var result starlark.Value
	predeclared := starlark.StringDict{
		nsInitName: s.ns,
		resultName: starlark.NewBuiltin("result", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			result = args[0]
			return starlark.None, nil
		}),
	}

	// The watcher ends the cell on an interrupt or when memory runs out.
	// Execute waits for it to exit, so that it can never act on a later
	// cell (the kernel cancels ctx once Execute has returned).
	done := make(chan struct{})
	watcherDone := make(chan struct{})
	interrupted := make(chan struct{})
	outOfMemory := make(chan struct{})
	go func() {
		defer close(watcherDone)
		watch := time.NewTicker(50 * time.Millisecond)
		defer watch.Stop()
		for {
			select {
			case <-ctx.Done():
				select {
				case <-done:
					return // the cell had finished: nothing to interrupt
				default:
				}
				th.Cancel(interruptReason)
				close(interrupted)
				if s.OnInterrupt != nil {
					s.OnInterrupt()
				}
				return
			case <-watch.C:
				if heapBytes() > MemoryLimit {
					close(outOfMemory)
					th.Cancel(memoryReason)
					if s.OnInterrupt != nil {
						s.OnInterrupt()
					}
					return
				}
			case <-done:
				return
			}
		}
	}()
	if s.OnCellStart != nil {
		s.OnCellStart(th)
	}
	_, err = c.prog.Init(th, predeclared)
	if s.OnCellEnd != nil {
		err = s.OnCellEnd(th, err)
	}
	close(done)
	<-watcherDone
	if err != nil {
		select {
		case <-outOfMemory:
			debug.FreeOSMemory()
			ce := s.cellError(err, filename, false)
			ce.Name, ce.Message, ce.Hint = s.classify(memoryReason)
			return nil, ce
		case <-interrupted:
			return nil, s.cellError(err, filename, true)
		default:
			return nil, s.cellError(err, filename, false)
		}
	}
	if result == nil || result == starlark.None {
		return nil, nil
	}
	return Bundle(result), nil
}

// payload is what a cell that asks the frontend to act returns instead of
// a result: exit or quit (close jupyter console) and name? (show help in
// the pager), as in IPython. The kernel sends it in execute_reply.
type payload map[string]any

func (p payload) Error() string           { return fmt.Sprintf("%v requested", p["source"]) }
func (p payload) Payload() map[string]any { return p }

var helpRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*\?\??$`)

// Bundle returns the MIME bundle that shows v: its own when v is a
// MIMEBundler, else text/plain with Python's repr.
func Bundle(v starlark.Value) map[string]any {
	if mb, ok := v.(MIMEBundler); ok {
		if b := mb.MIMEBundle(); b != nil {
			if _, ok := b["text/plain"]; !ok {
				b["text/plain"] = PyRepr(v)
			}
			return b
		}
	}
	return map[string]any{"text/plain": PyRepr(v)}
}

// Interrupt handles an interrupt that arrives while no cell runs: it stops
// every thread and process earlier cells left running, and the next cell
// says once what was stopped. Safe to call from any goroutine.
func (s *Session) Interrupt() {
	if s.OnIdleInterrupt == nil {
		return
	}
	names := s.OnIdleInterrupt()
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
	if s.OnInterrupt != nil {
		s.OnInterrupt()
	}
}
