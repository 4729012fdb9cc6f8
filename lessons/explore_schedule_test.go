package lessons

import (
	"strings"
	"testing"
)

// A schedule that names only the workers replays a path of the stepper,
// which runs the main thread whenever it can, even when the main thread
// reads a shared variable between starting them: the outcomes of every
// such schedule are the stepper's outcomes. Naming MainThread still
// places its steps.
func TestScheduleLeavesMainThreadToRun(t *testing.T) {
	s := New()
	defer s.Shutdown()
	if c := execute(s, `import threading, lab
balance = 0
def change_it(n):
    global balance
    balance = balance + n
def named():
    t1 = threading.Thread(target=change_it, args=(5,), name="t1")
    t2 = threading.Thread(target=change_it, args=(8,), name="t2")
    t1.start()
    seen = balance
    t2.start(); t1.join(); t2.join()
    return seen, balance
`); c.err != nil {
		t.Fatal(c.err)
	}
	// Each thread reads balance and writes it: every order of t1 t1 and t2 t2.
	orders := "['t1 t1 t2 t2', 't1 t2 t1 t2', 't1 t2 t2 t1', 't2 t1 t1 t2', 't2 t1 t2 t1', 't2 t2 t1 t1']"
	c := execute(s, "replayed = sorted({list(lab.explore(named, schedule=o).outcomes)[0] for o in "+orders+"})\n"+
		"stepped = sorted(lab.stepper(named).outcomes)\nreplayed == stepped, replayed, stepped")
	if c.err != nil || !strings.HasPrefix(c.result, "(True, ") {
		t.Errorf("the workers' schedules and the stepper (equal, replayed, stepped): %s, %v", c.result, c.err)
	}
	// Named, the main thread's read of balance goes where the schedule puts it.
	c = execute(s, "lab.explore(named, schedule='t1 t1 MainThread t2 t2').outcomes")
	if c.err != nil || c.result != "{(5, 13): 1}" {
		t.Errorf("a schedule that names MainThread: %s, %v", c.result, c.err)
	}
}
