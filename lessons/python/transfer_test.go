package python

import (
	"os/exec"
	"strings"
	"testing"
)

// transferSrc defines the values the transfer tests copy.
const transferSrc = `
import collections

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def __eq__(self, other):
        return type(other).__name__ == "Point" and (self.x, self.y) == (other.x, other.y)

class Oops(ValueError):
    pass

shared = [1, 2]
aliased = [shared, shared, {"k": shared}]
cyclic = [0]
cyclic.append(cyclic)
point = Point(1, [2, 3])
nested = {"t": (1, "a", None, 2.5, b"x", 10**30), "s": {1, 2}, "f": frozenset({3}), "d": collections.deque([1, 2], 5)}
counts = collections.Counter("abca")
oops = Oops("bad", 7)

def by_name(x):
    return x + 1

def make(n):
    def add(x):
        return x + n
    return add

closure = make(10)
lam = lambda x: x * 2
gen = (i for i in range(3))
`

// transferCase is a value of transferSrc, how it is checked after the
// copy (a Python expression of the copy c and the original's repr r),
// and whether the copy must be another object.
var transferCases = []struct {
	name, check string
	fresh       bool
}{
	{"aliased", "repr(c) == r and c[0] is c[1] is c[2]['k']", true},
	{"cyclic", "c[1] is c and c[0] == 0", true},
	{"point", "repr(c) == r and isinstance(c, Point) and c.y == [2, 3]", true},
	{"nested", "repr(c) == r", true},
	{"counts", "repr(c) == r and c['a'] == 2", true},
	{"oops", "isinstance(c, Oops) and isinstance(c, ValueError) and c.args == ('bad', 7)", true},
	{"by_name", "c(1) == 2", false},
	{"closure", "c(1) == 11", true},
	{"lam", "c(4) == 8", true},
	{"Point", "c is Point", false},
}

// TestPackUnpack copies values from one interpreter to another whose
// __main__ ran the same program (as a forked worker's did): classes and
// module-level functions arrive by name, as the receiver's own; the rest
// is copied, with its aliasing and cycles.
func TestPackUnpack(t *testing.T) {
	sender, sm := load(t, transferSrc, Options{})
	receiver, rm := load(t, transferSrc, Options{})
	st, rt := sender.NewThread("sender"), receiver.NewThread("receiver")
	for _, tc := range transferCases {
		t.Run(tc.name, func(t *testing.T) {
			orig := sm.Globals().GetStr(tc.name)
			p, err := st.Pack(orig)
			if err != nil {
				t.Fatalf("Pack: %v", err)
			}
			c, err := rt.Unpack(p)
			if err != nil {
				t.Fatalf("Unpack: %v", err)
			}
			r, err := Repr(st, orig)
			if err != nil {
				t.Fatal(err)
			}
			if tc.fresh && c == orig {
				t.Error("the copy is the original object")
			}
			if got := evalIn(t, rt, rm, tc.check, c, Str(r)); got != True {
				t.Errorf("%s is %v for the copy %v", tc.check, got, c)
			}
		})
	}
}

// TestPackFallsBackToValue: a receiver whose __main__ lacks a class or
// function gets a copy by value of it.
func TestPackFallsBackToValue(t *testing.T) {
	sender, sm := load(t, transferSrc, Options{})
	receiver, rm := load(t, "", Options{})
	st, rt := sender.NewThread("sender"), receiver.NewThread("receiver")
	for _, name := range []string{"point", "by_name"} {
		p, err := st.Pack(sm.Globals().GetStr(name))
		if err != nil {
			t.Fatal(err)
		}
		c, err := rt.Unpack(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		check := map[string]string{"point": "repr(c) == 'Point(1, [2, 3])'", "by_name": "c(41) == 42"}[name]
		if got := evalIn(t, rt, rm, check, c, None); got != True {
			t.Errorf("%s: %s is %v", name, check, got)
		}
	}
}

// TestPackRefusesWhatPickleRefuses: a generator cannot be copied; the
// error is pickle's, as /usr/bin/python3 words it. A fork shares it.
func TestPackRefusesWhatPickleRefuses(t *testing.T) {
	out, err := exec.Command("/usr/bin/python3", "-c", "import pickle\ntry:\n    pickle.dumps(i for i in [])\nexcept TypeError as e:\n    print(e)").Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	want := strings.TrimSpace(string(out))
	in, m := load(t, transferSrc, Options{})
	th := in.NewThread("t")
	gen := m.Globals().GetStr("gen")
	if _, err := th.Pack(gen); err == nil || !ErrorMatches(err, TypeError) || !strings.Contains(err.Error(), want) {
		t.Errorf("Pack(generator): %v, want TypeError: %s", err, want)
	}
	p, err := th.PackFork(m, gen)
	if err != nil {
		t.Fatalf("PackFork: %v", err)
	}
	other := NewInterp(Options{})
	om := NewModule("__main__")
	other.AddModule(om)
	v, err := other.NewThread("child").UnpackFork(p, om)
	if err != nil || v != gen {
		t.Errorf("UnpackFork(generator) = %v, %v; want the generator itself", v, err)
	}
	if om.Globals().GetStr("Point") == m.Globals().GetStr("Point") || om.Globals().GetStr("point") == nil {
		t.Error("the forked module does not hold its own copy of the class and the instance")
	}
}

// evalIn evaluates expr in m's namespace with c and r bound.
func evalIn(t *testing.T, th *Thread, m *Module, expr string, c, r Value) Value {
	t.Helper()
	m.Globals().SetStr("c", c)
	m.Globals().SetStr("r", r)
	code, err := th.Interp().Compile("check.py", []byte("result = "+expr+"\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.ExecModule(code, m); err != nil {
		var b strings.Builder
		th.PrintTraceback(&b, err)
		t.Fatal(b.String())
	}
	return m.Globals().GetStr("result")
}

// TestPackTooDeep: a value nested deeper than the recursion limit lets
// pickle follow is a RecursionError, in pickle's words.
func TestPackTooDeep(t *testing.T) {
	out, err := exec.Command("/usr/bin/python3", "-c", "import pickle\nx = []\nfor _ in range(100000):\n    x = [x]\ntry:\n    pickle.dumps(x)\nexcept RecursionError as e:\n    print(e)").Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	want := strings.TrimSpace(string(out))
	in, m := load(t, "x = []\nfor _ in range(100000):\n    x = [x]\n", Options{})
	_, err = in.NewThread("t").Pack(m.Globals().GetStr("x"))
	if err == nil || !ErrorMatches(err, RecursionError) || !strings.Contains(err.Error(), want) {
		t.Errorf("Pack of a list nested 100000 deep: %v, want RecursionError: %s", err, want)
	}
}
