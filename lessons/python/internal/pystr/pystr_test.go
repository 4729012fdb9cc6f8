package pystr

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"threadlab/lessons/python/internal/pyref"
)

func pyLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		fmt.Fprintf(&b, `\U%08x`, r)
	}
	b.WriteByte('"')
	return b.String()
}

func TestRepr(t *testing.T) {
	cases := []string{"", "a", "it's", `say "hi"`, `both ' and "`, "back\\slash", "\t\n\r\x00\x1f\x7f", "\u0080\u00a0\u00ad\u00e9",
		"\u2028\u3000\u200b\ufeff", "\U0001f600\U000e0001\U0010ffff", "日本語", "\ud7ff", "\U0001d7ce"}
	exprs := make([]string, len(cases))
	for i, s := range cases {
		exprs[i] = "repr(" + pyLiteral(s) + ")"
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		if got := Repr(cases[i]); got != r.Value {
			t.Errorf("repr(%q) = %s, CPython %s", cases[i], got, r.Value)
		}
	}
}

// TestDigitsAndSpace compares DigitValue and IsSpace with CPython for every
// decimal digit and white-space character of the Basic Multilingual Plane
// and the ranges above it that hold digits.
func TestDigitsAndSpace(t *testing.T) {
	var rs []rune
	for r := rune(0); r < 0x20000; r++ {
		if unicode.IsDigit(r) || unicode.IsSpace(r) || r < 0x100 {
			rs = append(rs, r)
		}
	}
	prelude := `
def dv(c):
    return c.isdecimal() and int(c) or (0 if c.isdecimal() else -1)
def sp(c):
    try:
        int(c + "1" + c)
        return True
    except ValueError:
        return False
`
	exprs := make([]string, len(rs))
	for i, r := range rs {
		exprs[i] = fmt.Sprintf("(dv(chr(%d)), sp(chr(%d)))", r, r)
	}
	for i, res := range pyref.Eval(t, prelude, exprs) {
		r := rs[i]
		sp := "False"
		if IsSpace(r) || (r >= '0' && r <= '9') || DigitValue(r) >= 0 {
			sp = "True"
		}
		// A digit c makes c+"1"+c a valid int, so sp also holds for digits.
		got := fmt.Sprintf("(%d, %s)", DigitValue(r), sp)
		if got != res.Value {
			t.Errorf("U+%04X: (digit, strippable) = %s, CPython %s", r, got, res.Value)
		}
	}
}
