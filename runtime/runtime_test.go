package runtime

import (
	"errors"
	goruntime "runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRaceLosesUpdatesUnderRealGIL(t *testing.T) {
	nonzero := 0
	for i := 0; i < 5; i++ {
		rt := New()
		if raceProgram(t, rt, 100000, false) != 0 {
			nonzero++
		}
		if lost := rt.Trace().LostUpdates(); len(lost) == 0 {
			t.Errorf("run %d: the trace shows no lost update", i)
		}
	}
	if nonzero < 3 {
		t.Fatalf("balance was nonzero in %d of 5 runs; the race should show in most", nonzero)
	}
}

func TestLockFixesRace(t *testing.T) {
	for _, gil := range []bool{true, false} {
		rt := New()
		cell(t, rt, func(*Thread) {
			if err := rt.SetGIL(gil); err != nil {
				t.Fatal(err)
			}
		})
		if got := raceProgram(t, rt, 20000, true); got != 0 {
			t.Errorf("gil=%v: balance %d with a lock, want 0", gil, got)
		}
	}
}

func TestGILOffRunsInParallelSafely(t *testing.T) {
	rt := New()
	cell(t, rt, func(*Thread) { rt.SetGIL(false) })
	// The race detector checks this: shared state stays consistent while
	// threads run at once.
	raceProgram(t, rt, 5000, false)
	accesses, waits := 0, 0
	for _, e := range rt.Trace().Events() {
		switch e.Kind {
		case OpRead, OpWrite:
			accesses++
		case OpWait:
			waits++ // MainThread joining a thread that has not ended
		}
	}
	if accesses != 4*2*5000+1 || waits > 2 {
		t.Errorf("trace has %d accesses and %d waits, want %d and at most 2", accesses, waits, 4*2*5000+1)
	}
}

func TestSeedReplaysExactly(t *testing.T) {
	run := func(seed uint64) (int, []Event) {
		rt := New()
		s := seed
		cell(t, rt, func(*Thread) {
			if err := rt.Seed(&s); err != nil {
				t.Fatal(err)
			}
		})
		v := raceProgram(t, rt, 2000, false)
		ev := rt.Trace().Events()
		return v, ev
	}
	v1, e1 := run(42)
	v2, e2 := run(42)
	if v1 != v2 || len(e1) != len(e2) {
		t.Fatalf("same seed gave %d (%d events) then %d (%d events)", v1, len(e1), v2, len(e2))
	}
	for i := range e1 {
		if e1[i] != e2[i] {
			t.Fatalf("event %d differs: %+v vs %+v", i, e1[i], e2[i])
		}
	}
	if v1 == 0 {
		t.Errorf("seed 42 gave balance 0; the seeded schedule should switch inside updates")
	}
	differ := false
	for s := uint64(1); s <= 5 && !differ; s++ {
		v, _ := run(s)
		differ = v != v1
	}
	if !differ {
		t.Error("five other seeds all gave the same balance as seed 42")
	}
}

func TestVirtualSleepOrdersThreads(t *testing.T) {
	rt := New()
	seed := uint64(7)
	var order []string
	var mu sync.Mutex
	began := time.Now()
	cell(t, rt, func(main *Thread) {
		rt.Seed(&seed)
		mk := func(name string, d time.Duration) *Thread {
			return start(t, rt, main, name, func(th *Thread) error {
				if err := th.Sleep(d); err != nil {
					return err
				}
				mu.Lock()
				order = append(order, name)
				mu.Unlock()
				return nil
			})
		}
		a := mk("slow", 3*time.Second)
		b := mk("fast", time.Second)
		join(t, main, a, b)
	})
	if strings.Join(order, ",") != "fast,slow" {
		t.Errorf("order %v, want fast then slow", order)
	}
	if time.Since(began) > time.Second {
		t.Errorf("virtual sleeps took %v of real time", time.Since(began))
	}
}

func deadlockProgram(t *testing.T, rt *Runtime) error {
	var err error
	cell(t, rt, func(main *Thread) {
		a, b := rt.NewLock(false, 1, ""), rt.NewLock(false, 2, "")
		ready := make(chan struct{}, 2)
		both := func(first, second *Lock) func(th *Thread) error {
			return func(th *Thread) error {
				if _, err := first.Acquire(th, true, -1); err != nil {
					return err
				}
				ready <- struct{}{}
				// Wait (outside the GIL) until the other thread holds its
				// first lock, so the deadlock happens every time.
				th.Blocking(func() {
					for len(ready) < 2 && rt.Seeded() == false {
						goruntime.Gosched()
					}
				})
				_, err := second.Acquire(th, true, -1)
				return err
			}
		}
		t1 := start(t, rt, main, "", both(a, b))
		t2 := start(t, rt, main, "", both(b, a))
		_, err = t1.Join(main, -1)
		if err == nil {
			_, err = t2.Join(main, -1)
		}
	})
	return err
}

func TestDeadlockDetectedQuickly(t *testing.T) {
	rt := New()
	var err error
	began := time.Now()
	within(t, 2*time.Second, "deadlock detection", func() { err = deadlockProgram(t, rt) })
	var dl *DeadlockError
	if !errors.As(err, &dl) {
		t.Fatalf("join returned %v, want a DeadlockError", err)
	}
	if took := time.Since(began); took > 100*time.Millisecond {
		t.Errorf("detection took %v, want under 100ms", took)
	}
	msg := dl.Error()
	for _, want := range []string{"Thread-1 holds Lock-1", "Lock-2, held by Thread-2", "MainThread"} {
		if !strings.Contains(msg, want) {
			t.Errorf("report lacks %q:\n%s", want, msg)
		}
	}
	if !rt.Wait(time.Second) {
		t.Fatal("deadlocked threads were not stopped")
	}
	// The kernel stays usable: the next cell runs threads normally.
	if got := raceProgram(t, rt, 100, true); got != 0 {
		t.Errorf("after a deadlock, the locked program gave %d", got)
	}
}

func TestDeadlockUnderSeed(t *testing.T) {
	for seed := uint64(0); seed < 20; seed++ {
		rt := seededRuntime(t, seed)
		var err error
		within(t, 2*time.Second, "seeded deadlock", func() { err = deadlockProgram(t, rt) })
		var dl *DeadlockError
		if err != nil && !errors.As(err, &dl) {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if !rt.Wait(time.Second) {
			t.Fatalf("seed %d: threads left running", seed)
		}
	}
}

func TestSelfDeadlockAndLockErrors(t *testing.T) {
	rt := New()
	cell(t, rt, func(main *Thread) {
		l := rt.NewLock(false, 1, "")
		if err := l.Release(main); err == nil || !strings.Contains(err.Error(), "not locked") {
			t.Errorf("releasing an unheld lock: %v", err)
		}
		if ok, _ := l.Acquire(main, true, -1); !ok {
			t.Fatal("could not take a free lock")
		}
		if ok, _ := l.Acquire(main, false, -1); ok {
			t.Error("non-blocking acquire of a held Lock succeeded")
		}
		if ok, err := l.Acquire(main, true, 10*time.Millisecond); ok || err != nil {
			t.Errorf("timed acquire of a held Lock: %v %v", ok, err)
		}
		var dl *DeadlockError
		if _, err := l.Acquire(main, true, -1); !errors.As(err, &dl) {
			t.Errorf("taking a Lock twice: %v, want DeadlockError", err)
		}
		r := rt.NewLock(true, 2, "")
		for i := 0; i < 3; i++ {
			if ok, _ := r.Acquire(main, true, -1); !ok {
				t.Fatal("RLock not reentrant")
			}
		}
		for i := 0; i < 3; i++ {
			if err := r.Release(main); err != nil {
				t.Fatal(err)
			}
		}
		if r.Locked() {
			t.Error("RLock still locked after as many releases as acquires")
		}
		th := rt.NewThread(main, "", false)
		th.Start(main, func() error { return nil })
		if err := th.Start(main, func() error { return nil }); !errors.Is(err, ErrStartedTwice) {
			t.Errorf("second start: %v", err)
		}
		join(t, main, th)
	})
}

func TestStopEndsSpinningThreads(t *testing.T) {
	for _, gil := range []bool{true, false} {
		rt := New()
		cell(t, rt, func(main *Thread) {
			rt.SetGIL(gil)
			for i := 0; i < 4; i++ {
				start(t, rt, main, "", func(th *Thread) error {
					st := newStepper(th)
					for {
						if err := st.step(1); err != nil {
							return err
						}
					}
				})
			}
		})
		within(t, time.Second, "StopAll", func() {
			rt.StopAll()
			rt.Wait(time.Second)
		})
		if n := len(rt.Threads()); n != 1 {
			t.Errorf("gil=%v: %d threads left after StopAll", gil, n-1)
		}
	}
}

// A thread waiting for the GIL ends as soon as it is stopped, even while
// the holder keeps it and never reaches a switch.
func TestStopEndsWaitForGIL(t *testing.T) {
	rt := New()
	cell(t, rt, func(main *Thread) { // main holds the GIL throughout
		ran := false
		th := start(t, rt, main, "waiter", func(*Thread) error {
			ran = true
			return nil
		})
		th.Stop(nil)
		within(t, time.Second, "the stopped waiter to end", func() { <-th.Done() })
		if ran {
			t.Error("the stopped thread ran its body")
		}
		if err := th.Err(); err != nil && !errors.Is(err, ErrStopped) {
			t.Errorf("the stopped thread ended with %v", err)
		}
	})
}

func TestNoGoroutineLeakAfterThousandsOfThreads(t *testing.T) {
	before := goruntime.NumGoroutine()
	rt := New()
	cell(t, rt, func(main *Thread) {
		for round := 0; round < 5; round++ {
			var ths []*Thread
			for i := 0; i < 1000; i++ {
				ths = append(ths, start(t, rt, main, "", func(th *Thread) error {
					return th.Sleep(0)
				}))
			}
			join(t, main, ths...)
		}
	})
	deadline := time.Now().Add(2 * time.Second)
	for goruntime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		goruntime.Gosched()
	}
	if n := goruntime.NumGoroutine(); n > before+2 {
		t.Fatalf("%d goroutines before, %d after 5000 threads", before, n)
	}
}

func TestThreadLimit(t *testing.T) {
	rt := New()
	cell(t, rt, func(main *Thread) {
		release := make(chan struct{})
		var err error
		for i := 0; i <= MaxThreads && err == nil; i++ {
			th := rt.NewThread(main, "", false)
			err = th.Start(main, func() error {
				return th.Blocking(func() { <-release })
			})
		}
		if err == nil || !strings.Contains(err.Error(), "too many threads") {
			t.Errorf("starting %d threads: %v", MaxThreads+1, err)
		}
		close(release)
	})
	if !rt.Wait(5 * time.Second) {
		t.Fatal("threads did not end")
	}
}
