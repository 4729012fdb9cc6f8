package runtime

import goruntime "runtime"

// How a waiter learns that the GIL is its own.
//
// A waiter that found nobody else in the queue, while Go runs on one
// processor (procs.go: the GIL on, no live process), does not park: it
// gives its processor away with runtime.Gosched and looks at its state
// each time it gets it back. On one processor it gets it back only when
// the holder gives it away in turn, at its next hand-off (or when Go
// preempts a holder that ran for 10 ms without one, or one blocked in a
// system call); so the waiter costs no CPU of its own, and a hand-off
// between two threads, the tutorial's race, costs one Gosched instead of
// a channel's wake-up and park, about half as much. A waiter behind
// others, or on more than one processor, where looking would take a
// core of its own, parks on its channel at once, as does one whose
// holder has not handed over after gilSpins looks.
//
// The waiter's state says which way it waits: whoever takes it off the
// queue (under gilSched.mu) either swaps gilSpinning for the outcome,
// and then sends nothing, or, the waiter having parked, sends the
// outcome on gilWake; the waiter's own swap of gilSpinning for
// gilParked decides which, as only one of the two swaps can succeed.
const (
	gilSpinning int32 = iota + 1 // queued, looking at its state between Goscheds
	gilParked                    // queued, blocked on gilWake
	gilGranted                   // handed the GIL without a send
	gilRefused                   // taken off the queue by a stop without a send
)

// gilSpins is how often a spinning waiter looks before it parks. On one
// processor each look waits for the holder's next hand-off, so this
// bounds only the waits of a holder that ran long without one or
// blocked: gilSpins short looks, then the channel.
const gilSpins = 32

// wake hands t, just taken off the queue, the GIL (ok) or its stop.
// Callers have released g.mu.
func (g *gilSched) wake(t *Thread, ok bool) {
	to := gilRefused
	if ok {
		to = gilGranted
	}
	if t.gilState.CompareAndSwap(gilSpinning, to) {
		return
	}
	t.gilWake <- ok
}

// await waits for the GIL after push, and reports whether it was handed
// over (rather than the wait stopped). One channel rather than a select
// that also watches the stop channel: this wait happens at every
// hand-off, and a select costs a third more.
func (g *gilSched) await(t *Thread) error {
	if g.awaitGrant(t) {
		t.batch.on = !t.isMain
		return nil
	}
	return t.Stopped()
}

// awaitGrant is await's wait: true when t was handed the GIL, false when
// a stop took it off the queue. The outcome may have come before t
// first looks.
func (g *gilSched) awaitGrant(t *Thread) bool {
	for range gilSpins {
		switch t.gilState.Load() {
		case gilGranted:
			return true
		case gilRefused:
			return false
		case gilParked:
			return <-t.gilWake
		}
		goruntime.Gosched()
	}
	if t.gilState.CompareAndSwap(gilSpinning, gilParked) {
		return <-t.gilWake
	}
	return t.gilState.Load() == gilGranted
}

// waitState is how a waiter queued behind ahead others waits (see
// above). Go's processors are counted again every procsRecount calls:
// GOMAXPROCS(0) takes a lock of Go's scheduler, a tenth of a hand-off,
// and the count changes only when a process or lab.gil(False) begins or
// ends, after which a few more waiters may look a few times too often,
// or park. Callers hold g.mu.
func (g *gilSched) waitState(ahead int32) int32 {
	if ahead != 0 {
		return gilParked
	}
	if g.procsAge == 0 {
		g.oneProc = goruntime.GOMAXPROCS(0) == 1
	}
	g.procsAge = (g.procsAge + 1) % procsRecount
	if g.oneProc {
		return gilSpinning
	}
	return gilParked
}

// procsRecount: see waitState.
const procsRecount = 64
