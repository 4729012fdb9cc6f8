package lessons

import (
	"context"
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

// An interrupt ends a running cell with KeyboardInterrupt, wherever it
// is (a loop, a wait, a sleep, input()), stops the threads it started,
// and the kernel goes on.
func TestInterruptRunningCell(t *testing.T) {
	cells := map[string]string{
		"spin":     "print('running')\nwhile True:\n    pass",
		"function": "def spin():\n    while True:\n        x = 1\nprint('running')\nspin()",
		"sleep":    "import time\nprint('running')\ntime.sleep(3600)",
		"join": "import threading\ndef spin():\n    while True:\n        pass\nt = threading.Thread(target=spin)\nt.start()\n" +
			"print('running')\nt.join()",
		"lock": "import threading\nl = threading.Lock()\ndef hold():\n    with l:\n        while True:\n            pass\n" +
			"threading.Thread(target=hold).start()\nwhile not l.locked():\n    pass\nprint('running')\nl.acquire()",
		"condition": "import threading\nc = threading.Condition()\ndef spin():\n    while True:\n        pass\n" +
			"threading.Thread(target=spin).start()\nprint('running')\nwith c:\n    c.wait()",
		"caught": "print('running')\ntry:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n" +
			"finally:\n    print('finally')",
	}
	for name, code := range cells {
		t.Run(name, func(t *testing.T) {
			s := New()
			defer s.Shutdown()
			err, took, out := interruptWhenPrinted(t, s, code)
			ce := checkError(t, err, "KeyboardInterrupt", "")
			// CPython's traceback of a KeyboardInterrupt: where the cell was.
			if tb := strings.Join(ce.Lines, "\n"); !strings.HasPrefix(tb, "Traceback (most recent call last):\n  File \"<cell 1>\", line ") ||
				!strings.HasSuffix(tb, "\nKeyboardInterrupt") {
				t.Errorf("traceback:\n%s", tb)
			}
			if took > time.Second {
				t.Errorf("the interrupt took %v", took)
			}
			// Unlike CPython, threadlab's interrupt cannot be caught: no
			// except or finally clause runs, so no cell can refuse to stop.
			if strings.Contains(out, "caught") || strings.Contains(out, "finally") {
				t.Errorf("an except or finally clause ran after the interrupt: %q", out)
			}
			c := execute(s, "import threading\nafter = 40\n(threading.active_count(), after + 2)")
			if c.err != nil || c.result != "(1, 42)" {
				t.Errorf("the next cell gave %q, %v", c.result, c.err)
			}
		})
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
