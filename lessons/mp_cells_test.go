package lessons

import (
	"fmt"
	"strings"
	"testing"
)

// TestProcessCells: multiprocessing in cells, with and without lab.seed
// (issue 11's defect: a seeded cell that started and joined a Process
// raised a false DeadlockError). The child gets a copy of __main__ without
// lab, which only the kernel has; a Pool under a seed finishes and leaves
// no thread behind; an exception in a child is reported from the child.
func TestProcessCells(t *testing.T) {
	s := New()
	defer s.Shutdown()
	cells := []struct{ code, out, errs string }{
		{"import multiprocessing as mp\nitems = [1]\ndef f(n):\n    items.append(n)\n    print(mp.current_process().name, items)", "", ""},
		{"p = mp.Process(target=f, args=(2,))\np.start()\np.join()\nprint(items, p.exitcode)", "Process-1 [1, 2]\n[1] 0\n", ""},
		{"lab.seed(3)", "", ""},
		{"p = mp.Process(target=f, args=(3,))\np.start()\np.join()\nprint(items, p.exitcode)", "Process-2 [1, 3]\n[1] 0\n", ""},
		{"def sq(x):\n    return x * x\nwith mp.Pool(2) as pool:\n    print(pool.map(sq, range(5)))", "[0, 1, 4, 9, 16]\n", ""},
		{"def bad():\n    raise ValueError('x')\np = mp.Process(target=bad)\np.start()\np.join()\nprint(p.exitcode)", "1\n", "Process Process-5:\n"},
		{"lab.seed(None)", "", ""},
	}
	for _, c := range cells {
		got := execute(s, c.code)
		if got.err != nil || got.rec.out() != c.out || !strings.HasPrefix(got.rec.errs(), c.errs) || (c.errs == "" && got.rec.errs() != "") {
			t.Errorf("cell\n%s\nstdout %q, stderr %q, error %v; want stdout %q, stderr starting %q", c.code, got.rec.out(), got.rec.errs(), got.err, c.out, c.errs)
		}
	}
}

// TestSwitchIntervalCells: sys.setswitchinterval switches by time until
// lab.switch_interval switches back to steps; getswitchinterval then says
// CPython's default again.
func TestSwitchIntervalCells(t *testing.T) {
	s := New()
	defer s.Shutdown()
	for _, c := range []struct{ code, result string }{
		{"import sys\nsys.getswitchinterval()", "0.005"},
		{"sys.setswitchinterval(0.002)\nsys.getswitchinterval()", "0.002"},
		{"lab.switch_interval(100)\nsys.getswitchinterval()", "0.005"},
		{"sys._is_gil_enabled()", "True"},
	} {
		if got := execute(s, c.code); got.err != nil || got.result != c.result {
			t.Errorf("cell\n%s\ngave %q (%v), want %q", c.code, got.result, got.err, c.result)
		}
	}
}

// TestProcessSyncCells: multiprocessing's Condition, Event and Barrier
// are seen like threading's. A wait nobody can end (no process is left
// to notify) is a lost wakeup, named after the Condition; a wait that a
// live child will end is not; an interrupt ends a wait on a Condition,
// and lab.stop() ends a child waiting on an Event.
func TestProcessSyncCells(t *testing.T) {
	s := New()
	defer s.Shutdown()
	setup := `
import multiprocessing as mp
cond = mp.Condition()
ready = mp.Event()
def answer(cond, ready):
    ready.wait()
    with cond:
        cond.notify()
`
	if c := execute(s, setup); c.err != nil {
		t.Fatal(c.err)
	}
	c := execute(s, "with cond:\n    cond.wait()")
	checkError(t, c.err, "DeadlockError", "waits for a notify of cond (a Condition) that no thread is left to send (a lost wakeup)")

	c = execute(s, `
p = mp.Process(target=answer, args=(cond, ready))
p.start()
with cond:
    ready.set()
    print("woken", cond.wait())
p.join()
print(p.exitcode)
`)
	if c.err != nil || c.rec.out() != "woken True\n0\n" {
		t.Errorf("handshake with a child: stdout %q, error %v", c.rec.out(), c.err)
	}

	err, _, _ := interruptWhenPrinted(t, s, "ready.clear()\np = mp.Process(target=answer, args=(cond, ready))\np.start()\nprint('running')\nwith cond:\n    cond.wait()")
	checkError(t, err, "KeyboardInterrupt", "")

	c = execute(s, "stopped = lab.stop()\np.join()\n(stopped, p.exitcode)")
	if c.err != nil || c.result != "(1, -15)" {
		t.Errorf("lab.stop() of a child waiting on an Event: %s, %v", c.result, c.err)
	}
}

// TestManagerCells: a Manager in cells, with and without lab.seed: its
// proxies are shared by the processes the cells start, what comes back
// is a copy, and the manager's process ends with the with block.
func TestManagerCells(t *testing.T) {
	s := New()
	defer s.Shutdown()
	prog := `
import multiprocessing as mp
def tally(counts, lock, word):
    for _ in range(10):
        with lock:
            counts[word] = counts.get(word, 0) + 1
with mp.Manager() as m:
    counts, lock = m.dict(), m.Lock()
    ps = [mp.Process(target=tally, args=(counts, lock, w)) for w in "aab"]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    counts["list"] = [1]
    counts["list"].append(2)
    print(sorted(counts.items()), [p.exitcode for p in ps])
print(mp.active_children())
`
	want := "[('a', 20), ('b', 10), ('list', [1])] [0, 0, 0]\n[]\n"
	for _, pre := range []string{"", "lab.seed(4)\n"} {
		c := execute(s, pre+prog)
		if c.err != nil || c.rec.out() != want {
			t.Errorf("%q: stdout %q, stderr %q, error %v; want %q", pre, c.rec.out(), c.rec.errs(), c.err, want)
		}
	}
	execute(s, "lab.seed(None)")
}

// TestProcessQueueLostWakeup: a wait on a multiprocessing Queue, or a
// Pipe, that no process is left to fill is a deadlock, found when the
// wait begins or when the last process that might have sent the item
// ends; a child that does send it is no deadlock.
func TestProcessQueueLostWakeup(t *testing.T) {
	cases := []struct{ make, send, take, want string }{
		{"q = mp.Queue()\nmine = theirs = q", "c.put(x)", "mine.get()", "an item of a multiprocessing Queue"},
		{"mine, theirs = mp.Pipe()", "c.send(x)", "mine.recv()", "a message through a Pipe"},
	}
	for _, tc := range cases {
		s := New()
		if c := execute(s, "import multiprocessing as mp\n"+tc.make+"\ndef send(c, x):\n    if x:\n        "+tc.send); c.err != nil {
			t.Fatal(c.err)
		}
		want := "waits for " + tc.want + ", which no process is left to send (a lost wakeup)"
		c := execute(s, tc.take)
		checkError(t, c.err, "DeadlockError", want)
		c = execute(s, "p = mp.Process(target=send, args=(theirs, 0))\np.start()\n"+tc.take)
		checkError(t, c.err, "DeadlockError", want)
		c = execute(s, "p = mp.Process(target=send, args=(theirs, [5]))\np.start()\nprint("+tc.take+")\np.join()")
		if c.err != nil || c.rec.out() != "[5]\n" {
			t.Errorf("%s: a child that sends: stdout %q, error %v", tc.want, c.rec.out(), c.err)
		}
		s.Shutdown()
	}
}

// TestDeadlockAcrossProcesses: the main thread joins a child that waits
// for an item nobody will put; each process alone has another that might
// still act, so only the two together show the deadlock. A child that
// gets its item is joined as usual, and the session lives on.
func TestDeadlockAcrossProcesses(t *testing.T) {
	s := New()
	defer s.Shutdown()
	if c := execute(s, "import multiprocessing as mp, threading\nq = mp.Queue()\ndef take(q):\n    print('took', q.get())\ndef take_in_thread(q):\n    t = threading.Thread(target=take, args=(q,))\n    t.start()\n    t.join()"); c.err != nil {
		t.Fatal(c.err)
	}
	for _, target := range []string{"take", "take_in_thread"} {
		c := execute(s, "p = mp.Process(target="+target+", args=(q,))\np.start()\np.join()")
		checkError(t, c.err, "DeadlockError", "waits for an item of a multiprocessing Queue")
		checkError(t, c.err, "DeadlockError", "MainThread holds nothing and waits for Process-")
		if target == "take_in_thread" {
			checkError(t, c.err, "DeadlockError", " of Process-")
		}
		c = execute(s, "p = mp.Process(target="+target+", args=(q,))\np.start()\nq.put(7)\np.join()\nprint(p.exitcode)")
		if c.err != nil || c.rec.out() != "took 7\n0\n" {
			t.Errorf("%s: a child that gets its item: stdout %q, stderr %q, error %v", target, c.rec.out(), c.rec.errs(), c.err)
		}
	}
}

// TestPipeEndKeptOpen: a child inherits the sending end along with the
// receiving one, as fork hands a child every descriptor. If it keeps
// that copy open, its recv() never sees EOF (CPython hangs; threadlab
// reports the deadlock and names who holds the end). Closing the copy
// first lets the child finish.
func TestPipeEndKeptOpen(t *testing.T) {
	s := New()
	defer s.Shutdown()
	if c := execute(s, "import multiprocessing as mp\ndef drain(r, w=None):\n    if w:\n        w.close()\n    while True:\n        try:\n            print(r.recv())\n        except EOFError:\n            return"); c.err != nil {
		t.Fatal(c.err)
	}
	c := execute(s, "r, w = mp.Pipe(duplex=False)\np = mp.Process(target=drain, args=(r,), name='drainer')\np.start()\nw.send(1)\nw.close()\np.join()")
	checkError(t, c.err, "DeadlockError", "waits for a message through a Pipe, which no process is left to send (a lost wakeup); the other end is still open in drainer, and recv() sees EOF only once every process has closed its copy")
	c = execute(s, "r, w = mp.Pipe(duplex=False)\np = mp.Process(target=drain, args=(r, w))\np.start()\nw.send(1)\nw.close()\np.join()\nprint(p.exitcode)")
	if c.err != nil || c.rec.out() != "1\n0\n" {
		t.Errorf("a child that closes its copy: stdout %q, stderr %q, error %v", c.rec.out(), c.rec.errs(), c.err)
	}
}

// TestSeededProcessesReplay: under lab.seed processes take turns in the
// seed's order, so the order of the items two processes put on a Queue is
// the same in every session with that seed, and differs between seeds;
// a Pipe's poll times out on the seed's virtual clock, at once.
func TestSeededProcessesReplay(t *testing.T) {
	const prog = `
import multiprocessing as mp, time
def worker(q, tag):
    for i in range(6):
        x = 0
        for _ in range(40):
            x += 1
        q.put(tag)
def run():
    q = mp.Queue()
    ps = [mp.Process(target=worker, args=(q, tag)) for tag in "ab"]
    for p in ps:
        p.start()
    got = "".join(q.get() for _ in range(12))
    for p in ps:
        p.join()
    return got
`
	replay := func(seed int) string {
		s := New()
		defer s.Shutdown()
		var out strings.Builder
		for _, code := range []string{fmt.Sprintf("lab.seed(%d)", seed), prog, "print(run())",
			"a, b = mp.Pipe()\nt0 = time.perf_counter()\nr = a.poll(30)\nprint(r, time.perf_counter() - t0 < 20)"} {
			got := execute(s, code)
			if got.err != nil || got.rec.errs() != "" {
				t.Fatalf("seed %d, cell\n%s\nfailed: %v %s", seed, code, got.err, got.rec.errs())
			}
			out.WriteString(got.rec.out())
		}
		return out.String()
	}
	seen := map[string]bool{}
	for seed := range 6 {
		first := replay(seed)
		if !strings.HasSuffix(first, "\nFalse True\n") {
			t.Errorf("seed %d: the poll's timeout was not virtual:\n%s", seed, first)
		}
		if again := replay(seed); again != first {
			t.Errorf("seed %d gave two outputs in two sessions:\n%s\n%s", seed, first, again)
		}
		seen[first] = true
	}
	if len(seen) < 2 {
		t.Errorf("six seeds gave one output: the seed does not order the processes")
	}
}

// TestSeededProcessInterrupt: under lab.seed an interrupt ends the main
// thread's join of a spinning process; the process goes on taking turns
// with later cells, keeps lab.seed(None) from switching schedulers while
// it runs, and lab.stop() ends it as a terminate would.
func TestSeededProcessInterrupt(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, "lab.seed(1)")
	code := "import multiprocessing as mp\ndef spin():\n    x = 0\n    while True:\n        x += 1\np = mp.Process(target=spin)\np.start()\nprint('running')\np.join()"
	err, _, _ := interruptWhenPrinted(t, s, code)
	checkError(t, err, "KeyboardInterrupt", "")
	for _, c := range []struct{ code, out, err string }{
		{"print(p.is_alive(), 40 + 2)", "True 42\n", ""},
		{"lab.seed(None)", "", "RuntimeError: Process-1 is still running; join it (or call lab.stop()) before changing how threads are scheduled"},
		{"lab.stop()\np.join()\nprint(p.is_alive(), p.exitcode)", "False -15\n", ""},
		{"lab.seed(None)", "", ""},
	} {
		got := execute(s, c.code)
		gotErr := ""
		if got.err != nil {
			gotErr = got.err.Error()
		}
		if got.rec.out() != c.out || gotErr != c.err {
			t.Errorf("cell\n%s\nprinted %q, error %q; want %q, %q", c.code, got.rec.out(), gotErr, c.out, c.err)
		}
	}
}

// TestSeededProcessSync: multiprocessing's Condition, Event, Barrier,
// Semaphore, JoinableQueue and Manager work across processes under
// lab.seed, where the processes share the kernel's scheduler, and under
// lab.explore, which finds the handshake's one outcome and no deadlock.
func TestSeededProcessSync(t *testing.T) {
	s := New()
	defer s.Shutdown()
	if c := execute(s, `
import multiprocessing as mp
def answer(cond, ready):
    ready.wait()
    with cond:
        cond.notify()
def handshake():
    cond = mp.Condition()
    ready = mp.Event()
    p = mp.Process(target=answer, args=(cond, ready))
    p.start()
    with cond:
        ready.set()
        r = cond.wait()
    p.join()
    return r, p.exitcode
def party(b, q):
    q.put(b.wait() >= 0)
def barrier():
    b = mp.Barrier(3)
    q = mp.Queue()
    ps = [mp.Process(target=party, args=(b, q)) for _ in range(2)]
    for p in ps: p.start()
    b.wait()
    got = [q.get(), q.get()]
    for p in ps: p.join()
    return got
def worker(jq, sem, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            return
        with sem:
            out.put(item * 2)
        jq.task_done()
def joinable():
    jq = mp.JoinableQueue()
    sem = mp.Semaphore(1)
    out = mp.Queue()
    ps = [mp.Process(target=worker, args=(jq, sem, out)) for _ in range(2)]
    for p in ps: p.start()
    for i in range(4): jq.put(i)
    for _ in ps: jq.put(None)
    jq.join()
    for p in ps: p.join()
    return sorted(out.get() for _ in range(4))
def managed():
    with mp.Manager() as m:
        d = m.dict()
        ps = [mp.Process(target=d.__setitem__, args=(k, k * k)) for k in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
        return sorted(d.items())
`); c.err != nil {
		t.Fatal(c.err)
	}
	const want = "(True, 0) [True, True] [0, 2, 4, 6] [(0, 0), (1, 1), (2, 4)]\n"
	for _, seed := range []string{"0", "1"} {
		c := execute(s, "lab.seed("+seed+")\nprint(handshake(), barrier(), joinable(), managed())")
		if c.err != nil || c.rec.out() != want {
			t.Errorf("seed %s: printed %q, error %v; want %q", seed, c.rec.out(), c.err, want)
		}
	}
	c := execute(s, "lab.seed(None)\nr = lab.explore(handshake, max_schedules=40)\n(r.outcomes, r.deadlocks)")
	if c.err != nil || c.result != "({(True, 0): 40}, 0)" {
		t.Errorf("exploring the handshake: %s, %v", c.result, c.err)
	}
}

// TestSeededWaitBesideEarlierProcess: while a process started before
// lab.seed runs on its own, a seeded cell's Queue waits run on real time,
// and so does their timeout, however far the seed's virtual clock lags
// behind it.
func TestSeededWaitBesideEarlierProcess(t *testing.T) {
	s := New()
	defer s.Shutdown()
	for _, c := range []struct{ code, out string }{
		{"import multiprocessing as mp, queue, time\nev = mp.Event()\np = mp.Process(target=ev.wait)\np.start()", ""},
		{"lab.seed(1)", ""},
		{"t0 = time.perf_counter()\nwhile time.perf_counter() - t0 < 0.5:\n    pass\nq = mp.Queue()\nt0 = time.perf_counter()\ntry:\n    q.get(timeout=0.2)\nexcept queue.Empty:\n    print('empty after', time.perf_counter() - t0 >= 0.2)", "empty after True\n"},
		{"ev.set()\np.join()\nprint(p.exitcode)\nlab.seed(None)", "0\n"},
	} {
		got := execute(s, c.code)
		if got.err != nil || got.rec.out() != c.out {
			t.Errorf("cell\n%s\nprinted %q, error %v; want %q", c.code, got.rec.out(), got.err, c.out)
		}
	}
}
