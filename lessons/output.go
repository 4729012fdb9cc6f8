package lessons

import (
	"strings"
	"sync"

	"threadlab/lessons/python"
)

// Output is where a running cell sends what it produces. Every method must
// be safe to call from any goroutine, during and after Execute.
type Output interface {
	Stream(name, text string)
	Display(data, metadata map[string]any, displayID string, update bool)
	ClearOutput(wait bool)
	Input(prompt string, password bool) (string, error)
}

// cellStream is a thread's stdout or stderr: the stream of that name of
// the Output of the cell that started the thread. Threads inherit their
// streams from the thread that starts them (pyhost), so a thread's print
// goes to its cell even after the cell has ended; and the stream carries
// the cell's Output to input(), display() and lab.cpu.
type cellStream struct {
	out  Output
	name string // "stdout" or "stderr"
}

func (c *cellStream) Write(p []byte) (int, error) {
	c.out.Stream(c.name, string(p))
	return len(p), nil
}

// fallbackStream is the interpreter's own stdout and stderr: output that
// belongs to no thread (a SyntaxWarning while a cell compiles) goes to the
// cell that runs or ran last.
type fallbackStream struct {
	mu  sync.Mutex
	out Output
}

func (f *fallbackStream) set(out Output) {
	f.mu.Lock()
	f.out = out
	f.mu.Unlock()
}

func (f *fallbackStream) stream(name string) *fallbackWriter {
	return &fallbackWriter{f: f, name: name}
}

type fallbackWriter struct {
	f    *fallbackStream
	name string
}

func (w *fallbackWriter) Write(p []byte) (int, error) {
	w.f.mu.Lock()
	out := w.f.out
	w.f.mu.Unlock()
	if out != nil {
		out.Stream(w.name, string(p))
	}
	return len(p), nil
}

// outputOf is the Output of the cell that started t.
func (s *Session) outputOf(t *python.Thread) Output {
	if c, ok := t.Stdout().(*cellStream); ok {
		return c.out
	}
	s.fallback.mu.Lock()
	defer s.fallback.mu.Unlock()
	return s.fallback.out
}

// setBuiltins adds what a notebook has beyond Python's builtins: input()
// through the frontend, IPython's display() and clear_output(), and help().
func (s *Session) setBuiltins() {
	b := s.interp.Builtins()
	b.SetStr("input", python.NewBuiltin("input", s.input))
	b.SetStr("display", python.NewBuiltin("display", s.display))
	b.SetStr("clear_output", python.NewBuiltin("clear_output", s.clearOutput))
	b.SetStr("help", python.NewBuiltin("help", s.help))
}

// clearOutput is IPython's clear_output(wait=False).
func (s *Session) clearOutput(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var wait python.Value
	if err := python.UnpackArgs("clear_output", args, kw, []string{"wait?"}, &wait); err != nil {
		return nil, err
	}
	w := false
	if wait != nil {
		var err error
		if w, err = python.Truth(t, wait); err != nil {
			return nil, err
		}
	}
	if out := s.outputOf(t); out != nil {
		out.ClearOutput(w)
	}
	return python.None, nil
}

// stdinNotImplemented is what ipykernel raises when the frontend cannot
// answer input requests.
var stdinNotImplemented = python.NewType("StdinNotImplementedError", python.NotImplementedError).SetModule("threadlab")

// input is input(prompt=""): the frontend asks the learner for a line.
func (s *Session) input(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	if err := python.NoKwargs("input", kw); err != nil {
		return nil, err
	}
	if err := python.ArgCount("input", args, 0, 1); err != nil {
		return nil, err
	}
	prompt := ""
	if len(args) == 1 {
		p, err := python.ToStr(t, args[0])
		if err != nil {
			return nil, err
		}
		prompt = p
	}
	out := s.outputOf(t)
	if out == nil {
		return nil, python.Errorf(python.EOFError, "EOF when reading a line")
	}
	type answer struct {
		line string
		err  error
	}
	got := make(chan answer, 1)
	var a answer
	err := t.Block(func(done <-chan struct{}) error {
		go func() {
			line, err := out.Input(prompt, false)
			got <- answer{line, err}
		}()
		select {
		case a = <-got:
		case <-done: // interrupted: the reply, if any, is dropped
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if a.err != nil {
		return nil, python.NewException(stdinNotImplemented,
			python.Str("input() was called, but this frontend does not support input requests"))
	}
	return python.Str(strings.TrimSuffix(a.line, "\r")), nil
}
