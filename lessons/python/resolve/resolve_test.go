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

const python = "/usr/bin/python3"

// canonScopes prints the scope tree in testdata/scopes.py's form.
func canonScopes(top *scope) string {
	type row struct {
		line       int32
		kind, name string
		order      int
		syms       string
	}
	var rows []row
	var walk func(s *scope)
	walk = func(s *scope) {
		kind, name := "function", strings.Trim(s.fn.Name, "<>")
		var line int32
		switch s.fn.Kind {
		case ModuleKind:
			kind, name = "module", "top"
		case ClassKind:
			kind = "class"
		}
		if s.fn.Kind != ModuleKind {
			start, _ := s.fn.Node.Span()
			line = start.Line
		}
		var syms []string
		for _, sym := range s.order {
			syms = append(syms, sym.name+"="+strings.ToUpper(sym.scope.String()))
		}
		for _, name := range s.pass {
			if s.syms[name] == nil {
				syms = append(syms, name+"=FREE")
			}
		}
		sort.Strings(syms)
		rows = append(rows, row{line, kind, name, len(rows), strings.Join(syms, " ")})
		for _, c := range s.children {
			walk(c)
		}
	}
	walk(top)
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.line != b.line {
			return a.line < b.line
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return a.name < b.name
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d %s %s: %s\n", r.line, r.kind, r.name, r.syms)
	}
	return b.String()
}

func cpythonScopes(t *testing.T, files []string) map[string]string {
	out, err := exec.Command(python, append([]string{"testdata/scopes.py"}, files...)...).Output()
	if err != nil {
		t.Fatalf("scopes.py: %v", err)
	}
	res := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(string(out), "\n") {
		if n, ok := strings.CutPrefix(line, "== "); ok {
			name = strings.TrimSpace(n)
			continue
		}
		res[name] += line
	}
	return res
}

func usesUnsupported(src string) bool {
	for _, w := range []string{"async ", "await ", "match ", "except*"} {
		if strings.Contains(src, w) {
			return true
		}
	}
	return false
}

func compareScopes(t *testing.T, files []string) {
	want := cpythonScopes(t, files)
	compared := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w := want[f]
		if strings.HasPrefix(w, "!!") {
			continue
		}
		m, err := syntax.Parse(f, src)
		if err != nil {
			if usesUnsupported(string(src)) {
				continue
			}
			t.Errorf("%s: %v", f, err)
			continue
		}
		top, err := resolveFile(m, src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		compared++
		checkIdents(t, f, top)
		if got := canonScopes(top); got != w {
			gl, wl := strings.Split(got, "\n"), strings.Split(w, "\n")
			for i := 0; i < len(gl) && i < len(wl); i++ {
				if gl[i] != wl[i] {
					t.Errorf("%s: scopes differ from CPython's symtable:\n ours:    %s\n cpython: %s", f, gl[i], wl[i])
					break
				}
			}
			if len(gl) != len(wl) {
				t.Errorf("%s: %d scopes, CPython has %d", f, len(gl), len(wl))
			}
		}
	}
	t.Logf("compared the scopes of %d files with CPython's symtable", compared)
	if compared == 0 {
		t.Error("nothing compared")
	}
}

func TestScopesCorpusMatchCPython(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.py")
	more, _ := filepath.Glob("../syntax/testdata/parse/*.py")
	files = append(files, more...)
	var keep []string
	for _, f := range files {
		if !strings.HasSuffix(f, "scopes.py") && !strings.HasSuffix(f, "errors.py") {
			keep = append(keep, f)
		}
	}
	compareScopes(t, keep)
}

func TestScopesStdlibMatchCPython(t *testing.T) {
	files, _ := filepath.Glob("/usr/lib/python3.11/*.py")
	sort.Strings(files)
	if testing.Short() {
		files = files[:min(len(files), 20)]
	}
	compareScopes(t, files)
}

// checkIdents fails if an Ident of the scope tree has no Binding, or one
// of another name.
func checkIdents(t *testing.T, file string, s *scope) {
	for _, id := range s.idents {
		b, ok := id.Binding.(*Binding)
		if !ok || b.Name != Mangle(s.fn.Class, id.Name) {
			t.Errorf("%s:%d:%d: %s has binding %v", file, id.Pos.Line, id.Pos.Col, id.Name, id.Binding)
			return
		}
	}
	checkSlots(t, file, s.fn)
	for _, c := range s.children {
		checkIdents(t, file, c)
	}
}

// checkSlots fails unless every binding of fn sits at its Index in the
// list its Scope names, and every free variable's Outer is a Cell or
// Free binding of the same name at its place in the enclosing Function.
func checkSlots(t *testing.T, file string, fn *Function) {
	lists := map[Scope][]*Binding{Local: fn.Locals, Cell: fn.Cells, Free: fn.FreeVars}
	for scope, list := range lists {
		for i, b := range list {
			if b.Scope != scope || b.Index != i {
				t.Errorf("%s: %s: %s is %s #%d at place %d of its list", file, fn.Name, b.Name, b.Scope, b.Index, i)
			}
		}
	}
	for _, b := range fn.FreeVars {
		o := b.Outer
		if o == nil || o.Name != b.Name {
			t.Errorf("%s: %s: free %s captures %v", file, fn.Name, b.Name, o)
			continue
		}
		p := fn.Parent
		if o.Scope == Cell && (o.Index >= len(p.Cells) || p.Cells[o.Index] != o) ||
			o.Scope == Free && (o.Index >= len(p.FreeVars) || p.FreeVars[o.Index] != o) ||
			o.Scope != Cell && o.Scope != Free {
			t.Errorf("%s: %s: free %s captures a %s that is not in %s", file, fn.Name, b.Name, o.Scope, p.Name)
		}
	}
	for _, b := range fn.Params {
		if b.Scope != Local && b.Scope != Cell {
			t.Errorf("%s: %s: parameter %s is %s", file, fn.Name, b.Name, b.Scope)
		}
	}
}
