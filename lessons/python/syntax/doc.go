// Package syntax is the front end of threadlab's Python 3.11: a
// tokenizer, a recursive-descent parser and the syntax tree they build.
// async/await, match and except* are not part of the language.
//
// Parse turns a file into a *Module or returns an *Error whose Kind,
// Msg, position and source line are those CPython 3.11 reports; its
// Incomplete field tells input that more lines could complete (for a
// console's is_complete) from invalid input. ParseExpr parses what eval
// accepts.
//
// Every node embeds a Loc (start and end Pos; lines from 1, columns as
// 0-based UTF-8 byte offsets, like CPython's ast). The node set follows
// CPython's ast module closely, so that a dump of this tree can be
// compared with ast.dump:
//
//	Module     = Body []Stmt
//	Stmt       = FunctionDef | ClassDef | Return | Delete | Assign
//	           | AugAssign | AnnAssign | For | While | If | With | Raise
//	           | Try | Assert | Import | ImportFrom | Global | Nonlocal
//	           | ExprStmt | Pass | Break | Continue
//	Expr       = BoolOpExpr | NamedExpr | BinOpExpr | UnaryOpExpr
//	           | Lambda | IfExp | DictExpr | SetExpr | ListComp | SetComp
//	           | DictComp | GeneratorExp | Yield | YieldFrom | Compare
//	           | Call | FormattedValue | JoinedStr | IntLit | FloatLit
//	           | ImagLit | StrLit | BytesLit | NameConst | Attribute
//	           | Subscript | Starred | Ident | ListExpr | TupleExpr | Slice
//	helpers    = Arguments, Arg, Keyword, WithItem, ExceptHandler, Alias,
//	             Comprehension
//
// Where CPython has one Constant node, this package has IntLit, FloatLit,
// ImagLit, StrLit, BytesLit and NameConst. Implicitly concatenated
// literals arrive joined: one StrLit or BytesLit, or a JoinedStr when an
// f-string takes part.
//
// Inside an f-string, the expressions of replacement fields carry their
// real positions; the literal pieces and FormattedValue nodes carry the
// whole string's, as in CPython 3.11.
//
// Nesting is bounded: 200 open brackets (CPython's tokenizer limit), 100
// indentation levels, and a few thousand levels of expression nesting;
// past them Parse returns a SyntaxError instead of exhausting a stack.
//
// The files:
//
//	ast.go        the nodes, operators and positions
//	error.go      Error, CPython's SyntaxError, IndentationError and TabError
//	token.go      token kinds and keywords
//	scan.go       the tokenizer: lines, indentation, brackets, operators, names
//	scan_lit.go   number and string literals, escape sequences
//	scan_fstr.go  splitting f-strings into literal pieces and fields
//	scan_utf8.go  errors for source that is not UTF-8
//	unicode_names.go the names \N{...} accepts (unicode_names.bin, made
//	              by testdata/mknames.py from CPython's unicodedata)
//	parse.go      Parse, ParseExpr and error reporting
//	parse_stmt.go statements
//	parse_expr.go expressions, targets and f-string fields
//	walk.go       Walk, a traversal of the tree
//
// Every name that can bind or be looked up is an *Ident, including the
// names of defs, classes, parameters, except targets, import aliases and
// global/nonlocal declarations; the resolver (package
// threadlab/lessons/python/resolve) sets their Binding fields and the
// Scope fields of Module, FunctionDef, ClassDef, Lambda and the
// comprehensions.
package syntax
