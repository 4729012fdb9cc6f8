package resolve

import "threadlab/lessons/python/syntax"

// The walk below is the first pass: it builds the scopes and records how
// each uses each name, in source order, as CPython's symbol table does.

func (r *resolver) stmts(list []syntax.Stmt) {
	for _, s := range list {
		r.stmt(s)
	}
}

func (r *resolver) exprs(list []syntax.Expr) {
	for _, e := range list {
		if e != nil {
			r.expr(e)
		}
	}
}

func (r *resolver) stmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.FunctionDef:
		// CPython's order: defaults, annotations, decorators.
		r.paramDefaults(s.Params)
		r.annotations(s.Params)
		if s.Returns != nil && !r.top.fn.FutureAnnotations {
			r.expr(s.Returns)
		}
		r.exprs(s.Decorators)
		r.forbidden(s, s.Name)
		r.def(s.Name, defLocal)
		fs := r.push(FunctionKind, s.Name.Name, s)
		s.Scope = fs.fn
		r.params(s, s.Params)
		r.stmts(s.Body)
		r.pop()
	case *syntax.ClassDef:
		r.exprs(s.Decorators)
		r.elts(s.Bases)
		for _, k := range s.Keywords {
			r.expr(k.Value)
		}
		r.forbidden(s, s.Name)
		r.def(s.Name, defLocal)
		outer := r.class
		r.class = s.Name.Name
		cs := r.push(ClassKind, s.Name.Name, s)
		s.Scope = cs.fn
		r.stmts(s.Body)
		r.class = outer
		r.pop()
	case *syntax.Return:
		if !r.cur.functionLike() {
			r.later(s, "'return' outside function")
		}
		if s.Value != nil {
			r.expr(s.Value)
		}
	case *syntax.Delete:
		r.exprs(s.Targets)
	case *syntax.Assign:
		r.exprs(s.Targets)
		r.expr(s.Value)
	case *syntax.AugAssign:
		r.expr(s.Target)
		r.expr(s.Value)
	case *syntax.AnnAssign:
		if id, ok := s.Target.(*syntax.Ident); ok && s.Simple {
			if sym := r.cur.syms[r.mangle(id.Name)]; sym != nil && sym.flags&(defGlobal|defNonlocal) != 0 && r.cur.fn.Kind != ModuleKind {
				word := "global"
				if sym.flags&defNonlocal != 0 {
					word = "nonlocal"
				}
				r.fail(s, "annotated name '%s' can't be %s", id.Name, word)
			}
			r.def(id, defLocal|defAnnot)
		} else {
			r.expr(s.Target)
		}
		if !r.top.fn.FutureAnnotations {
			r.expr(s.Annotation)
		}
		if s.Value != nil {
			r.expr(s.Value)
		}
	case *syntax.For:
		r.expr(s.Target)
		r.expr(s.Iter)
		r.pushBlock(s)
		r.loop(s.Body)
		r.popBlocks(1)
		r.stmts(s.Else)
	case *syntax.While:
		r.expr(s.Test)
		r.pushBlock(s)
		r.loop(s.Body)
		r.popBlocks(1)
		r.stmts(s.Else)
	case *syntax.If:
		r.expr(s.Test)
		r.stmts(s.Body)
		r.stmts(s.Else)
	case *syntax.With:
		for _, it := range s.Items {
			r.expr(it.Context)
			r.pushBlock(s)
			if it.Vars != nil {
				r.expr(it.Vars)
			}
		}
		r.stmts(s.Body)
		r.popBlocks(len(s.Items))
	case *syntax.Raise:
		if s.Exc != nil {
			r.expr(s.Exc)
		}
		if s.Cause != nil {
			r.expr(s.Cause)
		}
	case *syntax.Try:
		r.tryStmt(s)
	case *syntax.Assert:
		if t, ok := s.Test.(*syntax.TupleExpr); ok && len(t.Elts) > 0 {
			r.warn(s, "assertion is always true, perhaps remove parentheses?")
		}
		r.expr(s.Test)
		if s.Msg != nil {
			r.expr(s.Msg)
		}
	case *syntax.Import:
		for _, a := range s.Names {
			r.forbidden(s, a.Bind)
			r.def(a.Bind, defImport)
		}
	case *syntax.ImportFrom:
		if s.Module == "__future__" && s.Pos.Line > r.futureLine || s.Module == "__future__" && r.cur != r.top {
			r.later(s, "from __future__ imports must occur at the beginning of the file")
		}
		for _, a := range s.Names {
			if a.Bind == nil {
				if r.cur.fn.Kind != ModuleKind {
					r.fail(a, "import * only allowed at module level")
				}
				continue
			}
			r.forbidden(s, a.Bind)
			r.def(a.Bind, defImport)
		}
	case *syntax.Global:
		for _, id := range s.Names {
			r.declare(s, id, defGlobal, "global")
		}
	case *syntax.Nonlocal:
		if r.cur.fn.Kind == ModuleKind {
			r.fail(s, "nonlocal declaration not allowed at module level")
		}
		for _, id := range s.Names {
			r.declare(s, id, defNonlocal, "nonlocal")
		}
	case *syntax.ExprStmt:
		r.expr(s.X)
	case *syntax.Break:
		if r.cur.loops == 0 {
			r.later(s, "'break' outside loop")
		}
	case *syntax.Continue:
		if r.cur.loops == 0 {
			r.later(s, "'continue' not properly in loop")
		}
	case *syntax.Pass:
	}
}

func (r *resolver) loop(body []syntax.Stmt) {
	r.cur.loops++
	r.stmts(body)
	r.cur.loops--
}

// declare handles one name of a global or nonlocal statement.
func (r *resolver) declare(stmt syntax.Stmt, id *syntax.Ident, f flags, word string) {
	name := r.mangle(id.Name)
	sym := r.cur.sym(name)
	if sym.flags&(defParam|defLocal|use|defAnnot) != 0 {
		switch {
		case sym.flags&defParam != 0:
			r.fail(stmt, "name '%s' is parameter and %s", id.Name, word)
		case sym.flags&use != 0:
			r.fail(stmt, "name '%s' is used prior to %s declaration", id.Name, word)
		case sym.flags&defAnnot != 0:
			r.fail(stmt, "annotated name '%s' can't be %s", id.Name, word)
		default:
			r.fail(stmt, "name '%s' is assigned to before %s declaration", id.Name, word)
		}
	}
	sym.flags |= f
	if sym.directive == nil {
		sym.directive = stmt
	}
	if f == defGlobal && r.cur != r.top {
		// CPython's module scope lists every name declared global.
		r.top.sym(name).flags |= defGlobal
	}
	r.cur.idents = append(r.cur.idents, id)
}

// paramDefaults visits the defaults of a parameter list, which the
// enclosing scope evaluates.
func (r *resolver) paramDefaults(a *syntax.Arguments) {
	r.exprs(a.Defaults)
	r.exprs(a.KwDefaults)
}

// annotations visits the annotations of a parameter list, which the
// enclosing scope evaluates unless the module has
// `from __future__ import annotations`.
func (r *resolver) annotations(a *syntax.Arguments) {
	if r.top.fn.FutureAnnotations {
		return
	}
	for _, arg := range allParams(a) {
		if arg.Annotation != nil {
			if s, ok := arg.Annotation.(*syntax.Starred); ok {
				r.expr(s.Value)
				continue
			}
			r.expr(arg.Annotation)
		}
	}
}

// allParams lists the parameters in call order.
func allParams(a *syntax.Arguments) []*syntax.Arg {
	list := make([]*syntax.Arg, 0, len(a.PosOnly)+len(a.Args)+len(a.KwOnly)+2)
	list = append(list, a.PosOnly...)
	list = append(list, a.Args...)
	list = append(list, a.KwOnly...)
	if a.Vararg != nil {
		list = append(list, a.Vararg)
	}
	if a.Kwarg != nil {
		list = append(list, a.Kwarg)
	}
	return list
}

// forbidden reports a binding of __debug__ by the statement or
// expression n, as CPython's compiler does.
func (r *resolver) forbidden(n syntax.Node, id *syntax.Ident) {
	if id.Name == "__debug__" {
		r.later(n, "cannot assign to __debug__")
	}
}

// params declares the parameters of fn in the current (new) scope.
func (r *resolver) params(fn syntax.Node, a *syntax.Arguments) {
	for _, arg := range allParams(a) {
		r.forbidden(fn, arg.Name)
		if sym := r.cur.syms[r.mangle(arg.Name.Name)]; sym != nil && sym.flags&defParam != 0 {
			r.fail(arg.Name, "duplicate argument '%s' in function definition", arg.Name.Name)
		}
		sym := r.def(arg.Name, defParam)
		r.cur.params = append(r.cur.params, sym)
	}
}

// elts visits the elements of a display or call arguments, where
// starred expressions are allowed.
func (r *resolver) elts(list []syntax.Expr) {
	for _, e := range list {
		if s, ok := e.(*syntax.Starred); ok {
			r.expr(s.Value)
			continue
		}
		r.expr(e)
	}
}

func (r *resolver) expr(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Ident:
		if e.Ctx == syntax.Load {
			r.load(e)
		} else if r.compTarget {
			r.def(e, defLocal|defCompIter)
		} else {
			r.def(e, defLocal)
		}
	case *syntax.Starred:
		if e.Ctx == syntax.Load {
			r.later(e, "can't use starred expression here")
		}
		r.expr(e.Value)
	case *syntax.ListExpr:
		r.targetsOrElts(e.Elts, e.Ctx)
	case *syntax.TupleExpr:
		r.targetsOrElts(e.Elts, e.Ctx)
	case *syntax.SetExpr:
		r.elts(e.Elts)
	case *syntax.DictExpr:
		r.exprs(e.Keys)
		r.exprs(e.Values)
	case *syntax.Call:
		r.checkCaller(e)
		r.expr(e.Func)
		r.elts(e.Args)
		for _, k := range e.Keywords {
			if k.Arg != nil {
				r.forbidden(e, k.Arg)
			}
			r.expr(k.Value)
		}
	case *syntax.BinOpExpr:
		r.expr(e.X)
		r.expr(e.Y)
	case *syntax.UnaryOpExpr:
		r.expr(e.X)
	case *syntax.BoolOpExpr:
		r.exprs(e.Values)
	case *syntax.Compare:
		r.checkIs(e)
		r.expr(e.Left)
		r.exprs(e.Comparators)
	case *syntax.IfExp:
		r.expr(e.Test)
		r.expr(e.Body)
		r.expr(e.Else)
	case *syntax.Attribute:
		r.expr(e.X)
	case *syntax.Subscript:
		if e.Ctx == syntax.Load {
			r.checkSubscript(e)
		}
		r.expr(e.X)
		r.expr(e.Index)
	case *syntax.Slice:
		r.exprs([]syntax.Expr{e.Lower, e.Upper, e.Step})
	case *syntax.JoinedStr:
		r.exprs(e.Values)
	case *syntax.FormattedValue:
		r.expr(e.Value)
		if e.FormatSpec != nil {
			r.expr(e.FormatSpec)
		}
	case *syntax.Lambda:
		r.paramDefaults(e.Params)
		ls := r.push(LambdaKind, "<lambda>", e)
		e.Scope = ls.fn
		r.params(e, e.Params)
		r.expr(e.Body)
		r.pop()
	case *syntax.ListComp:
		e.Scope = r.comprehension("<listcomp>", e, e.Generators, e.Elt)
	case *syntax.SetComp:
		e.Scope = r.comprehension("<setcomp>", e, e.Generators, e.Elt)
	case *syntax.DictComp:
		e.Scope = r.comprehension("<dictcomp>", e, e.Generators, e.Value, e.Key) // CPython's order
	case *syntax.GeneratorExp:
		e.Scope = r.comprehension("<genexpr>", e, e.Generators, e.Elt)
	case *syntax.Yield:
		r.yield(e)
		if e.Value != nil {
			r.expr(e.Value)
		}
	case *syntax.YieldFrom:
		r.yield(e)
		r.expr(e.Value)
	case *syntax.NamedExpr:
		r.namedExpr(e)
	case *syntax.IntLit, *syntax.FloatLit, *syntax.ImagLit, *syntax.StrLit, *syntax.BytesLit, *syntax.NameConst:
	}
}

// targetsOrElts visits the elements of a list or tuple: targets when
// storing or deleting, display elements when loading.
func (r *resolver) targetsOrElts(list []syntax.Expr, ctx syntax.Ctx) {
	if ctx == syntax.Load {
		r.elts(list)
		return
	}
	r.exprs(list)
}

// compWord names a comprehension as CPython's messages do.
func compWord(name string) string {
	switch name {
	case "<listcomp>":
		return "list comprehension"
	case "<setcomp>":
		return "set comprehension"
	case "<dictcomp>":
		return "dict comprehension"
	}
	return "generator expression"
}

func (r *resolver) yield(e syntax.Expr) {
	switch r.cur.fn.Kind {
	case FunctionKind, LambdaKind:
		r.cur.fn.Generator = true
	case ComprehensionKind:
		r.fail(e, "'yield' inside %s", compWord(r.cur.fn.Name))
	default:
		r.later(e, "'yield' outside function")
	}
}

// comprehension visits a comprehension: its first iterable in the
// current scope, the rest in a new one.
func (r *resolver) comprehension(name string, node syntax.Expr, gens []*syntax.Comprehension, elts ...syntax.Expr) *Function {
	r.cur.compIter++
	r.expr(gens[0].Iter)
	r.cur.compIter--
	cs := r.push(ComprehensionKind, name, node)
	cs.fn.Generator = name == "<genexpr>"
	iter := cs.sym(".0")
	iter.flags |= defParam
	cs.params = append(cs.params, iter)
	for i, g := range gens {
		r.compTarget = true
		r.expr(g.Target)
		r.compTarget = false
		if i > 0 {
			cs.compIter++
			r.expr(g.Iter)
			cs.compIter--
		}
		r.exprs(g.Ifs)
	}
	r.exprs(elts)
	r.pop()
	return cs.fn
}

func (r *resolver) namedExpr(e *syntax.NamedExpr) {
	if r.cur.compIter > 0 {
		r.fail(e, "assignment expression cannot be used in a comprehension iterable expression")
	}
	r.expr(e.Value)
	id := e.Target
	if r.cur.fn.Kind != ComprehensionKind {
		r.def(id, defLocal)
		return
	}
	// The target belongs to the nearest enclosing scope that is not a
	// comprehension; the comprehensions between reach it as a free (or
	// global) variable.
	name := r.mangle(id.Name)
	s := r.cur
	for s.fn.Kind == ComprehensionKind {
		if sym := s.syms[name]; sym != nil && sym.flags&defCompIter != 0 {
			r.fail(id, "assignment expression cannot rebind comprehension iteration variable '%s'", id.Name)
		}
		s = s.parent
	}
	if s.fn.Kind == ClassKind {
		r.fail(id, "assignment expression within a comprehension cannot be used in a class body")
	}
	via := defWalrus
	if s.fn.Kind == ModuleKind {
		via = defGlobal
	}
	for c := r.cur; c != s; c = c.parent {
		c.sym(name).flags |= via
	}
	outer := s.sym(name)
	outer.flags |= defLocal
	if outer.first == nil {
		outer.first = id
	}
	sym := r.cur.sym(name)
	if sym.first == nil {
		sym.first = id
	}
	r.cur.idents = append(r.cur.idents, id)
}

// maxBlocks is CPython's limit on statically nested blocks (CO_MAXBLOCKS).
const maxBlocks = 20

// pushBlock enters one block of CPython's compiler (a loop, a with
// item, a try body or an except clause), which n opens.
func (r *resolver) pushBlock(n syntax.Node) {
	if r.cur.blocks >= maxBlocks {
		r.later(n, "too many statically nested blocks")
	}
	r.cur.blocks++
}

func (r *resolver) popBlocks(n int) { r.cur.blocks -= n }

// tryStmt visits a try statement, counting its blocks as CPython's
// compiler does: a finally clause wraps the rest in one block, the body
// of try/except is one more, and an except clause runs inside two.
func (r *resolver) tryStmt(s *syntax.Try) {
	if s.Finally != nil {
		r.pushBlock(s)
	}
	if len(s.Handlers) > 0 {
		r.pushBlock(s)
	}
	r.stmts(s.Body)
	if len(s.Handlers) > 0 {
		r.popBlocks(1)
		r.pushBlock(s.Handlers[0])
	}
	for i, h := range s.Handlers {
		if h.Type == nil && i < len(s.Handlers)-1 {
			r.later(h, "default 'except:' must be last")
		}
		if h.Type != nil {
			r.expr(h.Type)
		}
		r.pushBlock(h)
		if h.Name != nil {
			r.forbidden(h, h.Name)
			r.def(h.Name, defLocal)
		}
		r.stmts(h.Body)
		r.popBlocks(1)
	}
	if len(s.Handlers) > 0 {
		r.popBlocks(1)
	}
	r.stmts(s.Else)
	if s.Finally != nil {
		r.popBlocks(1)
		r.pushBlock(s) // the finally body runs in a block of its own
		r.stmts(s.Finally)
		r.popBlocks(1)
	}
}
