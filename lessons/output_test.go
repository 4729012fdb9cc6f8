package lessons

import (
	"os/exec"
	"strings"
	"testing"

	"threadlab/lessons/python"
)

// A thread's print goes to the cell that started it, also once that
// cell has ended and another runs; sys.stdout and sys.stderr follow the
// thread too.
func TestThreadsPrintToTheirCell(t *testing.T) {
	s := New()
	defer s.Shutdown()
	first := execute(s, `
import threading, sys
go = threading.Event()
def later():
    go.wait()
    print("from the first cell's thread")
    sys.stderr.write("its stderr\n")
    sys.stdout.write("its stdout\n")
t = threading.Thread(target=later)
t.start()
`)
	if first.err != nil {
		t.Fatal(first.err)
	}
	second := execute(s, "go.set()\nt.join()\nprint('second cell')")
	if second.err != nil {
		t.Fatal(second.err)
	}
	if got := first.rec.out(); got != "from the first cell's thread\nits stdout\n" {
		t.Errorf("first cell's stdout %q", got)
	}
	if got := first.rec.errs(); !strings.HasSuffix(got, "its stderr\n") {
		t.Errorf("first cell's stderr %q", got)
	}
	if got := second.rec.out(); got != "second cell\n" {
		t.Errorf("second cell's stdout %q", got)
	}
}

// An exception that ends a thread is reported on the stderr of its cell
// as CPython's threading.excepthook reports it, and the cell goes on.
func TestThreadExceptionReport(t *testing.T) {
	const prog = `import threading
def fail():
    return 1 // 0
t = threading.Thread(target=fail)
t.start()
t.join()
print("went on")
`
	out, err := exec.Command(python3, "-c", prog).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	s := New()
	defer s.Shutdown()
	c := execute(s, prog)
	if c.err != nil {
		t.Fatal(c.err)
	}
	got := strings.Split(strings.TrimSuffix(c.rec.errs(), "\n"), "\n")
	// The report's first line, the cell's frame and the error line are
	// CPython's; the frames inside threading.py are each one's own.
	if got[0] != want[0] || got[len(got)-1] != want[len(want)-2] || c.rec.out() != "went on\n" {
		t.Errorf("threadlab reported\n%s\nand printed %q; python3 printed\n%s", c.rec.errs(), c.rec.out(), out)
	}
	if !strings.Contains(c.rec.errs(), "  File \"<cell 1>\", line 3, in fail\n    return 1 // 0\n") {
		t.Errorf("the report does not show the cell's line: %s", c.rec.errs())
	}
}

// input() asks the frontend through Output.Input, from a cell or a
// thread.
func TestInput(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, "name = input('who? ')\nimport threading\ngot = []\nt = threading.Thread(target=lambda: got.append(input()))\nt.start(); t.join()\n(name, got)")
	if c.err != nil || c.result != "('typed', ['typed'])" {
		t.Errorf("input gave %q, %v", c.result, c.err)
	}
	if strings.Join(c.rec.prompts, "|") != "who? |" {
		t.Errorf("prompts %q", c.rec.prompts)
	}
}

// A final expression shows as its repr, or as the bundle its
// _repr_html_ (IPython's protocol) or a Go MIMEBundler gives; display()
// shows each argument the same way.
func TestRichResults(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, "class Bold:\n    def _repr_html_(self):\n        return '<b>bold</b>'\n    def __repr__(self):\n        return 'Bold()'\nBold()")
	if c.err != nil || c.result != "Bold()" {
		t.Fatalf("result %q, %v", c.result, c.err)
	}
	c = execute(s, "display(Bold(), 42)\nclear_output(wait=True)")
	if c.err != nil || len(c.rec.displays) != 2 {
		t.Fatalf("display: %v, %v", c.rec.displays, c.err)
	}
	if h := c.rec.displays[0]["text/html"]; h != "<b>bold</b>" {
		t.Errorf("display(Bold()) html %v", h)
	}
	if p := c.rec.displays[1]["text/plain"]; p != "42" {
		t.Errorf("display(42) %v", p)
	}
	s.main.Set("rich", &mimeValue{bundle: map[string]any{"text/html": "<i>rich</i>"}})
	c = execute(s, "rich")
	if c.err != nil || c.result != "<mime>" {
		t.Errorf("MIMEBundler result %q, %v", c.result, c.err)
	}
	c = execute(s, "display(rich)")
	if c.err != nil || len(c.rec.displays) != 1 || c.rec.displays[0]["text/html"] != "<i>rich</i>" {
		t.Errorf("display of a MIMEBundler: %v, %v", c.rec.displays, c.err)
	}
}

// mimeValue is a Go value with a rich display of its own.
type mimeValue struct{ bundle map[string]any }

var mimeType = python.NewType("mime", nil)

func (*mimeValue) Type() *python.Type                  { return mimeType }
func (v *mimeValue) MIMEBundle() map[string]any        { return v.bundle }
func (*mimeValue) Repr(*python.Thread) (string, error) { return "<mime>", nil }

// Threads that outlive their cell keep running: a later cell sees their
// progress.
func TestThreadsOutliveTheirCell(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, "import threading, time\nticks = []\ndef tick():\n    while True:\n        ticks.append(1)\n        time.sleep(0.001)\nthreading.Thread(target=tick, name='ticker').start()")
	if c.err != nil || !strings.Contains(c.rec.errs(), "Still running after this cell: thread 'ticker'.") {
		t.Fatalf("%v, stderr %q", c.err, c.rec.errs())
	}
	c = execute(s, "n = len(ticks)\nwhile len(ticks) < n + 10:\n    time.sleep(0.01)\nlen(ticks) >= n + 10")
	if c.result != "True" {
		t.Errorf("the thread did not run on after its cell: %q, %v", c.result, c.err)
	}
}

// A process started from a cell is a copy of the session's __main__
// (lab included) and prints into that cell.
func TestProcessesPrintToTheirCell(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, "import multiprocessing as mp\nitems = [1]\ndef f(x):\n    items.append(x)\n    print('child', x, mp.current_process().name, items, lab.gil())\n"+
		"p = mp.Process(target=f, args=(3,))\np.start(); p.join()\n(p.exitcode, items)")
	if c.err != nil || c.result != "(0, [1])" || c.rec.out() != "child 3 Process-1 [1, 3] True\n" {
		t.Errorf("result %q, out %q, err %v, stderr %q", c.result, c.rec.out(), c.err, c.rec.errs())
	}
}

// A process's output and its error report go to the cell that started
// it, also once another cell runs.
func TestProcessReportsToItsCell(t *testing.T) {
	s := New()
	defer s.Shutdown()
	first := execute(s, "import multiprocessing as mp\ngo = mp.Queue()\ndef fail():\n    go.get()\n    print('failing')\n    raise ValueError('in the child')\n"+
		"p = mp.Process(target=fail)\np.start()")
	if first.err != nil {
		t.Fatal(first.err)
	}
	if second := execute(s, "go.put(1)\np.join()\np.exitcode"); second.err != nil || second.result != "1" || second.rec.errs() != "" {
		t.Errorf("second cell: %q, %v, stderr %q", second.result, second.err, second.rec.errs())
	}
	if errs := first.rec.errs(); first.rec.out() != "failing\n" || !strings.Contains(errs, "Process Process-1:\nTraceback (most recent call last):") ||
		!strings.HasSuffix(errs, "ValueError: in the child\n") {
		t.Errorf("the first cell got stdout %q, stderr %q", first.rec.out(), errs)
	}
}

// help(x) prints x's signature and docstring into the cell.
func TestHelp(t *testing.T) {
	s := New()
	defer s.Shutdown()
	for _, code := range []string{"help(lab.seed)", "help('lab.seed')", "def seed2(n):\n    '''Make scheduling repeatable: after lab.seed(n) ...'''\nhelp(seed2)"} {
		c := execute(s, code)
		if out := c.rec.out(); c.err != nil || !strings.Contains(out, "seed(n)") && !strings.Contains(out, "seed2(n)") || !strings.Contains(out, "Make scheduling repeatable") {
			t.Errorf("%q printed %q, %v", code, out, c.err)
		}
	}
}
