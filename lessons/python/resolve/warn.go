package resolve

import (
	"fmt"

	"threadlab/lessons/python/syntax"
)

// The SyntaxWarnings of CPython's compiler: code that is valid but
// almost surely wrong. CPython checks the tree after folding constant
// expressions, so constType and typeOf see through the simple cases of
// folding (signs, tuples of constants, arithmetic on numbers).

func (r *resolver) warn(n syntax.Node, format string, args ...any) {
	e := r.newError(n, format, args...)
	e.Kind = syntax.SyntaxWarning
	r.warnings = append(r.warnings, e)
}

// checkIs warns of `is` or `is not` with a literal operand.
func (r *resolver) checkIs(c *syntax.Compare) {
	left := c.Left
	for i, op := range c.Ops {
		right := c.Comparators[i]
		if op == syntax.Is || op == syntax.IsNot {
			if literal(left) || literal(right) {
				if op == syntax.Is {
					r.warn(c, "\"is\" with a literal. Did you mean \"==\"?")
				} else {
					r.warn(c, "\"is not\" with a literal. Did you mean \"!=\"?")
				}
				return
			}
		}
		left = right
	}
}

// literal reports whether e folds to a constant other than None, True,
// False and Ellipsis, whose identity is guaranteed.
func literal(e syntax.Expr) bool {
	if _, ok := e.(*syntax.NameConst); ok {
		return false
	}
	return constType(e) != ""
}

// constType returns the type name of the constant e folds to, or "".
func constType(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.IntLit:
		return "int"
	case *syntax.FloatLit:
		return "float"
	case *syntax.ImagLit:
		return "complex"
	case *syntax.StrLit:
		return "str"
	case *syntax.BytesLit:
		return "bytes"
	case *syntax.NameConst:
		switch e.Value {
		case syntax.None:
			return "NoneType"
		case syntax.Ellipsis:
			return "ellipsis"
		}
		return "bool"
	case *syntax.UnaryOpExpr:
		t := constType(e.X)
		switch {
		case e.Op == syntax.USub || e.Op == syntax.UAdd:
			if t == "int" || t == "float" || t == "complex" {
				return t
			}
		case e.Op == syntax.Invert && t == "int":
			return t
		}
	case *syntax.BinOpExpr:
		return foldedBinOp(e)
	case *syntax.TupleExpr:
		if e.Ctx != syntax.Load {
			return ""
		}
		for _, x := range e.Elts {
			if constType(x) == "" {
				return ""
			}
		}
		return "tuple"
	}
	return ""
}

// foldedBinOp returns the type of arithmetic on two number constants,
// or of joining or repeating string constants, or "".
func foldedBinOp(e *syntax.BinOpExpr) string {
	x, y := constType(e.X), constType(e.Y)
	seq := func(t string) bool { return t == "str" || t == "bytes" || t == "tuple" }
	switch {
	case seq(x) && x == y && e.Op == syntax.Add:
		return x
	case seq(x) && y == "int" && e.Op == syntax.Mult:
		return x
	case x == "int" && seq(y) && e.Op == syntax.Mult:
		return y
	case numRank(x) == 0 || numRank(y) == 0:
		return ""
	}
	if z, ok := e.Y.(*syntax.IntLit); ok && z.Big == nil && z.Small == 0 {
		switch e.Op {
		case syntax.Div, syntax.FloorDiv, syntax.Mod:
			return "" // division by zero is left to run time
		}
	}
	switch e.Op {
	case syntax.Add, syntax.Sub, syntax.Mult:
	case syntax.Mod, syntax.FloorDiv:
		if x == "complex" || y == "complex" {
			return ""
		}
	case syntax.LShift, syntax.RShift, syntax.BitAnd, syntax.BitOr, syntax.BitXor:
		if x != "int" || y != "int" {
			return ""
		}
	case syntax.Pow:
		if u, ok := e.Y.(*syntax.UnaryOpExpr); ok && u.Op == syntax.USub && x == "int" && y == "int" {
			return "float"
		}
	case syntax.Div:
		if x != "complex" && y != "complex" {
			return "float"
		}
	default:
		return ""
	}
	if numRank(x) > numRank(y) {
		return x
	}
	return y
}

// numRank orders the number types by how arithmetic widens them; 0 for
// other types.
func numRank(t string) int {
	switch t {
	case "int":
		return 1
	case "float":
		return 2
	case "complex":
		return 3
	}
	return 0
}

// typeOf returns the type name CPython infers for e, or "".
func typeOf(e syntax.Expr) string {
	if t := constType(e); t != "" {
		return t
	}
	switch e.(type) {
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
	case *syntax.JoinedStr, *syntax.FormattedValue:
		return "str"
	}
	return ""
}

// checkCaller warns of a call of a display or constant: a comma left
// out between two items, as in [(1, 2) (3, 4)].
func (r *resolver) checkCaller(c *syntax.Call) {
	if _, ok := c.Func.(*syntax.Lambda); ok {
		return
	}
	if t := typeOf(c.Func); t != "" {
		r.warn(c, "'%s' object is not callable; perhaps you missed a comma?", t)
	}
}

// checkSubscript warns of subscripting what cannot be subscripted, or a
// sequence constant with an index of the wrong type.
func (r *resolver) checkSubscript(s *syntax.Subscript) {
	t := typeOf(s.X)
	switch t {
	case "NoneType", "bool", "int", "float", "complex", "ellipsis", "set", "generator", "function":
		r.warn(s, "'%s' object is not subscriptable; perhaps you missed a comma?", t)
		return
	case "str", "bytes", "tuple", "list":
	default:
		return
	}
	switch it := typeOf(s.Index); it {
	case "", "int", "bool":
	default:
		r.warn(s, "%s", fmt.Sprintf("%s indices must be integers or slices, not %s; perhaps you missed a comma?", t, it))
	}
}
