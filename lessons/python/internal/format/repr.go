package format

import (
	"math"
	"strconv"
	"strings"
)

// FloatRepr returns repr(f) (which is also str(f)) as CPython spells it: the
// shortest digits that round-trip, positional when the decimal exponent is in
// [-4, 16), otherwise scientific with a signed two-digit-minimum exponent.
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := reprAbs(math.Abs(f), false)
	if math.Signbit(f) {
		return "-" + s
	}
	return s
}

// reprAbs lays out a finite non-negative f in repr style; alt forces a
// decimal point into scientific form ("1.e+16") as the '#' flag does.
func reprAbs(f float64, alt bool) string {
	exp := decimalExponent(strconv.FormatFloat(f, 'e', -1, 64))
	if -4 <= exp && exp < 16 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	if alt && !strings.Contains(s, ".") {
		i := strings.IndexByte(s, 'e')
		s = s[:i] + "." + s[i:]
	}
	return s
}

// decimalExponent reads the exponent of a strconv 'e' formatted number.
func decimalExponent(e string) int {
	i := strings.LastIndexByte(e, 'e')
	n, _ := strconv.Atoi(e[i+1:])
	return n
}
