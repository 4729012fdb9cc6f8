package lessons

import (
	"errors"
	"fmt"
	"strings"

	"threadlab/lessons/python"
)

// CellError is the error a cell ends with, as Jupyter shows it: Name is
// the exception's class name (ename: "NameError", "KeyboardInterrupt",
// "DeadlockError", ...), Message its str() (evalue), and Lines the
// traceback CPython would print, one line per element, ending with the
// "Name: Message" line.
type CellError struct {
	Name    string
	Message string
	Lines   []string
}

func (e *CellError) Error() string {
	if e.Message == "" {
		return e.Name
	}
	return e.Name + ": " + e.Message
}

// ErrorName is the exception's class name (Jupyter's ename).
func (e *CellError) ErrorName() string { return e.Name }

// ErrorValue is Jupyter's evalue.
func (e *CellError) ErrorValue() string { return e.Message }

// Traceback returns the traceback lines.
func (e *CellError) Traceback() []string { return e.Lines }

// cellError turns what a cell's run returned into a *CellError, printing
// a Python exception's traceback as CPython does (each frame names the
// cell, line and source text).
func (s *Session) cellError(t *python.Thread, err error) *CellError {
	var exc *python.Exception
	var cancelled *python.Cancelled
	var internal *python.InternalError
	switch {
	case errors.As(err, &exc):
		msg, serr := python.ToStr(t, exc)
		if serr != nil {
			msg = fmt.Sprintf("<exception str() failed: %v>", serr)
		}
		var b strings.Builder
		t.PrintTraceback(&b, exc)
		return &CellError{Name: exc.Type().Name(), Message: msg, Lines: lines(b.String())}
	case errors.As(err, &cancelled) && cancelled.Reason == memoryReason:
		msg := memoryMessage()
		return &CellError{Name: "MemoryError", Message: msg, Lines: []string{
			"Traceback (most recent call last):", "MemoryError: " + msg,
			"Look for a loop that keeps adding to a list or string without end. " +
				"Rebinding the name (data = None) gives the memory back."}}
	case errors.As(err, &cancelled):
		// A second interrupt: where the cell was, as CPython shows a KeyboardInterrupt.
		if cancelled.Reason != interruptReason { // stopped some other way first
			cancelled = &python.Cancelled{Reason: interruptReason}
		}
		var b strings.Builder
		t.PrintTraceback(&b, cancelled)
		return &CellError{Name: "KeyboardInterrupt", Lines: lines(b.String())}
	case errors.As(err, &internal):
		return &CellError{Name: "SystemError", Message: internal.Error(), Lines: []string{"SystemError: " + internal.Error()}}
	}
	return &CellError{Name: "SystemError", Message: err.Error(), Lines: []string{"SystemError: " + err.Error()}}
}

// lines splits printed text into lines, without the final newline.
func lines(text string) []string {
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}
