package lessons

import "threadlab/lessons/complete"

// Completion, inspection and is_complete are package complete's; they
// read __main__ with a thread of their own, never the one cells run on,
// holding the GIL (runtime.Visit): threads earlier cells started may be
// running, and with the GIL on they skip the locks of lists and dicts.

// Complete returns the candidates for the text ending at cursor and the
// range of code they replace.
func (s *Session) Complete(code string, cursor int) (matches []string, start, end int) {
	s.rt.Visit(func() {
		matches, start, end = complete.Complete(s.interp.NewThread("complete"), s.main, code, cursor)
	})
	return matches, start, end
}

// Inspect returns help for the name at cursor as a MIME bundle.
func (s *Session) Inspect(code string, cursor, detail int) (bundle map[string]any, found bool) {
	s.rt.Visit(func() {
		bundle, found = complete.Inspect(s.interp.NewThread("inspect"), s.main, code, cursor, detail)
	})
	return bundle, found
}

// IsComplete reports "complete", "incomplete" (with the next line's
// indent) or "invalid".
func (s *Session) IsComplete(code string) (string, string) {
	return complete.IsComplete(code)
}
