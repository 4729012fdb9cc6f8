package complete

import (
	"threadlab/lessons/python/syntax"
)

// cellNames returns the module-level names that the text before the
// cursor binds (defs, classes, imports, assignment, for, with and except
// targets), so that a cell's own names complete before it has run. Names
// bound inside def and class bodies are left out, as are those of
// comprehensions and lambdas, which have scopes of their own.
func cellNames(toks []tok) []string {
	var names []string
	depth := 0    // indentation level
	hidden := -1  // the level of a def or class whose body is being skipped
	defOpen := -1 // a def or class header ended at this level; its body may follow
	start := 0    // first token of the current statement
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) {
			switch t := toks[i]; {
			case t.Kind == syntax.TokenIndent:
				depth++
				if defOpen >= 0 && hidden < 0 && depth == defOpen+1 {
					hidden = defOpen
				}
				defOpen = -1
				start = i + 1
				continue
			case t.Kind == syntax.TokenDedent:
				depth--
				if hidden >= 0 && depth <= hidden {
					hidden = -1
				}
				start = i + 1
				continue
			case t.Kind != syntax.TokenNewline && !t.isOp(";"):
				continue
			}
		}
		stmt := toks[start:i]
		start = i + 1
		if i < len(toks) && toks[i].Kind == syntax.TokenNewline {
			defOpen = -1
		}
		if hidden >= 0 || len(stmt) == 0 {
			continue
		}
		bound, isDef := statementNames(stmt)
		names = append(names, bound...)
		if isDef && i < len(toks) && toks[i].Kind == syntax.TokenNewline {
			defOpen = depth
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
// header binds at module level, and whether it is a def or class header
// (whose body binds nothing there).
func statementNames(stmt []tok) (names []string, isDef bool) {
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
		return nil, false
	}
	if first.Kind == syntax.TokenKeyword {
		switch first.Text {
		case "def", "class":
			if len(stmt) > 1 && stmt[1].Kind == syntax.TokenName {
				names = append(names, stmt[1].Text)
			}
			return names, true
		case "import":
			return append(names, importNames(stmt[1:], false)...), false
		case "from":
			for j, t := range stmt {
				if t.is(syntax.TokenKeyword, "import") {
					return append(names, importNames(stmt[j+1:], true)...), false
				}
			}
			return names, false
		}
		if compound[first.Text] {
			return append(names, headerNames(stmt)...), false
		}
	}
	return append(names, assignedNames(stmt)...), false
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
	depth := 0
	for j, t := range stmt {
		switch {
		case t.isOp("(") || t.isOp("[") || t.isOp("{"):
			depth++
		case t.isOp(")") || t.isOp("]") || t.isOp("}"):
			depth--
		case depth == 0 && t.isOp(":") && j+1 < len(stmt):
			if rest := stmt[j+1:]; len(rest) > 0 {
				more, _ := statementNames(rest)
				return append(names, more...)
			}
		}
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
		switch {
		case t.isOp("(") || t.isOp("[") || t.isOp("{"):
			depth++
		case t.isOp(")") || t.isOp("]") || t.isOp("}"):
			depth--
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
