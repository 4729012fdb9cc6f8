package python

import "unicode/utf8"

// Iterate is iter(v) as a Go Iterator.
func Iterate(t *Thread, v Value) (Iterator, error) {
	switch x := v.(type) {
	case *List:
		return &listIter{l: x}, nil
	case Tuple:
		return &tupleIter{tup: x}, nil
	case *Range:
		return &rangeIter{next: x.Start, step: x.Step, left: x.Len()}, nil
	case Str:
		return &strIter{s: string(x)}, nil
	case *Dict:
		return NewDictIter(x, DictKeys), nil
	case *Set:
		// the iterator walks a copy: a tracer hears of it as one read
		if t.tracer != nil && !x.frozen {
			t.itemsEvent(ReadItems, x, "__iter__")
		}
		return &tupleIter{tup: x.Elems(), typ: SetIterType}, nil
	case Bytes:
		tup := make(Tuple, len(x))
		for i := range tup {
			tup[i] = Int(x[i])
		}
		return &tupleIter{tup: tup, typ: BytesIterType}, nil
	case Iterator:
		return x, nil
	case Iterable:
		return x.Iter(t)
	}
	if m := v.Type().Lookup("__iter__"); m != nil && m != None {
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return nil, err
		}
		if it, ok := r.(Iterator); ok {
			return it, nil
		}
		if r.Type().Lookup("__next__") == nil {
			return nil, Errorf(TypeError, "iter() returned non-iterator of type '%s'", TypeName(r))
		}
		return &pyIter{obj: r}, nil
	}
	if b := baseOf(v); b != nil {
		return Iterate(t, b)
	}
	if m := v.Type().Lookup("__getitem__"); m != nil {
		return &getitemIter{obj: v, get: m}, nil
	}
	return nil, Errorf(TypeError, "'%s' object is not iterable", TypeName(v))
}

// Collect iterates v to the end and returns its items. A tracer hears
// of a mutable built-in container collected as one read of it all
// (ReadItems, named "__iter__"), as list(c), sorted(c) and [*c] copy it
// in one atomic operation in free-threaded CPython.
func Collect(t *Thread, v Value) ([]Value, error) {
	if t.tracer != nil && itemsTraced(v) {
		t.itemsEvent(ReadItems, v, "__iter__")
		return collectQuiet(t, v)
	}
	switch x := v.(type) {
	case *List:
		return x.snapshot(t), nil
	case Tuple:
		return append([]Value(nil), x...), nil
	}
	return collectSteps(t, v)
}

// itemsTraced reports whether x is a container whose reads as a whole a
// tracer hears of: the mutable built-in ones, whose method calls are
// reported too (itemsAccess).
func itemsTraced(x Value) bool {
	switch o := x.(type) {
	case *List, *Dict, *deque, *dictSub:
		return true
	case *Set:
		return !o.frozen
	}
	return false
}

// readAll reports a read of all of x's items at once by operation name
// (len's "__len__"), if x is a container a tracer hears of (the caller
// has checked t.tracer).
func (t *Thread) readAll(x Value, name string) {
	if itemsTraced(x) {
		t.itemsEvent(ReadItems, x, name)
	}
}

// collectQuiet is Collect of a container itemsTraced accepts, with no
// events: the caller reported the read.
func collectQuiet(t *Thread, v Value) ([]Value, error) {
	var it Iterator
	switch x := v.(type) {
	case *List:
		return x.snapshot(t), nil
	case *Set:
		return x.Elems(), nil
	case *deque:
		return x.snapshot(), nil
	case *Dict:
		it = &dictIter{d: x, size: x.Len()}
	case *dictSub:
		it = &dictIter{d: x.d, size: x.d.Len()}
	}
	var out []Value
	for {
		e, err := it.Next(t)
		if e == nil || err != nil {
			return out, err
		}
		out = append(out, e)
	}
}

type listIter struct {
	l *List
	i int
}

func (*listIter) Type() *Type { return ListIterType }

// Next is the next item, nil at the end. With a tracer, each step is the
// read of item i, as each next() of a list iterator is one atomic read in
// free-threaded CPython; the step that finds the end reads item len as
// absent.
func (it *listIter) Next(t *Thread) (Value, error) {
	if t.tracer != nil {
		return it.tracedNext(t), nil
	}
	return it.next(t), nil
}

func (it *listIter) next(t *Thread) Value {
	v, ok := it.l.index(t, it.i)
	if !ok {
		return nil
	}
	it.i++
	return v
}

// tracedNext is next, announced and reported as the read of item i (the
// caller has checked t.tracer).
func (it *listIter) tracedNext(t *Thread) Value {
	k := Int(it.i)
	t.announce(ReadItem, it.l, "", k, nil)
	v := it.next(t)
	t.emit(ReadItem, it.l, "", k, v)
	return v
}

type tupleIter struct {
	tup Tuple
	i   int
	typ *Type
}

func (it *tupleIter) Type() *Type {
	if it.typ != nil {
		return it.typ
	}
	return TupleIterType
}

func (it *tupleIter) Next(*Thread) (Value, error) {
	if it.i >= len(it.tup) {
		return nil, nil
	}
	v := it.tup[it.i]
	it.i++
	return v, nil
}

type rangeIter struct {
	next, step int64
	left       int
}

func (*rangeIter) Type() *Type { return RangeIterType }

func (it *rangeIter) Next(t *Thread) (Value, error) {
	if it.left <= 0 {
		return nil, nil
	}
	if err := t.tick(); err != nil {
		return nil, err
	}
	v := it.next
	it.next += it.step
	it.left--
	return Int(v), nil
}

type strIter struct {
	s string
	i int
}

func (*strIter) Type() *Type { return StrIterType }

func (it *strIter) Next(*Thread) (Value, error) {
	if it.i >= len(it.s) {
		return nil, nil
	}
	if c := it.s[it.i]; c < utf8.RuneSelf {
		it.i++
		return Str(it.s[it.i-1 : it.i]), nil
	}
	_, n := utf8.DecodeRuneInString(it.s[it.i:])
	it.i += n
	return Str(it.s[it.i-n : it.i]), nil
}

// DictIterKind selects what a dict iterator yields.
type DictIterKind uint8

// The kinds of dict iterators.
const (
	DictKeys DictIterKind = iota
	DictValues
	DictItems
)

type dictIter struct {
	d    *Dict
	i    int
	kind DictIterKind
	size int
	// obj is the container a tracer hears each step read (d, or the
	// defaultdict, Counter or OrderedDict around it); nil for none.
	obj Value
}

// NewDictIter iterates over a dict's keys, values or (key, value) tuples.
// Like CPython's, it fails if the dict changes size meanwhile.
func NewDictIter(d *Dict, kind DictIterKind) Iterator {
	return &dictIter{d: d, kind: kind, size: d.Len(), obj: d}
}

func (it *dictIter) Type() *Type {
	return [...]*Type{DictKeyIterType, DictValueIterType, DictItemIterType}[it.kind]
}

// Next is the next key, value or pair, nil at the end. With a tracer,
// each step is one read of the dict as a whole (ReadItems, "__next__"):
// which entry it reads depends on every key the dict holds.
func (it *dictIter) Next(t *Thread) (Value, error) {
	if t.tracer != nil && it.obj != nil {
		t.itemsEvent(ReadItems, it.obj, "__next__")
	}
	for {
		k, v, live, ok := it.d.entryAt(t, it.i)
		if live != it.size {
			it.size = -1
			return nil, Errorf(RuntimeError, "dictionary changed size during iteration")
		}
		if !ok {
			return nil, nil
		}
		it.i++
		if k == nil {
			continue
		}
		switch it.kind {
		case DictValues:
			return v, nil
		case DictItems:
			return Tuple{k, v}, nil
		}
		return k, nil
	}
}

// pyIter adapts an object with __next__ to Iterator.
type pyIter struct{ obj Value }

func (it *pyIter) Type() *Type { return it.obj.Type() }

func (it *pyIter) Next(t *Thread) (Value, error) {
	m := it.obj.Type().Lookup("__next__")
	if m == nil {
		return nil, Errorf(TypeError, "'%s' object is not an iterator", TypeName(it.obj))
	}
	v, err := CallValue(t, m, []Value{it.obj}, nil)
	if err != nil {
		if ErrorMatches(err, StopIteration) {
			return nil, nil
		}
		return nil, err
	}
	return v, nil
}

// getitemIter iterates the old way, by x[0], x[1], ... until IndexError.
type getitemIter struct {
	obj Value
	get Value
	i   int
}

func (*getitemIter) Type() *Type { return IteratorType }

func (it *getitemIter) Next(t *Thread) (Value, error) {
	v, err := CallValue(t, it.get, []Value{it.obj, Int(it.i)}, nil)
	if err != nil {
		if ErrorMatches(err, IndexError) || ErrorMatches(err, StopIteration) {
			return nil, nil
		}
		return nil, err
	}
	it.i++
	return v, nil
}
