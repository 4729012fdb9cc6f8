package compile

// BinOp is a binary arithmetic operator, the argument of BINARY and
// INPLACE instructions.
type BinOp uint8

// The binary operators.
const (
	Add BinOp = iota
	Sub
	Mul
	MatMul
	TrueDiv
	FloorDiv
	Mod
	Pow
	LShift
	RShift
	And
	Or
	Xor
)

var binOpSymbols = [...]string{"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"}
var binOpNames = [...]string{"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"}

// Symbol is the operator as written ("+").
func (op BinOp) Symbol() string { return binOpSymbols[op] }

// Dunder is the method name stem ("add" for __add__, __radd__, __iadd__).
func (op BinOp) Dunder() string { return binOpNames[op] }

// CmpOp is a comparison operator, the argument of COMPARE.
type CmpOp uint8

// The comparison operators. In and NotIn, Is and IsNot are also
// comparisons in Python's grammar.
const (
	Lt CmpOp = iota
	Le
	Eq
	Ne
	Gt
	Ge
	In
	NotIn
	Is
	IsNot
)

var cmpOpSymbols = [...]string{"<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"}

// Symbol is the operator as written.
func (op CmpOp) Symbol() string { return cmpOpSymbols[op] }
