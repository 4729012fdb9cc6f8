package python

import (
	"errors"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/internal/pyerr"
)

// The helpers shared by the builtins_*, methods_* and mod_* files.

// fromHelper turns an error of the pure helper packages (a *pyerr.Error)
// into the Python exception it names; other errors pass through.
func fromHelper(err error) error {
	if err == nil {
		return nil // before e escapes to errors.As: no allocation on success
	}
	var e *pyerr.Error
	if !errors.As(err, &e) {
		return err
	}
	var c *Type
	switch e.Kind {
	case pyerr.ValueError:
		c = ValueError
	case pyerr.TypeError:
		c = TypeError
	case pyerr.OverflowError:
		c = OverflowError
	case pyerr.KeyError:
		if k, ok := e.Key.(Value); ok {
			return NewException(KeyError, k)
		}
		if k, ok := e.Key.(string); ok {
			return NewException(KeyError, Str(k))
		}
		c = KeyError
	case pyerr.IndexError:
		c = IndexError
	case pyerr.MemoryError:
		if e.Msg == "" {
			return NewException(MemoryError)
		}
		c = MemoryError
	}
	return NewException(c, Str(e.Msg))
}

// less is x < y as a Go bool (sorted, min, max, list.sort).
func less(t *Thread, x, y Value) (bool, error) {
	switch a := x.(type) {
	case Int:
		switch b := y.(type) {
		case Int:
			return a < b, nil
		case Float:
			if a > -1<<53 && a < 1<<53 { // exactly representable
				return float64(a) < float64(b), nil
			}
		}
	case Float:
		switch b := y.(type) {
		case Float:
			return a < b, nil
		case Int:
			if b > -1<<53 && b < 1<<53 {
				return float64(a) < float64(b), nil
			}
		}
	case Str:
		if b, ok := y.(Str); ok {
			return a < b, nil
		}
	}
	r, err := Compare(t, compile.Lt, x, y)
	if err != nil {
		return false, err
	}
	return Truth(t, r)
}

// floatArg converts a real number (int, bool, float, or an object with
// __float__) for the math functions: "must be real number, not str".
func floatArg(t *Thread, v Value) (float64, error) {
	switch v.(type) {
	case Float, Int, Bool, *BigInt:
		return asFloat(v)
	}
	if m := v.Type().Lookup("__float__"); m != nil {
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return 0, err
		}
		if f, ok := r.(Float); ok {
			return float64(f), nil
		}
		return 0, Errorf(TypeError, "%s.__float__ returned non-float (type %s)", TypeName(v), TypeName(r))
	}
	if m := v.Type().Lookup("__index__"); m != nil {
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return 0, err
		}
		return floatArg(t, r)
	}
	return 0, Errorf(TypeError, "must be real number, not %s", TypeName(v))
}

// keywordArgs splits kw into the named values; an unknown name is
// CPython's "'x' is an invalid keyword argument for f()".
func keywordArgs(fname string, kw []Kwarg, names ...string) (map[string]Value, error) {
	out := make(map[string]Value, len(kw))
	for _, k := range kw {
		found := false
		for _, n := range names {
			if n == k.Name {
				found = true
				break
			}
		}
		if !found {
			return nil, Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", k.Name, fname)
		}
		out[k.Name] = k.Value
	}
	return out, nil
}

// slotBytes is what one item of a list or tuple counts against
// MaxSeqLen: its slot (a 16-byte interface value) and as much again for
// the small object it usually points at and the slack of a growing
// slice. Containers are capped by bytes, as a str is by its length.
const slotBytes = 32

// checkItems fails with MemoryError when n items of size bytes each
// would pass MaxSeqLen bytes.
func checkItems(n, size int) error {
	if n < 0 || n > MaxSeqLen/size {
		return NewException(MemoryError)
	}
	return nil
}

// checkSize fails with MemoryError when a result of n items (or bytes)
// would pass the interpreter's cap on sequence sizes.
func checkSize(n int) error {
	if n > MaxSeqLen || n < 0 {
		return NewException(MemoryError)
	}
	return nil
}
