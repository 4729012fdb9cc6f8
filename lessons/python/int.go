package python

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Limits that keep hostile programs from exhausting memory. An int may
// have at most MaxIntBits bits; a str, bytes, list, tuple, set or dict
// built by repetition, concatenation or iteration at most MaxSeqLen
// bytes, counting a byte for each of a str's and slotBytes or more for
// each item of a container (checkItems).
const (
	MaxIntBits = 1 << 24 // about 5 million decimal digits
	MaxSeqLen  = 1 << 27
	// maxStrDigits is CPython 3.11's default limit for int<->str conversion.
	maxStrDigits = 4300
)

func intTooLarge() error {
	return Errorf(OverflowError, "int too large: threadlab limits ints to %d bits", MaxIntBits)
}

// toBig returns x (an Int, *BigInt or Bool) as a big.Int (fresh unless x
// is a *BigInt, whose value must then not be changed).
func toBig(x Value) *big.Int {
	switch v := x.(type) {
	case Int:
		return big.NewInt(int64(v))
	case *BigInt:
		return v.v
	case Bool:
		if v {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	}
	return nil
}

func checkBig(z *big.Int) (Value, error) {
	if z.BitLen() > MaxIntBits {
		return nil, intTooLarge()
	}
	return MakeBigInt(z), nil
}

// isInt reports whether v is an int (including bool) and not a float.
func isInt(v Value) bool {
	switch v.(type) {
	case Int, *BigInt, Bool:
		return true
	}
	return false
}

// asFloat converts an int or float to float64.
func asFloat(v Value) (float64, error) {
	switch x := v.(type) {
	case Float:
		return float64(x), nil
	case Int:
		return float64(x), nil
	case Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *BigInt:
		f, _ := new(big.Float).SetInt(x.v).Float64()
		if math.IsInf(f, 0) {
			return 0, Errorf(OverflowError, "int too large to convert to float")
		}
		return f, nil
	}
	return 0, Errorf(TypeError, "must be real number, not %s", TypeName(v))
}

// intArith does +, -, *, //, %, **, <<, >>, &, |, ^ on two ints. ok is
// false if op is not an int operation (/ is float division).
func intArith(op binop, x, y Value) (Value, error) {
	if a, ok := x.(Int); ok {
		if b, ok := y.(Int); ok {
			if v, done := smallArith(op, int64(a), int64(b)); done {
				return v, nil
			}
		}
	}
	a, b := toBig(x), toBig(y)
	z := new(big.Int)
	switch op {
	case opAdd:
		z.Add(a, b)
	case opSub:
		z.Sub(a, b)
	case opMul:
		if a.BitLen()+b.BitLen() > MaxIntBits+1 {
			return nil, intTooLarge()
		}
		z.Mul(a, b)
	case opFloorDiv, opMod:
		if b.Sign() == 0 {
			if op == opMod {
				return nil, Errorf(ZeroDivisionError, "integer modulo by zero")
			}
			return nil, Errorf(ZeroDivisionError, "integer division or modulo by zero")
		}
		q, m := new(big.Int).DivMod(a, b, new(big.Int))
		// DivMod is Euclidean (m >= 0); Python floors toward -inf.
		if m.Sign() != 0 && b.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
			m.Add(m, b)
		}
		if op == opMod {
			z = m
		} else {
			z = q
		}
	case opPow:
		if b.Sign() < 0 {
			fa, err := asFloat(x)
			if err != nil {
				return nil, err
			}
			fb, _ := asFloat(y)
			return floatPow(fa, fb)
		}
		if !b.IsInt64() || (a.BitLen() > 1 && float64(a.BitLen()-1)*float64(b.Int64()) > MaxIntBits) {
			if a.CmpAbs(big.NewInt(1)) <= 0 {
				if a.Sign() < 0 && b.Bit(0) == 1 {
					return Int(-1), nil
				}
				if a.Sign() == 0 {
					return Int(0), nil
				}
				return Int(1), nil
			}
			return nil, intTooLarge()
		}
		z.Exp(a, b, nil)
	case opLShift, opRShift:
		if b.Sign() < 0 {
			return nil, Errorf(ValueError, "negative shift count")
		}
		if op == opRShift {
			if !b.IsInt64() || b.Int64() > int64(a.BitLen()) {
				if a.Sign() < 0 {
					return Int(-1), nil
				}
				return Int(0), nil
			}
			z.Rsh(a, uint(b.Int64()))
		} else {
			if a.Sign() == 0 {
				return Int(0), nil
			}
			if !b.IsInt64() || int64(a.BitLen())+b.Int64() > MaxIntBits {
				return nil, intTooLarge()
			}
			z.Lsh(a, uint(b.Int64()))
		}
	case opAnd:
		z.And(a, b)
	case opOr:
		z.Or(a, b)
	case opXor:
		z.Xor(a, b)
	default:
		return nil, nil
	}
	return checkBig(z)
}

// smallArith is the int64 fast path; done is false on overflow (or for
// cases left to big.Int).
func smallArith(op binop, a, b int64) (Value, bool) {
	c, ok := smallArithBits(op, a, b)
	if !ok {
		return nil, false
	}
	return boxInt(Int(c)), true
}

// smallArithBits is smallArith's result before it becomes a Value.
func smallArithBits(op binop, a, b int64) (int64, bool) {
	switch op {
	case opAdd:
		c := a + b
		if (c > a) == (b > 0) {
			return c, true
		}
	case opSub:
		c := a - b
		if (c < a) == (b > 0) {
			return c, true
		}
	case opMul:
		hi, lo := bits.Mul64(uint64(absI(a)), uint64(absI(b)))
		if hi == 0 && lo <= math.MaxInt64 && a != math.MinInt64 && b != math.MinInt64 {
			c := int64(lo)
			if (a < 0) != (b < 0) {
				c = -c
			}
			return c, true
		}
	case opFloorDiv, opMod:
		if b == 0 || (a == math.MinInt64 && b == -1) {
			return 0, false
		}
		q, m := a/b, a%b
		if m != 0 && (m < 0) != (b < 0) {
			q--
			m += b
		}
		if op == opMod {
			return m, true
		}
		return q, true
	case opPow:
		if b < 0 || b > 64 {
			return 0, false
		}
		r := int64(1)
		base := a
		for e := b; e > 0; e-- {
			hi, lo := bits.Mul64(uint64(absI(r)), uint64(absI(base)))
			if hi != 0 || lo > math.MaxInt64 || base == math.MinInt64 {
				return 0, false
			}
			neg := (r < 0) != (base < 0)
			r = int64(lo)
			if neg {
				r = -r
			}
		}
		return r, true
	case opLShift:
		if b >= 0 && b < 63 {
			c := a << uint(b)
			if c>>uint(b) == a {
				return c, true
			}
		}
	case opRShift:
		if b >= 0 {
			if b > 63 {
				b = 63
			}
			return a >> uint(b), true
		}
	case opAnd:
		return a & b, true
	case opOr:
		return a | b, true
	case opXor:
		return a ^ b, true
	}
	return 0, false
}

func absI(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// floatArith does a binary operation where at least one side is a float.
func floatArith(op binop, x, y Value) (Value, error) {
	a, err := asFloat(x)
	if err != nil {
		return nil, err
	}
	b, err := asFloat(y)
	if err != nil {
		return nil, err
	}
	switch op {
	case opAdd:
		return Float(a + b), nil
	case opSub:
		return Float(a - b), nil
	case opMul:
		return Float(a * b), nil
	case opTrueDiv:
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "float division by zero")
		}
		return Float(a / b), nil
	case opFloorDiv:
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "float floor division by zero")
		}
		return Float(math.Floor(a / b)), nil
	case opMod:
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "float modulo")
		}
		m := math.Mod(a, b)
		if m != 0 && (m < 0) != (b < 0) {
			m += b
		} else if m == 0 {
			m = math.Copysign(0, b)
		}
		return Float(m), nil
	case opPow:
		return floatPow(a, b)
	}
	return nil, nil
}

func floatPow(a, b float64) (Value, error) {
	if a == 0 && b < 0 {
		return nil, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	if a < 0 && b != math.Floor(b) {
		return nil, Errorf(ValueError, "math domain error: threadlab has no complex numbers")
	}
	r := math.Pow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return nil, NewException(OverflowError, Int(34), Str("Numerical result out of range"))
	}
	return Float(r), nil
}

// trueDiv is int / int (or with floats).
func trueDiv(x, y Value) (Value, error) {
	if a, ok := x.(Int); ok {
		if b, ok := y.(Int); ok {
			if b == 0 {
				return nil, Errorf(ZeroDivisionError, "division by zero")
			}
			if absI(int64(a)) < 1<<53 && absI(int64(b)) < 1<<53 {
				return Float(float64(a) / float64(b)), nil
			}
		}
	}
	if isInt(x) && isInt(y) {
		bb := toBig(y)
		if bb.Sign() == 0 {
			return nil, Errorf(ZeroDivisionError, "division by zero")
		}
		r := new(big.Rat).SetFrac(toBig(x), bb)
		f, _ := r.Float64()
		if math.IsInf(f, 0) {
			return nil, Errorf(OverflowError, "integer division result too large for a float")
		}
		return Float(f), nil
	}
	return floatArith(opTrueDiv, x, y)
}

// intRepr is repr(int), with CPython's limit on digits.
func intRepr(v Value) (string, error) {
	switch x := v.(type) {
	case Int:
		return strconv.FormatInt(int64(x), 10), nil
	case *BigInt:
		if x.v.BitLen() > maxStrDigits*33/10 {
			return "", Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits)
		}
		s := x.v.String()
		if len(strings.TrimPrefix(s, "-")) > maxStrDigits {
			return "", Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits)
		}
		return s, nil
	case Bool:
		if x {
			return "1", nil
		}
		return "0", nil
	}
	return "", nil
}

// FloatRepr is repr(float): the shortest digits that read back as f,
// in fixed notation for 1e-4 <= |f| < 1e16 and scientific otherwise.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	neg := ""
	if s[0] == '-' {
		neg, s = "-", s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	digits := strings.Replace(s[:epos], ".", "", 1)
	exp, _ := strconv.Atoi(s[epos+1:])
	if f == 0 {
		return neg + "0.0"
	}
	if exp >= -4 && exp < 16 {
		// fixed notation
		point := exp + 1 // digits before the point
		var out string
		switch {
		case point <= 0:
			out = "0." + strings.Repeat("0", -point) + digits
		case point >= len(digits):
			out = digits + strings.Repeat("0", point-len(digits)) + ".0"
		default:
			out = digits[:point] + "." + digits[point:]
		}
		return neg + out
	}
	mant := digits[:1]
	if len(digits) > 1 {
		mant += "." + digits[1:]
	}
	sign := "+"
	if exp < 0 {
		sign, exp = "-", -exp
	}
	es := strconv.Itoa(exp)
	if len(es) < 2 {
		es = "0" + es
	}
	return neg + mant + "e" + sign + es
}

// smallInts are the ints -5..1023 already boxed as Values, so that the
// interpreter's commonest results need no allocation. Set once by init.
var smallInts = makeSmallInts()

func makeSmallInts() (s [1029]Value) {
	for i := range s {
		s[i] = Int(i - 5)
	}
	return s
}

// boxInt returns c as a Value, shared for small values.
func boxInt(c Int) Value {
	if uint64(c+5) < uint64(len(smallInts)) {
		return smallInts[c+5]
	}
	return c
}
