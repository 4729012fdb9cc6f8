package lessons

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.starlark.net/starlark"
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

// Hints for errors that learners coming from Python meet.
const (
	frozenHint = "Values shared with threads that run without the GIL (or with a Process) are frozen, so that " +
		"threads cannot corrupt them: use lab.shared(...) for state that threads change, or protect it with a lock."
	sharedHint = "A function cannot rebind a global name in threadlab (there is no `global`). " +
		"Keep state that functions or threads change in a shared object: `counter = lab.shared(value=0)`, " +
		"then `counter.value = counter.value + 1` inside the function."
)

var (
	unboundRe  = regexp.MustCompile(`local variable (\S+) referenced before assignment`)
	nameErrRe  = regexp.MustCompile(`name '([^']+)' is not defined`)
	pythonMods = map[string]bool{"math": true, "random": true, "os": true, "sys": true, "queue": true,
		"asyncio": true, "concurrent": true, "numpy": true, "collections": true, "itertools": true, "functools": true}
)

// classify gives a Starlark error message a Python exception name, a
// plain-English message and maybe a hint.
func (s *Session) classify(msg string) (name, message, hint string) {
	switch {
	case strings.Contains(msg, memoryReason):
		return "MemoryError", memoryMessage(),
			"Look for a loop that keeps adding to a list or string without end. Rebinding the name (data = None) gives the memory back."
	case strings.Contains(msg, recursionReason):
		return "RecursionError", fmt.Sprintf("maximum recursion depth exceeded (more than %d nested calls)", MaxRecursionDepth),
			"A function that calls itself needs a case in which it stops calling itself."
	case unboundRe.MatchString(msg):
		v := unboundRe.FindStringSubmatch(msg)[1]
		message = fmt.Sprintf("local variable '%s' is used before it has a value. Because the function assigns to %s, "+
			"%s is local to the function, even where the function reads it.", v, v, v)
		if _, global := s.ns.Get(v); global {
			hint = sharedHint
		}
		return "UnboundLocalError", message, hint
	case strings.Contains(msg, "frozen"):
		return "FrozenError", msg, frozenHint
	case strings.HasPrefix(msg, "fail: "):
		return "Exception", strings.TrimPrefix(msg, "fail: "), ""
	case hasAny(msg, "division by zero", "modulo by zero"):
		return "ZeroDivisionError", msg, ""
	case hasAny(msg, "not in dict", "key ") && strings.Contains(msg, "not in"):
		return "KeyError", msg, ""
	case hasAny(msg, "out of range") && hasAny(msg, "index"):
		return "IndexError", msg, ""
	case hasAny(msg, "field or method", "no attribute", "has no .", "no such field"):
		return "AttributeError", msg, ""
	case hasAny(msg, "invalid literal", "invalid syntax for", "not a valid", "empty sequence", "not in list", "not found"):
		return "ValueError", msg, ""
	case hasAny(msg, "during iteration"):
		return "RuntimeError", msg, ""
	case hasAny(msg, "unsupported", "unknown binary op", "unknown unary op", "not callable", "non-function", "got ",
		"want ", "missing argument", "unexpected keyword", "accepts no", "too many", "unhashable", "not iterable",
		"not subscriptable", "does not support", "argument", "cannot compare"):
		return "TypeError", msg, ""
	}
	return "Error", msg, ""
}

// cellError turns what a cell's run returned into a *CellError with a
// traceback that points at cell lines.
func (s *Session) cellError(err error, filename string, interrupted bool) *CellError {
	var ce *CellError
	var ee *starlark.EvalError
	out := &CellError{}
	if errors.As(err, &ee) {
		out.Lines = s.traceLines(ee.CallStack, filename)
	}
	switch {
	case interrupted || strings.Contains(err.Error(), interruptReason):
		out.Name, out.Message = "KeyboardInterrupt", "the cell was interrupted"
	case errors.As(err, &ce):
		out.Name, out.Message, out.Hint = ce.Name, ce.Message, ce.Hint
		if len(out.Lines) == 0 {
			out.Lines = ce.Lines
		}
		if ce.Name == "NameError" && ce.Hint == "" {
			if m := nameErrRe.FindStringSubmatch(ce.Message); m != nil {
				out.Hint = s.nameHint(m[1])
			}
		}
	default:
		msg := err.Error()
		if ee != nil {
			msg = ee.Msg
		}
		out.Name, out.Message, out.Hint = s.classify(msg)
	}
	if out.Name == "" {
		out.Name = "Error"
	}
	return out
}

// nameHint suggests a fix for a name that is not defined.
func (s *Session) nameHint(name string) string {
	if pythonMods[name] {
		return fmt.Sprintf("threadlab has no module '%s'; only %s exist.", name, s.moduleList())
	}
	var cands []string
	cands = append(cands, s.ns.Names()...)
	cands = append(cands, builtinNames()...)
	cands = append(cands, s.moduleNames()...)
	best, bestD := "", 3
	for _, c := range cands {
		if d := editDistance(name, c); d < bestD && d <= len(name)/2 {
			best, bestD = c, d
		}
	}
	if best != "" {
		return fmt.Sprintf("Did you mean '%s'?", best)
	}
	return "Names are defined by assigning to them (x = ...) or with def, in this cell or a cell that ran before."
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// traceLines formats the Starlark frames that belong to cells, outermost
// first, as "Cell line N, in f: source".
func (s *Session) traceLines(stack starlark.CallStack, current string) []string {
	var out []string
	for _, fr := range stack {
		file := fr.Pos.Filename()
		s.srcMu.RLock()
		src, ok := s.sources[file]
		s.srcMu.RUnlock()
		if !ok {
			continue
		}
		where := "Cell"
		if file != current {
			where = "Earlier cell"
		}
		line := int(fr.Pos.Line)
		text := ""
		if line >= 1 && line <= len(src) {
			text = strings.TrimSpace(src[line-1])
		}
		fn := ""
		if fr.Name != "<toplevel>" {
			fn = ", in " + fr.Name
		}
		out = append(out, fmt.Sprintf("%s line %d%s: %s", where, line, fn, text))
	}
	return compressRepeats(out)
}

// compressRepeats folds runs of identical lines, as Python does for deep
// recursion: the line is kept three times, then "[Previous line repeated
// N more times]".
func compressRepeats(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j] == lines[i] {
			j++
		}
		n := j - i
		for k := 0; k < min(n, 3); k++ {
			out = append(out, lines[i])
		}
		if n > 3 {
			out = append(out, fmt.Sprintf("  [Previous line repeated %d more times]", n-3))
		}
		i = j
	}
	return out
}
