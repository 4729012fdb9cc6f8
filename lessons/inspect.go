package lessons

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// nameAt returns the dotted name around cursor (in runes).
func nameAt(rs []rune, cursor int) string {
	if cursor < 0 || cursor > len(rs) {
		cursor = len(rs)
	}
	end := cursor
	for end < len(rs) && isNameRune(rs[end]) {
		end++
	}
	name, _ := dottedBefore(rs, end)
	return strings.Trim(name, ".")
}

// callee returns the dotted name of the innermost call whose parentheses
// are open at cursor, e.g. "threading.Thread" in "threading.Thread(targ".
func callee(rs []rune, cursor int) string {
	if cursor > len(rs) {
		cursor = len(rs)
	}
	depth := 0
	for i := cursor - 1; i >= 0; i-- {
		switch rs[i] {
		case ')', ']', '}':
			depth++
		case '[', '{':
			depth--
		case '(':
			if depth == 0 {
				name, _ := dottedBefore(rs, i)
				return strings.Trim(name, ".")
			}
			depth--
		case '\n':
			if depth == 0 && i < cursor-1 && !strings.Contains(string(rs[:i]), "(") {
				return ""
			}
		}
	}
	return ""
}

// Inspect returns help for the name at cursor, or for the function whose
// call the cursor is in.
func (s *Session) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	rs := []rune(code)
	for _, name := range []string{nameAt(rs, cursor), callee(rs, cursor)} {
		if name == "" {
			continue
		}
		if text, ok := s.help(name, detail); ok {
			return map[string]any{"text/plain": text}, true
		}
	}
	return nil, false
}

// help describes a dotted name: from the docs registry, from its value,
// or both.
func (s *Session) help(name string, detail int) (string, bool) {
	parts := strings.Split(name, ".")
	if v, ok := s.resolveDotted(parts); ok {
		return describeValue(name, v, detail), true
	}
	// A method of a global value, e.g. items.append or lock.acquire.
	if len(parts) == 2 {
		if v, ok := s.ns.Lookup(parts[0]); ok {
			if d, ok := LookupDoc(v.Type() + "." + parts[1]); ok {
				return formatDoc(d), true
			}
		}
	}
	if d, ok := LookupDoc(name); ok {
		return formatDoc(d), true
	}
	if name == "" {
		return "", false
	}
	if k, ok := keywordHelp[parts[0]]; ok && len(parts) == 1 {
		return k, true
	}
	return "", false
}

var keywordHelp = map[string]string{
	"def":      "def name(params):\n    body\n\nDefine a function. A function can read globals from any cell, but cannot rebind them: keep shared state in lab.shared(...).",
	"while":    "while condition:\n    body\n\nRepeat body while condition is true. `break` leaves the loop, `continue` starts the next round.",
	"for":      "for x in iterable:\n    body\n\nRun body once for each element of iterable (a list, tuple, dict, string or range).",
	"if":       "if condition:\n    ...\nelif other:\n    ...\nelse:\n    ...\n\nRun the first branch whose condition is true.",
	"lambda":   "lambda params: expression\n\nA small anonymous function that returns expression.",
	"return":   "return value\n\nEnd the function and give value to the caller (None without a value).",
	"pass":     "pass\n\nDo nothing; a placeholder where a statement is required.",
	"break":    "break\n\nLeave the innermost for or while loop.",
	"continue": "continue\n\nSkip to the next round of the innermost loop.",
}

// formatDoc renders a registered doc as plain text.
func formatDoc(d Doc) string {
	sig := d.Signature
	if i := strings.LastIndexByte(d.Name, '.'); i >= 0 && sig != "" && !strings.HasPrefix(sig, d.Name) {
		sig = d.Name[:i+1] + sig
	}
	var sb strings.Builder
	if sig != "" {
		sb.WriteString("Signature: " + sig + "\n")
	} else {
		sb.WriteString("Name: " + d.Name + "\n")
	}
	if d.Help != "" {
		sb.WriteString("\n" + d.Help + "\n")
	}
	return sb.String()
}

// describeValue renders help for a value: its registered doc if any, else
// what threadlab knows of it (type, value, signature).
func describeValue(expr string, v starlark.Value, detail int) string {
	switch x := v.(type) {
	case *starlark.Builtin:
		keys := []string{x.Name(), expr}
		if r := x.Receiver(); r != nil {
			keys = append([]string{r.Type() + "." + x.Name()}, keys...)
		}
		for _, k := range keys {
			if d, ok := LookupDoc(k); ok {
				return formatDoc(d)
			}
		}
		return fmt.Sprintf("Name: %s\nType: built-in function\n", x.Name())
	case *starlark.Function:
		var sb strings.Builder
		fmt.Fprintf(&sb, "Signature: %s\nType: function\n", functionSignature(x))
		if pos := x.Position(); pos.Line > 0 {
			fmt.Fprintf(&sb, "Defined at: cell line %d\n", pos.Line)
		}
		if doc := strings.TrimSpace(x.Doc()); doc != "" {
			sb.WriteString("\n" + doc + "\n")
		}
		return sb.String()
	case *starlarkstruct.Module:
		var sb strings.Builder
		if d, ok := LookupDoc(x.Name); ok && d.Help != "" {
			sb.WriteString(d.Help + "\n\n")
		} else {
			fmt.Fprintf(&sb, "Module %s\n\n", x.Name)
		}
		sb.WriteString("Members:\n")
		for _, n := range x.AttrNames() {
			line := "  " + n
			if d, ok := LookupDoc(x.Name + "." + n); ok {
				if d.Signature != "" {
					line = "  " + d.Signature
				}
				if first := strings.SplitN(d.Help, "\n", 2)[0]; first != "" {
					line += " — " + firstSentence(first)
				}
			}
			sb.WriteString(line + "\n")
		}
		return sb.String()
	}
	var sb strings.Builder
	if d, ok := LookupDoc(expr); ok && expr != "" {
		sb.WriteString(formatDoc(d) + "\n")
	}
	fmt.Fprintf(&sb, "Type: %s\n", v.Type())
	r := PyRepr(v)
	if detail == 0 && len(r) > 2000 {
		r = r[:2000] + "..."
	}
	fmt.Fprintf(&sb, "Value: %s\n", r)
	if d, ok := LookupDoc(v.Type()); ok && d.Help != "" {
		sb.WriteString("\n" + d.Help + "\n")
	}
	return sb.String()
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// functionSignature renders "name(a, b=1, *args, c, **kwargs)". Starlark
// orders the parameters: positional, keyword-only, *args, **kwargs.
func functionSignature(fn *starlark.Function) string {
	n, nkw := fn.NumParams(), fn.NumKwonlyParams()
	nva, nkwa := b2i(fn.HasVarargs()), b2i(fn.HasKwargs())
	npos := n - nkw - nva - nkwa
	param := func(i int) string {
		name, _ := fn.Param(i)
		if d := fn.ParamDefault(i); d != nil {
			name += "=" + PyRepr(d)
		}
		return name
	}
	var ps []string
	for i := 0; i < npos; i++ {
		ps = append(ps, param(i))
	}
	if nva == 1 {
		name, _ := fn.Param(npos + nkw)
		ps = append(ps, "*"+name)
	} else if nkw > 0 {
		ps = append(ps, "*")
	}
	for i := npos; i < npos+nkw; i++ {
		ps = append(ps, param(i))
	}
	if nkwa == 1 {
		name, _ := fn.Param(n - 1)
		ps = append(ps, "**"+name)
	}
	return fn.Name() + "(" + strings.Join(ps, ", ") + ")"
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
