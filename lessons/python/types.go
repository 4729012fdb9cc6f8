package python

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"threadlab/lessons/python/internal/pystr"
)

// The built-in types.
var (
	ObjectType             = newObjectType()
	TypeType               = NewType("type", nil)
	NoneTypeType           = NewType("NoneType", nil)
	NotImplementedTypeType = NewType("NotImplementedType", nil)
	EllipsisTypeType       = NewType("ellipsis", nil)
	IntType                = NewType("int", nil)
	BoolType               = NewType("bool", IntType)
	FloatType              = NewType("float", nil)
	StrType                = NewType("str", nil)
	BytesType              = NewType("bytes", nil)
	TupleType              = NewType("tuple", nil)
	ListType               = NewType("list", nil)
	DictType               = NewType("dict", nil)
	SetType                = NewType("set", nil)
	FrozenSetType          = NewType("frozenset", nil)
	RangeType              = NewType("range", nil)
	SliceType              = NewType("slice", nil)
	FunctionType           = NewType("function", nil)
	BuiltinFunctionType    = NewType("builtin_function_or_method", nil)
	MethodDescrType        = NewType("method_descriptor", nil)
	MethodType             = NewType("method", nil)
	ModuleType             = NewType("module", nil)
	CellType               = NewType("cell", nil)
	CodeType               = NewType("code", nil)
	PropertyType           = NewType("property", nil)
	StaticMethodType       = NewType("staticmethod", nil)
	ClassMethodType        = NewType("classmethod", nil)
	TracebackType          = NewType("traceback", nil)
	SuperType              = NewType("super", nil)
	GeneratorType          = NewType("generator", nil)
	ListIterType           = NewType("list_iterator", nil)
	TupleIterType          = NewType("tuple_iterator", nil)
	RangeIterType          = NewType("range_iterator", nil)
	LongRangeIterType      = NewType("longrange_iterator", nil)
	StrIterType            = NewType("str_ascii_iterator", nil)
	SetIterType            = NewType("set_iterator", nil)
	BytesIterType          = NewType("bytes_iterator", nil)
	DictKeyIterType        = NewType("dict_keyiterator", nil)
	DictValueIterType      = NewType("dict_valueiterator", nil)
	DictItemIterType       = NewType("dict_itemiterator", nil)
	IteratorType           = NewType("iterator", nil)
)

func init() {
	ObjectType.ctor = objectCtor
	TypeType.ctor = typeCtor
	NoneTypeType.ctor = func(*Thread, *Type, []Value, []Kwarg) (Value, error) { return None, nil }
	IntType.ctor = intCtor
	BoolType.ctor = boolCtor
	FloatType.ctor = floatCtor
	StrType.ctor = strCtor
	BytesType.ctor = bytesCtor
	TupleType.ctor = tupleCtor
	ListType.ctor = listCtor
	DictType.ctor = dictCtor
	SetType.ctor = setCtor
	FrozenSetType.ctor = setCtor
	RangeType.ctor = rangeCtor
	SliceType.ctor = sliceCtor
	PropertyType.ctor = propertyCtor
	StaticMethodType.ctor = func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("staticmethod", args, 1, 1); err != nil {
			return nil, err
		}
		return &StaticMethod{Fn: args[0]}, nil
	}
	ClassMethodType.ctor = func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("classmethod", args, 1, 1); err != nil {
			return nil, err
		}
		return &ClassMethod{Fn: args[0]}, nil
	}
	SuperType.ctor = func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) { return t.zeroArgSuper(args) }
}

// The methods of object, which other code recognises to mean "not
// overridden". They are set once, by initObjectMethods.
var (
	objectInit, objectNew, objectRepr, objectStr, objectHash *Builtin
	objectGetattr, objectSetattr, objectDelattr              *Builtin
	objectRich                                               [6]*Builtin
)

func initObjectMethods() {

	objectInit = NewBuiltin("__init__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return None, nil })
	objectNew = NewBuiltin("__new__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 0 {
			return nil, Errorf(TypeError, "object.__new__(): not enough arguments")
		}
		c, ok := args[0].(*Type)
		if !ok {
			return nil, Errorf(TypeError, "object.__new__(X): X is not a type object (%s)", TypeName(args[0]))
		}
		if !c.user {
			return c.Call(t, args[1:], kw)
		}
		if c.layout == layoutBuiltin {
			b, err := c.solid.ctor(t, c.solid, args[1:], kw)
			if err != nil {
				return nil, err
			}
			return &Instance{class: c, dict: newAttrDict(), base: b}, nil
		}
		return newInstance(c), nil
	})
	objectRepr = NewBuiltin("__repr__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		s, err := Repr(t, &plainObject{args[0]})
		return Str(s), err
	})
	objectStr = NewBuiltin("__str__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		s, err := Repr(t, args[0])
		return Str(s), err
	})
	objectHash = NewBuiltin("__hash__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return Int(t.interp.objectID(args[0]) >> 4), nil
	})
}

// plainObject makes Repr show the default <X object at ...> form for a
// value whose class overrides __repr__ (object.__repr__(x)).
type plainObject struct{ v Value }

func (p *plainObject) Type() *Type { return p.v.Type() }

func (p *plainObject) Repr(t *Thread) (string, error) {
	return "<" + p.v.Type().qualName() + " object at 0x" + strconv.FormatInt(t.interp.objectID(p.v), 16) + ">", nil
}

func init() {
	initObjectMethods()
	for i, name := range []string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"} {
		eq := i == 2
		ne := i == 3
		objectRich[i] = NewBuiltin(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if len(args) != 2 {
				return nil, Errorf(TypeError, "expected 1 argument, got %d", len(args)-1)
			}
			switch {
			case eq && sameObject(args[0], args[1]):
				return True, nil
			case ne:
				return NotImplemented, nil
			}
			return NotImplemented, nil
		})
		ObjectType.dict.SetStr(name, objectRich[i])
	}
	ObjectType.dict.SetStr("__init__", objectInit)
	ObjectType.dict.SetStr("__init_subclass__", &ClassMethod{Fn: NewBuiltin("__init_subclass__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 1 || len(kw) > 0 {
			return nil, Errorf(TypeError, "%s.__init_subclass__() takes no keyword arguments", TypeName(args[0]))
		}
		return None, nil
	})})
	ObjectType.dict.SetStr("__new__", &StaticMethod{Fn: objectNew})
	ObjectType.dict.SetStr("__repr__", objectRepr)
	ObjectType.dict.SetStr("__str__", objectStr)
	ObjectType.dict.SetStr("__hash__", objectHash)
	objectSetattr = NewBuiltin("__setattr__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__setattr__", args, 3, 3); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, genericSetAttr(t, args[0], string(name), args[2])
	})
	ObjectType.dict.SetStr("__setattr__", objectSetattr)
	objectGetattr = NewBuiltin("__getattribute__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__getattribute__", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return genericGetAttr(t, args[0], string(name))
	})
	ObjectType.dict.SetStr("__getattribute__", objectGetattr)
	objectDelattr = NewBuiltin("__delattr__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__delattr__", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, genericSetAttr(t, args[0], string(name), nil)
	})
	ObjectType.dict.SetStr("__delattr__", objectDelattr)
	ObjectType.dict.SetStr("__format__", NewBuiltin("__format__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__format__", args, 2, 2); err != nil {
			return nil, err
		}
		if spec, ok := args[1].(Str); !ok || spec != "" {
			return nil, Errorf(TypeError, "unsupported format string passed to %s.__format__", TypeName(args[0]))
		}
		s, err := ToStr(t, args[0])
		return Str(s), err
	}))
	BaseException.dict.SetStr("__init__", NewBuiltin("__init__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if e, ok := args[0].(*Exception); ok {
			return None, initException(e, args[1:], kw)
		}
		return None, nil
	}))
	BaseException.dict.SetStr("__new__", &StaticMethod{Fn: objectNew})
	BaseException.dict.SetStr("add_note", NewBuiltin("add_note", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("add_note", args, 2, 2); err != nil {
			return nil, err
		}
		note, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeError, "note must be a str, not '%s'", TypeName(args[1]))
		}
		if e, ok := args[0].(*Exception); ok {
			d := e.more()
			d.notes = append(d.notes, string(note))
		}
		return None, nil
	}))
	BaseException.dict.SetStr("with_traceback", NewBuiltin("with_traceback", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return args[0], nil
	}))
	NoneTypeType.dict.SetStr("__eq__", objectRich[2])
	// list, dict and set fill themselves in __init__, so that a subclass's
	// __init__ can call super().__init__(items).
	for _, c := range []*Type{ListType, DictType, SetType} {
		c := c
		c.dict.SetStr("__init__", &MethodDescr{name: "__init__", owner: c, fn: func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if len(args) == 0 {
				return nil, Errorf(TypeError, "descriptor '__init__' of '%s' object needs an argument", c.name)
			}
			fresh, err := c.ctor(t, c, args[1:], kw)
			if err != nil {
				return nil, err
			}
			switch self := unwrap(args[0]).(type) {
			case *List:
				items := fresh.(*List).Snapshot()
				self.Update(func([]Value) []Value { return items })
			case *Dict:
				self.Clear()
				for _, kv := range fresh.(*Dict).Items() {
					self.Set(t, kv[0], kv[1])
				}
			case *Set:
				self.replace(fresh.(*Set))
			}
			return None, nil
		}})
	}
}

func objectCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 0 || len(kw) > 0 {
		return nil, Errorf(TypeError, "object() takes no arguments")
	}
	return &Instance{class: ObjectType, dict: nil}, nil
}

func typeCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(args) != 3 {
		return nil, Errorf(TypeError, "type() takes 1 or 3 arguments")
	}
	name, ok := args[0].(Str)
	bt, ok2 := args[1].(Tuple)
	d, ok3 := args[2].(*Dict)
	if !ok || !ok2 || !ok3 {
		return nil, Errorf(TypeError, "type.__new__() argument types must be (str, tuple, dict)")
	}
	bases := make([]*Type, len(bt))
	for i, b := range bt {
		if bases[i], ok = b.(*Type); !ok {
			return nil, Errorf(TypeError, "bases must be types")
		}
	}
	mod := "__main__"
	if m, ok := d.GetStr("__module__").(Str); ok {
		mod = string(m)
	}
	return NewClass(string(name), bases, d.Copy(), mod)
}

func intCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	var x, base Value
	if err := UnpackArgs("int", args, kw, []string{"x?", "base?"}, &x, &base); err != nil {
		return nil, err
	}
	if x == nil {
		return Int(0), nil
	}
	if base != nil {
		b, err := AsIndex(base)
		if err != nil {
			return nil, err
		}
		s, ok := x.(Str)
		if !ok {
			return nil, Errorf(TypeError, "int() can't convert non-string with explicit base")
		}
		return ParseInt(string(s), b)
	}
	switch v := x.(type) {
	case Int, *BigInt:
		return v, nil
	case Bool:
		return Int(b2i(bool(v))), nil
	case Float:
		f := float64(v)
		if math.IsInf(f, 0) {
			return nil, Errorf(OverflowError, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return nil, Errorf(ValueError, "cannot convert float NaN to integer")
		}
		if math.Abs(f) < 1<<62 {
			return Int(int64(f)), nil
		}
		b, _ := big.NewFloat(math.Trunc(f)).Int(nil)
		return MakeBigInt(b), nil
	case Str:
		return ParseInt(string(v), 10)
	case Bytes:
		return ParseInt(string(v), 10)
	}
	for _, name := range []string{"__int__", "__index__", "__trunc__"} {
		if m := x.Type().Lookup(name); m != nil {
			return CallValue(t, m, []Value{x}, nil)
		}
	}
	return nil, Errorf(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", TypeName(x))
}

// ParseInt parses an int literal as int(s, base) does (base 0: by prefix).
func ParseInt(s string, base int) (Value, error) {
	orig := s
	bad := func() error {
		return Errorf(ValueError, "invalid literal for int() with base %d: %s", base, pystr.Repr(orig))
	}
	if base != 0 && (base < 2 || base > 36) {
		return nil, Errorf(ValueError, "int() base must be >= 2 and <= 36, or 0")
	}
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	low := strings.ToLower(s)
	prefix := func(p string, b int) bool {
		if strings.HasPrefix(low, p) && (base == 0 || base == b) {
			s = s[2:]
			base = b
			return true
		}
		return false
	}
	if !prefix("0x", 16) && !prefix("0o", 8) && !prefix("0b", 2) && base == 0 {
		base = 10
		if len(s) > 1 && strings.Trim(s, "0_") != "" && s[0] == '0' {
			return nil, Errorf(ValueError, "invalid literal for int() with base 0: %s", pystr.Repr(orig))
		}
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return nil, bad()
	}
	s = strings.ReplaceAll(s, "_", "")
	if len(s) > maxStrDigits && base == 10 {
		return nil, Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits, len(s))
	}
	z, ok := new(big.Int).SetString(s, base)
	if !ok {
		return nil, bad()
	}
	if neg {
		z.Neg(z)
	}
	return MakeBigInt(z), nil
}

func boolCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs("bool", kw); err != nil {
		return nil, err
	}
	if err := ArgCount("bool", args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return False, nil
	}
	b, err := Truth(t, args[0])
	return Bool(b), err
}

func floatCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if err := ArgCount("float", args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return Float(0), nil
	}
	switch v := args[0].(type) {
	case Float:
		return v, nil
	case Int, Bool, *BigInt:
		f, err := asFloat(v)
		return Float(f), err
	case Str:
		return ParseFloat(string(v))
	}
	if m := args[0].Type().Lookup("__float__"); m != nil {
		return CallValue(t, m, []Value{args[0]}, nil)
	}
	return nil, Errorf(TypeError, "float() argument must be a string or a real number, not '%s'", TypeName(args[0]))
}

// ParseFloat parses a str as float(s) does.
func ParseFloat(s string) (Value, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	sign := 1.0
	u := t
	if u != "" && (u[0] == '+' || u[0] == '-') {
		if u[0] == '-' {
			sign = -1
		}
		u = u[1:]
	}
	switch u {
	case "inf", "infinity":
		return Float(math.Inf(int(sign))), nil
	case "nan":
		return Float(math.NaN()), nil
	}
	if u != "" && (u[0] >= '0' && u[0] <= '9' || u[0] == '.') && !strings.Contains(t, "__") && !strings.HasSuffix(t, "_") && !strings.Contains(u, "x") {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64); err == nil || math.IsInf(f, 0) {
			return Float(f), nil
		}
	}
	return nil, Errorf(ValueError, "could not convert string to float: %s", pystr.Repr(s))
}

func strCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	var x, enc, errs Value
	if err := UnpackArgs("str", args, kw, []string{"object?", "encoding?", "errors?"}, &x, &enc, &errs); err != nil {
		return nil, err
	}
	if x == nil {
		return Str(""), nil
	}
	if enc != nil {
		if _, ok := enc.(Str); !ok {
			return nil, Errorf(TypeError, "str() argument 'encoding' must be str, not %s", TypeName(enc))
		}
		if b, ok := x.(Bytes); ok {
			return Str(b), nil
		}
		return nil, Errorf(TypeError, "decoding to str: need a bytes-like object, %s found", TypeName(x))
	}
	s, err := ToStr(t, x)
	return Str(s), err
}

func bytesCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 {
		return Bytes(""), nil
	}
	switch v := args[0].(type) {
	case Str:
		if len(args) < 2 {
			return nil, Errorf(TypeError, "string argument without an encoding")
		}
		return Bytes(v), nil
	case Bytes:
		return v, nil
	case Int:
		if v < 0 {
			return nil, Errorf(ValueError, "negative count")
		}
		if v > MaxSeqLen {
			return nil, NewException(MemoryError)
		}
		return Bytes(make([]byte, v)), nil
	}
	items, err := Collect(t, args[0])
	if err != nil {
		return nil, err
	}
	b := make([]byte, len(items))
	for i, it := range items {
		n, ok := it.(Int)
		if !ok {
			return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(it))
		}
		if n < 0 || n > 255 {
			return nil, Errorf(ValueError, "bytes must be in range(0, 256)")
		}
		b[i] = byte(n)
	}
	return Bytes(b), nil
}

func tupleCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs("tuple", kw); err != nil {
		return nil, err
	}
	if err := ArgCount("tuple", args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return Tuple{}, nil
	}
	if tup, ok := args[0].(Tuple); ok {
		return tup, nil
	}
	items, err := Collect(t, args[0])
	return Tuple(items), err
}

func listCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs("list", kw); err != nil {
		return nil, err
	}
	if err := ArgCount("list", args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return NewList(nil), nil
	}
	items, err := Collect(t, args[0])
	return NewList(items), err
}

func dictCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 1 {
		return nil, Errorf(TypeError, "dict expected at most 1 argument, got %d", len(args))
	}
	d := NewDict()
	if len(args) == 1 {
		if err := DictUpdate(t, d, args[0]); err != nil {
			return nil, err
		}
	}
	for _, k := range kw {
		d.SetStr(k.Name, k.Value)
	}
	return d, nil
}

// DictUpdate adds the pairs of a mapping or an iterable of pairs to d,
// as dict(x) and d.update(x) do.
func DictUpdate(t *Thread, d *Dict, x Value) error {
	if src, ok := x.(*Dict); ok {
		if t.tracer != nil { // one read of it all, as list(src)
			t.itemsEvent(ReadItems, src, "__iter__")
		}
		return dictSetAll(t, d, src)
	}
	if keys := x.Type().Lookup("keys"); keys != nil {
		kv, err := CallValue(t, keys, []Value{x}, nil)
		if err != nil {
			return err
		}
		return dictSetKeys(t, d, x, kv)
	}
	it, err := Iterate(t, x)
	if err != nil {
		return err
	}
	for i := 0; ; i++ {
		e, err := it.Next(t)
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		if err := dictSetPair(t, d, i, e); err != nil {
			return err
		}
	}
}

func setCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs(c.name, kw); err != nil {
		return nil, err
	}
	if err := ArgCount(c.name, args, 0, 1); err != nil {
		return nil, err
	}
	s := NewSet(c == FrozenSetType)
	if len(args) == 1 {
		switch src := args[0].(type) {
		case *Set:
			if t.tracer != nil {
				t.readAll(src, "__iter__")
			}
			return s, s.merge(t, src)
		case *Dict:
			s.presize(src.Len())
		}
		items, err := Collect(t, args[0])
		if err != nil {
			return nil, err
		}
		for _, e := range items {
			if err := s.Add(t, e); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

func rangeCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs("range", kw); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return nil, Errorf(TypeError, "range expected at least 1 argument, got 0")
	}
	if len(args) > 3 {
		return nil, Errorf(TypeError, "range expected at most 3 arguments, got %d", len(args))
	}
	n := [3]*big.Int{big.NewInt(0), nil, big.NewInt(1)}
	for i, a := range args {
		a, err := ToIndex(t, a)
		if err != nil {
			return nil, err
		}
		if len(args) == 1 {
			i = 1
		}
		n[i] = toBig(a)
	}
	if n[2].Sign() == 0 {
		return nil, Errorf(ValueError, "range() arg 3 must not be zero")
	}
	return newRange(n[0], n[1], n[2]), nil
}

func sliceCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	switch len(args) {
	case 1:
		return &Slice{None, args[0], None}, nil
	case 2:
		return &Slice{args[0], args[1], None}, nil
	case 3:
		return &Slice{args[0], args[1], args[2]}, nil
	}
	return nil, Errorf(TypeError, "slice expected at least 1 argument, got %d", len(args))
}

func propertyCtor(t *Thread, c *Type, args []Value, kw []Kwarg) (Value, error) {
	var get, set, del, doc Value
	if err := UnpackArgs("property", args, kw, []string{"fget?", "fset?", "fdel?", "doc?"}, &get, &set, &del, &doc); err != nil {
		return nil, err
	}
	p := &Property{Get: get, Set: set, Del: del}
	for _, f := range []*Value{&p.Get, &p.Set, &p.Del} {
		if *f == None {
			*f = nil
		}
	}
	return p, nil
}
