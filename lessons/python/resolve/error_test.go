package resolve

import (
	"bytes"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"threadlab/lessons/python/syntax"
)

// compileErrorCases are sources CPython's symbol table or compiler
// rejects (or, for a few, accepts); what it says comes from running
// testdata/errors.py at test time.
var compileErrorCases = []string{
	"return 1", "break", "continue", "class A:\n  return 1", "x = yield 1", "x = (yield)",
	"def f():\n  x = 1\n  global x", "nonlocal x", "def f():\n  nonlocal x", "def f(a, a): pass",
	"def f():\n  x: int = 1\n  global x", "lambda x, x: 1", "x = 1\nglobal x",
	"def f():\n  print(x)\n  global x", "def f():\n  global x\n  nonlocal x", "def f(x):\n  global x",
	"class A:\n  nonlocal x", "[x := 1 for x in y]", "class A:\n  [y := 1 for x in z]",
	"[i for i in (j := 1)]", "def f(x):\n  nonlocal x", "f(x=1, x=2)", "x = *a", "a, *b, *c = 1",
	"*a = 1", "__debug__ = 1", "def f():\n  global x\n  x: int", "def f():\n  nonlocal x\n  x = 1",
	"def f():\n  x = 1\n  def g():\n    x = 2\n    nonlocal x", "def f():\n  def g():\n    nonlocal x\n  x = 1",
	"def f():\n  x = 1\n  class C:\n    nonlocal x\n    x = 2", "def f():\n  from m import *",
	"try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass", "[(yield) for x in y]",
	"def f():\n  [(yield) for x in y]", "def f():\n  {(yield) for x in y}", "def f():\n  {x: (yield) for x in y}",
	"def f():\n  ((yield) for x in y)", "for x in y:\n  def f():\n    break", "while x:\n  class C:\n    continue",
	"for x in y:\n  pass\nelse:\n  break", "def f():\n  return\nreturn", "print(*a)", "x = *a, *b",
	"f(**a, *b)", "a[*b]", "*a, b = c", "[*a] = b", "x = [*a, *b]", "x = {*a}", "del *a, b",
	"def f():\n  x = 1\n  del x\n  def g():\n    return x", "def f():\n  global x\n  def g():\n    nonlocal x",
	"def f():\n  [[(j := 1) for i in x] for j in y]", "def f():\n  [i for i in range(3) if (i := 1)]",
	"def f():\n  return [(z := i) for i in range(3)], z", "x = [y := 1, y]", "def f(*, a, a): pass",
	"def f(a, *a): pass", "def f(a, **a): pass", "class A:\n  def f(self):\n    super().f()",
	"lambda: (yield)", "def f():\n  yield\n  return 1", "class C:\n  x = [(yield) for a in b]",
	"with a as b, c as b: pass", "import a.b.c as d, e", "from . import x as y",
	"def f():\n  try:\n    pass\n  finally:\n    return", "for i in x:\n  try:\n    pass\n  finally:\n    continue",
	"def f():\n  x = 1\n  global x\n", "def f():\n  del x\n  global x", "def f():\n  for x in y: pass\n  global x",
	"def f():\n  import x\n  global x", "def f():\n  def x(): pass\n  global x", "def f():\n  class x: pass\n  global x",
	"def f():\n  with a as x: pass\n  global x", "def f():\n  try: pass\n  except E as x: pass\n  global x",
	"def f():\n  (x := 1)\n  global x", "def f():\n  x += 1\n  global x",
	"def f(__debug__): pass", "def __debug__(): pass", "class __debug__: pass", "import x as __debug__",
	"for __debug__ in x: pass", "del __debug__", "f(__debug__=1)", "lambda __debug__: 1",
	"try: pass\nexcept E as __debug__: pass", "with x as __debug__: pass", "(__debug__ := 1)",
	"x.__debug__ = 1", "global __debug__", "__debug__ += 1", "[__debug__ for __debug__ in x]",
	"from m import __debug__", "del x.__debug__", "print(__debug__)",
	"\"\"\"doc\"\"\"\nfrom __future__ import annotations\nx = 1", "x = 1\nfrom __future__ import annotations",
	"from __future__ import braces", "from __future__ import nope", "from __future__ import annotations, generators as g",
	"\"\"\"doc\"\"\"\n\"\"\"two\"\"\"\nfrom __future__ import annotations", "def f():\n    from __future__ import annotations",
	"from __future__ import *", "# c\n\nfrom __future__ import annotations\nfrom __future__ import division\nimport os\nfrom __future__ import generators",
	"from __future__ import (annotations)", "from . import __future__", "from .__future__ import x", "import __future__",
	"def f():\n  return 1\nfrom __future__ import nope", "x = 1\nfrom __future__ import nope",
}

func TestCompileErrorsMatchCPython(t *testing.T) {
	in, _ := json.Marshal(compileErrorCases)
	cmd := exec.Command(python, "testdata/errors.py")
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("errors.py: %v", err)
	}
	var want [][]any
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, src := range compileErrorCases {
		m, err := syntax.Parse("<test>", []byte(src))
		if err == nil {
			err = File(m, []byte(src))
		}
		w := want[i]
		if w == nil {
			if err != nil {
				t.Errorf("%q: CPython compiles it; we say %v", src, err)
			}
			continue
		}
		var e *syntax.Error
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want %v", src, err, w)
			continue
		}
		got := []any{e.Kind.String(), e.Msg, float64(e.Pos.Line), float64(e.Offset())}
		for j := range got {
			if got[j] != w[j] {
				t.Errorf("%q:\n got  %v\n want %v", src, got, w)
				break
			}
		}
	}
}

// nested returns k statements each nested in the one before: head
// opens each; inner ends the innermost; tail closes each level.
func nested(k int, head, inner, tail string) string {
	var b strings.Builder
	for i := 0; i < k; i++ {
		b.WriteString(strings.Repeat(" ", i) + head + "\n")
	}
	b.WriteString(strings.Repeat(" ", k) + inner + "\n")
	for i := k - 1; i >= 0 && tail != ""; i-- {
		b.WriteString(strings.Repeat(" ", i) + tail + "\n" + strings.Repeat(" ", i+1) + "pass\n")
	}
	return b.String()
}

func init() {
	for _, k := range []int{19, 20, 21} {
		compileErrorCases = append(compileErrorCases,
			nested(k, "for x in y:", "pass", ""),
			nested(k, "while x:", "pass", ""),
			nested(k, "with a:", "pass", ""),
			nested(k/2+1, "with a, b:", "pass", ""),
			nested(k, "try:", "pass", "finally:"),
			nested(k, "try:", "pass", "except E:"),
			nested(k, "try:", "pass", "except E as e:"),
			nested(k/2, "try:", "pass", "except:"),
			nested(k, "if x:", "pass", ""),
			nested(k-1, "for x in y:", "try:\n"+strings.Repeat(" ", k)+" pass\n"+strings.Repeat(" ", k)+"finally:\n"+strings.Repeat(" ", k)+" pass", ""),
		)
	}
	var b strings.Builder
	for i := 0; i < 12; i++ {
		in := strings.Repeat(" ", 2*i)
		b.WriteString(in + "try:\n" + in + " pass\n" + in + "except E:\n")
	}
	b.WriteString(strings.Repeat(" ", 24) + "pass\n")
	compileErrorCases = append(compileErrorCases, b.String())
}
