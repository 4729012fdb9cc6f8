package runtime

import (
	goruntime "runtime"
	"testing"
)

// TestCoresFollowTheGIL: Go runs on every core while the GIL is off and on
// one processor while it is on; turning it off twice counts once, and a
// runtime left with the GIL off does not keep a new one on every core.
func TestCoresFollowTheGIL(t *testing.T) {
	all := goruntime.NumCPU() + 1
	rt := New()
	for i, step := range []struct {
		gil  bool
		want int
	}{
		{false, all},
		{false, all},
		{true, 1},
		{true, 1},
		{false, all},
	} {
		cell(t, rt, func(*Thread) {
			if err := rt.SetGIL(step.gil); err != nil {
				t.Fatal(err)
			}
		})
		if n := goruntime.GOMAXPROCS(0); n != step.want {
			t.Errorf("step %d: GOMAXPROCS is %d with gil=%v, want %d", i, n, step.gil, step.want)
		}
	}
	New()
	if n := goruntime.GOMAXPROCS(0); n != 1 {
		t.Errorf("GOMAXPROCS is %d for a new runtime (GIL on), want 1", n)
	}
}
