package complete

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// bindings binds names in every way a module can.
const bindings = `import os.path, collections as col
from queue import (Queue as Q, Empty)
from threading import *
a, (b, *c) = d = [1, (2, 3, 4)]
e: int
f: int = 5
g += 1 if False else 0
h = [i for i in range(3)]
obj.attr = lookup[key] = call(arg)[k2] = 0
for (p, q) in [(1, 2)]: r = p
with open(os.devnull) as s, open(os.devnull) as (t1): pass
try:
    import json
except (ValueError, KeyError) as err:
    u = 1
finally:
    v = 2
def one(w=1): return w
class Box:
    inside = 1
    def method(self, y):
        z = y
        return z
if True: aa = 1; bb = 2
else:
    cc = lambda dd, ee=1: dd
while (ff := 0): gg = 1
@staticmethod
def decorated(): hh = 1
`

// symtableSources returns the programs the symtable tests read: this
// package's test program and bindings, then those of
// lessons/pyhost/testdata, whose paths it also returns.
func symtableSources(t *testing.T) (srcs, paths []string) {
	t.Helper()
	paths, err := filepath.Glob("../pyhost/testdata/*.py")
	if err != nil || len(paths) < 40 {
		t.Fatalf("want the 40 and more programs of lessons/pyhost/testdata, have %d (%v)", len(paths), err)
	}
	srcs = []string{program, bindings}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	return srcs, paths
}

// TestCellNamesMatchSymtable: the names a cell binds at module level, read
// from its tokens, are those CPython's symtable finds assigned or imported
// in the module's scope, for every program of lessons/pyhost/testdata and
// this package's test program.
func TestCellNamesMatchSymtable(t *testing.T) {
	srcs, paths := symtableSources(t)
	script := `import json, symtable, sys
out = []
for src in json.load(sys.stdin):
    table = symtable.symtable(src, "<cell>", "exec")
    out.append(sorted(s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()))
print(json.dumps(out))`
	in, _ := json.Marshal(srcs)
	var want [][]string
	if err := json.Unmarshal(runPython(t, script, in), &want); err != nil {
		t.Fatal(err)
	}
	for i, src := range srcs {
		toks, _ := lex(src)
		got := cellNames(toks)
		sort.Strings(got)
		got = slices.Compact(got)
		if !slices.Equal(got, want[i]) {
			name := []string{"program", "bindings"}[min(i, 1)]
			if i > 1 {
				name = filepath.Base(paths[i-2])
			}
			t.Errorf("%s: cellNames %q, symtable %q", name, got, want[i])
		}
	}
}

// TestFunctionNamesMatchSymtable: at the end of each function's body, the
// innermost scope holds the parameters and locals CPython's symtable
// finds for that function (names declared global or nonlocal left out).
func TestFunctionNamesMatchSymtable(t *testing.T) {
	srcs, _ := symtableSources(t)
	script := `import ast, json, symtable, sys
out = []
for i, src in enumerate(json.load(sys.stdin)):
    ends = {(n.name, n.lineno): n.end_lineno for n in ast.walk(ast.parse(src))
            if isinstance(n, ast.FunctionDef)}
    todo = [symtable.symtable(src, "<cell>", "exec")]
    while todo:
        table = todo.pop()
        todo.extend(table.get_children())
        if table.get_type() != "function" or (table.get_name(), table.get_lineno()) not in ends:
            continue
        local = sorted(s.get_name() for s in table.get_symbols()
                       if (s.is_parameter() or s.is_assigned() or s.is_imported())
                       and not s.is_declared_global() and not s.is_nonlocal())
        out.append([i, ends[(table.get_name(), table.get_lineno())], table.get_name(), local])
print(json.dumps(out))`
	in, _ := json.Marshal(srcs)
	var want []struct {
		Src, End int
		Name     string
		Locals   []string
	}
	var rows [][]any
	if err := json.Unmarshal(runPython(t, script, in), &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		locals := []string{}
		for _, n := range r[3].([]any) {
			locals = append(locals, n.(string))
		}
		want = append(want, struct {
			Src, End int
			Name     string
			Locals   []string
		}{int(r[0].(float64)), int(r[1].(float64)), r[2].(string), locals})
	}
	if len(want) < 60 {
		t.Fatalf("only %d functions to compare", len(want))
	}
	for _, w := range want {
		lines := strings.SplitAfter(srcs[w.Src], "\n")
		// The cursor at the end of the body's last line.
		toks, _ := lex(strings.TrimRight(strings.Join(lines[:w.End], ""), "\n"))
		open := scopes(toks)
		top := open[len(open)-1]
		got := []string{}
		for _, n := range top.names {
			if !top.declared[n] {
				got = append(got, n)
			}
		}
		sort.Strings(got)
		got = slices.Compact(got)
		if !top.def || !slices.Equal(got, w.Locals) {
			t.Errorf("source %d, %s (ends on line %d): names %q (a function: %v), symtable %q", w.Src, w.Name, w.End, got, top.def, w.Locals)
		}
	}
}
