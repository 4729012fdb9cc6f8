package resolve

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"threadlab/lessons/python/syntax"
)

// canonCodes prints the Functions below the module in
// testdata/codes.py's form.
func canonCodes(top *scope) string {
	var lines []string
	names := func(bs []*Binding, sorted bool) string {
		list := make([]string, len(bs))
		for i, b := range bs {
			list[i] = "'" + b.Name + "'"
		}
		if sorted {
			sort.Strings(list)
		}
		return "[" + strings.Join(list, ", ") + "]"
	}
	var walk func(s *scope)
	walk = func(s *scope) {
		for _, c := range s.children {
			fn := c.fn
			start, _ := fn.Node.Span()
			line := start.Line
			// CPython counts a decorated def or class from its first decorator.
			switch n := fn.Node.(type) {
			case *syntax.FunctionDef:
				if len(n.Decorators) > 0 {
					line, _ = decoratorLine(n.Decorators[0])
				}
			case *syntax.ClassDef:
				if len(n.Decorators) > 0 {
					line, _ = decoratorLine(n.Decorators[0])
				}
			}
			gen := 0
			if fn.Generator {
				gen = 1
			}
			lines = append(lines, fmt.Sprintf("%d %s %s: params=%s locals=%s cells=%s free=%s gen=%d",
				line, fn.Name, fn.QualName, names(fn.Params, false), names(fn.Locals, true), names(fn.Cells, true),
				names(fn.FreeVars, true), gen))
			walk(c)
		}
	}
	walk(top)
	sort.Strings(lines)
	future := 0
	if top.fn.FutureAnnotations {
		future = 1
	}
	return strings.Join(append(lines, fmt.Sprintf("future_annotations=%d", future)), "\n")
}

func decoratorLine(e syntax.Expr) (int32, int32) {
	s, _ := e.Span()
	return s.Line, s.Col
}

func TestCodeObjectsMatchCPython(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.py")
	more, _ := filepath.Glob("../syntax/testdata/parse/*.py")
	std, _ := filepath.Glob("/usr/lib/python3.11/*.py")
	sort.Strings(std)
	if testing.Short() {
		std = std[:min(len(std), 20)]
	}
	files = append(append(files, more...), std...)
	out, err := exec.Command(python, append([]string{"testdata/codes.py"}, files...)...).Output()
	if err != nil {
		t.Fatalf("codes.py: %v", err)
	}
	want := map[string]string{}
	var name string
	for _, line := range strings.Split(string(out), "\n") {
		if n, ok := strings.CutPrefix(line, "== "); ok {
			name = n
		} else if line != "" {
			want[name] += line + "\n"
		}
	}
	compared := 0
	for _, f := range files {
		w := strings.TrimSuffix(want[f], "\n")
		if strings.HasPrefix(w, "!!") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := syntax.Parse(f, src)
		if err != nil {
			continue // async or match, which threadlab leaves out
		}
		top, err := resolveFile(m, src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		compared++
		if got := canonCodes(top); got != w {
			gl, wl := strings.Split(got, "\n"), strings.Split(w, "\n")
			for i := 0; i < len(gl) && i < len(wl); i++ {
				if gl[i] != wl[i] {
					t.Errorf("%s: code objects differ from CPython's:\n ours:    %s\n cpython: %s", f, gl[i], wl[i])
					break
				}
			}
			if len(gl) != len(wl) {
				t.Errorf("%s: %d code objects, CPython has %d", f, len(gl), len(wl))
			}
		}
	}
	t.Logf("compared the code objects of %d files with CPython's", compared)
}
