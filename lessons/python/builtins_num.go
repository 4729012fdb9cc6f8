package python

import (
	"math"
	"math/big"
	"unicode/utf8"

	"threadlab/lessons/python/internal/pyint"
	"threadlab/lessons/python/internal/pymath"
)

// The numeric and conversion built-ins: abs, round, divmod, pow, hex, oct,
// bin, chr, ord, format, hash, id, callable.

func init() {
	RegisterFunc("abs", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("abs", args, kw); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case Int:
			if x < 0 {
				return Unary(t, '-', x)
			}
			return x, nil
		case Bool:
			return Int(b2i(bool(x))), nil
		case *BigInt:
			return MakeBigInt(new(big.Int).Abs(x.Big())), nil
		case Float:
			return Float(math.Abs(float64(x))), nil
		}
		if m := args[0].Type().Lookup("__abs__"); m != nil {
			return CallValue(t, m, []Value{args[0]}, nil)
		}
		return nil, Errorf(TypeError, "bad operand type for abs(): '%s'", TypeName(args[0]))
	})
	RegisterFunc("round", builtinRound)
	RegisterFunc("divmod", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("divmod", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("divmod", args, 2, 2); err != nil {
			return nil, err
		}
		a, b := args[0], args[1]
		if isNumber(a) && isNumber(b) {
			if f, ok := b.(Float); ok && f == 0 {
				return nil, Errorf(ZeroDivisionError, "float divmod()")
			}
			if _, ok := a.(Float); ok && isZero(b) {
				return nil, Errorf(ZeroDivisionError, "float divmod()")
			}
			q, err := Binary(t, opFloorDiv, a, b)
			if err != nil {
				return nil, err
			}
			r, err := Binary(t, opMod, a, b)
			if err != nil {
				return nil, err
			}
			return Tuple{q, r}, nil
		}
		for i, m := range []string{"__divmod__", "__rdivmod__"} {
			self, other := a, b
			if i == 1 {
				self, other = b, a
			}
			if f := self.Type().Lookup(m); f != nil {
				r, err := CallValue(t, f, []Value{self, other}, nil)
				if err != nil || r != NotImplemented {
					return r, err
				}
			}
		}
		return nil, Errorf(TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", TypeName(a), TypeName(b))
	})
	RegisterFunc("pow", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var base, exp, mod Value
		if err := UnpackArgs("pow", args, kw, []string{"base", "exp", "mod?"}, &base, &exp, &mod); err != nil {
			return nil, err
		}
		if mod == nil || mod == None {
			return Binary(t, opPow, base, exp)
		}
		b, ok1 := AsBigInt(base)
		e, ok2 := AsBigInt(exp)
		m, ok3 := AsBigInt(mod)
		if !ok1 || !ok2 || !ok3 {
			return nil, Errorf(TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
		}
		return powMod(b, e, m)
	})
	for name, f := range map[string]func(*big.Int) string{"hex": pyint.Hex, "oct": pyint.Oct, "bin": pyint.Bin} {
		name, f := name, f
		RegisterFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg(name, args, kw); err != nil {
				return nil, err
			}
			x, err := indexValue(t, args[0])
			if err != nil {
				return nil, err
			}
			return Str(f(x)), nil
		})
	}
	RegisterFunc("chr", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("chr", args, kw); err != nil {
			return nil, err
		}
		x, err := indexValue(t, args[0])
		if err != nil {
			return nil, err
		}
		if !x.IsInt64() || x.Int64() > math.MaxInt32 || x.Int64() < math.MinInt32 {
			return nil, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		if c := x.Int64(); c < 0 || c > 0x10ffff {
			return nil, Errorf(ValueError, "chr() arg not in range(0x110000)")
		}
		return Str(string(rune(x.Int64()))), nil
	})
	RegisterFunc("ord", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("ord", args, kw); err != nil {
			return nil, err
		}
		switch s := args[0].(type) {
		case Str:
			if n := utf8.RuneCountInString(string(s)); n != 1 {
				return nil, Errorf(TypeError, "ord() expected a character, but string of length %d found", n)
			}
			r, _ := utf8.DecodeRuneInString(string(s))
			return Int(r), nil
		case Bytes:
			if len(s) != 1 {
				return nil, Errorf(TypeError, "ord() expected a character, but string of length %d found", len(s))
			}
			return Int(s[0]), nil
		}
		return nil, Errorf(TypeError, "ord() expected string of length 1, but %s found", TypeName(args[0]))
	})
	RegisterFunc("format", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var v, spec Value
		if err := UnpackArgs("format", args, kw, []string{"value", "format_spec?"}, &v, &spec); err != nil {
			return nil, err
		}
		s := ""
		if spec != nil {
			sp, ok := spec.(Str)
			if !ok {
				return nil, Errorf(TypeError, "format() argument 2 must be str, not %s", TypeName(spec))
			}
			s = string(sp)
		}
		r, err := Format(t, v, s)
		return Str(r), err
	})
	RegisterFunc("hash", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("hash", args, kw); err != nil {
			return nil, err
		}
		h, err := Hash(t, args[0])
		return Int(h), err
	})
	RegisterFunc("id", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("id", args, kw); err != nil {
			return nil, err
		}
		return Int(t.interp.ID(args[0])), nil
	})
	RegisterFunc("callable", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("callable", args, kw); err != nil {
			return nil, err
		}
		return Bool(isCallable(args[0])), nil
	})
}

// oneArg checks a built-in of exactly one positional argument.
func oneArg(name string, args []Value, kw []Kwarg) error {
	if err := NoKwargs(name, kw); err != nil {
		return err
	}
	return ArgCount(name, args, 1, 1)
}

func isZero(v Value) bool {
	switch x := v.(type) {
	case Int:
		return x == 0
	case Bool:
		return !bool(x)
	case Float:
		return x == 0
	}
	return false
}

// indexValue is operator.index(v): an int, or what __index__ returns.
func indexValue(t *Thread, v Value) (*big.Int, error) {
	if b, ok := AsBigInt(v); ok {
		return b, nil
	}
	if m := v.Type().Lookup("__index__"); m != nil {
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return nil, err
		}
		if b, ok := AsBigInt(r); ok {
			return b, nil
		}
		return nil, Errorf(TypeError, "__index__ returned non-int (type %s)", TypeName(r))
	}
	return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
}

// powMod is pow(b, e, m) for ints, with a negative e meaning the modular
// inverse raised to -e.
func powMod(b, e, m *big.Int) (Value, error) {
	if m.Sign() == 0 {
		return nil, Errorf(ValueError, "pow() 3rd argument cannot be 0")
	}
	am := new(big.Int).Abs(m)
	base := new(big.Int).Mod(b, am)
	exp := e
	if e.Sign() < 0 {
		inv := new(big.Int).ModInverse(base, am)
		if inv == nil {
			return nil, Errorf(ValueError, "base is not invertible for the given modulus")
		}
		base, exp = inv, new(big.Int).Neg(e)
	}
	r := new(big.Int).Exp(base, exp, am)
	// The result takes the sign of the modulus, as Python's % does.
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return MakeBigInt(r), nil
}

func builtinRound(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	var num, nd Value
	if err := UnpackArgs("round", args, kw, []string{"number", "ndigits?"}, &num, &nd); err != nil {
		return nil, err
	}
	if nd == None {
		nd = nil
	}
	digits := 0
	if nd != nil {
		x, err := indexValue(t, nd)
		if err != nil {
			return nil, err
		}
		switch {
		case x.IsInt64() && x.Int64() > -1<<30 && x.Int64() < 1<<30:
			digits = int(x.Int64())
		case x.Sign() > 0:
			digits = 1 << 30
		default:
			digits = -1 << 30
		}
	}
	switch x := num.(type) {
	case Float:
		if nd == nil {
			r, err := pymath.ToInt(float64(x), math.RoundToEven)
			if err != nil {
				return nil, fromHelper(err)
			}
			return MakeBigInt(r), nil
		}
		f, err := pymath.RoundFloat(float64(x), digits)
		return Float(f), fromHelper(err)
	case Int, Bool, *BigInt:
		b, _ := AsBigInt(x)
		if nd == nil || digits >= 0 {
			return MakeBigInt(new(big.Int).Set(b)), nil
		}
		return MakeBigInt(pymath.RoundInt(b, digits)), nil
	}
	m := num.Type().Lookup("__round__")
	if m == nil {
		return nil, Errorf(TypeError, "type %s doesn't define __round__ method", TypeName(num))
	}
	if nd == nil {
		return CallValue(t, m, []Value{num}, nil)
	}
	return CallValue(t, m, []Value{num, nd}, nil)
}
