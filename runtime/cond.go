package runtime

import (
	"errors"
	"time"
)

// Cond is a wait whose condition the interpreter keeps itself, such as an
// item in a queue that several processes share or a message through a
// pipe. Under a controlled scheduler (lab.seed, exploration, the stepper)
// such a wait must be one the scheduler sees: it then decides when the
// thread that makes the condition true runs, and knows a deadlock when
// nobody can. Ready and Take are called with the runtime's locks held, so
// they may take the object's own lock but must not call the runtime.
type Cond struct {
	Obj   any         // what the thread waits on, as the trace's wait row names it
	Ready func() bool // whether Take would succeed now
	Take  func() bool // takes what was waited for if it is there, and reports whether it was
	// What says what the thread waits for: "an item of a multiprocessing
	// Queue". stuck says nobody is left who could provide it.
	What func(stuck bool) string
}

// ErrNotControlled is returned by WaitFor under a scheduler that is not a
// controlled one: such a wait is the interpreter's to run on real time.
var ErrNotControlled = errors.New("this wait needs a controlled scheduler (lab.seed or an exploration)")

// Controlled reports whether t's scheduler is a controlled one that runs
// every live thread of the session, processes included, so that it sees
// each of them wait: then a wait on a Cond belongs in WaitFor. (A process
// started before lab.seed keeps running on its own and on real time.)
func (t *Thread) Controlled() bool {
	s, ok := t.dom.get().(*controlled)
	if !ok {
		return false
	}
	t.rt.mu.Lock()
	defer t.rt.mu.Unlock()
	for _, u := range t.rt.alive {
		if u.dom.get() != s {
			return false
		}
	}
	return true
}

// WaitFor blocks t until c can be taken (true) or, when timeout >= 0, the
// timeout passes on the scheduler's virtual clock (false). It returns
// ErrNotControlled unless t.Controlled().
func (t *Thread) WaitFor(c *Cond, timeout time.Duration) (bool, error) {
	s, ok := t.dom.get().(*controlled)
	if !ok {
		return false, ErrNotControlled
	}
	return s.wait(t, &waitSpec{cond: c, timeout: timeout})
}
