package runtime

import (
	"errors"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// spinSteps runs n steps of an interpreter on th.
func spinSteps(th *Thread, n int) error {
	st := newStepper(th)
	for range n {
		if err := st.step(1); err != nil {
			return err
		}
	}
	return nil
}

// TestSeededJoinOfProcess: under lab.seed a process shares the kernel's
// scheduler; joining it, directly and from a thread the main thread
// joins, is no deadlock (issue 11's defect).
func TestSeededJoinOfProcess(t *testing.T) {
	for seed := uint64(0); seed < 10; seed++ {
		rt := seededRuntime(t, seed)
		within(t, 10*time.Second, "seeded join of a process", func() {
			cell(t, rt, func(main *Thread) {
				p := rt.NewProcess("P")
				if err := p.Start(main, func() error { return spinSteps(p, 5000) }); err != nil {
					t.Fatal(err)
				}
				joiner := start(t, rt, main, "joiner", func(th *Thread) error {
					_, err := p.Join(th, -1)
					return err
				})
				join(t, main, joiner, p)
				if err := joiner.Err(); err != nil {
					t.Errorf("seed %d: the thread's join of the process: %v", seed, err)
				}
			})
		})
	}
}

// seededOrder runs two processes and a thread under seed, each stepping
// and noting its name at every step, and returns who stepped when.
func seededOrder(t *testing.T, seed uint64) string {
	rt := seededRuntime(t, seed)
	var mu sync.Mutex
	var order []byte
	body := func(th *Thread, mark byte) error {
		st := newStepper(th)
		for range 3000 {
			if err := st.step(1); err != nil {
				return err
			}
			mu.Lock()
			order = append(order, mark)
			mu.Unlock()
		}
		return nil
	}
	within(t, 20*time.Second, "seeded processes", func() {
		cell(t, rt, func(main *Thread) {
			p, q := rt.NewProcess("P"), rt.NewProcess("Q")
			for i, th := range []*Thread{p, q} {
				if err := th.Start(main, func() error { return body(th, "PQ"[i]) }); err != nil {
					t.Fatal(err)
				}
			}
			r := start(t, rt, main, "R", func(th *Thread) error { return body(th, 'R') })
			join(t, main, p, q, r)
		})
	})
	return string(order)
}

// TestSeededProcessesAreReproducible: processes take turns with threads
// in the seed's order, so a seed gives the same interleaving every time.
func TestSeededProcessesAreReproducible(t *testing.T) {
	first := seededOrder(t, 7)
	if again := seededOrder(t, 7); again != first {
		t.Fatalf("seed 7 gave two orders of processes and a thread:\n%.200s\n%.200s", first, again)
	}
	if other := seededOrder(t, 8); other == first {
		t.Errorf("seeds 7 and 8 gave the same order: the seed does not choose it")
	}
	if switches := strings.Count(first, "PQ") + strings.Count(first, "QP") + strings.Count(first, "PR") + strings.Count(first, "QR"); switches == 0 {
		t.Errorf("the processes never took turns with each other or the thread:\n%.200s", first)
	}
}

// TestSeededSharedLockHeldByProcess: under lab.seed, waiting for a lock a
// process holds is waiting for a thread of the same scheduler.
func TestSeededSharedLockHeldByProcess(t *testing.T) {
	for seed := uint64(0); seed < 10; seed++ {
		rt := seededRuntime(t, seed)
		within(t, 10*time.Second, "seeded wait for a process's lock", func() {
			cell(t, rt, func(main *Thread) {
				l := rt.NewSharedLock(false, 1, "shared")
				p := rt.NewProcess("P")
				if err := p.Start(main, func() error {
					if _, err := l.Acquire(p, true, -1); err != nil {
						return err
					}
					if err := spinSteps(p, 500); err != nil {
						return err
					}
					return l.Release(p)
				}); err != nil {
					t.Fatal(err)
				}
				if ok, err := l.Acquire(main, true, -1); !ok || err != nil {
					t.Errorf("seed %d: taking the lock the process held: %v %v", seed, ok, err)
				}
				if err := l.Release(main); err != nil {
					t.Error(err)
				}
				join(t, main, p)
			})
		})
	}
}

// TestSeededSharedLockHeldByEarlierProcess: a process started before
// lab.seed runs on its own, on real time; waiting for a lock it holds is a
// wait outside the seeded threads, not a deadlock of theirs.
func TestSeededSharedLockHeldByEarlierProcess(t *testing.T) {
	rt := New()
	l := rt.NewSharedLock(false, 1, "shared")
	held, release := make(chan struct{}), make(chan struct{})
	var p *Thread
	cell(t, rt, func(main *Thread) {
		p = rt.NewProcess("P")
		if err := p.Start(main, func() error {
			if _, err := l.Acquire(p, true, -1); err != nil {
				return err
			}
			close(held)
			<-release
			return l.Release(p)
		}); err != nil {
			t.Fatal(err)
		}
		if err := main.Blocking(func() { <-held }); err != nil {
			t.Fatal(err)
		}
	})
	seed := uint64(3)
	cell(t, rt, func(*Thread) {
		if err := rt.Seed(&seed); err != nil {
			t.Fatal(err)
		}
	})
	within(t, 10*time.Second, "seeded wait for an earlier process's lock", func() {
		cell(t, rt, func(main *Thread) {
			if main.Controlled() {
				t.Error("Controlled() is true while a process runs on its own")
			}
			start(t, rt, main, "releaser", func(*Thread) error { close(release); return nil })
			if ok, err := l.Acquire(main, true, -1); !ok || err != nil {
				t.Errorf("taking the lock after the process: %v %v", ok, err)
			}
			join(t, main, p)
			if !main.Controlled() {
				t.Error("Controlled() is false once the earlier process has ended")
			}
		})
	})
}

// TestSeededBlockingIsNoDeadlock: a thread that waits for a lock the main
// thread holds while the main thread is in a Blocking call (input()) is
// not stuck: the main thread comes back.
func TestSeededBlockingIsNoDeadlock(t *testing.T) {
	for seed := uint64(0); seed < 10; seed++ {
		rt := seededRuntime(t, seed)
		within(t, 10*time.Second, "seeded Blocking", func() {
			cell(t, rt, func(main *Thread) {
				l := rt.NewLock(false, 1, "")
				if _, err := l.Acquire(main, true, -1); err != nil {
					t.Fatal(err)
				}
				waiter := start(t, rt, main, "waiter", func(th *Thread) error {
					if _, err := l.Acquire(th, true, -1); err != nil {
						return err
					}
					return l.Release(th)
				})
				if err := main.Blocking(func() {}); err != nil {
					t.Fatal(err)
				}
				if err := l.Release(main); err != nil {
					t.Fatal(err)
				}
				join(t, main, waiter)
				if err := waiter.Err(); err != nil {
					t.Errorf("seed %d: the waiting thread was stopped: %v", seed, err)
				}
			})
		})
	}
}

// TestSeededProcessDeadlockFound: a real cycle through a process (the
// main thread holds the lock the process waits for, and joins it) is
// still reported.
func TestSeededProcessDeadlockFound(t *testing.T) {
	rt := seededRuntime(t, 1)
	within(t, 10*time.Second, "a deadlock through a process", func() {
		cell(t, rt, func(main *Thread) {
			l := rt.NewSharedLock(false, 1, "shared")
			if _, err := l.Acquire(main, true, -1); err != nil {
				t.Fatal(err)
			}
			p := rt.NewProcess("P")
			if err := p.Start(main, func() error {
				_, err := l.Acquire(p, true, -1)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			_, err := p.Join(main, -1)
			var dl *DeadlockError
			if !errors.As(err, &dl) {
				t.Errorf("joining a process that waits for the main thread's lock: %v, want a DeadlockError", err)
			}
		})
	})
	if !rt.Wait(5 * time.Second) {
		t.Error("the stuck process was not stopped")
	}
}

// TestSwitchTimeAtSafePoints: switching by time hands the GIL over while
// two threads spin, and only at their safe points.
func TestSwitchTimeAtSafePoints(t *testing.T) {
	rt := New()
	if err := rt.SetSwitchTime(time.Millisecond); err != nil {
		t.Fatal(err)
	}
	const turnsWanted, maxSteps = 6, 20_000_000
	var progress, turns [2]atomic.Int64
	var ended [2]atomic.Bool
	var unsafe atomic.Int64
	worker := func(me int) func(th *Thread) error {
		return func(th *Thread) error {
			defer ended[me].Store(true)
			calls, lastSafe := 0, false
			th.SafePoint = func() bool {
				calls++
				lastSafe = calls%7 == 0
				return lastSafe
			}
			for i := 0; i < maxSteps && turns[0].Load()+turns[1].Load() < turnsWanted && !ended[1-me].Load(); i++ {
				other := progress[1-me].Load()
				lastSafe = false // until the tick asks SafePoint and hears yes
				// Every step ends with a tick, so that the GIL may pass at any.
				if _, err := th.Tick(); err != nil {
					return err
				}
				progress[me].Add(1)
				if progress[1-me].Load() != other {
					turns[me].Add(1)
					if !lastSafe {
						unsafe.Add(1)
					}
				}
			}
			return nil
		}
	}
	within(t, 60*time.Second, "switching by time", func() {
		cell(t, rt, func(main *Thread) {
			a := start(t, rt, main, "a", worker(0))
			b := start(t, rt, main, "b", worker(1))
			join(t, main, a, b)
		})
	})
	if got := turns[0].Load() + turns[1].Load(); got < turnsWanted {
		t.Errorf("the threads took %d turns in %d and %d steps, want %d", got, progress[0].Load(), progress[1].Load(), turnsWanted)
	}
	if n := unsafe.Load(); n > 0 {
		t.Errorf("%d hand-offs happened away from a safe point", n)
	}
	if err := rt.SetSwitchInterval(DefaultSwitchInterval); err != nil || rt.SwitchTime() != 0 {
		t.Errorf("SetSwitchInterval did not go back to switching by steps: %v, %v", err, rt.SwitchTime())
	}
}

// TestProcessesHaveTheirOwnGIL: two processes hold their GILs at once
// (each waits, GIL in hand, for the other to be running too), and Go runs
// on every core while processes live.
func TestProcessesHaveTheirOwnGIL(t *testing.T) {
	rt := New()
	within(t, 10*time.Second, "two processes at once", func() {
		cell(t, rt, func(main *Thread) {
			running := [2]chan struct{}{make(chan struct{}), make(chan struct{})}
			release := make(chan struct{})
			var procs []*Thread
			for i := range 2 {
				p := rt.NewProcess("")
				if err := p.Start(main, func() error {
					close(running[i])
					<-running[1-i] // without giving up this process's GIL
					<-release
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				procs = append(procs, p)
			}
			if n := goruntime.GOMAXPROCS(0); goruntime.NumCPU() > 1 && n < 2 {
				t.Errorf("GOMAXPROCS is %d while processes run", n)
			}
			close(release)
			join(t, main, procs...)
		})
	})
	if n := goruntime.GOMAXPROCS(0); n != 1 {
		t.Errorf("GOMAXPROCS is %d after the processes ended, want 1 (GIL on)", n)
	}
}
