package lessons

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// This file turns the text of a cell into a program that reads and writes
// the session's globals through the shared namespace, so that functions
// from earlier cells see names rebound later, as in Python.
//
//  1. import lines of predeclared modules become no-ops or assignments
//     (line numbers are kept); other imports are an error;
//  2. the cell is parsed; a Python-only construct gets a helpful error;
//  3. a final expression statement is wrapped in a call to a hidden
//     builtin that keeps its value;
//  4. the cell is resolved treating every unknown name as predeclared;
//  5. every global or predeclared identifier becomes __ns__.name, and each
//     top-level def is followed by __ns__.name = name;
//  6. the rewritten tree is resolved again and compiled.

var (
	importRe = regexp.MustCompile(`^([ \t]*)import[ \t]+(.*?)[ \t]*(#.*)?$`)
	fromRe   = regexp.MustCompile(`^([ \t]*)from[ \t]+(\S+)[ \t]+import[ \t]+(.*?)[ \t]*(#.*)?$`)
	identRe  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// designModules are the modules of the cell API, in the order the
// messages name them.
var designModules = []string{"threading", "time", "multiprocessing", "lab"}

// moduleNames returns the names of the predeclared modules.
func (s *Session) moduleNames() []string {
	out := append([]string(nil), designModules...)
	var extra []string
	for k := range s.mods {
		if !slices.Contains(designModules, k) {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// moduleList is "threading, time, multiprocessing and lab".
func (s *Session) moduleList() string {
	names := s.moduleNames()
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (s *Session) noSuchModule(name string) string {
	return fmt.Sprintf("there is no module named '%s' in threadlab: only %s exist, and they are ready to use without import.",
		name, s.moduleList())
}

// lineError makes a CellError that points at a line of the cell.
func lineError(name, msg string, src []string, line int) *CellError {
	e := &CellError{Name: name, Message: msg}
	if line >= 1 && line <= len(src) {
		e.Lines = []string{fmt.Sprintf("Cell line %d: %s", line, strings.TrimSpace(src[line-1]))}
	}
	return e
}

// rewriteImports replaces import statements of predeclared modules by
// equivalent statements on the same line.
func (s *Session) rewriteImports(code string) (string, *CellError) {
	lines := strings.Split(code, "\n")
	inTriple := ""
	for i, line := range lines {
		if inTriple != "" {
			if strings.Count(line, inTriple)%2 == 1 {
				inTriple = ""
			}
			continue
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(line, q)%2 == 1 {
				inTriple = q
			}
		}
		if inTriple != "" {
			continue
		}
		if m := importRe.FindStringSubmatch(line); m != nil {
			indent, list := m[1], m[2]
			if strings.ContainsAny(list, "()") {
				return "", lineError("SyntaxError", "write the import on one line, without parentheses", lines, i+1)
			}
			var stmts []string
			for _, item := range strings.Split(list, ",") {
				f := strings.Fields(item)
				var mod, alias string
				switch {
				case len(f) == 1:
					mod = f[0]
				case len(f) == 3 && f[1] == "as" && identRe.MatchString(f[2]):
					mod, alias = f[0], f[2]
				default:
					return "", lineError("SyntaxError", "cannot read this import; write it as `import threading` or `import time as t`", lines, i+1)
				}
				if _, ok := s.mods[mod]; !ok {
					return "", lineError("ModuleNotFoundError", s.noSuchModule(mod), lines, i+1)
				}
				if alias != "" && alias != mod {
					stmts = append(stmts, alias+" = "+mod)
				}
			}
			if len(stmts) == 0 {
				stmts = []string{"pass"}
			}
			lines[i] = indent + strings.Join(stmts, "; ")
			continue
		}
		if m := fromRe.FindStringSubmatch(line); m != nil {
			indent, mod, list := m[1], m[2], m[3]
			if mod == "__future__" {
				lines[i] = indent + "pass"
				continue
			}
			mv, ok := s.mods[mod]
			if !ok {
				return "", lineError("ModuleNotFoundError", s.noSuchModule(mod), lines, i+1)
			}
			if strings.ContainsAny(list, "()") {
				return "", lineError("SyntaxError", "write the import on one line, without parentheses", lines, i+1)
			}
			var names []string
			if strings.TrimSpace(list) == "*" {
				if ha, ok := mv.(starlark.HasAttrs); ok {
					names = ha.AttrNames()
				}
				list = strings.Join(names, ", ")
			}
			var stmts []string
			for _, item := range strings.Split(list, ",") {
				f := strings.Fields(item)
				var name, alias string
				switch {
				case len(f) == 1 && identRe.MatchString(f[0]):
					name, alias = f[0], f[0]
				case len(f) == 3 && f[1] == "as" && identRe.MatchString(f[0]) && identRe.MatchString(f[2]):
					name, alias = f[0], f[2]
				default:
					return "", lineError("SyntaxError", "cannot read this import; write it as `from time import sleep`", lines, i+1)
				}
				if !hasMember(mv, name) {
					return "", lineError("ImportError", fmt.Sprintf("cannot import name '%s' from '%s': the module has no such member", name, mod), lines, i+1)
				}
				stmts = append(stmts, alias+" = "+mod+"."+name)
			}
			if len(stmts) == 0 {
				stmts = []string{"pass"}
			}
			lines[i] = indent + strings.Join(stmts, "; ")
		}
	}
	return strings.Join(lines, "\n"), nil
}

func hasMember(v starlark.Value, name string) bool {
	ha, ok := v.(starlark.HasAttrs)
	if !ok {
		return false
	}
	for _, n := range ha.AttrNames() {
		if n == name {
			return true
		}
	}
	return false
}

// A habit is a Python construct threadlab does not have.
type habit struct {
	re      *regexp.Regexp
	name    string
	message string
}

var habits = []habit{
	{regexp.MustCompile(`^\s*(global|nonlocal)\b`), "SyntaxError",
		"`global` (and `nonlocal`) do not exist in threadlab: a function cannot rebind a global name. " +
			"Keep state that functions or threads change in a shared object: `counter = lab.shared(value=0)` " +
			"in the cell, then `counter.value = counter.value + 1` inside the function."},
	{regexp.MustCompile(`^\s*(async\s+)?with\b`), "SyntaxError",
		"`with` does not exist in threadlab. To protect a critical section, call `lock.acquire()` " +
			"before it and `lock.release()` after it."},
	{regexp.MustCompile(`^\s*(try|except|finally)\b`), "SyntaxError",
		"threadlab has no exception handling (`try`/`except`/`finally`): an error stops the cell and is shown to you. " +
			"Check for the problem before it happens instead, for example with `if key in d:` or `lock.acquire(timeout=1)`."},
	{regexp.MustCompile(`^\s*raise\b`), "SyntaxError",
		"`raise` does not exist in threadlab. To stop with an error of your own, call `fail(\"what went wrong\")`."},
	{regexp.MustCompile(`^\s*class\b`), "SyntaxError",
		"`class` does not exist in threadlab. For an object with fields that threads share, use `lab.shared(name=value, ...)`; " +
			"otherwise use a dict and plain functions."},
	{regexp.MustCompile(`^\s*(async\s+def|await)\b`), "SyntaxError",
		"`async`/`await` do not exist in threadlab: concurrency here is made of threads (threading.Thread) and processes."},
	{regexp.MustCompile(`\byield\b`), "SyntaxError",
		"`yield` (generators) does not exist in threadlab. Build and return a list instead."},
	{regexp.MustCompile(`^\s*del\b`), "SyntaxError",
		"`del` does not exist in threadlab. Use `d.pop(key)` for a dict or `items.remove(x)` for a list."},
	{regexp.MustCompile(`^\s*assert\b`), "SyntaxError",
		"`assert` does not exist in threadlab. Write `if not condition: fail(\"message\")` instead."},
	{regexp.MustCompile(`\bis\b`), "SyntaxError",
		"`is` and `is not` do not exist in threadlab. Compare with `==` and `!=` (for example `x == None`)."},
	{regexp.MustCompile(`(^|[^A-Za-z0-9_])[fF][rR]?["']`), "SyntaxError",
		"f-strings do not exist in threadlab. Use `\"balance: %d\" % balance` or `\"balance: {}\".format(balance)`."},
}

// habitError looks for a Python-only construct near a syntax error: first
// on the line of the error, then anywhere in the cell.
func habitError(src []string, errLine int) *CellError {
	check := func(i int) *CellError {
		line := stripComment(src[i])
		for _, h := range habits {
			if h.re.MatchString(line) {
				return lineError(h.name, h.message, src, i+1)
			}
		}
		return nil
	}
	if errLine >= 1 && errLine <= len(src) {
		if e := check(errLine - 1); e != nil {
			return e
		}
	}
	for i := range src {
		if e := check(i); e != nil {
			return e
		}
	}
	return nil
}

// stripComment removes a # comment that is not inside a string.
func stripComment(line string) string {
	var q byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case q != 0 && c == '\\':
			i++
		case q != 0 && c == q:
			q = 0
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case q == 0 && c == '#':
			return line[:i]
		}
	}
	return line
}

// syntaxError converts a parse or resolve error into a SyntaxError that
// shows the line and a caret.
func syntaxError(src []string, pos syntax.Position, msg string) *CellError {
	if e := habitError(src, int(pos.Line)); e != nil {
		return e
	}
	e := &CellError{Name: "SyntaxError", Message: msg}
	if l := int(pos.Line); l >= 1 && l <= len(src) && strings.Contains(msg, "want ':'") && strings.Contains(src[l-1], "{") {
		e.Hint = "Set literals such as {1, 2} do not exist in threadlab; write set([1, 2]). ({} is an empty dict.)"
	}
	if l := int(pos.Line); l >= 1 && l <= len(src) {
		e.Lines = []string{fmt.Sprintf("Cell line %d:", l), "    " + strings.TrimRight(src[l-1], " \t\r")}
		if c := int(pos.Col); c >= 1 {
			e.Lines = append(e.Lines, "    "+strings.Repeat(" ", len([]rune(safePrefix(src[l-1], c-1))))+"^")
		}
	}
	return e
}

func safePrefix(s string, n int) string {
	if n > len(s) {
		return s
	}
	if n < 0 {
		return ""
	}
	return s[:n]
}

// compiled is a cell ready to run.
type compiled struct {
	prog     *starlark.Program
	hasValue bool // the final statement is an expression
}

// overridden are universal names that threadlab replaces with its own
// Python-like builtins (reached through the namespace).
var overridden = map[string]bool{"print": true, "repr": true, "str": true}

func (s *Session) isUniversal(name string) bool {
	if !starlark.Universe.Has(name) || overridden[name] {
		return false
	}
	if name == "True" || name == "False" || name == "None" {
		return true
	}
	_, userDefined := s.ns.Get(name)
	return !userDefined
}

// compileCell parses, checks, rewrites and compiles one cell.
func (s *Session) compileCell(filename, code string) (*compiled, error) {
	src := strings.Split(code, "\n")
	text, ierr := s.rewriteImports(code)
	if ierr != nil {
		return nil, ierr
	}
	f, err := FileOptions.Parse(filename, text, 0)
	if err != nil {
		if se, ok := err.(syntax.Error); ok {
			return nil, syntaxError(src, se.Pos, se.Msg)
		}
		return nil, &CellError{Name: "SyntaxError", Message: err.Error()}
	}
	for _, st := range f.Stmts {
		if ld, ok := st.(*syntax.LoadStmt); ok {
			return nil, syntaxError(src, ld.Load, "load() is not available in threadlab")
		}
	}
	c := &compiled{}
	if n := len(f.Stmts); n > 0 {
		if es, ok := f.Stmts[n-1].(*syntax.ExprStmt); ok {
			start, _ := es.X.Span()
			_, end := es.X.Span()
			es.X = &syntax.CallExpr{
				Fn:     &syntax.Ident{NamePos: start, Name: resultName},
				Lparen: start,
				Args:   []syntax.Expr{es.X},
				Rparen: end,
			}
			c.hasValue = true
		}
	}
	// First resolution: every name that is not universal is predeclared,
	// so that a name defined by a later cell is a run-time NameError.
	if err := resolve.File(f, func(name string) bool { return !s.isUniversal(name) }, s.isUniversal); err != nil {
		return nil, resolveError(src, err)
	}
	s.locks.note(f.Stmts)
	f.Stmts = rewriteStmts(f.Stmts, true)
	s.refs.note(f.Stmts)
	// __ns__ is bound as a global of the cell's module, not read as a
	// predeclared name: the interpreter finds a global by index but a
	// predeclared name by hashing it, on every reference.
	// It sits at line 1 of the cell's file: the cell's frames take their
	// file name from the first statement.
	start := syntax.MakePosition(&filename, 1, 1)
	f.Stmts = append([]syntax.Stmt{&syntax.AssignStmt{
		OpPos: start,
		Op:    syntax.EQ,
		LHS:   &syntax.Ident{NamePos: start, Name: nsName},
		RHS:   &syntax.Ident{NamePos: start, Name: nsInitName},
	}}, f.Stmts...)
	// Second resolution and compilation of the rewritten tree.
	prog, err := starlark.FileProgram(f, func(name string) bool { return name == nsInitName || name == resultName })
	if err != nil {
		return nil, resolveError(src, err)
	}
	c.prog = prog
	return c, nil
}

func resolveError(src []string, err error) *CellError {
	if list, ok := err.(resolve.ErrorList); ok && len(list) > 0 {
		return syntaxError(src, list[0].Pos, list[0].Msg)
	}
	return &CellError{Name: "SyntaxError", Message: err.Error()}
}

// nsRef makes __ns__.name at the position of id.
func nsRef(id *syntax.Ident) syntax.Expr {
	return &syntax.DotExpr{
		X:       &syntax.Ident{NamePos: id.NamePos, Name: nsName},
		Dot:     id.NamePos,
		NamePos: id.NamePos,
		Name:    &syntax.Ident{NamePos: id.NamePos, Name: id.Name},
	}
}

func isGlobalRef(id *syntax.Ident) bool {
	if id.Name == resultName || id.Name == nsName {
		return false
	}
	b, ok := id.Binding.(*resolve.Binding)
	return ok && b != nil && (b.Scope == resolve.Global || b.Scope == resolve.Predeclared)
}

func rewriteStmts(stmts []syntax.Stmt, toplevel bool) []syntax.Stmt {
	if stmts == nil {
		return nil
	}
	out := make([]syntax.Stmt, 0, len(stmts))
	for _, st := range stmts {
		out = append(out, rewriteStmt(st, toplevel))
		if d, ok := st.(*syntax.DefStmt); ok && toplevel && isGlobalRef(d.Name) {
			out = append(out, &syntax.AssignStmt{
				OpPos: d.Def,
				Op:    syntax.EQ,
				LHS:   nsRef(d.Name),
				RHS:   &syntax.Ident{NamePos: d.Name.NamePos, Name: d.Name.Name},
			})
		}
	}
	return out
}

func rewriteStmt(st syntax.Stmt, toplevel bool) syntax.Stmt {
	switch st := st.(type) {
	case *syntax.AssignStmt:
		st.LHS = rewriteExpr(st.LHS)
		st.RHS = rewriteExpr(st.RHS)
	case *syntax.ExprStmt:
		st.X = rewriteExpr(st.X)
	case *syntax.DefStmt:
		st.Params = rewriteParams(st.Params)
		st.Body = rewriteStmts(st.Body, false)
	case *syntax.ForStmt:
		st.Vars = rewriteExpr(st.Vars)
		st.X = rewriteExpr(st.X)
		st.Body = rewriteStmts(st.Body, toplevel)
	case *syntax.WhileStmt:
		st.Cond = rewriteExpr(st.Cond)
		st.Body = rewriteStmts(st.Body, toplevel)
	case *syntax.IfStmt:
		st.Cond = rewriteExpr(st.Cond)
		st.True = rewriteStmts(st.True, toplevel)
		st.False = rewriteStmts(st.False, toplevel)
	case *syntax.ReturnStmt:
		if st.Result != nil {
			st.Result = rewriteExpr(st.Result)
		}
	}
	return st
}

// rewriteParams rewrites the default values of parameters only.
func rewriteParams(params []syntax.Expr) []syntax.Expr {
	for _, p := range params {
		if b, ok := p.(*syntax.BinaryExpr); ok && b.Op == syntax.EQ {
			b.Y = rewriteExpr(b.Y)
		}
	}
	return params
}

func rewriteExprs(list []syntax.Expr) []syntax.Expr {
	for i, e := range list {
		list[i] = rewriteExpr(e)
	}
	return list
}

func rewriteExpr(e syntax.Expr) syntax.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *syntax.Ident:
		if isGlobalRef(e) {
			return nsRef(e)
		}
	case *syntax.BinaryExpr:
		e.X = rewriteExpr(e.X)
		e.Y = rewriteExpr(e.Y)
	case *syntax.CallExpr:
		e.Fn = rewriteExpr(e.Fn)
		for i, a := range e.Args {
			if b, ok := a.(*syntax.BinaryExpr); ok && b.Op == syntax.EQ {
				b.Y = rewriteExpr(b.Y) // keyword argument: keep the name
				continue
			}
			e.Args[i] = rewriteExpr(a)
		}
	case *syntax.Comprehension:
		e.Body = rewriteExpr(e.Body)
		for _, cl := range e.Clauses {
			switch cl := cl.(type) {
			case *syntax.ForClause:
				cl.Vars = rewriteExpr(cl.Vars)
				cl.X = rewriteExpr(cl.X)
			case *syntax.IfClause:
				cl.Cond = rewriteExpr(cl.Cond)
			}
		}
	case *syntax.CondExpr:
		e.Cond = rewriteExpr(e.Cond)
		e.True = rewriteExpr(e.True)
		e.False = rewriteExpr(e.False)
	case *syntax.DictEntry:
		e.Key = rewriteExpr(e.Key)
		e.Value = rewriteExpr(e.Value)
	case *syntax.DictExpr:
		e.List = rewriteExprs(e.List)
	case *syntax.DotExpr:
		e.X = rewriteExpr(e.X)
	case *syntax.IndexExpr:
		e.X = rewriteExpr(e.X)
		e.Y = rewriteExpr(e.Y)
	case *syntax.LambdaExpr:
		e.Params = rewriteParams(e.Params)
		e.Body = rewriteExpr(e.Body)
	case *syntax.ListExpr:
		e.List = rewriteExprs(e.List)
	case *syntax.ParenExpr:
		e.X = rewriteExpr(e.X)
	case *syntax.SliceExpr:
		e.X = rewriteExpr(e.X)
		e.Lo = rewriteExpr(e.Lo)
		e.Hi = rewriteExpr(e.Hi)
		e.Step = rewriteExpr(e.Step)
	case *syntax.TupleExpr:
		e.List = rewriteExprs(e.List)
	case *syntax.UnaryExpr:
		e.X = rewriteExpr(e.X)
	}
	return e
}
