package runtime

// What multiprocessing needs of the runtime beyond NewProcess: daemon
// processes, the threads of one interpreter, and locks that several
// interpreters share.

// SetDaemon makes an unstarted thread or process a daemon (or not).
func (t *Thread) SetDaemon(on bool) {
	t.rt.mu.Lock()
	defer t.rt.mu.Unlock()
	if !t.started {
		t.daemon = on
	}
}

// SameInterpreter reports whether t and u run in the same interpreter
// (domain): the kernel's, or one process's.
func (t *Thread) SameInterpreter(u *Thread) bool { return t.dom == u.dom }

// InterpreterThreads returns the live threads of root's interpreter,
// root first: for the main thread, the kernel's threads; for a process's
// first thread, that process's.
func (rt *Runtime) InterpreterThreads(root *Thread) []*Thread {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	out := []*Thread{root}
	for _, t := range rt.alive {
		if t != root && t.dom == root.dom {
			out = append(out, t)
		}
	}
	return out
}

// NewSharedLock is NewLock for a lock several interpreters use (a
// multiprocessing Lock or RLock): a controlled scheduler waits for it on
// real time, since a process may hold it.
func (rt *Runtime) NewSharedLock(reentrant bool, line int, name string) *Lock {
	l := rt.NewLock(reentrant, line, name)
	l.shared = true
	return l
}
