package pyhost

import (
	"fmt"
	"strings"
	"testing"

	"threadlab/runtime"
)

// eachSchedule explores the function of __main__ named fn and calls
// check on the trace of every run the search makes, as soon as the run
// ends: a report keeps the trace of one run per outcome only.
func (s *session) eachSchedule(fn string, opts runtime.ExploreOptions, check func(tr *runtime.Trace)) *runtime.ExploreReport {
	s.t.Helper()
	opts.Key = s.h.outcomeKey(s.main)
	var rep *runtime.ExploreReport
	s.inCell(func() error {
		return s.h.controlled(s.main, s.mod, s.mod.Globals().GetStr(fn), func(run func() (any, error)) error {
			var err error
			rep, err = s.rt.Explore(bindingOf(s.main).rt, func() (any, error) {
				v, err := run()
				check(s.rt.Trace())
				return v, err
			}, opts)
			return err
		})
	})
	return rep
}

// wakeRows is what a trace's rows say of the waits on Conditions' gates.
type wakeRows struct {
	wakes, early, late int // notifies that wake a waiter, that end a wait before it blocks, that come after it ended
}

// checkWakeOrder reads the rows of waits for a notify and of notifies in
// tr, gate by gate, and returns what they count, or how they contradict
// one another: a notify that "wakes cat" must follow cat's wait row on
// that gate, one that ends cat's wait "before it blocks" must come before
// any, and a gate has at most one wait row and one notify.
func checkWakeOrder(tr *runtime.Trace) (wakeRows, error) {
	var n wakeRows
	threads := tr.Threads()
	waiter := map[int]string{} // gate (Event.Loc): the thread whose wait row it has
	notified := map[int]bool{}
	for _, e := range tr.Events() {
		who := threads[e.Thread]
		text, _ := e.Value.(string)
		switch {
		case e.Kind == runtime.OpWait && strings.HasPrefix(text, "a notify of "):
			if w, ok := waiter[e.Loc]; ok || notified[e.Loc] {
				return n, fmt.Errorf("step %d: %s waits on %s, which %q waited on or a notify released", e.Seq, who, e.Field, w)
			}
			waiter[e.Loc] = who
		case e.Kind == runtime.OpNotify:
			if notified[e.Loc] {
				return n, fmt.Errorf("step %d: %q, a second notify of the gate %s", e.Seq, text, e.Field)
			}
			notified[e.Loc] = true
			_, rest, _ := strings.Cut(text, ": ")
			w, waited := waiter[e.Loc]
			switch {
			case strings.HasPrefix(rest, "wakes "):
				if woken := strings.TrimPrefix(rest, "wakes "); !waited || w != woken {
					return n, fmt.Errorf("step %d: %q, but %s has no wait row on %s before it", e.Seq, text, woken, e.Field)
				}
				n.wakes++
			case strings.HasSuffix(rest, "'s wait before it blocks"):
				if waited {
					return n, fmt.Errorf("step %d: %q, after %s's wait row", e.Seq, text, w)
				}
				n.early++
			case strings.HasPrefix(rest, "wakes no one"):
				if !waited {
					return n, fmt.Errorf("step %d: %q, with no wait row before it", e.Seq, text)
				}
				n.late++
			default:
				return n, fmt.Errorf("step %d: a notify row says %q", e.Seq, text)
			}
		}
	}
	return n, nil
}

// traceText is a trace's events, one a line, for a failure's message.
func traceText(tr *runtime.Trace) string {
	var b strings.Builder
	threads := tr.Threads()
	for _, e := range tr.Events() {
		fmt.Fprintf(&b, "%3d %-10s %-8s %-20s %v\n", e.Seq, threads[e.Thread], e.Kind, e.Field, e.Value)
	}
	return b.String()
}

// wakePrograms are small programs in which a thread waits on one of the
// primitives built on a Condition until another thread lets it go; run
// is the function to explore.
var wakePrograms = map[string]string{
	"Condition": `
import threading
items = []
changed = threading.Condition()
def consume():
    with changed:
        while not items:
            changed.wait()
        items.pop()
def produce():
    for n in range(2):
        with changed:
            items.append(n)
            changed.notify()
def run():
    ts = [threading.Thread(target=consume, name="cat"), threading.Thread(target=consume, name="cow"),
          threading.Thread(target=produce, name="dog")]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return len(items)
`,
	"Event": `
import threading
done = threading.Event()
def run():
    c = threading.Thread(target=done.wait, name="cat")
    d = threading.Thread(target=done.set, name="dog")
    c.start(); d.start(); c.join(); d.join()
    return done.is_set()
`,
	"Semaphore": `
import threading
permits = threading.Semaphore(0)
def run():
    c = threading.Thread(target=permits.acquire, name="cat")
    d = threading.Thread(target=permits.release, name="dog")
    c.start(); d.start(); c.join(); d.join()
    return permits._value
`,
	"Queue": `
import queue, threading
jobs = queue.Queue(1)
got = []
def consume():
    got.append(jobs.get())
    jobs.task_done()
def run():
    c = threading.Thread(target=consume, name="cat")
    d = threading.Thread(target=jobs.put, args=(1,), name="dog")
    c.start(); d.start(); jobs.join(); c.join(); d.join()
    return got
`,
	"Barrier": `
import threading
gate = threading.Barrier(2)
indexes = []
def party():
    indexes.append(gate.wait())
def run():
    ts = [threading.Thread(target=party, name="cat"), threading.Thread(target=party, name="dog")]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sorted(indexes)
`,
}

// In every schedule of a wait on a Condition, or on what is built on
// one, a notify that "wakes cat" comes after cat's row of waiting for it:
// the wait begins when cat gives the Condition's lock up, not when it
// blocks, and a notify can come in between.
func TestWakeFollowsWaitInEverySchedule(t *testing.T) {
	for name, prog := range wakePrograms {
		t.Run(name, func(t *testing.T) {
			s := newSession(t)
			s.run(prog)
			var total wakeRows
			runs, bad := 0, 0
			var first error
			rep := s.eachSchedule("run", runtime.ExploreOptions{MaxSchedules: 5000}, func(tr *runtime.Trace) {
				runs++
				n, err := checkWakeOrder(tr)
				if err != nil {
					if bad == 0 {
						first = fmt.Errorf("%v\n%s", err, traceText(tr))
					}
					bad++
					return
				}
				total.wakes += n.wakes
				total.early += n.early
				total.late += n.late
			})
			if bad > 0 {
				t.Fatalf("%d of %d runs show a wake out of order; the first:\n%v", bad, runs, first)
			}
			if !rep.Complete || total.wakes == 0 {
				t.Fatalf("%d runs (complete: %v) woke %d waiters", runs, rep.Complete, total.wakes)
			}
			if total.early+total.late > 0 {
				t.Errorf("%d notifies before a wait began and %d after it ended, in a program where every notify holds the lock and no wait times out", total.early, total.late)
			}
			t.Logf("%d runs, %d wakes", runs, total.wakes)
		})
	}
}

// exploreWakes explores run in prog and returns what the rows of all its
// schedules count, failing on the first whose rows contradict each other.
func exploreWakes(t *testing.T, prog string, opts runtime.ExploreOptions) wakeRows {
	t.Helper()
	s := newSession(t)
	s.run(prog)
	var total wakeRows
	rep := s.eachSchedule("run", opts, func(tr *runtime.Trace) {
		n, err := checkWakeOrder(tr)
		if err != nil {
			t.Fatalf("%v\n%s", err, traceText(tr))
		}
		total.wakes += n.wakes
		total.early += n.early
		total.late += n.late
	})
	if rep.StoppedBy != "" {
		t.Fatalf("the search stopped by %s after %d schedules", rep.StoppedBy, rep.Schedules)
	}
	return total
}

// A Condition on a plain Lock lets any thread notify while the lock is
// held, as CPython's does (a Lock has no owner to check). Such a notify
// can release cat's gate after cat put it on the list and before it gave
// the lock up: the row says the notify ends cat's wait before it blocks,
// and cat has no wait row, for it never waits. (Without the reduction:
// it takes the notify and cat's release of the lock for independent,
// and tries one order of the two only.)
func TestNotifyBeforeTheWaitBegins(t *testing.T) {
	n := exploreWakes(t, `
import threading
changed = threading.Condition(threading.Lock())
inside = threading.Event()
def cat():
    with changed:
        inside.set()
        changed.wait()
def dog():
    inside.wait()
    try:
        changed.notify()
    except RuntimeError:
        pass  # the lock is free: cat has given it up, and waits for ever
def run():
    c = threading.Thread(target=cat, name="cat")
    d = threading.Thread(target=dog, name="dog")
    c.start(); d.start(); c.join(); d.join()
`, runtime.ExploreOptions{Bounded: true, Preemptions: 2})
	if n.early == 0 {
		t.Errorf("no schedule notified before cat's wait began (%+v)", n)
	}
}

// A Barrier's n_waiting, broken and repr read its state under its lock,
// which every change of the state holds: exploring tries each read on
// either side of a party's arrival or an abort, and a repr is of one
// moment. (The action, run by the thread that holds the lock, reads
// directly: testdata/barrier_reads.py.) multiprocessing's Barrier, whose
// state is memory processes share, does the same.
func TestExploreSeesBarrierReads(t *testing.T) {
	for _, module := range []string{"threading", "multiprocessing"} {
		t.Run(module, func(t *testing.T) {
			s := newSession(t)
			s.run(strings.ReplaceAll(`
import threading, multiprocessing
b = MODULE.Barrier(2)
def party():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        pass
def counts():
    t = threading.Thread(target=party)
    t.start()
    seen = b.n_waiting
    b.wait()
    t.join()
    return seen
def aborted(read):
    t = threading.Thread(target=b.abort)
    t.start()
    seen = read()
    t.join()
    return seen
def flag():
    return aborted(lambda: b.broken)
def shown():
    return aborted(lambda: repr(b).split(": ")[1])
`, "MODULE", module))
			// Each exploration finds the Barrier as the cell left it,
			// unbroken: flag's runs abort it, and shown's see both states.
			for _, fn := range []string{"counts", "flag", "shown"} {
				want := map[string]string{
					"counts": "0 1",
					"flag":   "False True",
					"shown":  "'broken>' 'waiters=0/2>'",
				}[fn]
				rep := s.explore(fn, runtime.ExploreOptions{})
				if got := strings.Join(keys(rep), " "); got != want {
					t.Errorf("%s: outcomes %s, want %s", fn, got, want)
				}
			}
		})
	}
}
