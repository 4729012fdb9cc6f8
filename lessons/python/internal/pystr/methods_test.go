package pystr

import (
	"fmt"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/pyref"
)

func reprList(l []string) string {
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = Repr(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

var samples = []string{"", " ", "a", "  hello   world  ", "a,b,,c", "a\tb\nc\r\nd\re\x0bf\x0cg\x1ch\x1di\x1ej\u0085k\u2028l\u2029m",
	"\x1c\x1d x \x1e\x1f", "\u00a0a\u3000b\u2000", "Hello World", "hELLO wORLD", "they're bill's friends", "ß straße ﬁx",
	"ǅungla ǈ", "İstanbul", "12 ab3C", "x1y2", "ΣΑΣ σας", "²³¹", "①②", "٣٤", "Ⅻ", "一二", "abc", "ABC", "Abc Def",
	"a1 B2", "_a", "1a", "a b", "é", "\t\tx\ty\n\tz", "a\r\n", "\n\n", "x\n", "a:b:c", "::", "日本 語"}

func TestStrMethods(t *testing.T) {
	type m struct {
		py  string
		go_ func(s string) string
	}
	methods := []m{
		{"s.split()", func(s string) string { return reprList(SplitSpace(s, -1)) }},
		{"s.split(maxsplit=1)", func(s string) string { return reprList(SplitSpace(s, 1)) }},
		{"s.split(None, 0)", func(s string) string { return reprList(SplitSpace(s, 0)) }},
		{"s.rsplit()", func(s string) string { return reprList(RSplitSpace(s, -1)) }},
		{"s.rsplit(None, 1)", func(s string) string { return reprList(RSplitSpace(s, 1)) }},
		{"s.rsplit(None, 0)", func(s string) string { return reprList(RSplitSpace(s, 0)) }},
		{"s.split(',')", func(s string) string { return reprList(Split(s, ",", -1)) }},
		{"s.split(':', 1)", func(s string) string { return reprList(Split(s, ":", 1)) }},
		{"s.rsplit(':', 1)", func(s string) string { return reprList(RSplit(s, ":", 1)) }},
		{"s.rsplit('b')", func(s string) string { return reprList(RSplit(s, "b", -1)) }},
		{"s.splitlines()", func(s string) string { return reprList(SplitLines(s, false)) }},
		{"s.splitlines(True)", func(s string) string { return reprList(SplitLines(s, true)) }},
		{"s.expandtabs()", func(s string) string { return Repr(ExpandTabs(s, 8)) }},
		{"s.expandtabs(4)", func(s string) string { return Repr(ExpandTabs(s, 4)) }},
		{"s.expandtabs(0)", func(s string) string { return Repr(ExpandTabs(s, 0)) }},
		{"s.title()", func(s string) string { return Repr(Title(s)) }},
		{"s.capitalize()", func(s string) string { return Repr(Capitalize(s)) }},
		{"s.swapcase()", func(s string) string { return Repr(SwapCase(s)) }},
		{"s.upper()", func(s string) string { return Repr(Upper(s)) }},
		{"s.lower()", func(s string) string { return Repr(Lower(s)) }},
		{"s.casefold()", func(s string) string { return Repr(Casefold(s)) }},
		{"s.isupper()", func(s string) string { return pyBool(IsUpper(s)) }},
		{"s.islower()", func(s string) string { return pyBool(IsLower(s)) }},
		{"s.istitle()", func(s string) string { return pyBool(IsTitle(s)) }},
		{"s.isspace()", func(s string) string { return pyBool(All(s, IsSpaceRune)) }},
		{"s.isdigit()", func(s string) string { return pyBool(All(s, IsDigitRune)) }},
		{"s.isdecimal()", func(s string) string { return pyBool(All(s, IsDecimal)) }},
		{"s.isnumeric()", func(s string) string { return pyBool(All(s, IsNumeric)) }},
		{"s.isalpha()", func(s string) string { return pyBool(All(s, IsAlpha)) }},
		{"s.isalnum()", func(s string) string { return pyBool(All(s, IsAlnum)) }},
		{"s.isidentifier()", func(s string) string { return pyBool(IsIdentifier(s)) }},
	}
	var exprs []string
	for _, s := range samples {
		for _, m := range methods {
			exprs = append(exprs, fmt.Sprintf("(lambda s: repr(%s))(%s)", m.py, pyLiteral(s)))
		}
	}
	res := pyref.Eval(t, "", exprs)
	k := 0
	for _, s := range samples {
		for _, m := range methods {
			r := res[k]
			k++
			w := r.Value
			if r.Err != "" {
				w = r.Err
			}
			if got := m.go_(s); got != w {
				t.Errorf("%s with s=%s: %s, CPython %s", m.py, Repr(s), got, w)
			}
		}
	}
}

// TestPredicatesAllRunes compares the per-character predicates with CPython
// over the Basic Multilingual Plane.
func TestPredicatesAllRunes(t *testing.T) {
	var exprs []string
	var rs []rune
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		rs = append(rs, r)
	}
	// One expression per 4096 characters keeps the JSON small.
	for i := 0; i < len(rs); i += 4096 {
		j := min(i+4096, len(rs))
		exprs = append(exprs, fmt.Sprintf("''.join('%%d%%d%%d%%d%%d%%d' %% (c.isspace(), c.isdigit(), c.isdecimal(), c.isalpha(), c.isalnum(), c.isnumeric()) for c in map(chr, range(%d, %d)) if not 0xd800 <= ord(c) < 0xe000)", rs[i], rs[j-1]+1))
	}
	res := pyref.Eval(t, "", exprs)
	want := strings.Builder{}
	for _, r := range res {
		want.WriteString(r.Value)
	}
	w := want.String()
	b := func(x bool) byte {
		if x {
			return '1'
		}
		return '0'
	}
	bad := 0
	for i, r := range rs {
		got := string([]byte{b(IsSpaceRune(r)), b(IsDigitRune(r)), b(IsDecimal(r)), b(IsAlpha(r)), b(IsAlnum(r)), b(IsNumeric(r))})
		if got != w[6*i:6*i+6] && bad < 40 {
			bad++
			t.Errorf("U+%04X: space/digit/decimal/alpha/alnum/numeric = %s, CPython %s", r, got, w[6*i:6*i+6])
		}
	}
}
