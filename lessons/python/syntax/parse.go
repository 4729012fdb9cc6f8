package syntax

import (
	"fmt"
	"strings"
)

// maxDepth bounds the parser's recursion and the depth of the trees it
// builds, so that deeply nested input ends in an error rather than
// exhausting a stack here or in a later stage. CPython gives up at a
// similar depth (with MemoryError or RecursionError).
const maxDepth = 3000

// Parse parses a Python 3.11 file. On failure the error is an *Error.
func Parse(filename string, src []byte) (*Module, error) {
	text, serr := sourceText(filename, src)
	if serr != nil {
		return nil, serr
	}
	p := &parser{filename: filename, src: text, parens: map[Node]Loc{}}
	p.toks = tokenize(filename, text, 0, len(text), Pos{1, 0}, false)
	m, err := p.run(func() any { return p.file() })
	if err != nil {
		return nil, err
	}
	return m.(*Module), nil
}

// ParseExpr parses a single expression, as eval() does: leading spaces
// and tabs are ignored.
func ParseExpr(filename string, src []byte) (Expr, error) {
	text, serr := sourceText(filename, src)
	if serr != nil {
		return nil, serr
	}
	text = strings.TrimLeft(text, " \t")
	p := &parser{filename: filename, src: text, parens: map[Node]Loc{}}
	p.toks = tokenize(filename, text, 0, len(text), Pos{1, 0}, false)
	e, err := p.run(func() any {
		e := p.starExprs()
		for p.tok.kind == tNewline {
			p.next()
		}
		if p.tok.kind != tEOF {
			p.syntaxError()
		}
		return e
	})
	if err != nil {
		return nil, err
	}
	return e.(Expr), nil
}

// A parser is a recursive-descent parser over a token slice.
type parser struct {
	filename string
	src      string
	toks     []token
	i        int
	tok      *token
	prevEnd  Pos // end of the latest token consumed other than NEWLINE, INDENT, DEDENT
	depth    int
	fstring  bool         // parsing a replacement field of an f-string
	parens   map[Node]Loc // extents of parenthesized expressions, parentheses included
	stmtTok  int          // index of the current statement's first token
	atEnd    bool         // the error being raised is at the end of the input
	err      *Error
}

// bailout unwinds the parser after an error; run recovers it.
type bailout struct{}

func (p *parser) run(f func() any) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			res, err = nil, p.err
		}
	}()
	p.tok = &p.toks[0]
	if p.tok.kind == tError {
		p.err = p.tok.err
		panic(bailout{})
	}
	return f(), nil
}

func (p *parser) next() {
	switch p.tok.kind {
	case tNewline, tIndent, tDedent:
	default:
		p.prevEnd = p.tok.end
	}
	if p.i < len(p.toks)-1 {
		p.i++
	}
	p.tok = &p.toks[p.i]
	if p.tok.kind == tError {
		p.err = p.tok.err
		panic(bailout{})
	}
}

// peek returns the kind of the token n ahead of the current one.
func (p *parser) peek(n int) tokKind {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n].kind
	}
	return tEOF
}

func (p *parser) got(k tokKind) bool {
	if p.tok.kind == k {
		p.next()
		return true
	}
	return false
}

// errorAt stops parsing with an error of kind at start..end.
func (p *parser) errorAt(kind ErrorKind, start, end Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if p.fstring {
		msg = "f-string: " + msg
	}
	p.raise(&Error{Kind: kind, Msg: msg, Filename: p.filename, Pos: start, End: end, Line: p.line(start.Line), Incomplete: p.atEnd})
}

// endsHere records whether only the end of the input remains, for an
// error about to be raised there.
func (p *parser) endsHere() {
	p.atEnd = true
	for _, t := range p.toks[p.i:] {
		if t.kind != tDedent && t.kind != tEOF && t.kind != tNewline {
			p.atEnd = false
		}
	}
}

// raise stops parsing with e, unless a lexical error later in the source
// takes its place. CPython tokenizes the rest of the source after a
// parser error: any lexical error it meets wins, and so does a bracket
// left open, if it opened on a line before the last line e spans
// (print("a" followed by x = 1 on the next line is an unclosed bracket,
// not a missing comma).
func (p *parser) raise(e *Error) {
	if last := &p.toks[len(p.toks)-1]; last.kind == tError && (!last.unclosed || last.pos.Line < max(e.Pos.Line, e.End.Line)) {
		e = last.err
	}
	p.err = e
	panic(bailout{})
}

func (p *parser) errorNode(n Node, format string, args ...any) {
	start, end := n.Span()
	p.errorAt(SyntaxError, start, end, format, args...)
}

// syntaxError reports CPython's generic "invalid syntax" at the current
// token.
func (p *parser) syntaxError() {
	start, end := p.tok.pos, p.tok.end
	if p.tok.kind == tNewline || p.tok.kind == tEOF || p.tok.kind == tDedent {
		end = start
	}
	if p.tok.kind == tIndent {
		// The one parser error that later lexical errors do not replace.
		p.err = &Error{Kind: IndentationError, Msg: "unexpected indent", Filename: p.filename, Pos: start, End: end, Line: p.line(start.Line)}
		panic(bailout{})
	}
	if first := &p.toks[p.stmtTok]; first.kind == tName && first.text == "match" && p.i > p.stmtTok && first.pos.Line == start.Line {
		p.errorAt(SyntaxError, first.pos, first.end, "'match' statements are not supported by threadlab's Python; use if/elif instead")
	}
	p.errorAt(SyntaxError, start, end, "invalid syntax")
}

func (p *parser) expect(k tokKind) {
	if !p.got(k) {
		p.syntaxError()
	}
}

// line returns the source text of line n.
func (p *parser) line(n int32) string {
	start, line := 0, int32(1)
	for line < n && start < len(p.src) {
		c := p.src[start]
		start++
		if c == '\n' || c == '\r' && (start >= len(p.src) || p.src[start] != '\n') {
			line++
		}
	}
	return lineText(p.src, start)
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.errorAt(SyntaxError, p.tok.pos, p.tok.pos, "too many nested expressions (the source is too complex to parse)")
	}
}

func (p *parser) leave() { p.depth-- }

func loc(start, end Pos) Loc { return Loc{start, end} }

// startOf and endOf return the extent of n as an operand: with its
// parentheses, if it had any, as CPython's positions count them.
func (p *parser) startOf(n Node) Pos {
	if l, ok := p.parens[n]; ok {
		return l.Pos
	}
	s, _ := n.Span()
	return s
}

func (p *parser) endOf(n Node) Pos {
	if l, ok := p.parens[n]; ok {
		return l.End
	}
	_, e := n.Span()
	return e
}
