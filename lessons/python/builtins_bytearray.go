package python

import (
	"strings"
	"sync"
)

// bytearray: a mutable bytes. Each method holds the array's mutex.

// ByteArrayType is bytearray.
var ByteArrayType = NewType("bytearray", nil)

type byteArray struct {
	mu sync.Mutex
	b  []byte
}

func (*byteArray) Type() *Type { return ByteArrayType }

func (a *byteArray) bytes() Bytes {
	a.mu.Lock()
	defer a.mu.Unlock()
	return Bytes(a.b)
}

func (a *byteArray) Len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.b)
}

func (a *byteArray) Iter(t *Thread) (Iterator, error) { return Iterate(t, a.bytes()) }

func (a *byteArray) Contains(t *Thread, v Value) (bool, error) {
	r, err := CallValue(t, BytesType.Lookup("__contains__"), []Value{a.bytes(), v}, nil)
	if err != nil {
		return false, err
	}
	return r == True, nil
}

func (a *byteArray) GetItem(t *Thread, k Value) (Value, error) {
	v, err := GetItem(t, a.bytes(), k)
	if b, ok := v.(Bytes); ok {
		return &byteArray{b: []byte(b)}, err
	}
	return v, err
}

func (a *byteArray) SetItem(t *Thread, k, v Value) error {
	i, err := AsIndex(k)
	if err != nil {
		return Errorf(TypeError, "bytearray indices must be integers or slices, not %s", TypeName(k))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if i < 0 {
		i += len(a.b)
	}
	if i < 0 || i >= len(a.b) {
		return Errorf(IndexError, "bytearray index out of range")
	}
	if v == nil {
		a.b = append(a.b[:i], a.b[i+1:]...)
		return nil
	}
	n, err := byteValue(v)
	if err != nil {
		return err
	}
	a.b[i] = n
	return nil
}

func (a *byteArray) Repr(t *Thread) (string, error) {
	r, err := Repr(t, a.bytes())
	return "bytearray(" + r + ")", err
}

// byteValue checks an int in range(256).
func byteValue(v Value) (byte, error) {
	n, err := AsIndex(v)
	if err != nil {
		return 0, err
	}
	if n < 0 || n > 255 {
		return 0, Errorf(ValueError, "byte must be in range(0, 256)")
	}
	return byte(n), nil
}

func init() {
	ByteArrayType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		b, err := bytesCtor(t, BytesType, args, kw)
		if err != nil {
			return nil, err
		}
		return &byteArray{b: []byte(b.(Bytes))}, nil
	})
	RegisterBuiltin("bytearray", ByteArrayType)
	m := ByteArrayType.AddMethod
	m("append", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("bytearray.append", args, kw); err != nil {
			return nil, err
		}
		n, err := byteValue(args[1])
		if err != nil {
			return nil, err
		}
		a := args[0].(*byteArray)
		a.mu.Lock()
		a.b = append(a.b, n)
		a.mu.Unlock()
		return None, nil
	})
	m("extend", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("bytearray.extend", args, kw); err != nil {
			return nil, err
		}
		var more []byte
		switch x := args[1].(type) {
		case Bytes:
			more = []byte(x)
		case *byteArray:
			more = []byte(x.bytes())
		default:
			items, err := Collect(t, x)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				n, err := byteValue(it)
				if err != nil {
					return nil, err
				}
				more = append(more, n)
			}
		}
		a := args[0].(*byteArray)
		a.mu.Lock()
		a.b = append(a.b, more...)
		a.mu.Unlock()
		return None, nil
	})
	m("pop", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		i, err := popIndex(args, kw)
		if err != nil {
			return nil, err
		}
		a := args[0].(*byteArray)
		a.mu.Lock()
		defer a.mu.Unlock()
		if len(a.b) == 0 {
			return nil, Errorf(IndexError, "pop from empty bytearray")
		}
		if i < 0 {
			i += len(a.b)
		}
		if i < 0 || i >= len(a.b) {
			return nil, Errorf(IndexError, "pop index out of range")
		}
		v := a.b[i]
		a.b = append(a.b[:i], a.b[i+1:]...)
		return Int(v), nil
	})
	m("clear", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		a := args[0].(*byteArray)
		a.mu.Lock()
		a.b = nil
		a.mu.Unlock()
		return None, nil
	})
	// The read-only methods are bytes's, applied to the current contents.
	for _, name := range []string{"decode", "hex", "find", "index", "count", "startswith", "endswith", "upper", "lower",
		"split", "strip", "lstrip", "rstrip", "replace", "join"} {
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			all := append([]Value{args[0].(*byteArray).bytes()}, args[1:]...)
			r, err := CallValue(t, BytesType.Lookup(name), all, kw)
			if b, ok := r.(Bytes); ok && name != "decode" && name != "hex" {
				return &byteArray{b: []byte(b)}, err
			}
			return r, err
		})
	}
	m("__eq__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		a := string(args[0].(*byteArray).bytes())
		switch o := args[1].(type) {
		case Bytes:
			return Bool(a == string(o)), nil
		case *byteArray:
			return Bool(strings.Compare(a, string(o.bytes())) == 0), nil
		}
		return NotImplemented, nil
	})
}
