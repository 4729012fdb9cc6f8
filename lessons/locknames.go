package lessons

import (
	"strconv"
	"sync"

	"go.starlark.net/syntax"
)

// A lock is named after the place the program keeps it, so that a deadlock
// report says `locks["alice"]` rather than `Lock-3`. (So is a lab.shared
// object, for the stepper's state.) The name comes from
// the text of the cell: when a cell is compiled, every call of Lock or
// RLock whose result is assigned, put in a literal or passed by keyword is
// noted at its position, with the name of that place:
//
//	guard = threading.Lock()                  guard
//	a, b = threading.Lock(), threading.Lock() a, b
//	bank.lock = threading.Lock()              bank.lock
//	locks = {"alice": threading.Lock()}       locks["alice"]
//	forks = [threading.Lock(), ...]           forks[0], ...
//	return {"locks": {"bob": Lock()}}         locks["bob"]
//	Worker(lock=threading.Lock())             lock
//
// A lock made anywhere else (in a comprehension, say) keeps its number.
// Names need not be unique: the same line run twice names two locks alike.
type lockNames struct {
	mu    sync.Mutex
	sites map[lockSite]string
}

type lockSite struct {
	file      string
	line, col int32
}

// at returns the name noted for the call whose opening parenthesis is at
// pos, or "".
func (n *lockNames) at(pos syntax.Position) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.sites[lockSite{pos.Filename(), pos.Line, pos.Col}]
}

// note records the lock names of a parsed cell.
func (n *lockNames) note(stmts []syntax.Stmt) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sites == nil {
		n.sites = map[lockSite]string{}
	}
	n.stmts(stmts)
}

func (n *lockNames) stmts(list []syntax.Stmt) {
	for _, st := range list {
		switch st := st.(type) {
		case *syntax.AssignStmt:
			if st.Op == syntax.EQ {
				n.assign(st.LHS, st.RHS)
			} else {
				n.expr(st.RHS, "")
			}
		case *syntax.ExprStmt:
			n.expr(st.X, "")
		case *syntax.ReturnStmt:
			n.expr(st.Result, "")
		case *syntax.DefStmt:
			n.stmts(st.Body)
		case *syntax.ForStmt:
			n.expr(st.X, "")
			n.stmts(st.Body)
		case *syntax.WhileStmt:
			n.stmts(st.Body)
		case *syntax.IfStmt:
			n.stmts(st.True)
			n.stmts(st.False)
		}
	}
}

// assign names what rhs makes after the targets in lhs, pairing the
// elements of a tuple or list on both sides.
func (n *lockNames) assign(lhs, rhs syntax.Expr) {
	if l, r := elements(lhs), elements(rhs); l != nil && len(l) == len(r) {
		for i := range l {
			n.assign(l[i], r[i])
		}
		return
	}
	n.expr(rhs, placeName(lhs))
}

// expr notes the lock calls in e, which is kept in the place called name
// ("" when it is kept nowhere with a name).
func (n *lockNames) expr(e syntax.Expr, name string) {
	switch e := e.(type) {
	case *syntax.ParenExpr:
		n.expr(e.X, name)
	case *syntax.CallExpr:
		if name != "" && isLockCall(e.Fn) {
			pos := e.Lparen
			n.sites[lockSite{pos.Filename(), pos.Line, pos.Col}] = name
		}
		for _, a := range e.Args {
			if kw, ok := a.(*syntax.BinaryExpr); ok && kw.Op == syntax.EQ {
				key, _ := kw.X.(*syntax.Ident)
				if key != nil {
					n.expr(kw.Y, key.Name)
				}
			} else {
				n.expr(a, "")
			}
		}
	case *syntax.DictExpr:
		for _, x := range e.List {
			entry := x.(*syntax.DictEntry)
			key := ""
			if lit, ok := entry.Key.(*syntax.Literal); ok && lit.Token == syntax.STRING {
				key = lit.Value.(string)
				if name != "" {
					key = name + "[" + strconv.Quote(key) + "]"
				}
			}
			n.expr(entry.Value, key)
		}
	case *syntax.ListExpr, *syntax.TupleExpr:
		for i, x := range elements(e) {
			el := ""
			if name != "" {
				el = name + "[" + strconv.Itoa(i) + "]"
			}
			n.expr(x, el)
		}
	}
}

// elements returns the elements of a tuple or list expression, else nil.
func elements(e syntax.Expr) []syntax.Expr {
	switch e := e.(type) {
	case *syntax.TupleExpr:
		return e.List
	case *syntax.ListExpr:
		return e.List
	case *syntax.ParenExpr:
		return elements(e.X)
	}
	return nil
}

// placeName writes an assignment target as source text: x, a.b, d["k"];
// "" for anything else.
func placeName(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Ident:
		return e.Name
	case *syntax.DotExpr:
		if x := placeName(e.X); x != "" {
			return x + "." + e.Name.Name
		}
	case *syntax.IndexExpr:
		x := placeName(e.X)
		if lit, ok := e.Y.(*syntax.Literal); ok && x != "" {
			switch lit.Token {
			case syntax.STRING:
				return x + "[" + strconv.Quote(lit.Value.(string)) + "]"
			case syntax.INT:
				return x + "[" + lit.Raw + "]"
			}
		}
	}
	return ""
}

// isLockCall reports whether fn reads like threading.Lock or RLock, or
// lab.shared.
func isLockCall(fn syntax.Expr) bool {
	switch fn := fn.(type) {
	case *syntax.Ident:
		return fn.Name == "Lock" || fn.Name == "RLock"
	case *syntax.DotExpr:
		return fn.Name.Name == "Lock" || fn.Name.Name == "RLock" || fn.Name.Name == "shared"
	}
	return false
}
