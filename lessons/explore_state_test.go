package lessons

import (
	"fmt"
	"testing"
)

// syncObjects are module-level synchronisation objects, made by make(),
// and programs that change their state: each leaves an Event set, a
// Barrier's round, a Semaphore without permits, a Lock held, a Queue
// with an item or a Condition with a sleeper behind it.
const syncObjects = `import threading, queue, lab
def make():
    global ev, bar, sem, lk, q, cond, ready
    ev = threading.Event()
    bar = threading.Barrier(2)
    sem = threading.Semaphore(1)
    lk = threading.Lock()
    q = queue.Queue()
    cond = threading.Condition()
    ready = []
    global box, held
    box = {"ev": [threading.Event()], "sem": [threading.Semaphore(1)]}
    held = [threading.RLock()]
make()
def both(f, g):
    out = []
    a = threading.Thread(target=f, args=(out,))
    b = threading.Thread(target=g, args=(out,))
    a.start(); b.start(); a.join(); b.join()
    return out
def waits(out):
    ev.wait()
    out.append("woke")
def sets(out):
    out.append("set")
    ev.set()
def event():
    return both(waits, sets), ev.is_set()
def meets(out):
    out.append(bar.wait())
def barrier():
    return sorted(both(meets, meets)), bar.n_waiting, bar.broken
def takes(out):
    out.append(sem.acquire(False))
def semaphore():
    return sorted(both(takes, takes))
def holds(out):
    with lk:
        out.append(1)
def lock():
    out = both(holds, holds)
    lk.acquire()  # left held
    return out
def puts(out):
    q.put(len(out))
def gets(out):
    out.append(q.get())
def queue_():
    return both(puts, gets), both(puts, puts), q.qsize()
def sleeps(out):
    with cond:
        ready.append(1)
        cond.wait_for(lambda: len(ready) > 1)
        out.append(len(ready))
def wakes(out):
    with cond:
        ready.append(2)
        cond.notify()
def condition():
    return both(sleeps, wakes)
def waits_in_box(out):
    box["ev"][0].wait()
    out.append("woke")
def sets_in_box(out):
    out.append(box["sem"][0].acquire(False))
    box["ev"][0].set()
def holds_in_box(out):
    # Left held by a thread that ends, and a permit left taken.
    out.append((held[0].acquire(False), box["sem"][0].acquire(False)))
def grabs(out):
    out.append(held[0].acquire(False))  # and ends holding it
def rlock():
    return sorted(both(grabs, grabs))
def nested():
    return both(waits_in_box, sets_in_box), both(holds_in_box, holds_in_box)
`

// Each explored run of a program that uses module-level Events,
// Barriers, Semaphores, Locks, Queues and Conditions starts from the
// state they had when exploring began: the outcomes are those of the
// same program that makes the objects afresh in every run, in the
// explorer (and in the stepper, which uses the same runs); searching twice
// gives the same, and the objects are left as they were.
func TestExploreRestoresSyncObjects(t *testing.T) {
	s := New()
	defer s.Shutdown()
	if c := execute(s, syncObjects); c.err != nil {
		t.Fatal(c.err)
	}
	for _, prog := range []string{"event", "barrier", "semaphore", "lock", "queue_", "condition", "nested", "rlock"} {
		searches := []string{"explore"}
		if prog == "rlock" {
			// The stepper goes through every schedule: only the smallest
			// program has few enough.
			searches = append(searches, "stepper")
		}
		for _, search := range searches {
			t.Run(prog+"/"+search, func(t *testing.T) {
				explore := func(fn string) string {
					return fmt.Sprintf("sorted(lab.%s(%s).outcomes)", search, fn)
				}
				fresh := execute(s, fmt.Sprintf("def fresh():\n    make()\n    return %s()\n%s", prog, explore("fresh")))
				if fresh.err != nil {
					t.Fatalf("fresh objects: %v", fresh.err)
				}
				state := "ev.is_set(), bar.n_waiting, bar.broken, sem._value, lk.locked(), q.qsize(), ready, cond._sleepers, box, held"
				before := execute(s, "make()\n"+state)
				for run := 1; run <= 2; run++ {
					got := execute(s, explore(prog))
					if got.err != nil || got.result != fresh.result {
						t.Fatalf("search %d of %s with module-level objects: %s %v; with objects made in each run: %s", run, prog, got.result, got.err, fresh.result)
					}
				}
				if after := execute(s, state); after.result != before.result {
					t.Errorf("exploring left the objects as %s; they were %s", after.result, before.result)
				}
			})
		}
	}
}

// classState is a program that changes class attributes: a counter in a
// class body, a list a subclass reaches through its base, an attribute a
// run adds to the subclass, and a class made inside a function, reached
// only through its instance.
const classState = `import threading, lab
class Counter:
    count = 0
    hits = []
class Sub(Counter):
    pass
def makes():
    class Local:
        n = 0
    return Local()
obj = makes()
def bump():
    Counter.count += 1
    Sub.hits.append(Counter.count)
    Sub.count = Counter.count
    type(obj).n += 1
def prog():
    a = threading.Thread(target=bump)
    b = threading.Thread(target=bump)
    a.start(); b.start(); a.join(); b.join()
    return Counter.count, sorted(Counter.hits), Sub.count, type(obj).n
def reset():
    Counter.count = 0
    Counter.hits = []
    Sub.count = None  # and then none: the same steps whatever runs left
    del Sub.count
    type(obj).n = 0
def fresh():
    reset()
    return prog()
`

// Each explored run starts from the class attributes the program had
// when exploring began, as a run that sets them afresh does, and
// exploring leaves them so.
func TestExploreRestoresClassAttributes(t *testing.T) {
	s := New()
	defer s.Shutdown()
	if c := execute(s, classState); c.err != nil {
		t.Fatal(c.err)
	}
	fresh := execute(s, "sorted(lab.explore(fresh).outcomes)")
	if fresh.err != nil {
		t.Fatal(fresh.err)
	}
	state := `Counter.count, Counter.hits, "count" in Sub.__dict__, type(obj).n`
	before := execute(s, "reset()\n"+state)
	for run := 1; run <= 2; run++ {
		if got := execute(s, "sorted(lab.explore(prog).outcomes)"); got.err != nil || got.result != fresh.result {
			// (Left over from earlier runs, the outcomes are many: the first few say enough.)
			t.Fatalf("search %d: %.300s %v; with the class attributes set in each run: %s", run, got.result, got.err, fresh.result)
		}
	}
	if after := execute(s, state); after.result != before.result {
		t.Errorf("exploring left the classes as %s; they were %s", after.result, before.result)
	}
}
