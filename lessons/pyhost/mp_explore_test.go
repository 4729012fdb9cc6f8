package pyhost

import (
	"strings"
	"testing"

	"threadlab/runtime"
)

// Threads of one interpreter that share a multiprocessing lock are
// explored as if it were a threading one: a wait for it while a thread
// of the same interpreter holds it is the explorer's to decide, not a
// wait on real time for other processes. (It was always the latter: a
// thread waited outside while the holder waited for it, and the search
// hung; a cycle through such a lock was never reported.)
func TestExploreThreadsSharingAProcessLock(t *testing.T) {
	const prog = `
import multiprocessing, threading
lk = LOCK
count = 0
def bump():
    global count
    with lk:
        count += 1
def w():
    with lk:
        pass
def both():
    global count
    count = 0
    ts = [threading.Thread(target=bump) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return count
def impatient():
    with lk:
        t = threading.Thread(target=w)
        t.start()
        t.join(timeout=0.5)
        waited = t.is_alive()
    t.join()
    return waited
def cycle():
    with lk:
        t = threading.Thread(target=w)
        t.start()
        t.join()
`
	for _, lock := range []string{"threading.Lock()", "multiprocessing.Lock()", "multiprocessing.RLock()"} {
		t.Run(lock, func(t *testing.T) {
			s := newSession(t)
			s.run(strings.Replace(prog, "LOCK", lock, 1))
			rep := s.explore("both", runtime.ExploreOptions{})
			if got := strings.Join(keys(rep), " "); got != "2" || !rep.Complete || rep.Schedules < 2 {
				t.Errorf("both: outcomes %s in %d schedules (complete: %v), want 2 alone in several", got, rep.Schedules, rep.Complete)
			}
			rep = s.explore("impatient", runtime.ExploreOptions{})
			if got := strings.Join(keys(rep), " "); got != "True" || !rep.Complete {
				t.Errorf("impatient: outcomes %s (complete: %v), want True: the thread waits for lk while main holds it", got, rep.Complete)
			}
			// The lock impatient's runs left main holding as they were
			// stopped is not counted twice.
			rep = s.explore("cycle", runtime.ExploreOptions{})
			if len(rep.Outcomes) != 1 || !rep.Outcomes[0].Deadlock {
				t.Fatalf("cycle: outcomes %v, want the deadlock alone", keys(rep))
			}
			stuck := rep.Outcomes[0].Stuck.Error()
			for _, want := range []string{"waits for lk, held by MainThread", "MainThread holds lk and waits for Thread-"} {
				if !strings.Contains(stuck, want) {
					t.Errorf("cycle: the report does not say %q:\n%s", want, stuck)
				}
			}
		})
	}
}

// Between runs, exploration puts back the memory multiprocessing's
// objects share, as it does a program's lists and locks: every run, and
// the next exploration, finds a module-level Value, Array, Event and
// Queue as the cell left them.
func TestExploreRestoresSharedMemory(t *testing.T) {
	s := newSession(t)
	s.run(`
import multiprocessing as mp, threading
total = mp.Value("i", 0)
pair = mp.Array("i", [0, 0])
ready = mp.Event()
box = mp.Queue()
def count():
    with total.get_lock():
        total.value += 1
def mark():
    with pair.get_lock():
        pair[0] += 1
def run():
    ts = [threading.Thread(target=f) for f in (count, count, mark, mark, ready.set)]
    ts.append(threading.Thread(target=box.put, args=("first",)))
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return total.value, pair[0], ready.is_set(), box.get(timeout=1), box.empty()
`)
	for i := 0; i < 2; i++ {
		rep := s.explore("run", runtime.ExploreOptions{})
		if got := strings.Join(keys(rep), " | "); got != "(2, 2, True, 'first', True)" || !rep.Complete || rep.Schedules < 2 {
			t.Errorf("exploration %d: outcomes %s in %d schedules (complete: %v), want (2, 2, True, 'first', True) alone", i+1, got, rep.Schedules, rep.Complete)
		}
	}
	s.run("after = total.value, pair[0], ready.is_set(), box.empty()")
	if got := s.global("after"); got != "(0, 0, False, True)" {
		t.Errorf("after exploring, the shared memory holds %s, want (0, 0, False, True)", got)
	}
}

// Exploration sees what processes share: every use of a Queue, a Value
// or a Pipe is a scheduling point, and a process is scheduled as a
// thread is. Both orders of two puts come, from threads and from
// processes, with no false deadlock for the get that waited (its take
// could not come before the put that ended its wait); a Value updated
// without its lock loses an update; a get nobody can answer is the
// deadlock it is.
func TestExploreProcessesSharing(t *testing.T) {
	s := newSession(t)
	s.run(`
import multiprocessing as mp, threading
def put(q, x):
    q.put(x)
def collect(kind):
    q = mp.Queue()
    ws = [kind(target=put, args=(q, x)) for x in "ab"]
    for w in ws:
        w.start()
    got = q.get() + q.get()
    for w in ws:
        w.join()
    return got
def via_threads():
    return collect(threading.Thread)
def via_processes():
    return collect(mp.Process)
v = mp.Value("i", 0, lock=False)
def bump(v):
    v.value = v.value + 1
def lost_update():
    v.value = 0
    ps = [mp.Process(target=bump, args=(v,)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return v.value
def send(conn):
    conn.send("hello")
def through_a_pipe():
    a, b = mp.Pipe()
    p = mp.Process(target=send, args=(b,))
    p.start()
    got = a.recv()
    p.join()
    return got
def nobody_puts():
    q = mp.Queue()
    p = mp.Process(target=q.get)
    p.start()
    q.get()
`)
	for _, c := range []struct{ fn, want string }{
		{"via_threads", "'ab' | 'ba'"},
		{"via_processes", "'ab' | 'ba'"},
		{"lost_update", "1 | 2"},
		{"through_a_pipe", "'hello'"},
	} {
		rep := s.explore(c.fn, runtime.ExploreOptions{})
		if got := strings.Join(keys(rep), " | "); got != c.want || !rep.Complete || rep.Deadlocks > 0 {
			t.Errorf("%s: outcomes %s in %d schedules (complete: %v, %d deadlocks), want %s", c.fn, got, rep.Schedules, rep.Complete, rep.Deadlocks, c.want)
		}
	}
	rep := s.explore("nobody_puts", runtime.ExploreOptions{})
	if len(rep.Outcomes) != 1 || !rep.Outcomes[0].Deadlock {
		t.Fatalf("nobody_puts: outcomes %v, want the deadlock alone", keys(rep))
	}
	stuck := rep.Outcomes[0].Stuck.Error()
	for _, want := range []string{"Process-", "waits for an item of a multiprocessing Queue, which no process is left to send (a lost wakeup)", "MainThread holds nothing and waits for an item of a multiprocessing Queue"} {
		if !strings.Contains(stuck, want) {
			t.Errorf("nobody_puts: the report does not say %q:\n%s", want, stuck)
		}
	}
}
