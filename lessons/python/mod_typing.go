package python

import "strings"

// The typing module: its names import and subscript, and nothing is
// checked.

// TypingFormType is the type of typing's special forms (List, Optional…).
var TypingFormType = NewType("_SpecialForm", nil).SetModule("typing")

// typingForm is typing.List, typing.List[int], a TypeVar, and the like.
type typingForm struct {
	name string // "typing.List", or "~T" for a TypeVar
	args []Value
}

func (*typingForm) Type() *Type { return TypingFormType }

func (f *typingForm) GetItem(t *Thread, key Value) (Value, error) {
	args := []Value{key}
	if tup, ok := key.(Tuple); ok {
		args = tup
	}
	return &typingForm{name: f.name, args: args}, nil
}

// Call lets typing.NewType's result and cast-like uses pass values
// through; calling a plain form is CPython's TypeError.
func (f *typingForm) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	return nil, Errorf(TypeError, "Cannot instantiate %s", f.name)
}

func (f *typingForm) Repr(t *Thread) (string, error) {
	if len(f.args) == 0 {
		return f.name, nil
	}
	parts := make([]string, len(f.args))
	for i, a := range f.args {
		s, err := typingArgRepr(t, a)
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	return f.name + "[" + strings.Join(parts, ", ") + "]", nil
}

func init() {
	RegisterModule(ModuleDef{Name: "typing", Doc: "Type hints (threadlab: names only, nothing is checked).", Init: initTyping})
}

func initTyping(t *Thread, m *Module) error {
	for _, n := range []string{"Any", "Callable", "Dict", "List", "Optional", "Tuple", "Union", "Set", "FrozenSet",
		"Iterable", "Iterator", "Generator", "Sequence", "Mapping", "MutableMapping", "MutableSequence", "Type",
		"ClassVar", "Final", "Literal", "Deque", "DefaultDict", "Counter", "OrderedDict", "NoReturn", "Hashable",
		"Sized", "Collection", "Container", "AbstractSet", "Awaitable", "Coroutine", "AsyncIterator", "IO", "TextIO",
		"Annotated", "Never", "Self", "LiteralString", "TypeAlias", "SupportsInt", "SupportsFloat", "Reversible"} {
		m.Set(n, &typingForm{name: "typing." + n})
	}
	for _, n := range []string{"Generic", "Protocol"} {
		d := NewDict()
		d.SetStr("__class_getitem__", &ClassMethod{Fn: NewBuiltin("__class_getitem__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			return args[0], nil
		})})
		c, err := NewClass(n, nil, d, "typing")
		if err != nil {
			return err
		}
		m.Set(n, c)
	}
	m.Set("TYPE_CHECKING", False)
	m.SetFunc("TypeVar", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 0 {
			return nil, Errorf(TypeError, "TypeVar.__init__() missing 1 required positional argument: 'name'")
		}
		name, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeError, "TypeVar name must be a string")
		}
		return &typingForm{name: "~" + string(name)}, nil
	})
	identity := func(name string, n int) {
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := ArgCount(name, args, n, n); err != nil {
				return nil, err
			}
			return args[n-1], nil
		})
	}
	identity("cast", 2)
	identity("overload", 1)
	identity("final", 1)
	identity("no_type_check", 1)
	identity("runtime_checkable", 1)
	m.SetFunc("NewType", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("NewType", args, 2, 2); err != nil {
			return nil, err
		}
		name, _ := args[0].(Str)
		return NewBuiltin(string(name), func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := ArgCount(string(name), args, 1, 1); err != nil {
				return nil, err
			}
			return args[0], nil
		}), nil
	})
	m.SetFunc("get_type_hints", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("get_type_hints", args, 1, 1); err != nil {
			return nil, err
		}
		a, err := GetAttr(t, args[0], "__annotations__")
		if err != nil {
			return NewDict(), nil
		}
		return a, nil
	})
	return nil
}

// typingArgRepr spells a subscript of a typing form as CPython does:
// classes by name, None as None, lists of them in brackets.
func typingArgRepr(t *Thread, v Value) (string, error) {
	switch x := v.(type) {
	case *Type:
		return x.qualName(), nil
	case NoneType:
		return "None", nil
	case *List:
		items := x.Snapshot()
		parts := make([]string, len(items))
		for i, e := range items {
			s, err := typingArgRepr(t, e)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return Repr(t, v)
}
