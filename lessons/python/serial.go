package python

import "sync"

// Serialised execution: lock elision under a host's GIL.
//
// With no GIL, threads of one interpreter run Python in parallel, and
// each operation on a list, dict, set or cell holds the object's mutex, as
// free-threaded CPython makes each operation on a built-in object atomic.
// A host that lets one thread run Python at a time (threadlab's GIL)
// tells the interpreter so with SetSerialised(true); the operations its
// threads make then skip those mutexes, which buy nothing while nobody
// else can be in the middle of one.
//
// What the host promises while the mode is on:
//   - at most one thread of the interpreter runs Python at a time, and
//     the hand-off from one to the next is a Go synchronisation (a mutex
//     or a channel), so that each access is ordered before the next;
//   - Go code that is not such a thread (completion, a display, the copy
//     of an argument for a child process) touches the interpreter's
//     objects only while it holds the same turn, or while no thread of
//     the interpreter runs;
//   - the interpreter itself sees to objects shared with another
//     interpreter (values cross as copies, and what transfer.go cannot
//     copy it shares, and then both interpreters lock for good).
//
// And when it flips the mode: on only while no other thread of the
// interpreter can be inside an operation (they are parked waiting for
// the turn, or there are none); off before a second thread may run
// beside the first, which the thread holding the turn may do at any
// moment: an operation that skipped its lock runs no Python code and
// never blocks, so no parked thread is in the middle of one. The thread
// that flips may itself be inside an operation only through Python code
// that operation called, and the only such calls are a key's __eq__
// during a dict or set lookup, which holds the real mutex in either mode
// (see Dict.lockKey); so no operation runs partly unlocked while another
// thread runs.
//
// A nil *Thread (the exported methods that take none, used by Go code
// outside the interpreter's threads) always locks.

// SetSerialised says whether the host serialises the interpreter's
// Python execution (see above). Off by default, and off for good once the
// interpreter shares objects with another (shareObjects).
func (in *Interp) SetSerialised(on bool) {
	in.mu.Lock()
	in.serialised.Store(on && !in.sharing)
	in.mu.Unlock()
}

// shareObjects records that mutable objects of the interpreter are shared
// with another interpreter, which runs beside it under a GIL of its own:
// from now on its threads lock. Called by a thread that holds the turn,
// so no other is in the middle of an operation that skipped a lock.
func (in *Interp) shareObjects() {
	in.mu.Lock()
	in.sharing = true
	in.serialised.Store(false)
	in.mu.Unlock()
}

// Serialised reports whether the host serialises the interpreter's
// Python execution.
func (in *Interp) Serialised() bool { return in.serialised.Load() }

// lock takes mu unless t's interpreter is serialised, and reports whether
// it did; pass the result to unlock. It inlines to a load and a branch.
func (t *Thread) lock(mu *sync.Mutex) bool {
	if t != nil && t.interp.serialised.Load() {
		return false
	}
	return lockMutex(mu)
}

// unlock releases mu if lock took it.
func unlock(mu *sync.Mutex, locked bool) {
	if locked {
		unlockMutex(mu)
	}
}

// lockMutex and unlockMutex stay out of line, so that lock and unlock
// are cheap enough to inline.
//
//go:noinline
func lockMutex(mu *sync.Mutex) bool {
	mu.Lock()
	return true
}

//go:noinline
func unlockMutex(mu *sync.Mutex) { mu.Unlock() }
