package python

import "math/big"

// bigRange is a range whose bounds or length do not fit in an int64
// (range(10**20)): the type of Range, with big.Int arithmetic. Indexing,
// `in`, count, index, iteration and repr work; len() past sys.maxsize is
// CPython's OverflowError.
type bigRange struct{ start, stop, step, n *big.Int }

var bigOne = big.NewInt(1)

// newRange is range(start, stop, step) (step != 0): a *Range when it fits
// in int64, else a *bigRange.
func newRange(start, stop, step *big.Int) Value {
	d := new(big.Int).Sub(stop, start)
	// Range's own arithmetic needs stop-start in an int64 too
	fits := start.IsInt64() && stop.IsInt64() && step.IsInt64() && d.IsInt64()
	n := new(big.Int)
	if s := step.Sign(); s > 0 && d.Sign() > 0 || s < 0 && d.Sign() < 0 {
		// ceil(d / step) for d and step of the same sign
		d.Sub(d, big.NewInt(int64(s)))
		n.Quo(d, step)
		n.Add(n, bigOne)
	}
	if fits {
		return &Range{start.Int64(), stop.Int64(), step.Int64()}
	}
	return &bigRange{start, stop, step, n}
}

func (*bigRange) Type() *Type { return RangeType }

// length is len(r), an OverflowError when it passes sys.maxsize.
func (r *bigRange) length() (int, error) {
	if !r.n.IsInt64() {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(r.n.Int64()), nil
}

// at is r[i] for 0 <= i < len(r).
func (r *bigRange) at(i *big.Int) Value {
	v := new(big.Int).Mul(i, r.step)
	return MakeBigInt(v.Add(v, r.start))
}

// index is the position of v in r, if v is an int that r yields.
func (r *bigRange) index(v Value) (*big.Int, bool) {
	if !isInt(v) {
		return nil, false
	}
	d := new(big.Int).Sub(toBig(v), r.start)
	q, m := new(big.Int).QuoRem(d, r.step, new(big.Int))
	if m.Sign() != 0 || q.Sign() < 0 || q.Cmp(r.n) >= 0 {
		return nil, false
	}
	return q, true
}

func (r *bigRange) Contains(t *Thread, v Value) (bool, error) {
	_, ok := r.index(v)
	return ok, nil
}

func (r *bigRange) GetItem(t *Thread, key Value) (Value, error) {
	if s, ok := key.(*Slice); ok {
		return r.slice(s)
	}
	if !isInt(key) {
		return nil, Errorf(TypeError, "range indices must be integers, not %s", TypeName(key))
	}
	i := new(big.Int).Set(toBig(key))
	if i.Sign() < 0 {
		i.Add(i, r.n)
	}
	if i.Sign() < 0 || i.Cmp(r.n) >= 0 {
		return nil, Errorf(IndexError, "range object index out of range")
	}
	return r.at(i), nil
}

// slice is r[s], computed on the big bounds as slice.indices does.
func (r *bigRange) slice(s *Slice) (Value, error) {
	step := bigOne
	if s.Step != None {
		if !isInt(s.Step) {
			return nil, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		if step = toBig(s.Step); step.Sign() == 0 {
			return nil, Errorf(ValueError, "slice step cannot be zero")
		}
	}
	back := step.Sign() < 0
	// clamp maps a bound onto [0, n] (forward) or [-1, n-1] (backward)
	clamp := func(v Value, dflt *big.Int) (*big.Int, error) {
		if v == None {
			return dflt, nil
		}
		if !isInt(v) {
			return nil, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		i := new(big.Int).Set(toBig(v))
		if i.Sign() < 0 {
			i.Add(i, r.n)
			if i.Sign() < 0 {
				if back {
					return big.NewInt(-1), nil
				}
				return big.NewInt(0), nil
			}
		} else if i.Cmp(r.n) >= 0 {
			if back {
				return new(big.Int).Sub(r.n, bigOne), nil
			}
			return r.n, nil
		}
		return i, nil
	}
	first, last := big.NewInt(0), r.n
	if back {
		first, last = new(big.Int).Sub(r.n, bigOne), big.NewInt(-1)
	}
	lo, err := clamp(s.Start, first)
	if err != nil {
		return nil, err
	}
	hi, err := clamp(s.Stop, last)
	if err != nil {
		return nil, err
	}
	at := func(i *big.Int) *big.Int {
		v := new(big.Int).Mul(i, r.step)
		return v.Add(v, r.start)
	}
	return newRange(at(lo), at(hi), new(big.Int).Mul(r.step, step)), nil
}

// reversed is reversed(r).
func (r *bigRange) reversed() Iterator {
	last := new(big.Int).Sub(r.n, bigOne)
	if r.n.Sign() == 0 {
		last.SetInt64(0)
	}
	return &bigRangeIter{next: new(big.Int).Set(toBig(r.at(last))), step: new(big.Int).Neg(r.step), left: new(big.Int).Set(r.n)}
}

// asBig is r as a bigRange, for comparing a Range with one.
func (r *Range) asBig() *bigRange {
	return &bigRange{big.NewInt(r.Start), big.NewInt(r.Stop), big.NewInt(r.Step), big.NewInt(int64(r.Len()))}
}

// rangeEqual is r == s for ranges of which one at least is a bigRange:
// the same ints in the same order.
func rangeEqual(r, s *bigRange) bool {
	if r.n.Cmp(s.n) != 0 {
		return false
	}
	return r.n.Sign() == 0 || r.start.Cmp(s.start) == 0 && (r.n.Cmp(bigOne) == 0 || r.step.Cmp(s.step) == 0)
}

func (r *bigRange) Iter(t *Thread) (Iterator, error) {
	return &bigRangeIter{next: new(big.Int).Set(r.start), step: r.step, left: new(big.Int).Set(r.n)}, nil
}

func (r *bigRange) Repr(t *Thread) (string, error) {
	s := "range(" + r.start.String() + ", " + r.stop.String()
	if r.step.Cmp(bigOne) != 0 {
		s += ", " + r.step.String()
	}
	return s + ")", nil
}

func (r *bigRange) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "start":
		return MakeBigInt(r.start), nil
	case "stop":
		return MakeBigInt(r.stop), nil
	case "step":
		return MakeBigInt(r.step), nil
	}
	return nil, nil
}

type bigRangeIter struct{ next, step, left *big.Int }

func (*bigRangeIter) Type() *Type { return LongRangeIterType }

func (it *bigRangeIter) Next(t *Thread) (Value, error) {
	if it.left.Sign() <= 0 {
		return nil, nil
	}
	if err := t.tick(); err != nil {
		return nil, err
	}
	v := MakeBigInt(new(big.Int).Set(it.next))
	it.next.Add(it.next, it.step)
	it.left.Sub(it.left, bigOne)
	return v, nil
}
