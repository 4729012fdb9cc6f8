package runtime

import "time"

// scheduler decides which threads of one domain may run. Every method is
// called on the goroutine of the thread it names.
type scheduler interface {
	// spawn registers a thread that is about to start (called by the parent).
	spawn(t *Thread)
	// enter makes t one of the threads running code; it may wait for a turn.
	enter(t *Thread) error
	// leave takes t out of scheduling: it ended, or its cell finished.
	leave(t *Thread)
	// tick is called when t has run its step budget; it returns the next one.
	tick(t *Thread) (int, error)
	// point is called just before t performs op.
	point(t *Thread, op Op) error
	// wait blocks t until w is satisfied (true) or times out (false).
	wait(t *Thread, w *waitSpec) (bool, error)
	// sleep pauses t for d.
	sleep(t *Thread, d time.Duration) error
	// outside runs fn, a wait on something the scheduler cannot see
	// (another process, the terminal), with t out of scheduling meanwhile.
	outside(t *Thread, fn func()) error
	// current returns the one thread allowed to run, or nil when several may.
	current() *Thread
	// now is the scheduler's clock.
	now() time.Time
}

// OpKind says what a scheduling point is about to do.
type OpKind int

// The kinds of operation a thread announces at a scheduling point.
const (
	OpBegin   OpKind = iota // a new thread's first step
	OpRead                  // read a memory location
	OpWrite                 // write a memory location
	OpAcquire               // take a lock
	OpRelease               // release a lock
	OpStart                 // start another thread
	OpJoin                  // wait for another thread's end
	OpEnd                   // the thread ends
	OpSleep                 // time.sleep
	OpWait                  // (in traces only) the thread starts to wait for a lock or a thread
	OpNotify                // (in traces only) the thread's notify wakes a thread that waits on a Condition
)

var opNames = [...]string{"begin", "read", "write", "acquire", "release", "start", "join", "end", "sleep", "wait", "notify"}

func (k OpKind) String() string { return opNames[k] }

// Op is an operation announced at a scheduling point. Obj is the id of the
// lock, the index of the thread started or joined, or for an access the
// object's number in the run (Field and Key say which of its locations).
type Op struct {
	Kind  OpKind
	Obj   int
	Field string
	Key   any

	// What exploration needs to tell whether the operation can happen now
	// and what it will touch.
	loc    Loc     // OpRead, OpWrite: the location itself, for naming it
	lock   *Lock   // OpAcquire
	try    bool    // OpAcquire that returns at once when the lock is taken
	thread *Thread // OpJoin
	cas    *casOp  // OpWrite that is a compare-and-swap
}

// waitSpec describes what a blocked thread waits for.
type waitSpec struct {
	lock    *Lock
	join    *Thread
	cond    *Cond         // a condition the interpreter keeps (cond.go)
	timeout time.Duration // < 0: forever
	until   time.Duration // deadline on a controlled scheduler's virtual clock
	line    int
	err     error         // set when the wait must end with an error (deadlock)
	kick    chan struct{} // closed together with err being set
}

func (w *waitSpec) timed() bool { return w.timeout >= 0 }

// tryLocked takes what t waits for if it is available. Callers hold rt.mu.
func (w *waitSpec) tryLocked(t *Thread) bool {
	switch {
	case w.lock != nil:
		return w.lock.takeLocked(t)
	case w.join != nil:
		return w.join.ended
	case w.cond != nil:
		return w.cond.Take()
	}
	return false
}

// readyLocked reports whether tryLocked would succeed. Callers hold rt.mu.
func (w *waitSpec) readyLocked(t *Thread) bool {
	switch {
	case w.lock != nil:
		return w.lock.owner == nil || (w.lock.reentrant && w.lock.owner == t)
	case w.join != nil:
		return w.join.ended
	case w.cond != nil:
		return w.cond.Ready()
	}
	return false
}
