package complete

import (
	"strings"

	"threadlab/lessons/python"
)

// A param is one parameter of a signature.
type param struct {
	name string
	kind python.ParamKind
}

// A signature is a callable's parameter list: the text help shows, in
// parentheses, and the parameters completion offers as keywords.
type signature struct {
	text   string // "(a, b=1, *args, c, **kw)"; "" when unknown
	params []param
}

// signature finds o's parameters: from the code of a Python function
// (or of a Python class's __init__), else from builtinDocs. A method
// reached through an instance, a bound method and a class's __init__ lose
// their first parameter, the self that is implied.
func (ns namespace) signature(o object) signature {
	switch v := o.v.(type) {
	case *python.Function:
		return ns.funcSignature(v, o.bound)
	case *python.BoundMethod:
		return ns.signature(object{v: v.Fn, bound: true})
	case *python.ClassMethod:
		return ns.signature(object{v: v.Fn, bound: true})
	case *python.StaticMethod:
		return ns.signature(object{v: v.Fn})
	case *python.Type:
		if init, _ := classAttrOwner(v, "__init__"); init != nil {
			if f, ok := init.(*python.Function); ok {
				return ns.funcSignature(f, true)
			}
		}
	case *python.Instance:
		if call, _ := classAttrOwner(v.Type(), "__call__"); call != nil {
			if f, ok := call.(*python.Function); ok {
				return ns.funcSignature(f, true)
			}
		}
	}
	d, ok := builtinDocs[o.key]
	if !ok || d.sig == "" {
		return signature{}
	}
	bound := o.bound
	if b, isBuiltin := o.v.(*python.Builtin); isBuiltin {
		if self, err := python.GetAttr(ns.th, b, "__self__"); err == nil && self != python.None {
			bound = true
		}
	}
	text := d.sig
	if bound {
		text = dropSelf(text)
	}
	return signature{text: text, params: parseParams(text)}
}

// funcSignature renders a Python function's parameters, without the
// first when self is implied.
func (ns namespace) funcSignature(f *python.Function, dropFirst bool) signature {
	ps := f.Params()
	if dropFirst && len(ps) > 0 && ps[0].Kind <= python.PositionalOrKeyword {
		ps = ps[1:]
	}
	var parts []string
	var sig signature
	star := false
	for i, p := range ps {
		sig.params = append(sig.params, param{name: p.Name, kind: p.Kind})
		text := p.Name
		switch p.Kind {
		case python.VarPositional:
			text, star = "*"+p.Name, true
		case python.VarKeyword:
			text = "**" + p.Name
		case python.KeywordOnly:
			if !star {
				parts, star = append(parts, "*"), true
			}
		}
		if p.Default != nil {
			text += "=" + safeRepr(ns.th, p.Default)
		}
		parts = append(parts, text)
		if p.Kind == python.PositionalOnly && (i+1 == len(ps) || ps[i+1].Kind != python.PositionalOnly) {
			parts = append(parts, "/")
		}
	}
	sig.text = "(" + strings.Join(parts, ", ") + ")"
	return sig
}

// dropSelf removes the leading self (and a '/' that then leads) from a
// parameter list: "(self, key, /)" becomes "(key, /)".
func dropSelf(text string) string {
	inner := strings.TrimSuffix(strings.TrimPrefix(text, "("), ")")
	parts := splitParams(inner)
	if len(parts) > 0 && parts[0] == "self" {
		parts = parts[1:]
		if len(parts) > 0 && parts[0] == "/" {
			parts = parts[1:]
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// parseParams reads the parameters of a parameter list as builtinDocs
// writes them. Parameters in square brackets are optional positional
// ones, as in "(object[, default])".
func parseParams(text string) []param {
	inner := strings.TrimSuffix(strings.TrimPrefix(text, "("), ")")
	var ps []param
	kind := python.PositionalOrKeyword
	brackets := 0 // open '[': the parameters inside are optional
	for _, part := range splitParams(inner) {
		optional := brackets > 0
		brackets += strings.Count(part, "[") - strings.Count(part, "]")
		part = strings.Trim(part, "[], ")
		name, _, _ := strings.Cut(part, "=")
		switch {
		case name == "/":
			for i := range ps {
				if ps[i].kind == python.PositionalOrKeyword {
					ps[i].kind = python.PositionalOnly
				}
			}
		case name == "*":
			kind = python.KeywordOnly
		case strings.HasPrefix(name, "**"):
			ps = append(ps, param{name: name[2:], kind: python.VarKeyword})
		case strings.HasPrefix(name, "*"):
			ps = append(ps, param{name: name[1:], kind: python.VarPositional})
			kind = python.KeywordOnly
		case name != "":
			k := kind
			if optional {
				k = python.PositionalOnly
			}
			ps = append(ps, param{name: name, kind: k})
		}
	}
	return ps
}

// splitParams splits a parameter list at the commas outside brackets
// and quotes.
func splitParams(s string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '{':
			depth++
		case c == ')' || c == '}':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	if last := strings.TrimSpace(s[start:]); last != "" {
		parts = append(parts, last)
	}
	return parts
}
