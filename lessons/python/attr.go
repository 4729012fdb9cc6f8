package python

// GetAttr is getattr(x, name): the class's data descriptors, then the
// instance's own attributes, then the class's other attributes (bound if
// they are functions), then a user __getattr__.
func GetAttr(t *Thread, x Value, name string) (Value, error) {
	return getAttrNoting(t, x, name, true)
}

// getAttrNoting is GetAttr. An AttributeError on the way out that names
// no name and no object gets x and name, as CPython's getattr gives
// them, except (all false) from a descriptor the generic lookup calls:
// CPython's method lookup (x.m()) calls those itself and leaves their
// errors as they are.
func getAttrNoting(t *Thread, x Value, name string, all bool) (Value, error) {
	if o, ok := x.(*Instance); ok && o.class.user {
		if ga := o.class.Lookup("__getattribute__"); ga != nil && ga != Value(objectGetattr) {
			v, err := CallValue(t, ga, []Value{x, Str(name)}, nil)
			return v, noteAttrError(err, x, name)
		}
	}
	v, err := genericGetAttr(t, x, name)
	if err != nil && ErrorMatches(err, AttributeError) {
		if ga := x.Type().Lookup("__getattr__"); ga != nil {
			v, err := CallValue(t, ga, []Value{x, Str(name)}, nil)
			return v, noteAttrError(err, x, name)
		}
		if all {
			err = noteAttrError(err, x, name)
		}
	}
	return v, err
}

// noteAttrError gives err, if it is an AttributeError with neither a name
// nor an obj, the name and the object looked up.
func noteAttrError(err error, x Value, name string) error {
	e, ok := err.(*Exception)
	if !ok || !e.class.IsSubclass(AttributeError) {
		return err
	}
	if d := e.details(); d.name == nil && d.obj == nil {
		m := e.more()
		m.name, m.obj = Str(name), x
	}
	return err
}

func genericGetAttr(t *Thread, x Value, name string) (Value, error) {
	switch o := x.(type) {
	case *Type:
		return typeGetAttr(t, o, name)
	case *Module:
		if v := o.globals.getStr(t, name); v != nil {
			return v, nil
		}
		if name == "__dict__" {
			return o.globals, nil
		}
		return nil, attrError(x, name, "module '%s' has no attribute '%s'", o.name, name)
	case *Super:
		return superGetAttr(t, o, name)
	}
	typ := x.Type()
	d := typ.Lookup(name)
	if p, ok := d.(*Property); ok {
		if p.Get == nil {
			return nil, Errorf(AttributeError, "property '%s' of '%s' object has no getter", name, typ.name)
		}
		return CallValue(t, p.Get, []Value{x}, nil)
	}
	switch o := x.(type) {
	case *Instance:
		if o.dict != nil {
			if v := o.dict.getStr(t, name); v != nil {
				return v, nil
			}
		}
		switch name {
		case "__dict__":
			if o.dict != nil {
				return o.dict, nil
			}
		case "__class__":
			return o.class, nil
		}
	case *Exception:
		if o.dict != nil {
			if v := o.dict.getStr(t, name); v != nil {
				return v, nil
			}
		}
		if v, ok := o.excAttr(name); ok && (d == nil || !o.excMember(name)) {
			return v, nil
		}
		if name == "__class__" {
			return o.class, nil
		}
		if name == "__dict__" {
			if o.dict == nil {
				o.dict = NewDict()
			}
			return o.dict, nil
		}
	case *Function:
		switch name {
		case "__name__":
			return Str(o.name), nil
		case "__qualname__":
			return Str(o.qualname), nil
		case "__module__":
			return o.globals.globals.GetStr("__name__"), nil
		case "__doc__":
			if v := o.dict.GetStr("__doc__"); v != nil {
				return v, nil
			}
			if len(o.code.consts) > 0 && o.code.HasDoc {
				return o.code.consts[0], nil
			}
			return None, nil
		case "__dict__":
			return o.funcDict(), nil
		case "__defaults__":
			if o.defaults == nil {
				return None, nil
			}
			return Tuple(o.defaults), nil
		case "__code__":
			return o.code, nil
		case "__closure__":
			if len(o.closure) == 0 {
				return None, nil
			}
			cl := make(Tuple, len(o.closure))
			for i, c := range o.closure {
				cl[i] = c
			}
			return cl, nil
		case "__globals__":
			return o.globals.globals, nil
		case "__annotations__":
			if o.annotations == nil {
				o.annotations = NewDict()
			}
			return o.annotations, nil
		case "__kwdefaults__":
			if o.kwdefault == nil {
				return None, nil
			}
			return o.kwdefault, nil
		}
		if o.dict != nil {
			if v := o.dict.getStr(t, name); v != nil {
				return v, nil
			}
		}
	case *BoundMethod:
		switch name {
		case "__self__":
			return o.Self, nil
		case "__func__":
			return o.Fn, nil
		}
		return GetAttr(t, o.Fn, name)
	case *Builtin:
		switch name {
		case "__name__", "__qualname__":
			return Str(o.name), nil
		case "__self__":
			if o.self != nil {
				return o.self, nil
			}
			return None, nil
		case "__doc__":
			return None, nil
		}
	case *Property:
		switch name {
		case "fget", "fset", "fdel":
			v := map[string]Value{"fget": o.Get, "fset": o.Set, "fdel": o.Del}[name]
			if v == nil {
				return None, nil
			}
			return v, nil
		case "setter", "getter", "deleter":
			return NewBuiltin(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				if err := ArgCount(name, args, 1, 1); err != nil {
					return nil, err
				}
				p := *o
				switch name {
				case "setter":
					p.Set = args[0]
				case "getter":
					p.Get = args[0]
				default:
					p.Del = args[0]
				}
				return &p, nil
			}), nil
		case "__isabstractmethod__":
			return False, nil
		}
	case *Cell:
		if name == "cell_contents" {
			if v := o.Get(); v != nil {
				return v, nil
			}
			return nil, Errorf(ValueError, "Cell is empty")
		}
	case *StaticMethod:
		if name == "__func__" {
			return o.Fn, nil
		}
	case *ClassMethod:
		if name == "__func__" {
			return o.Fn, nil
		}
	case HasAttrs:
		v, err := o.Attr(t, name)
		if v != nil || err != nil {
			return v, err
		}
	}
	if d != nil {
		return bindAttr(d, x, typ), nil
	}
	if name == "__class__" {
		return typ, nil
	}
	return nil, attrError(x, name, "'%s' object has no attribute '%s'", typ.name, name)
}

// bindAttr turns a class attribute found for instance x into what x.name
// gives: bound methods for functions.
func bindAttr(d Value, x Value, typ *Type) Value {
	switch f := d.(type) {
	case *Function:
		return &BoundMethod{Fn: f, Self: x}
	case *MethodDescr:
		return &Builtin{name: f.name, fn: f.fn, self: f.receiver(x), items: f.items, traced: f.traced}
	case *StaticMethod:
		return f.Fn
	case *ClassMethod:
		return &BoundMethod{Fn: f.Fn, Self: typ}
	case *Builtin:
		if f.self == nil && typ.user == false {
			return &Builtin{name: f.name, fn: f.fn, self: x}
		}
		if f.self == nil && isObjectMethod(f) {
			return &Builtin{name: f.name, fn: f.fn, self: x}
		}
	}
	return d
}

// isObjectMethod reports whether b is one of object's (or
// BaseException's) own methods, which bind like methods.
func isObjectMethod(b *Builtin) bool {
	for _, c := range []*Type{ObjectType, BaseException} {
		if v := c.dict.GetStr(b.name); v == b {
			return true
		}
	}
	return false
}

func typeGetAttr(t *Thread, c *Type, name string) (Value, error) {
	for _, k := range c.mro {
		if v := k.dict.getStr(t, name); v != nil {
			switch f := v.(type) {
			case *StaticMethod:
				return f.Fn, nil
			case *ClassMethod:
				return &BoundMethod{Fn: f.Fn, Self: c}, nil
			}
			return v, nil
		}
	}
	switch name {
	case "__name__", "__qualname__":
		return Str(c.name), nil
	case "__module__":
		return Str(c.module), nil
	case "__mro__":
		t := make(Tuple, len(c.mro))
		for i, k := range c.mro {
			t[i] = k
		}
		return t, nil
	case "__bases__":
		t := make(Tuple, len(c.bases))
		for i, k := range c.bases {
			t[i] = k
		}
		return t, nil
	case "__base__":
		if len(c.bases) == 0 {
			return None, nil
		}
		return c.bases[0], nil
	case "__dict__":
		return c.dict.Copy(), nil
	case "__doc__":
		return None, nil
	case "__class__":
		return TypeType, nil
	case "mro":
		return NewBuiltin("mro", func(*Thread, []Value, []Kwarg) (Value, error) {
			l := make([]Value, len(c.mro))
			for i, k := range c.mro {
				l[i] = k
			}
			return NewList(l), nil
		}), nil
	case "__subclasses__":
		return NewBuiltin("__subclasses__", func(*Thread, []Value, []Kwarg) (Value, error) {
			l := make([]Value, len(c.subs))
			for i, k := range c.subs {
				l[i] = k
			}
			return NewList(l), nil
		}), nil
	}
	// methods of type itself (type.mro etc.) are not modelled further
	return nil, attrError(c, name, "type object '%s' has no attribute '%s'", c.name, name)
}

func superGetAttr(t *Thread, s *Super, name string) (Value, error) {
	var typ *Type
	if c, ok := s.Obj.(*Type); ok && c.IsSubclass(s.Class) {
		typ = c
	} else {
		typ = s.Obj.Type()
	}
	if v := superLookup(t, s, typ, name); v != nil {
		if _, isType := s.Obj.(*Type); isType {
			switch f := v.(type) {
			case *ClassMethod:
				return &BoundMethod{Fn: f.Fn, Self: s.Obj}, nil
			case *StaticMethod:
				return f.Fn, nil
			}
			return v, nil
		}
		if p, ok := v.(*Property); ok && p.Get != nil {
			return CallValue(t, p.Get, []Value{s.Obj}, nil)
		}
		return bindAttr(v, s.Obj, typ), nil
	}
	return nil, Errorf(AttributeError, "'super' object has no attribute '%s'", name)
}

// superLookup finds name in the classes of typ's MRO after s.Class, or
// returns nil.
func superLookup(t *Thread, s *Super, typ *Type, name string) Value {
	mro := typ.mro
	i := 0
	for i < len(mro) && mro[i] != s.Class {
		i++
	}
	for _, k := range mro[min(i+1, len(mro)):] {
		if v := k.dict.getStr(t, name); v != nil {
			return v
		}
	}
	return nil
}

// SetAttr is setattr(x, name, v); v == nil deletes (delattr).
func SetAttr(t *Thread, x Value, name string, v Value) error {
	if o, ok := x.(*Instance); ok && o.class.user {
		hook := "__setattr__"
		if v == nil {
			hook = "__delattr__"
		}
		if m := o.class.Lookup(hook); m != nil && m != Value(objectSetattr) && m != Value(objectDelattr) {
			args := []Value{x, Str(name), v}
			if v == nil {
				args = args[:2]
			}
			_, err := CallValue(t, m, args, nil)
			return err
		}
	}
	return genericSetAttr(t, x, name, v)
}

func genericSetAttr(t *Thread, x Value, name string, v Value) error {
	if c, ok := x.(*Type); ok {
		return c.setAttr(name, v)
	}
	typ := x.Type()
	if p, ok := typ.Lookup(name).(*Property); ok {
		if v == nil {
			if p.Del == nil {
				return Errorf(AttributeError, "property '%s' of '%s' object has no deleter", name, typ.name)
			}
			_, err := CallValue(t, p.Del, []Value{x}, nil)
			return err
		}
		if p.Set == nil {
			if !typ.user {
				return Errorf(AttributeError, "attribute '%s' of '%s' objects is not writable", name, typ.name)
			}
			return Errorf(AttributeError, "property '%s' of '%s' object has no setter", name, typ.name)
		}
		_, err := CallValue(t, p.Set, []Value{x, v}, nil)
		return err
	}
	var d *Dict
	switch o := x.(type) {
	case *Instance:
		d = o.dict
	case *Exception:
		if o.dict == nil {
			o.dict = NewDict()
		}
		d = o.dict
		switch name {
		case "__cause__":
			if v == None || v == nil {
				o.cause = nil
			} else if e, ok := v.(*Exception); ok {
				o.cause = e
			} else {
				return Errorf(TypeError, "exception cause must be None or derive from BaseException")
			}
			o.suppressContext = true
			return nil
		case "__context__":
			if e, ok := v.(*Exception); ok {
				o.context = e
			} else {
				o.context = nil
			}
			return nil
		case "args":
			items, err := Collect(t, v)
			o.args = items
			return err
		}
		if o.excMember(name) && typ.Lookup(name) == nil {
			o.setMember(name, v)
			return nil
		}
	case *Function:
		d = o.funcDict()
		if name == "__name__" {
			if s, ok := v.(Str); ok {
				o.name = string(s)
			}
		}
		if name == "__qualname__" {
			if s, ok := v.(Str); ok {
				o.qualname = string(s)
			}
		}
	case *Module:
		d = o.globals
	}
	if d == nil {
		if typ.Lookup(name) != nil && !typ.user {
			return Errorf(AttributeError, "attribute '%s' of '%s' objects is not writable", name, typ.name)
		}
		return Errorf(AttributeError, "'%s' object has no attribute '%s'", typ.name, name)
	}
	if v == nil {
		old, err := d.Delete(t, Str(name))
		if err == nil && old == nil {
			return Errorf(AttributeError, "'%s' object has no attribute '%s'", typ.name, name)
		}
		return err
	}
	d.setStr(t, name, v)
	return nil
}

func (f *Function) funcDict() *Dict { return f.dict }
