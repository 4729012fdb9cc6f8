package python

import (
	"io"
	"sort"
	"strings"
)

// The attribute and object built-ins: getattr, setattr, hasattr, delattr,
// vars, dir, and input.

func init() {
	RegisterFunc("getattr", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("getattr", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("getattr", args, 2, 3); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		v, err := GetAttr(t, args[0], name)
		if err != nil && len(args) == 3 && ErrorMatches(err, AttributeError) {
			return args[2], nil
		}
		return v, err
	})
	RegisterFunc("hasattr", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("hasattr", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("hasattr", args, 2, 2); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		_, err = GetAttr(t, args[0], name)
		if err != nil {
			if ErrorMatches(err, AttributeError) {
				return False, nil
			}
			return nil, err
		}
		return True, nil
	})
	RegisterFunc("setattr", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("setattr", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("setattr", args, 3, 3); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, SetAttr(t, args[0], name, args[2])
	})
	RegisterFunc("delattr", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("delattr", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("delattr", args, 2, 2); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, SetAttr(t, args[0], name, nil)
	})
	RegisterFunc("vars", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("vars", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("vars", args, 1, 1); err != nil {
			return nil, err
		}
		d, err := GetAttr(t, args[0], "__dict__")
		if err != nil {
			if ErrorMatches(err, AttributeError) {
				return nil, Errorf(TypeError, "vars() argument must have __dict__ attribute")
			}
			return nil, err
		}
		return d, nil
	})
	RegisterFunc("dir", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("dir", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("dir", args, 1, 1); err != nil {
			return nil, err
		}
		return NewList(dirNames(t, args[0])), nil
	})
	RegisterFunc("input", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("input", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("input", args, 0, 1); err != nil {
			return nil, err
		}
		in := t.interp
		if len(args) == 1 {
			p, err := ToStr(t, args[0])
			if err != nil {
				return nil, err
			}
			if err := in.Write(in.Stdout(), p); err != nil {
				return nil, err
			}
		}
		var line string
		var rerr error
		if err := t.Block(func(<-chan struct{}) error {
			line, rerr = in.Stdin().ReadString('\n')
			return nil
		}); err != nil {
			return nil, err
		}
		if rerr != nil && (rerr != io.EOF || line == "") {
			return nil, Errorf(EOFError, "EOF when reading a line")
		}
		return Str(strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")), nil
	})
}

func attrName(v Value) (string, error) {
	s, ok := v.(Str)
	if !ok {
		return "", Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(v))
	}
	return string(s), nil
}

// dirNames is dir(v): the names in v's own namespace (instance, module or
// class) and in its class and the class's bases, sorted.
func dirNames(t *Thread, v Value) []Value {
	seen := map[string]bool{}
	addDict := func(d *Dict) {
		if d == nil {
			return
		}
		for _, k := range d.Keys() {
			if s, ok := k.(Str); ok {
				seen[string(s)] = true
			}
		}
	}
	switch x := v.(type) {
	case *Module:
		addDict(x.Globals())
	case *Type:
		for _, c := range x.MRO() {
			addDict(c.Dict())
		}
	case *Instance:
		addDict(x.Dict())
		for _, c := range x.Type().MRO() {
			addDict(c.Dict())
		}
	default:
		for _, c := range v.Type().MRO() {
			addDict(c.Dict())
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]Value, len(names))
	for i, n := range names {
		out[i] = Str(n)
	}
	return out
}
