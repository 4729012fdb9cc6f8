package python

// exec and eval take any mapping as their locals, as CPython does: the
// code's top-level names are then loaded, stored and deleted through the
// mapping's __getitem__, __setitem__ and __delitem__ (frame.nsMap), and
// locals() and vars() return it. A dict, the common case, is kept as the
// frame's ns and read directly.

// mapLoad looks name up in mapping m: nil, with no error, when m has no
// such key (a KeyError), so that the globals and builtins come next.
func (t *Thread) mapLoad(m Value, name string) (Value, error) {
	v, err := GetItem(t, m, Str(name))
	if err != nil && ErrorMatches(err, KeyError) {
		return nil, nil
	}
	return v, err
}

// mapDelete deletes name from mapping m; a KeyError says it had none.
func (t *Thread) mapDelete(m Value, name string) error {
	return SetItem(t, m, Str(name), nil)
}

// mapSetupAnnotations makes m's __annotations__ a new dict unless it has
// one.
func (t *Thread) mapSetupAnnotations(m Value) error {
	v, err := t.mapLoad(m, "__annotations__")
	if err != nil || v != nil {
		return err
	}
	return SetItem(t, m, Str("__annotations__"), NewDict())
}

// mapAnnotate records the annotation of name in m's __annotations__.
func (t *Thread) mapAnnotate(m Value, name string, ann Value) error {
	d, err := GetItem(t, m, Str("__annotations__"))
	if err != nil {
		return err
	}
	return SetItem(t, d, Str(name), ann)
}

// localsValue is what locals() and vars() return: Locals, or the mapping
// exec's code runs with.
func (t *Thread) localsValue() Value {
	if fr := t.frame; fr != nil && fr.nsMap != nil {
		return fr.nsMap
	}
	return t.Locals()
}
