package resolve

import (
	"fmt"
	"sort"
	"strings"

	"threadlab/lessons/python/syntax"
)

// File resolves the names of module m, parsed from src, annotating the
// tree in place. On failure the error is a *syntax.Error worded as
// CPython 3.11 words it.
func File(m *syntax.Module, src []byte) error {
	_, err := resolveFile(m, src)
	return err
}

// Namespace resolves m as File does, for code that runs with a local
// namespace of its own besides its globals (exec and eval given a locals
// mapping, or called in a function): as in a class body, the names the
// module's top level uses are Name, looked up in that namespace and then
// in the globals and builtins. Functions it defines still see only the
// globals.
func Namespace(m *syntax.Module, src []byte) error {
	_, err := resolveScopes(m, src, true)
	return err
}

// resolveFile resolves m and returns its scope tree.
func resolveFile(m *syntax.Module, src []byte) (top *scope, err error) {
	return resolveScopes(m, src, false)
}

// resolveScopes is resolveFile, or with namespace set Namespace.
func resolveScopes(m *syntax.Module, src []byte, namespace bool) (top *scope, err error) {
	r := &resolver{filename: m.Filename, src: src}
	defer func() {
		if x := recover(); x != nil {
			if _, ok := x.(bailout); !ok {
				panic(x)
			}
			top, err = nil, r.err
		}
	}()
	top = r.push(ModuleKind, "<module>", m)
	top.fn.Namespace = namespace
	r.top = top
	m.Scope = top.fn
	r.futureLine, top.fn.FutureAnnotations = r.futures(m)
	r.stmts(m.Body)
	r.pop()
	sort.SliceStable(r.warnings, func(i, j int) bool { return r.warnings[i].Pos.Before(r.warnings[j].Pos) })
	top.fn.Warnings = r.warnings
	r.analyze(top, nil)
	r.bind(top)
	if r.deferred != nil {
		return nil, r.deferred
	}
	return top, nil
}

// flags record how a scope uses a name.
type flags uint16

const (
	defLocal    flags = 1 << iota // bound: assigned, imported, def, for, with, except, del
	defParam                      // a parameter
	defGlobal                     // declared global (or bound by a walrus in a module-level comprehension)
	defNonlocal                   // declared nonlocal
	defWalrus                     // bound by a walrus in a comprehension: lives in the enclosing function
	use                           // loaded
	defAnnot                      // annotated
	defCompIter                   // a comprehension's iteration variable
	defImport                     // bound by import (which a later global declaration may follow)
)

type symbol struct {
	name      string
	flags     flags
	scope     Scope
	first     *syntax.Ident
	directive syntax.Node // the first global or nonlocal statement naming it
}

type scope struct {
	fn       *Function
	parent   *scope
	syms     map[string]*symbol
	order    []*symbol
	params   []*symbol
	idents   []*syntax.Ident
	children []*scope

	pass     []string // free variables that only pass through to inner functions
	bindings map[string]*Binding
	passBind map[string]*Binding
	classRef *Binding // a class's __class__ cell

	loops    int // enclosing loops, for break and continue
	blocks   int // enclosing blocks as CPython's compiler counts them
	compIter int // >0 while in a comprehension's iterable
}

func (s *scope) functionLike() bool {
	k := s.fn.Kind
	return k == FunctionKind || k == LambdaKind || k == ComprehensionKind
}

type bailout struct{}

type resolver struct {
	filename   string
	src        []byte
	top        *scope
	cur        *scope
	class      string // the innermost enclosing class's name, for name mangling
	futureLine int32  // the line of the last future statement at the top, or 0
	compTarget bool   // visiting a comprehension's for target
	err        *syntax.Error
	deferred   *syntax.Error // the first error of CPython's compile stage
	warnings   []*syntax.Error
}

func (r *resolver) newError(n syntax.Node, format string, args ...any) *syntax.Error {
	start, end := n.Span()
	return &syntax.Error{Kind: syntax.SyntaxError, Msg: fmt.Sprintf(format, args...), Filename: r.filename,
		Pos: start, End: end, Line: sourceLine(r.src, start.Line)}
}

// fail reports an error of CPython's symbol table, which comes first.
func (r *resolver) fail(n syntax.Node, format string, args ...any) {
	r.err = r.newError(n, format, args...)
	panic(bailout{})
}

// later records an error CPython reports while compiling, after the
// symbol table is complete; the first one in source order wins.
func (r *resolver) later(n syntax.Node, format string, args ...any) {
	if r.deferred == nil {
		r.deferred = r.newError(n, format, args...)
	}
}

func sourceLine(src []byte, n int32) string {
	line := int32(1)
	start := 0
	for i := 0; i < len(src) && line < n; i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			line++
			start = i + 1
		}
	}
	end := start
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	return string(src[start:end])
}

func (r *resolver) push(kind Kind, name string, node syntax.Node) *scope {
	s := &scope{fn: &Function{Kind: kind, Name: name, Node: node, Class: r.class}, parent: r.cur, syms: map[string]*symbol{}}
	if r.cur != nil {
		s.fn.Parent = r.cur.fn
		r.cur.children = append(r.cur.children, s)
	}
	r.cur = s
	return s
}

func (r *resolver) pop() { r.cur = r.cur.parent }

func (s *scope) sym(name string) *symbol {
	sym := s.syms[name]
	if sym == nil {
		sym = &symbol{name: name}
		s.syms[name] = sym
		s.order = append(s.order, sym)
	}
	return sym
}

// def records a binding occurrence of id in the current scope.
func (r *resolver) def(id *syntax.Ident, f flags) *symbol {
	sym := r.cur.sym(r.mangle(id.Name))
	sym.flags |= f
	if sym.first == nil {
		sym.first = id
	}
	r.cur.idents = append(r.cur.idents, id)
	return sym
}

// load records a use of id in the current scope.
func (r *resolver) load(id *syntax.Ident) {
	r.cur.sym(r.mangle(id.Name)).flags |= use
	r.cur.idents = append(r.cur.idents, id)
	if id.Name == "super" && r.cur.functionLike() {
		// Zero-argument super() needs the class's __class__ cell.
		r.cur.sym("__class__").flags |= use
	}
}

func (r *resolver) mangle(name string) string { return Mangle(r.class, name) }

// Mangle returns name as Python's private name mangling spells it
// inside class class: __x becomes _class__x. Names that end in two
// underscores, dotted names and names outside classes stay unchanged.
func Mangle(class, name string) string {
	if class == "" || len(name) < 3 || name[0] != '_' || name[1] != '_' ||
		strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	class = strings.TrimLeft(class, "_")
	if class == "" {
		return name
	}
	return "_" + class + name
}
