package python

import "sync/atomic"

// Inline caches of LOAD_ATTR, STORE_ATTR and LOAD_METHOD: each
// instruction remembers what the classes it saw have under its name, and
// where in an instance's attribute dict it last found the name, so that
// the next look at an instance of the same layout needs no search.

// attrCache remembers, for one instruction, what the classes of the last
// two instances it saw have under the attribute name, as of a class
// version: two, as a call site in a base class method often sees two
// subclasses in turn. plain means the class is a user class whose
// instances use ordinary attribute access (no __getattribute__, __getattr__ or __setattr__ of
// their own, and the class attribute is not a property). An entry is not
// changed once stored, but for hint.
type attrCache struct {
	typ     *Type
	version uint64
	d       Value
	plain   bool
	bit     uint64     // the name's strKeyBit
	next    *attrCache // the entry for another class, or nil
	// hint is the entry index at which an instance's dict last held the
	// name: instances made alike keep their attributes in the same order.
	// Only a guess, checked before use; atomic, as threads share it.
	hint atomic.Int32
}

// cachedAttr returns the newest entry of slot if it is for class c and
// current, or nil. It inlines, for the fast paths.
func cachedAttr(slot *atomic.Pointer[attrCache], c *Type) *attrCache {
	if ce := slot.Load(); ce != nil && ce.typ == c && ce.version == c.version.Load() {
		return ce
	}
	return nil
}

// attrLookup returns the entry of the instruction at pc for class c,
// making one if it has none that is current.
func (t *Thread) attrLookup(fr *frame, pc int, c *Type, name string) *attrCache {
	slot := &fr.code.attrs[pc]
	old := slot.Load()
	for ce := old; ce != nil; ce = ce.next {
		if ce.typ == c && ce.version == c.version.Load() {
			return ce
		}
	}
	ce := &attrCache{typ: c, version: c.version.Load(), d: c.Lookup(name), bit: strKeyBit(strHash(name))}
	_, prop := ce.d.(*Property)
	ce.plain = !prop && c.user && c.layout == layoutObject &&
		c.Lookup("__getattribute__") == Value(objectGetattr) &&
		c.Lookup("__getattr__") == nil &&
		c.Lookup("__setattr__") == Value(objectSetattr)
	if old != nil && old.typ != c {
		prev := &attrCache{typ: old.typ, version: old.version, d: old.d, plain: old.plain, bit: old.bit}
		prev.hint.Store(old.hint.Load())
		ce.next = prev
	}
	slot.Store(ce)
	return ce
}

// loadAttr is LOAD_ATTR, with the fast path for plain instances.
func (t *Thread) loadAttr(fr *frame, pc int, x Value, name string) (Value, error) {
	if o, ok := x.(*Instance); ok && t.tracer == nil && o.dict != nil {
		if ce := cachedAttr(&fr.code.attrs[pc], o.class); ce != nil && ce.plain {
			if ce.d == nil || !o.dict.lacksStr(ce.bit) {
				if v := o.dict.getStrHint(t, name, &ce.hint); v != nil {
					return v, nil
				}
			}
			if ce.d != nil {
				return bindAttr(ce.d, x, o.class), nil
			}
		}
	}
	if c, ok := x.(*Type); ok && t.tracer == nil {
		// A class attribute found in the MRO, unless it binds (as
		// typeGetAttr does for static and class methods).
		if ce := cachedAttr(&fr.code.attrs[pc], c); ce != nil {
			switch ce.d.(type) {
			case nil, *StaticMethod, *ClassMethod:
			default:
				return ce.d, nil
			}
		}
	}
	return t.loadAttrSlow(fr, pc, x, name)
}

// loadAttrSlow is loadAttr when the instruction's cache does not answer.
func (t *Thread) loadAttrSlow(fr *frame, pc int, x Value, name string) (Value, error) {
	if t.tracer != nil {
		return t.getAttr(x, name) // which reports the access
	}
	if c, ok := x.(*Type); ok {
		// A class attribute found in the MRO, unless it binds (as
		// typeGetAttr does for static and class methods).
		switch d := t.attrLookup(fr, pc, c, name).d; d.(type) {
		case nil, *StaticMethod, *ClassMethod:
		default:
			return d, nil
		}
	}
	if o, ok := x.(*Instance); ok && o.dict != nil && o.class.user {
		if ce := t.attrLookup(fr, pc, o.class, name); ce.plain {
			var v Value
			if ce.d == nil || !o.dict.lacksStr(ce.bit) {
				v = o.dict.getStrHint(t, name, &ce.hint)
			}
			if v == nil && ce.d != nil {
				v = bindAttr(ce.d, x, o.class)
			}
			if v != nil {
				return v, nil
			}
		}
	}
	return t.getAttr(x, name)
}

// storeAttr is STORE_ATTR (v == nil: DELETE_ATTR), with the fast path
// for plain instances.
func (t *Thread) storeAttr(fr *frame, pc int, x Value, name string, v Value) error {
	if o, ok := x.(*Instance); ok && v != nil && o.dict != nil && o.class.user && t.tracer == nil {
		ce := cachedAttr(&fr.code.attrs[pc], o.class)
		if ce == nil {
			ce = t.attrLookup(fr, pc, o.class, name)
		}
		if ce.plain {
			o.dict.setStrHint(t, name, v, &ce.hint)
			return nil
		}
	}
	return t.setAttr(x, name, v)
}

// loadMethodCached is LOAD_METHOD, with the fast path for plain instances.
func (t *Thread) loadMethodCached(fr *frame, pc int, x Value, name string) (Value, Value, error) {
	switch o := x.(type) {
	case *Instance:
		if o.dict != nil && o.class.user {
			ce := cachedAttr(&fr.code.attrs[pc], o.class)
			if ce == nil {
				ce = t.attrLookup(fr, pc, o.class, name)
			}
			if ce.plain {
				if f, ok := ce.d.(*Function); ok && (o.dict.lacksStr(ce.bit) || o.dict.getStrHint(t, name, &ce.hint) == nil) {
					return f, x, nil
				}
			}
		}
	case *Super, *Type, *Module, *Exception:
	default:
		// A built-in value's method, as loadMethod finds it.
		switch f := t.attrLookup(fr, pc, x.Type(), name).d.(type) {
		case *MethodDescr:
			return f, x, nil
		case *Function:
			return f, x, nil
		}
	}
	return t.loadMethod(x, name)
}
