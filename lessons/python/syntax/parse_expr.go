package syntax

import (
	"strconv"
	"strings"
)

// startsExpr reports whether the current token can begin an expression.
func (p *parser) startsExpr() bool {
	switch p.tok.kind {
	case tName, tInt, tFloat, tImag, tString, tLParen, tLBrack, tLBrace, tMinus, tPlus, tTilde,
		tStar, kNot, kLambda, kNone, kTrue, kFalse, tEllipsis, kAwait:
		return true
	}
	return false
}

// exprOrYield parses a yield expression or star_expressions.
func (p *parser) exprOrYield() Expr {
	if p.tok.kind == kYield {
		return p.yieldExpr()
	}
	return p.starExprs()
}

func (p *parser) yieldExpr() Expr {
	start := p.tok.pos
	p.next()
	if p.got(kFrom) {
		v := p.expr()
		return &YieldFrom{Loc: loc(start, p.prevEnd), Value: v}
	}
	y := &Yield{}
	if p.startsExpr() {
		y.Value = p.starExprs()
	}
	y.Loc = loc(start, p.prevEnd)
	return y
}

// starExprs parses star_expressions: a comma list of expressions and
// starred expressions, a tuple if it has a comma.
func (p *parser) starExprs() Expr {
	start := p.tok.pos
	first := p.starExpr()
	if p.tok.kind != tComma {
		return first
	}
	elts := []Expr{first}
	for p.got(tComma) {
		if !p.startsExpr() {
			break
		}
		elts = append(elts, p.starExpr())
	}
	return &TupleExpr{Loc: loc(start, p.prevEnd), Elts: elts}
}

func (p *parser) starExpr() Expr {
	if p.tok.kind == tStar {
		start := p.tok.pos
		p.next()
		v := p.bitOr()
		return &Starred{Loc: loc(start, p.endOf(v)), Value: v}
	}
	return p.expr()
}

// starNamedExpr parses an element of a display: `*x` or a named
// expression.
func (p *parser) starNamedExpr() Expr {
	if p.tok.kind == tStar {
		start := p.tok.pos
		p.next()
		v := p.bitOr()
		return &Starred{Loc: loc(start, p.endOf(v)), Value: v}
	}
	return p.namedExpr()
}

// namedExpr parses `NAME := expr` or an expression.
func (p *parser) namedExpr() Expr {
	if p.tok.kind == tName && p.peek(1) == tColonEq {
		id := p.ident(Store)
		if id.Name == "__debug__" {
			p.errorNode(id, "cannot assign to __debug__")
		}
		p.next()
		v := p.expr()
		return &NamedExpr{Loc: loc(id.Pos, p.endOf(v)), Target: id, Value: v}
	}
	e := p.expr()
	if p.tok.kind == tColonEq {
		p.errorNode(e, "cannot use assignment expressions with %s", exprName(e))
	}
	return e
}

// expr parses a conditional expression or lambda.
func (p *parser) expr() Expr {
	p.enter()
	defer p.leave()
	if p.tok.kind == kLambda {
		return p.lambda()
	}
	body := p.disjunction()
	if p.tok.kind != kIf {
		return body
	}
	p.next()
	test := p.disjunction()
	if p.tok.kind != kElse {
		p.errorAt(SyntaxError, p.startOf(body), p.endOf(test), "expected 'else' after 'if' expression")
	}
	p.next()
	orelse := p.expr()
	return &IfExp{Loc: loc(p.startOf(body), p.endOf(orelse)), Test: test, Body: body, Else: orelse}
}

func (p *parser) lambda() Expr {
	start := p.tok.pos
	p.next()
	params := p.params(tColon, false)
	params.Loc = loc(start, p.tok.pos)
	p.expect(tColon)
	body := p.expr()
	return &Lambda{Loc: loc(start, p.endOf(body)), Params: params, Body: body}
}

func (p *parser) disjunction() Expr {
	x := p.conjunction()
	if p.tok.kind != kOr {
		return x
	}
	vals := []Expr{x}
	for p.got(kOr) {
		vals = append(vals, p.conjunction())
	}
	return &BoolOpExpr{Loc: loc(p.startOf(x), p.prevEnd), Op: Or, Values: vals}
}

func (p *parser) conjunction() Expr {
	x := p.inversion()
	if p.tok.kind != kAnd {
		return x
	}
	vals := []Expr{x}
	for p.got(kAnd) {
		vals = append(vals, p.inversion())
	}
	return &BoolOpExpr{Loc: loc(p.startOf(x), p.prevEnd), Op: And, Values: vals}
}

func (p *parser) inversion() Expr {
	if p.tok.kind == kNot {
		start := p.tok.pos
		p.next()
		p.enter()
		x := p.inversion()
		p.leave()
		return &UnaryOpExpr{Loc: loc(start, p.endOf(x)), Op: Not, X: x}
	}
	return p.comparison()
}

func (p *parser) cmpOp() (CmpOp, bool) {
	switch p.tok.kind {
	case tEq:
		return Eq, true
	case tNe:
		return NotEq, true
	case tLt:
		return Lt, true
	case tLe:
		return LtE, true
	case tGt:
		return Gt, true
	case tGe:
		return GtE, true
	case kIn:
		return In, true
	case kIs:
		if p.peek(1) == kNot {
			p.next()
			return IsNot, true
		}
		return Is, true
	case kNot:
		if p.peek(1) == kIn {
			p.next()
			return NotIn, true
		}
	}
	return 0, false
}

func (p *parser) comparison() Expr {
	x := p.bitOr()
	op, ok := p.cmpOp()
	if !ok {
		return x
	}
	c := &Compare{Left: x}
	for ok {
		p.next()
		c.Ops = append(c.Ops, op)
		c.Comparators = append(c.Comparators, p.bitOr())
		op, ok = p.cmpOp()
	}
	c.Loc = loc(p.startOf(x), p.prevEnd)
	return c
}

// binaryOp returns the operator of the current token and its
// precedence (higher binds tighter), or 0.
func (p *parser) binaryOp() (BinaryOp, int) {
	switch p.tok.kind {
	case tVBar:
		return BitOr, 1
	case tCaret:
		return BitXor, 2
	case tAmper:
		return BitAnd, 3
	case tLShift:
		return LShift, 4
	case tRShift:
		return RShift, 4
	case tPlus:
		return Add, 5
	case tMinus:
		return Sub, 5
	case tStar:
		return Mult, 6
	case tSlash:
		return Div, 6
	case tDoubleSlash:
		return FloorDiv, 6
	case tPercent:
		return Mod, 6
	case tAt:
		return MatMult, 6
	}
	return 0, 0
}

// bitOr parses bitwise_or: the binary operators, by precedence climbing.
func (p *parser) bitOr() Expr { return p.binary(1) }

func (p *parser) binary(min int) Expr {
	x := p.factor()
	depth := p.depth
	defer func() { p.depth = depth }()
	for {
		op, prec := p.binaryOp()
		if prec < min {
			return x
		}
		p.enter() // a left-nested chain deepens the tree
		p.next()
		y := p.binary(prec + 1)
		x = &BinOpExpr{Loc: loc(p.startOf(x), p.endOf(y)), X: x, Op: op, Y: y}
	}
}

func (p *parser) factor() Expr {
	p.enter()
	defer p.leave()
	var op UnaryOp
	switch p.tok.kind {
	case tPlus:
		op = UAdd
	case tMinus:
		op = USub
	case tTilde:
		op = Invert
	default:
		return p.power()
	}
	start := p.tok.pos
	p.next()
	x := p.factor()
	return &UnaryOpExpr{Loc: loc(start, p.endOf(x)), Op: op, X: x}
}

func (p *parser) power() Expr {
	if p.tok.kind == kAwait {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "'await' is not supported by threadlab's Python; use threads instead")
	}
	x := p.primary()
	if p.tok.kind == tDoubleStar {
		p.next()
		y := p.factor()
		return &BinOpExpr{Loc: loc(p.startOf(x), p.endOf(y)), X: x, Op: Pow, Y: y}
	}
	return x
}

func (p *parser) primary() Expr {
	x := p.atom()
	depth := p.depth
	defer func() { p.depth = depth }()
	for {
		if k := p.tok.kind; k == tDot || k == tLParen || k == tLBrack {
			p.enter() // each trailer nests the tree one level deeper
		}
		switch p.tok.kind {
		case tDot:
			p.next()
			name := p.ident(Load)
			x = &Attribute{Loc: loc(p.startOf(x), name.End), X: x, Name: name.Name}
		case tLParen:
			p.next()
			args, kws := p.callArgs(p.prevEnd, true)
			p.expect(tRParen)
			x = &Call{Loc: loc(p.startOf(x), p.prevEnd), Func: x, Args: args, Keywords: kws}
		case tLBrack:
			p.next()
			idx := p.slices()
			p.expect(tRBrack)
			x = &Subscript{Loc: loc(p.startOf(x), p.prevEnd), X: x, Index: idx}
		default:
			return x
		}
	}
}

func (p *parser) slices() Expr {
	start := p.tok.pos
	first := p.slice()
	if p.tok.kind != tComma {
		if p.tok.kind != tRBrack {
			p.forgotComma(first)
		}
		if _, ok := first.(*Starred); ok {
			return &TupleExpr{Loc: loc(start, p.prevEnd), Elts: []Expr{first}}
		}
		return first
	}
	elts := []Expr{first}
	for p.got(tComma) {
		if p.tok.kind == tRBrack {
			break
		}
		elts = append(elts, p.slice())
	}
	if p.tok.kind != tRBrack {
		p.forgotComma(elts[len(elts)-1])
	}
	return &TupleExpr{Loc: loc(start, p.prevEnd), Elts: elts}
}

func (p *parser) slice() Expr {
	start := p.tok.pos
	var lower Expr
	if p.tok.kind != tColon {
		lower = p.starNamedExpr()
		if p.tok.kind != tColon {
			return lower
		}
	}
	p.next()
	s := &Slice{Lower: lower}
	if p.tok.kind != tColon && p.startsExpr() {
		s.Upper = p.expr()
	}
	if p.got(tColon) && p.startsExpr() {
		s.Step = p.expr()
	}
	s.Loc = loc(start, p.prevEnd)
	return s
}

// callArgs parses the arguments of a call or class bases, up to ')';
// lparen is the end of the '('.
func (p *parser) callArgs(lparen Pos, allowGen bool) ([]Expr, []*Keyword) {
	var args []Expr
	var kws []*Keyword
	var doubleStar *Keyword
	var bareGen *GeneratorExp
	misplaced := "" // CPython reports a misplaced positional argument at the ')'
	sawKw := false
	for p.tok.kind != tRParen {
		start := p.tok.pos
		switch {
		case p.tok.kind == tStar:
			p.next()
			v := p.expr()
			if doubleStar != nil {
				p.errorNode(doubleStar, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &Starred{Loc: loc(start, p.endOf(v)), Value: v})
		case p.tok.kind == tDoubleStar:
			p.next()
			v := p.expr()
			kw := &Keyword{Loc: loc(start, p.endOf(v)), Value: v}
			doubleStar = kw
			kws = append(kws, kw)
		case (p.tok.kind == kTrue || p.tok.kind == kFalse || p.tok.kind == kNone) && p.peek(1) == tAssign:
			p.errorAt(SyntaxError, start, p.tok.end, "cannot assign to %s", p.tok.text)
		case p.tok.kind == tName && p.peek(1) == tAssign:
			name := p.ident(Load)
			p.next()
			v := p.expr()
			for _, k := range kws {
				if k.Arg != nil && k.Arg.Name == name.Name {
					p.errorAt(SyntaxError, start, p.endOf(v), "keyword argument repeated: %s", name.Name)
				}
			}
			kws = append(kws, &Keyword{Loc: loc(start, p.endOf(v)), Arg: name, Value: v})
			sawKw = true
			if p.tok.kind != tComma && p.tok.kind != tRParen {
				p.forgotComma(v)
			}
		default:
			e := p.namedExpr()
			if p.tok.kind == kFor && allowGen {
				gens := p.comprehension()
				g := &GeneratorExp{Loc: loc(start, p.prevEnd), Elt: e, Generators: gens}
				if len(args) > 0 || len(kws) > 0 || p.tok.kind == tComma {
					p.errorNode(g, "Generator expression must be parenthesized")
				}
				e, bareGen = g, g
			} else if p.tok.kind == tAssign {
				p.errorAt(SyntaxError, start, p.tok.end, "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			if doubleStar != nil && misplaced == "" {
				misplaced = "positional argument follows keyword argument unpacking"
			} else if sawKw && misplaced == "" {
				misplaced = "positional argument follows keyword argument"
			}
			args = append(args, e)
			if p.tok.kind != tComma && p.tok.kind != tRParen {
				p.forgotComma(e)
			}
		}
		if p.tok.kind != tRParen && p.tok.kind != tComma && misplaced != "" {
			break
		}
		if p.tok.kind != tRParen {
			p.expect(tComma)
		}
	}
	if misplaced != "" {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "%s", misplaced)
	}
	// A lone generator expression argument spans the call's parentheses.
	if bareGen != nil {
		bareGen.Loc = loc(Pos{lparen.Line, lparen.Col - 1}, p.tok.end)
	}
	return args, kws
}

// forgotComma reports CPython's "Perhaps you forgot a comma?" when the
// expression a inside brackets is directly followed by another
// expression. It returns if that is not the case.
func (p *parser) forgotComma(a Expr) {
	if !p.startsExpr() || p.tok.kind == tStar {
		return
	}
	if _, ok := a.(*Ident); ok && p.tok.kind == tString {
		return
	}
	i, tok, prevEnd, depth := p.i, p.tok, p.prevEnd, p.depth
	b := p.attempt(p.expr)
	p.i, p.tok, p.prevEnd, p.depth = i, tok, prevEnd, depth
	if b != nil {
		p.errorAt(SyntaxError, p.startOf(a), p.endOf(b), "invalid syntax. Perhaps you forgot a comma?")
	}
}

// attempt runs f and returns its result, or nil if it fails. A lexical
// error it runs into stands: CPython meets it the same way.
func (p *parser) attempt(f func() Expr) (e Expr) {
	saved := p.err
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok || p.tok.kind == tError {
				panic(r)
			}
			p.err = saved
			e = nil
		}
	}()
	return f()
}

func (p *parser) comprehension() []*Comprehension {
	var gens []*Comprehension
	for p.tok.kind == kFor {
		start := p.tok.pos
		p.next()
		c := &Comprehension{Target: p.targetList()}
		p.expect(kIn)
		c.Iter = p.disjunction()
		for p.got(kIf) {
			c.Ifs = append(c.Ifs, p.disjunction())
		}
		c.Loc = loc(start, p.prevEnd)
		gens = append(gens, c)
	}
	return gens
}

func (p *parser) atom() Expr {
	t := p.tok
	start := t.pos
	switch t.kind {
	case tName:
		return p.ident(Load)
	case kTrue, kFalse, kNone, tEllipsis:
		p.next()
		k := constKind(t.kind)
		return &NameConst{Loc: loc(start, t.end), Value: k}
	case tInt:
		if n := decimalDigits(t.text); n > maxStrDigits {
			p.errorAt(SyntaxError, t.pos, t.end, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; "+
				"use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", maxStrDigits, n)
		}
		p.next()
		small, big := parseInt(t.text)
		return &IntLit{Loc: loc(start, t.end), Raw: t.text, Small: small, Big: big}
	case tFloat:
		p.next()
		v, _ := strconv.ParseFloat(strings.ReplaceAll(t.text, "_", ""), 64)
		return &FloatLit{Loc: loc(start, t.end), Raw: t.text, Value: v}
	case tImag:
		p.next()
		text := strings.ReplaceAll(t.text, "_", "")
		v, _ := strconv.ParseFloat(text[:len(text)-1], 64)
		return &ImagLit{Loc: loc(start, t.end), Raw: t.text, Value: v}
	case tString:
		return p.strings()
	case tLParen:
		return p.paren()
	case tLBrack:
		return p.list()
	case tLBrace:
		return p.dictOrSet()
	}
	p.syntaxError()
	return nil
}

func (p *parser) paren() Expr {
	start := p.tok.pos
	p.next()
	p.enter()
	defer p.leave()
	switch p.tok.kind {
	case tRParen:
		p.next()
		return &TupleExpr{Loc: loc(start, p.prevEnd)}
	case kYield:
		y := p.yieldExpr()
		p.expect(tRParen)
		p.parens[y] = loc(start, p.prevEnd)
		return y
	case tDoubleStar:
		s := p.tok.pos
		p.next()
		v := p.bitOr()
		p.errorAt(SyntaxError, s, p.endOf(v), "cannot use double starred expression here")
	}
	first := p.starNamedExpr()
	switch p.tok.kind {
	case kFor:
		if s, ok := first.(*Starred); ok {
			p.errorNode(s, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehension()
		p.expect(tRParen)
		return &GeneratorExp{Loc: loc(start, p.prevEnd), Elt: first, Generators: gens}
	case tRParen:
		p.next()
		if s, ok := first.(*Starred); ok {
			p.errorNode(s, "cannot use starred expression here")
		}
		p.parens[first] = loc(start, p.prevEnd)
		return first
	case tComma:
		elts := p.elements([]Expr{first}, tRParen)
		return &TupleExpr{Loc: loc(start, p.prevEnd), Elts: elts}
	}
	p.badElement(first)
	return nil
}

// elements parses the rest of a display after its first element, up to
// and including close.
func (p *parser) elements(elts []Expr, close tokKind) []Expr {
	for p.got(tComma) {
		if p.tok.kind == close {
			break
		}
		e := p.starNamedExpr()
		elts = append(elts, e)
		if p.tok.kind != tComma && p.tok.kind != close {
			p.badElement(e)
		}
	}
	if p.tok.kind != close {
		p.badElement(elts[len(elts)-1])
	}
	p.next()
	return elts
}

// badElement reports what follows the display element e when it is
// neither a comma nor the closing bracket.
func (p *parser) badElement(e Expr) {
	if p.tok.kind == tAssign {
		p.misusedAssign(e)
	}
	p.forgotComma(e)
	p.syntaxError()
}

func (p *parser) list() Expr {
	start := p.tok.pos
	p.next()
	p.enter()
	defer p.leave()
	if p.got(tRBrack) {
		return &ListExpr{Loc: loc(start, p.prevEnd)}
	}
	first := p.starNamedExpr()
	if p.tok.kind == kFor {
		if s, ok := first.(*Starred); ok {
			p.errorNode(s, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehension()
		p.expect(tRBrack)
		return &ListComp{Loc: loc(start, p.prevEnd), Elt: first, Generators: gens}
	}
	elts := p.elements([]Expr{first}, tRBrack)
	return &ListExpr{Loc: loc(start, p.prevEnd), Elts: elts}
}

func (p *parser) dictOrSet() Expr {
	start := p.tok.pos
	p.next()
	p.enter()
	defer p.leave()
	if p.got(tRBrace) {
		return &DictExpr{Loc: loc(start, p.prevEnd)}
	}
	// The first element decides between dict and set.
	if p.tok.kind == tDoubleStar {
		s := p.tok.pos
		p.next()
		v := p.bitOr()
		if p.tok.kind == kFor {
			p.errorAt(SyntaxError, s, p.endOf(v), "dict unpacking cannot be used in dict comprehension")
		}
		return p.dictRest(start, nil, v)
	}
	first := p.starNamedExpr()
	if p.tok.kind == tColon {
		v := p.dictValue()
		if p.tok.kind == kFor {
			gens := p.comprehension()
			p.expect(tRBrace)
			return &DictComp{Loc: loc(start, p.prevEnd), Key: first, Value: v, Generators: gens}
		}
		return p.dictRest(start, first, v)
	}
	if p.tok.kind == kFor {
		if s, ok := first.(*Starred); ok {
			p.errorNode(s, "iterable unpacking cannot be used in comprehension")
		}
		gens := p.comprehension()
		p.expect(tRBrace)
		return &SetComp{Loc: loc(start, p.prevEnd), Elt: first, Generators: gens}
	}
	elts := p.elements([]Expr{first}, tRBrace)
	return &SetExpr{Loc: loc(start, p.prevEnd), Elts: elts}
}

// dictValue parses ':' value in a dict display.
func (p *parser) dictValue() Expr {
	colon := p.tok
	p.next()
	if p.tok.kind == tRBrace || p.tok.kind == tComma {
		p.errorAt(SyntaxError, colon.pos, colon.end, "expression expected after dictionary key and ':'")
	}
	return p.expr()
}

func (p *parser) dictRest(start Pos, k, v Expr) Expr {
	d := &DictExpr{Keys: []Expr{k}, Values: []Expr{v}}
	for p.got(tComma) {
		if p.tok.kind == tRBrace {
			break
		}
		if p.tok.kind == tDoubleStar {
			p.next()
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, p.bitOr())
		} else {
			key := p.expr()
			if p.tok.kind != tColon {
				e := p.endOf(key)
				e.Col--
				p.errorAt(SyntaxError, e, e, "':' expected after dictionary key")
			}
			d.Keys = append(d.Keys, key)
			d.Values = append(d.Values, p.dictValue())
		}
		if p.tok.kind != tComma && p.tok.kind != tRBrace {
			p.badElement(d.Values[len(d.Values)-1])
		}
	}
	if p.tok.kind != tRBrace {
		p.badElement(d.Values[len(d.Values)-1])
	}
	p.next()
	d.Loc = loc(start, p.prevEnd)
	return d
}

// strings parses adjacent string literals into one StrLit, BytesLit or
// JoinedStr.
func (p *parser) strings() Expr {
	start := p.tok.pos
	isBytes := p.tok.str.bytes
	var fields [][]fpart
	fstr, mixed := false, false
	bad := ""
	for p.tok.kind == tString {
		st := p.tok.str
		if st.err != "" && bad == "" {
			bad = st.err
		}
		mixed = mixed || st.bytes != isBytes
		if st.fstr {
			fstr = true
			fields = append(fields, st.parts)
		} else {
			fields = append(fields, []fpart{{lit: st.value}})
		}
		p.next()
	}
	// CPython reports what is wrong inside literals at the token after them.
	if bad != "" {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.pos, "%s", bad)
	}
	if mixed {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.pos, "cannot mix bytes and nonbytes literals")
	}
	l := loc(start, p.prevEnd)
	if !fstr {
		if len(fields) == 1 {
			return p.literal(isBytes, l, fields[0][0].lit)
		}
		var lit strings.Builder
		for _, f := range fields {
			lit.WriteString(f[0].lit)
		}
		return p.literal(isBytes, l, lit.String())
	}
	j := joiner{p: p, l: l}
	for _, parts := range fields {
		j.add(parts)
	}
	return &JoinedStr{Loc: l, Values: j.finish()}
}

func (p *parser) literal(isBytes bool, l Loc, v string) Expr {
	if isBytes {
		return &BytesLit{Loc: l, Value: v}
	}
	return &StrLit{Loc: l, Value: v}
}

// A joiner builds the values of a JoinedStr, merging adjacent literal
// pieces. Literal pieces get the location l of the whole string, as in
// CPython 3.11.
type joiner struct {
	p      *parser
	l      Loc
	values []Expr
	lit    strings.Builder
}

func (j *joiner) flush() {
	if j.lit.Len() > 0 {
		j.values = append(j.values, &StrLit{Loc: j.l, Value: j.lit.String()})
		j.lit.Reset()
	}
}

func (j *joiner) finish() []Expr {
	j.flush()
	return j.values
}

func (j *joiner) add(parts []fpart) {
	for _, fp := range parts {
		if !fp.field {
			j.lit.WriteString(fp.lit)
			continue
		}
		fv := &FormattedValue{Loc: j.l, Value: j.p.fieldExpr(fp), Conversion: fp.conv}
		if fp.debug != "" {
			j.lit.WriteString(fp.debug)
			if fp.conv == 0 && !fp.hasSpec {
				fv.Conversion = 'r'
			}
		}
		if fp.hasSpec {
			spec := joiner{p: j.p, l: j.l}
			spec.add(fp.spec)
			fv.FormatSpec = &JoinedStr{Loc: j.l, Values: spec.finish()}
		}
		j.flush()
		j.values = append(j.values, fv)
	}
}

// fieldExpr parses the expression of an f-string replacement field.
func (p *parser) fieldExpr(fp fpart) Expr {
	sub := &parser{filename: p.filename, src: p.src, fstring: true, depth: p.depth, parens: p.parens}
	sub.toks = tokenize(p.filename, p.src, fp.exprOff, fp.exprEnd, fp.exprPos, true)
	e, err := sub.run(func() any {
		e := sub.exprOrYield()
		if sub.tok.kind != tEOF {
			if sub.tok.kind == tAssign {
				sub.misusedAssign(e)
			}
			sub.forgotComma(e)
			sub.syntaxError()
		}
		return e
	})
	if err != nil {
		e := err.(*Error)
		if !strings.HasPrefix(e.Msg, "f-string") {
			e.Msg = "f-string: " + e.Msg
		}
		p.raise(e)
	}
	return e.(Expr)
}

// setStore marks e as an assignment target, or reports why it cannot be
// one. single is set for the lone target of `t = value`, where CPython
// suggests '=='.
func (p *parser) setStore(e Expr, single bool) {
	switch t := e.(type) {
	case *Ident:
		if t.Name == "__debug__" {
			p.errorNode(e, "cannot assign to __debug__")
		}
		t.Ctx = Store
	case *Attribute:
		if t.Name == "__debug__" {
			p.errorNode(e, "cannot assign to __debug__")
		}
		t.Ctx = Store
	case *Subscript:
		t.Ctx = Store
	case *Starred:
		p.errorNode(e, "starred assignment target must be in a list or tuple")
	case *TupleExpr:
		t.Ctx = Store
		p.setStoreElts(e, t.Elts)
	case *ListExpr:
		t.Ctx = Store
		p.setStoreElts(e, t.Elts)
	default:
		if c, ok := e.(*NameConst); ok && c.Value != Ellipsis {
			p.errorNode(e, "cannot assign to %s", c.Value)
		}
		if _, paren := p.parens[e]; !paren && (isYield(e)) {
			p.errorNode(e, "assignment to yield expression not possible")
		}
		if single && p.isBitOrLevel(e) {
			p.errorNode(e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e))
		}
		p.errorNode(e, "cannot assign to %s", exprName(e))
	}
}

func (p *parser) setStoreElts(seq Expr, elts []Expr) {
	stars := 0
	for _, e := range elts {
		if s, ok := e.(*Starred); ok {
			stars++
			s.Ctx = Store
			p.setStore(s.Value, false)
			continue
		}
		p.setStore(e, false)
	}
	if stars > 1 {
		p.errorNode(seq, "multiple starred expressions in assignment")
	}
}

// setDel marks e as a del target.
func (p *parser) setDel(e Expr) {
	switch t := e.(type) {
	case *Ident:
		if t.Name == "__debug__" {
			p.errorNode(e, "cannot delete __debug__")
		}
		t.Ctx = Del
	case *Attribute:
		t.Ctx = Del
	case *Subscript:
		t.Ctx = Del
	case *TupleExpr:
		t.Ctx = Del
		for _, x := range t.Elts {
			p.setDel(x)
		}
	case *ListExpr:
		t.Ctx = Del
		for _, x := range t.Elts {
			p.setDel(x)
		}
	default:
		p.errorNode(e, "cannot delete %s", exprName(e))
	}
}

// isBitOrLevel reports whether e is an expression of the bitwise_or
// level or tighter, the only kind CPython's '==' hint considers.
func (p *parser) isBitOrLevel(e Expr) bool {
	switch e.(type) {
	case *Yield, *YieldFrom:
		_, ok := p.parens[e]
		return ok
	case *Compare, *BoolOpExpr, *IfExp, *Lambda, *NamedExpr, *Starred, *TupleExpr, *ListExpr, *GeneratorExp:
		return false
	case *UnaryOpExpr:
		return e.(*UnaryOpExpr).Op != Not
	case *NameConst:
		return e.(*NameConst).Value == Ellipsis
	}
	return true
}

// exprName names the kind of e as CPython's error messages do.
func exprName(e Expr) string {
	switch e := e.(type) {
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Ident:
		return "name"
	case *ListExpr:
		return "list"
	case *TupleExpr:
		return "tuple"
	case *Lambda:
		return "lambda"
	case *Call:
		return "function call"
	case *BoolOpExpr, *BinOpExpr, *UnaryOpExpr:
		return "expression"
	case *GeneratorExp:
		return "generator expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *DictExpr:
		return "dict literal"
	case *SetExpr:
		return "set display"
	case *JoinedStr, *FormattedValue:
		return "f-string expression"
	case *NameConst:
		if e.Value == Ellipsis {
			return "ellipsis"
		}
		return e.Value.String()
	case *Compare:
		return "comparison"
	case *IfExp:
		return "conditional expression"
	case *NamedExpr:
		return "named expression"
	}
	return "literal"
}

func constKind(k tokKind) ConstKind {
	switch k {
	case kTrue:
		return True
	case kFalse:
		return False
	case kNone:
		return None
	}
	return Ellipsis
}

func isYield(e Expr) bool {
	switch e.(type) {
	case *Yield, *YieldFrom:
		return true
	}
	return false
}
