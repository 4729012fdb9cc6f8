package python

import (
	"math"
	"math/big"
	"strings"
	"unicode/utf8"

	"threadlab/lessons/python/internal/compile"
)

type binop = compile.BinOp

const (
	opAdd      = compile.Add
	opSub      = compile.Sub
	opMul      = compile.Mul
	opMatMul   = compile.MatMul
	opTrueDiv  = compile.TrueDiv
	opFloorDiv = compile.FloorDiv
	opMod      = compile.Mod
	opPow      = compile.Pow
	opLShift   = compile.LShift
	opRShift   = compile.RShift
	opAnd      = compile.And
	opOr       = compile.Or
	opXor      = compile.Xor
)

// Truth is bool(v).
func Truth(t *Thread, v Value) (bool, error) {
	switch x := v.(type) {
	case Bool:
		return bool(x), nil
	case Int:
		return x != 0, nil
	case NoneType:
		return false, nil
	case Str:
		return x != "", nil
	case Float:
		return x != 0, nil
	case *List:
		return x.Len() > 0, nil
	case Tuple:
		return len(x) > 0, nil
	case *Dict:
		return x.Len() > 0, nil
	case *BigInt:
		return true, nil
	case *bigRange:
		return x.n.Sign() != 0, nil
	case *Instance:
		if m := x.class.Lookup("__bool__"); m != nil {
			r, err := CallValue(t, m, []Value{v}, nil)
			if err != nil {
				return false, err
			}
			b, ok := r.(Bool)
			if !ok {
				return false, Errorf(TypeError, "__bool__ should return bool, returned %s", TypeName(r))
			}
			return bool(b), nil
		}
		if m := x.class.Lookup("__len__"); m != nil {
			n, err := Len(t, v)
			return n > 0, err
		}
		if x.base != nil {
			return Truth(t, x.base)
		}
		return true, nil
	case Sized:
		return x.Len() > 0, nil
	}
	return true, nil
}

// sameObject is Python's `is`.
func sameObject(a, b Value) bool {
	switch x := a.(type) {
	case Tuple:
		y, ok := b.(Tuple)
		if !ok || len(x) != len(y) {
			return false
		}
		return len(x) == 0 || &x[0] == &y[0]
	case Float:
		y, ok := b.(Float)
		return ok && (x == y || math.IsNaN(float64(x)) && math.IsNaN(float64(y)))
	}
	if _, ok := b.(Tuple); ok {
		return false
	}
	return a == b
}

// Binary applies a binary operator (x + y, ...).
func Binary(t *Thread, op binop, x, y Value) (Value, error) {
	// numbers
	if bx, ok := x.(Bool); ok {
		if by, ok := y.(Bool); ok {
			switch op {
			case opAnd:
				return bx && by, nil
			case opOr:
				return bx || by, nil
			case opXor:
				return Bool(bx != by), nil
			}
		}
	}
	if isInt(x) && isInt(y) {
		if op == opTrueDiv {
			return trueDiv(x, y)
		}
		if op != opMatMul {
			return intArith(op, x, y)
		}
	}
	_, xf := x.(Float)
	_, yf := y.(Float)
	if (xf || isInt(x)) && (yf || isInt(y)) && (xf || yf) {
		if op != opMatMul && op <= opPow {
			return floatArith(op, x, y)
		}
	}
	if v, err := seqArith(t, op, x, y); v != nil || err != nil {
		return v, err
	}
	return binaryDunder(t, op, x, y, "")
}

// binDunders are the names of each binary operator's methods, made once
// rather than on every call: __add__, __radd__ and __iadd__ for opAdd.
var binDunders = func() (d [compile.Xor + 1]struct{ op, rop, iop string }) {
	for op := range d {
		n := binop(op).Dunder()
		d[op].op, d[op].rop, d[op].iop = "__"+n+"__", "__r"+n+"__", "__i"+n+"__"
	}
	return d
}()

// binaryDunder tries x.__op__(y) then y.__rop__(x); inplace is "i" for
// an augmented assignment, which tries x.__iop__ first.
func binaryDunder(t *Thread, op binop, x, y Value, inplace string) (Value, error) {
	names := &binDunders[op]
	if inplace != "" {
		if m := x.Type().Lookup(names.iop); m != nil {
			r, err := CallValue(t, m, []Value{x, y}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	xt, yt := x.Type(), y.Type()
	// A subclass's reflected method goes first.
	if yt != xt && yt.IsSubclass(xt) {
		if m := yt.Lookup(names.rop); m != nil {
			r, err := CallValue(t, m, []Value{y, x}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	if m := xt.Lookup(names.op); m != nil {
		r, err := CallValue(t, m, []Value{x, y}, nil)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if yt != xt {
		if m := yt.Lookup(names.rop); m != nil {
			r, err := CallValue(t, m, []Value{y, x}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	if baseOf(x) != nil || baseOf(y) != nil {
		if inplace != "" {
			return Inplace(t, op, unwrap(x), unwrap(y))
		}
		return Binary(t, op, unwrap(x), unwrap(y))
	}
	sym := op.Symbol()
	if inplace != "" {
		sym += "="
	}
	if op == opPow && inplace == "" {
		sym = "** or pow()"
	}
	return nil, Errorf(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, xt.name, yt.name)
}

// Inplace is an augmented assignment's operation (x += y).
func Inplace(t *Thread, op binop, x, y Value) (Value, error) {
	if l, ok := x.(*List); ok && op == opAdd {
		if y2, ok := y.(*List); ok && y2 == l {
			items := l.snapshot(t)
			l.update(t, func(e []Value) []Value { return append(e, items...) })
			return l, nil
		}
		items, err := Collect(t, y)
		if err != nil {
			return nil, err
		}
		l.update(t, func(e []Value) []Value { return append(e, items...) })
		return l, nil
	}
	if _, ok := x.(*Instance); ok {
		return binaryDunder(t, op, x, y, "i")
	}
	if s, ok := x.(*Set); ok && !s.frozen && (op == opOr || op == opAnd || op == opSub || op == opXor) {
		if y2, ok := y.(*Set); ok {
			return s, setInplace(t, op, s, y2)
		}
	}
	v, err := Binary(t, op, x, y)
	if err != nil && ErrorMatches(err, TypeError) && strings.HasPrefix(err.(*Exception).message(nil), "unsupported operand") {
		return nil, Errorf(TypeError, "unsupported operand type(s) for %s=: '%s' and '%s'", op.Symbol(), TypeName(x), TypeName(y))
	}
	return v, err
}

// concatError is the error of str, list or tuple + y when y is of another
// type; none when y is an instance, so that its __radd__ gets a turn.
func concatError(kind string, y Value) error {
	if _, ok := y.(*Instance); ok {
		return nil
	}
	return Errorf(TypeError, "can only concatenate %s (not \"%s\") to %s", kind, TypeName(y), kind)
}

// seqArith handles + and * on str, bytes, list and tuple, and the set and
// dict operators. It returns (nil, nil) if it does not apply.
func seqArith(t *Thread, op binop, x, y Value) (Value, error) {
	switch a := x.(type) {
	case Str:
		switch op {
		case opAdd:
			b, ok := y.(Str)
			if !ok {
				return nil, concatError("str", y)
			}
			if len(a)+len(b) > MaxSeqLen {
				return nil, NewException(MemoryError)
			}
			return a + b, nil
		case opMul:
			n, err := repeatCount(y, len(a))
			if n < 0 || err != nil {
				return nil, err
			}
			return Str(strings.Repeat(string(a), n)), nil
		case opMod:
			return strPercent(t, a, y)
		}
	case Bytes:
		switch op {
		case opAdd:
			if b, ok := y.(Bytes); ok {
				return a + b, nil
			}
			return nil, Errorf(TypeError, "can't concat %s to bytes", TypeName(y))
		case opMul:
			n, err := repeatCount(y, len(a))
			if n < 0 || err != nil {
				return nil, err
			}
			return Bytes(strings.Repeat(string(a), n)), nil
		}
	case *List:
		switch op {
		case opAdd:
			b, ok := y.(*List)
			if !ok {
				return nil, concatError("list", y)
			}
			ea, eb := a.Snapshot(), b.Snapshot()
			return NewList(append(ea, eb...)), nil
		case opMul:
			e := a.Snapshot()
			n, err := repeatCount(y, len(e)*slotBytes)
			if n < 0 || err != nil {
				return nil, err
			}
			return NewList(repeatValues(e, n)), nil
		}
	case Tuple:
		switch op {
		case opAdd:
			b, ok := y.(Tuple)
			if !ok {
				return nil, concatError("tuple", y)
			}
			out := make(Tuple, 0, len(a)+len(b))
			return append(append(out, a...), b...), nil
		case opMul:
			n, err := repeatCount(y, len(a)*slotBytes)
			if n < 0 || err != nil {
				return nil, err
			}
			return Tuple(repeatValues(a, n)), nil
		}
	case *Set:
		if b, ok := y.(*Set); ok {
			return setOp(t, op, a, b)
		}
	case *Dict:
		if b, ok := y.(*Dict); ok && op == opOr {
			c := a.Copy()
			if err := dictSetAll(t, c, b); err != nil {
				return nil, err
			}
			return c, nil
		}
	case Int, Bool, *BigInt:
		if op == opMul {
			switch y.(type) {
			case Str, Bytes, *List, Tuple:
				return seqArith(t, op, y, x)
			}
		}
	}
	return nil, nil
}

// repeatCount checks the count of a sequence repetition; it returns -1
// (and no error) if n is not an int so the caller tries other methods.
func repeatCount(n Value, itemLen int) (int, error) {
	if !isInt(n) {
		if _, ok := n.(*Instance); ok {
			return -1, nil
		}
		return -1, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", TypeName(n))
	}
	b := toBig(n)
	if !b.IsInt64() {
		return -1, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	c := b.Int64()
	if c <= 0 {
		return 0, nil
	}
	if itemLen > 0 && c > int64(MaxSeqLen/itemLen) {
		return -1, NewException(MemoryError)
	}
	return int(c), nil
}

func repeatValues(e []Value, n int) []Value {
	out := make([]Value, 0, len(e)*n)
	for i := 0; i < n; i++ {
		out = append(out, e...)
	}
	return out
}

// Unary applies -x, +x or ~x (op is '-', '+' or '~').
func Unary(t *Thread, op byte, x Value) (Value, error) {
	switch v := x.(type) {
	case Int:
		switch op {
		case '-':
			if v != math.MinInt64 {
				return -v, nil
			}
		case '+':
			return v, nil
		case '~':
			return ^v, nil
		}
		return MakeBigInt(new(big.Int).Neg(toBig(v))), nil
	case Bool:
		return Unary(t, op, Int(b2i(bool(v))))
	case *BigInt:
		switch op {
		case '-':
			return MakeBigInt(new(big.Int).Neg(v.v)), nil
		case '+':
			return v, nil
		case '~':
			return MakeBigInt(new(big.Int).Not(v.v)), nil
		}
	case Float:
		switch op {
		case '-':
			return -v, nil
		case '+':
			return v, nil
		}
	}
	names := map[byte]string{'-': "__neg__", '+': "__pos__", '~': "__invert__"}
	if m := x.Type().Lookup(names[op]); m != nil {
		return CallValue(t, m, []Value{x}, nil)
	}
	return nil, Errorf(TypeError, "bad operand type for unary %c: '%s'", op, TypeName(x))
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// ---- comparison ----

// Equal is x == y as a Go bool.
func Equal(t *Thread, x, y Value) (bool, error) {
	switch a := x.(type) {
	case Int:
		switch b := y.(type) {
		case Int:
			return a == b, nil
		case Float:
			return float64(a) == float64(b), nil
		}
	case Str:
		b, ok := y.(Str)
		if ok {
			return a == b, nil
		}
		if _, ok := y.(*Instance); !ok {
			return false, nil
		}
	}
	r, err := Compare(t, compile.Eq, x, y)
	if err != nil {
		return false, err
	}
	return Truth(t, r)
}

// Compare applies a rich comparison (<, <=, ==, !=, >, >=) and returns its
// result, which a user __eq__ may make any value.
func Compare(t *Thread, op compile.CmpOp, x, y Value) (Value, error) {
	if r, ok, err := builtinCompare(t, op, x, y); ok || err != nil {
		return Bool(r), err
	}
	names := [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}
	swapped := [...]compile.CmpOp{compile.Gt, compile.Ge, compile.Eq, compile.Ne, compile.Lt, compile.Le}
	xt, yt := x.Type(), y.Type()
	try := func(a, b Value, o compile.CmpOp) (Value, bool, error) {
		m := a.Type().Lookup(names[o])
		if m == nil || m == objectRich[o] {
			return nil, false, nil
		}
		r, err := CallValue(t, m, []Value{a, b}, nil)
		if err != nil {
			return nil, true, err
		}
		return r, r != NotImplemented, nil
	}
	if yt != xt && yt.IsSubclass(xt) {
		if r, ok, err := try(y, x, swapped[op]); ok {
			return r, err
		}
	}
	if r, ok, err := try(x, y, op); ok {
		return r, err
	}
	if r, ok, err := try(y, x, swapped[op]); ok {
		return r, err
	}
	if baseOf(x) != nil || baseOf(y) != nil {
		return Compare(t, op, unwrap(x), unwrap(y))
	}
	switch op {
	case compile.Eq:
		return Bool(sameObject(x, y)), nil
	case compile.Ne:
		// != defaults to the inverse of __eq__
		if m := xt.Lookup("__eq__"); m != nil && m != objectRich[compile.Eq] {
			r, err := CallValue(t, m, []Value{x, y}, nil)
			if err != nil {
				return nil, err
			}
			if r != NotImplemented {
				b, err := Truth(t, r)
				return Bool(!b), err
			}
		}
		return Bool(!sameObject(x, y)), nil
	}
	return nil, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'", op.Symbol(), xt.name, yt.name)
}

func cmpResult(op compile.CmpOp, c int) bool {
	switch op {
	case compile.Lt:
		return c < 0
	case compile.Le:
		return c <= 0
	case compile.Eq:
		return c == 0
	case compile.Ne:
		return c != 0
	case compile.Gt:
		return c > 0
	}
	return c >= 0
}

// builtinCompare compares built-in values; ok is false if it does not
// know how.
func builtinCompare(t *Thread, op compile.CmpOp, x, y Value) (bool, bool, error) {
	switch a := x.(type) {
	case Int:
		if b, ok := y.(Int); ok {
			c := 0
			if a < b {
				c = -1
			} else if a > b {
				c = 1
			}
			return cmpResult(op, c), true, nil
		}
	case Str:
		if b, ok := y.(Str); ok {
			return cmpResult(op, strings.Compare(string(a), string(b))), true, nil
		}
	case NoneType:
		if op == compile.Eq || op == compile.Ne {
			if _, isInst := y.(*Instance); !isInst {
				_, isNone := y.(NoneType)
				return isNone == (op == compile.Eq), true, nil
			}
		}
	}
	xn, yn := isNumber(x), isNumber(y)
	if xn && yn {
		c, err := numCompare(x, y)
		if c == 2 { // NaN
			return op == compile.Ne, true, nil
		}
		return cmpResult(op, c), true, err
	}
	switch a := x.(type) {
	case Bytes:
		if b, ok := y.(Bytes); ok {
			return cmpResult(op, strings.Compare(string(a), string(b))), true, nil
		}
	case Tuple:
		if b, ok := y.(Tuple); ok {
			return seqCompare(t, op, a, b)
		}
	case *List:
		if b, ok := y.(*List); ok {
			return seqCompare(t, op, a.Snapshot(), b.Snapshot())
		}
	case *Dict:
		if b, ok := y.(*Dict); ok && (op == compile.Eq || op == compile.Ne) {
			eq, err := dictEqual(t, a, b)
			return eq == (op == compile.Eq), true, err
		}
	case *Set:
		if b, ok := y.(*Set); ok {
			r, err := setCompare(t, op, a, b)
			return r, true, err
		}
	case *Range:
		if b, ok := y.(*Range); ok && (op == compile.Eq || op == compile.Ne) {
			eq := a.Len() == b.Len() && (a.Len() == 0 || a.Start == b.Start && (a.Len() == 1 || a.Step == b.Step))
			return eq == (op == compile.Eq), true, nil
		}
	}
	if op == compile.Eq || op == compile.Ne {
		// a range past int64 against any range
		xb, xok := x.(*bigRange)
		yb, yok := y.(*bigRange)
		if xr, ok := x.(*Range); ok && yok {
			xb, xok = xr.asBig(), true
		}
		if yr, ok := y.(*Range); ok && xok {
			yb, yok = yr.asBig(), true
		}
		if xok && yok {
			return rangeEqual(xb, yb) == (op == compile.Eq), true, nil
		}
	}
	if op == compile.Eq || op == compile.Ne {
		// different built-in types are unequal, unless a user class decides
		_, xi := x.(*Instance)
		_, yi := y.(*Instance)
		_, xe := x.(*Exception)
		_, ye := y.(*Exception)
		if !xi && !yi && !xe && !ye && !x.Type().user && !y.Type().user && x.Type().Lookup("__eq__") == objectRich[compile.Eq] && y.Type().Lookup("__eq__") == objectRich[compile.Eq] {
			return sameObject(x, y) == (op == compile.Eq), true, nil
		}
	}
	return false, false, nil
}

func isNumber(v Value) bool {
	switch v.(type) {
	case Int, Float, Bool, *BigInt:
		return true
	}
	return false
}

// numCompare returns -1, 0, 1, or 2 if a NaN is involved.
func numCompare(x, y Value) (int, error) {
	xf, xIsF := x.(Float)
	yf, yIsF := y.(Float)
	if !xIsF && !yIsF {
		return toBig(x).Cmp(toBig(y)), nil
	}
	if math.IsNaN(float64(xf)) && xIsF || math.IsNaN(float64(yf)) && yIsF {
		return 2, nil
	}
	if xIsF && yIsF {
		switch {
		case xf < yf:
			return -1, nil
		case xf > yf:
			return 1, nil
		}
		return 0, nil
	}
	// exact comparison of an int with a float
	var bf *big.Float
	var other *big.Int
	sign := 1
	if xIsF {
		if math.IsInf(float64(xf), 0) {
			if xf > 0 {
				return 1, nil
			}
			return -1, nil
		}
		bf, other = big.NewFloat(float64(xf)), toBig(y)
	} else {
		if math.IsInf(float64(yf), 0) {
			if yf > 0 {
				return -1, nil
			}
			return 1, nil
		}
		bf, other, sign = big.NewFloat(float64(yf)), toBig(x), -1
	}
	return sign * bf.Cmp(new(big.Float).SetInt(other)), nil
}

func seqCompare(t *Thread, op compile.CmpOp, a, b []Value) (bool, bool, error) {
	done, err := t.nest(" in comparison")
	if err != nil {
		return false, true, err
	}
	defer done()
	if (op == compile.Eq || op == compile.Ne) && len(a) != len(b) {
		return op == compile.Ne, true, nil
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if sameObject(a[i], b[i]) {
			continue
		}
		eq, err := Equal(t, a[i], b[i])
		if err != nil {
			return false, true, err
		}
		if !eq {
			if op == compile.Eq {
				return false, true, nil
			}
			if op == compile.Ne {
				return true, true, nil
			}
			r, err := Compare(t, op, a[i], b[i])
			if err != nil {
				return false, true, err
			}
			tr, err := Truth(t, r)
			return tr, true, err
		}
	}
	c := 0
	if len(a) < len(b) {
		c = -1
	} else if len(a) > len(b) {
		c = 1
	}
	return cmpResult(op, c), true, nil
}

func dictEqual(t *Thread, a, b *Dict) (bool, error) {
	done, err := t.nest(" in comparison")
	if err != nil {
		return false, err
	}
	defer done()
	if a.Len() != b.Len() {
		return false, nil
	}
	for _, kv := range a.Items() {
		v, err := b.Get(t, kv[0])
		if err != nil || v == nil {
			return false, err
		}
		eq, err := Equal(t, kv[1], v)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// ---- hashing ----

const hashModulus = (1 << 61) - 1

// rangeHash hashes a range by the ints it yields, so that equal ranges
// (range(0), range(5, 5)) hash alike: the hash of (length, start, step),
// with start and step left out (None) where they do not change the
// ints.
func rangeHash(t *Thread, r *bigRange) (int64, error) {
	key := Tuple{MakeBigInt(r.n), None, None}
	if r.n.Sign() != 0 {
		key[1] = MakeBigInt(r.start)
		if r.n.Cmp(bigOne) != 0 {
			key[2] = MakeBigInt(r.step)
		}
	}
	return tupleHash(t, key)
}

// Hash is hash(v). Numbers hash as in CPython (equal numbers hash equal,
// small ints hash to themselves), so sets of numbers iterate in CPython's
// order.
func Hash(t *Thread, v Value) (int64, error) {
	switch x := v.(type) {
	case Int:
		return intHash(int64(x)), nil
	case Str:
		return strHash(string(x)), nil
	case Bool:
		return b2i(bool(x)), nil
	case Float:
		return floatHash(float64(x)), nil
	case *BigInt:
		m := new(big.Int).Mod(new(big.Int).Abs(x.v), big.NewInt(hashModulus)).Int64()
		if x.v.Sign() < 0 {
			m = -m
		}
		if m == -1 {
			m = -2
		}
		return m, nil
	case Tuple:
		return tupleHash(t, x)
	case *Range:
		return rangeHash(t, x.asBig())
	case *bigRange:
		return rangeHash(t, x)
	case NoneType:
		return 0xFCA86420, nil
	case Bytes:
		return strHash(string(x)), nil
	case *Type:
		return t.interp.objectID(v) >> 4, nil
	case *Instance:
		if m := x.class.Lookup("__hash__"); m != nil && m != objectHash {
			if m == None {
				return 0, Errorf(TypeError, "unhashable type: '%s'", x.class.name)
			}
			r, err := CallValue(t, m, []Value{v}, nil)
			if err != nil {
				return 0, err
			}
			if !isInt(r) {
				return 0, Errorf(TypeError, "__hash__ method should return an integer")
			}
			return Hash(t, r)
		}
		if x.base != nil && x.class.Lookup("__hash__") == objectHash {
			return Hash(t, x.base)
		}
		if x.class.Lookup("__eq__") != objectRich[compile.Eq] && x.class.dict.GetStr("__hash__") == nil {
			// a class that defines __eq__ but not __hash__ is unhashable
			if x.class.dict.GetStr("__eq__") != nil {
				return 0, Errorf(TypeError, "unhashable type: '%s'", x.class.name)
			}
		}
		return t.interp.objectID(v) >> 4, nil
	case Hasher:
		return x.Hash(t)
	case *List, *Dict, *Set:
		return 0, Errorf(TypeError, "unhashable type: '%s'", TypeName(v))
	}
	if m := v.Type().Lookup("__hash__"); m != nil && m != objectHash {
		if m == None {
			return 0, Errorf(TypeError, "unhashable type: '%s'", TypeName(v))
		}
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return 0, err
		}
		return Hash(t, r)
	}
	return t.interp.objectID(v) >> 4, nil
}

func intHash(n int64) int64 {
	var h int64
	if n >= 0 {
		h = int64(uint64(n) % hashModulus)
	} else {
		h = -int64(uint64(-n) % hashModulus)
	}
	if h == -1 {
		h = -2
	}
	return h
}

// floatHash follows the documented hashing of numeric types: the
// float's exact rational value reduced modulo 2**61-1.
func floatHash(f float64) int64 {
	switch {
	case math.IsInf(f, 1):
		return 314159
	case math.IsInf(f, -1):
		return -314159
	case math.IsNaN(f):
		return 0
	}
	if f == math.Trunc(f) && math.Abs(f) < 1<<63 {
		return intHash(int64(f))
	}
	m, e := math.Frexp(math.Abs(f))
	// m in [0.5, 1): take 28 bits at a time
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	h := int64(x)
	if f < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

func strHash(s string) int64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	r := int64(h >> 1)
	if r == -1 {
		r = -2
	}
	return r
}

func tupleHash(t *Thread, x Tuple) (int64, error) {
	const (
		p1 = 11400714785074694791
		p2 = 14029467366897019727
		p5 = 2870177450012600261
	)
	acc := uint64(p5)
	for _, e := range x {
		h, err := Hash(t, e)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * p2
		acc = acc<<31 | acc>>33
		acc *= p1
	}
	acc += uint64(len(x)) ^ (p5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// ---- length, containment ----

// Len is len(v).
func Len(t *Thread, v Value) (int, error) {
	switch x := v.(type) {
	case Str:
		return utf8.RuneCountInString(string(x)), nil
	case Sized:
		return x.Len(), nil
	case *bigRange:
		return x.length()
	}
	if m := v.Type().Lookup("__len__"); m != nil {
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return 0, err
		}
		n, ok := r.(Int)
		if !ok {
			return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(r))
		}
		if n < 0 {
			return 0, Errorf(ValueError, "__len__() should return >= 0")
		}
		return int(n), nil
	}
	if b := baseOf(v); b != nil {
		return Len(t, b)
	}
	return 0, Errorf(TypeError, "object of type '%s' has no len()", TypeName(v))
}

// Contains is `v in c`.
func Contains(t *Thread, c, v Value) (bool, error) {
	switch x := c.(type) {
	case Str:
		s, ok := v.(Str)
		if !ok {
			return false, Errorf(TypeError, "'in <string>' requires string as left operand, not %s", TypeName(v))
		}
		return strings.Contains(string(x), string(s)), nil
	case *Dict:
		r, err := x.Get(t, v)
		return r != nil, err
	case *Set:
		return x.Has(t, v)
	case *List:
		for i := 0; ; i++ {
			e, ok := x.Index(i)
			if !ok {
				return false, nil
			}
			if sameObject(e, v) {
				return true, nil
			}
			eq, err := Equal(t, e, v)
			if err != nil || eq {
				return eq, err
			}
		}
	case Tuple:
		for _, e := range x {
			if sameObject(e, v) {
				return true, nil
			}
			eq, err := Equal(t, e, v)
			if err != nil || eq {
				return eq, err
			}
		}
		return false, nil
	case *Range:
		if b, ok := v.(Bool); ok {
			v = Int(b2i(bool(b)))
		}
		n, ok := v.(Int)
		if !ok {
			// not an int: compared with each item, as CPython does
			return iterContains(t, c, v)
		}
		i := int64(n)
		if x.Step > 0 && (i < x.Start || i >= x.Stop) || x.Step < 0 && (i > x.Start || i <= x.Stop) {
			return false, nil
		}
		return (i-x.Start)%x.Step == 0, nil
	case Container:
		return x.Contains(t, v)
	}
	if m := c.Type().Lookup("__contains__"); m != nil {
		r, err := CallValue(t, m, []Value{c, v}, nil)
		if err != nil {
			return false, err
		}
		return Truth(t, r)
	}
	if b := baseOf(c); b != nil {
		return Contains(t, b, v)
	}
	if _, ok := c.(Iterable); !ok && c.Type().Lookup("__iter__") == nil {
		return false, Errorf(TypeError, "argument of type '%s' is not iterable", TypeName(c))
	}
	return iterContains(t, c, v)
}

// iterContains is `v in c` by iterating over c and comparing each item.
func iterContains(t *Thread, c, v Value) (bool, error) {
	it, err := Iterate(t, c)
	if err != nil {
		return false, err
	}
	for {
		e, err := it.Next(t)
		if err != nil || e == nil {
			return false, err
		}
		eq, err := Equal(t, e, v)
		if err != nil || eq {
			return eq, err
		}
	}
}
