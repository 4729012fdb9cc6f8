package pystr

import (
	"fmt"
	"strings"
	"unicode"
)

// Repr returns repr(s) for a Python str: single quotes unless s contains a
// single quote and no double quote, with unprintable characters escaped.
func Repr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
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
