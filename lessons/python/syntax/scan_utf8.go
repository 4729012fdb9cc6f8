package syntax

import (
	"fmt"
	"unicode/utf8"
)

// Source text must be UTF-8. These helpers word the errors for text that
// is not as CPython's UTF-8 codec does.

// badUTF8 returns the offset of the first byte of s that does not start
// a valid UTF-8 sequence, or -1.
func badUTF8(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// utf8Reason says why the sequence that starts b is not UTF-8.
func utf8Reason(b string) string {
	c := b[0]
	n, lo, hi := 0, byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		n = 1
	case c == 0xE0:
		n, lo = 2, 0xA0
	case c == 0xED:
		n, hi = 2, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		n = 2
	case c == 0xF0:
		n, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		n = 3
	case c == 0xF4:
		n, hi = 3, 0x8F
	default:
		return "invalid start byte"
	}
	for k := 1; k <= n; k++ {
		if k >= len(b) {
			return "unexpected end of data"
		}
		l, h := byte(0x80), byte(0xBF)
		if k == 1 {
			l, h = lo, hi
		}
		if b[k] < l || b[k] > h {
			return "invalid continuation byte"
		}
	}
	return "invalid start byte"
}

// utf8Message words a decoding error at offset i of s. CPython decodes
// the pieces between ASCII bytes, so the reason looks no further.
func utf8Message(s string, i int) string {
	return fmt.Sprintf("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s", s[i], i, utf8Reason(nonASCIIRun(s, i)))
}

// nonASCIIRun returns the bytes from i up to the next ASCII byte.
func nonASCIIRun(s string, i int) string {
	j := i
	for j < len(s) && s[j] >= utf8.RuneSelf {
		j++
	}
	return s[i:j]
}
