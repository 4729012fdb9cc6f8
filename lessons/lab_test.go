package lessons

import (
	"strings"
	"testing"
	"time"
)

// raceHead is the start of the tutorial's race cells: the global balance
// and the function that changes it without a lock.
const raceHead = `
import threading
balance = 0
def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n
`

// raceCell is the tutorial's race: two threads change a global balance
// without a lock.
const raceCell = raceHead + `def run_thread(n):
    for i in range(ROUNDS):
        change_it(n)
t1 = threading.Thread(target=run_thread, args=(5,))
t2 = threading.Thread(target=run_thread, args=(8,))
t1.start()
t2.start()
t1.join()
t2.join()
print(balance)
`

func race(rounds string) string { return strings.Replace(raceCell, "ROUNDS", rounds, 1) }

// lab's functions: what each returns and the errors for bad arguments.
func TestLabFunctions(t *testing.T) {
	tests := []struct{ code, result, ename, msg string }{
		{"lab.gil()", "True", "", ""},
		{"lab.gil(False)\nlab.gil()", "False", "", ""},
		{"lab.gil(True)\nlab.gil()", "True", "", ""},
		{"lab.switch_interval()", "100", "", ""},
		{"lab.switch_interval(7)\nlab.switch_interval()", "7", "", ""},
		{"lab.switch_interval(steps=100)\nlab.switch_interval()", "100", "", ""},
		{"lab.switch_interval(0)", "", "ValueError", "between 1 and"},
		{"lab.switch_interval(2.5)", "", "TypeError", "whole number of interpreter steps, not float"},
		{"lab.seed('x')", "", "TypeError", "lab.seed takes a whole number"},
		{"lab.seed()", "", "TypeError", "missing 1 required positional argument: 'n'"},
		{"lab.cpu(0)", "", "ValueError", "between 0 and 600"},
		{"lab.stop()", "0", "", ""},
		{"lab.stop(1)", "", "TypeError", "takes 0 positional arguments but 1 was given"},
		{"import threading\nerrs = []\ndef f():\n    try:\n        lab.gil(False)\n    except RuntimeError as e:\n        errs.append(str(e))\n" +
			"t = threading.Thread(target=f)\nt.start(); t.join()\nerrs", "['lab.gil can only be called from cell code (MainThread), not from a thread']", "", ""},
		{"import lab as l\nl is lab", "True", "", ""},
	}
	s := New()
	defer s.Shutdown()
	for _, tt := range tests {
		c := execute(s, tt.code)
		if tt.ename != "" {
			checkError(t, c.err, tt.ename, tt.msg)
			continue
		}
		if c.err != nil || c.result != tt.result {
			t.Errorf("%q gave %q, %v; want %q", tt.code, c.result, c.err, tt.result)
		}
	}
}

// After lab.seed(n) the race prints the same balance in every session
// (and so in every kernel process), and lab.seed(None) returns to real
// scheduling.
func TestSeedReplays(t *testing.T) {
	for _, seed := range []string{"1", "7"} {
		var first string
		for run := 0; run < 3; run++ {
			s := New()
			c := execute(s, "lab.seed("+seed+")\n"+race("2000"))
			s.Shutdown()
			if c.err != nil {
				t.Fatal(c.err)
			}
			if run == 0 {
				first = c.rec.out()
			} else if c.rec.out() != first {
				t.Errorf("seed %s: run %d printed %q, run 1 %q", seed, run+1, c.rec.out(), first)
			}
		}
	}
	// A seeded sleep is virtual; after lab.seed(None) it takes real time.
	s := New()
	defer s.Shutdown()
	for _, tt := range []struct {
		code string
		real bool
	}{{"import time\nlab.seed(3)\ntime.sleep(2)", false}, {"lab.seed(None)\ntime.sleep(0.3)", true}} {
		began := time.Now()
		if c := execute(s, tt.code); c.err != nil {
			t.Fatal(c.err)
		}
		if took := time.Since(began); (took >= 300*time.Millisecond) != tt.real {
			t.Errorf("%q took %v", tt.code, took)
		}
	}
}

// With the default settings the race loses updates in most runs; with a
// lock around change_it it never does.
func TestRaceAndLock(t *testing.T) {
	const runs = 5
	nonzero := 0
	var seen []string
	s := New()
	defer s.Shutdown()
	for range runs {
		c := execute(s, race("100000"))
		if c.err != nil {
			t.Fatal(c.err)
		}
		if out := c.rec.out(); out != "0\n" {
			nonzero++
		}
		seen = append(seen, strings.TrimSpace(c.rec.out()))
	}
	if nonzero*2 <= runs {
		t.Errorf("only %d of %d races lost an update (balances %s); want most", nonzero, runs, strings.Join(seen, ", "))
	}
	locked := strings.Replace(race("100000"), "        change_it(n)", "        lock.acquire()\n        try:\n            change_it(n)\n        finally:\n            lock.release()", 1)
	locked = strings.Replace(locked, "balance = 0\n", "balance = 0\nlock = threading.Lock()\n", 1)
	for range 2 {
		if c := execute(s, locked); c.err != nil || c.rec.out() != "0\n" {
			t.Errorf("with the lock: %q, %v", c.rec.out(), c.err)
		}
	}
}

// Only lab is imported in a new session; importing a module threadlab
// lacks fails as in CPython, with a note naming the modules it has.
func TestModules(t *testing.T) {
	s := New()
	defer s.Shutdown()
	for _, name := range []string{"threading", "time", "queue", "multiprocessing", "sys"} {
		checkError(t, execute(s, name).err, "NameError", "name '"+name+"' is not defined")
	}
	ce := checkError(t, execute(s, "import no_such_module_zz").err, "ModuleNotFoundError", "No module named 'no_such_module_zz'")
	note := ce.Lines[len(ce.Lines)-1]
	for _, want := range []string{"threadlab has no module 'no_such_module_zz'; its modules are ", "threading", "queue", "concurrent", "lab", "time"} {
		if !strings.Contains(note, want) {
			t.Errorf("the note %q lacks %q", note, want)
		}
	}
	if strings.Contains(note, "_threadlab") || strings.Contains(note, "_lab") {
		t.Errorf("the note names private modules: %q", note)
	}
	if c := execute(s, "import threading, time, queue, concurrent.futures, multiprocessing, sys\nsys.version_info[:2]"); c.err != nil || c.result != "(3, 11)" {
		t.Errorf("imports: %q, %v", c.result, c.err)
	}
}
