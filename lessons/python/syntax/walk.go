package syntax

// Walk calls f for n and then, if f returns true, walks each child of n:
// mostly in source order, but a parameter list gives its defaults after
// its parameters. The names of defs, classes, parameters, except clauses,
// imports and global/nonlocal declarations are visited as Idents; absent
// optional children are skipped.
func Walk(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	walkChildren(n, f)
}

func walkStmts(list []Stmt, f func(Node) bool) {
	for _, s := range list {
		Walk(s, f)
	}
}

func walkExprs(list []Expr, f func(Node) bool) {
	for _, e := range list {
		if e != nil {
			Walk(e, f)
		}
	}
}

// walkExpr walks an optional expression; a nil interface is skipped.
func walkExpr(e Expr, f func(Node) bool) {
	if e != nil {
		Walk(e, f)
	}
}

func walkChildren(n Node, f func(Node) bool) {
	switch n := n.(type) {
	case *Module:
		walkStmts(n.Body, f)
	case *FunctionDef:
		walkExprs(n.Decorators, f)
		Walk(n.Name, f)
		Walk(n.Params, f)
		walkExpr(n.Returns, f)
		walkStmts(n.Body, f)
	case *Arguments:
		for _, a := range n.PosOnly {
			Walk(a, f)
		}
		for _, a := range n.Args {
			Walk(a, f)
		}
		if n.Vararg != nil {
			Walk(n.Vararg, f)
		}
		for _, a := range n.KwOnly {
			Walk(a, f)
		}
		walkExprs(n.KwDefaults, f)
		if n.Kwarg != nil {
			Walk(n.Kwarg, f)
		}
		walkExprs(n.Defaults, f)
	case *Arg:
		Walk(n.Name, f)
		walkExpr(n.Annotation, f)
	case *ClassDef:
		walkExprs(n.Decorators, f)
		Walk(n.Name, f)
		walkExprs(n.Bases, f)
		for _, k := range n.Keywords {
			Walk(k, f)
		}
		walkStmts(n.Body, f)
	case *Return:
		walkExpr(n.Value, f)
	case *Delete:
		walkExprs(n.Targets, f)
	case *Assign:
		walkExprs(n.Targets, f)
		Walk(n.Value, f)
	case *AugAssign:
		Walk(n.Target, f)
		Walk(n.Value, f)
	case *AnnAssign:
		Walk(n.Target, f)
		Walk(n.Annotation, f)
		walkExpr(n.Value, f)
	case *For:
		Walk(n.Target, f)
		Walk(n.Iter, f)
		walkStmts(n.Body, f)
		walkStmts(n.Else, f)
	case *While:
		Walk(n.Test, f)
		walkStmts(n.Body, f)
		walkStmts(n.Else, f)
	case *If:
		Walk(n.Test, f)
		walkStmts(n.Body, f)
		walkStmts(n.Else, f)
	case *With:
		for _, it := range n.Items {
			Walk(it, f)
		}
		walkStmts(n.Body, f)
	case *WithItem:
		Walk(n.Context, f)
		walkExpr(n.Vars, f)
	case *Raise:
		walkExpr(n.Exc, f)
		walkExpr(n.Cause, f)
	case *Try:
		walkStmts(n.Body, f)
		for _, h := range n.Handlers {
			Walk(h, f)
		}
		walkStmts(n.Else, f)
		walkStmts(n.Finally, f)
	case *ExceptHandler:
		walkExpr(n.Type, f)
		if n.Name != nil {
			Walk(n.Name, f)
		}
		walkStmts(n.Body, f)
	case *Assert:
		Walk(n.Test, f)
		walkExpr(n.Msg, f)
	case *Import:
		for _, a := range n.Names {
			Walk(a, f)
		}
	case *ImportFrom:
		for _, a := range n.Names {
			Walk(a, f)
		}
	case *Global:
		for _, id := range n.Names {
			Walk(id, f)
		}
	case *Nonlocal:
		for _, id := range n.Names {
			Walk(id, f)
		}
	case *ExprStmt:
		Walk(n.X, f)
	case *BoolOpExpr:
		walkExprs(n.Values, f)
	case *NamedExpr:
		Walk(n.Target, f)
		Walk(n.Value, f)
	case *BinOpExpr:
		Walk(n.X, f)
		Walk(n.Y, f)
	case *UnaryOpExpr:
		Walk(n.X, f)
	case *Lambda:
		Walk(n.Params, f)
		Walk(n.Body, f)
	case *IfExp:
		Walk(n.Body, f)
		Walk(n.Test, f)
		Walk(n.Else, f)
	case *DictExpr:
		for i, k := range n.Keys {
			walkExpr(k, f)
			Walk(n.Values[i], f)
		}
	case *SetExpr:
		walkExprs(n.Elts, f)
	case *ListComp:
		walkComp(n.Generators, f, n.Elt)
	case *SetComp:
		walkComp(n.Generators, f, n.Elt)
	case *DictComp:
		walkComp(n.Generators, f, n.Key, n.Value)
	case *GeneratorExp:
		walkComp(n.Generators, f, n.Elt)
	case *Comprehension:
		Walk(n.Target, f)
		Walk(n.Iter, f)
		walkExprs(n.Ifs, f)
	case *Yield:
		walkExpr(n.Value, f)
	case *YieldFrom:
		Walk(n.Value, f)
	case *Compare:
		Walk(n.Left, f)
		walkExprs(n.Comparators, f)
	case *Call:
		Walk(n.Func, f)
		walkExprs(n.Args, f)
		for _, k := range n.Keywords {
			Walk(k, f)
		}
	case *Keyword:
		Walk(n.Value, f)
	case *FormattedValue:
		Walk(n.Value, f)
		if n.FormatSpec != nil {
			Walk(n.FormatSpec, f)
		}
	case *JoinedStr:
		walkExprs(n.Values, f)
	case *Attribute:
		Walk(n.X, f)
	case *Subscript:
		Walk(n.X, f)
		Walk(n.Index, f)
	case *Starred:
		Walk(n.Value, f)
	case *ListExpr:
		walkExprs(n.Elts, f)
	case *TupleExpr:
		walkExprs(n.Elts, f)
	case *Slice:
		walkExpr(n.Lower, f)
		walkExpr(n.Upper, f)
		walkExpr(n.Step, f)
	}
}

// walkComp walks a comprehension's element(s), then its clauses.
func walkComp(gens []*Comprehension, f func(Node) bool, elts ...Expr) {
	walkExprs(elts, f)
	for _, g := range gens {
		Walk(g, f)
	}
}
