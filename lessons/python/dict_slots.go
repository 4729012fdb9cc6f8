package python

import "sync/atomic"

// Namespace dicts (module globals and builtins) keep each value in a
// *slot: the interpreter's LOAD_GLOBAL and STORE_GLOBAL remember the slot
// of their name and then read and write it without the dict's mutex. A
// read is two atomic loads; a write is one compare-and-swap. Every other
// dict operation still runs under the mutex and goes through the slot.
//
// A slot belongs to one key of one dict for its whole life. Deleting the
// key (or clearing the dict) kills the slot by swapping its box for nil;
// a later insert of the same key makes a new slot. So a remembered slot
// either holds the key's current value or is dead, and a writer's
// compare-and-swap on a live box can never resurrect a deleted key.

// slot is one binding of a namespace dict. It is stored as the entry's
// value and never reaches Python code.
type slot struct {
	owner *Dict
	box   atomic.Pointer[valueBox] // nil once the key is gone
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

// boxOf returns a box holding v.
func boxOf(v Value) *valueBox {
	switch x := v.(type) {
	case Int:
		if uint64(x+5) < uint64(len(boxedSmall)) {
			return &boxedSmall[x+5]
		}
	case Bool:
		if x {
			return &boxedBool[1]
		}
		return &boxedBool[0]
	case NoneType:
		return &boxedNone
	}
	return &valueBox{v}
}

// load returns the slot's value, or nil if the slot is dead.
func (s *slot) load() Value {
	if b := s.box.Load(); b != nil {
		return b.v
	}
	return nil
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
		} else if d.keys.Load() == gc.version && gc.builtin.owner == builtins {
			if v := gc.builtin.load(); v != nil {
				return v, false
			}
		}
	}
	if !d.slotted || !builtins.slotted {
		if v := d.GetStr(name); v != nil {
			return v, true
		}
		return builtins.GetStr(name), false
	}
	d.mu.Lock()
	version := d.keys.Load()
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
	if gc := c.Load(); gc != nil && gc.dict == d && gc.global != nil {
		if old := gc.global.box.Load(); old != nil && gc.global.box.CompareAndSwap(old, boxOf(v)) {
			return
		}
	}
	if !d.slotted {
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
