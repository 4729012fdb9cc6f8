package format

import (
	"fmt"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/pyref"
)

func TestParseFloat(t *testing.T) {
	cases := []string{"1.5", "1e5", "-.5", ".", "1_0.5", "1._5", "1_.5", "inf", "-Infinity", "nan", "+nAn", "-nan", "1e", "1e+",
		"1e_5", "1e5_", "0x10", "1__0", "  1.5  ", "1e500", "-1e-500", "\u0661.\u0665", "1.5j", "1_000e1_0", "infinit", "_1",
		"1_", "", " ", "+", "-", "5.", ".5", "1.e3", "1e-3", "0.1", "4.35", "123456789012345678901234567890",
		"2.2250738585072011e-308", "1e-320", strings.Repeat("x", 300), "1\u00a0", "\x1c1", "12\x00", "+-1", "1.2.3",
		"9007199254740993", "0.30000000000000004", "1E+2", "\u3000-0.0\u2000", "it's"}
	exprs := make([]string, len(cases))
	for i, s := range cases {
		exprs[i] = fmt.Sprintf("repr(float(%s))", pyLiteral(s))
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		f, err := ParseFloat(cases[i])
		got := outcome(FloatRepr(f), err)
		if got != want(r) {
			t.Errorf("float(%.40q) = %.100q, CPython %.100q", cases[i], got, want(r))
		}
	}
}

func pyLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		fmt.Fprintf(&b, `\U%08x`, r)
	}
	b.WriteByte('"')
	return b.String()
}
