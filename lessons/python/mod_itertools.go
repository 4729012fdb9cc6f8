package python

import "strconv"

// The itertools module. Each iterator is a goIter of its own type.

func itertoolsType(name string) *Type { return NewType(name, nil).SetModule("itertools") }

// The itertools iterator types.
var (
	CountType        = itertoolsType("count")
	CycleType        = itertoolsType("cycle")
	RepeatType       = itertoolsType("repeat")
	ChainType        = itertoolsType("chain")
	ISliceType       = itertoolsType("islice")
	ProductType      = itertoolsType("product")
	PermutationsType = itertoolsType("permutations")
	CombinationsType = itertoolsType("combinations")
	CombWithReplType = itertoolsType("combinations_with_replacement")
	AccumulateType   = itertoolsType("accumulate")
	ZipLongestType   = itertoolsType("zip_longest")
	TakewhileType    = itertoolsType("takewhile")
	DropwhileType    = itertoolsType("dropwhile")
	StarmapType      = itertoolsType("starmap")
	GroupbyType      = itertoolsType("groupby")
	GrouperType      = itertoolsType("_grouper")
	PairwiseType     = itertoolsType("pairwise")
	CompressType     = itertoolsType("compress")
	FilterfalseType  = itertoolsType("filterfalse")
)

// countIter and repeatIter have reprs of their own.
type countIter struct {
	cur, step Value
	guard     iterGuard
}

func (*countIter) Type() *Type { return CountType }

func (c *countIter) Next(t *Thread) (Value, error) {
	if err := t.tick(); err != nil {
		return nil, err
	}
	if err := c.guard.acquire(t, "count"); err != nil {
		return nil, err
	}
	v := c.cur
	n, err := Binary(t, opAdd, c.cur, c.step)
	if err == nil {
		c.cur = n
	}
	c.guard.release(t)
	if err != nil {
		return nil, err
	}
	return v, nil
}

func (c *countIter) Repr(t *Thread) (string, error) {
	if err := c.guard.acquire(t, "count"); err != nil {
		return "", err
	}
	cur := c.cur
	c.guard.release(t)
	s, err := Repr(t, cur)
	if err != nil {
		return "", err
	}
	if st, ok := c.step.(Int); ok && st == 1 {
		return "count(" + s + ")", nil
	}
	st, err := Repr(t, c.step)
	return "count(" + s + ", " + st + ")", err
}

type repeatIter struct {
	v     Value
	left  int // -1: forever
	guard iterGuard
}

func (*repeatIter) Type() *Type { return RepeatType }

func (r *repeatIter) Next(t *Thread) (Value, error) {
	if err := t.tick(); err != nil {
		return nil, err
	}
	if err := r.guard.acquire(t, "repeat"); err != nil {
		return nil, err
	}
	var v Value
	if r.left != 0 {
		if r.left > 0 {
			r.left--
		}
		v = r.v
	}
	r.guard.release(t)
	return v, nil
}

func (r *repeatIter) Repr(t *Thread) (string, error) {
	s, err := Repr(t, r.v)
	if err != nil || r.left < 0 {
		return "repeat(" + s + ")", err
	}
	return "repeat(" + s + ", " + strconv.Itoa(r.left) + ")", nil
}

func init() {
	all := []*Type{CountType, CycleType, RepeatType, ChainType, ISliceType, ProductType, PermutationsType,
		CombinationsType, CombWithReplType, AccumulateType, ZipLongestType, TakewhileType, DropwhileType,
		StarmapType, GroupbyType, GrouperType, PairwiseType, CompressType, FilterfalseType}
	addIterMethods(all...)
	CountType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		var start, step Value
		if err := UnpackArgs("count", args, kw, []string{"start?", "step?"}, &start, &step); err != nil {
			return nil, err
		}
		c := &countIter{cur: Int(0), step: Int(1)}
		for _, v := range []Value{start, step} {
			if v != nil && !isNumber(v) {
				return nil, Errorf(TypeError, "a number is required")
			}
		}
		if start != nil {
			c.cur = start
		}
		if step != nil {
			c.step = step
		}
		return c, nil
	})
	CycleType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("cycle", args, kw); err != nil {
			return nil, err
		}
		src, err := Iterate(t, args[0])
		if err != nil {
			return nil, err
		}
		var saved []Value
		i, exhausted := 0, false
		return &goIter{typ: CycleType, next: func(t *Thread) (Value, error) {
			if !exhausted {
				v, err := src.Next(t)
				if err != nil {
					return nil, err
				}
				if v != nil {
					saved = append(saved, v)
					return v, nil
				}
				exhausted = true
			}
			if len(saved) == 0 {
				return nil, nil
			}
			v := saved[i%len(saved)]
			i++
			return v, nil
		}}, nil
	})
	RepeatType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		var obj, times Value
		if err := UnpackArgs("repeat", args, kw, []string{"object", "times?"}, &obj, &times); err != nil {
			return nil, err
		}
		r := &repeatIter{v: obj, left: -1}
		if times != nil {
			n, err := AsIndex(times)
			if err != nil {
				return nil, err
			}
			r.left = max(n, 0)
		}
		return r, nil
	})
	ChainType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("chain", kw); err != nil {
			return nil, err
		}
		return chainOf(t, &tupleIter{tup: append(Tuple(nil), args...)}), nil
	})
	ChainType.AddClassMethod("from_iterable", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("from_iterable", args, kw, 1, 1); err != nil {
			return nil, err
		}
		outer, err := Iterate(t, args[1])
		if err != nil {
			return nil, err
		}
		return chainOf(t, outer), nil
	})
	ISliceType.SetCtor(islice)
	ProductType.SetCtor(product)
	PermutationsType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		return combinatoric(t, args, kw, "permutations")
	})
	CombinationsType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		return combinatoric(t, args, kw, "combinations")
	})
	CombWithReplType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		return combinatoric(t, args, kw, "combinations_with_replacement")
	})
	AccumulateType.SetCtor(accumulate)
	ZipLongestType.SetCtor(zipLongest)
	TakewhileType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		return whileIter(t, args, kw, "takewhile")
	})
	DropwhileType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		return whileIter(t, args, kw, "dropwhile")
	})
	StarmapType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("starmap", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("starmap", args, 2, 2); err != nil {
			return nil, err
		}
		fn := args[0]
		src, err := Iterate(t, args[1])
		if err != nil {
			return nil, err
		}
		return &goIter{typ: StarmapType, guard: iterGuard{reentrant: true}, next: func(t *Thread) (Value, error) {
			v, err := src.Next(t)
			if v == nil || err != nil {
				return nil, err
			}
			a, err := Collect(t, v)
			if err != nil {
				return nil, err
			}
			return CallValue(t, fn, a, nil)
		}}, nil
	})
	GroupbyType.SetCtor(groupby)
	PairwiseType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("pairwise", args, kw); err != nil {
			return nil, err
		}
		src, err := Iterate(t, args[0])
		if err != nil {
			return nil, err
		}
		var prev Value
		return &goIter{typ: PairwiseType, next: func(t *Thread) (Value, error) {
			if prev == nil {
				v, err := src.Next(t)
				if v == nil || err != nil {
					return nil, err
				}
				prev = v
			}
			v, err := src.Next(t)
			if v == nil || err != nil {
				return nil, err
			}
			p := Tuple{prev, v}
			prev = v
			return p, nil
		}}, nil
	})
	CompressType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		var data, sel Value
		if err := UnpackArgs("compress", args, kw, []string{"data", "selectors"}, &data, &sel); err != nil {
			return nil, err
		}
		d, err := Iterate(t, data)
		if err != nil {
			return nil, err
		}
		s, err := Iterate(t, sel)
		if err != nil {
			return nil, err
		}
		return &goIter{typ: CompressType, next: func(t *Thread) (Value, error) {
			for {
				v, err := d.Next(t)
				if v == nil || err != nil {
					return nil, err
				}
				c, err := s.Next(t)
				if c == nil || err != nil {
					return nil, err
				}
				ok, err := Truth(t, c)
				if err != nil {
					return nil, err
				}
				if ok {
					return v, nil
				}
			}
		}}, nil
	})
	FilterfalseType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		return filterIter(t, FilterfalseType, "filterfalse", args, kw, false)
	})
	RegisterModule(ModuleDef{Name: "itertools", Doc: "Iterator building blocks (threadlab).", Init: func(t *Thread, m *Module) error {
		for _, c := range all {
			if c != GrouperType {
				m.Set(c.Name(), c)
			}
		}
		return nil
	}})
}

// chainOf yields the items of each iterable that outer yields.
func chainOf(t *Thread, outer Iterator) Value {
	var cur Iterator
	return &goIter{typ: ChainType, next: func(t *Thread) (Value, error) {
		for {
			if cur == nil {
				it, err := outer.Next(t)
				if it == nil || err != nil {
					return nil, err
				}
				if cur, err = Iterate(t, it); err != nil {
					return nil, err
				}
			}
			v, err := cur.Next(t)
			if err != nil {
				return nil, err
			}
			if v != nil {
				return v, nil
			}
			cur = nil
		}
	}}
}

func islice(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
	if err := NoKwargs("islice", kw); err != nil {
		return nil, err
	}
	if err := ArgCount("islice", args, 2, 4); err != nil {
		return nil, err
	}
	src, err := Iterate(t, args[0])
	if err != nil {
		return nil, err
	}
	start, stop, step := 0, -1, 1
	bound := func(v Value, what string, min int) (int, error) {
		if v == None {
			return -1, nil
		}
		n, err := AsIndex(v)
		if err != nil || n < min {
			if what == "step" {
				return 0, Errorf(ValueError, "Step for islice() must be a positive integer or None.")
			}
			return 0, Errorf(ValueError, "%s argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.", what)
		}
		return n, nil
	}
	if len(args) == 2 {
		if stop, err = bound(args[1], "Stop", 0); err != nil {
			return nil, err
		}
	} else {
		if start, err = bound(args[1], "Indices", 0); err != nil {
			return nil, err
		}
		if start < 0 {
			start = 0
		}
		if stop, err = bound(args[2], "Stop", 0); err != nil {
			return nil, err
		}
		if len(args) == 4 {
			if step, err = bound(args[3], "step", 1); err != nil {
				return nil, err
			}
			if step < 0 {
				step = 1
			}
		}
	}
	i, next := 0, start
	return &goIter{typ: ISliceType, next: func(t *Thread) (Value, error) {
		for {
			if stop >= 0 && next >= stop {
				return nil, nil
			}
			v, err := src.Next(t)
			if v == nil || err != nil {
				return nil, err
			}
			idx := i
			i++
			if idx == next {
				next += step
				return v, nil
			}
		}
	}}, nil
}

func product(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
	opts, err := keywordArgs("product", kw, "repeat")
	if err != nil {
		return nil, err
	}
	rep := 1
	if r := opts["repeat"]; r != nil {
		if rep, err = AsIndex(r); err != nil {
			return nil, err
		}
		if rep < 0 {
			return nil, Errorf(ValueError, "repeat argument cannot be negative")
		}
	}
	var pools [][]Value
	for _, a := range args {
		items, err := Collect(t, a)
		if err != nil {
			return nil, err
		}
		pools = append(pools, items)
	}
	var all [][]Value
	for i := 0; i < rep; i++ {
		all = append(all, pools...)
	}
	idx := make([]int, len(all))
	first, done := true, false
	for _, p := range all {
		if len(p) == 0 {
			done = true
		}
	}
	return &goIter{typ: ProductType, next: func(t *Thread) (Value, error) {
		if done {
			return nil, nil
		}
		if !first {
			// Advance the rightmost index that can move, like an odometer.
			k := len(idx) - 1
			for ; k >= 0; k-- {
				idx[k]++
				if idx[k] < len(all[k]) {
					break
				}
				idx[k] = 0
			}
			if k < 0 {
				done = true
				return nil, nil
			}
		}
		first = false
		out := make(Tuple, len(idx))
		for k, j := range idx {
			out[k] = all[k][j]
		}
		return out, nil
	}}, nil
}

// combinatoric is permutations, combinations and
// combinations_with_replacement, in lexicographic order of positions.
func combinatoric(t *Thread, args []Value, kw []Kwarg, name string) (Value, error) {
	var it, rv Value
	params := []string{"iterable", "r?"}
	if name != "permutations" {
		params[1] = "r"
	}
	if err := UnpackArgs(name, args, kw, params, &it, &rv); err != nil {
		return nil, err
	}
	pool, err := Collect(t, it)
	if err != nil {
		return nil, err
	}
	n, r := len(pool), len(pool)
	if rv != nil && rv != None {
		if r, err = AsIndex(rv); err != nil {
			return nil, err
		}
		if r < 0 {
			return nil, Errorf(ValueError, "r must be non-negative")
		}
	}
	typ := map[string]*Type{"permutations": PermutationsType, "combinations": CombinationsType,
		"combinations_with_replacement": CombWithReplType}[name]
	var idx []int
	first := true
	done := false
	switch name {
	case "permutations", "combinations":
		done = r > n
	default:
		done = n == 0 && r > 0
	}
	used := make([]bool, n)
	tuple := func() Tuple {
		out := make(Tuple, len(idx))
		for k, j := range idx {
			out[k] = pool[j]
		}
		return out
	}
	// nextPerm advances idx to the next r-permutation of n positions in
	// lexicographic order.
	nextPerm := func() bool {
		for k := r - 1; k >= 0; k-- {
			used[idx[k]] = false
			for j := idx[k] + 1; j < n; j++ {
				if !used[j] {
					idx[k] = j
					used[j] = true
					// Fill the rest with the smallest unused positions.
					m := k + 1
					for q := 0; q < n && m < r; q++ {
						if !used[q] {
							idx[m] = q
							used[q] = true
							m++
						}
					}
					return true
				}
			}
		}
		return false
	}
	return &goIter{typ: typ, next: func(t *Thread) (Value, error) {
		if done {
			return nil, nil
		}
		if first {
			first = false
			idx = make([]int, r)
			for k := range idx {
				switch name {
				case "combinations_with_replacement":
					idx[k] = 0
				default:
					idx[k] = k
					if name == "permutations" {
						used[k] = true
					}
				}
			}
			return tuple(), nil
		}
		switch name {
		case "permutations":
			if !nextPerm() {
				done = true
				return nil, nil
			}
		case "combinations":
			k := r - 1
			for k >= 0 && idx[k] == k+n-r {
				k--
			}
			if k < 0 {
				done = true
				return nil, nil
			}
			idx[k]++
			for j := k + 1; j < r; j++ {
				idx[j] = idx[j-1] + 1
			}
		default:
			k := r - 1
			for k >= 0 && idx[k] == n-1 {
				k--
			}
			if k < 0 {
				done = true
				return nil, nil
			}
			v := idx[k] + 1
			for j := k; j < r; j++ {
				idx[j] = v
			}
		}
		return tuple(), nil
	}}, nil
}

func accumulate(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
	var it, fn, initial Value
	if err := UnpackArgs("accumulate", args, kw, []string{"iterable", "func?", "*initial?"}, &it, &fn, &initial); err != nil {
		return nil, err
	}
	src, err := Iterate(t, it)
	if err != nil {
		return nil, err
	}
	acc := initial
	if acc == None {
		acc = nil
	}
	pending := acc != nil
	return &goIter{typ: AccumulateType, next: func(t *Thread) (Value, error) {
		if pending {
			pending = false
			return acc, nil
		}
		v, err := src.Next(t)
		if v == nil || err != nil {
			return nil, err
		}
		switch {
		case acc == nil:
			acc = v
		case fn == nil || fn == None:
			if acc, err = Binary(t, opAdd, acc, v); err != nil {
				return nil, err
			}
		default:
			if acc, err = CallValue(t, fn, []Value{acc, v}, nil); err != nil {
				return nil, err
			}
		}
		return acc, nil
	}}, nil
}

func zipLongest(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
	opts, err := keywordArgs("zip_longest", kw, "fillvalue")
	if err != nil {
		return nil, err
	}
	fill := opts["fillvalue"]
	if fill == nil {
		fill = None
	}
	srcs := make([]Iterator, len(args))
	for i, a := range args {
		if srcs[i], err = Iterate(t, a); err != nil {
			return nil, err
		}
	}
	active := len(srcs)
	return &goIter{typ: ZipLongestType, next: func(t *Thread) (Value, error) {
		if active == 0 {
			return nil, nil
		}
		out := make(Tuple, len(srcs))
		for i, s := range srcs {
			if s == nil {
				out[i] = fill
				continue
			}
			v, err := s.Next(t)
			if err != nil {
				return nil, err
			}
			if v == nil {
				srcs[i] = nil
				active--
				if active == 0 {
					return nil, nil
				}
				v = fill
			}
			out[i] = v
		}
		return out, nil
	}}, nil
}

func whileIter(t *Thread, args []Value, kw []Kwarg, name string) (Value, error) {
	if err := NoKwargs(name, kw); err != nil {
		return nil, err
	}
	if err := ArgCount(name, args, 2, 2); err != nil {
		return nil, err
	}
	pred := args[0]
	src, err := Iterate(t, args[1])
	if err != nil {
		return nil, err
	}
	stopped := false
	typ := TakewhileType
	if name == "dropwhile" {
		typ = DropwhileType
	}
	return &goIter{typ: typ, next: func(t *Thread) (Value, error) {
		for {
			v, err := src.Next(t)
			if v == nil || err != nil {
				return nil, err
			}
			if stopped {
				return v, nil
			}
			r, err := CallValue(t, pred, []Value{v}, nil)
			if err != nil {
				return nil, err
			}
			ok, err := Truth(t, r)
			if err != nil {
				return nil, err
			}
			if name == "takewhile" {
				if !ok {
					stopped = true
					return nil, nil
				}
				return v, nil
			}
			if !ok {
				stopped = true
				return v, nil
			}
		}
	}}, nil
}

// groupby yields (key, group) pairs; a group iterator shares the source
// and ends where the key changes, as in CPython.
func groupby(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
	var it, keyfn Value
	if err := UnpackArgs("groupby", args, kw, []string{"iterable", "key?"}, &it, &keyfn); err != nil {
		return nil, err
	}
	src, err := Iterate(t, it)
	if err != nil {
		return nil, err
	}
	var curVal, curKey, tgtKey Value
	exhausted := false
	keyOf := func(v Value) (Value, error) {
		if keyfn == nil || keyfn == None {
			return v, nil
		}
		return CallValue(t, keyfn, []Value{v}, nil)
	}
	step := func(t *Thread) error {
		v, err := src.Next(t)
		if err != nil {
			return err
		}
		if v == nil {
			exhausted = true
			return nil
		}
		k, err := keyOf(v)
		if err != nil {
			return err
		}
		curVal, curKey = v, k
		return nil
	}
	var gen int // bumps each time a new group starts, ending older groups
	return &goIter{typ: GroupbyType, next: func(t *Thread) (Value, error) {
		// Skip to the first item whose key differs from the last group's.
		for {
			if curKey == nil && !exhausted {
				if err := step(t); err != nil {
					return nil, err
				}
			}
			if exhausted {
				return nil, nil
			}
			if tgtKey == nil {
				break
			}
			eq, err := Equal(t, curKey, tgtKey)
			if err != nil {
				return nil, err
			}
			if !eq {
				break
			}
			if err := step(t); err != nil {
				return nil, err
			}
		}
		tgtKey = curKey
		gen++
		myGen, key := gen, curKey
		group := &goIter{typ: GrouperType, next: func(t *Thread) (Value, error) {
			if myGen != gen || exhausted {
				return nil, nil
			}
			if curKey == nil {
				if err := step(t); err != nil || exhausted {
					return nil, err
				}
			}
			eq, err := Equal(t, curKey, key)
			if err != nil || !eq {
				return nil, err
			}
			v := curVal
			curKey = nil
			return v, nil
		}}
		return Tuple{key, group}, nil
	}}, nil
}
