package python

import (
	"strings"

	"threadlab/lessons/python/internal/compile"
)

// Copying values from one interpreter to another, for multiprocessing:
// each process is an interpreter of its own, and what crosses between
// them (a child's copy of __main__, arguments, results, queue items) is
// copied, never shared. A copy happens in two halves: the sender packs
// the value into a Parcel (on its own thread, so that user __hash__ and
// the like run where the objects live) and the receiver unpacks it on
// one of its threads, building fresh objects there. A Parcel holds no
// mutable object of the sender, so packing and unpacking never race;
// except what cannot be copied (a fork's generators and iterators, a
// bound built-in method, an unknown value): that is shared, and both
// interpreters then lock their lists and dicts for good (shareObjects).

// Shareable marks a host value that every interpreter may use at once (a
// multiprocessing Lock, Value or Queue): copies pass it on as it is.
type Shareable interface {
	Value
	SharedAcrossInterpreters()
}

// HostCopier is a host value that makes its own copy in the receiving
// interpreter: a threading.Lock becomes a new, unlocked lock there.
// CopyTo runs on the receiving thread.
type HostCopier interface {
	Value
	CopyTo(dst *Thread) (Value, error)
}

// Parcel is a value packed out of one interpreter, ready to be unpacked
// in another (or in the same one, as a copy).
type Parcel struct {
	root    *node
	globals []namedNode // PackFork: the module's globals
	shares  bool        // it holds mutable objects of the sender
}

type namedNode struct {
	name string
	n    *node
}

type nodeKind uint8

const (
	nAtom        nodeKind = iota // an immutable value (or a shared host value), passed as it is
	nHost                        // a HostCopier, copied by the receiver
	nTuple                       // items
	nSlice                       // items: start, stop, step
	nList                        // items
	nDict                        // items: key, value, key, value, ...
	nSet                         // items; frozen
	nByteArray                   // data
	nDeque                       // items; maxlen
	nDictSub                     // a defaultdict, OrderedDict or Counter: typ, the dict in items[0], the factory in items[1]
	nNamedTuple                  // a namedtuple value: nt, items
	nRef                         // module, qualname; fallback if the receiver lacks it
	nModule                      // module (its name)
	nFunction                    // fn fields
	nCell                        // items[0], or none when empty
	nClass                       // a user class: name, module, items: bases; attrs
	nInstance                    // items[0] the class, items[1] the base value (or nil); attrs
	nException                   // items[0] the class, items[1] the args; attrs
	nBound                       // items: function, self
	nStatic                      // items[0]
	nClassMethod                 // items[0]
	nProperty                    // items: get, set, del (nil when absent)
	nPartial                     // items: fn, args... ; kw in attrs
	nDescr                       // a native method of a user class (a dataclass\'s __init__): items[0] the class; v the method
)

// node is one value in a Parcel. Nodes for mutable objects are shared
// where the objects were, so that aliasing and cycles survive the copy.
type node struct {
	kind     nodeKind
	v        Value // nAtom, nHost
	items    []*node
	attrs    []namedNode
	frozen   bool
	data     []byte
	maxlen   int
	typ      *Type
	nt       *ntClass
	module   string
	qualname string
	name     string
	fallback *node
	fn       *funcNode
}

type funcNode struct {
	code        *compile.Code
	module      string // the name of its globals' module
	defaults    []*node
	kwdefault   *node
	annotations *node
	closure     []*node
}

// packer walks the sender's objects.
type packer struct {
	t      *Thread
	fork   *Module // PackFork: the module being copied as a whole
	memo   map[any]*node
	depth  int  // how deeply nested the value being packed is
	shares bool // a value was shared, not copied (shared)
}

// shared passes v on as it is, though it may be or hold a mutable object.
func (p *packer) shared(v Value) *node {
	p.shares = true
	return &node{kind: nAtom, v: v}
}

// sealed ends a packing: an interpreter that shares objects with another
// must lock them from now on.
func (p *packer) sealed(pc *Parcel) *Parcel {
	if p.shares {
		pc.shares = true
		p.t.interp.shareObjects()
	}
	return pc
}

// maxPackDepth bounds the nesting Pack follows, as the recursion limit
// bounds pickle's (a deeper value is a RecursionError, not a crash).
const maxPackDepth = 10000

// Pack copies v out of t's interpreter. As pickle does for
// multiprocessing, a function or class that its module holds under its
// qualified name travels by name, so the receiver uses its own (with a
// copy by value as a fallback for __main__'s, which the receiver may
// lack); lambdas, nested functions and classes the module does not hold
// travel by value. A generator, an iterator, a module or a stream cannot
// be copied: that is the TypeError pickle raises ("cannot pickle
// 'generator' object").
func (t *Thread) Pack(v Value) (*Parcel, error) {
	p := &packer{t: t, memo: map[any]*node{}}
	n, err := p.pack(v)
	if err != nil {
		return nil, err
	}
	return p.sealed(&Parcel{root: n}), nil
}

// PackFork copies module m's globals and v as fork() copies a process's
// memory: everything by value (m's own functions and classes too, which
// the receiver's copy of m will hold), modules by name, and values that
// cannot be copied are shared rather than refused.
func (t *Thread) PackFork(m *Module, v Value) (*Parcel, error) {
	p := &packer{t: t, fork: m, memo: map[any]*node{}}
	globals, err := p.strAttrs(m.globals)
	if err != nil {
		return nil, err
	}
	n, err := p.pack(v)
	if err != nil {
		return nil, err
	}
	return p.sealed(&Parcel{root: n, globals: globals}), nil
}

// each maps f over xs, stopping at the first error; packing and
// unpacking a sequence share it.
func each[A, B any](xs []A, f func(A) (B, error)) ([]B, error) {
	out := make([]B, len(xs))
	for i, x := range xs {
		y, err := f(x)
		if err != nil {
			return nil, err
		}
		out[i] = y
	}
	return out, nil
}

func (p *packer) all(vs []Value) ([]*node, error) { return each(vs, p.pack) }

func (p *packer) dictItems(d *Dict) ([]*node, error) {
	var out []*node
	for _, kv := range d.Items() {
		k, err := p.pack(kv[0])
		if err != nil {
			return nil, err
		}
		v, err := p.pack(kv[1])
		if err != nil {
			return nil, err
		}
		out = append(out, k, v)
	}
	return out, nil
}

func (p *packer) strAttrs(d *Dict) ([]namedNode, error) {
	if d == nil {
		return nil, nil
	}
	var out []namedNode
	for _, kv := range d.Items() {
		name, ok := kv[0].(Str)
		if !ok {
			continue
		}
		n, err := p.pack(kv[1])
		if err != nil {
			return nil, err
		}
		out = append(out, namedNode{string(name), n})
	}
	return out, nil
}

// remember records n as the copy of the mutable object key before its
// contents are packed, so that a cycle back to it finds n.
func (p *packer) remember(key any, n *node) *node {
	p.memo[key] = n
	return n
}

// object packs an instance or exception v: its class, one inner value
// (the base value or the args) and its attributes.
func (p *packer) object(v Value, kind nodeKind, class *Type, inner Value, dict *Dict) (*node, error) {
	n := p.remember(v, &node{kind: kind})
	cls, err := p.class(class)
	if err != nil {
		return nil, err
	}
	in, err := p.pack(inner)
	if err != nil {
		return nil, err
	}
	n.items = []*node{cls, in}
	n.attrs, err = p.strAttrs(dict)
	return n, err
}

func (p *packer) pack(v Value) (*node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxPackDepth {
		return nil, Errorf(RecursionError, "maximum recursion depth exceeded while pickling an object")
	}
	switch x := v.(type) {
	case nil:
		return nil, nil
	case NoneType, Bool, Int, *BigInt, Float, Str, Bytes, NotImplementedType, EllipsisType, *Range, *bigRange:
		return &node{kind: nAtom, v: v}, nil
	case *Builtin:
		if _, ok := x.self.(*Module); ok || x.self == nil {
			return &node{kind: nAtom, v: v}, nil
		}
		return p.shared(v), nil
	case *MethodDescr:
		if !x.owner.user {
			return &node{kind: nAtom, v: v}, nil
		}
		cls, err := p.class(x.owner)
		return &node{kind: nDescr, v: v, items: []*node{cls}}, err
	case Shareable:
		return &node{kind: nAtom, v: v}, nil
	case Tuple:
		items, err := p.all(x)
		if err != nil {
			return nil, err
		}
		return &node{kind: nTuple, items: items}, nil
	}
	if n, ok := p.memo[v]; ok {
		return n, nil
	}
	switch x := v.(type) {
	case HostCopier:
		return p.remember(v, &node{kind: nHost, v: v}), nil
	case *List:
		n := p.remember(v, &node{kind: nList})
		items, err := p.all(x.Snapshot())
		n.items = items
		return n, err
	case *Dict:
		n := p.remember(v, &node{kind: nDict})
		items, err := p.dictItems(x)
		n.items = items
		return n, err
	case *Set:
		n := p.remember(v, &node{kind: nSet, frozen: x.Frozen()})
		items, err := p.all(x.Elems())
		n.items = items
		return n, err
	case *byteArray:
		return p.remember(v, &node{kind: nByteArray, data: []byte(x.bytes())}), nil
	case *deque:
		n := p.remember(v, &node{kind: nDeque, maxlen: x.maxlen})
		items, err := p.all(x.snapshot())
		n.items = items
		return n, err
	case *dictSub:
		n := p.remember(v, &node{kind: nDictSub, typ: x.typ})
		d, err := p.pack(x.d)
		if err != nil {
			return nil, err
		}
		f, err := p.pack(x.factory)
		n.items = []*node{d, f}
		return n, err
	case *ntValue:
		items, err := p.all(x.items)
		return &node{kind: nNamedTuple, nt: x.cls, items: items}, err
	case *Slice:
		items, err := p.all([]Value{x.Start, x.Stop, x.Step})
		if err != nil {
			return nil, err
		}
		return &node{kind: nSlice, items: items}, nil
	case *Module:
		if p.fork == nil {
			return nil, Errorf(TypeError, "cannot pickle 'module' object")
		}
		return &node{kind: nModule, module: x.name}, nil
	case *Function:
		return p.function(x)
	case *Type:
		return p.class(x)
	case *Cell:
		n := p.remember(v, &node{kind: nCell})
		if c := x.Get(); c != nil {
			inner, err := p.pack(c)
			if err != nil {
				return nil, err
			}
			n.items = []*node{inner}
		}
		return n, nil
	case *Instance:
		return p.object(v, nInstance, x.class, x.base, x.dict)
	case *Exception:
		return p.object(v, nException, x.class, x.args, x.dict)
	case *BoundMethod:
		items, err := p.all([]Value{x.Fn, x.Self})
		return &node{kind: nBound, items: items}, err
	case *StaticMethod:
		items, err := p.all([]Value{x.Fn})
		return &node{kind: nStatic, items: items}, err
	case *ClassMethod:
		items, err := p.all([]Value{x.Fn})
		return &node{kind: nClassMethod, items: items}, err
	case *Property:
		items, err := p.all([]Value{x.Get, x.Set, x.Del})
		return &node{kind: nProperty, items: items}, err
	case *partial:
		items, err := p.all(append([]Value{x.fn}, x.args...))
		if err != nil {
			return nil, err
		}
		n := &node{kind: nPartial, items: items}
		for _, k := range x.kw {
			kn, err := p.pack(k.Value)
			if err != nil {
				return nil, err
			}
			n.attrs = append(n.attrs, namedNode{k.Name, kn})
		}
		return n, nil
	case *Generator, *Traceback, *stream:
		return p.uncopyable(v)
	case Iterator:
		return p.uncopyable(v)
	}
	// Anything else (a built-in type, a descriptor, a host value) has no
	// state a copy could keep apart: it is passed on as it is, but it may
	// hold a list or dict.
	return p.shared(v), nil
}

// uncopyable is a value neither pickle nor this copy can rebuild: a fork
// shares it (the child's copy would be a snapshot of a running
// computation), a Pack refuses it as pickle does.
func (p *packer) uncopyable(v Value) (*node, error) {
	if p.fork != nil {
		return p.shared(v), nil
	}
	return nil, Errorf(TypeError, "cannot pickle '%s' object", v.Type().name)
}

// byName reports the module and qualified name under which the sender's
// interpreter holds v, if it does.
func (p *packer) byName(v Value, module, qualname string) bool {
	if module == "" || strings.Contains(qualname, "<") {
		return false
	}
	in := p.t.interp
	in.mu.Lock()
	m := in.modules[module]
	in.mu.Unlock()
	if m == nil {
		return false
	}
	got, ok := lookupQualname(m, qualname)
	return ok && got == v
}

// lookupQualname finds a dotted name in a module: a function or class,
// or one nested in a class.
func lookupQualname(m *Module, qualname string) (Value, bool) {
	parts := strings.Split(qualname, ".")
	v := m.globals.GetStr(parts[0])
	for _, part := range parts[1:] {
		c, ok := v.(*Type)
		if !ok {
			return nil, false
		}
		v = c.dict.GetStr(part)
	}
	return v, v != nil
}

// ref makes a by-name node for v; a value of the sender's __main__ gets
// a copy by value too, for a receiver whose __main__ lacks it.
func (p *packer) ref(v Value, module, qualname string, byValue func() (*node, error)) (*node, error) {
	n := p.remember(v, &node{kind: nRef, module: module, qualname: qualname})
	if module == "__main__" {
		fb, err := byValue()
		if err != nil {
			return nil, err
		}
		n.fallback = fb
	}
	return n, nil
}

func (p *packer) function(f *Function) (*node, error) {
	module := f.globals.name
	if (p.fork == nil || f.globals != p.fork) && p.byName(f, module, f.qualname) {
		return p.ref(f, module, f.qualname, func() (*node, error) { return p.functionValue(f, false) })
	}
	return p.functionValue(f, true)
}

// functionValue packs a function's code and state; remember is false for
// a by-name node's fallback, which must not replace it in the memo.
func (p *packer) functionValue(f *Function, remember bool) (*node, error) {
	fnode := &funcNode{code: f.code.Code, module: f.globals.name}
	n := &node{kind: nFunction, name: f.name, qualname: f.qualname, fn: fnode}
	if remember {
		p.remember(f, n)
	}
	var err error
	if fnode.defaults, err = p.all(f.defaults); err != nil {
		return nil, err
	}
	if f.kwdefault != nil {
		if fnode.kwdefault, err = p.pack(f.kwdefault); err != nil {
			return nil, err
		}
	}
	if f.annotations != nil {
		if fnode.annotations, err = p.pack(f.annotations); err != nil {
			return nil, err
		}
	}
	for _, c := range f.closure {
		cn, err := p.pack(c)
		if err != nil {
			return nil, err
		}
		fnode.closure = append(fnode.closure, cn)
	}
	n.attrs, err = p.strAttrs(f.dict)
	return n, err
}

func (p *packer) class(c *Type) (*node, error) {
	if !c.user {
		return &node{kind: nAtom, v: c}, nil
	}
	if n, ok := p.memo[c]; ok {
		return n, nil
	}
	qualname := c.name
	if q, ok := c.dict.GetStr("__qualname__").(Str); ok {
		qualname = string(q)
	}
	if (p.fork == nil || c.module != p.fork.name) && p.byName(c, c.module, qualname) {
		return p.ref(c, c.module, qualname, func() (*node, error) { return p.classValue(c, false) })
	}
	return p.classValue(c, true)
}

func (p *packer) classValue(c *Type, remember bool) (*node, error) {
	n := &node{kind: nClass, name: c.name, module: c.module}
	if remember {
		p.remember(c, n)
	}
	for _, b := range c.bases {
		bn, err := p.class(b)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, bn)
	}
	var err error
	n.attrs, err = p.strAttrs(c.dict)
	return n, err
}

// unpacker builds the receiver's objects.
type unpacker struct {
	t     *Thread
	main  *Module // the receiver's __main__ (for UnpackFork, the module being filled)
	memo  map[*node]Value
	codes map[*compile.Code]*codeObj
}

// Unpack makes the parcel's value in t's interpreter.
func (t *Thread) Unpack(p *Parcel) (Value, error) {
	if p.shares {
		t.interp.shareObjects()
	}
	u := &unpacker{t: t, memo: map[*node]Value{}, codes: map[*compile.Code]*codeObj{}}
	return u.unpack(p.root)
}

// UnpackFork fills m with the globals of a PackFork parcel (m becomes the
// receiver's copy of the module) and returns its value.
func (t *Thread) UnpackFork(p *Parcel, m *Module) (Value, error) {
	if p.shares {
		t.interp.shareObjects()
	}
	u := &unpacker{t: t, main: m, memo: map[*node]Value{}, codes: map[*compile.Code]*codeObj{}}
	for _, g := range p.globals {
		if g.name == "__name__" {
			continue
		}
		v, err := u.unpack(g.n)
		if err != nil && g.n.kind == nModule && ErrorMatches(err, ModuleNotFoundError) {
			continue // a module only the sender's host has (the kernel's lab): the copy goes without it
		}
		if err != nil {
			return nil, err
		}
		m.globals.SetStr(g.name, v)
	}
	return u.unpack(p.root)
}

// module finds the receiver's module of a name: its __main__, or an
// import.
func (u *unpacker) module(name string) (*Module, error) {
	if name == "__main__" && u.main != nil {
		return u.main, nil
	}
	m, err := u.t.Import(name)
	if err != nil {
		return nil, err
	}
	if name == "__main__" {
		u.main = m
	}
	return m, nil
}

func (u *unpacker) all(ns []*node) ([]Value, error) { return each(ns, u.unpack) }

func (u *unpacker) fillDict(d *Dict, items []*node) error {
	for i := 0; i+1 < len(items); i += 2 {
		k, err := u.unpack(items[i])
		if err != nil {
			return err
		}
		v, err := u.unpack(items[i+1])
		if err != nil {
			return err
		}
		if err := d.Set(u.t, k, v); err != nil {
			return err
		}
	}
	return nil
}

func (u *unpacker) fillAttrs(d *Dict, attrs []namedNode) error {
	for _, a := range attrs {
		v, err := u.unpack(a.n)
		if err != nil {
			return err
		}
		d.SetStr(a.name, v)
	}
	return nil
}

func (u *unpacker) unpack(n *node) (Value, error) {
	if n == nil {
		return nil, nil
	}
	if v, ok := u.memo[n]; ok {
		return v, nil
	}
	switch n.kind {
	case nAtom:
		return n.v, nil
	case nHost:
		v, err := n.v.(HostCopier).CopyTo(u.t)
		u.memo[n] = v
		return v, err
	case nTuple:
		items, err := u.all(n.items)
		if err != nil {
			return nil, err
		}
		return Tuple(items), nil
	case nSlice:
		items, err := u.all(n.items)
		if err != nil {
			return nil, err
		}
		return &Slice{Start: items[0], Stop: items[1], Step: items[2]}, nil
	case nList:
		l := NewList(nil)
		u.memo[n] = l
		items, err := u.all(n.items)
		l.Update(func([]Value) []Value { return items })
		return l, err
	case nDict:
		d := NewDict()
		u.memo[n] = d
		return d, u.fillDict(d, n.items)
	case nSet:
		s := NewSet(n.frozen)
		u.memo[n] = s
		items, err := u.all(n.items)
		if err != nil {
			return nil, err
		}
		for _, e := range items {
			if err := s.Add(u.t, e); err != nil {
				return nil, err
			}
		}
		return s, nil
	case nByteArray:
		a := &byteArray{b: append([]byte(nil), n.data...)}
		u.memo[n] = a
		return a, nil
	case nDeque:
		d := &deque{maxlen: n.maxlen}
		u.memo[n] = d
		items, err := u.all(n.items)
		d.items = items
		return d, err
	case nDictSub:
		s := &dictSub{typ: n.typ}
		u.memo[n] = s
		parts, err := u.all(n.items)
		if err != nil {
			return nil, err
		}
		s.d, s.factory = parts[0].(*Dict), parts[1]
		return s, nil
	case nNamedTuple:
		items, err := u.all(n.items)
		return &ntValue{cls: n.nt, items: Tuple(items)}, err
	case nModule:
		return u.module(n.module)
	case nRef:
		return u.ref(n)
	case nFunction:
		return u.function(n)
	case nCell:
		c := &Cell{}
		u.memo[n] = c
		if len(n.items) > 0 {
			v, err := u.unpack(n.items[0])
			if err != nil {
				return nil, err
			}
			c.Set(v)
		}
		return c, nil
	case nClass:
		return u.class(n)
	case nInstance:
		cls, err := u.unpackClass(n.items[0])
		if err != nil {
			return nil, err
		}
		o := &Instance{class: cls, dict: NewDict()}
		u.memo[n] = o
		if o.base, err = u.unpack(n.items[1]); err != nil {
			return nil, err
		}
		return o, u.fillAttrs(o.dict, n.attrs)
	case nException:
		cls, err := u.unpackClass(n.items[0])
		if err != nil {
			return nil, err
		}
		e := &Exception{class: cls}
		u.memo[n] = e
		args, err := u.unpack(n.items[1])
		if err != nil {
			return nil, err
		}
		e.args, _ = args.(Tuple)
		if len(n.attrs) > 0 {
			e.dict = NewDict()
		}
		return e, u.fillAttrs(e.dict, n.attrs)
	case nBound:
		parts, err := u.all(n.items)
		if err != nil {
			return nil, err
		}
		return &BoundMethod{Fn: parts[0], Self: parts[1]}, nil
	case nStatic, nClassMethod:
		fn, err := u.unpack(n.items[0])
		if n.kind == nStatic {
			return &StaticMethod{Fn: fn}, err
		}
		return &ClassMethod{Fn: fn}, err
	case nProperty:
		parts, err := u.all(n.items)
		if err != nil {
			return nil, err
		}
		return &Property{Get: parts[0], Set: parts[1], Del: parts[2]}, nil
	case nDescr:
		cls, err := u.unpackClass(n.items[0])
		if err != nil {
			return nil, err
		}
		m := *n.v.(*MethodDescr)
		m.owner = cls
		return &m, nil
	case nPartial:
		parts, err := u.all(n.items)
		if err != nil {
			return nil, err
		}
		pt := &partial{fn: parts[0], args: parts[1:]}
		for _, a := range n.attrs {
			v, err := u.unpack(a.n)
			if err != nil {
				return nil, err
			}
			pt.kw = append(pt.kw, Kwarg{Name: a.name, Value: v})
		}
		return pt, nil
	}
	return nil, Errorf(SystemError, "threadlab cannot unpack a copied value of kind %d", n.kind)
}

func (u *unpacker) unpackClass(n *node) (*Type, error) {
	v, err := u.unpack(n)
	if err != nil {
		return nil, err
	}
	c, ok := v.(*Type)
	if !ok {
		return nil, Errorf(TypeError, "a copied object's class is a '%s', not a class", TypeName(v))
	}
	return c, nil
}

// ref finds a by-name value in the receiver, or falls back to its copy by
// value; with neither it fails as pickle does.
func (u *unpacker) ref(n *node) (Value, error) {
	m, err := u.module(n.module)
	if err == nil {
		if v, ok := lookupQualname(m, n.qualname); ok {
			u.memo[n] = v
			return v, nil
		}
	}
	if n.fallback != nil {
		v, err := u.unpack(n.fallback)
		u.memo[n] = v
		return v, err
	}
	if err != nil {
		return nil, err
	}
	return nil, Errorf(AttributeError, "Can't get attribute '%s' on <module '%s'>", n.qualname, n.module)
}

func (u *unpacker) function(n *node) (Value, error) {
	fn := n.fn
	globals, err := u.module(fn.module)
	if err != nil {
		return nil, err
	}
	co := u.codes[fn.code]
	if co == nil {
		co = newCodeObj(fn.code)
		u.codes[fn.code] = co
	}
	f := &Function{code: co, globals: globals, name: n.name, qualname: n.qualname, dict: NewDict()}
	u.memo[n] = f
	if f.defaults, err = u.all(fn.defaults); err != nil {
		return nil, err
	}
	if len(f.defaults) == 0 {
		f.defaults = nil
	}
	if fn.kwdefault != nil {
		v, err := u.unpack(fn.kwdefault)
		if err != nil {
			return nil, err
		}
		f.kwdefault, _ = v.(*Dict)
	}
	if fn.annotations != nil {
		v, err := u.unpack(fn.annotations)
		if err != nil {
			return nil, err
		}
		f.annotations, _ = v.(*Dict)
	}
	for _, cn := range fn.closure {
		v, err := u.unpack(cn)
		if err != nil {
			return nil, err
		}
		c, _ := v.(*Cell)
		f.closure = append(f.closure, c)
	}
	return f, u.fillAttrs(f.dict, n.attrs)
}

func (u *unpacker) class(n *node) (Value, error) {
	bases := make([]*Type, len(n.items))
	for i, bn := range n.items {
		b, err := u.unpackClass(bn)
		if err != nil {
			return nil, err
		}
		bases[i] = b
	}
	// The class exists before its attributes are copied: a method's
	// __class__ cell (super()) and class attributes may refer back to it.
	c, err := NewClass(n.name, bases, NewDict(), n.module)
	if err != nil {
		return nil, err
	}
	u.memo[n] = c
	err = u.fillAttrs(c.dict, n.attrs)
	c.bump()
	return c, err
}

// InheritSources gives in the source lines from's tracebacks show, as a
// forked child inherits its parent's files.
func (in *Interp) InheritSources(from *Interp) {
	from.mu.Lock()
	lines := make(map[string][]string, len(from.sources))
	for name, src := range from.sources {
		lines[name] = src
	}
	from.mu.Unlock()
	in.mu.Lock()
	for name, src := range lines {
		if _, ok := in.sources[name]; !ok {
			in.sources[name] = src
		}
	}
	in.mu.Unlock()
}
