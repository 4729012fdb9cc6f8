// Package compile turns a parsed and resolved module (packages syntax
// and resolve) into code objects: stack bytecode for package python's
// interpreter loop. Each name becomes a fast local slot, a cell, a
// global or a class-body name as package resolve decided, so the
// interpreter never looks names up by scope chains at run time.
//
// Package resolve reports the scope errors and the SyntaxWarnings; the
// compiler reports, as *syntax.Error values, what threadlab cannot
// compile (complex numbers, relative imports, starred bases).
//
// The files: compile.go (modules, statements, functions and classes),
// expr.go (expressions), names.go (slots and name access), code.go
// (the Code and its instructions), ops.go and effect.go (operators and
// stack effects).
package compile

import (
	"fmt"
	"math"

	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// Module compiles a module that resolve.File has resolved without error.
// With interactive set, a final expression statement's value is the
// module code's return value (a notebook cell's result).
func Module(m *syntax.Module, interactive bool) (code *Code, err error) {
	top, ok := m.Scope.(*resolve.Function)
	if !ok {
		return nil, &syntax.Error{Kind: syntax.SyntaxError, Msg: "threadlab compiler: the module was not resolved", Filename: m.Filename, Pos: m.Pos, End: m.Pos}
	}
	c := &compiler{file: m.Filename, lazyAnnotations: top.FutureAnnotations}
	f := c.newFunc(top, m.Pos.Line)
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*syntax.Error)
			if !ok {
				panic(r)
			}
			code, err = nil, e
		}
	}()
	if hasAnnotations(m.Body) {
		f.emit(SETUP_ANNOTATIONS, 0)
	}
	body := m.Body
	if !interactive && len(body) > 0 {
		if es, ok := body[0].(*syntax.ExprStmt); ok {
			if s, ok := es.X.(*syntax.StrLit); ok {
				f.setSpan(es)
				f.loadConst(s.Value)
				store := STORE_GLOBAL
				if top.Namespace {
					store = STORE_NAME
				}
				f.emit(store, f.name("__doc__"))
				body = body[1:]
			}
		}
	}
	if interactive && len(body) > 0 {
		if es, ok := body[len(body)-1].(*syntax.ExprStmt); ok {
			f.stmts(body[:len(body)-1])
			f.setSpan(es)
			f.expr(es.X)
			f.emit(RETURN_VALUE, 0)
			return f.finish(), nil
		}
	}
	f.stmts(body)
	f.returnNone()
	return f.finish(), nil
}

type compiler struct {
	file            string
	lazyAnnotations bool // from __future__ import annotations: annotations are not evaluated
}

// fcomp compiles one code object.
type fcomp struct {
	c       *compiler
	sc      *resolve.Function
	slot    []int // the frame slot of each of sc's Locals
	code    *Code
	consts  map[constKey]int
	names   map[string]int
	line    int32
	span    Span
	depth   int
	maxD    int
	fblocks []fblock
}

type constKey struct {
	kind byte
	s    string
	i    int64
}

type fbKind uint8

const (
	fbWhile fbKind = iota
	fbFor
	fbTryExcept      // in a try body with except clauses: POP_BLOCK
	fbTryFinally     // in a try body with a finally: POP_BLOCK, run the finally body
	fbHandler        // in an except body: POP_EXCEPT
	fbFinallyHandler // in a finally body run for an exception (exc on the stack)
	fbWith           // in a with body: POP_BLOCK, exit(None, None, None)
)

type fblock struct {
	kind          fbKind
	brk, cont     *label
	finally       []syntax.Stmt
	handlerTarget *syntax.Ident
}

type label struct {
	pos  int
	refs []int
}

func (c *compiler) newFunc(fn *resolve.Function, line int32) *fcomp {
	f := &fcomp{c: c, sc: fn, consts: map[constKey]int{}, names: map[string]int{}, line: line}
	f.code = &Code{Name: fn.Name, QualName: fn.QualName, Filename: c.file, FirstLine: int(line)}
	f.slot = layout(f.code, fn)
	f.code.Generator = fn.Generator
	f.code.ClassBody = fn.Kind == resolve.ClassKind
	return f
}

func (f *fcomp) finish() *Code {
	f.code.MaxStack = f.maxD + 2
	markLoopVars(f.code)
	fuse(f.code.Instrs)
	return f.code
}

// markLoopVars turns into STORE_LOOP_VAR each STORE_FAST that a FOR_ITER
// feeds of a local that is not a parameter, is stored nowhere else, and
// that no instruction loads or deletes: `for _ in range(n)`. Only
// locals() and eval's view of the frame can see such a variable, and
// they ask the frame (it may hold the value unboxed).
func markLoopVars(c *Code) {
	params := c.NumArgs + c.NumKwOnly
	if c.VarArgs {
		params++
	}
	if c.VarKw {
		params++
	}
	uses := make([]int, len(c.Locals)) // stores and reads of each local
	for _, in := range c.Instrs {
		switch in.Op {
		case LOAD_FAST, STORE_FAST, DELETE_FAST:
			uses[in.Arg]++
		}
	}
	for i := 1; i < len(c.Instrs); i++ {
		if in := c.Instrs[i]; in.Op == STORE_FAST && c.Instrs[i-1].Op == FOR_ITER && uses[in.Arg] == 1 && int(in.Arg) >= params {
			c.Instrs[i].Op = STORE_LOOP_VAR
		}
	}
}

// fuse turns the first instruction of each pair that a superinstruction
// stands for into it. The second is left as it was, so a jump to it
// still finds it. It goes from the end, so that of x y z, where x y and
// y z both fuse, y z does (y then runs with the z after it), and x,
// whose second is then not the plain y, runs on its own: a, i % 3
// rather than a i, % 3.
func fuse(instrs []Instr) {
	for i := len(instrs) - 2; i >= 0; i-- {
		switch first, second := instrs[i].Op, instrs[i+1].Op; {
		case first == LOAD_CONST && second == RETURN_VALUE:
			instrs[i].Op = RETURN_CONST
		case first == LOAD_FAST && second == RETURN_VALUE:
			instrs[i].Op = RETURN_FAST
		case first == LOAD_FAST && second == LOAD_METHOD:
			instrs[i].Op = LOAD_FAST_METHOD
		case first == LOAD_FAST && second == YIELD_VALUE:
			instrs[i].Op = YIELD_FAST
		case first == FOR_ITER && (second == STORE_FAST || second == STORE_LOOP_VAR):
			instrs[i].Op = FOR_ITER_STORE
		case first == LOAD_FAST && second == LOAD_ATTR:
			instrs[i].Op = LOAD_FAST_ATTR
		case first == LOAD_FAST && second == STORE_ATTR:
			instrs[i].Op = LOAD_FAST_STORE_ATTR
		case first == LOAD_FAST && (second == LOAD_FAST || second == LOAD_FAST_BINARY):
			// a b + runs as a pair and the + (the b + it skips fuses
			// the same two)
			instrs[i].Op = LOAD_FAST_FAST
		case first == LOAD_FAST && second == BINARY:
			instrs[i].Op = LOAD_FAST_BINARY
		case first == LOAD_GLOBAL && second == LOAD_FAST_BINARY:
			instrs[i].Op = LOAD_GLOBAL_ARITH
		case first == LOAD_GLOBAL && second == LOAD_FAST && i+2 < len(instrs) && instrs[i+2].Op == INPLACE:
			instrs[i].Op = LOAD_GLOBAL_ARITH
		case first == LOAD_FAST && second == LOAD_CONST:
			instrs[i].Op = LOAD_FAST_CONST
		case first == DUP_TOP && second == LOAD_ATTR:
			instrs[i].Op = DUP_TOP_ATTR
		case first == INPLACE && second == ROT_TWO && i+2 < len(instrs) && instrs[i+2].Op == STORE_ATTR:
			instrs[i].Op = INPLACE_STORE_ATTR
		}
	}
}

func (f *fcomp) fail(pos syntax.Pos, format string, a ...any) {
	panic(&syntax.Error{Kind: syntax.SyntaxError, Msg: fmt.Sprintf(format, a...), Filename: f.c.file, Pos: pos, End: pos})
}

func (f *fcomp) setLine(p syntax.Pos) {
	if p.Line > 0 {
		f.line = p.Line
		f.span = Span{Line: p.Line, Col: p.Col, EndLine: p.Line, EndCol: -1}
	}
}

// setSpan makes n's extent the position of the instructions emitted next.
func (f *fcomp) setSpan(n syntax.Node) {
	start, end := n.Span()
	if start.Line > 0 {
		f.line = start.Line
		f.span = Span{Line: start.Line, Col: start.Col, EndLine: end.Line, EndCol: end.Col}
	}
}

// emit appends an instruction and tracks the stack depth.
func (f *fcomp) emit(op Op, arg int) int {
	f.code.Instrs = append(f.code.Instrs, Instr{Op: op, Arg: int32(arg)})
	f.code.Lines = append(f.code.Lines, f.line)
	f.code.Spans = append(f.code.Spans, f.span)
	f.depth += stackEffect(op, arg)
	if f.depth > f.maxD {
		f.maxD = f.depth
	}
	return len(f.code.Instrs) - 1
}

func (f *fcomp) newLabel() *label { return &label{pos: -1} }

func (f *fcomp) jump(op Op, l *label) {
	i := f.emit(op, 0)
	if l.pos >= 0 {
		f.code.Instrs[i].Arg = int32(l.pos)
	} else {
		l.refs = append(l.refs, i)
	}
}

func (f *fcomp) bind(l *label) {
	l.pos = len(f.code.Instrs)
	for _, i := range l.refs {
		f.code.Instrs[i].Arg = int32(l.pos)
	}
	l.refs = nil
}

func (f *fcomp) constIndex(v any) int {
	var k constKey
	switch x := v.(type) {
	case int64:
		k = constKey{kind: 'i', i: x}
	case float64:
		k = constKey{kind: 'f', i: int64(math.Float64bits(x))}
	case string:
		k = constKey{kind: 's', s: x}
	case BytesConst:
		k = constKey{kind: 'b', s: string(x)}
	case bool:
		k = constKey{kind: 'B', i: map[bool]int64{false: 0, true: 1}[x]}
	case NoneConst:
		k = constKey{kind: 'N'}
	case EllipsisConst:
		k = constKey{kind: 'E'}
	default:
		f.code.Consts = append(f.code.Consts, v)
		return len(f.code.Consts) - 1
	}
	if i, ok := f.consts[k]; ok {
		return i
	}
	f.code.Consts = append(f.code.Consts, v)
	f.consts[k] = len(f.code.Consts) - 1
	return len(f.code.Consts) - 1
}

func (f *fcomp) loadConst(v any) { f.emit(LOAD_CONST, f.constIndex(v)) }

// attrName is the name index of an attribute, mangled if private.
func (f *fcomp) attrName(n string) int { return f.name(resolve.Mangle(f.sc.Class, n)) }

func (f *fcomp) name(n string) int {
	if i, ok := f.names[n]; ok {
		return i
	}
	f.code.Names = append(f.code.Names, n)
	f.names[n] = len(f.code.Names) - 1
	return len(f.code.Names) - 1
}

func (f *fcomp) returnNone() {
	f.loadConst(NoneConst{})
	f.emit(RETURN_VALUE, 0)
}

// ---- statements ----

func (f *fcomp) stmts(list []syntax.Stmt) {
	for _, s := range list {
		f.stmt(s)
	}
}

func hasAnnotations(body []syntax.Stmt) bool {
	for _, s := range body {
		if a, ok := s.(*syntax.AnnAssign); ok && a.Simple {
			return true
		}
	}
	return false
}

func (f *fcomp) stmt(s syntax.Stmt) {
	start, _ := s.Span()
	f.setSpan(s)
	switch n := s.(type) {
	case *syntax.ExprStmt:
		f.expr(n.X)
		f.emit(POP_TOP, 0)
	case *syntax.Assign:
		f.expr(n.Value)
		for i, t := range n.Targets {
			if i < len(n.Targets)-1 {
				f.emit(DUP_TOP, 0)
			}
			f.store(t)
		}
	case *syntax.AugAssign:
		f.augAssign(n)
	case *syntax.AnnAssign:
		if n.Value != nil {
			f.expr(n.Value)
			f.store(n.Target)
		}
		if id, ok := n.Target.(*syntax.Ident); ok && n.Simple && f.sc.Kind != resolve.FunctionKind && !f.c.lazyAnnotations {
			f.expr(n.Annotation)
			f.emit(STORE_ANNOTATION, f.name(id.Name))
		}
	case *syntax.If:
		f.ifStmt(n)
	case *syntax.While:
		f.whileStmt(n)
	case *syntax.For:
		f.forStmt(n)
	case *syntax.Break:
		f.breakCont(n.Pos, true)
	case *syntax.Continue:
		f.breakCont(n.Pos, false)
	case *syntax.Pass:
	case *syntax.Return:
		if n.Value != nil {
			f.expr(n.Value)
		} else {
			f.loadConst(NoneConst{})
		}
		f.unwind(len(f.fblocks), true)
		f.setLine(n.Pos)
		f.emit(RETURN_VALUE, 0)
	case *syntax.FunctionDef:
		f.funcDef(n)
	case *syntax.ClassDef:
		f.classDef(n)
	case *syntax.Delete:
		for _, t := range n.Targets {
			f.del(t)
		}
	case *syntax.Global, *syntax.Nonlocal:
	case *syntax.Raise:
		switch {
		case n.Exc == nil:
			f.emit(RAISE, 0)
		case n.Cause == nil:
			f.expr(n.Exc)
			f.emit(RAISE, 1)
		default:
			f.expr(n.Exc)
			f.expr(n.Cause)
			f.emit(RAISE, 2)
		}
	case *syntax.Assert:
		ok := f.newLabel()
		f.expr(n.Test)
		f.jump(POP_JUMP_IF_TRUE, ok)
		if n.Msg != nil {
			f.expr(n.Msg)
			f.setSpan(n.Test)
			f.emit(RAISE_ASSERT, 1)
		} else {
			f.setSpan(n.Test)
			f.emit(RAISE_ASSERT, 0)
		}
		f.bind(ok)
	case *syntax.Try:
		f.tryStmt(n)
	case *syntax.With:
		f.withStmt(n.Items, n.Body)
	case *syntax.Import:
		for _, a := range n.Names {
			f.loadConst(NoneConst{})
			f.emit(IMPORT_NAME, f.name(a.Name))
			if a.AsName == "" && a.Bind.Name != a.Name {
				// import a.b binds a
				f.emit(POP_TOP, 0)
				f.loadConst(NoneConst{})
				f.emit(IMPORT_NAME, f.name(a.Bind.Name))
			}
			f.storeName(a.Bind)
		}
	case *syntax.ImportFrom:
		if n.Level > 0 {
			f.fail(n.Pos, "threadlab has no packages: relative imports are not supported")
		}
		f.loadConst(NoneConst{})
		f.emit(IMPORT_NAME, f.name(n.Module))
		for _, a := range n.Names {
			if a.Name == "*" {
				f.emit(IMPORT_STAR, 0)
				return
			}
			f.emit(IMPORT_FROM, f.name(a.Name))
			f.storeName(a.Bind)
		}
		f.emit(POP_TOP, 0)
	default:
		f.fail(start, "threadlab cannot compile this statement (%T)", s)
	}
}

func (f *fcomp) augAssign(n *syntax.AugAssign) {
	op := binOp(n.Op)
	switch t := n.Target.(type) {
	case *syntax.Ident:
		f.loadName(t)
		f.expr(n.Value)
		f.setSpan(n)
		f.emit(INPLACE, int(op))
		f.storeName(t)
	case *syntax.Attribute:
		f.expr(t.X)
		f.emit(DUP_TOP, 0)
		f.emit(LOAD_ATTR, f.attrName(t.Name))
		f.expr(n.Value)
		f.setSpan(n)
		f.emit(INPLACE, int(op))
		f.emit(ROT_TWO, 0)
		f.emit(STORE_ATTR, f.attrName(t.Name))
	case *syntax.Subscript:
		f.expr(t.X)
		f.expr(t.Index)
		f.emit(DUP_TOP_TWO, 0)
		f.emit(BINARY_SUBSCR, 0)
		f.expr(n.Value)
		f.setSpan(n)
		f.emit(INPLACE, int(op))
		f.emit(ROT_THREE, 0)
		f.emit(STORE_SUBSCR, 0)
	default:
		f.fail(n.Pos, "'%s' is an illegal expression for augmented assignment", "expression")
	}
}

// store assigns the value on top of the stack to a target.
func (f *fcomp) store(t syntax.Expr) {
	switch n := t.(type) {
	case *syntax.Ident:
		f.storeName(n)
	case *syntax.Attribute:
		f.expr(n.X)
		f.setSpan(n)
		f.emit(STORE_ATTR, f.attrName(n.Name))
	case *syntax.Subscript:
		f.expr(n.X)
		f.expr(n.Index)
		f.setSpan(n)
		f.emit(STORE_SUBSCR, 0)
	case *syntax.TupleExpr:
		f.unpack(n.Pos, n.Elts)
	case *syntax.ListExpr:
		f.unpack(n.Pos, n.Elts)
	case *syntax.Starred:
		f.fail(n.Pos, "starred assignment target must be in a list or tuple")
	default:
		start, _ := t.Span()
		f.fail(start, "cannot assign to expression")
	}
}

func (f *fcomp) unpack(pos syntax.Pos, elts []syntax.Expr) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*syntax.Starred); ok {
			if star >= 0 {
				f.fail(pos, "multiple starred expressions in assignment")
			}
			star = i
		}
	}
	f.setLine(pos)
	if star < 0 {
		f.emit(UNPACK_SEQUENCE, len(elts))
	} else {
		f.emit(UNPACK_EX, star|(len(elts)-star-1)<<8)
	}
	for _, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			f.store(s.Value)
		} else {
			f.store(e)
		}
	}
}

func (f *fcomp) del(t syntax.Expr) {
	switch n := t.(type) {
	case *syntax.Ident:
		f.deleteName(n)
	case *syntax.Attribute:
		f.expr(n.X)
		f.emit(DELETE_ATTR, f.attrName(n.Name))
	case *syntax.Subscript:
		f.expr(n.X)
		f.expr(n.Index)
		f.emit(DELETE_SUBSCR, 0)
	case *syntax.TupleExpr:
		for _, e := range n.Elts {
			f.del(e)
		}
	case *syntax.ListExpr:
		for _, e := range n.Elts {
			f.del(e)
		}
	default:
		start, _ := t.Span()
		f.fail(start, "cannot delete expression")
	}
}

func (f *fcomp) ifStmt(n *syntax.If) {
	els, end := f.newLabel(), f.newLabel()
	f.expr(n.Test)
	f.jump(POP_JUMP_IF_FALSE, els)
	f.stmts(n.Body)
	if len(n.Else) > 0 {
		f.jump(JUMP, end)
	}
	f.bind(els)
	f.stmts(n.Else)
	f.bind(end)
}

func isTrueConst(e syntax.Expr) bool {
	switch x := e.(type) {
	case *syntax.NameConst:
		return x.Value == syntax.True
	case *syntax.IntLit:
		return x.Big != nil || x.Small != 0
	}
	return false
}

func (f *fcomp) whileStmt(n *syntax.While) {
	top, els, brk := f.newLabel(), f.newLabel(), f.newLabel()
	f.bind(top)
	if !isTrueConst(n.Test) {
		f.expr(n.Test)
		f.jump(POP_JUMP_IF_FALSE, els)
	}
	f.fblocks = append(f.fblocks, fblock{kind: fbWhile, brk: brk, cont: top})
	f.stmts(n.Body)
	f.fblocks = f.fblocks[:len(f.fblocks)-1]
	f.jump(JUMP, top)
	f.bind(els)
	f.stmts(n.Else)
	f.bind(brk)
}

func (f *fcomp) forStmt(n *syntax.For) {
	top, els, brk := f.newLabel(), f.newLabel(), f.newLabel()
	f.expr(n.Iter)
	f.setSpan(n)
	f.emit(GET_ITER, 0)
	f.bind(top)
	f.jump(FOR_ITER, els)
	f.depth++ // the next value, while the loop body runs
	f.store(n.Target)
	f.fblocks = append(f.fblocks, fblock{kind: fbFor, brk: brk, cont: top})
	f.stmts(n.Body)
	f.fblocks = f.fblocks[:len(f.fblocks)-1]
	f.setLine(n.Pos)
	f.jump(JUMP, top)
	f.bind(els)
	f.depth-- // FOR_ITER popped the iterator
	f.stmts(n.Else)
	f.bind(brk)
}

func (f *fcomp) breakCont(pos syntax.Pos, isBreak bool) {
	for i := len(f.fblocks) - 1; i >= 0; i-- {
		b := f.fblocks[i]
		if b.kind == fbWhile || b.kind == fbFor {
			f.unwind(len(f.fblocks)-i-1, false)
			if isBreak {
				if b.kind == fbFor {
					f.emit(POP_TOP, 0)
					f.depth++
				}
				f.jump(JUMP, b.brk)
			} else {
				f.jump(JUMP, b.cont)
			}
			return
		}
	}
	if isBreak {
		f.fail(pos, "'break' outside loop")
	}
	f.fail(pos, "'continue' not properly in loop")
}

// unwind emits the exits of the innermost n fblocks, for a return
// (value on the stack), break or continue leaving them.
func (f *fcomp) unwind(n int, returning bool) {
	saved := f.fblocks
	defer func() { f.fblocks = saved }()
	depth := f.depth
	for i := len(saved) - 1; i >= len(saved)-n; i-- {
		b := saved[i]
		f.fblocks = saved[:i]
		switch b.kind {
		case fbFor:
			if returning {
				f.emit(ROT_TWO, 0)
				f.emit(POP_TOP, 0)
			} else {
				// an inner loop's iterator, left by break/continue of an outer loop
				f.emit(POP_TOP, 0)
			}
		case fbTryExcept:
			f.emit(POP_BLOCK, 0)
		case fbTryFinally:
			f.emit(POP_BLOCK, 0)
			f.stmts(b.finally)
		case fbHandler:
			f.emit(POP_EXCEPT, 0)
			if b.handlerTarget != nil {
				f.loadConst(NoneConst{})
				f.storeName(b.handlerTarget)
				f.deleteName(b.handlerTarget)
			}
		case fbFinallyHandler:
			f.emit(POP_EXCEPT, 0)
			if returning {
				f.emit(ROT_TWO, 0)
			}
			f.emit(POP_TOP, 0)
		case fbWith:
			f.emit(POP_BLOCK, 0)
			if returning {
				f.emit(ROT_TWO, 0)
			}
			f.emit(WITH_EXIT, 0)
		}
	}
	f.depth = depth
}

func (f *fcomp) tryStmt(n *syntax.Try) {
	if len(n.Finally) == 0 {
		f.tryExcept(n)
		return
	}
	fin, end := f.newLabel(), f.newLabel()
	f.jump(SETUP_FINALLY, fin)
	f.fblocks = append(f.fblocks, fblock{kind: fbTryFinally, finally: n.Finally})
	if len(n.Handlers) > 0 {
		f.tryExcept(n)
	} else {
		f.stmts(n.Body)
	}
	f.fblocks = f.fblocks[:len(f.fblocks)-1]
	f.emit(POP_BLOCK, 0)
	f.stmts(n.Finally)
	f.jump(JUMP, end)
	f.bind(fin)
	f.depth++ // the exception
	f.fblocks = append(f.fblocks, fblock{kind: fbFinallyHandler})
	f.stmts(n.Finally)
	f.fblocks = f.fblocks[:len(f.fblocks)-1]
	f.emit(RERAISE, 0)
	f.bind(end)
}

func (f *fcomp) tryExcept(n *syntax.Try) {
	handlers, end := f.newLabel(), f.newLabel()
	f.jump(SETUP_FINALLY, handlers)
	f.fblocks = append(f.fblocks, fblock{kind: fbTryExcept})
	f.stmts(n.Body)
	f.fblocks = f.fblocks[:len(f.fblocks)-1]
	f.emit(POP_BLOCK, 0)
	f.stmts(n.Else)
	f.jump(JUMP, end)
	f.bind(handlers)
	f.depth++ // the exception
	for i, h := range n.Handlers {
		f.setLine(h.Pos)
		next := f.newLabel()
		if h.Type == nil {
			if i != len(n.Handlers)-1 {
				f.fail(h.Pos, "default 'except:' must be last")
			}
		} else {
			f.expr(h.Type)
			f.jump(JUMP_IF_NOT_EXC_MATCH, next)
		}
		if h.Name != nil {
			f.storeName(h.Name)
		} else {
			f.emit(POP_TOP, 0)
		}
		f.fblocks = append(f.fblocks, fblock{kind: fbHandler, handlerTarget: h.Name})
		f.stmts(h.Body)
		f.fblocks = f.fblocks[:len(f.fblocks)-1]
		f.emit(POP_EXCEPT, 0)
		if h.Name != nil {
			f.loadConst(NoneConst{})
			f.storeName(h.Name)
			f.deleteName(h.Name)
		}
		f.jump(JUMP, end)
		f.bind(next)
		f.depth++ // the exception, on the path to the next clause
	}
	f.emit(RERAISE, 0)
	f.bind(end)
}

func (f *fcomp) withStmt(items []*syntax.WithItem, body []syntax.Stmt) {
	it := items[0]
	exc, end := f.newLabel(), f.newLabel()
	f.setLine(it.Pos)
	f.expr(it.Context)
	f.jump(SETUP_WITH, exc)
	if it.Vars != nil {
		f.store(it.Vars)
	} else {
		f.emit(POP_TOP, 0)
	}
	f.fblocks = append(f.fblocks, fblock{kind: fbWith})
	if len(items) > 1 {
		f.withStmt(items[1:], body)
	} else {
		f.stmts(body)
	}
	f.fblocks = f.fblocks[:len(f.fblocks)-1]
	f.emit(POP_BLOCK, 0)
	f.setLine(it.Pos)
	f.emit(WITH_EXIT, 0)
	f.jump(JUMP, end)
	f.bind(exc)
	f.depth += 2 // exit and the exception
	f.emit(WITH_EXCEPT, 0)
	f.bind(end)
}

// ---- functions and classes ----

// makeFunction emits the code that builds a function object for node
// (def, lambda, comprehension or class body), whose Scope field is
// scope and whose code is built by body.
func (f *fcomp) makeFunction(node syntax.Node, scope any, params *syntax.Arguments, returns syntax.Expr, body func(g *fcomp)) {
	start, _ := node.Span()
	sc, ok := scope.(*resolve.Function)
	if !ok {
		f.fail(start, "threadlab compiler: the %T was not resolved", node)
	}
	g := f.c.newFunc(sc, start.Line)
	flags := 0
	if params != nil {
		g.code.NumPosOnly = len(params.PosOnly)
		g.code.NumArgs = len(params.PosOnly) + len(params.Args)
		g.code.NumKwOnly = len(params.KwOnly)
		g.code.VarArgs = params.Vararg != nil
		g.code.VarKw = params.Kwarg != nil
		if len(params.Defaults) > 0 {
			for _, d := range params.Defaults {
				f.expr(d)
			}
			f.emit(BUILD_TUPLE, len(params.Defaults))
			flags |= 1
		}
		nkw := 0
		for i, d := range params.KwDefaults {
			if d != nil {
				f.loadConst(params.KwOnly[i].Name.Name)
				f.expr(d)
				nkw++
			}
		}
		if nkw > 0 {
			f.emit(BUILD_MAP, nkw)
			flags |= 2
		}
		if nann := f.annotations(params, returns); nann > 0 {
			f.emit(BUILD_MAP, nann)
			flags |= 4
		}
	}
	if sc.Kind == resolve.ComprehensionKind {
		g.code.NumArgs = 1
	}
	body(g)
	code := g.finish()
	if len(sc.FreeVars) > 0 {
		for _, b := range sc.FreeVars {
			f.emit(LOAD_CLOSURE, f.derefIndex(b.Outer))
		}
		f.emit(BUILD_TUPLE, len(sc.FreeVars))
		flags |= 8
	}
	f.loadConst(code)
	f.emit(MAKE_FUNCTION, flags)
}

// annotations pushes the names and values of a def's or lambda's
// annotations and returns how many there are. Under
// `from __future__ import annotations` there are none: the resolver
// leaves them unresolved, as CPython leaves them unevaluated.
func (f *fcomp) annotations(params *syntax.Arguments, returns syntax.Expr) int {
	if f.c.lazyAnnotations {
		return 0
	}
	nann := 0
	annotated := append(append([]*syntax.Arg(nil), params.PosOnly...), params.Args...)
	if params.Vararg != nil {
		annotated = append(annotated, params.Vararg)
	}
	annotated = append(annotated, params.KwOnly...)
	if params.Kwarg != nil {
		annotated = append(annotated, params.Kwarg)
	}
	for _, a := range annotated {
		if a.Annotation != nil {
			f.loadConst(a.Name.Name)
			f.expr(a.Annotation)
			nann++
		}
	}
	if returns != nil {
		f.loadConst("return")
		f.expr(returns)
		nann++
	}
	return nann
}

func (f *fcomp) funcDef(n *syntax.FunctionDef) {
	for _, d := range n.Decorators {
		f.expr(d)
	}
	f.setLine(n.Pos)
	f.makeFunction(n, n.Scope, n.Params, n.Returns, func(g *fcomp) {
		body := n.Body
		if hasDocstring(body) {
			g.code.HasDoc = true
			g.constIndex(body[0].(*syntax.ExprStmt).X.(*syntax.StrLit).Value)
			body = body[1:]
		}
		g.stmts(body)
		g.returnNone()
	})
	for range n.Decorators {
		f.emit(CALL, 1)
	}
	f.storeName(n.Name)
}

func (f *fcomp) classDef(n *syntax.ClassDef) {
	for _, d := range n.Decorators {
		f.expr(d)
	}
	f.setLine(n.Pos)
	f.makeFunction(n, n.Scope, nil, nil, func(g *fcomp) {
		body := n.Body
		if hasAnnotations(body) {
			g.emit(SETUP_ANNOTATIONS, 0)
		}
		if len(body) > 0 {
			if es, ok := body[0].(*syntax.ExprStmt); ok {
				if s, ok := es.X.(*syntax.StrLit); ok {
					g.loadConst(s.Value)
					g.emit(STORE_NAME, g.name("__doc__"))
					body = body[1:]
				}
			}
		}
		g.stmts(body)
		if g.sc.ClassCell {
			// A class body's only cell is __class__.
			g.emit(LOAD_CLOSURE, g.derefIndex(g.sc.Cells[len(g.sc.Cells)-1]))
			g.emit(RETURN_VALUE, 0)
		} else {
			g.returnNone()
		}
	})
	f.loadConst(n.Name.Name)
	for _, b := range n.Bases {
		if s, ok := b.(*syntax.Starred); ok {
			f.fail(s.Pos, "threadlab does not support starred base classes")
		}
		f.expr(b)
	}
	f.emit(MAKE_CLASS, len(n.Bases))
	for range n.Decorators {
		f.emit(CALL, 1)
	}
	f.storeName(n.Name)
}

// hasDocstring reports whether a body starts with a docstring.
func hasDocstring(body []syntax.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	es, ok := body[0].(*syntax.ExprStmt)
	if !ok {
		return false
	}
	_, ok = es.X.(*syntax.StrLit)
	return ok
}
