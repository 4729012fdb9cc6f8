package python

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// NativeFunc is the Go signature of every built-in function and method.
// For a method, args[0] is the receiver (self). args is only valid during
// the call; copy it to keep it. kw holds keyword arguments in call order.
// Return a Python exception as the error (see Errorf); any other error
// becomes a SystemError.
type NativeFunc func(t *Thread, args []Value, kw []Kwarg) (Value, error)

// Builtin is a built-in function (type builtin_function_or_method), or a
// built-in method bound to its receiver.
type Builtin struct {
	name string
	fn   NativeFunc
	self Value // the receiver of a bound method; nil for a function
	// A bound method of a container that a tracer hears of (itemsAccess).
	items  EventKind
	traced bool
}

// NewBuiltin makes a built-in function.
func NewBuiltin(name string, fn NativeFunc) *Builtin { return &Builtin{name: name, fn: fn} }

func (*Builtin) Type() *Type { return BuiltinFunctionType }

// Name is __name__.
func (b *Builtin) Name() string { return b.name }

// Call calls the function (with the receiver first, if bound).
func (b *Builtin) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if b.self == nil {
		return b.fn(t, args, kw)
	}
	all := make([]Value, len(args)+1)
	all[0] = b.self
	copy(all[1:], args)
	if t.tracer != nil && b.traced {
		t.itemsEvent(b.items, b.self, b.name)
		v, err := b.fn(t, all, kw)
		t.itemsDone(b.items, b.self)
		return v, err
	}
	return b.fn(t, all, kw)
}

// MethodDescr is a method of a built-in type, as found in the type's
// dict (str.upper). Read from an instance it binds to a *Builtin.
type MethodDescr struct {
	name     string
	owner    *Type
	fn       NativeFunc
	keepSelf bool // the method gets a subclass instance itself, not its Base
	// A method of a container, whose calls a tracer hears of as one access
	// of it all (itemsAccess).
	items  EventKind
	traced bool
}

func (*MethodDescr) Type() *Type { return MethodDescrType }

// Call calls the unbound method: args[0] is the receiver, which must be an
// instance of the owner type.
func (m *MethodDescr) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 {
		return nil, Errorf(TypeError, "unbound method %s.%s() needs an argument", m.owner.name, m.name)
	}
	if !args[0].Type().IsSubclass(m.owner) {
		return nil, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.name, m.owner.name, TypeName(args[0]))
	}
	args[0] = m.receiver(args[0])
	// Counted like a Python call: a dunder that calls itself through
	// Go (x in y looking up y.__contains__) must end in RecursionError,
	// not overflow the goroutine's stack and take the process down.
	if t.depth >= t.interp.recursionLimit {
		return nil, Errorf(RecursionError, "maximum recursion depth exceeded while calling a Python object")
	}
	t.depth++
	if t.tracer != nil && m.traced {
		self := args[0] // (the method may change args)
		t.itemsEvent(m.items, self, m.name)
		v, err := m.fn(t, args, kw)
		t.depth--
		t.itemsDone(m.items, self)
		return v, err
	}
	v, err := m.fn(t, args, kw)
	t.depth--
	return v, err
}

// receiver is the value a method of a built-in type gets as self: the
// built-in value inside an instance of a Python subclass, unless the type
// asked for the instance itself (KeepSubclassReceiver).
func (m *MethodDescr) receiver(self Value) Value {
	if m.keepSelf || m.owner.keepInstance {
		return self
	}
	return unwrap(self)
}

// KeepSubclassReceiver makes the methods of built-in type c receive an
// instance of a Python subclass of c as itself (an *Instance, whose Base
// is the Go value), so that they can call methods the subclass overrides
// (threading.Thread.start calling run). Call it from an init function.
func (c *Type) KeepSubclassReceiver() { c.keepInstance = true }

// AddMethod registers a method on a built-in type: fn gets the receiver
// as args[0]. Call it from an init function. Registering a name twice
// panics (two files claiming one method is a bug).
func (c *Type) AddMethod(name string, fn NativeFunc) {
	kind, traced := itemsAccess(c, name)
	c.addAttr(name, &MethodDescr{name: name, owner: c, fn: fn, items: kind, traced: traced})
}

// AddClassMethod registers a class method (args[0] is the class).
func (c *Type) AddClassMethod(name string, fn NativeFunc) {
	c.addAttr(name, &ClassMethod{Fn: NewBuiltin(name, fn)})
}

// AddStaticMethod registers a static method.
func (c *Type) AddStaticMethod(name string, fn NativeFunc) {
	c.addAttr(name, &StaticMethod{Fn: NewBuiltin(name, fn)})
}

// AddAttr registers a plain class attribute (a constant, or a *Property).
func (c *Type) AddAttr(name string, v Value) { c.addAttr(name, v) }

func (c *Type) addAttr(name string, v Value) {
	if c.dict.GetStr(name) != nil {
		panic(fmt.Sprintf("python: %s.%s registered twice", c.name, name))
	}
	c.dict.SetStr(name, v)
	c.bump()
}

// NewProperty makes a read-only property computed by get (args[0] is the
// instance). Register it with AddAttr.
func NewProperty(name string, get NativeFunc) *Property {
	return &Property{Get: NewBuiltin(name, get)}
}

// ---- the registries, filled by init functions ----

// registry holds what init functions register: built-in functions and
// module definitions. It is written only during package initialization
// and read-only afterwards.
type registry struct {
	builtins map[string]Value
	modules  map[string]ModuleDef
}

var reg = registry{builtins: map[string]Value{}, modules: map[string]ModuleDef{}}

// RegisterBuiltin adds a name to the builtins module (a *Builtin, or any
// other value, such as a type). Call it from an init function; a name
// registered twice panics.
func RegisterBuiltin(name string, v Value) {
	if _, dup := reg.builtins[name]; dup {
		panic("python: builtin " + name + " registered twice")
	}
	reg.builtins[name] = v
}

// RegisterFunc is RegisterBuiltin(name, NewBuiltin(name, fn)).
func RegisterFunc(name string, fn NativeFunc) { RegisterBuiltin(name, NewBuiltin(name, fn)) }

// ModuleDef defines an importable module. Init fills a fresh module each
// time an interpreter first imports it (modules are per interpreter, since
// programs may change them).
type ModuleDef struct {
	Name string
	Doc  string
	Init func(t *Thread, m *Module) error
}

// RegisterModule makes a module importable. Call it from an init function.
func RegisterModule(def ModuleDef) {
	if _, dup := reg.modules[def.Name]; dup {
		panic("python: module " + def.Name + " registered twice")
	}
	reg.modules[def.Name] = def
}

// moduleNames lists the importable modules, sorted, for the hint of a
// ModuleNotFoundError.
func moduleNames(extra map[string]ModuleDef) []string {
	var names []string
	for n := range reg.modules {
		names = append(names, n)
	}
	for n := range extra {
		if _, ok := reg.modules[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Module is a module object.
type Module struct {
	name    string
	globals *Dict
	once    sync.Once
	initErr error
}

// NewModule makes an empty module named name.
func NewModule(name string) *Module {
	m := &Module{name: name, globals: newNamespace()}
	m.globals.SetStr("__name__", Str(name))
	m.globals.SetStr("__doc__", None)
	return m
}

func (*Module) Type() *Type { return ModuleType }

// Name is the module's __name__.
func (m *Module) Name() string { return m.name }

// Globals is the module's namespace.
func (m *Module) Globals() *Dict { return m.globals }

// Set binds a module attribute.
func (m *Module) Set(name string, v Value) { m.globals.SetStr(name, v) }

// SetFunc binds a module function.
func (m *Module) SetFunc(name string, fn NativeFunc) { m.Set(name, NewBuiltin(name, fn)) }

// Attr reads a module attribute.
func (m *Module) Attr(t *Thread, name string) (Value, error) {
	if name == "__dict__" {
		return m.globals, nil
	}
	return m.globals.GetStr(name), nil
}

// ---- argument unpacking ----

// UnpackArgs binds a call's arguments to parameters, the way a Python def
// with those parameters would, and reports CPython's TypeErrors. Each name
// in params is paired with the *Value in out at the same index. A name
// ending in "?" is optional (its *Value stays nil when absent); a name
// starting with "*" is keyword-only; positional-only parameters are not
// distinguished.
//
//	var x, base Value
//	if err := UnpackArgs("int", args, kw, []string{"x?", "base?"}, &x, &base); err != nil {...}
func UnpackArgs(fname string, args []Value, kw []Kwarg, params []string, out ...*Value) error {
	if len(params) != len(out) {
		panic("python: UnpackArgs: params and out differ in length")
	}
	npos := 0
	required := 0
	for _, p := range params {
		if strings.HasPrefix(p, "*") {
			break
		}
		npos++
	}
	for _, p := range params {
		if !strings.HasSuffix(p, "?") {
			required++
		}
	}
	if len(args) > npos {
		if npos == required {
			return Errorf(TypeError, "%s() takes %s but %d %s given", fname, plural(npos, "positional argument"), len(args), wasWere(len(args)))
		}
		return Errorf(TypeError, "%s() takes at most %s (%d given)", fname, plural(npos, "argument"), len(args))
	}
	for i, a := range args {
		*out[i] = a
	}
	for _, k := range kw {
		found := false
		for i, p := range params {
			if strings.Trim(p, "*?") == k.Name {
				if *out[i] != nil {
					return Errorf(TypeError, "%s() got multiple values for argument '%s'", fname, k.Name)
				}
				*out[i] = k.Value
				found = true
				break
			}
		}
		if !found {
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
	}
	for i, p := range params {
		if *out[i] == nil && !strings.HasSuffix(p, "?") {
			return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fname, strings.Trim(p, "*"), i+1)
		}
	}
	return nil
}

// NoKwargs fails with CPython's message if a function that takes no
// keyword arguments got some.
func NoKwargs(fname string, kw []Kwarg) error {
	if len(kw) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", fname)
	}
	return nil
}

// ArgCount checks the number of positional arguments of a built-in.
func ArgCount(fname string, args []Value, min, max int) error {
	n := len(args)
	switch {
	case min == max && n != min:
		if min == 1 {
			return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fname, n)
		}
		if min == 0 {
			return Errorf(TypeError, "%s() takes no arguments (%d given)", fname, n)
		}
		return Errorf(TypeError, "%s expected %d arguments, got %d", fname, min, n)
	case n < min:
		return Errorf(TypeError, "%s expected at least %d argument%s, got %d", fname, min, pluralS(min), n)
	case n > max:
		return Errorf(TypeError, "%s expected at most %d argument%s, got %d", fname, max, pluralS(max), n)
	}
	return nil
}

func plural(n int, what string) string {
	return fmt.Sprintf("%d %s%s", n, what, pluralS(n))
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}
