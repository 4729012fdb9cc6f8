package format

// Kind is the Python exception class an Error stands for.
type Kind int

// The exception classes formatting raises.
const (
	ValueError Kind = iota
	TypeError
	OverflowError
	KeyError
	MemoryError
)

var kindNames = [...]string{"ValueError", "TypeError", "OverflowError", "KeyError", "MemoryError"}

func (k Kind) String() string { return kindNames[k] }

// Error is a formatting failure: Kind is the exception class, Msg CPython's
// message. A KeyError from a %(name)s lookup carries the missing key in Key.
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

func errorf(k Kind, msg string) *Error { return &Error{Kind: k, Msg: msg} }
