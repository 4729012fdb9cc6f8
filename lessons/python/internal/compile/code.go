package compile

// Op is a bytecode operation. Each instruction is one step of the
// interpreter's step counter, roughly one CPython bytecode.
type Op uint8

// The operations. Stack effects are noted as [before] -> [after], top of
// stack last.
const (
	NOP Op = iota
	POP_TOP
	DUP_TOP     // [a] -> [a a]
	DUP_TOP_TWO // [a b] -> [a b a b]
	ROT_TWO     // [a b] -> [b a]
	ROT_THREE   // [a b c] -> [c a b]
	ROT_FOUR    // [a b c d] -> [d a b c]

	LOAD_CONST    // arg: const index
	LOAD_FAST     // arg: local slot
	STORE_FAST    //
	DELETE_FAST   //
	LOAD_DEREF    // arg: cell index (cells, then frees)
	STORE_DEREF   //
	DELETE_DEREF  //
	LOAD_CLOSURE  // push the cell itself
	LOAD_GLOBAL   // arg: name index; globals, then builtins
	STORE_GLOBAL  //
	DELETE_GLOBAL //
	LOAD_NAME     // class body: namespace, globals, builtins
	STORE_NAME    //
	DELETE_NAME   //
	LOAD_ATTR     // arg: name index. [x] -> [x.name]
	STORE_ATTR    // [v x] -> []
	DELETE_ATTR   // [x] -> []
	LOAD_METHOD   // [x] -> [meth self] or [fn NULL]
	BINARY_SUBSCR // [x k] -> [x[k]]
	STORE_SUBSCR  // [v x k] -> []
	DELETE_SUBSCR // [x k] -> []

	BINARY  // arg: BinOp. [x y] -> [x op y]
	INPLACE // arg: BinOp
	UNARY_NEGATIVE
	UNARY_POSITIVE
	UNARY_INVERT
	UNARY_NOT
	COMPARE // arg: CmpOp

	BUILD_TUPLE  // arg: n
	BUILD_LIST   // arg: n
	BUILD_SET    // arg: n
	BUILD_MAP    // arg: n pairs [k1 v1 ... kn vn]
	BUILD_SLICE  // arg: 2 or 3
	BUILD_STRING // arg: n strs
	LIST_APPEND  // arg: depth of the list below TOS; pops TOS
	SET_ADD      //
	MAP_ADD      // [... d ... k v]
	LIST_EXTEND  // arg: depth; pops an iterable
	SET_UPDATE   //
	DICT_UPDATE  // arg: depth; pops a mapping ({**m})
	DICT_MERGE   // as DICT_UPDATE but duplicate keys are an error (f(**m))
	LIST_TO_TUPLE
	FORMAT_VALUE // arg: conversion ('s', 'r', 'a' or 0) | 256 if a spec is on the stack

	UNPACK_SEQUENCE // arg: n. [seq] -> [xn ... x1]
	UNPACK_EX       // arg: before | after<<8

	JUMP
	POP_JUMP_IF_FALSE
	POP_JUMP_IF_TRUE
	JUMP_IF_FALSE_OR_POP
	JUMP_IF_TRUE_OR_POP
	GET_ITER
	FOR_ITER // arg: target when exhausted (the iterator is popped)

	CALL          // arg: argc. [fn a1..an] -> [r]
	CALL_METHOD   // arg: argc. [meth self a1..an] -> [r]
	CALL_KW       // arg: argc incl. keywords; TOS is a const tuple of names
	CALL_EX       // arg: 1 if a kwargs dict is on the stack. [fn args (kw)] -> [r]
	MAKE_FUNCTION // arg: flags (1 defaults, 2 kwdefaults, 4 annotations, 8 closure). [.. code] -> [fn]
	MAKE_CLASS    // arg: nbases; TOS1 class-body function, TOS name... see compiler
	RETURN_VALUE

	YIELD_VALUE
	YIELD_FROM // [iter v] -> [iter] (repeats) -> [result]
	GET_YIELD_FROM_ITER

	RAISE // arg: 0 re-raise, 1 exc, 2 exc from cause
	SETUP_FINALLY
	POP_BLOCK
	POP_EXCEPT
	RERAISE
	JUMP_IF_NOT_EXC_MATCH // [exc type] -> [exc]; arg: target
	SETUP_WITH            // arg: handler. [cm] -> [exit enter()]
	WITH_EXIT             // [exit] -> []: exit(None, None, None)
	WITH_EXCEPT           // [exit exc] -> [] if suppressed, else re-raises

	IMPORT_NAME  // arg: name index; [fromlist] -> [module]
	IMPORT_FROM  // arg: name index; [m] -> [m m.name]
	IMPORT_STAR  // [m] -> []
	RAISE_ASSERT // arg: 1 if a message is on the stack
	SETUP_ANNOTATIONS
	STORE_ANNOTATION // arg: name index; [ann] -> []

	// Superinstructions, which the compiler's last pass makes of the
	// first instruction of a common pair (fuse). Each runs both and
	// counts as two steps; the second stays in place after it, and runs
	// on its own when the step hook is due at it or when the pair cannot
	// go on as one.
	RETURN_CONST         // LOAD_CONST arg, then the RETURN_VALUE after it
	RETURN_FAST          // LOAD_FAST arg, then the RETURN_VALUE after it
	LOAD_FAST_METHOD     // LOAD_FAST arg, then the LOAD_METHOD after it
	YIELD_FAST           // LOAD_FAST arg, then the YIELD_VALUE after it
	FOR_ITER_STORE       // FOR_ITER arg, then the STORE_FAST after it of the next value
	LOAD_FAST_ATTR       // LOAD_FAST arg, then the LOAD_ATTR after it
	LOAD_FAST_STORE_ATTR // LOAD_FAST arg, then the STORE_ATTR after it
	DUP_TOP_ATTR         // DUP_TOP, then the LOAD_ATTR after it (x.a op= v)
	// INPLACE arg, then the ROT_TWO and STORE_ATTR after it (x.a op= v):
	// three steps.
	INPLACE_STORE_ATTR
	LOAD_FAST_FAST   // LOAD_FAST arg, then the LOAD_FAST after it
	LOAD_FAST_CONST  // LOAD_FAST arg, then the LOAD_CONST after it
	LOAD_FAST_BINARY // LOAD_FAST arg, then the BINARY after it
	// LOAD_GLOBAL arg, then the LOAD_FAST and BINARY or INPLACE after it
	// (g + n): run as one when both are ints
	LOAD_GLOBAL_ARITH

	// STORE_FAST of a for loop's variable that no instruction of the
	// code reads, and which nothing else stores (markLoopVars): the
	// FOR_ITER_STORE before it may keep a range's next int unboxed in
	// the frame instead of making it a Value.
	STORE_LOOP_VAR
)

// Span is an extent of source text: lines from 1, columns as 0-based
// UTF-8 byte offsets (CPython's convention), end exclusive.
type Span struct {
	Line, Col, EndLine, EndCol int32
}

// Instr is one instruction.
type Instr struct {
	Op  Op
	Arg int32
}

// Code is a compiled function, class body, lambda, comprehension or
// module.
type Code struct {
	Name      string // __name__
	QualName  string // __qualname__
	Filename  string
	FirstLine int

	Instrs []Instr
	Lines  []int32 // source line of each instruction
	Spans  []Span  // source extent of the expression or statement each instruction is for
	Consts []any   // see Const
	Names  []string

	// Locals are the fast local slots; the parameters come first, in the
	// order posonly, args, kwonly, *args, **kwargs.
	Locals     []string
	NumArgs    int // positional parameters including posonly
	NumPosOnly int
	NumKwOnly  int
	VarArgs    bool
	VarKw      bool
	// Cells are the variables of this code that inner functions capture;
	// CellParam[i] is the parameter slot a cell is initialised from, or -1.
	Cells     []string
	CellParam []int
	// Frees are the variables captured from enclosing functions.
	Frees []string

	HasDoc bool // Consts[0] is the docstring

	Generator bool // contains yield
	ClassBody bool // runs with a namespace dict (LOAD_NAME / STORE_NAME)
	MaxStack  int
}

// Constants in Code.Consts have one of these Go types: int64, *big.Int,
// float64, string (a str), BytesConst, bool, NoneConst, EllipsisConst, *Code,
// KwNames (the keyword names of a CALL_KW), FrozenSetConst (the
// elements of a constant set display, in source order).
type (
	BytesConst     string
	NoneConst      struct{}
	EllipsisConst  struct{}
	KwNames        []string
	FrozenSetConst []any
)
