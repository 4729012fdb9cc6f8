package python

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runBoth runs src with /usr/bin/python3 and with Run and returns both
// results: stdout, the last line of stderr, and the exit status.
type result struct {
	stdout, lastErr string
	status          int
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func runCPython(t *testing.T, src string) result {
	t.Helper()
	cmd := exec.Command("/usr/bin/python3", "-c", src)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	status := 0
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running python3: %v", err)
	}
	return result{out.String(), lastLine(errb.String()), status}
}

func runOurs(src string) (result, string) {
	var out, errb bytes.Buffer
	status := Run("<string>", []byte(src), Options{Stdout: &out, Stderr: &errb})
	return result{out.String(), lastLine(errb.String()), status}, errb.String()
}

// checkAgainstCPython compares our run of src with CPython's.
func checkAgainstCPython(t *testing.T, src string) {
	t.Helper()
	want := runCPython(t, src)
	got, stderr := runOurs(src)
	if got.stdout != want.stdout {
		t.Errorf("stdout differs\n--- got\n%s\n--- want\n%s\n--- our stderr\n%s", got.stdout, want.stdout, stderr)
	}
	if got.status != want.status {
		t.Errorf("exit status %d, want %d (stderr: %s)", got.status, want.status, stderr)
	}
	if want.status != 0 && got.lastErr != want.lastErr {
		t.Errorf("error line\n got %q\nwant %q", got.lastErr, want.lastErr)
	}
}

var coreCases = map[string]string{
	"arith": `
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** -1, 7 / 2, 1e20, 1.0, 0.1 + 0.2, 10 ** 20, -2 ** 2)
print(3 & 5, 3 | 5, 3 ^ 5, ~5, 1 << 70, -1 >> 3, True + True, 5.5 // 2, -5.5 % 2, 2.0 ** 0.5)
print(12345678901234567890 * 98765432109876543210, (2**64) // 3, -(2**64) % 7, 2**63 - 1 + 1)
print(1e16, 1e-5, 123456789.123, 1/3, -0.0, 1e300 * 1e10, 3.0 * 2, 0.1 * 3, 100.0, 1e15)
print(int('42'), int(' -7 '), int('ff', 16), int('0x1f', 0), int(3.9), int(-3.9), float('1.5'), float(' inf'), str(2.5))
print(1 == 1.0, 2 < 2.5, 10**20 > 1e19, (1, 2) < (1, 3), [1, 2] == [1, 2], 'a' < 'b', None == None, 1 != 1)
`,
	"strings": `
s = "héllo wörld"
print(len(s), s[1], s[-1], s[2:5], s[::-1], s[::3], "abc" * 3, "a" + "b", "x" in s, "lo" in "hello")
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr("tab\tnl\n"), repr("\x00\x7f"), "a\u00e9")
for ch in "ab":
    print(ch)
print(str(1), str([1, 'a']), repr((1,)), repr(()), str(None), str(True), bytes(3), b"ab" + b"c")
`,
	"containers": `
l = [3, 1, 2]
l[0] = 9
l[1:2] = [7, 8]
print(l, l[-1], l[1:], len(l), 8 in l, l * 2, [0] * 3)
del l[0]
print(l)
t = (1, 2, 3)
a, b, c = t
print(a + b + c, t[1:], t + (4,), (1,) * 2)
d = {"x": 1, "y": 2}
d["z"] = 3
del d["x"]
print(d, len(d), "y" in d, d["z"], list(d), dict(a=1, b=2), dict([(1, 2)]))
s = {3, 1, 2, 3}
print(s, len(s), 2 in s, set(), {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3}, frozenset([1]))
print({10, 5, 100, 7, 33, 64, 1000}, set(range(20)), {-1, -2, 3})
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
x, (y, z) = 1, (2, 3)
print(first, rest, init, last, x, y, z)
print([*l, *t], (*t, 0), {**d, "w": 0}, {*s, 9})
nested = [[1, 2], [3]]
nested[0].append if False else None
print(nested, list(range(5)), list(range(10, 0, -3)), tuple("ab"), range(3), list(range(3))[::-1])
`,
	"functions": `
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
def g(x, /, y): return x + y
print(g(1, y=2))
lam = lambda x, y=1: x * y
print(lam(3), lam(3, 4), (lambda: 7)())
def k(a, b): return a - b
print(k(*[1, 2]), k(1, **{'b': 3}), k(*[5], **{'b': 1}))
print(*[1, 2, 3], sep='-', end='!\n')
def outer():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    inc(); inc()
    return c, inc
print(outer()[0])
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders()])
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"))
def make_counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
s = make_counter()
s(); s()
print(s())
`,
	"argerrors": `
def f(a, b=2, *args, c, d=4, **kw): pass
def g(x, /, y): pass
def h(a, b): pass
class C:
    def m(self, x): pass
for call in [lambda: f(), lambda: g(x=1, y=2), lambda: h(1), lambda: h(1, 2, 3), lambda: h(1, a=2),
             lambda: h(1, 2, z=3), lambda: C().m(), lambda: C().m(1, 2), lambda: f(1), lambda: h()]:
    try:
        call()
    except TypeError as e:
        print(e)
`,
	"classes": `
class Animal:
    sound = "..."
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"Animal({self.name!r})"
    def __str__(self):
        return "animal " + self.name
class Dog(Animal):
    sound = "woof"
    def speak(self):
        return super().speak() + "!"
d = Dog("rex")
print(d.speak(), Animal.count, repr(d), str(d), d)
print([d], type(d), type(d).__name__, Dog.__mro__, Dog.__bases__, Dog.__name__)
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @staticmethod
    def s(a): return a + 1
    @classmethod
    def c(cls): return cls.__name__
p = P()
p.x = 5
print(p.x, P.s(1), p.s(2), P.c(), p.c())
class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __rmul__(self, k): return V(self.x * k, self.y * k)
    def __eq__(self, o): return self.x == o.x and self.y == o.y
    def __lt__(self, o): return self.x < o.x
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, k): return k * self.x
    def __hash__(self): return self.x * 31 + self.y
    def __neg__(self): return V(-self.x, -self.y)
    def __bool__(self): return self.x != 0
    def __repr__(self): return "V(" + str(self.x) + ", " + str(self.y) + ")"
    def __iter__(self):
        yield self.x
        yield self.y
v = V(1, 2) + V(3, 4)
print(v, v == V(4, 6), v != V(4, 6), V(1, 1) < V(2, 0), V(3, 0) > V(1, 0), len(v), v[1], 6 in v, v(10), list(v))
print({V(1, 2): 'a'}[V(1, 2)], v * 2, 3 * v, -v, bool(V(0, 1)), not V(1, 0))
class Multi(Dog, Animal): pass
print(Multi.__mro__)
print(isinstance(d, Animal), isinstance(d, (int, Dog)), issubclass(Dog, Animal), issubclass(Animal, Dog))
class WithGetattr:
    def __getattr__(self, name): return name + "!"
print(WithGetattr().hello)
class Slots:
    items = []
    def add(self, x):
        self.items.append(x) if False else None
        self.count = getattr(self, "count", 0) + 1 if False else 1
s1 = Slots()
s1.add(1)
print(s1.count, vars(s1) if False else s1.__dict__)
class Base:
    def __init__(self, a):
        self.a = a
class Derived(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
    def total(self):
        return self.a + self.b
print(Derived(1, 2).total())
class Counter:
    n = 0
    @classmethod
    def make(cls):
        cls.n += 1
        return cls()
Counter.make(); Counter.make()
print(Counter.n)
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
def walk(n):
    while n is not None:
        yield n.v
        n = n.nxt
print(list(walk(Node(1, Node(2, Node(3))))))
`,
	"exceptions": `
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 42)
except E as e:
    print(e, e.code, e.args, repr(e))
try:
    1/0
except (ValueError, ZeroDivisionError) as e:
    print(type(e).__name__, e)
else:
    print("no")
finally:
    print("finally")
def nested():
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            raise KeyError("outer") from e
    except KeyError as k:
        print(repr(k), repr(k.__cause__), k.__context__ is k.__cause__)
nested()
try:
    try:
        1/0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as t:
    print(repr(t.__context__), t.__cause__)
def tf():
    try:
        return 1
    finally:
        print("finally runs")
print(tf())
def tf2():
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            print("body", i)
        finally:
            print("fin", i)
    return "done"
print(tf2())
def reraise():
    try:
        raise ValueError("x")
    except ValueError:
        print("handling")
        raise
try:
    reraise()
except ValueError as e:
    print("again", e)
for exc in [ValueError, KeyError("k"), IndexError(1, 2), Exception()]:
    try:
        raise exc
    except Exception as e:
        print(repr(e), str(e), e.args)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    [][1]
except LookupError as e:
    print("lookup", e)
try:
    {}["k"]
except KeyError as e:
    print("key", e)
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with CM() as c:
    raise ValueError("suppressed")
print("after with")
with CM() as a, CM() as b:
    print("two")
def in_with():
    with CM():
        return "returned"
print(in_with())
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
try:
    raise StopIteration
except Exception as e:
    print(type(e).__name__)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, Exception), BaseException.__mro__ if False else 1)
`,
	"generators": `
def gen():
    x = yield 1
    print("got", x)
    y = yield 2
    return x + y
g = gen()
print(g.__next__())
print(g.send(10))
try:
    g.send(5)
except StopIteration as e:
    print("stop", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), range(4, 6))))
def inner():
    yield 1
    return "r"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))
print(list(x * x for x in range(4)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([f.__next__() for _ in range(10)])
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closing()
print(c.__next__())
c.close()
`,
	"control": `
i = 0
while i < 3:
    i += 1
else:
    print("while else", i)
for j in range(2):
    pass
else:
    print("for else", j)
for j in range(5):
    if j == 2:
        break
else:
    print("not printed")
if (n := 10) > 5:
    print("walrus", n)
print([y for x in range(3) for y in range(x) if y % 2 == 0])
print({x: x * x for x in range(3)}, {x % 3 for x in range(10)})
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 if 0 else 2, 0 or "x", 1 and 0, not 1, [] or [1])
x = 5
if x > 10:
    print("big")
elif x > 3:
    print("medium")
else:
    print("small")
for a, b in [(1, 2), (3, 4)]:
    print(a * b, end=" ")
print()
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
a = b = 5
a, b = b + 1, a
print(a, b)
del a
try:
    print(a)
except NameError as e:
    print(e)
def local_unbound():
    print(y)
    y = 1
try:
    local_unbound()
except UnboundLocalError as e:
    print(e)
`,
}

func TestCoreAgainstCPython(t *testing.T) {
	for name, src := range coreCases {
		t.Run(name, func(t *testing.T) {
			checkAgainstCPython(t, src)
		})
	}
}

// Each of these programs fails; the exception line and status must match
// CPython's.
var errorCases = []string{
	"1/0", "1//0", "1%0", "1.0/0", "1+'a'", "'a'+1", "[1]+(1,)", "-'a'", "'a'*'b'", "[1][2]",
	"[1]['a']", "(1,)[5]", "{}[1]", "{}['a']", "'abc'[9]", "1<'a'", "None<None", "x_undefined", "len(5)",
	"5()", "'a'.foo", "int('x')", "float('x')", "1 in 5", "1 in 'a'", "a,b=1,2,3", "a,b=[1]", "a,=5",
	"1<<-1", "int(float('inf'))", "object().x", "type.x", "isinstance(1, 5)", "range(1.5)",
	"range(0,10,0)", "list(5)", "[1]*(10**20)", "{[]: 1}", "{1, []}", "del x_undefined",
	"def f():\n  return y\nf()", "def f():\n  y\n  y = 1\nf()", "raise ValueError('v')",
	"class A: pass\nA().m()", "class A:\n  def __init__(self, x): pass\nA()",
	"raise SystemExit(3)", "raise SystemExit('bye')", "raise SystemExit", "'x' * 10**12",
	"class E(Exception): pass\nraise E('mine')", "assert False, 'msg'", "assert 1 == 2",
	"try:\n  1/0\nexcept ZeroDivisionError:\n  raise KeyError('k')",
	"try:\n  1/0\nexcept ZeroDivisionError as e:\n  raise KeyError('k') from e",
	"def r(n): return r(n + 1)\nr(0)", "for x in 5: pass", "x = [1]\nx.nope", "None.attr",
	"print(undefined)", "{}.pop if False else [].pop if False else int('')",
	"raise", "next(iter([]))" + "[0] if False else None\nraise StopIteration('s')", "x: int = 'a'\nprint(x)\n1/0",
}

func TestErrorsAgainstCPython(t *testing.T) {
	for _, src := range errorCases {
		t.Run(strings.ReplaceAll(src, "\n", ";"), func(t *testing.T) {
			checkAgainstCPython(t, src)
		})
	}
}

// The whole traceback, source lines and carets included, must read as
// CPython's for programs run from a file.
var tracebackCases = []string{
	"def a():\n    b()\ndef b():\n    c = {}\n    return c['missing']\na()\n",
	"x = 1\ny = x + 'a'\n",
	"def r(n):\n    return r(n + 1)\nr(0)\n",
	"class A:\n    def __init__(self):\n        self.x = 1\na = A()\nprint(a.y)\n",
	"items = [1, 2]\nprint(items[5])\n",
	"def f():\n    try:\n        raise ValueError('v')\n    finally:\n        print('cleanup')\nf()\n",
	"try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    raise RuntimeError('wrapped') from e\n",
	"try:\n    {}['k']\nexcept KeyError:\n    raise TypeError('during')\n",
	"counter = 1\nprint(countr + 1)\n",
	"import math\nprint(math.tauu)\n",
	"s = 'x' * 10**12\n",
	"class E(Exception):\n    pass\ndef f():\n    raise E('mine')\nf()\n",
	"total = sum if False else 0\nfor x in 5:\n    total += x\n",
	"def f(a, b):\n    return a * b\nf(1)\n",
	"value = int('abc')\n",
	"def outer():\n    def inner():\n        return undefined_thing\n    return inner()\nouter()\n",
	"data = {'a': [1, 2]}\nprint(data['a'][7])\n",
	"assert 1 + 1 == 3, 'math is broken'\n",
	"def gen():\n    yield 1\n    raise ValueError('in generator')\nfor v in gen():\n    print(v)\n",
	"x = (1 +\n     'a')\n",
	"l = [1]\nl.append(2)\nl.nothing(3)\n",
	"raise SystemExit('bye')\n",
}

func TestTracebacksAgainstCPython(t *testing.T) { checkTracebacks(t, tracebackCases) }

// checkTracebacks runs each program with /usr/bin/python3 and with Run and
// compares exit status, stdout and stderr (the traceback).
func checkTracebacks(t *testing.T, cases []string) {
	dir := t.TempDir()
	for i, src := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			path := filepath.Join(dir, "prog.py")
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("/usr/bin/python3", "prog.py")
			cmd.Dir = dir
			var wantOut, wantErr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &wantOut, &wantErr
			status := 0
			if err := cmd.Run(); err != nil {
				ee, ok := err.(*exec.ExitError)
				if !ok {
					t.Fatal(err)
				}
				status = ee.ExitCode()
			}
			var out, errb bytes.Buffer
			got := Run(path, []byte(src), Options{Stdout: &out, Stderr: &errb})
			if got != status || out.String() != wantOut.String() || errb.String() != wantErr.String() {
				t.Errorf("program:\n%s\ngot status %d, stdout %q, stderr:\n%s\nwant status %d, stdout %q, stderr:\n%s",
					src, got, out.String(), errb.String(), status, wantOut.String(), wantErr.String())
			}
		})
	}
}

// A missing module fails as in CPython, with a note naming the modules
// threadlab has.
func TestMissingModuleHint(t *testing.T) {
	src := "import numpy_like_thing\n"
	want := runCPython(t, src)
	var out, errb bytes.Buffer
	status := Run("<string>", []byte(src), Options{Stdout: &out, Stderr: &errb})
	lines := strings.Split(strings.TrimRight(errb.String(), "\n"), "\n")
	if status != want.status || len(lines) < 2 || lines[len(lines)-2] != want.lastErr {
		t.Fatalf("status %d, stderr:\n%s\nwant status %d and the line %q", status, errb.String(), want.status, want.lastErr)
	}
	note := lines[len(lines)-1]
	if !strings.HasPrefix(note, "threadlab has no module 'numpy_like_thing'; its modules are ") {
		t.Fatalf("note %q does not name threadlab's modules", note)
	}
	for _, name := range moduleNames(nil) {
		if !strings.Contains(note, name) {
			t.Errorf("note %q leaves out %s", note, name)
		}
	}
}

// A notebook cell is compiled interactively: its final expression is its
// value, and its globals persist into the next cell.
func TestInteractiveCells(t *testing.T) {
	in := NewInterp(Options{})
	m := NewModule("__main__")
	in.AddModule(m)
	th := in.NewThread("main")
	cells := []struct{ src, want string }{
		{"x = 20\ndef f():\n    return x + 1\n", "None"},
		{"x = 40\nf()\n", "41"},
		{"[f(), x]", "[41, 40]"},
	}
	for i, c := range cells {
		code, err := in.Compile(fmt.Sprintf("<cell %d>", i+1), []byte(c.src), true)
		if err != nil {
			t.Fatal(err)
		}
		v, err := th.ExecModule(code, m)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := Repr(th, v); got != c.want {
			t.Errorf("cell %d = %s, want %s", i+1, got, c.want)
		}
	}
}

// SyntaxErrors print as CPython prints them: file and line, the source
// line, a caret, the message.
func TestSyntaxErrorsAgainstCPython(t *testing.T) {
	dir := t.TempDir()
	for i, src := range []string{
		"x = = 1\n",
		"def f(:\n    pass\n",
		"if True\n    pass\n",
		"def f():\n  return 1\n   x = 2\n",
		"for x in range(3):\nprint(x)\n",
		"def f():\n    nonlocal q\n",
		"return 5\n",
		"break\n",
	} {
		path := filepath.Join(dir, fmt.Sprintf("s%d.py", i))
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("/usr/bin/python3", path)
		var wantErr bytes.Buffer
		cmd.Stderr = &wantErr
		_ = cmd.Run()
		var errb bytes.Buffer
		status := Run(path, []byte(src), Options{Stdout: io.Discard, Stderr: &errb})
		if status != 1 || errb.String() != wantErr.String() {
			t.Errorf("program %q: status %d, stderr:\n%s\nwant status 1, stderr:\n%s", src, status, errb.String(), wantErr.String())
		}
	}
}
