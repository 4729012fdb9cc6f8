package complete

import (
	"threadlab/lessons/python/syntax"
)

// A scope is the module, or a def or class body that the tokens open.
type scope struct {
	def      bool // a function body, whose names nested functions see
	depth    int  // the indentation level of the body
	names    []string
	declared map[string]bool // names declared global or nonlocal here
}

// cellNames returns the names that the text before the cursor binds and
// that are visible where it ends, so that a cell's own names complete
// before it has run: those of the module (defs, classes, imports,
// assignment, for, with and except targets), and inside a function its
// parameters and locals and those of the functions around it. Names in
// comprehensions and lambdas, which have scopes of their own, are left
// out.
func cellNames(toks []tok) []string {
	open := scopes(toks)
	var names []string
	for i, s := range open {
		// A class body's names are visible in that body only.
		if i == 0 || s.def || i == len(open)-1 {
			for _, n := range s.names {
				if !s.declared[n] {
					names = append(names, n)
				}
			}
		}
	}
	return names
}

// scopes returns the scopes open at the end of the tokens, the module
// first, with the names each binds.
func scopes(toks []tok) []*scope {
	stack := []*scope{{}}
	depth := 0
	var pending *scope // a def or class header ended; its body opens with an INDENT
	start := 0         // first token of the current statement
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) {
			switch t := toks[i]; {
			case t.Kind == syntax.TokenIndent:
				depth++
				if pending != nil {
					pending.depth = depth
					stack = append(stack, pending)
					pending = nil
				}
				start = i + 1
				continue
			case t.Kind == syntax.TokenDedent:
				depth--
				for len(stack) > 1 && stack[len(stack)-1].depth > depth {
					stack = stack[:len(stack)-1]
				}
				start = i + 1
				continue
			case t.Kind != syntax.TokenNewline && !t.isOp(";"):
				continue
			}
		}
		stmt := toks[start:i]
		start = i + 1
		pending = nil
		if len(stmt) == 0 {
			continue
		}
		top := stack[len(stack)-1]
		if first := stmt[0]; first.is(syntax.TokenKeyword, "global") || first.is(syntax.TokenKeyword, "nonlocal") {
			for _, t := range stmt[1:] {
				if t.Kind == syntax.TokenName {
					if top.declared == nil {
						top.declared = map[string]bool{}
					}
					top.declared[t.Text] = true
				}
			}
			continue
		}
		bound, body := statementNames(stmt)
		top.names = append(top.names, bound...)
		switch {
		case body == nil:
		case i < len(toks) && toks[i].Kind == syntax.TokenNewline:
			pending = body
		case i == len(toks) && headerColon(stmt) >= 0:
			// The text ends in the body of a one-line def: def f(x): y = x
			if rest := stmt[headerColon(stmt)+1:]; len(rest) > 0 {
				more, _ := statementNames(rest)
				body.names = append(body.names, more...)
			}
			stack = append(stack, body)
		}
	}
	return stack
}

// headerColon returns the index of a def or class header's colon, or -1
// when the header has not reached it.
func headerColon(header []tok) int {
	depth := 0
	for j, t := range header {
		depth += t.nesting()
		if depth == 0 && t.isOp(":") {
			return j
		}
	}
	return -1
}

// params returns the parameter names of a def header.
func params(header []tok) []string {
	var names []string
	depth := 0
	for j, t := range header {
		depth += t.nesting()
		if depth == 1 && t.Kind == syntax.TokenName && j > 0 {
			if p := header[j-1]; p.isOp("(") || p.isOp(",") || p.isOp("*") || p.isOp("**") {
				names = append(names, t.Text)
			}
		}
	}
	return names
}

// compound are the keywords of headers whose body may follow on the same
// line, after the colon.
var compound = map[string]bool{
	"if": true, "elif": true, "else": true, "for": true, "while": true, "try": true,
	"except": true, "finally": true, "with": true,
}

// statementNames returns the names one simple statement or compound
// header binds in its scope, and for a def or class header the scope its
// body opens (a def's with its parameters).
func statementNames(stmt []tok) (names []string, body *scope) {
	first := stmt[0]
	if !first.is(syntax.TokenKeyword, "def") && !first.is(syntax.TokenKeyword, "class") {
		// An assignment expression binds in the module, even inside a
		// comprehension.
		for j := 1; j < len(stmt); j++ {
			if stmt[j].isOp(":=") && stmt[j-1].Kind == syntax.TokenName {
				names = append(names, stmt[j-1].Text)
			}
		}
	}
	if first.isOp("@") {
		return nil, nil
	}
	if first.Kind == syntax.TokenKeyword {
		switch first.Text {
		case "def", "class":
			if len(stmt) > 1 && stmt[1].Kind == syntax.TokenName {
				names = append(names, stmt[1].Text)
			}
			if first.Text == "def" {
				return names, &scope{def: true, names: params(stmt)}
			}
			return names, &scope{}
		case "import":
			return append(names, importNames(stmt[1:], false)...), nil
		case "from":
			for j, t := range stmt {
				if t.is(syntax.TokenKeyword, "import") {
					return append(names, importNames(stmt[j+1:], true)...), nil
				}
			}
			return names, nil
		}
		if compound[first.Text] {
			return append(names, headerNames(stmt)...), nil
		}
	}
	return append(names, assignedNames(stmt)...), nil
}

// importNames returns the names an import list binds: each alias, or
// the first component of a module (import a.b binds a).
func importNames(list []tok, from bool) []string {
	var names []string
	expectName := true
	for j := 0; j < len(list); j++ {
		t := list[j]
		switch {
		case t.is(syntax.TokenKeyword, "as"):
			if j+1 < len(list) && list[j+1].Kind == syntax.TokenName {
				names[len(names)-1] = list[j+1].Text
				j++
			}
		case t.isOp(","):
			expectName = true
		case t.Kind == syntax.TokenName && expectName:
			names = append(names, t.Text)
			expectName = false
		case t.isOp("*") && from:
			expectName = false
		}
	}
	return names
}

// headerNames returns the names a compound header binds (for targets,
// with and except aliases) and those of a body on the same line.
func headerNames(stmt []tok) []string {
	var names []string
	switch stmt[0].Text {
	case "for":
		for j := 1; j < len(stmt) && !stmt[j].is(syntax.TokenKeyword, "in"); j++ {
			if stmt[j].Kind == syntax.TokenName {
				names = append(names, stmt[j].Text)
			}
		}
	case "with", "except":
		for j := 1; j+1 < len(stmt); j++ {
			if stmt[j].is(syntax.TokenKeyword, "as") {
				for k := j + 1; k < len(stmt) && !stmt[k].isOp(",") && !stmt[k].isOp(":"); k++ {
					if stmt[k].Kind == syntax.TokenName {
						names = append(names, stmt[k].Text)
					}
				}
			}
		}
	}
	// A body after the header's colon: if x: y = 1.
	if c := headerColon(stmt); c >= 0 && c+1 < len(stmt) {
		more, _ := statementNames(stmt[c+1:])
		return append(names, more...)
	}
	return names
}

// assignedNames returns the names a simple statement assigns: the plain
// names in the targets of `a, b = c = ...`, of `x += 1` and of `x: int`,
// but not a lambda's parameters.
func assignedNames(stmt []tok) []string {
	var names []string
	if len(stmt) >= 2 && stmt[0].Kind == syntax.TokenName && stmt[1].isOp(":") {
		return []string{stmt[0].Text}
	}
	segment := 0 // start of the current target list
	depth := 0
	for j, t := range stmt {
		depth += t.nesting()
		switch {
		case t.is(syntax.TokenKeyword, "lambda"):
			return names // its parameters' defaults are no assignments
		case depth == 0 && t.Kind == syntax.TokenOp && isAssignOp(t.Text):
			names = append(names, targetNames(stmt[segment:j])...)
			segment = j + 1
			if t.Text != "=" {
				return names // x += 1: what follows is an expression
			}
		}
	}
	return names
}

func isAssignOp(op string) bool {
	switch op {
	case "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", ">>=", "<<=":
		return true
	}
	return false
}

// targetNames returns the names a target list binds: plain names, also
// inside parentheses and brackets and after *, but not attributes
// (a.b), subscripts (a[i]) or anything inside a subscript or call.
func targetNames(target []tok) []string {
	var names []string
	var trailers []bool // for each open bracket: whether it follows a name or a closing bracket
	inTrailer := 0
	for j, t := range target {
		prevEnds := j > 0 && (target[j-1].Kind == syntax.TokenName || target[j-1].isOp(")") || target[j-1].isOp("]"))
		switch {
		case t.isOp("(") || t.isOp("[") || t.isOp("{"):
			trailers = append(trailers, prevEnds)
			if prevEnds {
				inTrailer++
			}
		case t.isOp(")") || t.isOp("]") || t.isOp("}"):
			if n := len(trailers); n > 0 {
				if trailers[n-1] {
					inTrailer--
				}
				trailers = trailers[:n-1]
			}
		case t.Kind == syntax.TokenName && inTrailer == 0:
			afterDot := j > 0 && target[j-1].isOp(".")
			beforeTrailer := j+1 < len(target) && (target[j+1].isOp(".") || target[j+1].isOp("(") || target[j+1].isOp("["))
			if !afterDot && !beforeTrailer {
				names = append(names, t.Text)
			}
		}
	}
	return names
}
