package complete

import (
	"fmt"
	"strings"

	"threadlab/lessons/python"
	"threadlab/lessons/python/syntax"
)

// maxStringForm bounds the value shown for detail level 0.
const maxStringForm = 2000

// Inspect returns help for what the cursor (in code points) is on, as a
// MIME bundle with text/plain: inside a call's parentheses the function
// called, else the dotted name at the cursor, as IPython chooses. Help
// gives the signature and docstring of functions, classes, methods and
// modules, and the type and value of other values; detail 1 shows the
// whole value. found is false when the name denotes nothing. It runs no
// code of the learner's.
func Inspect(th *python.Thread, globals *python.Module, code string, cursor, detail int) (bundle map[string]any, found bool) {
	ns := namespace{th: th, globals: globals}
	for _, chain := range inspectTargets(code, byteOffset(code, cursor)) {
		if o, ok := ns.find(chain); ok {
			text := ns.help(strings.Join(chain, "."), o, detail)
			return map[string]any{"text/plain": text}, true
		}
	}
	return nil, false
}

// inspectTargets returns the dotted names to inspect for a cursor at byte
// offset b, best first: the callee of the innermost call the cursor is
// in, then the last name before or under the cursor. Like IPython's
// token_at_cursor, it ignores the left side of an assignment and a
// keyword argument's name, and a token that starts at the cursor counts
// only at the start of a line.
func inspectTargets(code string, b int) [][]string {
	toks, _ := lex(code)
	var names, calls [][]string
	var prev *tok
	for i := range toks {
		t := &toks[i]
		if t.off > b || t.off == b && t.Pos.Col != 0 {
			break
		}
		switch {
		case t.Kind == syntax.TokenName:
			if prev != nil && prev.isOp(".") && len(names) > 0 && i >= 2 && toks[i-2].Kind == syntax.TokenName {
				names[len(names)-1] = append(names[len(names)-1], t.Text)
			} else {
				names = append(names, []string{t.Text})
			}
		case t.isOp("=") && len(names) > 0:
			names = names[:len(names)-1]
		case t.isOp("(") && len(names) > 0:
			calls = append(calls, names[len(names)-1])
		case t.isOp(")") && len(calls) > 0:
			calls = calls[:len(calls)-1]
		}
		prev = t
		if t.end > b {
			break
		}
	}
	var out [][]string
	if len(calls) > 0 {
		out = append(out, calls[len(calls)-1])
	}
	if len(names) > 0 {
		out = append(out, names[len(names)-1])
	}
	return out
}

// help renders what is known of o, found by the name expr.
func (ns namespace) help(expr string, o object, detail int) string {
	var sb strings.Builder
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&sb, "%-12s %s\n", name+":", value)
		}
	}
	callable := o.v.Type() == python.MethodDescrType
	switch o.v.(type) {
	case *python.Function, *python.BoundMethod, *python.Builtin, *python.Type,
		*python.ClassMethod, *python.StaticMethod:
		callable = true
	}
	if callable {
		if sig := ns.signature(o); sig.text != "" {
			field("Signature", expr+sig.text)
		}
	} else if _, isModule := o.v.(*python.Module); !isModule {
		form := safeRepr(ns.th, o.v)
		if detail == 0 && len(form) > maxStringForm {
			form = form[:maxStringForm] + "..."
		}
		field("String form", form)
		if s, ok := o.v.(python.Sized); ok {
			field("Length", fmt.Sprint(s.Len()))
		}
	}
	field("Type", typeName(ns.th, o))
	if f, ok := o.v.(*python.Function); ok {
		if file, line := f.Position(); file != "" {
			field("Defined in", fmt.Sprintf("%s, line %d", file, line))
		}
	}
	if doc := ns.docstring(o); doc != "" {
		sb.WriteString("Docstring:\n" + doc + "\n")
	}
	if m, ok := o.v.(*python.Module); ok {
		var public []string
		for _, name := range members(m) {
			if !strings.HasPrefix(name, "_") {
				public = append(public, name)
			}
		}
		sb.WriteString("Members:\n  " + strings.Join(public, ", ") + "\n")
	}
	return sb.String()
}

// typeName is the name of o's class as help shows it; a method read
// through an instance is shown as the bound method it would be.
func typeName(th *python.Thread, o object) string {
	switch o.v.(type) {
	case *python.Instance:
		return qualName(th, o.v.Type())
	case *python.Function:
		if o.bound {
			return python.MethodType.Name()
		}
	}
	if o.bound && o.v.Type() == python.MethodDescrType {
		return python.BuiltinFunctionType.Name()
	}
	return o.v.Type().Name()
}

// docstring is o's own docstring, else threadlab's help for it, else, for
// an instance, its class's docstring.
func (ns namespace) docstring(o object) string {
	var own python.Value
	switch v := o.v.(type) {
	case *python.Function:
		own, _ = python.GetAttr(ns.th, v, "__doc__")
	case *python.BoundMethod:
		return ns.docstring(object{v: v.Fn})
	case *python.ClassMethod:
		return ns.docstring(object{v: v.Fn})
	case *python.StaticMethod:
		return ns.docstring(object{v: v.Fn})
	case *python.Type:
		own = v.Dict().GetStr("__doc__")
	case *python.Module:
		own = v.Globals().GetStr("__doc__")
	}
	if s, ok := own.(python.Str); ok && s != "" {
		return cleanDoc(string(s))
	}
	if d, ok := builtinDocs[o.key]; ok {
		return d.help
	}
	if _, isInstance := o.v.(*python.Instance); isInstance {
		return ns.docstring(object{v: o.v.Type()})
	}
	if d, ok := builtinDocs[qualName(ns.th, o.v.Type())]; ok && o.key == "" {
		return d.help
	}
	return ""
}

// cleanDoc removes the indentation a docstring's lines share after its
// first line, and blank lines at either end.
func cleanDoc(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\t", "        "), "\n")
	indent := -1
	for _, l := range lines[1:] {
		if t := strings.TrimLeft(l, " "); t != "" {
			if n := len(l) - len(t); indent < 0 || n < indent {
				indent = n
			}
		}
	}
	lines[0] = strings.TrimLeft(lines[0], " ")
	for i := 1; i < len(lines) && indent > 0; i++ {
		if len(lines[i]) >= indent {
			lines[i] = lines[i][indent:]
		} else {
			lines[i] = strings.TrimLeft(lines[i], " ")
		}
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n ")
}
