package lessons

import (
	"errors"
	"strings"
)

// CellError is the error a cell ends with. Name is the Python-style
// exception name shown to the learner ("NameError", "SyntaxError",
// "KeyboardInterrupt", "DeadlockError", ...), Message the plain-English
// explanation and Lines the traceback lines (without the final
// "Name: Message" line, which Traceback adds).
//
// Built-in functions may return a *CellError; its Name survives the trip
// through Starlark's EvalError and becomes the ename of the cell's error.
type CellError struct {
	Name    string
	Message string
	Lines   []string
	// Hint, when set, is an extra line of advice printed after the message.
	Hint string
}

func (e *CellError) Error() string {
	if e.Hint != "" {
		return e.Name + ": " + e.Message + "\n" + e.Hint
	}
	return e.Name + ": " + e.Message
}

// ErrorName is the Python-style exception name (Jupyter's ename).
func (e *CellError) ErrorName() string { return e.Name }

// ErrorValue is Jupyter's evalue.
func (e *CellError) ErrorValue() string { return e.Message }

// Traceback returns the traceback lines followed by the error line.
func (e *CellError) Traceback() []string {
	out := append([]string(nil), e.Lines...)
	out = append(out, e.Name+": "+e.Message)
	if e.Hint != "" {
		out = append(out, "Hint: "+e.Hint)
	}
	return out
}

// Errorf-style helper for built-ins.
func NewError(name, message string) *CellError {
	return &CellError{Name: name, Message: message}
}

// AsCellError finds a *CellError anywhere in err's chain.
func AsCellError(err error) (*CellError, bool) {
	var ce *CellError
	if errors.As(err, &ce) {
		return ce, true
	}
	return nil, false
}

// hasAny reports whether s contains any of subs.
func hasAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
