package python

import (
	"fmt"
	"testing"
)

// callTracebacks are errors that cross frames execLoop runs without a Go
// call of their own (Python calling Python), generator frames and frames
// entered from Go (a class's __init__, sorted's key).
var callTracebacks = []string{
	"class A:\n    def f(self, x):\n        return self.g(x) + 1\n    def g(self, x):\n        return h(x)\ndef h(x):\n    return 1 / x\nA().f(0)\n",
	"def f(a, b):\n    return a\ndef g():\n    return f(1)\ng()\n",
	"class A:\n    def m(self):\n        return 1\nA().m(2)\n",
	"def inner():\n    raise KeyError('k')\ndef mid():\n    try:\n        inner()\n    except KeyError:\n        return {}['x']\ndef top():\n    return mid()\ntop()\n",
	"def inner():\n    raise KeyError('k')\ndef mid():\n    try:\n        inner()\n    finally:\n        print('finally')\nmid()\n",
	"def leaf(x):\n    return x.nope\ndef gen():\n    yield leaf(1)\nfor v in gen():\n    pass\n",
	"class P:\n    def __init__(self, x):\n        self.x = check(x)\ndef check(x):\n    if x < 0:\n        raise ValueError('negative')\n    return x\ndef make():\n    return [P(1), P(-1)]\nmake()\n",
	"def key(x):\n    return helper(x)\ndef helper(x):\n    return 1 // x\nsorted([1, 0], key=key)\n",
	"class A:\n    def m(self, n):\n        return self.m(n + 1)\nA().m(0)\n",
	"def g():\n    yield 1\n    raise StopIteration\nfor x in g():\n    print(x)\n",
	"def g(n):\n    for x in g(n + 1):\n        yield x\n    yield n\nfor x in g(0):\n    pass\n",
	"def inner():\n    yield 1\n    yield 1 // 0\ndef outer():\n    for x in inner():\n        yield x\nprint(sum(outer()))\n",
	"def f(n):\n    if n == 0:\n        raise RuntimeError('bottom')\n    return f(n - 1) + 1\nf(30)\n",
}

func TestCallTracebacksAgainstCPython(t *testing.T) { checkTracebacks(t, callTracebacks) }

// positionHost records where its thread stands at each step hook.
type positionHost struct{ lines []int }

func (h *positionHost) Step(t *Thread) error {
	_, line := t.Position()
	h.lines = append(h.lines, line)
	return nil
}

// Superinstructions and calls that return past their POP_TOP run two
// instructions as one only when the step hook is not due at the second,
// and count both: with a hook every k steps, the host is called where
// every k-th call of a hook at each step finds the thread (a hook at
// each step is always due, so nothing runs fused then).
func TestStepHookFusedCalls(t *testing.T) {
	const src = `class C:
    def m(self, k):
        return k
    def none(self):
        pass
def f(k):
    return k
def gen(n):
    for i in range(n):
        yield i
def gm():
    m = map(abs, [1, 2])
    yield from m
def work(n):
    c = C()
    s = 0
    for i in gen(n):
        c.m(i)
        x = c.m(i)
        f(i)
        c.none()
        s += f(x) + sum(gen(3))
        len(str(i))
        str(i).upper()
        dict(a=i)
        c.v = i
        s += c.v
        c.v += 2
        s += i % 3
        s += c.v - i
        for j in range(2):
            s += j
            s += i * j
        for _ in range(2):
            s += 1
        s += len([0 for _ in range(3)])
        if i < 3 and j == 1:
            s += 1
        b = i > 5
        p, q = i, x
        for u, w in [(1, 2)]:
            s += u + w + p + q
        for k, (u, w) in enumerate([(1, 2)]):
            s += k + u + w
        for k in map(abs, [1]):
            s += 1
        m = map(abs, [1, 2])
        a, b = m
        m = map(abs, [1, 2])
        a, *b = m
        m = map(abs, [1])
        s += len([*m])
        m = map(abs, [1])
        s += len({*m})
        m = map(abs, [1])
        s += f(*m)
        for k in gm():
            s += k
        s += len([k for k in range(3)]) + len({k for k in range(2)}) + len({k: k for k in range(2)})
    return s
`
	in, m := load(t, src, Options{})
	lines := func(every int) []int {
		th := in.NewThread("t")
		h := &positionHost{}
		th.SetHost(h, every)
		if _, err := Call(th, m.Globals().GetStr("work"), Int(200)); err != nil {
			t.Fatal(err)
		}
		return h.lines
	}
	each := lines(1)
	for _, every := range []int{2, 3, 7, 100} {
		var want []int
		for i := every - 1; i < len(each); i += every {
			want = append(want, each[i])
		}
		if got := lines(every); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("a hook every %d steps: called %d times, at lines %v; want %d times, at %v", every, len(got), got, len(want), want)
		}
	}
}
