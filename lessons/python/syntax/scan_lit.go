package syntax

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// number scans an int, float or imaginary literal.
func (s *scanner) number() bool {
	start := s.off
	p := s.pos()
	src := s.src[:s.end]
	at := func(i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	// digits scans digits accepted by ok, with single underscores between
	// them. It reports whether it stopped at a misplaced underscore.
	digits := func(ok func(byte) bool) bool {
		for s.off < len(src) {
			c := src[s.off]
			if c == '_' {
				if !ok(at(s.off + 1)) {
					return false
				}
				s.off++
				continue
			}
			if !ok(c) {
				break
			}
			s.off++
		}
		return true
	}
	bad := func(msg string, at Pos) bool {
		s.fail(SyntaxError, at, at, "%s", msg)
		return false
	}
	if src[s.off] == '0' && s.off+1 < len(src) && strings.IndexByte("xXoObB", src[s.off+1]) >= 0 {
		base, name, ok := 16, "hexadecimal", isHex
		switch src[s.off+1] | 0x20 {
		case 'o':
			base, name, ok = 8, "octal", func(c byte) bool { return c >= '0' && c <= '7' }
		case 'b':
			base, name, ok = 2, "binary", func(c byte) bool { return c == '0' || c == '1' }
		}
		s.off += 2
		if at(s.off) == '_' {
			s.off++
		}
		first := s.off
		if !digits(ok) {
			return bad("invalid "+name+" literal", s.pos())
		}
		if c := at(s.off); isDigit(c) && base < 10 {
			return bad("invalid digit '"+string(c)+"' in "+name+" literal", s.pos())
		}
		if s.off == first {
			return bad("invalid "+name+" literal", s.posAt(s.off-1))
		}
		if s.identFollows() {
			return bad("invalid "+name+" literal", s.posAt(s.off-1))
		}
		s.emit(tInt, p, src[start:s.off])
		return true
	}
	isFloat := false
	if !digits(isDigit) {
		return bad("invalid decimal literal", s.pos())
	}
	if at(s.off) == '.' {
		isFloat = true
		s.off++
		if isDigit(at(s.off)) && !digits(isDigit) {
			return bad("invalid decimal literal", s.pos())
		}
	}
	if c := at(s.off); c == 'e' || c == 'E' {
		j := s.off + 1
		sign := at(j) == '+' || at(j) == '-'
		if sign {
			j++
		}
		switch {
		case isDigit(at(j)):
			isFloat = true
			s.off = j
			if !digits(isDigit) {
				return bad("invalid decimal literal", s.pos())
			}
		case sign:
			return bad("invalid decimal literal", s.posAt(j-1))
		case s.identFollows():
			return bad("invalid decimal literal", s.posAt(s.off-1))
		}
		// else `1else`-style: the 'e' starts a keyword.
	}
	imag := false
	if c := at(s.off); c == 'j' || c == 'J' {
		imag = true
		s.off++
	}
	if s.identFollows() {
		return bad("invalid decimal literal", s.posAt(s.off-1))
	}
	text := src[start:s.off]
	switch {
	case imag:
		s.emit(tImag, p, text)
	case isFloat:
		s.emit(tFloat, p, text)
	default:
		if clean := strings.ReplaceAll(text, "_", ""); len(clean) > 1 && clean[0] == '0' && strings.Trim(clean, "0") != "" {
			e := &Error{Kind: SyntaxError, Msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
				Filename: s.filename, Pos: p, End: Pos{p.Line, p.Col + 1}, Line: lineText(s.src, s.lineStart)}
			s.toks = append(s.toks, token{kind: tError, pos: p, end: p, err: e})
			return false
		}
		s.emit(tInt, p, text)
	}
	return true
}

// identFollows reports whether an identifier character follows a number
// literal, other than the start of a keyword CPython still accepts there
// (as in `1if x else 2`).
func (s *scanner) identFollows() bool {
	if s.off >= s.end {
		return false
	}
	// CPython counts every non-ASCII byte as a possible identifier here.
	if c := s.src[s.off]; c < utf8.RuneSelf && !isLetter(c) && c != '_' && !isDigit(c) {
		return false
	}
	for _, kw := range [...]string{"and", "else", "for", "if", "in", "is", "not", "or"} {
		if strings.HasPrefix(s.src[s.off:s.end], kw) {
			return false
		}
	}
	return true
}

// maxStrDigits is CPython's default limit on the digits of a decimal
// int literal (sys.get_int_max_str_digits()); it also keeps conversion,
// which takes quadratic time, short.
const maxStrDigits = 4300

// decimalDigits counts the digits of a decimal int literal's text, or
// returns 0 for other bases.
func decimalDigits(text string) int {
	if len(text) > 1 && text[0] == '0' && strings.IndexByte("xXoObB", text[1]) >= 0 {
		return 0
	}
	return len(text) - strings.Count(text, "_")
}

// parseInt converts the text of an int token into an IntLit's value.
func parseInt(text string) (int64, *big.Int) {
	digits, base := strings.ReplaceAll(text, "_", ""), 10
	if len(digits) > 1 && digits[0] == '0' {
		switch digits[1] | 0x20 {
		case 'x':
			base = 16
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
		if base != 10 {
			digits = digits[2:]
		}
	}
	if v, err := strconv.ParseInt(digits, base, 64); err == nil {
		return v, nil
	}
	b, _ := new(big.Int).SetString(digits, base)
	return 0, b
}

// str scans a string literal whose prefix starts at start; s.off is at
// the opening quote.
func (s *scanner) str(start int) bool {
	p := s.posAt(start)
	prefix := strings.ToLower(s.src[start:s.off])
	st := &strToken{
		bytes: strings.IndexByte(prefix, 'b') >= 0,
		fstr:  strings.IndexByte(prefix, 'f') >= 0,
		raw:   strings.IndexByte(prefix, 'r') >= 0,
	}
	q := s.src[s.off]
	n := 1
	if s.off+2 < s.end && s.src[s.off+1] == q && s.src[s.off+2] == q {
		n = 3
	}
	s.off += n
	st.bodyOff, st.bodyPos = s.off, s.pos()
	for {
		if s.off >= s.end {
			return s.unterminated(p, n)
		}
		c := s.src[s.off]
		switch {
		case c == '\\':
			s.off++
			if s.off < s.end {
				if d := s.src[s.off]; d == '\n' || d == '\r' {
					s.newline()
				} else {
					s.off++
				}
			}
			continue
		case c == '\n' || c == '\r':
			if n == 1 {
				return s.unterminated(p, n)
			}
			s.newline()
			continue
		case c == q && (n == 1 || s.off+2 < s.end && s.src[s.off+1] == q && s.src[s.off+2] == q):
		default:
			s.off++
			continue
		}
		break
	}
	st.body = s.src[st.bodyOff:s.off]
	s.off += n
	end := s.pos()
	// Errors in a literal's contents are the parser's to report, when it
	// joins the literals, as CPython's parser does.
	switch {
	case !st.bytes && badUTF8(st.body) >= 0:
		st.err = utf8Message(st.body, badUTF8(st.body))
	case st.fstr:
		f := fscanner{s: s, st: st}
		st.parts, _, st.err = f.parts(st.bodyOff, st.bodyOff+len(st.body), 0, false)
	default:
		st.value, st.err = decodeString(st.body, st.raw, st.bytes)
	}
	s.toks = append(s.toks, token{kind: tString, pos: p, end: end, text: s.src[start:s.off], str: st})
	s.sawToken = true
	return true
}

func (s *scanner) unterminated(p Pos, quoteLen int) bool {
	if quoteLen == 1 {
		s.fail(SyntaxError, p, p, "unterminated string literal (detected at line %d)", p.Line)
		return false
	}
	line := s.line
	if s.off > 0 && s.lineStart == s.off && line > p.Line {
		line-- // the text ends with a newline: CPython counts the line it ends
	}
	s.fail(SyntaxError, p, p, "unterminated triple-quoted string literal (detected at line %d)", line)
	s.toks[len(s.toks)-1].err.Incomplete = true
	return false
}

// decodeString processes the escapes of a string body. It returns a
// CPython-worded message when the body is invalid.
func decodeString(body string, raw, isBytes bool) (string, string) {
	simple := true
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && !raw || c == '\r' || c >= utf8.RuneSelf && isBytes {
			simple = false
			break
		}
	}
	if simple {
		return body, ""
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c >= utf8.RuneSelf && isBytes:
			return "", "bytes can only contain ASCII literal characters"
		case c == '\r':
			b.WriteByte('\n')
			i++
			if i < len(body) && body[i] == '\n' {
				i++
			}
		case c == '\\' && !raw:
			next, msg := decodeEscape(&b, body, i, isBytes)
			if msg != "" {
				return "", msg
			}
			i = next
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), ""
}

// decodeEscape decodes the escape sequence at body[i] (a backslash),
// writes its value to b and returns the offset after it.
func decodeEscape(b *strings.Builder, body string, i int, isBytes bool) (int, string) {
	if i+1 >= len(body) {
		b.WriteByte('\\')
		return i + 1, ""
	}
	c := body[i+1]
	j := i + 2
	unicodeErr := func(end int, what string) (int, string) {
		return 0, "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
			strconv.Itoa(i) + "-" + strconv.Itoa(end-1) + ": " + what
	}
	switch c {
	case '\n':
		return j, ""
	case '\r':
		if j < len(body) && body[j] == '\n' {
			j++
		}
		return j, ""
	case '\\', '\'', '"':
		b.WriteByte(c)
	case 'a':
		b.WriteByte(7)
	case 'b':
		b.WriteByte(8)
	case 'f':
		b.WriteByte(12)
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'v':
		b.WriteByte(11)
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := int(c - '0')
		for k := 0; k < 2 && j < len(body) && body[j] >= '0' && body[j] <= '7'; k++ {
			v = v*8 + int(body[j]-'0')
			j++
		}
		if isBytes {
			b.WriteByte(byte(v))
		} else {
			writeRune(b, rune(v))
		}
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		if isBytes && c != 'x' {
			b.WriteString(body[i:j])
			return j, ""
		}
		k := 0
		for k < n && j+k < len(body) && isHex(body[j+k]) {
			k++
		}
		if k < n {
			if isBytes {
				return 0, "(value error) invalid \\x escape at position " + strconv.Itoa(i)
			}
			return unicodeErr(j+k, "truncated \\"+string(c)+strings.Repeat("X", n)+" escape")
		}
		v, _ := strconv.ParseUint(body[j:j+n], 16, 32)
		j += n
		switch {
		case isBytes:
			b.WriteByte(byte(v))
		case v > unicode.MaxRune:
			return unicodeErr(j, "illegal Unicode character")
		default:
			writeRune(b, rune(v))
		}
	case 'N':
		if isBytes {
			b.WriteString(body[i:j])
			return j, ""
		}
		end := j
		if end < len(body) && body[end] == '{' {
			switch k := strings.IndexByte(body[end:], '}'); {
			case k > 1:
				end += k + 1
				r, ok := lookupName(body[j+1 : end-1])
				if !ok {
					return unicodeErr(end, "unknown Unicode character name")
				}
				writeRune(b, r)
				return end, ""
			case k < 0:
				end = len(body)
			default:
				end++ // \N{}
			}
		}
		return unicodeErr(end, "malformed \\N character escape")
	default:
		// An unknown escape keeps its backslash (CPython warns).
		b.WriteByte('\\')
		return i + 1, ""
	}
	return j, ""
}

// writeRune writes r as UTF-8, or a surrogate code point as its
// three-byte WTF-8 form, which UTF-8 proper cannot hold.
func writeRune(b *strings.Builder, r rune) {
	if r >= 0xD800 && r <= 0xDFFF {
		b.WriteByte(byte(0xE0 | r>>12))
		b.WriteByte(byte(0x80 | (r>>6)&0x3F))
		b.WriteByte(byte(0x80 | r&0x3F))
		return
	}
	b.WriteRune(r)
}
