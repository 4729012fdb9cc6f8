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

const lostWakeupCell = `
import threading
cond = threading.Condition()
def waiter():
    with cond:
        cond.wait()
def notifier():
    with cond:
        cond.notify()
def handshake():
    n = threading.Thread(target=notifier, name="notifier")
    w = threading.Thread(target=waiter, name="waiter")
    n.start(); w.start()
    w.join(); n.join()
`

// stepsOf returns, thread by thread, what the interleaving table in text
// shows each one doing, in order; it fails the test when the text has no
// table or an empty one.
func stepsOf(t *testing.T, text string) map[string][]string {
	t.Helper()
	i := strings.Index(text, "Interleaving: ")
	if i < 0 {
		t.Fatalf("no interleaving table in\n%s", text)
	}
	header, rows := tableRows(text[i:])
	if len(rows) == 0 || len(header) < 5 {
		t.Fatalf("empty interleaving table in\n%s", text)
	}
	steps := map[string][]string{}
	for _, r := range rows {
		for c := 3; c < len(header)-2 && c < len(r); c++ {
			if r[c] != "" {
				steps[header[c]] = append(steps[header[c]], r[c])
			}
		}
	}
	return steps
}

// hasStep reports whether steps has one that begins with prefix.
func hasStep(steps []string, prefix string) bool {
	for _, s := range steps {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// A deadlock's counterexample, found by exploration or met at run time,
// shows the interleaving that led there: which thread took which lock,
// and the rows where they wait.
func TestDeadlockShowsItsInterleaving(t *testing.T) {
	s := New()
	defer s.Shutdown()
	prelude := `
import threading, time
a = threading.Lock()
b = threading.Lock()
def f(first, second):
    with first:
        time.sleep(0.1)
        with second:
            pass
def both():
    t1 = threading.Thread(target=f, args=(a, b), name="t1")
    t2 = threading.Thread(target=f, args=(b, a), name="t2")
    t1.start(); t2.start()
    t1.join(); t2.join()
` + lostWakeupCell
	if c := execute(s, prelude); c.err != nil {
		t.Fatal(c.err)
	}
	type want struct{ thread, step string }
	cases := []struct {
		code  string
		raise bool
		want  []want
	}{
		{"lab.explore(both)", false, []want{{"t1", "acquire a"}, {"t2", "acquire b"}, {"t1", "waits for b, held by t2"}, {"t2", "waits for a, held by t1"}}},
		{"lab.explore(handshake)", false, []want{{"notifier", "acquire cond's lock"}, {"waiter", "release cond's lock"}, {"waiter", "waits for a notify of cond"}}},
		{"lab.seed(1)\nboth()", true, []want{{"t1", "acquire a"}, {"t2", "acquire b"}, {"t1", "waits for b, held by t2"}}},
		{"lab.seed(None)\nl = threading.Lock()\nl.acquire()\nl.acquire()", true, []want{{"MainThread", "acquire l"}, {"MainThread", "waits for l"}}},
	}
	for _, tc := range cases {
		c := execute(s, tc.code)
		var text string
		if tc.raise {
			checkError(t, c.err, "DeadlockError", "deadlock")
			for _, d := range c.rec.displays {
				text += d["text/plain"].(string)
			}
		} else {
			if c.err != nil {
				t.Fatalf("%s: %v", tc.code, c.err)
			}
			text = c.result
		}
		after := strings.Index(text, "Counterexample: a deadlock")
		if tc.raise {
			after = strings.Index(text, "How the threads got there:")
		}
		if after < 0 {
			t.Fatalf("%s: no deadlock interleaving in\n%s", tc.code, text)
		}
		steps := stepsOf(t, text[after:])
		for _, w := range tc.want {
			if !hasStep(steps[w.thread], w.step) {
				t.Errorf("%s: %s has no step %q; its steps: %q\n%s", tc.code, w.thread, w.step, steps[w.thread], text)
			}
		}
	}
}

// A DeadlockError is raised once: when both the runtime (a Lock taken
// twice) and the host's watch of Condition waits (another thread waits
// for a notify nobody can send) find the same stuck program, the main
// thread catches the one error, and no second one surfaces at a later
// line, outside the try.
func TestDeadlockRaisedOnce(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, `
import threading
def lonely(cond, ready):
    with cond:
        ready.set()
        cond.wait()
caught = 0
for i in range(40):
    a = threading.Lock()
    cond = threading.Condition()
    ready = threading.Event()
    t = threading.Thread(target=lonely, args=(cond, ready))
    t.start()
    ready.wait()
    with cond:  # once it is taken, lonely waits
        pass
    try:
        a.acquire(); a.acquire()
    except threading.DeadlockError:
        caught += 1
    with cond:
        cond.notify()
    t.join()
caught
`)
	if c.err != nil || c.result != "40" {
		t.Fatalf("caught %s DeadlockErrors of 40; error %v", c.result, c.err)
	}
}
