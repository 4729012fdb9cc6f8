package format

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/pyerr"
	"threadlab/lessons/python/internal/pyref"
	"threadlab/lessons/python/internal/pystr"
)

// goValues is a toy value model for the tests: *big.Int, bool, float64,
// string, []any (list) and map[string]any (dict), with CPython's str/repr.
type goValues struct{}

func (goValues) Repr(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return pystr.Repr(v), nil
	case float64:
		return FloatRepr(v), nil
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i], _ = goValues{}.Repr(x)
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case map[string]any:
		return "{dict}", nil
	case bool:
		if v {
			return "True", nil
		}
		return "False", nil
	}
	return fmt.Sprint(v), nil
}

func (g goValues) Str(v any) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	return g.Repr(v)
}

func (g goValues) ASCII(v any) (string, error) {
	r, _ := g.Repr(v)
	var b strings.Builder
	for _, c := range r {
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case c < 0x100:
			fmt.Fprintf(&b, `\x%02x`, c)
		case c < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			fmt.Fprintf(&b, `\U%08x`, c)
		}
	}
	return b.String(), nil
}

func (goValues) TypeName(v any) string {
	switch v.(type) {
	case string:
		return "str"
	case float64:
		return "float"
	case []any:
		return "list"
	case map[string]any:
		return "dict"
	case bool:
		return "bool"
	}
	return "int"
}

func (goValues) Number(v any) (Number, error) {
	switch v := v.(type) {
	case *big.Int:
		// Ints that fit come the fast way; bools (below) and huge ints
		// keep the *big.Int path covered.
		if v.IsInt64() {
			return Number{Kind: IntNumber, Small: v.Int64(), IsSmall: true}, nil
		}
		return Number{Kind: IntNumber, Int: v}, nil
	case bool:
		if v {
			return Number{Kind: IntNumber, Int: big.NewInt(1)}, nil
		}
		return Number{Kind: IntNumber, Int: big.NewInt(0)}, nil
	case float64:
		return Number{Kind: FloatNumber, Float: v}, nil
	}
	return Number{}, nil
}

func (goValues) Text(v any) (string, bool) { s, ok := v.(string); return s, ok }

func (goValues) GetItem(m any, key string) (any, error) {
	if v, ok := m.(map[string]any)[key]; ok {
		return v, nil
	}
	return nil, &pyerr.Error{Kind: pyerr.KeyError, Msg: pystr.Repr(key), Key: key}
}

func (goValues) MaxStrDigits() int { return 4300 }

// pyValue spells a test value as a Python expression.
func pyValue(v any) string {
	switch v := v.(type) {
	case string:
		return pyLiteral(v)
	case float64:
		return pyref.Float(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pyValue(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		var parts []string
		for k, x := range v {
			parts = append(parts, pyLiteral(k)+": "+pyValue(x))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case *big.Int:
		if v.Sign() < 0 {
			return "-0x" + new(big.Int).Neg(v).Text(16)
		}
		return "0x" + v.Text(16)
	}
	panic(fmt.Sprintf("pyValue(%T)", v))
}

func TestPercent(t *testing.T) {
	I := func(x int64) *big.Int { return big.NewInt(x) }
	huge, _ := new(big.Int).SetString("1"+strings.Repeat("0", 5000), 10)
	big400, _ := new(big.Int).SetString("1"+strings.Repeat("0", 400), 10)
	type c struct {
		f     string
		items []any // nil with tuple false: the operand is items[0]
		tuple bool
	}
	cases := []c{
		{"%5.2s|%-5s|%05s", []any{"abc", "x", "y"}, true},
		{"%.3d|%+.3d|%05d|%-5d|% d|%+d", []any{I(5), I(-5), I(-3), I(4), I(7), I(8)}, true},
		{"%#x|%#X|%#o|%#5x|%#05x|%#.5x|%x|%X|%o", []any{I(255), I(255), I(8), I(255), I(255), I(255), I(-255), I(-255), I(-8)}, true},
		{"%d", []any{3.7}, true}, {"%d", []any{-3.7}, true}, {"%d", []any{"3"}, true}, {"%x", []any{3.0}, true}, {"%o", []any{"a"}, true},
		{"%f", []any{"a"}, true}, {"%c", []any{"ab"}, true}, {"%c", []any{I(1114112)}, true}, {"%c|%5c|%-3c|", []any{I(65), "b", "c"}, true},
		{"%*d|%-*d|%.*f", []any{I(5), I(1), I(4), I(2), I(2), 3.14159}, true}, {"%*d", []any{"a", I(1)}, true}, {"%*d|", []any{I(-4), I(1)}, true},
		{"%(a)s %(b)r", []any{map[string]any{"a": I(1), "b": "x"}}, false}, {"%(a)s", []any{I(1)}, true},
		{"%(c)s", []any{map[string]any{"a": I(1)}}, false}, {"%s %s", []any{I(1)}, true}, {"%s", []any{I(1), I(2)}, true},
		{"%q", []any{I(1)}, true}, {"%q", []any{}, true}, {"abc %", []any{}, true}, {"%(a", []any{map[string]any{"a": I(1)}}, false},
		{"%e|%E|%g|%G|%#g|%f|%F|%.0f|%#.0f|%.3g|%10.4e", []any{1e10, 1e-10, 1e16, 1e-5, 1.0, math.Inf(1), math.Inf(-1), 2.5, 2.5, 1234.5, -0.000123}, true},
		{"%ld|%hd|%Lf", []any{I(1), I(2), 3.0}, true}, {"%%|%s", []any{"x"}, true}, {"%5%|", []any{}, true}, {"%5%|", []any{I(1)}, true},
		{"%i|%u", []any{I(3), I(4)}, true}, {"%r|%a|%s", []any{"é", "é\U0001f600", 1.5}, true}, {"%s", []any{[]any{I(1)}}, false},
		{"%d|%x|%f|%s|%r", []any{true, true, false, true, false}, true}, {"%d", []any{math.Inf(1)}, true}, {"%d", []any{math.NaN()}, true},
		{"% 05.1f|%+08.2e|%-8.3g|%08.3f|%-08.3f|", []any{3.14159, -31.4, 0.000123456, -3.14159, 2.5}, true},
		{"%(a)*d", []any{map[string]any{"a": I(1)}}, false}, {"%.1000000000000000000000f", []any{1.0}, true},
		{"%010.3s|", []any{"abcdef"}, true}, {"%#5.3o|", []any{I(8)}, true}, {"%+s|%#s|%0-5d|", []any{"a", "a", I(3)}, true},
		{"%c", []any{I(-1)}, true}, {"%c", []any{3.0}, true}, {"%(a)s %s", []any{map[string]any{"a": I(1)}}, false},
		{"x", []any{I(5)}, false}, {"hello", []any{[]any{}}, false}, {"%", []any{}, true}, {"%s %", []any{I(1)}, true},
		{"%.2e", []any{big400}, true}, {"%d", []any{huge}, true}, {"%x", []any{huge}, true}, {"%5.1%", []any{}, true},
		{"%(x)s and %(y)05.1f", []any{map[string]any{"x": "é", "y": 2.25}}, false}, {"%((a))s", []any{map[string]any{"(a)": I(2)}}, false},
		{"%-+6d|%+-6d|% -6d|% +d", []any{I(3), I(3), I(3), I(3)}, true}, {"%3$s", []any{I(1)}, true}, {"%\u00e9", []any{I(1)}, true},
		{"%.0e|%#.0e|%.0g|%#.0g|%g|%g", []any{12345.0, 12345.0, 0.5, 0.5, 1e-5, 123456789.0}, true},
	}
	exprs := make([]string, len(cases))
	for i, tc := range cases {
		var rhs string
		if tc.tuple {
			parts := make([]string, len(tc.items))
			for j, x := range tc.items {
				parts[j] = pyValue(x) + ","
			}
			rhs = "(" + strings.Join(parts, "") + ")"
		} else {
			rhs = pyValue(tc.items[0])
		}
		exprs[i] = fmt.Sprintf("%s %% %s", pyLiteral(tc.f), rhs)
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		tc := cases[i]
		args := Args{Items: tc.items, Tuple: tc.tuple}
		if !tc.tuple {
			switch tc.items[0].(type) {
			case map[string]any, []any:
				args.Mapping = tc.items[0]
			}
		}
		got, err := Percent(tc.f, args, goValues{})
		if g := outcome(got, err); g != want(r) {
			t.Errorf("%s: %.100q, CPython %.100q", exprs[i], g, want(r))
		}
	}
}
