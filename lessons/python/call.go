package python

import (
	"fmt"
	"math/big"
	"strings"
	"sync/atomic"

	"threadlab/lessons/python/internal/compile"
)

// codeObj is a compiled code object with its constants converted to
// values once, shared by every function made from it.
type codeObj struct {
	*compile.Code
	consts []Value
	kwIdx  map[string]int // parameter name -> slot, for keyword arguments
	// globals are per-instruction caches of LOAD_GLOBAL's and
	// STORE_GLOBAL's slots (dict_slots.go).
	globals []atomic.Pointer[globalCache]
	// attrs are per-instruction caches of class attribute lookups for
	// LOAD_ATTR, STORE_ATTR and LOAD_METHOD.
	attrs []atomic.Pointer[attrCache]
	// plainArgs is how many positional arguments a call copies straight
	// into the parameters: NumArgs when the parameters are positional
	// ones only, else -1.
	plainArgs int
	// hasCells: the frame has cells (captured variables or free ones).
	hasCells bool
	// inlineCall: execLoop runs a call of the function in its own loop
	// (pushFrame); not for a generator function, whose call makes a
	// generator.
	inlineCall bool
}

func (*codeObj) Type() *Type { return CodeType }

func newCodeObj(c *compile.Code) *codeObj {
	co := &codeObj{Code: c, consts: make([]Value, len(c.Consts)), kwIdx: map[string]int{}, globals: make([]atomic.Pointer[globalCache], len(c.Instrs)), attrs: make([]atomic.Pointer[attrCache], len(c.Instrs))}
	for i, k := range c.Consts {
		co.consts[i] = constValue(k)
	}
	co.plainArgs = -1
	if !c.VarArgs && !c.VarKw && c.NumKwOnly == 0 {
		co.plainArgs = c.NumArgs
	}
	co.hasCells = len(c.Cells)+len(c.Frees) > 0
	co.inlineCall = !c.Generator
	n := c.NumArgs + c.NumKwOnly
	for i := 0; i < n; i++ {
		co.kwIdx[c.Locals[i]] = i
	}
	return co
}

func constValue(k any) Value {
	switch x := k.(type) {
	case int64:
		return Int(x)
	case float64:
		return Float(x)
	case string:
		return Str(x)
	case compile.BytesConst:
		return Bytes(x)
	case bool:
		return Bool(x)
	case compile.NoneConst:
		return None
	case compile.EllipsisConst:
		return Ellipsis
	case *compile.Code:
		return newCodeObj(x)
	case compile.KwNames:
		t := make(Tuple, len(x))
		for i, s := range x {
			t[i] = Str(s)
		}
		return t
	case *big.Int:
		return MakeBigInt(x)
	case compile.FrozenSetConst:
		// CPython builds the frozenset from the elements, then rebuilds it
		// from its own iteration order when it stores the constant.
		first := NewSet(true)
		for _, k := range x {
			first.Add(nil, constValue(k))
		}
		s := NewSet(true)
		for _, e := range first.Elems() {
			s.Add(nil, e)
		}
		return s
	}
	panic(fmt.Sprintf("python: unknown constant %T", k))
}

// Function is a function defined in Python (def or lambda).
type Function struct {
	code        *codeObj
	globals     *Module
	defaults    []Value
	kwdefault   *Dict
	annotations *Dict
	closure     []*Cell
	name        string
	qualname    string
	dict        *Dict
}

func (*Function) Type() *Type { return FunctionType }

// Name is __name__.
func (f *Function) Name() string { return f.name }

// Call calls the function.
func (f *Function) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	return t.callFunction(f, args, kw)
}

// BoundMethod is a function bound to an instance (or a class, for class
// methods): calling it passes Self first.
type BoundMethod struct {
	Fn   Value
	Self Value
}

func (*BoundMethod) Type() *Type { return MethodType }

// Call calls the method.
func (m *BoundMethod) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if f, ok := m.Fn.(*Function); ok {
		return t.callFunctionSelf(f, m.Self, args, kw)
	}
	all := make([]Value, len(args)+1)
	all[0] = m.Self
	copy(all[1:], args)
	return CallValue(t, m.Fn, all, kw)
}

// StaticMethod wraps a function so that it does not bind.
type StaticMethod struct{ Fn Value }

func (*StaticMethod) Type() *Type { return StaticMethodType }

// ClassMethod wraps a function so that it binds to the class.
type ClassMethod struct{ Fn Value }

func (*ClassMethod) Type() *Type { return ClassMethodType }

// Property is a data descriptor computed by functions.
type Property struct{ Get, Set, Del Value }

func (*Property) Type() *Type { return PropertyType }

// Super is the result of super(): attribute lookup starts after Class in
// the MRO of Obj's type.
type Super struct {
	Class *Type
	Obj   Value
}

func (*Super) Type() *Type { return SuperType }

// CallValue calls fn(*args, **kw). args is not retained.
func CallValue(t *Thread, fn Value, args []Value, kw []Kwarg) (Value, error) {
	switch f := fn.(type) {
	case *Function:
		if t.depth >= t.interp.recursionLimit {
			// a call from Go code: CPython's C-level recursion check words it so
			return nil, Errorf(RecursionError, "maximum recursion depth exceeded while calling a Python object")
		}
		return t.callFunction(f, args, kw)
	case *Builtin:
		if f.self == nil {
			return f.fn(t, args, kw)
		}
		return f.Call(t, args, kw)
	case *BoundMethod:
		return f.Call(t, args, kw)
	case *Type:
		return f.Call(t, args, kw)
	case *MethodDescr:
		return f.Call(t, args, kw)
	case *StaticMethod:
		return CallValue(t, f.Fn, args, kw)
	case Callable:
		return f.Call(t, args, kw)
	}
	if m := fn.Type().Lookup("__call__"); m != nil {
		all := make([]Value, len(args)+1)
		all[0] = fn
		copy(all[1:], args)
		return CallValue(t, m, all, kw)
	}
	return nil, Errorf(TypeError, "'%s' object is not callable", TypeName(fn))
}

// Call calls fn with positional arguments only.
func Call(t *Thread, fn Value, args ...Value) (Value, error) { return CallValue(t, fn, args, nil) }

// returnInline is the return of v from fr, a frame that execLoop entered
// in its own loop, whose stack pointer is now sp; it returns the frame
// to go on with, its stack pointer and pc set.
func (t *Thread) returnInline(fr *frame, sp int, v Value) *frame {
	if t.tracing {
		t.traceReturn(fr, v)
	}
	caller, base := fr.back, fr.callBase
	if fr.gen != nil {
		fr.sp = sp
		// the end of a generator a FOR_ITER resumed: the loop is over,
		// and the value returned goes nowhere
		t.leaveGenerator(fr, true)
		caller.sp = base - 1
		caller.stack[caller.sp] = nil
		caller.pc = int(caller.code.Instrs[caller.pc-1].Arg)
		return caller
	}
	t.frame = caller
	t.depth--
	// freeFrame's work, in line: the call would cost a tenth of a return
	if fr.cells != nil || fr.ret != nil || cap(fr.blocks) > 0 || fr.localsDict != nil || fr.trace != nil {
		fr.clearRare()
	}
	clearValues(fr.locals)
	clearValues(fr.stack[:sp])
	if fr.memEnd == t.vtop && fr.chunk == t.chunkID {
		t.vtop = fr.memBase
	}
	fr.sp, fr.pc, fr.serial, fr.yielded, fr.inline, fr.loopVar = 0, 0, 0, false, false, 0
	fr.back, t.freeFrames = t.freeFrames, fr
	clearValues(caller.stack[base:caller.sp]) // the callee and its arguments
	if fr.dropped && t.countdown > 1 {
		// a statement obj.m(): its POP_TOP runs here, as its own step,
		// when the step hook is not due at it
		t.countdown--
		caller.pc++
		caller.sp = base
		return caller
	}
	caller.stack[base] = v
	caller.sp = base + 1
	return caller
}

// dropsResult reports whether the value of a call that returns to pc of
// instrs is dropped at once (a statement obj.m()), when the step hook is
// not due at the POP_TOP that drops it, and then counts the POP_TOP's
// step: the caller skips it.
func (t *Thread) dropsResult(instrs []compile.Instr, pc int) bool {
	if t.countdown > 1 && pc < len(instrs) && instrs[pc].Op == compile.POP_TOP {
		t.countdown--
		return true
	}
	return false
}

// bindArgs fills the parameter slots of f's frame (locals) from a call,
// with CPython's errors. self, if not nil, is the first positional
// argument.
func bindArgs(f *Function, locals []Value, self Value, args []Value, kw []Kwarg) error {
	c := f.code
	nargs := c.NumArgs
	given := len(args)
	if self != nil {
		given++
	}
	np := given
	if np > nargs {
		np = nargs
	}
	// positional
	i := 0
	if self != nil && nargs > 0 {
		locals[0] = self
		i = 1
	}
	j := 0
	for ; i < np; i, j = i+1, j+1 {
		locals[i] = args[j]
	}
	slot := nargs + c.NumKwOnly
	if c.VarArgs {
		var rest Tuple
		if given > nargs {
			rest = make(Tuple, 0, given-nargs)
			if self != nil && nargs == 0 {
				rest = append(rest, self)
			}
			rest = append(rest, args[j:]...)
		} else {
			rest = Tuple{}
		}
		locals[slot] = rest
		slot++
	} else if given > nargs {
		return tooManyPositional(f, given, len(kw))
	}
	var kwd *Dict
	if c.VarKw {
		kwd = NewDict()
		locals[slot] = kwd
	}
	for _, k := range kw {
		idx, ok := c.kwIdx[k.Name]
		if ok && idx < c.NumPosOnly {
			if kwd != nil {
				kwd.SetStr(k.Name, k.Value)
				continue
			}
			return Errorf(TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", f.qualname, k.Name)
		}
		if !ok {
			if kwd == nil {
				return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", f.qualname, k.Name)
			}
			kwd.SetStr(k.Name, k.Value)
			continue
		}
		if locals[idx] != nil {
			return Errorf(TypeError, "%s() got multiple values for argument '%s'", f.qualname, k.Name)
		}
		locals[idx] = k.Value
	}
	// defaults
	if np < nargs || c.NumKwOnly > 0 {
		firstDef := nargs - len(f.defaults)
		var missing []string
		for i := 0; i < nargs; i++ {
			if locals[i] == nil {
				if i >= firstDef {
					locals[i] = f.defaults[i-firstDef]
				} else {
					missing = append(missing, c.Locals[i])
				}
			}
		}
		if missing != nil {
			return missingArgs(f, missing, "positional")
		}
		for i := nargs; i < nargs+c.NumKwOnly; i++ {
			if locals[i] == nil {
				var d Value
				if f.kwdefault != nil {
					d = f.kwdefault.GetStr(c.Locals[i])
				}
				if d == nil {
					missing = append(missing, c.Locals[i])
					continue
				}
				locals[i] = d
			}
		}
		if missing != nil {
			return missingArgs(f, missing, "keyword-only")
		}
	}
	return nil
}

func tooManyPositional(f *Function, given, nkw int) error {
	c := f.code
	nargs := c.NumArgs
	takes := fmt.Sprint(nargs)
	if d := len(f.defaults); d > 0 {
		takes = fmt.Sprintf("from %d to %d", nargs-d, nargs)
	}
	s := "s"
	if nargs == 1 && len(f.defaults) == 0 {
		s = ""
	}
	extra := ""
	if nkw > 0 {
		extra = fmt.Sprintf(" positional argument%s (and %d keyword-only argument%s)", pluralS(given), nkw, pluralS(nkw))
		return Errorf(TypeError, "%s() takes %s positional argument%s but %d%s were given", f.qualname, takes, s, given, extra)
	}
	return Errorf(TypeError, "%s() takes %s positional argument%s but %d %s given", f.qualname, takes, s, given, wasWere(given))
}

func missingArgs(f *Function, names []string, kind string) error {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	var list string
	switch len(q) {
	case 1:
		list = q[0]
	case 2:
		list = q[0] + " and " + q[1]
	default:
		list = strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
	}
	return Errorf(TypeError, "%s() missing %d required %s argument%s: %s", f.qualname, len(names), kind, pluralS(len(names)), list)
}
