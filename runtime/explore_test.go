package runtime

import (
	"errors"
	"sort"
	"strings"
	"testing"
	"time"
)

// oneIteration is the lessons' exploration program: each thread does
// balance = balance + n, then balance = balance - n, once.
func oneIteration(rt *Runtime, main *Thread) func() (any, error) {
	return func() (any, error) {
		acct := rt.NewShared([]string{"balance"}, []any{0}, 1)
		worker := func(th **Thread, n int) func() error {
			return func() error {
				for _, d := range []int{n, -n} {
					v, _, err := acct.Get(*th, "balance")
					if err != nil {
						return err
					}
					if err := acct.Set(*th, "balance", v.(int)+d); err != nil {
						return err
					}
				}
				return nil
			}
		}
		a := rt.NewThread(main, "", false)
		b := rt.NewThread(main, "", false)
		if err := a.Start(main, worker(&a, 5)); err != nil {
			return nil, err
		}
		if err := b.Start(main, worker(&b, 8)); err != nil {
			return nil, err
		}
		for _, th := range []*Thread{a, b} {
			if _, err := th.Join(main, -1); err != nil {
				return nil, err
			}
		}
		v, _, err := acct.Get(main, "balance")
		return v, err
	}
}

func explore(t *testing.T, rt *Runtime, fn func(main *Thread) func() (any, error), opts ExploreOptions) *ExploreReport {
	t.Helper()
	var rep *ExploreReport
	cell(t, rt, func(main *Thread) {
		var err error
		rep, err = rt.Explore(main, fn(main), opts)
		if err != nil {
			t.Fatal(err)
		}
	})
	return rep
}

func outcomeKeys(rep *ExploreReport) []string {
	var keys []string
	for _, o := range rep.Outcomes {
		keys = append(keys, o.Key)
	}
	sort.Strings(keys)
	return keys
}

func TestExploreFindsEveryOutcome(t *testing.T) {
	rt := New()
	rep := explore(t, rt, func(main *Thread) func() (any, error) { return oneIteration(rt, main) },
		ExploreOptions{Expect: []Expectation{{Key: "0", Verdict: Acceptable}}})
	// The naive search must need more schedules than the reduced one.
	rt2 := New()
	naive := explore(t, rt2, func(main *Thread) func() (any, error) { return oneIteration(rt2, main) },
		ExploreOptions{Naive: true, MaxSchedules: rep.Schedules + 1})

	// The last write decides: thread 5's r-5 or thread 8's r-8, where r is
	// any value the other thread can have left: 0, 5, 8 or 13.
	want := []string{"-8", "-5", "-3", "0", "3", "5", "8"}
	sort.Strings(want)
	got := outcomeKeys(rep)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("outcomes %v, want %v", got, want)
	}
	if !rep.Complete || rep.Deadlocks != 0 {
		t.Errorf("complete=%v deadlocks=%d", rep.Complete, rep.Deadlocks)
	}
	if naive.Complete {
		t.Errorf("the naive search finished within %d schedules: the reduction saved nothing", naive.Schedules)
	}
	ce := rep.Counterexample
	if ce == nil || ce.Key == "0" || ce.Example == nil || ce.Example.Len() == 0 {
		t.Fatalf("counterexample %+v", ce)
	}
	// With one preemption the other thread runs whole and leaves the
	// balance as it found it, so losing an update takes two.
	if ce.Preemptions != 2 {
		t.Errorf("shortest counterexample has %d preemptions, want 2", ce.Preemptions)
	}
	if len(ce.Example.LostUpdates()) == 0 {
		t.Error("the counterexample's trace shows no lost update")
	}
	t.Logf("reduced: %d schedules (%d pruned) in %v", rep.Schedules, rep.Pruned, rep.Elapsed)
}

func TestExploreFindsDeadlockAndVerifiesFix(t *testing.T) {
	program := func(rt *Runtime, ordered bool) func(main *Thread) func() (any, error) {
		return func(main *Thread) func() (any, error) {
			return func() (any, error) {
				a, b := rt.NewLock(false, 1, ""), rt.NewLock(false, 2, "")
				body := func(th **Thread, first, second *Lock) func() error {
					return func() error {
						th := *th
						if _, err := first.Acquire(th, true, -1); err != nil {
							return err
						}
						if _, err := second.Acquire(th, true, -1); err != nil {
							return err
						}
						if err := second.Release(th); err != nil {
							return err
						}
						return first.Release(th)
					}
				}
				t1, t2 := rt.NewThread(main, "", false), rt.NewThread(main, "", false)
				t1.Start(main, body(&t1, a, b))
				if ordered {
					t2.Start(main, body(&t2, a, b))
				} else {
					t2.Start(main, body(&t2, b, a))
				}
				for _, th := range []*Thread{t1, t2} {
					if _, err := th.Join(main, -1); err != nil {
						return nil, err
					}
				}
				return "done", nil
			}
		}
	}
	rt := New()
	rep := explore(t, rt, program(rt, false), ExploreOptions{})
	if rep.Deadlocks == 0 || rep.Counterexample == nil || !rep.Counterexample.Deadlock {
		t.Fatalf("opposite lock order: %d deadlocks, counterexample %+v", rep.Deadlocks, rep.Counterexample)
	}
	if rep.Schedules == rep.Deadlocks {
		t.Error("every schedule deadlocked; some orders should finish")
	}
	if !rt.Wait(timeoutShort) {
		t.Fatal("threads of explored runs are left over")
	}
	rt2 := New()
	fixed := explore(t, rt2, program(rt2, true), ExploreOptions{})
	if fixed.Deadlocks != 0 || len(fixed.Outcomes) != 1 {
		t.Errorf("ordered locks: %d deadlocks, outcomes %v", fixed.Deadlocks, outcomeKeys(fixed))
	}
}

func TestExploreRespectsMaxSchedules(t *testing.T) {
	rt := New()
	rep := explore(t, rt, func(main *Thread) func() (any, error) { return oneIteration(rt, main) }, ExploreOptions{MaxSchedules: 3})
	if rep.Schedules != 3 || rep.Complete {
		t.Errorf("schedules=%d complete=%v", rep.Schedules, rep.Complete)
	}
}

func TestExploreRejectsNondeterminism(t *testing.T) {
	rt := New()
	calls := 0
	cell(t, rt, func(main *Thread) {
		_, err := rt.Explore(main, func() (any, error) {
			calls++
			s := rt.NewShared([]string{"x"}, []any{0}, 1)
			th := rt.NewThread(main, "", false)
			th.Start(main, func() error { _, _, err := s.Get(th, "x"); return err })
			if calls > 1 { // a second run behaves differently
				th2 := rt.NewThread(main, "", false)
				th2.Start(main, func() error { return nil })
			}
			return nil, s.Set(main, "x", 1)
		}, ExploreOptions{})
		if !errors.Is(err, errNondeterministic) {
			t.Errorf("got %v", err)
		}
	})
}

const timeoutShort = 2 * time.Second
