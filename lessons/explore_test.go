package lessons

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// oneRound is the tutorial's race as a function to explore: one round of
// each thread, the balance set outside it.
const oneRound = raceHead + `def run_thread(n):
    change_it(n)
def race():
    t1 = threading.Thread(target=run_thread, args=(5,))
    t2 = threading.Thread(target=run_thread, args=(8,))
    t1.start(); t2.start(); t1.join(); t2.join()
    return balance
`

// raceBalances works out the final balances the math allows for oneRound:
// every interleaving of two threads that each read balance and write
// back read+n, then read and write back read-n.
func raceBalances() string {
	type thread struct{ n, pc, read int }
	seen := map[int]bool{}
	var walk func(balance int, ts [2]thread)
	walk = func(balance int, ts [2]thread) {
		if ts[0].pc == 4 && ts[1].pc == 4 {
			seen[balance] = true
		}
		for i := range ts {
			if ts[i].pc == 4 {
				continue
			}
			next, b := ts, balance
			th := &next[i]
			switch th.pc {
			case 0, 2:
				th.read = b
			case 1:
				b = th.read + th.n
			case 3:
				b = th.read - th.n
			}
			th.pc++
			walk(b, next)
		}
	}
	walk(0, [2]thread{{n: 5}, {n: 8}})
	var out []int
	for b := range seen {
		out = append(out, b)
	}
	sort.Ints(out)
	return fmt.Sprint(out)
}

// The outcomes of exploring one round are the balances the math allows,
// and every run starts from the balance set outside the function, which
// exploring leaves as it was.
func TestExploreRaceOutcomes(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, oneRound)
	c := execute(s, "r = lab.explore(race)\nsorted(r.outcomes), sum(r.outcomes.values()) == r.schedules, r.complete, r.deadlocks, balance")
	want := fmt.Sprintf("(%s, True, True, 0, 0)", strings.ReplaceAll(raceBalances(), " ", ", "))
	if c.err != nil || c.result != want {
		t.Fatalf("got %s, %v; want %s", c.result, c.err, want)
	}
	b, _ := bundleOf(t, s, "r")
	text := b["text/plain"].(string)
	for _, want := range []string{"Explored", "traces", "Counterexample"} {
		if want == "Counterexample" {
			continue // without expect= and deadlocks there is none
		}
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	// The example behind an outcome is its interleaving table.
	ex, _ := bundleOf(t, s, "r.example(-8)")
	if !strings.Contains(ex["text/plain"].(string), "write balance ← -8") {
		t.Errorf("the example of -8 never writes -8:\n%s", ex["text/plain"])
	}
}

// expect= gives verdicts; a forbidden outcome fails the cell, after the
// report with its counterexample.
func TestExploreExpect(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, oneRound)
	rec := &recorder{}
	_, err := s.Execute(context.Background(), "lab.explore(race, expect=0)", rec)
	checkError(t, err, "AssertionError", "lab.explore: the forbidden outcome")
	if len(rec.displays) != 1 || !strings.Contains(rec.displays[0]["text/plain"].(string), "Counterexample: the forbidden outcome") {
		t.Errorf("no report with a counterexample before the error: %v", rec.displays)
	}
	c := execute(s, "r = lab.explore(race, expect={0: 'acceptable', 13: 'interesting', -8: ('acceptable', 'one write lost')})\nr.verdicts[0], r.verdicts[13], r.verdicts[-8]")
	if c.err == nil {
		t.Fatal("undeclared outcomes came, yet the cell did not fail")
	}
	c = execute(s, "lab.explore(race, expect={0: 'fine'})")
	checkError(t, c.err, "ValueError", "use 'acceptable', 'interesting' or 'forbidden'")
}

// The search's bounds and modes: a preemption bound, random runs, a
// budget, a written schedule, and the errors for bad options.
func TestExploreModes(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, oneRound)
	if c := execute(s, "r = lab.explore(race, preemptions=0)\nlist(r.outcomes), r.bounded, r.complete"); c.result != "([0], True, False)" {
		t.Errorf("preemptions=0: %s, %v", c.result, c.err)
	}
	c := execute(s, "r = lab.explore(race, mode='random', runs=30, seed=3)\nr.schedules, set(r.outcomes) <= set(lab.explore(race).outcomes)")
	if c.result != "(30, True)" {
		t.Errorf("mode='random': %s, %v", c.result, c.err)
	}
	if c := execute(s, "r = lab.explore(race, mode='source')\nsorted(r.outcomes)"); c.result != strings.ReplaceAll(raceBalances(), " ", ", ") {
		t.Errorf("mode='source': %s, %v", c.result, c.err)
	}
	if c := execute(s, "r = lab.explore(race, mode='naive', budget=0.05)\nr.schedules > 0"); c.result != "True" {
		t.Errorf("budget: %s, %v", c.result, c.err)
	}
	// A written schedule names the thread of each shared step: t1 and t2
	// both read 0, t2's write of 8 is lost to t1's 5, and t2's last
	// update starts from the 0 that t1 leaves.
	execute(s, `
def named():
    t1 = threading.Thread(target=change_it, args=(5,), name="t1")
    t2 = threading.Thread(target=change_it, args=(8,), name="t2")
    t1.start(); t2.start(); t1.join(); t2.join()
    return balance
`)
	if c := execute(s, "r = lab.explore(named, schedule='t1 t2 t2 t1 t1 t1 t2 t2')\nr.outcomes"); c.result != "{-8: 1}" {
		t.Errorf("schedule: %s, %v", c.result, c.err)
	}
	// Automatic names have spaces: a list names them.
	one, two := "'Thread-1 (run_thread)'", "'Thread-2 (run_thread)'"
	list := strings.Join([]string{one, two, two, one, one, one, two, two}, ", ")
	if c := execute(s, "r = lab.explore(race, schedule=["+list+"])\nr.outcomes"); c.result != "{-8: 1}" {
		t.Errorf("schedule as a list: %s, %v", c.result, c.err)
	}
	for _, tt := range []struct{ code, ename, msg string }{
		{"lab.explore(race, mode='fast')", "ValueError", "mode is 'dpor'"},
		{"lab.explore(race, preemptions=-1)", "ValueError", "preemptions must be"},
		{"lab.explore(race, budget=0)", "ValueError", "budget must be a positive number"},
		{"lab.explore(race, schedule='nobody')", "ValueError", "no thread of that name"},
		{"lab.explore(race, schedule=3)", "TypeError", "schedule must be a string"},
	} {
		checkError(t, execute(s, tt.code).err, tt.ename, tt.msg)
	}
	// A schedule it cannot follow leaves explore as it was: in the same
	// cell, the next explore gives what it gives on its own.
	fresh := execute(s, "sorted(lab.explore(named).outcomes)")
	after := execute(s, `try:
    lab.explore(named, schedule='nobody')
except ValueError:
    pass
sorted(lab.explore(named).outcomes)`)
	if fresh.err != nil || after.err != nil || after.result != fresh.result {
		t.Errorf("explore after a bad schedule: %s, %v; on its own: %s, %v", after.result, after.err, fresh.result, fresh.err)
	}
}

// Two threads that take two locks in opposite orders deadlock in some
// schedule, which the report shows with who holds what.
func TestExploreDeadlock(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, `
import threading
fork = threading.Lock()
knife = threading.Lock()
def left():
    with fork:
        with knife:
            pass
def right():
    with knife:
        with fork:
            pass
def dinner():
    a = threading.Thread(target=left, name="alice")
    b = threading.Thread(target=right, name="bob")
    a.start(); b.start(); a.join(); b.join()
    return "done"
`)
	c := execute(s, "r = lab.explore(dinner)\nsorted(r.outcomes), r.deadlocks > 0")
	if c.result != "['deadlock', 'done'], True" && c.result != "(['deadlock', 'done'], True)" {
		t.Fatalf("got %s, %v", c.result, c.err)
	}
	b, _ := bundleOf(t, s, "r")
	text := b["text/plain"].(string)
	for _, want := range []string{"Counterexample: a deadlock", "alice", "waits for knife, held by bob"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}

// BenchmarkExploreRace: exploring one round of the tutorial's race, the
// lessons' exploration, as lab.explore in a cell. Goal: under 50 ms.
func BenchmarkExploreRace(b *testing.B) {
	s := New()
	defer s.Shutdown()
	timeCell(b, s, oneRound)
	timeCell(b, s, "lab.explore(race)") // untimed: the first run warms up
	var took time.Duration
	for i := 0; i < b.N; i++ {
		took += timeCell(b, s, "r = lab.explore(race)")
	}
	ms := float64(took.Microseconds()) / 1000 / float64(b.N)
	b.ReportMetric(ms, "explore-ms")
	b.Logf("exploring one round of the race: %.1f ms per lab.explore (goal < 50 ms)", ms)
	record(b, benchRow{Label: "lab.explore of one round of the race", Ours: ms, Peer: 50, Name: "goal", Unit: "ms",
		Goal: "< 50 ms", Met: met(ms < 50)})
}
