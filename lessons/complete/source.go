package complete

import (
	"slices"
	"unicode/utf8"

	"threadlab/lessons/python/syntax"
)

// A tok is a token of the cell with its byte offsets in the cell's text.
type tok struct {
	syntax.Token
	off, end int
}

func (t tok) is(kind syntax.TokenKind, text string) bool {
	return t.Kind == kind && t.Text == text
}

func (t tok) isOp(text string) bool { return t.is(syntax.TokenOp, text) }

// nesting is how t changes the bracket depth: 1 for an opening bracket,
// -1 for a closing one, else 0.
func (t tok) nesting() int {
	switch {
	case t.isOp("(") || t.isOp("[") || t.isOp("{"):
		return 1
	case t.isOp(")") || t.isOp("]") || t.isOp("}"):
		return -1
	}
	return 0
}

// lex tokenizes src with threadlab's tokenizer. It returns the tokens
// before the first error (or before the end marker), without the
// NEWLINE, DEDENT and end tokens the tokenizer adds at the end of the
// input, and the error, if any.
func lex(src string) ([]tok, *syntax.Error) {
	raw, err := syntax.Tokens(src)
	lines := lineStarts(src)
	offset := func(p syntax.Pos) int {
		if p.Line < 1 || int(p.Line) > len(lines) {
			return len(src)
		}
		return min(lines[p.Line-1]+int(p.Col), len(src))
	}
	toks := make([]tok, 0, len(raw))
	for _, t := range raw {
		if t.Kind == syntax.TokenError || t.Kind == syntax.TokenEOF {
			break
		}
		toks = append(toks, tok{Token: t, off: offset(t.Pos), end: offset(t.End)})
	}
	// The tokenizer ends the input with a NEWLINE and DEDENTs of its own.
	for len(toks) > 0 {
		last := toks[len(toks)-1]
		if last.Kind != syntax.TokenDedent && !(last.Kind == syntax.TokenNewline && last.off >= len(src)) {
			break
		}
		toks = toks[:len(toks)-1]
	}
	return toks, err
}

// lineStarts returns the byte offset where each line starts; lines end
// at \n, \r\n or \r, as the tokenizer counts them.
func lineStarts(src string) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case '\n':
			starts = append(starts, i+1)
		}
	}
	return starts
}

// byteOffset converts a cursor in code points (as Jupyter sends it) to a
// byte offset in code, clamping it to the text.
func byteOffset(code string, cursor int) int {
	if cursor <= 0 {
		return 0
	}
	n := 0
	for i := range code {
		if n == cursor {
			return i
		}
		n++
	}
	return len(code)
}

// runeOffset converts a byte offset in code to code points.
func runeOffset(code string, off int) int {
	return utf8.RuneCountInString(code[:off])
}

// chainBefore returns the dotted name whose last name is toks[i-1]
// ("threading.Thread" before a '(' at i), or nil when toks[i-1] ends no
// such name.
func chainBefore(toks []tok, i int) []string {
	var chain []string // last name first, until reversed below
	j := i - 1
	for {
		// A dot after something else than a name (f().x, a[0].x) ends a
		// chain whose value we could not know without running code.
		if j < 0 || toks[j].Kind != syntax.TokenName {
			return nil
		}
		chain = append(chain, toks[j].Text)
		if j == 0 || !toks[j-1].isOp(".") {
			break
		}
		j -= 2
	}
	slices.Reverse(chain)
	return chain
}

// statementStart returns the index of the first token of the logical
// line that contains toks[i-1].
func statementStart(toks []tok, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch {
		case toks[j].Kind == syntax.TokenNewline, toks[j].Kind == syntax.TokenIndent,
			toks[j].Kind == syntax.TokenDedent, toks[j].isOp(";"):
			return j + 1
		}
	}
	return 0
}

// openCall finds the innermost bracket still open after toks[:i]; when it
// is a call's '(' it returns the index of that '('.
func openCall(toks []tok, i int) (int, bool) {
	var stack []int
	for j := 0; j < i; j++ {
		switch toks[j].Text {
		case "(", "[", "{":
			if toks[j].Kind == syntax.TokenOp {
				stack = append(stack, j)
			}
		case ")", "]", "}":
			if toks[j].Kind == syntax.TokenOp && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 || !toks[stack[len(stack)-1]].isOp("(") {
		return 0, false
	}
	return stack[len(stack)-1], true
}
