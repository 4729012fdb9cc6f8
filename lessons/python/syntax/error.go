package syntax

import (
	"fmt"
	"unicode/utf8"
)

// ErrorKind is the Python exception class of a syntax error.
type ErrorKind uint8

const (
	SyntaxError ErrorKind = iota
	IndentationError
	TabError      // a subclass of IndentationError
	SyntaxWarning // not an error: the resolver's warnings about suspicious code
)

var kindNames = [...]string{SyntaxError: "SyntaxError", IndentationError: "IndentationError", TabError: "TabError", SyntaxWarning: "SyntaxWarning"}

func (k ErrorKind) String() string { return kindNames[k] }

// An Error is a SyntaxError, IndentationError or TabError, worded as
// CPython 3.11 words it.
type Error struct {
	Kind     ErrorKind
	Msg      string
	Filename string
	Pos      Pos    // where the error is; Col is a 0-based byte offset
	End      Pos    // end of the offending text, or Pos when unknown
	Line     string // the source line at Pos.Line, without its newline

	// Incomplete is set when the source ends where more lines could
	// complete it (an open bracket or triple-quoted string, a trailing
	// backslash, a block header or decorator with nothing after it), as
	// codeop.compile_command tells incomplete input from invalid input.
	Incomplete bool
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Pos.Line, e.Offset(), e.Kind, e.Msg)
}

// Offset is the 1-based column in characters, as CPython's
// SyntaxError.offset reports it (in bytes on a line that is not UTF-8).
func (e *Error) Offset() int { return charOffset(e.Line, e.Pos.Col) }

// EndOffset is the 1-based end column in characters on line End.Line,
// as CPython's SyntaxError.end_offset reports it when the error spans
// one line.
func (e *Error) EndOffset() int { return charOffset(e.Line, e.End.Col) }

// charOffset converts a 0-based byte column into a 1-based rune column.
// Columns past the end of line count one character per byte.
func charOffset(line string, col int32) int {
	if !utf8.ValidString(line) {
		return int(col) + 1
	}
	if int(col) <= len(line) {
		return utf8.RuneCountInString(line[:col]) + 1
	}
	return utf8.RuneCountInString(line) + int(col) - len(line) + 1
}
