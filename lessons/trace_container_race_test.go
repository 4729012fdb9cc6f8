package lessons

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// One thread's items.append(x) races with another's items.pop() or
// sum(items), though no item is touched by both: the calls and item
// reads of one container are one location for the table, as they are
// for exploration, so both threads' rows show.
func TestTraceShowsContainerRaces(t *testing.T) {
	const prog = `
import threading
items = []
def producer():
    for i in range(3):
        items.append(i)
def consumer():
    for _ in range(3):
        TAKE
def run():
    t1 = threading.Thread(target=producer, name="p")
    t2 = threading.Thread(target=consumer, name="c")
    t1.start(); t2.start(); t1.join(); t2.join()
`
	cases := []struct{ take, want string }{
		{"sum(items)", "read items["},
		{"items.pop() if items else None", "call items.pop(…)"},
		{"len(items)", "call items.__len__(…)"},
	}
	for _, tc := range cases {
		s := New()
		if c := execute(s, strings.Replace(prog, "TAKE", tc.take, 1)); c.err != nil {
			t.Fatalf("%s: %v", tc.take, c.err)
		}
		if c := execute(s, "lab.seed(1)\nlab.switch_interval(4)\nrun()"); c.err != nil {
			t.Fatalf("%s: %v", tc.take, c.err)
		}
		b, _ := bundleOf(t, s, "lab.trace()")
		text := b["text/plain"].(string)
		steps := stepsOf(t, text)
		if !hasStep(steps["p"], "call items.append(…)") {
			t.Errorf("%s: the producer's appends are not in the table:\n%s", tc.take, text)
		}
		found := false
		for _, st := range steps["c"] {
			found = found || strings.HasPrefix(st, tc.want)
		}
		if !found {
			t.Errorf("%s: the consumer's %q is not in the table:\n%s", tc.take, tc.want, text)
		}
		s.Shutdown()
	}
}

// A list or dict is shown as it was at each step, not as it is when the
// table is drawn: `items = []` writes [], each read shows what the
// appends so far made, and the state after a read is what it read; after
// an append or an item's write it is what the change left.
func TestTraceShowsContainersAsTheyWere(t *testing.T) {
	s := New()
	defer s.Shutdown()
	const prog = `
import threading
items = []
marks = {}
def grow(name):
    for i in range(3):
        got = items
        got.append(i)
        seen = marks
        seen[name + str(i)] = i
lab.seed(2)
lab.switch_interval(3)
t1 = threading.Thread(target=grow, args=("a",), name="t1")
t2 = threading.Thread(target=grow, args=("b",), name="t2")
t1.start(); t2.start(); t1.join(); t2.join()
`
	text, rows, stateCol := traceOf(t, s, prog)
	if rows[0][1] != "3" || !strings.Contains(strings.Join(rows[0], "|"), "write items ← []") {
		t.Fatalf("step 1 is not `items = []` writing []:\n%s", text)
	}
	// Each read of items shows one more item than the appends before it
	// made, at most: counting the appends row by row tells what it held.
	appended, marked := 0, 0
	for _, r := range rows {
		for c := 3; c < stateCol; c++ {
			switch cell := r[c]; {
			case strings.HasPrefix(cell, "call items.append"):
				// The state after the call shows the list it left.
				appended++
				m := listState.FindStringSubmatch(r[stateCol])
				if m == nil || countItems(m[1]) != appended {
					t.Errorf("step %s: state %q after %d appends, want items= with %d items", r[0], r[stateCol], appended, appended)
				}
			case strings.HasPrefix(cell, "write marks["):
				// So does the state after an item's write.
				marked++
				m := dictState.FindStringSubmatch(r[stateCol])
				if m == nil || countItems(m[1]) != marked {
					t.Errorf("step %s: state %q after %d item writes, want marks= with %d items", r[0], r[stateCol], marked, marked)
				}
			case strings.HasPrefix(cell, "read items → "):
				if got := countItems(strings.TrimPrefix(cell, "read items → ")); got != appended {
					t.Errorf("step %s reads %d items after %d appends:\n%s", r[0], got, appended, text)
				}
				if want := "items=" + strings.TrimPrefix(cell, "read items → "); !strings.Contains(r[stateCol], want) {
					t.Errorf("step %s: state %q, want %s", r[0], r[stateCol], want)
				}
			}
		}
	}
	if appended != 6 || marked != 6 {
		t.Errorf("%d appends and %d item writes in the table, want 6 of each:\n%s", appended, marked, text)
	}
	if !strings.Contains(text, fmt.Sprintf("read marks → {")) {
		t.Errorf("no read of marks shows its items:\n%s", text)
	}
}

// traceOf runs prog in s and returns lab.trace()'s table: its text, its
// rows and the index of the state-after column.
func traceOf(t *testing.T, s *Session, prog string) (string, [][]string, int) {
	t.Helper()
	if c := execute(s, prog); c.err != nil {
		t.Fatal(c.err)
	}
	b, _ := bundleOf(t, s, "lab.trace()")
	text := b["text/plain"].(string)
	header, rows := tableRows(text[strings.Index(text, "Interleaving: "):])
	return text, rows, len(header) - 2
}

// listState and dictState find what items and marks hold in a
// state-after cell.
var (
	listState = regexp.MustCompile(`items=(\[[^\]]*\])`)
	dictState = regexp.MustCompile(`marks=(\{[^}]*\})`)
)

// countItems counts the items of a list or dict of numbers and short
// strings, spelled "[0, 1]" or "{'a0': 0}".
func countItems(spelled string) int {
	if len(spelled) == 2 {
		return 0
	}
	return strings.Count(spelled, ",") + 1
}

// A container call inside another (a sort whose key appends to a log)
// leaves each row its own state after: the sort's shows the sorted list,
// each append's the log it grew.
func TestTraceNestedContainerCalls(t *testing.T) {
	s := New()
	defer s.Shutdown()
	const prog = `
import threading
items = [3, 1, 2]
log = []
def noted(v):
    log.append(v)
    return v
def sorter():
    items.sort(key=noted)
def reader():
    n = len(log) + len(items)
lab.seed(1)
t1 = threading.Thread(target=sorter, name="s")
t2 = threading.Thread(target=reader, name="r")
t1.start(); t2.start(); t1.join(); t2.join()
`
	text, rows, stateCol := traceOf(t, s, prog)
	sorts, appends := 0, 0
	for _, r := range rows {
		for c := 3; c < stateCol; c++ {
			switch cell := r[c]; {
			case strings.HasPrefix(cell, "call items.sort"):
				sorts++
				if !strings.Contains(r[stateCol], "items=[1, 2, 3]") {
					t.Errorf("step %s: state %q after the sort, want items=[1, 2, 3]:\n%s", r[0], r[stateCol], text)
				}
			case strings.HasPrefix(cell, "call log.append"):
				appends++
				m := regexp.MustCompile(`log=(\[[^\]]*\])`).FindStringSubmatch(r[stateCol])
				if m == nil || countItems(m[1]) != appends {
					t.Errorf("step %s: state %q after %d appends, want log= with %d items:\n%s", r[0], r[stateCol], appends, appends, text)
				}
			}
		}
	}
	if sorts != 1 || appends != 3 {
		t.Errorf("%d sorts and %d appends in the table, want 1 and 3:\n%s", sorts, appends, text)
	}
}

// A ChainMap's own code (Python, in the interpreter's library) is shown
// as the learner's line that called it: every step of the table is a
// line of the cell, none a line of collections_chainmap.py.
func TestTraceChainMapRows(t *testing.T) {
	s := New()
	defer s.Shutdown()
	const prog = `
import threading
from collections import ChainMap
cm = ChainMap({}, {"n": 0})
def bump():
    cm["n"] = cm["n"] + 1
lab.seed(1)
t1 = threading.Thread(target=bump, name="a")
t2 = threading.Thread(target=bump, name="b")
t1.start(); t2.start(); t1.join(); t2.join()
`
	text, rows, _ := traceOf(t, s, prog)
	bumps := 0
	for _, r := range rows {
		switch code := r[2]; code {
		case `cm["n"] = cm["n"] + 1`:
			bumps++
		case `cm = ChainMap({}, {"n": 0})`:
		default:
			t.Errorf("step %s shows %q, not a line of the cell:\n%s", r[0], code, text)
		}
	}
	if bumps < 4 {
		t.Errorf("%d steps at the bump's line, want the reads and writes of both threads:\n%s", bumps, text)
	}
}
