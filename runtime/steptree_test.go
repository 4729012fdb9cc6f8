package runtime

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// stepRace is the tutorial's race: thread i does balance = balance + n_i,
// then balance = balance - n_i, iterations times.
func stepRace(rt *Runtime, main *Thread, iterations int, amounts ...int) func() (any, error) {
	return stepRaceOn(rt, main, nil, iterations, amounts...)
}

// stepRaceOn is stepRace on acct, or on a fresh object when acct is nil.
func stepRaceOn(rt *Runtime, main *Thread, acct *Shared, iterations int, amounts ...int) func() (any, error) {
	return func() (any, error) {
		acct := acct
		if acct == nil {
			acct = rt.NewShared([]string{"balance"}, []any{0}, 1)
		}
		var ths []*Thread
		for _, n := range amounts {
			th := rt.NewThread(main, "", false)
			ths = append(ths, th)
			err := th.Start(main, func() error {
				for range iterations {
					for _, d := range []int{n, -n} {
						v, _, err := acct.Get(th, "balance")
						if err != nil {
							return err
						}
						if err := acct.Set(th, "balance", v.(int)+d); err != nil {
							return err
						}
					}
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		for _, th := range ths {
			if _, err := th.Join(main, -1); err != nil {
				return nil, err
			}
		}
		v, _, err := acct.Get(main, "balance")
		return v, err
	}
}

// stepTwoLocks: one thread takes a then b, the other b then a. With
// lateUnwind, the threads a deadlock stops are still unwinding when the
// main thread leaves the run: each waits for the turn the scheduler hands
// it once the main thread is gone (the slowest way the timing can go).
func stepTwoLocks(rt *Runtime, main *Thread, lateUnwind bool) func() (any, error) {
	return func() (any, error) {
		a, b := rt.NewLock(false, 1, "a"), rt.NewLock(false, 2, "b")
		unwinding := make(chan struct{}, 2)
		stopped := func(th *Thread, err error) error {
			if lateUnwind {
				unwinding <- struct{}{}
				<-th.wake
			}
			return err
		}
		body := func(th **Thread, first, second *Lock) func() error {
			return func() error {
				th := *th
				if _, err := first.Acquire(th, true, -1); err != nil {
					return stopped(th, err)
				}
				if _, err := second.Acquire(th, true, -1); err != nil {
					return stopped(th, err)
				}
				if err := second.Release(th); err != nil {
					return err
				}
				return first.Release(th)
			}
		}
		t1, t2 := rt.NewThread(main, "one", false), rt.NewThread(main, "two", false)
		if err := t1.Start(main, body(&t1, a, b)); err != nil {
			return nil, err
		}
		if err := t2.Start(main, body(&t2, b, a)); err != nil {
			return nil, err
		}
		for _, th := range []*Thread{t1, t2} {
			if _, err := th.Join(main, -1); err != nil {
				if lateUnwind {
					<-unwinding // both stuck threads are stopped and ready again
					<-unwinding
				}
				return nil, err
			}
		}
		return "done", nil
	}
}

func steps(t *testing.T, rt *Runtime, fn func(main *Thread) func() (any, error), opts StepOptions) (*StepTree, error) {
	t.Helper()
	var tree *StepTree
	var err error
	cell(t, rt, func(main *Thread) { tree, err = rt.Steps(main, fn(main), opts) })
	return tree, err
}

// leaves calls fn on every leaf of the tree.
func leaves(n *StepNode, fn func(*StepNode)) {
	if n.End != nil {
		fn(n)
		return
	}
	for _, k := range n.Kids {
		if k != nil {
			leaves(k, fn)
		}
	}
}

func binomial(n, k int) int {
	r := 1
	for i := 1; i <= k; i++ {
		r = r * (n - k + i) / i
	}
	return r
}

func TestStepsRaceReachesWhatNaiveExploreReports(t *testing.T) {
	rt := New()
	tree, err := steps(t, rt, func(main *Thread) func() (any, error) { return stepRace(rt, main, 1, 5, 8) }, StepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	leaves(tree.Root, func(n *StepNode) { got[n.End.Key]++ })
	// Each thread makes four steps; the learner may interleave them in
	// any order.
	if want := binomial(8, 4); tree.Schedules != want || sum(got) != want {
		t.Errorf("%d schedules, %d leaves; want %d", tree.Schedules, sum(got), want)
	}
	rt2 := New()
	rep := explore(t, rt2, func(main *Thread) func() (any, error) { return stepRace(rt2, main, 1, 5, 8) },
		ExploreOptions{Naive: true, MaxSchedules: 1 << 20})
	if !rep.Complete {
		t.Fatal("the naive exploration did not finish")
	}
	if g, w := keys(got), outcomeKeys(rep); strings.Join(g, " ") != strings.Join(w, " ") {
		t.Errorf("stepper outcomes %v, naive explore %v", g, w)
	}
	if !rt.Wait(timeoutShort) {
		t.Fatal("threads of the stepper's runs are left over")
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestStepsFollowsASchedule walks the schedule that loses the deposit of 8
// and checks every state on the way against the arithmetic of the steps.
// The account is made by the function, or before the stepper starts (then
// every run must start from its value then).
func TestStepsFollowsASchedule(t *testing.T) {
	for _, before := range []bool{false, true} {
		t.Run(fmt.Sprintf("made before: %v", before), func(t *testing.T) {
			rt := New()
			var acct *Shared
			if before {
				acct = rt.NewShared([]string{"balance"}, []any{0}, 1)
			}
			tree, err := steps(t, rt, func(main *Thread) func() (any, error) { return stepRaceOn(rt, main, acct, 1, 5, 8) }, StepOptions{})
			if err != nil {
				t.Fatal(err)
			}
			// The first schedule the search runs, and one that loses the deposit of 8.
			if b := followSchedule(t, tree, []int{1, 1, 1, 1, 2, 2, 2, 2}); b != 0 {
				t.Errorf("one thread after the other ends at %d", b)
			}
			if b := followSchedule(t, tree, []int{2, 1, 2, 1, 1, 1, 2, 2}); b != -8 {
				t.Errorf("the deposit-losing schedule ends at %d", b)
			}
			if acct != nil {
				if _, v := acct.Snapshot(); v[0] != 0 {
					t.Errorf("the account was left at %v", v[0])
				}
			}
		})
	}
}

// followSchedule walks the tree along order (thread indexes) and checks
// every state against the arithmetic of the steps; it returns the final
// balance.
func followSchedule(t *testing.T, tree *StepTree, order []int) int {
	t.Helper()
	if len(tree.Threads) != 3 || tree.Threads[0] != "MainThread" {
		t.Fatalf("threads %v", tree.Threads)
	}
	// Thread 1 adds and subtracts 5, thread 2 8.
	amount := []int{0, 5, 8}
	local := []int{0, 0, 0}
	done := []int{0, 0, 0} // steps made
	balance := 0
	n := tree.Root
	for _, th := range order {
		if got := n.State[0].Value; got != balance {
			t.Fatalf("before thread %d's step %d: balance %v, want %d", th, done[th], got, balance)
		}
		at := n.Next[th]
		wantKind := OpRead
		if done[th]%2 == 1 {
			wantKind = OpWrite
		}
		if at.Status != StepReady || at.Op.Kind != wantKind || at.Name != "balance" {
			t.Fatalf("thread %d's next step: %+v, want a ready %v of balance", th, at, wantKind)
		}
		n = n.Kids[th]
		if wantKind == OpRead {
			local[th] = balance
		} else {
			d := amount[th]
			if done[th] == 3 {
				d = -d
			}
			balance = local[th] + d
		}
		done[th]++
		e := n.Events[0]
		if e.Kind != wantKind || e.Thread != tree.Threads[th] {
			t.Fatalf("the step's event %+v", e)
		}
		if wantKind == OpWrite && e.Value != balance {
			t.Fatalf("wrote %v, want %d", e.Value, balance)
		}
	}
	if n.End == nil || n.End.Key != fmt.Sprint(balance) {
		t.Fatalf("end %+v, balance %d", n.End, balance)
	}
	for i, at := range n.Next {
		if at.Status != StepEnded {
			t.Errorf("thread %d at the end: %+v", i, at)
		}
	}
	return balance
}

// TestStepsReachesTheDeadlock also runs with the deadlocked threads
// unwinding after the main thread has left: the unwinding is no step, and
// the deadlock stays a leaf.
func TestStepsReachesTheDeadlock(t *testing.T) {
	for _, late := range []bool{false, true} {
		t.Run(fmt.Sprintf("late unwind: %v", late), func(t *testing.T) { testStepsReachesTheDeadlock(t, late) })
	}
}

func testStepsReachesTheDeadlock(t *testing.T, lateUnwind bool) {
	rt := New()
	tree, err := steps(t, rt, func(main *Thread) func() (any, error) { return stepTwoLocks(rt, main, lateUnwind) }, StepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	var dead *StepNode
	leaves(tree.Root, func(n *StepNode) {
		got[n.End.Key]++
		if n.End.Deadlock != nil && dead == nil {
			dead = n
		}
	})
	if got["deadlock"] == 0 || got["done"] == 0 || len(got) != 2 {
		t.Fatalf("outcomes %v", got)
	}
	for _, i := range []int{1, 2} {
		at := dead.Next[i]
		if at.Status != StepBlocked || at.Op.Kind != OpAcquire || !strings.Contains(at.Waits, "held by") {
			t.Errorf("thread %d in the deadlock: %+v", i, at)
		}
	}
	held := map[string]string{}
	for _, l := range dead.Locks {
		held[l.Name] = l.Holder
	}
	if held["a"] != "one" || held["b"] != "two" {
		t.Errorf("locks in the deadlock: %v", held)
	}
	// The shortest way in: each thread takes its first lock.
	n := tree.Root.Kids[1].Kids[2]
	if n.Next[1].Status != StepReady || n.Next[1].Op.Kind != OpAcquire {
		t.Fatalf("after both first acquires, thread one: %+v", n.Next[1])
	}
	n = n.Kids[1].Kids[2] // both try their second lock and block
	if n.End == nil || n.End.Deadlock == nil {
		t.Fatalf("after both second acquires: %+v", n)
	}
	if !rt.Wait(timeoutShort) {
		t.Fatal("deadlocked threads of the stepper's runs are left over")
	}
}

func TestStepsRefusesBigPrograms(t *testing.T) {
	rt := New()
	_, err := steps(t, rt, func(main *Thread) func() (any, error) { return stepRace(rt, main, 3, 5, 8) }, StepOptions{MaxSchedules: 100})
	var big *TooBigError
	if !errors.As(err, &big) || big.MaxSchedules != 100 || big.Schedules <= 100 || !strings.Contains(err.Error(), "more than 100 schedules") {
		t.Fatalf("got %v", err)
	}
	_, err = steps(t, rt, func(main *Thread) func() (any, error) { return stepRace(rt, main, 3, 5, 8) }, StepOptions{MaxSteps: 10})
	if !errors.As(err, &big) || big.MaxSteps != 10 || !strings.Contains(err.Error(), "more than 10 steps") {
		t.Fatalf("got %v", err)
	}
	// The runtime is usable afterwards.
	tree, err := steps(t, rt, func(main *Thread) func() (any, error) { return stepRace(rt, main, 1, 5) }, StepOptions{})
	if err != nil || tree.Schedules != 1 {
		t.Fatalf("after refusing: %v, %+v", err, tree)
	}
}

func TestStepsRejectsNondeterminism(t *testing.T) {
	rt := New()
	calls := 0
	_, err := steps(t, rt, func(main *Thread) func() (any, error) {
		return func() (any, error) {
			calls++
			s := rt.NewShared([]string{"x"}, []any{0}, 1)
			var ths []*Thread
			for range min(calls+1, 3) { // the second run makes one more thread
				th := rt.NewThread(main, "", false)
				ths = append(ths, th)
				th.Start(main, func() error { _, _, err := s.Get(th, "x"); return err })
			}
			for _, th := range ths {
				th.Join(main, -1)
			}
			return nil, nil
		}
	}, StepOptions{})
	if err == nil || !strings.Contains(err.Error(), "does the same thing every time") {
		t.Fatalf("got %v", err)
	}
}
