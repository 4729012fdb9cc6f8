package lessons

import (
	"sort"
	"strings"
	"unicode"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

var keywords = []string{"and", "break", "continue", "def", "elif", "else", "for", "if", "in", "lambda",
	"not", "or", "pass", "return", "while", "True", "False", "None"}

func isNameRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// dottedBefore returns the dotted name that ends at cursor (in runes),
// e.g. "threading.Lo", and where it starts.
func dottedBefore(rs []rune, cursor int) (string, int) {
	start := cursor
	for start > 0 && (isNameRune(rs[start-1]) || rs[start-1] == '.') {
		start--
	}
	return string(rs[start:cursor]), start
}

// resolveDotted finds the value of a dotted name such as "threading.Lock"
// or "items" without running code: names are looked up in the globals,
// builtins and modules, and attributes only of modules and structs (the
// attributes of other values may have side effects, e.g. recording a read
// of a shared object).
func (s *Session) resolveDotted(parts []string) (starlark.Value, bool) {
	if len(parts) == 0 || parts[0] == "" {
		return nil, false
	}
	v, ok := s.ns.Lookup(parts[0])
	if !ok {
		if v, ok = starlark.Universe[parts[0]]; !ok {
			return nil, false
		}
	}
	for _, p := range parts[1:] {
		switch m := v.(type) {
		case *starlarkstruct.Module:
			if v, ok = m.Members[p]; !ok {
				return nil, false
			}
		case *starlarkstruct.Struct:
			x, err := m.Attr(p)
			if err != nil || x == nil {
				return nil, false
			}
			v = x
		default:
			return nil, false
		}
	}
	return v, true
}

// Complete returns completion candidates for the text before cursor and
// the [start, end) range (in code points) that a candidate replaces.
func (s *Session) Complete(code string, cursor int) ([]string, int, int) {
	rs := []rune(code)
	if cursor < 0 || cursor > len(rs) {
		cursor = len(rs)
	}
	token, start := dottedBefore(rs, cursor)
	if token != "" && unicode.IsDigit([]rune(token)[0]) {
		return nil, cursor, cursor
	}
	var cands []string
	partial := token
	if i := strings.LastIndexByte(token, '.'); i >= 0 {
		partial = token[i+1:]
		start = cursor - len([]rune(partial))
		v, ok := s.resolveDotted(strings.Split(token[:i], "."))
		if !ok {
			return nil, cursor, cursor
		}
		if ha, ok := v.(starlark.HasAttrs); ok {
			cands = ha.AttrNames()
		}
	} else {
		cands = append(cands, s.ns.Names()...)
		cands = append(cands, builtinNames()...)
		cands = append(cands, s.moduleNames()...)
		cands = append(cands, keywords...)
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range cands {
		if seen[c] || !strings.HasPrefix(c, partial) || c == nsName || c == resultName {
			continue
		}
		if strings.HasPrefix(c, "_") && !strings.HasPrefix(partial, "_") {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	sort.Strings(out)
	return out, start, cursor
}

// IsComplete reports whether code is ready to run ("complete"), needs more
// lines ("incomplete", with the indent for the next line), or cannot be
// fixed by adding lines ("invalid"). Like IPython, a cell whose last line
// is inside an indented block stays incomplete until an empty line ends it.
func (s *Session) IsComplete(code string) (string, string) {
	lines := strings.Split(strings.ReplaceAll(code, "\r\n", "\n"), "\n")
	last := lines[len(lines)-1]
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	lastText := ""
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			lastText = lines[i]
			break
		}
	}
	indentOf := func(l string) string { return l[:len(l)-len(strings.TrimLeft(l, " \t"))] }
	text, ierr := s.rewriteImports(code)
	if ierr != nil {
		return "complete", "" // Execute will explain the import error
	}
	trimmed := strings.TrimRight(stripComment(lastText), " \t")
	if strings.HasSuffix(trimmed, "\\") {
		return "incomplete", indentOf(lastText)
	}
	f, err := FileOptions.Parse("<cell>", text+"\n", 0)
	if err != nil {
		if !hasAny(err.Error(), "end of file", "unexpected EOF", "want indent") {
			return "invalid", ""
		}
		if strings.HasSuffix(trimmed, ":") && openBrackets(text) <= 0 {
			return "incomplete", indentOf(lastText) + "    "
		}
		return "incomplete", indentOf(lastText)
	}
	// As in IPython, a block (def, if, for, while) stays open until an
	// empty line ends it; an indented line that only continues brackets
	// does not.
	if strings.TrimSpace(last) != "" && indentOf(last) != "" && len(f.Stmts) > 0 {
		switch f.Stmts[len(f.Stmts)-1].(type) {
		case *syntax.DefStmt, *syntax.IfStmt, *syntax.ForStmt, *syntax.WhileStmt:
			return "incomplete", indentOf(last)
		}
	}
	return "complete", ""
}

// openBrackets counts brackets left open in code, ignoring strings and
// comments.
func openBrackets(code string) int {
	depth := 0
	for _, line := range strings.Split(code, "\n") {
		line = stripComment(line)
		var q rune
		esc := false
		for _, r := range line {
			switch {
			case esc:
				esc = false
			case q != 0 && r == '\\':
				esc = true
			case q != 0:
				if r == q {
					q = 0
				}
			case r == '"' || r == '\'':
				q = r
			case r == '(' || r == '[' || r == '{':
				depth++
			case r == ')' || r == ']' || r == '}':
				depth--
			}
		}
	}
	return depth
}
