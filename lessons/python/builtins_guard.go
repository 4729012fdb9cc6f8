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
	busy  atomic.Bool
	owner atomic.Pointer[Thread]
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
	if g.busy.CompareAndSwap(false, true) {
		g.owner.Store(t)
		return nil
	}
	if g.owner.Load() == t {
		return Errorf(ValueError, "%s already executing", what)
	}
	acquired := false
	wake := g.wakeChan()
	err := t.Block(func(done <-chan struct{}) error {
		for !g.busy.CompareAndSwap(false, true) {
			select {
			case <-wake:
			case <-done:
				return nil
			}
		}
		acquired = true
		return nil
	})
	if acquired {
		g.owner.Store(t)
		if err != nil {
			g.release()
		}
	}
	return err
}

func (g *iterGuard) release() {
	g.owner.Store(nil)
	g.busy.Store(false)
	if c := g.wake.Load(); c != nil {
		select {
		case *c <- struct{}{}:
		default:
		}
	}
}
