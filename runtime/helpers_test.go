package runtime

import (
	goruntime "runtime"
	"testing"
	"time"
)

// stepper stands in for an interpreter: it counts steps and ticks the
// thread when the budget runs out, as lessons/pyhost does.
type stepper struct {
	t    *Thread
	left int
}

func newStepper(t *Thread) *stepper { return &stepper{t: t, left: DefaultSwitchInterval} }

func (s *stepper) step(n int) error {
	s.left -= n
	if s.left > 0 {
		return nil
	}
	b, err := s.t.Tick()
	s.left = b
	return err
}

// cell runs body as a cell on the main thread of a fresh runtime.
func cell(t *testing.T, rt *Runtime, body func(main *Thread)) {
	t.Helper()
	if err := rt.BeginCell(); err != nil {
		t.Fatal(err)
	}
	body(rt.Main())
	rt.EndCell()
}

// seededRuntime is a new runtime whose schedule the seed chooses.
func seededRuntime(t *testing.T, seed uint64) *Runtime {
	t.Helper()
	rt := New()
	cell(t, rt, func(*Thread) { rt.Seed(&seed) })
	return rt
}

// start starts a thread running body and fails the test on error.
func start(t *testing.T, rt *Runtime, by *Thread, name string, body func(th *Thread) error) *Thread {
	t.Helper()
	th := rt.NewThread(by, name, false)
	if err := th.Start(by, func() error { return body(th) }); err != nil {
		t.Fatal(err)
	}
	return th
}

func join(t *testing.T, by *Thread, ths ...*Thread) {
	t.Helper()
	for _, th := range ths {
		if _, err := th.Join(by, -1); err != nil {
			t.Fatalf("join %s: %v", th.Name(), err)
		}
	}
}

// raceProgram is the lessons' two-thread bank account: one thread adds and
// subtracts 5, the other 8, each n times, with an optional lock.
func raceProgram(t *testing.T, rt *Runtime, n int, lock bool) int {
	t.Helper()
	var final int
	cell(t, rt, func(main *Thread) {
		acct := rt.NewShared([]string{"balance"}, []any{0}, 1)
		var l *Lock
		if lock {
			l = rt.NewLock(false, 1, "")
		}
		worker := func(amount int) func(th *Thread) error {
			return func(th *Thread) error {
				st := newStepper(th)
				update := func(delta int) error {
					if l != nil {
						if _, err := l.Acquire(th, true, -1); err != nil {
							return err
						}
					}
					v, _, err := acct.Get(th, "balance")
					if err != nil {
						return err
					}
					if err := st.step(3); err != nil {
						return err
					}
					if err := acct.Set(th, "balance", v.(int)+delta); err != nil {
						return err
					}
					if l != nil {
						if err := l.Release(th); err != nil {
							return err
						}
					}
					return st.step(4)
				}
				for i := 0; i < n; i++ {
					if err := update(amount); err != nil {
						return err
					}
					if err := update(-amount); err != nil {
						return err
					}
				}
				return nil
			}
		}
		a := start(t, rt, main, "", worker(5))
		b := start(t, rt, main, "", worker(8))
		join(t, main, a, b)
		if a.Err() != nil || b.Err() != nil {
			t.Fatal(a.Err(), b.Err())
		}
		v, _, _ := acct.Get(main, "balance")
		final = v.(int)
	})
	return final
}

// within fails the test if fn does not return within d.
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		buf := make([]byte, 1<<20)
		n := goruntime.Stack(buf, true)
		t.Fatalf("%s did not finish within %v; goroutines:\n%s", what, d, buf[:n])
	}
}
