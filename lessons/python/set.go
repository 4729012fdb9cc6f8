package python

import (
	"sync"

	"threadlab/lessons/python/internal/compile"
)

// Set is a set or frozenset. Its table is laid out the way CPython lays
// out its sets (open addressing on the hash, a short linear probe, then
// perturbed probing, growth by 4x), so that iteration order — which
// programs print — matches CPython's for the same insertions. Each method
// is atomic: it holds the set's mutex, unless the calling thread's
// interpreter is serialised and comparing the elements runs no Python
// code (lockKey, as for dicts).
type Set struct {
	mu     sync.Mutex
	table  []setSlot // length a power of two, or nil while empty
	used   int       // live entries
	fill   int       // live + deleted
	frozen bool
	odd    bool // some element was not a plainKey: a lookup may run its __eq__
}

type setSlot struct {
	key  Value // nil: unused or deleted
	hash int64
	dead bool
}

const setLinearProbes = 9

// NewSet returns an empty set (frozen: a frozenset).
func NewSet(frozen bool) *Set { return &Set{frozen: frozen} }

func (s *Set) Type() *Type {
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// Len reports the number of elements.
func (s *Set) Len() int {
	s.mu.Lock()
	n := s.used
	s.mu.Unlock()
	return n
}

// lockKey takes s.mu unless t's interpreter is serialised and comparing
// key with the elements runs only Go code (see Dict.lockKey); it reports
// whether it did.
func (s *Set) lockKey(t *Thread, key Value) bool {
	if t != nil && t.interp.serialised.Load() && !s.odd && plainKey(key) {
		return false
	}
	s.mu.Lock()
	return true
}

// unlock releases s.mu if lockKey took it.
func (s *Set) unlock(locked bool) { unlock(&s.mu, locked) }

// Frozen reports whether s is a frozenset.
func (s *Set) Frozen() bool { return s.frozen }

// slotFor finds key's slot, or the slot where it would go (a deleted one
// seen first, else the first unused). s.mu is held (lockKey): an __eq__
// it calls cannot change the set (unlike a dict's str keys, every set
// operation that could takes the mutex).
func (s *Set) slotFor(t *Thread, key Value, h int64) (int, bool, error) {
	mask := len(s.table) - 1
	i := int(uint64(h) & uint64(mask))
	perturb := uint64(h)
	free := -1
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			sl := &s.table[j]
			if sl.key == nil {
				if !sl.dead {
					if free >= 0 {
						return free, false, nil
					}
					return j, false, nil
				}
				if free < 0 {
					free = j
				}
				continue
			}
			if sl.hash == h {
				eq, err := keyEqual(t, sl.key, key)
				if err != nil {
					return 0, false, err
				}
				if eq {
					return j, true, nil
				}
			}
		}
		perturb >>= 5
		i = int((uint64(i)*5 + 1 + perturb) & uint64(mask))
	}
}

func (s *Set) resize(minUsed int) {
	size := 8
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	s.table = make([]setSlot, size)
	s.fill = s.used
	mask := uint64(size - 1)
	for _, sl := range old {
		if sl.key == nil {
			continue
		}
		i := uint64(sl.hash) & mask
		perturb := uint64(sl.hash)
	probe:
		for {
			probes := uint64(0)
			if i+setLinearProbes <= mask {
				probes = setLinearProbes
			}
			for j := i; j <= i+probes; j++ {
				if s.table[j].key == nil {
					s.table[j] = sl
					break probe
				}
			}
			perturb >>= 5
			i = (i*5 + 1 + perturb) & mask
		}
	}
}

// setSlotBytes is what an element (value and hash) counts against
// MaxSeqLen.
const setSlotBytes = 2 * slotBytes

// Add inserts v (unhashable values fail).
func (s *Set) Add(t *Thread, v Value) error {
	h, err := Hash(t, v)
	if err != nil {
		return err
	}
	locked := s.lockKey(t, v)
	defer s.unlock(locked)
	return s.addLocked(t, v, h)
}

// addFresh is Add for a set no other thread can see yet (one a
// comprehension or display is building), so it takes no lock.
func (s *Set) addFresh(t *Thread, v Value) error {
	h, err := Hash(t, v)
	if err != nil {
		return err
	}
	return s.addLocked(t, v, h)
}

func (s *Set) addLocked(t *Thread, v Value, h int64) error {
	if s.table == nil {
		s.table = make([]setSlot, 8)
	}
	i, found, err := s.slotFor(t, v, h)
	if err != nil || found {
		return err
	}
	if !s.odd && !plainKey(v) {
		s.odd = true
	}
	if err := checkItems(s.used+1, setSlotBytes); err != nil {
		return err
	}
	if !s.table[i].dead {
		s.fill++
	}
	s.table[i] = setSlot{key: v, hash: h}
	s.used++
	if s.fill*5 >= (len(s.table)-1)*3 {
		if s.used > 50000 {
			s.resize(s.used * 2)
		} else {
			s.resize(s.used * 4)
		}
	}
	return nil
}

// Has reports whether v is an element.
func (s *Set) Has(t *Thread, v Value) (bool, error) {
	h, err := Hash(t, v)
	if err != nil {
		if ErrorMatches(err, TypeError) {
			if inner, ok := v.(*Set); ok {
				return s.Has(t, frozenCopy(inner))
			}
		}
		return false, err
	}
	locked := s.lockKey(t, v)
	defer s.unlock(locked)
	if s.table == nil {
		return false, nil
	}
	_, found, err := s.slotFor(t, v, h)
	return found, err
}

func frozenCopy(s *Set) *Set {
	c := s.Copy()
	c.frozen = true
	return c
}

// Discard removes v if present and reports whether it was.
func (s *Set) Discard(t *Thread, v Value) (bool, error) {
	h, err := Hash(t, v)
	if err != nil {
		return false, err
	}
	locked := s.lockKey(t, v)
	defer s.unlock(locked)
	if s.table == nil {
		return false, nil
	}
	i, found, err := s.slotFor(t, v, h)
	if err != nil || !found {
		return false, err
	}
	s.table[i] = setSlot{dead: true, hash: -1}
	s.used--
	return true, nil
}

// Pop removes and returns an arbitrary element (the first in iteration
// order), or nil if the set is empty.
func (s *Set) Pop() Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.table {
		if k := s.table[i].key; k != nil {
			s.table[i] = setSlot{dead: true, hash: -1}
			s.used--
			return k
		}
	}
	return nil
}

// Clear removes every element.
func (s *Set) Clear() {
	s.mu.Lock()
	s.table, s.used, s.fill, s.odd = nil, 0, 0, false
	s.mu.Unlock()
}

// Elems returns the elements at one instant, in iteration order.
func (s *Set) Elems() []Value {
	s.mu.Lock()
	out := make([]Value, 0, s.used)
	for _, sl := range s.table {
		if sl.key != nil {
			out = append(out, sl.key)
		}
	}
	s.mu.Unlock()
	return out
}

// Copy returns a shallow copy, laid out as CPython lays out a copy.
func (s *Set) Copy() *Set {
	c := &Set{frozen: s.frozen}
	c.merge(nil, s)
	return c
}

// slots returns the live entries in table order and the table size.
func (s *Set) slots() ([]setSlot, int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]setSlot, 0, s.used)
	for _, sl := range s.table {
		if sl.key != nil {
			out = append(out, sl)
		}
	}
	return out, len(s.table), s.fill == s.used
}

// merge adds the elements of o, growing the table first as CPython does
// when it merges one set into another.
func (s *Set) merge(t *Thread, o *Set) error {
	entries, osize, clean := o.slots()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.table == nil {
		s.table = make([]setSlot, 8)
	}
	if (s.fill+len(entries))*5 >= (len(s.table)-1)*3 {
		s.resize((s.used + len(entries)) * 2)
	}
	if s.fill == 0 && len(s.table) == osize && clean {
		o.mu.Lock()
		if len(o.table) == osize {
			copy(s.table, o.table)
			s.used, s.fill = o.used, o.fill
			s.odd = s.odd || o.odd
			o.mu.Unlock()
			return nil
		}
		o.mu.Unlock()
	}
	for _, e := range entries {
		if err := s.addLocked(t, e.key, e.hash); err != nil {
			return err
		}
	}
	return nil
}

// presize grows the table for n more elements, as CPython does before
// adding the keys of a dict.
func (s *Set) presize(n int) {
	s.mu.Lock()
	if s.table == nil {
		s.table = make([]setSlot, 8)
	}
	if (s.fill+n)*5 >= (len(s.table)-1)*3 {
		s.resize((s.used + n) * 2)
	}
	s.mu.Unlock()
}

func (s *Set) replace(o *Set) {
	o.mu.Lock()
	tab, used, fill, odd := append([]setSlot(nil), o.table...), o.used, o.fill, o.odd
	o.mu.Unlock()
	s.mu.Lock()
	s.table, s.used, s.fill, s.odd = tab, used, fill, odd
	s.mu.Unlock()
}

// Hash is hash(frozenset); sets are unhashable.
func (s *Set) Hash(t *Thread) (int64, error) {
	if !s.frozen {
		return 0, Errorf(TypeError, "unhashable type: 'set'")
	}
	var h uint64
	for _, e := range s.Elems() {
		eh, err := Hash(t, e)
		if err != nil {
			return 0, err
		}
		x := uint64(eh)
		h ^= (x ^ (x << 16) ^ 89869747) * 3644798167
	}
	h = h*69069 + 907133923
	return int64(h >> 1), nil
}

// setOp is a | b, a & b, a - b, a ^ b, building the result the way
// CPython does (copying a where it copies), so that the result iterates
// in CPython's order.
func setOp(t *Thread, op binop, a, b *Set) (Value, error) {
	switch op {
	case opOr:
		out := a.Copy()
		return out, out.merge(t, b)
	case opAnd:
		out := &Set{frozen: a.frozen}
		small, big := a, b
		if b.Len() <= a.Len() {
			small, big = b, a
		}
		for _, e := range small.Elems() {
			ok, err := big.Has(t, e)
			if err != nil {
				return nil, err
			}
			if ok {
				if err := out.Add(t, e); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case opSub:
		if a.Len()>>2 > b.Len() {
			out := a.Copy()
			return out, out.discardAll(t, b.Elems())
		}
		out := &Set{frozen: a.frozen}
		for _, e := range a.Elems() {
			ok, err := b.Has(t, e)
			if err != nil {
				return nil, err
			}
			if !ok {
				if err := out.Add(t, e); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case opXor:
		out := a.Copy()
		return out, out.symmetricUpdate(t, b.Elems())
	}
	return nil, nil
}

// setInplace is a |= b, a &= b, a -= b, a ^= b: a changes in place.
func setInplace(t *Thread, op binop, a, b *Set) error {
	switch op {
	case opOr:
		return a.merge(t, b)
	case opSub:
		return a.discardAll(t, b.Elems())
	case opXor:
		return a.symmetricUpdate(t, b.Elems())
	}
	r, err := setOp(t, op, a, b)
	if err == nil {
		a.replace(r.(*Set))
	}
	return err
}

func (s *Set) discardAll(t *Thread, items []Value) error {
	for _, e := range items {
		if _, err := s.Discard(t, e); err != nil {
			return err
		}
	}
	return nil
}

func (s *Set) symmetricUpdate(t *Thread, items []Value) error {
	for _, e := range items {
		removed, err := s.Discard(t, e)
		if err != nil {
			return err
		}
		if !removed {
			if err := s.Add(t, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// setCompare: == and != are equality, < <= > >= are subset relations.
func setCompare(t *Thread, op compile.CmpOp, a, b *Set) (bool, error) {
	subset := func(x, y *Set) (bool, error) {
		for _, e := range x.Elems() {
			ok, err := y.Has(t, e)
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	}
	la, lb := a.Len(), b.Len()
	switch op {
	case compile.Eq, compile.Ne:
		if la != lb {
			return op == compile.Ne, nil
		}
		r, err := subset(a, b)
		return r == (op == compile.Eq), err
	case compile.Le:
		return subset(a, b)
	case compile.Lt:
		if la >= lb {
			return false, nil
		}
		return subset(a, b)
	case compile.Ge:
		return subset(b, a)
	}
	if lb >= la {
		return false, nil
	}
	return subset(b, a)
}
