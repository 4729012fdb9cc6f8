package compile

import (
	"testing"

	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// TestUnresolved checks that the compiler refuses a tree the resolver
// has not annotated with a SyntaxError that says so.
func TestUnresolved(t *testing.T) {
	m, err := syntax.Parse("t.py", []byte("def f(x):\n    return x\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Module(m, false)
	e, ok := err.(*syntax.Error)
	if !ok || e.Msg != "threadlab compiler: the module was not resolved" {
		t.Fatalf("Module of an unresolved tree: got %v (%T)", err, err)
	}
}

// TestSlots checks the layout of a function's code against its
// resolved scope: the parameters first (a captured one too), cells
// initialised from their parameter slots, free variables in order.
func TestSlots(t *testing.T) {
	src := "def f(a, b, *c):\n    d = 1\n    def g():\n        return a + d\n    return g\n"
	m, err := syntax.Parse("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := resolve.File(m, []byte(src)); err != nil {
		t.Fatal(err)
	}
	code, err := Module(m, false)
	if err != nil {
		t.Fatal(err)
	}
	var f, g *Code
	for _, c := range code.Consts {
		if c, ok := c.(*Code); ok && c.Name == "f" {
			f = c
		}
	}
	for _, c := range f.Consts {
		if c, ok := c.(*Code); ok && c.Name == "g" {
			g = c
		}
	}
	if f == nil || g == nil {
		t.Fatalf("no code for f or g in %v", code.Consts)
	}
	fn := m.Body[0].(*syntax.FunctionDef).Scope.(*resolve.Function)
	for i, p := range fn.Params {
		if f.Locals[i] != p.Name {
			t.Errorf("f.Locals[%d] = %q, want parameter %q", i, f.Locals[i], p.Name)
		}
	}
	for i, b := range fn.Cells {
		want := -1
		for j, p := range fn.Params {
			if p == b {
				want = j
			}
		}
		if f.Cells[i] != b.Name || f.CellParam[i] != want {
			t.Errorf("f cell %d = %q from slot %d, want %q from slot %d", i, f.Cells[i], f.CellParam[i], b.Name, want)
		}
	}
	gfn := fn.Node.(*syntax.FunctionDef).Body[1].(*syntax.FunctionDef).Scope.(*resolve.Function)
	if len(g.Frees) != len(gfn.FreeVars) {
		t.Fatalf("g.Frees = %q, want %d free variables", g.Frees, len(gfn.FreeVars))
	}
	for i, b := range gfn.FreeVars {
		if g.Frees[i] != b.Name {
			t.Errorf("g.Frees[%d] = %q, want %q", i, g.Frees[i], b.Name)
		}
	}
}
