package python

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/internal/pystr"
)

// The collections module: namedtuple, deque, defaultdict, Counter,
// OrderedDict; ChainMap is Python, in lib/collections_chainmap.py.

// ---- namedtuple ----

// ntClass is what the interpreter knows of a namedtuple class beyond its
// *Type: the field names and defaults.
type ntClass struct {
	typ      *Type
	display  string // the name its repr shows (sys.version_info), if not typ's
	fields   []string
	defaults []Value // for the last len(defaults) fields
}

// ntValue is an instance of a namedtuple class: a tuple with names.
type ntValue struct {
	cls   *ntClass
	items Tuple
}

func (v *ntValue) Type() *Type                      { return v.cls.typ }
func (v *ntValue) Len() int                         { return len(v.items) }
func (v *ntValue) Iter(t *Thread) (Iterator, error) { return Iterate(t, v.items) }
func (v *ntValue) GetItem(t *Thread, k Value) (Value, error) {
	return GetItem(t, v.items, k)
}
func (v *ntValue) Contains(t *Thread, x Value) (bool, error) { return Contains(t, v.items, x) }
func (v *ntValue) Hash(t *Thread) (int64, error)             { return Hash(t, v.items) }

func (v *ntValue) Repr(t *Thread) (string, error) {
	var b strings.Builder
	name := v.cls.typ.Name()
	if v.cls.display != "" {
		name = v.cls.display
	}
	b.WriteString(name + "(")
	for i, f := range v.cls.fields {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(t, v.items[i])
		if err != nil {
			return "", err
		}
		b.WriteString(f + "=" + r)
	}
	b.WriteString(")")
	return b.String(), nil
}

var pyKeywords = map[string]bool{"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true, "import": true,
	"in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true}

func isIdentifier(s string) bool {
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r)) {
			continue
		}
		return false
	}
	return s != ""
}

// newNamedTuple makes a namedtuple class (collections.namedtuple, and the
// result types of sys.version_info and lru_cache's cache_info).
func newNamedTuple(t *Thread, name string, fields []string, defaults []Value, module string) (*Type, error) {
	c, err := makeNamedTuple(name, fields, defaults, module)
	if err != nil {
		return nil, err
	}
	return c.typ, nil
}

func makeNamedTuple(name string, fields []string, defaults []Value, module string) (*ntClass, error) {
	for _, n := range append([]string{name}, fields...) {
		if !isIdentifier(n) {
			return nil, Errorf(ValueError, "Type names and field names must be valid identifiers: %s", pystr.Repr(n))
		}
		if pyKeywords[n] {
			return nil, Errorf(ValueError, "Type names and field names cannot be a keyword: %s", pystr.Repr(n))
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") {
			return nil, Errorf(ValueError, "Field names cannot start with an underscore: %s", pystr.Repr(f))
		}
		if seen[f] {
			return nil, Errorf(ValueError, "Encountered duplicate field name: %s", pystr.Repr(f))
		}
		seen[f] = true
	}
	if len(defaults) > len(fields) {
		return nil, Errorf(TypeError, "Got more default values than field names")
	}
	c := &ntClass{typ: NewType(name, TupleType).SetModule(module), fields: fields, defaults: defaults}
	fieldTuple := make(Tuple, len(fields))
	for i, f := range fields {
		fieldTuple[i] = Str(f)
	}
	c.typ.AddAttr("_fields", fieldTuple)
	for i, f := range fields {
		i := i
		c.typ.AddAttr(f, &Property{
			Get: NewBuiltin(f, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				return unwrap(args[0]).(*ntValue).items[i], nil
			}),
			Set: NewBuiltin(f, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				return nil, Errorf(AttributeError, "can't set attribute")
			}),
			Del: NewBuiltin(f, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				return nil, Errorf(AttributeError, "can't delete attribute")
			}),
		})
	}
	c.typ.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) { return c.make(args, kw) })
	c.typ.AddClassMethod("_make", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("_make", args, kw, 1, 1); err != nil {
			return nil, err
		}
		items, err := Collect(t, args[1])
		if err != nil {
			return nil, err
		}
		if len(items) != len(fields) {
			return nil, Errorf(TypeError, "Expected %d arguments, got %d", len(fields), len(items))
		}
		return &ntValue{cls: c, items: items}, nil
	})
	c.typ.AddMethod("_asdict", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		v := args[0].(*ntValue)
		d := NewDict()
		for i, f := range fields {
			d.SetStr(f, v.items[i])
		}
		return d, nil
	})
	c.typ.AddMethod("_replace", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		v := args[0].(*ntValue)
		items := append(Tuple(nil), v.items...)
		for _, k := range kw {
			found := false
			for i, f := range fields {
				if f == k.Name {
					items[i], found = k.Value, true
				}
			}
			if !found {
				return nil, Errorf(ValueError, "Got unexpected field names: ['%s']", k.Name)
			}
		}
		return &ntValue{cls: c, items: items}, nil
	})
	c.typ.AddMethod("__add__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var b Tuple
		switch o := args[1].(type) {
		case *ntValue:
			b = o.items
		case Tuple:
			b = o
		default:
			return NotImplemented, nil
		}
		return append(append(Tuple(nil), args[0].(*ntValue).items...), b...), nil
	})
	c.typ.AddMethod("__mul__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return Binary(t, opMul, args[0].(*ntValue).items, args[1])
	})
	for i, op := range []string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"} {
		cmp := [...]compile.CmpOp{compile.Lt, compile.Le, compile.Eq, compile.Ne, compile.Gt, compile.Ge}[i]
		c.typ.AddMethod(op, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			var b Tuple
			switch o := args[1].(type) {
			case *ntValue:
				b = o.items
			case Tuple:
				b = o
			default:
				return NotImplemented, nil
			}
			return Compare(t, cmp, args[0].(*ntValue).items, b)
		})
	}
	return c, nil
}

func (c *ntClass) make(args []Value, kw []Kwarg) (Value, error) {
	name := c.typ.Name()
	n := len(c.fields)
	if len(args) > n {
		return nil, Errorf(TypeError, "%s.__new__() takes %d positional arguments but %d were given", name, n+1, len(args)+1)
	}
	items := make(Tuple, n)
	copy(items, args)
	for _, k := range kw {
		i := -1
		for j, f := range c.fields {
			if f == k.Name {
				i = j
			}
		}
		if i < 0 {
			return nil, Errorf(TypeError, "%s.__new__() got an unexpected keyword argument '%s'", name, k.Name)
		}
		if items[i] != nil {
			return nil, Errorf(TypeError, "%s.__new__() got multiple values for argument '%s'", name, k.Name)
		}
		items[i] = k.Value
	}
	var missing []string
	for i := range items {
		if items[i] == nil {
			if d := i - (n - len(c.defaults)); d >= 0 {
				items[i] = c.defaults[d]
				continue
			}
			missing = append(missing, "'"+c.fields[i]+"'")
		}
	}
	if len(missing) > 0 {
		list := missing[0]
		if len(missing) > 1 {
			list = strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
		}
		s := "s"
		if len(missing) == 1 {
			s = ""
		}
		return nil, Errorf(TypeError, "%s.__new__() missing %d required positional argument%s: %s", name, len(missing), s, list)
	}
	return &ntValue{cls: c, items: items}, nil
}

func collectionsNamedtuple(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	var name, fieldsV, rename, defaults, module Value
	if err := UnpackArgs("namedtuple", args, kw, []string{"typename", "field_names", "*rename?", "*defaults?", "*module?"},
		&name, &fieldsV, &rename, &defaults, &module); err != nil {
		return nil, err
	}
	tn, ok := name.(Str)
	if !ok {
		return nil, Errorf(TypeError, "typename must be str")
	}
	var fields []string
	if s, ok := fieldsV.(Str); ok {
		fields = strings.Fields(strings.ReplaceAll(string(s), ",", " "))
	} else {
		items, err := Collect(t, fieldsV)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			s, err := ToStr(t, it)
			if err != nil {
				return nil, err
			}
			fields = append(fields, s)
		}
	}
	var defs []Value
	if defaults != nil && defaults != None {
		var err error
		if defs, err = Collect(t, defaults); err != nil {
			return nil, err
		}
	}
	mod := "__main__"
	if s, ok := module.(Str); ok {
		mod = string(s)
	}
	return newNamedTuple(t, string(tn), fields, defs, mod)
}

// ---- deque ----

// DequeType is collections.deque.
var DequeType = NewType("deque", nil).SetModule("collections")

// deque is a double-ended queue; each method holds its mutex.
type deque struct {
	mu     sync.Mutex
	items  []Value
	maxlen int // -1: unbounded
}

func (*deque) Type() *Type { return DequeType }

func (d *deque) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.items)
}

func (d *deque) snapshot() []Value {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]Value(nil), d.items...)
}

// Iter walks a copy of the items: a tracer hears of it as one read.
func (d *deque) Iter(t *Thread) (Iterator, error) {
	if t.tracer != nil {
		t.itemsEvent(ReadItems, d, "__iter__")
	}
	return &tupleIter{tup: d.snapshot()}, nil
}

func (d *deque) Contains(t *Thread, x Value) (bool, error) {
	i, err := seqFind(t, d.snapshot(), x, 0, -1)
	return i >= 0, err
}

func (d *deque) GetItem(t *Thread, k Value) (Value, error) {
	i, err := AsIndex(k)
	if err != nil {
		return nil, Errorf(TypeError, "sequence index must be integer, not '%s'", TypeName(k))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if i < 0 {
		i += len(d.items)
	}
	if i < 0 || i >= len(d.items) {
		return nil, Errorf(IndexError, "deque index out of range")
	}
	return d.items[i], nil
}

func (d *deque) SetItem(t *Thread, k, v Value) error {
	i, err := AsIndex(k)
	if err != nil {
		return Errorf(TypeError, "sequence index must be integer, not '%s'", TypeName(k))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if i < 0 {
		i += len(d.items)
	}
	if i < 0 || i >= len(d.items) {
		return Errorf(IndexError, "deque index out of range")
	}
	if v == nil {
		d.items = append(d.items[:i], d.items[i+1:]...)
	} else {
		d.items[i] = v
	}
	return nil
}

func (d *deque) Repr(t *Thread) (string, error) {
	s, err := Repr(t, NewList(d.snapshot()))
	if err != nil {
		return "", err
	}
	if d.maxlen >= 0 {
		return "deque(" + s + ", maxlen=" + strconv.Itoa(d.maxlen) + ")", nil
	}
	return "deque(" + s + ")", nil
}

// push adds v at the right (or left), dropping from the other end when
// the deque is full.
func (d *deque) push(v Value, left bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.maxlen == 0 {
		return
	}
	if left {
		d.items = append([]Value{v}, d.items...)
		if d.maxlen > 0 && len(d.items) > d.maxlen {
			d.items = d.items[:d.maxlen]
		}
		return
	}
	d.items = append(d.items, v)
	if d.maxlen > 0 && len(d.items) > d.maxlen {
		d.items = d.items[len(d.items)-d.maxlen:]
	}
}

func init() {
	DequeType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		var it, maxlen Value
		if err := UnpackArgs("deque", args, kw, []string{"iterable?", "maxlen?"}, &it, &maxlen); err != nil {
			return nil, err
		}
		d := &deque{maxlen: -1}
		if maxlen != nil && maxlen != None {
			n, err := AsIndex(maxlen)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, Errorf(ValueError, "maxlen must be non-negative")
			}
			d.maxlen = n
		}
		if it != nil {
			items, err := Collect(t, it)
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				d.push(v, false)
			}
		}
		return d, nil
	})
	m := DequeType.AddMethod
	for _, name := range []string{"append", "appendleft"} {
		left := name == "appendleft"
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := method1("deque."+name, args, kw); err != nil {
				return nil, err
			}
			args[0].(*deque).push(args[1], left)
			return None, nil
		})
	}
	for _, name := range []string{"extend", "extendleft"} {
		left := name == "extendleft"
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := method1("deque."+name, args, kw); err != nil {
				return nil, err
			}
			items, err := Collect(t, args[1])
			if err != nil {
				return nil, err
			}
			for _, v := range items {
				args[0].(*deque).push(v, left)
			}
			return None, nil
		})
	}
	for _, name := range []string{"pop", "popleft"} {
		left := name == "popleft"
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := method0("deque."+name, args, kw); err != nil {
				return nil, err
			}
			d := args[0].(*deque)
			d.mu.Lock()
			defer d.mu.Unlock()
			n := len(d.items)
			if n == 0 {
				return nil, Errorf(IndexError, "pop from an empty deque")
			}
			if left {
				v := d.items[0]
				d.items = d.items[1:]
				return v, nil
			}
			v := d.items[n-1]
			d.items = d.items[:n-1]
			return v, nil
		})
	}
	m("rotate", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("rotate", args, kw, 0, 1); err != nil {
			return nil, err
		}
		k := 1
		if len(args) == 2 {
			var err error
			if k, err = AsIndex(args[1]); err != nil {
				return nil, err
			}
		}
		d := args[0].(*deque)
		d.mu.Lock()
		defer d.mu.Unlock()
		if n := len(d.items); n > 0 {
			k = ((k % n) + n) % n
			d.items = append(d.items[n-k:], d.items[:n-k]...)
		}
		return None, nil
	})
	m("clear", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("deque.clear", args, kw); err != nil {
			return nil, err
		}
		d := args[0].(*deque)
		d.mu.Lock()
		d.items = nil
		d.mu.Unlock()
		return None, nil
	})
	m("copy", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		d := args[0].(*deque)
		return &deque{items: d.snapshot(), maxlen: d.maxlen}, nil
	})
	m("count", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("deque.count", args, kw); err != nil {
			return nil, err
		}
		return seqCount(t, args[0].(*deque).snapshot(), args[1])
	})
	m("index", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		return seqIndexOf(t, args[0].(*deque).snapshot(), args[1:], "deque")
	})
	m("remove", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("deque.remove", args, kw); err != nil {
			return nil, err
		}
		d := args[0].(*deque)
		items := d.snapshot()
		i, err := seqFind(t, items, args[1], 0, -1)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			r, _ := Repr(t, args[1])
			return nil, Errorf(ValueError, "%s is not in deque", r)
		}
		found := items[i]
		d.mu.Lock()
		for k := range d.items {
			if sameObject(d.items[k], found) {
				d.items = append(d.items[:k], d.items[k+1:]...)
				break
			}
		}
		d.mu.Unlock()
		return None, nil
	})
	m("reverse", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		d := args[0].(*deque)
		d.mu.Lock()
		for i, j := 0, len(d.items)-1; i < j; i, j = i+1, j-1 {
			d.items[i], d.items[j] = d.items[j], d.items[i]
		}
		d.mu.Unlock()
		return None, nil
	})
	DequeType.AddAttr("maxlen", NewProperty("maxlen", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if n := unwrap(args[0]).(*deque).maxlen; n >= 0 {
			return Int(n), nil
		}
		return None, nil
	}))
	m("__eq__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		o, ok := args[1].(*deque)
		if !ok {
			return NotImplemented, nil
		}
		eq, err := Equal(t, NewList(args[0].(*deque).snapshot()), NewList(o.snapshot()))
		return Bool(eq), err
	})
	m("__bool__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return Bool(args[0].(*deque).Len() > 0), nil
	})
	m("__reversed__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		items := args[0].(*deque).snapshot()
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		return &tupleIter{tup: items}, nil
	})
}

// ---- defaultdict, Counter, OrderedDict ----

// The dict subclasses of collections.
var (
	DefaultDictType = NewType("defaultdict", DictType).SetModule("collections")
	CounterType     = NewType("Counter", DictType).SetModule("collections")
	OrderedDictType = NewType("OrderedDict", DictType).SetModule("collections")
)

// dictSub is a defaultdict, Counter or OrderedDict: a dict with its own
// type, and for defaultdict the factory of missing values.
type dictSub struct {
	d       *Dict
	typ     *Type
	factory Value // defaultdict's default_factory (None if unset)
}

func (s *dictSub) Type() *Type { return s.typ }
func (s *dictSub) Len() int    { return s.d.Len() }
func (s *dictSub) Iter(t *Thread) (Iterator, error) {
	return &dictIter{d: s.d, kind: DictKeys, size: s.d.Len(), obj: s}, nil // its steps are reads of s, as its methods are
}

// AsDict returns the dict that holds its items, for a host that saves
// and restores a program's state.
func (s *dictSub) AsDict() *Dict { return s.d }

// DefaultFactory is a defaultdict's default_factory; nil for the others.
func (s *dictSub) DefaultFactory() Value {
	if s.typ != DefaultDictType {
		return nil
	}
	return s.factory
}

func (s *dictSub) Contains(t *Thread, k Value) (bool, error) {
	v, err := s.d.Get(t, k)
	return v != nil, err
}
func (s *dictSub) SetItem(t *Thread, k, v Value) error {
	if v == nil {
		old, err := s.d.Delete(t, k)
		if err == nil && old == nil {
			return NewException(KeyError, k)
		}
		return err
	}
	return s.d.Set(t, k, v)
}

func (s *dictSub) GetItem(t *Thread, k Value) (Value, error) {
	v, err := s.d.Get(t, k)
	if v != nil || err != nil {
		return v, err
	}
	switch s.typ {
	case CounterType:
		return Int(0), nil
	case DefaultDictType:
		if s.factory == None {
			return nil, NewException(KeyError, k)
		}
		v, err := CallValue(t, s.factory, nil, nil)
		if err != nil {
			return nil, err
		}
		return v, s.d.Set(t, k, v)
	}
	return nil, NewException(KeyError, k)
}

func (s *dictSub) Repr(t *Thread) (string, error) {
	name := s.typ.Name()
	switch s.typ {
	case DefaultDictType:
		f, err := Repr(t, s.factory)
		if err != nil {
			return "", err
		}
		d, err := Repr(t, s.d)
		return name + "(" + f + ", " + d + ")", err
	case CounterType:
		if s.d.Len() == 0 {
			return name + "()", nil
		}
		items, err := mostCommon(t, s.d)
		if err != nil {
			return "", err
		}
		parts := make([]string, len(items))
		for i, kv := range items {
			k, err := Repr(t, kv[0])
			if err != nil {
				return "", err
			}
			v, err := Repr(t, kv[1])
			if err != nil {
				return "", err
			}
			parts[i] = k + ": " + v
		}
		return name + "({" + strings.Join(parts, ", ") + "})", nil
	}
	if s.d.Len() == 0 {
		return name + "()", nil
	}
	items := s.d.Items()
	vs := make([]Value, len(items))
	for i, kv := range items {
		vs[i] = kv
	}
	r, err := Repr(t, NewList(vs))
	return name + "(" + r + ")", err
}

// asDict returns the *Dict behind a dict or a collections dict subclass.
func asDict(v Value) *Dict {
	if s, ok := v.(*dictSub); ok {
		return s.d
	}
	return v.(*Dict)
}

// mostCommon lists a counter's items by descending count, ties in
// insertion order.
func mostCommon(t *Thread, d *Dict) ([]Tuple, error) {
	items := d.Items()
	var firstErr error
	sort.SliceStable(items, func(i, j int) bool {
		if firstErr != nil {
			return false
		}
		r, err := less(t, items[j][1], items[i][1])
		if err != nil {
			firstErr = err
		}
		return r
	})
	return items, firstErr
}

// counterAdd adds the counts of src (a mapping or an iterable of keys),
// times sign, to d.
func counterAdd(t *Thread, d *Dict, src Value, sign int64) error {
	add := func(k, n Value) error {
		old, err := d.Get(t, k)
		if err != nil {
			return err
		}
		if old == nil {
			old = Int(0)
		}
		if sign < 0 {
			n, err = Unary(t, '-', n)
			if err != nil {
				return err
			}
		}
		v, err := Binary(t, opAdd, old, n)
		if err != nil {
			return err
		}
		return d.Set(t, k, v)
	}
	var pairs []Tuple
	switch m := src.(type) {
	case *Dict:
		pairs = m.Items()
	case *dictSub:
		pairs = m.d.Items()
	default:
		items, err := Collect(t, src)
		if err != nil {
			return err
		}
		for _, k := range items {
			if err := add(k, Int(1)); err != nil {
				return err
			}
		}
		return nil
	}
	for _, kv := range pairs {
		if err := add(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	DefaultDictType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		s := &dictSub{d: NewDict(), typ: DefaultDictType, factory: None}
		if len(args) > 0 {
			if args[0] != None && !isCallable(args[0]) {
				return nil, Errorf(TypeError, "first argument must be callable or None")
			}
			s.factory = args[0]
			args = args[1:]
		}
		return s, dictInit(t, s.d, args, kw, "defaultdict")
	})
	DefaultDictType.AddAttr("default_factory", NewProperty("default_factory", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return unwrap(args[0]).(*dictSub).factory, nil
	}))
	OrderedDictType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		s := &dictSub{d: NewDict(), typ: OrderedDictType}
		return s, dictInit(t, s.d, args, kw, "OrderedDict")
	})
	OrderedDictType.AddMethod("move_to_end", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var key, last Value
		if err := UnpackArgs("move_to_end", args[1:], kw, []string{"key", "last?"}, &key, &last); err != nil {
			return nil, err
		}
		d := args[0].(*dictSub).d
		v, err := d.Delete(t, key)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, NewException(KeyError, key)
		}
		toEnd := true
		if last != nil {
			if toEnd, err = Truth(t, last); err != nil {
				return nil, err
			}
		}
		if toEnd {
			return None, d.Set(t, key, v)
		}
		rest := d.Items()
		d.Clear()
		if err := d.Set(t, key, v); err != nil {
			return nil, err
		}
		for _, kv := range rest {
			if err := d.Set(t, kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	CounterType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 1 {
			return nil, Errorf(TypeError, "expected at most 1 argument, got %d", len(args))
		}
		s := &dictSub{d: NewDict(), typ: CounterType}
		if len(args) == 1 {
			if err := counterAdd(t, s.d, args[0], 1); err != nil {
				return nil, err
			}
		}
		for _, k := range kw {
			if err := s.d.Set(t, Str(k.Name), k.Value); err != nil {
				return nil, err
			}
		}
		return s, nil
	})
	c := CounterType.AddMethod
	c("most_common", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var n Value
		if err := UnpackArgs("most_common", args[1:], kw, []string{"n?"}, &n); err != nil {
			return nil, err
		}
		items, err := mostCommon(t, args[0].(*dictSub).d)
		if err != nil {
			return nil, err
		}
		if n != nil && n != None {
			k, err := AsIndex(n)
			if err != nil {
				return nil, err
			}
			items = items[:max(0, min(k, len(items)))]
		}
		out := make([]Value, len(items))
		for i, kv := range items {
			out[i] = kv
		}
		return NewList(out), nil
	})
	c("elements", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var out []Value
		for _, kv := range args[0].(*dictSub).d.Items() {
			n, err := AsIndex(kv[1])
			if err != nil {
				return nil, err
			}
			for i := 0; i < n; i++ {
				out = append(out, kv[0])
			}
		}
		return &tupleIter{tup: out}, nil
	})
	c("total", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var acc Value = Int(0)
		for _, kv := range args[0].(*dictSub).d.Items() {
			var err error
			if acc, err = Binary(t, opAdd, acc, kv[1]); err != nil {
				return nil, err
			}
		}
		return acc, nil
	})
	for _, name := range []string{"update", "subtract"} {
		sign := int64(1)
		if name == "subtract" {
			sign = -1
		}
		name := name
		c(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if len(args) > 2 {
				return nil, Errorf(TypeError, "%s expected at most 1 argument, got %d", name, len(args)-1)
			}
			d := args[0].(*dictSub).d
			if len(args) == 2 {
				if err := counterAdd(t, d, args[1], sign); err != nil {
					return nil, err
				}
			}
			for _, k := range kw {
				one := NewDict()
				one.SetStr(k.Name, k.Value)
				if err := counterAdd(t, d, one, sign); err != nil {
					return nil, err
				}
			}
			return None, nil
		})
	}
	for name, sign := range map[string]int64{"__add__": 1, "__sub__": -1} {
		sign := sign
		c(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			o, ok := args[1].(*dictSub)
			if !ok || o.typ != CounterType {
				return NotImplemented, nil
			}
			out := &dictSub{d: args[0].(*dictSub).d.Copy(), typ: CounterType}
			if err := counterAdd(t, out.d, o, sign); err != nil {
				return nil, err
			}
			// Only positive counts survive + and -.
			for _, kv := range out.d.Items() {
				pos, err := less(t, Int(0), kv[1])
				if err != nil {
					return nil, err
				}
				if !pos {
					if _, err := out.d.Delete(t, kv[0]); err != nil {
						return nil, err
					}
				}
			}
			return out, nil
		})
	}
	// & and | keep the minimum and maximum of the counts, dropping those
	// that are not positive.
	for name, keepMax := range map[string]bool{"__and__": false, "__or__": true} {
		keepMax := keepMax
		c(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			o, ok := args[1].(*dictSub)
			if !ok || o.typ != CounterType {
				return NotImplemented, nil
			}
			a := args[0].(*dictSub).d
			out := &dictSub{d: NewDict(), typ: CounterType}
			keys := a.Keys()
			if keepMax {
				for _, k := range o.d.Keys() {
					if v, err := a.Get(t, k); err != nil {
						return nil, err
					} else if v == nil {
						keys = append(keys, k)
					}
				}
			}
			for _, k := range keys {
				x, err := a.Get(t, k)
				if err != nil {
					return nil, err
				}
				y, err := o.d.Get(t, k)
				if err != nil {
					return nil, err
				}
				if x == nil {
					x = Int(0)
				}
				if y == nil {
					y = Int(0)
				}
				lt, err := less(t, x, y)
				if err != nil {
					return nil, err
				}
				v := x
				if lt == keepMax {
					v = y
				}
				if pos, err := less(t, Int(0), v); err != nil {
					return nil, err
				} else if pos {
					if err := out.d.Set(t, k, v); err != nil {
						return nil, err
					}
				}
			}
			return out, nil
		})
	}
	OrderedDictType.AddMethod("popitem", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var last Value
		if err := UnpackArgs("popitem", args[1:], kw, []string{"last?"}, &last); err != nil {
			return nil, err
		}
		d := args[0].(*dictSub).d
		items := d.Items()
		if len(items) == 0 {
			return nil, NewException(KeyError, Str("dictionary is empty"))
		}
		kv := items[len(items)-1]
		if last != nil {
			fromEnd, err := Truth(t, last)
			if err != nil {
				return nil, err
			}
			if !fromEnd {
				kv = items[0]
			}
		}
		if _, err := d.Delete(t, kv[0]); err != nil {
			return nil, err
		}
		return kv, nil
	})
	for _, typ := range []*Type{DefaultDictType, CounterType, OrderedDictType} {
		typ.AddMethod("__eq__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			var other *Dict
			switch o := args[1].(type) {
			case *Dict:
				other = o
			case *dictSub:
				other = o.d
			default:
				return NotImplemented, nil
			}
			self := args[0].(*dictSub)
			if o, ok := args[1].(*dictSub); ok && self.typ == OrderedDictType && o.typ == OrderedDictType {
				// Two OrderedDicts are equal only in the same order.
				a, b := self.d.Items(), o.d.Items()
				if len(a) != len(b) {
					return False, nil
				}
				for i := range a {
					eq, err := Equal(t, a[i], b[i])
					if err != nil || !eq {
						return False, err
					}
				}
				return True, nil
			}
			eq, err := Equal(t, self.d, other)
			return Bool(eq), err
		})
	}
	RegisterModule(ModuleDef{Name: "collections", Doc: "Container datatypes (threadlab).", Init: func(t *Thread, m *Module) error {
		m.SetFunc("namedtuple", collectionsNamedtuple)
		m.Set("deque", DequeType)
		m.Set("defaultdict", DefaultDictType)
		m.Set("Counter", CounterType)
		m.Set("OrderedDict", OrderedDictType)
		return execLib(t, m, "collections_chainmap.py")
	}})
}

// dictInit fills d as dict(*args, **kw) would.
func dictInit(t *Thread, d *Dict, args []Value, kw []Kwarg, name string) error {
	if len(args) > 1 {
		return Errorf(TypeError, "%s expected at most 1 argument, got %d", name, len(args))
	}
	if len(args) == 1 {
		src := args[0]
		if s, ok := src.(*dictSub); ok {
			src = s.d
		}
		if err := dictMerge(t, d, src); err != nil {
			return err
		}
	}
	for _, k := range kw {
		if err := d.Set(t, Str(k.Name), k.Value); err != nil {
			return err
		}
	}
	return nil
}
