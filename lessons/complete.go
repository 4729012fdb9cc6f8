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
// lessons/complete once it exists; until then they offer the names of
// __main__ and the builtins, no help, and the parser's verdict.

// Complete returns the names that complete the identifier before cursor
// (a count of code points).
func (s *Session) Complete(code string, cursor int) ([]string, int, int) {
	r := []rune(code)
	cursor = min(max(cursor, 0), len(r))
	start := cursor
	for start > 0 && (r[start-1] == '_' || unicode.IsLetter(r[start-1]) || unicode.IsDigit(r[start-1])) {
		start--
	}
	prefix := string(r[start:cursor])
	if start > 0 && r[start-1] == '.' {
		return nil, cursor, cursor
	}
	seen := map[string]bool{}
	var out []string
	for _, d := range [][]string{keys(s.main.Globals().Keys()), keys(s.interp.Builtins().Keys())} {
		for _, n := range d {
			if strings.HasPrefix(n, prefix) && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out, start, cursor
}

// Inspect has no help to give yet.
func (s *Session) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	return nil, false
}

// IsComplete reports whether code is a whole cell ("complete"), could be
// completed by more lines ("incomplete", with the indent of the next
// line) or can never be ("invalid").
func (s *Session) IsComplete(code string) (string, string) {
	_, err := syntax.Parse("<cell>", []byte(code))
	var se *syntax.Error
	switch {
	case err == nil:
		return "complete", ""
	case errors.As(err, &se) && se.Incomplete:
		lines := strings.Split(strings.TrimRight(code, "\n"), "\n")
		last := lines[len(lines)-1]
		indent := last[:len(last)-len(strings.TrimLeft(last, " \t"))]
		if strings.HasSuffix(strings.TrimSpace(last), ":") {
			indent += "    "
		}
		return "incomplete", indent
	}
	return "invalid", ""
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
