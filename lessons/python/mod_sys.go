package python

import "unicode/utf8"

// The sys module: argv, the standard streams, the recursion limit and
// the interpreter's constants.

// MaxRecursionLimit caps sys.setrecursionlimit: deeper Python recursion
// would exhaust the Go stack, which cannot be caught.
const MaxRecursionLimit = 50000

// Version is the version of Python the interpreter follows (sys.version).
const Version = "3.11.2"

// StreamType is the type of sys.stdout and sys.stderr.
var StreamType = NewType("TextIOWrapper", nil).SetModule("_io")

// stream is sys.stdout, sys.stderr or sys.stdin.
type stream struct {
	name string // "stdout", "stderr", "stdin"
}

func (*stream) Type() *Type { return StreamType }

func (s *stream) Repr(t *Thread) (string, error) {
	mode := "w"
	if s.name == "stdin" {
		mode = "r"
	}
	return "<_io.TextIOWrapper name='<" + s.name + ">' mode='" + mode + "' encoding='utf-8'>", nil
}

func init() {
	StreamType.AddMethod("write", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("write", args, kw); err != nil {
			return nil, err
		}
		s := args[0].(*stream)
		text, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeError, "write() argument must be str, not %s", TypeName(args[1]))
		}
		in := t.interp
		w := t.Stdout()
		switch s.name {
		case "stderr":
			w = t.Stderr()
		case "stdin":
			return nil, Errorf(OSError, "not writable")
		}
		if err := in.Write(w, string(text)); err != nil {
			return nil, Errorf(OSError, "%v", err)
		}
		return Int(utf8.RuneCountInString(string(text))), nil
	})
	StreamType.AddMethod("flush", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		in := t.interp
		var err error
		switch args[0].(*stream).name {
		case "stdout":
			err = in.Flush(t.Stdout())
		case "stderr":
			err = in.Flush(t.Stderr())
		}
		if err != nil {
			return nil, Errorf(OSError, "%v", err)
		}
		return None, nil
	})
	StreamType.AddMethod("readline", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if args[0].(*stream).name != "stdin" {
			return nil, Errorf(OSError, "not readable")
		}
		var line string
		err := t.Block(func(<-chan struct{}) error {
			line, _ = t.interp.Stdin().ReadString('\n')
			return nil
		})
		return Str(line), err
	})
	StreamType.AddMethod("isatty", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return False, nil })
	RegisterModule(ModuleDef{Name: "sys", Doc: "System-specific parameters (threadlab).", Init: initSys})
}

func initSys(t *Thread, m *Module) error {
	in := t.interp
	argv := make([]Value, len(in.Argv()))
	for i, a := range in.Argv() {
		argv[i] = Str(a)
	}
	if len(argv) == 0 {
		argv = []Value{Str("")}
	}
	m.Set("argv", NewList(argv))
	m.Set("stdout", &stream{name: "stdout"})
	m.Set("stderr", &stream{name: "stderr"})
	m.Set("stdin", &stream{name: "stdin"})
	m.Set("__stdout__", &stream{name: "stdout"})
	m.Set("__stderr__", &stream{name: "stderr"})
	m.Set("maxsize", Int(1<<63-1))
	m.Set("byteorder", Str("little"))
	m.Set("platform", Str("linux"))
	m.Set("version", Str(Version+" (threadlab)"))
	vi, err := makeNamedTuple("version_info", []string{"major", "minor", "micro", "releaselevel", "serial"}, nil, "sys")
	if err != nil {
		return err
	}
	vi.display = "sys.version_info"
	m.Set("version_info", &ntValue{cls: vi, items: Tuple{Int(3), Int(11), Int(2), Str("final"), Int(0)}})
	m.Set("implementation", Str("threadlab"))
	m.Set("path", NewList(nil))
	m.Set("modules", &modulesView{in: in})
	m.SetFunc("getrecursionlimit", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("getrecursionlimit", args, 0, 0); err != nil {
			return nil, err
		}
		return Int(t.interp.RecursionLimit()), nil
	})
	m.SetFunc("setrecursionlimit", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("setrecursionlimit", args, kw); err != nil {
			return nil, err
		}
		if _, ok := args[0].(Float); ok {
			return nil, Errorf(TypeError, "'float' object cannot be interpreted as an integer")
		}
		n, err := AsIndex(args[0])
		if err != nil {
			return nil, err
		}
		switch {
		case n < 1:
			return nil, Errorf(ValueError, "recursion limit must be greater or equal than 1")
		case n > MaxRecursionLimit:
			return nil, Errorf(ValueError, "threadlab limits the recursion limit to %d", MaxRecursionLimit)
		case n <= t.depth:
			return nil, Errorf(RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, t.depth)
		}
		t.interp.recursionLimit = n
		return None, nil
	})
	for _, profile := range []bool{false, true} {
		set, get := "settrace", "gettrace"
		if profile {
			set, get = "setprofile", "getprofile"
		}
		m.SetFunc(set, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg(set, args, kw); err != nil {
				return nil, err
			}
			fn := args[0] // CPython too takes any object, and fails when it calls it
			if fn == None {
				fn = nil
			}
			if profile {
				t.SetTraceFuncs(t.traceFn, fn)
			} else {
				t.SetTraceFuncs(fn, t.profileFn)
			}
			return None, nil
		})
		m.SetFunc(get, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := ArgCount(get, args, 0, 0); err != nil {
				return nil, err
			}
			fn := t.traceFn
			if profile {
				fn = t.profileFn
			}
			if fn == nil {
				return None, nil
			}
			return fn, nil
		})
	}
	m.SetFunc("_getframe", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("_getframe", args, 0, 1); err != nil {
			return nil, err
		}
		depth := 0
		if len(args) == 1 {
			var err error
			if depth, err = AsIndex(args[0]); err != nil {
				return nil, err
			}
		}
		fr := t.frame
		for ; fr != nil && depth > 0; depth-- {
			fr = fr.back
		}
		if fr == nil {
			return nil, Errorf(ValueError, "call stack is not deep enough")
		}
		return t.frameObject(fr), nil
	})
	m.SetFunc("get_int_max_str_digits", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return Int(maxStrDigits), nil
	})
	m.SetFunc("exit", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("exit", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("exit", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return nil, NewException(SystemExit)
		}
		return nil, NewException(SystemExit, args[0])
	})
	m.Set("executable", Str("threadlab"))
	return nil
}

// ModulesViewType is the type of sys.modules here: a read-only live view
// of the interpreter's imported modules.
var ModulesViewType = NewType("modules", nil).SetModule("sys")

type modulesView struct{ in *Interp }

func (*modulesView) Type() *Type { return ModulesViewType }

// dict returns the imported modules at this instant.
func (v *modulesView) dict() *Dict {
	v.in.mu.Lock()
	defer v.in.mu.Unlock()
	d := NewDict()
	for name, m := range v.in.modules {
		d.SetStr(name, m)
	}
	return d
}

func (v *modulesView) Len() int                         { return v.dict().Len() }
func (v *modulesView) Iter(t *Thread) (Iterator, error) { return NewDictIter(v.dict(), DictKeys), nil }
func (v *modulesView) Repr(t *Thread) (string, error)   { return Repr(t, v.dict()) }
func (v *modulesView) Contains(t *Thread, k Value) (bool, error) {
	x, err := v.dict().Get(t, k)
	return x != nil, err
}
func (v *modulesView) GetItem(t *Thread, k Value) (Value, error) {
	x, err := v.dict().Get(t, k)
	if err == nil && x == nil {
		return nil, NewException(KeyError, k)
	}
	return x, err
}
