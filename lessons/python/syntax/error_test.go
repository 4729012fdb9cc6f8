package syntax

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// syntaxErrorCases are sources CPython rejects; what it says of each
// comes from running testdata/errors.py at test time.
var syntaxErrorCases = []string{
	"[1 2]", "print(a b)", "print(\"a\"\nx = 1", "foo(a b,\n  3", "foo(a,\n  b c)\nx = 1", "print(1 +* 2,\n  3", "a b", "if x\n  pass", "if x:\npass", "  x=1", "x = 'abc",
	"x = '''abc\n\n", "x = (1,\n2", "x = 1)", "x = (1]", "x=(1,\n2]", "f() = 1", "f() += 1",
	"del f()", "1 = x", "a+1 = 2", "None = 1", "for f() in x: pass", "(a.b := 1)", "f(a=1, b)",
	"f(**k, *a)", "f(a for a in b, c)", "f(a+1=2)", "def f(a=1, b): pass", "x = 0777",
	"x = 1abc", "x = 0x", "x = 0o8", "x = 0b2", "x = 1_", "x = 1__0", "x = 1e", "x = $",
	"x = a ? b", "x = 5 €", "if x:\n    a\n  b", "if x:\n\ta\n        b", "x = 1 \\ 2", "x = \\",
	"f'{}'", "f'{x!z}'", "f'{'", "f'}'", "f'{x\\n}'", "f'{#}'",
	"x = '\\x1'", "x = b'\\x1'", "x = b'é'", "def f(*): pass", "def f(*, **k): pass",
	"def f(**k, a): pass", "import a.b as", "from x import a,",
	"try:\n  pass\n", "try:\n  pass\nx=1", "with a as f(): pass", "x = [i for i in range(3) if]",
	"a = 1 if b", "else: pass", "def f(:\n pass", "class A(:\n pass", "x = {1:2, 3}",
	"x = {**a, 1}", "x.1", "if x:\n  pass\n else:\n  pass", "for x in y\n  pass", "while x\n  pass",
	"def f()\n  pass", "class A\n  pass", "try\n  pass", "with x\n  pass", "elif x: pass",
	"x = 1 +", "x = (1 +", "print 'hello'", "exec 'x'", "x === 1", "x = a if b else",
	"if x = 1: pass", "def f():\n    x = 1\n   y = 2", "def f():\npass", "for x in y:\n",
	"x = [1,\n2,\n", "x = \"abc\ndef\"", "x = 1\n\tif y:\n  pass", "f(*)", "f(**)", "a[1:2:3:4]",
	"x += 1, = 2", "(a, b) += 1", "[a, b] += 1", "del 1", "del (a + 1)", "@\ndef f(): pass",
	"@x\nclass A: pass\n@y\nx = 1", "x = 'a' b'b'", "print(f'{x:{y:{z:{w}}}}')", "for in x: pass",
	"x = [*a for a in b]", "x = {**a for a in b}", "x = (**a)", "f(**a for a in b)",
	"def f(/, a): pass", "def f(a, /, /): pass", "lambda: yield", "x = 1 if True else 2 if False",
	"assert", "raise from x", "import", "from import x", "from x import", "from x import *, a",
	"nonlocal", "global", "x;;", "if True:\n    pass\n  pass", "(" + strings.Repeat("(", 300),
	"x = (" + strings.Repeat("[", 250) + "1", "def f(a, *, b, *c): pass", "True = 1",
	"f(True=1)", "x: int, y: int = 1, 2", "(x): int = 1\n(x, y): int",
	"[x for x in y] = 1", "(x for x in y) = 1", "{} = 1", "{1} = 1",
	"... = 1", "a < b = 1", "a and b = 1", "lambda: 1 = 1", "x if y else z = 1", "x = 1 = 2",
	"(yield) = 1", "f'{x}' = 1", "not a = 1", "-a = 1", "[a, f()] = 1", "(a, 1) = 2",
	"del a + b", "del f(), g", "del *a", "x = 1\n  y = 2", "class A:\n\tpass\n        pass",
	"if x:\n pass\nelse\n pass", "while True:\n  x = 1\n else:\n  pass", "f(a, b for b in c)",
	"f(**a, b)", "x = 0b", "x = 0o", "x = 0xg", "x = 1.e", "x = 1e+", "x = 09",
	"x = 0_", "x = 1.5_", "x = 1__2.0", "s = '\\u12'", "s = '\\U1234'", "s = '\\U00110000'",
	"f'{x!}'", "f'{x!r'", "f'{x:{y}'", "f'{)}'", "f'{(}'", "f'{]}'",
	"x = [1, 2 3]", "x = {1: 2 3: 4}", "x = (1 2)", "f(a b=1)", "x = a.\n", "x = a..b",
	"def f(a, a=1, *, b, **c, d): pass", "lambda x=1, y: 0", "lambda *: 0", "def f(a:=1): pass",
	"class A(x for x in y): pass", "import a.", "from .. import", "from a import (b, c",
	"from a import b c", "global x,", "nonlocal x y", "raise x y", "return x y", "assert x y",
	"with a b: pass", "with (a as b: pass", "for x in y z: pass", "try:\n pass\nexcept A B:\n pass",
	"try:\n pass\nexcept A, B:\n pass", "try:\n pass\nelse:\n pass", "x = yield = 1",
	"def f():\n  x = yield from",
	"x = \\\n", "if x:\n\n\n  pass\n    y", "\tif x:\n pass", "x = 1\n\n\n\n)",
	"'''\nabc", "x = '\\", "z = 3 +\n4",
	"if x:\npass\n", "def f():\n  '''doc'''\n return 1", "x = [\n  1,\n  2\n  3\n]",
	"x = 1 if\n", "print(1, 2,, 3)", "x = {'a': 1, 'b'}", "f(,)", "x = 1 2 3",
	"x = 'a' 'b' 1", "class A:\npass", "while x:\nbreak", "with x:\nf()", "try:\nx", "for x in y:\nx",
	"if x:\n  a\nelif y:\nb", "if x:\n a\nelse:\nb", "try:\n a\nexcept:\nb", "try:\n a\nfinally:\nb",
	"x = 1\nx = 2)", "x = f(\n1,\n2,\n", "def f(x):\n  return (x\n\ndef g(): pass",
	// a learner's mistakes
	"if x:\n  pass\nelse if y:\n  pass", "x++", "x = 1 +* 2", "while True print(x)", "global counter = 0",
	"class = 1", "def class(): pass", "import = 1", "lambda x: return x", "d = {'a': 1 'b': 2}",
	"print('hello\")", "lock.acquire(\nprint(1)", "t = threading.Thread(target=f args=(1,))",
	"for i in range(10) print(i)", "def f(x):\n    return x\n  print(1)", "x = [1, 2, 3\nprint(x)",
	"if x:\nprint(x)", "print(f'{x!}')", "x = (1, 2))", "def f(self x): pass", "f(a, b c)",
	"with lock print(1)", "x = 1 if y else", "try:\n    x = 1\nexcept ValueError e:\n    pass",
	"def f():\n\treturn 1\n        return 2", "import threading as", "from threading import",
	"x = 'abc' 'def", "print(\"a\" \"b\" c)", "a = [x for x in]", "a = [for x in y]", "def f(*args, *more): pass",
	"def f(**kw, **more): pass", "x = {1: 2, 3: }", "x = (1 for)", "class A:\n    def f(self):\n    pass",
	"if 1:\n  pass\nelse x:\n  pass", "try x:\n  pass", "try:\n  pass\nfinally x:\n  pass", "class A x:\n  pass",
	"def f() x:\n  pass", "def f() -> int x:\n  pass", "x = {1: }", "x = {1:}", "x = {1: 2, **}", "f(a=1 b=2)",
	"f(a=1 b)", "f(a b=1)",
	"x = " + strings.Repeat("1", 4301), "x = 1_" + strings.Repeat("2", 5000),
	"x = '\\N{NOT A CHARACTER NAME}'", "x = '\\N{}'", "x = '\\N{EM DASH'", "x = f'\\N{NOPE} {x}'", "x = b'\\N{EM DASH}' + 1 +",
	// found by fuzzing
	"0[0,0 0", "if 0:\n0\"", "x = '\\x1' $", "x = b'é' $", "0ä", "for 0, in x: pass",
	"for 0, 1", "with 0 as A", "0(**0,0,0!", "f'{=}'", "f'{!r}'", "f'{:x}'", "f'{ =}'", "f'{ }'",
	"print(a b)\nx = 'unterminated", "f(a for a in b, c)\n$", "x = (1,\ny = 2", "(\r\r0 0!", "{0:{0:0}0",
	// not UTF-8
	"x\xd3 = 1", "\xff", "x = \"\xc3\"", "x = \"a\xc3\xa9\xe7\"", "x = \"\xed\xa0\x80\"", "x=1\ny = b\"\xd3\"",
	"x=1\n\xd3", "f\"\xd3{x}\"",
}

type cpyError struct {
	kind, msg    string
	line, offset int
}

// cpythonSyntaxErrors asks /usr/bin/python3's parser about each source
// (sent hex-encoded, since some are not UTF-8).
func cpythonSyntaxErrors(t *testing.T, script string, srcs []string) []*cpyError {
	t.Helper()
	hexes := make([]string, len(srcs))
	for i, s := range srcs {
		hexes[i] = hex.EncodeToString([]byte(s))
	}
	in, _ := json.Marshal(hexes)
	cmd := exec.Command(python, script)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	var raw [][]any
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatal(err)
	}
	res := make([]*cpyError, len(raw))
	for i, r := range raw {
		if r != nil {
			res[i] = &cpyError{r[0].(string), r[1].(string), int(r[2].(float64)), int(r[3].(float64))}
		}
	}
	return res
}

func TestSyntaxErrorsMatchCPython(t *testing.T) {
	want := cpythonSyntaxErrors(t, "testdata/errors.py", syntaxErrorCases)
	for i, src := range syntaxErrorCases {
		w := want[i]
		_, err := Parse("<test>", []byte(src))
		if w == nil {
			t.Errorf("%q: CPython parses it; the case is misplaced here", src)
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want %s: %s", src, err, w.kind, w.msg)
			continue
		}
		if w.kind == "MemoryError" || w.kind == "RecursionError" || w.kind == "ValueError" {
			// CPython gives up on the nesting with a non-SyntaxError;
			// ours must still be a located SyntaxError.
			if e.Pos.Line < 1 {
				t.Errorf("%q: error without a line: %v", src, e)
			}
			continue
		}
		got := cpyError{e.Kind.String(), e.Msg, int(e.Pos.Line), e.Offset()}
		if w.offset == 0 {
			got.offset = 0 // CPython gives no column
		}
		if got != *w {
			t.Errorf("%q:\n got  %s: %s (line %d, offset %d)\n want %s: %s (line %d, offset %d)",
				src, got.kind, got.msg, got.line, got.offset, w.kind, w.msg, w.line, w.offset)
		}
	}
}

// TestUnsupported: the constructs threadlab's Python leaves out get an
// error that says so.
func TestUnsupported(t *testing.T) {
	for _, src := range []string{
		"async def f(): pass",
		"def f():\n    await x",
		"match x:\n    case 1: pass",
		"try:\n    pass\nexcept* E:\n    pass",
		"# coding: iso-8859-5\nx = '\xb0'\n",
	} {
		_, err := Parse("<t>", []byte(src))
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Msg, "not supported by threadlab's Python") {
			t.Errorf("%q: got %v, want an error saying it is not supported", src, err)
		}
	}
}

// TestIncomplete: Error.Incomplete tells incomplete input from invalid
// input as Python's codeop.compile_command does.
func TestIncomplete(t *testing.T) {
	srcs := []string{"if x:", "if x:\n  pass", "x = (1,", "x = 1 +", "\"\"\"abc", "x = \\", "try:\n  pass",
		"@dec", "def f():", "x = 1", "x = )", "for i in y:\n", "class A:\n  def f(self):", "print('a",
		"x = [1,\n2", "while True:\n    if x:", "x = f(1,\n  2", "@a\n@b", "with a as b:", "x = '''\n",
		"if x:\n  pass\nelse:", "def f(:", "x = {", "try:\n  pass\nexcept:", "lambda x:", "x = 1 if y else",
	}
	script := `import codeop, json, sys
out = []
for s in json.load(sys.stdin):
    try:
        out.append("incomplete" if codeop.compile_command(s, "<i>", "exec") is None else "complete")
    except SyntaxError:
        out.append("invalid")
print(json.dumps(out))`
	in, _ := json.Marshal(srcs)
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("codeop: %v", err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, src := range srcs {
		got := "complete"
		if _, err := Parse("<i>", []byte(src)); err != nil {
			got = "invalid"
			if err.(*Error).Incomplete {
				got = "incomplete"
			}
		}
		if got != want[i] {
			t.Errorf("%q: %s, codeop says %s", src, got, want[i])
		}
	}
}
