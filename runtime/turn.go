package runtime

// LeaveTurn gives up t's turn (the GIL, when it is on) before a wait that
// the interpreter runs itself rather than through a runtime primitive;
// EnterTurn takes a turn back afterwards. Both are called on t's goroutine.
func (t *Thread) LeaveTurn() { t.dom.get().leave(t) }

// EnterTurn waits for t's next turn after LeaveTurn.
func (t *Thread) EnterTurn() error { return t.dom.get().enter(t) }

// ClearStop undoes a stop whose reason the interpreter has now delivered
// (a DeadlockError raised in the main thread, which may catch it and go
// on), as BeginCell does for each new cell.
func (t *Thread) ClearStop() {
	t.rt.mu.Lock()
	defer t.rt.mu.Unlock()
	if t.ended {
		return
	}
	t.renewStop()
	t.stopErr = nil
	t.stopped.Store(false)
}
