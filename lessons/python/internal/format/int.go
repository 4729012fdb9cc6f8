package format

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"threadlab/lessons/python/internal/pyint"
)

// Int returns format(x, spec) for an int (or bool: typeName "bool").
// maxDigits is the interpreter's int/str digit limit (0: none); decimal
// output longer than it is a ValueError, as in CPython 3.11.
func Int(x *big.Int, spec, typeName string, maxDigits int) (string, error) {
	return intSpec(intArg{big: x, maxDigits: maxDigits}, spec, typeName)
}

// SmallInt is Int for an int that fits in 64 bits, without the big.Int
// (whose making and printing cost more than the formatting).
func SmallInt(x int64, spec, typeName string) (string, error) {
	return intSpec(intArg{small: x}, spec, typeName)
}

// intArg is the int being formatted: big, or small if big is nil.
type intArg struct {
	big       *big.Int
	small     int64
	maxDigits int
}

func (x intArg) neg() bool {
	if x.big == nil {
		return x.small < 0
	}
	return x.big.Sign() < 0
}

func (x intArg) asBig() *big.Int {
	if x.big == nil {
		return big.NewInt(x.small)
	}
	return x.big
}

// text spells |x| in base.
func (x intArg) text(base int) (string, error) {
	if x.big == nil {
		u := uint64(x.small)
		if x.small < 0 {
			u = -u
		}
		return strconv.FormatUint(u, base), nil
	}
	abs := new(big.Int).Abs(x.big)
	if base == 10 {
		return pyint.Decimal(abs, x.maxDigits)
	}
	return abs.Text(base), nil
}

func intSpec(x intArg, spec, typeName string) (string, error) {
	s, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	switch s.Type {
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f := float64(x.small)
		if x.big != nil {
			f, _ = new(big.Float).SetInt(x.big).Float64()
		}
		if math.IsInf(f, 0) {
			return "", errorf(OverflowError, "int too large to convert to float")
		}
		return floatSpec(f, s, typeName)
	default:
		return "", unknownCode(rune(s.Type), typeName)
	}
	if s.Precision >= 0 {
		return "", errorf(ValueError, "Precision not allowed in integer format specifier")
	}
	if s.NoNegZero {
		return "", errorf(ValueError, "Negative zero coercion (z) not allowed in integer format specifier")
	}
	if s.Type == 'c' {
		return intChar(x.asBig(), s)
	}
	n := number{neg: x.neg(), groupBy: 3}
	base := 10
	switch s.Type {
	case 'b':
		base, n.prefix = 2, "0b"
	case 'o':
		base, n.prefix = 8, "0o"
	case 'x', 'X':
		base, n.prefix = 16, "0x"
	}
	if base != 10 {
		n.groupBy = 4
		if !s.Alt {
			n.prefix = ""
		}
	}
	if n.digits, err = x.text(base); err != nil {
		return "", err
	}
	if s.Type == 'X' {
		n.digits, n.prefix = strings.ToUpper(n.digits), strings.ToUpper(n.prefix)
	}
	return layout(s, n)
}

func intChar(x *big.Int, s Spec) (string, error) {
	if s.Sign != 0 {
		return "", errorf(ValueError, "Sign not allowed with integer format specifier 'c'")
	}
	if s.Alt {
		return "", errorf(ValueError, "Alternate form (#) not allowed with integer format specifier 'c'")
	}
	if !x.IsInt64() {
		return "", errorf(OverflowError, "Python int too large to convert to C long")
	}
	if x.Int64() < 0 || x.Int64() > 0x10ffff {
		return "", errorf(OverflowError, "%c arg not in range(0x110000)")
	}
	return layout(s, number{digits: string(rune(x.Int64()))})
}
