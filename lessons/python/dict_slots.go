package python

import (
	"math"
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
// one of the shared boxes (small ints, None, the bools), so other ints
// and floats are held as bits instead: box points to the intBox or
// floatBox marker and the value is in bits, written with one atomic store
// (a read makes the Value). Long ints and strings are held locked: box
// points to lockedBox and the value sits in v under the slot's mutex.
// Functions, classes, modules and containers are boxed: they are read far
// more often than rebound, while a counter is rebound at every step.
//
// A change of way (and a delete) happens under the slot's mutex; a write
// that keeps the way does not take it. A bits write that races with a
// change of way may be lost, which is the order "write, then the change".
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
	bits  atomic.Uint64            // box intBox or floatBox: the value
	mu    sync.Mutex               // guards v and every change of box's marker
	v     Value                    // box lockedBox: the value
}

func (*slot) Type() *Type { return ObjectType }

// valueBox holds a value behind a pointer, so that it can be swapped
// atomically. Boxes are immutable.
type valueBox struct{ v Value }

// boxedSmall are the boxes of the shared small ints, None, False and
// True, so that storing them allocates nothing. Set once by init.
var (
	boxedSmall [len(smallInts)]valueBox
	boxedNone  = valueBox{None}
	boxedBool  = [2]valueBox{{False}, {True}}
)

func init() {
	for i := range boxedSmall {
		boxedSmall[i] = valueBox{boxInt(Int(i - 5))}
	}
}

// The markers of the ways a slot holds a value other than boxed.
// Read-only.
var (
	intBox    = &valueBox{}
	floatBox  = &valueBox{}
	lockedBox = &valueBox{}
)

// boxOf returns a box holding v, or the marker of the way a slot holds v
// with the bits that hold it.
func boxOf(v Value) (*valueBox, uint64) {
	switch x := v.(type) {
	case Int:
		if uint64(x+5) < uint64(len(boxedSmall)) {
			return &boxedSmall[x+5], 0
		}
		return intBox, uint64(x)
	case Float:
		return floatBox, math.Float64bits(float64(x))
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
func marker(b *valueBox) bool { return b == intBox || b == floatBox || b == lockedBox }

// load returns the slot's value, or nil if the slot is dead.
func (s *slot) load() Value {
	if b := s.box.Load(); b != nil && !marker(b) {
		return b.v
	}
	return s.loadMarked()
}

// loadMarked is load for a slot not holding a box.
func (s *slot) loadMarked() Value {
	b := s.box.Load()
	if b == lockedBox {
		s.mu.Lock()
		defer s.mu.Unlock()
		b = s.box.Load()
	}
	return s.value(b)
}

// loadInt returns the slot's value if it is an Int; ok is false if it is
// not, or the slot is dead. It makes no Value of an int held as bits.
func (s *slot) loadInt() (c Int, ok bool) {
	switch b := s.box.Load(); b {
	case intBox:
		return Int(s.bits.Load()), true
	case nil, floatBox, lockedBox:
		return 0, false
	default:
		c, ok = b.v.(Int)
		return c, ok
	}
}

// value returns the value of the slot whose box is b; with lockedBox,
// s.mu is held.
func (s *slot) value(b *valueBox) Value {
	switch b {
	case nil:
		return nil
	case intBox:
		return boxInt(Int(s.bits.Load()))
	case floatBox:
		return Float(math.Float64frombits(s.bits.Load()))
	case lockedBox:
		return s.v
	}
	return b.v
}

// store rebinds a live slot to v; it reports false if the slot is dead.
func (s *slot) store(v Value) bool {
	if x, ok := v.(Int); ok && uint64(x+5) < uint64(len(boxedSmall)) {
		if old := s.box.Load(); old != nil && !marker(old) && s.box.CompareAndSwap(old, &boxedSmall[x+5]) {
			return true
		}
	}
	return s.storeSlow(v)
}

// storeBits rebinds a slot that holds an int as bits to c, a non-shared
// int; it reports false, doing nothing, if the slot holds its value
// otherwise (or is dead).
func (s *slot) storeBits(c Int) bool {
	if s.box.Load() != intBox {
		return false
	}
	s.bits.Store(uint64(c))
	return true
}

// storeSlow is store for any value.
func (s *slot) storeSlow(v Value) bool {
	nb, bits := boxOf(v)
	switch old := s.box.Load(); {
	case old == nil:
		return false
	case nb == old && (nb == intBox || nb == floatBox):
		s.bits.Store(bits)
		return true
	case !marker(nb) && !marker(old) && s.box.CompareAndSwap(old, nb):
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.box.Load() == nil {
		return false
	}
	s.set(v, nb, bits)
	return true
}

// set makes the slot hold v (boxed as nb, bits). s.mu is held, or s is
// new.
func (s *slot) set(v Value, nb *valueBox, bits uint64) {
	s.v = nil
	switch nb {
	case lockedBox:
		s.v = v
	case intBox, floatBox:
		s.bits.Store(bits)
	}
	s.box.Store(nb)
}

// kill marks the slot dead and returns the value it held.
func (s *slot) kill() Value {
	s.mu.Lock()
	v := s.value(s.box.Load())
	s.box.Store(nil)
	s.v = nil
	s.mu.Unlock()
	return v
}

// newSlot returns a live slot of d holding v.
func newSlot(d *Dict, v Value) *slot {
	s := &slot{owner: d}
	nb, bits := boxOf(v)
	s.set(v, nb, bits)
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
// to v in d (the module's namespace).
func storeCached(c *atomic.Pointer[globalCache], d *Dict, name string, v Value) {
	if gc := c.Load(); gc != nil && gc.dict == d && gc.global != nil && gc.global.store(v) {
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
