package lessons

import (
	"errors"
	"sort"
	"strings"
	"unicode"

	"threadlab/lessons/python"
	"threadlab/lessons/python/syntax"
)

// Completion, inspection and is_complete. These forward to package
// lessons/complete once it exists; until then they complete names and
// attributes of dotted names, show an object's type, value and docstring,
// and ask the parser whether a cell is complete.

// dottedBefore returns the dotted name that ends at cursor (a count of
// code points) and where it starts.
func dottedBefore(code string, cursor int) (string, int) {
	r := []rune(code)
	cursor = min(max(cursor, 0), len(r))
	start := cursor
	for start > 0 && (r[start-1] == '_' || r[start-1] == '.' || unicode.IsLetter(r[start-1]) || unicode.IsDigit(r[start-1])) {
		start--
	}
	return string(r[start:cursor]), start
}

// lookup finds a dotted name in __main__ and the builtins, reading
// attributes with a thread of its own (no cell runs meanwhile).
func (s *Session) lookup(t *python.Thread, dotted string) (python.Value, bool) {
	parts := strings.Split(dotted, ".")
	v := s.main.Globals().GetStr(parts[0])
	if v == nil {
		v = s.interp.Builtins().GetStr(parts[0])
	}
	if v == nil {
		return nil, false
	}
	for _, p := range parts[1:] {
		x, err := python.GetAttr(t, v, p)
		if err != nil {
			return nil, false
		}
		v = x
	}
	return v, true
}

// Complete returns the names that complete the (dotted) name before the
// cursor, and the range they replace.
func (s *Session) Complete(code string, cursor int) ([]string, int, int) {
	dotted, start := dottedBefore(code, cursor)
	end := start + len([]rune(dotted))
	var names []string
	prefix := dotted
	if i := strings.LastIndexByte(dotted, '.'); i >= 0 {
		obj, ok := s.lookup(s.interp.NewThread("complete"), dotted[:i])
		if !ok {
			return nil, end, end
		}
		names = python.Dir(s.interp.NewThread("complete"), obj)
		prefix = dotted[i+1:]
		start += len([]rune(dotted[:i+1]))
	} else {
		names = append(keys(s.main.Globals().Keys()), keys(s.interp.Builtins().Keys())...)
	}
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !seen[n] && (strings.HasPrefix(prefix, "_") || !strings.HasPrefix(n, "_")) {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out, start, end
}

// Inspect shows the type, value and docstring of the name at the cursor.
func (s *Session) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	r := []rune(code)
	cursor = min(max(cursor, 0), len(r))
	for cursor < len(r) && (r[cursor] == '_' || unicode.IsLetter(r[cursor]) || unicode.IsDigit(r[cursor])) {
		cursor++
	}
	dotted, _ := dottedBefore(code, cursor)
	dotted = strings.Trim(dotted, ".")
	if dotted == "" {
		return nil, false
	}
	t := s.interp.NewThread("inspect")
	v, ok := s.lookup(t, dotted)
	if !ok {
		return nil, false
	}
	var b strings.Builder
	b.WriteString("Type: " + v.Type().Name() + "\n")
	if rep, err := python.Repr(t, v); err == nil {
		b.WriteString("String form: " + rep + "\n")
	}
	if doc, err := python.GetAttr(t, v, "__doc__"); err == nil {
		if d, ok := doc.(python.Str); ok && d != "" {
			b.WriteString("Docstring:\n" + string(d) + "\n")
		}
	}
	return map[string]any{"text/plain": b.String()}, true
}

// IsComplete reports whether code is a whole cell ("complete"), could be
// completed by more lines ("incomplete", with the indent of the next
// line) or can never be ("invalid").
func (s *Session) IsComplete(code string) (string, string) {
	m, err := syntax.Parse("<cell>", []byte(code))
	lines := strings.Split(strings.TrimRight(code, " \t\n"), "\n")
	last := lines[len(lines)-1]
	indent := last[:len(last)-len(strings.TrimLeft(last, " \t"))]
	var se *syntax.Error
	switch {
	case err == nil:
		// As in IPython, a block goes on until a newline ends its last line.
		if n := len(m.Body); n > 0 && isCompound(m.Body[n-1]) && !strings.HasSuffix(strings.TrimRight(code, " \t"), "\n") {
			return "incomplete", indent
		}
		return "complete", ""
	case errors.As(err, &se) && se.Incomplete:
		if strings.HasSuffix(strings.TrimSpace(last), ":") {
			indent += "    "
		}
		return "incomplete", indent
	}
	return "invalid", ""
}

func isCompound(st syntax.Stmt) bool {
	switch st.(type) {
	case *syntax.FunctionDef, *syntax.ClassDef, *syntax.For, *syntax.While, *syntax.If, *syntax.With, *syntax.Try:
		return true
	}
	return false
}

func keys(vs []python.Value) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if s, ok := v.(python.Str); ok {
			out = append(out, string(s))
		}
	}
	return out
}
