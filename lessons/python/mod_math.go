package python

import (
	"math"
	"math/big"

	"threadlab/lessons/python/internal/pymath"
)

// The math module, over internal/pymath.

func init() {
	RegisterModule(ModuleDef{Name: "math", Doc: "Mathematical functions (threadlab).", Init: initMath})
}

func initMath(t *Thread, m *Module) error {
	m.Set("pi", Float(math.Pi))
	m.Set("e", Float(math.E))
	m.Set("tau", Float(2*math.Pi))
	m.Set("inf", Float(math.Inf(1)))
	m.Set("nan", Float(math.NaN()))
	for _, name := range []string{"sqrt", "exp", "exp2", "expm1", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
		"sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "fabs", "cbrt", "degrees", "radians", "gamma", "lgamma"} {
		name := name
		f, _ := pymath.Func(name)
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			x, err := mathArgs(t, "math."+name, args, kw, 1)
			if err != nil {
				return nil, err
			}
			r, err := f(x[0])
			return Float(r), fromHelper(err)
		})
	}
	for _, name := range []string{"log2", "log10"} {
		name := name
		f, _ := pymath.Func(name)
		intf := math.Log2
		if name == "log10" {
			intf = math.Log10
		}
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg("math."+name, args, kw); err != nil {
				return nil, err
			}
			r, err := logOf(t, args[0], f, intf)
			return Float(r), err
		})
	}
	m.SetFunc("log", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("log", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("log", args, 1, 2); err != nil {
			return nil, err
		}
		r, err := logOf(t, args[0], pymath.Log, math.Log)
		if err != nil || len(args) == 1 {
			return Float(r), err
		}
		b, err := logOf(t, args[1], pymath.Log, math.Log)
		if err != nil {
			return nil, err
		}
		if b == 0 {
			return nil, Errorf(ZeroDivisionError, "float division by zero")
		}
		return Float(r / b), nil
	})
	two := map[string]func(x, y float64) (float64, error){
		"pow": pymath.Pow, "fmod": pymath.Fmod, "remainder": pymath.Remainder,
		"atan2":     func(y, x float64) (float64, error) { return pymath.Atan2(y, x), nil },
		"copysign":  func(x, y float64) (float64, error) { return pymath.Copysign(x, y), nil },
		"nextafter": func(x, y float64) (float64, error) { return pymath.Nextafter(x, y), nil },
	}
	for name, f := range two {
		name, f := name, f
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			x, err := mathArgs(t, name, args, kw, 2)
			if err != nil {
				return nil, err
			}
			r, err := f(x[0], x[1])
			return Float(r), fromHelper(err)
		})
	}
	for name, test := range map[string]func(float64) bool{
		"isnan":    math.IsNaN,
		"isinf":    func(x float64) bool { return math.IsInf(x, 0) },
		"isfinite": func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) },
	} {
		name, test := name, test
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			x, err := mathArgs(t, "math."+name, args, kw, 1)
			if err != nil {
				return nil, err
			}
			return Bool(test(x[0])), nil
		})
	}
	for name, round := range map[string]func(float64) float64{"floor": math.Floor, "ceil": math.Ceil, "trunc": math.Trunc} {
		name, round := name, round
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg("math."+name, args, kw); err != nil {
				return nil, err
			}
			switch x := args[0].(type) {
			case Int, *BigInt:
				return x, nil
			case Bool:
				return Int(b2i(bool(x))), nil
			case Float:
				r, err := pymath.ToInt(float64(x), round)
				if err != nil {
					return nil, fromHelper(err)
				}
				return MakeBigInt(r), nil
			}
			if f := args[0].Type().Lookup("__" + name + "__"); f != nil {
				return CallValue(t, f, []Value{args[0]}, nil)
			}
			if name == "trunc" {
				return nil, Errorf(TypeError, "type %s doesn't define __trunc__ method", TypeName(args[0]))
			}
			x, err := floatArg(t, args[0])
			if err != nil {
				return nil, err
			}
			r, err := pymath.ToInt(x, round)
			if err != nil {
				return nil, fromHelper(err)
			}
			return MakeBigInt(r), nil
		})
	}
	m.SetFunc("ldexp", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("ldexp", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("ldexp", args, 2, 2); err != nil {
			return nil, err
		}
		x, err := floatArg(t, args[0])
		if err != nil {
			return nil, err
		}
		e, err := indexValue(t, args[1])
		if err != nil {
			return nil, Errorf(TypeError, "Expected an int as second argument to ldexp.")
		}
		n := 1 << 20
		if e.IsInt64() && e.Int64() < 1<<20 && e.Int64() > -(1<<20) {
			n = int(e.Int64())
		} else if e.Sign() < 0 {
			n = -(1 << 20)
		}
		r, err := pymath.Ldexp(x, n)
		return Float(r), fromHelper(err)
	})
	m.SetFunc("frexp", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		x, err := mathArgs(t, "math.frexp", args, kw, 1)
		if err != nil {
			return nil, err
		}
		f, e := pymath.Frexp(x[0])
		return Tuple{Float(f), Int(e)}, nil
	})
	m.SetFunc("modf", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		x, err := mathArgs(t, "math.modf", args, kw, 1)
		if err != nil {
			return nil, err
		}
		f, i := pymath.Modf(x[0])
		return Tuple{Float(f), Float(i)}, nil
	})
	m.SetFunc("ulp", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		x, err := mathArgs(t, "math.ulp", args, kw, 1)
		if err != nil {
			return nil, err
		}
		return Float(pymath.Ulp(x[0])), nil
	})
	m.SetFunc("hypot", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("hypot", kw); err != nil {
			return nil, err
		}
		xs := make([]float64, len(args))
		for i, a := range args {
			var err error
			if xs[i], err = floatArg(t, a); err != nil {
				return nil, err
			}
		}
		return Float(pymath.Hypot(xs...)), nil
	})
	m.SetFunc("dist", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("dist", args, 2, 2); err != nil {
			return nil, err
		}
		var pts [2][]float64
		for i := range pts {
			items, err := Collect(t, args[i])
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				f, err := floatArg(t, v)
				if err != nil {
					return nil, err
				}
				pts[i] = append(pts[i], f)
			}
		}
		r, err := pymath.Dist(pts[0], pts[1])
		return Float(r), fromHelper(err)
	})
	m.SetFunc("fsum", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("fsum", args, kw); err != nil {
			return nil, err
		}
		items, err := Collect(t, args[0])
		if err != nil {
			return nil, err
		}
		xs := make([]float64, len(items))
		for i, v := range items {
			if xs[i], err = floatArg(t, v); err != nil {
				return nil, err
			}
		}
		r, err := pymath.Fsum(xs)
		return Float(r), fromHelper(err)
	})
	m.SetFunc("prod", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var it, start Value
		if err := UnpackArgs("prod", args, kw, []string{"iterable", "*start?"}, &it, &start); err != nil {
			return nil, err
		}
		var acc Value = Int(1)
		if start != nil {
			acc = start
		}
		items, err := Collect(t, it)
		if err != nil {
			return nil, err
		}
		for _, v := range items {
			if acc, err = Binary(t, opMul, acc, v); err != nil {
				return nil, err
			}
		}
		return acc, nil
	})
	m.SetFunc("isclose", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var a, b, rel, abs Value
		if err := UnpackArgs("isclose", args, kw, []string{"a", "b", "*rel_tol?", "*abs_tol?"}, &a, &b, &rel, &abs); err != nil {
			return nil, err
		}
		vals := []float64{0, 0, 1e-9, 0}
		for i, v := range []Value{a, b, rel, abs} {
			if v == nil {
				continue
			}
			var err error
			if vals[i], err = floatArg(t, v); err != nil {
				return nil, err
			}
		}
		r, err := pymath.IsClose(vals[0], vals[1], vals[2], vals[3])
		return Bool(r), fromHelper(err)
	})
	m.SetFunc("factorial", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("factorial", args, kw); err != nil {
			return nil, err
		}
		n, err := indexValue(t, args[0])
		if err != nil {
			return nil, err
		}
		r, err := pymath.Factorial(n)
		return bigResult(r, err)
	})
	for _, name := range []string{"comb", "perm"} {
		name := name
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := NoKwargs(name, kw); err != nil {
				return nil, err
			}
			min := 2
			if name == "perm" {
				min = 1
			}
			if err := ArgCount(name, args, min, 2); err != nil {
				return nil, err
			}
			n, err := indexValue(t, args[0])
			if err != nil {
				return nil, err
			}
			var k *big.Int
			if len(args) == 2 && args[1] != None {
				if k, err = indexValue(t, args[1]); err != nil {
					return nil, err
				}
			}
			if name == "comb" {
				return bigResult(pymath.Comb(n, k))
			}
			return bigResult(pymath.Perm(n, k))
		})
	}
	for _, name := range []string{"gcd", "lcm"} {
		name := name
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := NoKwargs(name, kw); err != nil {
				return nil, err
			}
			xs := make([]*big.Int, len(args))
			for i, a := range args {
				var err error
				if xs[i], err = indexValue(t, a); err != nil {
					return nil, err
				}
			}
			if name == "gcd" {
				return MakeBigInt(pymath.Gcd(xs...)), nil
			}
			return MakeBigInt(pymath.Lcm(xs...)), nil
		})
	}
	m.SetFunc("isqrt", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("isqrt", args, kw); err != nil {
			return nil, err
		}
		n, err := indexValue(t, args[0])
		if err != nil {
			return nil, err
		}
		return bigResult(pymath.Isqrt(n))
	})
	return nil
}

func bigResult(x *big.Int, err error) (Value, error) {
	if err != nil {
		return nil, fromHelper(err)
	}
	return MakeBigInt(x), nil
}

// mathArgs checks n real-number arguments of a math function.
func mathArgs(t *Thread, name string, args []Value, kw []Kwarg, n int) ([]float64, error) {
	if err := NoKwargs(name, kw); err != nil {
		return nil, err
	}
	if err := ArgCount(name, args, n, n); err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for i, a := range args {
		var err error
		if out[i], err = floatArg(t, a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// logOf applies a logarithm to a float, or to an int of any size.
func logOf(t *Thread, v Value, f pymath.Unary, intf func(float64) float64) (float64, error) {
	if b, ok := AsBigInt(v); ok && !b.IsInt64() {
		r, err := pymath.LogInt(b, intf)
		return r, fromHelper(err)
	}
	x, err := floatArg(t, v)
	if err != nil {
		return 0, err
	}
	r, err := f(x)
	return r, fromHelper(err)
}
