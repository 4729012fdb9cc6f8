package lessons

import (
	"fmt"
	"strings"
	"testing"
)

// listStep is one step of iterating list c, for the brute force: the
// read of item i, or of the end (acc sums what was read).
const listStep = "if not done:\n    if i < len(c):\n        acc += c[i]\n        i += 1\n    else:\n        done = True"

// dictStep is one step of iterating dict c's values, by position.
const dictStep = "if not done:\n    ks = list(c)\n    if i < len(ks):\n        acc += c[ks[i]]\n        i += 1\n    else:\n        done = True"

const iterInit = "acc, i, done = 0, 0, False"

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// Reads of a container by iteration and by the built-ins are scheduling
// points of lab.explore: each step of a list's or dict's iterator (for,
// sum) is one, as in free-threaded CPython, and len, unpacking, sorted,
// list() and iterating a set or deque (which walk a copy) are one read
// of it all. Thread a reads the container so while thread b changes it;
// the explored outcomes are those of the brute force, which runs every
// interleaving of the steps.
func TestExploreIterationReads(t *testing.T) {
	tests := []struct {
		name, make, a, b string
		stepsA, stepsB   []string
	}{
		{"for over a list, append", "[1]", "t = 0\n    for x in c:\n        t += x\n    c.append(t)", "c.append(5)",
			append(append([]string{iterInit}, repeat(listStep, 3)...), "c.append(acc)"), []string{"c.append(5)"}},
		{"sum of a list, pop(0)", "[1, 2, 3]", "c.append(sum(c))", "c.pop(0)",
			append(append([]string{iterInit}, repeat(listStep, 4)...), "c.append(acc)"), []string{"c.pop(0)"}},
		{"sum of dict values, item writes", `{"a": 1, "b": 2}`, `c["s"] = sum(c.values())`, "c[\"a\"] = 10\n    c[\"b\"] = 20",
			append(append([]string{iterInit}, repeat(dictStep, 3)...), `c["s"] = acc`), []string{`c["a"] = 10`, `c["b"] = 20`}},
		{"len, append", "[]", "c.append(0)\n    c.append(len(c))", "c.append(7)",
			[]string{"c.append(0)", "n = len(c)", "c.append(n)"}, []string{"c.append(7)"}},
		{"unpack, item write", "[1, 2]", "a, b = c\n    c.append(a + b)", "c[0] = 5",
			[]string{"a, b = c", "c.append(a + b)"}, []string{"c[0] = 5"}},
		{"sorted, append", "[2]", "c.append(sorted(c)[0])", "c.append(1)",
			[]string{"v = sorted(c)[0]", "c.append(v)"}, []string{"c.append(1)"}},
		{"list of a dict, item write", `{"a": 1}`, `c["n"] = len(list(c))`, `c["b"] = 2`,
			[]string{"n = len(list(c))", `c["n"] = n`}, []string{`c["b"] = 2`}},
		{"set iteration, add", "{1}", "c.add(sum(x for x in c) + 10)", "c.add(2)",
			[]string{"v = sum(x for x in c)", "c.add(v + 10)"}, []string{"c.add(2)"}},
		{"deque sum, appendleft", "deque([1])", "c.append(sum(c))", "c.appendleft(2)",
			[]string{"v = sum(c)", "c.append(v)"}, []string{"c.appendleft(2)"}},
		{"heappush, heappop", "[1, 3]", "heapq.heappush(c, 2)", "c.append(heapq.heappop(c))",
			[]string{"import heapq; heapq.heappush(c, 2)"}, []string{"import heapq; v = heapq.heappop(c)", "c.append(v)"}},
	}
	s := New()
	defer s.Shutdown()
	if c := execute(s, "import threading, lab, heapq\nfrom collections import deque\n"+bruteForce); c.err != nil {
		t.Fatal(c.err)
	}
	list := func(steps []string) string {
		quoted := make([]string, len(steps))
		for i, st := range steps {
			quoted[i] = fmt.Sprintf("%q", st)
		}
		return "[" + strings.Join(quoted, ", ") + "]"
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prog := fmt.Sprintf(`def make():
    return %s
def work_a():
    %s
def work_b():
    %s
def prog():
    global c
    c = make()
    a = threading.Thread(target=work_a)
    b = threading.Thread(target=work_b)
    a.start(); b.start(); a.join(); b.join()
    return repr(c)
r = lab.explore(prog)
want = brute(make, [%s, %s])
sorted(r.outcomes) == want, r.complete, len(want) > 1, sorted(r.outcomes), want`, tc.make, tc.a, tc.b, list(tc.stepsA), list(tc.stepsB))
			c := execute(s, prog)
			if c.err != nil || !strings.HasPrefix(c.result, "(True, True, True,") {
				t.Errorf("explored outcomes == brute force, complete, more than one, explored, brute force: %s %v", c.result, c.err)
			}
		})
	}
}
