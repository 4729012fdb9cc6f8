package python

import "strings"

// The few built-in functions the core itself provides; the rest of the
// builtins module is registered by the builtins_*.go files.
func init() {
	RegisterFunc("print", builtinPrint)
	RegisterFunc("len", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("len", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("len", args, 1, 1); err != nil {
			return nil, err
		}
		if t.tracer != nil {
			t.readAll(args[0], "__len__")
		}
		n, err := Len(t, args[0])
		return Int(n), err
	})
	RegisterFunc("isinstance", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("isinstance", args, 2, 2); err != nil {
			return nil, err
		}
		ok, err := isInstanceOf(args[0].Type(), args[1], "isinstance")
		return Bool(ok), err
	})
	RegisterFunc("issubclass", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("issubclass", args, 2, 2); err != nil {
			return nil, err
		}
		c, ok := args[0].(*Type)
		if !ok {
			return nil, Errorf(TypeError, "issubclass() arg 1 must be a class")
		}
		r, err := isInstanceOf(c, args[1], "issubclass")
		return Bool(r), err
	})
	RegisterFunc("repr", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("repr", args, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(t, args[0])
		return Str(s), err
	})
}

// isInstanceOf reports whether c is a subclass of spec (a class or a
// tuple of them), as isinstance and issubclass decide.
func isInstanceOf(c *Type, spec Value, fname string) (bool, error) {
	switch s := spec.(type) {
	case *Type:
		return c.IsSubclass(s), nil
	case Tuple:
		for _, x := range s {
			ok, err := isInstanceOf(c, x, fname)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	if fname == "issubclass" {
		return false, Errorf(TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
	}
	return false, Errorf(TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func builtinPrint(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	sep, end := " ", "\n"
	var file Value
	flush := false
	for _, k := range kw {
		switch k.Name {
		case "sep", "end":
			var s string
			switch v := k.Value.(type) {
			case NoneType:
				s = map[string]string{"sep": " ", "end": "\n"}[k.Name]
			case Str:
				s = string(v)
			default:
				return nil, Errorf(TypeError, "%s must be None or a string, not %s", k.Name, TypeName(v))
			}
			if k.Name == "sep" {
				sep = s
			} else {
				end = s
			}
		case "file":
			if k.Value != None {
				file = k.Value
			}
		case "flush":
			var err error
			if flush, err = Truth(t, k.Value); err != nil {
				return nil, err
			}
		default:
			return nil, Errorf(TypeError, "'%s' is an invalid keyword argument for print()", k.Name)
		}
	}
	if file == nil {
		var b strings.Builder
		for i, a := range args {
			if i > 0 {
				b.WriteString(sep)
			}
			s, err := ToStr(t, a)
			if err != nil {
				return nil, err
			}
			b.WriteString(s)
		}
		b.WriteString(end)
		t.interp.Write(t.Stdout(), b.String())
		if flush {
			if err := t.interp.Flush(t.Stdout()); err != nil {
				return nil, Errorf(OSError, "%v", err)
			}
		}
		return None, nil
	}
	// A file object gets each piece in its own write call, as in CPython.
	w, err := GetAttr(t, file, "write")
	if err != nil {
		return nil, err
	}
	write := func(s string) error {
		_, err := CallValue(t, w, []Value{Str(s)}, nil)
		return err
	}
	for i, a := range args {
		if i > 0 && sep != "" {
			if err := write(sep); err != nil {
				return nil, err
			}
		}
		s, err := ToStr(t, a)
		if err != nil {
			return nil, err
		}
		if err := write(s); err != nil {
			return nil, err
		}
	}
	if end != "" {
		if err := write(end); err != nil {
			return nil, err
		}
	}
	if flush {
		f, err := GetAttr(t, file, "flush")
		if err != nil {
			return nil, err
		}
		if _, err := CallValue(t, f, nil, nil); err != nil {
			return nil, err
		}
	}
	return None, nil
}
