package syntax

// TokenKind classifies the tokens that Tokens reports.
type TokenKind uint8

const (
	TokenEOF     TokenKind = iota // the end of the input
	TokenError                    // the tokenizer stopped here; Tokens returns the error
	TokenNewline                  // the end of a logical line
	TokenIndent
	TokenDedent
	TokenName    // an identifier
	TokenKeyword // a keyword, including True, False and None
	TokenNumber
	TokenString // one string literal (with its prefix and quotes)
	TokenOp     // an operator or delimiter; Text is its spelling
)

// A Token is one token of Python source, for tools that look at source
// without parsing it (completion, a console's is_complete). Text is the
// token's source text (a string's with its prefix and quotes; empty for
// NEWLINE, INDENT, DEDENT and the end).
type Token struct {
	Kind     TokenKind
	Text     string
	Pos, End Pos
}

// Tokens tokenizes src as Parse does. The tokens end with a TokenEOF, or
// with a TokenError where the text stops being Python's tokens (an
// unclosed bracket or string, a bad character); err is then that error,
// and its Incomplete field tells whether more text could fix it.
func Tokens(src string) (toks []Token, err *Error) {
	text, serr := sourceText("<input>", []byte(src))
	if serr != nil {
		return []Token{{Kind: TokenError}}, serr
	}
	raw := tokenize("<input>", text, 0, len(text), Pos{1, 0}, false)
	toks = make([]Token, len(raw))
	for i, t := range raw {
		k := TokenOp
		switch {
		case t.kind == tEOF:
			k = TokenEOF
		case t.kind == tError:
			k, err = TokenError, t.err
		case t.kind == tNewline:
			k = TokenNewline
		case t.kind == tIndent:
			k = TokenIndent
		case t.kind == tDedent:
			k = TokenDedent
		case t.kind == tName:
			k = TokenName
		case t.kind.isKeyword():
			k = TokenKeyword
		case t.kind == tInt || t.kind == tFloat || t.kind == tImag:
			k = TokenNumber
		case t.kind == tString:
			k = TokenString
		}
		toks[i] = Token{Kind: k, Text: t.text, Pos: t.pos, End: t.end}
	}
	return toks, err
}
