package python

// The methods of range (count, index) and slice (indices).

func init() {
	RangeType.AddMethod("count", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("range.count", args, kw); err != nil {
			return nil, err
		}
		if _, ok := rangeFind(args[0], args[1]); ok {
			return Int(1), nil
		}
		return Int(0), nil
	})
	RangeType.AddMethod("index", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("range.index", args, kw); err != nil {
			return nil, err
		}
		if i, ok := rangeFind(args[0], args[1]); ok {
			return i, nil
		}
		r, err := Repr(t, args[1])
		if err != nil {
			return nil, err
		}
		return nil, Errorf(ValueError, "%s is not in range", r)
	})
	SliceType.AddMethod("indices", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("slice.indices", args, kw); err != nil {
			return nil, err
		}
		n, err := AsIndex(args[1])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, Errorf(ValueError, "length should not be negative")
		}
		start, stop, step, _, err := SliceIndices(args[0].(*Slice), n)
		if err != nil {
			return nil, err
		}
		return Tuple{Int(start), Int(stop), Int(step)}, nil
	})
}

// rangeFind is the position of v in r, a *Range or *bigRange.
func rangeFind(r, v Value) (Value, bool) {
	if b, ok := r.(*bigRange); ok {
		i, ok := b.index(v)
		if !ok {
			return nil, false
		}
		return MakeBigInt(i), true
	}
	i, ok := rangeIndex(r.(*Range), v)
	return Int(i), ok
}

// rangeIndex is the position of v in r, if v is an int that r yields.
func rangeIndex(r *Range, v Value) (int64, bool) {
	var x int64
	switch i := v.(type) {
	case Int:
		x = int64(i)
	case Bool:
		x = b2i(bool(i))
	default:
		return 0, false
	}
	if (r.Step > 0 && (x < r.Start || x >= r.Stop)) || (r.Step < 0 && (x > r.Start || x <= r.Stop)) {
		return 0, false
	}
	if (x-r.Start)%r.Step != 0 {
		return 0, false
	}
	return (x - r.Start) / r.Step, true
}
