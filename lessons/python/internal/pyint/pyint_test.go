package pyint

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/pyerr"
	"threadlab/lessons/python/internal/pyref"
)

func outcome(x string, err error) string {
	var e *pyerr.Error
	if errors.As(err, &e) {
		return e.Kind.String() + ": " + e.Msg
	}
	if err != nil {
		return "unexpected error " + err.Error()
	}
	return x
}

func TestParse(t *testing.T) {
	type c struct {
		s    string
		base int
	}
	cases := []c{{"0", 10}, {"1_000", 10}, {"_1", 10}, {"1_", 10}, {"1__0", 10}, {"0x_ff", 16}, {"0x_ff", 0}, {"0_0", 0},
		{"00", 0}, {"010", 0}, {"0b101", 0}, {"0B1", 2}, {"0b1", 16}, {"0b1", 10}, {"ff", 16}, {"FF", 16}, {" -12 ", 10},
		{"+ 1", 10}, {"+1", 10}, {"--1", 10}, {"\u0661\u0662", 10}, {"\u0661_\u0662", 10}, {strings.Repeat("1", 201), 2},
		{strings.Repeat("x", 300), 10}, {strings.Repeat("1_", 2500) + "1", 10}, {strings.Repeat("1_", 4301) + "1", 10},
		{strings.Repeat("1", 4301), 10}, {strings.Repeat("1", 4300), 10}, {"-" + strings.Repeat("9", 4301), 10},
		{strings.Repeat("1", 4301) + "x", 10}, {"0x" + strings.Repeat("f", 5000), 0}, {strings.Repeat("7", 5000), 8},
		{strings.Repeat("7", 5000), 7}, {"12", 1}, {"12", 37}, {"12", -1}, {"", 10}, {"  ", 10}, {"0x", 16}, {"0x", 0},
		{"z", 36}, {"Z", 36}, {"-0x10", 0}, {"0o17", 0}, {"0O17", 8}, {"1e5", 10}, {"12\x00", 10}, {"\uff46", 16},
		{"1\u00a0", 10}, {"\u30001\u2000", 10}, {"\x1c1", 10}, {"\t\n12\x0b\x0c\r", 10}, {"9", 9}, {"8", 9},
		{"0_1", 0}, {"0_1", 10}, {"-0", 0}, {"0x-1", 16}, {"-_1", 10}, {"٣٤", 0}, {"0\u0661", 0}, {"123456789012345678901234567890", 10},
		{"it's", 10}, {"a\"b'c", 10}, {"\x7f\u00ad\U0001f600", 10}}
	exprs := make([]string, len(cases))
	for i, tc := range cases {
		exprs[i] = fmt.Sprintf("hex(int(%s, %d))", pyStr(tc.s), tc.base)
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		x, err := Parse(cases[i].s, cases[i].base, DefaultMaxStrDigits)
		got := ""
		if err == nil {
			got = Hex(x)
		}
		want := r.Value
		if r.Err != "" {
			want = r.Err
		}
		if g := outcome(got, err); g != want {
			t.Errorf("int(%.40q, %d) = %.200q, CPython %.200q", cases[i].s, cases[i].base, g, want)
		}
	}
}

// pyStr spells s as a Python literal through JSON-compatible escapes.
func pyStr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		fmt.Fprintf(&b, `\U%08x`, r)
	}
	b.WriteByte('"')
	return b.String()
}

func TestText(t *testing.T) {
	srcs := []string{"0", "1", "-1", "255", "-255", "2**64", "-(2**100)", "10**4299", "10**4300", "-(10**4299)", "-(10**4300)", "10**10000", "7**3000"}
	var exprs []string
	for _, s := range srcs {
		exprs = append(exprs, "str("+s+")", "hex("+s+")", "oct("+s+")", "bin("+s+")")
	}
	res := pyref.Eval(t, "", exprs)
	for i, s := range srcs {
		hx := res[4*i+1].Value
		x, ok := new(big.Int).SetString(strings.Replace(hx, "0x", "", 1), 16)
		if !ok {
			t.Fatalf("hex(%s) = %q", s, hx)
		}
		d, err := Decimal(x, DefaultMaxStrDigits)
		for j, got := range []string{outcome(d, err), Hex(x), Oct(x), Bin(x)} {
			r := res[4*i+j]
			want := r.Value
			if r.Err != "" {
				want = r.Err
			}
			if got != want {
				t.Errorf("%s: %.80q, CPython %.80q", exprs[4*i+j], got, want)
			}
		}
	}
}
