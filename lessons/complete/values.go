package complete

import (
	"fmt"
	"sort"

	"threadlab/lessons/python"
)

// A namespace is what completion and inspection look names up in: the
// learner's __main__ and the builtins, read without running any code.
type namespace struct {
	th      *python.Thread
	globals *python.Module
}

// members lists the attribute names of x that dir(x) would show, without
// calling a __dir__.
func members(x python.Value) []string {
	seen := map[string]bool{}
	add := func(d *python.Dict) {
		if d == nil {
			return
		}
		for _, k := range strKeys(d) {
			seen[k] = true
		}
	}
	switch o := x.(type) {
	case *python.Module:
		add(o.Globals())
	case *python.Type:
		for _, k := range o.MRO() {
			add(k.Dict())
		}
	default:
		if i, ok := x.(*python.Instance); ok {
			add(i.Dict())
		}
		for _, k := range x.Type().MRO() {
			add(k.Dict())
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// maxReprNodes bounds how much of a value safeRepr inspects before it
// gives up on showing the value itself.
const maxReprNodes = 100000

// safeRepr is repr(v) when computing it runs no Python code (no value
// inside has a __repr__ written in Python); otherwise a description
// that names the type.
func safeRepr(th *python.Thread, v python.Value) string {
	budget := maxReprNodes
	if plainRepr(v, &budget) {
		if s, err := python.Repr(th, v); err == nil {
			return s
		}
	}
	if i, ok := v.(*python.Instance); ok {
		return fmt.Sprintf("<%s object>", qualName(th, i.Type()))
	}
	return fmt.Sprintf("<%s object>", python.TypeName(v))
}

// plainRepr reports whether repr(v) runs only Go code, spending one unit
// of budget per value looked at.
func plainRepr(v python.Value, budget *int) bool {
	*budget--
	if *budget < 0 {
		return false
	}
	if _, py := v.Type().Lookup("__repr__").(*python.Function); py {
		return false
	}
	var items []python.Value
	switch x := v.(type) {
	case *python.List:
		items = x.Snapshot()
	case python.Tuple:
		items = x
	case *python.Dict:
		for _, kv := range x.Items() {
			items = append(items, kv[0], kv[1])
		}
	case *python.Set:
		items = x.Elems()
	case *python.Instance:
		if b := x.Base(); b != nil {
			items = []python.Value{b}
		}
	}
	for _, it := range items {
		if !plainRepr(it, budget) {
			return false
		}
	}
	return true
}

// qualName is a class's name as repr shows it: module.Name, without the
// module for builtins.
func qualName(th *python.Thread, c *python.Type) string {
	mod := ""
	// A class's __module__ is a plain value: reading it runs no code.
	if m, err := python.GetAttr(th, c, "__module__"); err == nil {
		if s, ok := m.(python.Str); ok {
			mod = string(s)
		}
	}
	if mod == "" || mod == "builtins" {
		return c.Name()
	}
	return mod + "." + c.Name()
}

// An object is a value found by name, with what help needs to know of
// how it was reached.
type object struct {
	v     python.Value
	key   string // its qualified name, the key of builtinDocs ("" if unknown)
	bound bool   // a method read through an instance: its self is implied
}

// find finds the value a dotted name denotes, and its qualified name. It
// never runs Python code: names come from __main__ and the builtins, and
// attributes from module, class and instance dictionaries, so that a
// property, a __getattr__ or a traced read of a shared object is never
// triggered by a keystroke. A class attribute read through an instance
// stays unbound (a function, not a bound method): help shows it without
// its self.
func (ns namespace) find(chain []string) (object, bool) {
	if len(chain) == 0 || ns.th == nil || ns.globals == nil {
		return object{}, false
	}
	var o object
	if v := ns.globals.Globals().GetStr(chain[0]); v != nil {
		o = object{v: v, key: ns.keyOf(v)}
	} else if v := ns.th.Interp().Builtins().GetStr(chain[0]); v != nil {
		o = object{v: v, key: chain[0]}
	} else {
		return object{}, false
	}
	for _, name := range chain[1:] {
		switch p := o.v.(type) {
		case *python.Module:
			v := p.Globals().GetStr(name)
			if v == nil {
				return object{}, false
			}
			o = object{v: v, key: p.Name() + "." + name}
			if _, ok := v.(*python.Type); ok {
				o.key = ns.keyOf(v)
			}
			if m, ok := v.(*python.Module); ok {
				o.key = m.Name()
			}
		case *python.Type:
			v, owner := classAttrOwner(p, name)
			if v == nil {
				return object{}, false
			}
			o = object{v: v, key: qualName(ns.th, owner) + "." + name}
		default:
			if i, ok := p.(*python.Instance); ok && i.Dict() != nil {
				if v := i.Dict().GetStr(name); v != nil {
					o = object{v: v, key: ns.keyOf(v)}
					continue
				}
			}
			v, owner := classAttrOwner(p.Type(), name)
			if v == nil {
				return object{}, false
			}
			o = object{v: v, key: qualName(ns.th, owner) + "." + name, bound: true}
		}
	}
	return o, true
}

// classAttrOwner is classAttr with the class of c's MRO that defines name.
func classAttrOwner(c *python.Type, name string) (python.Value, *python.Type) {
	for _, k := range c.MRO() {
		if v := k.Dict().GetStr(name); v != nil {
			return v, k
		}
	}
	return nil, nil
}

// keyOf is the qualified name of a module, a class or a built-in
// function, or "".
func (ns namespace) keyOf(v python.Value) string {
	switch x := v.(type) {
	case *python.Module:
		return x.Name()
	case *python.Type:
		return qualName(ns.th, x)
	case *python.Builtin:
		return ns.builtinKey(x)
	}
	return ""
}

// builtinKey names a built-in function or bound built-in method: by its
// receiver's class, as a builtin, or as a member of an imported module.
func (ns namespace) builtinKey(b *python.Builtin) string {
	if self, err := python.GetAttr(ns.th, b, "__self__"); err == nil && self != python.None {
		if _, owner := classAttrOwner(self.Type(), b.Name()); owner != nil {
			return qualName(ns.th, owner) + "." + b.Name()
		}
		return ""
	}
	in := ns.th.Interp()
	if in.Builtins().GetStr(b.Name()) == python.Value(b) {
		return b.Name()
	}
	for _, name := range in.ModuleNames() {
		if m := in.Loaded(name); m != nil && m.Globals().GetStr(b.Name()) == python.Value(b) {
			return name + "." + b.Name()
		}
	}
	return ""
}
