package python

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"threadlab/lessons/python/internal/pymath"
)

// The methods and attributes of int and float.

func init() {
	self := func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		v := unwrap(args[0])
		if b, ok := v.(Bool); ok {
			return Int(b2i(bool(b))), nil
		}
		return v, nil
	}
	zero := func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if _, ok := unwrap(args[0]).(Float); ok {
			return Float(0), nil
		}
		return Int(0), nil
	}
	IntType.AddAttr("real", NewProperty("real", self))
	IntType.AddAttr("imag", NewProperty("imag", zero))
	IntType.AddAttr("numerator", NewProperty("numerator", self))
	IntType.AddAttr("denominator", NewProperty("denominator", func(*Thread, []Value, []Kwarg) (Value, error) { return Int(1), nil }))
	FloatType.AddAttr("real", NewProperty("real", self))
	FloatType.AddAttr("imag", NewProperty("imag", zero))
	IntType.AddMethod("conjugate", self)
	FloatType.AddMethod("conjugate", self)

	IntType.AddMethod("bit_length", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("int.bit_length", args, kw); err != nil {
			return nil, err
		}
		b, _ := AsBigInt(args[0])
		return Int(b.BitLen()), nil
	})
	IntType.AddMethod("bit_count", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("int.bit_count", args, kw); err != nil {
			return nil, err
		}
		b, _ := AsBigInt(args[0])
		n := 0
		for _, w := range new(big.Int).Abs(b).Bits() {
			for ; w != 0; w &= w - 1 {
				n++
			}
		}
		return Int(n), nil
	})
	IntType.AddMethod("as_integer_ratio", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("int.as_integer_ratio", args, kw); err != nil {
			return nil, err
		}
		v, _ := self(t, args, nil)
		return Tuple{v, Int(1)}, nil
	})
	FloatType.AddMethod("is_integer", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("float.is_integer", args, kw); err != nil {
			return nil, err
		}
		f := float64(args[0].(Float))
		return Bool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
	})
	FloatType.AddMethod("as_integer_ratio", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("float.as_integer_ratio", args, kw); err != nil {
			return nil, err
		}
		f := float64(args[0].(Float))
		switch {
		case math.IsInf(f, 0):
			return nil, Errorf(OverflowError, "cannot convert Infinity to integer ratio")
		case math.IsNaN(f):
			return nil, Errorf(ValueError, "cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return Tuple{MakeBigInt(new(big.Int).Set(r.Num())), MakeBigInt(new(big.Int).Set(r.Denom()))}, nil
	})
	FloatType.AddMethod("hex", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("float.hex", args, kw); err != nil {
			return nil, err
		}
		return Str(floatHex(float64(args[0].(Float)))), nil
	})
	FloatType.AddClassMethod("fromhex", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("fromhex", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeError, "fromhex() argument must be str, not %s", TypeName(args[1]))
		}
		f, err := parseHexFloat(strings.TrimSpace(string(s)))
		if err != nil {
			return nil, err
		}
		return Float(f), nil
	})
	FloatType.AddMethod("__round__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return builtinRound(t, args, kw)
	})
	FloatType.AddMethod("__trunc__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		r, err := pymath.ToInt(float64(args[0].(Float)), math.Trunc)
		if err != nil {
			return nil, fromHelper(err)
		}
		return MakeBigInt(r), nil
	})
}

// floatHex is float.hex(): "0x1.8000000000000p+1", thirteen hex digits.
func floatHex(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	case f == 0:
		if math.Signbit(f) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	bits := math.Float64bits(f)
	exp := int(bits>>52) & 0x7ff
	mant := bits & (1<<52 - 1)
	lead := "1"
	if exp == 0 { // subnormal
		lead, exp = "0", 1
	}
	return sign + "0x" + lead + "." + strconv.FormatUint(mant|1<<52, 16)[1:] + "p" + signed(exp-1023)
}

func signed(n int) string {
	if n >= 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// parseHexFloat is float.fromhex for the forms float.hex() writes and
// the usual variants ("0x1p-2", "1.8p1", "inf").
func parseHexFloat(s string) (float64, error) {
	bad := Errorf(ValueError, "invalid hexadecimal floating-point string")
	t := strings.ToLower(s)
	sign := ""
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		sign, t = t[:1], t[1:]
	}
	switch t {
	case "inf", "infinity":
		return strconv.ParseFloat(sign+"inf", 64)
	case "nan":
		return math.NaN(), nil
	}
	t = strings.TrimPrefix(t, "0x")
	if !strings.Contains(t, "p") {
		t += "p0"
	}
	f, err := strconv.ParseFloat(sign+"0x"+t, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && !math.IsInf(f, 0) {
			return f, nil
		}
		if math.IsInf(f, 0) {
			return 0, Errorf(OverflowError, "hexadecimal value too large to represent as a float")
		}
		return 0, bad
	}
	return f, nil
}

// int.to_bytes and int.from_bytes.
func init() {
	byteOrder := func(v Value) (bool, error) {
		if v == nil {
			return true, nil
		}
		s, ok := v.(Str)
		if !ok {
			return false, Errorf(TypeError, "to_bytes() argument 'byteorder' must be str, not %s", TypeName(v))
		}
		switch s {
		case "big":
			return true, nil
		case "little":
			return false, nil
		}
		return false, Errorf(ValueError, "byteorder must be either 'little' or 'big'")
	}
	IntType.AddMethod("to_bytes", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var length, order, signed Value
		if err := UnpackArgs("to_bytes", args[1:], kw, []string{"length?", "byteorder?", "*signed?"}, &length, &order, &signed); err != nil {
			return nil, err
		}
		n := 1
		if length != nil {
			var err error
			if n, err = AsIndex(length); err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, Errorf(ValueError, "length argument must be non-negative")
			}
			if err := checkSize(n); err != nil {
				return nil, err
			}
		}
		big_, err := byteOrder(order)
		if err != nil {
			return nil, err
		}
		sgn := false
		if signed != nil {
			if sgn, err = Truth(t, signed); err != nil {
				return nil, err
			}
		}
		x, _ := AsBigInt(args[0])
		if x.Sign() < 0 && !sgn {
			return nil, Errorf(OverflowError, "can't convert negative int to unsigned")
		}
		// Two's complement in n bytes: x mod 256**n, checked to fit.
		limit := new(big.Int).Lsh(big.NewInt(1), uint(8*n))
		v := new(big.Int).Set(x)
		if sgn {
			half := new(big.Int).Rsh(limit, 1)
			if v.Cmp(half) >= 0 || v.Cmp(new(big.Int).Neg(half)) < 0 {
				return nil, Errorf(OverflowError, "int too big to convert")
			}
			if v.Sign() < 0 {
				v.Add(v, limit)
			}
		} else if v.Cmp(limit) >= 0 {
			return nil, Errorf(OverflowError, "int too big to convert")
		}
		b := v.FillBytes(make([]byte, n))
		if !big_ {
			slices.Reverse(b)
		}
		return Bytes(b), nil
	})
	IntType.AddClassMethod("from_bytes", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var data, order, signed Value
		if err := UnpackArgs("from_bytes", args[1:], kw, []string{"bytes", "byteorder?", "*signed?"}, &data, &order, &signed); err != nil {
			return nil, err
		}
		var b []byte
		if s, ok := data.(Bytes); ok {
			b = []byte(s)
		} else {
			items, err := Collect(t, data)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				n, err := AsIndex(it)
				if err != nil {
					return nil, err
				}
				if n < 0 || n > 255 {
					return nil, Errorf(ValueError, "bytes must be in range(0, 256)")
				}
				b = append(b, byte(n))
			}
		}
		big_, err := byteOrder(order)
		if err != nil {
			return nil, err
		}
		if !big_ {
			b = slices.Clone(b)
			slices.Reverse(b)
		}
		x := new(big.Int).SetBytes(b)
		if signed != nil {
			sgn, err := Truth(t, signed)
			if err != nil {
				return nil, err
			}
			if sgn && len(b) > 0 && b[0]&0x80 != 0 {
				x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
			}
		}
		return MakeBigInt(x), nil
	})
}
