package format

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/pyerr"
	"threadlab/lessons/python/internal/pyref"
)

// object is a test instance: its attributes by name.
type object map[string]any

type testFields struct {
	args   []any
	kwargs map[string]any
}

func (f testFields) Positional(i int) (any, error) {
	if i >= len(f.args) {
		return nil, errorf(pyerr.IndexError, fmt.Sprintf("Replacement index %d out of range for positional args tuple", i))
	}
	return f.args[i], nil
}

func (f testFields) Keyword(name string) (any, error) {
	if v, ok := f.kwargs[name]; ok {
		return v, nil
	}
	return nil, errorf(KeyError, "'"+name+"'")
}

func (f testFields) Attr(v any, name string) (any, error) {
	if o, ok := v.(object); ok {
		if x, ok := o[name]; ok {
			return x, nil
		}
		return nil, fmt.Errorf("AttributeError: 'A' object has no attribute '%s'", name)
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", goValues{}.TypeName(v), name)
}

func (f testFields) Item(v any, key any) (any, error) {
	switch v := v.(type) {
	case []any:
		if i, ok := key.(int); ok && i < len(v) {
			return v[i], nil
		}
	case map[string]any:
		if k, ok := key.(string); ok {
			return v[k], nil
		}
	}
	return nil, fmt.Errorf("TypeError: '%s' object is not subscriptable", goValues{}.TypeName(v))
}

func (f testFields) Convert(v any, conv rune) (any, error) {
	switch conv {
	case 'r':
		return goValues{}.Repr(v)
	case 'a':
		return goValues{}.ASCII(v)
	}
	return goValues{}.Str(v)
}

func (f testFields) Format(v any, spec string) (string, error) {
	switch v := v.(type) {
	case string:
		return Str(v, spec)
	case float64:
		return Float(v, spec)
	case *big.Int:
		return Int(v, spec, "int", 4300)
	}
	return "", fmt.Errorf("no format for %T", v)
}

func TestExpand(t *testing.T) {
	I := func(x int64) *big.Int { return big.NewInt(x) }
	a := object{"x": I(5), "l": []any{I(8), "q"}}
	type c struct {
		t  string
		a  []any
		kw map[string]any
	}
	cases := []c{
		{"{0[:]}", []any{map[string]any{":": I(1)}}, nil}, {"{0[!]}", []any{map[string]any{"!": I(2)}}, nil},
		{"{0[}]}", []any{map[string]any{"}": I(1)}}, nil}, {"{:{}}", []any{I(5), I(3)}, nil}, {"{:{}{}}", []any{I(5), ">", I(3)}, nil},
		{"{:{:{}}}", []any{I(5), I(3), I(4)}, nil}, {"{0:{1}}", []any{I(5), I(3)}, nil}, {"{", nil, nil}, {"}", nil, nil}, {"{{}}", nil, nil},
		{"a{0", []any{I(1)}, nil}, {"{0!}", []any{I(1)}, nil}, {"{0!x}", []any{I(1)}, nil}, {"{0!rr}", []any{I(1)}, nil},
		{"{0!r:>5}", []any{"a"}, nil}, {"{0!r", []any{I(1)}, nil}, {"{0!", []any{I(1)}, nil}, {"{}{1}", []any{I(1), I(2)}, nil},
		{"{1}{}", []any{I(1), I(2)}, nil}, {"{2}", []any{I(1)}, nil}, {"{}{}", []any{I(1)}, nil}, {"{x}", nil, nil},
		{"{x.y}", nil, map[string]any{"x": a}}, {"{0.x}", []any{a}, nil}, {"{0.}", []any{a}, nil}, {"{0[0}", []any{[]any{I(1)}}, nil},
		{"{0[0]x}", []any{[]any{I(1)}}, nil}, {"{0[0]}", []any{[]any{I(7)}}, nil}, {"{0[a]}", []any{map[string]any{"a": I(3)}}, nil},
		{"{0[-1]}", []any{map[string]any{"-1": I(4)}}, nil}, {"{0.z}", []any{a}, nil}, {"{0:}", []any{I(1)}, nil}, {"{!r}", []any{"a"}, nil},
		{"{0 }", []any{I(1)}, map[string]any{" ": I(2)}}, {"{00}", []any{I(1)}, nil}, {"{-1}", []any{I(1)}, nil}, {"{0:{", []any{I(1)}, nil},
		{"{:d}", []any{"a"}, nil}, {"{0.l[1]}", []any{a}, nil}, {"{0.x[0]}", []any{a}, nil}, {"{a}{}", []any{I(1)}, map[string]any{"a": I(2)}},
		{"x}}y{{z", nil, nil}, {"{0}}", []any{I(1)}, nil}, {"{{0}", []any{I(1)}, nil}, {"{0:}}", []any{I(1)}, nil}, {"{0:{{}}", []any{I(1)}, nil},
		{"{0:{1:{2}}}", []any{I(1), I(2), I(3)}, nil}, {"{:{}}{}", []any{I(1), I(2), I(3)}, nil}, {"{[0]}", []any{[]any{I(5)}}, nil},
		{"{.x}", []any{a}, nil}, {"{!}", []any{I(1)}, nil}, {"{:!}", []any{I(1)}, nil}, {"{0!s:}", []any{I(1)}, nil}, {"{0!a}", []any{"é"}, nil},
		{"{10000000000000000000000}", nil, nil}, {"{2!x}", nil, nil}, {"{0[]}", []any{[]any{I(1)}}, nil}, {"{0!\u00e9}", []any{I(1)}, nil},
		{"{0.x.}", []any{I(1)}, nil}, {"{0[0]", []any{[]any{I(1)}}, nil}, {"{0{}", []any{I(1)}, nil}, {"{0[{]}", []any{map[string]any{"{": I(1)}}, nil},
		{"{a!r:>{w}}", nil, map[string]any{"a": "x", "w": I(6)}}, {"{0:{1}{2}}", []any{I(1)}, nil}, {"{:>{}.{}f}", []any{3.14159, I(10), I(2)}, nil},
		{"{0:{a}}", []any{I(1)}, nil}, {"{0:{1!r}}", []any{I(1), ">5"}, nil}, {"{!r:}", []any{I(1)}, nil}, {"{0!r:{1}}", []any{"a", I(5)}, nil},
		{"{\u00e9}", nil, map[string]any{"\u00e9": I(1)}}, {"{0.l[0]:+05}|{0.x:^7}", []any{a}, nil}, {"{} {} {}", []any{"a", 1.5, I(-3)}, nil},
		{"{:%}", []any{0.25}, nil}, {"{:,.2f}", []any{1234567.891}, nil},
	}
	prelude := "class A:\n    def __init__(self, **kw): self.__dict__.update(kw)\na = A(x=5, l=[8, 'q'])\n"
	exprs := make([]string, len(cases))
	for i, tc := range cases {
		var parts []string
		for _, v := range tc.a {
			if o, ok := v.(object); ok && o["x"] != nil {
				parts = append(parts, "a")
			} else {
				parts = append(parts, pyValue(v))
			}
		}
		for k, v := range tc.kw {
			if _, ok := v.(object); ok {
				parts = append(parts, "**{"+pyLiteral(k)+": a}")
			} else {
				parts = append(parts, "**{"+pyLiteral(k)+": "+pyValue(v)+"}")
			}
		}
		exprs[i] = fmt.Sprintf("%s.format(%s)", pyLiteral(tc.t), strings.Join(parts, ", "))
	}
	for i, r := range pyref.Eval(t, prelude, exprs) {
		tc := cases[i]
		got, err := Expand(tc.t, testFields{tc.a, tc.kw})
		g := outcome(got, err)
		var pe *pyerr.Error
		if err != nil && !errors.As(err, &pe) {
			g = err.Error() // the fake Fields' own errors
		}
		if g != want(r) {
			t.Errorf("%q.format(...) = %q, CPython %q", tc.t, g, want(r))
		}
	}
}
