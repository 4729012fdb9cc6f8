package lessons

import (
	"slices"
	"testing"
)

// The interpreter is serialised (its lists and dicts skip their locks)
// exactly while the GIL is on and scheduling is real, whatever lab.gil
// and lab.seed did before.
func TestSerialisedFollowsTheGIL(t *testing.T) {
	s := New()
	defer s.Shutdown()
	if !s.interp.Serialised() {
		t.Fatal("a new session, GIL on, is not serialised")
	}
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"lab.gil(False)", false},
		{"lab.gil(True)", true},
		{"lab.seed(3)", false},
		{"lab.seed(None)", true},
		{"lab.gil(False)\nlab.seed(3)\nlab.gil(True)", false},
		{"lab.seed(None)", true},
		{"lab.gil(False)", false},
		{"lab.gil(True)", true},
	} {
		if c := execute(s, tc.code); c.err != nil {
			t.Fatalf("%q: %v", tc.code, c.err)
		}
		if got := s.interp.Serialised(); got != tc.want {
			t.Errorf("after %q: serialised %v, want %v", tc.code, got, tc.want)
		}
	}
}

// With the GIL on, a thread an earlier cell started changes __main__, an
// instance, a list and a dict without their locks. Completion, inspection
// and the report of a cell's error read them from the kernel's goroutine
// at the same time: they must hold the GIL (runtime.Visit), or go test
// -race reports the race.
func TestVisitorsHoldTheGIL(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, `
import threading
class Box:
    pass
box = Box()
box.n = 0
shared = [0]
table = {}
stop = False
started = threading.Event()
def churn():
    i = 0
    started.set()
    while not stop:
        i += 1
        box.n = i
        box.__dict__['k%d' % (i % 9)] = i
        shared.append(i)
        if len(shared) > 40:
            del shared[:20]
        table[i % 13] = [i]
        globals()['g%d' % (i % 11)] = i
worker = threading.Thread(target=churn)
worker.start()
started.wait()
`)
	if c.err != nil {
		t.Fatal(c.err)
	}
	if !s.interp.Serialised() {
		t.Fatal("the session is not serialised: this test would prove nothing")
	}
	for range 100 {
		if m, _, _ := s.Complete("bo", 2); !slices.Contains(m, "box") {
			t.Fatalf("completing bo: %q, want box among them", m)
		}
		if m, _, _ := s.Complete("box.", 4); !slices.Contains(m, "n") {
			t.Fatalf("completing box.: %q, want n among them", m)
		}
		for _, name := range []string{"shared", "table", "g3"} {
			if _, found := s.Inspect(name, len(name), 0); !found {
				t.Fatalf("inspecting %s: not found", name)
			}
		}
	}
	// str() of the exception reads the list the thread changes (often
	// enough for the race detector to see it).
	for range 20 {
		c = execute(s, "raise ValueError(shared)")
		if ce, ok := c.err.(*CellError); !ok || ce.Name != "ValueError" {
			t.Fatalf("raise ValueError(shared): %v, want a ValueError", c.err)
		}
	}
	if c := execute(s, "stop = True\nworker.join()\nworker.is_alive()"); c.err != nil || c.result != "False" {
		t.Fatalf("stopping the worker: %q, %v", c.result, c.err)
	}
}
