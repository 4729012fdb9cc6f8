package pymath

import (
	"math"
	"math/big"

	"threadlab/lessons/python/internal/pyerr"
)

// Unary is a one-argument float function of the math module.
type Unary func(x float64) (float64, error)

func domainError() error { return pyerr.New(pyerr.ValueError, "math domain error") }
func rangeError() error  { return pyerr.New(pyerr.OverflowError, "math range error") }

// checked wraps f with CPython's error rule: NaN from a non-NaN argument is
// a domain error; an infinity from a finite argument is a range error when
// overflow is possible for f and a domain error (a pole) otherwise.
func checked(f func(float64) float64, canOverflow bool) Unary {
	return func(x float64) (float64, error) {
		r := f(x)
		switch {
		case math.IsNaN(r) && !math.IsNaN(x):
			return 0, domainError()
		case math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x):
			if canOverflow {
				return 0, rangeError()
			}
			return 0, domainError()
		}
		return r, nil
	}
}

// Func returns the math module's float-to-float function called name.
func Func(name string) (Unary, bool) {
	switch name {
	case "sqrt":
		return checked(math.Sqrt, false), true
	case "exp":
		return checked(math.Exp, true), true
	case "exp2":
		return checked(math.Exp2, true), true
	case "expm1":
		return checked(math.Expm1, true), true
	case "log1p":
		return checked(math.Log1p, false), true
	case "log10":
		return checked(log10, false), true
	case "log2":
		return checked(log2, false), true
	case "sin":
		return checked(sin, false), true
	case "cos":
		return checked(cos, false), true
	case "tan":
		return checked(tan, false), true
	case "asin":
		return checked(math.Asin, false), true
	case "acos":
		return checked(acos, false), true
	case "atan":
		return checked(math.Atan, false), true
	case "sinh":
		return checked(sinh, true), true
	case "cosh":
		return checked(cosh, true), true
	case "tanh":
		return checked(math.Tanh, false), true
	case "asinh":
		return checked(math.Asinh, false), true
	case "acosh":
		return checked(math.Acosh, false), true
	case "atanh":
		return checked(math.Atanh, false), true
	case "erf":
		return checked(math.Erf, false), true
	case "erfc":
		return checked(math.Erfc, false), true
	case "fabs":
		return checked(math.Abs, false), true
	case "cbrt":
		return checked(math.Cbrt, false), true
	case "degrees":
		return checked(func(x float64) float64 { return x * (180 / math.Pi) }, true), true
	case "radians":
		return checked(func(x float64) float64 { return x * (math.Pi / 180) }, false), true
	case "gamma":
		return gamma, true
	case "lgamma":
		return lgamma, true
	}
	return nil, false
}

// isPole reports a non-positive integer, where gamma and lgamma have poles.
func isPole(x float64) bool { return x <= 0 && x == math.Floor(x) }

func gamma(x float64) (float64, error) {
	if isPole(x) || math.IsInf(x, -1) {
		return 0, domainError()
	}
	return checked(math.Gamma, true)(x)
}

func lgamma(x float64) (float64, error) {
	if math.IsInf(x, 0) {
		return math.Inf(1), nil
	}
	if isPole(x) {
		return 0, domainError()
	}
	if x > 0 && x < 0x1p-1022 { // lgamma(x) = -log(x) to double precision
		return -ln(x), nil
	}
	return checked(func(x float64) float64 { r, _ := math.Lgamma(x); return r }, true)(x)
}

// Log returns math.log(x) of a float.
func Log(x float64) (float64, error) {
	if x <= 0 {
		return 0, domainError()
	}
	return ln(x), nil
}

// Pow returns math.pow(x, y) (and float ** float). Integral exponents are
// computed in 256-bit precision and rounded once, which gives the
// correctly rounded results the C library gives; others use Go's Pow.
func Pow(x, y float64) (float64, error) {
	r := math.Pow(x, y)
	if y == math.Trunc(y) && math.Abs(y) <= 1<<16 && x != 0 && !math.IsInf(x, 0) && !math.IsNaN(x) {
		r = intPow(x, int(y))
	}
	finite := !math.IsInf(x, 0) && !math.IsNaN(x) && !math.IsInf(y, 0) && !math.IsNaN(y)
	switch {
	case math.IsNaN(r) && finite:
		return 0, domainError()
	case math.IsInf(r, 0) && finite:
		if x == 0 {
			return 0, domainError()
		}
		return 0, rangeError()
	}
	return r, nil
}

// Fmod returns math.fmod(x, y).
func Fmod(x, y float64) (float64, error) {
	if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return x, nil
	}
	r := math.Mod(x, y)
	if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
		return 0, domainError()
	}
	return r, nil
}

// Remainder returns math.remainder(x, y), the IEEE 754 remainder.
func Remainder(x, y float64) (float64, error) {
	r := math.Remainder(x, y)
	if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
		return 0, domainError()
	}
	return r, nil
}

// Ldexp returns math.ldexp(x, i).
func Ldexp(x float64, i int) (float64, error) {
	r := math.Ldexp(x, i)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) {
		return 0, rangeError()
	}
	return r, nil
}

// Atan2 returns math.atan2(y, x).
func Atan2(y, x float64) float64 { return math.Atan2(y, x) }

// Hypot returns math.hypot over any number of coordinates.
func Hypot(xs ...float64) float64 {
	r := 0.0
	for _, x := range xs {
		r = math.Hypot(r, x)
	}
	return r
}

// Copysign returns math.copysign(x, y).
func Copysign(x, y float64) float64 { return math.Copysign(x, y) }

// Frexp returns math.frexp(x).
func Frexp(x float64) (float64, int) {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return x, 0
	}
	return math.Frexp(x)
}

// Modf returns math.modf(x) as (fractional, integral).
func Modf(x float64) (float64, float64) {
	if math.IsInf(x, 0) {
		return math.Copysign(0, x), x
	}
	i, f := math.Modf(x)
	return f, i
}

// Nextafter returns math.nextafter(x, y).
func Nextafter(x, y float64) float64 {
	if x == y {
		return y // nextafter(0.0, -0.0) is -0.0
	}
	return math.Nextafter(x, y)
}

// Ulp returns math.ulp(x).
func Ulp(x float64) float64 {
	x = math.Abs(x)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return x
	case x == math.MaxFloat64:
		return x - math.Nextafter(x, 0)
	}
	return math.Nextafter(x, math.Inf(1)) - x
}

// IsClose returns math.isclose(a, b, rel_tol=rel, abs_tol=abs).
func IsClose(a, b, rel, abs float64) (bool, error) {
	if rel < 0 || abs < 0 {
		return false, pyerr.New(pyerr.ValueError, "tolerances must be non-negative")
	}
	if a == b {
		return true, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return false, nil
	}
	d := math.Abs(b - a)
	return d <= math.Abs(rel*b) || d <= math.Abs(rel*a) || d <= abs, nil
}

// Dist returns math.dist(p, q).
func Dist(p, q []float64) (float64, error) {
	if len(p) != len(q) {
		return 0, pyerr.New(pyerr.ValueError, "both points must have the same number of dimensions")
	}
	d := make([]float64, len(p))
	for i := range p {
		d[i] = p[i] - q[i]
	}
	return Hypot(d...), nil
}

// intPow is x**n rounded once from a 256-bit square-and-multiply.
func intPow(x float64, n int) float64 {
	const prec = 256
	acc := new(big.Float).SetPrec(prec).SetInt64(1)
	base := new(big.Float).SetPrec(prec).SetFloat64(x)
	for k := n; k != 0; k /= 2 {
		if k%2 != 0 {
			acc.Mul(acc, base)
		}
		base.Mul(base, base)
	}
	if n < 0 {
		acc.Quo(new(big.Float).SetPrec(prec).SetInt64(1), acc)
	}
	f, _ := acc.Float64()
	return f
}
