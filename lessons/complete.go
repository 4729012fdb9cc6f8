package lessons

import "threadlab/lessons/complete"

// Completion, inspection and is_complete are package complete's; they
// read __main__ with a thread of their own, never the one cells run on.

// Complete returns the candidates for the text ending at cursor and the
// range of code they replace.
func (s *Session) Complete(code string, cursor int) ([]string, int, int) {
	return complete.Complete(s.interp.NewThread("complete"), s.main, code, cursor)
}

// Inspect returns help for the name at cursor as a MIME bundle.
func (s *Session) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	return complete.Inspect(s.interp.NewThread("inspect"), s.main, code, cursor, detail)
}

// IsComplete reports "complete", "incomplete" (with the next line's
// indent) or "invalid".
func (s *Session) IsComplete(code string) (string, string) {
	return complete.IsComplete(code)
}
