package pyint

import (
	"fmt"
	"math/big"

	"threadlab/lessons/python/internal/pyerr"
)

// Decimal returns str(x), or CPython's ValueError when x has more than
// maxDigits decimal digits (0: no limit).
func Decimal(x *big.Int, maxDigits int) (string, error) {
	// A cheap bound first: bits*log10(2) estimates the digit count, so huge
	// ints fail without the quadratic conversion.
	if maxDigits > 0 && x.BitLen() > 4*maxDigits {
		return "", StrDigitsError(maxDigits)
	}
	s := x.String()
	n := len(s)
	if x.Sign() < 0 {
		n--
	}
	if maxDigits > 0 && n > maxDigits {
		return "", StrDigitsError(maxDigits)
	}
	return s, nil
}

// StrDigitsError is CPython 3.11's error for an int of more than limit
// decimal digits converted to str.
func StrDigitsError(limit int) error {
	return pyerr.New(pyerr.ValueError, fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit))
}

// Hex, Oct and Bin return hex(x), oct(x) and bin(x).
func Hex(x *big.Int) string { return prefixed(x, 16, "0x") }

// Oct returns oct(x).
func Oct(x *big.Int) string { return prefixed(x, 8, "0o") }

// Bin returns bin(x).
func Bin(x *big.Int) string { return prefixed(x, 2, "0b") }

func prefixed(x *big.Int, base int, prefix string) string {
	if x.Sign() < 0 {
		return "-" + prefix + new(big.Int).Neg(x).Text(base)
	}
	return prefix + x.Text(base)
}
