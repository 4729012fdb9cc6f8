package syntax

// tokKind is the kind of a token.
type tokKind uint8

const (
	tEOF tokKind = iota
	tError
	tNewline
	tIndent
	tDedent
	tName
	tInt
	tFloat
	tImag
	tString

	// operators and delimiters
	tLParen
	tRParen
	tLBrack
	tRBrack
	tLBrace
	tRBrace
	tColon
	tComma
	tSemi
	tDot
	tEllipsis
	tArrow
	tColonEq
	tAssign
	tTilde
	tExclaim // a lone '!', only meaningful inside f-string fields
	tUnknown // a character that is no token: '$', '?' or '`'
	// binary operators, in BinaryOp order, then their augmented forms
	tPlus
	tMinus
	tStar
	tAt // also the decorator sign
	tSlash
	tPercent
	tDoubleStar
	tLShift
	tRShift
	tVBar
	tCaret
	tAmper
	tDoubleSlash
	tPlusEq
	tMinusEq
	tStarEq
	tAtEq
	tSlashEq
	tPercentEq
	tDoubleStarEq
	tLShiftEq
	tRShiftEq
	tVBarEq
	tCaretEq
	tAmperEq
	tDoubleSlashEq
	// comparisons
	tEq
	tNe
	tLt
	tLe
	tGt
	tGe

	// keywords
	kFalse
	kNone
	kTrue
	kAnd
	kAs
	kAssert
	kAsync
	kAwait
	kBreak
	kClass
	kContinue
	kDef
	kDel
	kElif
	kElse
	kExcept
	kFinally
	kFor
	kFrom
	kGlobal
	kIf
	kImport
	kIn
	kIs
	kLambda
	kNonlocal
	kNot
	kOr
	kPass
	kRaise
	kReturn
	kTry
	kWhile
	kWith
	kYield
)

// keyword returns the keyword kind of a name, or tName.
func keyword(s string) tokKind {
	switch s {
	case "False":
		return kFalse
	case "None":
		return kNone
	case "True":
		return kTrue
	case "and":
		return kAnd
	case "as":
		return kAs
	case "assert":
		return kAssert
	case "async":
		return kAsync
	case "await":
		return kAwait
	case "break":
		return kBreak
	case "class":
		return kClass
	case "continue":
		return kContinue
	case "def":
		return kDef
	case "del":
		return kDel
	case "elif":
		return kElif
	case "else":
		return kElse
	case "except":
		return kExcept
	case "finally":
		return kFinally
	case "for":
		return kFor
	case "from":
		return kFrom
	case "global":
		return kGlobal
	case "if":
		return kIf
	case "import":
		return kImport
	case "in":
		return kIn
	case "is":
		return kIs
	case "lambda":
		return kLambda
	case "nonlocal":
		return kNonlocal
	case "not":
		return kNot
	case "or":
		return kOr
	case "pass":
		return kPass
	case "raise":
		return kRaise
	case "return":
		return kReturn
	case "try":
		return kTry
	case "while":
		return kWhile
	case "with":
		return kWith
	case "yield":
		return kYield
	}
	return tName
}

func (k tokKind) isKeyword() bool { return k >= kFalse }

// augOp maps an augmented-assignment token to its operator.
func (k tokKind) augOp() (BinaryOp, bool) {
	if k >= tPlusEq && k <= tDoubleSlashEq {
		return BinaryOp(k - tPlusEq), true
	}
	return 0, false
}

// A token is one lexical token. text is the source text for names and
// numbers and the operator spelling otherwise; str is set for strings;
// err for tError.
type token struct {
	kind     tokKind
	pos, end Pos
	text     string
	str      *strToken
	err      *Error
	unclosed bool // err is about an unclosed bracket at the end of input
}

// A strToken is one string literal (one prefix and one pair of quotes).
type strToken struct {
	bytes, fstr bool
	value       string  // decoded value, when !fstr
	parts       []fpart // when fstr
	raw         bool    // r prefix
	bodyPos     Pos     // position of the first byte after the quote
	bodyOff     int     // its byte offset in the source
	body        string  // the undecoded text between the quotes
	err         string  // what is wrong with the contents, in CPython's words
}

// An fpart is a literal piece or a replacement field of an f-string.
// For a field, exprOff/exprEnd delimit the expression's source text.
type fpart struct {
	lit      string // decoded literal text (field == false)
	field    bool
	exprOff  int
	exprEnd  int
	exprPos  Pos
	debug    string // text of the expression and '=' for {x=}, else ""
	conv     rune
	spec     []fpart
	hasSpec  bool
	pos, end Pos // whole field, braces included
}
