package syntax

func (p *parser) file() *Module {
	m := &Module{Filename: p.filename}
	for p.tok.kind != tEOF {
		if p.tok.kind == tNewline {
			p.next()
			continue
		}
		m.Body = p.statement(m.Body)
	}
	m.Loc = Loc{Pos{1, 0}, p.prevEnd}
	if len(m.Body) > 0 {
		m.Loc = loc(p.startOf(m.Body[0]), p.endOf(m.Body[len(m.Body)-1]))
	}
	return m
}

// statement parses one statement (a simple-statement line may hold
// several) and appends it to list.
func (p *parser) statement(list []Stmt) []Stmt {
	p.stmtTok = p.i
	switch p.tok.kind {
	case kDef:
		return append(list, p.funcDef(nil))
	case kClass:
		return append(list, p.classDef(nil))
	case tAt:
		return append(list, p.decorated())
	case kIf:
		return append(list, p.ifStmt())
	case kWhile:
		return append(list, p.whileStmt())
	case kFor:
		return append(list, p.forStmt())
	case kTry:
		return append(list, p.tryStmt())
	case kWith:
		return append(list, p.withStmt())
	case tIndent:
		p.syntaxError() // unexpected indent
	case kAsync:
		p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "'async' is not supported by threadlab's Python; use threads instead")
	}
	return p.simpleStmts(list)
}

func (p *parser) simpleStmts(list []Stmt) []Stmt {
	for {
		list = append(list, p.simpleStmt())
		if p.got(tSemi) {
			if p.tok.kind == tNewline || p.tok.kind == tEOF {
				break
			}
			continue
		}
		break
	}
	if p.tok.kind == tEOF {
		return list
	}
	if p.tok.kind != tNewline {
		p.syntaxError()
	}
	p.next()
	return list
}

// block parses the suite after a compound statement's ':'. what and
// line name the statement for CPython's IndentationError.
func (p *parser) block(what string, line int32) []Stmt {
	p.expectColon()
	if p.tok.kind != tNewline {
		return p.simpleStmts(nil)
	}
	p.next()
	if p.tok.kind != tIndent {
		at := p.tok.pos
		end := p.tok.end
		if p.tok.kind == tEOF || p.tok.kind == tDedent {
			at, end = p.toks[p.i-1].pos, p.toks[p.i-1].pos
		}
		p.endsHere()
		p.errorAt(IndentationError, at, end, "expected an indented block after %s on line %d", what, line)
	}
	p.next()
	p.enter()
	var body []Stmt
	for p.tok.kind != tDedent && p.tok.kind != tEOF {
		body = p.statement(body)
	}
	p.leave()
	p.got(tDedent)
	return body
}

// forceColon reports "expected ':'" unless a ':' comes next, where
// CPython's grammar requires one whatever follows.
func (p *parser) forceColon() {
	if p.tok.kind == tNewline {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.pos, "expected ':'")
	}
	if p.tok.kind != tColon {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "expected ':'")
	}
}

func (p *parser) expectColon() {
	if p.tok.kind == tColon {
		p.next()
		return
	}
	if p.tok.kind == tNewline {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.pos, "expected ':'")
	}
	p.syntaxError()
}

func (p *parser) decorated() Stmt {
	var decos []Expr
	for p.got(tAt) {
		decos = append(decos, p.namedExpr())
		if p.tok.kind != tNewline {
			p.syntaxError()
		}
		p.next()
	}
	switch p.tok.kind {
	case kDef:
		return p.funcDef(decos)
	case kClass:
		return p.classDef(decos)
	}
	p.endsHere()
	p.syntaxError()
	return nil
}

func (p *parser) funcDef(decos []Expr) Stmt {
	start := p.tok.pos
	line := start.Line
	p.next()
	f := &FunctionDef{Decorators: decos, Name: p.ident(Store)}
	lp := p.tok.pos
	p.expect(tLParen)
	f.Params = p.params(tRParen, true)
	f.Params.Loc = loc(lp, p.tok.end)
	p.expect(tRParen)
	if p.got(tArrow) {
		f.Returns = p.expr()
	}
	p.forceColon()
	f.Body = p.block("function definition", line)
	f.Loc = loc(start, p.prevEnd)
	return f
}

func (p *parser) classDef(decos []Expr) Stmt {
	start := p.tok.pos
	line := start.Line
	p.next()
	c := &ClassDef{Decorators: decos, Name: p.ident(Store)}
	if p.got(tLParen) {
		c.Bases, c.Keywords = p.callArgs(p.prevEnd, false)
		p.expect(tRParen)
	}
	c.Body = p.block("class definition", line)
	c.Loc = loc(start, p.prevEnd)
	return c
}

// params parses a parameter list up to close (')' for def, ':' for
// lambda). Annotations are allowed when annotated is set.
func (p *parser) params(close tokKind, annotated bool) *Arguments {
	a := &Arguments{}
	var sawSlash, sawStar, sawDefault bool
	var bareStar *token // a bare '*' (def) or the token after it (lambda), where CPython reports it
	param := func() *Arg {
		id := p.ident(Store)
		arg := &Arg{Name: id}
		if annotated && p.got(tColon) {
			if p.tok.kind == tStar {
				s := p.tok.pos
				p.next()
				v := p.expr()
				arg.Annotation = &Starred{Loc: loc(s, p.endOf(v)), Value: v}
			} else {
				arg.Annotation = p.expr()
			}
		}
		arg.Loc = loc(id.Pos, p.prevEnd)
		return arg
	}
	for p.tok.kind != close {
		switch p.tok.kind {
		case tSlash:
			if len(a.Args) == 0 && !sawSlash {
				p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "at least one argument must precede /")
			}
			if sawSlash {
				p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "/ may appear only once")
			}
			if sawStar {
				p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "/ must be ahead of *")
			}
			sawSlash = true
			a.PosOnly, a.Args = a.Args, nil
			p.next()
		case tStar:
			if sawStar {
				p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "* argument may appear only once")
			}
			sawStar = true
			star := p.tok
			p.next()
			if p.tok.kind != tComma && p.tok.kind != close {
				a.Vararg = param()
			} else if close == tColon {
				bareStar = p.tok
			} else {
				bareStar = star
			}
		case tDoubleStar:
			p.next()
			a.Kwarg = param()
			p.got(tComma)
			if p.tok.kind != close {
				if p.tok.kind == tName || p.tok.kind == tStar || p.tok.kind == tDoubleStar || p.tok.kind == tSlash {
					p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "arguments cannot follow var-keyword argument")
				}
				p.syntaxError()
			}
			continue
		case tName:
			arg := param()
			var def Expr
			if p.got(tAssign) {
				def = p.expr()
			}
			if sawStar {
				a.KwOnly = append(a.KwOnly, arg)
				a.KwDefaults = append(a.KwDefaults, def)
				break
			}
			if def != nil {
				sawDefault = true
				a.Defaults = append(a.Defaults, def)
			} else if sawDefault {
				p.errorAt(SyntaxError, arg.Pos, arg.End, "non-default argument follows default argument")
			}
			a.Args = append(a.Args, arg)
		default:
			p.syntaxError()
		}
		if p.tok.kind != close {
			p.expect(tComma)
		}
	}
	if bareStar != nil && len(a.KwOnly) == 0 {
		p.errorAt(SyntaxError, bareStar.pos, bareStar.end, "named arguments must follow bare *")
	}
	return a
}

func (p *parser) ifStmt() Stmt {
	start := p.tok.pos
	word := "'if' statement"
	if p.tok.kind == kElif {
		word = "'elif' statement"
	}
	line := p.tok.pos.Line
	p.next()
	s := &If{Test: p.condition()}
	s.Body = p.block(word, line)
	switch p.tok.kind {
	case kElif:
		s.Else = []Stmt{p.ifStmt()}
	case kElse:
		s.Else = p.elseBlock()
	}
	s.Loc = loc(start, p.prevEnd)
	return s
}

func (p *parser) elseBlock() []Stmt {
	line := p.tok.pos.Line
	p.next()
	p.forceColon()
	return p.block("'else' statement", line)
}

// condition parses the test of if, elif and while, catching `=` for
// `==`.
func (p *parser) condition() Expr {
	e := p.namedExpr()
	if p.tok.kind == tAssign {
		p.misusedAssign(e)
	}
	return e
}

// misusedAssign reports `e = value` where an expression was expected.
func (p *parser) misusedAssign(e Expr) {
	p.next()
	v := p.bitOr()
	if p.tok.kind == tAssign || p.tok.kind == tColonEq {
		p.syntaxError()
	}
	if _, ok := e.(*Ident); ok {
		p.errorAt(SyntaxError, p.startOf(e), p.endOf(v), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	if p.isBitOrLevel(e) {
		p.errorNode(e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e))
	}
	p.syntaxError()
}

func (p *parser) whileStmt() Stmt {
	start := p.tok.pos
	line := start.Line
	p.next()
	s := &While{Test: p.condition()}
	s.Body = p.block("'while' statement", line)
	if p.tok.kind == kElse {
		s.Else = p.elseBlock()
	}
	s.Loc = loc(start, p.prevEnd)
	return s
}

func (p *parser) forStmt() Stmt {
	start := p.tok.pos
	line := start.Line
	p.next()
	s := &For{Target: p.targetList()}
	p.expect(kIn)
	s.Iter = p.starExprs()
	s.Body = p.block("'for' statement", line)
	if p.tok.kind == kElse {
		s.Else = p.elseBlock()
	}
	s.Loc = loc(start, p.prevEnd)
	return s
}

// targetList parses the targets of for and comprehensions.
func (p *parser) targetList() Expr {
	start := p.tok.pos
	var elts []Expr
	comma := false
	for {
		var e Expr
		if p.tok.kind == tStar {
			s := p.tok.pos
			p.next()
			v := p.bitOr()
			e = &Starred{Loc: loc(s, p.endOf(v)), Value: v}
		} else {
			e = p.bitOr()
		}
		elts = append(elts, e)
		if p.tok.kind != tComma {
			break
		}
		p.next()
		comma = true
		if !p.startsExpr() {
			break
		}
	}
	var t Expr = elts[0]
	if comma {
		t = &TupleExpr{Loc: loc(start, p.prevEnd), Elts: elts}
	}
	p.setStore(t, false)
	return t
}

func (p *parser) tryStmt() Stmt {
	start := p.tok.pos
	line := start.Line
	p.next()
	p.forceColon()
	s := &Try{Body: p.block("'try' statement", line)}
	for p.tok.kind == kExcept {
		hs := p.tok.pos
		hline := hs.Line
		p.next()
		if p.tok.kind == tStar {
			p.errorAt(SyntaxError, p.tok.pos, p.tok.end, "'except*' is not supported by threadlab's Python")
		}
		h := &ExceptHandler{}
		if p.tok.kind != tColon {
			h.Type = p.expr()
			if p.tok.kind == tComma {
				p.next()
				p.expr()
				for p.got(tComma) {
					p.expr()
				}
				p.errorAt(SyntaxError, p.startOf(h.Type), p.prevEnd, "multiple exception types must be parenthesized")
			}
			if p.got(kAs) {
				h.Name = p.ident(Store)
			}
		}
		h.Body = p.block("'except' statement", hline)
		h.Loc = loc(hs, p.prevEnd)
		s.Handlers = append(s.Handlers, h)
	}
	if p.tok.kind == kElse && len(s.Handlers) > 0 {
		s.Else = p.elseBlock()
	}
	if p.tok.kind == kFinally {
		fline := p.tok.pos.Line
		p.next()
		p.forceColon()
		s.Finally = p.block("'finally' statement", fline)
	}
	if len(s.Handlers) == 0 && s.Finally == nil {
		at, end := p.tok.pos, p.tok.end
		if p.tok.kind == tEOF || p.tok.kind == tDedent || p.tok.kind == tNewline {
			end = at
		}
		p.endsHere()
		p.errorAt(SyntaxError, at, end, "expected 'except' or 'finally' block")
	}
	s.Loc = loc(start, p.prevEnd)
	return s
}

func (p *parser) withStmt() Stmt {
	start := p.tok.pos
	line := start.Line
	p.next()
	s := &With{}
	if p.tok.kind == tLParen && p.parenthesizedItems() {
		p.next()
		for p.tok.kind != tRParen {
			s.Items = append(s.Items, p.withItem())
			if p.tok.kind != tRParen {
				p.expect(tComma)
			}
		}
		p.next()
	} else {
		for {
			s.Items = append(s.Items, p.withItem())
			if !p.got(tComma) {
				break
			}
		}
	}
	s.Body = p.block("'with' statement", line)
	s.Loc = loc(start, p.prevEnd)
	return s
}

// parenthesizedItems reports whether the '(' at the current token opens
// a parenthesized list of with-items: its ')' is followed by ':'.
func (p *parser) parenthesizedItems() bool {
	depth := 0
	for j := p.i; j < len(p.toks); j++ {
		switch p.toks[j].kind {
		case tLParen, tLBrack, tLBrace:
			depth++
		case tRParen, tRBrack, tRBrace:
			depth--
			if depth == 0 {
				return j+1 < len(p.toks) && p.toks[j+1].kind == tColon
			}
		case tEOF, tError:
			return true // unbalanced: report the error inside the items
		}
	}
	return false
}

func (p *parser) withItem() *WithItem {
	ctx := p.expr()
	it := &WithItem{Context: ctx}
	if p.got(kAs) {
		t := p.target()
		switch p.tok.kind {
		case tComma, tColon, tRParen, tNewline:
		default:
			p.syntaxError()
		}
		it.Vars = t
	}
	it.Loc = loc(p.startOf(ctx), p.prevEnd)
	return it
}

// target parses a single assignment target, as after `with ... as`.
func (p *parser) target() Expr {
	var t Expr
	if p.tok.kind == tStar {
		s := p.tok.pos
		p.next()
		v := p.bitOr()
		t = &Starred{Loc: loc(s, p.endOf(v)), Value: v}
	} else {
		t = p.bitOr()
	}
	p.setStore(t, false)
	return t
}

func (p *parser) simpleStmt() Stmt {
	start := p.tok.pos
	switch p.tok.kind {
	case kPass:
		p.next()
		return &Pass{loc(start, p.prevEnd)}
	case kBreak:
		p.next()
		return &Break{loc(start, p.prevEnd)}
	case kContinue:
		p.next()
		return &Continue{loc(start, p.prevEnd)}
	case kReturn:
		p.next()
		s := &Return{}
		if p.startsExpr() {
			s.Value = p.starExprs()
		}
		s.Loc = loc(start, p.prevEnd)
		return s
	case kRaise:
		p.next()
		s := &Raise{}
		if p.startsExpr() {
			s.Exc = p.expr()
			if p.got(kFrom) {
				s.Cause = p.expr()
			}
		}
		s.Loc = loc(start, p.prevEnd)
		return s
	case kGlobal, kNonlocal:
		global := p.tok.kind == kGlobal
		p.next()
		var names []*Ident
		for {
			names = append(names, p.ident(Load))
			if !p.got(tComma) {
				break
			}
		}
		if global {
			return &Global{loc(start, p.prevEnd), names}
		}
		return &Nonlocal{loc(start, p.prevEnd), names}
	case kDel:
		p.next()
		s := &Delete{}
		for {
			if p.tok.kind == tStar {
				p.errorNode(p.starExpr(), "cannot delete starred")
			}
			t := p.bitOr()
			p.setDel(t)
			s.Targets = append(s.Targets, t)
			if !p.got(tComma) || !p.startsExpr() {
				break
			}
		}
		s.Loc = loc(start, p.prevEnd)
		return s
	case kAssert:
		p.next()
		s := &Assert{Test: p.expr()}
		if p.got(tComma) {
			s.Msg = p.expr()
		}
		s.Loc = loc(start, p.prevEnd)
		return s
	case kImport:
		return p.importStmt()
	case kFrom:
		return p.fromImport()
	}
	return p.exprStmt()
}

func (p *parser) exprStmt() Stmt {
	start := p.tok.pos
	first := p.tok
	e := p.exprOrYield()
	switch k := p.tok.kind; {
	case k == tColon:
		p.next()
		s := &AnnAssign{Target: e, Annotation: p.expr()}
		switch e.(type) {
		case *Ident:
			s.Simple = first.kind != tLParen
		case *Attribute, *Subscript:
		case *TupleExpr:
			p.errorNode(e, "only single target (not tuple) can be annotated")
		case *ListExpr:
			p.errorNode(e, "only single target (not list) can be annotated")
		default:
			p.errorNode(e, "illegal target for annotation")
		}
		p.setStore(e, false)
		if p.got(tAssign) {
			s.Value = p.exprOrYield()
		}
		s.Loc = loc(start, p.prevEnd)
		return s
	case k == tAssign:
		targets := []Expr{e}
		var value Expr
		for p.got(tAssign) {
			value = p.exprOrYield()
			targets = append(targets, value)
		}
		targets = targets[:len(targets)-1]
		for _, t := range targets {
			p.setStore(t, len(targets) == 1)
		}
		return &Assign{Loc: loc(start, p.prevEnd), Targets: targets, Value: value}
	default:
		if op, ok := k.augOp(); ok {
			switch e.(type) {
			case *Ident, *Attribute, *Subscript:
			default:
				p.errorNode(e, "'%s' is an illegal expression for augmented assignment", exprName(e))
			}
			p.setStore(e, false)
			p.next()
			v := p.exprOrYield()
			return &AugAssign{Loc: loc(start, p.prevEnd), Target: e, Op: op, Value: v}
		}
	}
	if id, ok := e.(*Ident); ok && (id.Name == "print" || id.Name == "exec") && p.startsExpr() {
		p.starExprs()
		p.errorAt(SyntaxError, start, p.prevEnd, "Missing parentheses in call to '%s'. Did you mean %s(...)?", id.Name, id.Name)
	}
	return &ExprStmt{Loc: loc(start, p.prevEnd), X: e}
}

func (p *parser) importStmt() Stmt {
	start := p.tok.pos
	p.next()
	s := &Import{}
	for {
		as := p.tok.pos
		name, first := p.dottedName()
		a := &Alias{Name: name}
		a.Bind = &Ident{Loc: first.Loc, Name: first.Name, Ctx: Store}
		if p.got(kAs) {
			id := p.ident(Store)
			a.AsName, a.Bind = id.Name, id
		}
		a.Loc = loc(as, p.prevEnd)
		s.Names = append(s.Names, a)
		if !p.got(tComma) {
			break
		}
	}
	s.Loc = loc(start, p.prevEnd)
	return s
}

// dottedName parses NAME ('.' NAME)* and returns the text and the first
// name.
func (p *parser) dottedName() (string, *Ident) {
	first := p.ident(Load)
	name := first.Name
	for p.tok.kind == tDot {
		p.next()
		name += "." + p.ident(Load).Name
	}
	return name, first
}

func (p *parser) fromImport() Stmt {
	start := p.tok.pos
	p.next()
	s := &ImportFrom{}
	for p.tok.kind == tDot || p.tok.kind == tEllipsis {
		s.Level += len(p.tok.text)
		p.next()
	}
	if p.tok.kind != kImport || s.Level == 0 {
		s.Module, _ = p.dottedName()
	}
	p.expect(kImport)
	if p.tok.kind == tStar {
		a := &Alias{Loc: loc(p.tok.pos, p.tok.end), Name: "*"}
		p.next()
		s.Names = []*Alias{a}
		s.Loc = loc(start, p.prevEnd)
		return s
	}
	paren := p.got(tLParen)
	for {
		as := p.tok.pos
		id := p.ident(Store)
		a := &Alias{Name: id.Name, Bind: id}
		if p.got(kAs) {
			bind := p.ident(Store)
			a.AsName, a.Bind = bind.Name, bind
		}
		a.Loc = loc(as, p.prevEnd)
		s.Names = append(s.Names, a)
		if !p.got(tComma) {
			break
		}
		if paren && p.tok.kind == tRParen {
			break
		}
		if !paren && p.tok.kind == tNewline {
			p.errorAt(SyntaxError, p.tok.pos, p.tok.pos, "trailing comma not allowed without surrounding parentheses")
		}
	}
	if paren {
		p.expect(tRParen)
	}
	s.Loc = loc(start, p.prevEnd)
	return s
}

// ident parses a NAME.
func (p *parser) ident(ctx Ctx) *Ident {
	if p.tok.kind != tName {
		p.syntaxError()
	}
	id := &Ident{Loc: loc(p.tok.pos, p.tok.end), Name: p.tok.text, Ctx: ctx}
	p.next()
	return id
}
