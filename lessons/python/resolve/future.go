package resolve

import "threadlab/lessons/python/syntax"

// futureFeatures are the names `from __future__ import` accepts in
// Python 3.11; all but annotations are already the language's behaviour.
func isFutureFeature(name string) bool {
	switch name {
	case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
		"print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations":
		return true
	}
	return false
}

// futures checks the future statements at the top of m, as CPython does
// before anything else, and returns the line of the last one (0 if none)
// and whether `annotations` is among them.
func (r *resolver) futures(m *syntax.Module) (last int32, annotations bool) {
	for i, s := range m.Body {
		if f, ok := s.(*syntax.ImportFrom); ok && f.Module == "__future__" {
			for _, a := range f.Names {
				switch {
				case a.Name == "braces":
					r.fail(f, "not a chance")
				case !isFutureFeature(a.Name):
					r.fail(f, "future feature %s is not defined", a.Name)
				case a.Name == "annotations":
					annotations = true
				}
			}
			last = f.Pos.Line
			continue
		}
		if e, ok := s.(*syntax.ExprStmt); ok && i == 0 {
			if _, ok := e.X.(*syntax.StrLit); ok {
				continue // the docstring
			}
		}
		break
	}
	return last, annotations
}
