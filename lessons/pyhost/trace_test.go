package pyhost

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// session is a kernel in small: a runtime, a host and a __main__ that
// cells run in, one after the other.
type session struct {
	t    *testing.T
	rt   *runtime.Runtime
	h    *Host
	main *python.Thread
	mod  *python.Module
	out  bytes.Buffer
}

func newSession(t *testing.T) *session {
	s := &session{t: t, rt: runtime.New()}
	s.h = NewHost(s.rt)
	in := python.NewInterp(python.Options{Stdout: &s.out, Stderr: &s.out, Modules: s.h.Modules()})
	s.main = in.NewThread("MainThread")
	s.h.AttachMain(s.main)
	s.mod = python.NewModule("__main__")
	in.AddModule(s.mod)
	s.inCell(func() error { return Patch(s.main) })
	return s
}

// inCell runs fn as a cell's work on the main thread.
func (s *session) inCell(fn func() error) {
	s.t.Helper()
	if err := s.rt.BeginCell(); err != nil {
		s.t.Fatal(err)
	}
	defer s.rt.EndCell()
	s.h.Watch(s.main)
	if err := fn(); err != nil {
		s.t.Fatalf("%v\noutput:\n%s", err, s.out.String())
	}
}

// run runs src as a cell.
func (s *session) run(src string) {
	s.t.Helper()
	s.h.NameLocks("<cell>", []byte(src))
	s.inCell(func() error {
		code, err := s.main.Interp().Compile("<cell>", []byte(src), false)
		if err != nil {
			return err
		}
		_, err = s.main.ExecModule(code, s.mod)
		return err
	})
}

// explore explores the function of __main__ named fn.
func (s *session) explore(fn string, opts runtime.ExploreOptions) *runtime.ExploreReport {
	s.t.Helper()
	var rep *runtime.ExploreReport
	s.inCell(func() error {
		var err error
		rep, err = s.h.Explore(s.main, s.mod, s.mod.Globals().GetStr(fn), opts)
		return err
	})
	return rep
}

func (s *session) global(name string) string {
	return SpellValue(s.mod.Globals().GetStr(name))
}

// The tutorial's race, in the tutorial's words.
const tutorialRace = raceHead + `def run_thread(n, times):
    for i in range(times):
        change_it(n)

def race(times=1):
    t1 = threading.Thread(target=run_thread, args=(5, times))
    t2 = threading.Thread(target=run_thread, args=(8, times))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    return balance
`

// raceOutcomes works out the final balances the math allows: every
// interleaving of two threads that each read balance and write back
// read+n, then read and write back read-n.
func raceOutcomes() []string {
	type thread struct {
		n, pc, read int
	}
	seen := map[int]bool{}
	var walk func(balance int, ts [2]thread)
	walk = func(balance int, ts [2]thread) {
		if ts[0].pc == 4 && ts[1].pc == 4 {
			seen[balance] = true
			return
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
	var out []string
	for b := range seen {
		out = append(out, fmt.Sprint(b))
	}
	sort.Strings(out)
	return out
}

func keys(rep *runtime.ExploreReport) []string {
	var out []string
	for _, o := range rep.Outcomes {
		out = append(out, o.Key)
	}
	sort.Strings(out)
	return out
}

// Exploring one iteration of the tutorial's race finds exactly the
// balances the math allows, each run starting from balance = 0 again.
func TestExploreTutorialRace(t *testing.T) {
	s := newSession(t)
	s.run(tutorialRace)
	for _, mode := range []struct {
		name string
		opts runtime.ExploreOptions
	}{{"optimal", runtime.ExploreOptions{}}, {"source", runtime.ExploreOptions{Source: true}}} {
		rep := s.explore("race", mode.opts)
		if got, want := keys(rep), raceOutcomes(); !slices.Equal(got, want) {
			t.Errorf("%s: outcomes %v, want %v", mode.name, got, want)
		}
		if !rep.Complete {
			t.Errorf("%s: the search was not complete", mode.name)
		}
		if got := s.global("balance"); got != "0" {
			t.Errorf("%s: balance is %s after exploring, want it restored to 0", mode.name, got)
		}
		t.Logf("%s: %d schedules in %v", mode.name, rep.Schedules, rep.Elapsed)
	}
}

// The trace of a seeded race tells the tutorial's story: reads and writes
// of balance, named so, with the values, the state after each, and the
// lost updates; change_it, which threads only read, is no contended
// location.
func TestTraceTutorialRace(t *testing.T) {
	s := newSession(t)
	s.run(tutorialRace)
	seed := uint64(3)
	s.inCell(func() error { return s.rt.Seed(&seed) })
	s.run("result = race(200)")
	tr := s.rt.Trace()
	events := tr.Events()
	contended := tr.Contended()
	threads := tr.Threads()
	balance := 0 // the value of the last write, as the trace tells it
	var reads, writes int
	for _, e := range events {
		switch {
		case e.Kind == runtime.OpWait:
			continue
		case e.Field == "change_it" || e.Field == "run_thread":
			if contended[e.Loc] {
				t.Errorf("%s is read only, yet contended", e.Field)
			}
			continue
		case e.Field != "balance":
			continue
		}
		if !contended[e.Loc] {
			t.Fatalf("balance is not contended")
		}
		if name := threads[e.Thread]; name != "Thread-1 (run_thread)" && name != "Thread-2 (run_thread)" && name != "MainThread" {
			t.Errorf("event by thread %q", name)
		}
		v := int(e.Value.(python.Int))
		switch e.Kind {
		case runtime.OpRead:
			reads++
			if v != balance {
				t.Fatalf("step %d reads %d; the last write was %d", e.Seq, v, balance)
			}
		case runtime.OpWrite:
			writes++
			balance = v
		}
	}
	if reads != 2*2*200+1 || writes != 2*2*200 {
		t.Errorf("%d reads and %d writes of balance, want %d and %d", reads, writes, 2*2*200+1, 2*2*200)
	}
	if got := s.global("result"); got != fmt.Sprint(balance) {
		t.Errorf("race returned %s; the trace's last write is %d", got, balance)
	}
	lost := tr.LostUpdates()
	if (len(lost) == 0) != (balance == 0) && balance != 0 {
		t.Errorf("final balance %d but %d lost updates", balance, len(lost))
	}
	for _, l := range lost {
		r, o, w := tr.Event(l.Read), tr.Event(l.Overwritten), tr.Event(l.Write)
		if r.Thread != w.Thread || o.Thread == w.Thread || r.Field != "balance" {
			t.Errorf("lost update %+v: read %+v, overwritten %+v, write %+v", l, r, o, w)
		}
	}
	last := len(events) - 1
	if got := tr.StatesAfter([]int{last}); got[0] != "balance="+fmt.Sprint(balance) {
		t.Errorf("state after the last step %q, want balance=%d", got[0], balance)
	}
	t.Logf("seed %d: balance %d, %d lost updates in %d events", seed, balance, len(lost), len(events))
}

// Exploring two threads that take two locks in opposite orders finds the
// deadlock, and the report says who holds what; taking them in one order
// is found free of it.
func TestExploreFindsLockOrderDeadlock(t *testing.T) {
	const prog = `
import threading

fork = threading.Lock()
knife = threading.Lock()

def left():
    with fork:
        with knife:
            pass

def right(ordered):
    first, second = (fork, knife) if ordered else (knife, fork)
    with first:
        with second:
            pass

def dinner(ordered=False):
    a = threading.Thread(target=left, name="alice")
    b = threading.Thread(target=right, args=(ordered,), name="bob")
    a.start()
    b.start()
    a.join()
    b.join()
    return "done"

def ordered_dinner():
    return dinner(True)
`
	s := newSession(t)
	s.run(prog)
	rep := s.explore("dinner", runtime.ExploreOptions{})
	if got := keys(rep); !slices.Equal(got, []string{"'done'", "deadlock"}) {
		t.Fatalf("outcomes %v, want 'done' and deadlock", got)
	}
	ce := rep.Counterexample
	if ce == nil || ce.Stuck == nil {
		t.Fatalf("no counterexample with a deadlock report: %+v", rep)
	}
	report := ce.Stuck.Error()
	for _, want := range []string{"alice holds fork and waits for knife, held by bob", "bob holds knife and waits for fork, held by alice"} {
		if !strings.Contains(report, want) {
			t.Errorf("deadlock report lacks %q:\n%s", want, report)
		}
	}
	if rep := s.explore("ordered_dinner", runtime.ExploreOptions{}); !slices.Equal(keys(rep), []string{"'done'"}) || !rep.Complete {
		t.Errorf("one lock order: outcomes %v (complete %v), want only 'done'", keys(rep), rep.Complete)
	}
}

// A notify that comes before the wait is lost: exploration finds the
// schedule and reports it as a lost wakeup, naming the Condition.
func TestExploreFindsLostWakeup(t *testing.T) {
	const prog = `
import threading

ready = threading.Condition()

def waiter():
    with ready:
        ready.wait()

def notifier():
    with ready:
        ready.notify()

def handshake():
    w = threading.Thread(target=waiter, name="waiter")
    n = threading.Thread(target=notifier, name="notifier")
    w.start()
    n.start()
    w.join()
    n.join()
    return "woken"
`
	s := newSession(t)
	s.run(prog)
	rep := s.explore("handshake", runtime.ExploreOptions{})
	if got := keys(rep); !slices.Equal(got, []string{"'woken'", "deadlock"}) {
		t.Fatalf("outcomes %v, want 'woken' and deadlock", got)
	}
	report := rep.Counterexample.Stuck.Error()
	if want := "waiter holds nothing and waits for a notify of ready (a Condition) that no thread is left to send (a lost wakeup)"; !strings.Contains(report, want) {
		t.Errorf("report lacks %q:\n%s", want, report)
	}
}

// A thread that blocks shows in the trace as a waiting row: what it
// waits for and who holds it.
func TestTraceShowsWaits(t *testing.T) {
	const prog = `
import threading

lock = threading.Lock()
total = 0

def saver():
    global total
    with lock:
        total = total + 1

def spender():
    global total
    with lock:
        total = total - 1

def both():
    s = threading.Thread(target=saver, name="saver")
    p = threading.Thread(target=spender, name="spender")
    s.start()
    p.start()
    s.join()
    p.join()
    return total
`
	s := newSession(t)
	s.run(prog)
	// Some seeded schedule switches threads while one holds the lock.
	if err := s.rt.SetSwitchInterval(2); err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 50; seed++ {
		s.inCell(func() error { return s.rt.Seed(&seed) })
		s.run("result = both()")
		if got := s.global("result"); got != "0" {
			t.Fatalf("seed %d: total %s with a lock, want 0", seed, got)
		}
		tr := s.rt.Trace()
		threads := tr.Threads()
		for _, e := range tr.Events() {
			if e.Kind != runtime.OpWait {
				continue
			}
			who := threads[e.Thread]
			other := map[string]string{"saver": "spender", "spender": "saver", "MainThread": ""}[who]
			switch {
			case who == "MainThread" && strings.HasSuffix(e.Value.(string), " to finish"):
			case e.Field == "lock" && e.Value == "lock, held by "+other:
				t.Logf("seed %d: %s waits for %s", seed, who, e.Value)
				return
			default:
				t.Fatalf("seed %d: %s waits for %v (location %s)", seed, who, e.Value, e.Field)
			}
		}
	}
	t.Error("no schedule of 50 seeds made a thread wait for the lock")
}

// Every run of an exploration names its threads as the first did, and
// the program's thread numbering goes on afterwards as if the runs had
// not happened.
func TestExploreKeepsThreadNames(t *testing.T) {
	s := newSession(t)
	s.run(tutorialRace)
	rep := s.explore("race", runtime.ExploreOptions{})
	for _, o := range rep.Outcomes {
		for _, name := range o.Example.Threads() {
			if name != "Thread-1 (run_thread)" && name != "Thread-2 (run_thread)" && name != "MainThread" {
				t.Errorf("outcome %s: threads %s", o.Key, o.Example.Threads())
			}
		}
	}
	s.run("import threading\nname = threading.Thread(target=print).name")
	if got := s.global("name"); got != "'Thread-1 (print)'" {
		t.Errorf("the next thread is named %s, want 'Thread-1 (print)'", got)
	}
}

// A method that changes a list (append) is an access of all its items:
// exploring two threads that append finds both orders, and the table
// shows the calls.
func TestExploreListMethods(t *testing.T) {
	s := newSession(t)
	s.run(`
import threading
log = []
def note(n):
    log.append(n)
def both():
    a = threading.Thread(target=note, args=(1,))
    b = threading.Thread(target=note, args=(2,))
    a.start(); b.start(); a.join(); b.join()
    return list(log)
`)
	rep := s.explore("both", runtime.ExploreOptions{})
	if got := keys(rep); !slices.Equal(got, []string{"[1, 2]", "[2, 1]"}) {
		t.Errorf("outcomes %v, want both orders", got)
	}
	if got := s.global("log"); got != "[]" {
		t.Errorf("log is %s after exploring, want it restored to []", got)
	}
	found := false
	for _, e := range rep.Outcomes[0].Example.Events() {
		found = found || e.Items && e.Field == "log.append(…)" && e.Kind == runtime.OpWrite
	}
	if !found {
		t.Error("no log.append(…) step in the example")
	}
}

// The accesses of globals that hold ints (reported by GlobalInt) are in
// the trace with their values, lines and source text, whether the value
// fits in a record or not, from a thread that batches them and from the
// main thread that does not.
func TestTraceGlobalInts(t *testing.T) {
	s := newSession(t)
	s.run(`import threading
big = 2**40
small = 0
def work(n):
    global big, small
    for i in range(50):
        big = big + n
        small = small - n
t = threading.Thread(target=work, args=(3,))
t.start()
t.join()
work(1)
`)
	tr := s.rt.Trace()
	threads := tr.Threads()
	last := map[string]int64{"big": 1 << 40, "small": 0}
	counts := map[string]int{}
	for _, e := range tr.Events() {
		want, ok := last[e.Field]
		if !ok || e.Kind != runtime.OpRead && e.Kind != runtime.OpWrite {
			continue
		}
		v, isInt := e.Value.(python.Int)
		if e.Line > 3 { // (lines 2 and 3 set them first)
			counts[threads[e.Thread]+" "+e.Field]++
			wantLine, wantCode := 7, "big = big + n"
			if e.Field == "small" {
				wantLine, wantCode = 8, "small = small - n"
			}
			if e.Line != wantLine || e.Code != wantCode {
				t.Fatalf("step %d (%s of %s) is at line %d %q, want %d %q", e.Seq, e.Kind, e.Field, e.Line, e.Code, wantLine, wantCode)
			}
		}
		switch {
		case !isInt:
			t.Fatalf("step %d: %s of %s has value %#v, want an int", e.Seq, e.Kind, e.Field, e.Value)
		case e.Kind == runtime.OpRead && int64(v) != want:
			t.Fatalf("step %d reads %s = %d; the last write was %d", e.Seq, e.Field, v, want)
		case e.Kind == runtime.OpWrite:
			last[e.Field] = int64(v)
		}
	}
	for _, k := range []string{"Thread-1 (work) big", "Thread-1 (work) small", "MainThread big", "MainThread small"} {
		if counts[k] != 100 {
			t.Errorf("%s: %d accesses in the trace, want 100 (%v)", k, counts[k], counts)
		}
	}
	if last["big"] != 1<<40+50*4 || last["small"] != -50*4 {
		t.Errorf("last writes %v, want big=%d small=%d", last, 1<<40+50*4, -50*4)
	}
}

// d[k] += 1 on collections' dicts is a read and a write of the item, as
// it is on a dict: exploring two threads that count finds the lost
// update, and each run starts from the counts the cell left.
func TestExploreCollectionsItems(t *testing.T) {
	for _, make := range []string{"{'a': 0}", "collections.defaultdict(int)", "collections.Counter()", "collections.OrderedDict(a=0)"} {
		t.Run(make, func(t *testing.T) {
			s := newSession(t)
			s.run(`
import collections, threading
counts = ` + make + `
def count():
    counts['a'] += 1
def both():
    ts = [threading.Thread(target=count) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return counts['a']
`)
			rep := s.explore("both", runtime.ExploreOptions{})
			if got := keys(rep); !slices.Equal(got, []string{"1", "2"}) {
				t.Errorf("outcomes %v, want 1 (the lost update) and 2", got)
			}
			found := false
			for _, e := range rep.Outcomes[0].Example.Events() {
				found = found || e.Kind == runtime.OpWrite && e.Field == "counts['a']"
			}
			if !found {
				t.Errorf("no write of counts['a'] in the example:\n%s", traceText(rep.Outcomes[0].Example))
			}
			s.run("left = counts['a']")
			if got := s.global("left"); got != "0" {
				t.Errorf("counts['a'] is %s after exploring, want it restored to 0", got)
			}
		})
	}
}

// copy.deepcopy reads what it copies: exploring it beside a thread that
// changes a list or an instance finds the copy taken before the change
// and after it.
func TestExploreSeesDeepcopyReads(t *testing.T) {
	s := newSession(t)
	s.run(`
import copy, threading
class Box:
    pass
items = [[1]]
box = Box()
box.n = 0
def race(change, take):
    got = []
    a = threading.Thread(target=change)
    b = threading.Thread(target=lambda: got.append(take()))
    a.start(); b.start(); a.join(); b.join()
    return got[0]
def in_list():
    return race(lambda: items[0].append(2), lambda: copy.deepcopy(items))
def in_attr():
    def change():
        box.n = 1
    return race(change, lambda: copy.deepcopy(box).n)
`)
	for fn, want := range map[string]string{"in_list": "[[1, 2]] [[1]]", "in_attr": "0 1"} {
		rep := s.explore(fn, runtime.ExploreOptions{})
		if got := strings.Join(keys(rep), " "); got != want {
			t.Errorf("%s: outcomes %s, want %s", fn, got, want)
		}
	}
}
