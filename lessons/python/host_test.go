package python

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// inGoroutines runs f on n goroutines at once, each on a new thread of
// in, and fails t on the first error.
func inGoroutines(t *testing.T, in *Interp, n int, f func(th *Thread, g int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, n)
	for g := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[g] = f(in.NewThread(fmt.Sprint("w", g)), g)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// load compiles and runs src as module __main__ of a new interpreter and
// returns the module.
func load(t *testing.T, src string, opts Options) (*Interp, *Module) {
	t.Helper()
	in := NewInterp(opts)
	code, err := in.Compile("prog.py", []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	m := NewModule("__main__")
	in.AddModule(m)
	th := in.NewThread("main")
	if _, err := th.ExecModule(code, m); err != nil {
		var b strings.Builder
		th.PrintTraceback(&b, err)
		t.Fatal(b.String())
	}
	return in, m
}

type countingHost struct{ calls int }

func (h *countingHost) Step(*Thread) error { h.calls++; return nil }

func TestStepHookInterval(t *testing.T) {
	in, m := load(t, "def work(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n", Options{})
	work := m.Globals().GetStr("work")
	steps := func(n int) int {
		th := in.NewThread("t")
		h := &countingHost{}
		th.SetHost(h, 1)
		if _, err := Call(th, work, Int(1000)); err != nil {
			t.Fatal(err)
		}
		return h.calls
	}
	every1 := steps(1)
	// A loop iteration is several bytecodes: FOR_ITER, STORE, LOAD, LOAD, INPLACE, STORE, JUMP.
	if every1 < 5000 || every1 > 10000 {
		t.Fatalf("range(1000) loop took %d steps, want about 7 per iteration", every1)
	}
	th := in.NewThread("t")
	h := &countingHost{}
	th.SetHost(h, 100)
	if _, err := Call(th, work, Int(1000)); err != nil {
		t.Fatal(err)
	}
	if want := every1 / 100; h.calls < want-1 || h.calls > want+1 {
		t.Fatalf("with N=100 the host was called %d times, want %d", h.calls, want)
	}
}

// An update of a global int past the shared small ints reads and stores
// it without making a Value (fuseGlobalArith, fuseStoreGlobal); those
// instructions still count as steps, so the host is called exactly as
// often as for the same loop on small ints.
func TestStepHookFusedStore(t *testing.T) {
	in, m := load(t, "g = 0\ndef work(n):\n    global g\n    one, zero = 1, 0\n    for i in range(n):\n        g = g + 1\n        g = g - 1\n        g += 0\n        g = g + one\n        g = g - one\n        g += zero\n        x = g + one\n", Options{})
	work := m.Globals().GetStr("work")
	for _, every := range []int{2, 3, 7} {
		calls := map[int64]int{}
		for _, start := range []int64{0, 1_000_000} {
			m.Globals().SetStr("g", Int(start))
			th := in.NewThread("t")
			h := &countingHost{}
			th.SetHost(h, every)
			if _, err := Call(th, work, Int(500)); err != nil {
				t.Fatal(err)
			}
			if g := m.Globals().GetStr("g"); g != Int(start) {
				t.Fatalf("g = %v after the loop, want %d", g, start)
			}
			calls[start] = h.calls
		}
		if calls[0] != calls[1_000_000] || calls[0] == 0 {
			t.Errorf("a hook every %d steps: called %d times for small ints, %d for large ones", every, calls[0], calls[1_000_000])
		}
	}
}

// stopHost cancels the thread at its 50th hook call.
type stopHost struct{ calls int }

func (h *stopHost) Step(t *Thread) error {
	h.calls++
	if h.calls == 50 {
		t.Cancel("stopped by test")
	}
	return nil
}

func TestCancelIsNotCatchable(t *testing.T) {
	src := `
def spin():
    while True:
        try:
            while True:
                pass
        except BaseException:
            print("caught")
        finally:
            print("finally")
`
	var out bytes.Buffer
	in, m := load(t, src, Options{Stdout: &out})
	th := in.NewThread("t")
	th.SetHost(&stopHost{}, 10)
	_, err := Call(th, m.Globals().GetStr("spin"))
	var c *Cancelled
	if !errors.As(err, &c) || c.Reason != "stopped by test" {
		t.Fatalf("err = %v, want *Cancelled", err)
	}
	if out.Len() != 0 {
		t.Fatalf("handlers ran on cancellation: %q", out.String())
	}
}

func TestCancelFromAnotherGoroutine(t *testing.T) {
	in, m := load(t, "def spin():\n    while True:\n        pass\n", Options{})
	th := in.NewThread("t")
	started := make(chan struct{})
	th.SetHost(hostFunc(func(*Thread) error {
		select {
		case <-started:
		default:
			close(started)
		}
		return nil
	}), 100)
	done := make(chan error)
	go func() {
		_, err := Call(th, m.Globals().GetStr("spin"))
		done <- err
	}()
	<-started
	th.Cancel("interrupt")
	var c *Cancelled
	if err := <-done; !errors.As(err, &c) {
		t.Fatalf("err = %v, want *Cancelled", err)
	}
}

type hostFunc func(*Thread) error

func (f hostFunc) Step(t *Thread) error { return f(t) }

// A host primitive waits with Block; cancelling the thread wakes it.
func TestBlockIsCancellable(t *testing.T) {
	blocked := make(chan struct{})
	wait := ModuleDef{Name: "waiter", Init: func(_ *Thread, m *Module) error {
		m.SetFunc("wait_forever", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			err := t.Block(func(done <-chan struct{}) error {
				close(blocked)
				<-done
				return nil
			})
			return None, err
		})
		return nil
	}}
	in, m := load(t, "import waiter\ndef f():\n    try:\n        waiter.wait_forever()\n    except BaseException:\n        return 'caught'\n", Options{Modules: []ModuleDef{wait}})
	th := in.NewThread("t")
	done := make(chan error)
	go func() {
		_, err := Call(th, m.Globals().GetStr("f"))
		done <- err
	}()
	<-blocked
	th.Cancel("deadlock")
	var c *Cancelled
	if err := <-done; !errors.As(err, &c) || c.Reason != "deadlock" {
		t.Fatalf("err = %v, want *Cancelled(deadlock)", err)
	}
}

type recorder struct{ events []string }

func (r *recorder) Event(t *Thread, ev *Event) {
	var what string
	switch ev.Kind {
	case ReadGlobal, WriteGlobal, DeleteGlobal, ReadAttr, WriteAttr, DeleteAttr:
		what = ev.Name
	default:
		k, _ := Repr(t, ev.Key)
		what = "[" + k + "]"
	}
	v := "-"
	if ev.Value() != nil {
		v, _ = Repr(t, ev.Value())
	}
	r.events = append(r.events, fmt.Sprintf("%d %s %s=%s", ev.Line, ev.Kind, what, v))
}

func TestMemoryEvents(t *testing.T) {
	src := `class Account:
    pass
acct = Account()
items = [0, 0]
table = {}
balance = 0
def work(n):
    global balance
    balance = balance + n
    acct.total = n
    items[1] = acct.total
    table["k"] = items[0]
    del table["k"]
    Account.kind = "savings"
`
	in, m := load(t, src, Options{})
	th := in.NewThread("t")
	r := &recorder{}
	th.SetTracer(r)
	if _, err := Call(th, m.Globals().GetStr("work"), Int(5)); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"9 read global balance=0",
		"9 write global balance=5",
		"10 read global acct=<__main__.Account object at ADDR>",
		"10 write attr total=5",
		"11 read global acct=<__main__.Account object at ADDR>",
		"11 read attr total=5",
		"11 read global items=[0, 0]",
		"11 write item [1]=5",
		"12 read global items=[0, 5]",
		"12 read item [0]=0",
		"12 read global table={}",
		"12 write item ['k']=0",
		"13 read global table={'k': 0}",
		"13 delete item ['k']=-",
		"14 read global Account=<class '__main__.Account'>",
		"14 write attr kind='savings'",
	}
	got := r.events
	for i := range got {
		if j := strings.Index(got[i], " at 0x"); j >= 0 {
			got[i] = got[i][:j] + " at ADDR>"
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	th.SetTracer(nil)
	if _, err := Call(th, m.Globals().GetStr("work"), Int(1)); err != nil {
		t.Fatal(err)
	}
	if len(r.events) != len(want) {
		t.Fatalf("events recorded with the tracer off")
	}
}

// The fused int paths (a global plus a local, stored back) report the
// same events, with the same values and lines, as the instructions they
// stand for: a step hook at every step keeps them from running, which is
// the reference.
func TestFusedEventsMatchUnfused(t *testing.T) {
	src := `balance = 1000
total = 0
def work(n):
    global balance, total
    for i in range(3):
        balance = balance + n
        balance = balance - n
        balance += n
        balance = (balance
            - n)
        total = n + n
        total = total + i
`
	events := func(interval int) []string {
		in, m := load(t, src, Options{})
		th := in.NewThread("t")
		if interval > 0 {
			th.SetHost(&countingHost{}, interval)
		}
		r := &recorder{}
		th.SetTracer(r)
		if _, err := Call(th, m.Globals().GetStr("work"), Int(300)); err != nil {
			t.Fatal(err)
		}
		return r.events
	}
	fused, unfused := events(0), events(1)
	if len(unfused) < 30 {
		t.Fatalf("only %d events with a hook at every step", len(unfused))
	}
	if got, want := strings.Join(fused, "\n"), strings.Join(unfused, "\n"); got != want {
		t.Fatalf("events of the fused paths:\n%s\nwant (unfused):\n%s", got, want)
	}
}

// fileRecorder is recorder with each event's file.
type fileRecorder struct{ recorder }

func (r *fileRecorder) Event(t *Thread, ev *Event) {
	r.recorder.Event(t, ev)
	r.events[len(r.events)-1] = ev.File + ":" + r.events[len(r.events)-1]
}

// intRecorder is a fileRecorder that hears of the accesses of int
// globals by GlobalInt, and, when skipping, of no access of code.
type intRecorder struct {
	fileRecorder
	skipping bool
	ints     int // GlobalInt calls
}

func (r *intRecorder) GlobalInt(t *Thread, kind EventKind, m *Module, name string, n Int, file string, line int) {
	r.ints++
	r.events = append(r.events, fmt.Sprintf("%s:%d %s %s=%d", file, line, kind, name, n))
}

type skippingRecorder struct{ intRecorder }

func (*skippingRecorder) SkipsCode() {}

// A tracer that is a GlobalIntTracer hears of the accesses of globals
// that hold ints by GlobalInt, fused or not, with the kind, name, value,
// file and line that Event gives any other tracer; one that is a
// CodeSkipper too hears of the same but for the reads of globals that
// hold code.
func TestGlobalIntEvents(t *testing.T) {
	src := `balance = 1000
small = 0
total = 0
name = "x"
def helper():
    return small
def work(n):
    global balance, small, total, name
    for i in range(3):
        balance = balance + n
        balance = balance - n
        small = small + 1
        small = small - 1
        total = helper() + i
        name = name + "y"
    del total
`
	run := func(interval int, r Tracer) {
		in, m := load(t, src, Options{})
		th := in.NewThread("t")
		if interval > 0 {
			th.SetHost(&countingHost{}, interval)
		}
		th.SetTracer(r)
		if _, err := Call(th, m.Globals().GetStr("work"), Int(300)); err != nil {
			t.Fatal(err)
		}
	}
	for _, interval := range []int{0, 1} { // fused, and not
		plain, ints, skipping := &fileRecorder{}, &intRecorder{}, &skippingRecorder{}
		run(interval, plain)
		run(interval, ints)
		run(interval, skipping)
		if ints.ints < 3*6 {
			t.Errorf("interval %d: GlobalInt heard of %d accesses, want the 18 or more of ints", interval, ints.ints)
		}
		if got, want := strings.Join(ints.events, "\n"), strings.Join(plain.events, "\n"); got != want {
			t.Errorf("interval %d: events through GlobalInt:\n%s\nwant (through Event):\n%s", interval, got, want)
		}
		var noCode []string
		for _, e := range plain.events {
			if !strings.Contains(e, "read global helper=<function") {
				noCode = append(noCode, e)
			}
		}
		if len(noCode) == len(plain.events) {
			t.Fatalf("interval %d: no read of helper among the events:\n%s", interval, strings.Join(plain.events, "\n"))
		}
		if got, want := strings.Join(skipping.events, "\n"), strings.Join(noCode, "\n"); got != want {
			t.Errorf("interval %d: events of a CodeSkipper:\n%s\nwant:\n%s", interval, got, want)
		}
	}
}

// Goroutines share a list, a dict and an instance with no GIL: each
// operation is atomic (no append is lost, go test -race stays quiet) while
// the compound update of a counter may lose updates.
func TestSharedObjectsAcrossGoroutines(t *testing.T) {
	src := `class Box:
    def __init__(self):
        self.count = 0
shared = []
table = {}
box = Box()
def worker(id, n):
    global shared
    for i in range(n):
        shared += [i]
        table[(id, i)] = i
        box.count = box.count + 1
        box.last = id
        x = len(shared)
`
	in, m := load(t, src, Options{})
	worker := m.Globals().GetStr("worker")
	const goroutines, n = 4, 2000
	inGoroutines(t, in, goroutines, func(th *Thread, g int) error {
		_, err := Call(th, worker, Int(g), Int(n))
		return err
	})
	if l := m.Globals().GetStr("shared").(*List).Len(); l != goroutines*n {
		t.Errorf("len(shared) = %d, want %d", l, goroutines*n)
	}
	if l := m.Globals().GetStr("table").(*Dict).Len(); l != goroutines*n {
		t.Errorf("len(table) = %d, want %d", l, goroutines*n)
	}
	count := m.Globals().GetStr("box").(*Instance).Dict().GetStr("count").(Int)
	if count < 1 || count > goroutines*n {
		t.Errorf("box.count = %d, want within 1..%d", count, goroutines*n)
	}
}

// Goroutines write, read and delete the same globals with no GIL, through
// the slots LOAD_GLOBAL and STORE_GLOBAL remember, changing between the
// ways a slot holds a value (boxed, int or float bits, locked): a read
// sees a value some goroutine wrote or a NameError, never anything else,
// and go test -race stays quiet.
func TestGlobalsAcrossGoroutines(t *testing.T) {
	src := `seen = []
def written(v, n):
    if type(v) is list:
        v = v[0]
    elif type(v) is str:
        v = int(v)
    elif type(v) is float:
        v = int(v - 0.5)
    elif type(v) is int and v >= 2**70:
        v = v - 2**70
    return type(v) is int and 0 <= v < n
def worker(n):
    global g
    bad = 0
    for i in range(n):
        g = (i, i + 0.5, str(i), [i], 2**70 + i, i % 5)[i % 6]
        try:
            v = g
            if not written(v, n):
                bad += 1
        except NameError:
            pass
        try:
            del g
        except NameError:
            pass
        globals()["g"] = n - 1 - i
        globals().pop("g", None)
    seen.append(bad)
`
	in, m := load(t, src, Options{})
	worker := m.Globals().GetStr("worker")
	const goroutines, n = 4, 3000
	inGoroutines(t, in, goroutines, func(th *Thread, g int) error {
		_, err := Call(th, worker, Int(n))
		return err
	})
	seen := m.Globals().GetStr("seen").(*List).Snapshot()
	if len(seen) != goroutines {
		t.Fatalf("%d workers finished, want %d", len(seen), goroutines)
	}
	for _, bad := range seen {
		if bad != Int(0) {
			t.Errorf("a worker read %v values it could not have written", bad)
		}
	}
}

const raceLoop = `balance = 0
def work(n):
    global balance
    for i in range(n):
        balance = balance + 1
        balance = balance - 1
`

type nopTracer struct{}

func (nopTracer) Event(*Thread, *Event) {}

// BenchmarkRaceLoop runs the tutorial's race loop with no host, with a
// step hook every 100 steps, and with every memory event reported.
func BenchmarkRaceLoop(b *testing.B) {
	in := NewInterp(Options{})
	code, err := in.Compile("race.py", []byte(raceLoop), false)
	if err != nil {
		b.Fatal(err)
	}
	m := NewModule("__main__")
	if _, err := in.NewThread("main").ExecModule(code, m); err != nil {
		b.Fatal(err)
	}
	work := m.Globals().GetStr("work")
	for _, mode := range []string{"plain", "hook100", "traced"} {
		b.Run(mode, func(b *testing.B) {
			th := in.NewThread("t")
			switch mode {
			case "hook100":
				th.SetHost(&countingHost{}, 100)
			case "traced":
				th.SetTracer(nopTracer{})
			}
			for i := 0; i < b.N; i++ {
				if _, err := Call(th, work, Int(10000)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestThreadStdout(t *testing.T) {
	var main, cell bytes.Buffer
	in, m := load(t, "def hello(who):\n    print('hello', who)\n", Options{Stdout: &main})
	th := in.NewThread("worker")
	th.SetStdout(&cell)
	if _, err := th.CallSafe(m.Globals().GetStr("hello"), Str("cell")); err != nil {
		t.Fatal(err)
	}
	if _, err := in.NewThread("other").CallSafe(m.Globals().GetStr("hello"), Str("main")); err != nil {
		t.Fatal(err)
	}
	if cell.String() != "hello cell\n" || main.String() != "hello main\n" {
		t.Fatalf("thread output %q, interpreter output %q", cell.String(), main.String())
	}
}

// Next carries a generator's return value on its StopIteration.
func TestNextReturnValue(t *testing.T) {
	in, m := load(t, "def g():\n    yield 1\n    return 'done'\nit = g()\n", Options{})
	th := in.NewThread("t")
	it := m.Globals().GetStr("it")
	if v, err := Next(th, it); err != nil || v != Int(1) {
		t.Fatalf("first next = %v, %v", v, err)
	}
	_, err := Next(th, it)
	e, ok := err.(*Exception)
	if !ok || !e.Type().IsSubclass(StopIteration) || len(e.Args()) != 1 || e.Args()[0] != Str("done") {
		t.Fatalf("second next: %v, want StopIteration('done')", err)
	}
	if _, err := Next(th, NewList(nil)); err == nil || !ErrorMatches(err, TypeError) {
		t.Fatalf("next of a list: %v, want TypeError", err)
	}
}

// Closing Options.Interrupt stops Run's program as Ctrl-C stops CPython's.
func TestRunInterrupt(t *testing.T) {
	interrupt := make(chan struct{})
	close(interrupt)
	var errb bytes.Buffer
	src := "while True:\n    try:\n        pass\n    except BaseException:\n        pass\n"
	status := Run("spin.py", []byte(src), Options{Stderr: &errb, Interrupt: interrupt})
	if status != 130 || !strings.HasSuffix(errb.String(), "KeyboardInterrupt\n") {
		t.Fatalf("status %d, stderr %q; want 130 and KeyboardInterrupt", status, errb.String())
	}
}
