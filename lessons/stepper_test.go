package lessons

import (
	"strings"
	"testing"
)

// The stepper of one round of the race reaches every outcome exploring
// finds, and says how many of its schedules reach the goal.
func TestStepperRace(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, oneRound)
	c := execute(s, "st = lab.stepper(race, goal=-8)\n"+
		"sorted(st.outcomes) == sorted(lab.explore(race).outcomes), st.goal_schedules == st.outcomes[-8] > 0, sum(st.outcomes.values()) == st.schedules, balance")
	if c.err != nil || c.result != "(True, True, True, 0)" {
		t.Fatalf("got %s, %v", c.result, c.err)
	}
	b, _ := bundleOf(t, s, "st")
	text := b["text/plain"].(string)
	for _, want := range []string{"Stepper: 2 threads", "Goal: make the result -8", "read balance → 0"} {
		if !strings.Contains(text, want) {
			t.Errorf("the stepper's text lacks %q:\n%s", want, text)
		}
	}
	h := b["text/html"].(string)
	for _, want := range []string{`"balance"`, "balance = balance + n"} {
		if !strings.Contains(h, want) {
			t.Errorf("the stepper's data lacks %s", want)
		}
	}
}

// goal="deadlock" on two locks taken in opposite orders: some schedule
// reaches it; a program too big to step through gets a clear error.
func TestStepperDeadlockAndLimits(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, `
import threading
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        with b:
            pass
def two():
    with b:
        with a:
            pass
def both():
    t1 = threading.Thread(target=one, name="one")
    t2 = threading.Thread(target=two, name="two")
    t1.start(); t2.start(); t1.join(); t2.join()
`)
	if c := execute(s, "st = lab.stepper(both, goal='deadlock')\nst.goal_schedules > 0, 'deadlock' in st.outcomes"); c.err != nil || c.result != "(True, True)" {
		t.Errorf("got %s, %v", c.result, c.err)
	}
	execute(s, oneRound)
	checkError(t, execute(s, "lab.stepper(race, max_schedules=10)").err, "ValueError", "too big to step through")
	checkError(t, execute(s, "lab.stepper(race, max_schedules=0)").err, "ValueError", "max_schedules must be")
}

// A thread stuck in a Condition's wait is shown waiting for a notify, as
// the trace shows it, not as a wait on the lock the wait blocks on.
func TestStepperNamesAConditionWait(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, `
import threading
changed = threading.Condition()
ready = []
def give():
    with changed:
        ready.append(1)
        changed.notify()
def take():
    if not ready:
        with changed:
            changed.wait()
def sale():
    t1 = threading.Thread(target=give, name="baker")
    t2 = threading.Thread(target=take, name="cat")
    t1.start(); t2.start(); t1.join(); t2.join()
`)
	if c := execute(s, "st = lab.stepper(sale, goal='deadlock')\nst.goal_schedules > 0"); c.err != nil || c.result != "True" {
		t.Fatalf("got %s, %v", c.result, c.err)
	}
	b, _ := bundleOf(t, s, "st")
	for _, kind := range []string{"text/plain", "text/html"} {
		text := b[kind].(string)
		if !strings.Contains(text, "cat: waits for a notify of changed") && !strings.Contains(text, "waits for a notify of changed") {
			t.Errorf("%s: no wait for a notify of changed:\n%.3000s", kind, text)
		}
		if strings.Contains(text, "Lock-") {
			i := strings.Index(text, "Lock-")
			t.Errorf("%s names a Condition's inner lock: ...%s...", kind, text[max(0, i-300):min(len(text), i+60)])
		}
	}
}
