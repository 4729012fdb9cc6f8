package python

import (
	"slices"
	"sync/atomic"
)

// iterGuard makes each step of an iterator atomic when several threads
// share it (a shared enumerate, zip or itertools.count). A thread that
// finds the iterator busy waits through Thread.Block, so that a host's GIL
// is released meanwhile. A thread re-entering its own iterator (a map
// function that advances the map) runs the inner step in the outer one
// if the guard is reentrant, as CPython's map, filter, zip and enumerate
// do; else it gets "already executing".
//
// Which thread runs the step each thread knows for itself (Thread.guards),
// so the guard is one flag. It is always set and cleared atomically, even
// while the host serialises the interpreter: a thread that waits for it
// does so in Thread.Block, without the GIL.
//
// The zero iterGuard is ready to use; its wake channel is made when a
// thread first has to wait.
type iterGuard struct {
	busy int32                         // 1 while a thread runs a step
	wake atomic.Pointer[chan struct{}] // one token, sent on release to a waiter

	// reentrant lets the thread running a step run further steps inside
	// it: for iterators whose steps keep their state in locals (or in
	// guarded iterators of their own) until they return. nested counts
	// those inner steps; only the thread holding busy touches it.
	reentrant bool
	nested    int32
}

// wakeChan returns the wake channel, making it on first use.
func (g *iterGuard) wakeChan() chan struct{} {
	if c := g.wake.Load(); c != nil {
		return *c
	}
	c := make(chan struct{}, 1)
	if g.wake.CompareAndSwap(nil, &c) {
		return c
	}
	return *g.wake.Load()
}

// try sets busy for t, or reports false if it is set.
func (g *iterGuard) try(t *Thread) bool {
	if !atomic.CompareAndSwapInt32(&g.busy, 0, 1) {
		return false
	}
	t.guards = append(t.guards, g)
	return true
}

func (g *iterGuard) acquire(t *Thread, what string) error {
	if g.try(t) {
		return nil
	}
	for _, h := range t.guards {
		if h == g {
			if g.reentrant {
				g.nested++
				return nil
			}
			return Errorf(ValueError, "%s already executing", what)
		}
	}
	acquired := false
	wake := g.wakeChan()
	err := t.Block(func(done <-chan struct{}) error {
		for !g.try(t) {
			select {
			case <-wake:
			case <-done:
				return nil
			}
		}
		acquired = true
		return nil
	})
	if acquired && err != nil {
		g.release(t)
	}
	return err
}

// release ends the step t began with acquire.
func (g *iterGuard) release(t *Thread) {
	if g.nested > 0 {
		g.nested-- // an inner step: the outer one still holds g
		return
	}
	// steps nest (a zip's calls a map's), so g is the last but after a
	// panic (an internal error) that left a step unfinished
	gs := t.guards
	if n := len(gs) - 1; n >= 0 && gs[n] == g {
		gs[n] = nil
		t.guards = gs[:n]
	} else if i := slices.Index(gs, g); i >= 0 {
		t.guards = slices.Delete(gs, i, i+1)
	}
	atomic.StoreInt32(&g.busy, 0)
	if c := g.wake.Load(); c != nil {
		select {
		case *c <- struct{}{}:
		default:
		}
	}
}
