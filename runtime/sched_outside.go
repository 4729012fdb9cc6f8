package runtime

// Waits a controlled scheduler cannot decide: a process started before
// lab.seed runs in its own domain on real time, so joining it, or
// waiting for a lock it holds, depends on a thread this scheduler does
// not run; so does Blocking (input()). A thread in such a wait steps out
// of the controlled domain (cOutside): the others go on in the chooser's
// order, and nobody is counted as stuck while it is away. When it comes
// back it takes the turn if the domain is idle, or waits to be chosen.
// (A process started under the controlled scheduler shares it, and
// waiting for it is like waiting for a thread.)

// externalLocked reports whether w depends on threads that t's
// scheduler does not run: a join of a process that runs on its own (one
// started before lab.seed), or a lock several interpreters share that
// such a process holds. Under lab.seed and exploration a process shares
// the kernel's scheduler (NewProcess), and waiting for it, or for a lock
// it holds, is like waiting for a thread. Callers hold rt.mu.
func (w *waitSpec) externalLocked(t *Thread) bool {
	s := t.dom.get()
	if w.join != nil {
		return w.join.dom.get() != s
	}
	return w.lock != nil && w.lock.shared && w.lock.owner != nil && w.lock.owner.dom.get() != s
}

// comingLocked reports whether a thread of the domain will come back of
// its own accord: it is away in an outside wait, or it was stopped while
// it waited and is on its way out (a terminated process's), which may be
// what another waits for. Nobody can run now, but that is no deadlock.
// Callers hold c.mu.
func (c *controlled) comingLocked() bool {
	for _, x := range c.threads {
		if x.cstate == cOutside || x.cstate == cWaiting && x.stopped.Load() {
			return true
		}
	}
	return false
}

func (c *controlled) outside(t *Thread, fn func()) error {
	if err := c.mine(t); err != nil {
		return err
	}
	c.mu.Lock()
	t.cstate = cOutside
	stop := c.handOff(t, OpJoin)
	c.mu.Unlock()
	stopAll(stop)
	fn()
	c.mu.Lock()
	t.cstate = cReady
	if c.turn.Load() == nil && !c.over {
		c.turn.Store(t)
		c.mu.Unlock()
		return t.Stopped()
	}
	c.mu.Unlock()
	return c.park(t)
}

// waitOutside is a wait on real time for something outside the domain.
func (c *controlled) waitOutside(t *Thread, w *waitSpec) (bool, error) {
	var ok bool
	var err error
	if err2 := c.outside(t, func() { ok, err = c.rt.realWait(t, w) }); err == nil {
		err = err2
	}
	return ok, err
}
