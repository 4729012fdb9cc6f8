package complete

import (
	"encoding/json"
	"slices"
	"sort"
	"testing"
	"unicode/utf8"
)

// program is the setup of the completion and inspection tests: the
// names of an ordinary threading program, run by threadlab in __main__
// and by /usr/bin/python3 for the reference answers.
const program = `import threading, time, concurrent.futures
balance = 0
lock = threading.Lock()
items = [1, 2]
name = 'é'

class Account:
    """A bank account that threads share."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount, *, note=None):
        """Add amount to the balance.

        The note is kept for the statement.
        """
        self.balance += amount

    @classmethod
    def open(cls, owner, *, deposit=0):
        """Open an account with a first deposit."""
        return cls(owner, deposit)

    @staticmethod
    def fee(amount):
        return amount // 100

acct = Account('ann')

def change_it(n, *, step=1):
    """Change the balance by n and back again."""
    global balance
    balance = balance + n
    balance = balance - n

def run_thread(n, /, rounds=100000, *args, **kwargs):
    for i in range(rounds):
        change_it(n)

class Worker(threading.Thread):
    def run(self):
        change_it(1)

square = lambda x, power=2: x ** power
`

// completeCase is one completion at the end of code. word and call say
// what CPython is asked for the reference: rlcompleter's matches for
// word, and the keyword parameters of call (inspect.signature) not yet
// given in code. lacks lists what CPython offers and threadlab does not
// have. Without word and call, want is the answer.
type completeCase struct {
	code  string
	word  string
	call  string
	lacks []string
	want  []string
	start int // in code points
}

var completeCases = []completeCase{
	{code: "bal", word: "bal", start: 0},
	{code: "ac", word: "ac", start: 0},
	{code: "Acc", word: "Acc", start: 0},
	{code: "pri", word: "pri", start: 0},
	{code: "wh", word: "wh", start: 0},
	{code: "ch", word: "ch", start: 0},
	{code: "print(bal", word: "bal", call: "print", start: 6},
	{code: "time.sl", word: "time.sl", start: 5},
	{code: "time.", word: "time.", start: 5, lacks: []string{"CLOCK_BOOTTIME", "CLOCK_MONOTONIC", "CLOCK_MONOTONIC_RAW", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_REALTIME", "CLOCK_TAI", "CLOCK_THREAD_CPUTIME_ID", "altzone", "clock_getres", "clock_gettime", "clock_gettime_ns", "clock_settime", "clock_settime_ns", "daylight", "get_clock_info", "pthread_getcpuclockid", "strptime", "thread_time", "thread_time_ns", "timezone", "tzname", "tzset"}},
	{code: "threading.Th", word: "threading.Th", start: 10},
	{code: "threading.Ev", word: "threading.Ev", start: 10},
	{code: "threading.cu", word: "threading.cu", start: 10},
	{code: "items.ap", word: "items.ap", start: 6},
	{code: "items.", word: "items.", start: 6},
	{code: "acct.", word: "acct.", start: 5},
	{code: "acct.dep", word: "acct.dep", start: 5},
	{code: "Account.dep", word: "Account.dep", start: 8},
	{code: "lock.acq", word: "lock.acq", start: 5, lacks: []string{"acquire_lock"}},
	{code: "name.up", word: "name.up", start: 5},
	{code: "x = name.st", word: "name.st", start: 9},
	{code: "threading.Thread(tar", word: "tar", call: "threading.Thread", start: 17},
	{code: "t = threading.Thread(target=run_thread, na", word: "na", call: "threading.Thread", start: 40},
	{code: "change_it(1, st", word: "st", call: "change_it", start: 13},
	{code: "acct.deposit(5, no", word: "no", call: "acct.deposit", start: 16},
	{code: "Account('ann', bal", word: "bal", call: "Account", start: 15},
	{code: "run_thread(5, ro", word: "ro", call: "run_thread", start: 14},
	{code: "sorted(items, re", word: "re", call: "sorted", start: 14},
	{code: "s = 'é'\nbal", word: "bal", start: 8},
	// Names the cell binds before the cursor, before it has run.
	{code: "def worker(q):\n    job = q.get()\nwor", want: []string{"worker"}, start: 33},
	{code: "import queue as jobs\njo", want: []string{"jobs"}, start: 21},
	{code: "def worker(q):\n    job = q.get()\n    jo", want: []string{"job"}, start: 37}, // a local of the function being written
	// Import statements: threadlab's modules, not CPython's.
	{code: "import thr", want: []string{"threading"}, start: 7},
	{code: "import concurrent.", want: []string{"futures"}, start: 18},
	{code: "import threading as th", start: 20},
	{code: "from threading import Ev", want: []string{"Event"}, start: 22},
	{code: "from concurrent.futures import Thr", want: []string{"ThreadPoolExecutor"}, start: 31},
	{code: "from time import sl", want: []string{"sleep"}, start: 17},
	{code: "from qu", want: []string{"queue"}, start: 5},
	{code: "from queue import Em", start: 18}, // not imported yet: nothing runs its code
	// Nothing to complete: numbers, strings, comments, calls' results.
	{code: "3.1", start: 3},
	{code: "x = 'bal", start: 8},
	{code: "# bal", start: 5},
	{code: "nothing.x", start: 9},
	{code: "threading.current_thread().na", start: 29},
	{code: "items[0].", start: 9},
	{code: "threading.current_thread().name.", start: 32}, // not the attributes of a global "name"
}

// cpythonCompletions asks /usr/bin/python3 for the reference answers of
// the cases that have one.
func cpythonCompletions(t *testing.T) [][]string {
	script := `import inspect, json, rlcompleter, sys
cases = json.load(sys.stdin)
ns = {}
exec(cases.pop(0)[0], ns)
out = []
for code, word, call in cases:
    got = []
    if call:
        partial = word
        for p in inspect.signature(eval(call, ns)).parameters.values():
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name.startswith(partial) and p.name + "=" not in code:
                got.append(p.name + "=")
    if word:
        c = rlcompleter.Completer(ns)
        head = word[:word.rfind(".") + 1]
        i, rest = 0, []
        while (m := c.complete(word, i)) is not None:
            rest.append(m[len(head):].rstrip("(): "))
            i += 1
        got += sorted(set(rest))
    out.append(got)
print(json.dumps(out))`
	in := [][]string{{program, "", ""}}
	for _, c := range completeCases {
		in = append(in, []string{c.code, c.word, c.call})
	}
	data, _ := json.Marshal(in)
	var ref [][]string
	if err := json.Unmarshal(runPython(t, script, data), &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

// TestComplete compares Complete with CPython's rlcompleter and
// inspect.signature on the same program, except where a case lists what
// threadlab lacks. Where they differ on purpose: threadlab has no async
// and await, evaluates no calls (rlcompleter would run
// threading.current_thread()), and offers `_` names for a `_` prefix
// (rlcompleter hides `__` names then).
func TestComplete(t *testing.T) {
	c := newCells(t, program)
	ref := cpythonCompletions(t)
	for i, tc := range completeCases {
		t.Run(tc.code, func(t *testing.T) {
			want := tc.want
			if tc.word != "" || tc.call != "" {
				want = nil
				for _, m := range ref[i] {
					if !slices.Contains(tc.lacks, m) && m != "async" && m != "await" {
						want = append(want, m)
					}
				}
			}
			n := utf8.RuneCountInString(tc.code)
			got, start, end := Complete(c.th, c.main, tc.code, n)
			if !slices.Equal(got, want) {
				t.Errorf("matches %q, want %q", got, want)
			}
			if start != tc.start || end != n {
				t.Errorf("range [%d, %d), want [%d, %d)", start, end, tc.start, n)
			}
		})
	}
}

// TestCompleteMidCell: the cursor may stand anywhere; the range is in
// code points.
func TestCompleteMidCell(t *testing.T) {
	c := newCells(t, program)
	code := "print('é', bal)\nitems.ap"
	got, start, end := Complete(c.th, c.main, code, 14)
	if !slices.Equal(got, []string{"balance"}) || start != 11 || end != 14 {
		t.Errorf("Complete at 14 = %q [%d, %d), want [balance] [11, 14)", got, start, end)
	}
	got, start, end = Complete(c.th, c.main, code, 100)
	if !slices.Equal(got, []string{"append"}) || start != 22 || end != 24 {
		t.Errorf("Complete past the end = %q [%d, %d), want [append] [22, 24)", got, start, end)
	}
}

// TestCompleteRunsNoCode: completing an attribute of an object whose
// class computes attributes (a property, __getattr__, __dir__) calls
// none of them.
func TestCompleteRunsNoCode(t *testing.T) {
	c := newCells(t, `calls = []
class Lazy:
    @property
    def value(self):
        calls.append('property')
        return 1
    def __getattr__(self, name):
        calls.append('getattr')
        return 2
    def __dir__(self):
        calls.append('dir')
        return ['x']
    def __repr__(self):
        calls.append('repr')
        return 'Lazy()'
lazy = Lazy()
`)
	for _, code := range []string{"lazy.", "lazy.va", "lazy.value.", "lazy.other.", "lazy.value(", "lazy"} {
		Complete(c.th, c.main, code, utf8.RuneCountInString(code))
		Inspect(c.th, c.main, code, utf8.RuneCountInString(code), 0)
	}
	if calls := c.main.Globals().GetStr("calls"); calls == nil || calls.(interface{ Len() int }).Len() != 0 {
		t.Errorf("completion ran the learner's code: calls = %v", calls)
	}
	got, _, _ := Complete(c.th, c.main, "lazy.", 5)
	sort.Strings(got)
	if !slices.Equal(got, []string{"value"}) {
		t.Errorf("lazy. completes to %q, want [value]", got)
	}
}
