package compile

import (
	"fmt"

	"threadlab/lessons/python/syntax"
)

// The SyntaxWarnings CPython's compiler gives for code that is sure to
// fail or is almost certainly a typo.

func (f *fcomp) warn(n syntax.Node, format string, a ...any) {
	start, _ := n.Span()
	f.c.warnings = append(f.c.warnings, Warning{Line: int(start.Line), Msg: fmt.Sprintf(format, a...)})
}

// literalType is the type a literal or display evaluates to, or "".
func literalType(e syntax.Expr) string {
	switch n := e.(type) {
	case *syntax.IntLit:
		return "int"
	case *syntax.FloatLit:
		return "float"
	case *syntax.ImagLit:
		return "complex"
	case *syntax.StrLit, *syntax.JoinedStr, *syntax.FormattedValue:
		return "str"
	case *syntax.BytesLit:
		return "bytes"
	case *syntax.NameConst:
		switch n.Value {
		case syntax.None:
			return "NoneType"
		case syntax.Ellipsis:
			return "ellipsis"
		}
		return "bool"
	case *syntax.TupleExpr:
		return "tuple"
	case *syntax.ListExpr, *syntax.ListComp:
		return "list"
	case *syntax.DictExpr, *syntax.DictComp:
		return "dict"
	case *syntax.SetExpr, *syntax.SetComp:
		return "set"
	case *syntax.GeneratorExp:
		return "generator"
	case *syntax.Lambda:
		return "function"
	}
	return ""
}

// isConstant reports whether e is a constant in CPython's folded tree.
func isConstant(e syntax.Expr) bool {
	if _, ok := constValue(e); ok {
		return true
	}
	if t, ok := e.(*syntax.TupleExpr); ok {
		for _, x := range t.Elts {
			if !isConstant(x) {
				return false
			}
		}
		return true
	}
	return false
}

func (f *fcomp) checkCaller(fn syntax.Expr) {
	switch fn.(type) {
	case *syntax.IntLit, *syntax.FloatLit, *syntax.ImagLit, *syntax.StrLit, *syntax.BytesLit, *syntax.NameConst,
		*syntax.TupleExpr, *syntax.ListExpr, *syntax.ListComp, *syntax.DictExpr, *syntax.DictComp,
		*syntax.SetExpr, *syntax.SetComp, *syntax.GeneratorExp, *syntax.JoinedStr:
		f.warn(fn, "'%s' object is not callable; perhaps you missed a comma?", literalType(fn))
	}
}

func (f *fcomp) checkSubscript(n *syntax.Subscript) {
	switch x := n.X.(type) {
	case *syntax.IntLit, *syntax.FloatLit, *syntax.ImagLit, *syntax.SetExpr, *syntax.SetComp, *syntax.GeneratorExp, *syntax.Lambda:
		f.warn(n, "'%s' object is not subscriptable; perhaps you missed a comma?", literalType(n.X))
		return
	case *syntax.NameConst:
		f.warn(n, "'%s' object is not subscriptable; perhaps you missed a comma?", literalType(x))
		return
	}
	idx := literalType(n.Index)
	if idx == "" || idx == "int" || idx == "bool" {
		return
	}
	if _, isSlice := n.Index.(*syntax.Slice); isSlice {
		return
	}
	switch n.X.(type) {
	case *syntax.StrLit, *syntax.BytesLit, *syntax.TupleExpr, *syntax.ListExpr, *syntax.ListComp, *syntax.JoinedStr:
		f.warn(n, "%s indices must be integers or slices, not %s; perhaps you missed a comma?", literalType(n.X), idx)
	}
}

func (f *fcomp) checkCompare(n *syntax.Compare) {
	// None, True, False and ... may be compared with is
	isArg := func(e syntax.Expr) bool {
		if !isConstant(e) {
			return true
		}
		_, ok := e.(*syntax.NameConst)
		return ok
	}
	left := isArg(n.Left)
	for i, op := range n.Ops {
		right := isArg(n.Comparators[i])
		if (op == syntax.Is || op == syntax.IsNot) && (!left || !right) {
			if op == syntax.Is {
				f.warn(n, "\"is\" with a literal. Did you mean \"==\"?")
			} else {
				f.warn(n, "\"is not\" with a literal. Did you mean \"!=\"?")
			}
			return
		}
		left = right
	}
}
