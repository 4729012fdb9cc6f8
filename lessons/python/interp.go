package python

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// Options configure an interpreter (and Run).
type Options struct {
	// Stdout and Stderr may buffer: a writer with a Flush() error method
	// is flushed by print(flush=True), sys.stdout.flush() and input().
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	Argv           []string // sys.argv

	// Modules are importable in this interpreter only, in addition to the
	// registered ones (the host's threading, for example).
	Modules []ModuleDef

	// Interrupt, if set, stops Run's program when it is closed (Ctrl-C in
	// a terminal): Run then prints KeyboardInterrupt and returns 130.
	// pyhost.Run takes each value received as one Ctrl-C: the first
	// raises KeyboardInterrupt in the main thread, a second (or closing
	// the channel) stops every thread.
	Interrupt <-chan struct{}
}

// Interp is one interpreter: its modules (sys.modules), builtins, source
// files for tracebacks and standard streams. Many Threads may run in it
// at once.
type Interp struct {
	mu       sync.Mutex
	builtins *Dict
	modules  map[string]*Module
	extra    map[string]ModuleDef
	sources  map[string][]string
	ids      map[any]int64
	nextID   atomic.Int64

	names      map[string]string // guarded by mu: the names of compiled code (intern.go)
	serialised atomic.Bool       // the host runs one thread at a time (serial.go)
	sharing    bool              // guarded by mu: objects are shared with another interpreter (serial.go)

	outMu  sync.Mutex
	stdout io.Writer
	stderr io.Writer
	stdin  *bufio.Reader
	argv   []string

	recursionLimit int
}

// NewInterp makes an interpreter.
func NewInterp(opts Options) *Interp {
	in := &Interp{
		builtins:       newNamespace(),
		modules:        map[string]*Module{},
		extra:          map[string]ModuleDef{},
		sources:        map[string][]string{},
		ids:            map[any]int64{},
		stdout:         opts.Stdout,
		stderr:         opts.Stderr,
		argv:           opts.Argv,
		recursionLimit: 1000,
	}
	if in.stdout == nil {
		in.stdout = io.Discard
	}
	if in.stderr == nil {
		in.stderr = io.Discard
	}
	if opts.Stdin != nil {
		in.stdin = bufio.NewReader(opts.Stdin)
	} else {
		in.stdin = bufio.NewReader(strings.NewReader(""))
	}
	in.nextID.Store(0x7f3a5c000000 >> 4)
	for _, m := range opts.Modules {
		in.extra[m.Name] = m
	}
	for name, v := range reg.builtins {
		in.builtins.SetStr(name, v)
	}
	for _, c := range exceptionTypes {
		in.builtins.SetStr(c.name, c)
	}
	// CPython keeps these two older names as aliases of OSError.
	in.builtins.SetStr("EnvironmentError", OSError)
	in.builtins.SetStr("IOError", OSError)
	for name, c := range coreTypes() {
		in.builtins.SetStr(name, c)
	}
	in.builtins.SetStr("None", None)
	in.builtins.SetStr("True", True)
	in.builtins.SetStr("False", False)
	in.builtins.SetStr("NotImplemented", NotImplemented)
	in.builtins.SetStr("Ellipsis", Ellipsis)
	in.builtins.SetStr("__name__", Str("builtins"))
	return in
}

func coreTypes() map[string]*Type {
	return map[string]*Type{
		"object": ObjectType, "type": TypeType, "int": IntType, "bool": BoolType,
		"float": FloatType, "str": StrType, "bytes": BytesType, "tuple": TupleType,
		"list": ListType, "dict": DictType, "set": SetType, "frozenset": FrozenSetType,
		"range": RangeType, "slice": SliceType, "property": PropertyType,
		"staticmethod": StaticMethodType, "classmethod": ClassMethodType,
		"super": SuperType,
	}
}

// Stdout is where print writes by default.
func (in *Interp) Stdout() io.Writer { return in.stdout }

// Stderr is sys.stderr's destination.
func (in *Interp) Stderr() io.Writer { return in.stderr }

// Stdin is what input() reads.
func (in *Interp) Stdin() *bufio.Reader { return in.stdin }

// Argv is sys.argv.
func (in *Interp) Argv() []string { return in.argv }

// Write writes to w holding the interpreter's output lock, so that one
// print call's text is never interleaved with another's.
func (in *Interp) Write(w io.Writer, s string) error {
	in.outMu.Lock()
	_, err := io.WriteString(w, s)
	in.outMu.Unlock()
	return err
}

// Flush flushes w if it buffers (has a Flush() error method), so that what
// was written reaches the terminal before the program waits for input.
func (in *Interp) Flush(w io.Writer) error {
	f, ok := w.(interface{ Flush() error })
	if !ok {
		return nil
	}
	in.outMu.Lock()
	defer in.outMu.Unlock()
	return f.Flush()
}

// RecursionLimit is sys.getrecursionlimit().
func (in *Interp) RecursionLimit() int { return in.recursionLimit }

// Builtins is the builtins namespace.
func (in *Interp) Builtins() *Dict { return in.builtins }

// objectID returns a stable identity number for a value (id()).
func (in *Interp) objectID(v Value) int64 {
	var key any = v
	switch x := v.(type) {
	case Tuple:
		if len(x) == 0 {
			return 0x7f3a5b000040
		}
		key = &x[0]
	case Int, Float, Str, Bool, NoneType, Bytes:
		// value types: equal values share an id, which is all programs see
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	id, ok := in.ids[key]
	if !ok {
		id = in.nextID.Add(1) << 4
		in.ids[key] = id
	}
	return id
}

// ID is id(v).
func (in *Interp) ID(v Value) int64 { return in.objectID(v) }

// addSource remembers a file's lines for tracebacks.
func (in *Interp) addSource(filename string, src []byte) {
	in.mu.Lock()
	in.sources[filename] = strings.Split(string(src), "\n")
	in.mu.Unlock()
}

// Compile parses and compiles a module's source. A syntax error is
// returned as a Python SyntaxError exception.
func (in *Interp) Compile(filename string, src []byte, interactive bool) (*compile.Code, error) {
	in.addSource(filename, src)
	mod, err := syntax.Parse(filename, src)
	if err != nil {
		return nil, syntaxException(err)
	}
	// The resolver decides the scope of every name for the compiler and
	// reports the scope errors (global and nonlocal misuse, return or
	// yield outside a function, ...) in CPython's words.
	if err := resolve.File(mod, src); err != nil {
		return nil, syntaxException(err)
	}
	code, err := compile.Module(mod, interactive)
	if err != nil {
		return nil, syntaxException(err)
	}
	in.intern(code)
	for _, w := range mod.Scope.(*resolve.Function).Warnings {
		msg := fmt.Sprintf("%s:%d: SyntaxWarning: %s\n", filename, w.Pos.Line, w.Msg)
		if line := strings.TrimSpace(in.sourceLine(filename, int(w.Pos.Line))); line != "" {
			msg += "  " + line + "\n"
		}
		in.Write(in.stderr, msg)
	}
	return code, nil
}

func syntaxException(err error) error {
	se, ok := err.(*syntax.Error)
	if !ok {
		return Errorf(SyntaxErrorType, "%s", err.Error())
	}
	c := SyntaxErrorType
	switch se.Kind {
	case syntax.IndentationError:
		c = IndentationError
	case syntax.TabError:
		c = TabError
	}
	e := NewException(c, Str(se.Msg), Tuple{Str(se.Filename), Int(se.Pos.Line), Int(se.Offset()), Str(se.Line), Int(se.End.Line), Int(se.EndOffset())})
	e.more().syntax = se
	return e
}

// ExecModule runs compiled module code in m's namespace and returns the
// value of the last expression statement if code was compiled
// interactively (else None).
// A Go panic inside is returned as an *InternalError.
func (t *Thread) ExecModule(code *compile.Code, m *Module) (v Value, err error) {
	defer t.recoverInternal(&err)
	co := newCodeObj(code)
	fn := &Function{code: co, globals: m, name: "<module>", qualname: "<module>", dict: NewDict()}
	return t.callFunction(fn, nil, nil)
}

// CallSafe calls fn(*args) as a host's entry point into Python code (a
// thread's target, a callback): a Go panic inside is returned as an
// *InternalError instead of crashing the host.
func (t *Thread) CallSafe(fn Value, args ...Value) (v Value, err error) {
	defer t.recoverInternal(&err)
	return CallValue(t, fn, args, nil)
}

func (t *Thread) recoverInternal(err *error) {
	if r := recover(); r != nil {
		msg := fmt.Sprint(r)
		if os.Getenv("THREADLAB_DEBUG") != "" {
			msg += "\n" + string(debug.Stack())
		}
		*err = &InternalError{Msg: msg}
		t.depth, t.frame = 0, nil
	}
}

// Import returns the module name, initialising it on first use.
func (t *Thread) Import(name string) (*Module, error) {
	in := t.interp
	in.mu.Lock()
	m, ok := in.modules[name]
	if !ok {
		def, found := in.extra[name]
		if !found {
			def, found = reg.modules[name]
		}
		if !found {
			// As CPython does, the error names the first missing part of
			// a dotted name: no module 'nosuch' for import nosuch.sub.
			missing := name
			if top, _, dotted := strings.Cut(name, "."); dotted {
				_, loaded := in.modules[top]
				_, extra := in.extra[top]
				_, builtin := reg.modules[top]
				if !loaded && !extra && !builtin {
					missing = top
				}
			}
			in.mu.Unlock()
			return nil, moduleNotFound(missing, moduleNames(in.extra))
		}
		m = NewModule(name)
		in.modules[name] = m
		in.mu.Unlock()
		m.once.Do(func() {
			if def.Init != nil {
				m.initErr = def.Init(t, m)
			}
		})
		return m, m.initErr
	}
	in.mu.Unlock()
	m.once.Do(func() {})
	return m, m.initErr
}

func moduleNotFound(name string, have []string) error {
	e := Errorf(ModuleNotFoundError, "No module named '%s'", name)
	e.setMember("name", Str(name))
	// The private modules (_threadlab, ...) are not the learner's to import.
	public := have[:0:0]
	for _, n := range have {
		if !strings.HasPrefix(n, "_") {
			public = append(public, n)
		}
	}
	e.more().notes = []string{"threadlab has no module '" + name + "'; its modules are " + strings.Join(public, ", ")}
	return e
}

// AddModule makes an existing module importable in this interpreter
// (sys.modules[name] = m).
func (in *Interp) AddModule(m *Module) {
	in.mu.Lock()
	in.modules[m.name] = m
	in.mu.Unlock()
	m.once.Do(func() {})
}

// Run compiles and runs a whole program as module __main__. Output goes to
// opts.Stdout; an uncaught exception prints a CPython-shaped traceback to
// opts.Stderr. It returns the exit status CPython would: 0, 1 after an
// uncaught exception or SyntaxError, or SystemExit's code.
func Run(filename string, src []byte, opts Options) int {
	in := NewInterp(opts)
	t := in.NewThread("MainThread")
	if opts.Interrupt != nil {
		finished := make(chan struct{})
		defer close(finished)
		go func() {
			select {
			case <-opts.Interrupt:
				t.Cancel(interruptReason)
			case <-finished:
			}
		}()
	}
	status := 0
	func() {
		defer func() {
			if r := recover(); r != nil {
				msg := "threadlab internal error: " + strings.TrimSpace(fmt.Sprint(r)) + "\n"
				if os.Getenv("THREADLAB_DEBUG") != "" {
					msg += string(debug.Stack())
				}
				in.Write(in.stderr, msg)
				status = 1
			}
		}()
		status = t.runMain(filename, src)
	}()
	return status
}

func (t *Thread) runMain(filename string, src []byte) int {
	in := t.interp
	code, err := in.Compile(filename, src, false)
	if err == nil {
		m := NewModule("__main__")
		m.globals.SetStr("__file__", Str(filename))
		in.AddModule(m)
		_, err = t.ExecModule(code, m)
	}
	if err == nil {
		return 0
	}
	return t.exitStatus(err)
}

// exitStatus turns an uncaught error into an exit status, printing it as
// CPython does (SystemExit prints its message only if it is not an int).
// interruptReason is the cancellation of a program stopped by Ctrl-C.
const interruptReason = "KeyboardInterrupt"

func (t *Thread) exitStatus(err error) int {
	in := t.interp
	var c *Cancelled
	if errors.As(err, &c) && c.Reason == interruptReason {
		var b strings.Builder
		t.PrintTraceback(&b, c)
		in.Write(in.stderr, b.String())
		return 130
	}
	e, ok := err.(*Exception)
	if ok && e.class.IsSubclass(KeyboardInterrupt) {
		// CPython ends itself with SIGINT then, which a shell shows as 130.
		var b strings.Builder
		t.PrintTraceback(&b, e)
		in.Write(in.stderr, b.String())
		return 130
	}
	if ok && e.class.IsSubclass(SystemExit) {
		var code Value = None
		if len(e.args) == 1 {
			code = e.args[0]
		} else if len(e.args) > 1 {
			code = e.args
		}
		switch c := code.(type) {
		case NoneType:
			return 0
		case Int:
			return int(c) & 0xff
		case Bool:
			return int(b2i(bool(c)))
		}
		s, _ := ToStr(t, code)
		in.Write(in.stderr, s+"\n")
		return 1
	}
	var b strings.Builder
	t.PrintTraceback(&b, err)
	in.Write(in.stderr, b.String())
	return 1
}

// ExitStatus is what Run would return after a program ended with err
// (nil: 0), printing the traceback to the interpreter's stderr.
func (t *Thread) ExitStatus(err error) int {
	if err == nil {
		return 0
	}
	return t.exitStatus(err)
}
