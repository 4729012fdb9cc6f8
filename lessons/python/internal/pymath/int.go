package pymath

import (
	"math"
	"math/big"

	"threadlab/lessons/python/internal/pyerr"
)

// ToInt converts a float to an int by rounding with round (math.Floor,
// math.Ceil, math.Trunc or math.RoundToEven), with int()'s errors.
func ToInt(x float64, round func(float64) float64) (*big.Int, error) {
	switch {
	case math.IsInf(x, 0):
		return nil, pyerr.New(pyerr.OverflowError, "cannot convert float infinity to integer")
	case math.IsNaN(x):
		return nil, pyerr.New(pyerr.ValueError, "cannot convert float NaN to integer")
	}
	r, _ := big.NewFloat(round(x)).Int(nil)
	return r, nil
}

// IntToFloat converts an int to the nearest float, or OverflowError.
func IntToFloat(x *big.Int) (float64, error) {
	if x.IsInt64() {
		return float64(x.Int64()), nil
	}
	f, _ := new(big.Float).SetInt(x).Float64()
	if math.IsInf(f, 0) {
		return 0, pyerr.New(pyerr.OverflowError, "int too large to convert to float")
	}
	return f, nil
}

// LogInt applies a logarithm f to an int of any size (math.log, log2,
// log10): ints beyond float range are split into m * 2**e with m in
// [0.5, 1), and the result is f(m) + e*f(2), as CPython computes it.
func LogInt(x *big.Int, f func(float64) float64) (float64, error) {
	if x.Sign() <= 0 {
		return 0, domainError()
	}
	if v, err := IntToFloat(x); err == nil {
		return f(v), nil
	}
	e := x.BitLen()
	m, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(x), -e).Float64()
	return f(m) + float64(e)*f(2), nil
}

// Factorial returns math.factorial(n).
func Factorial(n *big.Int) (*big.Int, error) {
	if n.Sign() < 0 {
		return nil, pyerr.New(pyerr.ValueError, "factorial() not defined for negative values")
	}
	if !n.IsInt64() || n.Int64() > 1<<20 {
		return nil, pyerr.New(pyerr.OverflowError, "factorial() argument should not exceed 1048576")
	}
	return new(big.Int).MulRange(1, n.Int64()), nil
}

// Comb returns math.comb(n, k).
func Comb(n, k *big.Int) (*big.Int, error) {
	if err := nonNegative(n, k); err != nil {
		return nil, err
	}
	if n.Cmp(k) < 0 {
		return new(big.Int), nil
	}
	if !n.IsInt64() {
		return nil, pyerr.New(pyerr.OverflowError, "n must not exceed 9223372036854775807")
	}
	return new(big.Int).Binomial(n.Int64(), k.Int64()), nil
}

// Perm returns math.perm(n, k); k is nil for perm(n).
func Perm(n, k *big.Int) (*big.Int, error) {
	if k == nil {
		return Factorial(n)
	}
	if err := nonNegative(n, k); err != nil {
		return nil, err
	}
	if n.Cmp(k) < 0 {
		return new(big.Int), nil
	}
	if !n.IsInt64() {
		return nil, pyerr.New(pyerr.OverflowError, "n must not exceed 9223372036854775807")
	}
	return new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64()), nil
}

func nonNegative(n, k *big.Int) error {
	if n.Sign() < 0 {
		return pyerr.New(pyerr.ValueError, "n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return pyerr.New(pyerr.ValueError, "k must be a non-negative integer")
	}
	return nil
}

// Gcd returns math.gcd(xs...).
func Gcd(xs ...*big.Int) *big.Int {
	g := new(big.Int)
	for _, x := range xs {
		g.GCD(nil, nil, g, new(big.Int).Abs(x))
	}
	return g
}

// Lcm returns math.lcm(xs...).
func Lcm(xs ...*big.Int) *big.Int {
	l := big.NewInt(1)
	for _, x := range xs {
		if x.Sign() == 0 {
			return new(big.Int)
		}
		a := new(big.Int).Abs(x)
		g := new(big.Int).GCD(nil, nil, l, a)
		l.Mul(l, a.Quo(a, g))
	}
	return l
}

// Isqrt returns math.isqrt(n).
func Isqrt(n *big.Int) (*big.Int, error) {
	if n.Sign() < 0 {
		return nil, pyerr.New(pyerr.ValueError, "isqrt() argument must be nonnegative")
	}
	return new(big.Int).Sqrt(n), nil
}
