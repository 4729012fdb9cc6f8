package resolve

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"

	"threadlab/lessons/python/syntax"
)

var warningCases = []string{
	"x is 1", "x is not 'a'", "1 is x", "x is None", "x is -1", "x is (1, 2)", "x is ()", "x is [1]",
	"x is f'a'", "x is 1.5", "a < b is 2", "assert (x, 'm')", "assert ()", "(1, 2)(3)", "[1](2)",
	"'a'(1)", "f'{x}'(1)", "None(1)", "{1}(2)", "(x for x in y)(1)", "x = [(1, 2) (3, 4)]", "5[0]",
	"'abc'['a']", "(1,2)['a']", "[1,2][1.5]", "x is ...;y is True", "if x is 1:\n    print(x is 2)",
	"x is 1 + 2", "x is b'a'", "x is 1j", "x is not -1.5", "(lambda: 1)[0]", "{1}[0]",
	"x is (1, (2, 3))", "x is (1, y)", "'%s' is x", "x is 1 / 0", "x is 2 ** 3", "x is 'a' * 2",
	"x is ~1", "x is not not 1", "x = {1: 2}(3)", "[x for x in y](1)", "(lambda: 1)(2)", "x = 'ab'[1:2]",
	"x = (1, 2)[x]", "x = [1][(1, 2)]", "x = b'ab'[None]", "def f():\n    assert (1, 2)\n    return f is 3",
	"class C:\n    x = 1 is 1", "x[1.5] = 2", "del 'a'['b']", "x = {1}[0] is 2",
	"x is 2 ** -1", "x is b'a' * 2", "x is 2 * 'a'", "x is (1,) + (2,)", "x is 'a' + 'b'", "x is 1 % 2",
	"x is 1 // 0", "x is 1 << 2", "x is 0.5 * 2", "x is 1 | 2", "x is 1.5 // 2", "x is 1j % 2", "x is 1.5 & 1",
}

func TestWarningsMatchCPython(t *testing.T) {
	in, _ := json.Marshal(warningCases)
	cmd := exec.Command(python, "testdata/warnings.py")
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("warnings.py: %v", err)
	}
	var want [][][]any
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, src := range warningCases {
		m, err := syntax.Parse("<test>", []byte(src))
		if err == nil {
			err = File(m, []byte(src))
		}
		if err != nil {
			if want[i] != nil {
				t.Errorf("%q: %v", src, err)
			}
			continue
		}
		var got [][]any
		for _, w := range m.Scope.(*Function).Warnings {
			if w.Kind != syntax.SyntaxWarning {
				t.Errorf("%q: warning of kind %s", src, w.Kind)
			}
			got = append(got, []any{w.Msg, float64(w.Pos.Line)})
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want[i])
		if len(got) == 0 && len(want[i]) == 0 {
			continue
		}
		if string(g) != string(w) {
			t.Errorf("%q:\n got  %s\n want %s", src, g, w)
		}
	}
}
