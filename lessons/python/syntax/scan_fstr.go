package syntax

import "strings"

// An fscanner splits the body of an f-string token into literal pieces
// and replacement fields. The fields' expressions are left as source
// ranges; the parser tokenizes and parses each one.
type fscanner struct {
	s       *scanner
	st      *strToken
	lastOff int // posOf's latest answer, to continue from
	lastPos Pos
}

// posOf returns the source position of offset off within the token body.
// Offsets mostly come in increasing order; each continues from the last.
func (f *fscanner) posOf(off int) Pos {
	i, p := f.st.bodyOff, f.st.bodyPos
	if f.lastOff > i && f.lastOff <= off {
		i, p = f.lastOff, f.lastPos
	}
	defer func() { f.lastOff, f.lastPos = off, p }()
	src := f.s.src
	for ; i < off; i++ {
		switch src[i] {
		case '\n':
			p.Line++
			p.Col = 0
		case '\r':
			if i+1 < off && src[i+1] == '\n' {
				continue
			}
			p.Line++
			p.Col = 0
		default:
			p.Col++
		}
	}
	return p
}

// parts scans src[i:end]. In a format spec (inSpec) it stops at the
// '}' that closes the enclosing field and returns that offset. A
// non-empty message reports an error in CPython's words.
func (f *fscanner) parts(i, end, level int, inSpec bool) ([]fpart, int, string) {
	src := f.s.src
	var parts []fpart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, fpart{lit: lit.String()})
			lit.Reset()
		}
	}
	for i < end {
		c := src[i]
		switch {
		case c == '{':
			if i+1 < end && src[i+1] == '{' && !inSpec {
				lit.WriteByte('{')
				i += 2
				continue
			}
			if level >= 2 {
				return nil, 0, "f-string: expressions nested too deeply"
			}
			flush()
			part, next, msg := f.field(i, end, level)
			if msg != "" {
				return nil, 0, msg
			}
			parts = append(parts, part)
			i = next
		case c == '}':
			if inSpec {
				flush()
				return parts, i, ""
			}
			if i+1 < end && src[i+1] == '}' {
				lit.WriteByte('}')
				i += 2
				continue
			}
			return nil, 0, "f-string: single '}' is not allowed"
		case c == '\\' && !f.st.raw:
			if i+1 < end && src[i+1] == 'N' && i+2 < end && src[i+2] == '{' {
				// The braces of \N{...} are not a replacement field.
				k := strings.IndexByte(src[i:end], '}')
				if k < 0 {
					k = end - i - 1
				}
				if _, msg := decodeEscape(&lit, src[i:i+k+1], 0, false); msg != "" {
					return nil, 0, msg
				}
				i += k + 1
				continue
			}
			next, msg := decodeEscape(&lit, src[:end], i, false)
			if msg != "" {
				return nil, 0, msg
			}
			i = next
		case c == '\r':
			lit.WriteByte('\n')
			i++
			if i < end && src[i] == '\n' {
				i++
			}
		default:
			lit.WriteByte(c)
			i++
		}
	}
	if inSpec {
		return nil, 0, "f-string: expecting '}'"
	}
	flush()
	return parts, end, ""
}

// field scans one replacement field starting at the '{' at src[i].
func (f *fscanner) field(i, end, level int) (fpart, int, string) {
	src := f.s.src
	part := fpart{field: true, pos: f.posOf(i)}
	start := i + 1
	var stack []byte
	j := start
	debugEq := -1
scan:
	for {
		if j >= end {
			return part, 0, "f-string: expecting '}'"
		}
		c := src[j]
		switch c {
		case '\\':
			return part, 0, "f-string expression part cannot include a backslash"
		case '#':
			return part, 0, "f-string expression part cannot include '#'"
		case '\'', '"':
			n := 1
			if j+2 < end && src[j+1] == c && src[j+2] == c {
				n = 3
			}
			k := j + n
			for {
				if k >= end {
					return part, 0, "f-string: unterminated string"
				}
				if src[k] == c && (n == 1 || k+2 < end && src[k+1] == c && src[k+2] == c) {
					break
				}
				k++
			}
			j = k + n
			continue
		case '(', '[', '{':
			stack = append(stack, c)
		case ')', ']':
			if len(stack) == 0 {
				return part, 0, "f-string: unmatched '" + string(c) + "'"
			}
			if closer(stack[len(stack)-1]) != c {
				return part, 0, "f-string: closing parenthesis '" + string(c) + "' does not match opening parenthesis '" + string(stack[len(stack)-1]) + "'"
			}
			stack = stack[:len(stack)-1]
		case '}':
			if len(stack) == 0 {
				break scan
			}
			if stack[len(stack)-1] != '{' {
				return part, 0, "f-string: closing parenthesis '}' does not match opening parenthesis '" + string(stack[len(stack)-1]) + "'"
			}
			stack = stack[:len(stack)-1]
		case '=', '!', '<', '>':
			if j+1 < end && src[j+1] == '=' {
				j += 2
				continue
			}
			if len(stack) == 0 && c == '!' {
				break scan
			}
			if len(stack) == 0 && c == '=' {
				debugEq = j
				break scan
			}
		case ':':
			if len(stack) == 0 {
				break scan
			}
		}
		j++
	}
	part.exprOff, part.exprEnd, part.exprPos = start, j, f.posOf(start)
	if strings.TrimSpace(src[start:j]) == "" {
		if src[j] == '}' {
			return part, 0, "f-string: empty expression not allowed"
		}
		return part, 0, "f-string: expression required before '" + string(src[j]) + "'"
	}
	if debugEq >= 0 {
		j++
		for j < end && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r' || src[j] == '\f') {
			j++
		}
		part.debug = src[start:j]
	}
	if j < end && src[j] == '!' {
		j++
		if j >= end {
			return part, 0, "f-string: expecting '}'"
		}
		switch src[j] {
		case 's', 'r', 'a':
			part.conv = rune(src[j])
		default:
			return part, 0, "f-string: invalid conversion character: expected 's', 'r', or 'a'"
		}
		j++
		if j >= end || src[j] != ':' && src[j] != '}' {
			return part, 0, "f-string: expecting '}'"
		}
	}
	if j < end && src[j] == ':' {
		spec, next, msg := f.parts(j+1, end, level+1, true)
		if msg != "" {
			return part, 0, msg
		}
		part.spec, part.hasSpec = spec, true
		j = next
	}
	if j >= end || src[j] != '}' {
		return part, 0, "f-string: expecting '}'"
	}
	part.end = f.posOf(j + 1)
	return part, j + 1, ""
}
