package python

import (
	"math"

	"threadlab/lessons/python/internal/compile"
)

// The iteration built-ins: enumerate, zip, map, filter, reversed (types,
// as in Python), and iter, next, sorted, sum, min, max, any, all.

// The iterator types the built-ins return.
var (
	EnumerateType        = NewType("enumerate", nil)
	ZipType              = NewType("zip", nil)
	MapType              = NewType("map", nil)
	FilterType           = NewType("filter", nil)
	ReversedType         = NewType("reversed", nil)
	ListReverseIterType  = NewType("list_reverseiterator", nil)
	CallableIteratorType = NewType("callable_iterator", nil)
)

// goIter is an iterator implemented by a Go function; next returns (nil,
// nil) at the end.
type goIter struct {
	typ   *Type
	next  func(t *Thread) (Value, error)
	done  bool
	guard iterGuard
}

func (it *goIter) Type() *Type { return it.typ }

// Next is the Iterator protocol's step. A StopIteration out of the step
// (a map function's, say) ends the iteration, as it ends CPython's loops
// over a built-in iterator: the iterator is not exhausted by it.
func (it *goIter) Next(t *Thread) (Value, error) {
	v, err := it.step(t)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.class.IsSubclass(StopIteration) {
			return nil, nil
		}
	}
	return v, err
}

// step is Next, but with the StopIteration a step raised, which next()
// passes on as CPython's does.
func (it *goIter) step(t *Thread) (Value, error) {
	if err := t.tick(); err != nil {
		return nil, err
	}
	if err := it.guard.acquire(t, it.typ.Name()); err != nil {
		return nil, err
	}
	// released on each way out, without a defer (this runs per item);
	// after a Go panic (an internal error) the iterator stays held
	if it.done {
		it.guard.release(t)
		return nil, nil
	}
	v, err := it.next(t)
	if v == nil && err == nil {
		it.done = true
	}
	it.guard.release(t)
	return v, err
}

// addIterMethods gives the Go-implemented iterator types their Python
// protocol: __iter__ returns self and __next__ raises StopIteration at the end.
func addIterMethods(types ...*Type) {
	for _, c := range types {
		c.AddMethod("__iter__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return args[0], nil })
		c.AddMethod("__next__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			var err error
			if g, ok := args[0].(*goIter); ok {
				v, err = g.step(t)
			} else {
				v, err = args[0].(Iterator).Next(t)
			}
			if v == nil && err == nil {
				return nil, NewException(StopIteration)
			}
			return v, err
		})
	}
}

func init() {
	addIterMethods(EnumerateType, ZipType, MapType, FilterType, ReversedType, ListReverseIterType, CallableIteratorType)
	EnumerateType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		var it, start Value
		if err := UnpackArgs("enumerate", args, kw, []string{"iterable", "start?"}, &it, &start); err != nil {
			return nil, err
		}
		src, err := Iterate(t, it)
		if err != nil {
			return nil, err
		}
		var n Value = Int(0)
		if start != nil {
			if _, ok := AsBigInt(start); !ok {
				return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(start))
			}
			n = start
		}
		return &goIter{typ: EnumerateType, guard: iterGuard{reentrant: true}, next: func(t *Thread) (Value, error) {
			v, err := src.Next(t)
			if v == nil || err != nil {
				return nil, err
			}
			i := n
			if k, ok := n.(Int); ok && k < math.MaxInt64 {
				n = k + 1
			} else if n, err = Binary(t, opAdd, n, Int(1)); err != nil {
				return nil, err
			}
			return Tuple{i, v}, nil
		}}, nil
	})
	ZipType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		opts, err := keywordArgs("zip", kw, "strict")
		if err != nil {
			return nil, err
		}
		strict := false
		if s := opts["strict"]; s != nil {
			if strict, err = Truth(t, s); err != nil {
				return nil, err
			}
		}
		srcs := make([]Iterator, len(args))
		for i, a := range args {
			if srcs[i], err = Iterate(t, a); err != nil {
				return nil, err
			}
		}
		n := len(srcs)
		var batch []Value // backing for the next tuples: one allocation per zipBatch of them
		return &goIter{typ: ZipType, guard: iterGuard{reentrant: true}, next: func(t *Thread) (Value, error) {
			if n == 0 {
				return nil, nil
			}
			if len(batch) < n {
				batch = make([]Value, n*zipBatch)
			}
			out := Tuple(batch[:n:n])
			batch = batch[n:]
			for i, s := range srcs {
				v, err := s.Next(t)
				if err != nil {
					return nil, err
				}
				if v == nil {
					if strict {
						return nil, zipStrictError(t, srcs, i)
					}
					return nil, nil
				}
				out[i] = v
			}
			return out, nil
		}}, nil
	})
	MapType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("map", kw); err != nil {
			return nil, err
		}
		if len(args) < 2 {
			return nil, Errorf(TypeError, "map() must have at least two arguments.")
		}
		fn := args[0]
		srcs := make([]Iterator, len(args)-1)
		for i, a := range args[1:] {
			var err error
			if srcs[i], err = Iterate(t, a); err != nil {
				return nil, err
			}
		}
		return &goIter{typ: MapType, guard: iterGuard{reentrant: true}, next: func(t *Thread) (Value, error) {
			vals := make([]Value, len(srcs))
			for i, s := range srcs {
				v, err := s.Next(t)
				if v == nil || err != nil {
					return nil, err
				}
				vals[i] = v
			}
			return CallValue(t, fn, vals, nil)
		}}, nil
	})
	FilterType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		return filterIter(t, FilterType, "filter", args, kw, true)
	})
	ReversedType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("reversed", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("reversed", args, 1, 1); err != nil {
			return nil, err
		}
		return reversedOf(t, args[0])
	})
	for _, c := range []*Type{EnumerateType, ZipType, MapType, FilterType, ReversedType} {
		RegisterBuiltin(c.Name(), c)
	}

	RegisterFunc("iter", builtinIter)
	RegisterFunc("next", builtinNext)
	RegisterFunc("sorted", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) != 1 {
			return nil, Errorf(TypeError, "sorted expected 1 argument, got %d", len(args))
		}
		opts, err := keywordArgs("sort", kw, "key", "reverse")
		if err != nil {
			return nil, err
		}
		items, err := Collect(t, args[0])
		if err != nil {
			return nil, err
		}
		if err := sortValues(t, items, opts["key"], opts["reverse"]); err != nil {
			return nil, err
		}
		return NewList(items), nil
	})
	RegisterFunc("sum", builtinSum)
	RegisterFunc("min", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return minMax(t, args, kw, "min") })
	RegisterFunc("max", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return minMax(t, args, kw, "max") })
	RegisterFunc("any", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return anyAll(t, args, kw, "any") })
	RegisterFunc("all", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return anyAll(t, args, kw, "all") })
}

// zipBatch is how many of its tuples zip carves from one backing array:
// fewer allocations per step, for a little memory held while any of them
// lives.
const zipBatch = 16

// zipStrictError is zip(strict=True)'s complaint when iterator i ran out
// first (or when a later one still has items).
func zipStrictError(t *Thread, srcs []Iterator, i int) error {
	if i > 0 {
		if i == 1 {
			return Errorf(ValueError, "zip() argument 2 is shorter than argument 1")
		}
		return Errorf(ValueError, "zip() argument %d is shorter than arguments 1-%d", i+1, i)
	}
	for j := 1; j < len(srcs); j++ {
		v, err := srcs[j].Next(t)
		if err != nil {
			return err
		}
		if v != nil {
			if j == 1 {
				return Errorf(ValueError, "zip() argument 2 is longer than argument 1")
			}
			return Errorf(ValueError, "zip() argument %d is longer than arguments 1-%d", j+1, j)
		}
	}
	return nil
}

// reversedOf is reversed(v): __reversed__, or the sequence protocol.
func reversedOf(t *Thread, v Value) (Value, error) {
	var items []Value
	typ := ReversedType
	switch x := v.(type) {
	case *List:
		if t.tracer != nil { // the iterator walks a copy
			t.itemsEvent(ReadItems, x, "__reversed__")
		}
		items, typ = x.snapshot(t), ListReverseIterType
	case Tuple:
		items = x
	case *Range:
		n := x.Len()
		if n == 0 {
			return &rangeIter{}, nil
		}
		return &rangeIter{next: x.Start + int64(n-1)*x.Step, step: -x.Step, left: n}, nil
	case *bigRange:
		return x.reversed(), nil
	case Str, Bytes:
		var err error
		if items, err = Collect(t, v); err != nil {
			return nil, err
		}
	case *Dict:
		if t.tracer != nil { // the iterator walks a copy
			t.itemsEvent(ReadItems, x, "__reversed__")
		}
		items = x.Keys()
	default:
		if m := v.Type().Lookup("__reversed__"); m != nil {
			return CallValue(t, m, []Value{v}, nil)
		}
		if v.Type().Lookup("__getitem__") == nil || v.Type().Lookup("__len__") == nil {
			return nil, Errorf(TypeError, "'%s' object is not reversible", TypeName(v))
		}
		n, err := Len(t, v)
		if err != nil {
			return nil, err
		}
		i := n
		return &goIter{typ: ReversedType, next: func(t *Thread) (Value, error) {
			if i <= 0 {
				return nil, nil
			}
			i--
			return GetItem(t, v, Int(i))
		}}, nil
	}
	i := len(items)
	return &goIter{typ: typ, next: func(t *Thread) (Value, error) {
		if i == 0 {
			return nil, nil
		}
		i--
		return items[i], nil
	}}, nil
}

func builtinIter(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs("iter", kw); err != nil {
		return nil, err
	}
	if err := ArgCount("iter", args, 1, 2); err != nil {
		return nil, err
	}
	if len(args) == 1 {
		return Iterate(t, args[0])
	}
	fn, sentinel := args[0], args[1]
	if !isCallable(fn) {
		return nil, Errorf(TypeError, "iter(v, w): v must be callable")
	}
	return &goIter{typ: CallableIteratorType, guard: iterGuard{reentrant: true}, next: func(t *Thread) (Value, error) {
		v, err := CallValue(t, fn, nil, nil)
		if err != nil {
			return nil, err
		}
		eq, err := Equal(t, v, sentinel)
		if eq || err != nil {
			return nil, err
		}
		return v, nil
	}}, nil
}

func builtinNext(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs("next", kw); err != nil {
		return nil, err
	}
	if err := ArgCount("next", args, 1, 2); err != nil {
		return nil, err
	}
	// Next keeps a generator's return value on its StopIteration
	v, err := Next(t, args[0])
	if err != nil && len(args) == 2 && ErrorMatches(err, StopIteration) {
		return args[1], nil
	}
	return v, err
}

func builtinSum(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	var it, start Value
	if len(args) > 2 {
		return nil, Errorf(TypeError, "sum() takes at most 2 arguments (%d given)", len(args))
	}
	if err := UnpackArgs("sum", args, kw, []string{"iterable", "start?"}, &it, &start); err != nil {
		return nil, err
	}
	var acc Value = Int(0)
	if start != nil {
		switch start.(type) {
		case Str:
			return nil, Errorf(TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
		case Bytes:
			return nil, Errorf(TypeError, "sum() can't sum bytes [use b''.join(seq) instead]")
		}
		acc = start
	}
	src, err := Iterate(t, it)
	if err != nil {
		return nil, err
	}
	// An int total stays in n until a value that is not an int or an
	// overflow needs Binary: no Value, so no allocation, per item.
	n, small := acc.(Int)
	for {
		v, err := src.Next(t)
		if err != nil {
			return nil, err
		}
		if v == nil {
			if small {
				return boxInt(n), nil
			}
			return acc, nil
		}
		if small {
			if b, ok := v.(Int); ok {
				if c := n + b; (c > n) == (b > 0) {
					n = c
					continue
				}
			}
			acc, small = n, false
		}
		if acc, err = Binary(t, opAdd, acc, v); err != nil {
			return nil, err
		}
	}
}

// collectSteps is Collect by iteration, a step at a time, even of a list.
func collectSteps(t *Thread, v Value) ([]Value, error) {
	it, err := Iterate(t, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	for {
		e, err := it.Next(t)
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		if err := checkItems(len(out)+1, slotBytes); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
}

// minMax is min() and max(): one iterable (with an optional default) or
// several arguments, with an optional key.
func minMax(t *Thread, args []Value, kw []Kwarg, name string) (Value, error) {
	opts, err := keywordArgs(name, kw, "key", "default")
	if err != nil {
		return nil, err
	}
	var items []Value
	switch len(args) {
	case 0:
		return nil, Errorf(TypeError, "%s expected at least 1 argument, got 0", name)
	case 1:
		if t.tracer != nil {
			// step by step, as CPython's min and max iterate, so that a
			// tracer hears of each step of a list or dict
			items, err = collectSteps(t, args[0])
		} else {
			items, err = Collect(t, args[0])
		}
		if err != nil {
			return nil, err
		}
	default:
		if opts["default"] != nil {
			return nil, Errorf(TypeError, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args
	}
	if len(items) == 0 {
		if d := opts["default"]; d != nil {
			return d, nil
		}
		return nil, Errorf(ValueError, "%s() arg is an empty sequence", name)
	}
	key := opts["key"]
	keyOf := func(v Value) (Value, error) {
		if key == nil || key == None {
			return v, nil
		}
		return CallValue(t, key, []Value{v}, nil)
	}
	best := items[0]
	bestKey, err := keyOf(best)
	if err != nil {
		return nil, err
	}
	for _, v := range items[1:] {
		k, err := keyOf(v)
		if err != nil {
			return nil, err
		}
		var better bool
		if name == "min" {
			better, err = less(t, k, bestKey)
		} else {
			better, err = greater(t, k, bestKey)
		}
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = v, k
		}
	}
	return best, nil
}

func anyAll(t *Thread, args []Value, kw []Kwarg, name string) (Value, error) {
	if err := NoKwargs(name, kw); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, Errorf(TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	src, err := Iterate(t, args[0])
	if err != nil {
		return nil, err
	}
	for {
		v, err := src.Next(t)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return Bool(name == "all"), nil
		}
		ok, err := Truth(t, v)
		if err != nil {
			return nil, err
		}
		if ok == (name == "any") {
			return Bool(ok), nil
		}
	}
}

// isCallable is callable(v).
func isCallable(v Value) bool {
	switch v.(type) {
	case Callable, *Type:
		return true
	}
	return v.Type().Lookup("__call__") != nil
}

// greater is x > y as a Go bool (max compares with >, as CPython does,
// which its error messages show).
func greater(t *Thread, x, y Value) (bool, error) {
	switch a := x.(type) {
	case Int:
		if b, ok := y.(Int); ok {
			return a > b, nil
		}
	case Float:
		if b, ok := y.(Float); ok {
			return a > b, nil
		}
	case Str:
		if b, ok := y.(Str); ok {
			return a > b, nil
		}
	}
	r, err := Compare(t, compile.Gt, x, y)
	if err != nil {
		return false, err
	}
	return Truth(t, r)
}

// filterIter is filter(fn, xs) when keep is true and
// itertools.filterfalse(fn, xs) when it is false: the items whose truth, or
// the truth of fn(item) when fn is not None, equals keep.
func filterIter(t *Thread, typ *Type, name string, args []Value, kw []Kwarg, keep bool) (Value, error) {
	if err := NoKwargs(name, kw); err != nil {
		return nil, err
	}
	if err := ArgCount(name, args, 2, 2); err != nil {
		return nil, err
	}
	fn := args[0]
	src, err := Iterate(t, args[1])
	if err != nil {
		return nil, err
	}
	return &goIter{typ: typ, guard: iterGuard{reentrant: true}, next: func(t *Thread) (Value, error) {
		for {
			v, err := src.Next(t)
			if v == nil || err != nil {
				return nil, err
			}
			test := v
			if fn != None {
				if test, err = CallValue(t, fn, []Value{v}, nil); err != nil {
					return nil, err
				}
			}
			ok, err := Truth(t, test)
			if err != nil {
				return nil, err
			}
			if ok == keep {
				return v, nil
			}
		}
	}}, nil
}
