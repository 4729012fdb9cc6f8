package python

// The container protocol's dunder methods on the built-in containers, so
// that Python code can call them explicitly (list.__len__(x), and in a
// subclass super().__getitem__(k)). Each delegates to the generic
// operation on the built-in value.
func init() {
	get := &MethodDescr{name: "__getitem__", fn: func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__getitem__", args, 2, 2); err != nil {
			return nil, err
		}
		self := args[0]
		v, err := GetItem(t, unwrap(self), args[1])
		if err != nil && ErrorMatches(err, KeyError) && baseOf(self) != nil {
			if m := self.Type().Lookup("__missing__"); m != nil {
				return CallValue(t, m, []Value{self, args[1]}, nil)
			}
		}
		return v, err
	}, keepSelf: true}
	set := func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__setitem__", args, 3, 3); err != nil {
			return nil, err
		}
		return None, SetItem(t, args[0], args[1], args[2])
	}
	del := func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__delitem__", args, 2, 2); err != nil {
			return nil, err
		}
		return None, SetItem(t, args[0], args[1], nil)
	}
	length := func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__len__", args, 1, 1); err != nil {
			return nil, err
		}
		n, err := Len(t, args[0])
		return Int(n), err
	}
	contains := func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__contains__", args, 2, 2); err != nil {
			return nil, err
		}
		ok, err := Contains(t, args[0], args[1])
		return Bool(ok), err
	}
	iter := func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("__iter__", args, 1, 1); err != nil {
			return nil, err
		}
		return Iterate(t, args[0])
	}
	for _, c := range []*Type{ListType, DictType, TupleType, StrType, RangeType} {
		g := *get
		g.owner = c
		c.AddAttr("__getitem__", &g)
		c.AddMethod("__len__", length)
		c.AddMethod("__contains__", contains)
		if c != StrType {
			c.AddMethod("__iter__", iter)
		}
	}
	for _, c := range []*Type{ListType, DictType} {
		c.AddMethod("__setitem__", set)
		c.AddMethod("__delitem__", del)
	}
	for _, c := range []*Type{SetType, FrozenSetType} {
		c.AddMethod("__len__", length)
		c.AddMethod("__contains__", contains)
		c.AddMethod("__iter__", iter)
	}
}
