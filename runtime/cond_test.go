package runtime

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// box is a queue the test keeps itself, as an interpreter keeps a
// multiprocessing Queue: a Cond makes its waits visible to the scheduler.
type box struct {
	mu    sync.Mutex
	items []int
}

func (b *box) put(v int) {
	b.mu.Lock()
	b.items = append(b.items, v)
	b.mu.Unlock()
}

// getter is a Cond that takes one item into *got.
func (b *box) getter(got *int) *Cond {
	return &Cond{
		Obj: b,
		Ready: func() bool {
			b.mu.Lock()
			defer b.mu.Unlock()
			return len(b.items) > 0
		},
		Take: func() bool {
			b.mu.Lock()
			defer b.mu.Unlock()
			if len(b.items) == 0 {
				return false
			}
			*got, b.items = b.items[0], b.items[1:]
			return true
		},
		What: func(stuck bool) string {
			if stuck {
				return "an item of the box, which nobody is left to put"
			}
			return "an item of the box"
		},
	}
}

// startWaiter starts a process P that waits for an item of b.
func startWaiter(t *testing.T, rt *Runtime, main *Thread, b *box) *Thread {
	t.Helper()
	p := rt.NewProcess("P")
	if err := p.Start(main, func() error {
		var v int
		_, err := p.WaitFor(b.getter(&v), -1)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWaitForItemsOfProcesses: the main thread waits for the items two
// processes put, in the order the seed gives, the same every time.
func TestWaitForItemsOfProcesses(t *testing.T) {
	run := func(seed uint64) []int {
		rt := seededRuntime(t, seed)
		b := &box{}
		var got []int
		within(t, 10*time.Second, "waits for processes' items", func() {
			cell(t, rt, func(main *Thread) {
				for i := range 2 {
					p := rt.NewProcess("")
					if err := p.Start(main, func() error {
						for j := range 3 {
							if err := spinSteps(p, 150); err != nil {
								return err
							}
							b.put(10*i + j)
						}
						return nil
					}); err != nil {
						t.Fatal(err)
					}
				}
				for range 6 {
					var v int
					ok, err := main.WaitFor(b.getter(&v), -1)
					if !ok || err != nil {
						t.Fatalf("WaitFor: %v %v", ok, err)
					}
					got = append(got, v)
				}
			})
		})
		return got
	}
	first := run(5)
	if len(first) != 6 {
		t.Fatalf("got %v, want six items", first)
	}
	for seed := uint64(0); seed < 5; seed++ {
		a, b := run(seed), run(seed)
		if !slices.Equal(a, b) {
			t.Errorf("seed %d gave the items in two orders: %v and %v", seed, a, b)
		}
	}
}

// TestWaitForDeadlock: a wait nobody can end is a deadlock the scheduler
// finds, and its report says what the thread waits for.
func TestWaitForDeadlock(t *testing.T) {
	rt := seededRuntime(t, 1)
	b := &box{}
	within(t, 10*time.Second, "a wait nobody ends", func() {
		cell(t, rt, func(main *Thread) {
			startWaiter(t, rt, main, b)
			var v int
			_, err := main.WaitFor(b.getter(&v), -1)
			var dl *DeadlockError
			if !errors.As(err, &dl) {
				t.Fatalf("WaitFor: %v, want a DeadlockError", err)
			}
			for _, want := range []string{"P holds nothing and waits for an item of the box, which nobody is left to put", "MainThread holds nothing and waits for an item of the box"} {
				if !strings.Contains(dl.Error(), want) {
					t.Errorf("the report does not say %q:\n%s", want, dl)
				}
			}
		})
	})
	if !rt.Wait(5 * time.Second) {
		t.Error("the stuck process was not stopped")
	}
}

// TestWaitForTimesOutOnVirtualTime: a timeout under lab.seed passes on the
// scheduler's clock, at once in real time.
func TestWaitForTimesOutOnVirtualTime(t *testing.T) {
	rt := seededRuntime(t, 2)
	b := &box{}
	within(t, 10*time.Second, "an hour's timeout", func() {
		cell(t, rt, func(main *Thread) {
			before := main.Now()
			var v int
			ok, err := main.WaitFor(b.getter(&v), time.Hour)
			if ok || err != nil {
				t.Errorf("WaitFor: %v %v, want a timeout", ok, err)
			}
			if d := main.Now().Sub(before); d != time.Hour {
				t.Errorf("the clock moved by %v, want an hour", d)
			}
		})
	})
	rt2 := New()
	cell(t, rt2, func(main *Thread) {
		var v int
		if _, err := main.WaitFor(b.getter(&v), 0); !errors.Is(err, ErrNotControlled) {
			t.Errorf("WaitFor under the GIL's scheduler: %v, want ErrNotControlled", err)
		}
	})
}

// TestJoinOfStoppedWaitingProcess: a process stopped while it waits (as
// terminate() stops one) ends, and joining it is no deadlock, though for
// a moment nobody could run.
func TestJoinOfStoppedWaitingProcess(t *testing.T) {
	for seed := uint64(0); seed < 10; seed++ {
		rt := seededRuntime(t, seed)
		b := &box{}
		within(t, 10*time.Second, "join of a stopped process", func() {
			cell(t, rt, func(main *Thread) {
				p := startWaiter(t, rt, main, b)
				// Until it waits: then the main thread alone can run.
				c := rt.dom.get().(*controlled)
				st := newStepper(main)
				for {
					if err := st.step(1); err != nil {
						t.Fatal(err)
					}
					c.mu.Lock()
					waiting := p.cstate == cWaiting
					c.mu.Unlock()
					if waiting {
						break
					}
				}
				p.Stop(ErrStopped)
				if _, err := p.Join(main, -1); err != nil {
					t.Errorf("seed %d: joining the stopped process: %v", seed, err)
				}
			})
		})
	}
}

// boxProgram: two producers put 1 and 2 in a box, announcing the write
// first as an interpreter does; a consumer waits for an item and notes
// what it got, which is the outcome.
func boxProgram(rt *Runtime, main *Thread) func() (any, error) {
	return func() (any, error) {
		b := &box{}
		loc := Loc{Obj: b, Name: "items"}
		got := make([]int, 1)
		var ths []*Thread
		for i := range 3 {
			th := rt.NewThread(main, "", false)
			body := func() error {
				if err := th.Announce(loc, OpWrite); err != nil {
					return err
				}
				if i < 2 {
					b.put(i + 1)
					return nil
				}
				_, err := th.WaitFor(b.getter(&got[i-2]), -1)
				return err
			}
			if err := th.Start(main, body); err != nil {
				return nil, err
			}
			ths = append(ths, th)
		}
		for _, th := range ths {
			if _, err := th.Join(main, -1); err != nil {
				return nil, err
			}
		}
		return got, nil
	}
}

// TestExploreWaitFor: exploring waits on Conds finds what the naive
// search finds, either item taken, and no false deadlock: a take that a
// put made possible does not race with that put.
func TestExploreWaitFor(t *testing.T) {
	rt := New()
	rep := explore(t, rt, func(main *Thread) func() (any, error) { return boxProgram(rt, main) }, ExploreOptions{})
	rt2 := New()
	naive := explore(t, rt2, func(main *Thread) func() (any, error) { return boxProgram(rt2, main) }, ExploreOptions{Naive: true, MaxSchedules: 1 << 20})
	got, want := strings.Join(outcomeKeys(rep), " "), strings.Join(outcomeKeys(naive), " ")
	if got != "[1] [2]" || got != want || rep.Deadlocks > 0 || naive.Deadlocks > 0 {
		t.Errorf("outcomes %s (%d deadlocks), naive %s (%d deadlocks), want [1] [2] from both", got, rep.Deadlocks, want, naive.Deadlocks)
	}
	t.Logf("%d schedules, naive %d", rep.Schedules, naive.Schedules)
	if !rep.Complete || rep.Schedules >= naive.Schedules {
		t.Errorf("%d schedules (complete: %v), naive %d: want fewer", rep.Schedules, rep.Complete, naive.Schedules)
	}
}
