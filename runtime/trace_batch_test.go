package runtime

import "testing"

// Threads that hold the GIL batch their accesses (trace_batch.go): the
// trace must still hold every access once, each thread's in its order,
// a lock step after the accesses made before it, and the threads'
// turns interleaved as the GIL changed hands.
func TestBatchedAccessesKeepTheirOrder(t *testing.T) {
	const n = 3000 // more than a batch holds between two ticks
	rt := New()
	rt.SetIntCodec(int64Codec)
	if err := rt.SetSwitchInterval(7); err != nil {
		t.Fatal(err)
	}
	obj := new(int)
	var lock *Lock
	cell(t, rt, func(main *Thread) {
		lock = rt.NewLock(false, 1, "")
		worker := func(base int32) func(th *Thread) error {
			return func(th *Thread) error {
				st := newStepper(th)
				spot := &Spot{Loc: Loc{Obj: obj, Name: "x"}}
				for i := range int32(n) {
					th.AccessIntAt(spot, OpWrite, base+i, 1)
					if err := st.step(1); err != nil {
						return err
					}
				}
				if _, err := lock.Acquire(th, true, -1); err != nil {
					return err
				}
				return lock.Release(th)
			}
		}
		a := start(t, rt, main, "A", worker(0))
		b := start(t, rt, main, "B", worker(100_000))
		join(t, main, a, b)
	})
	tr := rt.Trace()
	next := map[string]int64{"A": 0, "B": 100_000}
	last := map[string]int64{"A": n - 1, "B": 100_000 + n - 1}
	turns, prev := 0, -1
	for _, e := range tr.Events() {
		name := tr.Threads()[e.Thread]
		switch e.Kind {
		case OpWrite:
			if got := e.Value.(int64); got != next[name] {
				t.Fatalf("event %d: %s wrote %d, want %d", e.Seq, name, got, next[name])
			}
			next[name]++
			if e.Thread != prev {
				turns++
				prev = e.Thread
			}
		case OpAcquire:
			if next[name] != last[name]+1 {
				t.Fatalf("event %d: %s took the lock after %d of its writes, want all %d", e.Seq, name, next[name], n)
			}
		}
	}
	for name, v := range next {
		if v != last[name]+1 {
			t.Errorf("%s: the trace has its writes up to %d, want up to %d", name, v-1, last[name])
		}
	}
	// Switching every 7 steps or so, the threads take hundreds of turns.
	if turns < n/20 {
		t.Errorf("the writes of A and B come in %d runs; the GIL changed hands every few steps", turns)
	}
}
