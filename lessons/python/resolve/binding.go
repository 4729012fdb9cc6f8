// Package resolve is the scope analysis of threadlab's Python: it
// decides, for every name in a syntax tree, where the name lives, and
// reports the SyntaxErrors CPython's symbol table and compiler report
// (global/nonlocal misuse, duplicate parameters, 'return' outside
// function, 'break' outside loop, misplaced yield and starred
// expressions, the walrus rules of comprehensions, future statements,
// bindings of __debug__ and too many nested blocks), with CPython's
// words and positions; symbol-table errors come before compiler errors,
// as in CPython.
//
// File resolves a *syntax.Module in place:
//
//   - every *syntax.Ident gets a *Binding in its Binding field;
//   - every Module, FunctionDef, ClassDef, Lambda and comprehension gets
//     a *Function in its Scope field.
//
// A Function lists what its code object needs: Params (in call order),
// Locals (frame slots), Cells (locals captured by inner functions) and
// FreeVars (captured from enclosing functions; each one's Outer names
// the enclosing binding, Cell or Free, to copy into the closure).
//
// Where names live:
//
//	Local   a function's frame slot Locals[Index]
//	Cell    a function's local that inner functions capture: Cells[Index]
//	Free    a variable of an enclosing function: FreeVars[Index]; in a
//	        class body a load first looks in the class namespace (as
//	        CPython's LOAD_CLASSDEREF does)
//	Global  the module's globals; a load falls back to the builtins. Module-
//	        level names, names declared global, and names a function uses
//	        but no enclosing function binds
//	Name    a class body's namespace; a load falls back to the globals and
//	        then the builtins
//
// Class bodies follow CPython: their names are not visible in methods or
// comprehensions; a method that uses super or __class__ captures the
// implicit __class__ cell of its class (the class's Function.ClassCell).
// A comprehension is a function of its own whose parameter ".0" is the
// iterator of its first for clause, which the enclosing scope evaluates.
// A Function's FreeVars may include names it only passes on to inner
// functions (as a class body passes a method's free variables).
// Names inside classes are mangled (Mangle), and with
// `from __future__ import annotations` annotations are left unresolved
// (Function.FutureAnnotations).
//
// The files: binding.go (the results), resolve.go (File, errors,
// symbols), walk.go (the first pass over the tree), analyze.go (scopes,
// slots, qualified names), future.go (future statements).
package resolve

import "threadlab/lessons/python/syntax"

// Scope tells where a name lives; see the package doc.
type Scope uint8

const (
	Undefined Scope = iota
	Local
	Cell
	Free
	Global
	Name
)

var scopeNames = [...]string{Undefined: "undefined", Local: "local", Cell: "cell", Free: "free", Global: "global", Name: "name"}

func (s Scope) String() string { return scopeNames[s] }

// A Binding is one name in one Function. All the Idents of that name in
// that Function share it.
type Binding struct {
	Name  string // as stored: private names inside classes are mangled
	Scope Scope
	Index int           // into Locals, Cells or FreeVars; -1 for Global and Name
	First *syntax.Ident // the first binding occurrence, or nil
	Outer *Binding      // for Free: the enclosing Function's binding
}

// Kind is the kind of code a Function is.
type Kind uint8

const (
	ModuleKind Kind = iota
	FunctionKind
	LambdaKind
	ClassKind
	ComprehensionKind // list, set and dict comprehensions and generator expressions
)

// A Function is the scope of a module, def, lambda, class body or
// comprehension.
type Function struct {
	Kind     Kind
	Name     string      // the def or class name, "<module>", "<lambda>", "<listcomp>", "<genexpr>", ...
	QualName string      // __qualname__, e.g. "C.m.<locals>.f"
	Node     syntax.Node // the Module, FunctionDef, ClassDef, Lambda or comprehension
	Parent   *Function   // nil for the module
	Class    string      // the class whose private names this code mangles (a class body's own), or ""; see Mangle

	// Params are the parameters in call order: positional (positional-
	// only first), keyword-only, *args, **kwargs. Each is Local or Cell.
	Params   []*Binding
	Locals   []*Binding
	Cells    []*Binding
	FreeVars []*Binding

	Generator         bool // contains yield, or is a generator expression
	FutureAnnotations bool // a module with `from __future__ import annotations`: annotations stay unevaluated and unresolved
	Namespace         bool // a module resolved by Namespace: its top-level names are Name, not Global

	// Warnings, on the module's Function, are the SyntaxWarnings CPython's
	// compiler gives for the module (such as '"is" with a literal'), in
	// source order; their Kind is syntax.SyntaxWarning.
	Warnings  []*syntax.Error
	ClassCell bool // a class whose methods use super or __class__: Cells holds __class__
}
