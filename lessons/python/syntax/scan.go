package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxBrackets is CPython's limit on open brackets (its tokenizer's
// MAXLEVEL); maxIndent its limit on indentation levels.
const (
	maxBrackets = 200
	maxIndent   = 100
)

// A scanner turns source text into tokens. It scans the whole range at
// once; a lexical error becomes a final tError token, so the parser
// reports it only when it gets there, as CPython's does.
type scanner struct {
	filename  string
	src       string
	off, end  int // current offset and end of the scanned range
	line      int32
	lineStart int // offset of the current line's first byte

	fexpr      bool // scanning an f-string field: newlines are spaces
	brackets   []bracket
	indents    []int // indentation columns, tabs to multiples of 8
	altIndents []int // the same with tabs counting 1, to detect TabError
	sawToken   bool  // the current logical line has a token
	lastNL     Pos   // where the latest NEWLINE went

	toks []token
}

type bracket struct {
	c   byte
	pos Pos
}

// tokenize scans src[off:end], which starts at position pos.
func tokenize(filename, src string, off, end int, pos Pos, fexpr bool) []token {
	s := &scanner{
		filename:   filename,
		src:        src,
		off:        off,
		end:        end,
		line:       pos.Line,
		lineStart:  off - int(pos.Col),
		fexpr:      fexpr,
		indents:    []int{0},
		altIndents: []int{0},
		toks:       make([]token, 0, (end-off)/4+8),
	}
	s.scan()
	return s.toks
}

func (s *scanner) pos() Pos          { return Pos{s.line, int32(s.off - s.lineStart)} }
func (s *scanner) posAt(off int) Pos { return Pos{s.line, int32(off - s.lineStart)} }

func (s *scanner) emit(k tokKind, pos Pos, text string) {
	s.toks = append(s.toks, token{kind: k, pos: pos, end: s.pos(), text: text})
	s.sawToken = true
}

// fail ends the token stream with an error at pos..end.
func (s *scanner) fail(kind ErrorKind, pos, end Pos, format string, args ...any) {
	e := &Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Filename: s.filename, Pos: pos, End: end}
	e.Line = lineText(s.src, s.lineStartOf(pos.Line))
	s.toks = append(s.toks, token{kind: tError, pos: pos, end: end, err: e})
}

// lineStartOf returns the offset where line n starts, if n is the
// current line or earlier; it walks back from the current line.
func (s *scanner) lineStartOf(n int32) int {
	start, line := s.lineStart, s.line
	for line > n && start > 0 {
		start--
		for start > 0 && s.src[start-1] != '\n' && s.src[start-1] != '\r' {
			start--
		}
		line--
	}
	return start
}

// lineText returns the text of the line that starts at offset start.
func lineText(src string, start int) string {
	if start > len(src) {
		return ""
	}
	end := start
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	return src[start:end]
}

// newline consumes a line break at s.off.
func (s *scanner) newline() {
	if s.src[s.off] == '\r' && s.off+1 < s.end && s.src[s.off+1] == '\n' {
		s.off++
	}
	s.off++
	s.line++
	s.lineStart = s.off
}

func (s *scanner) scan() {
	if i := strings.IndexByte(s.src[s.off:s.end], 0); i >= 0 {
		s.failNUL(s.off + i)
		return
	}
	atLineStart := !s.fexpr
	for {
		if atLineStart {
			atLineStart = false
			if !s.indentation() {
				return
			}
		}
		// skip blanks
		for s.off < s.end {
			c := s.src[s.off]
			if c != ' ' && c != '\t' && c != '\f' {
				break
			}
			s.off++
		}
		if s.off >= s.end {
			s.atEOF()
			return
		}
		c := s.src[s.off]
		start := s.pos()
		switch {
		case c == '#':
			for s.off < s.end && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
				s.off++
			}
		case c == '\n' || c == '\r':
			if len(s.brackets) == 0 && !s.fexpr && s.sawToken {
				s.toks = append(s.toks, token{kind: tNewline, pos: start, end: Pos{start.Line, start.Col + 1}})
				s.lastNL = start
				s.sawToken = false
			}
			s.newline()
			atLineStart = len(s.brackets) == 0 && !s.fexpr
		case c == '\\':
			s.off++
			if s.off >= s.end {
				s.fail(SyntaxError, s.pos(), s.pos(), "unexpected EOF while parsing")
				s.toks[len(s.toks)-1].err.Incomplete = true
				return
			}
			if d := s.src[s.off]; d != '\n' && d != '\r' {
				s.fail(SyntaxError, s.pos(), s.pos(), "unexpected character after line continuation character")
				return
			}
			at := s.pos()
			s.newline()
			if s.off >= s.end {
				s.fail(SyntaxError, at, at, "unexpected EOF while parsing")
				s.toks[len(s.toks)-1].err.Incomplete = true
				return
			}
		case c >= '0' && c <= '9' || c == '.' && s.off+1 < s.end && isDigit(s.src[s.off+1]):
			if !s.number() {
				return
			}
		case c == '"' || c == '\'':
			if !s.str(s.off) {
				return
			}
		case c < utf8.RuneSelf && (isLetter(c) || c == '_'):
			if !s.name() {
				return
			}
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s.src[s.off:])
			if r == utf8.RuneError && n == 1 {
				s.badByte()
				return
			}
			if !isIdentStart(r) {
				s.badChar(r)
				return
			}
			if !s.name() {
				return
			}
		default:
			if !s.operator() {
				return
			}
		}
	}
}

// badByte reports a byte that is not UTF-8 outside strings and comments.
func (s *scanner) badByte() {
	p := s.pos()
	line := s.src[s.lineStart:s.end]
	s.fail(SyntaxError, p, p, "%s", utf8Message(line, int(p.Col)))
}

// failNUL reports a NUL byte at offset i, which no Python source may hold.
func (s *scanner) failNUL(i int) {
	for j := s.off; j < i; j++ {
		if s.src[j] == '\n' {
			s.line++
			s.lineStart = j + 1
		}
	}
	s.off = i
	p := s.pos()
	s.fail(SyntaxError, p, p, "source code cannot contain null bytes")
}

func (s *scanner) badChar(r rune) {
	p := s.pos()
	if unicode.IsPrint(r) {
		s.fail(SyntaxError, p, p, "invalid character '%c' (U+%04X)", r, r)
	} else {
		s.fail(SyntaxError, p, p, "invalid non-printable character U+%04X", r)
	}
}

// indentation measures the indentation of a new line and emits INDENT
// and DEDENT tokens. Blank and comment-only lines do not count.
func (s *scanner) indentation() bool {
	for {
		col, alt := 0, 0
		for s.off < s.end {
			switch s.src[s.off] {
			case ' ':
				col++
				alt++
			case '\t':
				col = (col/8 + 1) * 8
				alt++
			case '\f':
				col, alt = 0, 0
			default:
				goto measured
			}
			s.off++
		}
	measured:
		if s.off >= s.end {
			return true // atEOF will finish
		}
		switch s.src[s.off] {
		case '#':
			for s.off < s.end && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
				s.off++
			}
			if s.off >= s.end {
				return true
			}
			s.newline()
			continue
		case '\n', '\r':
			s.newline()
			continue
		case '\\':
			// A continuation line: its indentation is what follows.
			return true
		}
		p := s.pos()
		top := len(s.indents) - 1
		switch {
		case col == s.indents[top]:
			if alt != s.altIndents[top] {
				s.fail(TabError, Pos{p.Line, 0}, Pos{p.Line, 0}, "inconsistent use of tabs and spaces in indentation")
				return false
			}
		case col > s.indents[top]:
			if len(s.indents) > maxIndent {
				s.fail(IndentationError, p, p, "too many levels of indentation")
				return false
			}
			if alt <= s.altIndents[top] {
				s.fail(TabError, Pos{p.Line, 0}, Pos{p.Line, 0}, "inconsistent use of tabs and spaces in indentation")
				return false
			}
			s.indents = append(s.indents, col)
			s.altIndents = append(s.altIndents, alt)
			// CPython places the INDENT on the last indentation character.
			ip := Pos{p.Line, max(p.Col-1, 0)}
			s.toks = append(s.toks, token{kind: tIndent, pos: ip, end: p})
		default:
			for col < s.indents[len(s.indents)-1] {
				s.indents = s.indents[:len(s.indents)-1]
				s.altIndents = s.altIndents[:len(s.altIndents)-1]
				s.toks = append(s.toks, token{kind: tDedent, pos: p, end: p})
			}
			top = len(s.indents) - 1
			if col != s.indents[top] {
				e := Pos{p.Line, int32(len(lineText(s.src, s.lineStart)))}
				s.fail(IndentationError, e, e, "unindent does not match any outer indentation level")
				return false
			}
			if alt != s.altIndents[top] {
				s.fail(TabError, Pos{p.Line, 0}, Pos{p.Line, 0}, "inconsistent use of tabs and spaces in indentation")
				return false
			}
		}
		return true
	}
}

func (s *scanner) atEOF() {
	if len(s.brackets) > 0 && !s.fexpr {
		b := s.brackets[len(s.brackets)-1]
		s.fail(SyntaxError, b.pos, b.pos, "'%c' was never closed", b.c)
		s.toks[len(s.toks)-1].unclosed = true
		s.toks[len(s.toks)-1].err.Incomplete = true
		return
	}
	p := s.pos()
	if s.sawToken && !s.fexpr {
		s.toks = append(s.toks, token{kind: tNewline, pos: p, end: Pos{p.Line, p.Col + 1}})
		s.lastNL = p
	}
	if !s.fexpr {
		if s.lastNL.IsValid() {
			p = s.lastNL
		}
		for len(s.indents) > 1 {
			s.indents = s.indents[:len(s.indents)-1]
			s.toks = append(s.toks, token{kind: tDedent, pos: p, end: p})
		}
	}
	s.toks = append(s.toks, token{kind: tEOF, pos: p, end: p})
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isHex(c byte) bool    { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }

func isIdentStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentContinue(r rune) bool {
	return isIdentStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) ||
		unicode.Is(unicode.Other_ID_Continue, r)
}

// name scans an identifier or keyword, or a prefixed string literal.
func (s *scanner) name() bool {
	start := s.off
	p := s.pos()
	for s.off < s.end {
		c := s.src[s.off]
		if c < utf8.RuneSelf {
			if isLetter(c) || isDigit(c) || c == '_' {
				s.off++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s.src[s.off:])
		if r == utf8.RuneError && n == 1 {
			s.badByte()
			return false
		}
		if !isIdentContinue(r) {
			if !unicode.IsSpace(r) {
				s.badChar(r)
				return false
			}
			break
		}
		s.off += n
	}
	text := s.src[start:s.off]
	if s.off < s.end && (s.src[s.off] == '"' || s.src[s.off] == '\'') && len(text) <= 2 && isStringPrefix(text) {
		return s.str(start)
	}
	s.emit(keyword(text), p, text)
	return true
}

func isStringPrefix(p string) bool {
	var r, b, f, u int
	for i := 0; i < len(p); i++ {
		switch p[i] | 0x20 {
		case 'r':
			r++
		case 'b':
			b++
		case 'f':
			f++
		case 'u':
			u++
		default:
			return false
		}
	}
	if r > 1 || b > 1 || f > 1 || u > 1 || b+f > 1 {
		return false
	}
	return u == 0 || len(p) == 1
}

// operator scans an operator or delimiter.
func (s *scanner) operator() bool {
	p := s.pos()
	src := s.src[s.off:s.end]
	c := src[0]
	at := func(i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	k, n := tEOF, 1
	switch c {
	case '(', '[', '{':
		if len(s.brackets) >= maxBrackets {
			s.fail(SyntaxError, p, p, "too many nested parentheses")
			return false
		}
		s.brackets = append(s.brackets, bracket{c, p})
		k = bracketKind(c)
	case ')', ']', '}':
		if len(s.brackets) == 0 {
			if s.fexpr && c == '}' {
				k = tRBrace
				break
			}
			s.fail(SyntaxError, p, p, "unmatched '%c'", c)
			return false
		}
		open := s.brackets[len(s.brackets)-1]
		if closer(open.c) != c {
			if open.pos.Line != p.Line {
				s.fail(SyntaxError, p, p, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.c, open.pos.Line)
			} else {
				s.fail(SyntaxError, p, p, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.c)
			}
			return false
		}
		s.brackets = s.brackets[:len(s.brackets)-1]
		k = bracketKind(c)
	case ':':
		k = tColon
		if at(1) == '=' {
			k, n = tColonEq, 2
		}
	case ',':
		k = tComma
	case ';':
		k = tSemi
	case '.':
		k = tDot
		if at(1) == '.' && at(2) == '.' {
			k, n = tEllipsis, 3
		}
	case '~':
		k = tTilde
	case '=':
		k = tAssign
		if at(1) == '=' {
			k, n = tEq, 2
		}
	case '!':
		k = tExclaim
		if at(1) == '=' {
			k, n = tNe, 2
		}
	case '<':
		switch at(1) {
		case '=':
			k, n = tLe, 2
		case '<':
			k, n = tLShift, 2
			if at(2) == '=' {
				k, n = tLShiftEq, 3
			}
		default:
			k = tLt
		}
	case '>':
		switch at(1) {
		case '=':
			k, n = tGe, 2
		case '>':
			k, n = tRShift, 2
			if at(2) == '=' {
				k, n = tRShiftEq, 3
			}
		default:
			k = tGt
		}
	case '-':
		k = tMinus
		switch at(1) {
		case '>':
			k, n = tArrow, 2
		case '=':
			k, n = tMinusEq, 2
		}
	case '*':
		k = tStar
		if at(1) == '*' {
			k, n = tDoubleStar, 2
			if at(2) == '=' {
				k, n = tDoubleStarEq, 3
			}
		} else if at(1) == '=' {
			k, n = tStarEq, 2
		}
	case '/':
		k = tSlash
		if at(1) == '/' {
			k, n = tDoubleSlash, 2
			if at(2) == '=' {
				k, n = tDoubleSlashEq, 3
			}
		} else if at(1) == '=' {
			k, n = tSlashEq, 2
		}
	case '+', '@', '%', '|', '^', '&':
		k = bracketKind(c)
		if at(1) == '=' {
			k, n = k-tPlus+tPlusEq, 2
		}
	default:
		if c < ' ' && c != '\t' {
			s.fail(SyntaxError, p, p, "invalid non-printable character U+%04X", c)
			return false
		}
		// '$', '?' and '`' are not Python; the parser reports them.
		k = tUnknown
	}
	s.off += n
	s.emit(k, p, src[:n])
	return true
}

func closer(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

// bracketKind returns the token kind of a one-byte bracket or of an
// operator byte that can take '=' after it.
func bracketKind(c byte) tokKind {
	switch c {
	case '(':
		return tLParen
	case ')':
		return tRParen
	case '[':
		return tLBrack
	case ']':
		return tRBrack
	case '{':
		return tLBrace
	case '}':
		return tRBrace
	case '+':
		return tPlus
	case '@':
		return tAt
	case '%':
		return tPercent
	case '|':
		return tVBar
	case '^':
		return tCaret
	}
	return tAmper
}
