package runtime

import (
	"fmt"
	"reflect"
)

// casOp is the comparison of a compare-and-swap, which exploration makes
// before the step to know whether the step will write or only read.
type casOp struct {
	s   *Shared
	old any
}

// wouldSwap reports whether the compare-and-swap would write now.
func (c *casOp) wouldSwap(field string) bool {
	c.s.rt.sharedMu.Lock()
	defer c.s.rt.sharedMu.Unlock()
	i := c.s.index(field)
	return i >= 0 && sameValue(c.s.values[i], c.old)
}

// CompareAndSwap sets field to v if it holds old, as one atomic step, and
// reports whether it did. Python has no such operation; it is here for
// programs written against the runtime directly, such as the exploration
// literature's benchmarks. Exploration counts a swap that fails as a read.
func (s *Shared) CompareAndSwap(t *Thread, field string, old, v any) (bool, error) {
	loc := Loc{Obj: s, Name: field}
	if err := t.announce(loc, OpWrite, &casOp{s, old}); err != nil {
		return false, err
	}
	s.rt.sharedMu.Lock()
	defer s.rt.sharedMu.Unlock()
	i := s.index(field)
	if i < 0 {
		return false, fmt.Errorf("compare-and-swap of %s: no field %q", s, field)
	}
	cur := s.values[i]
	swap := sameValue(cur, old)
	if swap {
		s.values[i] = v
	}
	s.rt.recordLocked(t, OpRead, loc, cur)
	if swap {
		s.rt.recordLocked(t, OpWrite, loc, v)
	}
	return swap, nil
}

// sameValue is a == b for values that can be compared, false otherwise.
func sameValue(a, b any) bool {
	ta := reflect.TypeOf(a)
	if ta != reflect.TypeOf(b) || (ta != nil && !ta.Comparable()) {
		return false
	}
	return a == b
}
