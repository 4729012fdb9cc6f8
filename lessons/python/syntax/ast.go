package syntax

import "math/big"

// A Pos is a source position: Line counts from 1, Col is the 0-based
// UTF-8 byte offset within the line (CPython's col_offset convention).
type Pos struct {
	Line, Col int32
}

// IsValid reports whether p names a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Before reports whether p comes strictly before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// A Loc is the extent of a node: the position of its first byte and the
// position just past its last byte. Every node embeds one.
type Loc struct {
	Pos, End Pos
}

// Span returns the start and end of the node.
func (l Loc) Span() (start, end Pos) { return l.Pos, l.End }

// A Node is any node of the syntax tree.
type Node interface {
	Span() (start, end Pos)
}

// An Expr is an expression node.
type Expr interface {
	Node
	expr()
}

// A Stmt is a statement node.
type Stmt interface {
	Node
	stmt()
}

// Ctx says how an expression that can be a target is used.
type Ctx uint8

const (
	Load Ctx = iota
	Store
	Del
)

var ctxNames = [...]string{Load: "Load", Store: "Store", Del: "Del"}

func (c Ctx) String() string { return ctxNames[c] }

// ---- modules ----

// A Module is a parsed file.
type Module struct {
	Loc
	Filename string
	Body     []Stmt
	Scope    any // set by the resolver: a *resolve.Function
}

// ---- statements ----

// A FunctionDef is a def statement.
type FunctionDef struct {
	Loc
	Decorators []Expr
	Name       *Ident // binding occurrence of the function's name
	Params     *Arguments
	Returns    Expr // return annotation, or nil
	Body       []Stmt
	Scope      any // set by the resolver: a *resolve.Function
}

// Arguments is a parameter list of a def or lambda. Defaults belong to the
// last len(Defaults) of PosOnly+Args; KwDefaults parallels KwOnly, with nil
// for a keyword-only parameter that has no default.
type Arguments struct {
	Loc
	PosOnly    []*Arg
	Args       []*Arg
	Vararg     *Arg // *args, or nil
	KwOnly     []*Arg
	KwDefaults []Expr
	Kwarg      *Arg // **kwargs, or nil
	Defaults   []Expr
}

// An Arg is one parameter.
type Arg struct {
	Loc
	Name       *Ident
	Annotation Expr // or nil
}

// A ClassDef is a class statement.
type ClassDef struct {
	Loc
	Decorators []Expr
	Name       *Ident
	Bases      []Expr // may contain *Starred
	Keywords   []*Keyword
	Body       []Stmt
	Scope      any // set by the resolver: a *resolve.Function
}

// A Return is a return statement; Value may be nil.
type Return struct {
	Loc
	Value Expr
}

// A Delete is a del statement.
type Delete struct {
	Loc
	Targets []Expr // Ctx Del
}

// An Assign is `t1 = t2 = ... = value`.
type Assign struct {
	Loc
	Targets []Expr // Ctx Store; Tuple/List/Starred/Ident/Attribute/Subscript
	Value   Expr
}

// An AugAssign is `target op= value`.
type AugAssign struct {
	Loc
	Target Expr // Ident, Attribute or Subscript, Ctx Store
	Op     BinaryOp
	Value  Expr
}

// An AnnAssign is `target: annotation [= value]`. Simple is true when the
// target is a bare name not in parentheses.
type AnnAssign struct {
	Loc
	Target     Expr
	Annotation Expr
	Value      Expr // or nil
	Simple     bool
}

// A For is a for statement.
type For struct {
	Loc
	Target Expr
	Iter   Expr
	Body   []Stmt
	Else   []Stmt
}

// A While is a while statement.
type While struct {
	Loc
	Test Expr
	Body []Stmt
	Else []Stmt
}

// An If is an if statement; elif is an If alone in Else.
type If struct {
	Loc
	Test Expr
	Body []Stmt
	Else []Stmt
}

// A With is a with statement.
type With struct {
	Loc
	Items []*WithItem
	Body  []Stmt
}

// A WithItem is `context [as vars]`.
type WithItem struct {
	Loc
	Context Expr
	Vars    Expr // target, Ctx Store, or nil
}

// A Raise is `raise [exc [from cause]]`.
type Raise struct {
	Loc
	Exc   Expr // or nil
	Cause Expr // or nil
}

// A Try is try/except/else/finally.
type Try struct {
	Loc
	Body     []Stmt
	Handlers []*ExceptHandler
	Else     []Stmt
	Finally  []Stmt
}

// An ExceptHandler is one except clause.
type ExceptHandler struct {
	Loc
	Type Expr   // or nil for a bare except
	Name *Ident // `as name`, or nil
	Body []Stmt
}

// An Assert is `assert test [, msg]`.
type Assert struct {
	Loc
	Test Expr
	Msg  Expr // or nil
}

// An Import is `import a.b as c, d`.
type Import struct {
	Loc
	Names []*Alias
}

// An ImportFrom is `from [.]*module import names`. Module is "" for
// `from . import x`; Level counts the leading dots.
type ImportFrom struct {
	Loc
	Module string
	Names  []*Alias // a single Alias with Name "*" for `import *`
	Level  int
}

// An Alias is one imported name. Name may be dotted (import a.b.c).
// Bind is the name the statement binds: AsName if given, else the first
// component of Name; it is nil for `*`. Its position is that of the
// AsName, or of Name.
type Alias struct {
	Loc
	Name   string
	AsName string // "" if absent
	Bind   *Ident
}

// A Global is a global declaration.
type Global struct {
	Loc
	Names []*Ident
}

// A Nonlocal is a nonlocal declaration.
type Nonlocal struct {
	Loc
	Names []*Ident
}

// An ExprStmt is an expression used as a statement.
type ExprStmt struct {
	Loc
	X Expr
}

// Pass, Break and Continue are the one-word statements.
type (
	Pass     struct{ Loc }
	Break    struct{ Loc }
	Continue struct{ Loc }
)

// ---- expressions ----

// A BoolOpExpr is `a and b and c` or `a or b`.
type BoolOpExpr struct {
	Loc
	Op     BoolOp
	Values []Expr // at least two
}

// A NamedExpr is `target := value`.
type NamedExpr struct {
	Loc
	Target *Ident
	Value  Expr
}

// A BinOpExpr is `x op y`.
type BinOpExpr struct {
	Loc
	X  Expr
	Op BinaryOp
	Y  Expr
}

// A UnaryOpExpr is `op x`.
type UnaryOpExpr struct {
	Loc
	Op UnaryOp
	X  Expr
}

// A Lambda is `lambda params: body`.
type Lambda struct {
	Loc
	Params *Arguments
	Body   Expr
	Scope  any // set by the resolver: a *resolve.Function
}

// An IfExp is `body if test else orelse`.
type IfExp struct {
	Loc
	Test, Body, Else Expr
}

// A DictExpr is a dict display. A nil key marks `**value`.
type DictExpr struct {
	Loc
	Keys   []Expr
	Values []Expr
}

// A SetExpr is a set display.
type SetExpr struct {
	Loc
	Elts []Expr
}

// A ListComp, SetComp, DictComp or GeneratorExp is a comprehension. Its
// first generator's Iter is evaluated in the enclosing scope; the rest
// runs in the comprehension's own scope.
type (
	ListComp struct {
		Loc
		Elt        Expr
		Generators []*Comprehension
		Scope      any // set by the resolver: a *resolve.Function
	}
	SetComp struct {
		Loc
		Elt        Expr
		Generators []*Comprehension
		Scope      any
	}
	DictComp struct {
		Loc
		Key, Value Expr
		Generators []*Comprehension
		Scope      any
	}
	GeneratorExp struct {
		Loc
		Elt        Expr
		Generators []*Comprehension
		Scope      any
	}
)

// A Comprehension is one `for target in iter [if cond]*` clause.
type Comprehension struct {
	Loc
	Target Expr
	Iter   Expr
	Ifs    []Expr
}

// A Yield is `yield [value]`.
type Yield struct {
	Loc
	Value Expr // or nil
}

// A YieldFrom is `yield from value`.
type YieldFrom struct {
	Loc
	Value Expr
}

// A Compare is a possibly chained comparison `left op1 c1 op2 c2 ...`.
type Compare struct {
	Loc
	Left        Expr
	Ops         []CmpOp
	Comparators []Expr
}

// A Call is `fn(args, keywords)`. Args may contain *Starred; a Keyword
// with nil Arg is `**mapping`.
type Call struct {
	Loc
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// A Keyword is `name=value` in a call or class bases, or `**value`
// (Arg nil).
type Keyword struct {
	Loc
	Arg   *Ident // not a binding; nil for **
	Value Expr
}

// A FormattedValue is one replacement field of an f-string.
// Conversion is 0, 'r', 's' or 'a'. The `=` specifier is expanded by the
// parser as CPython does: a literal "expr=" before the field and, if
// neither conversion nor spec is given, Conversion 'r'.
type FormattedValue struct {
	Loc
	Value      Expr
	Conversion rune
	FormatSpec *JoinedStr // or nil
}

// A JoinedStr is an f-string (after implicit concatenation); Values are
// *StrLit and *FormattedValue.
type JoinedStr struct {
	Loc
	Values []Expr
}

// An IntLit is an integer literal. Small holds the value when it fits in
// an int64; otherwise Big is non-nil. Raw is the source text.
type IntLit struct {
	Loc
	Raw   string
	Small int64
	Big   *big.Int
}

// A FloatLit is a float literal.
type FloatLit struct {
	Loc
	Raw   string
	Value float64
}

// An ImagLit is an imaginary literal such as 3j.
type ImagLit struct {
	Loc
	Raw   string
	Value float64
}

// A StrLit is a str literal after escape processing and implicit
// concatenation. Value is UTF-8; a lone surrogate escape (\ud800) is
// stored as its WTF-8 three-byte form.
type StrLit struct {
	Loc
	Value string
}

// A BytesLit is a bytes literal; Value holds the raw bytes.
type BytesLit struct {
	Loc
	Value string
}

// A NameConst is None, True, False or `...`.
type NameConst struct {
	Loc
	Value ConstKind
}

// ConstKind tells which NameConst.
type ConstKind uint8

const (
	None ConstKind = iota
	True
	False
	Ellipsis
)

var constNames = [...]string{None: "None", True: "True", False: "False", Ellipsis: "Ellipsis"}

func (k ConstKind) String() string { return constNames[k] }

// An Attribute is `x.name`.
type Attribute struct {
	Loc
	X    Expr
	Name string
	Ctx  Ctx
}

// A Subscript is `x[index]`; a slice or tuple of slices is an index.
type Subscript struct {
	Loc
	X     Expr
	Index Expr
	Ctx   Ctx
}

// A Starred is `*value` in a call, display or target.
type Starred struct {
	Loc
	Value Expr
	Ctx   Ctx
}

// An Ident is a name. Binding is set by the resolver to a
// *resolve.Binding; it is nil until then (and for names that bind
// nothing, such as keyword argument names).
type Ident struct {
	Loc
	Name    string
	Ctx     Ctx
	Binding any
}

// A ListExpr is a list display or list target.
type ListExpr struct {
	Loc
	Elts []Expr
	Ctx  Ctx
}

// A TupleExpr is a tuple display or tuple target, with or without
// parentheses (Loc includes them when present).
type TupleExpr struct {
	Loc
	Elts []Expr
	Ctx  Ctx
}

// A Slice is `lower:upper:step` inside a subscript; each part may be nil.
type Slice struct {
	Loc
	Lower, Upper, Step Expr
}

// ---- operators ----

// A BinaryOp is an arithmetic or bitwise operator.
type BinaryOp uint8

const (
	Add BinaryOp = iota
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

var binaryOps = [...]struct{ name, sym string }{
	Add: {"Add", "+"}, Sub: {"Sub", "-"}, Mult: {"Mult", "*"}, MatMult: {"MatMult", "@"},
	Div: {"Div", "/"}, Mod: {"Mod", "%"}, Pow: {"Pow", "**"}, LShift: {"LShift", "<<"},
	RShift: {"RShift", ">>"}, BitOr: {"BitOr", "|"}, BitXor: {"BitXor", "^"},
	BitAnd: {"BitAnd", "&"}, FloorDiv: {"FloorDiv", "//"},
}

// String returns CPython's ast name of the operator, e.g. "Add".
func (op BinaryOp) String() string { return binaryOps[op].name }

// Symbol returns the operator as written, e.g. "+".
func (op BinaryOp) Symbol() string { return binaryOps[op].sym }

// A UnaryOp is a prefix operator.
type UnaryOp uint8

const (
	Invert UnaryOp = iota
	Not
	UAdd
	USub
)

var unaryOps = [...]struct{ name, sym string }{
	Invert: {"Invert", "~"}, Not: {"Not", "not"}, UAdd: {"UAdd", "+"}, USub: {"USub", "-"},
}

func (op UnaryOp) String() string { return unaryOps[op].name }

// Symbol returns the operator as written.
func (op UnaryOp) Symbol() string { return unaryOps[op].sym }

// A BoolOp is `and` or `or`.
type BoolOp uint8

const (
	And BoolOp = iota
	Or
)

func (op BoolOp) String() string {
	if op == And {
		return "And"
	}
	return "Or"
}

// A CmpOp is a comparison operator.
type CmpOp uint8

const (
	Eq CmpOp = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var cmpOps = [...]struct{ name, sym string }{
	Eq: {"Eq", "=="}, NotEq: {"NotEq", "!="}, Lt: {"Lt", "<"}, LtE: {"LtE", "<="},
	Gt: {"Gt", ">"}, GtE: {"GtE", ">="}, Is: {"Is", "is"}, IsNot: {"IsNot", "is not"},
	In: {"In", "in"}, NotIn: {"NotIn", "not in"},
}

func (op CmpOp) String() string { return cmpOps[op].name }

// Symbol returns the operator as written.
func (op CmpOp) Symbol() string { return cmpOps[op].sym }

// ---- kind markers ----

func (*FunctionDef) stmt() {}
func (*ClassDef) stmt()    {}
func (*Return) stmt()      {}
func (*Delete) stmt()      {}
func (*Assign) stmt()      {}
func (*AugAssign) stmt()   {}
func (*AnnAssign) stmt()   {}
func (*For) stmt()         {}
func (*While) stmt()       {}
func (*If) stmt()          {}
func (*With) stmt()        {}
func (*Raise) stmt()       {}
func (*Try) stmt()         {}
func (*Assert) stmt()      {}
func (*Import) stmt()      {}
func (*ImportFrom) stmt()  {}
func (*Global) stmt()      {}
func (*Nonlocal) stmt()    {}
func (*ExprStmt) stmt()    {}
func (*Pass) stmt()        {}
func (*Break) stmt()       {}
func (*Continue) stmt()    {}

func (*BoolOpExpr) expr()     {}
func (*NamedExpr) expr()      {}
func (*BinOpExpr) expr()      {}
func (*UnaryOpExpr) expr()    {}
func (*Lambda) expr()         {}
func (*IfExp) expr()          {}
func (*DictExpr) expr()       {}
func (*SetExpr) expr()        {}
func (*ListComp) expr()       {}
func (*SetComp) expr()        {}
func (*DictComp) expr()       {}
func (*GeneratorExp) expr()   {}
func (*Yield) expr()          {}
func (*YieldFrom) expr()      {}
func (*Compare) expr()        {}
func (*Call) expr()           {}
func (*FormattedValue) expr() {}
func (*JoinedStr) expr()      {}
func (*IntLit) expr()         {}
func (*FloatLit) expr()       {}
func (*ImagLit) expr()        {}
func (*StrLit) expr()         {}
func (*BytesLit) expr()       {}
func (*NameConst) expr()      {}
func (*Attribute) expr()      {}
func (*Subscript) expr()      {}
func (*Starred) expr()        {}
func (*Ident) expr()          {}
func (*ListExpr) expr()       {}
func (*TupleExpr) expr()      {}
func (*Slice) expr()          {}
