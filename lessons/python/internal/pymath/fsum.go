package pymath

import (
	"math"

	"threadlab/lessons/python/internal/pyerr"
)

// Fsum returns math.fsum(xs): the correctly rounded sum, kept exactly as a
// list of non-overlapping partial sums (Shewchuk's algorithm) and rounded
// half-even at the end.
func Fsum(xs []float64) (float64, error) {
	var partials []float64
	special := 0.0 // the sum of the infinities and NaNs
	for _, x := range xs {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			special += x
			continue
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		if math.IsInf(x, 0) && !math.IsInf(xsave, 0) {
			return 0, pyerr.New(pyerr.OverflowError, "intermediate overflow in fsum")
		}
		partials = append(partials[:i], x)
	}
	if special != 0 || math.IsNaN(special) {
		if math.IsNaN(special) {
			if hasBothInfinities(xs) {
				return 0, pyerr.New(pyerr.ValueError, "-inf + inf in fsum")
			}
			return math.NaN(), nil
		}
		return special, nil
	}
	n := len(partials)
	if n == 0 {
		return 0, nil
	}
	n--
	hi, lo := partials[n], 0.0
	for n > 0 {
		x := hi
		n--
		y := partials[n]
		hi = x + y
		lo = y - (hi - x)
		if lo != 0 {
			break
		}
	}
	// If the rest of the partials push lo past a tie, round the other way.
	if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
		y := lo * 2
		x := hi + y
		if y == x-hi {
			hi = x
		}
	}
	return hi, nil
}

func hasBothInfinities(xs []float64) bool {
	pos, neg := false, false
	for _, x := range xs {
		pos = pos || math.IsInf(x, 1)
		neg = neg || math.IsInf(x, -1)
	}
	return pos && neg
}
