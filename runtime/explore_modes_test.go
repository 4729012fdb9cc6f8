package runtime

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExploreVerdicts(t *testing.T) {
	prog := func(rt *Runtime) func(main *Thread) func() (any, error) {
		return func(main *Thread) func() (any, error) { return oneIteration(rt, main) }
	}
	tests := []struct {
		name      string
		expect    []Expectation
		failed    bool
		ceKey     string // "" for no counterexample
		zeroCount []string
	}{
		{"every outcome declared", []Expectation{
			{Key: "0", Verdict: Acceptable, Description: "no overlap"}, {Key: "5", Verdict: Interesting, Description: ""}, {Key: "-5", Verdict: Interesting, Description: ""}, {Key: "8", Verdict: Interesting, Description: ""},
			{Key: "-8", Verdict: Interesting, Description: ""}, {Key: "3", Verdict: Interesting, Description: ""}, {Key: "-3", Verdict: Interesting, Description: ""}, {Key: "13", Verdict: Acceptable, Description: "never happens"},
		}, false, "", []string{"13"}},
		{"lost updates forbidden", []Expectation{{Key: "0", Verdict: Acceptable, Description: ""}, {Key: "8", Verdict: Forbidden, Description: "the withdrawal was lost"}}, true, "", nil},
		{"deadlock declared and absent", []Expectation{{Key: "0", Verdict: Acceptable, Description: ""}, {Key: "deadlock", Verdict: Forbidden, Description: ""}, {Key: "5", Verdict: Interesting, Description: ""},
			{Key: "-5", Verdict: Interesting, Description: ""}, {Key: "8", Verdict: Interesting, Description: ""}, {Key: "-8", Verdict: Interesting, Description: ""}, {Key: "3", Verdict: Interesting, Description: ""}, {Key: "-3", Verdict: Interesting, Description: ""}}, false, "", []string{"deadlock"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := New()
			rep := explore(t, rt, prog(rt), ExploreOptions{Expect: tt.expect})
			if rep.Failed != tt.failed {
				t.Errorf("failed=%v, want %v", rep.Failed, tt.failed)
			}
			if tt.failed {
				ce := rep.Counterexample
				if ce == nil || ce.Verdict != Forbidden || ce.Preemptions != 2 {
					t.Fatalf("counterexample %+v, want a forbidden outcome with 2 preemptions", ce)
				}
			} else if rep.Counterexample != nil {
				t.Errorf("counterexample %+v without a forbidden outcome", rep.Counterexample)
			}
			declared := map[string]bool{}
			for _, e := range tt.expect {
				declared[e.Key] = true
			}
			var zero []string
			for _, o := range rep.Outcomes {
				if o.Count == 0 {
					zero = append(zero, o.Key)
				}
				if !declared[o.Key] && o.Verdict != Forbidden {
					t.Errorf("undeclared outcome %s has verdict %v, want forbidden", o.Key, o.Verdict)
				}
				declared[o.Key] = false
			}
			for k, missing := range declared {
				if missing {
					t.Errorf("declared outcome %s is not in the report", k)
				}
			}
			if !slices.Equal(zero, tt.zeroCount) {
				t.Errorf("outcomes with count 0: %v, want %v", zero, tt.zeroCount)
			}
		})
	}
}

func TestExplorePreemptionBound(t *testing.T) {
	keys := func(bound int) ([]string, *ExploreReport) {
		rt := New()
		rep := explore(t, rt, func(main *Thread) func() (any, error) { return oneIteration(rt, main) },
			ExploreOptions{Bounded: true, Preemptions: bound})
		return outcomeKeys(rep), rep
	}
	// Without preemptions each thread runs whole: the balance comes back.
	got, rep := keys(0)
	if !slices.Equal(got, []string{"0"}) || !rep.Bounded || rep.Complete {
		t.Errorf("bound 0: outcomes %v, bounded=%v complete=%v", got, rep.Bounded, rep.Complete)
	}
	for _, o := range rep.Outcomes {
		if o.Preemptions != 0 {
			t.Errorf("bound 0: an outcome reached with %d preemptions", o.Preemptions)
		}
	}
	// Two preemptions lose an update, and reach every outcome.
	rt := New()
	full := explore(t, rt, func(main *Thread) func() (any, error) { return oneIteration(rt, main) }, ExploreOptions{})
	got2, rep2 := keys(2)
	if len(got2) < 3 || len(got2) > len(outcomeKeys(full)) {
		t.Errorf("bound 2: outcomes %v; every outcome: %v", got2, outcomeKeys(full))
	}
	_, rep1 := keys(1)
	if !(rep.Schedules < rep1.Schedules && rep1.Schedules < rep2.Schedules) {
		t.Errorf("schedules with bounds 0, 1, 2: %d, %d, %d; each bound must add schedules", rep.Schedules, rep1.Schedules, rep2.Schedules)
	}
}

func TestExploreRandomIsSeeded(t *testing.T) {
	counts := func(seed uint64) (map[string]int, *ExploreReport) {
		rt := New()
		rep := explore(t, rt, func(main *Thread) func() (any, error) { return oneIteration(rt, main) },
			ExploreOptions{Random: 200, Seed: seed, Depth: 3})
		m := map[string]int{}
		for _, o := range rep.Outcomes {
			m[o.Key] = o.Count
		}
		return m, rep
	}
	a, rep := counts(7)
	b, _ := counts(7)
	if rep.Schedules != 200 || !rep.Bounded || rep.Complete {
		t.Errorf("random: %d runs, bounded=%v complete=%v", rep.Schedules, rep.Bounded, rep.Complete)
	}
	if len(a) < 2 {
		t.Errorf("200 random runs found only %v", a)
	}
	if len(a) != len(b) {
		t.Fatalf("the same seed gave %v, then %v", a, b)
	}
	for k, n := range a {
		if b[k] != n {
			t.Fatalf("the same seed gave %v, then %v", a, b)
		}
	}
}

func TestExploreBudget(t *testing.T) {
	rt := New()
	rep := explore(t, rt, func(main *Thread) func() (any, error) { return lastzero(10)(rt, main) },
		ExploreOptions{Budget: time.Millisecond})
	if rep.Complete || rep.StoppedBy != "time budget" || rep.Schedules >= 3328 {
		t.Errorf("complete=%v stopped by %q after %d schedules", rep.Complete, rep.StoppedBy, rep.Schedules)
	}
}

func TestExploreNotesSleeps(t *testing.T) {
	for _, sleeps := range []bool{false, true} {
		rt := New()
		rep := explore(t, rt, func(main *Thread) func() (any, error) {
			return func() (any, error) {
				s := rt.NewShared([]string{"x"}, []any{0}, 1)
				err := spawn(rt, main, func(th *Thread) error {
					if sleeps {
						if err := th.Sleep(time.Second); err != nil {
							return err
						}
					}
					return s.Set(th, "x", 1)
				}, func(th *Thread) error { return s.Set(th, "x", 2) })
				return nil, err
			}
		}, ExploreOptions{})
		if rep.IgnoresTime != sleeps || rep.Schedules != 2 {
			t.Errorf("sleeps=%v: ignores time=%v, %d schedules", sleeps, rep.IgnoresTime, rep.Schedules)
		}
	}
}

func TestExploreDeadlockExampleEndsBlocked(t *testing.T) {
	rt := New()
	rep := explore(t, rt, func(main *Thread) func() (any, error) {
		return rprog{{{'a', 0}, {'a', 1}, {'l', 1}, {'l', 0}}, {{'a', 1}, {'a', 0}, {'l', 0}, {'l', 1}}}.program()(rt, main)
	}, ExploreOptions{})
	ce := rep.Counterexample
	if ce == nil || !ce.Deadlock || ce.Stuck == nil {
		t.Fatalf("counterexample %+v", ce)
	}
	var waiting []string
	for _, r := range ce.Stuck.Rows {
		waiting = append(waiting, r.Thread+" waits for "+r.WaitsFor)
	}
	if len(waiting) < 2 {
		t.Errorf("the deadlock's example ends with %v; want both threads' blocked acquires", waiting)
	}
	if ce.Preemptions != 1 {
		t.Errorf("the deadlock needs 1 preemption, the example has %d", ce.Preemptions)
	}
	if rep.Schedules != 3 {
		t.Errorf("%d schedules: two orders of the critical sections and the deadlock make 3", rep.Schedules)
	}
}

func TestExploreReplaysWrittenSchedule(t *testing.T) {
	run := func(schedule string) (*ExploreReport, error) {
		rt := New()
		var rep *ExploreReport
		var err error
		cell(t, rt, func(main *Thread) {
			rep, err = rt.Explore(main, oneIteration(rt, main), ExploreOptions{Schedule: strings.Fields(schedule)})
		})
		return rep, err
	}
	// Thread-1 adds and takes 5, Thread-2 8: each reads, writes, reads,
	// writes. simulate plays a schedule on that model.
	simulate := func(schedule string) string {
		deltas := map[string][]int{"Thread-1": {5, -5}, "Thread-2": {8, -8}}
		step, local := map[string]int{}, map[string]int{}
		balance := 0
		for _, name := range strings.Fields(schedule) {
			if step[name]%2 == 0 {
				local[name] = balance
			} else {
				balance = local[name] + deltas[name][step[name]/2]
			}
			step[name]++
		}
		return fmt.Sprint(balance)
	}
	for _, schedule := range []string{
		"Thread-1 Thread-1 Thread-1 Thread-1 Thread-2 Thread-2 Thread-2 Thread-2",
		"Thread-1 Thread-2 Thread-1 Thread-2 Thread-1 Thread-1 Thread-2 Thread-2",
		"Thread-2 Thread-1 Thread-2 Thread-1 Thread-2 Thread-2 Thread-1 Thread-1",
		"Thread-1 Thread-2 Thread-2 Thread-2 Thread-1 Thread-2 Thread-1 Thread-1",
	} {
		rep, err := run(schedule)
		if err != nil {
			t.Fatalf("%s: %v", schedule, err)
		}
		if want := simulate(schedule); rep.Schedules != 1 || len(rep.Outcomes) != 1 || rep.Outcomes[0].Key != want {
			t.Errorf("%s: outcomes %v, want %s", schedule, outcomeKeys(rep), want)
		}
	}
	// Names run out: the last thread goes on, then the other.
	if rep, err := run("Thread-2"); err != nil || outcomeKeys(rep)[0] != "0" {
		t.Errorf("a one-step schedule: %v %v", rep, err)
	}
	for _, bad := range []string{"Thread-3", "Thread-1 Thread-1 Thread-1 Thread-1 Thread-1"} {
		_, err := run(bad)
		var se *ScheduleError
		if !errors.As(err, &se) {
			t.Errorf("%s: got %v, want a ScheduleError", bad, err)
		}
	}
}

// A timed acquire waits while another thread can still release; exploration
// ignores time, so it times out only when nothing else can happen.
func TestExploreTimedAcquire(t *testing.T) {
	for _, release := range []bool{true, false} {
		rt := New()
		rep := explore(t, rt, func(main *Thread) func() (any, error) {
			return func() (any, error) {
				l := rt.NewLock(false, 1, "l")
				got := false
				err := spawn(rt, main, func(th *Thread) error {
					if _, err := l.Acquire(th, true, -1); err != nil {
						return err
					}
					if release {
						return l.Release(th)
					}
					return nil
				}, func(th *Thread) error {
					var err error
					if got, err = l.Acquire(th, true, time.Second); got && err == nil {
						err = l.Release(th)
					}
					return err
				})
				return got, err
			}
		}, ExploreOptions{})
		want := []string{"true"}
		if !release {
			want = []string{"false", "true"} // before the other thread takes it, or never
		}
		if got := outcomeKeys(rep); !slices.Equal(got, want) || !rep.Complete {
			t.Errorf("release=%v: outcomes %v, want %v", release, got, want)
		}
	}
}
