package python

import "sync/atomic"

// iterGuard makes each step of an iterator atomic when several threads
// share it (a shared enumerate, zip or itertools.count). A thread that
// finds the iterator busy waits through Thread.Block, so that a host's GIL
// is released meanwhile; a thread re-entering its own iterator (a map
// function that advances the map) gets CPython's "already executing".
//
// The zero iterGuard is ready to use; its wake channel is made when a
// thread first has to wait.
type iterGuard struct {
	owner atomic.Pointer[Thread]        // the thread running a step, or nil
	wake  atomic.Pointer[chan struct{}] // one token, sent on release to a waiter
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

func (g *iterGuard) acquire(t *Thread, what string) error {
	if g.owner.CompareAndSwap(nil, t) {
		return nil
	}
	if g.owner.Load() == t {
		return Errorf(ValueError, "%s already executing", what)
	}
	acquired := false
	wake := g.wakeChan()
	err := t.Block(func(done <-chan struct{}) error {
		for !g.owner.CompareAndSwap(nil, t) {
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
		g.release()
	}
	return err
}

func (g *iterGuard) release() {
	g.owner.Store(nil)
	if c := g.wake.Load(); c != nil {
		select {
		case *c <- struct{}{}:
		default:
		}
	}
}
