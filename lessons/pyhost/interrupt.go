package pyhost

import (
	"errors"

	"threadlab/lessons/python"
)

// interrupted is the reason the main thread's runtime thread is stopped
// with by Interrupt: it ends whatever the thread waits in (a lock, a
// sleep, a join, a Condition's wait) or its next step, and pyErr raises
// it in the thread as KeyboardInterrupt, a Python exception that except
// can catch and on whose way out finally clauses and __exit__ run.
type interrupted struct{}

func (interrupted) Error() string { return "KeyboardInterrupt" }

// Interrupt raises KeyboardInterrupt in the main thread, as CPython's
// SIGINT handler does: at its next step, or inside its current wait.
// Other threads go on. Safe to call from any goroutine; a second call
// before the first is delivered does nothing more.
func (h *Host) Interrupt() { h.root.Stop(interrupted{}) }

// isInterrupt reports whether err is Interrupt's reason.
func isInterrupt(err error) bool {
	var i interrupted
	return errors.As(err, &i)
}

// raiseInterrupt delivers Interrupt's reason to t once, as a
// KeyboardInterrupt exception; a thread already cancelled unwinds with
// its cancellation instead.
func (h *Host) raiseInterrupt(t *python.Thread) error {
	if c := t.Err(); c != nil {
		return c
	}
	// Delivered once: the thread's finally clauses and __exit__ methods
	// must be able to take locks and sleep.
	if isInterrupt(bindingOf(t).rt.Stopped()) {
		bindingOf(t).rt.ClearStop()
	}
	return python.NewException(python.KeyboardInterrupt)
}

// threadModule is the part of CPython's _thread that threadlab offers:
// interrupt_main, with which a program can interrupt itself.
func (h *Host) threadModule() python.ModuleDef {
	return python.ModuleDef{Name: "_thread", Doc: "Low-level threading primitives (threadlab: interrupt_main only).", Init: func(t *python.Thread, m *python.Module) error {
		m.SetFunc("interrupt_main", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			if err := python.ArgCount("interrupt_main", args, 0, 0); err != nil {
				return nil, err
			}
			h.Interrupt()
			return python.None, nil
		})
		return nil
	}}
}
