package python

// The copy module: copy and deepcopy of the built-in containers, the
// collections types and instances of user classes (__copy__ and
// __deepcopy__ are honoured).

func init() {
	RegisterModule(ModuleDef{Name: "copy", Doc: "Shallow and deep copy (threadlab).", Init: func(t *Thread, m *Module) error {
		m.SetFunc("copy", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg("copy", args, kw); err != nil {
				return nil, err
			}
			return shallowCopy(t, args[0])
		})
		m.SetFunc("deepcopy", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			var x, memo Value
			if err := UnpackArgs("deepcopy", args, kw, []string{"x", "memo?"}, &x, &memo); err != nil {
				return nil, err
			}
			return deepCopy(t, x, map[Value]Value{})
		})
		m.Set("Error", ExceptionType)
		return nil
	}})
}

func shallowCopy(t *Thread, v Value) (Value, error) {
	if t.tracer != nil { // one read of a container, as its copy method
		t.readAll(v, "copy")
	}
	switch x := v.(type) {
	case *List:
		return NewList(x.Snapshot()), nil
	case *Dict:
		return x.Copy(), nil
	case *Set:
		if x.Frozen() {
			return x, nil
		}
		return x.Copy(), nil
	case *deque:
		return &deque{items: x.snapshot(), maxlen: x.maxlen}, nil
	case *dictSub:
		return &dictSub{d: x.d.Copy(), typ: x.typ, factory: x.factory}, nil
	case *Instance:
		if m := x.Type().Lookup("__copy__"); m != nil {
			return CallValue(t, m, []Value{x}, nil)
		}
		c := newInstance(x.Type())
		if o, ok := c.(*Instance); ok && x.Dict() != nil && o.Dict() != nil {
			for _, kv := range x.Dict().Items() {
				o.Dict().SetStr(string(kv[0].(Str)), kv[1])
			}
		}
		return c, nil
	}
	return v, nil
}

// deepCopy copies v and everything it holds; memo maps each mutable
// object already copied to its copy, so shared and cyclic structure is
// kept.
func deepCopy(t *Thread, v Value, memo map[Value]Value) (Value, error) {
	switch v.(type) {
	case *List, *Dict, *Set, *deque, *dictSub, *Instance:
		if c, ok := memo[v]; ok {
			return c, nil
		}
		if t.tracer != nil {
			// Each object copied is read whole, as iterating it would
			// be, and an instance attribute by attribute.
			t.readAll(v, "__iter__")
		}
	}
	each := func(items []Value) ([]Value, error) {
		out := make([]Value, len(items))
		for i, e := range items {
			c, err := deepCopy(t, e, memo)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	switch x := v.(type) {
	case Tuple:
		items, err := each(x)
		if err != nil {
			return nil, err
		}
		for i := range items {
			if !sameObject(items[i], x[i]) {
				return Tuple(items), nil
			}
		}
		return x, nil
	case *List:
		l := NewList(nil)
		memo[v] = l
		items, err := each(x.Snapshot())
		if err != nil {
			return nil, err
		}
		l.Update(func([]Value) []Value { return items })
		return l, nil
	case *Dict:
		d := NewDict()
		memo[v] = d
		for _, kv := range x.Items() {
			k, err := deepCopy(t, kv[0], memo)
			if err != nil {
				return nil, err
			}
			val, err := deepCopy(t, kv[1], memo)
			if err != nil {
				return nil, err
			}
			if err := d.Set(t, k, val); err != nil {
				return nil, err
			}
		}
		return d, nil
	case *Set:
		s := NewSet(x.Frozen())
		memo[v] = s
		items, err := each(x.Elems())
		if err != nil {
			return nil, err
		}
		for _, e := range items {
			if err := s.Add(t, e); err != nil {
				return nil, err
			}
		}
		return s, nil
	case *deque:
		d := &deque{maxlen: x.maxlen}
		memo[v] = d
		items, err := each(x.snapshot())
		if err != nil {
			return nil, err
		}
		d.items = items
		return d, nil
	case *dictSub:
		c := &dictSub{typ: x.typ, factory: x.factory}
		memo[v] = c
		inner, err := deepCopy(t, x.d, memo)
		if err != nil {
			return nil, err
		}
		c.d = inner.(*Dict)
		return c, nil
	case *Instance:
		if m := x.Type().Lookup("__deepcopy__"); m != nil {
			return CallValue(t, m, []Value{x, NewDict()}, nil)
		}
		c := newInstance(x.Type())
		memo[v] = c
		if o, ok := c.(*Instance); ok && x.Dict() != nil && o.Dict() != nil {
			traced := t.tracer != nil && attrTraced(x)
			for _, kv := range x.Dict().Items() {
				name, attr := string(kv[0].(Str)), kv[1]
				if traced {
					// Read after the announcement: another thread may
					// change the attribute at that scheduling point.
					t.announce(ReadAttr, x, name, nil, nil)
					if attr = x.Dict().GetStr(name); attr == nil {
						continue // deleted meanwhile
					}
					t.emit(ReadAttr, x, name, nil, attr)
				}
				val, err := deepCopy(t, attr, memo)
				if err != nil {
					return nil, err
				}
				o.Dict().SetStr(name, val)
			}
		}
		return c, nil
	}
	return v, nil
}
