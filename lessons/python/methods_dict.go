package python

import "strings"

// The methods of dict, and the views keys(), values() and items().

// The view types.
var (
	DictKeysType   = NewType("dict_keys", nil)
	DictValuesType = NewType("dict_values", nil)
	DictItemsType  = NewType("dict_items", nil)
)

// dictView is a live view of a dict's keys, values or items.
type dictView struct {
	d    *Dict
	kind DictIterKind
}

func (v *dictView) Type() *Type {
	return [...]*Type{DictKeysType, DictValuesType, DictItemsType}[v.kind]
}

func (v *dictView) Len() int { return v.d.Len() }

func (v *dictView) Iter(t *Thread) (Iterator, error) { return NewDictIter(v.d, v.kind), nil }

func (v *dictView) Contains(t *Thread, x Value) (bool, error) {
	switch v.kind {
	case DictKeys:
		r, err := v.d.Get(t, x)
		return r != nil, err
	case DictItems:
		kv, ok := x.(Tuple)
		if !ok || len(kv) != 2 {
			return false, nil
		}
		r, err := v.d.Get(t, kv[0])
		if r == nil || err != nil {
			return false, err
		}
		return sameOrEqual(t, r, kv[1])
	}
	for _, e := range v.values() {
		eq, err := sameOrEqual(t, e, x)
		if eq || err != nil {
			return eq, err
		}
	}
	return false, nil
}

func (v *dictView) values() []Value {
	items := v.d.Items()
	out := make([]Value, len(items))
	for i, kv := range items {
		switch v.kind {
		case DictKeys:
			out[i] = kv[0]
		case DictValues:
			out[i] = kv[1]
		default:
			out[i] = kv
		}
	}
	return out
}

func (v *dictView) Repr(t *Thread) (string, error) {
	s, err := Repr(t, NewList(v.values()))
	if err != nil {
		return "", err
	}
	return TypeName(v) + "(" + s + ")", nil
}

func init() {
	// Set operations of keys and items views give sets.
	for _, vt := range []*Type{DictKeysType, DictItemsType} {
		for name, op := range map[string]binop{"__and__": opAnd, "__or__": opOr, "__sub__": opSub, "__xor__": opXor,
			"__rand__": opAnd, "__ror__": opOr, "__rsub__": opSub, "__rxor__": opXor} {
			name, op := name, op
			vt.AddMethod(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				a, err := setOf(t, args[0])
				if err != nil {
					return nil, err
				}
				b, err := setOf(t, args[1])
				if err != nil {
					return NotImplemented, nil
				}
				if strings.HasPrefix(name, "__r") {
					a, b = b, a
				}
				return setOp(t, op, a, b)
			})
		}
	}

	m := DictType.AddMethod
	for name, kind := range map[string]DictIterKind{"keys": DictKeys, "values": DictValues, "items": DictItems} {
		name, kind := name, kind
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := method0("dict."+name, args, kw); err != nil {
				return nil, err
			}
			return &dictView{d: asDict(args[0]), kind: kind}, nil
		})
	}
	m("get", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("get", args, kw, 1, 2); err != nil {
			return nil, err
		}
		d := asDict(args[0])
		if t.tracer != nil {
			t.itemAnnounce(ReadItem, d, args[1], nil)
		}
		v, err := d.Get(t, args[1])
		if err != nil {
			return nil, err
		}
		if v == nil {
			v = None
			if len(args) == 3 {
				v = args[2]
			}
		}
		if t.tracer != nil {
			t.itemEvent(ReadItem, d, args[1], v) // what d[k] would read, or the default
		}
		return v, nil
	})
	m("setdefault", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("setdefault", args, kw, 1, 2); err != nil {
			return nil, err
		}
		d := asDict(args[0])
		if t.tracer != nil {
			t.itemAnnounce(ReadItem, d, args[1], nil)
		}
		v, err := d.Get(t, args[1])
		if err != nil {
			return nil, err
		}
		if v != nil {
			if t.tracer != nil {
				t.itemEvent(ReadItem, d, args[1], v)
			}
			return v, nil
		}
		def := None
		if len(args) == 3 {
			def = args[2]
		}
		if t.tracer != nil {
			t.itemAnnounce(WriteItem, d, args[1], def)
		}
		if err := d.Set(t, args[1], def); err != nil {
			return nil, err
		}
		if t.tracer != nil {
			t.itemEvent(WriteItem, d, args[1], def)
		}
		return def, nil
	})
	m("pop", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("pop", args, kw, 1, 2); err != nil {
			return nil, err
		}
		d := asDict(args[0])
		if t.tracer != nil {
			t.itemAnnounce(DeleteItem, d, args[1], nil)
		}
		v, err := d.Delete(t, args[1])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) < 3 {
				return nil, NewException(KeyError, args[1])
			}
			if t.tracer != nil {
				t.itemEvent(ReadItem, d, args[1], args[2]) // absent: it reads the default
			}
			return args[2], nil
		}
		if t.tracer != nil {
			// It reads the item, as d[k] does, and deletes it.
			t.itemEvent(ReadItem, d, args[1], v)
			t.itemEvent(DeleteItem, d, args[1], nil)
		}
		return v, nil
	})
	m("popitem", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("dict.popitem", args, kw); err != nil {
			return nil, err
		}
		d := asDict(args[0])
		d.mu.Lock()
		defer d.mu.Unlock()
		for i := len(d.entries) - 1; i >= 0; i-- {
			if k := d.entries[i].key; k != nil {
				v := d.deleteAt(i)
				return Tuple{k, v}, nil
			}
		}
		return nil, NewException(KeyError, Str("popitem(): dictionary is empty"))
	})
	m("update", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 2 {
			return nil, Errorf(TypeError, "update expected at most 1 argument, got %d", len(args)-1)
		}
		d := asDict(args[0])
		if len(args) == 2 {
			if err := dictMerge(t, d, args[1]); err != nil {
				return nil, err
			}
		}
		for _, k := range kw {
			if err := d.Set(t, Str(k.Name), k.Value); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	m("copy", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("dict.copy", args, kw); err != nil {
			return nil, err
		}
		return asDict(args[0]).Copy(), nil
	})
	m("clear", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("dict.clear", args, kw); err != nil {
			return nil, err
		}
		asDict(args[0]).Clear()
		return None, nil
	})
	DictType.AddClassMethod("fromkeys", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("fromkeys", args, kw, 1, 2); err != nil {
			return nil, err
		}
		keys, err := Collect(t, args[1])
		if err != nil {
			return nil, err
		}
		v := None
		if len(args) == 3 {
			v = args[2]
		}
		d := NewDict()
		for _, k := range keys {
			if err := d.Set(t, k, v); err != nil {
				return nil, err
			}
		}
		return d, nil
	})
}

// dictMerge adds the items of other to d: another dict, an object with
// keys(), or an iterable of pairs, as dict.update does.
func dictMerge(t *Thread, d *Dict, other Value) error {
	if o, ok := other.(*Dict); ok {
		return dictSetAll(t, d, o)
	}
	if keysFn, err := GetAttr(t, other, "keys"); err == nil {
		keys, err := CallValue(t, keysFn, nil, nil)
		if err != nil {
			return err
		}
		return dictSetKeys(t, d, other, keys)
	} else if !ErrorMatches(err, AttributeError) {
		return err
	}
	items, err := Collect(t, other)
	if err != nil {
		return err
	}
	for i, it := range items {
		if err := dictSetPair(t, d, i, it); err != nil {
			return err
		}
	}
	return nil
}

// dictSetAll sets every item of src in d.
func dictSetAll(t *Thread, d, src *Dict) error {
	for _, kv := range src.Items() {
		if err := d.Set(t, kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// dictSetKeys sets d[k] = src[k] for each k of keys, what src.keys()
// returned: the mapping half of dict.update.
func dictSetKeys(t *Thread, d *Dict, src, keys Value) error {
	ks, err := Collect(t, keys)
	if err != nil {
		return err
	}
	for _, k := range ks {
		v, err := GetItem(t, src, k)
		if err != nil {
			return err
		}
		if err := d.Set(t, k, v); err != nil {
			return err
		}
	}
	return nil
}

// dictSetPair sets in d the i-th element e of a dict update sequence,
// which must be a key and value pair.
func dictSetPair(t *Thread, d *Dict, i int, e Value) error {
	pair, err := Collect(t, e)
	if err != nil {
		if ErrorMatches(err, TypeError) {
			return Errorf(TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		return err
	}
	if len(pair) != 2 {
		return Errorf(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
	}
	return d.Set(t, pair[0], pair[1])
}
