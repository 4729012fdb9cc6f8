package compile

import (
	"threadlab/lessons/python/syntax"
)

func binOp(op syntax.BinaryOp) BinOp {
	switch op {
	case syntax.Add:
		return Add
	case syntax.Sub:
		return Sub
	case syntax.Mult:
		return Mul
	case syntax.MatMult:
		return MatMul
	case syntax.Div:
		return TrueDiv
	case syntax.Mod:
		return Mod
	case syntax.Pow:
		return Pow
	case syntax.LShift:
		return LShift
	case syntax.RShift:
		return RShift
	case syntax.BitOr:
		return Or
	case syntax.BitXor:
		return Xor
	case syntax.BitAnd:
		return And
	}
	return FloorDiv
}

func cmpOp(op syntax.CmpOp) CmpOp {
	return [...]CmpOp{syntax.Eq: Eq, syntax.NotEq: Ne, syntax.Lt: Lt, syntax.LtE: Le, syntax.Gt: Gt, syntax.GtE: Ge,
		syntax.Is: Is, syntax.IsNot: IsNot, syntax.In: In, syntax.NotIn: NotIn}[op]
}

func (f *fcomp) exprs(list []syntax.Expr) {
	for _, e := range list {
		f.expr(e)
	}
}

func (f *fcomp) expr(e syntax.Expr) {
	saved, savedLine := f.span, f.line
	f.setSpan(e)
	f.expr1(e)
	f.span, f.line = saved, savedLine
}

func (f *fcomp) expr1(e syntax.Expr) {
	switch n := e.(type) {
	case *syntax.Ident:
		f.loadName(n)
	case *syntax.IntLit:
		if n.Big != nil {
			f.loadConst(n.Big)
		} else {
			f.loadConst(n.Small)
		}
	case *syntax.FloatLit:
		f.loadConst(n.Value)
	case *syntax.ImagLit:
		f.fail(n.Pos, "threadlab has no complex numbers (%s)", n.Raw)
	case *syntax.StrLit:
		f.loadConst(n.Value)
	case *syntax.BytesLit:
		f.loadConst(BytesConst(n.Value))
	case *syntax.NameConst:
		switch n.Value {
		case syntax.None:
			f.loadConst(NoneConst{})
		case syntax.True:
			f.loadConst(true)
		case syntax.False:
			f.loadConst(false)
		default:
			f.loadConst(EllipsisConst{})
		}
	case *syntax.BinOpExpr:
		f.expr(n.X)
		f.expr(n.Y)
		f.emit(BINARY, int(binOp(n.Op)))
	case *syntax.UnaryOpExpr:
		if lit, ok := n.X.(*syntax.IntLit); ok && n.Op == syntax.USub && lit.Big == nil {
			f.loadConst(-lit.Small)
			return
		}
		if lit, ok := n.X.(*syntax.FloatLit); ok && n.Op == syntax.USub {
			f.loadConst(-lit.Value)
			return
		}
		f.expr(n.X)
		f.emit([...]Op{syntax.Invert: UNARY_INVERT, syntax.Not: UNARY_NOT, syntax.UAdd: UNARY_POSITIVE, syntax.USub: UNARY_NEGATIVE}[n.Op], 0)
	case *syntax.BoolOpExpr:
		end := f.newLabel()
		op := JUMP_IF_FALSE_OR_POP
		if n.Op == syntax.Or {
			op = JUMP_IF_TRUE_OR_POP
		}
		for i, v := range n.Values {
			f.expr(v)
			if i < len(n.Values)-1 {
				f.jump(op, end)
			}
		}
		f.bind(end)
	case *syntax.Compare:
		f.compare(n)
	case *syntax.IfExp:
		els, end := f.newLabel(), f.newLabel()
		f.expr(n.Test)
		f.jump(POP_JUMP_IF_FALSE, els)
		f.expr(n.Body)
		f.jump(JUMP, end)
		f.depth--
		f.bind(els)
		f.expr(n.Else)
		f.bind(end)
	case *syntax.NamedExpr:
		f.expr(n.Value)
		f.emit(DUP_TOP, 0)
		f.storeName(n.Target)
	case *syntax.Attribute:
		f.expr(n.X)
		f.emit(LOAD_ATTR, f.attrName(n.Name))
	case *syntax.Subscript:
		f.expr(n.X)
		f.expr(n.Index)
		f.emit(BINARY_SUBSCR, 0)
	case *syntax.Slice:
		for _, x := range []syntax.Expr{n.Lower, n.Upper} {
			if x == nil {
				f.loadConst(NoneConst{})
			} else {
				f.expr(x)
			}
		}
		if n.Step != nil {
			f.expr(n.Step)
			f.emit(BUILD_SLICE, 3)
		} else {
			f.emit(BUILD_SLICE, 2)
		}
	case *syntax.Call:
		f.call(n)
	case *syntax.TupleExpr:
		f.sequence(n.Elts, BUILD_TUPLE)
	case *syntax.ListExpr:
		f.sequence(n.Elts, BUILD_LIST)
	case *syntax.SetExpr:
		f.sequence(n.Elts, BUILD_SET)
	case *syntax.DictExpr:
		f.dict(n)
	case *syntax.Lambda:
		f.makeFunction(n, n.Scope, n.Params, nil, func(g *fcomp) {
			g.expr(n.Body)
			g.emit(RETURN_VALUE, 0)
		})
	case *syntax.ListComp:
		f.comprehension(n, n.Scope, n.Generators, BUILD_LIST, func(g *fcomp, depth int) {
			g.expr(n.Elt)
			g.emit(LIST_APPEND, depth)
		})
	case *syntax.SetComp:
		f.comprehension(n, n.Scope, n.Generators, BUILD_SET, func(g *fcomp, depth int) {
			g.expr(n.Elt)
			g.emit(SET_ADD, depth)
		})
	case *syntax.DictComp:
		f.comprehension(n, n.Scope, n.Generators, BUILD_MAP, func(g *fcomp, depth int) {
			g.expr(n.Key)
			g.expr(n.Value)
			g.emit(MAP_ADD, depth)
		})
	case *syntax.GeneratorExp:
		f.comprehension(n, n.Scope, n.Generators, NOP, func(g *fcomp, depth int) {
			g.expr(n.Elt)
			g.emit(YIELD_VALUE, 0)
			g.emit(POP_TOP, 0)
		})
	case *syntax.Yield:
		if n.Value != nil {
			f.expr(n.Value)
		} else {
			f.loadConst(NoneConst{})
		}
		f.emit(YIELD_VALUE, 0)
	case *syntax.YieldFrom:
		f.expr(n.Value)
		f.emit(GET_YIELD_FROM_ITER, 0)
		f.loadConst(NoneConst{})
		f.emit(YIELD_FROM, 0)
	case *syntax.JoinedStr:
		f.joinedStr(n)
	case *syntax.FormattedValue:
		f.formatted(n)
	case *syntax.Starred:
		f.fail(n.Pos, "can't use starred expression here")
	default:
		start, _ := e.Span()
		f.fail(start, "threadlab cannot compile this expression (%T)", e)
	}
}

func (f *fcomp) compare(n *syntax.Compare) {
	f.expr(n.Left)
	if len(n.Ops) == 1 {
		f.expr(n.Comparators[0])
		f.emit(COMPARE, int(cmpOp(n.Ops[0])))
		return
	}
	cleanup, end := f.newLabel(), f.newLabel()
	for i, op := range n.Ops {
		f.expr(n.Comparators[i])
		if i < len(n.Ops)-1 {
			f.emit(DUP_TOP, 0)
			f.emit(ROT_THREE, 0)
			f.emit(COMPARE, int(cmpOp(op)))
			f.jump(JUMP_IF_FALSE_OR_POP, cleanup)
		} else {
			f.emit(COMPARE, int(cmpOp(op)))
		}
	}
	f.jump(JUMP, end)
	f.bind(cleanup)
	f.depth++
	f.emit(ROT_TWO, 0)
	f.emit(POP_TOP, 0)
	f.bind(end)
}

func hasStar(elts []syntax.Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*syntax.Starred); ok {
			return true
		}
	}
	return false
}

// constValue returns the constant an expression is, if it is a literal.
func constValue(e syntax.Expr) (any, bool) {
	switch n := e.(type) {
	case *syntax.IntLit:
		if n.Big != nil {
			return n.Big, true
		}
		return n.Small, true
	case *syntax.FloatLit:
		return n.Value, true
	case *syntax.StrLit:
		return n.Value, true
	case *syntax.BytesLit:
		return BytesConst(n.Value), true
	case *syntax.NameConst:
		switch n.Value {
		case syntax.None:
			return NoneConst{}, true
		case syntax.True:
			return true, true
		case syntax.False:
			return false, true
		}
		return EllipsisConst{}, true
	case *syntax.UnaryOpExpr:
		if n.Op == syntax.USub {
			switch x := n.X.(type) {
			case *syntax.IntLit:
				if x.Big == nil {
					return -x.Small, true
				}
			case *syntax.FloatLit:
				return -x.Value, true
			}
		}
	}
	return nil, false
}

// sequence builds a tuple, list or set display.
func (f *fcomp) sequence(elts []syntax.Expr, build Op) {
	if build == BUILD_SET && len(elts) > 2 {
		// A set display of three or more constants is built, as in
		// CPython, by updating an empty set from a constant frozenset;
		// that decides the order in which the set iterates.
		items := make(FrozenSetConst, 0, len(elts))
		for _, e := range elts {
			if v, ok := constValue(e); ok {
				items = append(items, v)
			}
		}
		if len(items) == len(elts) {
			f.emit(BUILD_SET, 0)
			f.loadConst(items)
			f.emit(SET_UPDATE, 1)
			return
		}
	}
	if !hasStar(elts) {
		f.exprs(elts)
		f.emit(build, len(elts))
		return
	}
	add, extend := LIST_APPEND, LIST_EXTEND
	if build == BUILD_SET {
		f.emit(BUILD_SET, 0)
		add, extend = SET_ADD, SET_UPDATE
	} else {
		f.emit(BUILD_LIST, 0)
	}
	for _, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			f.expr(s.Value)
			f.emit(extend, 1)
		} else {
			f.expr(e)
			f.emit(add, 1)
		}
	}
	if build == BUILD_TUPLE {
		f.emit(LIST_TO_TUPLE, 0)
	}
}

func (f *fcomp) dict(n *syntax.DictExpr) {
	star := false
	for _, k := range n.Keys {
		if k == nil {
			star = true
		}
	}
	if !star {
		for i, k := range n.Keys {
			f.expr(k)
			f.expr(n.Values[i])
		}
		f.emit(BUILD_MAP, len(n.Keys))
		return
	}
	f.emit(BUILD_MAP, 0)
	for i, k := range n.Keys {
		if k == nil {
			f.expr(n.Values[i])
			f.emit(DICT_UPDATE, 1)
		} else {
			f.expr(k)
			f.expr(n.Values[i])
			f.emit(MAP_ADD, 1)
		}
	}
}

func (f *fcomp) call(n *syntax.Call) {
	star := hasStar(n.Args)
	for _, k := range n.Keywords {
		if k.Arg == nil {
			star = true
		}
	}
	if a, ok := n.Func.(*syntax.Attribute); ok && !star && len(n.Keywords) == 0 {
		f.expr(a.X)
		f.setSpan(a)
		f.emit(LOAD_METHOD, f.attrName(a.Name))
		f.setSpan(n)
		f.exprs(n.Args)
		f.emit(CALL_METHOD, len(n.Args))
		return
	}
	f.expr(n.Func)
	if !star {
		f.exprs(n.Args)
		if len(n.Keywords) == 0 {
			f.emit(CALL, len(n.Args))
			return
		}
		names := make(KwNames, len(n.Keywords))
		for i, k := range n.Keywords {
			f.expr(k.Value)
			names[i] = k.Arg.Name
		}
		f.loadConst(names)
		f.emit(CALL_KW, len(n.Args)+len(n.Keywords))
		return
	}
	f.sequence(n.Args, BUILD_TUPLE)
	if len(n.Keywords) == 0 {
		f.emit(CALL_EX, 0)
		return
	}
	f.emit(BUILD_MAP, 0)
	for _, k := range n.Keywords {
		if k.Arg == nil {
			f.expr(k.Value)
			f.emit(DICT_MERGE, 1)
		} else {
			f.loadConst(k.Arg.Name)
			f.expr(k.Value)
			f.emit(MAP_ADD, 1)
		}
	}
	f.emit(CALL_EX, 1)
}

// comprehension compiles a comprehension as a call of a nested function
// with the first iterator as its argument.
func (f *fcomp) comprehension(node syntax.Node, scope any, gens []*syntax.Comprehension, build Op, elt func(g *fcomp, depth int)) {
	f.makeFunction(node, scope, nil, nil, func(g *fcomp) {
		if build != NOP {
			g.emit(build, 0)
		}
		var tops, ends []*label
		for i, gen := range gens {
			top, end := g.newLabel(), g.newLabel()
			if i == 0 {
				g.emit(LOAD_FAST, 0)
			} else {
				g.expr(gen.Iter)
				g.emit(GET_ITER, 0)
			}
			g.bind(top)
			g.jump(FOR_ITER, end)
			g.depth++
			g.store(gen.Target)
			for _, c := range gen.Ifs {
				g.expr(c)
				g.jump(POP_JUMP_IF_FALSE, top)
			}
			tops, ends = append(tops, top), append(ends, end)
		}
		elt(g, len(gens)+1)
		for i := len(gens) - 1; i >= 0; i-- {
			g.jump(JUMP, tops[i])
			g.bind(ends[i])
			g.depth--
		}
		if build == NOP {
			g.returnNone()
		} else {
			g.emit(RETURN_VALUE, 0)
		}
	})
	f.expr(gens[0].Iter)
	f.emit(GET_ITER, 0)
	f.emit(CALL, 1)
}

func (f *fcomp) joinedStr(n *syntax.JoinedStr) {
	if len(n.Values) == 0 {
		f.loadConst("")
		return
	}
	for _, v := range n.Values {
		f.expr(v)
	}
	if len(n.Values) > 1 {
		f.emit(BUILD_STRING, len(n.Values))
	}
}

func (f *fcomp) formatted(n *syntax.FormattedValue) {
	f.expr(n.Value)
	arg := int(n.Conversion)
	if n.FormatSpec != nil {
		f.joinedStr(n.FormatSpec)
		arg |= 256
	}
	f.emit(FORMAT_VALUE, arg)
}
