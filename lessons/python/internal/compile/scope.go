package compile

import (
	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// scopeKind is the kind of a namespace.
type scopeKind uint8

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
)

type nameFlags uint16

const (
	fBound nameFlags = 1 << iota
	fUsed
	fGlobal
	fNonlocal
	fParam
	fCaptured // used by an inner function: a cell
)

// scope records how a module, function, class body or comprehension uses
// its names. Resolution follows Python's rules: a name bound in a function
// is local unless declared global or nonlocal; a name neither bound nor
// declared is found in the nearest enclosing function that binds it (a
// free variable), else it is global. Class bodies do not enclose the
// functions defined in them, except for the implicit __class__ cell used
// by super().
type scope struct {
	kind     scopeKind
	name     string
	qualname string
	parent   *scope
	flags    map[string]nameFlags
	order    []string // names in first-seen order, for stable slots
	params   []string
	frees    []string // resolved free variables, in order
	cells    []string // resolved cell variables, in order
	children []*scope
	gen      bool
	isComp   bool
	hasDoc   bool
	class    string // the innermost enclosing class, whose name private names are mangled with
}

func newScope(kind scopeKind, name string, parent *scope) *scope {
	s := &scope{kind: kind, name: name, parent: parent, flags: map[string]nameFlags{}}
	if kind == classScope {
		s.class = name
	} else if parent != nil {
		s.class = parent.class
	}
	if parent != nil {
		parent.children = append(parent.children, s)
		switch {
		case parent.kind == moduleScope:
			s.qualname = name
		case parent.kind == classScope:
			s.qualname = parent.qualname + "." + name
		default:
			s.qualname = parent.qualname + ".<locals>." + name
		}
	}
	return s
}

// mangle turns a private name (__x) used inside a class into the name
// it is stored under (_Class__x).
func (s *scope) mangle(name string) string {
	if s.class == "" {
		return name
	}
	return resolve.Mangle(s.class, name)
}

func (s *scope) mark(name string, f nameFlags) {
	name = s.mangle(name)
	old, ok := s.flags[name]
	if !ok {
		s.order = append(s.order, name)
	}
	s.flags[name] = old | f
}

// binding is how the compiler reaches a name.
type binding uint8

const (
	bindFast   binding = iota // a fast local slot
	bindDeref                 // a cell or free variable
	bindGlobal                // module globals, then builtins
	bindName                  // class body: namespace, then globals, then builtins
)

// lookup resolves name as used in s.
func (s *scope) lookup(name string) binding {
	f := s.flags[name]
	switch s.kind {
	case moduleScope:
		return bindGlobal
	case classScope:
		if f&fGlobal != 0 {
			return bindGlobal
		}
		if f&fNonlocal != 0 || (f&fBound == 0 && s.isFree(name)) {
			return bindDeref
		}
		return bindName
	}
	if f&fGlobal != 0 {
		return bindGlobal
	}
	if s.isCell(name) || s.isFree(name) {
		return bindDeref
	}
	if f&fBound != 0 {
		return bindFast
	}
	return bindGlobal
}

func (s *scope) isFree(name string) bool {
	for _, n := range s.frees {
		if n == name {
			return true
		}
	}
	return false
}

func (s *scope) isCell(name string) bool {
	for _, n := range s.cells {
		if n == name {
			return true
		}
	}
	return false
}

// resolve computes cells and frees for s and its children (after the
// whole tree has been scanned).
func (s *scope) resolve() {
	for _, c := range s.children {
		c.resolve()
	}
	// names a child needs from outside it
	for _, c := range s.children {
		for _, name := range c.frees {
			s.provide(name)
		}
	}
}

// provide handles a child's request for name: s binds it (a cell), or
// passes it on as one of its own free variables.
func (s *scope) provide(name string) {
	f := s.flags[name]
	switch s.kind {
	case moduleScope:
		return
	case classScope:
		if name == "__class__" {
			if !s.isCell(name) {
				s.cells = append(s.cells, name)
			}
			return
		}
		// class bodies do not enclose; pass it through
		if !s.isFree(name) && s.parent != nil && s.parent.binds(name) {
			s.frees = append(s.frees, name)
		}
		return
	}
	if f&fBound != 0 && f&(fGlobal|fNonlocal) == 0 {
		if !s.isCell(name) {
			s.cells = append(s.cells, name)
		}
		return
	}
	if !s.isFree(name) {
		s.frees = append(s.frees, name)
	}
}

// binds reports whether an enclosing function scope of (or at) s binds
// name, so that it can be a free variable below.
func (s *scope) binds(name string) bool {
	for p := s; p != nil; p = p.parent {
		switch p.kind {
		case moduleScope:
			return false
		case classScope:
			if name == "__class__" {
				return true
			}
			continue
		}
		f := p.flags[name]
		if f&fGlobal != 0 {
			return false
		}
		if f&fBound != 0 || f&fNonlocal != 0 {
			return true
		}
	}
	return false
}

// scanner walks the tree once and builds the scopes.
type scanner struct {
	scopes map[syntax.Node]*scope
	cur    *scope
	err    error
}

func scan(m *syntax.Module) (*scope, map[syntax.Node]*scope, error) {
	sc := &scanner{scopes: map[syntax.Node]*scope{}}
	top := newScope(moduleScope, "<module>", nil)
	sc.scopes[m] = top
	sc.cur = top
	sc.stmts(m.Body)
	if sc.err != nil {
		return nil, nil, sc.err
	}
	top.finish()
	top.resolve()
	return top, sc.scopes, nil
}

// finish decides the free variables each function scope uses: names used
// but not bound locally that an enclosing function binds.
func (s *scope) finish() {
	for _, c := range s.children {
		c.finish()
	}
	if s.kind == moduleScope {
		return
	}
	for _, name := range s.order {
		f := s.flags[name]
		if f&fGlobal != 0 {
			continue
		}
		local := f&fBound != 0 && f&fNonlocal == 0
		if s.kind == classScope {
			local = f&fBound != 0 && f&fNonlocal == 0 && name != "__class__"
		}
		if local || (f&fUsed == 0 && f&fNonlocal == 0) {
			continue
		}
		if s.parent != nil && s.parent.bindsAbove(name) && !s.isFree(name) {
			s.frees = append(s.frees, name)
		}
	}
}

// bindsAbove reports whether name is bound in an enclosing function
// scope visible from a child of s.
func (s *scope) bindsAbove(name string) bool { return s.binds(name) }

func (sc *scanner) fail(pos syntax.Pos, msg string) {
	if sc.err == nil {
		sc.err = &syntax.Error{Kind: syntax.SyntaxError, Msg: msg, Pos: pos, End: pos}
	}
}

func (sc *scanner) bind(id *syntax.Ident) { sc.cur.mark(id.Name, fBound) }

func (sc *scanner) use(name string) { sc.cur.mark(name, fUsed) }

func (sc *scanner) stmts(list []syntax.Stmt) {
	for _, s := range list {
		sc.stmt(s)
	}
}

func (sc *scanner) stmt(s syntax.Stmt) {
	switch n := s.(type) {
	case *syntax.FunctionDef:
		for _, d := range n.Decorators {
			sc.expr(d)
		}
		sc.args(n.Params)
		if n.Returns != nil {
			sc.expr(n.Returns)
		}
		sc.bind(n.Name)
		fs := newScope(functionScope, n.Name.Name, sc.cur)
		sc.scopes[n] = fs
		sc.function(fs, n.Params, func() {
			if len(n.Body) > 0 {
				if es, ok := n.Body[0].(*syntax.ExprStmt); ok {
					if _, ok := es.X.(*syntax.StrLit); ok {
						fs.hasDoc = true
					}
				}
			}
			sc.stmts(n.Body)
		})
	case *syntax.ClassDef:
		for _, d := range n.Decorators {
			sc.expr(d)
		}
		for _, b := range n.Bases {
			sc.expr(b)
		}
		for _, k := range n.Keywords {
			sc.expr(k.Value)
		}
		sc.bind(n.Name)
		cs := newScope(classScope, n.Name.Name, sc.cur)
		sc.scopes[n] = cs
		saved := sc.cur
		sc.cur = cs
		sc.stmts(n.Body)
		sc.cur = saved
	case *syntax.Return:
		if n.Value != nil {
			sc.expr(n.Value)
		}
	case *syntax.Delete:
		for _, t := range n.Targets {
			sc.target(t)
		}
	case *syntax.Assign:
		sc.expr(n.Value)
		for _, t := range n.Targets {
			sc.target(t)
		}
	case *syntax.AugAssign:
		sc.expr(n.Value)
		if id, ok := n.Target.(*syntax.Ident); ok {
			sc.use(id.Name)
		}
		sc.target(n.Target)
	case *syntax.AnnAssign:
		if n.Value != nil {
			sc.expr(n.Value)
		}
		if sc.cur.kind != functionScope {
			sc.expr(n.Annotation)
		}
		if n.Value != nil || !n.Simple {
			sc.target(n.Target)
		} else if id, ok := n.Target.(*syntax.Ident); ok && sc.cur.kind == functionScope {
			sc.bind(id)
		}
	case *syntax.For:
		sc.expr(n.Iter)
		sc.target(n.Target)
		sc.stmts(n.Body)
		sc.stmts(n.Else)
	case *syntax.While:
		sc.expr(n.Test)
		sc.stmts(n.Body)
		sc.stmts(n.Else)
	case *syntax.If:
		sc.expr(n.Test)
		sc.stmts(n.Body)
		sc.stmts(n.Else)
	case *syntax.With:
		for _, it := range n.Items {
			sc.expr(it.Context)
			if it.Vars != nil {
				sc.target(it.Vars)
			}
		}
		sc.stmts(n.Body)
	case *syntax.Raise:
		if n.Exc != nil {
			sc.expr(n.Exc)
		}
		if n.Cause != nil {
			sc.expr(n.Cause)
		}
	case *syntax.Try:
		sc.stmts(n.Body)
		for _, h := range n.Handlers {
			if h.Type != nil {
				sc.expr(h.Type)
			}
			if h.Name != nil {
				sc.bind(h.Name)
			}
			sc.stmts(h.Body)
		}
		sc.stmts(n.Else)
		sc.stmts(n.Finally)
	case *syntax.Assert:
		sc.expr(n.Test)
		if n.Msg != nil {
			sc.expr(n.Msg)
		}
	case *syntax.Import:
		for _, a := range n.Names {
			sc.bind(a.Bind)
		}
	case *syntax.ImportFrom:
		for _, a := range n.Names {
			if a.Bind != nil {
				sc.bind(a.Bind)
			}
		}
	case *syntax.Global:
		for _, id := range n.Names {
			if sc.cur.kind == moduleScope {
				continue
			}
			if f := sc.cur.flags[id.Name]; f&fParam != 0 {
				sc.fail(id.Pos, "name '"+id.Name+"' is parameter and global")
			}
			sc.cur.mark(id.Name, fGlobal)
		}
	case *syntax.Nonlocal:
		for _, id := range n.Names {
			if sc.cur.kind == moduleScope {
				sc.fail(n.Pos, "nonlocal declaration not allowed at module level")
				continue
			}
			if f := sc.cur.flags[id.Name]; f&fParam != 0 {
				sc.fail(id.Pos, "name '"+id.Name+"' is parameter and nonlocal")
			}
			if sc.cur.parent == nil || !sc.cur.parent.binds(id.Name) {
				sc.fail(id.Pos, "no binding for nonlocal '"+id.Name+"' found")
			}
			sc.cur.mark(id.Name, fNonlocal)
		}
	case *syntax.ExprStmt:
		sc.expr(n.X)
	}
}

// function scans a function body (or lambda/comprehension) in scope fs.
func (sc *scanner) function(fs *scope, params *syntax.Arguments, body func()) {
	saved := sc.cur
	sc.cur = fs
	if params != nil {
		for _, a := range params.PosOnly {
			sc.param(a)
		}
		for _, a := range params.Args {
			sc.param(a)
		}
		for _, a := range params.KwOnly {
			sc.param(a)
		}
		if params.Vararg != nil {
			sc.param(params.Vararg)
		}
		if params.Kwarg != nil {
			sc.param(params.Kwarg)
		}
	}
	body()
	sc.cur = saved
}

func (sc *scanner) param(a *syntax.Arg) {
	sc.cur.mark(a.Name.Name, fBound|fParam)
	sc.cur.params = append(sc.cur.params, sc.cur.mangle(a.Name.Name))
}

// args scans defaults and annotations, which run in the enclosing scope.
func (sc *scanner) args(p *syntax.Arguments) {
	if p == nil {
		return
	}
	for _, d := range p.Defaults {
		sc.expr(d)
	}
	for _, d := range p.KwDefaults {
		if d != nil {
			sc.expr(d)
		}
	}
	for _, a := range paramList(p) {
		if a.Annotation != nil {
			sc.expr(a.Annotation)
		}
	}
}

// paramList lists a def's parameters in the order of its code's locals.
func paramList(p *syntax.Arguments) []*syntax.Arg {
	var out []*syntax.Arg
	out = append(append(append(out, p.PosOnly...), p.Args...), p.KwOnly...)
	if p.Vararg != nil {
		out = append(out, p.Vararg)
	}
	if p.Kwarg != nil {
		out = append(out, p.Kwarg)
	}
	return out
}

func (sc *scanner) target(t syntax.Expr) {
	switch n := t.(type) {
	case *syntax.Ident:
		sc.bind(n)
	case *syntax.TupleExpr:
		for _, e := range n.Elts {
			sc.target(e)
		}
	case *syntax.ListExpr:
		for _, e := range n.Elts {
			sc.target(e)
		}
	case *syntax.Starred:
		sc.target(n.Value)
	default:
		sc.expr(t)
	}
}

func (sc *scanner) comp(node syntax.Node, gens []*syntax.Comprehension, elts ...syntax.Expr) {
	sc.expr(gens[0].Iter)
	cs := newScope(functionScope, compName(node), sc.cur)
	cs.isComp = true
	if _, ok := node.(*syntax.GeneratorExp); ok {
		cs.gen = true
	}
	sc.scopes[node] = cs
	saved := sc.cur
	sc.cur = cs
	cs.mark(".0", fBound|fParam)
	cs.params = append(cs.params, ".0")
	for i, g := range gens {
		if i > 0 {
			sc.expr(g.Iter)
		}
		sc.target(g.Target)
		for _, c := range g.Ifs {
			sc.expr(c)
		}
	}
	for _, e := range elts {
		sc.expr(e)
	}
	sc.cur = saved
}

func compName(node syntax.Node) string {
	switch node.(type) {
	case *syntax.ListComp:
		return "<listcomp>"
	case *syntax.SetComp:
		return "<setcomp>"
	case *syntax.DictComp:
		return "<dictcomp>"
	}
	return "<genexpr>"
}

func (sc *scanner) expr(e syntax.Expr) {
	switch n := e.(type) {
	case *syntax.Ident:
		sc.use(n.Name)
		if n.Name == "super" {
			sc.use("__class__")
		}
	case *syntax.BoolOpExpr:
		for _, v := range n.Values {
			sc.expr(v)
		}
	case *syntax.NamedExpr:
		sc.expr(n.Value)
		s := sc.cur
		for s.isComp {
			s = s.parent
		}
		s.mark(n.Target.Name, fBound)
		if s != sc.cur {
			sc.cur.mark(n.Target.Name, fUsed)
		}
	case *syntax.BinOpExpr:
		sc.expr(n.X)
		sc.expr(n.Y)
	case *syntax.UnaryOpExpr:
		sc.expr(n.X)
	case *syntax.Lambda:
		sc.args(n.Params)
		fs := newScope(functionScope, "<lambda>", sc.cur)
		sc.scopes[n] = fs
		sc.function(fs, n.Params, func() { sc.expr(n.Body) })
	case *syntax.IfExp:
		sc.expr(n.Test)
		sc.expr(n.Body)
		sc.expr(n.Else)
	case *syntax.DictExpr:
		for i, k := range n.Keys {
			if k != nil {
				sc.expr(k)
			}
			sc.expr(n.Values[i])
		}
	case *syntax.SetExpr:
		for _, x := range n.Elts {
			sc.expr(x)
		}
	case *syntax.ListComp:
		sc.comp(n, n.Generators, n.Elt)
	case *syntax.SetComp:
		sc.comp(n, n.Generators, n.Elt)
	case *syntax.DictComp:
		sc.comp(n, n.Generators, n.Key, n.Value)
	case *syntax.GeneratorExp:
		sc.comp(n, n.Generators, n.Elt)
	case *syntax.Yield:
		sc.yield(n.Pos)
		if n.Value != nil {
			sc.expr(n.Value)
		}
	case *syntax.YieldFrom:
		sc.yield(n.Pos)
		sc.expr(n.Value)
	case *syntax.Compare:
		sc.expr(n.Left)
		for _, c := range n.Comparators {
			sc.expr(c)
		}
	case *syntax.Call:
		sc.expr(n.Func)
		for _, a := range n.Args {
			sc.expr(a)
		}
		for _, k := range n.Keywords {
			sc.expr(k.Value)
		}
	case *syntax.FormattedValue:
		sc.expr(n.Value)
		if n.FormatSpec != nil {
			sc.expr(n.FormatSpec)
		}
	case *syntax.JoinedStr:
		for _, v := range n.Values {
			sc.expr(v)
		}
	case *syntax.Attribute:
		sc.expr(n.X)
	case *syntax.Subscript:
		sc.expr(n.X)
		sc.expr(n.Index)
	case *syntax.Starred:
		sc.expr(n.Value)
	case *syntax.ListExpr:
		for _, x := range n.Elts {
			sc.expr(x)
		}
	case *syntax.TupleExpr:
		for _, x := range n.Elts {
			sc.expr(x)
		}
	case *syntax.Slice:
		for _, x := range []syntax.Expr{n.Lower, n.Upper, n.Step} {
			if x != nil {
				sc.expr(x)
			}
		}
	}
}

func (sc *scanner) yield(pos syntax.Pos) {
	switch {
	case sc.cur.kind != functionScope:
		sc.fail(pos, "'yield' outside function")
	case sc.cur.isComp && !sc.cur.gen:
		sc.fail(pos, "'yield' inside list comprehension")
	default:
		sc.cur.gen = true
	}
}
