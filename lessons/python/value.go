package python

import (
	"math/big"
	"slices"
	"sync"
)

// Value is any Python object. Its Type is the Python class of the value
// (type(v) in Python). Every Go type that implements Value is a distinct
// Python type or a family sharing one (Int and *BigInt are both int).
//
// Values are used from many goroutines at once (there is no GIL inside the
// interpreter): immutable values need nothing, mutable ones guard their
// state with their own mutex so that each single operation is atomic
// (lists and dicts skip it while their host serialises the threads:
// serial.go).
type Value interface {
	Type() *Type
}

// The optional interfaces below let a Go value type take part in the
// protocols the interpreter runs (len, iteration, subscription, calls,
// attribute access). A Go type may instead, or in addition, register
// dunder methods (__len__, __iter__, ...) on its *Type; the interpreter tries
// the Go interface first and then the type's attributes.

// Sized values have a length (len(x)).
type Sized interface {
	Value
	Len() int
}

// Iterable values can be iterated over (iter(x), for loops).
type Iterable interface {
	Value
	Iter(t *Thread) (Iterator, error)
}

// Iterator yields values; Next returns (nil, nil) when the iterator is
// exhausted (StopIteration is not used between Go callers).
type Iterator interface {
	Value
	Next(t *Thread) (Value, error)
}

// Indexable values support x[k].
type Indexable interface {
	Value
	GetItem(t *Thread, key Value) (Value, error)
}

// ItemSetter values support x[k] = v and del x[k] (v == nil).
type ItemSetter interface {
	Value
	SetItem(t *Thread, key, v Value) error
}

// Container values support `v in x`.
type Container interface {
	Value
	Contains(t *Thread, v Value) (bool, error)
}

// Callable values can be called with positional and keyword arguments.
// args is only valid during the call (it may alias the caller's stack):
// copy it to keep it.
type Callable interface {
	Value
	Call(t *Thread, args []Value, kw []Kwarg) (Value, error)
}

// Kwarg is one keyword argument of a call, in call order.
type Kwarg struct {
	Name  string
	Value Value
}

// HasAttrs values have attributes resolved by Go code (modules, for
// example). Attr returns (nil, nil) if there is no such attribute.
type HasAttrs interface {
	Value
	Attr(t *Thread, name string) (Value, error)
}

// Reprer values compute their own repr() (and str(), unless they are
// Strer too).
type Reprer interface {
	Value
	Repr(t *Thread) (string, error)
}

// Hasher values compute their own hash(); unhashable types return a
// TypeError.
type Hasher interface {
	Value
	Hash(t *Thread) (int64, error)
}

// ---- the simple immutable values ----

// NoneType is the type of None.
type NoneType struct{}

// None is Python's None.
var None Value = NoneType{}

func (NoneType) Type() *Type { return NoneTypeType }

// Bool is True or False; its type bool is a subclass of int.
type Bool bool

// True and False are Python's booleans.
const (
	True  = Bool(true)
	False = Bool(false)
)

func (Bool) Type() *Type { return BoolType }

// Int is an int that fits in 64 bits: the fast path. Results that
// overflow become *BigInt; a *BigInt that fits becomes an Int again, so
// an int has exactly one representation.
type Int int64

func (Int) Type() *Type { return IntType }

// BigInt is an int outside the int64 range. It is immutable.
type BigInt struct{ v *big.Int }

func (*BigInt) Type() *Type { return IntType }

// Big returns the value (do not modify it).
func (b *BigInt) Big() *big.Int { return b.v }

// MakeBigInt returns the int with value x (x is not retained if it fits
// into an Int; otherwise it is kept, so the caller must not change it).
func MakeBigInt(x *big.Int) Value {
	if x.IsInt64() {
		return Int(x.Int64())
	}
	return &BigInt{x}
}

// Float is a Python float.
type Float float64

func (Float) Type() *Type { return FloatType }

// Str is a Python str, held as UTF-8. Indexes and lengths are in code
// points, as in Python.
type Str string

func (Str) Type() *Type { return StrType }

// Bytes is a Python bytes object.
type Bytes string

func (Bytes) Type() *Type { return BytesType }

// Tuple is an immutable sequence. A Tuple must not be modified once it has
// been handed to Python code.
type Tuple []Value

func (Tuple) Type() *Type { return TupleType }

// Len reports the number of items.
func (t Tuple) Len() int { return len(t) }

// NotImplementedType is the type of NotImplemented, which binary dunder
// methods return to let the other operand try.
type NotImplementedType struct{}

// NotImplemented is Python's NotImplemented.
var NotImplemented Value = NotImplementedType{}

func (NotImplementedType) Type() *Type { return NotImplementedTypeType }

// EllipsisType is the type of Ellipsis (...).
type EllipsisType struct{}

// Ellipsis is Python's `...`.
var Ellipsis Value = EllipsisType{}

func (EllipsisType) Type() *Type { return EllipsisTypeType }

// ---- mutable containers ----

// List is a Python list. Each method is atomic: it holds the list's
// mutex, unless the calling thread's interpreter is serialised
// (serial.go). No method runs Python code while it holds the mutex.
type List struct {
	mu    sync.Mutex
	elems []Value
}

// NewList returns a list holding elems (retained, not copied).
func NewList(elems []Value) *List { return &List{elems: elems} }

func (*List) Type() *Type { return ListType }

// unlock releases l.mu if Thread.lock took it.
func (l *List) unlock(locked bool) { unlock(&l.mu, locked) }

// Len reports the number of items.
func (l *List) Len() int { return l.length(nil) }

// length is Len for thread t.
func (l *List) length(t *Thread) int {
	locked := t.lock(&l.mu)
	n := len(l.elems)
	l.unlock(locked)
	return n
}

// Snapshot returns a copy of the items at one instant.
func (l *List) Snapshot() []Value { return l.snapshot(nil) }

// snapshot is Snapshot for thread t.
func (l *List) snapshot(t *Thread) []Value {
	locked := t.lock(&l.mu)
	s := make([]Value, len(l.elems))
	copy(s, l.elems)
	l.unlock(locked)
	return s
}

// Append adds v at the end.
func (l *List) Append(v Value) { l.append(nil, v) }

// append is Append for thread t.
func (l *List) append(t *Thread, v Value) {
	locked := t.lock(&l.mu)
	l.elems = append(growFull(l.elems), v)
	l.unlock(locked)
}

// appendFresh is Append for a list no other thread can see yet (one a
// comprehension or display is building), so it takes no lock.
func (l *List) appendFresh(v Value) {
	l.elems = append(growFull(l.elems), v)
}

// growFull returns s with room for one more element, doubling a full
// slice: append alone grows a large slice by a quarter at a time, so
// building a list or dict item by item copies it many more times.
func growFull[T any](s []T) []T {
	if len(s) < cap(s) || len(s) < 256 {
		return s
	}
	return slices.Grow(s, len(s))
}

// Index returns item i (0 <= i < Len), or false if i is out of range now.
func (l *List) Index(i int) (Value, bool) { return l.index(nil, i) }

// index is Index for thread t.
func (l *List) index(t *Thread, i int) (Value, bool) {
	locked := t.lock(&l.mu)
	defer l.unlock(locked)
	if i < 0 || i >= len(l.elems) {
		return nil, false
	}
	return l.elems[i], true
}

// Update runs f with the list's items under the list's mutex: f may read
// and replace them (return the new slice). f must not call Python code or
// touch this list through other methods.
func (l *List) Update(f func(elems []Value) []Value) { l.update(nil, f) }

// update is Update for thread t.
func (l *List) update(t *Thread, f func(elems []Value) []Value) {
	locked := t.lock(&l.mu)
	l.elems = f(l.elems)
	l.unlock(locked)
}

// Instance is an instance of a user-defined class whose layout is plain
// object (not an exception). Its attributes live in its own dict.
type Instance struct {
	class *Type
	dict  *Dict
	base  Value // for a subclass of a built-in type: the built-in value (a Str, a *List, ...)
}

// Base returns the built-in value inside an instance of a user subclass
// of a built-in type (class Name(str), class Worker(threading.Thread)),
// or nil.
func (o *Instance) Base() Value { return o.base }

// baseOf unwraps an instance of a subclass of a built-in type.
func baseOf(v Value) Value {
	if o, ok := v.(*Instance); ok && o.base != nil {
		return o.base
	}
	return nil
}

// unwrap returns the built-in value inside v, or v itself.
func unwrap(v Value) Value {
	if b := baseOf(v); b != nil {
		return b
	}
	return v
}

func (o *Instance) Type() *Type { return o.class }

// Dict returns the instance's attribute dictionary (__dict__).
func (o *Instance) Dict() *Dict { return o.dict }

// Cell is a variable shared between a function and the closures defined
// in it. Its value is nil while unbound. Like a list's, its methods hold
// its mutex unless the thread's interpreter is serialised.
type Cell struct {
	mu sync.Mutex
	v  Value
}

func (*Cell) Type() *Type { return CellType }

// Get returns the value (nil if unbound).
func (c *Cell) Get() Value { return c.get(nil) }

// get is Get for thread t.
func (c *Cell) get(t *Thread) Value {
	locked := t.lock(&c.mu)
	v := c.v
	unlock(&c.mu, locked)
	return v
}

// Set rebinds the cell.
func (c *Cell) Set(v Value) { c.set(nil, v) }

// set is Set for thread t.
func (c *Cell) set(t *Thread, v Value) {
	locked := t.lock(&c.mu)
	c.v = v
	unlock(&c.mu, locked)
}

// Range is range(start, stop, step).
type Range struct{ Start, Stop, Step int64 }

func (*Range) Type() *Type { return RangeType }

// Len reports how many ints the range yields.
func (r *Range) Len() int {
	if r.Step > 0 && r.Start < r.Stop {
		return int((r.Stop-r.Start-1)/r.Step + 1)
	}
	if r.Step < 0 && r.Start > r.Stop {
		return int((r.Start-r.Stop-1)/-r.Step + 1)
	}
	return 0
}

// Attr gives a range's start, stop and step.
func (r *Range) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "start":
		return Int(r.Start), nil
	case "stop":
		return Int(r.Stop), nil
	case "step":
		return Int(r.Step), nil
	}
	return nil, nil
}

// Slice is slice(start, stop, step); absent parts are None.
type Slice struct{ Start, Stop, Step Value }

func (*Slice) Type() *Type { return SliceType }

// Attr gives a slice's start, stop and step.
func (s *Slice) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "start":
		return s.Start, nil
	case "stop":
		return s.Stop, nil
	case "step":
		return s.Step, nil
	}
	return nil, nil
}

// Traceback is the traceback object of a raised exception (__traceback__,
// the third argument of __exit__): the innermost entry's line.
type Traceback struct {
	exc *Exception
}

func (*Traceback) Type() *Type { return TracebackType }

// Attr gives tb_lineno and tb_next.
func (tb *Traceback) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "tb_lineno":
		if n := len(tb.exc.tb); n > 0 {
			return Int(tb.exc.tb[n-1].line), nil
		}
		return Int(0), nil
	case "tb_next":
		return None, nil
	}
	return nil, nil
}
