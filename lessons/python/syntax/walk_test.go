package syntax

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// cpythonClass names the CPython ast class of n, or "" for the names
// CPython keeps as strings.
func cpythonClass(n Node) string {
	switch n.(type) {
	case *IntLit, *FloatLit, *ImagLit, *StrLit, *BytesLit, *NameConst:
		return "Constant"
	case *ExprStmt:
		return "Expr"
	case *BoolOpExpr:
		return "BoolOp"
	case *BinOpExpr:
		return "BinOp"
	case *UnaryOpExpr:
		return "UnaryOp"
	case *DictExpr:
		return "Dict"
	case *SetExpr:
		return "Set"
	case *ListExpr:
		return "List"
	case *TupleExpr:
		return "Tuple"
	case *Ident:
		return "Name"
	case *Arguments:
		return "arguments"
	case *Arg:
		return "arg"
	case *Keyword:
		return "keyword"
	case *Alias:
		return "alias"
	case *WithItem:
		return "withitem"
	case *Comprehension:
		return "comprehension"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", n), "*syntax.")
}

// countNodes counts the nodes Walk visits by CPython class, leaving out
// the Idents that stand for CPython's name strings.
func countNodes(m *Module) string {
	counts := map[string]int{}
	names := map[*Ident]bool{}
	Walk(m, func(n Node) bool {
		switch n := n.(type) {
		case *Module:
			return true
		case *FunctionDef:
			names[n.Name] = true
		case *ClassDef:
			names[n.Name] = true
		case *Arg:
			names[n.Name] = true
		case *ExceptHandler:
			names[n.Name] = true
		case *Global:
			for _, id := range n.Names {
				names[id] = true
			}
		case *Nonlocal:
			for _, id := range n.Names {
				names[id] = true
			}
		case *Alias:
			names[n.Bind] = true
		case *Ident:
			if names[n] {
				return true
			}
		}
		counts[cpythonClass(n)]++
		return true
	})
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %d\n", k, counts[k])
	}
	return b.String()
}

// TestWalkVisitsWhatCPythonHas: Walk reaches as many nodes of each kind
// as ast.walk does in CPython's tree.
func TestWalkVisitsWhatCPythonHas(t *testing.T) {
	files, _ := filepath.Glob("testdata/parse/*.py")
	std, _ := filepath.Glob("/usr/lib/python3.11/*.py")
	sort.Strings(std)
	files = append(files, std[:min(len(std), 40)]...)
	out, err := exec.Command(python, append([]string{"testdata/count.py"}, files...)...).Output()
	if err != nil {
		t.Fatalf("count.py: %v", err)
	}
	want := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(string(out), "\n") {
		if n, ok := strings.CutPrefix(line, "== "); ok {
			name = strings.TrimSpace(n)
			continue
		}
		want[name] += line
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(f, src)
		if err != nil || strings.HasPrefix(want[f], "!!") {
			continue // async or match, which the CPython comparisons account for
		}
		if got := countNodes(m); got != want[f] {
			t.Errorf("%s: Walk counts\n%s\nCPython's ast.walk\n%s", f, got, want[f])
		}
	}
}
