package python

import (
	"math"
	"math/bits"
	"sync"
	"sync/atomic"
)

// Namespace dicts (module globals and builtins) keep each value in a
// *slot: the interpreter's LOAD_GLOBAL and STORE_GLOBAL remember the slot
// of their name and then read and write it without the dict's mutex.
// Every other dict operation still runs under the mutex and goes through
// the slot.
//
// A slot holds its value in one of three ways. Boxed: box points to an
// immutable box with the value, so a read is two atomic loads and a write
// one compare-and-swap. Boxing costs an allocation unless the value is
// one of the shared boxes (None, the bools), so ints and most floats are
// held as bits instead: box points to the bitsBox marker and the value is
// in bits, one word that says both the kind and the value (intBits,
// floatBits), written with one compare-and-swap (a read makes the
// Value), or, while the host serialises the interpreter's threads
// (serial.go), with a plain store: the compare-and-swap's cost is a
// tenth of the tutorial's race. Long ints and strings are held locked:
// box points to lockedBox and the value sits in v under the slot's
// mutex. Functions, classes, modules and containers are boxed: they are
// read far more often than rebound, while a counter is rebound at every
// step.
//
// A change of way (and a delete) happens under the slot's mutex; a write
// that keeps the way does not take it. bits is zero whenever the slot is
// not settled in the bits way: a change of way out of it first sets bits
// to zero, and one into it sets box before bits. So a nonzero bits is the
// slot's value at the instant it is read, kind and all; a reader that
// finds zero takes the mutex; and a bits write, a compare-and-swap from a
// nonzero bits, cannot land once the slot has left the way (it falls
// back to the mutex). Every read therefore returns a value some write
// stored, in one order of the writes that all readers agree on, as each
// single operation is atomic in free-threaded CPython.
//
// A slot belongs to one key of one dict for its whole life. Deleting the
// key (or clearing the dict) kills the slot by setting its box to nil; a
// later insert of the same key makes a new slot. So a remembered slot
// either holds the key's current value or is dead, and a writer can never
// resurrect a deleted key.

// slot is one binding of a namespace dict. It is stored as the entry's
// value and never reaches Python code.
type slot struct {
	owner *Dict
	box   atomic.Pointer[valueBox] // nil once the key is gone; or a marker
	bits  uint64                   // box bitsBox: the value (intBits, floatBits); else 0. Atomic but while serialised
	mu    sync.Mutex               // guards v and every change of way
	v     Value                    // box lockedBox: the value
}

func (*slot) Type() *Type { return ObjectType }

// valueBox holds a value behind a pointer, so that it can be swapped
// atomically. Boxes are immutable.
type valueBox struct{ v Value }

// boxedNone and boxedBool are the boxes of None, False and True, so that
// storing them allocates nothing. Read-only.
var (
	boxedNone = valueBox{None}
	boxedBool = [2]valueBox{{False}, {True}}
)

// The markers of the ways a slot holds a value other than boxed.
// Read-only.
var (
	bitsBox   = &valueBox{}
	lockedBox = &valueBox{}
)

// The bits of a value held as bits. An int c in (-2**61, 2**61) is c<<2
// with its top bit flipped: its low two bits are 0. A float is its IEEE
// bits rotated left by 3 and xored with 3, which brings exponent bits 62
// and 61 to the low two bits, inverted: every float but those with both
// set (magnitude at least 2**513, infinities, NaNs) has low bits other
// than 0. Zero, which would be the bits of -2**61, means no value. The
// other ints and floats are boxed or held locked.
const (
	floatRot, floatMark = 3, 3
	intMark             = 1 << 63
)

// floatBits returns the bits holding f, or 0 if f is not held as bits.
func floatBits(f Float) uint64 {
	if b := math.Float64bits(float64(f)); b>>61&3 != 3 {
		return bits.RotateLeft64(b, floatRot) ^ floatMark
	}
	return 0
}

// intBits returns the bits holding c, or 0 if c is not held as bits.
func intBits(c Int) uint64 {
	if uint64(c)+1<<61-1 >= 1<<62-1 {
		return 0
	}
	return uint64(c)<<2 ^ intMark
}

// bitsInt returns the int held as w, bits whose low two bits are 0.
func bitsInt(w uint64) Int { return Int(int64(w^intMark) >> 2) }

// bitsValue returns the value held as w, nonzero bits.
func bitsValue(w uint64) Value {
	if w&3 == 0 {
		return boxInt(bitsInt(w))
	}
	return Float(math.Float64frombits(bits.RotateLeft64(w^floatMark, -floatRot)))
}

// boxOf returns a box holding v, or the marker of the way a slot holds v
// with the bits that hold it.
func boxOf(v Value) (*valueBox, uint64) {
	switch x := v.(type) {
	case Int:
		if w := intBits(x); w != 0 {
			return bitsBox, w
		}
	case Float:
		if w := floatBits(x); w != 0 {
			return bitsBox, w
		}
	case Bool:
		if x {
			return &boxedBool[1], 0
		}
		return &boxedBool[0], 0
	case NoneType:
		return &boxedNone, 0
	case *BigInt, Str:
		return lockedBox, 0
	}
	return &valueBox{v}, 0
}

// marker reports whether b is one of the markers rather than a box.
func marker(b *valueBox) bool { return b == bitsBox || b == lockedBox }

// load returns the slot's value, or nil if the slot is dead.
func (s *slot) load() Value {
	b := s.box.Load()
	if b != nil && !marker(b) {
		return b.v
	}
	if b == bitsBox {
		if w := atomic.LoadUint64(&s.bits); w != 0 {
			return bitsValue(w)
		}
	}
	return s.loadLocked()
}

// loadLocked is load under the mutex: for a slot held locked, dead, or
// changing its way.
func (s *slot) loadLocked() Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.value()
}

// loadInt returns the slot's value if it is an Int; ok is false if it is
// not, the slot is dead, or it is changing its way. It makes no Value of
// an int held as bits.
func (s *slot) loadInt() (c Int, ok bool) {
	switch b := s.box.Load(); b {
	case bitsBox:
		w := atomic.LoadUint64(&s.bits)
		return bitsInt(w), w != 0 && w&3 == 0
	case nil, lockedBox:
		return 0, false
	default:
		c, ok = b.v.(Int)
		return c, ok
	}
}

// value returns the slot's value, or nil if it is dead. s.mu is held.
func (s *slot) value() Value {
	switch b := s.box.Load(); b {
	case nil:
		return nil
	case bitsBox:
		return bitsValue(atomic.LoadUint64(&s.bits))
	case lockedBox:
		return s.v
	default:
		return b.v
	}
}

// store rebinds a live slot to v; it reports false if the slot is dead.
// serial says that the host serialises the interpreter's threads.
func (s *slot) store(v Value, serial bool) bool {
	if x, ok := v.(Int); ok && s.storeBits(x, serial) {
		return true
	}
	return s.storeSlow(v, serial)
}

// storeBits rebinds a slot that holds its value as bits to c; it reports
// false, doing nothing, if the slot holds its value otherwise (or is
// dead), or c is not held as bits.
func (s *slot) storeBits(c Int, serial bool) bool {
	w := intBits(c)
	return w != 0 && s.writeBits(w, serial)
}

// writeBits stores w, nonzero bits, in a slot that holds its value as
// bits; it reports false, doing nothing, if the slot holds its value
// otherwise. While serialised no other thread runs, and every change of
// way is made by a thread that holds the turn, so a plain store serves.
func (s *slot) writeBits(w uint64, serial bool) bool {
	if serial {
		if s.bits == 0 {
			return false
		}
		s.bits = w
		return true
	}
	for {
		old := atomic.LoadUint64(&s.bits)
		if old == 0 {
			return false
		}
		if atomic.CompareAndSwapUint64(&s.bits, old, w) {
			return true
		}
	}
}

// storeSlow is store for any value.
func (s *slot) storeSlow(v Value, serial bool) bool {
	nb, w := boxOf(v)
	switch old := s.box.Load(); {
	case old == nil:
		return false
	case nb == bitsBox && s.writeBits(w, serial):
		return true
	case !marker(nb) && !marker(old) && s.box.CompareAndSwap(old, nb):
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.box.Load() == nil {
		return false
	}
	s.set(v, nb, w)
	return true
}

// set makes the slot hold v (boxed as nb, w). s.mu is held, or s is new.
// The order of the stores keeps bits zero while the slot is not settled
// in the bits way.
func (s *slot) set(v Value, nb *valueBox, w uint64) {
	s.v = nil
	if nb == bitsBox {
		s.box.Store(bitsBox)
		atomic.StoreUint64(&s.bits, w)
		return
	}
	atomic.StoreUint64(&s.bits, 0)
	if nb == lockedBox {
		s.v = v
	}
	s.box.Store(nb)
}

// kill marks the slot dead and returns the value it held.
func (s *slot) kill() Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	var v Value
	if w := atomic.SwapUint64(&s.bits, 0); w != 0 { // no bits write lands after this
		v = bitsValue(w)
	} else {
		v = s.value()
	}
	s.box.Store(nil)
	s.v = nil
	return v
}

// newSlot returns a live slot of d holding v.
func newSlot(d *Dict, v Value) *slot {
	s := &slot{owner: d}
	nb, w := boxOf(v)
	s.set(v, nb, w)
	return s
}

// globalCache is what a LOAD_GLOBAL or STORE_GLOBAL instruction remembers
// of its name; it is replaced, never changed. Either global is the name's
// slot in the module's dict, or the name was absent from dict while its
// key version was version and builtin is its slot in the builtins.
type globalCache struct {
	dict    *Dict
	global  *slot
	version uint64
	builtin *slot
}

// loadCached returns the value of the global name of an instruction whose
// cache is c, or nil if neither d (the module's namespace) nor builtins
// binds it; global reports that d binds it.
func loadCached(c *atomic.Pointer[globalCache], d, builtins *Dict, name string) (v Value, global bool) {
	if gc := c.Load(); gc != nil && gc.dict == d {
		if gc.global != nil {
			if v := gc.global.load(); v != nil {
				return v, true
			}
		} else if d.meta.Load() == gc.version && gc.builtin.owner == builtins {
			if v := gc.builtin.load(); v != nil {
				return v, false
			}
		}
	}
	if d.kind != namespaceDict || builtins.kind != namespaceDict {
		if v := d.GetStr(name); v != nil {
			return v, true
		}
		return builtins.GetStr(name), false
	}
	d.mu.Lock()
	version := d.meta.Load()
	i := d.findStr(name)
	var s *slot
	if i >= 0 {
		s = d.entries[i].value.(*slot)
	}
	d.mu.Unlock()
	if s != nil {
		c.Store(&globalCache{dict: d, global: s})
		return s.load(), true
	}
	builtins.mu.Lock()
	if i = builtins.findStr(name); i >= 0 {
		s = builtins.entries[i].value.(*slot)
	}
	builtins.mu.Unlock()
	if s == nil {
		return nil, false
	}
	c.Store(&globalCache{dict: d, version: version, builtin: s})
	return s.load(), false
}

// storeCached binds the global name of an instruction whose cache is c
// to v in d (the module's namespace); serial says that the host
// serialises the interpreter's threads.
func storeCached(c *atomic.Pointer[globalCache], d *Dict, name string, v Value, serial bool) {
	if gc := c.Load(); gc != nil && gc.dict == d && gc.global != nil && gc.global.store(v, serial) {
		return
	}
	if d.kind != namespaceDict {
		d.SetStr(name, v)
		return
	}
	d.mu.Lock()
	i := d.findStr(name)
	if i >= 0 {
		d.setValueAt(i, v)
	} else {
		d.insertNew(Str(name), v, strHash(name))
		i = len(d.entries) - 1
	}
	s := d.entries[i].value.(*slot)
	d.mu.Unlock()
	c.Store(&globalCache{dict: d, global: s})
}
