package lessons

import (
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Threads that run at the same time as other Starlark code (GIL off, or a
// Process) must not share mutable Starlark values: go.starlark.net values
// are not safe to change from two goroutines at once. So when such a
// thread starts, everything its target can reach is frozen: its arguments,
// its closure, and the globals its code (and the global functions it
// calls) names. Other globals stay mutable, so cell code can go on
// filling a list of workers while they run.

// posKey identifies a def or lambda by where it starts.
type posKey struct {
	file      string
	line, col int32
}

func keyOf(p syntax.Position) posKey { return posKey{p.Filename(), p.Line, p.Col} }

// globalRefs maps each function's position to the global names its body
// uses.
type globalRefs struct {
	mu   sync.RWMutex
	refs map[posKey][]string
}

// note records the globals used by every def and lambda of a rewritten
// cell, whose global references all read __ns__.name.
func (g *globalRefs) note(stmts []syntax.Stmt) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.refs == nil {
		g.refs = map[posKey][]string{}
	}
	var walkFn func(n syntax.Node) bool
	walkFn = func(n syntax.Node) bool {
		var pos syntax.Position
		switch n := n.(type) {
		case *syntax.DefStmt:
			pos = n.Def
		case *syntax.LambdaExpr:
			pos = n.Lambda
		default:
			return true
		}
		seen := map[string]bool{}
		var names []string
		syntax.Walk(n, func(m syntax.Node) bool {
			if d, ok := m.(*syntax.DotExpr); ok {
				if x, ok := d.X.(*syntax.Ident); ok && x.Name == nsName && !seen[d.Name.Name] {
					seen[d.Name.Name] = true
					names = append(names, d.Name.Name)
				}
			}
			return true
		})
		g.refs[keyOf(pos)] = names
		return true
	}
	for _, st := range stmts {
		syntax.Walk(st, walkFn)
	}
}

func (g *globalRefs) of(fn *starlark.Function) []string {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.refs[keyOf(fn.Position())]
}

// freezeReachable freezes v and, for functions, the globals they name,
// following global functions transitively.
func (s *Session) freezeReachable(vs ...starlark.Value) {
	seen := map[string]bool{}
	var visit func(v starlark.Value)
	visit = func(v starlark.Value) {
		v.Freeze()
		fn, ok := v.(*starlark.Function)
		if !ok {
			return
		}
		for _, name := range s.refs.of(fn) {
			if seen[name] {
				continue
			}
			seen[name] = true
			if g, ok := s.ns.Get(name); ok {
				visit(g)
			}
		}
	}
	for _, v := range vs {
		visit(v)
	}
}
