package format

import (
	"strings"
	"unicode/utf8"
)

// number is a formatted numeric value split the way padding and grouping
// need it: sign, radix prefix ("0x"), the integer digits that grouping
// applies to, and the rest (fraction, exponent, '%', or "inf"/"nan").
type number struct {
	neg     bool
	prefix  string
	digits  string
	rest    string
	groupBy int // digits per group: 3 for decimal, 4 for b/o/x/X; 0: never group
}

// layout applies sign, grouping, fill, alignment and width to n.
func layout(s Spec, n number) (string, error) {
	if s.Width > MaxWidth {
		return "", errorf(MemoryError, "")
	}
	sign := signText(n.neg, s.Sign)
	fill, align := s.Fill, s.Align
	if s.Zero {
		if fill == 0 {
			fill = '0'
		}
		if align == 0 {
			align = '='
		}
	}
	if fill == 0 {
		fill = ' '
	}
	if align == 0 {
		align = '>'
	}
	digits := n.digits
	if s.Grouping != 0 && n.groupBy > 0 {
		minDigits := 0
		if fill == '0' && align == '=' {
			minDigits = s.Width - len(sign) - len(n.prefix) - utf8.RuneCountInString(n.rest)
		}
		digits = group(digits, n.groupBy, s.Grouping, minDigits)
	}
	return pad(sign+n.prefix, digits+n.rest, s.Width, fill, align), nil
}

// signText is what goes before a number: "-" if it is negative, else
// what the spec's sign option asks for.
func signText(neg bool, option byte) string {
	switch {
	case neg:
		return "-"
	case option == '+':
		return "+"
	case option == ' ':
		return " "
	}
	return ""
}

// group inserts sep every size digits from the right, first padding with
// zeros until the grouped text is at least minWidth long. The result never
// starts with a separator, so it may come out one character wider.
func group(digits string, size int, sep byte, minWidth int) string {
	d := len(digits)
	for d+(d-1)/size < minWidth {
		d++
	}
	digits = strings.Repeat("0", d-len(digits)) + digits
	var b strings.Builder
	for i := 0; i < d; i++ {
		if i > 0 && (d-i)%size == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// pad places head+body in a field of width runes. With '=' the padding goes
// between head (sign and prefix) and body. The result is made in one
// allocation.
func pad(head, body string, width int, fill rune, align byte) string {
	n := width - utf8.RuneCountInString(head) - utf8.RuneCountInString(body)
	if n <= 0 {
		return head + body
	}
	var left, mid, right int // fill characters before head, between head and body, after body
	switch align {
	case '<':
		right = n
	case '^':
		left, right = n/2, n-n/2
	case '=':
		mid = n
	default:
		left = n
	}
	var f [utf8.UTFMax]byte
	fb := f[:utf8.EncodeRune(f[:], fill)]
	var b strings.Builder
	b.Grow(len(head) + len(body) + n*len(fb))
	repeat := func(k int) {
		if k > 64 { // a wide field: Repeat doubles rather than looping
			b.WriteString(strings.Repeat(string(fb), k))
			return
		}
		for ; k > 0; k-- {
			b.Write(fb)
		}
	}
	repeat(left)
	b.WriteString(head)
	repeat(mid)
	b.WriteString(body)
	repeat(right)
	return b.String()
}
