package python

import (
	"strings"
	"sync"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/internal/pystr"
)

// The dataclasses module: @dataclass generates __init__, __repr__,
// __eq__ (and with order=True the comparisons, with frozen=True
// __setattr__, __delattr__ and __hash__) from the class's annotations.

// The dataclasses types.
var (
	FieldType   = NewType("Field", nil).SetModule("dataclasses")
	MissingType = NewType("_MISSING_TYPE", nil).SetModule("dataclasses")
)

// missing is dataclasses.MISSING.
type missing struct{}

func (missing) Type() *Type                    { return MissingType }
func (missing) Repr(t *Thread) (string, error) { return "<dataclasses._MISSING_TYPE object>", nil }

// dcField is a dataclasses.Field.
type dcField struct {
	name    string
	typ     Value
	def     Value // nil: none
	factory Value // nil: none
	init    bool
	repr    bool
	compare bool
}

func (*dcField) Type() *Type { return FieldType }

func (f *dcField) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "name":
		return Str(f.name), nil
	case "type":
		if f.typ == nil {
			return None, nil
		}
		return f.typ, nil
	case "default":
		if f.def == nil {
			return missing{}, nil
		}
		return f.def, nil
	case "default_factory":
		if f.factory == nil {
			return missing{}, nil
		}
		return f.factory, nil
	case "init":
		return Bool(f.init), nil
	case "repr":
		return Bool(f.repr), nil
	case "compare":
		return Bool(f.compare), nil
	}
	return nil, nil
}

func (f *dcField) Repr(t *Thread) (string, error) {
	return "Field(name=" + pystr.Repr(f.name) + ")", nil
}

// dcInfo is what @dataclass recorded about a class.
type dcInfo struct {
	fields []*dcField
	frozen bool
}

// dataclassesState is one interpreter's dataclasses module: the classes
// it made, and its FrozenInstanceError class.
type dataclassesState struct {
	classes map[*Type]*dcInfo
	frozen  *Type
}

func init() {
	RegisterModule(ModuleDef{Name: "dataclasses", Doc: "Data classes (threadlab).", Init: initDataclasses})
}

func initDataclasses(t *Thread, m *Module) error {
	frozenErr, err := NewClass("FrozenInstanceError", []*Type{AttributeError}, NewDict(), "dataclasses")
	if err != nil {
		return err
	}
	st := &dataclassesState{classes: map[*Type]*dcInfo{}, frozen: frozenErr}
	mu := new(sync.Mutex)
	m.Set("FrozenInstanceError", frozenErr)
	m.Set("MISSING", missing{})
	m.Set("Field", FieldType)
	m.SetFunc("field", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 0 {
			return nil, Errorf(TypeError, "field() takes 0 positional arguments but %d were given", len(args))
		}
		f := &dcField{init: true, repr: true, compare: true}
		for _, k := range kw {
			switch k.Name {
			case "default":
				f.def = k.Value
			case "default_factory":
				f.factory = k.Value
			case "init", "repr", "compare":
				b, err := Truth(t, k.Value)
				if err != nil {
					return nil, err
				}
				switch k.Name {
				case "init":
					f.init = b
				case "repr":
					f.repr = b
				default:
					f.compare = b
				}
			case "hash", "metadata", "kw_only":
			default:
				return nil, Errorf(TypeError, "field() got an unexpected keyword argument '%s'", k.Name)
			}
		}
		if f.def != nil && f.factory != nil {
			return nil, Errorf(ValueError, "cannot specify both default and default_factory")
		}
		return f, nil
	})
	m.SetFunc("dataclass", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		opts := map[string]bool{"init": true, "repr": true, "eq": true, "order": false, "frozen": false, "unsafe_hash": false}
		for _, k := range kw {
			if _, ok := opts[k.Name]; !ok && k.Name != "kw_only" && k.Name != "slots" && k.Name != "match_args" {
				return nil, Errorf(TypeError, "dataclass() got an unexpected keyword argument '%s'", k.Name)
			}
			b, err := Truth(t, k.Value)
			if err != nil {
				return nil, err
			}
			opts[k.Name] = b
		}
		apply := func(t *Thread, cls Value) (Value, error) {
			c, ok := cls.(*Type)
			if !ok || !c.user {
				return nil, Errorf(TypeError, "dataclass() should be called on a class")
			}
			mu.Lock()
			defer mu.Unlock()
			return c, st.process(t, c, opts)
		}
		if len(args) == 1 {
			return apply(t, args[0])
		}
		return NewBuiltin("wrap", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg("dataclass", args, kw); err != nil {
				return nil, err
			}
			return apply(t, args[0])
		}), nil
	})
	info := func(t *Thread, v Value, fname string) (*dcInfo, error) {
		c, ok := v.(*Type)
		if !ok {
			c = v.Type()
		}
		mu.Lock()
		defer mu.Unlock()
		for _, k := range c.MRO() {
			if i := st.classes[k]; i != nil {
				return i, nil
			}
		}
		return nil, Errorf(TypeError, "%s() should be called on dataclass instances", fname)
	}
	m.SetFunc("fields", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("fields", args, kw); err != nil {
			return nil, err
		}
		i, err := info(t, args[0], "fields")
		if err != nil {
			return nil, Errorf(TypeError, "must be called with a dataclass type or instance")
		}
		out := make(Tuple, len(i.fields))
		for k, f := range i.fields {
			out[k] = f
		}
		return out, nil
	})
	m.SetFunc("is_dataclass", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("is_dataclass", args, kw); err != nil {
			return nil, err
		}
		_, err := info(t, args[0], "is_dataclass")
		return Bool(err == nil), nil
	})
	for _, name := range []string{"asdict", "astuple"} {
		name := name
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg(name, args, kw); err != nil {
				return nil, err
			}
			if _, ok := args[0].(*Type); ok {
				return nil, Errorf(TypeError, "%s() should be called on dataclass instances", name)
			}
			return st.convert(t, args[0], name == "asdict", info)
		})
	}
	m.SetFunc("replace", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) != 1 {
			return nil, Errorf(TypeError, "replace() takes 1 positional argument but %d were given", len(args))
		}
		i, err := info(t, args[0], "replace")
		if err != nil {
			return nil, err
		}
		var kws []Kwarg
		for _, f := range i.fields {
			if !f.init {
				continue
			}
			v, err := GetAttr(t, args[0], f.name)
			if err != nil {
				return nil, err
			}
			kws = append(kws, Kwarg{Name: f.name, Value: v})
		}
		for _, k := range kw {
			found := false
			for j := range kws {
				if kws[j].Name == k.Name {
					kws[j].Value, found = k.Value, true
				}
			}
			if !found {
				return nil, Errorf(TypeError, "%s.__init__() got an unexpected keyword argument '%s'", classQualname(args[0].Type()), k.Name)
			}
		}
		return CallValue(t, args[0].Type(), nil, kws)
	})
	return nil
}

// convert is asdict/astuple, recursing into dataclasses, lists, tuples
// and dicts.
func (st *dataclassesState) convert(t *Thread, v Value, dict bool, info func(*Thread, Value, string) (*dcInfo, error)) (Value, error) {
	if _, isType := v.(*Type); !isType {
		if i, err := info(t, v, "asdict"); err == nil {
			d := NewDict()
			var tup Tuple
			for _, f := range i.fields {
				x, err := GetAttr(t, v, f.name)
				if err != nil {
					return nil, err
				}
				if x, err = st.convert(t, x, dict, info); err != nil {
					return nil, err
				}
				d.SetStr(f.name, x)
				tup = append(tup, x)
			}
			if dict {
				return d, nil
			}
			return tup, nil
		}
	}
	switch x := v.(type) {
	case *List:
		items := x.Snapshot()
		for i, e := range items {
			var err error
			if items[i], err = st.convert(t, e, dict, info); err != nil {
				return nil, err
			}
		}
		return NewList(items), nil
	case Tuple:
		out := make(Tuple, len(x))
		for i, e := range x {
			var err error
			if out[i], err = st.convert(t, e, dict, info); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *Dict:
		d := NewDict()
		for _, kv := range x.Items() {
			val, err := st.convert(t, kv[1], dict, info)
			if err != nil {
				return nil, err
			}
			if err := d.Set(t, kv[0], val); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
	return v, nil
}

// isClassVar reports an annotation of typing.ClassVar (or ClassVar[...]).
func isClassVar(v Value) bool {
	f, ok := v.(*typingForm)
	return ok && f.name == "typing.ClassVar"
}

// process turns c into a dataclass.
func (st *dataclassesState) process(t *Thread, c *Type, opts map[string]bool) error {
	var fields []*dcField
	// Fields of dataclass bases come first.
	for i := len(c.MRO()) - 1; i > 0; i-- {
		if bi := st.classes[c.MRO()[i]]; bi != nil {
			for _, f := range bi.fields {
				replaced := false
				for j := range fields {
					if fields[j].name == f.name {
						fields[j], replaced = f, true
					}
				}
				if !replaced {
					fields = append(fields, f)
				}
			}
		}
	}
	if ann, ok := c.Dict().GetStr("__annotations__").(*Dict); ok {
		for _, kv := range ann.Items() {
			name, ok := kv[0].(Str)
			if !ok || isClassVar(kv[1]) {
				continue
			}
			f := &dcField{name: string(name), typ: kv[1], init: true, repr: true, compare: true}
			if v := c.Dict().GetStr(string(name)); v != nil {
				if given, ok := v.(*dcField); ok {
					given.name, given.typ = f.name, f.typ
					f = given
				} else {
					f.def = v
				}
			}
			if f.def != nil {
				switch f.def.(type) {
				case *List, *Dict, *Set:
					return Errorf(ValueError, "mutable default <class '%s'> for field %s is not allowed: use default_factory", TypeName(f.def), f.name)
				}
			}
			// The class attribute becomes the default (or goes away).
			if f.def != nil {
				c.Dict().SetStr(f.name, f.def)
			} else if c.Dict().GetStr(f.name) != nil {
				if _, err := c.Dict().Delete(t, Str(f.name)); err != nil {
					return err
				}
			}
			replaced := false
			for j := range fields {
				if fields[j].name == f.name {
					fields[j], replaced = f, true
				}
			}
			if !replaced {
				fields = append(fields, f)
			}
		}
	}
	seenDefault := false
	for _, f := range fields {
		if !f.init {
			continue
		}
		if f.def != nil || f.factory != nil {
			seenDefault = true
		} else if seenDefault {
			return Errorf(TypeError, "non-default argument '%s' follows default argument", f.name)
		}
	}
	info := &dcInfo{fields: fields, frozen: opts["frozen"]}
	st.classes[c] = info
	method := func(name string, fn NativeFunc) {
		if c.Dict().GetStr(name) != nil && name != "__setattr__" && name != "__delattr__" {
			return // the class defines its own
		}
		c.Dict().SetStr(name, &MethodDescr{name: name, owner: c, fn: fn, keepSelf: true})
	}
	if opts["init"] {
		method("__init__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			return None, st.init(t, c, info, args, kw)
		})
	}
	if opts["repr"] {
		method("__repr__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			var parts []string
			for _, f := range info.fields {
				if !f.repr {
					continue
				}
				v, err := GetAttr(t, args[0], f.name)
				if err != nil {
					return nil, err
				}
				r, err := Repr(t, v)
				if err != nil {
					return nil, err
				}
				parts = append(parts, f.name+"="+r)
			}
			return Str(classQualname(args[0].Type()) + "(" + strings.Join(parts, ", ") + ")"), nil
		})
	}
	values := func(t *Thread, v Value) (Tuple, error) {
		var out Tuple
		for _, f := range info.fields {
			if !f.compare {
				continue
			}
			x, err := GetAttr(t, v, f.name)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	}
	compare := func(name string, op func(t *Thread, a, b Tuple) (Value, error)) {
		method(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if len(args) != 2 || args[1].Type() != args[0].Type() {
				return NotImplemented, nil
			}
			a, err := values(t, args[0])
			if err != nil {
				return nil, err
			}
			b, err := values(t, args[1])
			if err != nil {
				return nil, err
			}
			return op(t, a, b)
		})
	}
	if opts["eq"] {
		compare("__eq__", func(t *Thread, a, b Tuple) (Value, error) {
			eq, err := Equal(t, a, b)
			return Bool(eq), err
		})
	}
	if opts["order"] {
		for name, op := range map[string]compile.CmpOp{"__lt__": compile.Lt, "__le__": compile.Le, "__gt__": compile.Gt, "__ge__": compile.Ge} {
			op := op
			compare(name, func(t *Thread, a, b Tuple) (Value, error) { return Compare(t, op, a, b) })
		}
	}
	switch {
	case opts["frozen"]:
		method("__setattr__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			return nil, NewException(st.frozen, Str("cannot assign to field '"+string(args[1].(Str))+"'"))
		})
		method("__delattr__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			return nil, NewException(st.frozen, Str("cannot delete field '"+string(args[1].(Str))+"'"))
		})
		if opts["eq"] {
			method("__hash__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				v, err := values(t, args[0])
				if err != nil {
					return nil, err
				}
				h, err := Hash(t, v)
				return Int(h), err
			})
		}
	case opts["eq"] && !opts["unsafe_hash"] && c.Dict().GetStr("__hash__") == nil:
		c.Dict().SetStr("__hash__", None)
	}
	return nil
}

// init is the generated __init__: the fields as parameters, with their
// defaults, set directly on the instance (so frozen classes can use it).
func (st *dataclassesState) init(t *Thread, c *Type, info *dcInfo, args []Value, kw []Kwarg) error {
	self := args[0]
	args = args[1:]
	var params []*dcField
	for _, f := range info.fields {
		if f.init {
			params = append(params, f)
		}
	}
	fname := classQualname(self.Type()) + ".__init__"
	vals := make([]Value, len(params))
	if len(args) > len(params) {
		required := 0
		for _, p := range params {
			if p.def == nil && p.factory == nil {
				required++
			}
		}
		if required == len(params) {
			return Errorf(TypeError, "%s() takes %d positional arguments but %d were given", fname, len(params)+1, len(args)+1)
		}
		return Errorf(TypeError, "%s() takes from %d to %d positional arguments but %d were given", fname, required+1, len(params)+1, len(args)+1)
	}
	copy(vals, args)
	for _, k := range kw {
		i := -1
		for j, p := range params {
			if p.name == k.Name {
				i = j
			}
		}
		if i < 0 {
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
		if vals[i] != nil {
			return Errorf(TypeError, "%s() got multiple values for argument '%s'", fname, k.Name)
		}
		vals[i] = k.Value
	}
	var missingNames []string
	for i, p := range params {
		if vals[i] != nil {
			continue
		}
		switch {
		case p.def != nil:
			vals[i] = p.def
		case p.factory != nil:
			v, err := CallValue(t, p.factory, nil, nil)
			if err != nil {
				return err
			}
			vals[i] = v
		default:
			missingNames = append(missingNames, "'"+p.name+"'")
		}
	}
	if len(missingNames) > 0 {
		list := missingNames[0]
		if len(missingNames) > 1 {
			list = strings.Join(missingNames[:len(missingNames)-1], ", ") + " and " + missingNames[len(missingNames)-1]
		}
		s := "s"
		if len(missingNames) == 1 {
			s = ""
		}
		return Errorf(TypeError, "%s() missing %d required positional argument%s: %s", fname, len(missingNames), s, list)
	}
	set := func(name string, v Value) error {
		if o, ok := self.(*Instance); ok && info.frozen {
			o.Dict().SetStr(name, v)
			return nil
		}
		return SetAttr(t, self, name, v)
	}
	for i, p := range params {
		if err := set(p.name, vals[i]); err != nil {
			return err
		}
	}
	for _, f := range info.fields {
		if f.init {
			continue
		}
		switch {
		case f.def != nil:
			if err := set(f.name, f.def); err != nil {
				return err
			}
		case f.factory != nil:
			v, err := CallValue(t, f.factory, nil, nil)
			if err != nil {
				return err
			}
			if err := set(f.name, v); err != nil {
				return err
			}
		}
	}
	if post := self.Type().Lookup("__post_init__"); post != nil {
		if _, err := CallValue(t, post, []Value{self}, nil); err != nil {
			return err
		}
	}
	return nil
}

// classQualname is a class's __qualname__ (Outer.<locals>.Name).
func classQualname(c *Type) string {
	if s, ok := c.Dict().GetStr("__qualname__").(Str); ok {
		return string(s)
	}
	return c.Name()
}
