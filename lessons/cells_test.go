package lessons

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

func TestCells(t *testing.T) {
	tests := []struct {
		name   string
		cells  []string
		result string // text/plain of the last cell ("" for none)
		output string // stdout of the last cell
	}{
		{"late binding across cells", []string{"x = 1\ndef show():\n    return x", "x = 2\nshow()"}, "2", ""},
		{"late binding in same cell", []string{"x = 1\ndef show():\n    return x\nx = 3\nshow()"}, "3", ""},
		{"function defined later", []string{"def a():\n    return b()", "def b():\n    return 7", "a()"}, "7", ""},
		{"redefined function", []string{"def f():\n    return 1", "def g():\n    return f()", "def f():\n    return 2", "g()"}, "2", ""},
		{"recursion", []string{"def fib(n):\n    if n < 2:\n        return n\n    return fib(n-1) + fib(n-2)", "fib(15)"}, "610", ""},
		{"while at top level", []string{"i = 0\nwhile i < 5:\n    i += 1\ni"}, "5", ""},
		{"while in function", []string{"def count(n):\n    c = 0\n    while True:\n        c += 1\n        if c >= n:\n            break\n    return c", "count(4)"}, "4", ""},
		{"for at top level", []string{"t = 0\nfor k in range(4):\n    t += k\nt"}, "6", ""},
		{"for tuple target", []string{"for i, v in enumerate(['a', 'b']):\n    pass", "(i, v)"}, "(1, 'b')", ""},
		{"top-level if", []string{"if True:\n    y = 5\nelse:\n    y = 6\ny"}, "5", ""},
		{"def inside top-level if", []string{"if True:\n    def h():\n        return 'h'", "h()"}, "'h'", ""},
		{"sets", []string{"s = set([1, 2])\ns.add(3)\nlen(s)"}, "3", ""},
		{"set repr", []string{"set([2])"}, "{2}", ""},
		{"empty set repr", []string{"set()"}, "set()", ""},
		{"mutable globals", []string{"items = []\ndef add(v):\n    items.append(v)", "add(1)\nadd(2)", "items"}, "[1, 2]", ""},
		{"augmented index", []string{"a = [1]\na[0] += 1\na"}, "[2]", ""},
		{"tuple assignment", []string{"p, q = 1, 2\np + q"}, "3", ""},
		{"comprehension", []string{"k = 3\n[i * k for i in range(3)]"}, "[0, 3, 6]", ""},
		{"lambda late binding", []string{"m = 2\nf = lambda v: v * m", "m = 10\nf(2)"}, "20", ""},
		{"default from global", []string{"d = 4\ndef g(v=d):\n    return v", "g()"}, "4", ""},
		{"closure", []string{"x = 1\ndef outer():\n    n = 1\n    def inner():\n        return n + x\n    return inner()", "outer()"}, "2", ""},
		{"keyword arguments", []string{"def kw(a, b=2):\n    return a - b", "kw(b=1, a=5)"}, "4", ""},
		{"shadow a builtin", []string{"len = 5", "len + 1"}, "6", ""},
		{"string result", []string{"\"it's\""}, `"it's"`, ""},
		{"dict result", []string{"{'a': [1, 'b'], 'c': (1,)}"}, "{'a': [1, 'b'], 'c': (1,)}", ""},
		{"None gives no result", []string{"None"}, "", ""},
		{"statement gives no result", []string{"z = 1"}, "", ""},
		{"print streams", []string{"print('hi', [1, 'a'], None)"}, "", "hi [1, 'a'] None\n"},
		{"print sep end", []string{"print(1, 2, sep='-', end='!')"}, "", "1-2!"},
		{"print from function", []string{"def p():\n    print('in p')", "p()\n1"}, "1", "in p\n"},
		{"str and repr", []string{"str([1, 'a']) + repr('b')"}, `"[1, 'a']'b'"`, ""},
		{"input", []string{"input('name? ')"}, "'typed'", ""},
		{"sum and round", []string{"(sum([1, 2, 3]), round(2.5), round(1.256, 2))"}, "(6, 2, 1.26)", ""},
		{"import predeclared", []string{"import time\ntime.time() > 0"}, "True", ""},
		{"import two", []string{"import time, time\n1"}, "1", ""},
		{"import as", []string{"import time as t\nt.sleep(0)\n2"}, "2", ""},
		{"from import", []string{"from time import sleep, monotonic as mono\nsleep(0)\nmono() >= 0"}, "True", ""},
		{"import keeps line numbers", []string{"import time\n\n\nline4_value = 4", "line4_value"}, "4", ""},
		{"import inside function", []string{"def f():\n    import time\n    return 1", "f()"}, "1", ""},
		{"module without import", []string{"type(time.sleep)"}, "'builtin_function_or_method'", ""},
		{"help builtin prints", []string{"help(len)"}, "", "Signature: len(x)\n\nReturn the number of elements of a list, tuple, dict, set or string.\n\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New()
			res, out, err := run(t, s, tc.cells...)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if res != tc.result {
				t.Errorf("result = %q, want %q", res, tc.result)
			}
			if out != tc.output {
				t.Errorf("output = %q, want %q", out, tc.output)
			}
		})
	}
}

func TestCellErrors(t *testing.T) {
	tests := []struct {
		name    string
		cells   []string
		ename   string
		message string   // substring of the message (or hint)
		lines   []string // substrings expected in the traceback, in order
	}{
		{"undefined name", []string{"y = 1\nz + 1"}, "NameError", "name 'z' is not defined", []string{"Cell line 2: z + 1"}},
		{"undefined in function", []string{"def f():\n    return undefined_thing", "f()"}, "NameError", "name 'undefined_thing' is not defined",
			[]string{"Cell line 1: f()", "Earlier cell line 2, in f: return undefined_thing"}},
		{"spelling hint", []string{"balance = 1", "balanse"}, "NameError", "Did you mean 'balance'?", nil},
		{"python module hint", []string{"math.sqrt(2)"}, "NameError", "threadlab has no module 'math'", nil},
		{"rebinding a global", []string{"x = 0\ndef inc():\n    x += 1", "inc()"}, "UnboundLocalError", "lab.shared", []string{"Earlier cell line 3, in inc: x += 1"}},
		{"import numpy", []string{"import numpy"}, "ModuleNotFoundError", "only", nil},
		{"from import unknown module", []string{"from numpy import array"}, "ModuleNotFoundError", "no module named 'numpy'", nil},
		{"from import unknown name", []string{"from time import nothing"}, "ImportError", "cannot import name 'nothing'", nil},
		{"import later line", []string{"x = 1\nimport os"}, "ModuleNotFoundError", "'os'", []string{"Cell line 2: import os"}},
		{"division by zero", []string{"a = 1\nb = a // 0"}, "ZeroDivisionError", "division by zero", []string{"Cell line 2: b = a // 0"}},
		{"key error", []string{"{}['k']"}, "KeyError", "k", nil},
		{"index error", []string{"[][3]"}, "IndexError", "out of range", nil},
		{"attribute error", []string{"[].push(1)"}, "AttributeError", "push", nil},
		{"type error", []string{"1 + 'a'"}, "TypeError", "unknown binary op", nil},
		{"fail", []string{"fail('boom')"}, "Exception", "boom", nil},
		{"syntax error", []string{"x = (1,\ny = 2)"}, "SyntaxError", "", []string{"Cell line"}},
		{"recursion", []string{"def r(n):\n    return r(n + 1)", "r(0)"}, "RecursionError", "recursion", []string{"Previous line repeated"}},
		{"frozen", []string{"frozen_list.append(1)"}, "FrozenError", "use lab.shared(...)", nil},
		{"set literal", []string{"s = {1, 2}"}, "SyntaxError", "set([1, 2])", []string{"Cell line 1:", "s = {1, 2}", "^"}},
		{"load", []string{"load('x.star', 'y')"}, "SyntaxError", "load", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New()
			l := starlark.NewList([]starlark.Value{starlark.MakeInt(1)})
			l.Freeze()
			s.SetGlobal("frozen_list", l)
			_, _, err := run(t, s, tc.cells...)
			checkError(t, err, tc.ename, tc.message, tc.lines)
		})
	}
}

func checkError(t *testing.T, err error, ename, message string, lines []string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s", ename)
	}
	var ed interface {
		ErrorName() string
		Traceback() []string
	}
	if !errors.As(err, &ed) {
		t.Fatalf("error %T does not implement ErrorName/Traceback", err)
	}
	tb := strings.Join(ed.Traceback(), "\n")
	if ed.ErrorName() != ename {
		t.Errorf("ename = %q, want %q\n%s", ed.ErrorName(), ename, tb)
	}
	if !strings.Contains(err.Error()+"\n"+tb, message) {
		t.Errorf("message does not contain %q:\n%s", message, tb)
	}
	rest := tb
	for _, l := range lines {
		i := strings.Index(rest, l)
		if i < 0 {
			t.Errorf("traceback lacks %q (in order):\n%s", l, tb)
			break
		}
		rest = rest[i+len(l):]
	}
}

func TestPythonHabits(t *testing.T) {
	tests := []struct {
		name, code, ename, want string
	}{
		{"global", "counter = 0\ndef inc():\n    global counter\n    counter += 1", "SyntaxError", "lab.shared"},
		{"nonlocal", "def f():\n    n = 0\n    def g():\n        nonlocal n\n        n = 1", "SyntaxError", "lab.shared"},
		{"with lock", "lock = threading.Lock()\nwith lock:\n    pass", "SyntaxError", "lock.acquire()"},
		{"try except", "try:\n    x = 1\nexcept:\n    pass", "SyntaxError", "no exception handling"},
		{"except alone line", "x = 1\nexcept ValueError:\n    pass", "SyntaxError", "no exception handling"},
		{"raise", "raise ValueError('x')", "SyntaxError", "fail("},
		{"class", "class Account:\n    pass", "SyntaxError", "lab.shared"},
		{"import numpy", "import numpy as np", "ModuleNotFoundError", "threading"},
		{"from x import y", "from collections import deque", "ModuleNotFoundError", "ready to use without import"},
		{"is None", "x = 1\nif x is None:\n    pass", "SyntaxError", "=="},
		{"f-string", "n = 1\nprint(f'n={n}')", "SyntaxError", "format"},
		{"assert", "assert 1 == 1", "SyntaxError", "fail("},
		{"del", "d = {}\ndel d['a']", "SyntaxError", "pop"},
		{"yield", "def g():\n    yield 1", "SyntaxError", "list"},
		{"global rebinding via +=", "total = 0\ndef add(n):\n    total += n\nadd(1)", "UnboundLocalError", "lab.shared"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := run(t, New(), tc.code)
			checkError(t, err, tc.ename, tc.want, nil)
		})
	}
}

// A builtin's *CellError keeps its name through Starlark's EvalError.
func TestNamedErrorFromBuiltin(t *testing.T) {
	s := New()
	s.SetGlobal("deadlock", starlark.NewBuiltin("deadlock", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, &CellError{Name: "DeadlockError", Message: "every thread waits", Hint: "see the table"}
	}))
	_, _, err := run(t, s, "def f():\n    deadlock()", "f()")
	checkError(t, err, "DeadlockError", "every thread waits", []string{"Cell line 1: f()", "Earlier cell line 2, in f: deadlock()"})
}

type richValue struct{ starlark.Value }

func (richValue) MIMEBundle() map[string]any {
	return map[string]any{"text/html": "<b>rich</b>", "text/plain": "rich"}
}

func TestRichResult(t *testing.T) {
	s := New()
	s.SetGlobal("rich", richValue{starlark.String("x")})
	res, err := s.Execute(context.Background(), "rich", &recorder{})
	if err != nil {
		t.Fatal(err)
	}
	if res["text/html"] != "<b>rich</b>" || res["text/plain"] != "rich" {
		t.Errorf("bundle = %v", res)
	}
}

// A CellError from a cell hook replaces the cell's result.
func TestCellHooks(t *testing.T) {
	s := New()
	var started, ended int
	s.OnCellStart = func(*starlark.Thread) { started++ }
	s.OnCellEnd = func(th *starlark.Thread, err error) error {
		ended++
		if err == nil && th.Name == "MainThread" {
			return &CellError{Name: "DeadlockError", Message: "from hook"}
		}
		return err
	}
	_, err := s.Execute(context.Background(), "1", &recorder{})
	checkError(t, err, "DeadlockError", "from hook", nil)
	if started != 1 || ended != 1 {
		t.Errorf("hooks called %d/%d times", started, ended)
	}
}
