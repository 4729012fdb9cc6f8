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
		if err := ArgCount("vars", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return t.localsValue(), nil
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
		if err := ArgCount("dir", args, 0, 1); err != nil {
			return nil, err
		}
		var names []string
		if len(args) == 0 {
			ns := t.localsValue()
			if _, isDict := ns.(*Dict); !isDict { // a mapping: its keys(), as CPython's dir() calls
				keysOf, err := GetAttr(t, ns, "keys")
				if err != nil {
					return nil, err
				}
				if ns, err = CallValue(t, keysOf, nil, nil); err != nil {
					return nil, err
				}
			}
			keys, err := Collect(t, ns)
			if err != nil {
				return nil, err
			}
			for _, k := range keys {
				if s, ok := k.(Str); ok {
					names = append(names, string(s))
				}
			}
			sort.Strings(names)
		} else {
			names = Dir(t, args[0])
		}
		out := make([]Value, len(names))
		for i, n := range names {
			out[i] = Str(n)
		}
		return NewList(out), nil
	})
	RegisterFunc("globals", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("globals", args, 0, 0); err != nil {
			return nil, err
		}
		return t.Globals(), nil
	})
	RegisterFunc("locals", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("locals", args, 0, 0); err != nil {
			return nil, err
		}
		return t.localsValue(), nil
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
		// the prompt and earlier output must show before the wait
		if err := in.Flush(in.Stdout()); err != nil {
			return nil, Errorf(OSError, "%v", err)
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

func init() {
	RegisterFunc("ascii", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("ascii", args, kw); err != nil {
			return nil, err
		}
		s, err := Repr(t, args[0])
		return Str(asciiEscape(s)), err
	})
}
