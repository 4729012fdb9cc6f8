package python

import "threadlab/lessons/python/internal/compile"

// The methods of set and frozenset.

// setOf returns v as a *Set: itself if it is one, else a new set of its
// items.
func setOf(t *Thread, v Value) (*Set, error) {
	if s, ok := v.(*Set); ok {
		return s, nil
	}
	items, err := Collect(t, v)
	if err != nil {
		return nil, err
	}
	s := NewSet(false)
	for _, x := range items {
		if err := s.Add(t, x); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func init() {
	both := func(name string, fn NativeFunc) {
		SetType.AddMethod(name, fn)
		FrozenSetType.AddMethod(name, fn)
	}
	// union, intersection, difference take any number of iterables.
	for name, op := range map[string]binop{"union": opOr, "intersection": opAnd, "difference": opSub} {
		name, op := name, op
		both(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := NoKwargs(name, kw); err != nil {
				return nil, err
			}
			acc := args[0].(*Set).Copy()
			acc.frozen = args[0].(*Set).frozen
			var r Value = acc
			for _, o := range args[1:] {
				b, err := setOf(t, o)
				if err != nil {
					return nil, err
				}
				if r, err = setOp(t, op, r.(*Set), b); err != nil {
					return nil, err
				}
			}
			return r, nil
		})
	}
	both("symmetric_difference", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("symmetric_difference", args, kw); err != nil {
			return nil, err
		}
		b, err := setOf(t, args[1])
		if err != nil {
			return nil, err
		}
		return setOp(t, opXor, args[0].(*Set), b)
	})
	both("copy", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0(TypeName(args[0])+".copy", args, kw); err != nil {
			return nil, err
		}
		s := args[0].(*Set)
		if s.frozen {
			return s, nil
		}
		return s.Copy(), nil
	})
	both("issubset", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return setRelation(t, args, kw, "issubset", func(a, b *Set) (bool, error) { return setCompare(t, compile.Le, a, b) })
	})
	both("issuperset", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return setRelation(t, args, kw, "issuperset", func(a, b *Set) (bool, error) { return setCompare(t, compile.Ge, a, b) })
	})
	both("isdisjoint", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return setRelation(t, args, kw, "isdisjoint", func(a, b *Set) (bool, error) {
			for _, e := range a.Elems() {
				in, err := b.Has(t, e)
				if err != nil || in {
					return false, err
				}
			}
			return true, nil
		})
	})

	m := SetType.AddMethod
	m("add", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("set.add", args, kw); err != nil {
			return nil, err
		}
		return None, args[0].(*Set).Add(t, args[1])
	})
	m("discard", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("set.discard", args, kw); err != nil {
			return nil, err
		}
		_, err := args[0].(*Set).Discard(t, args[1])
		return None, err
	})
	m("remove", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("set.remove", args, kw); err != nil {
			return nil, err
		}
		ok, err := args[0].(*Set).Discard(t, args[1])
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, NewException(KeyError, args[1])
		}
		return None, nil
	})
	m("pop", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("set.pop", args, kw); err != nil {
			return nil, err
		}
		v := args[0].(*Set).Pop()
		if v == nil {
			return nil, NewException(KeyError, Str("pop from an empty set"))
		}
		return v, nil
	})
	m("clear", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("set.clear", args, kw); err != nil {
			return nil, err
		}
		args[0].(*Set).Clear()
		return None, nil
	})
	// The in-place forms.
	for name, op := range map[string]binop{"update": opOr, "intersection_update": opAnd, "difference_update": opSub,
		"symmetric_difference_update": opXor} {
		name, op := name, op
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := NoKwargs(name, kw); err != nil {
				return nil, err
			}
			if op == opXor && len(args) != 2 {
				return nil, Errorf(TypeError, "set.symmetric_difference_update() takes exactly one argument (%d given)", len(args)-1)
			}
			s := args[0].(*Set)
			for _, o := range args[1:] {
				if op == opOr {
					items, err := Collect(t, o)
					if err != nil {
						return nil, err
					}
					for _, x := range items {
						if err := s.Add(t, x); err != nil {
							return nil, err
						}
					}
					continue
				}
				b, err := setOf(t, o)
				if err != nil {
					return nil, err
				}
				r, err := setOp(t, op, s, b)
				if err != nil {
					return nil, err
				}
				s.replace(r.(*Set))
			}
			return None, nil
		})
	}
}

func setRelation(t *Thread, args []Value, kw []Kwarg, name string, rel func(a, b *Set) (bool, error)) (Value, error) {
	if err := method1(TypeName(args[0])+"."+name, args, kw); err != nil {
		return nil, err
	}
	b, err := setOf(t, args[1])
	if err != nil {
		return nil, err
	}
	r, err := rel(args[0].(*Set), b)
	return Bool(r), err
}
