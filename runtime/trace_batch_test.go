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

// A thread's batch outlives a hand-off of the GIL: the first access
// after the thread gets the GIL back is batched, not recorded through
// the trace's lock.
func TestBatchOutlivesHandOff(t *testing.T) {
	rt := New()
	rt.SetIntCodec(int64Codec)
	if err := rt.SetSwitchInterval(7); err != nil {
		t.Fatal(err)
	}
	obj := new(int)
	var handOffs [2]int
	cell(t, rt, func(main *Thread) {
		worker := func(w int) func(th *Thread) error {
			return func(th *Thread) error {
				st := newStepper(th)
				spot := &Spot{Loc: Loc{Obj: obj, Name: "x"}}
				for i := range int32(500) {
					th.AccessIntAt(spot, OpWrite, i, 1)
					before := rt.Switches()
					if err := st.step(1); err != nil {
						return err
					}
					if rt.Switches() == before {
						continue
					}
					// The tick handed the GIL over, and t has it back.
					handOffs[w]++
					th.AccessIntAt(spot, OpRead, i, 1)
					if th.batch.n != 1 {
						t.Errorf("after a hand-off, the thread's batch holds %d accesses, want the one just made", th.batch.n)
						return nil
					}
				}
				return nil
			}
		}
		a := start(t, rt, main, "A", worker(0))
		b := start(t, rt, main, "B", worker(1))
		join(t, main, a, b)
	})
	if handOffs[0] == 0 || handOffs[1] == 0 {
		t.Fatalf("hand-offs seen by A and B: %v; the GIL should change hands every 7 steps", handOffs)
	}
}

// A thread that kept its batch while it waited records into the new
// trace when a new cell has begun meanwhile, and the old trace keeps
// what the thread did before. (The thread waits without a lock, whose
// step it would record, giving it a column in the new trace first.)
func TestBatchFollowsNewCell(t *testing.T) {
	rt := New()
	rt.SetIntCodec(int64Codec)
	spot := &Spot{Loc: Loc{Obj: new(int), Name: "x"}}
	var th *Thread
	waiting, resume := make(chan struct{}), make(chan struct{})
	cell(t, rt, func(main *Thread) {
		// (A trace only one thread made is dropped at the next cell.)
		main.AccessIntAt(&Spot{Loc: Loc{Obj: new(int), Name: "y"}}, OpWrite, 1, 1)
		th = start(t, rt, main, "T", func(th *Thread) error {
			for i := range int32(10) {
				th.AccessIntAt(spot, OpWrite, i, 1)
			}
			close(waiting)
			if err := th.Blocking(func() { <-resume }); err != nil { // until the next cell
				return err
			}
			for i := range int32(10) {
				th.AccessIntAt(spot, OpWrite, 100+i, 1)
			}
			return nil
		})
		// The main thread gets the GIL back once T waits.
		if err := main.Blocking(func() { <-waiting }); err != nil {
			t.Fatal(err)
		}
	})
	rt.sharedMu.Lock()
	first := rt.trace
	rt.sharedMu.Unlock()
	cell(t, rt, func(main *Thread) {
		close(resume)
		join(t, main, th)
	})
	rt.sharedMu.Lock()
	second := rt.trace
	rt.sharedMu.Unlock()
	values := func(tr *Trace) (out []int64) {
		for _, e := range tr.Events() {
			if e.Kind == OpWrite && e.Field == "x" {
				out = append(out, e.Value.(int64))
			}
		}
		return out
	}
	if got := values(first); len(got) != 10 || got[0] != 0 || got[9] != 9 {
		t.Errorf("the first cell's trace has T's writes %v, want 0 to 9", got)
	}
	if got := values(second); len(got) != 10 || got[0] != 100 || got[9] != 109 {
		t.Errorf("the second cell's trace has T's writes %v, want 100 to 109", got)
	}
}

// The first access after a hand-off goes through the trace's lock, and
// keeps a small integer inline without making it a value (the main
// thread, which never batches, takes that path every time).
func TestLockedIntAccessAllocatesNothing(t *testing.T) {
	rt := New()
	rt.SetIntCodec(int64Codec)
	cell(t, rt, func(main *Thread) {
		spot := &Spot{Loc: Loc{Obj: new(int), Name: "x"}}
		allocs := testing.AllocsPerRun(100, func() { main.AccessIntAt(spot, OpWrite, 100_000, 1) })
		if allocs != 0 {
			t.Errorf("an access through the lock makes %v allocations, want none", allocs)
		}
	})
	if n := rt.trace.Len(); n != 101 {
		t.Errorf("the trace has %d events, want 101", n)
	}
}

// A thread that lets its GIL go to block lets go of its trace too: a
// thread that waits for long must not keep a trace's memory alive once
// the next cell's replaces it. It keeps batching before and after.
func TestBlockedThreadLetsGoOfItsTrace(t *testing.T) {
	rt := New()
	rt.SetIntCodec(int64Codec)
	spot := &Spot{Loc: Loc{Obj: new(int), Name: "x"}}
	waiting, resume := make(chan struct{}), make(chan struct{})
	var before, after bool
	cell(t, rt, func(main *Thread) {
		main.AccessIntAt(&Spot{Loc: Loc{Obj: new(int), Name: "y"}}, OpWrite, 1, 1)
		th := start(t, rt, main, "T", func(th *Thread) error {
			for i := range int32(10) {
				th.AccessIntAt(spot, OpWrite, i, 1)
			}
			before = th.batch.tr != nil
			close(waiting)
			if err := th.Blocking(func() { <-resume }); err != nil {
				return err
			}
			for i := range int32(10) {
				th.AccessIntAt(spot, OpWrite, 100+i, 1)
			}
			after = th.batch.n > 0
			return nil
		})
		if err := main.Blocking(func() { <-waiting }); err != nil {
			t.Fatal(err)
		}
		rt.sharedMu.Lock()
		kept := th.batch.tr
		rt.sharedMu.Unlock()
		if kept != nil {
			t.Errorf("a thread that blocks still points at the trace it recorded into")
		}
		close(resume)
		join(t, main, th)
	})
	if !before || !after {
		t.Errorf("the thread batched before it blocked: %v, after: %v; want both", before, after)
	}
	writes := 0
	for _, e := range rt.Trace().Events() {
		if e.Kind == OpWrite && e.Field == "x" {
			writes++
		}
	}
	if writes != 20 {
		t.Errorf("the trace has %d of T's writes, want 20", writes)
	}
}
