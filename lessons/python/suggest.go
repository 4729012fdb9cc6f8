package python

import (
	"sort"
	"strings"
)

// Suggestions for NameError and AttributeError, as CPython 3.11 prints
// them: ". Did you mean: 'x'?" after the message, when a known name is a
// few edits away from the wrong one.

const (
	suggestMaxCandidates = 750
	suggestMaxLen        = 40
	moveCost             = 2
	caseCost             = 1
)

// attrError is the AttributeError for x.name, remembering x and name for
// the suggestion.
func attrError(x Value, name, format string, a ...any) *Exception {
	e := Errorf(AttributeError, format, a...)
	d := e.more()
	d.name, d.obj = Str(name), x
	return e
}

// nameError is the NameError for name in frame fr.
func nameError(fr *frame, c *Type, name, format string) *Exception {
	e := Errorf(c, format, name)
	d := e.more()
	d.name = Str(name)
	if fr != nil {
		d.code, d.globals = fr.code, fr.globals.globals
	}
	return e
}

// suggestion returns the name to suggest for e, or "".
func (t *Thread) suggestion(exc *Exception) string {
	e := exc.details()
	name, _ := e.name.(Str)
	if name == "" {
		return ""
	}
	switch {
	case exc.class.IsSubclass(NameError):
		var locals []string
		if e.code != nil && e.code.Name != "<module>" {
			locals = e.code.Locals
		}
		if s := bestMatch(string(name), locals); s != "" {
			return s
		}
		if e.globals != nil {
			if s := bestMatch(string(name), dictKeys(e.globals)); s != "" {
				return s
			}
		}
		return bestMatch(string(name), dictKeys(t.interp.builtins))
	case exc.class.IsSubclass(AttributeError) && e.obj != nil:
		return bestMatch(string(name), Dir(t, e.obj))
	}
	return ""
}

func dictKeys(d *Dict) []string {
	var out []string
	for _, k := range d.Keys() {
		if s, ok := k.(Str); ok {
			out = append(out, string(s))
		}
	}
	return out
}

// Dir lists the attribute names of x, sorted, as dir(x) does (a class's
// own __dir__ decides for its instances).
func Dir(t *Thread, x Value) []string {
	if _, isType := x.(*Type); !isType && x.Type().user {
		if m := x.Type().Lookup("__dir__"); m != nil {
			if r, err := CallValue(t, m, []Value{x}, nil); err == nil {
				if items, err := Collect(t, r); err == nil {
					var out []string
					for _, it := range items {
						if s, ok := it.(Str); ok {
							out = append(out, string(s))
						}
					}
					sort.Strings(out)
					return out
				}
			}
		}
	}
	seen := map[string]bool{}
	add := func(d *Dict) {
		if d == nil {
			return
		}
		for _, k := range dictKeys(d) {
			seen[k] = true
		}
	}
	switch o := x.(type) {
	case *Module:
		add(o.globals)
	case *Type:
		for _, k := range o.mro {
			add(k.dict)
		}
	default:
		switch o := x.(type) {
		case *Instance:
			add(o.dict)
		case *Exception:
			add(o.dict)
		case *Function:
			add(o.dict)
		}
		for _, k := range x.Type().mro {
			add(k.dict)
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// bestMatch picks the candidate closest to name, within a third of the
// characters involved; the first of equally close candidates wins.
func bestMatch(name string, candidates []string) string {
	if len(candidates) >= suggestMaxCandidates || len(name) > suggestMaxLen {
		return ""
	}
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		if c == name {
			continue
		}
		limit := (len(name) + len(c) + 3) * moveCost / 6
		if bestDist-1 < limit {
			limit = bestDist - 1
		}
		d := editDistance(name, c, limit)
		if d > limit {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b in which an
// insertion or deletion costs 2 and a substitution 2, or 1 when only the
// letter case differs. It gives up (returning limit+1) once the distance
// must exceed limit.
func editDistance(a, b string, limit int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > suggestMaxLen || len(b) > suggestMaxLen {
		return limit + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > limit {
		return limit + 1
	}
	row := make([]int, len(a))
	for i := range row {
		row[i] = (i + 1) * moveCost
	}
	result := 0
	for j := 0; j < len(b); j++ {
		diag := j * moveCost // distance(b[:j], a[:0])
		result = diag
		lowest := 1 << 30
		for i := 0; i < len(a); i++ {
			sub := diag + substCost(b[j], a[i])
			diag = row[i]
			del := min(result, diag) + moveCost
			result = min(del, sub)
			row[i] = result
			lowest = min(lowest, result)
		}
		if lowest > limit {
			return limit + 1
		}
	}
	return result
}

func substCost(x, y byte) int {
	if x == y {
		return 0
	}
	if strings.EqualFold(string(x), string(y)) {
		return caseCost
	}
	return moveCost
}
