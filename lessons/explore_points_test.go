package lessons

import (
	"fmt"
	"strings"
	"testing"
)

// bruteForce is a reference for exploring: brute(make, threads, result)
// runs threads, one list of statements for each thread, over every
// interleaving, each statement at once, on the state make() returns, and
// gives the sorted outcomes, each result(state) at the end (the repr of
// the state, unless given). A thread whose statement raises runs no more
// of them.
const bruteForce = `def brute(make, threads, result=repr):
    def orders(left):
        if not any(left):
            yield []
            return
        for i, k in enumerate(left):
            if k:
                rest = list(left)
                rest[i] -= 1
                for order in orders(rest):
                    yield [i] + order
    seen = set()
    for order in orders([len(steps) for steps in threads]):
        c = make()
        envs = [{"c": c} for _ in threads]
        pcs = [0] * len(threads)
        dead = [False] * len(threads)
        for i in order:
            step = threads[i][pcs[i]]
            pcs[i] += 1
            if not dead[i]:
                try:
                    exec(step, envs[i])
                except Exception:
                    dead[i] = True
        seen.add(result(c))
    return sorted(seen)
`

// Every method call that reads or changes a list, dict, set or deque is
// one scheduling point of lab.explore, at the call: two threads that
// each write the container with a call whose argument reads it
// (items.append(items.pop() + 1)) have the outcomes of every
// interleaving of those calls, as the brute force works them out. The method is found the ways a program finds it: items.append,
// a bound method kept in a variable, and list.append(items, x).
func TestExploreContainerMethods(t *testing.T) {
	tests := []struct {
		name, make string
		body       string   // what each thread runs, calls inside calls
		steps      []string // the same as one call a statement, for brute
	}{
		{"list pop append", "[0, 0]", "c.append(c.pop() + 1)", []string{"v = c.pop()", "c.append(v + 1)"}},
		{"list bound method", "[0, 0]", "push = c.append\n    push(c.pop() + 1)", []string{"v = c.pop()", "c.append(v + 1)"}},
		{"list unbound method", "[0, 0]", "list.append(c, list.pop(c) + 1)", []string{"v = list.pop(c)", "list.append(c, v + 1)"}},
		{"list count extend", "[0]", "c.extend([c.count(0), 0])", []string{"n = c.count(0)", "c.extend([n, 0])"}},
		{"list index insert", "[1, 0]", "c.insert(c.index(0), 2)", []string{"i = c.index(0)", "c.insert(i, 2)"}},
		{"list remove", "[0, 1, 0]", "c.remove(c[0])", []string{"x = c[0]", "c.remove(x)"}},
		{"list clear copy", "[0]", "c.clear() or c.append(len(c.copy()))", []string{"c.clear()", "n = len(c.copy())", "c.append(n)"}},
		{"dict copy update", `{"n": 0}`, "c.update(n=c.copy()['n'] + 1)", []string{"v = c.copy()", "c.update(n=v['n'] + 1)"}},
		{"dict popitem", `{"n": 0, "m": 0}`, "c.update((c.popitem(),))", []string{"kv = c.popitem()", "c.update((kv,))"}},
		{"set copy add", "set()", "c.add(len(c.copy()))", []string{"n = len(c.copy())", "c.add(n)"}},
		{"set discard", "{0, 1}", "c.discard(0 if c.issuperset({0, 1}) else 1)", []string{"b = c.issuperset({0, 1})", "c.discard(0 if b else 1)"}},
		{"deque popleft append", "deque([0, 5])", "c.append(c.popleft() + 1)", []string{"v = c.popleft()", "c.append(v + 1)"}},
		{"deque pop appendleft", "deque([0, 5])", "c.appendleft(c.pop() + 1)", []string{"v = c.pop()", "c.appendleft(v + 1)"}},
		{"OrderedDict move_to_end", "OrderedDict(a=0, b=0)", "c.move_to_end(next(iter(c.copy())))", []string{"k = next(iter(c.copy()))", "c.move_to_end(k)"}},
	}
	s := New()
	defer s.Shutdown()
	if c := execute(s, "import threading, lab\nfrom collections import deque, OrderedDict\n"+bruteForce); c.err != nil {
		t.Fatal(c.err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quoted := make([]string, len(tc.steps))
			for i, st := range tc.steps {
				quoted[i] = fmt.Sprintf("%q", st)
			}
			steps := "[" + strings.Join(quoted, ", ") + "]"
			body := "    " + tc.body
			prog := fmt.Sprintf(`def make():
    return %s
def work():
%s
def prog():
    global c
    c = make()
    a = threading.Thread(target=work)
    b = threading.Thread(target=work)
    a.start(); b.start(); a.join(); b.join()
    return repr(c)
r = lab.explore(prog)
sorted(r.outcomes) == brute(make, [%s] * 2), r.complete, sorted(r.outcomes), brute(make, [%s] * 2)`, tc.make, body, steps, steps)
			c := execute(s, prog)
			if c.err != nil || !strings.HasPrefix(c.result, "(True, True,") {
				t.Errorf("explored outcomes == brute force, complete, explored, brute force: %s %v", c.result, c.err)
			}
		})
	}
}

// Event.is_set is a scheduling point: a thread that reads the flag twice
// while another sets and clears it sees every pair of values the brute
// force allows, the flag set between the reads among them.
func TestExploreEventIsSet(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, "import threading, lab\n"+bruteForce+`ev = threading.Event()
def flips():
    ev.set()
    ev.clear()
def looks(out):
    out.append(ev.is_set())
    out.append(ev.is_set())
def prog():
    out = []
    a = threading.Thread(target=flips)
    b = threading.Thread(target=looks, args=(out,))
    a.start(); b.start(); a.join(); b.join()
    return repr(out)
def make():
    return {"ev": threading.Event(), "out": []}
want = brute(make, [["c['ev'].set()", "c['ev'].clear()"], ["c['out'].append(c['ev'].is_set())"] * 2], lambda c: repr(c["out"]))
r = lab.explore(prog)
sorted(r.outcomes) == want, r.complete, len(want) > 1, sorted(r.outcomes), want`)
	if c.err != nil || !strings.HasPrefix(c.result, "(True, True, True,") {
		t.Errorf("explored outcomes == brute force, complete, more than one, explored, brute force: %s %v", c.result, c.err)
	}
}
