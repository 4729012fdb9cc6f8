package python

import (
	"math/big"
	"unicode/utf8"
)

// AsIndex converts an int (or bool) to a Go int, as Python does for
// indices and counts: other types fail with "'X' object cannot be
// interpreted as an integer".
func AsIndex(v Value) (int, error) {
	switch x := v.(type) {
	case Int:
		return int(x), nil
	case Bool:
		return int(b2i(bool(x))), nil
	case *BigInt:
		return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
}

// AsInt64 converts an int to int64 (OverflowError if it does not fit).
func AsInt64(v Value) (int64, error) {
	switch x := v.(type) {
	case Int:
		return int64(x), nil
	case Bool:
		return b2i(bool(x)), nil
	case *BigInt:
		return 0, Errorf(OverflowError, "Python int too large to convert to C long")
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
}

// AsBigInt returns an int's value (do not modify it); ok is false for
// non-ints.
func AsBigInt(v Value) (*big.Int, bool) {
	if !isInt(v) {
		return nil, false
	}
	return toBig(v), true
}

// SliceIndices resolves a slice against a sequence of length n, as
// slice.indices does: start, stop, step and the number of items.
func SliceIndices(s *Slice, n int) (start, stop, step, count int, err error) {
	step = 1
	if s.Step != None {
		step, err = sliceInt(s.Step)
		if err != nil {
			return
		}
		if step == 0 {
			err = Errorf(ValueError, "slice step cannot be zero")
			return
		}
	}
	clamp := func(v Value, def int) (int, error) {
		if v == None {
			return def, nil
		}
		i, err := sliceInt(v)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					return -1, nil
				}
				return 0, nil
			}
		} else if i >= n {
			if step < 0 {
				return n - 1, nil
			}
			return n, nil
		}
		return i, nil
	}
	if step > 0 {
		start, err = clamp(s.Start, 0)
		if err == nil {
			stop, err = clamp(s.Stop, n)
		}
		if stop > start {
			count = (stop - start + step - 1) / step
		}
	} else {
		start, err = clamp(s.Start, n-1)
		if err == nil {
			stop, err = clamp(s.Stop, -1)
		}
		if start > stop {
			count = (start - stop - step - 1) / -step
		}
	}
	return
}

func sliceInt(v Value) (int, error) {
	switch x := v.(type) {
	case Int:
		return int(x), nil
	case Bool:
		return int(b2i(bool(x))), nil
	case *BigInt:
		if x.v.Sign() < 0 {
			return -MaxSeqLen * 4, nil
		}
		return MaxSeqLen * 4, nil
	}
	return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
}

func sliceValues(e []Value, s *Slice) ([]Value, error) {
	start, _, step, n, err := SliceIndices(s, len(e))
	if err != nil {
		return nil, err
	}
	out := make([]Value, n)
	for i := range out {
		out[i] = e[start+i*step]
	}
	return out, nil
}

// seqIndex normalises index i for a sequence of length n.
func seqIndex(key Value, n int, what string) (int, error) {
	var i int
	switch x := key.(type) {
	case Int:
		i = int(x)
	case Bool:
		i = int(b2i(bool(x)))
	case *BigInt:
		return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	default:
		if what == "string" {
			return 0, Errorf(TypeError, "string indices must be integers, not '%s'", TypeName(key))
		}
		return 0, Errorf(TypeError, "%s indices must be integers or slices, not %s", what, TypeName(key))
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return -1, nil
	}
	return i, nil
}

// ToIndex is operator.index(v): an int, or the result of v.__index__().
func ToIndex(t *Thread, v Value) (Value, error) {
	if isInt(v) {
		return v, nil
	}
	if m := v.Type().Lookup("__index__"); m != nil {
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return nil, err
		}
		if !isInt(r) {
			return nil, Errorf(TypeError, "__index__ returned non-int (type %s)", TypeName(r))
		}
		return r, nil
	}
	return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
}

// indexKey converts a user object with __index__ used as a sequence
// index.
func indexKey(t *Thread, x, key Value) (Value, error) {
	switch k := key.(type) {
	case *Instance:
		switch x.(type) {
		case *List, Tuple, Str, Bytes, *Range, *bigRange:
			if key.Type().Lookup("__index__") != nil {
				return ToIndex(t, key)
			}
		}
	case *Slice:
		switch x.(type) {
		case *List, Tuple, Str, Bytes, *Range, *bigRange:
			return sliceOfIndices(t, k)
		}
	}
	return key, nil
}

// sliceOfIndices applies __index__ to the bounds of a slice of a
// built-in sequence, which works out its bounds without running Python.
func sliceOfIndices(t *Thread, s *Slice) (*Slice, error) {
	out := *s
	for _, f := range []*Value{&out.Start, &out.Stop, &out.Step} {
		if _, ok := (*f).(*Instance); ok && (*f).Type().Lookup("__index__") != nil {
			v, err := ToIndex(t, *f)
			if err != nil {
				return nil, err
			}
			*f = v
		}
	}
	if out == *s {
		return s, nil
	}
	return &out, nil
}

// GetItem is x[key].
func GetItem(t *Thread, x, key Value) (Value, error) {
	key, err := indexKey(t, x, key)
	if err != nil {
		return nil, err
	}
	switch c := x.(type) {
	case *List:
		if k, ok := key.(Int); ok {
			locked := t.lock(&c.mu)
			i := int(k)
			if i < 0 {
				i += len(c.elems)
			}
			if i >= 0 && i < len(c.elems) {
				v := c.elems[i]
				c.unlock(locked)
				return v, nil
			}
			c.unlock(locked)
			return nil, Errorf(IndexError, "list index out of range")
		}
		if s, ok := key.(*Slice); ok {
			// Only the slice is copied, not the whole list; working out
			// the bounds runs no Python code.
			locked := t.lock(&c.mu)
			e, err := sliceValues(c.elems, s)
			c.unlock(locked)
			if err != nil {
				return nil, err
			}
			return NewList(e), nil
		}
		_, err := seqIndex(key, 0, "list")
		return nil, err
	case Tuple:
		if s, ok := key.(*Slice); ok {
			e, err := sliceValues(c, s)
			return Tuple(e), err
		}
		i, err := seqIndex(key, len(c), "tuple")
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, Errorf(IndexError, "tuple index out of range")
		}
		return c[i], nil
	case *Dict:
		v, err := c.Get(t, key)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, NewException(KeyError, key)
		}
		return v, nil
	case Str:
		return strItem(c, key)
	case Bytes:
		if s, ok := key.(*Slice); ok {
			start, _, step, n, err := SliceIndices(s, len(c))
			if err != nil {
				return nil, err
			}
			b := make([]byte, n)
			for i := range b {
				b[i] = c[start+i*step]
			}
			return Bytes(b), nil
		}
		i, err := seqIndex(key, len(c), "byte")
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, Errorf(IndexError, "index out of range")
		}
		return Int(c[i]), nil
	case *Range:
		n := c.Len()
		if s, ok := key.(*Slice); ok {
			start, stop, step, _, err := SliceIndices(s, n)
			if err != nil {
				return nil, err
			}
			return &Range{c.Start + int64(start)*c.Step, c.Start + int64(stop)*c.Step, c.Step * int64(step)}, nil
		}
		i, err := seqIndex(key, n, "range")
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, Errorf(IndexError, "range object index out of range")
		}
		return Int(c.Start + int64(i)*c.Step), nil
	case Indexable:
		return c.GetItem(t, key)
	case *Type:
		if m := c.Lookup("__class_getitem__"); m != nil {
			return CallValue(t, bindClassMethod(m, c), []Value{key}, nil)
		}
		if !c.user {
			// list[int] and friends in annotations: the type itself
			return c, nil
		}
		return nil, Errorf(TypeError, "type '%s' is not subscriptable", c.name)
	}
	if m := x.Type().Lookup("__getitem__"); m != nil {
		return CallValue(t, m, []Value{x, key}, nil)
	}
	if b := baseOf(x); b != nil {
		v, err := GetItem(t, b, key)
		if err != nil && ErrorMatches(err, KeyError) {
			if m := x.Type().Lookup("__missing__"); m != nil {
				return CallValue(t, m, []Value{x, key}, nil)
			}
		}
		return v, err
	}
	return nil, Errorf(TypeError, "'%s' object is not subscriptable", TypeName(x))
}

func bindClassMethod(m Value, c *Type) Value {
	if cm, ok := m.(*ClassMethod); ok {
		return &BoundMethod{Fn: cm.Fn, Self: c}
	}
	return m
}

// strItem indexes or slices a str by code points.
func strItem(s Str, key Value) (Value, error) {
	ascii := isASCII(string(s))
	if sl, ok := key.(*Slice); ok {
		if ascii {
			start, _, step, n, err := SliceIndices(sl, len(s))
			if err != nil {
				return nil, err
			}
			if step == 1 {
				return s[start : start+n], nil
			}
			b := make([]byte, n)
			for i := range b {
				b[i] = s[start+i*step]
			}
			return Str(b), nil
		}
		r := []rune(string(s))
		start, _, step, n, err := SliceIndices(sl, len(r))
		if err != nil {
			return nil, err
		}
		out := make([]rune, n)
		for i := range out {
			out[i] = r[start+i*step]
		}
		return Str(string(out)), nil
	}
	n := len(s)
	if !ascii {
		n = utf8.RuneCountInString(string(s))
	}
	i, err := seqIndex(key, n, "string")
	if err != nil {
		return nil, err
	}
	if i < 0 {
		return nil, Errorf(IndexError, "string index out of range")
	}
	if ascii {
		return s[i : i+1], nil
	}
	for _, r := range string(s) {
		if i == 0 {
			return Str(string(r)), nil
		}
		i--
	}
	return nil, Errorf(IndexError, "string index out of range")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// SetItem is x[key] = v, or del x[key] when v is nil.
func SetItem(t *Thread, x, key, v Value) error {
	key, err := indexKey(t, x, key)
	if err != nil {
		return err
	}
	switch c := x.(type) {
	case *List:
		if s, ok := key.(*Slice); ok {
			return listSetSlice(t, c, s, v)
		}
		locked := t.lock(&c.mu)
		i, err := seqIndex(key, len(c.elems), "list")
		if err != nil {
			c.unlock(locked)
			return err
		}
		if i < 0 {
			c.unlock(locked)
			return Errorf(IndexError, "list assignment index out of range")
		}
		if v == nil {
			c.elems = append(c.elems[:i], c.elems[i+1:]...)
			c.elems[:len(c.elems)+1][len(c.elems)] = nil
		} else {
			c.elems[i] = v
		}
		c.unlock(locked)
		return nil
	case *Dict:
		if v == nil {
			old, err := c.Delete(t, key)
			if err == nil && old == nil {
				return NewException(KeyError, key)
			}
			return err
		}
		return c.Set(t, key, v)
	case ItemSetter:
		return c.SetItem(t, key, v)
	}
	name := "__setitem__"
	if v == nil {
		name = "__delitem__"
	}
	if m := x.Type().Lookup(name); m != nil {
		args := []Value{x, key, v}
		if v == nil {
			args = args[:2]
		}
		_, err := CallValue(t, m, args, nil)
		return err
	}
	if b := baseOf(x); b != nil {
		return SetItem(t, b, key, v)
	}
	if v == nil {
		if _, ok := x.(Tuple); ok || x.Type().Lookup("__getitem__") != nil {
			return Errorf(TypeError, "'%s' object doesn't support item deletion", TypeName(x))
		}
		return Errorf(TypeError, "'%s' object does not support item deletion", TypeName(x))
	}
	return Errorf(TypeError, "'%s' object does not support item assignment", TypeName(x))
}

func listSetSlice(t *Thread, l *List, s *Slice, v Value) error {
	var items []Value
	if v != nil {
		var err error
		if items, err = Collect(t, v); err != nil {
			if ErrorMatches(err, TypeError) {
				return Errorf(TypeError, "must assign iterable to extended slice")
			}
			return err
		}
	}
	locked := t.lock(&l.mu)
	defer l.unlock(locked)
	start, stop, step, n, err := SliceIndices(s, len(l.elems))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail := append([]Value(nil), l.elems[stop:]...)
		l.elems = append(append(l.elems[:start], items...), tail...)
		return nil
	}
	if v == nil {
		del := map[int]bool{}
		for i := 0; i < n; i++ {
			del[start+i*step] = true
		}
		out := l.elems[:0]
		for i, e := range l.elems {
			if !del[i] {
				out = append(out, e)
			}
		}
		clear(l.elems[len(out):])
		l.elems = out
		return nil
	}
	if len(items) != n {
		return Errorf(ValueError, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for i := 0; i < n; i++ {
		l.elems[start+i*step] = items[i]
	}
	return nil
}
