package python

import (
	"cmp"
	"slices"
	"sort"
)

// The methods of list. Each runs atomically on the list's items except
// where it must call Python code (comparisons, key functions): then it
// works on a snapshot, as a free-threaded interpreter may.

func init() {
	m := ListType.AddMethod
	m("append", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("list.append", args, kw); err != nil {
			return nil, err
		}
		args[0].(*List).append(t, args[1])
		return None, nil
	})
	m("extend", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("list.extend", args, kw); err != nil {
			return nil, err
		}
		items, err := Collect(t, args[1])
		if err != nil {
			return nil, err
		}
		args[0].(*List).update(t, func(e []Value) []Value { return append(e, items...) })
		return None, nil
	})
	m("insert", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("insert", args, kw, 2, 2); err != nil {
			return nil, err
		}
		i, err := AsIndex(args[1])
		if err != nil {
			return nil, err
		}
		v := args[2]
		args[0].(*List).update(t, func(e []Value) []Value {
			n := len(e)
			if i < 0 {
				i = max(i+n, 0)
			}
			i = min(i, n)
			e = append(e, nil)
			copy(e[i+1:], e[i:])
			e[i] = v
			return e
		})
		return None, nil
	})
	m("pop", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		i, err := popIndex(args, kw)
		if err != nil {
			return nil, err
		}
		var v Value
		var perr error
		args[0].(*List).update(t, func(e []Value) []Value {
			n := len(e)
			if n == 0 {
				perr = Errorf(IndexError, "pop from empty list")
				return e
			}
			j := i
			if j < 0 {
				j += n
			}
			if j < 0 || j >= n {
				perr = Errorf(IndexError, "pop index out of range")
				return e
			}
			v = e[j]
			copy(e[j:], e[j+1:])
			e[n-1] = nil
			return e[:n-1]
		})
		return v, perr
	})
	m("remove", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("list.remove", args, kw); err != nil {
			return nil, err
		}
		l := args[0].(*List)
		items := l.snapshot(t)
		j, err := seqFind(t, items, args[1], 0, -1)
		if err != nil {
			return nil, err
		}
		if j < 0 {
			return nil, Errorf(ValueError, "list.remove(x): x not in list")
		}
		found := items[j]
		l.update(t, func(e []Value) []Value {
			// Another thread may have moved the item meanwhile: remove the
			// first occurrence of the very object found.
			for k := range e {
				if sameObject(e[k], found) {
					return append(e[:k], e[k+1:]...)
				}
			}
			return e
		})
		return None, nil
	})
	m("index", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		return seqIndexOf(t, args[0].(*List).snapshot(t), args[1:], "list")
	})
	m("count", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("list.count", args, kw); err != nil {
			return nil, err
		}
		return seqCount(t, args[0].(*List).snapshot(t), args[1])
	})
	m("sort", listSort)
	m("reverse", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("list.reverse", args, kw); err != nil {
			return nil, err
		}
		args[0].(*List).update(t, func(e []Value) []Value {
			for i, j := 0, len(e)-1; i < j; i, j = i+1, j-1 {
				e[i], e[j] = e[j], e[i]
			}
			return e
		})
		return None, nil
	})
	m("copy", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("list.copy", args, kw); err != nil {
			return nil, err
		}
		return NewList(args[0].(*List).snapshot(t)), nil
	})
	m("clear", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("list.clear", args, kw); err != nil {
			return nil, err
		}
		args[0].(*List).update(t, func([]Value) []Value { return nil })
		return None, nil
	})
}

// method0 checks a method that takes no arguments besides self.
func method0(name string, args []Value, kw []Kwarg) error {
	if err := NoKwargs(name, kw); err != nil {
		return err
	}
	if len(args) != 1 {
		return Errorf(TypeError, "%s() takes no arguments (%d given)", name, len(args)-1)
	}
	return nil
}

// method1 checks a method that takes exactly one argument besides self.
func method1(name string, args []Value, kw []Kwarg) error {
	if err := NoKwargs(name, kw); err != nil {
		return err
	}
	if len(args) != 2 {
		return Errorf(TypeError, "%s() takes exactly one argument (%d given)", name, len(args)-1)
	}
	return nil
}

// methodArgs checks a method's positional count (besides self) with
// CPython's "insert expected 2 arguments, got 1" wording.
func methodArgs(name string, args []Value, kw []Kwarg, min, max int) error {
	if err := NoKwargs(name, kw); err != nil {
		return err
	}
	return ArgCount(name, args[1:], min, max)
}

// popIndex checks the arguments of list.pop and bytearray.pop([i]) and
// returns i, -1 when absent.
func popIndex(args []Value, kw []Kwarg) (int, error) {
	if err := methodArgs("pop", args, kw, 0, 1); err != nil {
		return 0, err
	}
	if len(args) == 2 {
		return AsIndex(args[1])
	}
	return -1, nil
}

// seqIndexOf is list.index and deque.index(x[, start[, end]]) on a
// snapshot of the items; args is (x, start?, end?) and kind names the
// container in the ValueError.
func seqIndexOf(t *Thread, items, args []Value, kind string) (Value, error) {
	i, err := seqFindIn(t, items, args)
	if err != nil {
		return nil, err
	}
	if i < 0 {
		r, err := Repr(t, args[0])
		if err != nil {
			// CPython drops the repr's error and raises a bare ValueError.
			return nil, NewException(ValueError)
		}
		return nil, Errorf(ValueError, "%s is not in %s", r, kind)
	}
	return Int(i), nil
}

// seqFindIn is seqFind for the arguments (x, start?, end?) of index().
func seqFindIn(t *Thread, items, args []Value) (int, error) {
	start, end, err := sliceBounds(args[1:], len(items))
	if err != nil {
		return -1, err
	}
	return seqFind(t, items, args[0], start, end)
}

// seqCount is list.count and deque.count: how many items are x or == x.
func seqCount(t *Thread, items []Value, x Value) (Value, error) {
	n := 0
	for _, e := range items {
		eq, err := sameOrEqual(t, e, x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return Int(n), nil
}

// sameOrEqual is the containment test of list methods: identity first,
// then ==.
func sameOrEqual(t *Thread, x, y Value) (bool, error) {
	if sameObject(x, y) {
		return true, nil
	}
	return Equal(t, x, y)
}

// seqFind returns the first index in [start, end) whose item equals v, or
// -1; end < 0 means the end.
func seqFind(t *Thread, items []Value, v Value, start, end int) (int, error) {
	if end < 0 || end > len(items) {
		end = len(items)
	}
	for i := start; i < end; i++ {
		eq, err := sameOrEqual(t, items[i], v)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// sliceBounds resolves optional start and end arguments (as in
// list.index and str.find) against length n, clamping like a slice.
func sliceBounds(args []Value, n int) (int, int, error) {
	start, end := 0, n
	bound := func(v Value) (int, error) {
		i, err := AsIndex(v)
		if err != nil {
			if _, isBig := v.(*BigInt); isBig {
				return 0, nil
			}
			return 0, Errorf(TypeError, "slice indices must be integers or have an __index__ method")
		}
		if i < 0 {
			i = max(i+n, 0)
		}
		return min(i, n), nil
	}
	var err error
	if len(args) > 0 && args[0] != None {
		if start, err = bound(args[0]); err != nil {
			return 0, 0, err
		}
	}
	if len(args) > 1 && args[1] != None {
		if end, err = bound(args[1]); err != nil {
			return 0, 0, err
		}
	}
	return start, end, nil
}

// listSort is list.sort(*, key=None, reverse=False): a stable sort of a
// snapshot, written back at the end.
func listSort(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 1 {
		return nil, Errorf(TypeError, "sort() takes no positional arguments")
	}
	opts, err := keywordArgs("sort", kw, "key", "reverse")
	if err != nil {
		return nil, err
	}
	l := args[0].(*List)
	items := l.snapshot(t)
	if err := sortValues(t, items, opts["key"], opts["reverse"]); err != nil {
		return nil, err
	}
	l.update(t, func([]Value) []Value { return items })
	return None, nil
}

// sortValues sorts items in place, stably, by key (None or nil: the items
// themselves), descending when reverse is true. As in CPython, reverse
// keeps equal items in their original order.
func sortValues(t *Thread, items []Value, key, reverse Value) error {
	rev := false
	if reverse != nil {
		var err error
		if rev, err = Truth(t, reverse); err != nil {
			return err
		}
	}
	keys := items
	if key != nil && key != None {
		keys = make([]Value, len(items))
		for i, x := range items {
			k, err := CallValue(t, key, []Value{x}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	if sortHomogeneous(items, keys, rev) {
		return nil
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var firstErr error
	sort.SliceStable(idx, func(a, b int) bool {
		if firstErr != nil {
			return false
		}
		x, y := keys[idx[a]], keys[idx[b]]
		if rev {
			x, y = y, x
		}
		r, err := less(t, x, y)
		if err != nil {
			firstErr = err
		}
		return r
	})
	if firstErr != nil {
		return firstErr
	}
	sorted := make([]Value, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
	return nil
}

// The methods of tuple.
func init() {
	TupleType.AddMethod("count", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("tuple.count", args, kw); err != nil {
			return nil, err
		}
		n := 0
		for _, x := range tupleItems(args[0]) {
			eq, err := sameOrEqual(t, x, args[1])
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return Int(n), nil
	})
	TupleType.AddMethod("index", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		j, err := seqFindIn(t, tupleItems(args[0]), args[1:])
		if err != nil {
			return nil, err
		}
		if j < 0 {
			return nil, Errorf(ValueError, "tuple.index(x): x not in tuple")
		}
		return Int(j), nil
	})
}

// tupleItems is the items of a tuple or of a namedtuple instance.
func tupleItems(v Value) Tuple {
	if n, ok := v.(*ntValue); ok {
		return n.items
	}
	return v.(Tuple)
}

// sortHomogeneous sorts items by keys in Go when every key is an int, or
// every key is a float (no NaN), or every key is a str, and reports
// whether it did.
func sortHomogeneous(items, keys []Value, rev bool) bool {
	if len(keys) < 2 {
		return true
	}
	switch keys[0].(type) {
	case Int:
		if sortPackedInts(items, keys, rev) {
			return true
		}
		return sortByKey(items, keys, rev, func(k Value) (Int, bool) { i, ok := k.(Int); return i, ok })
	case Float:
		// NaN is left to Python's comparison rules.
		return sortByKey(items, keys, rev, func(k Value) (Float, bool) { f, ok := k.(Float); return f, ok && f == f })
	case Str:
		return sortByKey(items, keys, rev, func(k Value) (Str, bool) { s, ok := k.(Str); return s, ok })
	}
	return false
}

// packIndexBits is how many low bits of a packed sort key hold the item's
// position; the int key takes the bits above them.
const packIndexBits = 24

// sortPackedInts sorts items by int keys that fit, with their positions,
// in one int64 (key<<packIndexBits + position): a sort of plain int64s,
// which compares without calls, and is stable as the positions break
// ties. It reports false (items untouched) when a key is not an int or
// too large, or there are too many items.
func sortPackedInts(items, keys []Value, rev bool) bool {
	const limit = 1 << (62 - packIndexBits)
	if len(keys) >= 1<<packIndexBits {
		return false
	}
	packed := make([]int64, len(keys))
	for i, kv := range keys {
		k, ok := kv.(Int)
		if !ok || k <= -limit || k >= limit {
			return false
		}
		if rev {
			k = -k
		}
		packed[i] = int64(k)<<packIndexBits + int64(i)
	}
	slices.Sort(packed)
	orig := slices.Clone(items)
	for j, p := range packed {
		items[j] = orig[p&(1<<packIndexBits-1)]
	}
	return true
}

// sortByKey sorts items by keys unboxed with unbox, reporting false
// (items untouched) if some key does not unbox. Ties keep their original
// order, as Python's sort is stable in either direction; breaking them
// by position lets an unstable O(n log n) sort be used.
func sortByKey[K Int | Float | Str](items, keys []Value, rev bool, unbox func(Value) (K, bool)) bool {
	type pair struct {
		k K
		i int
	}
	ps := make([]pair, len(keys))
	for i, kv := range keys {
		k, ok := unbox(kv)
		if !ok {
			return false
		}
		ps[i] = pair{k, i}
	}
	slices.SortFunc(ps, func(a, b pair) int {
		c := cmp.Compare(a.k, b.k)
		if rev {
			c = -c
		}
		if c == 0 {
			return cmp.Compare(a.i, b.i)
		}
		return c
	})
	orig := slices.Clone(items)
	for j, p := range ps {
		items[j] = orig[p.i]
	}
	return true
}
