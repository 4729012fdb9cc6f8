package python

import (
	"sync"
	"sync/atomic"
)

// Dict is an insertion-ordered hash table from hashable keys to values:
// Python's dict, and the attribute dictionary of modules, classes and
// instances. Each method is atomic: it holds the dict's mutex, unless the
// calling thread's interpreter is serialised (serial.go).
//
// Keys are hashed before the mutex is taken (a user __hash__ may run
// Python code). Key equality for str, int, float, bool, None, bytes and
// tuples of them is decided in Go; other keys compare by identity first
// and then by their __eq__, which then runs with the mutex held, in
// either mode (lockKey).
type Dict struct {
	mu      sync.Mutex
	entries []dictEntry // in insertion order; a deleted entry has key nil
	index   []int32     // open addressing into entries: -1 empty, -2 deleted; nil while small
	live    int
	kind    dictKind
	odd     bool   // some key was not a plainKey: a lookup may run its __eq__
	gen     uint32 // counts moves and removals of entries, so that a lookup whose __eq__ made one starts again
	// meta is, for a namespace, the count of keys ever inserted (for
	// LOAD_GLOBAL's cache); for an instance's attributes, a summary of its
	// str keys, one bit per key (strKeyBit), so that a method lookup can
	// tell without the mutex that the instance does not shadow the method.
	meta atomic.Uint64
}

// dictKind says what a dict is for, which decides how it keeps values
// and what meta holds.
type dictKind uint8

const (
	plainDict     dictKind = iota
	namespaceDict          // module globals, builtins: each entry's value is a *slot (dict_slots.go)
	attrDict               // an instance's attributes: meta sums up the str keys
)

type dictEntry struct {
	key, value Value
	hash       int64
}

// dictSmall is the size up to which a dict is searched linearly.
const dictSmall = 8

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// newNamespace returns an empty dict for a module's globals or the
// builtins, whose values the interpreter reads and writes through slots.
func newNamespace() *Dict { return &Dict{kind: namespaceDict} }

// newAttrDict returns an empty dict for an instance's attributes.
func newAttrDict() *Dict { return &Dict{kind: attrDict} }

// strKeyBit is the bit of an attrDict's meta that a str key with hash h sets.
func strKeyBit(h int64) uint64 { return 1 << (uint64(h) & 63) }

// lacksStr reports that d surely has no str key whose strKeyBit is bit
// (false means it may have one).
func (d *Dict) lacksStr(bit uint64) bool { return d.kind == attrDict && d.meta.Load()&bit == 0 }

// lockKey is lock for an operation that compares key with the dict's
// keys: when that may run a Python __eq__ it takes the mutex in either
// mode, so that no Python code runs in the middle of an operation that
// does not hold it (a lab.gil(False) there could start a thread that
// does).
func (d *Dict) lockKey(t *Thread, key Value) bool {
	if t != nil && t.interp.serialised.Load() && !d.odd && plainKey(key) {
		return false
	}
	d.mu.Lock()
	return true
}

// unlock releases d.mu if Thread.lock or lockKey took it.
func (d *Dict) unlock(locked bool) { unlock(&d.mu, locked) }

// plainKey reports whether comparing v with another plainKey runs only
// Go code.
func plainKey(v Value) bool {
	switch x := v.(type) {
	case Str, Int, *BigInt, Float, Bool, NoneType, Bytes:
		return true
	case Tuple:
		for _, e := range x {
			if !plainKey(e) {
				return false
			}
		}
		return true
	}
	return false
}

// valueAt returns the value of entry i. d.mu is held.
func (d *Dict) valueAt(i int) Value {
	if d.kind == namespaceDict {
		return d.entries[i].value.(*slot).load()
	}
	return d.entries[i].value
}

// setValueAt rebinds entry i to v. d.mu is held.
func (d *Dict) setValueAt(i int, v Value) {
	if d.kind == namespaceDict {
		d.entries[i].value.(*slot).store(v, false)
		return
	}
	d.entries[i].value = v
}

func (*Dict) Type() *Type { return DictType }

// Len reports the number of entries.
func (d *Dict) Len() int { return d.length(nil) }

// length is Len for thread t.
func (d *Dict) length(t *Thread) int {
	locked := t.lock(&d.mu)
	n := d.live
	d.unlock(locked)
	return n
}

// find returns the entry index of key, or -1. d.mu is held (lockKey). A
// key's __eq__ that changed the dict (it can, on a serialised
// interpreter, where the mutex is not taken again) makes it look again.
func (d *Dict) find(t *Thread, key Value, h int64) (int, error) {
again:
	gen := d.gen
	if d.index == nil {
		for i := range d.entries {
			e := &d.entries[i]
			if e.key != nil && e.hash == h {
				eq, err := keyEqual(t, e.key, key)
				if err != nil {
					return -1, err
				}
				if d.gen != gen {
					goto again
				}
				if eq {
					return i, nil
				}
			}
		}
		return -1, nil
	}
	mask := uint64(len(d.index) - 1)
	for i, perturb := uint64(h)&mask, uint64(h); ; {
		x := d.index[i]
		if x == -1 {
			return -1, nil
		}
		if x >= 0 {
			e := &d.entries[x]
			if e.hash == h {
				eq, err := keyEqual(t, e.key, key)
				if err != nil {
					return -1, err
				}
				if d.gen != gen {
					goto again
				}
				if eq {
					return int(x), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
}

// findStr is find for a str key, with no hashing while the dict is small.
func (d *Dict) findStr(s string) int {
	if d.index == nil {
		for i := range d.entries {
			if k, ok := d.entries[i].key.(Str); ok && string(k) == s {
				return i
			}
		}
		return -1
	}
	h := strHash(s)
	mask := uint64(len(d.index) - 1)
	for i, perturb := uint64(h)&mask, uint64(h); ; {
		x := d.index[i]
		if x == -1 {
			return -1
		}
		if x >= 0 {
			if e := &d.entries[x]; e.hash == h {
				if k, ok := e.key.(Str); ok && string(k) == s {
					return int(x)
				}
			}
		}
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
}

func (d *Dict) rebuildIndex() {
	d.gen++
	n := 16
	for n*2 <= d.live*3 {
		n *= 2
	}
	n *= 2
	if d.live < len(d.entries) {
		j := 0
		for _, e := range d.entries {
			if e.key != nil {
				d.entries[j] = e
				j++
			}
		}
		clear(d.entries[j:])
		d.entries = d.entries[:j]
	}
	d.index = make([]int32, n)
	for i := range d.index {
		d.index[i] = -1
	}
	mask := uint64(n - 1)
	for x, e := range d.entries {
		i, perturb := uint64(e.hash)&mask, uint64(e.hash)
		for d.index[i] != -1 {
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
		d.index[i] = int32(x)
	}
}

func (d *Dict) insertNew(key, v Value, h int64) {
	if d.kind == namespaceDict {
		v = newSlot(d, v)
		d.meta.Add(1)
	}
	if _, ok := key.(Str); ok {
		if d.kind == attrDict {
			d.meta.Or(strKeyBit(h))
		}
	} else if !d.odd && !plainKey(key) {
		d.odd = true
	}
	d.entries = append(growFull(d.entries), dictEntry{key, v, h})
	d.live++
	if d.index == nil {
		if len(d.entries) > dictSmall {
			d.rebuildIndex()
		}
		return
	}
	if len(d.entries)*3 >= len(d.index)*2 {
		d.rebuildIndex()
		return
	}
	mask := uint64(len(d.index) - 1)
	i, perturb := uint64(h)&mask, uint64(h)
	for d.index[i] >= 0 {
		perturb >>= 5
		i = (i*5 + 1 + perturb) & mask
	}
	d.index[i] = int32(len(d.entries) - 1)
}

// Get returns the value for key, or nil if absent. It fails if key is
// unhashable or its __eq__ fails.
func (d *Dict) Get(t *Thread, key Value) (Value, error) {
	if s, ok := key.(Str); ok {
		return d.getStr(t, string(s)), nil
	}
	h, err := Hash(t, key)
	if err != nil {
		return nil, err
	}
	locked := d.lockKey(t, key)
	defer d.unlock(locked)
	i, err := d.find(t, key, h)
	if i < 0 || err != nil {
		return nil, err
	}
	return d.valueAt(i), nil
}

// GetStr returns the value for the str key s, or nil.
func (d *Dict) GetStr(s string) Value { return d.getStr(nil, s) }

// getStr is GetStr for thread t.
func (d *Dict) getStr(t *Thread, s string) Value {
	locked := t.lock(&d.mu)
	var v Value
	if i := d.findStr(s); i >= 0 {
		v = d.valueAt(i)
	}
	d.unlock(locked)
	return v
}

// dictEntryBytes is what an entry (key, value, hash) counts against
// MaxSeqLen.
const dictEntryBytes = 3 * slotBytes

// Set binds key to v; a new key that would pass the size cap fails with
// MemoryError.
func (d *Dict) Set(t *Thread, key, v Value) error {
	if d.length(t) >= MaxSeqLen/dictEntryBytes {
		old, err := d.Get(t, key)
		if err != nil {
			return err
		}
		if old == nil {
			return NewException(MemoryError)
		}
	}
	if s, ok := key.(Str); ok {
		d.setStr(t, string(s), v)
		return nil
	}
	h, err := Hash(t, key)
	if err != nil {
		return err
	}
	locked := d.lockKey(t, key)
	defer d.unlock(locked)
	return d.setLocked(t, key, v, h)
}

// setFresh is Set for a dict no other thread can see yet (one a
// comprehension, display or call is building), so it takes no lock.
func (d *Dict) setFresh(t *Thread, key, v Value) error {
	h, err := Hash(t, key)
	if err != nil {
		return err
	}
	return d.setLocked(t, key, v, h)
}

// setLocked binds key, whose hash is h, to v. d.mu is held (lockKey).
func (d *Dict) setLocked(t *Thread, key, v Value, h int64) error {
	i, err := d.find(t, key, h)
	if err != nil {
		return err
	}
	if i >= 0 {
		d.setValueAt(i, v)
		return nil
	}
	d.insertNew(key, v, h)
	return nil
}

// SetStr binds the str key s to v.
func (d *Dict) SetStr(s string, v Value) { d.setStr(nil, s, v) }

// setStr is SetStr for thread t.
func (d *Dict) setStr(t *Thread, s string, v Value) {
	locked := t.lock(&d.mu)
	if i := d.findStr(s); i >= 0 {
		d.setValueAt(i, v)
	} else {
		d.insertNew(Str(s), v, strHash(s))
	}
	d.unlock(locked)
}

// Delete removes key and returns its value, or nil if it was absent.
func (d *Dict) Delete(t *Thread, key Value) (Value, error) {
	if s, ok := key.(Str); ok {
		// As Get and Set do, a str key is compared with str keys only.
		locked := t.lock(&d.mu)
		defer d.unlock(locked)
		if i := d.findStr(string(s)); i >= 0 {
			return d.deleteAt(i), nil
		}
		return nil, nil
	}
	h, err := Hash(t, key)
	if err != nil {
		return nil, err
	}
	locked := d.lockKey(t, key)
	defer d.unlock(locked)
	i, err := d.find(t, key, h)
	if i < 0 || err != nil {
		return nil, err
	}
	return d.deleteAt(i), nil
}

func (d *Dict) deleteAt(i int) Value {
	d.gen++
	e := d.entries[i]
	if d.kind == namespaceDict {
		e.value = e.value.(*slot).kill()
	}
	d.live--
	if d.index == nil {
		n := copy(d.entries[i:], d.entries[i+1:])
		d.entries[i+n] = dictEntry{}
		d.entries = d.entries[:i+n]
		return e.value
	}
	mask := uint64(len(d.index) - 1)
	j, perturb := uint64(e.hash)&mask, uint64(e.hash)
	for d.index[j] != int32(i) {
		perturb >>= 5
		j = (j*5 + 1 + perturb) & mask
	}
	d.index[j] = -2
	d.entries[i] = dictEntry{}
	if d.live < len(d.entries)/2 {
		d.rebuildIndex()
	}
	return e.value
}

// Items returns the (key, value) pairs at one instant, in order.
func (d *Dict) Items() []Tuple { return d.items(nil) }

// items is Items for thread t.
func (d *Dict) items(t *Thread) []Tuple {
	locked := t.lock(&d.mu)
	out := make([]Tuple, 0, d.live)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, Tuple{e.key, d.valueOf(e)})
		}
	}
	d.unlock(locked)
	return out
}

// Keys returns the keys at one instant, in order.
func (d *Dict) Keys() []Value { return d.keys(nil) }

// keys is Keys for thread t.
func (d *Dict) keys(t *Thread) []Value {
	locked := t.lock(&d.mu)
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if e.key != nil {
			out = append(out, e.key)
		}
	}
	d.unlock(locked)
	return out
}

// Clear removes every entry.
func (d *Dict) Clear() {
	d.mu.Lock()
	d.gen++
	d.odd = false
	if d.kind == namespaceDict {
		for _, e := range d.entries {
			if e.key != nil {
				e.value.(*slot).kill()
			}
		}
	}
	d.entries, d.index, d.live = nil, nil, 0
	if d.kind == attrDict {
		d.meta.Store(0)
	}
	d.mu.Unlock()
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	d.mu.Lock()
	c := &Dict{entries: make([]dictEntry, 0, d.live), live: d.live, odd: d.odd}
	for _, e := range d.entries {
		if e.key != nil {
			e.value = d.valueOf(e)
			c.entries = append(c.entries, e)
		}
	}
	d.mu.Unlock()
	if len(c.entries) > dictSmall {
		c.rebuildIndex()
	}
	return c
}

// entryAt returns entry i of the entry slice (for iterators, which walk
// entries by position and so tolerate concurrent changes) for thread t,
// and the number of entries; ok is false past the end. A deleted slot
// gives a nil key.
func (d *Dict) entryAt(t *Thread, i int) (key, value Value, live int, ok bool) {
	locked := t.lock(&d.mu)
	live = d.live
	if i < len(d.entries) {
		ok = true
		if key = d.entries[i].key; key != nil {
			value = d.valueAt(i)
		}
	}
	d.unlock(locked) // not deferred: iteration calls this once per entry
	return key, value, live, ok
}

// valueOf returns the value of e, an entry of d. d.mu is held.
func (d *Dict) valueOf(e dictEntry) Value {
	if d.kind == namespaceDict {
		return e.value.(*slot).load()
	}
	return e.value
}

// keyEqual compares dict/set keys: identity, then value equality.
func keyEqual(t *Thread, a, b Value) (bool, error) {
	switch x := a.(type) {
	case Str:
		y, ok := b.(Str)
		return ok && x == y, nil
	case Int:
		if y, ok := b.(Int); ok {
			return x == y, nil
		}
	}
	if sameObject(a, b) {
		return true, nil
	}
	return Equal(t, a, b)
}

// hasStrAt reports whether entry i (which may be past the end) has the
// str key s. d.mu is held (or the interpreter is serialised).
func (d *Dict) hasStrAt(i int, s string) bool {
	if i < len(d.entries) {
		k, ok := d.entries[i].key.(Str)
		return ok && string(k) == s
	}
	return false
}

// findStrNoting is findStr that notes in hint where it found s. d.mu is
// held (or the interpreter is serialised).
func (d *Dict) findStrNoting(s string, hint *atomic.Int32) int {
	i := d.findStr(s)
	if i >= 0 {
		hint.Store(int32(i))
	}
	return i
}

// getStrHint is getStr that first tries entry *hint, and notes in it
// where it found s.
func (d *Dict) getStrHint(t *Thread, s string, hint *atomic.Int32) Value {
	locked := t.lock(&d.mu)
	var v Value
	i := int(hint.Load())
	if !d.hasStrAt(i, s) {
		i = d.findStrNoting(s, hint)
	}
	if i >= 0 {
		v = d.valueAt(i)
	}
	d.unlock(locked)
	return v
}

// setStrHint is setStr that first tries entry *hint, and notes in it
// where it found or put s.
func (d *Dict) setStrHint(t *Thread, s string, v Value, hint *atomic.Int32) {
	locked := t.lock(&d.mu)
	i := int(hint.Load())
	if !d.hasStrAt(i, s) {
		i = d.findStrNoting(s, hint)
	}
	if i >= 0 {
		d.setValueAt(i, v)
	} else {
		d.insertNew(Str(s), v, strHash(s))
		hint.Store(int32(len(d.entries) - 1))
	}
	d.unlock(locked)
}
