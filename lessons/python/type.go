package python

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Type is a Python class: a built-in type defined in Go, or a class made
// by a class statement. Types are values themselves (of type `type`).
//
// A built-in type is made once, at package initialization, by NewType;
// its attributes (methods) are registered from init functions by AddMethod
// and friends, and it is immutable from then on. A class statement makes a
// user class whose attributes may change at run time.
type Type struct {
	name   string
	module string
	bases  []*Type
	mro    []*Type
	dict   *Dict
	user   bool   // made by a class statement: attributes are writable
	layout layout // how instances are represented in Go
	solid  *Type  // layoutBuiltin: the built-in type whose value instances carry
	// keepInstance: methods get a subclass instance itself, not its Base
	keepInstance bool

	// ctor, if set, is what calling the type does (for built-in types:
	// int(x), list(it), ...). User classes use __new__/__init__ instead.
	ctor func(t *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error)

	// version changes whenever an attribute of this class or of a base
	// changes, so that caches of lookups can be checked.
	version atomic.Uint64
	flat    atomic.Pointer[flatAttrs] // the MRO's attributes merged, for Lookup
	subsMu  sync.Mutex
	subs    []*Type // direct user subclasses, to bump their versions
}

// flatAttrs is every attribute a class has along its MRO, as of one
// version of the class.
type flatAttrs struct {
	version uint64
	m       map[string]Value
}

type layout uint8

const (
	layoutNone      layout = iota // not subclassable by a class statement
	layoutObject                  // instances are *Instance
	layoutException               // instances are *Exception
	layoutBuiltin                 // instances are *Instance holding a built-in value (Type.solid's)
)

func (*Type) Type() *Type { return TypeType }

// Name is the class's __name__.
func (c *Type) Name() string { return c.name }

// MRO is the method resolution order, c first (do not modify).
func (c *Type) MRO() []*Type { return c.mro }

// Dict is the class's own attribute dictionary.
func (c *Type) Dict() *Dict { return c.dict }

// NewType makes a built-in type named name with the given base (nil means
// object). Call it in a package-level variable declaration; set its
// constructor (SetCtor) and register its methods (AddMethod) from an init
// function. A type without a constructor cannot be instantiated from
// Python ("cannot create 'X' instances").
func NewType(name string, base *Type) *Type {
	if base == nil {
		base = ObjectType
	}
	c := &Type{name: name, module: "builtins", dict: NewDict(), bases: []*Type{base}, layout: base.layout}
	c.mro = append([]*Type{c}, base.mro...)
	if c.layout == layoutObject {
		c.layout = layoutNone
	}
	return c
}

func newObjectType() *Type {
	c := &Type{name: "object", module: "builtins", dict: NewDict(), layout: layoutObject}
	c.mro = []*Type{c}
	return c
}

// SetCtor sets what calling a built-in type does (int(x), deque(it)):
// cls is the type called. Call it from an init function.
func (c *Type) SetCtor(ctor func(t *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error)) {
	c.ctor = ctor
}

// SetModule sets __module__ (for types that live in a module, like
// collections.deque).
func (c *Type) SetModule(m string) *Type { c.module = m; return c }

// Lookup finds name along the MRO without binding (nil if absent). It
// reads a merged copy of the MRO's attributes, rebuilt after a class
// attribute changes, so that a lookup takes no lock.
func (c *Type) Lookup(name string) Value {
	f := c.flat.Load()
	if f == nil || f.version != c.version.Load() {
		f = c.flatten()
	}
	return f.m[name]
}

func (c *Type) flatten() *flatAttrs {
	f := &flatAttrs{version: c.version.Load(), m: map[string]Value{}}
	for i := len(c.mro) - 1; i >= 0; i-- {
		for _, kv := range c.mro[i].dict.Items() {
			if k, ok := kv[0].(Str); ok {
				f.m[string(k)] = kv[1]
			}
		}
	}
	c.flat.Store(f)
	return f
}

// IsSubclass reports whether c is sub or a subclass of it.
func (c *Type) IsSubclass(of *Type) bool {
	if c == of {
		return true
	}
	for _, k := range c.mro {
		if k == of {
			return true
		}
	}
	return false
}

// UserClass reports whether c was made by a class statement, and the
// name of the module whose code made it.
func (c *Type) UserClass() (module string, ok bool) { return c.module, c.user }

// ResetAttrs makes the own attributes of user class c exactly items,
// key and value pairs as Dict().Items() gave them, on thread t (which
// hashes keys): what puts a class back as it was (lab.explore restores a
// program's state between runs). Lookups cached for c and its subclasses
// see the change.
func (c *Type) ResetAttrs(t *Thread, items []Tuple) error {
	if !c.user {
		return Errorf(TypeError, "cannot set attributes of immutable type '%s'", c.name)
	}
	c.dict.Clear()
	for _, kv := range items {
		if k, ok := kv[0].(Str); ok {
			c.dict.SetStr(string(k), kv[1])
		} else if err := c.dict.Set(t, kv[0], kv[1]); err != nil {
			c.bump()
			return err
		}
	}
	c.bump()
	return nil
}

// setAttr writes a class attribute of a user class.
func (c *Type) setAttr(name string, v Value) error {
	if !c.user {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, c.name)
	}
	if v == nil {
		if old := c.dict.GetStr(name); old == nil {
			return Errorf(AttributeError, "type object '%s' has no attribute '%s'", c.name, name)
		}
		c.dict.Delete(nil, Str(name))
	} else {
		c.dict.SetStr(name, v)
	}
	c.bump()
	return nil
}

func (c *Type) bump() {
	c.version.Add(1)
	c.subsMu.Lock()
	subs := append([]*Type(nil), c.subs...)
	c.subsMu.Unlock()
	for _, s := range subs {
		s.bump()
	}
}

// qualName returns module.name for repr, omitting builtins.
func (c *Type) qualName() string {
	if c.module == "builtins" || c.module == "" {
		return c.name
	}
	return c.module + "." + c.name
}

// NewClass makes a user class (what a class statement does).
func NewClass(name string, bases []*Type, dict *Dict, module string) (*Type, error) {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	// a class that defines __eq__ but not __hash__ is unhashable
	if dict.GetStr("__eq__") != nil && dict.GetStr("__hash__") == nil {
		dict.SetStr("__hash__", None)
	}
	if f, ok := dict.GetStr("__init_subclass__").(*Function); ok {
		dict.SetStr("__init_subclass__", &ClassMethod{Fn: f})
	}
	c := &Type{name: name, module: module, bases: bases, dict: dict, user: true}
	var lay layout = layoutObject
	for _, b := range bases {
		solid := b.solid
		switch b.layout {
		case layoutNone:
			if b.ctor == nil || b == BoolType {
				return nil, Errorf(TypeError, "type '%s' is not an acceptable base type", b.name)
			}
			solid = b
			fallthrough
		case layoutBuiltin:
			if c.solid != nil && c.solid != solid || lay == layoutException {
				return nil, Errorf(TypeError, "multiple bases have instance lay-out conflict")
			}
			c.solid, lay = solid, layoutBuiltin
		case layoutException:
			if lay == layoutBuiltin {
				return nil, Errorf(TypeError, "multiple bases have instance lay-out conflict")
			}
			lay = layoutException
		}
	}
	c.layout = lay
	mro, err := c3(c, bases)
	if err != nil {
		return nil, err
	}
	c.mro = mro
	for _, b := range bases {
		if b.user {
			b.subsMu.Lock()
			b.subs = append(b.subs, c)
			b.subsMu.Unlock()
		}
	}
	return c, nil
}

// c3 computes the C3 linearization of a class with the given bases.
func c3(c *Type, bases []*Type) ([]*Type, error) {
	var seqs [][]*Type
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.mro...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	out := []*Type{c}
	for {
		nonempty := false
		for _, s := range seqs {
			if len(s) > 0 {
				nonempty = true
			}
		}
		if !nonempty {
			return out, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			h := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == h {
						inTail = true
					}
				}
			}
			if !inTail {
				cand = h
				break
			}
		}
		if cand == nil {
			names := make([]string, len(bases))
			for i, b := range bases {
				names[i] = b.name
			}
			return nil, Errorf(TypeError, "Cannot create a consistent method resolution order (MRO) for bases %s", strings.Join(names, ", "))
		}
		out = append(out, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// Call calls the class: makes an instance.
func (c *Type) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if c == TypeType && len(args) == 1 && len(kw) == 0 {
		return args[0].Type(), nil
	}
	if !c.user && c.layout == layoutException {
		if c == OSError && len(args) >= 2 && len(args) <= 5 {
			if sub := osErrnoClass(args[0]); sub != nil {
				c = sub
			}
		}
		e := &Exception{class: c}
		if err := initException(e, args, kw); err != nil {
			return nil, err
		}
		if e.args == nil {
			e.args = Tuple{}
		}
		return e, nil
	}
	if !c.user {
		if c.ctor == nil {
			return nil, Errorf(TypeError, "cannot create '%s' instances", c.qualName())
		}
		return c.ctor(t, c, args, kw)
	}
	var obj Value
	if nw := c.Lookup("__new__"); nw != nil {
		if f, ok := nw.(*StaticMethod); ok {
			nw = f.Fn
		}
		if b, ok := nw.(*Builtin); !ok || b.name != "__new__" || b != objectNew {
			all := make([]Value, 0, len(args)+1)
			all = append(append(all, c), args...)
			v, err := CallValue(t, nw, all, kw)
			if err != nil {
				return nil, err
			}
			if !v.Type().IsSubclass(c) {
				return v, nil
			}
			obj = v
		}
	}
	init := c.Lookup("__init__")
	if obj == nil && c.layout == layoutBuiltin {
		var err error
		if obj, err = c.newBuiltinBased(t, args, kw, init); err != nil {
			return nil, err
		}
	}
	if obj == nil {
		obj = newInstance(c)
	}
	_, pyInit := init.(*Function)
	if c.layout == layoutBuiltin && !pyInit {
		return obj, nil
	}
	if init != nil && init != objectInit {
		all := make([]Value, 0, len(args)+1)
		all = append(append(all, obj), args...)
		r, err := CallValue(t, init, all, kw)
		if err != nil {
			return nil, err
		}
		if r != None {
			return nil, Errorf(TypeError, "__init__() should return None, not '%s'", TypeName(r))
		}
	} else if len(args) > 0 || len(kw) > 0 {
		if c.layout == layoutException {
			if err := initException(obj.(*Exception), args, kw); err != nil {
				return nil, err
			}
		} else {
			return nil, Errorf(TypeError, "%s() takes no arguments", c.name)
		}
	}
	return obj, nil
}

// newBuiltinBased makes an instance of a subclass of a built-in type.
// A type whose own __init__ fills the value (list, dict, set) starts
// empty when a Python __init__ takes over; otherwise (str, int, tuple)
// the value is built from the arguments, as the type's __new__ does.
func (c *Type) newBuiltinBased(t *Thread, args []Value, kw []Kwarg, init Value) (Value, error) {
	s := c.solid
	if s.dict.GetStr("__init__") != nil {
		if _, pyInit := init.(*Function); pyInit {
			args, kw = nil, nil
		}
	}
	b, err := s.ctor(t, s, args, kw)
	if err != nil {
		return nil, err
	}
	return &Instance{class: c, dict: newAttrDict(), base: b}, nil
}

func newInstance(c *Type) Value {
	if c.layout == layoutException {
		return &Exception{class: c, args: Tuple{}}
	}
	return &Instance{class: c, dict: newAttrDict()}
}

// TypeName returns the name of v's type, as error messages show it.
func TypeName(v Value) string { return v.Type().name }
