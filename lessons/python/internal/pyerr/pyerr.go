// Package pyerr is the error type shared by threadlab's pure Python helper
// packages (format, pyint, mt): it names the Python exception class a Go
// failure becomes, so the interpreter maps errors by type, never by text.
package pyerr

// Kind is the Python exception class an Error stands for.
type Kind int

// The exception classes the helpers raise.
const (
	ValueError Kind = iota
	TypeError
	OverflowError
	KeyError
	IndexError
	MemoryError
)

var kindNames = [...]string{"ValueError", "TypeError", "OverflowError", "KeyError", "IndexError", "MemoryError"}

func (k Kind) String() string { return kindNames[k] }

// Error is a failure to raise as Python exception Kind with CPython's
// message Msg. A KeyError carries the missing key in Key.
type Error struct {
	Kind Kind
	Msg  string
	Key  any
}

func (e *Error) Error() string {
	if e.Msg == "" {
		return e.Kind.String()
	}
	return e.Kind.String() + ": " + e.Msg
}

// New returns an Error of kind k with message msg.
func New(k Kind, msg string) *Error { return &Error{Kind: k, Msg: msg} }
