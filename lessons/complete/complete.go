package complete

import (
	"sort"
	"strings"

	"threadlab/lessons/python"
	"threadlab/lessons/python/syntax"
)

// Complete returns the completions of the text before cursor (in code
// points) and the range [start, end) of code, in code points, that a
// match replaces: the names of __main__ and those the cell itself binds
// before the cursor, builtins and keywords; attributes after a dot;
// modules after import; a module's members after `from M import`; and
// `name=` for the keyword parameters of the call whose parentheses the
// cursor is in. It runs no Python code: `from M import` offers the
// members of M once M has been imported.
func Complete(th *python.Thread, globals *python.Module, code string, cursor int) (matches []string, start, end int) {
	b := byteOffset(code, cursor)
	end = runeOffset(code, b)
	if th == nil || globals == nil {
		return nil, end, end
	}
	prefix := code[:b]
	toks, err := lex(prefix)
	if !completable(prefix, toks, err) {
		return nil, end, end
	}
	partial, from := "", b
	if n := len(toks); n > 0 && toks[n-1].end == b {
		switch toks[n-1].Kind {
		case syntax.TokenName, syntax.TokenKeyword:
			partial, from = toks[n-1].Text, toks[n-1].off
			toks = toks[:n-1]
		case syntax.TokenNumber, syntax.TokenString:
			return nil, end, end // 3.1, 'text' and 1e5 complete to nothing
		}
	}
	ns := namespace{th: th, globals: globals}
	var kwargs, names []string
	if mods, ok := ns.importContext(toks, partial); ok {
		names = mods
	} else if n := len(toks); n > 0 && toks[n-1].isOp(".") {
		v := ns.receiver(prefix, toks, n-1)
		if v == nil {
			return nil, end, end
		}
		names = members(v)
	} else {
		kwargs = ns.keywordArgs(toks)
		names = append(names, strKeys(globals.Globals())...)
		names = append(names, cellNames(toks)...)
		names = append(names, strKeys(th.Interp().Builtins())...)
		names = append(names, keywords...)
	}
	// Keyword arguments first, in the order of the parameters; then the
	// rest, sorted.
	seen := map[string]bool{}
	keep := func(list []string) []string {
		var group []string
		for _, name := range list {
			if seen[name] || !strings.HasPrefix(name, partial) {
				continue
			}
			// Private names only when asked for, as IPython does.
			if strings.HasPrefix(name, "_") && !strings.HasPrefix(partial, "_") {
				continue
			}
			seen[name] = true
			group = append(group, name)
		}
		return group
	}
	matches = keep(kwargs)
	rest := keep(names)
	sort.Strings(rest)
	return append(matches, rest...), runeOffset(code, from), end
}

// completable reports whether the text before the cursor ends in code
// (not inside a string or a comment), given its tokens and the
// tokenizer's error.
func completable(prefix string, toks []tok, err *syntax.Error) bool {
	lastEnd := 0
	if len(toks) > 0 {
		lastEnd = toks[len(toks)-1].end
	}
	if err != nil {
		// An unclosed bracket is reported where the bracket is, before the
		// last token; an unclosed string or a bad character after it.
		lines := lineStarts(prefix)
		at := len(prefix)
		if l := int(err.Pos.Line); l >= 1 && l <= len(lines) {
			at = lines[l-1] + int(err.Pos.Col)
		}
		if len(toks) == 0 || at >= lastEnd {
			return false
		}
	}
	// What follows the last token may be blanks and line continuations,
	// but not a comment.
	return !strings.Contains(prefix[lastEnd:], "#")
}

// strKeys lists the string keys of a namespace dict.
func strKeys(d *python.Dict) []string {
	keys := d.Keys()
	names := make([]string, 0, len(keys))
	for _, k := range keys {
		if s, ok := k.(python.Str); ok {
			names = append(names, string(s))
		}
	}
	return names
}

// receiver is the value whose attributes follow the dot at toks[dot]: a
// dotted name's value, or the class of a string literal.
func (ns namespace) receiver(prefix string, toks []tok, dot int) python.Value {
	if dot > 0 && toks[dot-1].Kind == syntax.TokenString {
		lit := strings.ToLower(prefix[toks[dot-1].off:toks[dot-1].end])
		if strings.HasPrefix(strings.TrimLeft(lit, "rf"), "b") {
			return python.BytesType
		}
		return python.StrType
	}
	o, ok := ns.find(chainBefore(toks, dot))
	if !ok {
		return nil
	}
	return o.v
}

// importContext completes module names after `import` and `from`, and a
// module's members after `from M import`. ok is false outside an
// import statement.
func (ns namespace) importContext(toks []tok, partial string) (names []string, ok bool) {
	st := statementStart(toks, len(toks))
	stmt := toks[st:]
	if len(stmt) == 0 || stmt[0].Kind != syntax.TokenKeyword || stmt[0].Text != "import" && stmt[0].Text != "from" {
		return nil, false
	}
	last := stmt[len(stmt)-1]
	if last.is(syntax.TokenKeyword, "as") {
		return nil, true // a new name: nothing to offer
	}
	imp := -1
	for i, t := range stmt {
		if t.is(syntax.TokenKeyword, "import") {
			imp = i
		}
	}
	if stmt[0].Text == "from" && imp > 0 {
		module := dotted(stmt[1:imp])
		if module == "" {
			return nil, true
		}
		// Only a module already imported: importing one runs its code,
		// which needs a thread the host has let into the scheduler.
		m := ns.th.Interp().Loaded(module)
		if m == nil {
			return nil, true
		}
		return members(m), true
	}
	// A module name, perhaps dotted: offer the next component.
	var head string
	if last.isOp(".") {
		j := len(stmt) - 1
		for j > 0 && (stmt[j-1].Kind == syntax.TokenName || stmt[j-1].isOp(".")) {
			j--
		}
		head = dotted(stmt[j:len(stmt)-1]) + "."
	}
	seen := map[string]bool{}
	for _, m := range ns.th.Interp().ModuleNames() {
		if !strings.HasPrefix(m, head+partial) {
			continue
		}
		rest := m[len(head):]
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			rest = rest[:i]
		}
		if !seen[rest] {
			seen[rest] = true
			names = append(names, rest)
		}
	}
	return names, true
}

// dotted joins tokens Name ('.' Name)* into a dotted name, or returns ""
// when they are anything else (a relative import, say).
func dotted(toks []tok) string {
	var sb strings.Builder
	for i, t := range toks {
		if i%2 == 0 && t.Kind != syntax.TokenName || i%2 == 1 && !t.isOp(".") {
			return ""
		}
		sb.WriteString(t.Text)
	}
	if len(toks)%2 == 0 {
		return ""
	}
	return sb.String()
}

// keywordArgs offers `name=` for the parameters of the call the cursor
// is in, when the cursor starts an argument, leaving out those given.
func (ns namespace) keywordArgs(toks []tok) []string {
	paren, ok := openCall(toks, len(toks))
	if !ok || !(toks[len(toks)-1].isOp("(") || toks[len(toks)-1].isOp(",")) {
		return nil
	}
	chain := chainBefore(toks, paren)
	o, found := ns.find(chain)
	if !found {
		return nil
	}
	given := map[string]bool{}
	depth := 0
	for i := paren + 1; i < len(toks); i++ {
		switch t := toks[i]; {
		case t.isOp("(") || t.isOp("[") || t.isOp("{"):
			depth++
		case t.isOp(")") || t.isOp("]") || t.isOp("}"):
			depth--
		case depth == 0 && t.Kind == syntax.TokenName && i+1 < len(toks) && toks[i+1].isOp("="):
			given[t.Text] = true
		}
	}
	var out []string
	for _, p := range ns.signature(o).params {
		if (p.kind == python.PositionalOrKeyword || p.kind == python.KeywordOnly) && !given[p.name] {
			out = append(out, p.name+"=")
		}
	}
	return out
}
