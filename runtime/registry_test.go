package runtime

import (
	goruntime "runtime"
	"testing"
)

// The runtime remembers lab.shared objects and locks for lab.explore, but
// does not keep alive the ones a program has dropped.
func TestDroppedObjectsAreNotKept(t *testing.T) {
	rt := New()
	kept := rt.NewShared([]string{"x"}, []any{int64(1)}, 1)
	const made = 200000
	for i := 0; i < made; i++ {
		if i%10000 == 0 {
			goruntime.GC()
		}
		rt.NewShared([]string{"x"}, []any{int64(i)}, 1)
		rt.NewLock(false, 1, "")
	}
	rt.mu.Lock()
	shared, locks := len(rt.shared.list), len(rt.locks.list)
	live := rt.shared.live()
	rt.mu.Unlock()
	if shared > made/4 || locks > made/4 {
		t.Errorf("the runtime still remembers %d shared objects and %d locks of %d dropped", shared, locks, made)
	}
	if len(live) == 0 || live[0] != kept {
		t.Errorf("the object still held is not remembered first")
	}
	goruntime.KeepAlive(kept)
}
