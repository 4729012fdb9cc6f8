package python

import (
	"strings"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// eval and exec. The code runs in the caller's module namespace, or in
// the globals dict given; a function's local variables are not visible to
// it (threadlab compiles eval'd code as a module).

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
	m := (*Module)(nil)
	switch g := globals.(type) {
	case nil, NoneType:
		if t.frame == nil {
			return nil, Errorf(SystemError, "%s() called with no running frame", name)
		}
		m = t.frame.globals
	case *Dict:
		m = &Module{name: "__main__", globals: g}
		if n, ok := g.GetStr("__name__").(Str); ok {
			m.name = string(n)
		}
	default:
		return nil, Errorf(TypeError, "%s() globals must be a dict, not %s", name, TypeName(globals))
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
	if err := resolve.File(mod, []byte(text)); err != nil {
		return nil, syntaxException(err)
	}
	code, err := compile.Module(mod, name == "eval")
	if err != nil {
		return nil, syntaxException(err)
	}
	v, err := t.ExecModule(code, m)
	if err != nil || name == "exec" {
		return None, err
	}
	return v, nil
}
