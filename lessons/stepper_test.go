package lessons

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// The tutorial's race, one iteration each: thread a adds and subtracts 5,
// b 8.
const stepRaceCell = `
account = lab.shared(balance=0)

def worker(amount):
    for i in range(1):
        account.balance = account.balance + amount
        account.balance = account.balance - amount

def race():
    a = threading.Thread(target=worker, args=(5,), name="a")
    b = threading.Thread(target=worker, args=(8,), name="b")
    a.start(); b.start(); a.join(); b.join()
    return account.balance
`

// The two-lock program of lesson 4, without its sleep.
const stepLocksCell = `
def open_bank():
    return {
        "money": {"alice": lab.shared(balance=100), "bob": lab.shared(balance=100)},
        "locks": {"alice": threading.Lock(), "bob": threading.Lock()},
    }

def transfer(bank, source, target, amount):
    money = bank["money"]
    locks = bank["locks"]
    locks[source].acquire()
    locks[target].acquire()
    money[source].balance = money[source].balance - amount
    money[target].balance = money[target].balance + amount
    locks[target].release()
    locks[source].release()

def both_ways():
    bank = open_bank()
    one = threading.Thread(target=transfer, args=(bank, "alice", "bob", 10), name="alice-pays")
    two = threading.Thread(target=transfer, args=(bank, "bob", "alice", 20), name="bob-pays")
    one.start(); two.start(); one.join(); two.join()
    return (bank["money"]["alice"].balance, bank["money"]["bob"].balance)
`

var stepDataRe = regexp.MustCompile(`var D=(.*);\n`)

// stepperData runs a cell that ends in lab.stepper(...) and decodes the
// widget's data.
func stepperData(t *testing.T, s *Session, code string) (*stepData, map[string]any) {
	t.Helper()
	_, bundle, _, err := execCell(t, s, code)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := bundle["text/html"].(string)
	m := stepDataRe.FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("no data in %.300s", h)
	}
	var d stepData
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatal(err)
	}
	return &d, bundle
}

// walk follows a schedule (thread names) through the widget's data as
// its Step buttons do in expanded mode, one operation per click, and
// returns the nodes visited.
func walk(t *testing.T, d *stepData, schedule ...string) []stepNodeOut {
	t.Helper()
	index := map[string]int{}
	for i, n := range d.Threads {
		index[n] = i
	}
	n := 0
	path := []stepNodeOut{d.Nodes[0]}
	for k, name := range schedule {
		i, ok := index[name]
		if !ok {
			t.Fatalf("no thread %q in %v", name, d.Threads)
		}
		c := d.Nodes[n].Next[i].Kid
		if c < 0 {
			t.Fatalf("step %d: %s cannot step: %+v", k+1, name, d.Nodes[n].Next[i])
		}
		n = c
		path = append(path, d.Nodes[n])
	}
	return path
}

func TestStepperReachesTheRaceGoal(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, stepRaceCell); err != nil {
		t.Fatal(err)
	}
	d, bundle := stepperData(t, s, "lab.stepper(race, goal=-8)")
	// a adds 5 and gets preempted before subtracting; b's +8 is then
	// overwritten, and b's -8 comes last.
	path := walk(t, d, "a", "a", "a", "b", "b", "a", "b", "b")
	end := path[len(path)-1]
	if !end.Goal || !strings.Contains(end.End, "returned -8") {
		t.Fatalf("end of the schedule: %+v", end)
	}
	for _, n := range path[:len(path)-1] {
		if n.Goal {
			t.Errorf("goal reached early: %+v", n)
		}
	}
	// The start: both threads about to read, the line shown, and the
	// write's compute expression taken from its line.
	at := d.Nodes[0].Next[0]
	if at.Status != "ready" || at.Kind != "read" || at.Text != "account.balance = account.balance + amount" || at.Value != "0" {
		t.Errorf("a's first step: %+v", at)
	}
	if w := path[1].Next[0]; w.Kind != "write" || w.Compute != "account.balance + amount" || w.Value != "5" {
		t.Errorf("a's second step: %+v", w)
	}
	if got := path[5].State; len(got) != 1 || got[0] != [2]string{"balance", "13"} {
		t.Errorf("state after b's first write: %v", got)
	}
	// Each thread shows its target's def, the step's line highlighted by key.
	if len(d.Code) != 2 || len(d.Code[0]) != 4 || d.Code[0][0].Text != "def worker(amount):" ||
		d.Code[0][3].Text != "        account.balance = account.balance - amount" || d.Code[0][2].Key != at.Where {
		t.Errorf("code %+v; the first step is at %q", d.Code, at.Where)
	}
	// The outcomes are those of the naive exploration.
	got, _, _, err := execCell(t, s, "sorted(lab.stepper(race).outcomes.keys()) == sorted(lab.explore(race, naive=True).outcomes.keys())")
	if err != nil || got != "True" {
		t.Errorf("stepper and naive explore outcomes differ: %v %v", got, err)
	}
	// Without scripts: the outcomes, and the goal's schedule step by step.
	h := bundle["text/html"].(string)
	for _, want := range []string{`class="tl-static"`, "-8 (goal)", "write balance ← -8", "the function returned -8"} {
		if !strings.Contains(h, want) || !strings.Contains(bundle["text/plain"].(string), want) && want != `class="tl-static"` {
			t.Errorf("the fallback lacks %q", want)
		}
	}
	if strings.Count(h, "</script>") != 1 {
		t.Error("the data can end the script early")
	}
}

func TestStepperReachesTheDeadlock(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, stepLocksCell); err != nil {
		t.Fatal(err)
	}
	d, _ := stepperData(t, s, "lab.stepper(both_ways, goal='deadlock')")
	path := walk(t, d, "alice-pays", "bob-pays", "alice-pays", "bob-pays")
	blocked := path[3]
	if at := blocked.Next[0]; at.Status != "blocked" || !strings.Contains(at.Waits, `locks["bob"], held by bob-pays`) {
		t.Errorf("alice-pays after trying its second lock: %+v", at)
	}
	if blocked.Next[0].Kid != -1 {
		t.Error("a blocked thread can step")
	}
	end := path[4]
	if !end.Goal || !strings.HasPrefix(end.End, "deadlock") {
		t.Fatalf("end %+v", end)
	}
	held := map[string]string{}
	for _, l := range end.Locks {
		held[l[0]] = l[1]
	}
	if held[`locks["alice"]`] != "held by alice-pays" || held[`locks["bob"]`] != "held by bob-pays" {
		t.Errorf("locks at the deadlock: %v", held)
	}
	// Two objects have a field balance: each is named after where the
	// program keeps it.
	if got := end.State; len(got) != 2 || got[0] != [2]string{`money["alice"].balance`, "100"} || got[1][0] != `money["bob"].balance` {
		t.Errorf("state at the deadlock: %v", got)
	}
	if d.GoalSchedules == 0 || d.GoalSchedules == d.Schedules {
		t.Errorf("%d of %d schedules deadlock", d.GoalSchedules, d.Schedules)
	}
}

func TestStepperFailedCheck(t *testing.T) {
	s := New()
	d, _ := stepperData(t, s, `
acct = lab.shared(balance=10)
def spend():
    if acct.balance >= 10:
        acct.balance = acct.balance - 10
    if acct.balance < 0:
        fail("overdrawn")
def twice():
    ts = [threading.Thread(target=spend, name=n) for n in ("x", "y")]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return acct.balance
lab.stepper(twice, goal="error")`)
	if d.GoalSchedules == 0 {
		t.Fatalf("no schedule overdraws: %+v", d.Outcomes)
	}
	path := walk(t, d, "x", "y", "x", "x", "y", "y", "y")
	end := path[len(path)-1]
	if !end.Goal || end.Next[1].Status != "failed" || !strings.Contains(end.Next[1].Waits, "overdrawn") {
		t.Errorf("end %+v", end)
	}
}

func TestStepperErrors(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, strings.Replace(stepRaceCell, "range(1)", "range(4)", 1)); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"lab.stepper(race, max_schedules=100)": "ValueError: lab.stepper: the program is too big to step through: it has more than 100 schedules (found 101 before stopping; the stepper's limit is 100)",
		"lab.stepper(race, max_schedules=0)":   "ValueError: lab.stepper: max_schedules must be between 1 and 20000, not 0",
		"lab.stepper(1)":                       "stepper: for parameter fn: got int, want callable",
	} {
		_, _, _, err := execCell(t, s, code)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", code, err, want)
		}
	}
	// Nothing is left running, and the session goes on.
	if got, _, _, err := execCell(t, s, "account.balance"); err != nil || got != "0" {
		t.Errorf("after the errors: %q %v", got, err)
	}
}

func TestTracePredictHidesStates(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, stepRaceCell+"lab.seed(3)\nrace()"); err != nil {
		t.Fatal(err)
	}
	_, plain, _, err := execCell(t, s, "lab.trace()")
	if err != nil {
		t.Fatal(err)
	}
	_, predict, _, err := execCell(t, s, "lab.trace(predict=True)")
	if err != nil {
		t.Fatal(err)
	}
	if predict["text/plain"] != plain["text/plain"] {
		t.Error("without scripts, predict mode must show the whole table")
	}
	h := predict["text/html"].(string)
	if !strings.Contains(h, plain["text/html"].(string)) || !strings.Contains(h, "<script>") || !strings.Contains(h, `class="threadlab-predict"`) {
		t.Errorf("predict html: %.400s", h)
	}
}

func TestComputeText(t *testing.T) {
	for line, want := range map[string]string{
		"account.balance = account.balance + amount": "account.balance + amount",
		"jar.coins += coins":                         "jar.coins + coins",
		"x.n -= 1   # one less":                      "x.n - 1",
		"if a.x == b.y:":                             "",
		"a.ok = a.x <= b.y":                          "a.x <= b.y",
		"print(account.balance)":                     "",
	} {
		if got := computeText(line); got != want {
			t.Errorf("computeText(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestDefBody(t *testing.T) {
	src := []string{"x = 1", "def f(a):", "    if a:", "", "        a.b = 1", "    return a", "", "f(2)"}
	var got []string
	for _, l := range defBody(src, "<cell 1>", 2) {
		got = append(got, l.Text)
	}
	if want := []string{"def f(a):", "    if a:", "", "        a.b = 1", "    return a"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("defBody = %q, want %q", got, want)
	}
	if got := defBody(src, "<cell 1>", 9); got != nil {
		t.Errorf("a line past the end gives %v", got)
	}
}

// The static fallback is what a learner reads where sanitizers drop the
// <style> element: its tables keep their look through inline styles.
func TestStepperFallbackCarriesInlineStyles(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, stepRaceCell); err != nil {
		t.Fatal(err)
	}
	_, bundle := stepperData(t, s, "lab.stepper(race, goal=-8)")
	h := bundle["text/html"].(string)
	static := h[strings.Index(h, `<div class="tl-static">`):strings.Index(h, "<script>")]
	tags := regexp.MustCompile(`<(td|th|table)\b[^>]*>`).FindAllString(static, -1)
	if len(tags) < 20 {
		t.Fatalf("only %d table tags in the fallback", len(tags))
	}
	for _, tg := range tags {
		if !strings.Contains(tg, "text-align:left") && !strings.HasPrefix(tg, "<table") {
			t.Errorf("not left-aligned: %s", tg)
		}
		if strings.HasPrefix(tg, "<table") && !strings.Contains(tg, "table-layout:auto") {
			t.Errorf("table without table-layout:auto: %s", tg)
		}
	}
}
