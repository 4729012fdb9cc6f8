package runtime

import (
	"errors"
	goruntime "runtime"
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

// TestSeededJoinOfProcess: under lab.seed a process runs in its own
// domain on real time; joining it, directly and from a thread the main
// thread joins, is no deadlock (issue 11's defect).
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

// TestSeededSharedLockHeldByProcess: waiting for a lock that a process
// holds is a wait on real time, not a deadlock of the seeded threads.
func TestSeededSharedLockHeldByProcess(t *testing.T) {
	for seed := uint64(0); seed < 10; seed++ {
		rt := seededRuntime(t, seed)
		within(t, 10*time.Second, "seeded wait for a process's lock", func() {
			cell(t, rt, func(main *Thread) {
				l := rt.NewSharedLock(false, 1, "shared")
				held, release := make(chan struct{}), make(chan struct{})
				p := rt.NewProcess("P")
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
				start(t, rt, main, "releaser", func(*Thread) error { close(release); return nil })
				if ok, err := l.Acquire(main, true, -1); !ok || err != nil {
					t.Errorf("seed %d: taking the lock after the process: %v %v", seed, ok, err)
				}
				join(t, main, p)
			})
		})
	}
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
