package pymath

import (
	"math"
	"math/big"

	"threadlab/lessons/python/internal/pyerr"
)

// RoundFloat returns round(x, ndigits) for a float: the exact binary value
// of x rounded half-even to ndigits decimal places, then to the nearest
// float, as CPython's correctly rounded implementation gives (round(2.675,
// 2) is 2.67 because 2.675 is stored a little below).
func RoundFloat(x float64, ndigits int) (float64, error) {
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x) || x == 0:
		return x, nil
	case ndigits > 330: // beyond the last digit of the smallest subnormal
		return x, nil
	case ndigits < -310: // beyond the largest float
		return math.Copysign(0, x), nil
	}
	r := new(big.Rat).SetFloat64(x)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(ndigits))), nil))
	if ndigits >= 0 {
		r.Mul(r, scale)
	} else {
		r.Quo(r, scale)
	}
	q := roundHalfEven(r)
	res := new(big.Rat).SetInt(q)
	if ndigits >= 0 {
		res.Quo(res, scale)
	} else {
		res.Mul(res, scale)
	}
	f, _ := res.Float64()
	if math.IsInf(f, 0) {
		return 0, pyerr.New(pyerr.OverflowError, "rounded value too large to represent")
	}
	return math.Copysign(f, x), nil
}

// RoundInt returns round(x, ndigits) for an int and ndigits < 0: x rounded
// half-even to a multiple of 10**-ndigits.
func RoundInt(x *big.Int, ndigits int) *big.Int {
	if ndigits >= 0 {
		return x
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-ndigits)), nil)
	q := roundHalfEven(new(big.Rat).SetFrac(x, scale))
	return q.Mul(q, scale)
}

// roundHalfEven rounds r to the nearest integer, ties to even.
func roundHalfEven(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // floor, m >= 0
	twice := new(big.Int).Lsh(m, 1)
	if c := twice.Cmp(den); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
