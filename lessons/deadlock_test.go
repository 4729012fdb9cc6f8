package lessons

import (
	"strings"
	"testing"
	"time"
)

const deadlockCell = `
import threading
a = threading.Lock()
b = threading.Lock()
go = threading.Barrier(2)
def f(first, second):
    with first:
        go.wait()
        with second:
            pass
t1 = threading.Thread(target=f, args=(a, b), name="t1")
t2 = threading.Thread(target=f, args=(b, a), name="t2")
t1.start(); t2.start()
t1.join(); t2.join()
`

// hasTable reports whether one of the displays is a table of class.
func hasTable(displays []map[string]any, class string) bool {
	for _, d := range displays {
		if h, _ := d["text/html"].(string); strings.Contains(h, `class="`+class+`"`) {
			return true
		}
	}
	return false
}

// A cell whose threads wait for each other for ever fails at once with
// DeadlockError, showing the report as a table; so does a seeded run.
func TestDeadlockFailsTheCell(t *testing.T) {
	for _, seeded := range []bool{false, true} {
		s := New()
		code := deadlockCell
		if seeded {
			code = "lab.seed(1)\n" + code
		}
		began := time.Now()
		c := execute(s, code)
		ce := checkError(t, c.err, "DeadlockError", "t1 holds a and waits for b, held by t2")
		if tb := strings.Join(ce.Lines, "\n"); !strings.Contains(tb, "\nthreading.DeadlockError: deadlock") || !strings.Contains(tb, "File \"<cell 1>\"") {
			t.Errorf("traceback %q", ce.Lines)
		}
		if d := time.Since(began); d > 2*time.Second {
			t.Errorf("deadlock took %v to report", d)
		}
		if !hasTable(c.rec.displays, "threadlab-deadlock") {
			t.Error("no deadlock table displayed")
		}
		if got := execute(s, "lab.seed(None)\nthreading.active_count()"); got.err != nil || got.result != "1" {
			t.Errorf("after the deadlock: active_count %s, %v", got.result, got.err)
		}
		s.Shutdown()
	}
}

// Threads that deadlock after their cell has ended are reported when it
// ends, and lab.stop() ends them.
func TestDeadlockTheCellDoesNotWaitFor(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, strings.Replace(deadlockCell, "t1.join(); t2.join()", "import time\ntime.sleep(0.5)", 1))
	if c.err != nil {
		t.Fatal(c.err)
	}
	if !hasTable(c.rec.displays, "threadlab-deadlock") || !strings.Contains(c.rec.errs(), "These threads are deadlocked") {
		t.Errorf("no report of the deadlocked threads: stderr %q", c.rec.errs())
	}
	if got := execute(s, "(lab.stop(), threading.active_count())"); got.err != nil || got.result != "(2, 1)" {
		t.Errorf("lab.stop(): %s, %v", got.result, got.err)
	}
}
