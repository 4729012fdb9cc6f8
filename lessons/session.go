package lessons

import (
	"context"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Output is where a running cell sends what it produces. Every method must
// be safe to call from any goroutine, during and after Execute.
type Output interface {
	Stream(name, text string)
	Display(data, metadata map[string]any, displayID string, update bool)
	ClearOutput(wait bool)
	Input(prompt string, password bool) (string, error)
}

// HelpLink is one entry of kernel_info_reply's help_links.
type HelpLink struct{ Text, URL string }

// LanguageInfo describes the cell language for kernel_info_reply.
type LanguageInfo struct {
	Name, Version, Mimetype, FileExtension, PygmentsLexer, CodemirrorMode, Banner string
	HelpLinks                                                                    []HelpLink
}

// Language is the cell language as Jupyter sees it. Its name is "python" so
// that notebooks highlight cells as Python.
var Language = LanguageInfo{
	Name:           "python",
	Version:        "3 (Starlark dialect)",
	Mimetype:       "text/x-python",
	FileExtension:  ".py",
	PygmentsLexer:  "python3",
	CodemirrorMode: "python",
	Banner: "threadlab — learn threads, locks and the GIL in a Python dialect (Starlark).\n" +
		"Modules threading, time, multiprocessing and lab are ready without import.",
	HelpLinks: []HelpLink{
		{Text: "Starlark language", URL: "https://github.com/bazelbuild/starlark/blob/master/spec.md"},
		{Text: "Python threading", URL: "https://docs.python.org/3/library/threading.html"},
	},
}

// LocalOutput is the starlark.Thread local key holding the Output that
// print() and input() of that thread use.
const LocalOutput = "threadlab.out"

// LocalSession is the starlark.Thread local key holding the *Session.
const LocalSession = "threadlab.session"

// MIMEBundler is implemented by values with a rich display. A final
// expression whose value implements it shows this bundle.
type MIMEBundler interface {
	MIMEBundle() map[string]any
}

// FileOptions are the Starlark dialect of the cells.
var FileOptions = &syntax.FileOptions{
	Set:             true,
	While:           true,
	TopLevelControl: true,
	GlobalReassign:  true,
	Recursion:       true,
}

// Session is one kernel session: the shared global namespace of all cells
// and the predeclared modules.
type Session struct {
	mu      sync.Mutex
	globals starlark.StringDict

	// OnInterrupt, when set, is called (from the goroutine that noticed)
	// when a cell is interrupted, to stop user threads.
	OnInterrupt func()
}

// New makes a session with empty globals.
func New() *Session {
	s := &Session{globals: starlark.StringDict{}}
	for k, v := range s.modules() {
		s.globals[k] = v
	}
	return s
}

// NewThread builds a configured Starlark thread whose print() and input()
// go to out.
func (s *Session) NewThread(name string, out Output) *starlark.Thread {
	th := &starlark.Thread{Name: name}
	th.SetLocal(LocalOutput, out)
	th.SetLocal(LocalSession, s)
	th.Print = func(t *starlark.Thread, msg string) {
		if o, ok := t.Local(LocalOutput).(Output); ok && o != nil {
			o.Stream("stdout", msg+"\n")
		}
	}
	return th
}

// Execute runs one cell and returns the MIME bundle of a final expression
// (nil when there is none).
func (s *Session) Execute(ctx context.Context, code string, out Output) (map[string]any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := FileOptions.Parse("<cell>", code, 0)
	if err != nil {
		return nil, &CellError{Name: "SyntaxError", Message: err.Error()}
	}
	th := s.NewThread("MainThread", out)
	if err := starlark.ExecREPLChunk(f, th, s.globals); err != nil {
		return nil, &CellError{Name: "Error", Message: err.Error()}
	}
	return nil, nil
}

// Complete returns completion candidates for the text before cursor and
// the [start, end) range (in code points) that a candidate replaces.
func (s *Session) Complete(code string, cursor int) ([]string, int, int) {
	return nil, cursor, cursor
}

// Inspect returns help for the name at cursor.
func (s *Session) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	return nil, false
}

// IsComplete reports "complete", "incomplete" (with indent) or "invalid".
func (s *Session) IsComplete(code string) (string, string) {
	return "complete", ""
}

// Shutdown stops everything the session started.
func (s *Session) Shutdown() {
	if s.OnInterrupt != nil {
		s.OnInterrupt()
	}
}
