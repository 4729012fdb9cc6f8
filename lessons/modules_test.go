package lessons

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// inlineStyle matches a style attribute, which the display tests look past.
var inlineStyle = regexp.MustCompile(` style="[^"]*"`)

// The lessons' bank-account race, as learners write it.
const raceCell = `
account = lab.shared(balance=0)

def worker(amount, times):
    for i in range(times):
        account.balance = account.balance + amount
        account.balance = account.balance - amount

a = threading.Thread(target=worker, args=(5, TIMES))
b = threading.Thread(target=worker, args=(8, TIMES))
a.start()
b.start()
a.join()
b.join()
account.balance
`

const lockedCell = `
account = lab.shared(balance=0)
lock = threading.Lock()

def worker(amount, times):
    for i in range(times):
        lock.acquire()
        account.balance = account.balance + amount
        account.balance = account.balance - amount
        lock.release()

a = threading.Thread(target=worker, args=(5, TIMES))
b = threading.Thread(target=worker, args=(8, TIMES))
a.start()
b.start()
a.join()
b.join()
account.balance
`

func withTimes(cell string, n int) string {
	return strings.Replace(cell, "TIMES", itoa(n), -1)
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// execCell runs one cell and returns its text/plain, the full bundle, the
// recorder and the error.
func execCell(t testing.TB, s *Session, code string) (string, map[string]any, *recorder, error) {
	rec := &recorder{}
	res, err := s.Execute(context.Background(), code, rec)
	text := ""
	if res != nil {
		text, _ = res["text/plain"].(string)
	}
	return text, res, rec, err
}

func TestRaceIsVisibleThroughStarlark(t *testing.T) {
	nonzero := 0
	for i := 0; i < 3; i++ {
		s := New()
		got, _, _, err := execCell(t, s, withTimes(raceCell, 100000))
		if err != nil {
			t.Fatal(err)
		}
		if got != "0" {
			nonzero++
		}
		_, bundle, _, err := execCell(t, s, "lab.trace()")
		if err != nil {
			t.Fatal(err)
		}
		html, _ := bundle["text/html"].(string)
		if !strings.Contains(html, `class="threadlab-trace"`) || !strings.Contains(html, "lost update") {
			t.Errorf("trace display lacks the table or the lost update")
		}
	}
	if nonzero < 2 {
		t.Errorf("balance was 0 in %d of 3 runs", 3-nonzero)
	}
}

func TestLockGivesZero(t *testing.T) {
	for _, gil := range []string{"True", "False"} {
		s := New()
		got, _, _, err := execCell(t, s, "lab.gil("+gil+")\n"+withTimes(lockedCell, 20000))
		if err != nil {
			t.Fatal(err)
		}
		if got != "0" {
			t.Errorf("gil=%s: locked balance %s", gil, got)
		}
	}
}

func TestSeedReplaysAcrossSessions(t *testing.T) {
	cell := "lab.seed(7)\n" + withTimes(raceCell, 3000) + "\nprint(len(lab.trace()), account.balance)"
	var first string
	for i := 0; i < 3; i++ {
		_, _, rec, err := execCell(t, New(), cell)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = rec.out()
		} else if rec.out() != first {
			t.Fatalf("run %d printed %q, first run %q", i, rec.out(), first)
		}
	}
	if strings.HasSuffix(strings.TrimSpace(first), " 0") {
		t.Errorf("seed 7 gave balance 0 (%s); pick a seed that shows the race", first)
	}
}

func TestExploreThroughStarlark(t *testing.T) {
	s := New()
	cell := strings.Replace(exploreCell, "NAIVE", "max_schedules=1000", 1) + "print(sorted(report.outcomes.keys()))\nreport\n"
	_, bundle, rec, err := execCell(t, s, cell)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(rec.out()); got != "[-8, -5, -3, 0, 3, 5, 8]" {
		t.Errorf("outcomes %s", got)
	}
	html, _ := bundle["text/html"].(string)
	for _, want := range []string{"threadlab-explore", "34 traces", "optimal DPOR", "no run ended early", "not a probability", "Without the reduction"} {
		if !strings.Contains(html, want) {
			t.Errorf("explore display lacks %q: %.600s", want, html)
		}
	}
	got, _, _, err := execCell(t, s, "len(report.example(-8)) > 0")
	if err != nil || got != "True" {
		t.Errorf("example(-8): %s %v", got, err)
	}
}

func TestExploreVerdictsThroughStarlark(t *testing.T) {
	tests := []struct {
		name, expect string
		fails        bool
		html         []string // what the report shows
	}{
		{"every outcome declared", `{0: "acceptable", 5: "interesting", -5: "interesting", 3: "interesting", -3: "interesting",
			-8: ("interesting", "the deposit was lost"), 8: "interesting", 13: ("acceptable", "never happens"), "deadlock": "forbidden"}`,
			false, []string{"<td>13</td><td>acceptable</td><td>0</td>", "the deposit was lost", "<td>deadlock</td><td>forbidden</td><td>0</td>"}},
		{"one acceptable value", `0`, true, []string{"Counterexample: the forbidden outcome", "not among the expected outcomes"}},
		{"a forbidden outcome", `{0: "acceptable", 8: ("forbidden", "the withdrawal was lost"), 5: "interesting", -5: "interesting",
			3: "interesting", -3: "interesting", -8: "interesting"}`, true, []string{"Counterexample: the forbidden outcome 8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New()
			rec := &recorder{}
			_, err := s.Execute(context.Background(), strings.Replace(exploreCell, "NAIVE", "expect="+tt.expect, 1), rec)
			var html string
			if tt.fails {
				ce, ok := AsCellError(err)
				if !ok || ce.Name != "AssertionError" || !strings.Contains(ce.Message, "forbidden outcome") {
					t.Fatalf("got %v, want an AssertionError naming the forbidden outcome", err)
				}
				if len(rec.displays) != 1 {
					t.Fatalf("%d displays before the error, want the report", len(rec.displays))
				}
				html, _ = rec.displays[0]["text/html"].(string)
			} else {
				if err != nil {
					t.Fatal(err)
				}
				_, bundle, _, err := execCell(t, s, "report")
				if err != nil {
					t.Fatal(err)
				}
				html, _ = bundle["text/html"].(string)
			}
			// The cells carry inline styles (they must survive the
			// frontends' stylesheets); the checks read past them.
			html = inlineStyle.ReplaceAllString(html, "")
			for _, want := range tt.html {
				if !strings.Contains(html, want) {
					t.Errorf("report lacks %q: %s", want, html)
				}
			}
		})
	}
}

func TestExploreDeadlockCounterexampleEndsBlocked(t *testing.T) {
	s := New()
	_, bundle, _, err := execCell(t, s, `
def both():
    first = threading.Lock()
    second = threading.Lock()
    def left():
        first.acquire()
        second.acquire()
        second.release()
        first.release()
    def right():
        second.acquire()
        first.acquire()
        first.release()
        second.release()
    a = threading.Thread(target=left, name="left")
    b = threading.Thread(target=right, name="right")
    a.start()
    b.start()
    a.join()
    b.join()
    return "done"
report = lab.explore(both)
report
`)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := bundle["text/plain"].(string)
	for _, want := range []string{"Counterexample: a deadlock, reached with 1 preemption", "It ends with these threads blocked:",
		"left       | first   | second, held by right", "right      | second  | first, held by left"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}

func TestExploreModesThroughStarlark(t *testing.T) {
	tests := []struct {
		args, want string
	}{
		{"preemptions=0", "[0] True False"},
		{"budget=10", "[-8, -5, -3, 0, 3, 5, 8] False True"},
	}
	for _, tt := range tests {
		s := New()
		_, _, rec, err := execCell(t, s, strings.Replace(exploreCell, "NAIVE", tt.args, 1)+
			"print(sorted(report.outcomes.keys()), report.bounded, report.complete)\n")
		if err != nil {
			t.Fatalf("%s: %v", tt.args, err)
		}
		if got := strings.TrimSpace(rec.out()); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.args, got, tt.want)
		}
	}
	// Random runs find some of the outcomes, and only real ones.
	s := New()
	_, _, rec, err := execCell(t, s, strings.Replace(exploreCell, "NAIVE", "random=300, seed=3, depth=4", 1)+
		"every = lab.explore(one_round).outcomes\nprint(len(report.outcomes), all([k in every for k in report.outcomes]), report.schedules, report.bounded)\n")
	if err != nil {
		t.Fatal(err)
	}
	var found, runs int
	var real, bounded string
	fmt.Sscan(rec.out(), &found, &real, &runs, &bounded)
	if found < 3 || real != "True" || runs != 300 || bounded != "True" {
		t.Errorf("random=300: %s; want at least 3 outcomes, all of them real, in 300 bounded runs", rec.out())
	}
	// A written schedule: Thread-1 reads, Thread-2 reads, both write.
	s = New()
	_, bundle, rec, err := execCell(t, s, strings.Replace(exploreCell, "NAIVE", `schedule="Thread-1 Thread-2 Thread-1 Thread-2"`, 1)+
		"print(report.outcomes, report.schedules)\nreport\n")
	if err != nil {
		t.Fatal(err)
	}
	// Thread-2's write of 8 wipes out Thread-1's 5; then Thread-2, which ran
	// last, goes on (8 - 8 = 0), and Thread-1 takes its 5 away: -5.
	if got := strings.TrimSpace(rec.out()); got != "{-5: 1} 1" {
		t.Errorf("the written schedule gave %s, want {-5: 1} 1", got)
	}
	if html, _ := bundle["text/html"].(string); !strings.Contains(html, "The schedule's run:") || !strings.Contains(html, "threadlab-trace") {
		t.Errorf("the replay's report shows no trace: %.400s", html)
	}
	for _, bad := range []string{`expect={0: "fine"}`, "preemptions=-1", "budget=0", "random=-2", `expect={0: ("acceptable", 3)}`,
		`schedule="Thread-9"`, `schedule=""`, "schedule=3"} {
		s := New()
		_, err := s.Execute(context.Background(), strings.Replace(exploreCell, "NAIVE", bad, 1), &recorder{})
		if ce, ok := AsCellError(err); !ok || (ce.Name != "ValueError" && ce.Name != "TypeError") {
			t.Errorf("%s: got %v, want a ValueError or TypeError", bad, err)
		}
	}
}

const deadlockCell = `
first = threading.Lock()
second = threading.Lock()

def left():
    first.acquire()
    time.sleep(0.05)
    second.acquire()

def right():
    second.acquire()
    time.sleep(0.05)
    first.acquire()

a = threading.Thread(target=left)
b = threading.Thread(target=right)
a.start()
b.start()
a.join()
b.join()
`

func TestDeadlockFailsTheCell(t *testing.T) {
	for _, seeded := range []bool{false, true} {
		s := New()
		cell := deadlockCell
		if seeded {
			cell = "lab.seed(1)\n" + cell
		}
		began := time.Now()
		_, _, rec, err := execCell(t, s, cell)
		checkError(t, err, "DeadlockError", "", nil)
		if d := time.Since(began); d > 2*time.Second {
			t.Errorf("deadlock took %v to report", d)
		}
		found := false
		for _, d := range rec.displays {
			h, _ := d["text/html"].(string)
			found = found || strings.Contains(h, "threadlab-deadlock")
		}
		if !found {
			t.Error("no deadlock table displayed")
		}
		if got, _, _, err := execCell(t, s, "lab.seed(None)\nthreading.active_count()"); err != nil || got != "1" {
			t.Errorf("after the deadlock: active_count %s, %v", got, err)
		}
	}
}

func TestInterruptStopsSpinningThreads(t *testing.T) {
	s := New()
	cell := `
def spin():
    x = 0
    while True:
        x = x ^ 1
for i in range(3):
    threading.Thread(target=spin).start()
while True:
    pass
`
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := s.Execute(ctx, cell, &recorder{})
		done <- err
	}()
	time.Sleep(50 * time.Millisecond) // let the threads get going before interrupting
	cancel()
	select {
	case err := <-done:
		checkError(t, err, "KeyboardInterrupt", "", nil)
	case <-time.After(time.Second):
		t.Fatal("interrupt did not end the cell")
	}
	got, _, _, err := execCell(t, s, "lab.stop()\nthreading.active_count()")
	if err != nil || got != "1" {
		t.Errorf("threads left after interrupt: %s %v", got, err)
	}
}

func TestPythonHabitsAtRuntime(t *testing.T) {
	cases := []struct {
		name, code, ename, msg string
	}{
		{"release unheld", "threading.Lock().release()", "RuntimeError", "not locked"},
		{"start twice", "t = threading.Thread(target=print)\nt.start()\nt.start()", "RuntimeError", "only be started once"},
		{"called target", "def w():\n    pass\nthreading.Thread(target=w())", "TypeError", "not the result of calling it"},
		{"no target", "threading.Thread()", "TypeError", "needs a target"},
		{"args not tuple", "threading.Thread(target=print, args=5)", "TypeError", "trailing comma"},
		{"shared positional", "lab.shared(5)", "TypeError", "named fields"},
		{"join unstarted", "threading.Thread(target=print).join()", "RuntimeError", "before it is started"},
		{"process with lock", "multiprocessing.Process(target=print, args=(threading.Lock(),)).start()", "TypeError", "share no memory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, _, err := execCell(t, New(), c.code)
			checkError(t, err, c.ename, c.msg, nil)
		})
	}
}

func TestThreadNamesAndOutput(t *testing.T) {
	s := New()
	cell := `
def hello():
    print("hello from", threading.current_thread().name)
t = threading.Thread(target=hello)
u = threading.Thread(target=hello, name="worker")
t.start()
t.join()
u.start()
u.join()
print(threading.current_thread().name, t.name, u.name, threading.main_thread().name)
`
	_, _, rec, err := execCell(t, s, cell)
	if err != nil {
		t.Fatal(err)
	}
	want := "hello from Thread-1\nhello from worker\nMainThread Thread-1 worker MainThread\n"
	if rec.out() != want {
		t.Errorf("output %q, want %q", rec.out(), want)
	}
}

func TestThreadErrorNamesHeldLock(t *testing.T) {
	s := New()
	cell := `
lock = threading.Lock()
def careless():
    lock.acquire()
    1 // 0
t = threading.Thread(target=careless)
t.start()
t.join()
`
	rec := &errRecorder{}
	if _, err := s.Execute(context.Background(), cell, rec); err != nil {
		t.Fatal(err)
	}
	got := rec.stderr.String()
	for _, want := range []string{"Exception in thread Thread-1", "ZeroDivisionError", "ended while holding 'lock'"} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr lacks %q:\n%s", want, got)
		}
	}
}

type errRecorder struct {
	recorder
	stderr strings.Builder
}

func (r *errRecorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if name == "stderr" {
		r.stderr.WriteString(text)
	}
}

func TestGILOffFreezesGlobals(t *testing.T) {
	s := New()
	cell := `
lab.gil(False)
items = []
def add():
    items.append(1)
t = threading.Thread(target=add)
t.start()
t.join()
`
	rec := &errRecorder{}
	if _, err := s.Execute(context.Background(), cell, rec); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rec.stderr.String(), "lab.shared") {
		t.Errorf("appending to a global list without the GIL should fail with a hint about lab.shared:\n%s", rec.stderr.String())
	}
}

func TestHelpForEveryModuleFunction(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, "lock = threading.Lock()\nworker = threading.Thread(target=print)\naccount = lab.shared(balance=0)"); err != nil {
		t.Fatal(err)
	}
	for mod, names := range map[string][]string{
		"threading":       {"Thread", "Lock", "RLock", "current_thread", "main_thread", "active_count", "enumerate"},
		"time":            {"sleep", "time", "monotonic", "perf_counter"},
		"multiprocessing": {"Process", "cpu_count"},
		"lab":             {"shared", "gil", "switch_interval", "seed", "trace", "tracing", "explore", "cpu", "stop"},
	} {
		for _, n := range names {
			code := mod + "." + n
			data, found := s.Inspect(code, len(code), 0)
			if !found || len(data["text/plain"].(string)) < 40 {
				t.Errorf("inspect %s: found=%v %v", code, found, data)
			}
			matches, start, end := s.Complete(mod+"."+n[:1], len(mod)+2)
			if !contains(matches, mod+"."+n) && !contains(matches, n) {
				t.Errorf("complete %s.%s: %v [%d,%d)", mod, n[:1], matches, start, end)
			}
		}
	}
	for _, code := range []string{"lock.acquire", "lock.release", "worker.start", "worker.join"} {
		if data, found := s.Inspect(code, len(code), 0); !found || !strings.Contains(data["text/plain"].(string), "(") {
			t.Errorf("inspect %s: %v", code, data)
		}
	}
	if m, _, _ := s.Complete("lock.ac", 7); !contains(m, "lock.acquire") && !contains(m, "acquire") {
		t.Errorf("complete lock.ac: %v", m)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestSeedRepeatsWithinACell(t *testing.T) {
	cell := `
def run():
    lab.seed(11)
    ` + "account = lab.shared(balance=0)" + `
    def worker(amount):
        for i in range(2000):
            account.balance = account.balance + amount
            account.balance = account.balance - amount
    a = threading.Thread(target=worker, args=(5,))
    b = threading.Thread(target=worker, args=(8,))
    a.start(); b.start(); a.join(); b.join()
    return account.balance
`
	s := New()
	if _, _, _, err := execCell(t, s, cell); err != nil {
		t.Fatal(err)
	}
	got, _, _, err := execCell(t, s, "x = 1\nfor i in range(7):\n    x = x * 3\n[run(), run(), run()]")
	if err != nil {
		t.Fatal(err)
	}
	var a, b, c string
	if n, _ := fmt.Sscanf(strings.NewReplacer("[", "", "]", "", ",", "").Replace(got), "%s %s %s", &a, &b, &c); n != 3 || a != b || b != c {
		t.Errorf("three seeded runs in one cell gave %s", got)
	}
}

func TestExitAndPagerPayloads(t *testing.T) {
	s := New()
	cases := []struct{ code, source, text string }{
		{"exit", "ask_exit", ""},
		{"quit()", "ask_exit", ""},
		{"threading.Lock?", "page", "acquire"},
		{"len??", "page", "len"},
	}
	for _, c := range cases {
		_, err := s.Execute(context.Background(), c.code, &recorder{})
		p, ok := err.(interface{ Payload() map[string]any })
		if !ok {
			t.Errorf("%s: %v, want a payload", c.code, err)
			continue
		}
		pl := p.Payload()
		if pl["source"] != c.source {
			t.Errorf("%s: payload %v", c.code, pl)
		}
		if c.text != "" {
			data, _ := pl["data"].(map[string]any)
			if text, _ := data["text/plain"].(string); !strings.Contains(text, c.text) {
				t.Errorf("%s: page %q lacks %q", c.code, text, c.text)
			}
		}
	}
	_, _, _, err := execCell(t, s, "nosuchname?")
	checkError(t, err, "NameError", "no help", nil)
}

func TestDeadlockTheCellDoesNotWaitForIsReported(t *testing.T) {
	s := New()
	cell := strings.Replace(deadlockCell, "a.join()\nb.join()\n", "time.sleep(0.3)\n", 1)
	rec := &errRecorder{}
	if _, err := s.Execute(context.Background(), cell, rec); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range rec.displays {
		h, _ := d["text/html"].(string)
		found = found || strings.Contains(h, "threadlab-deadlock")
	}
	if !found || !strings.Contains(rec.stderr.String(), "lab.stop()") {
		t.Errorf("no deadlock report at the end of the cell; stderr %q", rec.stderr.String())
	}
	if got, _, _, err := execCell(t, s, "lab.stop()"); err != nil || got != "2" {
		t.Errorf("lab.stop() = %s, %v; want the 2 deadlocked threads", got, err)
	}
}
