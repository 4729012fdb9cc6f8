package python

import "threadlab/lessons/python/internal/format"

// The formatting protocol: __format__ of object, int, float and str (what
// format(), f-strings and str.format call), and str % args.

func init() {
	ObjectType.AddMethod("__format__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		spec, err := formatSpecArg(args, kw)
		if err != nil {
			return nil, err
		}
		if spec != "" {
			return nil, Errorf(TypeError, "unsupported format string passed to %s.__format__", TypeName(args[0]))
		}
		s, err := ToStr(t, args[0])
		return Str(s), err
	})
	IntType.AddMethod("__format__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		spec, err := formatSpecArg(args, kw)
		if err != nil {
			return nil, err
		}
		s, err := formatInt(t, args[0], spec)
		return Str(s), err
	})
	FloatType.AddMethod("__format__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		spec, err := formatSpecArg(args, kw)
		if err != nil {
			return nil, err
		}
		s, err := format.Float(float64(args[0].(Float)), spec)
		return Str(s), fromHelper(err)
	})
	StrType.AddMethod("__format__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		spec, err := formatSpecArg(args, kw)
		if err != nil {
			return nil, err
		}
		s, err := format.Str(string(args[0].(Str)), spec)
		return Str(s), fromHelper(err)
	})
	StrType.AddMethod("__mod__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("str.__mod__", args, kw); err != nil {
			return nil, err
		}
		return strPercent(t, args[0].(Str), args[1])
	})
}

// strPercent is str.__mod__: printf-style formatting of v into f.
func strPercent(t *Thread, f Str, v Value) (Value, error) {
	var a format.Args
	switch v := v.(type) {
	case Tuple:
		a.Items, a.Tuple = make([]any, len(v)), true
		for i, x := range v {
			a.Items[i] = x
		}
	case Str:
	case *Dict, *List:
		a.Mapping = v
	default:
		if _, ok := v.(Indexable); ok || v.Type().Lookup("__getitem__") != nil {
			a.Mapping = v
		}
	}
	if !a.Tuple {
		a.Items = []any{v}
	}
	s, err := format.Percent(string(f), a, percentOperands{t})
	if err != nil {
		return nil, fromHelper(err)
	}
	return Str(s), nil
}

// formatInt is int.__format__(v, spec).
func formatInt(t *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		return ToStr(t, v)
	}
	if x, ok := v.(Int); ok {
		s, err := format.SmallInt(int64(x), spec, "int")
		return s, fromHelper(err)
	}
	x, _ := AsBigInt(v)
	s, err := format.Int(x, spec, TypeName(v), maxStrDigits)
	return s, fromHelper(err)
}

func formatSpecArg(args []Value, kw []Kwarg) (string, error) {
	if err := NoKwargs("__format__", kw); err != nil {
		return "", err
	}
	if len(args) != 2 {
		return "", Errorf(TypeError, "__format__() takes exactly one argument (%d given)", len(args)-1)
	}
	s, ok := args[1].(Str)
	if !ok {
		return "", Errorf(TypeError, "__format__() argument must be str, not %s", TypeName(args[1]))
	}
	return string(s), nil
}

// percentOperands lets format.Percent see interpreter values.
type percentOperands struct{ t *Thread }

func (p percentOperands) Str(v any) (string, error)  { return ToStr(p.t, v.(Value)) }
func (p percentOperands) Repr(v any) (string, error) { return Repr(p.t, v.(Value)) }
func (p percentOperands) ASCII(v any) (string, error) {
	s, err := Repr(p.t, v.(Value))
	return asciiEscape(s), err
}
func (p percentOperands) TypeName(v any) string { return TypeName(v.(Value)) }
func (p percentOperands) MaxStrDigits() int     { return maxStrDigits }

func (p percentOperands) Text(v any) (string, bool) {
	s, ok := v.(Str)
	return string(s), ok
}

func (p percentOperands) GetItem(m any, key string) (any, error) {
	return GetItem(p.t, m.(Value), Str(key))
}

func (p percentOperands) Number(v any) (format.Number, error) {
	x := v.(Value)
	switch i := x.(type) {
	case Int:
		return format.Number{Kind: format.IntNumber, Small: int64(i), IsSmall: true}, nil
	case Bool:
		return format.Number{Kind: format.IntNumber, Small: b2i(bool(i)), IsSmall: true}, nil
	}
	if b, ok := AsBigInt(x); ok {
		return format.Number{Kind: format.IntNumber, Int: b}, nil
	}
	if f, ok := x.(Float); ok {
		return format.Number{Kind: format.FloatNumber, Float: float64(f)}, nil
	}
	if m := x.Type().Lookup("__index__"); m != nil {
		r, err := CallValue(p.t, m, []Value{x}, nil)
		if err != nil {
			return format.Number{}, err
		}
		if b, ok := AsBigInt(r); ok {
			return format.Number{Kind: format.IntNumber, Int: b}, nil
		}
	}
	if x.Type().Lookup("__float__") != nil {
		f, err := floatArg(p.t, x)
		return format.Number{Kind: format.FloatNumber, Float: f}, err
	}
	return format.Number{}, nil
}

// templateFields lets format.Expand (str.format, str.format_map) see the
// call's arguments.
type templateFields struct {
	t       *Thread
	args    []Value
	kw      []Kwarg
	mapping Value // format_map's mapping, else nil
}

func (f templateFields) Positional(i int) (any, error) {
	if i >= len(f.args) {
		return nil, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", i)
	}
	return f.args[i], nil
}

func (f templateFields) Keyword(name string) (any, error) {
	if f.mapping != nil {
		return GetItem(f.t, f.mapping, Str(name))
	}
	for _, k := range f.kw {
		if k.Name == name {
			return k.Value, nil
		}
	}
	return nil, NewException(KeyError, Str(name))
}

func (f templateFields) Attr(v any, name string) (any, error) { return GetAttr(f.t, v.(Value), name) }

func (f templateFields) Item(v any, key any) (any, error) {
	var k Value
	switch key := key.(type) {
	case int:
		k = Int(key)
	case string:
		k = Str(key)
	}
	return GetItem(f.t, v.(Value), k)
}

func (f templateFields) Convert(v any, conv rune) (any, error) {
	var s string
	var err error
	switch conv {
	case 's':
		s, err = ToStr(f.t, v.(Value))
	case 'r':
		s, err = Repr(f.t, v.(Value))
	default:
		s, err = Repr(f.t, v.(Value))
		s = asciiEscape(s)
	}
	return Str(s), err
}

func (f templateFields) Format(v any, spec string) (string, error) {
	return Format(f.t, v.(Value), spec)
}
