package lessons

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// checkError checks that err is a *CellError named ename whose message
// contains msg.
func checkError(t *testing.T, err error, ename, msg string) *CellError {
	t.Helper()
	ce, ok := err.(*CellError)
	if !ok {
		t.Fatalf("error %v (%T), want a %s", err, err, ename)
	}
	if ce.Name != ename || !strings.Contains(ce.Message, msg) {
		t.Errorf("error %s: %s, want %s containing %q; traceback:\n%s", ce.Name, ce.Message, ename, msg, strings.Join(ce.Lines, "\n"))
	}
	return ce
}

// interruptWhenPrinted runs code, which prints "running" once it is
// under way, interrupts it then, and returns its error and how long the
// interrupt took, and what it printed.
func interruptWhenPrinted(t *testing.T, s *Session, code string) (error, time.Duration, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	printed := make(chan struct{})
	rec := &notifier{recorder: recorder{}, want: "running", seen: printed}
	done := make(chan error, 1)
	go func() {
		_, err := s.Execute(ctx, code, rec)
		done <- err
	}()
	select {
	case <-printed:
	case err := <-done:
		t.Fatalf("the cell ended before the interrupt: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the cell never printed that it runs")
	}
	began := time.Now()
	cancel()
	select {
	case err := <-done:
		return err, time.Since(began), rec.out()
	case <-time.After(10 * time.Second):
		t.Fatal("the cell did not end after the interrupt")
	}
	return nil, 0, ""
}

// notifier is a recorder that closes seen once stdout contains want.
type notifier struct {
	recorder
	want string
	seen chan struct{}
	once bool
}

func (n *notifier) Stream(name, text string) {
	n.recorder.Stream(name, text)
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.once && strings.Contains(n.stdout.String(), n.want) {
		n.once = true
		close(n.seen)
	}
}

// spinner starts a thread t that spins until the kernel stops it.
const spinner = "import threading\ndef spin():\n    while True:\n        pass\nt = threading.Thread(target=spin, daemon=True)\nt.start()\n"

// An interrupt raises KeyboardInterrupt in a running cell, wherever it is
// (a loop, a wait, a sleep), as in CPython: uncaught, it ends the cell
// with CPython's traceback; the threads the cell started go on (an idle
// interrupt stops them), and the kernel goes on.
func TestInterruptRunningCell(t *testing.T) {
	cells := []struct {
		name, code string
		threads    int // user threads still running after the cell
	}{
		{"spin", "print('running')\nwhile True:\n    pass", 0},
		{"function", "def spin():\n    while True:\n        x = 1\nprint('running')\nspin()", 0},
		{"sleep", "import time\nprint('running')\ntime.sleep(3600)", 0},
		{"join", spinner + "print('running')\nt.join()", 1},
		{"lock", "import threading\nl = threading.Lock()\ndef hold():\n    with l:\n        while True:\n            pass\n" +
			"threading.Thread(target=hold).start()\nwhile not l.locked():\n    pass\nprint('running')\nl.acquire()", 1},
		{"condition", spinner + "c = threading.Condition()\nprint('running')\nwith c:\n    c.wait()", 1},
		{"event", spinner + "print('running')\nthreading.Event().wait()", 1},
		{"queue", spinner + "import queue\nprint('running')\nqueue.Queue().get()", 1},
		{"traced spin", "import sys\ndef tr(f, e, a):\n    return tr\nsys.settrace(tr)\ndef spin():\n    while True:\n        x = 1\nprint('running')\nspin()", 0},
		{"spinning trace function", "import sys\ndef tr(f, e, a):\n    while True:\n        pass\nsys.settrace(tr)\ndef g():\n    pass\nprint('running')\ng()", 0},
	}
	for _, tc := range cells {
		t.Run(tc.name, func(t *testing.T) {
			s := New()
			defer s.Shutdown()
			err, took, _ := interruptWhenPrinted(t, s, tc.code)
			ce := checkError(t, err, "KeyboardInterrupt", "")
			// CPython's traceback of a KeyboardInterrupt: where the cell was.
			if tb := strings.Join(ce.Lines, "\n"); !strings.HasPrefix(tb, "Traceback (most recent call last):\n  File \"<cell 1>\", line ") ||
				!strings.HasSuffix(tb, "\nKeyboardInterrupt") {
				t.Errorf("traceback:\n%s", tb)
			}
			if took > time.Second {
				t.Errorf("the interrupt took %v", took)
			}
			c := execute(s, "import threading\nafter = 40\n(threading.active_count(), after + 2, threading.current_thread() is threading.main_thread())")
			if want := fmt.Sprintf("(%d, 42, True)", 1+tc.threads); c.err != nil || c.result != want {
				t.Errorf("the next cell gave %q, %v; want %s", c.result, c.err, want)
			}
			s.Interrupt()
			if !s.rt.Wait(10 * time.Second) {
				t.Fatal("the threads did not end after an idle interrupt")
			}
		})
	}
}

// The KeyboardInterrupt an interrupt raises is a Python exception: except
// catches it, finally clauses run and with releases its lock, also when
// it ends a blocking wait.
func TestInterruptIsCatchable(t *testing.T) {
	const caught = "try:\n    print('running')\n    %s\nexcept KeyboardInterrupt:\n    print('caught')\n"
	cells := []struct {
		name, code string
		ename      string // the cell's error, "" for none
		printed    string // what it prints after the interrupt
		next, want string // a later cell's expression and its value
	}{
		{"finally", "try:\n    print('running')\n    while True:\n        pass\nfinally:\n    print('finally ran')",
			"KeyboardInterrupt", "finally ran", "1", "1"},
		{"except", fmt.Sprintf(caught, "while True:\n        pass"), "", "caught", "1", "1"},
		{"with lock", "import threading\nl = threading.Lock()\nwith l:\n    print('running')\n    while True:\n        pass",
			"KeyboardInterrupt", "", "l.locked()", "False"},
		{"__exit__", "class C:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        print('exit', a[0].__name__)\n" +
			"with C():\n    print('running')\n    while True:\n        pass", "KeyboardInterrupt", "exit KeyboardInterrupt", "1", "1"},
		{"lock wait", "import threading\nl = threading.Lock()\ndef hold():\n    with l:\n        while True:\n            pass\n" +
			"h = threading.Thread(target=hold, daemon=True)\nh.start()\nwhile not l.locked():\n    pass\n" +
			fmt.Sprintf(caught, "l.acquire()"), "", "caught", "h.is_alive()", "True"},
		{"sleep", "import time\n" + fmt.Sprintf(caught, "time.sleep(3600)"), "", "caught", "1", "1"},
		{"join", spinner + fmt.Sprintf(caught, "t.join()"), "", "caught", "t.is_alive()", "True"},
		{"condition", spinner + "c = threading.Condition()\nwith c:\n    " +
			strings.ReplaceAll(fmt.Sprintf(caught, "c.wait()"), "\n", "\n    ") + "\n",
			"", "caught", "c.acquire(False)", "True"},
		{"event", spinner + fmt.Sprintf(caught, "threading.Event().wait()"), "", "caught", "t.is_alive()", "True"},
		{"queue", spinner + "import queue\n" + fmt.Sprintf(caught, "queue.Queue().get()"), "", "caught", "t.is_alive()", "True"},
	}
	for _, tc := range cells {
		t.Run(tc.name, func(t *testing.T) {
			s := New()
			defer s.Shutdown()
			err, _, out := interruptWhenPrinted(t, s, tc.code)
			if tc.ename == "" {
				if err != nil {
					t.Fatalf("the cell failed: %v", err)
				}
			} else {
				checkError(t, err, tc.ename, "")
			}
			if !strings.Contains(out, "running\n"+tc.printed) {
				t.Errorf("the cell printed %q, want %q after the interrupt", out, tc.printed)
			}
			if c := execute(s, tc.next); c.err != nil || c.result != tc.want {
				t.Errorf("%s gave %q, %v; want %s", tc.next, c.result, c.err, tc.want)
			}
		})
	}
}

// A second interrupt stops a cell that catches KeyboardInterrupt and goes
// on, and the threads it started; the cell says so and the kernel lives.
func TestSecondInterruptStopsCell(t *testing.T) {
	s := New()
	defer s.Shutdown()
	// 'running' is printed inside the try, so that the first interrupt,
	// sent once it shows, always lands where the cell catches it.
	code := spinner + "while True:\n    try:\n        print('running')\n        while True:\n            pass\n" +
		"    except KeyboardInterrupt:\n        print('caught')\n"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	running, caught := make(chan struct{}), make(chan struct{})
	rec := &notifier{want: "running", seen: running}
	done := make(chan error, 1)
	go func() {
		_, err := s.Execute(ctx, code, rec)
		done <- err
	}()
	await := func(seen chan struct{}) {
		t.Helper()
		select {
		case <-seen:
		case err := <-done:
			t.Fatalf("the cell ended early: %v; printed %q", err, rec.out())
		case <-time.After(30 * time.Second):
			t.Fatalf("the cell did not get on; printed %q", rec.out())
		}
	}
	await(running)
	rec.mu.Lock()
	rec.want, rec.seen, rec.once = "caught", caught, false
	rec.mu.Unlock()
	cancel() // the first interrupt: the cell catches it
	await(caught)
	s.Interrupt() // the second
	select {
	case err := <-done:
		checkError(t, err, "KeyboardInterrupt", "")
	case <-time.After(10 * time.Second):
		t.Fatal("the second interrupt did not stop the cell")
	}
	if said := rec.errs(); !strings.Contains(said, "A second interrupt stopped the cell") {
		t.Errorf("the cell did not say a second interrupt stopped it: %q", said)
	}
	if !s.rt.Wait(10 * time.Second) {
		t.Fatal("the cell's thread did not end after the second interrupt")
	}
	if c := execute(s, "(threading.active_count(), t.is_alive())"); c.err != nil || c.result != "(1, False)" {
		t.Errorf("after the second interrupt: %q, %v; want (1, False)", c.result, c.err)
	}
}

const leftSpinning = `
import threading
def spin():
    x = 0
    while True:
        x = x ^ 1

for i in range(2):
    threading.Thread(target=spin, name="spin-" + str(i + 1)).start()
`

// A cell that leaves threads running says so; an interrupt while no cell
// runs stops them, and the next cell (only the next) says what it stopped.
func TestIdleInterruptStopsLeftoverThreads(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, leftSpinning)
	if c.err != nil {
		t.Fatal(c.err)
	}
	if note := c.rec.errs(); !strings.Contains(note, "Still running after this cell: threads 'spin-1', 'spin-2'.") {
		t.Errorf("the cell did not name the threads it left running; stderr %q", note)
	}
	s.Interrupt()
	if !s.rt.Wait(10 * time.Second) {
		t.Fatal("the spinning threads did not end after an idle interrupt")
	}
	c = execute(s, "threading.active_count()")
	if c.err != nil || c.result != "1" {
		t.Errorf("after the interrupt: active_count() = %s, %v; want 1", c.result, c.err)
	}
	if said := c.rec.errs(); said != "The interrupt stopped 2 threads that earlier cells left running: 'spin-1', 'spin-2'.\n" {
		t.Errorf("the cell after the interrupt said %q", said)
	}
	if c = execute(s, "1"); c.rec.errs() != "" {
		t.Errorf("the note was repeated: %q", c.rec.errs())
	}
	// Interrupting with nothing left running says nothing.
	s.Interrupt()
	if c = execute(s, "1"); c.rec.errs() != "" {
		t.Errorf("an interrupt that stopped nothing left a note: %q", c.rec.errs())
	}
}

// Threads joined by their cell leave no note; lab.stop ends those left.
func TestThreadsJoinedOrStopped(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, "import threading\ndef work():\n    pass\nt = threading.Thread(target=work)\nt.start()\nt.join()")
	if c.err != nil || c.rec.errs() != "" {
		t.Errorf("joined: %v, stderr %q", c.err, c.rec.errs())
	}
	if c = execute(s, leftSpinning); c.err != nil {
		t.Fatal(c.err)
	}
	c = execute(s, "n = lab.stop()\n(n, threading.active_count())")
	if c.err != nil || c.result != "(2, 1)" {
		t.Errorf("lab.stop(): %q, %v; want (2, 1)", c.result, c.err)
	}
}
