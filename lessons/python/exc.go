package python

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"threadlab/lessons/python/internal/compile"
	"threadlab/lessons/python/internal/pystr"
	"threadlab/lessons/python/syntax"
)

// Exception is an instance of BaseException or of any subclass, built-in
// or user-defined. It is also a Go error, so Go code raises a Python
// exception by returning one:
//
//	return nil, Errorf(TypeError, "can only concatenate str (not \"%s\") to str", TypeName(y))
//
// Go code tests the type of a Python exception with ErrorMatches.
type Exception struct {
	class           *Type
	args            Tuple
	arg             [1]Value // args' item when it has one, which then needs no allocation of its own
	dict            *Dict    // user attributes, made on first write
	cause, context  *Exception
	suppressContext bool
	tb              []tbEntry  // innermost first, as the exception unwound
	tbFirst         [2]tbEntry // tb's first entries, which need no allocation of their own
	detail          *excDetail // what few exceptions have, kept apart so that the rest are small
}

// excDetail is the part of an exception that only some have.
type excDetail struct {
	syntax *syntax.Error // for a SyntaxError from the parser or compiler
	notes  []string      // add_note(); printed after the exception line

	// NameError's and AttributeError's name and AttributeError's obj
	// (nil reads as None): the missing name and the object it was looked
	// up in. With the scopes a NameError's name was looked up in, they
	// give the "Did you mean" suggestion. An ImportError's name is the
	// module's, and obj holds its path.
	name    Value
	obj     Value
	code    *codeObj
	globals *Dict
}

// details returns a copy of e's detail, zero if it has none.
func (e *Exception) details() excDetail {
	if e.detail == nil {
		return excDetail{}
	}
	return *e.detail
}

// more returns e's detail for writing, making it if need be.
func (e *Exception) more() *excDetail {
	if e.detail == nil {
		e.detail = &excDetail{}
	}
	return e.detail
}

// A tbEntry is one frame an exception unwound. It keeps the code and
// the instruction rather than the file, function and span they give, so
// that raising and catching copy three words per frame.
type tbEntry struct {
	code  *compile.Code
	pc    int32  // the failing instruction + 1; 0 if none had run
	line  int32  // code.Lines[pc-1], or 0
	frame uint64 // the activation the entry is for, so that it is added once
}

func newTBEntry(code *compile.Code, pc int, frame uint64) tbEntry {
	e := tbEntry{code: code, pc: int32(pc), frame: frame}
	if pc > 0 {
		e.line = code.Lines[pc-1]
	} else {
		e.line = int32(code.FirstLine) // raised before its first step: by a trace function's 'call'
	}
	return e
}

// span is the extent of the failing expression, for the carets.
func (ent tbEntry) span() compile.Span {
	if ent.pc == 0 {
		return compile.Span{}
	}
	return ent.code.Spans[ent.pc-1]
}

// addTB adds ent to the traceback tb unless its frame is the one last
// added (an exception handled and raised again in the same frame).
func addTB(tb []tbEntry, ent tbEntry) []tbEntry {
	if n := len(tb); n > 0 && tb[n-1].frame == ent.frame {
		return tb
	}
	return append(tb, ent)
}

// unwound records that e left, or was handled in, the frame of ent.
func (e *Exception) unwound(ent tbEntry) {
	if e.tb == nil {
		e.tb = e.tbFirst[:0]
	}
	e.tb = addTB(e.tb, ent)
}

func (e *Exception) Type() *Type { return e.class }

// Args is the exception's args tuple.
func (e *Exception) Args() Tuple { return e.args }

// Error is "Type: message", as the last line of a traceback.
func (e *Exception) Error() string {
	msg := e.message(nil)
	if msg == "" {
		return e.class.name
	}
	return e.class.name + ": " + msg
}

// message is str(e) for built-in exceptions (user __str__ is honoured by
// the traceback printer, which has a thread).
func (e *Exception) message(t *Thread) string {
	if e.class.IsSubclass(SyntaxErrorType) && len(e.args) == 2 {
		if s, ok := e.args[0].(Str); ok {
			return string(s)
		}
	}
	if e.class.IsSubclass(OSError) && len(e.args) >= 2 && len(e.args) <= 5 && t != nil {
		if s, ok := e.osMessage(t); ok {
			return s
		}
	}
	switch len(e.args) {
	case 0:
		return ""
	case 1:
		if e.class.IsSubclass(KeyError) && t != nil {
			s, err := Repr(t, e.args[0])
			if err == nil {
				return s
			}
		}
		if s, ok := e.args[0].(Str); ok {
			if e.class.IsSubclass(KeyError) {
				return pystr.Repr(string(s))
			}
			return string(s)
		}
		if t != nil {
			if s, err := ToStr(t, e.args[0]); err == nil {
				return s
			}
		}
		return fmt.Sprint(e.args[0])
	}
	if t != nil {
		if s, err := Repr(t, e.args); err == nil {
			return s
		}
	}
	return fmt.Sprint([]Value(e.args))
}

// osMessage is str(e) for an OSError made with (errno, strerror) and
// perhaps a filename and a second one: "[Errno 2] No such file: 'a'".
func (e *Exception) osMessage(t *Thread) (string, bool) {
	errno, err := ToStr(t, e.args[0])
	if err != nil {
		return "", false
	}
	strerror, err := ToStr(t, e.args[1])
	if err != nil {
		return "", false
	}
	msg := "[Errno " + errno + "] " + strerror
	if len(e.args) < 3 || e.args[2] == None {
		return msg, true
	}
	name, err := Repr(t, e.args[2])
	if err != nil {
		return "", false
	}
	msg += ": " + name
	if len(e.args) == 5 && e.args[4] != None {
		name2, err := Repr(t, e.args[4])
		if err != nil {
			return "", false
		}
		msg += " -> " + name2
	}
	return msg, true
}

// osErrnoClass is the subclass OSError(errno, ...) makes for the errno
// numbers of Linux that have one, as CPython's OSError.__new__ picks it.
func osErrnoClass(errno Value) *Type {
	if !isInt(errno) {
		return nil
	}
	n, err := AsInt64(errno)
	if err != nil {
		return nil
	}
	switch n {
	case 11, 114, 115: // EAGAIN (EWOULDBLOCK), EALREADY, EINPROGRESS
		return BlockingIOError
	case 10: // ECHILD
		return ChildProcessError
	case 32, 108: // EPIPE, ESHUTDOWN
		return BrokenPipeError
	case 103: // ECONNABORTED
		return ConnectionAbortedError
	case 111: // ECONNREFUSED
		return ConnectionRefusedError
	case 104: // ECONNRESET
		return ConnectionResetError
	case 17: // EEXIST
		return FileExistsError
	case 2: // ENOENT
		return FileNotFoundError
	case 4: // EINTR
		return InterruptedError
	case 21: // EISDIR
		return IsADirectoryError
	case 20: // ENOTDIR
		return NotADirectoryError
	case 1, 13: // EPERM, EACCES
		return PermissionError
	case 3: // ESRCH
		return ProcessLookupError
	case 110: // ETIMEDOUT
		return TimeoutError
	}
	return nil
}

// str is str(e): the message, and for a SyntaxError with a location
// CPython's " (file, line N)" after it (the file's base name).
func (e *Exception) str(t *Thread) string {
	msg := e.message(t)
	if !e.class.IsSubclass(SyntaxErrorType) || len(e.args) != 2 {
		return msg
	}
	loc, ok := e.args[1].(Tuple)
	if !ok || len(loc) < 2 {
		return msg
	}
	file, _ := loc[0].(Str)
	line, _ := loc[1].(Int)
	file = file[strings.LastIndexByte(string(file), '/')+1:]
	switch {
	case file != "" && line > 0:
		return fmt.Sprintf("%s (%s, line %d)", msg, file, line)
	case file != "":
		return fmt.Sprintf("%s (%s)", msg, file)
	case line > 0:
		return fmt.Sprintf("%s (line %d)", msg, line)
	}
	return msg
}

// NewException makes an exception of class c with the given args.
func NewException(c *Type, args ...Value) *Exception {
	e := &Exception{class: c}
	e.setArgs(args)
	return e
}

// setArgs makes e.args a copy of args (so that a caller's args may stay
// on its stack). The first one-item args live inside e; later ones not,
// since a program may still hold the tuple e.arg makes.
func (e *Exception) setArgs(args []Value) {
	switch {
	case len(args) == 0:
		e.args = nil
	case len(args) == 1 && e.arg[0] == nil:
		e.arg[0] = args[0]
		e.args = e.arg[:]
	default:
		e.args = append(Tuple(nil), args...)
	}
}

// Errorf makes an exception of class c whose single argument is the
// formatted message.
func Errorf(c *Type, format string, a ...any) *Exception {
	e := &Exception{class: c, arg: [1]Value{Str(fmt.Sprintf(format, a...))}}
	e.args = e.arg[:]
	return e
}

// ErrorMatches reports whether err is a Python exception of class c or a
// subclass.
func ErrorMatches(err error, c *Type) bool {
	var e *Exception
	return errors.As(err, &e) && e.class.IsSubclass(c)
}

// Cancelled is the error a thread unwinds with once the host has
// cancelled it (Thread.Cancel). It is not a Python exception: no except
// clause catches it and no finally clause or __exit__ runs, so a stopped
// thread stops even inside `except BaseException:` or `finally: while
// True: pass`.
type Cancelled struct {
	Reason string
	tb     []tbEntry // the frames it unwound, innermost first, for a KeyboardInterrupt's traceback
}

func (c *Cancelled) Error() string { return "thread cancelled: " + c.Reason }

// InternalError reports a bug in threadlab found while running a program
// (a Go panic recovered at the top of Run or a Thread call).
type InternalError struct{ Msg string }

func (e *InternalError) Error() string { return "threadlab internal error: " + e.Msg }

// ---- the built-in hierarchy ----

func excType(name string, base *Type) *Type {
	c := NewType(name, base)
	c.layout = layoutException
	return c
}

// The built-in exception classes.
var (
	BaseException          = newBaseException()
	SystemExit             = excType("SystemExit", BaseException)
	KeyboardInterrupt      = excType("KeyboardInterrupt", BaseException)
	GeneratorExit          = excType("GeneratorExit", BaseException)
	ExceptionType          = excType("Exception", BaseException)
	ArithmeticError        = excType("ArithmeticError", ExceptionType)
	FloatingPointError     = excType("FloatingPointError", ArithmeticError)
	OverflowError          = excType("OverflowError", ArithmeticError)
	ZeroDivisionError      = excType("ZeroDivisionError", ArithmeticError)
	AssertionError         = excType("AssertionError", ExceptionType)
	AttributeError         = excType("AttributeError", ExceptionType)
	BufferError            = excType("BufferError", ExceptionType)
	EOFError               = excType("EOFError", ExceptionType)
	ImportError            = excType("ImportError", ExceptionType)
	ModuleNotFoundError    = excType("ModuleNotFoundError", ImportError)
	LookupError            = excType("LookupError", ExceptionType)
	IndexError             = excType("IndexError", LookupError)
	KeyError               = excType("KeyError", LookupError)
	MemoryError            = excType("MemoryError", ExceptionType)
	NameError              = excType("NameError", ExceptionType)
	UnboundLocalError      = excType("UnboundLocalError", NameError)
	OSError                = excType("OSError", ExceptionType)
	BlockingIOError        = excType("BlockingIOError", OSError)
	ChildProcessError      = excType("ChildProcessError", OSError)
	ConnectionError        = excType("ConnectionError", OSError)
	BrokenPipeError        = excType("BrokenPipeError", ConnectionError)
	ConnectionAbortedError = excType("ConnectionAbortedError", ConnectionError)
	ConnectionRefusedError = excType("ConnectionRefusedError", ConnectionError)
	ConnectionResetError   = excType("ConnectionResetError", ConnectionError)
	FileExistsError        = excType("FileExistsError", OSError)
	FileNotFoundError      = excType("FileNotFoundError", OSError)
	InterruptedError       = excType("InterruptedError", OSError)
	IsADirectoryError      = excType("IsADirectoryError", OSError)
	NotADirectoryError     = excType("NotADirectoryError", OSError)
	PermissionError        = excType("PermissionError", OSError)
	ProcessLookupError     = excType("ProcessLookupError", OSError)
	TimeoutError           = excType("TimeoutError", OSError)
	ReferenceError         = excType("ReferenceError", ExceptionType)
	RuntimeError           = excType("RuntimeError", ExceptionType)
	NotImplementedError    = excType("NotImplementedError", RuntimeError)
	RecursionError         = excType("RecursionError", RuntimeError)
	StopIteration          = excType("StopIteration", ExceptionType)
	SyntaxErrorType        = excType("SyntaxError", ExceptionType)
	IndentationError       = excType("IndentationError", SyntaxErrorType)
	TabError               = excType("TabError", IndentationError)
	SystemError            = excType("SystemError", ExceptionType)
	TypeError              = excType("TypeError", ExceptionType)
	ValueError             = excType("ValueError", ExceptionType)
	UnicodeError           = excType("UnicodeError", ValueError)
	UnicodeDecodeError     = excType("UnicodeDecodeError", UnicodeError)
	UnicodeEncodeError     = excType("UnicodeEncodeError", UnicodeError)
	Warning                = excType("Warning", ExceptionType)
	UserWarning            = excType("UserWarning", Warning)
	DeprecationWarning     = excType("DeprecationWarning", Warning)
	RuntimeWarning         = excType("RuntimeWarning", Warning)
)

func newBaseException() *Type {
	c := NewType("BaseException", nil)
	c.layout = layoutException
	return c
}

var exceptionTypes = []*Type{
	BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, ExceptionType,
	ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError,
	AssertionError, AttributeError, BufferError, EOFError, ImportError,
	ModuleNotFoundError, LookupError, IndexError, KeyError, MemoryError,
	NameError, UnboundLocalError, OSError, BlockingIOError, ChildProcessError,
	ConnectionError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
	ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError,
	IsADirectoryError, NotADirectoryError, PermissionError, ProcessLookupError,
	TimeoutError, ReferenceError, RuntimeError, NotImplementedError,
	RecursionError, StopIteration, SyntaxErrorType, IndentationError, TabError,
	SystemError, TypeError, ValueError, UnicodeError, UnicodeDecodeError,
	UnicodeEncodeError, Warning, UserWarning, DeprecationWarning, RuntimeWarning,
}

// excAttr reads the attributes every exception has.
func (e *Exception) excAttr(name string) (Value, bool) {
	switch name {
	case "args":
		return e.args, true
	case "__cause__":
		return excOrNone(e.cause), true
	case "__context__":
		return excOrNone(e.context), true
	case "__suppress_context__":
		return Bool(e.suppressContext), true
	case "__notes__":
		notes := e.details().notes
		if notes == nil {
			return nil, false
		}
		l := make([]Value, len(notes))
		for i, n := range notes {
			l[i] = Str(n)
		}
		return NewList(l), true
	case "__traceback__":
		if len(e.tb) == 0 {
			return None, true
		}
		return &Traceback{exc: e}, true
	case "value":
		if e.class.IsSubclass(StopIteration) {
			if len(e.args) > 0 {
				return e.args[0], true
			}
			return None, true
		}
	case "errno", "strerror", "filename":
		if e.class.IsSubclass(OSError) {
			if len(e.args) >= 2 && name != "filename" {
				if name == "errno" {
					return e.args[0], true
				}
				return e.args[1], true
			}
			if name == "filename" && len(e.args) >= 3 {
				return e.args[2], true
			}
			return None, true
		}
	case "name", "obj", "path":
		if e.excMember(name) {
			if name == "name" {
				return noneIfNil(e.details().name), true
			}
			return noneIfNil(e.details().obj), true
		}
	case "code":
		if e.class.IsSubclass(SystemExit) {
			switch len(e.args) {
			case 0:
				return None, true
			case 1:
				return e.args[0], true
			}
			return e.args, true
		}
	}
	return nil, false
}

func noneIfNil(v Value) Value {
	if v == nil {
		return None
	}
	return v
}

// excMember reports whether name is one of the attributes that e keeps
// in its detail rather than its dict (CPython's members of NameError,
// AttributeError and ImportError).
func (e *Exception) excMember(name string) bool {
	switch name {
	case "name":
		return e.class.IsSubclass(NameError) || e.class.IsSubclass(AttributeError) || e.class.IsSubclass(ImportError)
	case "obj":
		return e.class.IsSubclass(AttributeError)
	case "path":
		return e.class.IsSubclass(ImportError)
	}
	return false
}

// setMember sets (v == nil: clears) one of the attributes excMember
// names.
func (e *Exception) setMember(name string, v Value) {
	if v == nil && e.detail == nil {
		return
	}
	if name == "name" {
		e.more().name = v
	} else {
		e.more().obj = v
	}
}

// initException is BaseException.__init__ for e: its args, and for a
// NameError, AttributeError or ImportError the name and obj (or path)
// keywords (reset when not given, as CPython's __init__ does).
func initException(e *Exception, args []Value, kw []Kwarg) error {
	var owner string
	var allowed []string
	switch {
	case e.class.IsSubclass(AttributeError):
		owner, allowed = "AttributeError", []string{"name", "obj"}
	case e.class.IsSubclass(NameError):
		owner, allowed = "NameError", []string{"name"}
	case e.class.IsSubclass(ImportError):
		owner, allowed = "ImportError", []string{"name", "path"}
	}
	if len(kw) > 0 && allowed == nil {
		return Errorf(TypeError, "%s() takes no keyword arguments", e.class.name)
	}
	if len(kw) > len(allowed) {
		s := "s"
		if len(allowed) == 1 {
			s = ""
		}
		return Errorf(TypeError, "%s() takes at most %d keyword argument%s (%d given)", owner, len(allowed), s, len(kw))
	}
	var name, obj Value
	for _, k := range kw {
		switch k.Name {
		case "name":
			name = k.Value
		case "obj", "path":
			if len(allowed) == 2 && k.Name == allowed[1] {
				obj = k.Value
				continue
			}
			fallthrough
		default:
			return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", k.Name, owner)
		}
	}
	e.setArgs(args)
	if allowed != nil {
		e.setMember("name", name)
		e.setMember("obj", obj)
	}
	return nil
}

func excOrNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return e
}

// ---- tracebacks ----

// PrintTraceback writes err the way CPython prints an uncaught exception:
// the chain of causes and contexts first, each with its traceback.
// A thread interrupted by Ctrl-C (cancelled with reason
// "KeyboardInterrupt") prints as CPython's KeyboardInterrupt: where it
// was, then the exception line.
func (t *Thread) PrintTraceback(w io.Writer, err error) {
	var e *Exception
	var c *Cancelled
	switch {
	case errors.As(err, &c) && c.Reason == interruptReason:
		fmt.Fprintln(w, "Traceback (most recent call last):")
		t.printEntries(w, c.tb)
		fmt.Fprintln(w, "KeyboardInterrupt")
		return
	case !errors.As(err, &e):
		fmt.Fprintln(w, err.Error())
		return
	}
	seen := map[*Exception]bool{}
	t.printChain(w, e, seen)
}

func (t *Thread) printChain(w io.Writer, e *Exception, seen map[*Exception]bool) {
	seen[e] = true
	if e.cause != nil && !seen[e.cause] {
		t.printChain(w, e.cause, seen)
		fmt.Fprint(w, "\nThe above exception was the direct cause of the following exception:\n\n")
	} else if e.context != nil && !e.suppressContext && !seen[e.context] {
		t.printChain(w, e.context, seen)
		fmt.Fprint(w, "\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	if len(e.tb) > 0 {
		fmt.Fprintln(w, "Traceback (most recent call last):")
		t.printEntries(w, e.tb)
	}
	if se := e.details().syntax; se != nil {
		fmt.Fprintf(w, "  File \"%s\", line %d\n", se.Filename, se.Pos.Line)
		if line := strings.TrimRight(se.Line, "\r\n"); strings.TrimSpace(line) != "" {
			trimmed := strings.TrimLeft(line, " \f")
			indent := len(line) - len(trimmed)
			fmt.Fprintf(w, "    %s\n", trimmed)
			// the caret goes under the offending text, one wide for an
			// indentation error; none if it would point into the indent
			col := se.Offset() - 1 - indent
			width := 1
			if se.Kind == syntax.SyntaxError && se.End.Line == se.Pos.Line && se.EndOffset() > se.Offset() {
				width = se.EndOffset() - se.Offset()
			}
			if col >= 0 {
				fmt.Fprintf(w, "    %s%s\n", strings.Repeat(" ", col), strings.Repeat("^", width))
			}
		}
	}
	fmt.Fprintln(w, t.excLine(e))
}

// printEntries prints traceback entries (innermost first in tb),
// outermost first, folding repeats as CPython does.
func (t *Thread) printEntries(w io.Writer, tb []tbEntry) {
	repeats := 0
	for i := len(tb) - 1; i >= 0; i-- {
		ent := tb[i]
		if i < len(tb)-1 {
			if prev := tb[i+1]; prev.code.Filename == ent.code.Filename && prev.line == ent.line && prev.code.Name == ent.code.Name {
				repeats++
				if repeats >= 3 {
					continue
				}
			} else {
				printRepeats(w, repeats)
				repeats = 0
			}
		}
		fmt.Fprintf(w, "  File \"%s\", line %d, in %s\n", ent.code.Filename, ent.line, ent.code.Name)
		if src := t.interp.sourceLine(ent.code.Filename, int(ent.line)); strings.TrimSpace(src) != "" {
			fmt.Fprintf(w, "    %s\n", strings.TrimSpace(src))
			if carets := caretLine(src, ent.span()); carets != "" {
				fmt.Fprintf(w, "    %s\n", carets)
			}
		}
	}
	printRepeats(w, repeats)
}

// printRepeats says how many identical traceback entries were left out
// (CPython prints three and then counts the rest).
func printRepeats(w io.Writer, repeats int) {
	if repeats >= 3 {
		n := repeats - 2
		fmt.Fprintf(w, "  [Previous line repeated %d more time%s]\n", n, pluralS(n))
	}
}

// excLine is the last line of a traceback: "module.Type: message".
func (t *Thread) excLine(e *Exception) string {
	name := e.class.name
	if m := e.class.module; m != "builtins" && m != "__main__" && m != "" {
		name = m + "." + name
	}
	msg := e.message(t)
	if s := e.class.Lookup("__str__"); s != nil && e.class.user {
		if _, builtin := s.(*Builtin); !builtin {
			if v, err := CallValue(t, s, []Value{e}, nil); err == nil {
				if sv, ok := v.(Str); ok {
					msg = string(sv)
				}
			}
		}
	}
	if s := t.suggestion(e); s != "" {
		msg += ". Did you mean: '" + s + "'?"
	}
	line := name
	if msg != "" {
		line += ": " + msg
	}
	for _, n := range e.details().notes {
		line += "\n" + n
	}
	return line
}

// sourceLine returns line number line of file as compiled, or "".
func (in *Interp) sourceLine(file string, line int) string {
	in.mu.Lock()
	lines := in.sources[file]
	in.mu.Unlock()
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[line-1], "\r")
}

// caretLine is the line of markers CPython 3.11 prints under a
// traceback's source line: ^ under the failing expression, or for a
// binary operation or subscript ~ under the operands and ^ under the
// operator or index. It is empty when the expression is the whole line.
func caretLine(line string, sp compile.Span) string {
	if sp.EndCol < 0 || sp.Line == 0 || int(sp.Col) > len(line) {
		return ""
	}
	stripped := strings.TrimSpace(line)
	strippedChars := utf8.RuneCountInString(line) - utf8.RuneCountInString(strings.TrimLeft(line, " \t\f\v\r\n"))
	start := charOffset(line, int(sp.Col)) + 1
	var end int
	var left, right int
	anchored := false
	if sp.EndLine == sp.Line {
		if int(sp.EndCol) > len(line) {
			return ""
		}
		end = charOffset(line, int(sp.EndCol)) + 1
		left, right, anchored = caretAnchors(line[sp.Col:sp.EndCol])
	} else {
		// a multi-line expression is marked to the end of its first line
		end = charOffset(line, len(strings.TrimRight(line, " \t\f\v\r\n"))) + 1
	}
	n := utf8.RuneCountInString(stripped)
	if !(end-start < n || anchored && right-left > 0) {
		return ""
	}
	pad := strings.Repeat(" ", max(start-1-strippedChars, 0))
	if anchored {
		return pad + strings.Repeat("~", left) + strings.Repeat("^", right-left) + strings.Repeat("~", max(end-start-right, 0))
	}
	return pad + strings.Repeat("^", max(end-start, 0))
}

// charOffset converts a byte offset in s to a character offset.
func charOffset(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	return utf8.RuneCountInString(s[:off])
}

// caretAnchors parses the failing expression's text: for a binary
// operation it marks the operator, for a subscript the index.
func caretAnchors(segment string) (left, right int, ok bool) {
	m, err := syntax.Parse("<segment>", []byte(segment))
	if err != nil || len(m.Body) != 1 {
		return 0, 0, false
	}
	es, isExpr := m.Body[0].(*syntax.ExprStmt)
	if !isExpr {
		return 0, 0, false
	}
	switch x := es.X.(type) {
	case *syntax.BinOpExpr:
		_, lend := x.X.Span()
		rstart, _ := x.Y.Span()
		if lend.Line != 1 || rstart.Line != 1 {
			return 0, 0, false
		}
		opStart, opEnd := charOffset(segment, int(lend.Col)), charOffset(segment, int(rstart.Col))
		runes := []rune(segment)
		if opEnd > len(runes) || opStart > opEnd {
			return 0, 0, false
		}
		op := string(runes[opStart:opEnd])
		trimmed := strings.TrimLeft(op, " \t\f\n\r\v")
		offset := len(op) - len(trimmed)
		l := int(lend.Col) + offset
		r := l + 1
		if offset+1 < len(op) && !strings.ContainsAny(op[offset+1:offset+2], " \t\f\n\r\v") {
			r++
		}
		return charOffset(segment, l), charOffset(segment, r), true
	case *syntax.Subscript:
		_, vend := x.X.Span()
		_, iend := x.Index.Span()
		if vend.Line != 1 || iend.Line != 1 {
			return 0, 0, false
		}
		return charOffset(segment, int(vend.Col)), charOffset(segment, int(iend.Col)+1), true
	}
	return 0, 0, false
}
