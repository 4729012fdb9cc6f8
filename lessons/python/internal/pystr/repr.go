package pystr

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Repr returns repr(s) for a Python str: single quotes unless s contains a
// single quote and no double quote, with unprintable characters escaped.
// A lone surrogate, held in its three-byte WTF-8 form, shows as \udXXX;
// any other byte that is not UTF-8 as \ufffd.
func Repr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			if c, ok := surrogate(s[i:]); ok {
				fmt.Fprintf(&b, `\u%04x`, c)
				i += 3
			} else {
				b.WriteString(`\ufffd`)
				i++
			}
			continue
		}
		i += n
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f || IsPrintable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// surrogate decodes the surrogate code point U+D800-U+DFFF whose WTF-8 form
// starts s.
func surrogate(s string) (rune, bool) {
	if len(s) < 3 || s[0] != 0xED || s[1] < 0xA0 || s[1] > 0xBF || s[2]&0xC0 != 0x80 {
		return 0, false
	}
	return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), true
}

// IsPrintable reports str.isprintable() for one character: everything but
// the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs, except the ASCII space.
func IsPrintable(r rune) bool { return unicode.IsPrint(r) }

// IsSpace reports whether int() and float() strip r: ASCII space, \t \n \v
// \f \r, and the non-ASCII Unicode white space (not \x1c-\x1f, which
// str.isspace() accepts).
func IsSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	return unicode.IsSpace(r)
}
