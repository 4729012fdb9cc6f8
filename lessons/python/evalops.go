package python

import (
	"strings"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/internal/format"
)

// unboundLocal is the error for using a local variable before it is
// bound. As in CPython 3.11, it suggests no other name: the variable's
// name is right, its binding comes too late.
func unboundLocal(name string) *Exception {
	return Errorf(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
}

// unboundDeref is the error for reading cell or free variable i of fr
// while it is unbound. A free variable's NameError suggests a near name,
// as CPython's does.
func (t *Thread) unboundDeref(fr *frame, i int) error {
	c := fr.code
	if i < len(c.Cells) {
		return unboundLocal(c.Cells[i])
	}
	return nameError(fr, NameError, c.Frees[i-len(c.Cells)], "cannot access free variable '%s' where it is not associated with a value in enclosing scope")
}

func (t *Thread) loadGlobal(fr *frame, pc int, name string) (Value, error) {
	m := fr.globals
	v, global := loadCached(&fr.code.globals[pc], m.globals, t.interp.builtins, name)
	if v == nil {
		return nil, nameError(fr, NameError, name, "name '%s' is not defined")
	}
	if global && t.tracer != nil {
		v = t.tracedGlobal(m, name, v)
	}
	return v, nil
}

func (t *Thread) storeGlobal(fr *frame, pc int, name string, v Value) {
	if t.tracer != nil {
		t.announce(WriteGlobal, fr.globals, name, nil, v)
	}
	storeCached(&fr.code.globals[pc], fr.globals.globals, name, v, t.interp.serialised.Load())
	if t.tracer != nil {
		t.emit(WriteGlobal, fr.globals, name, nil, v)
	}
}

// globalArith runs the LOAD_GLOBAL before pc with the instructions after
// it that fuseGlobalArith and fuseStoreGlobal can run, and returns the pc
// and stack pointer after them; ok is false, with nothing run, if they
// cannot.
func (t *Thread) globalArith(fr *frame, pc, sp int) (int, int, bool) {
	c, ok := t.fuseGlobalArith(fr, pc)
	if !ok {
		return pc, sp, false
	}
	pc += 2
	if t.fuseStoreGlobal(fr, pc, c) {
		return pc + 1, sp, true
	}
	fr.stack[sp] = boxInt(c)
	return pc, sp + 1, true
}

// fuseGlobalArith runs the LOAD_GLOBAL before pc with the LOAD_FAST and
// the int + or - (BINARY or INPLACE) that follow it, when the global and
// the local hold ints: g + n in one dispatch, and without making g a
// Value when its slot holds it as bits, which would cost an allocation.
// A tracer hears of the read as from the LOAD_GLOBAL. It returns the sum;
// ok is false, with nothing run, when the instructions must run as usual:
// an announcer (which may let other threads change g before the read),
// the step hook due within them, other values, or an overflow. The caller
// has checked that a LOAD_FAST and a BINARY or INPLACE follow.
func (t *Thread) fuseGlobalArith(fr *frame, pc int) (c Int, ok bool) {
	code := fr.code
	if t.announcer != nil || t.countdown <= 2 {
		return 0, false
	}
	load, op := code.Instrs[pc], code.Instrs[pc+1]
	if bop := compile.BinOp(op.Arg); bop != compile.Add && (bop != compile.Sub || op.Op != compile.BINARY) {
		return 0, false
	}
	b, isInt := fr.locals[load.Arg].(Int)
	if !isInt {
		return 0, false
	}
	gc := code.globals[pc-1].Load()
	if gc == nil || gc.dict != fr.globals.globals || gc.global == nil {
		return 0, false
	}
	a, ok := gc.global.loadInt()
	if !ok {
		return 0, false
	}
	if compile.BinOp(op.Arg) == compile.Add {
		if c = a + b; (c > a) != (b > 0) {
			return 0, false
		}
	} else if c = a - b; (c < a) != (b > 0) {
		return 0, false
	}
	if t.tracer != nil {
		t.emitInt(ReadGlobal, fr.globals, code.Names[code.Instrs[pc-1].Arg], a)
	}
	t.countdown -= 2 // the steps of the LOAD_FAST and the operation
	return c, true
}

// constArith runs the LOAD_CONST, BINARY pairs from pc on, after an int
// operation whose result is c, while the constant is an int and the
// result stays in int64: (i * 7919) % 100003 makes one Value, not one per
// operation, each of which would cost an allocation. It returns the
// result and the pc after the pairs it ran; it runs none when the step
// hook is due within them.
func (t *Thread) constArith(fr *frame, pc int, c int64) (int64, int) {
	instrs, consts := fr.code.Instrs, fr.code.consts
	for pc+1 < len(instrs) && instrs[pc].Op == compile.LOAD_CONST && instrs[pc+1].Op == compile.BINARY &&
		t.countdown > 2 {
		k, isInt := consts[instrs[pc].Arg].(Int)
		op := compile.BinOp(instrs[pc+1].Arg)
		if !isInt || op == compile.TrueDiv {
			break
		}
		r, ok := smallArithBits(op, c, int64(k))
		if !ok {
			break
		}
		c = r
		pc += 2
		t.countdown -= 2 // the steps of the LOAD_CONST and the operation
	}
	return c, pc
}

// fuseStoreGlobal runs the instruction at pc, after an int addition or
// subtraction whose result is c, if it is a STORE_GLOBAL into a slot that
// holds an int or a float as bits: it stores c without making it a
// Value, which would cost an allocation. A tracer hears of the write as
// from the STORE_GLOBAL. It reports false, doing nothing, when the store
// must run as usual: an announcer watches, the step hook is due at the
// store, or the slot holds its value otherwise.
func (t *Thread) fuseStoreGlobal(fr *frame, pc int, c Int) bool {
	if pc >= len(fr.code.Instrs) || fr.code.Instrs[pc].Op != compile.STORE_GLOBAL ||
		t.announcer != nil || t.countdown <= 1 {
		return false
	}
	gc := fr.code.globals[pc].Load()
	if gc == nil || gc.dict != fr.globals.globals || gc.global == nil || !gc.global.storeBits(c, t.interp.serialised.Load()) {
		return false
	}
	if t.tracer != nil {
		fr.pc = pc + 1 // the store's position, as STORE_GLOBAL reports it
		t.emitInt(WriteGlobal, fr.globals, fr.code.Names[fr.code.Instrs[pc].Arg], c)
	}
	t.countdown-- // the store's step
	return true
}

func (t *Thread) storeName(fr *frame, name string, v Value) error {
	if fr.nsMap != nil {
		return SetItem(t, fr.nsMap, Str(name), v)
	}
	if fr.ns != nil {
		fr.ns.SetStr(name, v)
		return nil
	}
	if t.tracer != nil {
		t.announce(WriteGlobal, fr.globals, name, nil, v)
	}
	fr.globals.globals.SetStr(name, v)
	if t.tracer != nil {
		t.emit(WriteGlobal, fr.globals, name, nil, v)
	}
	return nil
}

// attrEvents reports whether attribute accesses on x are memory events
// (instances and user classes; not modules' functions or methods of
// built-in values).
func attrTraced(x Value) bool {
	switch o := x.(type) {
	case *Instance, *Exception:
		return true
	case *Type:
		return o.user
	}
	return false
}

func (t *Thread) getAttr(x Value, name string) (Value, error) {
	return t.getAttrNoting(x, name, true)
}

// getAttrNoting is getAttr; all is getAttrNoting's.
func (t *Thread) getAttrNoting(x Value, name string, all bool) (Value, error) {
	if t.tracer != nil && attrTraced(x) {
		t.announce(ReadAttr, x, name, nil, nil)
	}
	v, err := getAttrNoting(t, x, name, all)
	if err == nil && t.tracer != nil && attrTraced(x) {
		if _, isMethod := v.(*BoundMethod); !isMethod {
			t.emit(ReadAttr, x, name, nil, v)
		}
	}
	return v, err
}

func (t *Thread) setAttr(x Value, name string, v Value) error {
	traced := t.tracer != nil && attrTraced(x)
	kind := WriteAttr
	if v == nil {
		kind = DeleteAttr
	}
	if traced {
		t.announce(kind, x, name, nil, v)
	}
	err := SetAttr(t, x, name, v)
	if err == nil && traced {
		t.emit(kind, x, name, nil, v)
	}
	return err
}

func (t *Thread) itemEvent(kind EventKind, x, k, v Value) {
	switch x.(type) {
	case *List, *Dict, *dictSub:
		t.emit(kind, x, "", k, v)
	}
}

// itemAnnounce is announce for an item of a list or dict (or one of
// collections' dicts).
func (t *Thread) itemAnnounce(kind EventKind, x, k, v Value) {
	switch x.(type) {
	case *List, *Dict, *dictSub:
		t.announce(kind, x, "", k, v)
	}
}

// loadMethod finds x.name for a call; it returns (function, x) when the
// receiver can be passed as the first argument without binding, else
// (bound value, nil).
func (t *Thread) loadMethod(x Value, name string) (Value, Value, error) {
	typ := x.Type()
	switch o := x.(type) {
	case *Instance:
		if o.class.user {
			if ga := o.class.Lookup("__getattribute__"); ga != Value(objectGetattr) {
				break
			}
		}
		d := typ.Lookup(name)
		switch f := d.(type) {
		case *Function:
			if o.dict == nil || o.dict.getStr(t, name) == nil {
				return f, x, nil
			}
		case *MethodDescr:
			return f, x, nil
		}
	case *Super:
		// super().m(...) on an instance: the method and the receiver,
		// without a bound method.
		if _, isType := o.Obj.(*Type); !isType {
			if f, ok := superLookup(t, o, o.Obj.Type(), name).(*Function); ok {
				return f, o.Obj, nil
			}
		}
	case *Type, *Module, *Exception:
	default:
		if d := typ.Lookup(name); d != nil {
			switch f := d.(type) {
			case *MethodDescr:
				return f, x, nil
			case *Function:
				return f, x, nil
			}
		}
	}
	v, err := t.getAttrNoting(x, name, false)
	return v, nil, err
}

// call calls fn; args may alias the caller's stack.
func (t *Thread) call(fn Value, args []Value, kw []Kwarg) (Value, error) {
	if t.profileFn != nil && !t.inTrace {
		if shown := builtinCalled(fn, args); shown != nil {
			return t.profileBuiltin(shown, fn, args, kw)
		}
	}
	return t.callPlain(fn, args, kw)
}

// callPlain is call without the profile function's c_call.
func (t *Thread) callPlain(fn Value, args []Value, kw []Kwarg) (Value, error) {
	switch f := fn.(type) {
	case *Function:
		return t.callFunctionSelf(f, nil, args, kw)
	case *MethodDescr:
		if len(args) > 0 {
			if _, sub := args[0].(*Instance); !sub && args[0].Type() == f.owner {
				if t.tracer != nil && f.traced {
					self := args[0] // (args may alias the stack)
					t.itemsEvent(f.items, self, f.name)
					v, err := f.fn(t, args, kw)
					t.itemsDone(f.items, self)
					return v, err
				}
				return f.fn(t, args, kw)
			}
		}
		return f.Call(t, args, kw)
	case *Builtin:
		if f.self == nil {
			return f.fn(t, args, kw)
		}
	case *BoundMethod:
		if g, ok := f.Fn.(*Function); ok {
			return t.callFunctionSelf(g, f.Self, args, kw)
		}
	}
	return CallValue(t, fn, args, kw)
}

func (t *Thread) compare(op compile.CmpOp, x, y Value) (Value, error) {
	switch op {
	case compile.In, compile.NotIn:
		ok, err := Contains(t, y, x)
		return Bool(ok == (op == compile.In)), err
	case compile.Is:
		return Bool(sameObject(x, y)), nil
	case compile.IsNot:
		return Bool(!sameObject(x, y)), nil
	}
	return Compare(t, op, x, y)
}

// tracedCompare is compare with a tracer set: `k in c` and `k not in c`
// read c, and are reported so. For a dict it is the read of item k, as
// d[k] and d.get(k) report it, with the item's value (nil when absent);
// a list or set is searched as a whole, as its methods are reported
// (ReadItems, named "__contains__").
func (t *Thread) tracedCompare(op compile.CmpOp, x, y Value) (Value, error) {
	if op != compile.In && op != compile.NotIn {
		return t.compare(op, x, y)
	}
	switch c := y.(type) {
	case *Dict:
		t.itemAnnounce(ReadItem, c, x, nil)
		v, err := c.Get(t, x)
		if err != nil {
			return nil, err
		}
		t.itemEvent(ReadItem, c, x, v)
		return Bool((v != nil) == (op == compile.In)), nil
	case *List, *Set, *deque, *dictSub:
		t.announce(ReadItems, c, "__contains__", nil, nil)
		t.emit(ReadItems, c, "__contains__", nil, nil)
	}
	return t.compare(op, x, y)
}

// dictMerge adds src's items to d ({**src} or f(**src)); for a call,
// duplicate keys are an error naming the function fn.
func (t *Thread) dictMerge(d *Dict, src Value, call bool, fn Value) error {
	s, ok := src.(*Dict)
	if ok && t.tracer != nil { // one read of it all, as dict(src)
		t.itemsEvent(ReadItems, s, "__iter__")
	}
	if !ok {
		if src.Type().Lookup("keys") == nil {
			if call {
				return Errorf(TypeError, "%s argument after ** must be a mapping, not %s", funcName(fn), TypeName(src))
			}
			return Errorf(TypeError, "'%s' object is not a mapping", TypeName(src))
		}
		s = NewDict()
		if err := DictUpdate(t, s, src); err != nil {
			return err
		}
	}
	for _, kv := range s.Items() {
		if call {
			if _, isStr := kv[0].(Str); !isStr {
				return Errorf(TypeError, "keywords must be strings")
			}
			if old, _ := d.Get(t, kv[0]); old != nil {
				return Errorf(TypeError, "%s got multiple values for keyword argument '%s'", funcName(fn), kv[0].(Str))
			}
		}
		if err := d.Set(t, kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

func funcName(fn Value) string {
	switch f := fn.(type) {
	case *Function:
		return f.qualname + "()"
	case *Builtin:
		return f.name + "()"
	case *Type:
		return f.name + "()"
	}
	return "function"
}

// Format is format(v, spec): str(v) for an empty spec of a str, int or
// float, else type(v).__format__(v, spec).
func Format(t *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		switch v.(type) {
		case Str, Int, Float:
			return ToStr(t, v)
		}
	}
	// The __format__ of an int, float or str, which no program can
	// replace, without the method call.
	switch x := v.(type) {
	case Int, *BigInt:
		return formatInt(t, v, spec)
	case Float:
		s, err := format.Float(float64(x), spec)
		return s, fromHelper(err)
	case Str:
		s, err := format.Str(string(x), spec)
		return s, fromHelper(err)
	}
	m := v.Type().Lookup("__format__")
	r, err := CallValue(t, m, []Value{v, Str(spec)}, nil)
	if err != nil {
		return "", err
	}
	s, ok := r.(Str)
	if !ok {
		return "", Errorf(TypeError, "__format__ must return a str, not %s", TypeName(r))
	}
	return string(s), nil
}

// joinStrs is BUILD_STRING: the strs vs (an f-string's parts) end to end,
// made with one allocation.
func joinStrs(vs []Value) Str {
	size := 0
	for _, v := range vs {
		size += len(v.(Str))
	}
	var b strings.Builder // its String does not copy
	b.Grow(size)
	for _, v := range vs {
		b.WriteString(string(v.(Str)))
	}
	return Str(b.String())
}

// formatValue is an f-string field: the conversion, then the format.
func (t *Thread) formatValue(v Value, conv rune, spec string) (string, error) {
	switch conv {
	case 's':
		s, err := ToStr(t, v)
		if err != nil {
			return "", err
		}
		v = Str(s)
	case 'r':
		s, err := Repr(t, v)
		if err != nil {
			return "", err
		}
		v = Str(s)
	case 'a':
		s, err := Repr(t, v)
		if err != nil {
			return "", err
		}
		v = Str(asciiEscape(s))
	}
	if s, ok := v.(Str); ok && spec == "" {
		return string(s), nil
	}
	return Format(t, v, spec)
}

// asciiEscape is what ascii() does to a repr: non-ASCII escaped.
func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x` + hex2(int(r), 2))
		case r < 0x10000:
			b.WriteString(`\u` + hex2(int(r), 4))
		default:
			b.WriteString(`\U` + hex2(int(r), 8))
		}
	}
	return b.String()
}

func hex2(n, width int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		b[i] = digits[n&15]
		n >>= 4
	}
	return string(b)
}

func isIterable(v Value) bool {
	switch v.(type) {
	case Iterable, Iterator, *List, Tuple, Str, *Dict, *Set, *Range, Bytes:
		return true
	}
	return v.Type().Lookup("__iter__") != nil || v.Type().Lookup("__getitem__") != nil
}

// unpackIter collects the values of an unpacking assignment; n >= 0 stops
// after n+1 values (enough to report "too many values").
func (t *Thread) unpackIter(v Value, n int) ([]Value, error) {
	if !isIterable(v) {
		return nil, Errorf(TypeError, "cannot unpack non-iterable %s object", TypeName(v))
	}
	it, err := Iterate(t, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	for n < 0 || len(out) <= n {
		e, err := it.Next(t)
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		if err := checkItems(len(out)+1, slotBytes); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func (t *Thread) withMethods(cm Value) (enter, exit Value, err error) {
	typ := cm.Type()
	en, ex := typ.Lookup("__enter__"), typ.Lookup("__exit__")
	if en == nil {
		return nil, nil, Errorf(TypeError, "'%s' object does not support the context manager protocol", typ.name)
	}
	if ex == nil {
		return nil, nil, Errorf(TypeError, "'%s' object does not support the context manager protocol (missed __exit__ method)", typ.name)
	}
	return bindAttr(en, cm, typ), bindAttr(ex, cm, typ), nil
}

// raise implements the raise statement (n: 0 re-raise, 1 exc, 2 exc from
// cause).
func (t *Thread) raise(exc, cause Value, n int32) error {
	if n == 0 {
		if t.handled == nil {
			return Errorf(RuntimeError, "No active exception to reraise")
		}
		return t.handled
	}
	e, err := t.makeException(exc)
	if err != nil {
		return err
	}
	if n == 2 {
		if cause == None {
			e.cause = nil
		} else {
			c, err := t.makeException(cause)
			if err != nil {
				return Errorf(TypeError, "exception causes must derive from BaseException")
			}
			e.cause = c
		}
		e.suppressContext = true
	}
	return e
}

func (t *Thread) makeException(v Value) (*Exception, error) {
	switch x := v.(type) {
	case *Exception:
		return x, nil
	case *Type:
		if x.IsSubclass(BaseException) {
			r, err := x.Call(t, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := r.(*Exception); ok {
				return e, nil
			}
		}
	}
	return nil, Errorf(TypeError, "exceptions must derive from BaseException")
}

func excMatches(e *Exception, typ Value) (bool, error) {
	switch c := typ.(type) {
	case *Type:
		if !c.IsSubclass(BaseException) {
			break
		}
		return e.class.IsSubclass(c), nil
	case Tuple:
		for _, x := range c {
			ok, err := excMatches(e, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeError, "catching classes that do not inherit from BaseException is not allowed")
}

// makeClass runs a class body and makes the class.
func (t *Thread) makeClass(fr *frame, body *Function, name string, baseVals []Value) (Value, error) {
	bases := make([]*Type, 0, len(baseVals))
	for _, b := range baseVals {
		c, ok := b.(*Type)
		if !ok {
			return nil, Errorf(TypeError, "bases must be types")
		}
		bases = append(bases, c)
	}
	ns := NewDict()
	modName, _ := fr.globals.globals.GetStr("__name__").(Str)
	ns.SetStr("__module__", modName)
	ns.SetStr("__qualname__", Str(body.qualname))
	bf := newFrame(body)
	bf.ns = ns
	r, err := t.runFrame(bf)
	if err != nil {
		return nil, err
	}
	if m, ok := ns.GetStr("__module__").(Str); ok {
		modName = m // the body named the module itself, as a library's class may
	}
	cls, err := NewClass(name, bases, ns, string(modName))
	if err != nil {
		return nil, err
	}
	if cell, ok := r.(*Cell); ok {
		cell.Set(cls)
	}
	// the nearest base's __init_subclass__ (a class method) hears of it
	for _, b := range cls.mro[1:] {
		if m := b.dict.GetStr("__init_subclass__"); m != nil {
			fn := m
			if cm, ok := m.(*ClassMethod); ok {
				fn = cm.Fn
			}
			if _, err := CallValue(t, fn, []Value{cls}, nil); err != nil {
				return nil, err
			}
			break
		}
	}
	return cls, nil
}

// zeroArgSuper is super() inside a method: the class whose body defined
// the method (its __class__ cell) and the method's first argument.
func (t *Thread) zeroArgSuper(args []Value) (Value, error) {
	if len(args) == 2 {
		c, ok := args[0].(*Type)
		if !ok {
			return nil, Errorf(TypeError, "super() argument 1 must be a type, not %s", TypeName(args[0]))
		}
		return &Super{Class: c, Obj: args[1]}, nil
	}
	if len(args) != 0 {
		return nil, Errorf(TypeError, "super() takes 0 or 2 arguments")
	}
	fr := t.frame
	if fr == nil || fr.code.NumArgs == 0 {
		return nil, Errorf(RuntimeError, "super(): no arguments")
	}
	var cls *Type
	for i, name := range fr.code.Frees {
		if name == "__class__" {
			cls, _ = fr.cells[len(fr.code.Cells)+i].Get().(*Type)
		}
	}
	if cls == nil {
		return nil, Errorf(RuntimeError, "super(): __class__ cell not found")
	}
	self := fr.locals[0]
	for i, p := range fr.code.CellParam {
		if p == 0 {
			self = fr.cells[i].Get()
		}
	}
	if self == nil {
		return nil, Errorf(RuntimeError, "super(): arg[0] deleted")
	}
	return &Super{Class: cls, Obj: self}, nil
}

// inplaceFast is INPLACE's operation, with the loop's int fast path, for
// the superinstructions that begin with one.
func inplaceFast(t *Thread, op compile.BinOp, x, y Value) (Value, error) {
	if a, ok := x.(Int); ok && op != compile.TrueDiv {
		if b, ok := y.(Int); ok {
			// An int has no in-place operators of its own.
			if v, ok := smallArith(op, int64(a), int64(b)); ok {
				return v, nil
			}
		}
	}
	return Inplace(t, op, x, y)
}

// intCompare is a < b and the other orderings and equalities of two ints;
// ok is false for the comparisons that are not (in, is).
func intCompare(op compile.CmpOp, a, b Int) (r, ok bool) {
	switch op {
	case compile.Lt:
		return a < b, true
	case compile.Le:
		return a <= b, true
	case compile.Eq:
		return a == b, true
	case compile.Ne:
		return a != b, true
	case compile.Gt:
		return a > b, true
	case compile.Ge:
		return a >= b, true
	}
	return false, false
}

// storesFast reports whether instrs are n STORE_FASTs.
func storesFast(instrs []compile.Instr, n int) bool {
	if len(instrs) != n {
		return false
	}
	for _, in := range instrs {
		if in.Op != compile.STORE_FAST {
			return false
		}
	}
	return true
}
