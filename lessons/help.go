package lessons

import (
	"regexp"

	"threadlab/lessons/complete"
	"threadlab/lessons/python"
)

// help(obj) prints what inspecting obj shows (signature, type and
// docstring) to the thread's stdout, as CPython's help prints pydoc's
// page; help("name") looks the name up in __main__ first.
func (s *Session) help(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var obj python.Value
	if err := python.UnpackArgs("help", args, kw, []string{"request?"}, &obj); err != nil {
		return nil, err
	}
	if obj == nil {
		return python.None, t.Interp().Write(t.Stdout(), "Type help(object) for help about an object, or object? in a cell.\n")
	}
	th := s.interp.NewThread("help")
	var bundle map[string]any
	found := false
	if name, ok := obj.(python.Str); ok {
		bundle, found = complete.Inspect(th, s.main, string(name), len([]rune(string(name))), 1)
	}
	if !found {
		// The object under its own name (a function's, a class's), in a
		// module of its own.
		name := "obj"
		if n, err := python.GetAttr(th, obj, "__name__"); err == nil {
			if str, ok := n.(python.Str); ok && identRe.MatchString(string(str)) {
				name = string(str)
			}
		}
		m := python.NewModule("help")
		m.Set(name, obj)
		bundle, found = complete.Inspect(th, m, name, len(name), 1)
	}
	text, _ := bundle["text/plain"].(string)
	if !found || text == "" {
		text = "No help for this object.\n"
	}
	return python.None, t.Interp().Write(t.Stdout(), text)
}

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
