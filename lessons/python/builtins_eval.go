package python

import (
	"strings"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// eval and exec. The code runs with the globals and locals given, or the
// caller's: its globals, and as locals its namespace (a module's or class
// body's) or its locals() dict (a function's). When the locals are not
// the globals, the code's top-level names are looked up in the locals,
// then the globals and builtins, and stored in the locals, as a class
// body's are (resolve.Namespace); a function's own variables are not
// changed by what exec stores, as in CPython 3.11. The locals may be any
// mapping (namespace_map.go).

func init() {
	RegisterFunc("eval", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return evalExec(t, args, kw, "eval") })
	RegisterFunc("exec", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return evalExec(t, args, kw, "exec") })
}

func evalExec(t *Thread, args []Value, kw []Kwarg, name string) (Value, error) {
	var src, globals, locals Value
	if err := UnpackArgs(name, args, kw, []string{"source", "globals?", "locals?"}, &src, &globals, &locals); err != nil {
		return nil, err
	}
	var text string
	switch s := src.(type) {
	case Str:
		text = string(s)
	case Bytes:
		text = string(s)
	default:
		return nil, Errorf(TypeError, "%s() arg 1 must be a string, bytes or code object", name)
	}
	if name == "eval" {
		// eval takes an expression: leading spaces and tabs are allowed.
		for len(text) > 0 && (text[0] == ' ' || text[0] == '\t') {
			text = text[1:]
		}
	}
	m, ns, err := evalNamespaces(t, name, globals, locals)
	if err != nil {
		return nil, err
	}
	mod, err := syntax.Parse("<string>", []byte(text))
	if err != nil {
		return nil, syntaxException(err)
	}
	if name == "eval" && len(mod.Body) > 0 {
		// Only one expression: point at the first statement that is not.
		bad := -1
		if _, ok := mod.Body[0].(*syntax.ExprStmt); !ok {
			bad = 0
		} else if len(mod.Body) > 1 {
			bad = 1
		}
		if bad >= 0 {
			start, end := mod.Body[bad].Span()
			lines := strings.Split(text, "\n")
			line := ""
			if int(start.Line) >= 1 && int(start.Line) <= len(lines) {
				line = lines[start.Line-1]
			}
			return nil, syntaxException(&syntax.Error{Kind: syntax.SyntaxError, Msg: "invalid syntax", Filename: "<string>", Pos: start, End: end, Line: line})
		}
	}
	t.interp.addSource("<string>", []byte(text))
	resolveNames := resolve.File
	if ns.dict != nil || ns.mapping != nil {
		resolveNames = resolve.Namespace
	}
	if err := resolveNames(mod, []byte(text)); err != nil {
		return nil, syntaxException(err)
	}
	code, err := compile.Module(mod, name == "eval")
	if err != nil {
		return nil, syntaxException(err)
	}
	var v Value
	if ns.dict != nil || ns.mapping != nil {
		v, err = t.execNamespace(code, m, ns)
	} else {
		v, err = t.ExecModule(code, m)
	}
	if err != nil || name == "exec" {
		return None, err
	}
	return v, nil
}

// evalNamespaces returns the module whose globals eval or exec (name)
// runs code with, given its globals and locals arguments (nil or None if
// not given), and the locals namespace, none when that is the globals.
func evalNamespaces(t *Thread, name string, globals, locals Value) (*Module, evalLocals, error) {
	if locals == None {
		locals = nil
	}
	var m *Module
	var ns evalLocals
	switch g := globals.(type) {
	case nil, NoneType:
		fr := t.frame
		if fr == nil {
			return nil, ns, Errorf(SystemError, "%s() called with no running frame", name)
		}
		m = fr.globals
		if locals == nil {
			// the caller's own namespace; none apart from the globals at
			// a module's top level
			if fr.nsMap != nil {
				ns.mapping = fr.nsMap
			} else if l := t.Locals(); l != m.globals {
				ns.dict = l
			}
		}
	case *Dict:
		m = &Module{name: "__main__", globals: g}
		if n, ok := g.GetStr("__name__").(Str); ok {
			m.name = string(n)
		}
	default:
		if name == "eval" {
			return nil, ns, Errorf(TypeError, "globals must be a dict")
		}
		return nil, ns, Errorf(TypeError, "%s() globals must be a dict, not %s", name, TypeName(globals))
	}
	if locals != nil {
		d, ok := unwrap(locals).(*Dict)
		switch {
		case ok && d != m.globals:
			ns.dict = d
		case ok:
		case locals.Type().Lookup("__getitem__") != nil:
			ns.mapping = locals // any mapping (namespace_map.go)
		case name == "eval":
			return nil, ns, Errorf(TypeError, "locals must be a mapping")
		default:
			return nil, ns, Errorf(TypeError, "locals must be a mapping or None, not %s", TypeName(locals))
		}
	}
	return m, ns, nil
}

// evalLocals is the namespace exec's or eval's code runs with, apart from
// the globals: a dict, or another mapping; neither when it is the
// globals.
type evalLocals struct {
	dict    *Dict
	mapping Value
}

// execNamespace runs module code that resolve.Namespace resolved, with
// m's globals and ns as its namespace, and returns what ExecModule would.
// A Go panic inside is returned as an *InternalError.
func (t *Thread) execNamespace(code *compile.Code, m *Module, ns evalLocals) (v Value, err error) {
	defer t.recoverInternal(&err)
	fn := &Function{code: newCodeObj(code), globals: m, name: "<module>", qualname: "<module>", dict: NewDict()}
	fr := newFrame(fn)
	fr.ns, fr.nsMap = ns.dict, ns.mapping
	return t.runFrame(fr)
}
