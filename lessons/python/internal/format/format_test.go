package format

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"threadlab/lessons/python/internal/pyerr"
	"threadlab/lessons/python/internal/pyref"
)

// outcome renders a result the way pyref reports CPython's.
func outcome(s string, err error) string {
	var e *pyerr.Error
	if errors.As(err, &e) {
		return e.Kind.String() + ": " + e.Msg
	}
	if err != nil {
		return "unexpected error " + err.Error()
	}
	return s
}

func want(r pyref.Result) string {
	if r.Err != "" {
		return r.Err
	}
	return r.Value
}

func testFloats() []float64 {
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 1.25, 1e-4, 1e-5, 1.5e-5,
		123.0, 12.0, 100.0, 1234.5, 1234567.0, 12345678.9, 1e15, 1e16, 9999999999999998, 1e22, 1e100, 1e300,
		1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 123456789012345678,
		0.000123456, 99.995, 0.0005, 0.00049999, 1e23, 4.35, -1e-7, -0.0001, math.Pi, math.E * 1e10,
		math.Inf(1), math.Inf(-1), math.NaN()}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 150; i++ {
		fs = append(fs, math.Float64frombits(r.Uint64()))
		fs = append(fs, r.NormFloat64()*math.Pow(10, float64(r.IntN(40)-20)))
	}
	return fs
}

func TestFloatRepr(t *testing.T) {
	fs := testFloats()
	exprs := make([]string, len(fs))
	for i, f := range fs {
		exprs[i] = "repr(" + pyref.Float(f) + ")"
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		if got := FloatRepr(fs[i]); got != want(r) {
			t.Errorf("repr(%s) = %q, CPython %q", strconv.FormatFloat(fs[i], 'x', -1, 64), got, want(r))
		}
	}
}

var floatSpecs = []string{"", "f", ".2f", ".0f", "#.0f", ".1f", ".10f", ".30f", "e", ".0e", "#.0e", ".3e", "E", "g", ".0g",
	".1g", ".3g", "#g", "#.3g", ".17g", "G", "n", "%", ".0%", ".2%", ",", "_", ",.2f", "_.1f", "015,.2f", "012,",
	"010", "+", " ", "-", "+.3e", " 10.2f", "<10", ">10", "^10", "=10", "*^12.3f", "0=12", "z.1f", "z", "z.0f", "+z.2e",
	".3", ".0", ".1", ".17", "#", "#.3", "10", "010,e", ",g", ",.3g", "x", "#x", "d", "c", ".f", ".", "10.2fx", "_e",
	",%", "020,.3%", "'<8", "\u00e9^9", ",_", "\u20ac", ".99999999999f", "0>10,"}

func TestFloatFormat(t *testing.T) {
	fs := testFloats()[:48]
	var exprs []string
	type c struct {
		f    float64
		spec string
	}
	var cases []c
	for _, f := range fs {
		for _, s := range floatSpecs {
			cases = append(cases, c{f, s})
			exprs = append(exprs, fmt.Sprintf("format(%s, %q)", pyref.Float(f), s))
		}
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		got, err := Float(cases[i].f, cases[i].spec)
		if g := outcome(got, err); g != want(r) {
			t.Errorf("format(%v, %q) = %q, CPython %q", cases[i].f, cases[i].spec, g, want(r))
		}
	}
}

var intSpecs = []string{"", "d", "5", "05", "010,", "0=10,", "x<10,", ",", "_", "_b", "_o", "_x", "#_x", "#010_x", "#x",
	"#X", "#o", "#b", "b", "o", "x", "X", ",x", ",b", ".2", ".2d", "z", "z.2", "z.2q", ".2q", "c", "5c", "05c", "+c", "-c",
	"#c", ",c", "z#c", "q", ",q", "_n", "n", "e", ".2f", "%", ",.2%", "g", "+", " ", "=+8", "^9", "*>+12,", "x", "\u0661",
	"10x5", "\u00e9", "\x01", "99999999999", "1000000000000000000000", "+#010_b", " #o", "=^5"}

func TestIntFormat(t *testing.T) {
	xs := []string{"0", "1", "-1", "7", "65", "255", "-255", "1234", "-1234", "1114111", "1114112", "123456789",
		"-987654321987654321", "-(2**63)", "2**63-1", "1180591620717411303424", "10**400", "-(2**100)", "10**5000", "16**5000"}
	var exprs []string
	type c struct {
		x    *big.Int
		src  string
		spec string
	}
	var cases []c
	for _, src := range xs {
		x := bigFromPython(t, src)
		for _, s := range intSpecs {
			cases = append(cases, c{x, src, s})
			exprs = append(exprs, fmt.Sprintf("format(%s, %q)", src, s))
		}
	}
	for _, s := range []string{"", "d", "q", "10", "x"} {
		for _, src := range []string{"True", "False"} {
			x := big.NewInt(0)
			if src == "True" {
				x.SetInt64(1)
			}
			cases = append(cases, c{x, src, s})
			exprs = append(exprs, fmt.Sprintf("format(%s, %q)", src, s))
		}
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		tc := cases[i]
		typeName := "int"
		if tc.src == "True" || tc.src == "False" {
			typeName = "bool"
			if tc.spec == "" { // format(True, "") is str(True), decided by the caller
				continue
			}
		}
		got, err := Int(tc.x, tc.spec, typeName, 4300)
		if g := outcome(got, err); g != want(r) {
			t.Errorf("format(%.20s, %q) = %.200q, CPython %.200q", tc.src, tc.spec, g, want(r))
		}
		if tc.x.IsInt64() {
			got, err := SmallInt(tc.x.Int64(), tc.spec, typeName)
			if g := outcome(got, err); g != want(r) {
				t.Errorf("SmallInt: format(%.20s, %q) = %.200q, CPython %.200q", tc.src, tc.spec, g, want(r))
			}
		}
	}
}

// bigFromPython evaluates an int expression with python3 (as hex, which has
// no digit limit) so that test inputs like 10**400 need not be spelled out.
func bigFromPython(t *testing.T, src string) *big.Int {
	r := pyref.Eval(t, "", []string{"hex(" + src + ")"})[0]
	x, ok := new(big.Int).SetString(r.Value, 0)
	if !ok {
		t.Fatalf("cannot read %q", r.Value)
	}
	return x
}

func TestStrFormat(t *testing.T) {
	vals := []string{"", "a", "abc", "héllo wörld", "日本語"}
	specs := []string{"", "s", "10", "<10", ">10", "^10", "^9", "*^8", "05", "0>5", ".2", "10.2", ".0", "+", "-", " ",
		"z", "#", "=", "=5", "#=", ",", "_", "d", "c", "z+", "x<", "+5.2", ".99999999999", "\u00e9^7", "10s5"}
	var exprs []string
	type c struct{ v, spec string }
	var cases []c
	for _, v := range vals {
		for _, s := range specs {
			cases = append(cases, c{v, s})
			exprs = append(exprs, fmt.Sprintf("format(%q, %q)", v, s))
		}
	}
	for i, r := range pyref.Eval(t, "", exprs) {
		got, err := Str(cases[i].v, cases[i].spec)
		if g := outcome(got, err); g != want(r) {
			t.Errorf("format(%q, %q) = %q, CPython %q", cases[i].v, cases[i].spec, g, want(r))
		}
	}
}
